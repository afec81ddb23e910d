import DocxPackage
import Foundation
import GRDB
import MaalplanCore
import MaalplanMapping
import MaalplanModel

/// Set from a signal handler or another thread: the import finishes the batch it has and stops.
public final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    public init() {}
    public func set() { lock.lock(); value = true; lock.unlock() }
    public var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

public struct ImportOptions: Sendable {
    /// Parsing threads (one more thread writes).
    public var jobs: Int
    /// Also write each plan's JSON here, named after its path.
    public var jsonDir: String?
    /// Language of the failure and finding messages stored.
    public var language: MessageLanguage
    public var toolVersion: String
    /// The template's words: the built-in ones, with what `--labels` adds.
    public var rules: MappingRules = .standard
    /// LibreOffice, for .doc, .dot, .rtf and .odt (nil: they are failures with advice to convert).
    public var converter: LibreOffice?
    /// Results per write transaction, and the longest a batch waits for more. The first batch
    /// holds at most `firstBatchSize`, each next one twice as many, up to `batchSize`: plans show
    /// in the database soon after the start, and a long run commits (and so rewrites the pages
    /// its indexes share) seldom.
    public var batchSize = 256
    public var firstBatchSize = 64
    public var batchSeconds = 0.5

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, jsonDir: String? = nil,
                language: MessageLanguage = .da, toolVersion: String) {
        self.jobs = max(1, jobs); self.jsonDir = jsonDir; self.language = language; self.toolVersion = toolVersion
    }
}

public struct ImportProgress: Sendable {
    public var done: Int
    public var total: Int
    public var failed: Int
    public var seconds: Double
    /// Of `done` and `total`, the files LibreOffice converts (0 and 0 without it): they take a
    /// second or more each, the others milliseconds, so they are counted and timed apart.
    public var legacyDone = 0
    public var legacyTotal = 0
}

/// What a run did, for the summary.
public struct ImportSummary: Sendable {
    public var importID: Int64 = 0
    public var counts = ImportCounts()
    /// Files passed over, by reason.
    public var skippedByReason: [Skipped.Reason: Int] = [:]
    /// Files passed over that look like plans (a PDF ...), in path order: kept in `unread_files`.
    public var lookAlikes: [String] = []
    /// Failure codes, commonest first.
    public var failureReasons: [(code: String, count: Int)] = []
    /// Plans found in this run (imported or unchanged) by phase reached, NONE first.
    public var phases: [(phase: PhaseReached, count: Int)] = []
    public var plansInDatabase = 0
    /// Candidates left when the run was stopped.
    public var notDone = 0
    /// JSON files (--json-dir) that could not be written; each was said as it happened.
    public var jsonNotWritten = 0
    public var interrupted = false
    public var seconds = 0.0
}

/// The bulk import: files → parse on `jobs` threads (`ParsePool`) → one writer (`BatchWriter`),
/// batches in transactions.
///
/// Re-runs: a path whose size and mtime are as stored is not read; a changed mtime with the same
/// SHA-256 is not parsed; content some plan already has is linked to the new path without parsing;
/// new content at a known path replaces that path's plan, and a plan no path holds any more is
/// deleted with its rows. A file that fails is recorded in `failures` (one row per path) and, if
/// the path held a plan, the path is unlinked.
public final class Importer {
    let store: Store
    let options: ImportOptions
    /// Called on the writer's thread about every 0.2 s and after every batch.
    public var onProgress: ((ImportProgress) -> Void)?
    /// Called for each failure, once it is stored: path, code, message.
    public var onFailure: ((String, String, String) -> Void)?
    /// Called for each file once its batch is stored: path and what happened.
    public var onFile: ((String, FileOutcome) -> Void)?
    /// Called for each JSON file (--json-dir) that could not be written: its path, the reason.
    public var onJSONError: ((String, String) -> Void)?

    /// The code of a failure that is a folder, not a file: it could not be listed.
    public static let unreadableFolderCode = "cannot-open-folder"

    public init(store: Store, options: ImportOptions) {
        self.store = store
        self.options = options
    }

    var db: any DatabaseWriter { store.writer }

    private var started = Date()
    private var lastProgress = Date.distantPast
    private var total = 0
    /// Files in older formats this run gives LibreOffice (none without it).
    private var legacyTotal = 0

