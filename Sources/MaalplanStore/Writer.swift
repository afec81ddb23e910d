import Foundation
import GRDB
import MaalplanCore
import MaalplanModel

/// The one writer of a run: results go into the database in batches, each batch one transaction
/// holding whole plans with all their rows and the run's counts so far, so that `kill -9` at any
/// moment leaves whole plans and a row in `imports` that tells how far the run came.
final class BatchWriter {
    let db: any DatabaseWriter
    let language: MessageLanguage
    let jsonExport: JSONExport?
    /// The run's row; its counts are the run's so far.
    private(set) var run: ImportRecord
    /// Every batch's counts added up.
    private(set) var counts = ImportCounts()
    /// Failures by code.
    private(set) var failureReasons: [String: Int] = [:]
    /// Results written.
    private(set) var written = 0
    /// Of them, files in an older format (read through LibreOffice when it is there).
    private(set) var writtenLegacy = 0
    /// JSON files (--json-dir) that could not be written.
    private(set) var jsonNotWritten = 0
    private var inserter = RowInserter()

    var onFailure: ((String, String, String) -> Void)?
    var onFile: ((String, FileOutcome) -> Void)?
    var onJSONError: ((String, String) -> Void)?

    /// `counts`: the run's before its first batch (its candidates and skipped files).
    init(db: any DatabaseWriter, run: ImportRecord, counts: ImportCounts, language: MessageLanguage, jsonExport: JSONExport?) {
        self.db = db
        self.run = run
        self.counts = counts
        self.language = language
        self.jsonExport = jsonExport
    }

    /// What one batch did, known once it is committed.
    private struct Batch {
        var counts = ImportCounts()
        var reasons: [String: Int] = [:]
        var files: [(String, FileOutcome)] = []
        var failures: [(path: String, code: String, message: String)] = []
        /// JSON to write (path → text) or remove (path → nil) once the batch is stored.
        var json: [(String, String?)] = []
        var written = 0
        var writtenLegacy = 0
    }

    /// Writes results in one transaction, and those `more` gives while it is open (until it gives
    /// nil); the run's counts, the callbacks and the JSON files follow once it is committed.
    /// `quick`: the results are files unchanged by size and mtime, whose source rows keep both.
    ///
    /// A plan the database refuses (a rule someone added, a value past SQLite's limits) is that
    /// file's failure: the transaction is rolled back and the batch written again with that file
    /// as a failure, so its rows never stay half-written and the run goes on.
    func write(_ first: [FileResult], quick: Bool = false, more: (() -> [FileResult]?)? = nil) throws {
        let now = Self.timestamp()
        var batch = Batch()
        /// The batch's results so far (kept, to be written again after a refusal).
        var results = first
        var exhausted = more == nil
        var refused: [Int: DatabaseError] = [:]
        struct Refusal: Error { let index: Int; let error: DatabaseError }
        while true {
            do {
                try db.write { db in
                    batch = Batch()
                    var orphans = Set<Int64>()
                    var i = 0
                    while true {
                        while i < results.count {
                            if let e = refused[i] {
                                try apply(refusedByDatabase(results[i], e), db, now: now, quick: quick, batch: &batch, orphans: &orphans)
                            } else {
                                do {
                                    try apply(results[i], db, now: now, quick: quick, batch: &batch, orphans: &orphans)
                                } catch let e as DatabaseError where Self.isThisPlans(e) {
                                    throw Refusal(index: i, error: e)
                                }
                            }
                            batch.written += 1
                            if results[i].candidate.legacy { batch.writtenLegacy += 1 }
                            i += 1
                        }
                        guard !exhausted, let next = more?() else { exhausted = true; break }
                        results += next
                    }
                    for id in orphans.sorted() {
                        try db.execute(sql: "DELETE FROM plans WHERE id = ? AND NOT EXISTS (SELECT 1 FROM sources WHERE plan_id = ?)", arguments: [id, id])
                        batch.counts.plansRemoved += db.changesCount
                    }
                    var row = run
                    var total = counts
                    total += batch.counts
                    row.record(total)
                    try row.update(db)
                }
                break
            } catch let r as Refusal {
                refused[r.index] = r.error
            }
        }
        counts += batch.counts
        run.record(counts)
        written += batch.written
        writtenLegacy += batch.writtenLegacy
        for (k, v) in batch.reasons { failureReasons[k, default: 0] += v }
        if let jsonExport {
            for (path, text) in batch.json {
                if let e = jsonExport.write(text, for: path) {
                    jsonNotWritten += 1
                    onJSONError?(path, e.message(language))
                }
            }
        }
        if let onFailure { for f in batch.failures { onFailure(f.path, f.code, f.message) } }
        if let onFile { for f in batch.files { onFile(f.0, f.1) } }
    }

