import Foundation
import GRDB
import MaalplanModel
import MaalplanStore

/// Runs an import in process, as the CLI does.
@discardableResult
public func runImport(_ paths: [String], db: String, jsonDir: String? = nil, jobs: Int = 2, language: MessageLanguage = .da,
               stop: StopFlag = StopFlag()) throws -> ImportSummary {
    let walk = try Walker.walk(paths)
    let store = try Store.openForImport(path: db)
    let importer = Importer(store: store, options: ImportOptions(jobs: jobs, jsonDir: jsonDir, language: language, toolVersion: "test"))
    return try importer.run(walk, arguments: paths, stop: stop)
}

public let allTables = ["plans", "sources", "goals", "signs", "trial_actions", "milestones", "contributing_workplaces",
                 "findings", "failures", "imports"]

/// Rows in every table.
public func tableCounts(_ db: String) throws -> [String: Int] {
    let q = try DatabaseQueue(path: db)
    return try q.read { db in
        var out: [String: Int] = [:]
        for t in allTables { out[t] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t)") ?? -1 }
        return out
    }
}

public func query<T: DatabaseValueConvertible>(_ db: String, _ sql: String, _ type: T.Type = T.self) throws -> [T] {
    let q = try DatabaseQueue(path: db)
    return try q.read { db in try T.fetchAll(db, sql: sql) }
}

public func rowCount(_ db: String, _ sql: String) throws -> Int {
    let q = try DatabaseQueue(path: db)
    return try q.read { db in try Row.fetchAll(db, sql: sql).count }
}

public func integrity(_ db: String) throws -> String {
    let q = try DatabaseQueue(path: db)
    return try q.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
}

