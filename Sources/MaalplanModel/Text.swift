import Glibc

/// Small text helpers for the stages after the reader, without Foundation (which costs
/// every process milliseconds of start-up).
extension String {
    /// Unicode NFC. Text with no byte ≥ 0xCC has no combining mark (U+0300 and up) and no
    /// Hangul jamo, so it is already NFC and comes back as it is.
    public var nfc: String {
        for b in utf8 where b >= 0xCC { return String(decoding: _nfcCodeUnits, as: UTF8.self) }
        return self
    }

    /// Without leading and trailing white space (Unicode's White_Space, and U+FEFF), by bytes.
    public var trimmed: String {
        let done: String? = utf8.withContiguousStorageIfAvailable { b -> String in
            let n = b.count
            // The length of the blank starting at i, 0 if none.
            func blank(_ i: Int) -> Int {
                if b[i] == 0xEF, i + 2 < n, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
                return Self.whiteSpaceLength(b, i)
            }
            var start = 0
            while start < n { let k = blank(start); if k == 0 { break }; start += k }
            if start == n { return "" }
            // The end: step back over whole blanks (each 1 to 3 bytes).
            var end = n
            while end > start {
                var k = 0
                for len in 1...3 where end - len >= start && blank(end - len) == len { k = len; break }
                if k == 0 { break }
                end -= k
            }
            if start == 0 && end == n { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
        return done ?? String(decoding: Array(utf8), as: UTF8.self).trimmed
    }
}

extension String {
    /// Lower case, as `lowercased()` gives it. Text of ASCII and Latin-1 letters (all of Danish)
    /// and caseless punctuation is done byte by byte; anything else goes to the standard library,
    /// whose per-scalar Unicode lookups cost some hundred instructions a letter.
    public var lowercasedFast: String { lowercasedLatin1 ?? lowercased() }

    /// `lowercased()` for text of ASCII, Latin-1 and general punctuation (U+2000–U+207F), byte by
    /// byte and in place (every byte where it was, so the text and its lower case line up byte
    /// for byte); nil for any other text.
    public var lowercasedLatin1: String? {
        let done: String?? = utf8.withContiguousStorageIfAvailable { b -> String? in
            var i = 0
            let n = b.count
            var change = false
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c &- 0x41 < 26 { change = true }
                    i += 1
                } else if c == 0xC2, i + 1 < n {
                    i += 2                                  // U+0080–U+00BF: no case
                } else if c == 0xC3, i + 1 < n {
                    let d = b[i + 1]
                    if Self.lowerLatin1(d) != d { change = true }
                    i += 2
                } else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80 || b[i + 1] == 0x81 {
                    i += 3                                  // U+2000–U+207F: punctuation, no capitals
                } else {
                    return nil
                }
            }
            if !change { return self }
            return String(unsafeUninitializedCapacity: n) { out in
                var i = 0
                while i < n {
                    let c = b[i]
                    if c &- 0x41 < 26 {
                        out[i] = c + 0x20
                    } else if c == 0xC3 {
                        out[i] = c
                        i += 1
                        let d = b[i]
                        out[i] = Self.lowerLatin1(d)
                    } else {
                        out[i] = c
                    }
                    i += 1
                }
                return n
            }
        }
        if let done { return done }
        return String(decoding: Array(utf8), as: UTF8.self).lowercasedLatin1
    }

    /// Every kind of white space (tabs, line breaks, non-breaking spaces: Unicode's White_Space)
    /// to one space, with none at either end. Works on the UTF-8 bytes.
    public var collapsedSpace: String {
        let done: String? = utf8.withContiguousStorageIfAvailable { b -> String in
            let n = b.count
            // Fast path (most texts): no white space but single inner spaces.
            var i = 0
            var previousSpace = true
            var clean = true
            while i < n {
                let c = b[i]
                if c == 0x20 {
                    if previousSpace { clean = false; break }
                    previousSpace = true
                    i += 1
                    continue
                }
                previousSpace = false
                if Self.whiteSpaceLength(b, i) > 0 { clean = false; break }
                i += 1
            }
            if clean && (!previousSpace || n == 0) { return self }
            return String(unsafeUninitializedCapacity: n) { out in
                var o = 0
                var pending = false
                var i = 0
                while i < n {
                    let c = b[i]
                    let w = Self.whiteSpaceLength(b, i)
                    if w > 0 {
                        pending = o > 0
                        i += w
                    } else {
                        if pending { out[o] = 0x20; o += 1; pending = false }
                        out[o] = c
                        o += 1
                        i += 1
                    }
                }
                return o
            }
        }
        return done ?? String(decoding: Array(utf8), as: UTF8.self).collapsedSpace
    }

