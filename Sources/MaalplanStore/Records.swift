import GRDB

// Plain record structs, one per table (see Schema.v1 for the columns' meaning).
// Columns are snake_case in SQL and camelCase here.

public protocol MaalplanRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {}

extension MaalplanRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

public struct ImportRecord: MaalplanRecord {
    public static let databaseTableName = "imports"
    public var id: Int64?
    public var startedAt: String
    public var finishedAt: String?
    public var toolVersion: String
    public var status: String
    public var arguments: String
    public var candidates = 0
    public var imported = 0
    public var plansAdded = 0
    public var plansRemoved = 0
    public var unchanged = 0
    public var skipped = 0
    public var failed = 0
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

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
    public var organisation: String?
    public var owner: String
    public var coordinator: String
    public var phaseReached: String
    public var nextPhase: String?
    public var missingForNext: String
    public var json: String
    public var importId: Int64?
    public var importedAt: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct SourceRecord: MaalplanRecord {
    public static let databaseTableName = "sources"
    public var id: Int64?
    public var path: String
    public var planId: Int64
    public var sha256: String
    public var size: Int64
    public var mtimeNs: Int64
    public var firstSeen: String
    public var lastSeen: String
    public var importId: Int64?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

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
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct SignRecord: MaalplanRecord {
    public static let databaseTableName = "signs"
    public var id: Int64?
    public var planId: Int64
    public var goalId: Int64
    public var position: Int
    public var text: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct TrialActionRecord: MaalplanRecord {
    public static let databaseTableName = "trial_actions"
    public var id: Int64?
    public var planId: Int64
    public var goalId: Int64
    public var position: Int
    public var text: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct MilestoneRecord: MaalplanRecord {
    public static let databaseTableName = "milestones"
    public var id: Int64?
    public var planId: Int64
    public var goalId: Int64
    public var position: Int
    public var text: String
    public var dateFrom: String?
    public var dateTo: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct WorkplaceRecord: MaalplanRecord {
    public static let databaseTableName = "contributing_workplaces"
    public var id: Int64?
    public var planId: Int64
    public var position: Int
    public var name: String
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
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
    public var message: String
    public var location: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct FailureRecord: MaalplanRecord {
    public static let databaseTableName = "failures"
    public var id: Int64?
    public var path: String
    public var sha256: String?
    public var size: Int64?
    public var mtimeNs: Int64?
    public var reason: String
    public var message: String
    public var firstFailed: String
    public var failedAt: String
    public var importId: Int64?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
