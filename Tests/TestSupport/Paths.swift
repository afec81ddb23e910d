import Foundation
import MaalplanSamples
import XCTest

/// Paths of the repository, its Fixtures, ../shared and the built programs, found from this file.
public enum Paths {
    public static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let fixtures = repo.appendingPathComponent("Fixtures")
    public static let shared = repo.deletingLastPathComponent().appendingPathComponent("shared")

    /// The Word files in Fixtures/, sorted.
    public static func fixtureDocuments() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { ["docx", "docm", "dotx", "dotm"].contains(($0 as NSString).pathExtension) }
            .sorted().map { fixtures.appendingPathComponent($0) }
    }

    public static func expected(for doc: URL) -> URL {
        doc.deletingPathExtension().appendingPathExtension("expected.json")
    }

    /// The built `maalplan` executable: beside the test bundle in the build products folder
    /// (`swift test` builds it), else `.build/debug/maalplan`.
    public static var binary: String? {
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
public func temporaryFolder(_ test: XCTestCase, _ name: String = #function) throws -> String {
    let clean = name.filter { $0.isLetter || $0.isNumber }
    let dir = NSTemporaryDirectory() + "maalplan-test-\(clean)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    test.addTeardownBlock {
        _ = chmod(dir, 0o755)
        try? FileManager.default.removeItem(atPath: dir)
    }
    return dir
}

public func write(_ bytes: [UInt8], _ path: String) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
}

public func writeText(_ s: String, _ path: String) throws { try write(Array(s.utf8), path) }

/// Sample plan `i` written to `path`.
public func writePlan(_ i: Int, _ path: String) throws { try write(SamplePlans.build(i), path) }

/// A small file system of its own (tmpfs), for a test that needs a disk that fills up or turns
/// read-only. Only root can mount one: elsewhere `make` returns nil and prints why.
public final class SmallFileSystem {
    public let path: String

    private init(path: String) { self.path = path }

    public static func make(_ test: XCTestCase, kib: Int, _ name: String = #function) throws -> SmallFileSystem? {
        guard geteuid() == 0 else {
            print("\(name): skipped: only root can mount a small file system (tmpfs) to fill or make read-only")
            return nil
        }
        let dir = try temporaryFolder(test, name) + "/fs"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        guard mountCommand(["-t", "tmpfs", "-o", "size=\(kib)k,mode=0755", "tmpfs", dir]) else {
            print("\(name): skipped: mount -t tmpfs is not allowed here")
            return nil
        }
        test.addTeardownBlock { _ = SmallFileSystem.mountCommand(["-l", dir], program: "/bin/umount") }
        return SmallFileSystem(path: dir)
    }

    /// Remounts it read-only: from now on nothing can be made or written in it, by root neither.
    public func makeReadOnly() -> Bool { Self.mountCommand(["-o", "remount,ro", path]) }

    @discardableResult
    static func mountCommand(_ args: [String], program: String = "/bin/mount") -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}
