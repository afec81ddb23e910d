import GRDB
import MaalplanModel

// One record type per table: its coding keys are the table's columns (snake_case in SQL, camelCase
// here), the one list from which GRDB makes the writer's INSERT and UPDATE statements and reads rows
// back. The tables themselves are made by the migrations (Schema.swift), which never change once
// shipped; a test holds the migrated tables to these records column by column.

protocol MaalplanRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    associatedtype CodingKeys: CodingKey & CaseIterable
    var id: Int64? { get set }
}

extension MaalplanRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    /// The table's columns, in order.
    static var columnNames: [String] { CodingKeys.allCases.map(\.stringValue) }
}

/// A run of `maalplan import`. A run stopped by kill -9 keeps status "running".
public struct ImportRecord: MaalplanRecord {
    public static let databaseTableName = "imports"
    public enum Status: String, Codable, Sendable, DatabaseValueConvertible { case running, done, interrupted }
    public var id: Int64?
    public var startedAt: String
    public var finishedAt: String?
    public var toolVersion: String
    public var status: Status
    /// The paths given, one per line.
    public var arguments: String
    public var candidates = 0
    public var imported = 0
    public var plansAdded = 0
    public var plansRemoved = 0
    public var unchanged = 0
    public var skipped = 0
    public var failed = 0
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, startedAt = "started_at", finishedAt = "finished_at", toolVersion = "tool_version", status, arguments,
             candidates, imported, plansAdded = "plans_added", plansRemoved = "plans_removed", unchanged, skipped,
             failed
    }

    /// The run's counts so far.
    mutating func record(_ c: ImportCounts) {
        candidates = c.candidates; imported = c.imported; plansAdded = c.plansAdded; plansRemoved = c.plansRemoved
        unchanged = c.unchanged; skipped = c.skipped; failed = c.failed
    }
}

/// One distinct content (SHA-256 of the file).
public struct PlanRecord: MaalplanRecord {
    public static let databaseTableName = "plans"
    public var id: Int64?
    public var sha256: String
    public var format: String
    public var bytes: Int
    public var template: String
    public var year: Int?
    public var caseNumber: String?
    public var title: String?
    /// The logo's path, joined with ", ".
    public var organisation: String?
    public var owner: String
    public var coordinator: String
    public var phaseReached: String
    /// NULL after EFTER.
    public var nextPhase: String?
    /// Field paths, ", "-separated (goals[0].signs, ...).
    public var missingForNext: String
    /// maalplan convert's output; its source is the first path the content was seen at.
    public var json: String
    public var importId: Int64?
    public var importedAt: String
    /// The converter and its version when the file was converted to .docx first (v3).
    public var convertedBy: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, sha256, format, bytes, template, year, caseNumber = "case_number", title, organisation, owner,
             coordinator, phaseReached = "phase_reached", nextPhase = "next_phase",
             missingForNext = "missing_for_next", json, importId = "import_id", importedAt = "imported_at",
             convertedBy = "converted_by"
    }
}

/// A path where a plan's content was found.
public struct SourceRecord: MaalplanRecord {
    public static let databaseTableName = "sources"
    public var id: Int64?
    /// Absolute.
    public var path: String
    public var planId: Int64
    public var sha256: String
    public var size: Int64
    /// Nanoseconds since 1970.
    public var mtimeNs: Int64
    public var firstSeen: String
    public var lastSeen: String
    /// The last run that saw it.
    public var importId: Int64?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, path, planId = "plan_id", sha256, size, mtimeNs = "mtime_ns", firstSeen = "first_seen",
             lastSeen = "last_seen", importId = "import_id"
    }
}

/// A goal of a plan; `position` counts from 0, as in the JSON and in field paths.
public struct GoalRecord: MaalplanRecord {
    public static let databaseTableName = "goals"
    public var id: Int64?
    public var planId: Int64
    public var position: Int
    public var goal: String
    public var objective: String
    public var challenge: String
    public var evaluation: String
    public var learning: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, planId = "plan_id", position, goal, objective, challenge, evaluation, learning
    }
}

public struct SignRecord: MaalplanRecord {
    public static let databaseTableName = "signs"
    public var id: Int64?
    public var planId: Int64
    public var goalId: Int64
    public var position: Int
    public var text: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, planId = "plan_id", goalId = "goal_id", position, text
    }
}

public struct TrialActionRecord: MaalplanRecord {
    public static let databaseTableName = "trial_actions"
    public var id: Int64?
    public var planId: Int64
    public var goalId: Int64
    public var position: Int
    public var text: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, planId = "plan_id", goalId = "goal_id", position, text
    }
}

public struct MilestoneRecord: MaalplanRecord {
    public static let databaseTableName = "milestones"
    public var id: Int64?
    public var planId: Int64
    public var goalId: Int64
    public var position: Int
    public var text: String
    /// ISO dates, inclusive, when the text holds a date.
    public var dateFrom: String?
    public var dateTo: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, planId = "plan_id", goalId = "goal_id", position, text, dateFrom = "date_from", dateTo = "date_to"
    }
}

public struct WorkplaceRecord: MaalplanRecord {
    public static let databaseTableName = "contributing_workplaces"
    public var id: Int64?
    public var planId: Int64
    public var position: Int
    public var name: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, planId = "plan_id", position, name
    }
}

