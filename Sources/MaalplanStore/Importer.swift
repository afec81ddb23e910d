import DocxPackage
import Foundation
import GRDB
import JSONOutput
import MaalplanCore
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
}

/// What a run did, for the summary and the `imports` row.
public struct ImportSummary: Sendable {
    public var importID: Int64 = 0
    /// Word files found (and .doc/.dot/.rtf/.odt, which are tried and fail), plus unreadable folders.
    public var candidates = 0
    /// Files whose plan is now linked to their path: new plans, new paths, changed contents.
    public var imported = 0
    public var plansAdded = 0
    /// Paths seen for the first time.
    public var sourcesAdded = 0
    /// Known paths whose content changed.
    public var changed = 0
    public var unchanged = 0
    /// Files passed over (not counting folders), by reason.
    public var skipped = 0
    public var skippedByReason: [Skipped.Reason: Int] = [:]
    public var failed = 0
    /// Failure codes, commonest first.
    public var failureReasons: [(code: String, count: Int)] = []
    /// Plans no path holds any more (their only path got other content, or became unreadable).
    public var plansRemoved = 0
    /// Plans found in this run (imported or unchanged) by phase reached: NONE, FOER, UNDER1, UNDER2, EFTER.
    public var phases: [(phase: PhaseReached, count: Int)] = []
    public var plansInDatabase = 0
    /// Candidates left when the run was stopped.
    public var notDone = 0
    public var interrupted = false
    public var seconds = 0.0
}

/// The bulk import: files → parse on `jobs` threads → one writer, batches in transactions.
///
/// Re-runs: a path whose size and mtime are as stored is not read; a changed mtime with the same
/// SHA-256 is not parsed; content some plan already has is linked to the new path without parsing;
/// new content at a known path replaces that path's plan, and a plan no path holds any more is
/// deleted with its rows. A file that fails is recorded in `failures` (one row per path) and, if
/// the path held a plan, the path is unlinked. Each batch of plans with all their rows is one
/// transaction, so `kill -9` at any moment leaves whole plans only.
public final class Importer {
    let store: Store
    let options: ImportOptions
    /// Called on the writer's thread about every 0.2 s and after every batch.
    public var onProgress: ((ImportProgress) -> Void)?
    /// Called for each failure, once it is stored: path, code, message.
    public var onFailure: ((String, String, String) -> Void)?
    /// Called for each file once its batch is stored: path and what happened
    /// ("new", "copy", "changed", "unchanged", "failed").
    public var onFile: ((String, String) -> Void)?

    public init(store: Store, options: ImportOptions) {
        self.store = store
        self.options = options
    }

    var db: any DatabaseWriter { store.writer }

    // Counters of the run, updated only after a batch commits.
    var summary = ImportSummary()
    var reasonCounts: [String: Int] = [:]
    var done = 0
    var total = 0
    var started = Date()
    var lastProgress = Date.distantPast
    var jsonNames: [String: String] = [:]
    var hotStatements: HotStatements?

    public func run(_ walk: WalkResult, arguments: [String], stop: StopFlag) throws(StoreError) -> ImportSummary {
        do {
            return try runThrowing(walk, arguments: arguments, stop: stop)
        } catch let e as StoreError {
            throw e
        } catch {
            throw .writeFailed(store.path, (error as? DatabaseError)?.message ?? "\(error)")
        }
    }

    func runThrowing(_ walk: WalkResult, arguments: [String], stop: StopFlag) throws -> ImportSummary {
        started = Date()
        summary = ImportSummary()
        summary.candidates = walk.candidates.count + walk.unreadableFolders.count
        summary.skipped = walk.skippedFiles
        for s in walk.skipped where !s.isFolder { summary.skippedByReason[s.reason, default: 0] += 1 }
        total = summary.candidates

        if let dir = options.jsonDir {
            jsonNames = Self.jsonNames(walk.candidates.map(\.path), roots: arguments.map { Walker.absolute($0, cwd: FileManager.default.currentDirectoryPath) })
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                guard access(dir, W_OK) == 0 else { throw POSIXError(.EACCES) }
            } catch {
                throw StoreError.jsonDir(dir, (error as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? "\(error)")
            }
        }

        var imp = ImportRecord(startedAt: Self.timestamp(), toolVersion: options.toolVersion, status: "running",
                               arguments: arguments.joined(separator: "\n"), candidates: summary.candidates, skipped: summary.skipped)
        try db.write { db in try imp.insert(db) }
        summary.importID = imp.id!

        // What the database knows: each path's size, mtime and content, and every content.
        struct Stored { var size: Int64; var mtimeNs: Int64; var sha256: String }
        var stored: [String: Stored] = [:]
        var knownPlans = Set<String>()
        try db.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT path, size, mtime_ns, sha256 FROM sources")
            while let r = try rows.next() { stored[r[0]] = Stored(size: r[1], mtimeNs: r[2], sha256: r[3]) }
            knownPlans = Set(try String.fetchAll(db, sql: "SELECT sha256 FROM plans"))
        }

