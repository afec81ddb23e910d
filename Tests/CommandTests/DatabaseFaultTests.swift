import Foundation
import GRDB
import TestSupport
import XCTest

/// Issue 13, items 3 and 13: a damaged or hand-edited database, a lock held by another run and a
/// database in a read-only place each get one line and an exit code, never a crash or a trace.
final class DatabaseFaultTests: XCTestCase {
    func fixture(_ name: String) -> String { Paths.fixtures.appendingPathComponent(name).path }

    /// Lines on standard error that are not maalplan's own one-liners.
    func foreign(_ err: String) -> [Substring] {
        err.split(separator: "\n").filter { !$0.hasPrefix("maalplan: ") }
    }

    func testBytesFlippedInTheDatabaseGiveOneLineNeverACrash() throws {
        let dir = try temporaryFolder(self)
        let base = dir + "/base.sqlite"
        XCTAssertLessThanOrEqual(try runBinary(["import", Paths.fixtures.path, "--db", base], self).status, 1)
        let original = try Data(contentsOf: URL(fileURLWithPath: base))
        let page = 16_384
        var rng = SeededRandom("testBytesFlippedInTheDatabaseGiveOneLineNeverACrash")
        var refused = 0
        for round in 0..<30 {
            var bytes = [UInt8](original)
            // A few bytes each time, on the page headers (where damage does most) and anywhere.
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                let p = Int.random(in: 0..<(bytes.count / page), using: &rng)
                let offset = Bool.random(using: &rng) ? Int.random(in: 0..<120, using: &rng) : Int.random(in: 0..<page, using: &rng)
                let at = p * page + offset
                if at >= 100 { bytes[at] = UInt8.random(in: 0...255, using: &rng) }
            }
            let db = dir + "/c\(round).sqlite"
            try Data(bytes).write(to: URL(fileURLWithPath: db))
            let report = try runBinary(["report", "--db", db], self)
            XCTAssertFalse(report.signalled, "report, round \(round)")
            XCTAssertTrue([0, 2].contains(report.status), "report, round \(round): \(report.status) \(report.err)")
            XCTAssertEqual(foreign(report.err), [], "report, round \(round)")

            let imp = try runBinary(["import", fixture("2025-under1.docx"), fixture("2024-foer.docx"), "--db", db], self)
            XCTAssertFalse(imp.signalled, "import, round \(round)")
            XCTAssertTrue([0, 2].contains(imp.status), "import, round \(round): \(imp.status) \(imp.err)")
            XCTAssertEqual(foreign(imp.err), [], "import, round \(round)")
            if imp.status == 2 {
                refused += 1
                XCTAssertEqual(imp.err.split(separator: "\n").count, 1, imp.err)
                XCTAssertFalse(imp.err.contains("tjek pladsen på disken"), "damage is not a full disk: \(imp.err)")
                // Refused before anything was written: the file is as it was.
                XCTAssertTrue(try Data(contentsOf: URL(fileURLWithPath: db)) == Data(bytes), "round \(round): the file changed")
            }
        }
        print("testBytesFlippedInTheDatabaseGiveOneLineNeverACrash: \(refused) of 30 damaged copies refused by import")
    }

    func testDamageFoundByQuickCheckRefusesTheImport() throws {
        let dir = try temporaryFolder(self)
        let db = dir + "/x.sqlite"
        XCTAssertEqual(try runBinary(["import", fixture("2025-under1.docx"), fixture("2025-under2.docx"), "--db", db], self).status, 0)
        // The last page of the file (an index's or a table's) overwritten with zeros.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: db)))
        let page = 16_384
        for i in (bytes.count - page)..<bytes.count { bytes[i] = 0 }
        try Data(bytes).write(to: URL(fileURLWithPath: db))
        let r = try runBinary(["import", fixture("2024-foer.docx"), "--db", db], self)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.hasPrefix("maalplan: \(db): databasen er beskadiget eller ændret uden for maalplan ("), r.err)
        XCTAssertTrue(r.err.hasSuffix(") – importér igen til en ny fil med --db; den gamle lades urørt\n"), r.err)
        XCTAssertTrue(try Data(contentsOf: URL(fileURLWithPath: db)) == Data(bytes), "left as it was")
        // A table changed by hand so that maalplan's statements no longer fit.
        let other = dir + "/y.sqlite"
        XCTAssertEqual(try runBinary(["import", fixture("2025-under1.docx"), "--db", other], self).status, 0)
        let q = try DatabaseQueue(path: other)
        try q.write { try $0.execute(sql: "DROP INDEX IF EXISTS sources_plan; ALTER TABLE sources DROP COLUMN mtime_ns") }
        try q.close()
        let e = try runBinary(["import", fixture("2025-under2.docx"), "--db", other, "--lang", "en"], self)
        XCTAssertEqual(e.status, 2)
        XCTAssertEqual(e.err, "maalplan: \(other): the database is damaged or was changed outside maalplan (no such column: mtime_ns) – import again into a new file with --db; the old one is left alone\n")
    }

    func testAnotherRunHoldingTheLockIsNamedAsSuch() throws {
        let dir = try temporaryFolder(self)
        let db = dir + "/x.sqlite"
        XCTAssertEqual(try runBinary(["import", fixture("2025-under1.docx"), "--db", db], self).status, 0)
        let holder = try DatabaseQueue(path: db)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            // The import waits its 10 s for the lock, then says who has it.
            let r = try runBinary(["import", fixture("2025-under2.docx"), "--db", dir + "/x.sqlite"], self)
            try db.execute(sql: "ROLLBACK")
            XCTAssertEqual(r.status, 2)
            XCTAssertEqual(r.err, "maalplan: \(dir)/x.sqlite: databasen bruges af en anden kørsel, der skriver i den – vent til den er færdig, og kør igen\n")
        }
        try holder.close()
        XCTAssertEqual(try runBinary(["import", fixture("2025-under2.docx"), "--db", db], self).status, 0)
    }

    func testAReportOfADatabaseInAReadOnlyPlace() throws {
        let folder: String
        if let fs = try SmallFileSystem.make(self, kib: 4096) {
            folder = fs.path
            XCTAssertEqual(try runBinary(["import", fixture("2025-under1.docx"), "--db", folder + "/x.sqlite"], self).status, 0)
            XCTAssertTrue(fs.makeReadOnly(), "remount read-only")
        } else {
            folder = try temporaryFolder(self) + "/ro"
            XCTAssertEqual(try runBinary(["import", fixture("2025-under1.docx"), "--db", folder + "/x.sqlite"], self).status, 2,
                           "no folder yet")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            XCTAssertEqual(try runBinary(["import", fixture("2025-under1.docx"), "--db", folder + "/x.sqlite"], self).status, 0)
            XCTAssertEqual(chmod(folder, 0o555), 0)
        }
        let r = try runBinary(["report", "--db", folder + "/x.sqlite"], self)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.err, "")
        XCTAssertTrue(r.out.contains("Borgere oplever større tryghed"), r.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/x.sqlite-wal"))
        // Import cannot write there: it says so in one line.
        let i = try runBinary(["import", fixture("2025-under2.docx"), "--db", folder + "/x.sqlite"], self)
        XCTAssertEqual(i.status, 2)
        XCTAssertTrue(i.err.contains("kan ikke åbnes til skrivning"), i.err)
        XCTAssertEqual(i.err.split(separator: "\n").count, 1, i.err)
    }
}
