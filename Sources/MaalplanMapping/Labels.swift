import MaalplanModel
import TextScan

/// What a label names: a field, or (`addsToField`) a second half of one that the template joins
/// in one label, "Målgruppe" of "Mål & målgruppe", "Politik" of "Målsætning & politik": its text
/// is added to the field's.
public struct Label: Hashable, Sendable {
    public var field: Field
    public var addsToField: Bool

    public init(_ field: Field, addsToField: Bool = false) {
        self.field = field
        self.addsToField = addsToField
    }
}

/// The one table of labels and their synonyms, looked up by `Labels.rule`'s key: lower case, NFC,
/// white space (non-breaking too) collapsed, soft hyphens dropped, "&" read as "og", a trailing
/// colon and a trailing parenthesis ("(afdelingschef)") ignored.
public enum Labels {
    static let rule = KeyRule(dropsInvisible: true, ampersand: "og", dropsTrailingColonAndParenthesis: true)

    static let table: KeyTable<Label> = {
        let synonyms: [Label: [String]] = [
            Label(.owner): ["ejer", "ejere", "afdelingschef", "ejer/afdelingschef", "ejer / afdelingschef", "målejer"],
            Label(.coordinator): ["tovholder", "tovholdere", "tovholder(e)"],
            Label(.contributingWorkplaces): ["bidragende arbejdspladser", "bidragende arbejdsplads", "bidragende enheder",
                                      "bidragende afdelinger", "arbejdspladser"],
            Label(.goal): ["mål og målgruppe", "mål og målgrupper", "mål", "målet", "mål og målgruppe(r)"],
            Label(.goal, addsToField: true): ["målgruppe", "målgrupper", "målgruppen"],
            Label(.objective): ["målsætning og politik", "målsætninger og politikker", "målsætning og politikker",
                         "målsætninger og politik", "målsætning", "målsætninger", "politisk målsætning"],
            Label(.objective, addsToField: true): ["politik", "politikker"],
            Label(.challenge): ["udfordring", "udfordringer", "udfordringen"],
            Label(.signs): ["tegn"],
            Label(.trialActions): ["prøvehandling", "prøvehandlinger", "prøvehandlingerne", "prøvehandling(er)"],
            Label(.milestones): ["milepælsplan", "milepælsplaner", "milepæle", "milepæl", "milepælene"],
            Label(.evaluation): ["evaluering", "evalueringer", "evalueringen"],
            Label(.learning): ["læring", "læringer", "læringen"],
        ]
        return KeyTable(synonyms.flatMap { label, words in words.map { ($0, label) } }, rule: rule)
    }()

    /// What a cell's text names, if it is a label.
    public static func label(_ text: String) -> Label? {
        // Only a length guard: the table lookup is exact, and no label is near this long.
        guard text.utf8.count <= 160 else { return nil }
        return table.value(for: text)
    }

    /// A label's text folded for comparison (`rule`'s key).
    public static func fold(_ s: String) -> String { rule.key(s) }

    /// Sheet headings of the 2024 layout: "FØR", "UNDER – udviklingsdage del 1", ... (dash and spacing vary).
    public static func sheet(_ text: String) -> Phase? {
        guard text.utf8.count <= 80 else { return nil }        // the longest heading is some 30 bytes
        // Folded, dashes (– —) as "-", spaces out.
        let squeezed = String(fold(text).compactMap { $0 == " " ? nil : $0 == "–" || $0 == "—" ? "-" : $0 })
        if squeezed == "før" || squeezed == "foer" || squeezed == "før-ark" || squeezed == "arkfør" { return .FOER }
        if squeezed == "efter" || squeezed == "efter-ark" || squeezed == "arkefter" { return .EFTER }
        if squeezed.hasPrefix("under") {
            let rest = squeezed.dropFirst(5)
            if rest.hasSuffix("del1") || rest == "1" || rest == "-1" || rest.hasSuffix("dag1") { return .UNDER1 }
            if rest.hasSuffix("del2") || rest == "2" || rest == "-2" || rest.hasSuffix("dag2") { return .UNDER2 }
        }
        return nil
    }
}
