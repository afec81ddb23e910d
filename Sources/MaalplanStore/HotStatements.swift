import GRDB
import GRDBSQLite
import MaalplanModel

/// A plan's rows as the writer binds them, made on the worker thread that parsed the plan
/// (so the plan's model is also freed there, not on the writer).
struct PlanRows: Sendable {
    struct GoalRow: Sendable {
        var goal, objective, challenge, evaluation, learning: String
        var signs: [String]
        var trialActions: [String]
        var milestones: [Milestone]
    }
    struct FindingRow: Sendable {
        var severity: String
        var code: String
        var phase: String?
        var field: String?
        var message: String
        var location: String?
    }
    var template: String
    var year: Int?
    var caseNumber: String?
    var title: String?
    var organisation: String?
    var owner: String
    var coordinator: String
    var phaseReached: String
    var workplaces: [String]
    var goals: [GoalRow]
    var findings: [FindingRow]

    init(_ plan: Plan, _ language: MessageLanguage) {
        template = plan.template.rawValue
        year = plan.year
        caseNumber = plan.caseNumber
        title = plan.title
        organisation = plan.organisation.isEmpty ? nil : plan.organisation.joined(separator: ", ")
        owner = plan.owner
        coordinator = plan.coordinator
        phaseReached = plan.phaseReached.rawValue
        workplaces = plan.contributingWorkplaces
        goals = plan.goals.map {
            GoalRow(goal: $0.goal, objective: $0.objective, challenge: $0.challenge, evaluation: $0.evaluation,
                    learning: $0.learning, signs: $0.signs, trialActions: $0.trialActions, milestones: $0.milestones)
        }
        findings = plan.findings.map { f in
            let loc = f.location?.describe(language)
            return FindingRow(severity: f.severity.rawValue, code: f.code.rawValue, phase: f.phase?.rawValue, field: f.field?.description,
                              message: f.message, location: loc?.isEmpty == false ? loc : nil)
        }
    }
}

/// The statements of the writer's hot path (a new plan and its source), prepared once on the
/// writer's connection and bound and stepped through SQLite's C API: no argument arrays, no
/// SQL looked up per row. Everything else the writer does goes through GRDB as usual.
final class HotStatements {
    private let connection: OpaquePointer
    /// GRDB's statements, held so that the SQLite statements below stay theirs to finalize.
    private var held: [Statement] = []
    private let planBySha, insertPlan, insertWorkplace, insertGoal, insertSign, insertTrial, insertMilestone,
                insertFinding, sourceByPath, updateSource, insertSource, deleteFailure: OpaquePointer

    init(_ db: Database) throws {
        guard let c = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed") }
        connection = c
        var held: [Statement] = []
        func prepare(_ sql: String) throws -> OpaquePointer {
            let s = try db.makeStatement(sql: sql)
            held.append(s)
            return s.sqliteStatement
        }
        planBySha = try prepare("SELECT id FROM plans WHERE sha256 = ?")
        insertPlan = try prepare("""
            INSERT INTO plans (sha256, format, bytes, template, year, case_number, title, organisation, owner, coordinator,
                               phase_reached, next_phase, missing_for_next, json, import_id, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertWorkplace = try prepare("INSERT INTO contributing_workplaces (plan_id, position, name) VALUES (?, ?, ?)")
        insertGoal = try prepare("""
            INSERT INTO goals (plan_id, position, goal, objective, challenge, evaluation, learning) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        insertSign = try prepare("INSERT INTO signs (plan_id, goal_id, position, text) VALUES (?, ?, ?, ?)")
        insertTrial = try prepare("INSERT INTO trial_actions (plan_id, goal_id, position, text) VALUES (?, ?, ?, ?)")
        insertMilestone = try prepare("""
            INSERT INTO milestones (plan_id, goal_id, position, text, date_from, date_to) VALUES (?, ?, ?, ?, ?, ?)
            """)
        insertFinding = try prepare("""
            INSERT INTO findings (plan_id, position, severity, code, phase, field, message, location) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        sourceByPath = try prepare("SELECT id, plan_id FROM sources WHERE path = ?")
        updateSource = try prepare("""
            UPDATE sources SET plan_id = ?, sha256 = ?, size = ?, mtime_ns = ?, last_seen = ?, import_id = ? WHERE id = ?
            """)
        insertSource = try prepare("""
            INSERT INTO sources (path, plan_id, sha256, size, mtime_ns, first_seen, last_seen, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        deleteFailure = try prepare("DELETE FROM failures WHERE path = ?")
        self.held = held
    }

    // MARK: Binding and stepping

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    private static let empty: StaticString = ""

    private func bind(_ s: OpaquePointer, _ i: Int32, _ v: String?) {
        guard var v else { sqlite3_bind_null(s, i); return }
        v.withUTF8 { b in
            let p = UnsafeRawPointer(b.baseAddress ?? Self.empty.utf8Start).assumingMemoryBound(to: CChar.self)
            _ = sqlite3_bind_text(s, i, p, Int32(b.count), Self.transient)
        }
    }

    private func bind(_ s: OpaquePointer, _ i: Int32, _ v: Int64?) {
        if let v { sqlite3_bind_int64(s, i, v) } else { sqlite3_bind_null(s, i) }
    }

    private func bind(_ s: OpaquePointer, _ i: Int32, _ v: Int?) { bind(s, i, v.map(Int64.init)) }

    private func failure(_ rc: Int32, _ s: OpaquePointer) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(connection)),
                      sql: sqlite3_sql(s).map { String(cString: $0) })
    }

