import DocxBuilder
import DocxPackage
import TestSupport
import WordDocument
import XCTest

/// Constructs the third-party corpus showed the reader getting wrong, each as a small document.
final class CorpusFindingsTests: XCTestCase {
    func texts(_ body: String, _ configure: (inout DocxBuilder) -> Void = { _ in }) throws -> [String] {
        try readBody(body, configure).body.compactMap { $0.paragraph?.text }
    }

    func testFormulaPartsStayApart() throws {
        let frac = "<m:oMath><m:f><m:num><m:r><m:t>1</m:t></m:r></m:num><m:den><m:r><m:t>4</m:t></m:r></m:den></m:f></m:oMath>"
        XCTAssertEqual(try texts(p(textRun("en ") + frac + textRun(" del"))), ["en 1 4 del"])
        let sub = "<m:oMath><m:sSub><m:e><m:r><m:t>σ</m:t></m:r></m:e><m:sub><m:r><m:t>2006</m:t></m:r></m:sub></m:sSub></m:oMath>"
        XCTAssertEqual(try texts(p(sub)).first?.split(separator: " "), ["σ", "2006"])
    }

    func testTwoPlaceholdersInOneParagraphStayTwoWords() throws {
        func control(_ t: String) -> String {
            "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>\(textRun(t))</w:sdtContent></w:sdt>"
        }
        let para = try XCTUnwrap(readBody(p(control("første") + textRun(" ") + control("anden"))).body.first?.paragraph)
        XCTAssertEqual(para.text, " ")
        XCTAssertEqual(para.placeholder, "første anden")
    }

    func testDropCapJoinsTheParagraphItBegins() throws {
        let cap = p(textRun("D"), pPr: #"<w:framePr w:dropCap="drop" w:lines="3" w:wrap="around" w:vAnchor="text" w:hAnchor="text"/>"#)
        XCTAssertEqual(try texts(cap + p(textRun("rop cap.")) + p(textRun("Næste."))), ["Drop cap.", "Næste."])
    }

    func testTextHiddenThroughAStyleIsHidden() throws {
        let styles = """
        <w:style w:type="paragraph" w:styleId="z-TopofForm"><w:name w:val="HTML Top of Form"/><w:rPr><w:vanish/></w:rPr></w:style>
        <w:style w:type="character" w:styleId="Skjult"><w:name w:val="Skjult"/><w:rPr><w:vanish/></w:rPr></w:style>
        """
        let body = styled("Top of Form", "z-TopofForm") + p(textRun("synlig ") + textRun("skjult", #"<w:rStyle w:val="Skjult"/>"#))
            + p(textRun("vist igen", "<w:vanish w:val=\"0\"/>"), pPr: #"<w:pStyle w:val="z-TopofForm"/>"#)
        XCTAssertEqual(try texts(body) { $0.styles = styles }, ["", "synlig ", "vist igen"])
    }

    func testAFieldInstructionWithoutItsEndDoesNotHideTheNextParagraphs() throws {
        // The field's separate and end were deleted with tracking on.
        let a = #"w:id="1" w:author="A" w:date="2025-01-01T00:00:00Z""#
        let broken = p(#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"#
            + "<w:del \(a)><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:delText>1</w:delText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:del>")
        XCTAssertEqual(try texts(broken + p(textRun("Tegn")) + p(textRun("Prøvehandling"))), ["", "Tegn", "Prøvehandling"])
    }

    func testAFieldResultSpanningParagraphsIsKept() throws {
        let toc = p(#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
                    + textRun("Indledning 1"))
            + p(textRun("Mål 2") + #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#)
        XCTAssertEqual(try texts(toc), ["Indledning 1", "Mål 2"])
    }
}
