import TestSupport
@testable import XMLStream
import XCTest

/// XMLPrune: elements cut out of styles.xml before parsing.
final class PruneTests: XCTestCase {
    func pruned(_ s: String, _ names: [String] = ["w:tblPr", "w:tcPr"]) -> String {
        var bytes = Array(s.utf8)
        let n = bytes.withUnsafeMutableBufferPointer { XMLPrune.prune($0.baseAddress!, count: $0.count, names: names) }
        return String(decoding: bytes[0..<n], as: UTF8.self)
    }

    func testCutsElementsAndKeepsTheRest() {
        XCTAssertEqual(pruned(#"<a><w:tblPr><w:x/></w:tblPr><w:name w:val="T"/><w:tcPr/><w:tcPr a="1"/></a>"#),
                       #"<a><w:name w:val="T"/></a>"#)
        // Nested elements of the same name (a change record), and names that only begin alike.
        XCTAssertEqual(pruned(#"<a><w:tblPr><w:tblPrChange><w:tblPr><w:b/></w:tblPr></w:tblPrChange></w:tblPr ><w:tblPrEx/><w:tcPrX>t</w:tcPrX></a>"#),
                       #"<a><w:tblPrEx/><w:tcPrX>t</w:tcPrX></a>"#)
        // A ">" inside a quoted attribute value does not end the tag.
        XCTAssertEqual(pruned(#"<a><w:tblPr v="a>b" w='c/>'>x</w:tblPr>y</a>"#), "<a>y</a>")
        // Line breaks inside a cut stay, so the parser's line numbers stay right.
        XCTAssertEqual(pruned("<a>\n<w:tblPr>\n<w:b/>\n</w:tblPr>\n<b/></a>"), "<a>\n\n\n\n<b/></a>")
        // An XML declaration is fine.
        XCTAssertEqual(pruned(#"<?xml version="1.0"?><a><w:tcPr/></a>"#), #"<?xml version="1.0"?><a></a>"#)
    }

    func testLeavesTextWithCommentsCDATAOrPIsAlone() {
        for s in [#"<a><!-- <w:tblPr> --><w:tblPr/></a>"#, #"<a><![CDATA[<w:tblPr>]]></a><w:tblPr/>"#,
                  #"<a><?pi <w:tblPr>?><w:tblPr/></a>"#, #"<!DOCTYPE a><a><w:tblPr/></a>"#] {
            XCTAssertEqual(pruned(s), s)
        }
    }

    func testUnclosedElementStopsTheCutting() {
        XCTAssertEqual(pruned(#"<a><w:tcPr/><w:tblPr><b/></a>"#), #"<a><w:tblPr><b/></a>"#)
        XCTAssertEqual(pruned(#"<a><w:tblPr"#), #"<a><w:tblPr"#)
        XCTAssertEqual(pruned(""), "")
        // Nothing after an unclosed element is cut: scanning on from every unclosed start tag
        // to the end cost n² (100,000 unclosed w:tcPr in 6.8 KB took 85 s).
        XCTAssertEqual(pruned(#"<a><w:tblPr><w:tcPr/><w:tcPr>x</w:tcPr></a>"#), #"<a><w:tblPr><w:tcPr/><w:tcPr>x</w:tcPr></a>"#)
        let many = "<a>" + String(repeating: "<w:tcPr>", count: 100_000) + "<w:tcPr/></a>"
        XCTAssertEqual(pruned(many), many)
    }
}
