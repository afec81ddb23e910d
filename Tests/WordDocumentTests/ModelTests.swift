import Foundation
import TestSupport
import XCTest
import DocxBuilder
import DocxPackage
import WordDocument

/// Stage 2: blocks, styles, headings, lists, tables, headers, footers, properties, images.
final class ModelTests: XCTestCase {
    static let styles = #"""
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Brdtekst"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Overskrift2"><w:basedOn w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Titel"><w:basedOn w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="DocTitle"><w:name w:val="Title"/></w:style>
    <w:style w:type="paragraph" w:styleId="Niveau"><w:name w:val="Niveau"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="MitNiveau"><w:name w:val="Mit niveau"/><w:basedOn w:val="Niveau"/></w:style>
    <w:style w:type="paragraph" w:styleId="Brdtekstniveau"><w:name w:val="Body level"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Punktopstilling"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Punktopstilling2"><w:name w:val="List Bullet 2"/><w:basedOn w:val="Punktopstilling"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
    """#

    static let numbering = #"""
    <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/></w:lvl></w:lvlOverride></w:num>
    """#

    func build(_ body: String) throws -> WordDocument {
        try readBody(body) { b in
            b.styles = Self.styles
            b.numbering = Self.numbering
        }
    }

    func testParagraphsAndTablesInOrder() throws {
        let doc = try build(DocxBuilder.paragraph("Først") + table(columns: 1, row(textCell("T1")))
            + DocxBuilder.paragraph("Midt") + table(columns: 2, row(textCell("a"), textCell("b"))) + DocxBuilder.paragraph("Sidst"))
        XCTAssertEqual(doc.body.map { $0.paragraph != nil ? "p" : "t" }, ["p", "t", "p", "t", "p"])
        XCTAssertEqual(doc.texts, ["Først", "T1", "Midt", "a\nb", "Sidst"])
        XCTAssertEqual(doc.body[1].table?.style?.id, "TableGrid")
        XCTAssertEqual(doc.body[1].table?.style?.name, "Table Grid")
    }

    func testStyleIdAndName() throws {
        let doc = try build(styled("a", "Brdtekst") + DocxBuilder.paragraph("b") + styled("c", "Ukendt"))
        let s = doc.paragraphs.map(\.style)
        XCTAssertEqual(s[0]?.id, "Brdtekst")
        XCTAssertEqual(s[0]?.name, "Body Text")
        XCTAssertEqual(s[1]?.id, "Normal")   // the default paragraph style
        XCTAssertEqual(s[1]?.name, "Normal")
        XCTAssertEqual(s[2]?.id, "Ukendt")    // not in styles.xml: kept, without a name
        XCTAssertNil(s[2]?.name)
    }

    func testHeadingLevels() throws {
        let doc = try build(
            styled("h1", "Heading1")            // name "heading 1"
            + styled("o2", "Overskrift2")       // Danish id, no name
            + styled("titel", "Titel")          // Danish title id
            + styled("title", "DocTitle")       // name "Title"
            + styled("niveau", "Niveau")        // outlineLvl 3 → 4
            + styled("arvet", "MitNiveau")      // basedOn Niveau
            + styled("brød", "Brdtekst")        // body text
            + styled("lvl9", "Brdtekstniveau")  // outlineLvl 9: body text
            + p(textRun("direkte"), pPr: #"<w:pStyle w:val="Brdtekst"/><w:outlineLvl w:val="1"/>"#))
        XCTAssertEqual(doc.paragraphs.map(\.headingLevel), [1, 2, 0, 0, 4, 4, nil, nil, 2])
    }

    func testDirectBodyTextOutlineLevelOverridesHeadingStyle() throws {
        // Outline level 9 ("Body Text") set on the paragraph makes a heading-styled paragraph body text in Word.
        let doc = try build(p(textRun("brød"), pPr: #"<w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/>"#)
            + p(textRun("niveau"), pPr: #"<w:pStyle w:val="Niveau"/><w:outlineLvl w:val="9"/>"#))
        XCTAssertEqual(doc.paragraphs.map(\.headingLevel), [nil, nil])
    }

    func testListItems() throws {
        let numPr = { (id: Int, lvl: Int?) in
            "<w:numPr>" + (lvl.map { #"<w:ilvl w:val="\#($0)"/>"# } ?? "") + #"<w:numId w:val="\#(id)"/></w:numPr>"#
        }
        let doc = try build(
            p(textRun("a"), pPr: numPr(1, 0))
            + p(textRun("b"), pPr: numPr(1, 1))
            + p(textRun("c"), pPr: numPr(2, 0))                                          // lvlOverride
            + styled("d", "Punktopstilling")                                             // numId through the style
            + styled("e", "Punktopstilling2")                                            // numId inherited, ilvl from the style
            + p(textRun("f"), pPr: #"<w:pStyle w:val="Punktopstilling"/>"# + numPr(1, 1))  // direct level over the style's
            + p(textRun("g"), pPr: numPr(0, 0))                                          // numId 0: not a list
            + p(textRun("h"), pPr: #"<w:pStyle w:val="Punktopstilling"/>"# + numPr(0, nil))  // numId 0 turns the style's list off
            + p(textRun("i"), pPr: numPr(7, 0))                                          // not defined in numbering.xml
            + DocxBuilder.paragraph("j"))
        let lists = doc.paragraphs.map { $0.list.map { "\($0.numId)/\($0.level)/\($0.format ?? "-")" } ?? "none" }
        XCTAssertEqual(lists, ["1/0/bullet", "1/1/decimal", "2/0/upperRoman", "1/0/bullet", "1/1/decimal", "1/1/decimal",
                               "none", "none", "none", "none"])
    }

    func testListWithoutNumberingPart() throws {
        let doc = try readBody(p(textRun("a"), pPr: #"<w:numPr><w:ilvl w:val="2"/><w:numId w:val="3"/></w:numPr>"#))
        XCTAssertEqual(doc.paragraphs[0].list?.numId, 3)
        XCTAssertEqual(doc.paragraphs[0].list?.level, 2)
        XCTAssertNil(doc.paragraphs[0].list?.format)
    }

    func testTableGridSpanAndVerticalMerge() throws {
        let doc = try build(table(columns: 3,
            row(textCell("A", tcPr: #"<w:gridSpan w:val="2"/>"#), textCell("B")),
            row(textCell("C", tcPr: #"<w:vMerge w:val="restart"/>"#), textCell("D"), textCell("E")),
            row(cell("<w:p/>", tcPr: "<w:vMerge/>"), textCell("F"), textCell("G")),
            row(cell("<w:p/>", tcPr: #"<w:vMerge w:val="continue"/>"#), textCell("H", tcPr: #"<w:gridSpan w:val="2"/>"#))))
        let t = try XCTUnwrap(doc.body.first?.table)
        XCTAssertEqual(t.rowCount, 4)
        XCTAssertEqual(t.columnCount, 3)
        XCTAssertEqual(t.cells.map(\.text), ["A", "B", "C", "D", "E", "F", "G", "H"])
        let a = try XCTUnwrap(t.cell(row: 0, column: 1))
        XCTAssertEqual([a.text, "\(a.row),\(a.column),\(a.rowSpan)x\(a.columnSpan)"], ["A", "0,0,1x2"])
        let c = try XCTUnwrap(t.cell(row: 3, column: 0))
        XCTAssertEqual([c.text, "\(c.row),\(c.column),\(c.rowSpan)x\(c.columnSpan)"], ["C", "1,0,3x1"])
        XCTAssertEqual(t.cell(row: 3, column: 2)?.text, "H")
        XCTAssertEqual(t.cells(inRow: 2).map(\.text), ["F", "G"])
    }

    func testMergedBlockSpanningRowsAndColumns() throws {
        let doc = try build(table(columns: 3,
            row(textCell("AB", tcPr: #"<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>"#), textCell("x")),
            row(cell("<w:p/>", tcPr: #"<w:gridSpan w:val="2"/><w:vMerge/>"#), textCell("y")),
            row(textCell("1"), textCell("2"), textCell("3"))))
        let t = try XCTUnwrap(doc.body.first?.table)
        let ab = try XCTUnwrap(t.cell(row: 1, column: 1))
        XCTAssertEqual([ab.text, "\(ab.row),\(ab.column),\(ab.rowSpan)x\(ab.columnSpan)"], ["AB", "0,0,2x2"])
        XCTAssertEqual(t.cell(row: 1, column: 2)?.text, "y")
        XCTAssertEqual(t.cells.count, 6)
    }

    /// The grid's widths are kept when every column has one in twips; else none are.
    func testTableColumnWidths() throws {
        let doc = try build(table(columns: 3, row(textCell("a"), textCell("b"), textCell("c"))))
        XCTAssertEqual(doc.body.first?.table?.columnWidths, [2000, 2000, 2000])
        for grid in [#"<w:gridCol w:w="2000"/><w:gridCol/>"#, #"<w:gridCol w:w="2000"/><w:gridCol w:w="2.5cm"/>"#,
                     #"<w:gridCol w:w="4611686018427387904"/><w:gridCol w:w="4611686018427387904"/>"#,
                     #"<w:gridCol w:w="2000"/>"#] {
            let doc = try build("<w:tbl><w:tblGrid>\(grid)</w:tblGrid>" + row(textCell("a"), textCell("b")) + "</w:tbl>")
            XCTAssertEqual(doc.body.first?.table?.columnWidths, [], grid)
        }
        // A dragged border (Fixtures/habit-dragged-border.docx): five columns, as Word wrote them.
        let dragged = try WordReader.read(bytes: [UInt8](Data(contentsOf: Paths.fixtures.appendingPathComponent("habit-dragged-border.docx"))))
        let tables = dragged.body.compactMap(\.table)
        XCTAssertEqual(tables[3].columnWidths, [2113, 1400, 3513, 400, 3113])
    }

    func testTableGridBeforeAndAfter() throws {
        let doc = try build(table(columns: 3,
            row(textCell("a"), textCell("b"), trPr: #"<w:gridBefore w:val="1"/>"#),
            row(textCell("c"), trPr: #"<w:gridAfter w:val="2"/>"#),
            row(textCell("d"), textCell("e"), textCell("f"))))
        let t = try XCTUnwrap(doc.body.first?.table)
        XCTAssertEqual(t.columnCount, 3)
        XCTAssertNil(t.cell(row: 0, column: 0))
        XCTAssertEqual(t.cell(row: 0, column: 1)?.text, "a")
        XCTAssertEqual(t.cell(row: 0, column: 2)?.text, "b")
        XCTAssertEqual(t.cell(row: 1, column: 0)?.text, "c")
        XCTAssertNil(t.cell(row: 1, column: 1))
        XCTAssertEqual(t.cells(inRow: 2).map(\.column), [0, 1, 2])
    }

    func testNestedTable() throws {
        let inner = table(columns: 2, row(textCell("i1"), textCell("i2")))
        let doc = try build(table(columns: 2, row(cell(DocxBuilder.paragraph("før") + inner + "<w:p/>"), textCell("ydre"))))
        let t = try XCTUnwrap(doc.body.first?.table)
        XCTAssertEqual(t.cells.count, 2)
        let first = t.cells[0]
        XCTAssertEqual(first.blocks.count, 3)
        XCTAssertEqual(first.blocks[0].text, "før")
        let nested = try XCTUnwrap(first.blocks[1].table)
        XCTAssertEqual(nested.cells.map(\.text), ["i1", "i2"])
        XCTAssertEqual(t.cells[1].text, "ydre")
    }

    func testRowAndCellLevelContentControls() throws {
        let sdt = { (inner: String) in #"<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>\#(inner)</w:sdtContent></w:sdt>"# }
        let doc = try build(table(columns: 2,
            row(textCell("a"), textCell("b")),
            sdt(row(textCell("c"), sdt(textCell("d")))),
            "<w:customXml w:element=\"r\">" + row(textCell("e"), textCell("f")) + "</w:customXml>"))
        let t = try XCTUnwrap(doc.body.first?.table)
        XCTAssertEqual(t.rowCount, 3)
        XCTAssertEqual(t.cells.map { "\($0.row),\($0.column):\($0.text)" }, ["0,0:a", "0,1:b", "1,0:c", "1,1:d", "2,0:e", "2,1:f"])
    }

    func testDeletedRowDropped() throws {
        let doc = try build(table(columns: 2,
            row(textCell("a"), textCell("b")),
            row(textCell("slettet"), textCell("x"), trPr: #"<w:del w:id="1" w:author="A" w:date="2025-01-01T00:00:00Z"/>"#),
            row(textCell("c"), textCell("d"), trPr: #"<w:ins w:id="2" w:author="A" w:date="2025-01-01T00:00:00Z"/>"#)))
        let t = try XCTUnwrap(doc.body.first?.table)
        XCTAssertEqual(t.rowCount, 2)
        XCTAssertEqual(t.cells.map(\.text), ["a", "b", "c", "d"])
        XCTAssertEqual(t.cell(row: 1, column: 0)?.text, "c")
    }

    func testHeadersAndFooters() throws {
        let doc = try readBody(DocxBuilder.paragraph("krop")) { b in
            b.headers = [.init(.default, DocxBuilder.paragraph("Albertslund Kommune") + DocxBuilder.paragraph("Målplan")),
                         .init(.first, DocxBuilder.paragraph("Forside"))]
            b.footers = [.init(.default, p(textRun("Side ") + #"<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>"#))]
        }
        XCTAssertEqual(doc.headers.map(\.text), ["Albertslund Kommune\nMålplan", "Forside"])
        XCTAssertEqual(doc.headers.map(\.kind), [.default, .first])
        XCTAssertEqual(doc.headers.map(\.part), ["/word/header1.xml", "/word/header2.xml"])
        XCTAssertEqual(doc.footers.map(\.text), ["Side 1"])
        XCTAssertEqual(doc.texts, ["krop"])
    }

    func testHeadersFromRelationshipsWithoutSectionProperties() throws {
        let doc = try readBody(DocxBuilder.paragraph("krop")) { b in
            b.headers = [.init(.default, DocxBuilder.paragraph("Hoved"))]
            b.footers = [.init(.default, DocxBuilder.paragraph("Fod"))]
            b.sectionProperties = false
        }
        XCTAssertEqual(doc.headers.map(\.text), ["Hoved"])
        XCTAssertEqual(doc.footers.map(\.text), ["Fod"])
    }

    func testCoreProperties() throws {
        let doc = try readBody(DocxBuilder.paragraph("x")) { b in
            b.core = .init(title: "Målplan 2025 – Tryghed", subject: "Tryghed", creator: "Søren Ærø", description: "Beskrivelse",
                           keywords: "mål; plan", lastModifiedBy: "Åse Øst",
                           created: "2025-01-14T09:12:00Z", modified: "2025-02-01T10:00:00Z")
        }
        let p = doc.properties
        XCTAssertEqual(p.title, "Målplan 2025 – Tryghed")
        XCTAssertEqual(p.subject, "Tryghed")
        XCTAssertEqual(p.creator, "Søren Ærø")
        XCTAssertEqual(p.description, "Beskrivelse")
        XCTAssertEqual(p.keywords, "mål; plan")
        XCTAssertEqual(p.lastModifiedBy, "Åse Øst")
        XCTAssertEqual(p.created, "2025-01-14T09:12:00Z")
        XCTAssertEqual(p.modified, "2025-02-01T10:00:00Z")
        XCTAssertNil(try readBody("").properties.title)
    }

    func testImageAltText() throws {
        let vml = ##"<w:r><w:pict><v:shape id="s1" type="#_x0000_t75" style="width:20pt;height:20pt" alt="Kommunens våben"><v:imagedata r:id="rIdImage1" o:title=""/></v:shape></w:pict></w:r>"##
        let doc = try readBody(
            p(DocxBuilder.inlineImage(descr: "Albertslund Kommune, Økonomi & Stab", name: "Logo"))
            + p(vml)
            + p(DocxBuilder.inlineImage(descr: nil, name: "Uden alt", id: 2))
        ) { b in
            b.images = [.init()]
            b.headers = [.init(.default, p(DocxBuilder.inlineImage(descr: "Hovedlogo", id: 3)))]
        }
        XCTAssertEqual(doc.paragraphs[0].images.first?.description, "Albertslund Kommune, Økonomi & Stab")
        XCTAssertEqual(doc.paragraphs[0].images.first?.name, "Logo")
        XCTAssertEqual(doc.paragraphs[1].images.map(\.description), ["Kommunens våben"])
        XCTAssertEqual(doc.paragraphs[2].images.count, 1)
        XCTAssertNil(doc.paragraphs[2].images[0].description)
        XCTAssertEqual(doc.imageDescriptions, ["Hovedlogo", "Albertslund Kommune, Økonomi & Stab", "Kommunens våben"])
        XCTAssertEqual(doc.texts, ["", "", ""])
    }
}
