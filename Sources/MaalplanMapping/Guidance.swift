import MaalplanModel
import TextScan

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
    static let stream: [[String]] = paragraphs.map(\.words)
    /// Every word of the guidance: a line whose first word is not among them is no guidance.
    static let vocabulary: Set<String> = Set(stream.joined())
    /// The guidance words numbered, the paragraphs as numbers, and where each number occurs.
    static let wordID: [String: Int32] = Dictionary(uniqueKeysWithValues: vocabulary.sorted().enumerated().map { ($1, Int32($0)) })
    /// The guidance words looked up by a text's words (lower case).
    static let vocabularyTable = KeyTable(wordID.map { ($0.key, $0.value) }, rule: KeyRule())
    static let streamIDs: [[Int32]] = stream.map { $0.map { wordID[$0]! } }
    static let occurrences: [[(paragraph: Int, position: Int)]] = {
        var occ = [[(paragraph: Int, position: Int)]](repeating: [], count: wordID.count)
        for (g, ids) in streamIDs.enumerated() { for (i, id) in ids.enumerated() { occ[Int(id)].append((g, i)) } }
        return occ
    }()

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
        let (ids, total) = vocabularyTable.leadingWordValues(of: text)
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

    /// Placeholders looked up by their key: lower case, white space collapsed, trailing full stops
    /// and ellipses left out.
    static let placeholderTable = KeyTable(placeholders.map { ($0, true) }, rule: KeyRule(dropsTrailingDots: true))

    /// Whether a text is only a placeholder.
    public static func isPlaceholder(_ text: String) -> Bool {
        // The longest placeholder is 44 bytes; a longer text is one only with much white space or many dots.
        guard text.utf8.count <= 160 else { return false }
        return placeholderTable.value(for: text) != nil
    }
}
