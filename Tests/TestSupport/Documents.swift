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
