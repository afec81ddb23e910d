import MaalplanModel

/// The 2025 template's guidance text (seed 000): the template's words, not the plan's.
/// Paragraphs made only of it are removed wherever they stand in a cell: whole,
/// partly deleted, or re-typed with other spacing; a guidance sentence that opens a
/// paragraph is cut off and the answer after it kept.
public enum Guidance {
    static let paragraphs: [String] = [
        "Hvilke tegn vil I anvende for at se, om I nærmer jer målet?",
        "Tegn angiver, om der sker de forandringer hos målgruppen, der tilsammen kan indfri målet. Tegn er dermed de trædesten, der viser, om vores prøvehandlinger har den ønskede effekt. Tegn kan både være kvalitative og kvantitative.",
        "Hvilken prøvehandling vil I igangsætte for at indfri målet?",
        "Prøvehandling indikerer forventningen om, at der afprøves nye handlinger og nye veje for at indfri målet. Prøvehandlingen kan udføres på tværs af arbejdspladser og afdelinger og sammen med borgere, foreninger og virksomheder.",
        "Hvordan ser jeres milepælsplan ud med fokus på følgende nedslag:",
        "1. Hvornår opstartes den enkelte prøvehandling?",
        "2. Hvor lang tid skal I bruge på at indfri målet?",
        "3. Beskrive løbende milepæle?",
        "3. Hvornår undervejs i forløbet vil I udarbejde en foreløbig evaluering på jeres arbejde med at indfri målet?",
        "4. Hvornår forventer I at foretage den endelige evaluering af prøvehandlinger?",
        "Hvad er resultatet af jeres evalueringer undervejs samt ved afslutning af jeres prøvehandlinger?",
        "I skal evaluere hvilken effekt og værdi som målgruppen har fået som følge af jeres prøvehandlinger undervejs og ved afslutning af jeres prøvehandlinger",
        "Hvilken læring har I fået undervejs og til sidst?",
        "Her noteres hvilke nye indsigter og læringer I har fået undervejs og til slut i arbejdet og på denne baggrund, hvordan vil I gøre brug af denne læring fremadrettet, fx i forhold til vurdering af, om prøvehandlingen skal fortsætte eller slutte",
    ]

    /// Placeholder texts of content controls and typed stand-ins of the same kind.
    static let placeholderBytes = ByteTable(placeholders.map { (Array($0.utf8), true) })
    static let placeholders: Set<String> = [
        "klik eller tryk her for at angive tekst", "klik her for at angive tekst", "klik eller tryk for at angive en dato",
        "klik eller tryk her for at skrive tekst", "vælg et element", "angiv tekst",
        "click or tap here to enter text", "click here to enter text", "click or tap to enter a date", "choose an item",
        "skriv her", "skriv tekst her", "indsæt tekst her", "tekst",
    ]

    /// Guidance as one stream of words, each paragraph's words in order.
    static let stream: [[String]] = paragraphs.map(words)
    /// Every word of the guidance: a line whose first word is not among them is no guidance.
    static let vocabulary: Set<String> = Set(stream.joined())
    /// The guidance words numbered, the paragraphs as numbers, and where each number occurs.
    static let wordID: [String: Int32] = Dictionary(uniqueKeysWithValues: vocabulary.sorted().enumerated().map { ($1, Int32($0)) })
    /// The same keyed by UTF-8 bytes (hashed without Unicode normalisation).
    static let wordIDBytes = ByteTable(wordID.map { (Array($0.key.utf8), $0.value) })
    static let streamIDs: [[Int32]] = stream.map { $0.map { wordID[$0]! } }
    static let occurrences: [[(paragraph: Int, position: Int)]] = {
        var occ = [[(paragraph: Int, position: Int)]](repeating: [], count: wordID.count)
        for (g, ids) in streamIDs.enumerated() { for (i, id) in ids.enumerated() { occ[Int(id)].append((g, i)) } }
        return occ
    }()

