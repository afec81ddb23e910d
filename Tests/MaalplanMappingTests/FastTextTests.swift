import TestSupport
import Foundation
import JSONOutput
import MaalplanModel
@testable import MaalplanMapping
import XCTest

/// The byte-level text helpers on the hot path give exactly what the standard library's
/// Unicode-aware versions give, on random mixtures of Danish, other scripts, white space and
/// punctuation.
final class FastTextTests: XCTestCase {
    static let pieces = ["a", "Z", "Mål", "MÅL", "&", "æøå", "ÆØÅ", "ÀÞ", "×÷", "ß", "ÿ", "µ", "ª", "º", "¹²³", "¼",
                         " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{202F}", "\u{2003}", "\u{3000}", "\u{0085}",
                         "\u{2028}", "\u{2029}", "\u{205F}", "\u{1680}", "é", "e\u{0301}", "–", "—", "…", "\u{00AD}",
                         "\u{200B}", "Ł", "İ", "ΣΑΣ", "Ωμέγα", "Ǆ", "Ⅻ", "x", "1.", "?", "\"", "\\", "\u{1}", "\u{1F}",
                         "\u{7F}", "€", "😀", "Prøvehandling", "Tegn:", "2025", "\u{FEFF}", "(", ")", ":", "&", "\u{2000}", "x²", "xⁿ", "⁴", "‰", "⁂"]

