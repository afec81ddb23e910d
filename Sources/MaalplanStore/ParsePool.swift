import DocxPackage
import Foundation
import MaalplanCore
import MaalplanMapping
import MaalplanModel

/// A plan read from a file, ready for the writer.
struct ParsedPlan: Sendable {
    var sha256: String
    var rows: PlanRows
    /// The JSON `maalplan convert` writes.
    var json: String
}

/// What reading one file gave.
enum FileReading: Sendable {
    /// The path's content is the one already stored for it (only size or mtime changed, or neither).
    case unchanged
    /// Content some plan already has (a copy, a move): linked, not parsed.
    case known(sha256: String)
    case parsed(ParsedPlan)
    case failed(code: String, message: String, sha256: String?)
}

struct FileResult: Sendable {
    /// Size and mtime as read (fstat of the open file), which the source row keeps.
    var candidate: Candidate
    var reading: FileReading
}

/// The parsing threads: each takes the next file, reads and hashes it, parses it only when its
/// content is new, and hands the result to the queue the writer takes from.
final class ParsePool: @unchecked Sendable {
    private let next = Counter()
    private let group = DispatchGroup()
    let queue: ResultQueue

    /// Starts `jobs` threads over `work` (each file with the content stored for its path, if any).
    init(_ work: [(Candidate, storedSha: String?)], knownPlans: Set<String>, jobs: Int, queueCapacity: Int,
         language: MessageLanguage, rules: MappingRules, converter: LibreOffice? = nil, stop: StopFlag) {
        let jobs = max(1, min(jobs, work.count))
        queue = ResultQueue(capacity: queueCapacity, producers: jobs)
        for _ in 0..<jobs {
            group.enter()
            let t = Thread { [self] in
                // Plans from one template share their styles and more: each thread reads them once.
                let sharedParts = SharedPartCache()
                while !stop.isSet && !queue.isClosed, let k = next.take(below: work.count) {
                    let (c, sha) = work[k]
                    queue.push(Self.read(c, storedSha: sha, knownPlans: knownPlans, language: language, rules: rules,
                                         converter: converter, sharedParts: sharedParts))
                }
                queue.producerDone()
                group.leave()
            }
            t.stackSize = 8 << 20
            t.start()
        }
    }

    /// Stops taking files and waits for the threads.
    func finish() {
        queue.close()
        group.wait()
    }

    /// One file: read, hash, and parse only when the content is new.
    static func read(_ c: Candidate, storedSha: String?, knownPlans: Set<String>, language: MessageLanguage,
                     rules: MappingRules = .standard, limits: ReadLimits = .default, converter: LibreOffice? = nil,
                     sharedParts: SharedPartCache? = nil) -> FileResult {
        var c = c
        let bytes: [UInt8]
        do throws(ReadError) {
            let file = try DocxPackage.readFile(path: c.path, limits: limits)
            // An empty file fails before it is hashed.
            if file.bytes.isEmpty { throw ReadError(.empty) }
            (bytes, c.size, c.mtimeNs) = (file.bytes, file.stamp.size, file.stamp.modifiedNanoseconds)
        } catch {
            return FileResult(candidate: c, reading: .failed(code: error.code, message: error.message(language), sha256: nil))
        }
        let sha = SHA256.hex(bytes)
        if sha == storedSha { return FileResult(candidate: c, reading: .unchanged) }
        if knownPlans.contains(sha) { return FileResult(candidate: c, reading: .known(sha256: sha)) }
        return FileResult(candidate: c, reading: parse(bytes, path: c.path, sha: sha, language: language, rules: rules, limits: limits,
                                                        converter: converter, sharedParts: sharedParts))
    }

    /// Reads, maps and validates (`Pipeline.analyse`, from bytes already read and hashed).
    static func parse(_ bytes: [UInt8], path: String, sha: String, language: MessageLanguage, rules: MappingRules = .standard,
                      limits: ReadLimits = .default, converter: LibreOffice? = nil,
                      sharedParts: SharedPartCache? = nil) -> FileReading {
        do {
            let (plan, report) = try Pipeline.analyse(bytes: bytes, path: path, sha256: sha, language: language, rules: rules, limits: limits,
                                                      sharedParts: sharedParts, converter: converter)
            let json = try Pipeline.json(plan, limits: limits)
            return .parsed(ParsedPlan(sha256: sha, rows: PlanRows(plan, missingForNext: report.missingForNext, json: json,
                                                                  language: language), json: json))
        } catch {
            return .failed(code: error.code, message: error.message(language), sha256: sha)
        }
    }
}

/// Hands out the indices below a limit, each once, to the threads that ask.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
