/// Text helpers for the stages after the reader, without Foundation (which costs every process
/// milliseconds of start-up). Where one has a fast path, the fast path reads the UTF-8 bytes with
/// the one scanner (`Latin1Scanner`) and its plain version (`reference…`) stands beside it; a
/// differential test holds the two equal (Tests/TextScanTests). A fast path is here only because
/// `bench/` shows it worth 5 % or more of convert or import (README, "Fast paths").
extension String {
    /// Unicode NFC, through the standard library. Text with no UTF-8 byte ≥ 0xCC has only code
    /// points below U+0300: none of them is a combining mark or a Hangul jamo, none composes with
    /// what precedes it and none decomposes, so it is NFC as it is (most text, and all of Danish:
    /// a byte test, where the library's quick check costs a plan some 3 % of an import).
    public var nfc: String {
        if !utf8.contains(where: { $0 >= 0xCC }) { return self }
        return referenceNFC
    }

    /// `nfc` through the standard library alone: the text itself when it passes the NFC quick check.
    var referenceNFC: String {
        var span = utf8Span
        if span.checkForNFC(quickCheck: true) { return self }
        return String(decoding: _nfcCodeUnits, as: UTF8.self)
    }

    /// Whether `other` occurs in the text, compared by their UTF-8 bytes (both NFC, as the
    /// reader's text is): no grapheme breaking, as the standard library's `contains` does.
    public func containsBytes(of other: String) -> Bool {
        let t = Array(utf8), k = Array(other.utf8)
        guard t.count >= k.count else { return false }
        return (0...(t.count - k.count)).contains { t[$0..<($0 + k.count)].elementsEqual(k) }
    }

