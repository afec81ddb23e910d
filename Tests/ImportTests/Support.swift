import DocxPackage
import Foundation
import GRDB
import MaalplanSamples
import MaalplanStore
import MaalplanModel
import XCTest

enum Paths {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repo.appendingPathComponent("Fixtures")

    /// The built `maalplan` executable: beside the test bundle in the build products folder
    /// (`swift test` builds it), else `.build/debug/maalplan`.
    static var binary: String? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("maalplan").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let fallback = repo.appendingPathComponent(".build/debug/maalplan").path
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }
}

/// A fresh folder under the system's temporary folder, removed by the test's teardown.
func temporaryFolder(_ test: XCTestCase, _ name: String = #function) throws -> String {
    let clean = name.filter { $0.isLetter || $0.isNumber }
    let dir = NSTemporaryDirectory() + "maalplan-import-\(clean)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    test.addTeardownBlock {
        _ = chmod(dir, 0o755)
        try? FileManager.default.removeItem(atPath: dir)
    }
    return dir
}

func write(_ bytes: [UInt8], _ path: String) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
}

func writeText(_ s: String, _ path: String) throws { try write(Array(s.utf8), path) }

/// Sample plan `i` written to `path`.
func writePlan(_ i: Int, _ path: String) throws { try write(SamplePlans.build(i), path) }

/// Runs an import in process, as the CLI does.
@discardableResult
func runImport(_ paths: [String], db: String, jsonDir: String? = nil, jobs: Int = 2, language: MessageLanguage = .da,
               stop: StopFlag = StopFlag()) throws -> ImportSummary {
    let walk = try Walker.walk(paths)
    let store = try Store.openForImport(path: db)
    let importer = Importer(store: store, options: ImportOptions(jobs: jobs, jsonDir: jsonDir, language: language, toolVersion: "test"))
    return try importer.run(walk, arguments: paths, stop: stop)
}

let allTables = ["plans", "sources", "goals", "signs", "trial_actions", "milestones", "contributing_workplaces",
                 "findings", "failures", "imports"]

/// Rows in every table.
func tableCounts(_ db: String) throws -> [String: Int] {
    let q = try DatabaseQueue(path: db)
    return try q.read { db in
        var out: [String: Int] = [:]
        for t in allTables { out[t] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t)") ?? -1 }
        return out
    }
}

func query<T: DatabaseValueConvertible>(_ db: String, _ sql: String, _ type: T.Type = T.self) throws -> [T] {
    let q = try DatabaseQueue(path: db)
    return try q.read { db in try T.fetchAll(db, sql: sql) }
}

func rowCount(_ db: String, _ sql: String) throws -> Int {
    let q = try DatabaseQueue(path: db)
    return try q.read { db in try Row.fetchAll(db, sql: sql).count }
}

func integrity(_ db: String) throws -> String {
    let q = try DatabaseQueue(path: db)
    return try q.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
}

/// The result of running the built binary; output goes through files, so nothing blocks on a full pipe.
struct RunResult {
    var status: Int32
    var out: String
    var err: String
    var signalled: Bool
}

func runBinary(_ args: [String], cwd: String? = nil, _ test: XCTestCase) throws -> RunResult {
    let p = try startBinary(args, cwd: cwd)
    return p.wait()
}

final class RunningBinary {
    let process: Process
    let outPath: String
    let errPath: String
    init(process: Process, outPath: String, errPath: String) { self.process = process; self.outPath = outPath; self.errPath = errPath }

    func wait() -> RunResult {
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

func startBinary(_ args: [String], cwd: String? = nil) throws -> RunningBinary {
    guard let bin = Paths.binary else {
        XCTFail("the maalplan binary is not built: run `swift build --product maalplan` (make test does)")
        throw XCTSkip("no binary")
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: bin)
    p.arguments = args
    p.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    let tag = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let outPath = NSTemporaryDirectory() + "maalplan-out-\(tag)", errPath = NSTemporaryDirectory() + "maalplan-err-\(tag)"
    FileManager.default.createFile(atPath: outPath, contents: nil)
    FileManager.default.createFile(atPath: errPath, contents: nil)
    p.standardOutput = FileHandle(forWritingAtPath: outPath)
    p.standardError = FileHandle(forWritingAtPath: errPath)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    return RunningBinary(process: p, outPath: outPath, errPath: errPath)
}