    /// Letters and digits, lower case, NFC: the words a comparison sees.
    static func words(_ s: String) -> [String] {
        let t = s.nfc.lowercasedFast
        let fast: [String]?? = t.utf8.withContiguousStorageIfAvailable { b in
            latinWordRanges(b)?.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) }
        }
        return (fast ?? nil) ?? wordsByScalars(t)
    }

    /// The words of text in ASCII and Latin-1 (and general punctuation, which only separates), as
    /// ranges of its UTF-8 bytes: runs of letters and digits by `wordsByScalars`'s rule, read from
    /// the bytes; nil for text with any other character.
    static func latinWordRanges(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var out: [Range<Int>] = []
        var start = -1
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            var len = 1
            let isWord: Bool
            if c < 0x80 {
                isWord = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A)
            } else if (c == 0xC2 || c == 0xC3) && i + 1 < n {
                let v = (UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F)    // U+0080–U+00FF
                len = 2
                isWord = v == 0xAA || v == 0xB5 || v == 0xBA || v == 0xB2 || v == 0xB3 || v == 0xB9
                    || (v >= 0xBC && v <= 0xBE) || (v >= 0xC0 && v != 0xD7 && v != 0xF7)
            } else if c == 0xE2 && i + 2 < n && (b[i + 1] == 0x80 || (b[i + 1] == 0x81 && b[i + 2] < 0xB0)) {
                len = 3                          // U+2000–U+206F: punctuation, no letters or digits
                isWord = false
            } else {
                return nil
            }
            if isWord {
                if start < 0 { start = i }
            } else if start >= 0 {
                out.append(start..<i)
                start = -1
            }
            i += len
        }
        if start >= 0 { out.append(start..<n) }
        return out
    }

    /// `words` scalar by scalar through the Unicode properties, for any (lower-case) text.
    static func wordsByScalars(_ t: String) -> [String] {
        var out: [String] = []
        var cur = String.UnicodeScalarView()
        for u in t.unicodeScalars {
            let v = u.value
            let wordScalar = (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
                || (v >= 0x80 && (u.properties.isAlphabetic || u.properties.numericType != nil))
            if wordScalar {
                cur.append(u)
            } else if !cur.isEmpty {
                out.append(String(cur))
                cur = String.UnicodeScalarView()
            }
        }
        if !cur.isEmpty { out.append(String(cur)) }
        return out
    }

    /// `words` as numbers up to the first word that is no guidance word, and the number of
    /// all words, in one pass over the bytes: each word lower-cased into a small buffer and
    /// looked up there, no string made; nil for text beyond ASCII and Latin-1 (then `words`
    /// does it). Words are found on the text as it is: lower-casing Latin-1 moves no boundary.
    static func leadingWordIDs(_ s: String) -> (ids: [Int32], total: Int)? {
        var s = s
        return s.withUTF8 { b -> (ids: [Int32], total: Int)? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxWordBytes) { word -> (ids: [Int32], total: Int)? in
                var ids: [Int32] = []
                var total = 0
                var looking = true          // every word so far is a guidance word
                var length = 0              // bytes of the current word in `word`; -1: longer than any guidance word
                var inWord = false
                func endWord() {
                    total += 1
                    if looking {
                        if length >= 0, let id = wordIDBytes.value(UnsafeBufferPointer(rebasing: word[0..<length])) {
                            ids.append(id)
                        } else {
                            looking = false
                        }
                    }
                    length = 0
                }
                func put(_ x: UInt8) {
                    if length < 0 { return }
                    if length == maxWordBytes { length = -1; return }
                    word[length] = x
                    length += 1
                }
                let n = b.count
                var i = 0
                while i < n {
                    let c = b[i]
                    let isWord: Bool
                    if c < 0x80 {
                        isWord = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A)
                        if isWord && looking { put(c &- 0x41 < 26 ? c + 0x20 : c) }
                        i += 1
                    } else if (c == 0xC2 || c == 0xC3) && i + 1 < n {
                        let d = b[i + 1]
                        let v = (UInt32(c & 0x1F) << 6) | UInt32(d & 0x3F)    // U+0080–U+00FF
                        isWord = v == 0xAA || v == 0xB5 || v == 0xBA || v == 0xB2 || v == 0xB3 || v == 0xB9
                            || (v >= 0xBC && v <= 0xBE) || (v >= 0xC0 && v != 0xD7 && v != 0xF7)
                        if isWord && looking { put(c); put(c == 0xC3 ? String.lowerLatin1(d) : d) }
                        i += 2
                    } else if c == 0xE2 && i + 2 < n && (b[i + 1] == 0x80 || (b[i + 1] == 0x81 && b[i + 2] < 0xB0)) {
                        isWord = false              // U+2000–U+206F: punctuation, no letters or digits
                        i += 3
                    } else {
                        return nil
                    }
                    if isWord {
                        inWord = true
                    } else if inWord {
                        endWord()
                        inWord = false
                    }
                }
                if inWord { endWord() }
                return (ids, total)
            }
        }
    }

    /// The longest guidance word in UTF-8 bytes, and then some: a longer word is none of them.
    static let maxWordBytes = 64

    /// True when the words (by number) occur contiguously inside one guidance paragraph.
    static func isFragment(_ w: ArraySlice<Int32>) -> Bool {
        guard let first = w.first else { return false }
        for (g, i) in occurrences[Int(first)] where i + w.count <= streamIDs[g].count {
            if streamIDs[g][i..<(i + w.count)].elementsEqual(w) { return true }
        }
        return false
    }

    public enum Match: Equatable { case none, whole, prefix(String) }

    /// Whether a paragraph is guidance: all of it (also a fragment of at least three words,
    /// or a shorter one that is a whole guidance question), or a guidance opening followed by an answer.
    public static func match(_ text: String) -> Match {
        // The numbers of the leading words that are guidance words (a fragment has no other), and
        // how many words there are.
        var ids: [Int32] = []
        let total: Int
        if let r = leadingWordIDs(text) {
            (ids, total) = r
        } else {
            let w = words(text)
            for x in w { guard let id = wordID[x] else { break }; ids.append(id) }
            total = w.count
        }
        if ids.isEmpty { return .none }
        if ids.count == total && isFragment(ids[...]) {
            // Short fragments ("målet", "tegn") could be answers; count them only when they are whole items.
            if total >= 3 || streamIDs.contains(where: { $0 == ids }) { return .whole }
            return .none
        }
        // The longest guidance opening, ending at a sentence end in the original text.
        // (Every prefix of a fragment is one: when the first four words are not, no longer prefix is.)
        guard total > 4, ids.count >= 4, isFragment(ids[0..<4]) else { return .none }
        var n = min(total - 1, ids.count)
        while n >= 4 {
            if isFragment(ids[0..<n]) {
                if let rest = remainder(of: text, afterWords: n) { return .prefix(rest) }
            }
            n -= 1
        }
        return .none
    }

    /// The original text after its first `n` words, when those end a sentence (".", "?", ":").
    static func remainder(of text: String, afterWords n: Int) -> String? {
        var count = 0
        var inWord = false
        var idx = text.startIndex
        while idx < text.endIndex {
            let ch = text[idx]
            let isW = ch.isLetter || ch.isNumber
            if isW && !inWord { count += 1 }
            inWord = isW
            if !isW && count == n { break }
            idx = text.index(after: idx)
        }
        let rest = text[idx...]
        let trimmed = rest.drop { $0 == " " || $0 == "\u{00A0}" }
        guard let first = trimmed.first, "?.:".contains(first) else { return nil }
        let answer = String(trimmed.dropFirst()).trimmed
        return answer.isEmpty ? nil : answer
    }

    public static func isPlaceholder(_ text: String) -> Bool {
        // The longest placeholder is 44 bytes; a longer text is one only with much white space or many dots.
        guard text.utf8.count <= 160 else { return false }
        if let fast = isPlaceholderFast(text) { return fast }
        return isPlaceholderSlow(text)
    }

    /// Lower case, white space collapsed, trailing full stops and ellipses ("…": E2 80 A6) off,
    /// then looked up: as the text's `lowercasedFast.collapsedSpace`, by strings.
    static func isPlaceholderSlow(_ text: String) -> Bool {
        let t = Array(text.lowercasedFast.collapsedSpace.utf8)
        return t.withUnsafeBufferPointer { placeholderBytes.value(UnsafeBufferPointer(rebasing: $0[0..<lengthWithoutDots($0)])) != nil }
    }

    /// The length of UTF-8 text without its trailing full stops and ellipses ("…": E2 80 A6).
    private static func lengthWithoutDots(_ t: UnsafeBufferPointer<UInt8>) -> Int {
        var o = t.count
        while true {
            if o > 0 && t[o - 1] == 0x2E { o -= 1 }
            else if o >= 3, t[o - 3] == 0xE2, t[o - 2] == 0x80, t[o - 1] == 0xA6 { o -= 3 }
            else { return o }
        }
    }

    /// `isPlaceholderSlow` in one pass over the bytes into a small buffer, for text of ASCII,
    /// Latin-1 and general punctuation (where `lowercasedFast` changes bytes in place); nil otherwise.
    static func isPlaceholderFast(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { b -> Bool? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b.count + 1) { out -> Bool? in
                var o = 0
                var pending = false
                let n = b.count
                var i = 0
                while i < n {
                    let w = String.whiteSpaceLength(b, i)
                    if w > 0 {
                        pending = o > 0
                        i += w
                        continue
                    }
                    if pending { out[o] = 0x20; o += 1; pending = false }
                    let c = b[i]
                    if c < 0x80 {
                        out[o] = c &- 0x41 < 26 ? c + 0x20 : c
                        o += 1
                        i += 1
                    } else if (c == 0xC2 || c == 0xC3) && i + 1 < n {
                        out[o] = c
                        out[o + 1] = c == 0xC3 ? String.lowerLatin1(b[i + 1]) : b[i + 1]
                        o += 2
                        i += 2
                    } else if c == 0xE2 && i + 2 < n && (b[i + 1] == 0x80 || b[i + 1] == 0x81) {
                        out[o] = c
                        out[o + 1] = b[i + 1]
                        out[o + 2] = b[i + 2]
                        o += 3
                        i += 3
                    } else {
                        return nil
                    }
                }
                let folded = UnsafeBufferPointer(rebasing: out[0..<o])
                return placeholderBytes.value(UnsafeBufferPointer(rebasing: folded[0..<lengthWithoutDots(folded)])) != nil
            }
        }
    }
}
