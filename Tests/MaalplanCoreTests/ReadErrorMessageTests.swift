import DocxBuilder
import DocxPackage
import MaalplanCore
import MaalplanModel
import TestSupport
import XCTest

/// What a refusal says to a person: one line, what is wrong, where, what to do, in both languages.
final class ReadErrorMessageTests: XCTestCase {
    /// libxml2's message for bad bytes spans two lines ("... indicate encoding !\nBytes: ..."); the refusal stays one.
    func testInvalidUTF8GivesAOneLineRefusal() throws {
        var b = DocxBuilder(body: DocxBuilder.paragraph("x"))
        b.rawParts["/word/document.xml"] = Array(#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"#.utf8)
            + [0xC3, 0x28, 0xFF, 0xFE] + Array("</w:t></w:r></w:p></w:body></w:document>".utf8)
        let e = try XCTUnwrap(try refusal(b))
        XCTAssertEqual(e.code, "xml-not-well-formed")
        for lang in MessageLanguage.allCases {
            XCTAssertFalse(e.message(lang).contains("\n"), e.message(lang))
        }
    }

    func testTheMessageNamesThePartAndLineInBothLanguages() {
        let e = ReadError(.notWellFormed("Opening and ending tag mismatch"), part: "/word/document.xml", line: 4)
        XCTAssertEqual(e.message(.en), "the XML is not well-formed: Opening and ending tag mismatch (part /word/document.xml, line 4) – open the file in Word and save it again")
        XCTAssertEqual(e.message(.da), "XML er ikke velformet: Opening and ending tag mismatch (del /word/document.xml, linje 4) – åbn filen i Word og gem den igen")
        XCTAssertEqual(ReadError(.corruptZip("CRC error")).message(.da),
                       "filen er en beskadiget eller afkortet zip-fil (kontrolsummen passer ikke) – find en hel kopi af dokumentet, eller åbn den i Word og lad Word reparere den")
    }

    func testEveryReasonHasAMessageInBothLanguages() {
        for r in everyReadErrorReason {
            let e = ReadError(r)
            let da = e.message(.da), en = e.message(.en)
            XCTAssertNotEqual(da, en, "\(r)")
            XCTAssertTrue(da.contains(" – ") && en.contains(" – "), "what is wrong – what to do: \(r)")
        }
    }
}
