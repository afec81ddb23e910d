/// How a text becomes a key to look it up by: lower case, NFC, white space collapsed, and
/// what else a table's keys leave out (see the properties). `key(_:)` gives the key of any text;
/// `KeyTable` looks texts up by their keys.
public struct KeyRule: Sendable {
    /// Soft hyphens and zero-width spaces left out (a label typed with one is the same label).
    public var dropsInvisible = false
    /// "&" read as this word, with spaces around it ("Mål & målgruppe" as "mål og målgruppe").
    public var ampersand: String?
    /// Trailing colons and a trailing parenthesis (not one that opens the text) left out: "Ejer (afdelingschef):".
    public var dropsTrailingColonAndParenthesis = false
    /// Trailing full stops and ellipses left out: "Klik her for at angive tekst…".
    public var dropsTrailingDots = false

    public init(dropsInvisible: Bool = false, ampersand: String? = nil, dropsTrailingColonAndParenthesis: Bool = false,
                dropsTrailingDots: Bool = false) {
        self.dropsInvisible = dropsInvisible
        self.ampersand = ampersand
        self.dropsTrailingColonAndParenthesis = dropsTrailingColonAndParenthesis
        self.dropsTrailingDots = dropsTrailingDots
    }

    /// The key of `text`.
    public func key(_ text: String) -> String {
        var text = text
        let fast: String?? = text.withUTF8 { b in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity(b.count)) { buffer in
                fastKey(b, into: buffer).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<$0]), as: UTF8.self) }
            }
        }
        return (fast ?? nil) ?? referenceKey(text)
    }

    /// `key` step by step on the scalars, for any text.
    func referenceKey(_ text: String) -> String {
        var t = text.nfc.lowercased()
        if dropsInvisible {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: t.unicodeScalars.lazy.filter { $0 != "\u{00AD}" && $0 != "\u{200B}" })
            t = String(v)
        }
        if let ampersand { t = t.replacing("&", with: " \(ampersand) ") }
        t = t.referenceCollapsedSpace
        while true {
            if dropsTrailingColonAndParenthesis {
                if t.hasSuffix(":") { t.removeLast(); t = t.referenceCollapsedSpace; continue }
                if t.hasSuffix(")"), let open = t.lastIndex(of: "("), open != t.startIndex {
                    t = String(t[..<open]).referenceCollapsedSpace
                    continue
                }
            }
            if dropsTrailingDots, t.hasSuffix(".") || t.hasSuffix("…") { t.removeLast(); continue }
            return t
        }
    }

    /// Bytes enough for the key of a text of `n` bytes ("&" grows to the ampersand word and two spaces).
    func capacity(_ n: Int) -> Int { n * (ampersand.map { $0.utf8.count + 2 } ?? 1) + 1 }

    /// The key of text in the scanner's range, written into `out` (`capacity` bytes): its length;
    /// nil for other text.
    /// With `longest`, the key is given up (-1) as soon as it is sure to be longer: once a
    /// character no trailing rule can take off stands past `longest` bytes.
    func fastKey(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, longest: Int = .max) -> Int? {
        var o = 0
        // A space is owed before the next character (white space met, or the ampersand's word).
        var pending = false
        // A "(" after the first character: what follows may yet be a trailing parenthesis.
        var innerParenthesis = false
        var scan = Latin1Scanner(b)
        while let c = scan.next() {
            guard c.isLatin1 else { return nil }
            if o > longest && !innerParenthesis {
                let strippable = (dropsTrailingDots && (c.value == 0x2E || c.value == 0x2026))
                    || (dropsTrailingColonAndParenthesis && (c.value == 0x3A || c.value == 0x28)) || c.isWhiteSpace
                    || (dropsInvisible && (c.value == 0xAD || c.value == 0x200B))
                if !strippable { return -1 }
            }
            if dropsTrailingColonAndParenthesis && c.value == 0x28 && o > 0 { innerParenthesis = true }
            if c.isWhiteSpace { pending = true; continue }
            if dropsInvisible && (c.value == 0xAD || c.value == 0x200B) { continue }
            if c.value == 0x26, let ampersand {
                // The word with a space on either side (any space owed is the one before it).
                if o > 0 { out[o] = 0x20; o += 1 }
                for x in ampersand.utf8 { out[o] = x; o += 1 }
                pending = true
                continue
            }
            if pending && o > 0 { out[o] = 0x20; o += 1 }
            pending = false
            for k in 0..<c.length { out[o + k] = b[c.start + k] }
            o += c.length
            if c.value != c.lowercase { out[o - 1] += 0x20 }
        }
        // The ends: by bytes, as ":", "(", ")", "." and " " are single bytes of UTF-8 and "…" is E2 80 A6.
        while o > 0 {
            if dropsTrailingColonAndParenthesis {
                if out[o - 1] == UInt8(ascii: ":") {
                    o -= 1
                    while o > 0 && out[o - 1] == 0x20 { o -= 1 }
                    continue
                }
                if out[o - 1] == UInt8(ascii: ")") {
                    var open = o - 1
                    while open > 0 && out[open] != UInt8(ascii: "(") { open -= 1 }
                    if open > 0 && out[open] == UInt8(ascii: "(") {
                        o = open
                        while o > 0 && out[o - 1] == 0x20 { o -= 1 }
                        continue
                    }
                }
            }
            if dropsTrailingDots {
                if out[o - 1] == UInt8(ascii: ".") { o -= 1; continue }
                if o >= 3 && out[o - 3] == 0xE2 && out[o - 2] == 0x80 && out[o - 1] == 0xA6 { o -= 3; continue }
            }
            break
        }
        return o
    }
}

