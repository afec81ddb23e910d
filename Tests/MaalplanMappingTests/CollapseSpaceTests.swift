import TestSupport
import MaalplanMapping
import XCTest

/// The import's hot path: Labels.collapseSpace's byte-level fast path gives what the
/// character-by-character version gave.
final class FastPathTests: XCTestCase {
    /// The version before the fast path.
    static func reference(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in s {
            if ch.isWhitespace || ch == "\u{00A0}" || ch == "\u{202F}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }

    func testCollapseSpaceAsBefore() {
        let pieces = ["a", "Mål", "&", "æøå", " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{202F}", "\u{2003}", "\u{3000}",
                      "\u{0085}", "\u{2028}", "\u{205F}", "\u{1680}", "é", "e\u{0301}", "–", "\u{00AD}", "x", "1.", "?"]
        var rng = SeededRandom("\(Self.self).\(#function)")
        for _ in 0..<20_000 {
            let s = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(Labels.collapseSpace(s), Self.reference(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertEqual(Labels.collapseSpace("Ejer (afdelingschef)"), "Ejer (afdelingschef)")
        XCTAssertEqual(Labels.collapseSpace("  Mål &\u{00A0}målgruppe \n"), "Mål & målgruppe")
    }
}
