import MaalplanCore
import DocxPackage
import Foundation
import WordDocument
import MaalplanModel
import XCTest

import Glibc

/// Robustness over real-world Word files from other projects' test suites
/// (<repo>/../shared/corpus/third-party, see its SOURCES.md):
///
/// * every file is read or refused with a one-line message; no crash, no hang
///   (a watchdog names a file that takes over 20 s; a crash handler names the file being read);
/// * over the files pandoc reads, at least 95 % of pandoc's words are in our text
///   (body, tables, text boxes, notes, headers, footers), and at most three of them are refused.
///
/// pandoc's words come from pandoc-words.tsv next to this file, written by
/// scripts/pandoc-corpus-cache.sh; the test itself needs no pandoc.
final class CorpusTests: XCTestCase {
    static let hangLimit: TimeInterval = 20
    static let minimumCoverage = 0.95
    static let maximumRefusedOfPandocRead = 3

    static var here: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent() }
    static var corpus: URL {
        here.deletingLastPathComponent().deletingLastPathComponent()   // <repo>
            .deletingLastPathComponent().appendingPathComponent("shared/corpus/third-party")
    }

    func testThirdPartyCorpus() throws {
        let corpus = Self.corpus
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus.path, isDirectory: &isDir), isDir.boolValue else {
            let reason = "CorpusTests skipped: no corpus at \(corpus.standardizedFileURL.path) (it lives in ../shared next to the repository, as on CI)"
            print(reason)
            throw XCTSkip(reason)
        }
        let cache = try PandocCache(contentsOf: Self.here.appendingPathComponent("pandoc-words.tsv"))
        let files = try Corpus.files(in: corpus)
        XCTAssertFalse(files.isEmpty, "no files in \(corpus.path)")

        let started = Date()
        let watchdog = Watchdog(limit: Self.hangLimit)
        CrashReporter.install()
        defer { watchdog.stop(); CrashReporter.uninstall() }

        struct FileResult { var name: String; var pandocWords: Int; var found: Int; var refusal: String? }
        var results: [FileResult] = []
        var refused: [(name: String, message: String)] = []
        var changed: [String] = []
        var uncached: [String] = []
        var slowest: (name: String, seconds: TimeInterval) = ("", 0)

        for name in files {
            let path = corpus.appendingPathComponent(name).path
            watchdog.begin(name)
            CrashReporter.reading(name)
            let t0 = Date()
            let outcome: Result<WordDocument, ReadError>
            do { outcome = .success(try WordReader.read(path: path)) } catch { outcome = .failure(error) }
            let seconds = Date().timeIntervalSince(t0)
            watchdog.end()
            if seconds > slowest.seconds { slowest = (name, seconds) }

            var ours: [String: Int] = [:]
            var refusal: String?
            switch outcome {
            case .success(let doc):
                let text = ([doc.plainText] + doc.headers.map(\.text) + doc.footers.map(\.text)).joined(separator: "\n")
                for w in Corpus.words(text) { ours[w, default: 0] += 1 }
            case .failure(let error):
                let da = error.message(.da), en = error.message(.en)
                for m in [da, en] {
                    XCTAssertFalse(m.trimmingCharacters(in: .whitespaces).isEmpty, "\(name): empty refusal message")
                    XCTAssertFalse(m.contains(where: \.isNewline), "\(name): refusal message is not one line: \(m)")
                }
                refusal = da
                refused.append((name, da))
                // The limits on what a document may grow to refuse none of these real files.
                if case .tooMany = error.reason { XCTFail("\(name): refused by a growth limit: \(en)") }
            }

            guard let entry = cache.entries[name] else { uncached.append(name); continue }
            guard entry.sha256 == (try? SHA256.hex(ofFile: path)) else { changed.append(name); continue }
            guard let pandoc = entry.words else { continue }   // pandoc fails on it: no measure
            let total = pandoc.values.reduce(0, +)
            let found = pandoc.reduce(0) { $0 + min($1.value, ours[$1.key] ?? 0) }
            results.append(FileResult(name: name, pandocWords: total, found: found, refusal: refusal))
        }
        let elapsed = Date().timeIntervalSince(started)

        let pandocWords = results.reduce(0) { $0 + $1.pandocWords }
        let found = results.reduce(0) { $0 + $1.found }
        let coverage = pandocWords == 0 ? 1 : Double(found) / Double(pandocWords)
        let refusedOfPandoc = results.filter { $0.refusal != nil }

        func pct(_ x: Double) -> String { String(format: "%.2f %%", 100 * x) }
        var report: [String] = []
        report.append("CorpusTests: \(files.count) files: \(files.count - refused.count) read, \(refused.count) refused "
            + "(\(refusedOfPandoc.count) of them read by pandoc); coverage \(pct(coverage)) of pandoc's \(pandocWords) words "
            + "over \(results.count) files pandoc reads; \(String(format: "%.1f", elapsed)) s "
            + "(slowest \(slowest.name) \(String(format: "%.2f", slowest.seconds)) s)")
        for r in refused { report.append("  refused \(r.name): \(r.message)") }
        for n in changed { report.append("  changed since pandoc-words.tsv (sha256 differs, not measured; run scripts/pandoc-corpus-cache.sh): \(n)") }
        for n in uncached { report.append("  not in pandoc-words.tsv (not measured; run scripts/pandoc-corpus-cache.sh): \(n)") }
        report.append("  lowest coverage:")
        let worst = results.filter { $0.pandocWords > 0 }
            .sorted { (Double($0.found) / Double($0.pandocWords), $0.name) < (Double($1.found) / Double($1.pandocWords), $1.name) }
        for r in worst.prefix(10) {
            report.append("    \(pct(Double(r.found) / Double(r.pandocWords))) \(r.name): \(r.pandocWords - r.found) of \(r.pandocWords) words missing"
                + (r.refusal == nil ? "" : " (refused)"))
        }
        print(report.joined(separator: "\n"))

        XCTAssertGreaterThanOrEqual(coverage, Self.minimumCoverage,
            "only \(pct(coverage)) of pandoc's words are in our text (want ≥ \(pct(Self.minimumCoverage)))")
        XCTAssertLessThanOrEqual(refusedOfPandoc.count, Self.maximumRefusedOfPandocRead,
            "we refuse \(refusedOfPandoc.count) files pandoc reads: \(refusedOfPandoc.map(\.name).joined(separator: ", "))")
    }

    /// The tokeniser must agree with the script's on what a word is.
    func testWords() {
        XCTAssertEqual(Corpus.words("Målplan 2025: Børn-og-unge, ÆBLE\u{A0}x²"), ["målplan", "2025", "børn", "og", "unge", "æble", "x2"])
        XCTAssertEqual(Corpus.words("Cafe\u{301} ΟΔΟΣ İ"), ["café", "οδοσ", "i\u{307}"])
        XCTAssertEqual(Corpus.words(" – 1. «a»\t"), ["1", "a"])
        XCTAssertEqual(Corpus.words("m² H₂O x\u{2071} Bewusst\u{AD}seins"), ["m2", "h2o", "xi", "bewusstseins"])
    }
}