    /// Without leading and trailing blanks (`Unicode.Scalar.isBlank`).
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isBlank }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isBlank })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// Lower case, as `lowercased()` gives it: text of ASCII, Latin-1 (all of Danish) and general
    /// punctuation is done byte by byte, in place; any other text goes to the standard library,
    /// whose per-scalar Unicode lookups cost some hundred instructions a letter.
    public var lowercasedFast: String {
        var s = self
        let done: String?? = s.withUTF8 { b -> String? in
            var scan = Latin1Scanner(b)
            var change = false
            while let c = scan.next() {
                guard c.isLatin1 else { return nil }
                if c.value != c.lowercase { change = true }
            }
            if !change { return self }
            return String(unsafeUninitializedCapacity: b.count) { out in
                var scan = Latin1Scanner(b)
                while let c = scan.next() {
                    // Every byte where it was: upper and lower case of these letters are of one length.
                    for k in 0..<c.length { out[c.start + k] = b[c.start + k] }
                    if c.value != c.lowercase { out[c.start + c.length - 1] += 0x20 }
                }
                return b.count
            }
        }
        return (done ?? nil) ?? lowercased()
    }

    /// Every run of white space (Unicode's White_Space: tabs, line breaks, non-breaking spaces) as
    /// one space, with none at either end.
    public var collapsedSpace: String {
        var s = self
        let done: String?? = s.withUTF8 { b -> String? in
            // Most texts have no white space but single inner spaces: they come back as they are.
            var scan = Latin1Scanner(b)
            var clean = true
            var previousSpace = true
            while let c = scan.next() {
                guard c.isLatin1 else { return nil }
                if c.isWhiteSpace {
                    if c.value != 0x20 || previousSpace { clean = false }
                    previousSpace = true
                } else {
                    previousSpace = false
                }
            }
            if clean && (!previousSpace || b.isEmpty) { return self }
            return String(unsafeUninitializedCapacity: b.count) { out in
                var o = 0
                var pending = false
                var scan = Latin1Scanner(b)
                while let c = scan.next() {
                    if c.isWhiteSpace { pending = o > 0; continue }
                    if pending { out[o] = 0x20; o += 1; pending = false }
                    for k in 0..<c.length { out[o] = b[c.start + k]; o += 1 }
                }
                return o
            }
        }
        return (done ?? nil) ?? referenceCollapsedSpace
    }

    /// `collapsedSpace`, scalar by scalar.
    var referenceCollapsedSpace: String {
        var out = String.UnicodeScalarView()
        var pending = false
        for u in unicodeScalars {
            if u.properties.isWhitespace { pending = !out.isEmpty; continue }
            if pending { out.append(" "); pending = false }
            out.append(u)
        }
        return String(out)
    }

    /// The words of the text in lower case: its runs of letters and digits (Unicode's Alphabetic
    /// and numeric scalars), NFC.
    public var words: [String] {
        let t = nfc
        var s = t
        let fast: [String]?? = s.withUTF8 { b -> [String]? in
            var out: [String] = []
            var word: [UInt8] = []
            var scan = Latin1Scanner(b)
            while let c = scan.next() {
                guard c.isLatin1 else { return nil }
                if c.isLetterOrDigit {
                    for k in 0..<c.length { word.append(b[c.start + k]) }
                    if c.value != c.lowercase { word[word.count - 1] += 0x20 }
                } else if !word.isEmpty {
                    out.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty { out.append(String(decoding: word, as: UTF8.self)) }
            return out
        }
        return (fast ?? nil) ?? t.referenceWords
    }

    /// `words`, scalar by scalar through the Unicode properties.
    var referenceWords: [String] {
        var out: [String] = []
        var cur = String.UnicodeScalarView()
        for u in nfc.lowercased().unicodeScalars {
            if u.properties.isAlphabetic || u.properties.numericType != nil {
                cur.append(u)
            } else if !cur.isEmpty {
                out.append(String(cur))
                cur = String.UnicodeScalarView()
            }
        }
        if !cur.isEmpty { out.append(String(cur)) }
        return out
    }
}

extension Unicode.Scalar {
    /// White space (Unicode's White_Space, the non-breaking spaces among it), the byte order mark and
    /// the zero-width space: what counts as nothing at the ends of a text.
    public var isBlank: Bool {
        properties.isWhitespace || self == "\u{FEFF}" || self == "\u{200B}"
    }
}

/// The one reader of UTF-8 bytes without Unicode tables: character by character, each with its
/// scalar value, for text of ASCII, Latin-1 (U+0080–U+00FF, all of Danish) and general
/// punctuation (U+2000–U+207F); past any other character it says so (`isLatin1` false) and its
/// callers take the plain, Unicode-aware way.
struct Latin1Scanner {
    struct Character {
        /// Byte offset and length (1 to 3).
        var start: Int
        var length: Int
        var value: UInt32
        /// False for a character outside the scanner's range (then `value` is 0xFFFF_FFFF).
        var isLatin1: Bool { value != .max }

        /// The lower-case letter's value: A–Z and À–Þ (but ×) are 0x20 below theirs, all within one byte.
        var lowercase: UInt32 {
            (value >= 0x41 && value <= 0x5A) || (value >= 0xC0 && value <= 0xDE && value != 0xD7) ? value + 0x20 : value
        }

        /// White_Space in the scanner's range: U+0009–U+000D, U+0020, U+0085, U+00A0, U+2000–U+200A,
        /// U+2028, U+2029, U+202F, U+205F.
        var isWhiteSpace: Bool {
            switch value {
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F: return true
            default: return false
            }
        }

        /// Alphabetic or numeric, as `Unicode.Scalar.Properties` has it for these scalars: ASCII letters
        /// and digits, ª ² ³ µ ¹ º ¼–¾ and À–ÿ but × and ÷; no punctuation of U+2000–U+207F but ⁰ ⁱ ⁴–⁹ ⁿ.
        var isLetterOrDigit: Bool {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
            case 0xAA, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA, 0xBC...0xBE: return true
            case 0xC0...0xFF: return value != 0xD7 && value != 0xF7
            case 0x2070, 0x2071, 0x2074...0x2079, 0x207F: return true
            default: return false
            }
        }
    }

    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    /// The next character, nil at the end.
    @inline(__always)
    mutating func next() -> Character? {
        let n = b.count
        guard i < n else { return nil }
        let c = b[i]
        let start = i
        if c < 0x80 {
            i += 1
            return Character(start: start, length: 1, value: UInt32(c))
        }
        if (c == 0xC2 || c == 0xC3) && i + 1 < n {
            i += 2
            return Character(start: start, length: 2, value: (UInt32(c & 0x1F) << 6) | UInt32(b[start + 1] & 0x3F))
        }
        if c == 0xE2 && i + 2 < n && (b[i + 1] == 0x80 || b[i + 1] == 0x81) {
            i += 3
            return Character(start: start, length: 3, value: 0x2000 | (UInt32(b[start + 1] & 0x01) << 6) | UInt32(b[start + 2] & 0x3F))
        }
        i = n
        return Character(start: start, length: 0, value: .max)
    }
}
