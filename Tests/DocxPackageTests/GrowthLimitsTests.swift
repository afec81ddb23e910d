import DocxBuilder
import DocxPackage
import TestSupport
import WordDocument
import XCTest

/// Issue 13, items 1 and 2: what a small file may make the reader build, and the corners where
/// the work grew faster than the input. Each limit refuses the file once it is passed, with
/// the part named, and the reading stops there.
final class GrowthLimitsTests: XCTestCase {
    func testAMillionRowsAreRefusedAtTheRowLimitWithoutBeingRead() throws {
        let n = 300_000
        let bytes = try DocxBuilder(body: oneCellRows(n)).build()
        let pkg = try DocxPackage(bytes: bytes)
        do {
            _ = try WordReader.read(package: pkg)
            XCTFail("\(n) rows were read")
        } catch {
            let limit = ReadLimits.default.maxTableRows
            XCTAssertEqual(error.reason, .tooMany(.tableRows, limit))
            XCTAssertEqual(error.part, "/word/document.xml")
            XCTAssertEqual(error.code, "too-large")
            // Stopped at the limit: the part's bytes past it were never inflated.
            let inflated = pkg.inflatedBytes
            let document = try pkg.readPart("/word/document.xml").count
            XCTAssertLessThan(inflated, document / 4, "inflated \(inflated) of \(document)")
        }
        // Below the limit the same rows read.
        let doc = try read(DocxBuilder(body: oneCellRows(1_000)))
        XCTAssertEqual(doc.body.first?.table?.rowCount, 1_000)
    }

    func testParagraphsAndCellsCountOverEveryPart() throws {
        var limits = ReadLimits()
        limits.maxParagraphs = 10
        let body = String(repeating: DocxBuilder.paragraph("tekst"), count: 6)
        XCTAssertEqual(try read(DocxBuilder(body: body), limits: limits).body.count, 6)
        // Six in the body, five in a header: eleven in the document.
        var b = DocxBuilder(body: body)
        b.headers = [.init(.default, String(repeating: DocxBuilder.paragraph("hoved"), count: 5))]
        let e = try refusal(b, limits: limits)
        XCTAssertEqual(e?.reason, .tooMany(.paragraphs, 10))
        XCTAssertEqual(e?.part, "/word/header1.xml")

        limits = ReadLimits()
        limits.maxTableCells = 5
        let t = table(columns: 3, row(textCell("a"), textCell("b"), textCell("c")), row(textCell("d"), textCell("e"), textCell("f")))
        XCTAssertEqual(try refusal(DocxBuilder(body: t), limits: limits)?.reason, .tooMany(.tableCells, 5))
        limits.maxTableCells = 6
        XCTAssertEqual(try read(DocxBuilder(body: t), limits: limits).body.first?.table?.cells.count, 6)
    }

    func testAStartTagWithTooManyAttributesIsRefusedBeforeItIsParsed() throws {
        let limit = ReadLimits.default.maxAttributes
        func tag(_ n: Int) -> String {
            "<w:p " + (0..<n).map { "w:a\($0)=\"1\"" }.joined(separator: " ") + "><w:r><w:t>x</w:t></w:r></w:p>"
        }
        // libxml2 checks each attribute against all before it: 200,000 took 10 s.
        let e = try refusal(DocxBuilder(body: tag(200_000)))
        XCTAssertEqual(e?.reason, .tooMany(.attributes, limit))
        XCTAssertEqual(e?.part, "/word/document.xml")
        XCTAssertEqual(try read(DocxBuilder(body: tag(limit - 20))).texts, ["x"])
        // One over the limit, each attribute as short as XML allows: still counted.
        let tight = "<w:p " + (0...limit).map { "a\($0)=\"\"" }.joined(separator: " ") + "><w:r><w:t>x</w:t></w:r></w:p>"
        XCTAssertEqual(try refusal(DocxBuilder(body: tight))?.reason, .tooMany(.attributes, limit))
        // Quotes in text are not attributes, nor are those of a value that holds ">".
        let quotes = String(repeating: "\"»'«", count: 2 * limit)
        XCTAssertEqual(try read(DocxBuilder(body: DocxBuilder.paragraph(quotes))).texts, [quotes])
        let angled = "<w:p w:rsidR=\"a>b\" w:rsidRDefault='c>d'><w:r><w:t>y</w:t></w:r></w:p>"
        XCTAssertEqual(try read(DocxBuilder(body: angled)).texts, ["y"])
    }

