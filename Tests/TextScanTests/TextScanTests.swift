import TestSupport
@testable import TextScan
import XCTest

/// Each fast path gives what its plain version gives: on random mixtures of Danish, other
/// scripts, white space and punctuation (seeded: the seed is printed), and on every character the
/// scanner reads itself.
final class TextScanTests: XCTestCase {
    static let pieces = ["a", "Z", "Mål", "MÅL", "&", "æøå", "ÆØÅ", "ÀÞ", "×÷", "ß", "ÿ", "µ", "ª", "º", "¹²³", "¼",
                         " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{202F}", "\u{2003}", "\u{3000}", "\u{0085}",
                         "\u{2028}", "\u{2029}", "\u{205F}", "\u{1680}", "é", "e\u{0301}", "–", "—", "…", "\u{00AD}",
                         "\u{200B}", "Ł", "İ", "ΣΑΣ", "Ωμέγα", "Ǆ", "Ⅻ", "x", "1.", "?", "\"", "\\", "\u{1}", "\u{1F}",
                         "\u{7F}", "€", "😀", "Prøvehandling", "Tegn:", "2025", "\u{FEFF}", "(", ")", ":", "\u{2000}",
                         "x²", "xⁿ", "⁴", "‰", "⁂", "ⁱ", "\u{2070}", "\u{207A}"]