    /// The length in bytes of the white space character (Unicode's White_Space) starting at `i`,
    /// or 0: U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000.
    @inline(__always)
    public static func whiteSpaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = b.count
        switch b[i] {
        case 0x09...0x0D, 0x20:
            return 1
        case 0xC2:
            if i + 1 < n, b[i + 1] == 0x85 || b[i + 1] == 0xA0 { return 2 }
        case 0xE1:
            if i + 2 < n, b[i + 1] == 0x9A, b[i + 2] == 0x80 { return 3 }
        case 0xE2:
            guard i + 2 < n else { return 0 }
            let d = b[i + 1], e = b[i + 2]
            if d == 0x80 && ((0x80...0x8A).contains(e) || e == 0xA8 || e == 0xA9 || e == 0xAF) { return 3 }
            if d == 0x81 && e == 0x9F { return 3 }
        case 0xE3:
            if i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        default: break
        }
        return 0
    }

    /// The second byte of a C3 sequence (U+00C0–U+00FF) in lower case: À–Þ (but ×) to à–þ.
    @inline(__always)
    public static func lowerLatin1(_ d: UInt8) -> UInt8 { d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d }

    /// Whether the UTF-8 bytes of `needle` occur in the string.
    public func containsBytes(_ needle: StaticString) -> Bool {
        let m = needle.utf8CodeUnitCount
        let nb = needle.utf8Start
        let r: Bool? = utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            guard m > 0 else { return true }
            guard n >= m else { return false }
            let first = nb[0]
            var i = 0
            while i + m <= n {
                if b[i] == first {
                    var k = 1
                    while k < m && b[i + k] == nb[k] { k += 1 }
                    if k == m { return true }
                }
                i += 1
            }
            return false
        }
        if let r { return r }
        return String(decoding: Array(utf8), as: UTF8.self).containsBytes(needle)
    }
}

extension Unicode.Scalar {
    /// White space, the non-breaking spaces included.
    public var isBlank: Bool {
        properties.isWhitespace || self == "\u{00A0}" || self == "\u{202F}" || self == "\u{FEFF}"
    }
}

/// A fixed table from UTF-8 byte strings to values, looked up by the bytes where they lie: one
/// FNV-1a hash over them and a `memcmp`, where a `[UInt8]` key needs an array made and hashes
/// byte by byte. For the mapper's word, label and placeholder lookups.
public struct ByteTable<Value: Sendable>: Sendable {
    private let keys: [[UInt8]]
    private let values: [Value]
    /// Open addressing: index + 1 into `keys`, 0 for a free slot.
    private let slots: [Int32]
    private let mask: Int

    /// The first value given for a key wins.
    public init(_ pairs: [([UInt8], Value)]) {
        var keys: [[UInt8]] = [], values: [Value] = []
        var size = 16
        while size < pairs.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for (k, v) in pairs {
            var h = k.withUnsafeBufferPointer { Self.hash($0) } & mask
            var dup = false
            while slots[h] != 0 {
                if keys[Int(slots[h]) - 1] == k { dup = true; break }
                h = (h + 1) & mask
            }
            if dup { continue }
            keys.append(k)
            values.append(v)
            slots[h] = Int32(keys.count)
        }
        self.keys = keys
        self.values = values
        self.slots = slots
        self.mask = mask
    }

    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    public func value(_ b: UnsafeBufferPointer<UInt8>) -> Value? {
        var h = Self.hash(b) & mask
        while true {
            let s = Int(slots[h])
            if s == 0 { return nil }
            let k = keys[s - 1]
            if k.count == b.count && k.withUnsafeBufferPointer({ b.count == 0 || memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }) {
                return values[s - 1]
            }
            h = (h + 1) & mask
        }
    }

    public func value(_ a: [UInt8]) -> Value? { a.withUnsafeBufferPointer { value($0) } }

    public var count: Int { keys.count }
}
