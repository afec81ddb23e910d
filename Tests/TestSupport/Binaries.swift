import Foundation
import XCTest

/// The result of running the built binary; output goes through files, so nothing blocks on a full pipe.
public struct RunResult {
    public var status: Int32
    public var out: String
    public var err: String
    public var signalled: Bool
}

public func runBinary(_ args: [String], cwd: String? = nil, user: String? = nil, environment: [String: String] = [:],
                      _ test: XCTestCase) throws -> RunResult {
    let p = try startBinary(args, cwd: cwd, user: user, environment: environment)
    return p.wait()
}

public final class RunningBinary {
    public let process: Process
    let outPath: String
    let errPath: String
    init(process: Process, outPath: String, errPath: String) { self.process = process; self.outPath = outPath; self.errPath = errPath }

    public func wait() -> RunResult {
        process.waitUntilExit()
        // Decoded as is: a byte order mark stays.
        let out = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), as: UTF8.self)
        let err = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self)
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
        return RunResult(status: process.terminationStatus, out: out, err: err,
                         signalled: process.terminationReason == .uncaughtSignal)
    }
}

/// `user`: run as that user (through runuser, which only root may use), to meet permissions root does not.
public func startBinary(_ args: [String], cwd: String? = nil, user: String? = nil, environment: [String: String] = [:]) throws -> RunningBinary {
    guard let bin = Paths.binary else {
        XCTFail("the maalplan binary is not built: run `swift build --product maalplan` (make test does)")
        throw XCTSkip("no binary")
    }
    let p = Process()
    if let user {
        p.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        p.arguments = ["-u", user, "--", bin] + args
    } else {
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = args
    }
    p.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"].merging(environment) { $1 }
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    let tag = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let outPath = NSTemporaryDirectory() + "maalplan-out-\(tag)", errPath = NSTemporaryDirectory() + "maalplan-err-\(tag)"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    p.standardOutput = FileHandle(forWritingAtPath: outPath)
    p.standardError = FileHandle(forWritingAtPath: errPath)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    return RunningBinary(process: p, outPath: outPath, errPath: errPath)
}
