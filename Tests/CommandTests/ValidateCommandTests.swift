import DocxBuilder
import DocxPackage
import GRDB
import Foundation
import MaalplanCore
import MaalplanMapping
import MaalplanModel
import MaalplanValidation
import WordDocument
import XCTest
import TestSupport

/// The command line: exit codes and report shapes, on the built binary.
final class ValidateCommandTests: XCTestCase {
    static var binary: URL? {
        // The test bundle sits in the build products folder beside the executable.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("maalplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let fallback = Paths.repo.appendingPathComponent(".build/debug/maalplan")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }

    func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        guard let bin = Self.binary else { throw XCTSkip("the maalplan binary is not built") }
        let p = Process()
        p.executableURL = bin
        p.arguments = args
        var env = ["LANG": "C.UTF-8"]
        // Under `make asan` the binary is sanitized too: it needs the same options (suppressions).
        for (k, v) in ProcessInfo.processInfo.environment where k.hasSuffix("SAN_OPTIONS") { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func f(_ n: String) -> String { Paths.fixtures.appendingPathComponent(n).path }

    func testExitCodesForEachPhase() throws {
        let plan = f("2025-under1.docx")
        XCTAssertEqual(try run(["validate", plan]).status, 0, "warnings only")
        XCTAssertEqual(try run(["validate", "--phase", "foer", plan]).status, 0)
        XCTAssertEqual(try run(["validate", "--phase", "under1", plan]).status, 0)
        XCTAssertEqual(try run(["validate", "--phase", "under2", plan]).status, 1)
        XCTAssertEqual(try run(["validate", "--phase", "efter", plan]).status, 1)
        XCTAssertEqual(try run(["validate", "--phase", "foer", f("maalplan-2025-blank.docx")]).status, 1)
    }

    func testUnreadableFileGivesTwoAndEveryFileIsStillReported() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("maalplan-test-\(getpid())-tom.docx")
        FileManager.default.createFile(atPath: bad.path, contents: Data())
        defer { try? FileManager.default.removeItem(at: bad) }
        let r = try run(["validate", "--format", "json", bad.path, f("tryghed-2025-complete.docx")])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, "one line on stderr")
        XCTAssertTrue(r.err.contains(bad.path) && r.err.contains("tom"), r.err)
        let json = try XCTUnwrap(parseJSON(r.out) as? [String: Any])
        let plans = try XCTUnwrap(json["plans"] as? [[String: Any]])
        XCTAssertEqual(plans.count, 2)
        XCTAssertEqual((plans[0]["error"] as? [String: Any])?["code"] as? String, "empty-file")
        XCTAssertEqual(plans[1]["phaseReached"] as? String, "EFTER")
        let phases = try XCTUnwrap(plans[1]["phases"] as? [String: Any])
        XCTAssertEqual(Set(phases.keys), ["FOER", "UNDER1", "UNDER2", "EFTER"])
        XCTAssertEqual((phases["EFTER"] as? [String: Any])?["complete"] as? Bool, true)
    }

    func testTextReportIsGroupedByFileThenPhaseWithoutColourWhenPiped() throws {
        let r = try run(["validate", f("2025-under1.docx"), f("2024-under1.docx")])
        XCTAssertFalse(r.out.contains("\u{1B}["), "no colour when not a terminal")
        let first = try XCTUnwrap(r.out.range(of: "2025-under1.docx"))
        let second = try XCTUnwrap(r.out.range(of: "2024-under1.docx"))
        XCTAssertLessThan(first.lowerBound, second.lowerBound)
        XCTAssertTrue(r.out.contains("Nået: UNDER – udviklingsdage del 1"))
        XCTAssertTrue(r.out.contains("→ tabel 3, række 2, kolonne 2 (»Prøvehandling«)"), r.out)
        XCTAssertTrue(r.out.contains("→ ark UNDER – udviklingsdage del 2, tabel 3, række 2, kolonne 2 (»Prøvehandlinger«)"), r.out)
        let en = try run(["validate", "--lang", "en", f("2025-under1.docx")])
        XCTAssertTrue(en.out.contains("Reached: UNDER – udviklingsdage del 1"))
    }

    func testConvertExitsZeroForAnUnrecognisedDocumentAndTwoForAnUnreadableOne() throws {
        let r = try run(["convert", f("not-a-plan.docx")])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.contains("\"not-a-maalplan\""))
        let bad = try run(["convert", "/etc/hostname"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.out, "")
        XCTAssertTrue(bad.err.hasPrefix("maalplan: /etc/hostname: "))
    }