    /// Random mixtures of `pieces`, drawn with a seed the test prints.
    func randomStrings(_ count: Int, _ test: String = #function) -> [String] {
        var rng = SeededRandom("\(Self.self).\(test)")
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...8, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
        }
    }

    static func scalars(_ s: String) -> String { s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ") }

    /// Every character the scanner reads itself, on its own and between letters.
    static let scannedCharacters: [String] = (Array(0x00...0xFF) + Array(0x2000...0x207F)).compactMap { v in
        Unicode.Scalar(UInt32(v)).map { "Ab" + String($0) + "Cd" }
    }

    func testTheScannerClassifiesEachCharacterAsUnicodeDoes() {
        for v in Array(0x00...0xFF) + Array(0x2000...0x207F) {
            guard let u = Unicode.Scalar(UInt32(v)) else { continue }
            var s = String(u)
            let length = s.utf8.count
            s.withUTF8 { b in
                var scan = Latin1Scanner(b)
                let c = scan.next()!
                XCTAssertEqual(c.value, u.value)
                XCTAssertEqual(c.length, length)
                XCTAssertEqual(c.isWhiteSpace, u.properties.isWhitespace, "U+\(String(v, radix: 16))")
                XCTAssertEqual(c.isLetterOrDigit, u.properties.isAlphabetic || u.properties.numericType != nil, "U+\(String(v, radix: 16))")
                XCTAssertEqual(String(Unicode.Scalar(c.lowercase)!), String(u).lowercased(), "U+\(String(v, radix: 16))")
                XCTAssertNil(scan.next())
            }
        }
        // Past its range it stops and says so.
        var s = "a€b"
        s.withUTF8 { b in
            var scan = Latin1Scanner(b)
            XCTAssertEqual(scan.next()?.value, 0x61)
            XCTAssertEqual(scan.next()?.isLatin1, false)
            XCTAssertNil(scan.next())
        }
    }

    func testLowercasedFastIsLowercased() {
        for s in randomStrings(20_000) + Self.scannedCharacters {
            XCTAssertEqual(s.lowercasedFast, s.lowercased(), Self.scalars(s))
        }
        XCTAssertEqual("MÅLPLAN 2025 – ØKONOMI & STAB".lowercasedFast, "målplan 2025 – økonomi & stab")
    }

    func testCollapsedSpaceIsTheScalarVersion() {
        for s in randomStrings(20_000) + Self.scannedCharacters {
            XCTAssertEqual(s.collapsedSpace, s.referenceCollapsedSpace, Self.scalars(s))
        }
        XCTAssertEqual("  Mål &\u{00A0}målgruppe \n".collapsedSpace, "Mål & målgruppe")
        XCTAssertEqual("a\u{3000}\u{1680}b".collapsedSpace, "a b", "white space past the scanner's range")
    }

    func testWordsAreTheScalarVersion() {
        for s in randomStrings(20_000) + Self.scannedCharacters {
            XCTAssertEqual(s.words, s.referenceWords, Self.scalars(s))
        }
        XCTAssertEqual("Hvilke tegn vil I anvende?".words, ["hvilke", "tegn", "vil", "i", "anvende"])
        XCTAssertEqual("Ma\u{030A}l 2025".words, ["mål", "2025"], "NFC first")
    }

    static let rules = [
        KeyRule(), KeyRule(dropsTrailingDots: true),
        KeyRule(dropsInvisible: true, ampersand: "og", dropsTrailingColonAndParenthesis: true),
        KeyRule(dropsInvisible: true, ampersand: "and", dropsTrailingColonAndParenthesis: true, dropsTrailingDots: true),
    ]

    func testKeysAreTheScalarVersion() {
        let texts = randomStrings(10_000) + Self.scannedCharacters
            + ["Ejer (afdelingschef):", "  Mål &\u{00A0}målgruppe: ", "(x)", ":", "a ( b ) : ) :", "Klik her….", "x . .", "&&", "( a"]
        for rule in Self.rules {
            for s in texts {
                XCTAssertEqual(rule.key(s), rule.referenceKey(s), "\(rule) \(Self.scalars(s))")
            }
        }
        let labels = Self.rules[2]
        XCTAssertEqual(labels.key("Mål\u{00A0}&målgruppe (r) :"), "mål og målgruppe")
        XCTAssertEqual(labels.key("Prøve\u{00AD}handlinger"), "prøvehandlinger")
        XCTAssertEqual(labels.key("(Ejer)"), "(ejer)", "a parenthesis that opens the text stays")
        XCTAssertEqual(Self.rules[1].key("Klik her ..."), "klik her ", "only the dots go")
    }

    func testATableFindsWhatItsDictionaryFinds() {
        var rng = SeededRandom("\(Self.self).\(#function)")
        let words = ["Mål", "målgruppe", "&", "Ejer", "(afdelingschef)", ":", "klik", "her", "…", ".", " ", "\u{00A0}", "Æ", "ø",
                     "\u{00AD}", "Σ", "e\u{0301}"]
        for rule in Self.rules {
            let entries = (0..<200).map { i in ((0..<Int.random(in: 1...4, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(), i) }
            let table = KeyTable(entries, rule: rule)
            let queries = entries.map(\.0) + (0..<2_000).map { _ in
                (0..<Int.random(in: 0...5, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined()
            }
            for q in queries {
                XCTAssertEqual(table.value(for: q), table.referenceValue(for: q), "\(rule) \(Self.scalars(q))")
            }
            for (text, _) in entries { XCTAssertNotNil(table.value(for: text), text) }
        }
    }

    func testLeadingWordsAreFoundAsTheScalarVersionFindsThem() {
        let vocabulary = KeyTable(["mål", "tegn", "æble", "x²", "2025", "ⁱ"].enumerated().map { ($1, $0) }, rule: KeyRule())
        for s in randomStrings(20_000) + Self.scannedCharacters + ["Mål tegn ÆBLE og mere", "tegn", ""] {
            let fast = vocabulary.leadingWordValues(of: s), plain = vocabulary.referenceLeadingWordValues(of: s.nfc)
            XCTAssertEqual(fast.values, plain.values, Self.scalars(s))
            XCTAssertEqual(fast.words, plain.words, Self.scalars(s))
        }
        XCTAssertEqual(vocabulary.leadingWordValues(of: "Mål, tegn? Æble! pære mål").values, [0, 1, 2])
        XCTAssertEqual(vocabulary.leadingWordValues(of: "Mål, tegn? Æble! pære mål").words, 5)
    }

    func testContainsBytesIsSubstringOnNFCText() {
        for s in randomStrings(5_000) {
            let t = s.nfc
            for k in ["", "a", "på sag", "æø", " ", "\u{00A0}x"] {
                XCTAssertEqual(t.containsBytes(of: k), Array(t.utf8).windows(k.utf8.count).contains(Array(k.utf8)), Self.scalars(t))
            }
        }
        XCTAssertTrue("målplan på sag 12".containsBytes(of: "på sag"))
        XCTAssertFalse("pa sag".containsBytes(of: "på sag"))
    }

    func testNFCAndTrimming() {
        XCTAssertEqual("Ma\u{030A}l".nfc, "Mål")
        XCTAssertEqual("Mål".nfc.utf8.count, 4)
        XCTAssertEqual("\u{FEFF}\u{200B} Mål \u{00A0}\n".trimmed, "Mål")
        XCTAssertEqual(" \t ".trimmed, "")
        XCTAssertEqual("a b".trimmed, "a b")
    }
}

extension Array where Element: Equatable {
    /// Every run of `n` elements in a row.
    func windows(_ n: Int) -> [[Element]] { n == 0 || n > count ? (n == 0 ? [[]] : []) : (0...(count - n)).map { Array(self[$0..<($0 + n)]) } }
}
