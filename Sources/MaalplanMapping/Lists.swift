import MaalplanModel
import TextScan

/// The items of a list field: one per line or paragraph, typed bullets taken off; the
/// contributing workplaces also split where they are written as one Danish enumeration.
enum Lists {
    static let bullets: Set<Unicode.Scalar> = ["-", "•", "*", "–", "·", "▪", "◦", "➢", "✓", "o"]

    /// A list item without a typed bullet ("- ", "• ", "* ", "o ").
    static func listItem(_ s: String) -> String {
        let c = Array(s.unicodeScalars)
        var i = 0
        while i < c.count && c[i].isBlank { i += 1 }
        guard i + 1 < c.count, bullets.contains(c[i]), c[i + 1].isBlank else { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: c[(i + 1)...])
        return String(out).trimmed
    }

    static func items(_ f: Field, _ lines: [String], rules: MappingRules) -> [String] {
        // Bullets typed inside a line ("Flere deltager • Færre klager", as a table cell in
        // markdown holds them) part it into items too.
        let out = lines.flatMap { line -> [String] in
            let item = listItem(line)
            guard item.contains("•") else { return [item] }
            return item.split(separator: "•").map { String($0).trimmed }
        }.filter { !$0.isEmpty }
        guard f == .contributingWorkplaces else { return out }
        if out.count == 1 { return workplaces(in: out[0], rules: rules) }
        return out.map { withoutFullStop(withoutNumber($0)) }.filter { !$0.isEmpty }
    }

    /// A trailing full stop, comma or semicolon off ("Naturskolen." is "Naturskolen"), not an
    /// abbreviation's dot or an ellipsis.
    static func withoutFullStop(_ s: String) -> String {
        var t = s
        while let last = t.last, last == "," || last == ";" { t.removeLast(); t = t.trimmed }
        guard t.hasSuffix("."), !t.hasSuffix(".."), !t.hasSuffix("…") else { return t }
        let body = t.dropLast()
        // "m.fl." and other dotted abbreviations keep their dot.
        if let lastWord = body.split(separator: " ").last, lastWord.contains(".") { return t }
        return String(body).trimmed
    }

    /// A typed number off a name ("1. Boligsocialt Team", "2) SSP").
    static func withoutNumber(_ s: String) -> String {
        let u = Array(s.unicodeScalars)
        var i = 0
        while i < u.count, i < 2, u[i].value >= 0x30 && u[i].value <= 0x39 { i += 1 }
        guard i > 0, i + 1 < u.count, u[i] == "." || u[i] == ")", u[i + 1] == " " else { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: u[(i + 2)...])
        return String(out).trimmed
    }

    /// Workplaces written on one line: "A, B og C", "A, B samt C", "A og B samt C", "A; B", "A / B".
    ///
    /// Commas, semicolons and " / " separate, not inside parentheses. The enumeration's last
    /// conjunction (the last "samt", else the last "og" of the last comma part) separates too,
    /// and when it is "samt", every "og" before it. An "og" after a hyphen ("Kultur- og
    /// Fritidsafdelingen") belongs to the name; "&" always does ("Vej & Park"). A line with no
    /// comma, semicolon, slash or "samt" is one name ("Børn og Unge", "Kultur og Fritid"). Names
    /// the labels file knows are kept whole, and split from each other wherever an "og" stands
    /// between two of them.
    static func workplaces(in line: String, rules: MappingRules) -> [String] {
        let text = withoutFullStop(withoutNumber(line.collapsedSpace))
        // The parts between commas, semicolons and spaced slashes outside parentheses.
        var parts: [String] = []
        var current = ""
        let chars = Array(text)
        var depth = 0
        for (i, ch) in chars.enumerated() {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) }
            let spacedSlash = ch == "/" && i > 0 && i + 1 < chars.count && chars[i - 1] == " " && chars[i + 1] == " "
            // A comma after a hyphen continues a compound ("Kultur-, Fritids- og Idrætsafdelingen").
            let comma = ch == "," && !current.hasSuffix("-")
            if depth == 0 && (ch == ";" || spacedSlash || comma) {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        let separated = parts.count > 1
        // ", og C" and ", samt C": the conjunction after the comma goes.
        parts = parts.map { p in
            var t = p.trimmed
            for word in ["og ", "samt "] where t.hasPrefix(word) && separated { t = String(t.dropFirst(word.count)).trimmed }
            return t
        }.filter { !$0.isEmpty }
        guard var last = parts.popLast() else { return [] }
        let samts = conjunctions(in: last, word: "samt")
        var tail: [String] = []
        if let samt = samts.last {
            let (before, after) = split(last, at: samt, word: "samt")
            tail = [after]
            last = before
            // Every "og" before the "samt" separates ("A og B samt C"), one after a hyphen excepted.
            parts += splitAtEveryOg(last, rules: rules)
        } else if separated, !rules.isKnownWorkplace(last), knownSplit(last, rules: rules) == nil,
                  let og = conjunctions(in: last, word: "og").last {
            let (a, b) = split(last, at: og, word: "og")
            parts += [a, b]
        } else {
            parts.append(last)
        }
        // Known names joined by "og" are two.
        return (parts + tail).flatMap { knownSplit($0, rules: rules) ?? [$0] }.map(\.trimmed).filter { !$0.isEmpty }
    }

    /// A text split at every "og" (not one after a hyphen) — the names the labels file knows kept whole.
    static func splitAtEveryOg(_ text: String, rules: MappingRules) -> [String] {
        if rules.isKnownWorkplace(text) { return [text] }
        if let known = knownSplit(text, rules: rules) { return known }
        var pieces: [String] = []
        var rest = text
        while let og = conjunctions(in: rest, word: "og").first {
            let (a, b) = split(rest, at: og, word: "og")
            pieces.append(a)
            rest = b
        }
        return pieces + [rest]
    }

    /// "A og B" as two names when the labels file names both (also when each contains "og"
    /// itself: "Børn og Unge og Kultur og Fritid"); nil when no "og" of the text parts two known names.
    static func knownSplit(_ text: String, rules: MappingRules) -> [String]? {
        guard !rules.workplaces.isEmpty, !rules.isKnownWorkplace(text) else { return nil }
        for og in conjunctions(in: text, word: "og") {
            let (a, b) = split(text, at: og, word: "og")
            guard rules.isKnownWorkplace(a) else { continue }
            if rules.isKnownWorkplace(b) { return [a, b] }
            if let more = knownSplit(b, rules: rules) { return [a] + more }
        }
        return nil
    }

    /// Where " WORD " stands in a text as a conjunction: not after a hyphen ("Kultur- og ...").
    static func conjunctions(in text: String, word: String) -> [String.Index] {
        var found: [String.Index] = []
        let needle = " " + word + " "
        var from = text.startIndex
        while let r = text[from...].range(of: needle) {
            let before = text[..<r.lowerBound]
            if !before.hasSuffix("-") { found.append(r.lowerBound) }
            from = text.index(after: r.lowerBound)
        }
        return found
    }

    static func split(_ text: String, at i: String.Index, word: String) -> (String, String) {
        let after = text.index(i, offsetBy: word.count + 2)
        return (String(text[..<i]).trimmed, String(text[after...]).trimmed)
    }
}

private extension Substring {
    func range(of needle: String) -> Range<String.Index>? {
        guard let first = needle.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first, self[i...].hasPrefix(needle) {
                return i..<self.index(i, offsetBy: needle.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
