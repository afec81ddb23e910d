import MaalplanModel
import TextScan

/// The template's guidance text (data/labels.txt, [guidance]): the template's words, not the
/// plan's. Paragraphs made only of it are removed wherever they stand in a cell: whole, partly
/// deleted, or re-typed with other spacing; a guidance sentence that opens a paragraph is cut off
/// and the answer after it kept.
public struct Guidance: Sendable {
    /// Each paragraph's words, as numbers.
    let streamIDs: [[Int32]]
    /// The guidance words looked up by a text's words (lower case), to their numbers.
    let vocabularyTable: KeyTable<Int32>
    /// Where each word number occurs: (paragraph, position).
    let occurrences: [[(paragraph: Int, position: Int)]]

    init(paragraphs: [String]) {
        let stream = paragraphs.map(\.words)
        let vocabulary = Set(stream.joined())
        let wordID = Dictionary(uniqueKeysWithValues: vocabulary.sorted().enumerated().map { ($1, Int32($0)) })
        vocabularyTable = KeyTable(wordID.map { ($0.key, $0.value) }, rule: KeyRule())
        streamIDs = stream.map { $0.map { wordID[$0]! } }
        var occ = [[(paragraph: Int, position: Int)]](repeating: [], count: wordID.count)
        for (g, ids) in streamIDs.enumerated() { for (i, id) in ids.enumerated() { occ[Int(id)].append((g, i)) } }
        occurrences = occ
    }

    /// True when the words (by number) occur contiguously inside one guidance paragraph.
    func isFragment(_ w: ArraySlice<Int32>) -> Bool {
        guard let first = w.first else { return false }
        for (g, i) in occurrences[Int(first)] where i + w.count <= streamIDs[g].count {
            if streamIDs[g][i..<(i + w.count)].elementsEqual(w) { return true }
        }
        return false
    }

    public enum Match: Equatable { case none, whole, prefix(String) }

    /// Whether a paragraph is guidance: all of it (also a fragment of at least three words,
    /// or a shorter one that is a whole guidance question), or a guidance opening followed by an answer.
    public func match(_ text: String) -> Match {
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
                if let rest = Self.remainder(of: text, afterWords: n) { return .prefix(rest) }
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
}
