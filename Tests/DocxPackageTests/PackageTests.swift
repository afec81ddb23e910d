import DocxBuilder
import DocxPackage
import TestSupport
import WordDocument
import XCTest

/// Stage 1: finding the main part, telling formats apart, and refusing what is not a Word package.
final class PackageTests: XCTestCase {
    static let styles = #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>"#

    // MARK: Main part, conformance, format

    func testMainPartFoundThroughRelsAtNonStandardPath() throws {
        for path in ["/word/main.xml", "/content/doc.xml"] {
            var b = DocxBuilder(body: styled("Mål", "Overskrift1") + DocxBuilder.paragraph("Tekst"))
            b.mainPart = path
            b.styles = Self.styles
            b.headers = [.init(.default, DocxBuilder.paragraph("Hoved"))]
            XCTAssertFalse(b.parts().contains { $0.name == "/word/document.xml" })
            let doc = try read(b)
            XCTAssertEqual(doc.mainPart, path)
            XCTAssertEqual(doc.texts, ["Mål", "Tekst"])
            // Styles and headers come through the main part's own relationships, next to it.
            XCTAssertEqual(doc.paragraphs[0].style?.id, "Overskrift1")
            XCTAssertEqual(doc.paragraphs[0].style?.name, "heading 1")
            XCTAssertEqual(doc.paragraphs[0].headingLevel, 1)
            XCTAssertEqual(doc.headers.map(\.text), ["Hoved"])
        }
    }

