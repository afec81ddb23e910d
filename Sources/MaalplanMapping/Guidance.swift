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

    /// Letters and digits, lower case, NFC: the words a comparison sees.
    static func words(_ s: String) -> [String] {
        let t = s.nfc.lowercasedFast
        let fast: [String]? = t.utf8.withContiguousStorageIfAvailable { b -> [String]? in
            // ASCII and Latin-1 by their bytes; anything else by the Unicode properties below.
            var out: [String] = []
            var start = -1
            var i = 0
            let n = b.count
            func end(_ at: Int) {
                if start >= 0 { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<at]), as: UTF8.self)) }
                start = -1
            }
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
                } else {
                    return nil
                }
                if isWord {
                    if start < 0 { start = i }
                } else {
                    end(i)
                }
                i += len
            }
            end(n)
            return out
        } ?? nil
        if let fast { return fast }
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

    /// True when the words occur contiguously inside one guidance paragraph.
    static func isFragment(_ w: ArraySlice<String>) -> Bool {
        guard !w.isEmpty else { return false }
        for g in stream where g.count >= w.count {
            var i = 0
            while i + w.count <= g.count {
                if g[i] == w.first!, g[i..<(i + w.count)].elementsEqual(w) { return true }
                i += 1
            }
        }
        return false
    }

    public enum Match: Equatable { case none, whole, prefix(String) }

    /// Whether a paragraph is guidance: all of it (also a fragment of at least three words,
    /// or a shorter one that is a whole guidance question), or a guidance opening followed by an answer.
    public static func match(_ text: String) -> Match {
        let w = words(text)
        if w.isEmpty || !vocabulary.contains(w[0]) { return .none }
        if isFragment(w[...]) {
            // Short fragments ("målet", "tegn") could be answers; count them only when they are whole items.
            if w.count >= 3 || stream.contains(where: { $0 == w }) { return .whole }
            return .none
        }
        // The longest guidance opening, ending at a sentence end in the original text.
        // (Every prefix of a fragment is one: when the first four words are not, no longer prefix is.)
        if w.count > 4 && !isFragment(w[0..<4]) { return .none }
        var n = w.count - 1
        while n >= 4 {
            if isFragment(w[0..<n]) {
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
        var t = text.lowercasedFast.collapsedSpace
        while let l = t.last, l == "." || l == "…" { t.removeLast() }
        return placeholders.contains(t)
    }
}
