import DocxPackage
@testable import WordDocument
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
    }

    /// Reading styles.xml pruned and whole gives the same styles, over every .docx in Fixtures,
    /// the reference documents and (when present) the third-party corpus. Only w:vanish of table
    /// styles may differ: unpruned, a w:vanish inside w:tblStylePr (conditional formatting) was
    /// taken for the style's own.
    func testPrunedStylesEqualWholeStyles() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [String] = []
        for dir in [repo.appendingPathComponent("Fixtures"), repo.deletingLastPathComponent().appendingPathComponent("shared/reference"),
                    repo.deletingLastPathComponent().appendingPathComponent("shared/corpus/third-party")] {
            guard let e = FileManager.default.enumerator(atPath: dir.path) else { continue }
            for case let f as String in e where [".docx", ".docm", ".dotx", ".dotm"].contains(where: { f.lowercased().hasSuffix($0) }) {
                files.append(dir.appendingPathComponent(f).path)
            }
        }
        XCTAssertGreaterThan(files.count, 20)
        func summary(_ s: Styles) -> [String] {
            s.byId.values.map { st in
                "\(st.id)|\(st.name ?? "-")|\(st.type)|\(st.basedOn ?? "-")|\(st.outlineLevel ?? -9)|\(st.numId ?? -9)|\(st.ilvl ?? -9)|"
                    + (st.type == "table" ? "" : "\(String(describing: st.vanish))")
            }.sorted() + ["default=\(s.defaultParagraphStyle ?? "-")"]
        }
        var compared = 0, cut = 0
        for path in files {
            guard let bytes = FileManager.default.contents(atPath: path).map(Array.init),
                  let pkg = try? DocxPackage(bytes: bytes),
                  let rel = try? pkg.relationships(of: pkg.mainPart).first(where: { $0.kind == "styles" && !$0.isExternal && pkg.hasPart($0.target) })
            else { continue }
            func parse(_ pruning: [String]) -> Result<[String], ReadError> {
                let kind = SharedPartKind<Styles>(namespaces: WordNamespaces.table, pruning: pruning) { (r) throws(XMLError) in
                    try Styles.parse(r)
                }
                do throws(ReadError) {
                    return .success(summary(try pkg.read(rel.target, as: kind)))
                } catch { return .failure(error) }
            }
            let whole = parse([]), pruned = parse(Styles.unread)
            switch (whole, pruned) {
            case let (.success(a), .success(b)): XCTAssertEqual(a, b, path)
            case let (.failure(a), .failure(b)): XCTAssertEqual(a.code, b.code, path)
            case let (.failure(a), .success):
                // A flaw inside a cut element is not seen; any other refusal must stay.
                XCTAssertEqual(a.code, "xml-not-well-formed", "\(path): \(a)")
            default: XCTFail("\(path): refused only when pruned: \(pruned)")
            }
            compared += 1
            let raw = try pkg.readPart(rel.target)
            if raw.count > 10_000 { cut += 1 }
        }
        XCTAssertGreaterThan(compared, 20)
        print("PruneTests: styles of \(compared) documents compared (\(cut) larger than 10 kB)")
    }
}