        var quick: [Candidate] = []
        var work: [(Candidate, String?)] = []
        for c in walk.candidates {
            if let s = stored[c.path], s.size == c.size, s.mtimeNs == c.mtimeNs {
                quick.append(c)
            } else {
                work.append((c, stored[c.path]?.sha256))
            }
        }
        stored = [:]

        // Folders that could not be listed are failures of their own.
        if !walk.unreadableFolders.isEmpty {
            let results = walk.unreadableFolders.map { f in
                let e = ReadError(.cannotOpen(errno: f.errno))
                return FileResult(candidate: Candidate(path: f.path, size: 0, mtimeNs: 0, legacy: false),
                                  outcome: .failed(code: "cannot-open-folder", message: e.message(options.language), sha256: nil))
            }
            try writeBatch(results)
        }

        // Unchanged by size and mtime: only last_seen is written.
        var i = 0
        while i < quick.count && !stop.isSet {
            let chunk = quick[i..<min(i + 512, quick.count)]
            try writeBatch(chunk.map { FileResult(candidate: $0, outcome: .unchanged(sha256: "")) }, quick: true)
            i += chunk.count
        }

        if !stop.isSet && !work.isEmpty {
            try parseAndWrite(work, knownPlans: knownPlans, stop: stop)
        }
        summary.interrupted = stop.isSet
        summary.notDone = total - done

