import MaalplanMapping
@testable import MaalplanStore
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
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let s = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(Labels.collapseSpace(s), Self.reference(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertEqual(Labels.collapseSpace("Ejer (afdelingschef)"), "Ejer (afdelingschef)")
        XCTAssertEqual(Labels.collapseSpace("  Mål &\u{00A0}målgruppe \n"), "Mål & målgruppe")
    }
}

final class DanishOrderTests: XCTestCase {
    func testÆØÅComeAfterZ() {
        let words = ["Åbrinken", "Zoo", "Ørestad", "Abe", "Ærø", "Øvrige"]
        let sorted = words.sorted { Report.danishKey($0).lexicographicallyPrecedes(Report.danishKey($1)) }
        XCTAssertEqual(sorted, ["Abe", "Zoo", "Ærø", "Ørestad", "Øvrige", "Åbrinken"])
    }
}

/// The walk's own extension helper gives what NSString's pathExtension gives.
final class WalkerExtensionTests: XCTestCase {
    func testBytesPrecedeAsLexicographic() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x00, 0x2E, 0x41, 0x61, 0x7A, 0x7F, 0x80, 0xC3, 0xA5, 0xFF]
        for _ in 0..<20_000 {
            let a = (0..<Int.random(in: 0...4, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let b = (0..<Int.random(in: 0...4, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            XCTAssertEqual(Walker.bytesPrecede(a, b), a.lexicographicallyPrecedes(b), "\(a) \(b)")
        }
    }

    func testFileExtensionAsNSString() {
        let names = ["plan.docx", "Plan.DOCX", ".docx", "plan.", "plan", "a.b.dotm", "målplan 2025.docm", "x.tar.gz",
                     "~$plan.docx", "..docx", "plan..docx", "æøå.ødt", "plan.d o c", "."]
        for folder in ["", "/", "/data/", "/data/b.c/", "/data/.hidden/", "rel/"] {
            for n in names {
                let p = folder + n
                XCTAssertEqual(Walker.fileExtension(p), (p as NSString).pathExtension, p)
            }
        }
    }
}
