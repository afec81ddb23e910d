import DocxBuilder
import Foundation
import TestSupport
import XCTest

/// Issue 13, items 6, 10 and 13: what the tool writes (--json-dir, -o) is written whole or said
/// not to be, through temporary files no one can plant; and the messages a user meets name the
/// problem in the run's language, on one line.
final class OutputFaultTests: XCTestCase {
    func fixture(_ name: String) -> String { Paths.fixtures.appendingPathComponent(name).path }

    func testJSONDirOnAFullDiskSaysEachFileAndExitsOne() throws {
        guard let fs = try SmallFileSystem.make(self, kib: 200) else { throw XCTSkip("no small file system") }
        let dir = try temporaryFolder(self)
        // Half the disk is taken: some 25 of the 40 JSON files (4 KiB each) fit.
        try write([UInt8](repeating: 0x20, count: 100 << 10), fs.path + "/fyld")
        for i in 1...40 { try FileManager.default.copyItem(atPath: fixture("2025-under1.docx"), toPath: dir + "/plan\(i).docx") }
        let json = fs.path + "/json"
        let r = try runBinary(["import", dir, "--db", dir + "/x.sqlite", "--json-dir", json, "--verbose"], self)
        XCTAssertEqual(r.status, 1, "not every JSON file was written: not exit 0")
        let written = try FileManager.default.contentsOfDirectory(atPath: json).filter { $0.hasSuffix(".json") }.count
        let said = r.err.split(separator: "\n").filter { $0.hasSuffix("JSON-filen kan ikke skrives (der er ikke mere plads på disken) – tjek --json-dir") }
        XCTAssertGreaterThan(said.count, 0, r.err)
        XCTAssertEqual(written + said.count, 40, "each file is written or said: \(written) written")
        XCTAssertTrue(r.out.contains("--json-dir:    \(said.count) JSON-filer kunne ikke skrives"), String(r.out.suffix(600)))
        XCTAssertTrue(r.out.contains("Importeret:    40 (1 nye planer"), "the plans are in the database: \(r.out.suffix(600))")
        // No temporary file is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: json).filter { $0.hasPrefix(".") }, [])
        // Room again: a re-run writes them all, the unchanged plans' JSON from the database.
        try FileManager.default.removeItem(atPath: fs.path + "/fyld")
        let again = try runBinary(["import", dir, "--db", dir + "/x.sqlite", "--json-dir", json], self)
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertTrue(again.out.contains("Uændret:       40"), again.out)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: json).count, 40)
    }

    func testLongNamesGetTheirJSONUnderTheFileSystemsLimit() throws {
        let dir = try temporaryFolder(self)
        let long = String(repeating: "Målplan-", count: 26) + "x"   // 235 bytes, the temporary name's old 255 passed
        let nested = String(repeating: "afdeling-", count: 14)       // 126 bytes a folder, two deep: 253 + name
        try FileManager.default.createDirectory(atPath: dir + "/p/\(nested)/\(nested)", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture("2025-under1.docx"), toPath: dir + "/p/\(long).docx")
        try FileManager.default.copyItem(atPath: fixture("2025-under2.docx"), toPath: dir + "/p/\(nested)/\(nested)/plan.docx")
        try FileManager.default.copyItem(atPath: fixture("2024-foer.docx"), toPath: dir + "/p/\(nested)/\(nested)/plan2.docx")
        let r = try runBinary(["import", dir + "/p", "--db", dir + "/x.sqlite", "--json-dir", dir + "/json"], self)
        XCTAssertEqual(r.status, 0, r.err)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/json").sorted()
        XCTAssertEqual(names.count, 3, "\(names)")
        for n in names { XCTAssertLessThanOrEqual(n.utf8.count, 255, n); XCTAssertTrue(n.hasSuffix(".json"), n) }
        XCTAssertTrue(names.contains("\(long).docx.json"), "a name that fits is kept: \(names)")
        // The two long joined names keep their start, and stay apart by their hash.
        let cut = names.filter { $0.hasPrefix(nested + "__afdeling-") }
        XCTAssertEqual(cut.count, 2, "\(names)")
        XCTAssertNotEqual(cut.first, cut.last)
        // Each holds its own plan.
        for n in cut {
            let text = try String(contentsOfFile: dir + "/json/" + n, encoding: .utf8)
            XCTAssertTrue(text.contains("/plan.docx\"") || text.contains("/plan2.docx\""), n)
        }
    }

    func testTemporaryFilesOfAKilledRunAreRemovedAndALiveRunsKept() throws {
        let dir = try temporaryFolder(self)
        try FileManager.default.createDirectory(atPath: dir + "/json", withIntermediateDirectories: true)
        // No process has a pid this high (pid_max is at most 2^22).
        try writeText("{", dir + "/json/.maalplan-99999999-a1b2c3")
        try writeText("{", dir + "/json/.maalplan-\(getpid())-d4e5f6")
        try writeText("andet", dir + "/json/.skjult")
        let r = try runBinary(["import", fixture("2025-under1.docx"), "--db", dir + "/x.sqlite", "--json-dir", dir + "/json"], self)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/json").sorted(),
                       [".maalplan-\(getpid())-d4e5f6", ".skjult", "2025-under1.docx.json"])
    }

    func testOutputThroughASymlinkReplacesTheLinkNotItsTarget() throws {
        let dir = try temporaryFolder(self)
        try writeText("ikke røre", dir + "/offer.txt")
        XCTAssertEqual(symlink(dir + "/offer.txt", dir + "/plan.json"), 0)
        let r = try runBinary(["convert", fixture("2025-under1.docx"), "-o", dir + "/plan.json"], self)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try String(contentsOfFile: dir + "/offer.txt", encoding: .utf8), "ikke røre")
        var st = stat()
        XCTAssertEqual(lstat(dir + "/plan.json", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFREG, "the link was replaced by the file")
        XCTAssertEqual(st.st_mode & 0o777, 0o644 & ~0o022, "as readable as the user's files (umask 022)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["offer.txt", "plan.json"])
        // A folder that cannot be written: one line, in Danish, exit 2.
        let bad = try runBinary(["convert", fixture("2025-under1.docx"), "-o", dir + "/findes-ikke/plan.json"], self)
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.err, "maalplan: \(dir)/findes-ikke/plan.json: mappen findes ikke – opret den, eller vælg et andet sted med -o\n")
    }

    func testAJSONDirThatIsAFileIsOneDanishLine() throws {
        let dir = try temporaryFolder(self)
        try writeText("x", dir + "/fil")
        let r = try runBinary(["import", fixture("2025-under1.docx"), "--db", dir + "/x.sqlite", "--json-dir", dir + "/fil/json"], self)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.err, "maalplan: \(dir)/fil/json: JSON-mappen kan ikke oprettes eller skrives (en del af stien er ikke en mappe) – vælg en anden mappe med --json-dir\n")
    }

    func testANameThatIsNotUTF8IsSaidSo() throws {
        let dir = try temporaryFolder(self)
        // "Målplan.docx" in Latin-1, as an older system saved it.
        let name = (Array("\(dir)/M".utf8) + [0xE5] + Array("lplan.docx\0".utf8)).map { CChar(bitPattern: $0) }
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture("2025-under1.docx")))
        let fd = open(name, O_WRONLY | O_CREAT, 0o644)
        guard fd >= 0 else { throw XCTSkip("this file system takes only UTF-8 names") }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        close(fd)
        let shown = "\(dir)/M\u{FFFD}lplan.docx"
        let r = try runBinary(["convert", shown], self)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.err, "maalplan: \(shown): filnavnet er ikke UTF-8 (det er gemt af et ældre system, fx som Latin-1), så det kan ikke angives som tekst – omdøb filen, fx med convmv -f latin1 -t utf8 --notest FIL\n")
    }

    func testAnEncodingLibxml2CannotConvertIsOneLine() throws {
        let dir = try temporaryFolder(self)
        var b = DocxBuilder()
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        b.rawParts["/word/document.xml"] = Array(#"<?xml version="1.0" encoding="Shift_JIS"?><w:document xmlns:w="\#(w)"><w:body><w:p><w:r><w:t>x"#.utf8)
            + [0xFF, 0xFE, 0x80, 0x81] + Array("</w:t></w:r></w:p></w:body></w:document>".utf8)
        try write(b.build(), dir + "/kodning.docx")
        let r = try runBinary(["convert", dir + "/kodning.docx"], self)
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, "libxml2 prints nothing of its own: \(r.err)")
        XCTAssertTrue(r.err.contains("XML er ikke velformet: input conversion failed due to input error, bytes 0xFF 0xFE 0x80 0x81 (del /word/document.xml, linje 1)"), r.err)
    }
}
