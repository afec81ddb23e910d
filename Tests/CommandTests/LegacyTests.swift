import DocxBuilder
import Foundation
import MaalplanCore
import TestSupport
import XCTest

/// Issue 15: .doc, .dot, .rtf and .odt read through LibreOffice (LegacyFixtures/, made from
/// Fixtures by scripts/make-legacy-fixtures.sh). Skipped, with the reason printed, where
/// LibreOffice is not installed; `.ci/run` installs it.
final class LegacyTests: XCTestCase {
    static let folder = Paths.repo.appendingPathComponent("LegacyFixtures").path

    func requireLibreOffice() throws {
        guard LibreOffice.find() != nil else {
            let reason = "LegacyTests skipped: no soffice on PATH (apt-get install libreoffice-writer-nogui; .ci/run installs it)"
            print(reason)
            throw XCTSkip(reason)
        }
    }

    func json(_ r: RunResult) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], r.err)
    }

    /// What LibreOffice's own export lost when it made a legacy fixture from its .docx: the plan
    /// read from the legacy file differs from the .docx's there, and only there. Each was checked
    /// by opening the legacy file's conversion (`maalplan inspect`).
    static func lostByTheExport(_ stem: String, _ ext: String, plan: inout [String: Any]) {
        // The Word 97 export writes no image description (alt text): the logo's, which names the
        // organisation, is not in the .doc at all. (RTF keeps it; LibreOffice's import drops it
        // and maalplan reads it from the original.)
        if ext == "doc" || ext == "dot" { plan["organisation"] = [String]() }
        // The Word 97 export of pandoc's last table (Milepælsplan | Evaluering | Læring) writes its
        // cells as paragraphs after the table: the goal has no milestones, evaluation or learning,
        // and the text is said as unplaced.
        if stem == "habit-pandoc" && ext == "doc", var goals = plan["goals"] as? [[String: Any]] {
            goals[0]["milestones"] = [Any]()
            goals[0]["evaluation"] = ""
            goals[0]["learning"] = ""
            plan["goals"] = goals
            plan["phaseReached"] = "UNDER2"
        }
    }

    /// Findings that differ for the same reason: (severity, code, field, location) as the .docx's,
    /// but where LibreOffice joined a table split in two (it saves two tables with nothing between
    /// them as one), the split is not there to be said and the tables after it are counted one less.
    static func findings(_ plan: [String: Any], joined: Bool) -> [String] {
        ((plan["findings"] as? [[String: Any]]) ?? []).compactMap { f in
            let code = f["code"] as? String ?? ""
            if joined { return code == "split-table" ? nil : "\(f["severity"] ?? "") \(code) \(f["field"] ?? "")" }
            return "\(f["severity"] ?? "") \(code) \(f["field"] ?? "") \(compact(f["location"]))"
        }
    }

    /// Every Fixture saved as .doc, .rtf and .odt (and the template as .dot) by LibreOffice,
    /// imported as one folder: each reads as its .docx's hand-written expected JSON, its findings as
    /// the .docx's, and its source is the original. The damaged, empty and password-protected files
    /// fail with one line each. One LibreOffice converts each batch; the re-run starts none.
    func testEveryLegacyFixtureImportsAsItsDocxAndTheReRunStartsNoLibreOffice() throws {
        try requireLibreOffice()
        let dir = try temporaryFolder(self)
        let real = try XCTUnwrap(LibreOffice.find()).executable
        try writeText("#!/bin/sh\necho started >> \(dir)/starts\nexec \(real) \"$@\"\n", dir + "/soffice")
        XCTAssertEqual(chmod(dir + "/soffice", 0o755), 0)
        func starts() -> Int { ((try? String(contentsOfFile: dir + "/starts", encoding: .utf8)) ?? "").split(separator: "\n").count }
        let db = dir + "/x.sqlite"
        let r = try runBinary(["import", Self.folder, "--db", db, "--json-dir", dir + "/json", "--soffice", dir + "/soffice"], self)
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertEqual(r.err.split(separator: "\n").sorted(), [
            "maalplan: \(Self.folder)/damaged.doc: filen er en beskadiget eller afkortet Office 97-2003-fil (.doc) – find en hel kopi af dokumentet, eller åbn den i Word og lad Word reparere den",
            "maalplan: \(Self.folder)/empty.rtf: filen er tom (0 byte) – find en gemt kopi af dokumentet; Word efterlader tomme filer ved nedbrud",
            "maalplan: \(Self.folder)/med adgangskode.doc: filen er beskyttet med adgangskode (krypteret) – åbn den i programmet der gemte den (Word eller LibreOffice), fjern adgangskoden og gem igen",
            "maalplan: \(Self.folder)/med adgangskode.odt: filen er beskyttet med adgangskode (krypteret) – åbn den i programmet der gemte den (Word eller LibreOffice), fjern adgangskoden og gem igen",
        ])
        let fixtures = Paths.fixtureDocuments()
        let legacy = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter {
            !["damaged.doc", "empty.rtf", "med adgangskode.doc", "med adgangskode.odt"].contains($0)
        }
        XCTAssertEqual(legacy.count, fixtures.count * 3 + 1, "a .doc, .rtf and .odt for each Fixture, and a .dot")
        XCTAssertTrue(r.out.contains("Importeret:    \(legacy.count) ("), r.out)
        XCTAssertEqual(starts(), (legacy.count + LibreOffice.batchSize - 1) / LibreOffice.batchSize + 1,
                       "one LibreOffice for each batch (the damaged, empty and locked files are refused before), one says its version")

        var docx: [String: [String: Any]] = [:]
        for f in fixtures {
            docx[f.deletingPathExtension().lastPathComponent] = try XCTUnwrap(parseJSON(Pipeline.convert(path: f.path).json.serialized()) as? [String: Any])
        }
        var read = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir + "/json") {
            let got = try XCTUnwrap(parseJSON(file: URL(fileURLWithPath: dir + "/json/" + name)) as? [String: Any])
            let source = try XCTUnwrap(got["source"] as? [String: Any])
            let path = try XCTUnwrap(source["path"] as? String)
            let file = (path as NSString).lastPathComponent
            let stem = (file as NSString).deletingPathExtension, ext = (file as NSString).pathExtension
            XCTAssertEqual(source["format"] as? String, ext, file)
            XCTAssertEqual(source["sha256"] as? String, SHA256.hex([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))),
                           "the original's, not the converted file's: \(file)")
            XCTAssertTrue((source["convertedBy"] as? String)?.hasPrefix("LibreOffice ") == true, "\(source)")
            var want = try XCTUnwrap(parseJSON(file: Paths.fixtures.appendingPathComponent(stem + ".expected.json")) as? [String: Any])
            Self.lostByTheExport(stem, ext, plan: &want)
            for (key, value) in want where key != "source" && key != "findings" {
                XCTAssert(jsonEqual(got[key], value), "\(file): \(key)\n got: \(compact(got[key]))\nwant: \(compact(value))")
            }
            let own = try XCTUnwrap(docx[stem], file)
            if stem == "habit-pandoc" && ext == "doc" {
                XCTAssertEqual((got["findings"] as? [[String: Any]])?.filter { $0["code"] as? String == "unplaced-text" }.count, 3, file)
            } else {
                let joined = ["habit-libreoffice-split", "habit-split-tegn-grid"].contains(stem)
                XCTAssertEqual(Self.findings(got, joined: joined), Self.findings(own, joined: joined), file)
            }
            read += 1
        }
        XCTAssertEqual(read, legacy.count)
        XCTAssertEqual(try query(db, "SELECT COUNT(*) FROM sources", Int.self), [legacy.count])
        XCTAssertEqual(try query(db, "SELECT DISTINCT format FROM plans ORDER BY format", String.self), ["doc", "dot", "odt", "rtf"])
        XCTAssertEqual(try query(db, "SELECT COUNT(*) FROM plans WHERE converted_by IS NULL OR converted_by NOT LIKE 'LibreOffice %'", Int.self), [0])

        let first = starts()
        let again = try runBinary(["import", Self.folder, "--db", db, "--soffice", dir + "/soffice"], self)
        XCTAssertTrue(again.out.contains("Uændret:       \(legacy.count)"), again.out)
        XCTAssertEqual(starts(), first, "an unchanged .doc starts no LibreOffice")
    }

    /// The private profile and the converted file are removed once the plan is read.
    func testNothingIsLeftInTheTemporaryFolder() throws {
        try requireLibreOffice()
        let tmp = try temporaryFolder(self)
        let saved = getenv("TMPDIR").map { String(cString: $0) }
        setenv("TMPDIR", tmp, 1)
        defer { if let saved { setenv("TMPDIR", saved, 1) } else { unsetenv("TMPDIR") } }
        let plan = try Pipeline.convert(path: Self.folder + "/2025-under1.odt", converter: LibreOffice.find())
        XCTAssertEqual(plan.source?.format, "odt")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp), [])
    }

    func testWhatCannotBeReadIsOneLine() throws {
        for (name, says) in [("damaged.doc", "beskadiget eller afkortet Office 97-2003-fil"), ("empty.rtf", "filen er tom")] {
            let r = try runBinary(["convert", Self.folder + "/" + name], self)
            XCTAssertEqual(r.status, 2)
            XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
            XCTAssertTrue(r.err.contains(says), r.err)
        }
        // A .doc saved with a password (its FIB's fEncrypted set) and an .odt saved with one: the
        // same line as an encrypted .docx.
        for name in ["med adgangskode.doc", "med adgangskode.odt"] {
            let locked = try runBinary(["convert", Self.folder + "/" + name], self)
            XCTAssertEqual(locked.status, 2)
            XCTAssertEqual(locked.err, "maalplan: \(Self.folder)/\(name): filen er beskyttet med adgangskode (krypteret) – åbn den i programmet der gemte den (Word eller LibreOffice), fjern adgangskoden og gem igen\n")
        }

        let bad = try runBinary(["convert", Self.folder + "/2025-under1.doc", "--soffice", "/findes/ikke/soffice"], self)
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.err, "maalplan: --soffice /findes/ikke/soffice: ikke et program der kan køres – angiv stien til soffice, fx /usr/bin/soffice\n")
    }

    /// On a terminal the import's progress line counts the conversions apart from the rest
    /// (run under `script`, which gives it one).
    func testTheProgressLineCountsConversionsApart() throws {
        try requireLibreOffice()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), let bin = Paths.binary else {
            print("testTheProgressLineCountsConversionsApart skipped: no /usr/bin/script (util-linux)")
            throw XCTSkip("no script")
        }
        let dir = try temporaryFolder(self)
        try FileManager.default.createDirectory(atPath: dir + "/plans", withIntermediateDirectories: true)
        for name in ["2025-under1.odt", "2024-under1.rtf", "2025-two-goals.doc"] {
            try FileManager.default.copyItem(atPath: Self.folder + "/" + name, toPath: dir + "/plans/" + name)
        }
        for name in ["2025-under1.docx", "2025-under2.docx"] {
            try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent(name), to: URL(fileURLWithPath: dir + "/plans/" + name))
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", "'\(bin)' import '\(dir)/plans' --db '\(dir)/x.sqlite'", "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("5/5 filer · ") && text.contains(" · 3/3 ældre formater (LibreOffice) · 0 fejl"), text)
        XCTAssertTrue(text.contains("Importeret:    5 (5 nye planer"), text)
    }

    /// `--jobs` bounds the LibreOffice processes: the batches' and those a parsing thread starts
    /// for a .docx that is really a .doc count alike (a wrapper logs each start and end).
    func testJobsBoundTheLibreOfficeProcesses() throws {
        try requireLibreOffice()
        let dir = try temporaryFolder(self)
        try FileManager.default.createDirectory(atPath: dir + "/plans", withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".rtf") && $0 != "empty.rtf" }.sorted()
        for name in names.prefix(LibreOffice.batchSize + 5) {
            try FileManager.default.copyItem(atPath: Self.folder + "/" + name, toPath: dir + "/plans/" + name)
        }
        // Two .doc named .docx: the parsing thread that meets them converts each alone.
        for name in ["2025-under1", "2024-under1"] {
            try FileManager.default.copyItem(atPath: Self.folder + "/" + name + ".doc", toPath: dir + "/plans/" + name + " omdøbt.docx")
        }
        let real = try XCTUnwrap(LibreOffice.find()).executable
        try writeText("#!/bin/sh\necho start >> \(dir)/log\n\(real) \"$@\"\ns=$?\necho end >> \(dir)/log\nexit $s\n", dir + "/soffice")
        XCTAssertEqual(chmod(dir + "/soffice", 0o755), 0)
        let r = try runBinary(["import", dir + "/plans", "--db", dir + "/x.sqlite", "--jobs", "1", "--soffice", dir + "/soffice"], self)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Importeret:    \(LibreOffice.batchSize + 5 + 2) ("), r.out)
        var running = 0, most = 0
        for line in try String(contentsOfFile: dir + "/log", encoding: .utf8).split(separator: "\n") {
            running += line == "start" ? 1 : -1
            most = max(most, running)
        }
        XCTAssertEqual(most, 1, "with --jobs 1, one LibreOffice at a time")
    }

    /// A file the batch could not convert is tried alone, so that what LibreOffice says is its
    /// own (the batch's log names only temporary files, and not always whose line is whose).
    func testWhatLibreOfficeSaysOfAFileInABatchIsItsOwn() throws {
        try requireLibreOffice()
        let dir = try temporaryFolder(self)
        try FileManager.default.createDirectory(atPath: dir + "/plans", withIntermediateDirectories: true)
        for name in ["2025-under1.odt", "2024-under1.rtf"] {
            try FileManager.default.copyItem(atPath: Self.folder + "/" + name, toPath: dir + "/plans/" + name)
        }
        // An RTF cut off after its header, and a zip named .odt whose content is no XML.
        try write(Array(try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/2025-two-goals.rtf")).prefix(3000)), dir + "/plans/afbrudt.rtf")
        var odt = DocxBuilder()
        odt.omit = ["/word/document.xml", "/_rels/.rels"]
        odt.rawParts = ["/mimetype": Array("application/vnd.oasis.opendocument.text".utf8), "/content.xml": Array("ikke xml".utf8)]
        try odt.write(to: dir + "/plans/skrald.odt")
        let r = try runBinary(["import", dir + "/plans", "--db", dir + "/x.sqlite"], self)
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.out.contains("Importeret:    2 (") && r.out.contains("Fejlet:        2 (ikke omsat af LibreOffice 2;"), r.out)
        for name in ["afbrudt.rtf", "skrald.odt"] {
            let line = r.err.split(separator: "\n").first { $0.contains("/" + name + ":") }.map(String.init) ?? ""
            XCTAssertTrue(line.hasPrefix("maalplan: \(dir)/plans/\(name): LibreOffice kunne ikke omsætte filen til .docx ("), r.err)
            XCTAssertFalse(line.contains("maalplan-soffice") || line.contains("convert "), "no temporary file is named: \(line)")
        }
    }

    /// A batch that hangs is stopped at its time limit, and its files are converted one at a time.
    func testAHungBatchIsStoppedAndItsFilesTriedAlone() throws {
        try requireLibreOffice()
        let dir = try temporaryFolder(self)
        try FileManager.default.createDirectory(atPath: dir + "/plans", withIntermediateDirectories: true)
        for name in ["2025-under1.odt", "2024-under1.rtf", "2025-two-goals.doc"] {
            try FileManager.default.copyItem(atPath: Self.folder + "/" + name, toPath: dir + "/plans/" + name)
        }
        let real = try XCTUnwrap(LibreOffice.find()).executable
        // Hangs on a batch (its inputs are linked under .../in/), converts one file alone.
        try writeText("#!/bin/sh\ncase \"$*\" in *\"/in/\"*) echo hung >> \(dir)/log; sleep 600;; esac\necho alone >> \(dir)/log\nexec \(real) \"$@\"\n",
                      dir + "/soffice")
        XCTAssertEqual(chmod(dir + "/soffice", 0o755), 0)
        let r = try runBinary(["import", dir + "/plans", "--db", dir + "/x.sqlite", "--soffice", dir + "/soffice"],
                              environment: ["MAALPLAN_CONVERSION_TIMEOUT": "5"], self)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Importeret:    3 (3 nye planer"), r.out)
        let log = try String(contentsOfFile: dir + "/log", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(log.filter { $0 == "hung" }.count, 1)
        XCTAssertEqual(log.filter { $0 == "alone" }.count, 3 + 1, "each file alone, and the version")
    }

    func testValidateReadsALegacyPlan() throws {
        try requireLibreOffice()
        let r = try runBinary(["validate", Self.folder + "/2024-under1.rtf"], self)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Nået: UNDER – udviklingsdage del 1"), r.out)
        // inspect shows the document and its fields, as of the .docx LibreOffice makes.
        let doc = try runBinary(["inspect", Self.folder + "/2025-under1.odt"], self)
        XCTAssertEqual(doc.status, 0, doc.err)
        XCTAssertTrue(doc.out.contains("Lone Dahl Petersen") && doc.out.contains("Målplan 2025"), doc.out)
        let fields = try runBinary(["inspect", "--fields", Self.folder + "/2025-under1.doc"], self)
        XCTAssertTrue(fields.out.contains("Tovholder  → tabel 1, række 2, kolonne 2"), fields.out + fields.err)
    }
}
