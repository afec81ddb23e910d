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
    /// With a converter, the files of older formats (.doc, .rtf, .odt by their names) go to
    /// converting threads instead, at most `jobs` of them, each converting a batch of files with
    /// one LibreOffice process beside the parsing, which does not wait for them.
    init(_ work: [(Candidate, storedSha: String?)], knownPlans: Set<String>, jobs: Int, queueCapacity: Int,
         language: MessageLanguage, rules: MappingRules, converter: LibreOffice? = nil, stop: StopFlag) {
        // At most `jobs` LibreOffice processes at once, batches and single files alike.
        let converter = converter?.limited(to: jobs)
        let legacy = converter == nil ? [] : work.filter { $0.0.legacy }
        let plain = converter == nil ? work : work.filter { !$0.0.legacy }
        let batches = stride(from: 0, to: legacy.count, by: LibreOffice.batchSize).map { Array(legacy[$0..<min($0 + LibreOffice.batchSize, legacy.count)]) }
        let parsers = plain.isEmpty ? 0 : max(1, min(jobs, plain.count))
        let converters = batches.isEmpty ? 0 : max(1, min(jobs, batches.count))
        queue = ResultQueue(capacity: queueCapacity, producers: parsers + converters)
        func start(_ body: @escaping @Sendable () -> Void) {
            group.enter()
            let t = Thread { [self] in
                body()
                queue.producerDone()
                group.leave()
            }
            t.stackSize = 8 << 20
            t.start()
        }
        for _ in 0..<parsers {
            start { [self] in
                // Plans from one template share their styles and more: each thread reads them once.
                let sharedParts = SharedPartCache()
                while !stop.isSet && !queue.isClosed, let k = next.take(below: plain.count) {
                    let (c, sha) = plain[k]
                    queue.push(Self.read(c, storedSha: sha, knownPlans: knownPlans, language: language, rules: rules,
                                         converter: converter, sharedParts: sharedParts))
                }
            }
        }
        let nextBatch = Counter()
        for _ in 0..<converters {
            start { [self] in
                while !stop.isSet && !queue.isClosed, let k = nextBatch.take(below: batches.count), let converter {
                    for r in Self.convert(batches[k], knownPlans: knownPlans, language: language, rules: rules, converter: converter) {
                        queue.push(r)
                    }
                }
            }
        }
    }

    /// A batch of files in older formats: those unchanged, known or readable as they are go as
    /// `read` gives them; the others are converted by one LibreOffice process and read.
    static func convert(_ batch: [(Candidate, storedSha: String?)], knownPlans: Set<String>, language: MessageLanguage,
                        rules: MappingRules, limits: ReadLimits = .default, converter: LibreOffice) -> [FileResult] {
        var out: [FileResult] = []
        var pending: [(c: Candidate, bytes: [UInt8], sha: String, reason: ReadError.Reason)] = []
        for (c, stored) in batch {
            switch load(c, storedSha: stored, knownPlans: knownPlans, language: language, limits: limits) {
            case .done(let r): out.append(r)
            case .content(let c, let bytes, let sha):
                do throws(ReadError) {
                    _ = try Pipeline.analyse(bytes: bytes, path: c.path, sha256: sha, language: language, rules: rules, limits: limits)
                    // Readable as it is (a .docx named .doc): read as usual.
                    out.append(FileResult(candidate: c, reading: parse(bytes, path: c.path, sha: sha, language: language, rules: rules, limits: limits)))
                } catch {
                    if LibreOffice.converts(error.reason) {
                        pending.append((c, bytes, sha, error.reason))
                    } else {
                        out.append(FileResult(candidate: c, reading: .failed(code: error.code, message: error.message(language), sha256: sha)))
                    }
                }
            }
        }
        guard !pending.isEmpty else { return out }
        guard let (folder, results) = converter.convert(batch: pending.map(\.c.path)) else {
            let e = ReadError(.conversionFailed("no temporary folder"))
            return out + pending.map { FileResult(candidate: $0.c, reading: .failed(code: e.code, message: e.message(language), sha256: $0.sha)) }
        }
        defer { LibreOffice.remove(folder) }
        let version = converter.version()
        for (p, result) in zip(pending, results) {
            let reading: FileReading
            do throws(ReadError) {
                let docx: String
                switch result {
                case .success(let d): docx = d
                case .failure(let f): throw ReadError(.conversionFailed(f.message))
                }
                let (plan, report) = try Pipeline.analyse(converted: docx, original: p.bytes, path: p.c.path, sha256: p.sha, reason: p.reason,
                                                          convertedBy: version, language: language, rules: rules, limits: limits)
                reading = try parsed(plan, missingForNext: report.missingForNext, sha: p.sha, language: language, limits: limits)
            } catch {
                reading = .failed(code: error.code, message: error.message(language), sha256: p.sha)
            }
            out.append(FileResult(candidate: p.c, reading: reading))
        }
        return out
    }

    /// A plan read, ready for the writer: its JSON (refused past the limit) and its rows.
    static func parsed(_ plan: Plan, missingForNext: [FieldPath], sha: String, language: MessageLanguage,
                       limits: ReadLimits) throws(ReadError) -> FileReading {
        let json = try Pipeline.json(plan, limits: limits)
        return .parsed(ParsedPlan(sha256: sha, rows: PlanRows(plan, missingForNext: missingForNext, json: json, language: language),
                                  json: json))
    }

    /// A file read and hashed: its result when that is all it takes (it cannot be read, its
    /// content is the one stored for its path, or some plan already has it), else its content.
    enum Loaded { case done(FileResult), content(Candidate, [UInt8], String) }

    static func load(_ c: Candidate, storedSha: String?, knownPlans: Set<String>, language: MessageLanguage,
                     limits: ReadLimits) -> Loaded {
        var c = c
        let bytes: [UInt8]
        do throws(ReadError) {
            let file = try DocxPackage.readFile(path: c.path, limits: limits)
            // An empty file fails before it is hashed.
            if file.bytes.isEmpty { throw ReadError(.empty) }
            (bytes, c.size, c.mtimeNs) = (file.bytes, file.stamp.size, file.stamp.modifiedNanoseconds)
        } catch {
            return .done(FileResult(candidate: c, reading: .failed(code: error.code, message: error.message(language), sha256: nil)))
        }
        let sha = SHA256.hex(bytes)
        if sha == storedSha { return .done(FileResult(candidate: c, reading: .unchanged)) }
        if knownPlans.contains(sha) { return .done(FileResult(candidate: c, reading: .known(sha256: sha))) }
        return .content(c, bytes, sha)
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
        switch load(c, storedSha: storedSha, knownPlans: knownPlans, language: language, limits: limits) {
        case .done(let r): return r
        case .content(let c, let bytes, let sha):
            return FileResult(candidate: c, reading: parse(bytes, path: c.path, sha: sha, language: language, rules: rules, limits: limits,
                                                            converter: converter, sharedParts: sharedParts))
        }
    }

    /// Reads, maps and validates (`Pipeline.analyse`, from bytes already read and hashed).
    static func parse(_ bytes: [UInt8], path: String, sha: String, language: MessageLanguage, rules: MappingRules = .standard,
                      limits: ReadLimits = .default, converter: LibreOffice? = nil,
                      sharedParts: SharedPartCache? = nil) -> FileReading {
        do {
            let (plan, report) = try Pipeline.analyse(bytes: bytes, path: path, sha256: sha, language: language, rules: rules, limits: limits,
                                                      sharedParts: sharedParts, converter: converter)
            return try parsed(plan, missingForNext: report.missingForNext, sha: sha, language: language, limits: limits)
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