    /// Closes the run's row: its status and finishing time.
    func finish(_ status: ImportRecord.Status) throws {
        run.status = status
        run.finishedAt = Self.timestamp()
        let row = run
        try db.write { db in try row.update(db) }
    }

    private func apply(_ r: FileResult, _ db: Database, now: String, quick: Bool, batch: inout Batch,
                       orphans: inout Set<Int64>) throws {
        let c = r.candidate
        let wantJSON = jsonExport != nil
        switch r.reading {
        case .unchanged:
            if quick {
                try db.cachedStatement(sql: "UPDATE sources SET last_seen = ?, import_id = ? WHERE path = ?")
                    .execute(arguments: [now, run.id, c.path])
            } else {
                try db.cachedStatement(sql: "UPDATE sources SET size = ?, mtime_ns = ?, last_seen = ?, import_id = ? WHERE path = ?")
                    .execute(arguments: [c.size, c.mtimeNs, now, run.id, c.path])
            }
            batch.counts.unchanged += 1
            batch.files.append((c.path, .unchanged))
            if wantJSON { batch.json.append((c.path, try storedJSON(db, path: c.path))) }

        case .known(let sha):
            if let id = try planID(db, sha: sha) {
                try link(c, planID: id, sha: sha, db, now: now, batch: &batch, orphans: &orphans, outcome: .copy)
                if wantJSON { batch.json.append((c.path, try storedJSON(db, path: c.path))) }
            } else {
                // The plan went away earlier in this run (its only path got new content): parse after all.
                let again = ParsePool.read(c, storedSha: nil, knownPlans: [], language: language)
                try apply(again, db, now: now, quick: false, batch: &batch, orphans: &orphans)
            }

        case .parsed(var p):
            let id: Int64
            if let existing = try planID(db, sha: p.sha256) {
                id = existing
            } else {
                id = try p.rows.insert(db, with: &inserter, importID: run.id!, now: now)
                batch.counts.plansAdded += 1
            }
            try link(c, planID: id, sha: p.sha256, db, now: now, batch: &batch, orphans: &orphans, outcome: .new)
            if wantJSON { batch.json.append((c.path, p.json)) }

        case .failed(let code, let message, let sha):
            // One row per path: the latest failure, with the time the path first failed.
            var failure = FailureRecord(path: c.path, sha256: sha, size: sha == nil ? nil : c.size, mtimeNs: sha == nil ? nil : c.mtimeNs,
                                        reason: code, message: message, firstFailed: now, failedAt: now, importId: run.id)
            if let old = try FailureRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM failures WHERE path = ?"), arguments: [c.path]) {
                failure.id = old.id
                failure.firstFailed = old.firstFailed
                try failure.update(db)
            } else {
                try inserter.insert(&failure, db)
            }
            // The path no longer holds a readable plan.
            if let old = try Int64.fetchOne(db.cachedStatement(sql: "SELECT plan_id FROM sources WHERE path = ?"), arguments: [c.path]) {
                try db.cachedStatement(sql: "DELETE FROM sources WHERE path = ?").execute(arguments: [c.path])
                orphans.insert(old)
            }
            batch.counts.failed += 1
            batch.reasons[code, default: 0] += 1
            batch.failures.append((c.path, code, message))
            batch.files.append((c.path, .failed))
            if wantJSON { batch.json.append((c.path, nil)) }
        }
    }

    /// A result the database refused, as that file's failure.
    private func refusedByDatabase(_ r: FileResult, _ e: DatabaseError) -> FileResult {
        let said = e.message ?? "\(e.resultCode)"
        let message = language.pick(
            da: "databasen tager ikke imod planen (\(said)) – databasen er ændret uden for maalplan (en regel, en trigger, rækker slettet i hånden); ret den, eller importér til en ny fil med --db; de øvrige filer importeres",
            en: "the database refuses the plan (\(said)) – the database was changed outside maalplan (a rule, a trigger, rows deleted by hand); repair it, or import into a new file with --db; the other files are imported")
        var sha: String?
        if case .parsed(let p) = r.reading { sha = p.sha256 }
        if case .known(let s) = r.reading { sha = s }
        return FileResult(candidate: r.candidate, reading: .failed(code: Self.refusedByDatabaseCode, message: message, sha256: sha))
    }

    /// The failure code of a plan the database would not take.
    static let refusedByDatabaseCode = "refused-by-database"

    /// Errors that come from one plan's rows, not from the database or the disk: a constraint,
    /// a value too big or of the wrong type.
    static func isThisPlans(_ e: DatabaseError) -> Bool {
        [.SQLITE_CONSTRAINT, .SQLITE_TOOBIG, .SQLITE_MISMATCH, .SQLITE_RANGE].contains(e.resultCode)
    }

    private func planID(_ db: Database, sha: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM plans WHERE sha256 = ?"), arguments: [sha])
    }

    /// The JSON of the plan a path holds, for that path: the stored plan written again with it.
    private func storedJSON(_ db: Database, path: String) throws -> String? {
        guard let json = try String.fetchOne(db.cachedStatement(sql: """
            SELECT p.json FROM sources s JOIN plans p ON p.id = s.plan_id WHERE s.path = ?
            """), arguments: [path]) else { return nil }
        guard let again = JSONExport.json(stored: json, path: path) else {
            onJSONError?(path, language.pick(da: "den gemte JSON kan ikke læses; skrevet som gemt (med den første sti)",
                                             en: "the stored JSON cannot be read; written as stored (with the first path)"))
            return json
        }
        return again
    }

    /// Links a path to a plan: its source row made or moved, its failure row gone.
    private func link(_ c: Candidate, planID: Int64, sha: String, _ db: Database, now: String, batch: inout Batch,
                      orphans: inout Set<Int64>, outcome: FileOutcome) throws {
        if var source = try SourceRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM sources WHERE path = ?"), arguments: [c.path]) {
            let old = source.planId
            source.planId = planID
            source.sha256 = sha
            source.size = c.size
            source.mtimeNs = c.mtimeNs
            source.lastSeen = now
            source.importId = run.id
            try source.update(db)
            if old != planID {
                orphans.insert(old)
                batch.counts.changed += 1
                batch.files.append((c.path, .changed))
            } else {
                // The path already holds this plan: another run, importing at the same time, got
                // here first. It counts as what this run did with it: nothing new.
                try db.cachedStatement(sql: "DELETE FROM failures WHERE path = ?").execute(arguments: [c.path])
                batch.counts.unchanged += 1
                batch.files.append((c.path, .unchanged))
                return
            }
        } else {
            var source = SourceRecord(path: c.path, planId: planID, sha256: sha, size: c.size, mtimeNs: c.mtimeNs,
                                      firstSeen: now, lastSeen: now, importId: run.id)
            try inserter.insert(&source, db)
            batch.counts.sourcesAdded += 1
            batch.files.append((c.path, outcome))
        }
        try db.cachedStatement(sql: "DELETE FROM failures WHERE path = ?").execute(arguments: [c.path])
        batch.counts.imported += 1
    }

    /// Now in ISO 8601, UTC, to the second.
    static func timestamp(_ d: Date = Date()) -> String {
        var t = time_t(d.timeIntervalSince1970)
        var tm = tm()
        gmtime_r(&t, &tm)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(tm.tm_year) + 1900, Int(tm.tm_mon) + 1, Int(tm.tm_mday),
                      Int(tm.tm_hour), Int(tm.tm_min), Int(tm.tm_sec))
    }
}
