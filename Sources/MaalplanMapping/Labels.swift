import MaalplanModel

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

/// The one table of labels and their synonyms. Keys are folded with `Labels.fold`:
/// lower case, NFC, white space (non-breaking too) folded, soft hyphens dropped,
/// "&" read as "og", a trailing colon and a trailing parenthesis ignored.
public enum Labels {
    static let table: [String: Label] = {
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
        var t: [String: Label] = [:]
        for (k, words) in synonyms { for w in words { t[fold(w)] = k } }
        return t
    }()
    static let tableBytes = ByteTable(table.map { (Array($0.key.utf8), $0.value) })

    /// What a cell's text names, if it is a label.
    public static func label(_ text: String) -> Label? {
        // Only a length guard: the table lookup is exact, and no label is near this long.
        guard text.utf8.count <= 160 else { return nil }
        return tableBytes.value(foldKey(text))
    }

    /// Folds a label for comparison.
    public static func fold(_ s: String) -> String { foldFast(s) ?? foldSlow(s) }

    /// `fold` as UTF-8 bytes: the key of `tableBytes` (byte keys hash without Unicode normalisation).
    static func foldKey(_ s: String) -> [UInt8] { foldFastBytes(s) ?? Array(foldSlow(s).utf8) }

    /// `fold` step by step, for any text.
    static func foldSlow(_ s: String) -> String {
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

    /// `fold` in one pass over the bytes, for text of ASCII, Latin-1 and general punctuation
    /// (already NFC: no combining marks there); nil for anything else.
    static func foldFast(_ s: String) -> String? { foldFastBytes(s).map { String(decoding: $0, as: UTF8.self) } }

    static func foldFastBytes(_ s: String) -> [UInt8]? {
        let r: [UInt8]?? = s.utf8.withContiguousStorageIfAvailable { b -> [UInt8]? in
            let n = b.count
            var out = [UInt8]()
            out.reserveCapacity(n + 8)
            var pending = false
            func put(_ c: UInt8) {
                if pending { if !out.isEmpty { out.append(0x20) }; pending = false }
                out.append(c)
            }
            var i = 0
            while i < n {
                let c = b[i]
                let space = String.whiteSpaceLength(b, i)
                if space > 0 {
                    pending = true
                    i += space
                } else if c < 0x80 {
                    if c == 0x26 { pending = true; put(0x6F); out.append(0x67); pending = true }   // "&" → " og "
                    else { put(c &- 0x41 < 26 ? c + 0x20 : c) }
                    i += 1
                } else if (c == 0xC2 || c == 0xC3) && i + 1 < n {
                    let d = b[i + 1]
                    if c == 0xC2 && d == 0xAD { }                                                  // soft hyphen
                    else { put(c); out.append(c == 0xC3 ? String.lowerLatin1(d) : d) }
                    i += 2
                } else if c == 0xE2 && i + 2 < n && (b[i + 1] == 0x80 || b[i + 1] == 0x81) {
                    let d = b[i + 1], e = b[i + 2]
                    if d == 0x80 && e == 0x8B { }                                                  // zero-width space
                    else { put(c); out.append(d); out.append(e) }
                    i += 3
                } else {
                    return nil
                }
            }
            // A trailing colon, and a trailing parenthesis like "(afdelingschef)" (not one at the start).
            while true {
                if out.last == 0x3A { out.removeLast() }
                else if out.last == 0x29, let open = out.lastIndex(of: 0x28), open > 0 { out.removeSubrange(open...) }
                else { break }
                while out.last == 0x20 { out.removeLast() }
            }
            return out
        }
        return r ?? nil
    }

    /// Every kind of white space (tabs, non-breaking spaces, line breaks) to one space, trimmed.
    public static func collapseSpace(_ s: String) -> String { s.collapsedSpace }

    /// Sheet headings of the 2024 layout: "FØR", "UNDER – udviklingsdage del 1", ... (dash and spacing vary).
    public static func sheet(_ text: String) -> Phase? {
        guard text.utf8.count <= 80 else { return nil }        // the longest heading is some 30 bytes
        // Folded, dashes (– —) as "-", spaces out.
        let t = foldKey(text)
        var sq: [UInt8] = []
        sq.reserveCapacity(t.count)
        var i = 0
        while i < t.count {
            if t[i] == 0x20 { i += 1; continue }
            if t[i] == 0xE2, i + 2 < t.count, t[i + 1] == 0x80, t[i + 2] == 0x93 || t[i + 2] == 0x94 { sq.append(0x2D); i += 3; continue }
            sq.append(t[i])
            i += 1
        }
        let squeezed = String(decoding: sq, as: UTF8.self)
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
