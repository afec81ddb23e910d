import XCTest
import DocxBuilder
import DocxPackage
import WordDocument

/// Builds the package and reads it back.
func read(_ b: DocxBuilder, limits: ReadLimits = .default) throws -> WordDocument {
    try WordReader.read(bytes: b.build(), limits: limits)
}

/// A document whose body is `body`, after `configure` has set the rest.
func readBody(_ body: String, _ configure: (inout DocxBuilder) -> Void = { _ in }) throws -> WordDocument {
    var b = DocxBuilder(body: body)
    configure(&b)
    return try read(b)
}

/// The error reading `bytes` fails with, or nil (and a test failure) when it reads.
func refusal(_ bytes: [UInt8], limits: ReadLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> ReadError? {
    do {
        let doc = try WordReader.read(bytes: bytes, limits: limits)
        XCTFail("read although it should be refused: \(doc.body.count) blocks", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

func refusal(_ b: DocxBuilder, limits: ReadLimits = .default, file: StaticString = #filePath, line: UInt = #line) throws -> ReadError? {
    refusal(try b.build(), limits: limits, file: file, line: line)
}

/// A run of text.
func textRun(_ text: String, _ rPr: String = "") -> String {
    let props = rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>"
    return #"<w:r>\#(props)<w:t xml:space="preserve">\#(DocxBuilder.escape(text))</w:t></w:r>"#
}

/// A paragraph of raw inner XML.
func p(_ inner: String, pPr: String = "") -> String {
    "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + inner + "</w:p>"
}

func styled(_ text: String, _ style: String) -> String { DocxBuilder.paragraph(text, style: style) }

func cell(_ inner: String, tcPr: String = "") -> String {
    "<w:tc>" + (tcPr.isEmpty ? "" : "<w:tcPr>\(tcPr)</w:tcPr>") + inner + "</w:tc>"
}

func textCell(_ text: String, tcPr: String = "") -> String { cell(DocxBuilder.paragraph(text), tcPr: tcPr) }

func row(_ cells: String..., trPr: String = "") -> String {
    "<w:tr>" + (trPr.isEmpty ? "" : "<w:trPr>\(trPr)</w:trPr>") + cells.joined() + "</w:tr>"
}

func table(columns: Int, _ rows: String...) -> String {
    "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr><w:tblGrid>"
        + String(repeating: #"<w:gridCol w:w="2000"/>"#, count: columns) + "</w:tblGrid>" + rows.joined() + "</w:tbl>"
}

/// Seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t0 = Date()
    try body()
    return Date().timeIntervalSince(t0)
}

extension WordDocument {
    var paragraphs: [Paragraph] { body.compactMap(\.paragraph) }
    var texts: [String] { body.map(\.text) }
}
