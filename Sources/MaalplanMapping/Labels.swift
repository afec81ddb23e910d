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
        guard text.utf8.count <= 240, text.count <= 60 else { return nil }
        return table[fold(text)]
    }

    /// Folds a label for comparison.
    public static func fold(_ s: String) -> String {
        var t = s.nfc.lowercasedFast
        // Soft hyphens and zero-width spaces (C2 AD, E2 80 8B) out.
        if t.containsBytes("\u{00AD}") || t.containsBytes("\u{200B}") {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: t.unicodeScalars.lazy.filter { $0 != "\u{00AD}" && $0 != "\u{200B}" })
            t = String(v)
        }
        if t.utf8.contains(0x26) { t = t.replacing("&", with: " og ") }
        t = t.collapsedSpace
        // A trailing colon, and a trailing parenthesis like "(afdelingschef)".
        while true {
            if t.hasSuffix(":") { t.removeLast(); t = t.collapsedSpace; continue }
            if t.hasSuffix(")"), let open = t.lastIndex(of: "("), open != t.startIndex {
                t = String(t[..<open]).collapsedSpace; continue
            }
            break
        }
        return t
    }

    /// Every kind of white space (tabs, non-breaking spaces, line breaks) to one space, trimmed.
    public static func collapseSpace(_ s: String) -> String { s.collapsedSpace }

    /// Sheet headings of the 2024 layout: "FØR", "UNDER – udviklingsdage del 1", ... (dash and spacing vary).
    public static func sheet(_ text: String) -> (Int, String)? {
        guard text.utf8.count <= 240, text.count <= 60 else { return nil }
        var t = fold(text)
        if t.containsBytes("–") { t = t.replacing("–", with: "-") }
        if t.containsBytes("—") { t = t.replacing("—", with: "-") }
        let squeezed = t.utf8.contains(0x20) ? t.replacing(" ", with: "") : t
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