// MARK: - Words

enum Corpus {
    /// The corpus files as "<folder>/<file>", sorted by byte order (as the script's `sort` in C locale).
    static func files(in dir: URL) throws -> [String] {
        var names: [String] = []
        let fm = FileManager.default
        for folder in try fm.contentsOfDirectory(atPath: dir.path) {
            var isDir: ObjCBool = false
            let sub = dir.appendingPathComponent(folder)
            guard fm.fileExists(atPath: sub.path, isDirectory: &isDir), isDir.boolValue else { continue }
            for file in try fm.contentsOfDirectory(atPath: sub.path) {
                var fileIsDir: ObjCBool = false
                if fm.fileExists(atPath: sub.appendingPathComponent(file).path, isDirectory: &fileIsDir), !fileIsDir.boolValue {
                    names.append("\(folder)/\(file)")
                }
            }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// As scripts/pandoc-corpus-cache.sh: maximal runs of letter, mark and number scalars
    /// (general category L*, M*, N*) of the NFC text, each scalar lowercased with its
    /// full context-free mapping, then NFC. A soft hyphen is dropped (it does not end a
    /// word); super- and subscript digits and ⁱ ⁿ count as the plain character.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var cur = String.UnicodeScalarView()
        var ascii = true
        func flush() {
            if cur.isEmpty { return }
            let w = String(cur)
            out.append(ascii ? w : nfc(w))
            cur = String.UnicodeScalarView()
            ascii = true
        }
        for u in nfc(text).unicodeScalars {
            let v = u.value
            if v < 0x80 {
                if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) {
                    cur.append(u)
                } else if (0x41...0x5A).contains(v) {
                    cur.append(Unicode.Scalar(v + 0x20)!)
                } else {
                    flush()
                }
            } else if v == 0xAD {
                continue
            } else if let folded = fold[v] {
                cur.append(folded)
            } else if isWordScalar(u) {
                ascii = false
                cur.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// Super- and subscript digits (and ⁱ ⁿ) as the plain character, as the script's FOLD.
    static let fold: [UInt32: Unicode.Scalar] = {
        var m: [UInt32: Unicode.Scalar] = [0xB9: "1", 0xB2: "2", 0xB3: "3", 0x2071: "i", 0x207F: "n"]
        for d: UInt32 in [0, 4, 5, 6, 7, 8, 9] { m[0x2070 + d] = Unicode.Scalar(0x30 + d)! }
        for d: UInt32 in 0...9 { m[0x2080 + d] = Unicode.Scalar(0x30 + d)! }
        return m
    }()

    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func nfc(_ s: String) -> String {
        for b in s.utf8 where b >= 0x80 { return s.precomposedStringWithCanonicalMapping }
        return s
    }
}

/// pandoc-words.tsv: name, sha256, ok|fail, "word:count" pairs.
struct PandocCache {
    struct Entry { var sha256: String; var words: [String: Int]? }
    var entries: [String: Entry] = [:]

    init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 3 else { continue }
            var words: [String: Int]?
            if f[2] == "ok" {
                var w: [String: Int] = [:]
                if f.count > 3 {
                    for pair in f[3].split(separator: " ") {
                        guard let colon = pair.lastIndex(of: ":"), let n = Int(pair[pair.index(after: colon)...]) else { continue }
                        w[String(pair[..<colon]), default: 0] += n
                    }
                }
                words = w
            }
            entries[String(f[0])] = Entry(sha256: String(f[1]), words: words)
        }
    }
}

// MARK: - Hangs and crashes

/// Names the file and ends the process when one read takes longer than `limit`
/// (a hung read cannot be cancelled, and a test that never ends names nothing).
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var current: (name: String, since: Date)?
    private var stopped = false

