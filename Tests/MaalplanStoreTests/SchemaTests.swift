import TestSupport
import Foundation
import GRDB
import MaalplanCore
import MaalplanModel
@testable import MaalplanStore
import XCTest

/// The record types are the tables' columns as the code sees them; the migrations (never edited
/// once shipped) make the tables. The two must name the same columns in the same order.
final class SchemaTests: XCTestCase {
    func testEveryTableHasItsRecordsColumnsInOrder() throws {
        let dir = try temporaryFolder(self)
        let store = try Store.openForImport(path: dir + "/schema.sqlite")
        func columns(_ table: String) throws -> [String] {
            try store.writer.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String } }
        }
        let records: [(String, [String])] = [
            (ImportRecord.databaseTableName, ImportRecord.columnNames), (PlanRecord.databaseTableName, PlanRecord.columnNames),
            (SourceRecord.databaseTableName, SourceRecord.columnNames), (GoalRecord.databaseTableName, GoalRecord.columnNames),
            (SignRecord.databaseTableName, SignRecord.columnNames), (TrialActionRecord.databaseTableName, TrialActionRecord.columnNames),
            (MilestoneRecord.databaseTableName, MilestoneRecord.columnNames), (WorkplaceRecord.databaseTableName, WorkplaceRecord.columnNames),
            (FindingRecord.databaseTableName, FindingRecord.columnNames), (FailureRecord.databaseTableName, FailureRecord.columnNames),
            (UnreadFileRecord.databaseTableName, UnreadFileRecord.columnNames),
        ]
        for (table, names) in records {
            XCTAssertEqual(try columns(table), names, table)
        }
        let tables = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'")
        }
        XCTAssertEqual(Set(tables), Set(records.map(\.0)), "every table has its record type")
    }

    /// A database made by the version before (migration v1 only) is migrated, not rebuilt: its
    /// plans stay, and `unread_files` is added.
    func testADatabaseOfV1IsMigratedToV2() throws {
        let dir = try temporaryFolder(self)
        let db = dir + "/v1.sqlite"
        let old = try DatabaseQueue(path: db)
        var v1 = DatabaseMigrator()
        v1.registerMigration("v1") { db in
            try db.execute(sql: Schema.v1)
            try db.execute(sql: "PRAGMA application_id = \(Store.applicationID)")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        try v1.migrate(old)
        try old.write { try $0.execute(sql: "INSERT INTO imports (started_at, tool_version, status, arguments) VALUES ('2025-01-01T00:00:00Z', '0.0.9', 'done', 'x')") }
        try old.close()
        try writePlan(1, dir + "/p/plan.docx")
        try writeText("%PDF", dir + "/p/plan.pdf")
        try runImport([dir + "/p"], db: db)
        XCTAssertEqual(try query(db, "PRAGMA user_version", Int.self), [Store.schemaVersion])
        XCTAssertEqual(try query(db, "SELECT identifier FROM grdb_migrations ORDER BY identifier", String.self), ["v1", "v2", "v3"])
        XCTAssertEqual(try query(db, "SELECT tool_version FROM imports ORDER BY id", String.self), ["0.0.9", "test"], "the old run is kept")
        XCTAssertEqual(try query(db, "SELECT kind FROM unread_files", String.self), ["pdf"])
    }

    /// A stored plan's JSON, written again for another path, is `convert`'s JSON of that path:
    /// read back as a plan and written again, byte for byte but the path.
    func testStoredJSONReadsBackAsThePlan() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Paths.fixtures.path)
            .filter { ["docx", "docm", "dotx"].contains(($0 as NSString).pathExtension) }.sorted()
        XCTAssertGreaterThan(files.count, 20)
        for name in files {
            let path = Paths.fixtures.appendingPathComponent(name).path
            let json = try Pipeline.convert(path: path).json.serialized()
            XCTAssertEqual(JSONExport.json(stored: json, path: path), json, name)
            let moved = try XCTUnwrap(JSONExport.json(stored: json, path: "/andet/sted/\(name)"), name)
            XCTAssertEqual(moved, json.replacingOccurrences(of: "\"path\": \(JSONString(path)),", with: "\"path\": \(JSONString("/andet/sted/\(name)")),"), name)
        }
        XCTAssertNil(JSONExport.json(stored: "{\"schemaVersion\": 2}", path: "/x"), "not a plan of this schema")
    }

    private func JSONString(_ s: String) -> String {
        String(decoding: try! JSONEncoder().encode(s), as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
    }
}
