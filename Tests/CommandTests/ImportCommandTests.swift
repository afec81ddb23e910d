import DocxPackage
import Foundation
import GRDB
import MaalplanCore
import MaalplanModel
import MaalplanSamples
@testable import MaalplanStore
import XCTest
import TestSupport

final class DatabaseRefusalTests: XCTestCase {
    func testUnusableDatabaseOrArgumentsExit2() throws {
        let dir = try temporaryFolder(self)
        try writePlan(1, dir + "/p/a.docx")
        func expect2(_ args: [String], _ says: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let r = try runBinary(args, self)
            XCTAssertEqual(r.status, 2, r.err, file: file, line: line)
            XCTAssertTrue(r.err.contains(says), r.err, file: file, line: line)
            XCTAssertEqual(r.err.split(separator: "\n").count, 1, "one line: \(r.err)", file: file, line: line)
        }
        // A read-only place. Root writes through file modes, so there a place no one can create files in.
        let readOnly: String
        if geteuid() == 0 {
            readOnly = "/proc/maalplan-test.sqlite"
        } else {
            try FileManager.default.createDirectory(atPath: dir + "/ro", withIntermediateDirectories: true)
            XCTAssertEqual(chmod(dir + "/ro", 0o555), 0)
            readOnly = dir + "/ro/maalplan.sqlite"
        }
        try expect2(["import", dir + "/p", "--db", readOnly], "kan ikke åbnes til skrivning")
        try expect2(["import", dir + "/p", "--db", dir + "/findes-ikke/m.sqlite"], "mappen findes ikke")
        try expect2(["import", dir + "/p", "--db", dir + "/p"], "stien er en mappe")
        try writeText("Titel;Sag\nx;y\n", dir + "/regneark.csv")
        try expect2(["import", dir + "/p", "--db", dir + "/regneark.csv"], "ikke en SQLite-database")
        XCTAssertEqual(try String(contentsOfFile: dir + "/regneark.csv", encoding: .utf8), "Titel;Sag\nx;y\n", "left as it was")
        try expect2(["import", dir + "/findes-ikke", "--db", dir + "/m.sqlite"], "findes ikke")
        try expect2(["import", "--db", dir + "/m.sqlite"], "angiv mindst én fil eller mappe")
        try expect2(["import", dir + "/p", "--db", dir + "/m.sqlite", "--jobs", "0"], "--jobs")
        try expect2(["import", dir + "/p", "--db", dir + "/m.sqlite", "--ukendt"], "ukendt")

        // Another program's database.
        let other = try DatabaseQueue(path: dir + "/andet.sqlite")
        try other.write { try $0.execute(sql: "CREATE TABLE kunder (id INTEGER PRIMARY KEY, navn TEXT)") }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/andet.sqlite"))
        try expect2(["import", dir + "/p", "--db", dir + "/andet.sqlite"], "tilhører et andet program")
        // Issue 13, item 5: refused before anything is written (no WAL switch, no growth, no -wal file).
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/andet.sqlite")), before, "the other program's file is unchanged")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/andet.sqlite-wal"))
        // A GRDB application whose first migration is also named "v1".
        let grdbApp = try DatabaseQueue(path: dir + "/app.sqlite")
        var appMigrator = DatabaseMigrator()
        appMigrator.registerMigration("v1") { try $0.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)") }
        try appMigrator.migrate(grdbApp)
        try grdbApp.close()
        try expect2(["import", dir + "/p", "--db", dir + "/app.sqlite"], "tilhører et andet program")

        // A newer maalplan's: a migration this one does not know.
        let newer = dir + "/nyere.sqlite"
        try runImport([dir + "/p"], db: newer)
        let q = try DatabaseQueue(path: newer)
        try q.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        try expect2(["import", dir + "/p", "--db", newer], "nyere version af maalplan (migrations v99)")
        try expect2(["report", "--db", newer], "nyere version af maalplan")
        try q.write { try $0.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v99'; PRAGMA user_version = 7") }
        try expect2(["import", dir + "/p", "--db", newer, "--lang", "en"], "newer version of maalplan (user_version 7 > 3)")

        XCTAssertThrowsError(try Store.openForImport(path: newer)) { e in
            XCTAssertEqual(e as? StoreError, .newerSchema(newer, "user_version 7 > 3"))
        }
    }
}

/// The built binary on a few hundred plans: killed, interrupted, re-run.
final class InterruptionTests: XCTestCase {
    static let count = 300

    /// `count` distinct plans.
    func makePlans(_ dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for i in 0..<Self.count { try writePlan(i, dir + String(format: "/plan-%04d.docx", i)) }
    }

    /// Waits until the database holds between `low` and `high` plans (polling a reader), or the process ends.
    func waitForPlans(_ db: String, _ p: RunningBinary, atLeast low: Int) -> Int {
        let deadline = Date(timeIntervalSinceNow: 60)
        var n = 0
        while p.process.isRunning && Date() < deadline {
            if FileManager.default.fileExists(atPath: db),
               let q = try? DatabaseQueue(path: db, configuration: { var c = Configuration(); c.readonly = true; c.busyMode = .timeout(1); return c }()),
               let k = try? q.read({ try $0.tableExists("plans") ? Int.fetchOne($0, sql: "SELECT COUNT(*) FROM plans") ?? 0 : 0 }) {
                n = k
                if n >= low { return n }
            }
            usleep(5_000)
        }
        return n
    }