        try db.write { db in
            summary.plansInDatabase = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plans") ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.phase_reached, COUNT(DISTINCT p.id) FROM plans p JOIN sources s ON s.plan_id = p.id
                WHERE s.import_id = ? GROUP BY p.phase_reached
                """, arguments: [summary.importID])
            let counts = Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as Int) })
            summary.phases = PhaseReached.allCases.map { ($0, counts[$0.rawValue] ?? 0) }
            try updateImportRow(db, finished: true)
        }
        summary.failureReasons = reasonCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    // MARK: Parallel parse, one writer

    func parseAndWrite(_ work: [(Candidate, String?)], knownPlans: Set<String>, stop: StopFlag) throws {
        let jobs = min(options.jobs, work.count)
        // The writer takes results a few at a time while a batch is open: the queue need not hold one.
        let queue = ResultQueue(capacity: max(2 * options.firstBatchSize, jobs * 32), producers: jobs)
        let next = Counter()
        let group = DispatchGroup()
        let language = options.language
        for _ in 0..<jobs {
            group.enter()
            let t = Thread {
                // Plans from one template share their styles and more: each thread reads them once.
                let sharedParts = SharedPartCache()
                while !stop.isSet && !queue.isClosed, let k = next.take(below: work.count) {
                    let (c, sha) = work[k]
                    queue.push(Analysis.analyse(c, storedSha: sha, knownPlans: knownPlans, language: language, sharedParts: sharedParts))
                }
                queue.producerDone()
                group.leave()
            }
            t.stackSize = 8 << 20
            t.start()
        }
        defer {
            queue.close()
            group.wait()
        }
        // Results are written as they come, a few at a time, into the open transaction of the
        // batch; it is committed at its limit (see `batchSize`) or after `batchSeconds`. So the writer
        // keeps up with the parsers, and little is left to write once they are done.
        let most = max(1, options.batchSize)
        var limit = max(1, min(most, options.firstBatchSize))
        var finished = false
        while !finished {
            let step = min(16, limit)
            let (items, done) = queue.pop(max: step, timeout: 0.2)
            finished = done
            if items.isEmpty { tick(); continue }
            let batchStart = Date()
            var count = items.count
            try writeBatch(items, more: {
                while !finished && count < limit && Date().timeIntervalSince(batchStart) < self.options.batchSeconds {
                    let (more, done) = queue.pop(max: min(step, limit - count), timeout: 0.2)
                    finished = done
                    if !more.isEmpty { count += more.count; return more }
                }
                return nil
            })
            limit = limit > most / 2 ? most : limit * 2
            tick()
        }
    }

    func tick(force: Bool = false) {
        guard let onProgress else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastProgress) >= 0.2 else { return }
        lastProgress = now
        onProgress(ImportProgress(done: done, total: total, failed: summary.failed, seconds: now.timeIntervalSince(started)))
    }

    // MARK: The writer

    struct BatchCounts {
        var imported = 0, plansAdded = 0, sourcesAdded = 0, changed = 0, unchanged = 0, failed = 0, plansRemoved = 0
        var reasons: [String: Int] = [:]
        var files: [(String, String)] = []
        var failures: [(String, String, String)] = []
        /// JSON files to write (path → text) or remove (path → nil) once the batch is stored.
        var json: [(String, String?)] = []
    }

    /// Writes results in one transaction, and those `more` gives while it is open (until it
    /// gives nil); counters and JSON files follow once it is committed.
    func writeBatch(_ first: [FileResult], quick: Bool = false, more: (() -> [FileResult]?)? = nil) throws {
        let now = Self.timestamp()
        let importID = summary.importID
        let wantJSON = options.jsonDir != nil
        var counts = BatchCounts()
        var written = 0
        try db.write { db in
            counts = BatchCounts()
            written = 0
            var orphans = Set<Int64>()
            var results = first
            while true {
                for r in results {
                    try apply(r, db, now: now, importID: importID, quick: quick, wantJSON: wantJSON, counts: &counts, orphans: &orphans)
                }
                written += results.count
                guard let next = more?() else { break }
                results = next
            }
            for id in orphans.sorted() {
                try db.execute(sql: "DELETE FROM plans WHERE id = ? AND NOT EXISTS (SELECT 1 FROM sources WHERE plan_id = ?)", arguments: [id, id])
                counts.plansRemoved += db.changesCount
            }
            // The run's row keeps its counts up to date, so a killed run still tells how far it came.
            try db.execute(sql: """
                UPDATE imports SET imported = imported + ?, plans_added = plans_added + ?, plans_removed = plans_removed + ?,
                    unchanged = unchanged + ?, failed = failed + ? WHERE id = ?
                """, arguments: [counts.imported, counts.plansAdded, counts.plansRemoved, counts.unchanged, counts.failed, importID])
        }
        summary.imported += counts.imported
        summary.plansAdded += counts.plansAdded
        summary.sourcesAdded += counts.sourcesAdded
        summary.changed += counts.changed
        summary.unchanged += counts.unchanged
        summary.failed += counts.failed
        summary.plansRemoved += counts.plansRemoved
        for (k, v) in counts.reasons { reasonCounts[k, default: 0] += v }
        done += written
        if let dir = options.jsonDir {
            for (path, text) in counts.json {
                guard let name = jsonNames[path] else { continue }
                let file = dir + "/" + name
                if let text { try? writeAtomically(text, to: file) } else { unlink(file) }
            }
        }
        if let onFailure { for f in counts.failures { onFailure(f.0, f.1, f.2) } }
        if let onFile { for f in counts.files { onFile(f.0, f.1) } }
        tick(force: true)
    }

    func apply(_ r: FileResult, _ db: Database, now: String, importID: Int64, quick: Bool, wantJSON: Bool,
               counts: inout BatchCounts, orphans: inout Set<Int64>) throws {
        let c = r.candidate
        switch r.outcome {
        case .unchanged:
            if quick {
                try db.cachedStatement(sql: "UPDATE sources SET last_seen = ?, import_id = ? WHERE path = ?")
                    .execute(arguments: [now, importID, c.path])
            } else {
                try db.cachedStatement(sql: "UPDATE sources SET size = ?, mtime_ns = ?, last_seen = ?, import_id = ? WHERE path = ?")
                    .execute(arguments: [c.size, c.mtimeNs, now, importID, c.path])
            }
            counts.unchanged += 1
            counts.files.append((c.path, "unchanged"))
            if wantJSON { counts.json.append((c.path, try storedJSON(db, path: c.path))) }

        case .known(let sha):
            if let id = try planID(db, sha: sha) {
                try link(c, planID: id, sha: sha, db, now: now, importID: importID, counts: &counts, orphans: &orphans, kind: "copy")
                if wantJSON { counts.json.append((c.path, try storedJSON(db, path: c.path))) }
            } else {
                // The plan went away earlier in this run (its only path got new content): parse after all.
                let bytes = (try? Analysis.readFile(c.path, limits: .default).0) ?? []
                let outcome = Analysis.parse(bytes, path: c.path, sha: sha, language: options.language)
                try apply(FileResult(candidate: c, outcome: outcome), db, now: now, importID: importID, quick: false,
                          wantJSON: wantJSON, counts: &counts, orphans: &orphans)
            }

        case .parsed(let p):
            let id: Int64
            if let existing = try planID(db, sha: p.sha256) {
                id = existing
            } else {
                id = try insertPlan(p, db, now: now, importID: importID)
                counts.plansAdded += 1
            }
            try link(c, planID: id, sha: p.sha256, db, now: now, importID: importID, counts: &counts, orphans: &orphans, kind: "new")
            if wantJSON { counts.json.append((c.path, p.json)) }

        case .failed(let code, let message, let sha):
            try db.cachedStatement(sql: """
                INSERT INTO failures (path, sha256, size, mtime_ns, reason, message, first_failed, failed_at, import_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, mtime_ns = excluded.mtime_ns,
                    reason = excluded.reason, message = excluded.message, failed_at = excluded.failed_at, import_id = excluded.import_id
                """).execute(arguments: [c.path, sha, sha == nil ? nil : c.size, sha == nil ? nil : c.mtimeNs, code, message, now, now, importID])
            // The path no longer holds a readable plan.
            if let old = try Int64.fetchOne(db.cachedStatement(sql: "SELECT plan_id FROM sources WHERE path = ?"), arguments: [c.path]) {
                try db.cachedStatement(sql: "DELETE FROM sources WHERE path = ?").execute(arguments: [c.path])
                orphans.insert(old)
            }
            counts.failed += 1
            counts.reasons[code, default: 0] += 1
            counts.failures.append((c.path, code, message))
            counts.files.append((c.path, "failed"))
            if wantJSON { counts.json.append((c.path, nil)) }
        }
    }

    func planID(_ db: Database, sha: String) throws -> Int64? {
        try hot(db).planID(sha: sha)
    }

    /// The hot path's statements, prepared on the writer's connection the first time.
    func hot(_ db: Database) throws -> HotStatements {
        if let h = hotStatements { return h }
        let h = try HotStatements(db)
        hotStatements = h
        return h
    }

    func storedJSON(_ db: Database, path: String) throws -> String? {
        guard let json = try String.fetchOne(db.cachedStatement(sql: """
            SELECT p.json FROM sources s JOIN plans p ON p.id = s.plan_id WHERE s.path = ?
            """), arguments: [path]) else { return nil }
        return PlanJSONText.replacingSourcePath(json, with: path)
    }

    func link(_ c: Candidate, planID: Int64, sha: String, _ db: Database, now: String, importID: Int64,
              counts: inout BatchCounts, orphans: inout Set<Int64>, kind: String) throws {
        let hot = try hot(db)
        if let row = try hot.source(path: c.path) {
            try hot.updateSource(id: row.id, planID: planID, sha: sha, size: c.size, mtimeNs: c.mtimeNs, now: now, importID: importID)
            if row.planID != planID {
                orphans.insert(row.planID)
                counts.changed += 1
                counts.files.append((c.path, "changed"))
            } else {
                counts.files.append((c.path, "unchanged"))
            }
        } else {
            try hot.insertSource(path: c.path, planID: planID, sha: sha, size: c.size, mtimeNs: c.mtimeNs, now: now, importID: importID)
            counts.sourcesAdded += 1
            counts.files.append((c.path, kind))
        }
        try hot.deleteFailure(path: c.path)
        counts.imported += 1
    }

    /// A plan and all its rows.
    func insertPlan(_ p: ParsedPlan, _ db: Database, now: String, importID: Int64) throws -> Int64 {
        try hot(db).insert(p, now: now, importID: importID)
    }

    func updateImportRow(_ db: Database, finished: Bool) throws {
        try db.execute(sql: """
            UPDATE imports SET finished_at = ?, status = ?, imported = ?, plans_added = ?, plans_removed = ?,
                unchanged = ?, skipped = ?, failed = ?, candidates = ? WHERE id = ?
            """, arguments: [Self.timestamp(), summary.interrupted ? "interrupted" : "done", summary.imported, summary.plansAdded,
                             summary.plansRemoved, summary.unchanged, summary.skipped, summary.failed, summary.candidates, summary.importID])
    }

    // MARK: Helpers

    static func timestamp(_ d: Date = Date()) -> String {
        var t = time_t(d.timeIntervalSince1970)
        var tm = tm()
        gmtime_r(&t, &tm)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(tm.tm_year) + 1900, Int(tm.tm_mon) + 1, Int(tm.tm_mday),
                      Int(tm.tm_hour), Int(tm.tm_min), Int(tm.tm_sec))
    }

    /// JSON file names for --json-dir: the path below the folder argument it was found in (a file
    /// argument: its name), "/" written as "__", ".json" added; a name taken twice gets "~2", "~3" ...
    /// in path order. Example: `import Planer` → Planer/2025/Økonomi/plan.docx → 2025__Økonomi__plan.docx.json.
    public static func jsonNames(_ paths: [String], roots: [String]) -> [String: String] {
        let folders = roots.sorted { $0.count > $1.count }
        var taken = Set<String>()
        var out: [String: String] = [:]
        for path in paths.sorted() {
            var rel = (path as NSString).lastPathComponent
            if let root = folders.first(where: { path.hasPrefix($0 == "/" ? "/" : $0 + "/") && path != $0 }) {
                rel = String(path.dropFirst(root == "/" ? 1 : root.count + 1))
            }
            let base = rel.replacingOccurrences(of: "/", with: "__")
            var name = base + ".json"
            var k = 2
            while !taken.insert(name.lowercased()).inserted {
                name = base + "~\(k).json"
                k += 1
            }
            out[path] = name
        }
        return out
    }
}

/// Text-level edits of the JSON `Plan.json.serialized()` writes.
enum PlanJSONText {
    /// The same JSON with `source.path` set to `path` (the stored JSON names the first path the
    /// content was found at). Relies on the serializer's fixed layout: `source` is the second key
    /// and `path` its first, on a line of its own.
    static func replacingSourcePath(_ json: String, with path: String) -> String {
        guard let src = json.range(of: "\n  \"source\": {\n    \"path\": "),
              let end = json[src.upperBound...].firstIndex(of: "\n") else { return json }
        return json.replacingCharacters(in: src.upperBound..<end, with: JSON.string(path).serialized(pretty: false) + ",")
    }
}

/// A bounded queue from the parsing threads to the writer. The writer is woken when the
/// number it asked for is there (or the producers are done, or its time is up), not for each
/// result; a producer only when it waits for room.
final class ResultQueue: @unchecked Sendable {
    private let cond = NSCondition()
    private var items: [FileResult] = []
    private let capacity: Int
    private var producers: Int
    private var closed = false
    /// How many results the waiting writer wants (0: it is not waiting).
    private var wanted = 0
    /// Producers waiting for room.
    private var blocked = 0

    init(capacity: Int, producers: Int) {
        self.capacity = capacity
        self.producers = producers
    }

    var isClosed: Bool { cond.lock(); defer { cond.unlock() }; return closed }

    func push(_ r: FileResult) {
        cond.lock()
        while items.count >= capacity && !closed {
            blocked += 1
            cond.wait()
            blocked -= 1
        }
        if !closed { items.append(r) }
        if wanted > 0 && items.count >= wanted { cond.broadcast() }
        cond.unlock()
    }

    func producerDone() {
        cond.lock()
        producers -= 1
        cond.broadcast()
        cond.unlock()
    }

    /// Up to `max` results; waits until there are `max`, every producer is done, or `timeout` passed.
    func pop(max: Int, timeout: TimeInterval) -> (items: [FileResult], finished: Bool) {
        cond.lock()
        defer { cond.unlock() }
        let want = Swift.min(Swift.max(max, 1), capacity)
        let deadline = Date(timeIntervalSinceNow: timeout)
        while items.count < want && producers > 0 && !closed {
            wanted = want
            if !cond.wait(until: deadline) { break }
        }
        wanted = 0
        let n = Swift.min(Swift.max(max, 0), items.count)
        let out = Array(items.prefix(n))
        items.removeFirst(n)
        if blocked > 0 { cond.broadcast() }
        return (out, items.isEmpty && producers == 0)
    }

    /// Drops what is queued and lets producers go on without blocking (on an error).
    func close() {
        cond.lock()
        closed = true
        items.removeAll()
        cond.broadcast()
        cond.unlock()
    }
}

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