    func testALabelsFileAddsASynonymAndABadOneIsOneLine() throws {
        let dir = URL(fileURLWithPath: try temporaryFolder(self))
        let labels = dir.appendingPathComponent("labels.txt").path
        // habit-label-inferred has "Kontaktperson" where the template has "Tovholder": inferred
        // without the file (a warning), read as a label with it (no warning).
        let doc = f("habit-label-inferred.docx")
        XCTAssertTrue(try run(["convert", doc]).out.contains("\"label-inferred\""))
        try "[field coordinator]\nKontaktperson\n".write(toFile: labels, atomically: true, encoding: .utf8)
        let with = try run(["convert", doc, "--labels", labels])
        XCTAssertEqual(with.status, 0, with.err)
        XCTAssertEqual(with.out.components(separatedBy: "\"label-inferred\"").count, 2, "only »Det vil vi afprøve« is left to infer")
        XCTAssertTrue(with.out.contains("\"coordinator\": \"Omar Haddad\""))

        // In an import, a labels file reads new and changed files; the summary says so of the unchanged.
        let good = dir.appendingPathComponent("x-good.sqlite").path
        XCTAssertEqual(try run(["import", doc, "--db", good]).status, 0)
        let again = try run(["import", doc, "--db", good, "--labels", labels])
        XCTAssertTrue(again.out.contains("--labels:      gælder nye og ændrede filer; den uændrede fil er gemt, som den blev læst før"), again.out)

        try "[field chef]\nKontaktperson\n".write(toFile: labels, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("plan.json").path
        for args in [["convert", doc, "--labels", labels, "-o", out], ["validate", doc, "--labels", labels]] {
            let bad = try run(args)
            XCTAssertEqual(bad.status, 2)
            XCTAssertEqual(bad.out, "")
            XCTAssertTrue(bad.err.hasPrefix("maalplan: --labels \(labels):1: ukendt felt »chef«"), bad.err)
            XCTAssertEqual(bad.err.filter { $0 == "\n" }.count, 1, bad.err)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written")
        let db = dir.appendingPathComponent("x.sqlite").path
        let imp = try run(["import", f("habit-label-inferred.docx"), "--db", db, "--labels", labels, "--lang", "en"])
        XCTAssertEqual(imp.status, 2)
        XCTAssertTrue(imp.err.hasPrefix("maalplan: --labels \(labels):1: unknown field \"chef\""), imp.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "refused before the database is made")
    }

    func testInspectFieldsShowsWhereEachFieldWasReadAndTheLineASplitListCameFrom() throws {
        let r = try run(["inspect", "--fields", f("habit-workplaces-sentence.docx")])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("""
            Bidragende arbejdspladser  → tabel 1, række 2, kolonne 3 (»Bidragende arbejdspladser«)
                • Boligsocialt Team
                • SSP
                • Kultur- og Fritidsafdelingen
                (delt fra én linje: »Boligsocialt Team, SSP og Kultur- og Fritidsafdelingen.«)
            """), r.out)
        // One name per line: nothing was split, nothing to show.
        let lines = try run(["inspect", "--fields", f("habit-workplaces-line-breaks.docx")])
        XCTAssertFalse(lines.out.contains("delt fra"), lines.out)
        let inferred = try run(["inspect", "--fields", "--lang", "en", f("habit-label-inferred.docx")])
        XCTAssertTrue(inferred.out.contains("""
            "Kontaktperson" stands where the template has "Coordinator"; its content was read as Coordinator  → table 1, row 1, column 2 (»Kontaktperson«)
            """), inferred.out)
    }

    /// Issue 13, item 11: a FIFO (or any path that is no regular file) is refused at once, not read forever.
    func testAPipeIsRefusedInOneLineWithoutWaiting() throws {
        let dir = try temporaryFolder(self)
        let fifo = dir + "/plan.docx"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let p = try startBinary(["convert", fifo])
        // Without the refusal the program waits for a writer forever: give it a writer that
        // stays silent after a while, so that a failing test ends too.
        let deadline = Date().addingTimeInterval(20)
        while p.process.isRunning && Date() < deadline { usleep(20_000) }
        if p.process.isRunning {
            let w = open(fifo, O_WRONLY | O_NONBLOCK)
            if w >= 0 { close(w) }
        }
        let r = p.wait()
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.out, "")
        XCTAssertEqual(r.err, "maalplan: \(fifo): stien er ikke en almindelig fil (en pipe, en enhed eller en socket) – gem planen som en fil og angiv den\n")
    }

