import Foundation
import MaalplanCore
import TestSupport
import XCTest

/// Issue 15 (begun): .doc, .rtf and .odt read through LibreOffice (LegacyFixtures/, made from
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

    func testEachLegacyFileReadsAsItsDocx() throws {
        try requireLibreOffice()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder).sorted()
            .filter { ["doc", "rtf", "odt"].contains(($0 as NSString).pathExtension) && !$0.hasPrefix("damaged") && !$0.hasPrefix("empty") }
        XCTAssertEqual(files.count, 12)
        for name in files {
            let path = Self.folder + "/" + name
            let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
            let legacy = try runBinary(["convert", path], self)
            XCTAssertEqual(legacy.status, 0, "\(name): \(legacy.err)")
            let docx = try runBinary(["convert", Paths.fixtures.appendingPathComponent(stem + ".docx").path], self)
            var a = try json(legacy), b = try json(docx)
            let source = try XCTUnwrap(a.removeValue(forKey: "source") as? [String: Any])
            b.removeValue(forKey: "source")
            XCTAssertEqual(source["format"] as? String, ext, name)
            XCTAssertEqual(source["sha256"] as? String, SHA256.hex([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))), "the original's, not the converted file's: \(name)")
            XCTAssertTrue((source["convertedBy"] as? String)?.hasPrefix("LibreOffice ") == true, "\(source)")
            // LibreOffice's Word 97 and RTF export drop an image's description, where the logo names the organisation.
            if ext != "odt" { a.removeValue(forKey: "organisation"); b.removeValue(forKey: "organisation") }
            XCTAssertTrue(jsonEqual(a, b), "\(name) reads as \(stem).docx: \(compact(a))\n\(compact(b))")
        }
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
        for (name, says) in [("damaged.doc", "ældre Office-dokument"), ("empty.rtf", "filen er tom")] {
            let r = try runBinary(["convert", Self.folder + "/" + name], self)
            XCTAssertEqual(r.status, 2)
            XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
            XCTAssertTrue(r.err.contains(says), r.err)
        }
        // A .doc saved with a password (its FIB's fEncrypted set): the same line as an encrypted .docx.
        var doc = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/2025-under1.doc")))
        let fib = try XCTUnwrap(stride(from: 512, to: doc.count - 512, by: 512).first { doc[$0] == 0xEC && doc[$0 + 1] == 0xA5 })
        doc[fib + 0x0B] |= 0x01
        let dir = try temporaryFolder(self)
        try write(doc, dir + "/med adgangskode.doc")
        let locked = try runBinary(["convert", dir + "/med adgangskode.doc"], self)
        XCTAssertEqual(locked.status, 2)
        XCTAssertEqual(locked.err, "maalplan: \(dir)/med adgangskode.doc: filen er beskyttet med adgangskode (krypteret) – åbn den i Word, fjern adgangskoden og gem igen\n")

        let bad = try runBinary(["convert", Self.folder + "/2025-under1.doc", "--soffice", "/findes/ikke/soffice"], self)
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.err, "maalplan: --soffice /findes/ikke/soffice: ikke et program der kan køres – angiv stien til soffice, fx /usr/bin/soffice\n")
    }

    /// A folder of them imports; its re-run starts no LibreOffice (a wrapper counts its starts).
    func testAFolderOfLegacyPlansImportsAndItsReRunStartsNoLibreOffice() throws {
        try requireLibreOffice()
        let dir = try temporaryFolder(self)
        let real = try XCTUnwrap(LibreOffice.find()).executable
        try writeText("#!/bin/sh\necho started >> \(dir)/starts\nexec \(real) \"$@\"\n", dir + "/soffice")
        XCTAssertEqual(chmod(dir + "/soffice", 0o755), 0)
        func starts() -> Int { ((try? String(contentsOfFile: dir + "/starts", encoding: .utf8)) ?? "").split(separator: "\n").count }
        let db = dir + "/x.sqlite"
        let r = try runBinary(["import", Self.folder, "--db", db, "--soffice", dir + "/soffice"], self)
        XCTAssertEqual(r.status, 1, r.err)   // damaged.doc and empty.rtf
        XCTAssertTrue(r.out.contains("Importeret:    12 (12 nye planer"), r.out)
        XCTAssertEqual(try query(db, "SELECT format || ' ' || COUNT(*) FROM plans GROUP BY format ORDER BY format", String.self),
                       ["doc 4", "odt 4", "rtf 4"])
        XCTAssertEqual(try query(db, "SELECT COUNT(*) FROM plans WHERE converted_by LIKE 'LibreOffice %'", Int.self), [12])
        let first = starts()
        XCTAssertEqual(first, 1 + 1, "one LibreOffice converts the batch of twelve; one more says its version")
        let again = try runBinary(["import", Self.folder, "--db", db, "--soffice", dir + "/soffice"], self)
        XCTAssertTrue(again.out.contains("Uændret:       12"), again.out)
        XCTAssertEqual(starts(), first, "an unchanged .doc starts no LibreOffice")
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
