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
        let out = lines.map(listItem).filter { !$0.isEmpty }
        guard f == .contributingWorkplaces else { return out }
        if out.count == 1 { return workplaces(in: out[0], rules: rules) }
        return out.map(withoutFullStop).filter { !$0.isEmpty }
    }

    /// A trailing full stop off ("Naturskolen." is "Naturskolen"), not an abbreviation's or an ellipsis.
    static func withoutFullStop(_ s: String) -> String {
        guard s.hasSuffix("."), !s.hasSuffix(".."), !s.hasSuffix("…") else { return s }
        let body = s.dropLast()
        // "Afd. A/S." keeps nothing special; "m.fl." and other dotted abbreviations keep their dot.
        if let lastWord = body.split(separator: " ").last, lastWord.contains(".") { return s }
        return String(body).trimmed
    }

    /// Workplaces written on one line: "A, B og C", "A, B samt C", "A og B samt C", "A; B", "A / B".
    ///
    /// Commas, semicolons and " / " always separate. The enumeration's last conjunction (the last
    /// "samt", else the last "og" of the last comma part) separates too, and when it is "samt",
    /// every "og" before it. An "og" after a hyphen ("Kultur- og Fritidsafdelingen") belongs to
    /// the name; "&" always does ("Vej & Park"). A line with no comma, semicolon, slash or
    /// "samt" is one name ("Børn og Unge", "Kultur og Fritid"), unless it is "A og B" and the
    /// labels file names both A and B as workplaces.
    static func workplaces(in line: String, rules: MappingRules) -> [String] {
        let text = withoutFullStop(line.collapsedSpace)
        // The parts between commas, semicolons and spaced slashes, an "og" after a hyphen kept.
        var parts: [String] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        var separated = false
        while i < chars.count {
            let ch = chars[i]
            let spacedSlash = ch == "/" && i > 0 && i + 1 < chars.count && chars[i - 1] == " " && chars[i + 1] == " "
            // A comma after a hyphen continues a compound ("Kultur-, Fritids- og Idrætsafdelingen").
            let comma = ch == "," && !(current.hasSuffix("-"))
            if ch == ";" || spacedSlash || comma {
                parts.append(current)
                current = ""
                separated = true
            } else {
                current.append(ch)
            }
            i += 1
        }
        parts.append(current)
        parts = parts.map(\.trimmed).filter { !$0.isEmpty }

        let hasSamt = parts.last.map { conjunctions(in: $0, word: "samt").count > 0 } ?? false
        if !separated && !hasSamt {
            // "A og B": two only when both are known workplaces.
            let ogs = conjunctions(in: text, word: "og")
            if ogs.count == 1 {
                let (a, b) = split(text, at: ogs[0], word: "og")
                if rules.isKnownWorkplace(a) && rules.isKnownWorkplace(b) { return [a, b] }
            }
            return text.isEmpty ? [] : [text]
        }
        guard var last = parts.popLast() else { return [] }
        var tail: [String] = []
        if hasSamt {
            let samts = conjunctions(in: last, word: "samt")
            let (before, after) = split(last, at: samts.last!, word: "samt")
            tail = [after]
            last = before
            // Every "og" before the "samt" separates ("A og B samt C"), one after a hyphen excepted.
            var pieces: [String] = []
            var rest = last
            while let og = conjunctions(in: rest, word: "og").first {
                let (a, b) = split(rest, at: og, word: "og")
                pieces.append(a)
                rest = b
            }
            pieces.append(rest)
            parts += pieces
        } else if let og = conjunctions(in: last, word: "og").last, !rules.isKnownWorkplace(last) {
            let (a, b) = split(last, at: og, word: "og")
            parts += [a, b]
        } else {
            parts.append(last)
        }
        return (parts + tail).map(\.trimmed).filter { !$0.isEmpty }
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