    func testTransitionalAndStrictReadAlike() throws {
        func builder(_ c: DocxBuilder.Conformance) -> DocxBuilder {
            var b = DocxBuilder(body: styled("Overskrift", "Overskrift1")
                + p(textRun("Punkt"), pPr: #"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#)
                + table(columns: 2, row(textCell("a"), textCell("b")))
                + p(textRun("Note") + #"<w:r><w:footnoteReference w:id="1"/></w:r>"#)
                + p(DocxBuilder.inlineImage(descr: "Logo")) + p(textRun("Anker") + textBox("Boks")))
            b.conformance = c
            b.styles = Self.styles
            b.numbering = #"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
            b.footnotes = #"<w:footnote w:id="1"><w:p><w:r><w:t>Fodnote</w:t></w:r></w:p></w:footnote>"#
            b.headers = [.init(.default, DocxBuilder.paragraph("Hoved"))]
            b.core = .init(title: "Titel")
            b.images = [.init()]
            return b
        }
        let strictBuilder = builder(.strict)
        let main = try XCTUnwrap(strictBuilder.parts().first { $0.name == "/word/document.xml" })
        XCTAssertTrue(String(decoding: main.data, as: UTF8.self).contains("http://purl.oclc.org/ooxml/wordprocessingml/main"))
        let rels = try XCTUnwrap(strictBuilder.parts().first { $0.name == "/_rels/.rels" })
        XCTAssertTrue(String(decoding: rels.data, as: UTF8.self).contains("http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"))

        let t = try read(builder(.transitional))
        var s = try read(strictBuilder)
        XCTAssertEqual(t.conformance, .transitional)
        XCTAssertEqual(s.conformance, .strict)
        XCTAssertEqual(t.texts, ["Overskrift", "Punkt", "a\nb", "Note", "", "Anker", "Boks", "Boks 2"])
        XCTAssertEqual(t.imageDescriptions, ["Logo"])
        XCTAssertEqual(t.paragraphs.map(\.inTextBox), [false, false, false, false, false, true, true])
        XCTAssertEqual(t.paragraphs[0].headingLevel, 1)
        XCTAssertEqual(t.paragraphs[1].list?.level, 0)
        XCTAssertEqual(t.paragraphs[1].list?.numId, 1)
        XCTAssertEqual(t.paragraphs[1].list?.format, "bullet")
        XCTAssertEqual(t.notes.map { $0.blocks.map(\.text) }, [["Fodnote"]])
        XCTAssertEqual(t.properties.title, "Titel")
        s.conformance = .transitional
        XCTAssertEqual(s, t)
    }

    func testFormatsToldApartByContentTypeNotName() throws {
        for format in DocxBuilder.Format.allCases {
            var b = DocxBuilder(body: DocxBuilder.paragraph("x"))
            b.format = format
            XCTAssertEqual(try read(b).format.rawValue, format.rawValue)
        }
        // The file name says .docx; the content type says macro-enabled template.
        var b = DocxBuilder(body: DocxBuilder.paragraph("skabelon"))
        b.format = .dotm
        let path = NSTemporaryDirectory() + "maalplan-\(UUID().uuidString).docx"
        try b.write(to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let doc = try WordReader.read(path: path)
        XCTAssertEqual(doc.format, .dotm)
        XCTAssertEqual(doc.texts, ["skabelon"])
        // And an explicit override wins over the builder's own.
        var o = DocxBuilder(body: DocxBuilder.paragraph("x"))
        o.contentTypes["/word/document.xml"] = "application/vnd.ms-word.document.macroEnabled.main+xml"
        XCTAssertEqual(try read(o).format, .docm)
    }

    // MARK: Not a package

    func testEmptyFile() {
        XCTAssertEqual(refusal([])?.reason, .empty)
    }

    func testPDF() {
        XCTAssertEqual(refusal(Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8))?.reason, .pdf)
    }

    func testRTF() {
        XCTAssertEqual(refusal(Array(#"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} Målplan\par}"#.utf8))?.reason, .rtf)
    }

    /// An OLE2 compound file holding these streams (empty ones).
    static func ole2(_ streams: [String]) -> [UInt8] {
        compoundFile(streams.map { ($0, []) })
    }

    func testLegacyWordVersusEncrypted() {
        XCTAssertEqual(refusal(Self.ole2(["WordDocument", "1Table", "\u{5}SummaryInformation"]))?.reason, .legacyWord)
        XCTAssertEqual(refusal(Self.ole2(["EncryptionInfo", "EncryptedPackage", "\u{6}DataSpaces"]))?.reason, .encrypted)
        XCTAssertEqual(refusal(Self.ole2(["Workbook"]))?.reason, .otherOLE2("Excel 97-2003 .xls"))
        // The signature and stream names, but sectors that cannot be followed: damaged, said so.
        var cut = Self.ole2(["WordDocument", "1Table"])
        cut.replaceSubrange(0x30..<0x34, with: [0x40, 0, 0, 0])   // the directory's first sector past the end
        XCTAssertEqual(refusal(cut)?.reason, .damagedOLE2)
        XCTAssertEqual(refusal(Array(Self.ole2(["WordDocument"]).prefix(600)))?.reason, .damagedOLE2)
    }

    func testSpreadsheet() throws {
        var b = DocxBuilder()
        b.mainPart = "/xl/workbook.xml"
        b.rawParts["/xl/workbook.xml"] = Array(#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>"#.utf8)
        b.contentTypes["/xl/workbook.xml"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
        XCTAssertEqual(try refusal(b)?.reason, .spreadsheet)
        // Without _rels/.rels the workbook is still recognised by its place.
        b.omit = ["/_rels/.rels"]
        XCTAssertEqual(try refusal(b)?.reason, .spreadsheet)
        // A Word-looking part with a spreadsheet content type is not read as Word either.
        var w = DocxBuilder(body: DocxBuilder.paragraph("x"))
        w.contentTypes["/word/document.xml"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
        XCTAssertEqual(try refusal(w)?.reason, .spreadsheet)
    }

    func testPresentation() throws {
        var b = DocxBuilder()
        b.mainPart = "/ppt/presentation.xml"
        b.rawParts["/ppt/presentation.xml"] = Array(#"<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>"#.utf8)
        b.contentTypes["/ppt/presentation.xml"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
        XCTAssertEqual(try refusal(b)?.reason, .presentation)
    }

    func testZipWithoutMainPart() throws {
        var b = DocxBuilder(body: DocxBuilder.paragraph("x"))
        b.omit = ["/word/document.xml", "/word/_rels/document.xml.rels", "/_rels/.rels"]
        b.rawParts["/readme.txt"] = Array("hej".utf8)
        XCTAssertEqual(try refusal(b)?.reason, .noMainPart)
        // _rels/.rels naming a part that is not there, and no /word/document.xml to fall back on.
        var m = DocxBuilder(body: DocxBuilder.paragraph("x"))
        m.mainPart = "/word/main.xml"
        m.omit = ["/word/main.xml"]
        XCTAssertEqual(try refusal(m)?.reason, .noMainPart)
    }

    func testMissingRootRelsFallsBackToWordDocument() throws {
        var b = DocxBuilder(body: DocxBuilder.paragraph("uden rels"))
        b.omit = ["/_rels/.rels", "/[Content_Types].xml"]
        let doc = try read(b)
        XCTAssertEqual(doc.mainPart, "/word/document.xml")
        XCTAssertEqual(doc.texts, ["uden rels"])
    }

    func testTruncatedZip() throws {
        let whole = try DocxBuilder(body: DocxBuilder.paragraph(String(repeating: "tekst ", count: 200))).build()
        guard case .corruptZip = refusal(Array(whole.prefix(whole.count / 2)))?.reason else {
            return XCTFail("a half zip must be refused as a corrupt zip")
        }
    }

    func testCorruptZip() throws {
        // A local-header signature followed by garbage: no directory.
        guard case .corruptZip = refusal([0x50, 0x4B, 0x03, 0x04] + (0..<400).map { UInt8(($0 * 37 + 11) & 0xFF) })?.reason else {
            return XCTFail("garbage after PK must be a corrupt zip")
        }
        // Damaged data inside a stored part: the directory is fine, the CRC is not.
        var b = DocxBuilder(body: DocxBuilder.paragraph("Målplan for tryghed"))
        b.compression = .store
        var bytes = try b.build()
        let needle = Array("tryghed".utf8)
        let at = try XCTUnwrap((0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
        bytes[at] = UInt8(ascii: "T")
        let e = refusal(bytes)
        guard case .corruptZip = e?.reason else { return XCTFail("damaged part: \(String(describing: e))") }
        XCTAssertEqual(e?.part, "/word/document.xml")
    }

    func testTooManyEntries() throws {
        var b = DocxBuilder(body: DocxBuilder.paragraph("x"))
        for i in 0..<10 { b.rawParts["/customXml/item\(i).xml"] = Array("<a/>".utf8) }
        var limits = ReadLimits()
        limits.maxEntries = 8
        XCTAssertEqual(try refusal(b, limits: limits)?.reason, .tooManyEntries(8))
        XCTAssertEqual(try read(b).texts, ["x"])   // the defaults allow it
    }

    // MARK: XML

    func testNotWellFormedNamesPartAndLine() throws {
        var b = DocxBuilder(body: "\n" + DocxBuilder.paragraph("ok") + "\n<w:p><w:r><w:t>x</w:r></w:p>")
        b.sectionProperties = false
        let e = try XCTUnwrap(try refusal(b))
        guard case .notWellFormed = e.reason else { return XCTFail("\(e)") }
        XCTAssertEqual(e.part, "/word/document.xml")
        XCTAssertEqual(e.line, 4)   // declaration, root, the good paragraph, the broken one

        // In a header the error names the header.
        var h = DocxBuilder(body: DocxBuilder.paragraph("x"))
        h.headers = [.init(.default, "<w:p><w:r><w:t>åben")]
        let he = try XCTUnwrap(try refusal(h))
        guard case .notWellFormed = he.reason else { return XCTFail("\(he)") }
        XCTAssertEqual(he.part, "/word/header1.xml")
    }

    static let documentStart = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#

    static func rawDocument(doctype: String, body: String) -> [UInt8] {
        Array((documentStart + doctype + "<w:document \(DocxBuilder.namespaces(.transitional))><w:body>\(body)</w:body></w:document>").utf8)
    }

    func testDTDRefused() throws {
        var b = DocxBuilder()
        b.rawParts["/word/document.xml"] = Self.rawDocument(doctype: #"<!DOCTYPE w:document [<!ELEMENT w:document ANY>]>"#,
                                                             body: DocxBuilder.paragraph("x"))
        let e = try refusal(b)
        XCTAssertEqual(e?.reason, .dtd)
        XCTAssertEqual(e?.part, "/word/document.xml")
        // Also in the package's own parts.
        var r = DocxBuilder(body: DocxBuilder.paragraph("x"))
        r.rawParts["/_rels/.rels"] = Array(#"<?xml version="1.0"?><!DOCTYPE Relationships SYSTEM "rels.dtd"><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.utf8)
        XCTAssertEqual(try refusal(r)?.reason, .dtd)
    }

    func testExternalEntityRefusedNeverRead() throws {
        let marker = "MAALPLAN-SECRET-\(UUID().uuidString)"
        let secret = NSTemporaryDirectory() + "maalplan-xxe-\(UUID().uuidString).txt"
        try marker.write(toFile: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: secret) }
        for target in ["file:///etc/passwd", "file://" + secret] {
            for (part, body) in [("/word/document.xml", "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>")] {
                var b = DocxBuilder()
                b.rawParts[part] = Self.rawDocument(doctype: #"<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "\#(target)">]>"#, body: body)
                let e = try XCTUnwrap(try refusal(b))
                XCTAssertEqual(e.reason, .dtd)
                XCTAssertFalse(e.description.contains("root:") || e.description.contains(marker))
            }
            // A parameter entity in core properties (read last) is refused just the same.
            var c = DocxBuilder(body: DocxBuilder.paragraph("x"))
            c.core = .init(title: "t")
            c.rawParts["/docProps/core.xml"] = Array(#"<?xml version="1.0"?><!DOCTYPE cp:coreProperties [<!ENTITY % p SYSTEM "\#(target)"> %p;]><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>t</dc:title></cp:coreProperties>"#.utf8)
            let ce = try XCTUnwrap(try refusal(c))
            XCTAssertEqual(ce.reason, .dtd)
            XCTAssertEqual(ce.part, "/docProps/core.xml")
            XCTAssertFalse(ce.description.contains(marker))
        }
    }

    func testBillionLaughsRefusedAtTheDeclaration() throws {
        var dtd = #"<!DOCTYPE w:document [<!ENTITY lol "lol">"#
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">"
        }
        dtd += "]>"
        var b = DocxBuilder()
        b.rawParts["/word/document.xml"] = Self.rawDocument(doctype: dtd, body: "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>")
        let bytes = try b.build()
        // Refused at the declaration, before any entity is expanded: no slower than a few reads of
        // a plain document of the same size (a generous bound, not a wall-clock limit).
        var plain = DocxBuilder()
        plain.rawParts["/word/document.xml"] = Self.rawDocument(doctype: "", body: "<w:p><w:r><w:t>\(String(repeating: "l", count: dtd.utf8.count))</w:t></w:r></w:p>")
        let plainBytes = try plain.build()
        let reference = (0..<5).map { _ in cpuSeconds { _ = try? WordReader.read(bytes: plainBytes) } }.min()!
        var e: ReadError?
        let t = cpuSeconds { e = refusal(bytes) }
        XCTAssertEqual(e?.reason, .dtd)
        XCTAssertLessThan(t, 50 * reference + 0.01, "the refusal took \(t) s, a plain read \(reference) s")
    }

    // MARK: Limits

    static let bombPrefix = Array((documentStart + "<w:document \(DocxBuilder.namespaces(.transitional))><w:body>").utf8)
    static let bombSuffix = Array((DocxBuilder.paragraph("slut") + "</w:body></w:document>").utf8)

    static func isLimit(_ r: ReadError.Reason?) -> Bool {
        switch r {
        case .partTooLarge, .totalTooLarge, .compressionRatio: return true
        default: return false
        }
    }

    func testDeflatedPartRoundTrip() throws {
        // The builder's hand-made deflate stream and CRC are right: the part reads in full.
        var b = DocxBuilder()
        b.deflatedParts = [.repeating(name: "/word/document.xml", prefix: Self.bombPrefix, byte: 0x20, count: 300_000, suffix: Self.bombSuffix)]
        XCTAssertLessThan(b.deflatedParts[0].deflated.count, 2000)   // prefix and suffix stored, 300 KB in ~300 bytes
        XCTAssertEqual(try read(b).texts, ["slut"])
        // And a wrong CRC is noticed (so the one above was checked).
        b.deflatedParts[0].crc ^= 1
        guard case .corruptZip = try refusal(b)?.reason else { return XCTFail("a wrong CRC must be refused") }
    }

    func testZipBombRefusedWithinTheRatioFloor() throws {
        let size = 2 << 30   // 2 GiB of inflated XML whitespace
        var b = DocxBuilder()
        b.deflatedParts = [.repeating(name: "/word/document.xml", prefix: Self.bombPrefix, byte: 0x20, count: size, suffix: Self.bombSuffix)]
        let bytes = try b.build()
        XCTAssertLessThan(bytes.count, 3 << 20)
        let (e, inflated) = try refusalAndInflated(bytes)
        XCTAssertTrue(Self.isLimit(e?.reason), "\(String(describing: e))")
        XCTAssertEqual(e?.part, "/word/document.xml")
        // Stopped once the ratio shows past its floor (1 MiB), not after 2 GiB.
        XCTAssertLessThan(inflated, ReadLimits.default.ratioFloorBytes + (1 << 20), "\(inflated) bytes inflated")
    }

    func testZipBombWithLyingDirectoryRefusedWhileInflating() throws {
        // The directory claims 1 KiB; the stream inflates to 8 MiB at some 1000:1.
        var b = DocxBuilder()
        var part = DeflatedPart.repeating(name: "/word/document.xml", prefix: Self.bombPrefix, byte: 0x20, count: 8 << 20, suffix: Self.bombSuffix)
        part.declaredSize = 1024
        b.deflatedParts = [part]
        let bytes = try b.build()
        var (e, inflated) = try refusalAndInflated(bytes)
        guard case .corruptZip(let detail) = e?.reason else { return XCTFail("\(String(describing: e))") }
        XCTAssertTrue(detail.contains("1024"), detail)
        XCTAssertEqual(e?.part, "/word/document.xml")
        XCTAssertLessThan(inflated, 64 << 10, "stopped just past the 1 KiB the directory claims")

        // The limits are enforced on what comes out, not on what the directory says:
        // it claims exactly the part limit, the stream goes on past it.
        var limits = ReadLimits()
        limits.maxCompressionRatio = .max
        limits.maxPartBytes = 2 << 20
        part.declaredSize = 2 << 20
        b.deflatedParts = [part]
        XCTAssertEqual(try refusal(b, limits: limits)?.reason, .partTooLarge(2 << 20))

        // 2 GiB behind a lying directory: refused long before it is inflated.
        var huge = DeflatedPart.repeating(name: "/word/document.xml", prefix: Self.bombPrefix, byte: 0x20, count: 2 << 30, suffix: Self.bombSuffix)
        huge.declaredSize = 1024
        b.deflatedParts = [huge]
        (e, inflated) = try refusalAndInflated(try b.build())
        guard case .corruptZip = e?.reason else { return XCTFail("\(String(describing: e))") }
        XCTAssertLessThan(inflated, 64 << 10)
    }

    func testTotalTooLarge() throws {
        // Each part is under the part limit; together they are over the total.
        var b = DocxBuilder(body: String(repeating: DocxBuilder.paragraph(String(repeating: "x", count: 1000)), count: 5))
        b.styles = PackageTests.styles + String(repeating: "<!-- fyld -->", count: 400)
        var limits = ReadLimits()
        limits.maxTotalBytes = 10_000
        limits.maxPartBytes = 9_000
        XCTAssertEqual(try refusal(b, limits: limits)?.reason, .totalTooLarge(10_000))
    }

    func testElementNestingLimit() throws {
        let depth = ReadLimits.default.maxElementDepth
        let deep = String(repeating: "<w:customXml w:element=\"x\">", count: depth) + DocxBuilder.paragraph("dyb")
            + String(repeating: "</w:customXml>", count: depth)
        let e = try refusal(DocxBuilder(body: deep))
        XCTAssertEqual(e?.reason, .tooDeep(depth), "\(String(describing: e))")
        XCTAssertEqual(e?.part, "/word/document.xml")
        // A custom limit below libxml2's own.
        var limits = ReadLimits()
        limits.maxElementDepth = 20
        let shallow = String(repeating: "<w:customXml w:element=\"x\">", count: 20) + DocxBuilder.paragraph("dyb")
            + String(repeating: "</w:customXml>", count: 20)
        XCTAssertEqual(try refusal(DocxBuilder(body: shallow), limits: limits)?.reason, .tooDeep(20))
        XCTAssertEqual(try readBody(shallow).texts, ["dyb"])
    }

    func testTableNestingLimit() throws {
        func nested(_ depth: Int) -> String {
            var xml = DocxBuilder.paragraph("inderst")
            for _ in 0..<depth { xml = table(columns: 1, row(cell(xml + "<w:p/>"))) }
            return xml
        }
        let limit = ReadLimits.default.maxTableNesting
        let ok = try readBody(nested(limit))
        var t = try XCTUnwrap(ok.body.first?.table)
        for _ in 1..<limit { t = try XCTUnwrap(t.cells.first?.blocks.first?.table) }
        XCTAssertEqual(t.cells.first?.blocks.first?.text, "inderst")
        XCTAssertEqual(try refusal(DocxBuilder(body: nested(limit + 1)))?.reason, .tablesTooDeep(limit))

        var limits = ReadLimits()
        limits.maxTableNesting = 2
        XCTAssertEqual(try refusal(DocxBuilder(body: nested(3)), limits: limits)?.reason, .tablesTooDeep(2))
    }

    /// The refusal of `bytes` (nil, and a failure, when they read) and the bytes inflated before it.
    func refusalAndInflated(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> (ReadError?, Int) {
        let pkg = try DocxPackage(bytes: bytes)
        do {
            _ = try WordReader.read(package: pkg)
            XCTFail("read although it should be refused", file: file, line: line)
            return (nil, pkg.inflatedBytes)
        } catch {
            return (error, pkg.inflatedBytes)
        }
    }

    /// The process's CPU time `body` takes (less disturbed by other work than wall time).
    func cpuSeconds(_ body: () -> Void) -> Double {
        var a = timespec(), b = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a)
        body()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b)
        return Double(b.tv_sec - a.tv_sec) + Double(b.tv_nsec - a.tv_nsec) / 1e9
    }
}