    func testManyReferencesToOneHeaderReadItOnce() throws {
        // 100,000 references (and relationships) naming one header: read once, not once for each.
        let n = 100_000
        var b = DocxBuilder(body: DocxBuilder.paragraph("krop"))
        b.sectionProperties = false
        b.body += "<w:sectPr>" + (0..<n).map { "<w:headerReference w:type=\"default\" r:id=\"rIdH\($0)\"/>" }.joined() + "</w:sectPr>"
        b.rawParts["/word/header1.xml"] = Array(#"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>hoved</w:t></w:r></w:p></w:hdr>"#.utf8)
        b.contentTypes["/word/header1.xml"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
        b.relationships = (0..<n).map {
            .init(id: "rIdH\($0)", type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header", target: "header1.xml")
        }
        let doc = try read(b)
        XCTAssertEqual(doc.headers.map(\.text), ["hoved"])
    }

    func testManyDropCapsInARowJoinTheNextParagraph() throws {
        // Each drop cap's letters wait for the next paragraph; they were copied again for each.
        let cap = "<w:p><w:pPr><w:framePr w:dropCap=\"drop\" w:lines=\"3\"/></w:pPr><w:r><w:t>A</w:t></w:r></w:p>"
        let doc = try read(DocxBuilder(body: String(repeating: cap, count: 8_000) + DocxBuilder.paragraph("ften")))
        XCTAssertEqual(doc.texts, [String(repeating: "A", count: 8_000) + "ften"])
    }
}

/// The README's table of limits says what `ReadLimits.default` holds.
final class ReadmeLimitsTests: XCTestCase {
    func testTheReadmeTableIsTheDefaults() throws {
        let readme = try String(contentsOf: Paths.repo.appendingPathComponent("README.md"), encoding: .utf8)
        let d = ReadLimits.default
        let limits: [(String, Int)] = [
            ("maxInputBytes", d.maxInputBytes), ("maxPartBytes", d.maxPartBytes), ("maxTotalBytes", d.maxTotalBytes),
            ("maxCompressionRatio", d.maxCompressionRatio), ("maxEntries", d.maxEntries), ("maxElementDepth", d.maxElementDepth),
            ("maxTableNesting", d.maxTableNesting), ("maxAttributes", d.maxAttributes), ("maxParagraphs", d.maxParagraphs),
            ("maxTableRows", d.maxTableRows), ("maxTableCells", d.maxTableCells), ("maxGoals", d.maxGoals),
            ("maxListItems", d.maxListItems), ("maxFieldCharacters", d.maxFieldCharacters), ("maxJSONBytes", d.maxJSONBytes),
        ]
        for (name, value) in limits {
            guard let line = readme.split(separator: "\n").first(where: { $0.hasPrefix("| `\(name)` |") }) else {
                XCTFail("README has no row for \(name)"); continue
            }
            let cell = line.split(separator: "|")[1].trimmingCharacters(in: .whitespaces)
            let shown = value >= 1 << 20 && value % (1 << 20) == 0 ? "\(value >> 20) MiB"
                : value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
            XCTAssertTrue(cell.hasPrefix(shown), "\(name): README says \(cell), the default is \(shown)")
            // The refusal quoted is the one the code says.
            XCTAssertTrue(line.contains("\(value >= 1 << 20 ? value >> 20 : value)"), "\(line)")
        }
    }
}