    init(limit: TimeInterval) {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.25)
                lock.lock()
                let (cur, stop) = (current, stopped)
                lock.unlock()
                if stop { return }
                if let cur, Date().timeIntervalSince(cur.since) > limit {
                    let msg = "CorpusTests: HANG: reading \(cur.name) has taken more than \(Int(limit)) s; aborting\n"
                    FileHandle.standardError.write(msg.data(using: .utf8)!)
                    exit(3)
                }
            }
        }
        thread.start()
    }

    func begin(_ name: String) { lock.lock(); current = (name, Date()); lock.unlock() }
    func end() { lock.lock(); current = nil; lock.unlock() }
    func stop() { lock.lock(); stopped = true; lock.unlock() }
}

/// On a fatal signal during a read, writes which file was being read, then lets the
/// previous handler (the Swift runtime's backtracer, or the default) take over.
enum CrashReporter {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]
    nonisolated(unsafe) static let message = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)
    nonisolated(unsafe) static var messageLength = 0
    nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 64)

    static func reading(_ name: String) {
        let bytes = Array("\nCorpusTests: CRASH while reading \(name)\n".utf8.prefix(4095))
        bytes.withUnsafeBufferPointer { b in
            UnsafeMutableRawPointer(message).copyMemory(from: b.baseAddress!, byteCount: b.count)
        }
        messageLength = bytes.count
    }

    static func install() {
        messageLength = 0
        for sig in signals {
            var sa = sigaction()
            sa.__sigaction_handler.sa_handler = crashHandler
            sigemptyset(&sa.sa_mask)
            sa.sa_flags = 0
            sigaction(sig, &sa, previous + Int(sig))
        }
    }

    static func uninstall() {
        for sig in signals { sigaction(sig, previous + Int(sig), nil) }
    }
}

/// Async-signal-safe: write(2) and sigaction(2) only. Returning re-executes the
/// faulting instruction (or abort() re-raises), now under the previous handler.
private func crashHandler(_ sig: Int32) {
    _ = write(2, CrashReporter.message, CrashReporter.messageLength)
    sigaction(sig, CrashReporter.previous + Int(sig), nil)
}

// MARK: - SHA-256

/// The project's SHA-256 over a whole file, to notice corpus files that differ from those
/// pandoc-words.tsv was made from.
extension SHA256 {
    static func hex(ofFile path: String) throws -> String {
        hex(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}
