import DocxPackage
import Foundation
import TestSupport
@testable import WordDocument
import XMLStream
import XCTest

/// Styles read from a pruned styles.xml are the styles read from the whole part.
final class PrunedStylesTests: XCTestCase {
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