    public func run(_ walk: WalkResult, arguments: [String], stop: StopFlag) throws(StoreError) -> ImportSummary {
        do {
            return try runThrowing(walk, arguments: arguments, stop: stop)
        } catch let e as StoreError {
            throw e
        } catch {
            throw Store.map(error, store.path)
        }
    }

    private func runThrowing(_ walk: WalkResult, arguments: [String], stop: StopFlag) throws -> ImportSummary {
        started = Date()
        var summary = ImportSummary()
        var counts = ImportCounts()
        counts.candidates = walk.candidates.count + walk.unreadableFolders.count
        counts.skipped = walk.skippedFiles
        for s in walk.skipped where !s.isFolder { summary.skippedByReason[s.reason, default: 0] += 1 }
        total = counts.candidates
        legacyTotal = options.converter == nil ? 0 : walk.candidates.count { $0.legacy }

        let jsonExport = try options.jsonDir.map { (dir) throws(StoreError) in
            try JSONExport(folder: dir, paths: walk.candidates.map(\.path),
                           roots: arguments.map { Walker.absolute($0, cwd: FileManager.default.currentDirectoryPath) })
        }

        var run = ImportRecord(startedAt: BatchWriter.timestamp(), toolVersion: options.toolVersion, status: .running,
                               arguments: arguments.joined(separator: "\n"))
        run.record(counts)
        // A folder that could not be listed before and was walked now is no failure any more.
        let roots = arguments.map { Walker.absolute($0, cwd: FileManager.default.currentDirectoryPath) }
        let stillUnreadable = Set(walk.unreadableFolders.map { PathKey($0.path) })
        func walked(_ path: String) -> Bool {
            roots.contains(where: { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") })
        }
        let lookAlikes = walk.lookAlikes.map(\.path).sorted()
        summary.lookAlikes = lookAlikes
        try db.write { db in
            try run.insert(db)
            let folders = try String.fetchAll(db, sql: "SELECT path FROM failures WHERE reason = ?", arguments: [Self.unreadableFolderCode])
            for folder in folders where !stillUnreadable.contains(PathKey(folder)) && walked(folder) {
                try db.execute(sql: "DELETE FROM failures WHERE path = ? AND reason = ?", arguments: [folder, Self.unreadableFolderCode])
            }
            // Look-alikes: the ones seen now kept, those gone from the walked folders removed.
            let seen = Set(lookAlikes.map(PathKey.init))
            for path in try String.fetchAll(db, sql: "SELECT path FROM unread_files") where !seen.contains(PathKey(path)) && walked(path) {
                try db.execute(sql: "DELETE FROM unread_files WHERE path = ?", arguments: [path])
            }
            for path in lookAlikes {
                try db.execute(sql: """
                    INSERT INTO unread_files (path, kind, last_seen, import_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT(path) DO UPDATE SET kind = excluded.kind, last_seen = excluded.last_seen, import_id = excluded.import_id
                    """, arguments: [path, Walker.fileExtension(path).lowercased(), run.startedAt, run.id])
            }
        }
        summary.importID = run.id!
        let writer = BatchWriter(db: db, run: run, counts: counts, language: options.language, jsonExport: jsonExport)
        writer.onFailure = onFailure
        writer.onFile = onFile
        writer.onJSONError = onJSONError
        func tick(force: Bool = false) {
            guard let onProgress else { return }
            let now = Date()
            guard force || now.timeIntervalSince(lastProgress) >= 0.2 else { return }
            lastProgress = now
            onProgress(ImportProgress(done: writer.written, total: total, failed: writer.counts.failed,
                                      seconds: now.timeIntervalSince(started), legacyDone: writer.writtenLegacy, legacyTotal: legacyTotal))
        }
        func write(_ results: [FileResult], quick: Bool = false, more: (() -> [FileResult]?)? = nil) throws {
            try writer.write(results, quick: quick, more: more)
            tick(force: true)
        }

        // What the database knows: each path's size, mtime and content, and every content.
        struct Stored { var size: Int64; var mtimeNs: Int64; var sha256: String }
        var stored: [PathKey: Stored] = [:]
        var knownPlans = Set<String>()
        try db.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT path, size, mtime_ns, sha256 FROM sources")
            // A row changed by hand so that a value is missing or of another type is not trusted:
            // its file is read again.
            while let r = try rows.next() {
                guard let path = String.fromDatabaseValue(r[0]), let size = Int64.fromDatabaseValue(r[1]),
                      let mtime = Int64.fromDatabaseValue(r[2]), let sha = String.fromDatabaseValue(r[3]) else { continue }
                stored[PathKey(path)] = Stored(size: size, mtimeNs: mtime, sha256: sha)
            }
            knownPlans = Set(try String.fetchAll(db, sql: "SELECT sha256 FROM plans"))
        }

        var quick: [Candidate] = []
        var work: [(Candidate, storedSha: String?)] = []
        for c in walk.candidates {
            if let s = stored[PathKey(c.path)], s.size == c.size, s.mtimeNs == c.mtimeNs {
                quick.append(c)
            } else {
                work.append((c, stored[PathKey(c.path)]?.sha256))
            }
        }
        stored = [:]

        // Folders that could not be listed are failures of their own.
        if !walk.unreadableFolders.isEmpty {
            try write(walk.unreadableFolders.map { f in
                let e = ReadError(.cannotOpen(errno: f.errno))
                return FileResult(candidate: Candidate(path: f.path, size: 0, mtimeNs: 0, legacy: false),
                                  reading: .failed(code: Self.unreadableFolderCode, message: e.message(options.language), sha256: nil))
            })
        }

        // Unchanged by size and mtime: only last_seen is written.
        var i = 0
        while i < quick.count && !stop.isSet {
            let chunk = quick[i..<min(i + 512, quick.count)]
            try write(chunk.map { FileResult(candidate: $0, reading: .unchanged) }, quick: true)
            i += chunk.count
        }

        if !stop.isSet && !work.isEmpty {
            // The writer takes results a few at a time while a batch is open: the queue need not hold one.
            let pool = ParsePool(work, knownPlans: knownPlans, jobs: options.jobs,
                                 queueCapacity: max(2 * options.firstBatchSize, min(options.jobs, work.count) * 32),
                                 language: options.language, rules: options.rules, converter: options.converter, stop: stop)
            defer { pool.finish() }
            // Results are written as they come, a few at a time, into the open transaction of the
            // batch; it is committed at its limit (see `batchSize`) or after `batchSeconds`. So the
            // writer keeps up with the parsers, and little is left to write once they are done.
            let most = max(1, options.batchSize)
            var limit = max(1, min(most, options.firstBatchSize))
            var finished = false
            while !finished {
                let step = min(16, limit)
                let (items, done) = pool.queue.pop(max: step, timeout: 0.2)
                finished = done
                if items.isEmpty { tick(); continue }
                let batchStart = Date()
                var count = items.count
                try write(items, more: {
                    while !finished && count < limit && Date().timeIntervalSince(batchStart) < self.options.batchSeconds {
                        let (more, done) = pool.queue.pop(max: min(step, limit - count), timeout: 0.2)
                        finished = done
                        if !more.isEmpty { count += more.count; return more }
                    }
                    return nil
                })
                limit = limit > most / 2 ? most : limit * 2
                tick()
            }
        }
        summary.interrupted = stop.isSet
        summary.notDone = total - writer.written

        try db.read { db in
            summary.plansInDatabase = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plans") ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.phase_reached, COUNT(DISTINCT p.id) FROM plans p JOIN sources s ON s.plan_id = p.id
                WHERE s.import_id = ? GROUP BY p.phase_reached
                """, arguments: [summary.importID])
            let byPhase = Dictionary(rows.compactMap { r in
                String.fromDatabaseValue(r[0]).map { ($0, Int.fromDatabaseValue(r[1]) ?? 0) }
            }, uniquingKeysWith: +)
            summary.phases = PhaseReached.allCases.map { ($0, byPhase[$0.rawValue] ?? 0) }
        }
        try writer.finish(summary.interrupted ? .interrupted : .done)
        summary.counts = writer.counts
        summary.jsonNotWritten = writer.jsonNotWritten
        summary.failureReasons = writer.failureReasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { ($0.key, $0.value) }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
