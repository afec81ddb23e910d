import MaalplanModel

/// The fields a label can name.
public enum FieldKind: String, Sendable, CaseIterable {
    // Plan level (FØR)
    case owner, coordinator, contributingWorkplaces
    // Goal level
    case goal, targetGroup, objective, policy, challenge
    case signs, trialActions, milestones, evaluation, learning

    public var isGoalField: Bool {
        switch self {
        case .owner, .coordinator, .contributingWorkplaces: return false
        default: return true
        }
    }

    public var isList: Bool {
        switch self {
        case .contributingWorkplaces, .signs, .trialActions, .milestones: return true
        default: return false
        }
    }

    /// The key of the field in the JSON contract (targetGroup and policy join goal and objective).
    public var jsonKey: String {
        switch self {
        case .targetGroup: return "goal"
        case .policy: return "objective"
        default: return rawValue
        }
    }
}

/// The one table of labels and their synonyms. Keys are folded with `Labels.fold`:
/// lower case, NFC, white space (non-breaking too) folded, soft hyphens dropped,
/// "&" read as "og", a trailing colon and a trailing parenthesis ignored.
public enum Labels {
    static let table: [String: FieldKind] = {
        let synonyms: [FieldKind: [String]] = [
            .owner: ["ejer", "ejere", "afdelingschef", "ejer/afdelingschef", "ejer / afdelingschef", "målejer"],
            .coordinator: ["tovholder", "tovholdere", "tovholder(e)"],
            .contributingWorkplaces: ["bidragende arbejdspladser", "bidragende arbejdsplads", "bidragende enheder",
                                      "bidragende afdelinger", "arbejdspladser"],
            .goal: ["mål og målgruppe", "mål og målgrupper", "mål", "målet", "mål og målgruppe(r)"],
            .targetGroup: ["målgruppe", "målgrupper", "målgruppen"],
            .objective: ["målsætning og politik", "målsætninger og politikker", "målsætning og politikker",
                         "målsætninger og politik", "målsætning", "målsætninger", "politisk målsætning"],
            .policy: ["politik", "politikker"],
            .challenge: ["udfordring", "udfordringer", "udfordringen"],
            .signs: ["tegn"],
            .trialActions: ["prøvehandling", "prøvehandlinger", "prøvehandlingerne", "prøvehandling(er)"],
            .milestones: ["milepælsplan", "milepælsplaner", "milepæle", "milepæl", "milepælene"],
            .evaluation: ["evaluering", "evalueringer", "evalueringen"],
            .learning: ["læring", "læringer", "læringen"],
        ]
        var t: [String: FieldKind] = [:]
        for (k, words) in synonyms { for w in words { t[fold(w)] = k } }
        return t
    }()

    /// The field a cell's text names, if it is a label.
    public static func field(_ text: String) -> FieldKind? {
        guard text.count <= 60 else { return nil }
        return table[fold(text)]
    }

    /// Folds a label for comparison.
    public static func fold(_ s: String) -> String {
        var t = s.nfc.lowercased()
        t = String(t.unicodeScalars.filter { $0 != "\u{00AD}" && $0 != "\u{200B}" }.map(Character.init))
        if t.contains("&") { t = t.replacing("&", with: " og ") }
        t = collapseSpace(t)
        // A trailing colon, and a trailing parenthesis like "(afdelingschef)".
        while true {
            if t.hasSuffix(":") { t.removeLast(); t = collapseSpace(t); continue }
            if t.hasSuffix(")"), let open = t.lastIndex(of: "("), open != t.startIndex {
                t = collapseSpace(String(t[..<open])); continue
            }
            break
        }
        return t
    }

    /// Every kind of white space (tabs, non-breaking spaces, line breaks) to one space, trimmed.
    public static func collapseSpace(_ s: String) -> String {
        // Fast path (most texts): no white space but single inner spaces, nothing to do.
        if !s.isEmpty && !needsCollapsing(s) { return s }
        // White space by Unicode scalar (Character.isWhitespace asks the same of a character's first scalar).
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace || u == "\u{00A0}" || u == "\u{202F}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(u)
            }
        }
        return String(out)
    }

    /// True when `s` has white space other than single spaces between words: leading or trailing
    /// spaces, two in a row, or any other white space (tabs, line breaks, U+0085, U+00A0, U+1680,
    /// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), read from the UTF-8 bytes.
    static func needsCollapsing(_ s: String) -> Bool {
        func scan(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
            var previousSpace = true
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c == 0x20 {
                    if previousSpace { return true }
                    previousSpace = true
                    i += 1
                    continue
                }
                previousSpace = false
                if c < 0x20 || c == 0x7F { return true }
                if c == 0xC2, i + 1 < n, b[i + 1] == 0x85 || b[i + 1] == 0xA0 { return true }
                if c == 0xE1, i + 2 < n, b[i + 1] == 0x9A, b[i + 2] == 0x80 { return true }
                if c == 0xE2, i + 2 < n {
                    let d = b[i + 1], e = b[i + 2]
                    if d == 0x80 && ((0x80...0x8A).contains(e) || e == 0xA8 || e == 0xA9 || e == 0xAF) { return true }
                    if d == 0x81 && e == 0x9F { return true }
                }
                if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return true }
                i += 1
            }
            return previousSpace
        }
        if let r = s.utf8.withContiguousStorageIfAvailable(scan) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(scan)
    }

    /// Sheet headings of the 2024 layout: "FØR", "UNDER – udviklingsdage del 1", ... (dash and spacing vary).
    public static func sheet(_ text: String) -> (Int, String)? {
        guard text.count <= 60 else { return nil }
        let t = fold(text).replacing("–", with: "-").replacing("—", with: "-")
        let squeezed = t.replacing(" ", with: "")
        if squeezed == "før" || squeezed == "foer" || squeezed == "før-ark" || squeezed == "arkfør" { return (0, "FØR") }
        if squeezed == "efter" || squeezed == "efter-ark" || squeezed == "arkefter" { return (3, "EFTER") }
        if squeezed.hasPrefix("under") {
            let rest = squeezed.dropFirst(5)
            if rest.hasSuffix("del1") || rest == "1" || rest == "-1" || rest.hasSuffix("dag1") { return (1, "UNDER – udviklingsdage del 1") }
            if rest.hasSuffix("del2") || rest == "2" || rest == "-2" || rest.hasSuffix("dag2") { return (2, "UNDER – udviklingsdage del 2") }
        }
        return nil
    }
}
