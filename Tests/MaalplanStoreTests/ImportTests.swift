import DocxPackage
import Foundation
import GRDB
import MaalplanCore
import MaalplanModel
import MaalplanSamples
@testable import MaalplanStore
import XCTest
import TestSupport

/// What the hand-written Fixtures/*.expected.json say, added up.
struct FixtureExpectations {
    var documents: [URL] = []
    var goals = 0, signs = 0, trialActions = 0, milestones = 0, workplaces = 0
    var trialActions2025 = 0
    var withoutSigns = 0
    var phases: [String: Int] = [:]
    var byName: [String: [String: Any]] = [:]
    var otherFiles = 0

    init() throws {
        let fm = FileManager.default
        let word = Set(["docx", "docm", "dotx", "dotm"])
        // Every file under Fixtures/, recursively, hidden ones left out as the importer does.
        let all = fm.enumerator(atPath: Paths.fixtures.path)!.compactMap { $0 as? String }
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") || $0.hasPrefix("~$") } }
            .filter { var d: ObjCBool = false; return fm.fileExists(atPath: Paths.fixtures.path + "/" + $0, isDirectory: &d) && !d.boolValue }
        for rel in all.sorted() {
            let url = Paths.fixtures.appendingPathComponent(rel)
            guard word.contains(url.pathExtension.lowercased()) else { otherFiles += 1; continue }
            documents.append(url)
            let expected = url.deletingPathExtension().appendingPathExtension("expected.json")
            let e = try JSONSerialization.jsonObject(with: Data(contentsOf: expected)) as! [String: Any]
            byName[url.lastPathComponent] = e
            let goals = e["goals"] as! [[String: Any]]
            self.goals += goals.count
            let s = goals.map { ($0["signs"] as! [Any]).count }.reduce(0, +)
            signs += s
            if s == 0 { withoutSigns += 1 }
            let t = goals.map { ($0["trialActions"] as! [Any]).count }.reduce(0, +)
            trialActions += t
            if e["year"] as? Int == 2025 { trialActions2025 += t }
            milestones += goals.map { ($0["milestones"] as! [Any]).count }.reduce(0, +)
            workplaces += (e["contributingWorkplaces"] as! [Any]).count
            phases[e["phaseReached"] as! String, default: 0] += 1
        }
    }
}

final class FixtureImportTests: XCTestCase {
    /// The README's example queries.
    static let plansWithoutSigns = "SELECT p.title, p.case_number FROM plans p WHERE NOT EXISTS (SELECT 1 FROM signs s WHERE s.plan_id = p.id)"
    static let trialActionsOf2025 = """
        SELECT p.title, p.case_number, t.text FROM trial_actions t JOIN plans p ON p.id = t.plan_id
        WHERE p.year = 2025 ORDER BY p.title, t.position
        """

