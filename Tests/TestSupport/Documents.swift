import XCTest
import DocxBuilder
import DocxPackage
import WordDocument

/// Builds the package and reads it back.
public func read(_ b: DocxBuilder, limits: ReadLimits = .default) throws -> WordDocument {
    try WordReader.read(bytes: b.build(), limits: limits)
}

/// A document whose body is `body`, after `configure` has set the rest.
public func readBody(_ body: String, _ configure: (inout DocxBuilder) -> Void = { _ in }) throws -> WordDocument {
    var b = DocxBuilder(body: body)
    configure(&b)
    return try read(b)
}

/// The error reading `bytes` fails with, or nil (and a test failure) when it reads.
public func refusal(_ bytes: [UInt8], limits: ReadLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> ReadError? {
    do {
        let doc = try WordReader.read(bytes: bytes, limits: limits)
        XCTFail("read although it should be refused: \(doc.body.count) blocks", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

public func refusal(_ b: DocxBuilder, limits: ReadLimits = .default, file: StaticString = #filePath, line: UInt = #line) throws -> ReadError? {
    refusal(try b.build(), limits: limits, file: file, line: line)
}

/// A run of text.
public func textRun(_ text: String, _ rPr: String = "") -> String {
    let props = rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>"
    return #"<w:r>\#(props)<w:t xml:space="preserve">\#(DocxBuilder.escape(text))</w:t></w:r>"#
}

/// A paragraph of raw inner XML.
public func p(_ inner: String, pPr: String = "") -> String {
    "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + inner + "</w:p>"
}

public func styled(_ text: String, _ style: String) -> String { DocxBuilder.paragraph(text, style: style) }

public func cell(_ inner: String, tcPr: String = "") -> String {
    "<w:tc>" + (tcPr.isEmpty ? "" : "<w:tcPr>\(tcPr)</w:tcPr>") + inner + "</w:tc>"
}

public func textCell(_ text: String, tcPr: String = "") -> String { cell(DocxBuilder.paragraph(text), tcPr: tcPr) }

public func row(_ cells: String..., trPr: String = "") -> String {
    "<w:tr>" + (trPr.isEmpty ? "" : "<w:trPr>\(trPr)</w:trPr>") + cells.joined() + "</w:tr>"
}

public func table(columns: Int, _ rows: String...) -> String {
    "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr><w:tblGrid>"
        + String(repeating: #"<w:gridCol w:w="2000"/>"#, count: columns) + "</w:tblGrid>" + rows.joined() + "</w:tbl>"
}

extension WordDocument {
    public var paragraphs: [Paragraph] { body.compactMap(\.paragraph) }
    public var texts: [String] { body.map(\.text) }
}

/// A text box anchored in a run (DrawingML with its VML fallback), holding two paragraphs: `text` and `text 2`.
public func textBox(_ text: String) -> String {
    let content = "<w:txbxContent>\(DocxBuilder.paragraph(text))\(DocxBuilder.paragraph(text + " 2"))</w:txbxContent>"
    return ##"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="1000000" cy="500000"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="5" name="Tekstfelt 5"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>\##(content)</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="Tekstfelt 5" type="#_x0000_t202"><v:textbox>\##(content)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"##
}

/// A table of `n` one-cell rows reading "Tegn", each with an id of its own (as an editor's
/// rsid, from a fixed seed) so that the part compresses like a real one and passes the
/// zip-bomb ratio: the small file that once took minutes and gigabytes to read.
public func oneCellRows(_ n: Int) -> String {
    var rng = SeededRandom(seed: 13)
    var s = "<w:tbl><w:tblGrid><w:gridCol w:w=\"9000\"/></w:tblGrid>"
    s.reserveCapacity(n * 90)
    for _ in 0..<n {
        s += "<w:tr w:rsidR=\"\(String(rng.next() & 0xFFFF_FFFF, radix: 16))\"><w:tc><w:p><w:r><w:t>Tegn</w:t></w:r></w:p></w:tc></w:tr>"
    }
    return s + "</w:tbl>"
}

/// An OLE2 compound file (MS-CFB, version 3, 512-byte sectors) holding `streams`, as Word 97-2003
/// writes a .doc: one FAT sector, one directory sector (three streams at most), each stream in
/// sectors of its own. A stream under 4,096 bytes is padded to that size so that it is not kept
/// in the mini stream.
public func compoundFile(_ streams: [(name: String, bytes: [UInt8])]) -> [UInt8] {
    precondition(streams.count <= 3)
    func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
    func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    let end: UInt32 = 0xFFFF_FFFE, free: UInt32 = 0xFFFF_FFFF
    var fat: [UInt32] = [0xFFFF_FFFD, end]   // the FAT's own sector, the directory's
    var data: [UInt8] = []
    var directory: [UInt8] = []
    func entry(_ name: String, type: UInt8, start: UInt32, size: Int) -> [UInt8] {
        var e: [UInt8] = []
        for u in name.utf16 { e += le16(u) }
        e += [0, 0]
        let length = e.count
        e += [UInt8](repeating: 0, count: 64 - e.count)
        e += le16(UInt16(length)) + [type, 1] + le32(free) + le32(free) + le32(type == 5 && !streams.isEmpty ? 1 : free)
        e += [UInt8](repeating: 0, count: 0x74 - e.count) + le32(start) + le32(UInt32(size)) + [0, 0, 0, 0]
        return e
    }
    directory += entry("Root Entry", type: 5, start: end, size: 0)
    for (i, s) in streams.enumerated() {
        var bytes = s.bytes
        if bytes.count < 4096 { bytes += [UInt8](repeating: 0, count: 4096 - bytes.count) }
        let sectors = (bytes.count + 511) / 512
        let first = UInt32(fat.count)
        for k in 0..<sectors { fat.append(k == sectors - 1 ? end : first + UInt32(k) + 1) }
        var e = entry(s.name, type: 2, start: first, size: bytes.count)
        if i + 1 < streams.count { e.replaceSubrange(0x48..<0x4C, with: le32(UInt32(i + 2))) }   // right sibling
        directory += e
        data += bytes + [UInt8](repeating: 0, count: sectors * 512 - bytes.count)
    }
    precondition(fat.count <= 128)
    directory += [UInt8](repeating: 0, count: 512 - directory.count)
    var header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 16)
    header += le16(0x3E) + le16(3) + le16(0xFFFE) + le16(9) + le16(6) + [UInt8](repeating: 0, count: 10)
    header += le32(1) + le32(1) + le32(0) + le32(4096) + le32(end) + le32(0) + le32(end) + le32(0)
    header += le32(0) + (1..<109).flatMap { _ in le32(free) }
    let fatSector = (fat + [UInt32](repeating: free, count: 128 - fat.count)).flatMap(le32)
    return header + fatSector + directory + data
}

/// One of every reason a file is refused for, for the tests that each must have a message and a
/// name in both languages (one list, so a reason added is added to both).
public let everyReadErrorReason: [ReadError.Reason] = [
    .cannotOpen(errno: 2), .nameNotUTF8, .isDirectory, .notAFile, .empty, .pdf, .rtf, .legacyWord, .encrypted,
    .otherOLE2("Excel 97-2003 .xls"), .damagedOLE2, .flatXML, .odf, .notZip, .corruptZip("Not a zip archive"),
    .tooManyEntries(10_000), .noMainPart, .spreadsheet, .presentation, .otherPackage("application/x"),
    .missingPart("/word/document.xml"), .notWellFormed("x"), .dtd, .partTooLarge(64 << 20), .totalTooLarge(160 << 20),
    .inputTooLarge(100 << 20), .compressionRatio(200), .tooDeep(256), .tablesTooDeep(32),
    .tooMany(.attributes, 1_000), .tooMany(.paragraphs, 100_000), .tooMany(.tableRows, 20_000), .tooMany(.tableCells, 50_000),
    .tooMany(.goals, 100), .tooMany(.listItems(field: "goals[0].signs"), 1_000),
    .tooMany(.characters(field: "owner"), 100_000), .tooMany(.jsonBytes, 8 << 20), .conversionFailed("Error: source file could not be loaded"),
]