    /// Every plan is whole: its rows match its JSON.
    func assertWholePlans(_ db: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let q = try DatabaseQueue(path: db)
        try q.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.json, (SELECT COUNT(*) FROM goals g WHERE g.plan_id = p.id) AS goals,
                       (SELECT COUNT(*) FROM signs s WHERE s.plan_id = p.id) AS signs,
                       (SELECT COUNT(*) FROM findings f WHERE f.plan_id = p.id) AS findings,
                       (SELECT COUNT(*) FROM sources s WHERE s.plan_id = p.id) AS sources
                FROM plans p
                """)
            for r in rows {
                let j = try JSONSerialization.jsonObject(with: Data((r["json"] as String).utf8)) as! [String: Any]
                let goals = j["goals"] as! [[String: Any]]
                XCTAssertEqual(r["goals"] as Int, goals.count, file: file, line: line)
                XCTAssertEqual(r["signs"] as Int, goals.map { ($0["signs"] as! [Any]).count }.reduce(0, +), file: file, line: line)
                XCTAssertEqual(r["findings"] as Int, (j["findings"] as! [Any]).count, file: file, line: line)
                XCTAssertEqual(r["sources"] as Int, 1, file: file, line: line)
            }
        }
    }

    func testKillMidRunThenReRunFindsEveryPlan() throws {
        let dir = try temporaryFolder(self)
        try makePlans(dir + "/plans")
        let db = dir + "/kill.sqlite"
        let p = try startBinary(["import", dir + "/plans", "--db", db, "--jobs", "2"])
        let seen = waitForPlans(db, p, atLeast: 1)
        kill(p.process.processIdentifier, SIGKILL)
        let r = p.wait()
        XCTAssertTrue(r.signalled, "killed mid-run (had \(seen) plans; exit \(r.status))")
        XCTAssertLessThan(seen, Self.count, "the kill came before the end")

        XCTAssertEqual(try integrity(db), "ok")
        try assertWholePlans(db)
        let plansAfterKill = try tableCounts(db)["plans"]!
        XCTAssertEqual(try query(db, "SELECT status FROM imports", String.self), ["running"], "a killed run keeps status running")

        let again = try runBinary(["import", dir + "/plans", "--db", db], self)
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertTrue(again.out.contains("Uændret:       \(plansAfterKill)\n"), again.out)
        XCTAssertEqual(try tableCounts(db)["plans"], Self.count)
        XCTAssertEqual(try tableCounts(db)["sources"], Self.count)
        XCTAssertEqual(try query(db, "SELECT COUNT(DISTINCT case_number) FROM plans", Int.self), [Self.count])
        try assertWholePlans(db)
        XCTAssertEqual(try integrity(db), "ok")
    }

    func testCtrlCFinishesTheBatchAndExits130() throws {
        let dir = try temporaryFolder(self)
        try makePlans(dir + "/plans")
        let db = dir + "/int.sqlite"
        let p = try startBinary(["import", dir + "/plans", "--db", db, "--jobs", "1"])
        _ = waitForPlans(db, p, atLeast: 1)
        kill(p.process.processIdentifier, SIGINT)
        let r = p.wait()
        XCTAssertFalse(r.signalled)
        XCTAssertEqual(r.status, 130, r.out + r.err)
        XCTAssertTrue(r.out.contains("Afbrudt: "), r.out)
        XCTAssertTrue(r.out.contains("Importeret:"), "the summary is printed: \(r.out)")
        XCTAssertEqual(try query(db, "SELECT status FROM imports", String.self), ["interrupted"])
        XCTAssertEqual(try integrity(db), "ok")
        try assertWholePlans(db)
        let imported = try query(db, "SELECT imported FROM imports", Int.self).first!
        XCTAssertEqual(try tableCounts(db)["plans"], imported)
        XCTAssertLessThan(imported, Self.count)

        let again = try runBinary(["import", dir + "/plans", "--db", db], self)
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertEqual(try tableCounts(db)["plans"], Self.count)
    }

    /// Issue 13, item 14: two imports of one folder into one database at once each count what
    /// they did: together every plan is new once and every path added once.
    func testTwoImportsAtOnceEachCountWhatTheyDid() throws {
        let dir = try temporaryFolder(self)
        try makePlans(dir + "/plans")
        let db = dir + "/x.sqlite"
        // The database is made first, so that neither run waits on the other's migration.
        XCTAssertEqual(try runBinary(["import", dir + "/plans/plan-0000.docx", "--db", db], self).status, 0)
        let a = try startBinary(["import", dir + "/plans", "--db", db, "--jobs", "1", "--lang", "en"])
        let b = try startBinary(["import", dir + "/plans", "--db", db, "--jobs", "1", "--lang", "en"])
        let runs = [a.wait(), b.wait()]
        var plans = 0, paths = 0, imported = 0
        for r in runs {
            XCTAssertEqual(r.status, 0, r.err)
            // "Imported:      N (P new plans, S new paths, C changed files)" and "Unchanged:     U"
            let numbers = r.out.split(separator: "\n").prefix(2).map { line in
                line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            }
            guard numbers.count == 2, numbers[0].count == 4, numbers[1].count == 1 else { return XCTFail(r.out) }
            XCTAssertEqual(numbers[0][0] + numbers[1][0], Self.count, "each file is imported or unchanged: \(r.out)")
            imported += numbers[0][0]
            plans += numbers[0][1]
            paths += numbers[0][2]
        }
        XCTAssertEqual(plans, Self.count - 1, "each plan is new in one run only")
        XCTAssertEqual(paths, Self.count - 1, "each path is added by one run only")
        XCTAssertEqual(imported, Self.count - 1)
        XCTAssertEqual(try tableCounts(db)["plans"], Self.count)
        XCTAssertEqual(try tableCounts(db)["sources"], Self.count)
        XCTAssertEqual(try integrity(db), "ok")
    }
}