    /// In an import, a pipe named like a plan is that file's failure; the other files import.
    func testAPipeInAnImportedFolderIsAFailureOfItsOwn() throws {
        let dir = try temporaryFolder(self)
        XCTAssertEqual(mkfifo(dir + "/plan.docx", 0o600), 0)
        try FileManager.default.copyItem(atPath: f("2025-under1.docx"), toPath: dir + "/under1.docx")
        let db = dir + "/x.sqlite"
        let r = try run(["import", dir, "--db", db, "--lang", "en"])
        XCTAssertTrue(r.out.contains("Imported:      1 "), r.out)
        XCTAssertTrue(r.err.contains("plan.docx: the path is not a regular file"), r.err)
        let q = try DatabaseQueue(path: db)
        let codes = try q.read { try String.fetchAll($0, sql: "SELECT reason FROM failures") }
        XCTAssertEqual(codes, ["not-a-file"])
    }

    /// Issue 13, item 9: -o naming the document itself is refused; the document is kept.
    func testConvertRefusesToWriteOverTheDocument() throws {
        let dir = try temporaryFolder(self)
        let doc = dir + "/plan.docx"
        try FileManager.default.copyItem(atPath: f("2025-under1.docx"), toPath: doc)
        let before = try Data(contentsOf: URL(fileURLWithPath: doc))
        XCTAssertEqual(symlink(doc, dir + "/link.docx"), 0)
        for out in [doc, dir + "/link.docx", dir + "/./plan.docx"] {
            let r = try run(["convert", doc, "-o", out])
            XCTAssertEqual(r.status, 2)
            XCTAssertEqual(r.err, "maalplan: \(out): -o er selve Word-filen og ville blive overskrevet – vælg et andet navn, fx plan.json\n")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: doc)), before, "the document is kept")
        }
        XCTAssertEqual(try run(["convert", doc, "-o", dir + "/plan.json"]).status, 0)
    }

    /// Issue 13, item 7: output that cannot be written (a full disk: /dev/full) is one line and exit 2.
    func testAFullDiskOnStandardOutputIsNotExitZero() throws {
        guard let bin = Self.binary, let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no binary or no /dev/full") }
        let db = try temporaryFolder(self) + "/x.sqlite"
        XCTAssertEqual(try run(["import", f("2025-under1.docx"), "--db", db]).status, 0)
        for args in [["convert", f("2025-under1.docx")], ["validate", f("2025-under1.docx")], ["inspect", f("2025-under1.docx")],
                     ["report", "--db", db], ["validate", "--lang", "en", f("2025-under1.docx")]] {
            let p = Process()
            p.executableURL = bin
            p.arguments = args
            p.environment = ["LANG": "C.UTF-8"]
            p.standardOutput = full
            let err = Pipe()
            p.standardError = err
            try p.run()
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 2, args.joined(separator: " "))
            let want = args.contains("en") ? "maalplan: standard output cannot be written (No space left on device)"
                : "maalplan: standard-output kan ikke skrives (der er ikke mere plads på disken)"
            XCTAssertTrue(e.hasPrefix(want), e)
            XCTAssertEqual(e.filter { $0 == "\n" }.count, 1, e)
        }
    }

    /// Issue 13, item 4: names that differ only in Unicode normalisation (NFC from Windows or
    /// Linux, NFD copied from a Mac) are two files, and both are imported, also as folders.
    func testNamesInNFCAndNFDAreTwoFiles() throws {
        let dir = try temporaryFolder(self)
        let nfc = "M\u{E5}lplan", nfd = "Ma\u{30A}lplan"
        XCTAssertNotEqual(Array(nfc.utf8), Array(nfd.utf8))
        try FileManager.default.copyItem(atPath: f("2025-under1.docx"), toPath: dir + "/" + nfc + ".docx")
        try FileManager.default.copyItem(atPath: f("2025-under2.docx"), toPath: dir + "/" + nfd + ".docx")
        for (folder, doc) in [(nfc, "2024-foer.docx"), (nfd, "2024-under1.docx")] {
            try FileManager.default.createDirectory(atPath: dir + "/" + folder, withIntermediateDirectories: false)
            try FileManager.default.copyItem(atPath: f(doc), toPath: dir + "/" + folder + "/plan.docx")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
        guard names.count == 4 else { throw XCTSkip("this file system folds Unicode normalisation: \(names)") }
        let db = dir + "/x.sqlite", json = dir + "/json"
        let r = try run(["import", dir, "--db", db, "--json-dir", json, "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Imported:      4 (4 new plans, 4 new paths"), r.out)
        let q = try DatabaseQueue(path: db)
        XCTAssertEqual(try q.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sources") }, 4)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: json).count, 4)
        // A re-run finds each unchanged, none read again.
        let again = try run(["import", dir, "--db", db, "--lang", "en"])
        XCTAssertTrue(again.out.contains("Unchanged:     4"), again.out)
    }

    /// Issue 13, item 3: a hand-edited database (a year that is no number, a BLOB title) is
    /// reported row by row, one line per value, never a crash.
    func testAHandEditedDatabaseIsReportedNotFatal() throws {
        let db = try temporaryFolder(self) + "/x.sqlite"
        XCTAssertEqual(try run(["import", f("2025-under1.docx"), f("2025-under2.docx"), "--db", db]).status, 0)
        let q = try DatabaseQueue(path: db)
        try q.write { db in
            try db.execute(sql: "UPDATE plans SET year = '2025a' WHERE id = (SELECT MIN(id) FROM plans)")
            try db.execute(sql: "UPDATE plans SET title = x'00ff' WHERE id = (SELECT MAX(id) FROM plans)")
        }
        for format in ["text", "csv"] {
            let r = try run(["report", "--db", db, "--format", format])
            XCTAssertEqual(r.status, 0, r.err)
            let lines = r.err.split(separator: "\n")
            XCTAssertEqual(lines.count, 2, r.err)
            XCTAssertTrue(lines[0].hasSuffix("year: »2025a« er ikke, hvad kolonnen skal indeholde – vist tom; ret rækken eller importér igen i en ny database")
                          || lines[1].hasSuffix("year: »2025a« er ikke, hvad kolonnen skal indeholde – vist tom; ret rækken eller importér igen i en ny database"), r.err)
            XCTAssertTrue(r.err.contains("title: »BLOB (2 bytes)«"), r.err)
            XCTAssertTrue(r.out.contains("2 planer") || format == "csv", r.out)
        }
    }

    /// Issue 13, item 12: a folder that could not be listed once is no failure once it can be.
    func testAFolderReadableAgainLosesItsFailure() throws {
        // Root lists every folder: as root, the import runs as nobody, who is kept out.
        let user: String? = geteuid() == 0 ? "nobody" : nil
        let dir = try temporaryFolder(self)
        try FileManager.default.createDirectory(atPath: dir + "/lukket", withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: f("2025-under1.docx"), toPath: dir + "/lukket/plan.docx")
        if user != nil {
            // nobody makes the database in the folder.
            XCTAssertEqual(chown(dir, 65534, 65534), 0)
        }
        XCTAssertEqual(chmod(dir + "/lukket", 0), 0)
        let db = dir + "/x.sqlite"
        // Read without making files beside the database (root's would keep nobody out of it).
        func read<T>(_ sql: String, _ type: T.Type) throws -> [T] where T: DatabaseValueConvertible {
            var config = Configuration()
            config.readonly = true
            let q = try DatabaseQueue(path: "file:\(db)?immutable=1", configuration: config)
            defer { try? q.close() }
            return try q.read { try T.fetchAll($0, sql: sql) }
        }
        _ = try runBinary(["import", dir, "--db", db], user: user, self)
        XCTAssertEqual(try read("SELECT reason FROM failures", String.self), ["cannot-open-folder"])
        XCTAssertEqual(chmod(dir + "/lukket", 0o755), 0)
        let again = try runBinary(["import", dir, "--db", db], user: user, self)
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertEqual(try read("SELECT reason FROM failures", String.self), [])
        XCTAssertEqual(try read("SELECT count(*) FROM sources", Int.self), [1])
    }

    /// Issue 13, item 1: a small file of 300,000 rows is one failure of its own; the import goes
    /// on, and so does every re-run.
    func testASmallFileOfAMillionRowsIsOneFailureAndTheImportGoesOn() throws {
        let dir = try temporaryFolder(self)
        let bytes = try DocxBuilder(body: oneCellRows(300_000)).build()
        XCTAssertLessThan(bytes.count, 8 << 20)
        try write(bytes, dir + "/rækker.docx")
        for name in ["2025-under1.docx", "2025-under2.docx"] { try FileManager.default.copyItem(atPath: f(name), toPath: dir + "/" + name) }
        let r = try run(["convert", dir + "/rækker.docx"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.out, "")
        XCTAssertEqual(r.err, "maalplan: \(dir)/rækker.docx: dokumentet har over 20000 tabelrækker (del /word/document.xml) – en målplan er langt mindre; tjek hvor filen kommer fra, eller del dokumentet op\n")
        let db = dir + "/x.sqlite"
        for _ in 0..<2 {
            let imp = try run(["import", dir, "--db", db, "--lang", "en"])
            XCTAssertEqual(imp.status, 1, imp.err)
            XCTAssertTrue(imp.out.contains("Failed:        1 (too large 1"), imp.out)
            XCTAssertEqual(try query(db, "SELECT count(*) FROM sources", Int.self), [2])
            XCTAssertEqual(try query(db, "SELECT reason FROM failures", String.self), ["too-large"])
        }
    }

    /// Issue 13, item 1: a plan the database refuses (here a trigger someone added) is that
    /// file's failure, rolled back whole; the other files are imported, and once the rule is
    /// gone the plan is too.
    func testAPlanTheDatabaseRefusesIsThatFilesFailure() throws {
        let dir = try temporaryFolder(self)
        for name in ["2025-under1.docx", "2025-under2.docx", "2024-foer.docx"] {
            try FileManager.default.copyItem(atPath: f(name), toPath: dir + "/" + name)
        }
        let db = dir + "/x.sqlite"
        XCTAssertEqual(try run(["import", dir + "/2025-under1.docx", "--db", db]).status, 0)
        let q = try DatabaseQueue(path: db)
        try q.write { db in
            try db.execute(sql: """
                CREATE TRIGGER kun_2025 BEFORE INSERT ON plans WHEN NEW.template = 'maalplan-2024'
                BEGIN SELECT RAISE(ABORT, 'kun 2025-planer'); END
                """)
        }
        try q.close()
        let before = try tableCounts(db)
        let r = try run(["import", dir, "--db", db])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertEqual(r.err, "maalplan: \(dir)/2024-foer.docx: databasen tager ikke imod planen (kun 2025-planer) – databasen er ændret uden for maalplan (en regel, en trigger, rækker slettet i hånden); ret den, eller importér til en ny fil med --db; de øvrige filer importeres\n")
        XCTAssertTrue(r.out.contains("Importeret:    1 (1 nye planer"), r.out)
        XCTAssertEqual(try query(db, "SELECT reason FROM failures", String.self), ["refused-by-database"])
        // The refused plan left no row behind.
        let after = try tableCounts(db)
        XCTAssertEqual(after["plans"], (before["plans"] ?? 0) + 1)
        XCTAssertEqual(try query(db, "SELECT count(*) FROM plans WHERE template = 'maalplan-2024'", Int.self), [0])
        XCTAssertEqual(try integrity(db), "ok")

        let q2 = try DatabaseQueue(path: db)
        try q2.write { try $0.execute(sql: "DROP TRIGGER kun_2025") }
        try q2.close()
        XCTAssertEqual(try run(["import", dir, "--db", db]).status, 0)
        XCTAssertEqual(try query(db, "SELECT count(*) FROM failures", Int.self), [0])
        XCTAssertEqual(try query(db, "SELECT count(*) FROM plans", Int.self), [3])
    }

    /// Issue 13, item 13 (in part): control characters in a file name (ESC, CR) are written as
    /// escapes in every line about the file, never raw to the terminal.
    func testControlCharactersInANameAreEscaped() throws {
        let dir = try temporaryFolder(self)
        let name = "a\u{1B}[31mrød\rplan.docx"
        try writeText("ikke en plan", dir + "/" + name)
        let r = try run(["convert", dir + "/" + name])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("a\\u{1b}[31mrød\\u{d}plan.docx"), r.err)
        XCTAssertFalse(r.err.contains("\u{1B}") || r.err.contains("\r"), r.err)
        let imp = try run(["import", dir, "--db", dir + "/x.sqlite"])
        XCTAssertFalse(imp.err.contains("\u{1B}") || imp.err.contains("\r") || imp.out.contains("\u{1B}"), imp.err)
        XCTAssertTrue(imp.err.contains("a\\u{1b}[31mrød\\u{d}plan.docx"), imp.err)
        // And in the report's table of failures.
        let report = try run(["report", "--db", dir + "/x.sqlite"])
        XCTAssertFalse(report.out.contains("\u{1B}") || report.out.contains("\r"), report.out)
        XCTAssertTrue(report.out.contains("a\\u{1b}[31mrød\\u{d}plan.docx"), report.out)
    }
}