    func testFixturesFillEveryTable() throws {
        let dir = try temporaryFolder(self)
        let db = dir + "/fixtures.sqlite"
        let x = try FixtureExpectations()
        XCTAssertGreaterThan(x.documents.count, 20)

        // Every fixture is a different document, so each is a plan of its own.
        let shas = try Set(x.documents.map { SHA256.hex(Array(try Data(contentsOf: $0))) })
        XCTAssertEqual(shas.count, x.documents.count)
        let findings = try x.documents.map { try Pipeline.analyse(path: $0.path).plan.findings.count }.reduce(0, +)

        let s = try runImport([Paths.fixtures.path], db: db)
        XCTAssertEqual(s.counts.candidates, x.documents.count)
        XCTAssertEqual(s.counts.imported, x.documents.count)
        XCTAssertEqual(s.counts.plansAdded, x.documents.count)
        XCTAssertEqual(s.counts.sourcesAdded, x.documents.count)
        XCTAssertEqual(s.counts.unchanged, 0)
        XCTAssertEqual(s.counts.failed, 0)
        XCTAssertEqual(s.counts.skipped, x.otherFiles, "the .expected.json and the HTML sources")
        XCTAssertFalse(s.interrupted)

        let c = try tableCounts(db)
        XCTAssertEqual(c["plans"], x.documents.count)
        XCTAssertEqual(c["sources"], x.documents.count)
        XCTAssertEqual(c["goals"], x.goals)
        XCTAssertEqual(c["signs"], x.signs)
        XCTAssertEqual(c["trial_actions"], x.trialActions)
        XCTAssertEqual(c["milestones"], x.milestones)
        XCTAssertEqual(c["contributing_workplaces"], x.workplaces)
        XCTAssertEqual(c["findings"], findings)
        XCTAssertEqual(c["failures"], 0)
        XCTAssertEqual(c["imports"], 1)

        // Each plan's row says what its expected.json says.
        let q = try DatabaseQueue(path: db)
        try q.read { db in
            for doc in x.documents {
                let e = x.byName[doc.lastPathComponent]!
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT p.* FROM plans p JOIN sources s ON s.plan_id = p.id WHERE s.path = ?
                    """, arguments: [doc.path]) else { XCTFail("no plan for \(doc.lastPathComponent)"); continue }
                let name = doc.lastPathComponent
                XCTAssertEqual(row["title"] as String?, e["title"] as? String, name)
                XCTAssertEqual(row["case_number"] as String?, e["caseNumber"] as? String, name)
                XCTAssertEqual(row["year"] as Int?, e["year"] as? Int, name)
                XCTAssertEqual(row["owner"] as String, e["owner"] as! String, name)
                XCTAssertEqual(row["coordinator"] as String, e["coordinator"] as! String, name)
                XCTAssertEqual(row["template"] as String, e["template"] as! String, name)
                XCTAssertEqual(row["phase_reached"] as String, e["phaseReached"] as! String, name)
                XCTAssertEqual(row["format"] as String, doc.pathExtension.lowercased(), name)
                let json = try JSONSerialization.jsonObject(with: Data((row["json"] as String).utf8)) as! [String: Any]
                XCTAssertEqual((json["source"] as! [String: Any])["path"] as? String, doc.path)
            }
        }
        // The record structs read every table.
        try q.read { db in
            XCTAssertEqual(try PlanRecord.fetchAll(db).count, x.documents.count)
            XCTAssertEqual(try SourceRecord.fetchAll(db).map(\.path).sorted(), x.documents.map(\.path).sorted())
            XCTAssertEqual(try GoalRecord.fetchAll(db).count, x.goals)
            XCTAssertEqual(try SignRecord.fetchAll(db).count, x.signs)
            XCTAssertEqual(try TrialActionRecord.fetchAll(db).count, x.trialActions)
            XCTAssertEqual(try MilestoneRecord.fetchAll(db).count, x.milestones)
            XCTAssertEqual(try WorkplaceRecord.fetchAll(db).count, x.workplaces)
            XCTAssertEqual(try FindingRecord.fetchAll(db).count, findings)
            XCTAssertEqual(try FailureRecord.fetchAll(db).count, 0)
            let imp = try ImportRecord.fetchOne(db)!
            XCTAssertEqual([imp.candidates, imp.imported, imp.plansAdded, imp.unchanged, imp.failed, imp.skipped],
                           [x.documents.count, x.documents.count, x.documents.count, 0, 0, x.otherFiles])
            XCTAssertEqual(imp.status, .done)
            XCTAssertEqual(imp.toolVersion, "test")
            // Milestone dates: the fixtures' expected ranges, e.g. "4.-5. marts 2025" → 2025-03-04..2025-03-05.
            let m = try MilestoneRecord.filter(sql: "text LIKE '4.-5. marts 2025%'").fetchAll(db)
            XCTAssertFalse(m.isEmpty)
            for r in m { XCTAssertEqual([r.dateFrom, r.dateTo], ["2025-03-04", "2025-03-05"]) }
        }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: s.phases.filter { $0.count > 0 }.map { ($0.phase.rawValue, $0.count) }), x.phases)

        // The README's queries answer from plain SQL.
        XCTAssertEqual(try rowCount(db, Self.plansWithoutSigns), x.withoutSigns)
        XCTAssertEqual(try rowCount(db, Self.trialActionsOf2025), x.trialActions2025)
        XCTAssertEqual(try integrity(db), "ok")
    }

    func testReRunChangesNothing() throws {
        let dir = try temporaryFolder(self)
        let db = dir + "/rerun.sqlite"
        let x = try FixtureExpectations()
        try runImport([Paths.fixtures.path], db: db)
        let before = try tableCounts(db)
        let ids = try query(db, "SELECT id || ' ' || sha256 FROM plans ORDER BY id", String.self)
        let firstSeen = try query(db, "SELECT path || ' ' || first_seen FROM sources ORDER BY path", String.self)

        let s = try runImport([Paths.fixtures.path], db: db)
        XCTAssertEqual(s.counts.unchanged, x.documents.count)
        XCTAssertEqual(s.counts.imported, 0)
        XCTAssertEqual(s.counts.plansAdded, 0)
        XCTAssertEqual(s.counts.failed, 0)
        XCTAssertEqual(s.counts.plansRemoved, 0)
        var after = try tableCounts(db)
        XCTAssertEqual(after["imports"], 2)
        after["imports"] = before["imports"]
        XCTAssertEqual(after, before)
        XCTAssertEqual(try query(db, "SELECT id || ' ' || sha256 FROM plans ORDER BY id", String.self), ids)
        XCTAssertEqual(try query(db, "SELECT path || ' ' || first_seen FROM sources ORDER BY path", String.self), firstSeen)
        XCTAssertEqual(try query(db, "SELECT status FROM imports ORDER BY id", String.self), ["done", "done"])
        XCTAssertEqual(try query(db, "SELECT unchanged FROM imports ORDER BY id", Int.self), [0, x.documents.count])
        // Every path was seen by the second run.
        XCTAssertEqual(try query(db, "SELECT COUNT(*) FROM sources WHERE import_id = 2", Int.self), [x.documents.count])
    }
}

final class FolderImportTests: XCTestCase {
    /// Lock files, other files, hidden ones, a .doc, a corrupt .docx, a link loop, and good plans.
    func testMessyFolder() throws {
        let dir = try temporaryFolder(self)
        let root = dir + "/Målplaner"
        try writePlan(1, root + "/Økonomi/plan-1.docx")
        try writePlan(2, root + "/Økonomi/plan-2.docx")
        try writePlan(3, root + "/Kultur/2025/plan-3.docx")
        try write(SamplePlans.build(4), root + "/Kultur/plan-4.DOCX")
        // Word's owner file while plan-1 is open: 162 bytes, starting with the user name.
        try write([0x0B] + Array("Omar Haddad".utf8) + [UInt8](repeating: 0x20, count: 150), root + "/Økonomi/~$plan-1.docx")
        try writeText("noter", root + "/Økonomi/noter.txt")
        try write([0x50, 0x4B, 0x03, 0x04, 0, 0], root + "/budget.xlsx")
        try writePlan(5, root + "/.skjult.docx")
        try writePlan(6, root + "/.git/objects/plan.docx")
        // A Word 97-2003 file by its container (a compound file with a WordDocument stream), whose
        // content no Word wrote: no LibreOffice converts it.
        try write(compoundFile([("WordDocument", [UInt8](repeating: 0x41, count: 600)), ("1Table", [])]), root + "/Kultur/gammel.doc")
        // A .docx cut off halfway (a copy that did not finish).
        let good = try SamplePlans.build(7)
        try write(Array(good.prefix(good.count / 2)), root + "/Kultur/afbrudt.docx")
        // A link back up: the walk must not loop.
        XCTAssertEqual(symlink(root, root + "/Kultur/2025/op"), 0)

        let db = dir + "/messy.sqlite"
        let s = try runImport([root], db: db)
        XCTAssertEqual(s.counts.candidates, 6, "4 plans, the .doc and the cut-off .docx")
        XCTAssertEqual(s.counts.plansAdded, 4)
        XCTAssertEqual(s.counts.imported, 4)
        XCTAssertEqual(s.counts.failed, 2)
        XCTAssertEqual(s.counts.skipped, 4, "lock file, .txt, .xlsx, hidden .docx (the hidden folder is not a file)")
        XCTAssertEqual(s.skippedByReason[.lockFile], 1)
        XCTAssertEqual(s.skippedByReason[.notWord], 2)
        XCTAssertEqual(s.skippedByReason[.hidden], 1)
        XCTAssertEqual(Set(s.failureReasons.map(\.code)), ["legacy-word", "corrupt-zip"])

        let failures = try query(db, "SELECT path || ' ' || reason FROM failures ORDER BY path", String.self)
        XCTAssertEqual(failures, [root + "/Kultur/afbrudt.docx corrupt-zip", root + "/Kultur/gammel.doc legacy-word"])
        let message = try query(db, "SELECT message FROM failures WHERE reason = 'legacy-word'", String.self).first ?? ""
        XCTAssertTrue(message.contains("soffice --headless --convert-to docx"), message)
        XCTAssertEqual(try query(db, "SELECT COUNT(*) FROM failures WHERE sha256 IS NOT NULL", Int.self), [2], "both were read and hashed")
        XCTAssertEqual(try tableCounts(db)["plans"], 4)

        // The binary: exit 1 (some failed), one line per failure on stderr, the skipped listed with --verbose.
        let r = try runBinary(["import", root, "--db", dir + "/bin.sqlite", "--verbose"], self)
        XCTAssertEqual(r.status, 1, r.err)
        // With LibreOffice installed the binary tries it on the .doc, which (made by hand) it cannot convert.
        XCTAssertTrue(r.err.contains(LibreOffice.find() != nil ? "gammel.doc: LibreOffice kunne ikke omsætte filen til .docx"
                                                               : "gammel.doc: filen er et Word 97-2003-dokument"), r.err)
        XCTAssertTrue(r.err.contains("afbrudt.docx: filen er en beskadiget"), r.err)
        XCTAssertTrue(r.out.contains("sprunget over: \(root)/Økonomi/~$plan-1.docx (Words låsefil)"), r.out)
        XCTAssertTrue(r.out.contains("sprunget over: \(root)/.git (skjult mappe)"), r.out)
        XCTAssertTrue(r.out.contains("Fejlet:        2 ("), r.out)
        XCTAssertTrue(r.out.contains("Sprunget over: 4 ("), r.out)
        XCTAssertTrue(r.out.contains("Importeret:    4 "), r.out)
        XCTAssertFalse(r.err.contains("\u{1B}["), "no progress line when stderr is not a terminal")

        // English, and exit 0 when every file is fine.
        let en = try runBinary(["import", root + "/Økonomi", "--db", dir + "/en.sqlite", "--lang", "en"], self)
        XCTAssertEqual(en.status, 0, en.err)
        XCTAssertTrue(en.out.contains("Imported:      2 (2 new plans"), en.out)
    }

    func testCopiesMovesAndChanges() throws {
        let dir = try temporaryFolder(self)
        let root = dir + "/planer"
        let db = dir + "/c.sqlite"
        try writePlan(10, root + "/a.docx")
        var s = try runImport([root], db: db)
        XCTAssertEqual(s.counts.plansAdded, 1)

        // The same content under a new path: a source, not a plan.
        try FileManager.default.createDirectory(atPath: root + "/kopi", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/a.docx", toPath: root + "/kopi/b.docx")
        s = try runImport([root], db: db)
        XCTAssertEqual([s.counts.plansAdded, s.counts.sourcesAdded, s.counts.unchanged, s.counts.imported], [0, 1, 1, 1])
        XCTAssertEqual(try tableCounts(db)["plans"], 1)
        XCTAssertEqual(try tableCounts(db)["sources"], 2)

        // New content at a known path: that path's plan is replaced; the old one lives on at b.
        try writePlan(11, root + "/a.docx")
        s = try runImport([root], db: db)
        XCTAssertEqual([s.counts.plansAdded, s.counts.changed, s.counts.plansRemoved, s.counts.unchanged], [1, 1, 0, 1])
        XCTAssertEqual(try tableCounts(db)["plans"], 2)

        // b gets the same new content: the old plan is held by no path and goes, rows and all.
        try writePlan(11, root + "/kopi/b.docx")
        s = try runImport([root], db: db)
        XCTAssertEqual([s.counts.plansAdded, s.counts.changed, s.counts.plansRemoved], [0, 1, 1])
        let c = try tableCounts(db)
        XCTAssertEqual(c["plans"], 1)
        XCTAssertEqual(c["goals"], SamplePlans.goalCount(11))
        XCTAssertEqual(try query(db, "SELECT COUNT(*) FROM signs WHERE plan_id NOT IN (SELECT id FROM plans)", Int.self), [0])

        // Only the mtime changes: read and hashed, not parsed, still unchanged.
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, root + "/a.docx", &times, 0), 0)
        s = try runImport([root], db: db)
        XCTAssertEqual([s.counts.unchanged, s.counts.imported], [2, 0])
        XCTAssertEqual(try query(db, "SELECT mtime_ns FROM sources WHERE path LIKE '%/a.docx'", Int64.self), [1_700_000_000_000_000_000])

        // The file breaks: a failure, and the path no longer holds the plan (b still does).
        try write(Array("ikke en zip".utf8), root + "/a.docx")
        s = try runImport([root], db: db)
        XCTAssertEqual([s.counts.failed, s.counts.plansRemoved], [1, 0])
        XCTAssertEqual(try tableCounts(db)["sources"], 1)
        XCTAssertEqual(try tableCounts(db)["failures"], 1)

        // Mended: the failure is gone.
        try writePlan(12, root + "/a.docx")
        s = try runImport([root], db: db)
        XCTAssertEqual([s.counts.failed, s.counts.plansAdded], [0, 1])
        XCTAssertEqual(try tableCounts(db)["failures"], 0)
        XCTAssertEqual(try integrity(db), "ok")
    }

    func testJSONDir() throws {
        let dir = try temporaryFolder(self)
        try writePlan(20, dir + "/A/2025/plan.docx")
        try writePlan(21, dir + "/A/2025__plan.docx")
        try FileManager.default.createDirectory(atPath: dir + "/B/2025", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: dir + "/A/2025/plan.docx", toPath: dir + "/B/2025/plan.docx")
        let out = dir + "/json"
        try runImport([dir + "/A", dir + "/B"], db: dir + "/j.sqlite", jsonDir: out)
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(names, ["2025__plan.docx.json", "2025__plan.docx~2.json", "2025__plan.docx~3.json"])
        // Each names its own path, the copy too (its JSON comes from the database).
        var paths: [String] = []
        for n in names {
            let j = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/" + n))) as! [String: Any]
            paths.append((j["source"] as! [String: Any])["path"] as! String)
            XCTAssertEqual(j["schemaVersion"] as? Int, 1)
        }
        XCTAssertEqual(Set(paths), [dir + "/A/2025/plan.docx", dir + "/A/2025__plan.docx", dir + "/B/2025/plan.docx"])
        // The file is what `convert` writes.
        let a = try String(contentsOfFile: out + "/" + names[paths.firstIndex(of: dir + "/A/2025/plan.docx")!], encoding: .utf8)
        XCTAssertEqual(a, try Pipeline.convert(path: dir + "/A/2025/plan.docx").json.serialized())
        let b = try String(contentsOfFile: out + "/" + names[paths.firstIndex(of: dir + "/B/2025/plan.docx")!], encoding: .utf8)
        XCTAssertEqual(b, try Pipeline.convert(path: dir + "/B/2025/plan.docx").json.serialized())

        // A re-run writes them again, from the database.
        try FileManager.default.removeItem(atPath: out)
        let s = try runImport([dir + "/A", dir + "/B"], db: dir + "/j.sqlite", jsonDir: out)
        XCTAssertEqual(s.counts.unchanged, 3)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).count, 3)
    }

    func testReport() throws {
        let dir = try temporaryFolder(self)
        let db = dir + "/r.sqlite"
        try writePlan(2, dir + "/p/under1.docx")    // UNDER 1 reached: UNDER 2 needs trial actions
        try writePlan(9, dir + "/p/fuld.docx")      // EFTER
        try writePlan(6, dir + "/p/to-mål.docx")    // two goals, EFTER
        try writePlan(0, dir + "/p/tom.docx")       // nothing filled in
        try writeText("{\\rtf1 hej}", dir + "/p/gammel.rtf")
        try runImport([dir + "/p"], db: db)
        let (plans, failures, _) = try Report.load(Store.openForReading(path: db))
        XCTAssertEqual(plans.count, 4)
        XCTAssertEqual(failures.map(\.reason), ["rtf"])

        let text = Report.text(plans, failures, .da)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("Id") && lines[0].contains("Titel"), lines[0])
        let under1 = lines.first { $0.contains(SamplePlans.title(2)) }!
        XCTAssertTrue(under1.contains(SamplePlans.caseNumber(2)), under1)
        XCTAssertTrue(under1.contains("UNDER 1  \(dir)/p/under1.docx  UNDER 2: Prøvehandling"), under1)
        let empty = lines.first { $0.contains(SamplePlans.title(0)) }!
        XCTAssertTrue(empty.contains("FØR: Ejer (afdelingschef), Tovholder, Bidragende arbejdspladser, Mål & målgruppe"), empty)
        XCTAssertTrue(lines.first { $0.contains(SamplePlans.title(9)) }!.contains("intet (alle faser udfyldt)"))
        XCTAssertTrue(text.contains("gammel.rtf: filen er RTF"), text)
        XCTAssertTrue(Report.text(plans, failures, .en).contains("nothing (every phase filled in)"))

        let csv = Report.csv(plans, failures, .da)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}Type;Titel;Sagsnummer;År;"))
        let rows = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.count, 1 + 4 + 1)
        XCTAssertTrue(rows.contains { $0.hasPrefix("plan;\(SamplePlans.title(2));\(SamplePlans.caseNumber(2));2025;") }, csv)
        XCTAssertTrue(rows.last!.hasPrefix("fejl;;;;;;;;\(dir)/p/gammel.rtf;1;rtf;"), rows.last!)
        // Fields with ; or quotes are quoted, quotes doubled (RFC 4180).
        XCTAssertEqual(Report.csvField("a;b"), "\"a;b\"")
        XCTAssertEqual(Report.csvField("sagt \"hej\""), "\"sagt \"\"hej\"\"\"")
        XCTAssertEqual(Report.csvField("=1+1"), "'=1+1")
        // Issue 13, item 8: OWASP's CSV injection forms.
        XCTAssertEqual(Report.csvField("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0")
        XCTAssertEqual(Report.csvField("@SUM(1)"), "'@SUM(1)")
        XCTAssertEqual(Report.csvField("\t=1"), "'\t=1")
        XCTAssertEqual(Report.csvField("\r=1"), "\"'\r=1\"")
        XCTAssertEqual(Report.csvField("Lone Dahl"), "Lone Dahl")

        // The binary: text and CSV, and exit 2 without a database.
        let t = try runBinary(["report", "--db", db], self)
        XCTAssertEqual(t.status, 0, t.err)
        XCTAssertTrue(t.out.contains("4 planer"))
        let c = try runBinary(["report", "--db", db, "--format", "csv"], self)
        XCTAssertEqual(c.out, csv)
        let none = try runBinary(["report", "--db", dir + "/ingen.sqlite"], self)
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.err.contains("der er ingen database her"), none.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/ingen.sqlite"), "report creates nothing")
    }
}