public struct FindingRecord: MaalplanRecord {
    public static let databaseTableName = "findings"
    public var id: Int64?
    public var planId: Int64
    public var position: Int
    public var severity: String
    public var code: String
    public var phase: String?
    public var field: String?
    /// In the language of the run that imported the plan.
    public var message: String
    /// "tabel 3, række 2, kolonne 1 (»Tegn«)".
    public var location: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, planId = "plan_id", position, severity, code, phase, field, message, location
    }
}

/// A file that could not be read as a plan: the latest failure per path.
public struct FailureRecord: MaalplanRecord {
    public static let databaseTableName = "failures"
    public var id: Int64?
    public var path: String
    /// NULL when the file could not be read at all.
    public var sha256: String?
    public var size: Int64?
    public var mtimeNs: Int64?
    /// A stable code: legacy-word, corrupt-zip, ...
    public var reason: String
    /// What is wrong – what to do.
    public var message: String
    public var firstFailed: String
    public var failedAt: String
    public var importId: Int64?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, path, sha256, size, mtimeNs = "mtime_ns", reason, message, firstFailed = "first_failed",
             failedAt = "failed_at", importId = "import_id"
    }
}

/// A file in an imported folder that looks like a plan but is no Word document (a PDF ...).
public struct UnreadFileRecord: MaalplanRecord {
    public static let databaseTableName = "unread_files"
    public var id: Int64?
    public var path: String
    /// The extension, lower case: pdf, xps, htm ...
    public var kind: String
    public var lastSeen: String
    public var importId: Int64?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, path, kind, lastSeen = "last_seen", importId = "import_id"
    }
}

/// A plan's rows, made from the plan on the thread that parsed it (so its model is freed there,
/// not on the writer); ids are filled in as the writer inserts them.
struct PlanRows: Sendable {
    struct GoalRows: Sendable {
        var goal: GoalRecord
        var signs: [SignRecord]
        var trialActions: [TrialActionRecord]
        var milestones: [MilestoneRecord]
    }
    var plan: PlanRecord
    var workplaces: [WorkplaceRecord]
    var goals: [GoalRows]
    var findings: [FindingRecord]

    /// The rows of `p` (read from a file: its source is set), with what it lacks for its next phase.
    init(_ p: Plan, missingForNext: [FieldPath], json: String, language: MessageLanguage) {
        let source = p.source!
        plan = PlanRecord(sha256: source.sha256, format: source.format, bytes: source.bytes, template: p.template.rawValue,
                          year: p.year, caseNumber: p.caseNumber, title: p.title,
                          organisation: p.organisation.isEmpty ? nil : p.organisation.joined(separator: ", "),
                          owner: p.owner, coordinator: p.coordinator, phaseReached: p.phaseReached.rawValue,
                          nextPhase: p.phaseReached.next?.rawValue,
                          missingForNext: missingForNext.map(\.description).joined(separator: ", "),
                          json: json, importId: nil, importedAt: "", convertedBy: source.convertedBy)
        workplaces = p.contributingWorkplaces.enumerated().map { WorkplaceRecord(planId: 0, position: $0, name: $1) }
        goals = p.goals.enumerated().map { gi, g in
            GoalRows(goal: GoalRecord(planId: 0, position: gi, goal: g.goal, objective: g.objective, challenge: g.challenge,
                                      evaluation: g.evaluation, learning: g.learning),
                     signs: g.signs.enumerated().map { SignRecord(planId: 0, goalId: 0, position: $0, text: $1) },
                     trialActions: g.trialActions.enumerated().map { TrialActionRecord(planId: 0, goalId: 0, position: $0, text: $1) },
                     milestones: g.milestones.enumerated().map {
                         MilestoneRecord(planId: 0, goalId: 0, position: $0, text: $1.text, dateFrom: $1.from, dateTo: $1.to)
                     })
        }
        findings = p.findings.enumerated().map { i, f in
            let location = f.location?.describe(language)
            return FindingRecord(planId: 0, position: i, severity: f.severity.rawValue, code: f.code.rawValue, phase: f.phase?.rawValue,
                                 field: f.field?.description, message: f.message,
                                 location: location?.isEmpty == false ? location : nil)
        }
    }

    /// Inserts the plan and all its rows; returns the plan's id.
    mutating func insert(_ db: Database, with inserter: inout RowInserter, importID: Int64, now: String) throws -> Int64 {
        plan.importId = importID
        plan.importedAt = now
        try inserter.insert(&plan, db)
        let planID = plan.id!
        for i in workplaces.indices {
            workplaces[i].planId = planID
            try inserter.insert(&workplaces[i], db)
        }
        for gi in goals.indices {
            goals[gi].goal.planId = planID
            try inserter.insert(&goals[gi].goal, db)
            let goalID = goals[gi].goal.id!
            for i in goals[gi].signs.indices {
                goals[gi].signs[i].planId = planID
                goals[gi].signs[i].goalId = goalID
                try inserter.insert(&goals[gi].signs[i], db)
            }
            for i in goals[gi].trialActions.indices {
                goals[gi].trialActions[i].planId = planID
                goals[gi].trialActions[i].goalId = goalID
                try inserter.insert(&goals[gi].trialActions[i], db)
            }
            for i in goals[gi].milestones.indices {
                goals[gi].milestones[i].planId = planID
                goals[gi].milestones[i].goalId = goalID
                try inserter.insert(&goals[gi].milestones[i], db)
            }
        }
        for i in findings.indices {
            findings[i].planId = planID
            try inserter.insert(&findings[i], db)
        }
        return planID
    }
}
