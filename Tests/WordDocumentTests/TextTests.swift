import TestSupport
import XCTest
import DocxBuilder
import DocxPackage
import WordDocument

/// What goes into a paragraph's text and what does not.
final class TextTests: XCTestCase {
    func text(_ inner: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let doc = try readBody(p(inner))
        XCTAssertEqual(doc.body.count, 1, file: file, line: line)
        return try XCTUnwrap(doc.paragraphs.first, file: file, line: line).text
    }

    func testTabsBreaksAndHyphens() throws {
        XCTAssertEqual(try text("<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:noBreakHyphen/><w:t>e</w:t><w:softHyphen/><w:t>f</w:t></w:r>"),
                       "a\tb\nc\nd-ef")
        XCTAssertEqual(try text(#"<w:r><w:t>side</w:t><w:br w:type="page"/><w:t>skift</w:t></w:r>"#), "side\nskift")
    }

    func testSymbols() throws {
        XCTAssertEqual(try text(#"<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> punkt</w:t></w:r>"#), "• punkt")
        XCTAssertEqual(try text(#"<w:r><w:t>1</w:t><w:sym w:font="Arial" w:char="2013"/><w:t>2</w:t></w:r>"#), "1–2")
        XCTAssertEqual(try text(#"<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>"#), "✓")
    }

    func testTrackedChanges() throws {
        let a = #"w:id="1" w:author="A" w:date="2025-01-01T00:00:00Z""#
        XCTAssertEqual(try text(textRun("Mål: ")
            + "<w:ins \(a)>\(textRun("nyt"))</w:ins>"
            + "<w:del \(a)><w:r><w:delText>gammelt</w:delText></w:r></w:del>"
            + "<w:moveFrom \(a)>\(textRun(" flyttet-fra"))</w:moveFrom>"
            + "<w:moveTo \(a)>\(textRun(" flyttet-til"))</w:moveTo>"), "Mål: nyt flyttet-til")
    }

    func testComplexFieldKeepsResultOnly() throws {
        XCTAssertEqual(try text(textRun("Side ")
            + #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE \* MERGEFORMAT </w:instrText></w:r>"#
            + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
            + textRun(" af ")
            + #"<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>"#), "Side 3 af 9")
    }

    static func fld(_ type: String) -> String { #"<w:r><w:fldChar w:fldCharType="\#(type)"/></w:r>"# }
    static func instr(_ s: String) -> String { #"<w:r><w:instrText xml:space="preserve">\#(s)</w:instrText></w:r>"# }

    func testNestedFieldInInstructionNotInText() throws {
        // { IF { MERGEFIELD Status } = "Grøn" "På sporet" "Bagud" }: the inner field's result is part of
        // the outer instruction; Word shows only the outer result.
        XCTAssertEqual(try text(textRun("Status: ") + Self.fld("begin") + Self.instr(" IF ")
            + Self.fld("begin") + Self.instr(" MERGEFIELD Status ") + Self.fld("separate") + textRun("Grøn") + Self.fld("end")
            + Self.instr(#" = "Grøn" "På sporet" "Bagud" "#) + Self.fld("separate") + textRun("På sporet") + Self.fld("end")
            + textRun(".")), "Status: På sporet.")
    }

    func testFieldSpanningParagraphs() throws {
        // A table of contents: one field from the first entry to the last, with PAGEREF fields inside its result.
        let doc = try readBody(
            p(Self.fld("begin") + Self.instr(#" TOC \o "1-3" \h "#) + Self.fld("separate") + textRun("Indledning\t")
              + Self.fld("begin") + Self.instr(" PAGEREF _Toc1 \\h ") + Self.fld("separate") + textRun("2") + Self.fld("end"))
            + p(textRun("Mål\t") + Self.fld("begin") + Self.instr(" PAGEREF _Toc2 \\h ") + Self.fld("separate") + textRun("3") + Self.fld("end"))
            + p(Self.fld("end"))
            + DocxBuilder.paragraph("Brødtekst"))
        XCTAssertEqual(doc.texts, ["Indledning\t2", "Mål\t3", "", "Brødtekst"])
    }

    func testTransparentWrappers() throws {
        XCTAssertEqual(try text(#"<w:hyperlink r:id="rIdLink">\#(textRun("link"))</w:hyperlink>"#
            + #"<w:smartTag w:uri="urn:x" w:element="place">\#(textRun(" Albertslund"))</w:smartTag>"#
            + #"<w:customXml w:element="felt">\#(textRun(" mål"))</w:customXml>"#
            + #"<w:sdt><w:sdtPr><w:alias w:val="Ejer"/></w:sdtPr><w:sdtContent>\#(textRun(" Ejer"))</w:sdtContent></w:sdt>"#),
            "link Albertslund mål Ejer")
        // A block-level content control around paragraphs is transparent too.
        let doc = try readBody(#"<w:sdt><w:sdtPr/><w:sdtContent>\#(DocxBuilder.paragraph("a"))\#(DocxBuilder.paragraph("b"))</w:sdtContent></w:sdt>"#)
        XCTAssertEqual(doc.texts, ["a", "b"])
    }

    func testPlaceholderContentControl() throws {
        let plc = #"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>\#(textRun("Klik eller tryk her for at skrive tekst."))</w:sdtContent></w:sdt>"#
        let doc = try readBody(p(plc) + p(textRun("Ejer: ") + plc)
            + #"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>\#(DocxBuilder.paragraph("Angiv mål"))</w:sdtContent></w:sdt>"#
            + p(#"<w:sdt><w:sdtPr><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent>\#(textRun("udfyldt"))</w:sdtContent></w:sdt>"#))
        let ps = doc.paragraphs
        XCTAssertEqual(ps.map(\.text), ["", "Ejer: ", "", "udfyldt"])
        XCTAssertEqual(ps.map(\.placeholder), ["Klik eller tryk her for at skrive tekst.", "Klik eller tryk her for at skrive tekst.", "Angiv mål", nil])
    }

    func testAlternateContentOneBranchOnly() throws {
        XCTAssertEqual(try text(textRun("før ")
            + "<mc:AlternateContent><mc:Choice Requires=\"w14\">\(textRun("valg"))</mc:Choice><mc:Fallback>\(textRun("valg"))</mc:Fallback></mc:AlternateContent>"
            + textRun(" efter")), "før valg efter")
        // Block level as well.
        let doc = try readBody("<mc:AlternateContent><mc:Choice Requires=\"w14\">\(DocxBuilder.paragraph("x"))</mc:Choice><mc:Fallback>\(DocxBuilder.paragraph("x"))</mc:Fallback></mc:AlternateContent>")
        XCTAssertEqual(doc.texts, ["x"])
    }

    func testTextBoxesBecomeBlocksAfterTheirParagraph() throws {
        let doc = try readBody(p(textRun("Før ") + textBox("I boksen") + textRun("efter")) + DocxBuilder.paragraph("Næste"))
        XCTAssertEqual(doc.texts, ["Før efter", "I boksen", "I boksen 2", "Næste"])
        XCTAssertEqual(doc.paragraphs.map(\.inTextBox), [false, true, true, false])
        // VML only (older Word).
        let vml = ##"<w:r><w:pict><v:shape id="t" type="#_x0000_t202"><v:textbox><w:txbxContent>\##(DocxBuilder.paragraph("VML-boks"))</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"##
        let old = try readBody(p(textRun("anker") + vml))
        XCTAssertEqual(old.texts, ["anker", "VML-boks"])
        XCTAssertEqual(old.paragraphs.map(\.inTextBox), [false, true])
    }

    func testTextBoxInTableCellStaysInCell() throws {
        let doc = try readBody(table(columns: 1, row(cell(p(textRun("celle") + textBox("boks"))))))
        let t = try XCTUnwrap(doc.body.first?.table)
        XCTAssertEqual(t.cells.first?.blocks.map(\.text), ["celle", "boks", "boks 2"])
        XCTAssertEqual(doc.body.count, 1)
    }

    func testMarksNotInText() throws {
        let doc = try readBody(p(#"<w:bookmarkStart w:id="0" w:name="_Toc1"/><w:proofErr w:type="spellStart"/>"#
            + textRun("Mål") + #"<w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/>"#
            + #"<w:commentRangeStart w:id="3"/>"# + textRun(" med") + #"<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>"#
            + #"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>"#
            + textRun(" skjult", "<w:vanish/>") + textRun(" synlig", #"<w:vanish w:val="0"/>"#)
            + #"<w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve"> slut</w:t></w:r>"#)
        ) { b in
            b.footnotes = #"<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Kilde: Danmarks Statistik</w:t></w:r></w:p></w:footnote>"#
            b.endnotes = #"<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>Slutnote</w:t></w:r></w:p></w:endnote>"#
        }
        XCTAssertEqual(doc.texts, ["Mål med synlig slut"])
        XCTAssertEqual(doc.notes.map(\.kind), [.footnote, .endnote])
        XCTAssertEqual(doc.notes.map(\.id), ["1", "1"])
        XCTAssertEqual(doc.notes.map { $0.blocks.map(\.text) }, [[" Kilde: Danmarks Statistik"], ["Slutnote"]])
    }

    func testNFCAndDanishLetters() throws {
        let nfd = "Ma\u{030A}l og m\u{00E5}l"
        let doc = try readBody(DocxBuilder.paragraph(nfd) + DocxBuilder.paragraph("Æblegrød på Ærø – ÆØÅ æøå é"))
        XCTAssertEqual(doc.texts[0].unicodeScalars.map(\.value), "Mål og mål".unicodeScalars.map(\.value))
        XCTAssertEqual(doc.texts[1].unicodeScalars.map(\.value), "Æblegrød på Ærø – ÆØÅ æøå é".unicodeScalars.map(\.value))
        // Split across runs, the combining ring still composes.
        let split = try text(textRun("a") + textRun("\u{030A}"))
        XCTAssertEqual(split.unicodeScalars.map(\.value), [0xE5])
    }

    func testSpaceOnlyRunBetweenRuns() throws {
        XCTAssertEqual(try text(textRun("Mål") + #"<w:r><w:t xml:space="preserve"> </w:t></w:r>"# + textRun("og") + "<w:r><w:t xml:space=\"preserve\">\n </w:t></w:r>" + textRun("plan")),
                       "Mål og\n plan")
    }

    func testUTF16Part() throws {
        let xml = #"<?xml version="1.0" encoding="UTF-16" standalone="yes"?>"# + "<w:document \(DocxBuilder.namespaces(.transitional))><w:body>"
            + DocxBuilder.paragraph("Æblegrød på Ærø") + "</w:body></w:document>"
        var b = DocxBuilder()
        b.rawParts["/word/document.xml"] = [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(try read(b).texts, ["Æblegrød på Ærø"])
    }

    func testWhitespaceKept() throws {
        XCTAssertEqual(try text(textRun("  to  mellemrum ") + "<w:r><w:t>\u{00A0}nbsp</w:t></w:r>"), "  to  mellemrum \u{00A0}nbsp")
    }
}