/// A fixed table from texts to values, looked up by a text's key (`KeyRule`): for text in the
/// scanner's range the key is written into a buffer and hashed where it lies, no string made
/// (the mapping looks up every cell and every line of a plan: labels, placeholders, guidance
/// words); other text goes through the plain `[key: index]` dictionary.
public struct KeyTable<Value: Sendable>: Sendable {
    @usableFromInline let keys: KeyIndex
    @usableFromInline let values: [Value]

    /// The table of `pairs`, their texts made keys by `rule`; the first value given for a key wins.
    public init(_ pairs: [(String, Value)], rule: KeyRule) {
        var seen = Set<String>()
        var keys: [String] = [], values: [Value] = []
        for (text, value) in pairs {
            let key = rule.key(text)
            guard seen.insert(key).inserted else { continue }
            keys.append(key)
            values.append(value)
        }
        self.keys = KeyIndex(keys, rule: rule)
        self.values = values
    }

    public var rule: KeyRule { keys.rule }

    /// The value of the text's key, if the table has it.
    @inlinable public func value(for text: String) -> Value? { keys.index(for: text).map { values[$0] } }

    /// The values of the text's first words (`String.words`) up to the first word the table does
    /// not have, and how many words the text has: for a vocabulary (keys of single words) to tell
    /// whether a text opens with its words. No string is made for a word of text in the scanner's range.
    @inlinable public func leadingWordValues(of text: String) -> (values: [Value], words: Int) {
        let (indices, words) = keys.leadingWordIndices(of: text)
        return (indices.map { values[$0] }, words)
    }

    /// `value(for:)` through the dictionary, for any text.
    func referenceValue(for text: String) -> Value? { keys.referenceIndex(for: text).map { values[$0] } }

    func referenceLeadingWordValues(of text: String) -> (values: [Value], words: Int) {
        let (indices, words) = keys.referenceLeadingWordIndices(of: text)
        return (indices.map { values[$0] }, words)
    }
}

/// A `KeyTable`'s keys: each key's index, found by hashing bytes (FNV-1a, open addressing) or
/// through a dictionary. Not generic, so that its loops are compiled once, for every table.
@usableFromInline
final class KeyIndex: Sendable {
    let rule: KeyRule
    private let byKey: [String: Int]
    private let keyBytes: [[UInt8]]
    /// Index + 1 into `keyBytes`, 0 for a free slot.
    private let slots: [Int32]
    private let mask: Int
    /// The longest key's length in bytes.
    private let longest: Int

    init(_ keys: [String], rule: KeyRule) {
        self.rule = rule
        longest = keys.map(\.utf8.count).max() ?? 0
        byKey = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        keyBytes = keys.map { Array($0.utf8) }
        var size = 16
        while size < keys.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (i, k) in keyBytes.enumerated() {
            var h = k.withUnsafeBufferPointer { Self.hash($0) } & (size - 1)
            while slots[h] != 0 { h = (h + 1) & (size - 1) }
            slots[h] = Int32(i + 1)
        }
        self.slots = slots
        mask = size - 1
    }

    @usableFromInline
    func index(for text: String) -> Int? {
        var text = text
        let fast: Int?? = text.withUTF8 { b in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: rule.capacity(b.count)) { buffer -> Int?? in
                guard let n = rule.fastKey(b, into: buffer, longest: longest) else { return nil }
                return .some(n < 0 ? nil : index(ofKey: UnsafeBufferPointer(rebasing: buffer[0..<n])))
            }
        }
        return fast ?? referenceIndex(for: text)
    }

    func referenceIndex(for text: String) -> Int? { byKey[rule.referenceKey(text)] }

    @usableFromInline
    func leadingWordIndices(of text: String) -> ([Int], Int) {
        let t = text.nfc
        var s = t
        let fast: ([Int], Int)?? = s.withUTF8 { b -> ([Int], Int)? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b.count + 1) { word -> ([Int], Int)? in
                var found: [Int] = []
                var count = 0
                var length = 0
                var leading = true
                var scan = Latin1Scanner(b)
                while true {
                    let c = scan.next()
                    if let c, !c.isLatin1 { return nil }
                    if let c, c.isLetterOrDigit {
                        for k in 0..<c.length { word[length + k] = b[c.start + k] }
                        length += c.length
                        if c.value != c.lowercase { word[length - 1] += 0x20 }
                        continue
                    }
                    if length > 0 {
                        count += 1
                        if leading, let i = index(ofKey: UnsafeBufferPointer(rebasing: word[0..<length])) { found.append(i) } else { leading = false }
                        length = 0
                    }
                    if c == nil { return (found, count) }
                }
            }
        }
        return (fast ?? nil) ?? referenceLeadingWordIndices(of: t)
    }

    func referenceLeadingWordIndices(of text: String) -> ([Int], Int) {
        let words = text.referenceWords
        var found: [Int] = []
        for w in words { guard let i = byKey[rule.referenceKey(w)] else { break }; found.append(i) }
        return (found, words.count)
    }

    private func index(ofKey b: UnsafeBufferPointer<UInt8>) -> Int? {
        var h = Self.hash(b) & mask
        while true {
            let s = Int(slots[h])
            if s == 0 { return nil }
            if keyBytes[s - 1].elementsEqual(b) { return s - 1 }
            h = (h + 1) & mask
        }
    }

    /// FNV-1a over the bytes.
    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