    /// Random mixtures of `pieces`, drawn with a seed the test prints (see SeededRandom).
    func randomStrings(_ count: Int, _ test: String = #function) -> [String] {
        var rng = SeededRandom("\(Self.self).\(test), strings")
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...8, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
        }
    }

    func testLowercasedFastIsLowercased() {
        for s in randomStrings(20_000) {
            XCTAssertEqual(s.lowercasedFast, s.lowercased(), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertEqual("MÅLPLAN 2025 – ØKONOMI & STAB".lowercasedFast, "målplan 2025 – økonomi & stab")
    }

    /// Guidance.words as it was: scalar by scalar through the Unicode properties.
    static func referenceWords(_ s: String) -> [String] { Guidance.wordsByScalars(s.nfc.lowercased()) }

    func testGuidanceWordsAsBefore() {
        for s in randomStrings(20_000) {
            XCTAssertEqual(Guidance.words(s), Self.referenceWords(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // Every Latin-1 scalar on its own, between two words.
        for v in 0x80...0xFF {
            let s = "ab" + String(Unicode.Scalar(UInt32(v))!) + "cd"
            XCTAssertEqual(Guidance.words(s), Self.referenceWords(s), String(v, radix: 16))
        }
        XCTAssertEqual(Guidance.words("Hvilke tegn vil I anvende?"), ["hvilke", "tegn", "vil", "i", "anvende"])
    }

    /// JSON string escaping as it was, scalar by scalar.
    static func referenceEscape(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    func testJSONEscapeAsBefore() {
        for s in randomStrings(20_000) {
            XCTAssertEqual(JSON.string(s).serialized(pretty: false), Self.referenceEscape(s))
        }
        XCTAssertEqual(JSON.object([("a", .array([.int(1), .string("ø\n")])), ("b", .object([]))]).serialized(),
                       "{\n  \"a\": [\n    1,\n    \"ø\\n\"\n  ],\n  \"b\": {}\n}\n")
    }

    func testTrimmedAsBefore() {
        func reference(_ s: String) -> String {
            let scalars = s.unicodeScalars
            guard let first = scalars.firstIndex(where: { !$0.isBlank }) else { return "" }
            let last = scalars.lastIndex(where: { !$0.isBlank })!
            return String(scalars[first...last])
        }
        for s in randomStrings(20_000) {
            XCTAssertEqual(s.trimmed, reference(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func testFoldFastAsFoldSlow() {
        var fast = 0
        for s in randomStrings(20_000) + ["Ejer (afdelingschef):", "  Mål &\u{00A0}målgruppe: ", "(x)", ":", "a ( b ) : ) :"] {
            guard let f = Labels.foldFast(s) else { continue }
            fast += 1
            XCTAssertEqual(f, Labels.foldSlow(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertGreaterThan(fast, 1_000)
        XCTAssertEqual(Labels.fold("  MÅL &\u{00A0}Målgruppe (se vejledning): "), "mål og målgruppe")
    }

    func testLeadingWordIDsAsWords() {
        var rng = SeededRandom("\(Self.self).\(#function)")
        let guidanceWords = Guidance.stream.joined().map { $0 }
        var texts = randomStrings(5_000)
        // Mostly guidance words, some capitalised, with an answer word now and then.
        for _ in 0..<5_000 {
            texts.append((0..<Int.random(in: 1...12, using: &rng)).map { _ -> String in
                let w = Bool.random(using: &rng) || Int.random(in: 0..<8, using: &rng) > 0
                    ? guidanceWords.randomElement(using: &rng)! : Self.pieces.randomElement(using: &rng)!
                return Bool.random(using: &rng) ? w.uppercased() : w
            }.joined(separator: [" ", "  ", ", ", "? ", "\u{00A0}"].randomElement(using: &rng)!))
        }
        for t in texts {
            guard let fast = Guidance.leadingWordIDs(t) else { continue }
            let w = Guidance.words(t)
            var ids: [Int32] = []
            for x in w { guard let id = Guidance.wordID[x] else { break }; ids.append(id) }
            XCTAssertEqual(fast.ids, ids, t)
            XCTAssertEqual(fast.total, w.count, t)
        }
    }

    func testPlaceholderFastAsSlow() {
        var rng = SeededRandom("\(Self.self).\(#function)")
        var texts = randomStrings(10_000)
        // Placeholders as typed: any case, extra and odd white space, full stops and ellipses after.
        for _ in 0..<10_000 {
            var t = Guidance.placeholders.randomElement(using: &rng)!
            if Bool.random(using: &rng) { t = t.uppercased() }
            if Bool.random(using: &rng) { t = t.replacingOccurrences(of: " ", with: ["  ", "\u{00A0}", "\t", " \n "].randomElement(using: &rng)!) }
            t = [" ", "", "\u{2003}"].randomElement(using: &rng)! + t + ["", ".", "...", "…", " .", "…."].randomElement(using: &rng)!
            if Int.random(in: 0..<4, using: &rng) == 0 { t += Self.pieces.randomElement(using: &rng)! }
            texts.append(t)
        }
        var fast = 0, yes = 0
        for t in texts {
            guard let f = Guidance.isPlaceholderFast(t) else { continue }
            fast += 1
            if f { yes += 1 }
            XCTAssertEqual(f, Guidance.isPlaceholderSlow(t), "\(t.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertGreaterThan(fast, 10_000)
        XCTAssertGreaterThan(yes, 3_000)
        XCTAssertTrue(Guidance.isPlaceholder("Klik eller tryk her for at angive tekst."))
        XCTAssertFalse(Guidance.isPlaceholder("Klik her for at se planen"))
        // No guidance word is as long as the buffer leadingWordIDs looks words up in.
        XCTAssertLessThan(Guidance.wordID.keys.map(\.utf8.count).max()!, Guidance.maxWordBytes)
    }

    func testCaseNumberFastAsSlow() {
        var rng = SeededRandom("\(Self.self).\(#function)")
        var texts = randomStrings(5_000)
        let parts = ["på sag", "PÅ SAG", "På  sag", "på\u{00A0}sag", "nr.", "nr", ":", " ", "00.01.00-A00-28-24", "24/1234",
                     "Å", "x", "–", "…", "-", ".", "/", "2025", "Sag", "pa sag"]
        for _ in 0..<10_000 {
            texts.append((0..<Int.random(in: 1...7, using: &rng)).map { _ in
                Int.random(in: 0..<5, using: &rng) == 0 ? Self.pieces.randomElement(using: &rng)! : parts.randomElement(using: &rng)!
            }.joined(separator: ["", " ", "  "].randomElement(using: &rng)!))
        }
        var fast = 0, found = 0
        for t in texts {
            guard let f = MapState.caseNumberFast(t) else { continue }
            fast += 1
            if f.number != nil { found += 1 }
            XCTAssertEqual(f.number, MapState.caseNumberSlow(t), "\(t.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        XCTAssertGreaterThan(fast, 8_000)
        XCTAssertGreaterThan(found, 200)
        XCTAssertEqual(MapState.caseNumber(in: "Dokumentet ligger på sag nr. 00.01.00-A00-28-24."), "00.01.00-A00-28-24")
    }

    func testCommaPartsAsSplit() {
        for s in randomStrings(10_000).map({ $0.replacingOccurrences(of: "x", with: ",") }) + [",\u{0301}a,b", "a,,b", ","] {
            XCTAssertEqual(MapState.commaParts(s), s.split(separator: ",").map(String.init), s)
        }
    }

    func testContainsBytes() {
        XCTAssertTrue("Dokumentet ligger på sag: 00.01".containsBytes("på sag"))
        XCTAssertFalse("pa sag".containsBytes("på sag"))
        XCTAssertFalse("".containsBytes("x"))
        XCTAssertTrue("x".containsBytes(""))
    }
}