    /// Runs a statement that returns no row, and resets it.
    private func run(_ s: OpaquePointer) throws {
        let rc = sqlite3_step(s)
        sqlite3_reset(s)
        if rc != SQLITE_DONE && rc != SQLITE_ROW { throw failure(rc, s) }
    }

    /// The first row's integer columns (nil: no row), and resets the statement.
    private func firstRow(_ s: OpaquePointer, columns: Int32) throws -> (Int64, Int64)? {
        let rc = sqlite3_step(s)
        defer { sqlite3_reset(s) }
        if rc == SQLITE_DONE { return nil }
        if rc != SQLITE_ROW { throw failure(rc, s) }
        return (sqlite3_column_int64(s, 0), columns > 1 ? sqlite3_column_int64(s, 1) : 0)
    }

    private var lastRowID: Int64 { sqlite3_last_insert_rowid(connection) }

    // MARK: The writer's statements

    func planID(sha: String) throws -> Int64? {
        bind(planBySha, 1, sha)
        return try firstRow(planBySha, columns: 1)?.0
    }

    /// A source row by path: its id and plan id.
    func source(path: String) throws -> (id: Int64, planID: Int64)? {
        bind(sourceByPath, 1, path)
        return try firstRow(sourceByPath, columns: 2).map { ($0.0, $0.1) }
    }

    func updateSource(id: Int64, planID: Int64, sha: String, size: Int64, mtimeNs: Int64, now: String, importID: Int64) throws {
        let s = updateSource
        bind(s, 1, planID); bind(s, 2, sha); bind(s, 3, size); bind(s, 4, mtimeNs); bind(s, 5, now); bind(s, 6, importID); bind(s, 7, id)
        try run(s)
    }

    func insertSource(path: String, planID: Int64, sha: String, size: Int64, mtimeNs: Int64, now: String, importID: Int64) throws {
        let s = insertSource
        bind(s, 1, path); bind(s, 2, planID); bind(s, 3, sha); bind(s, 4, size); bind(s, 5, mtimeNs)
        bind(s, 6, now); bind(s, 7, now); bind(s, 8, importID)
        try run(s)
    }

    func deleteFailure(path: String) throws {
        bind(deleteFailure, 1, path)
        try run(deleteFailure)
    }

    /// A plan and all its rows; returns the plan's id.
    func insert(_ p: ParsedPlan, now: String, importID: Int64) throws -> Int64 {
        let r = p.rows
        var s = insertPlan
        bind(s, 1, p.sha256); bind(s, 2, p.format); bind(s, 3, p.bytes); bind(s, 4, r.template); bind(s, 5, r.year)
        bind(s, 6, r.caseNumber); bind(s, 7, r.title); bind(s, 8, r.organisation); bind(s, 9, r.owner); bind(s, 10, r.coordinator)
        bind(s, 11, r.phaseReached); bind(s, 12, p.next?.rawValue); bind(s, 13, p.missingForNext.map(\.description).joined(separator: ", "))
        bind(s, 14, p.json); bind(s, 15, importID); bind(s, 16, now)
        try run(s)
        let planID = lastRowID
        s = insertWorkplace
        for (i, w) in r.workplaces.enumerated() {
            bind(s, 1, planID); bind(s, 2, i); bind(s, 3, w)
            try run(s)
        }
        for (gi, g) in r.goals.enumerated() {
            s = insertGoal
            bind(s, 1, planID); bind(s, 2, gi); bind(s, 3, g.goal); bind(s, 4, g.objective); bind(s, 5, g.challenge)
            bind(s, 6, g.evaluation); bind(s, 7, g.learning)
            try run(s)
            let goalID = lastRowID
            for (list, statement) in [(g.signs, insertSign), (g.trialActions, insertTrial)] {
                for (i, text) in list.enumerated() {
                    bind(statement, 1, planID); bind(statement, 2, goalID); bind(statement, 3, i); bind(statement, 4, text)
                    try run(statement)
                }
            }
            s = insertMilestone
            for (i, m) in g.milestones.enumerated() {
                bind(s, 1, planID); bind(s, 2, goalID); bind(s, 3, i); bind(s, 4, m.text); bind(s, 5, m.from); bind(s, 6, m.to)
                try run(s)
            }
        }
        s = insertFinding
        for (i, f) in r.findings.enumerated() {
            bind(s, 1, planID); bind(s, 2, i); bind(s, 3, f.severity); bind(s, 4, f.code); bind(s, 5, f.phase)
            bind(s, 6, f.field); bind(s, 7, f.message); bind(s, 8, f.location)
            try run(s)
        }
        return planID
    }
}
