import DocxPackage
import XMLStream

/// What the reader needs of styles.xml: names, the basedOn chain, outline levels and numbering.
struct Styles {
    struct Style {
        var id: String
        var name: String?
        var type: String
        var basedOn: String?
        var outlineLevel: Int?
        var numId: Int?
        var ilvl: Int?
        /// w:vanish in the style's run properties.
        var vanish: Bool?
    }

    private(set) var byId: [String: Style] = [:]
    private(set) var defaultParagraphStyle: String?

    /// Memoised answers per style id (see `memo`). A reference: they follow from `byId` alone,
    /// so every document that gets these styles from a cache of shared parts
    /// (`SharedPartCache`) reuses what the documents before it resolved.
    private final class Answers {
        var heading: [String: Int?] = [:]
        var numId: [String: Int?] = [:]
        var ilvl: [String: Int?] = [:]
        var vanish: [String: Bool?] = [:]
    }
    private let answers = Answers()

    /// The elements `parse` looks at; the rest of styles.xml (table style properties, latent
    /// styles: nearly all of its bytes) costs the reader no events.
    static let parsed = XMLNameTable(names: Set(["style", "name", "basedOn", "outlineLvl", "numId", "ilvl", "vanish"].map { QName(.w, $0) }))

    /// Elements of styles.xml whose content `parse` never reads: table formatting and the latent
    /// style list, most of a real template's styles.xml. They are cut out before parsing (`XMLPrune`).
    static let unread = ["w:latentStyles", "w:tblStylePr", "w:tblPr", "w:trPr", "w:tcPr"]

    /// styles.xml as a part many packages share (`DocxPackage.read(_:as:)`).
    static let kind = SharedPartKind<Styles>(namespaces: WordNamespaces.table, pruning: unread) { (r) throws(XMLError) in
        try parse(r)
    }

    static func parse(_ r: XMLPullReader) throws(XMLError) -> Styles {
        r.reportOnly(parsed)
        var s = Styles()
        var current: Style?
        var styleDepth = -1
        while try r.read() {
            if r.kind == .endElement, r.depth == styleDepth, let c = current {
                s.byId[c.id] = c
                current = nil
                styleDepth = -1
                continue
            }
            guard r.kind == .element, r.namespace == .w else { continue }
            let n = r.name.local
            if n == "style" {
                let id = r.attribute(.w, "styleId") ?? ""
                let type = r.attribute(.w, "type") ?? "paragraph"
                let st = Style(id: id, name: nil, type: type)
                if type == "paragraph", let d = r.attribute(.w, "default"), d == "1" || d == "true" || d == "on" {
                    s.defaultParagraphStyle = id
                }
                if r.isEmptyElement { s.byId[id] = st; continue }
                current = st
                styleDepth = r.depth
            } else if current != nil {
                switch n {
                case "name": current?.name = r.attribute(.w, "val")
                case "basedOn": current?.basedOn = r.attribute(.w, "val")
                case "outlineLvl": current?.outlineLevel = r.attribute(.w, "val").flatMap { Int($0) }
                case "numId": current?.numId = r.attribute(.w, "val").flatMap { Int($0) }
                case "ilvl": current?.ilvl = r.attribute(.w, "val").flatMap { Int($0) }
                case "vanish":
                    let v = r.attribute(.w, "val")
                    current?.vanish = !(v == "0" || v == "false" || v == "off")
                default: break
                }
            }
        }
        return s
    }

    func ref(_ id: String?) -> StyleRef? {
        guard let id = id ?? defaultParagraphStyle else { return nil }
        return StyleRef(id: id, name: byId[id]?.name)
    }

    /// The numbering, list level and w:vanish a style has or inherits through basedOn.
    func numId(_ id: String?) -> Int? { Self.memo(id, byId, &answers.numId) { $0.numId } }
    func ilvl(_ id: String?) -> Int? { Self.memo(id, byId, &answers.ilvl) { $0.ilvl } }
    func vanish(_ id: String?) -> Bool? { Self.memo(id, byId, &answers.vanish) { $0.vanish } }

    /// 1...9 from an outline level (0...8) or a heading name, 0 for a title, nil for body text.
    func headingLevel(_ id: String?) -> Int? {
        let level: Int? = Self.memo(id, byId, &answers.heading) { st in
            if let o = st.outlineLevel { return o >= 0 && o <= 8 ? o + 1 : -1 }
            if let l = Styles.levelFromName(st.name) ?? Styles.levelFromName(st.id) { return l }
            return nil
        }
        return (level ?? -1) >= 0 ? level : nil
    }

    /// Walks the basedOn chain (guarding against cycles) until `pick` finds something, and
    /// remembers the answer for every style it walked: they all share it, as `pick` found nothing
    /// in them. A chain is so walked once, not once per paragraph or run that names a style on
    /// it (12 000 chained styles named by 15 000 runs took 56 s before).
    private static func memo<T>(_ id: String?, _ byId: [String: Style], _ cache: inout [String: T?],
                                _ pick: (Style) -> T?) -> T? {
        var walked: [String] = []
        var seen = Set<String>()
        var cur = id
        var result: T?
        while let c = cur {
            if let known = cache[c] { result = known; break }
            guard !seen.contains(c), let st = byId[c] else { break }
            walked.append(c)
            seen.insert(c)
            if let v = pick(st) { result = v; break }
            cur = st.basedOn
        }
        for c in walked { cache.updateValue(result, forKey: c) }
        return result
    }

    /// "heading 1", "Heading1", "Overskrift 1", "Title", "Titel" (Word writes English names for
    /// built-in styles and localised ids: Danish Word's ids are "Overskrift1" and "Titel").
    static func levelFromName(_ name: String?) -> Int? {
        guard var n = name?.lowercased() else { return nil }
        n.removeAll { $0 == " " }
        if n == "title" || n == "titel" { return 0 }
        for prefix in ["heading", "overskrift"] where n.hasPrefix(prefix) {
            if let d = Int(n.dropFirst(prefix.count)), (1...9).contains(d) { return d }
        }
        return nil
    }
}

/// What the reader needs of numbering.xml: which numIds exist and each level's format.
struct Numbering {
    var numToAbstract: [Int: Int] = [:]
    var formats: [Int: [Int: String]] = [:]   // abstractNumId → ilvl → numFmt
    var overrides: [Int: [Int: String]] = [:] // numId → ilvl → numFmt (lvlOverride)
    var present = false

    /// The elements `parse` looks at.
    static let parsed = XMLNameTable(names: Set(["abstractNum", "num", "lvl", "lvlOverride", "abstractNumId", "numFmt"].map { QName(.w, $0) }))

    /// numbering.xml as a part many packages share (`DocxPackage.read(_:as:)`).
    static let kind = SharedPartKind<Numbering>(namespaces: WordNamespaces.table) { (r) throws(XMLError) in try parse(r) }

    static func parse(_ r: XMLPullReader) throws(XMLError) -> Numbering {
        r.reportOnly(parsed)
        var nb = Numbering()
        nb.present = true
        var abstractId: Int?
        var numId: Int?
        var ilvl: Int?
        var inOverride = false
        while try r.read() {
            if r.kind == .endElement, r.namespace == .w {
                switch r.name.local {
                case "abstractNum": abstractId = nil
                case "num": numId = nil
                case "lvl": ilvl = nil
                case "lvlOverride": inOverride = false; ilvl = nil
                default: break
                }
                continue
            }
            guard r.kind == .element, r.namespace == .w else { continue }
            switch r.name.local {
            case "abstractNum": abstractId = r.attribute(.w, "abstractNumId").flatMap { Int($0) }
            case "num": numId = r.attribute(.w, "numId").flatMap { Int($0) }
            case "abstractNumId":
                if let numId, let a = r.attribute(.w, "val").flatMap({ Int($0) }) { nb.numToAbstract[numId] = a }
            case "lvlOverride":
                inOverride = true
                ilvl = r.attribute(.w, "ilvl").flatMap { Int($0) }
            case "lvl":
                ilvl = r.attribute(.w, "ilvl").flatMap { Int($0) } ?? ilvl
            case "numFmt":
                guard let f = r.attribute(.w, "val"), let l = ilvl else { break }
                if inOverride, let numId { nb.overrides[numId, default: [:]][l] = f }
                else if let a = abstractId { nb.formats[a, default: [:]][l] = f }
            default: break
            }
        }
        return nb
    }

    /// nil when numbering.xml exists but does not define this numId (Word then shows no number).
    func format(numId: Int, level: Int) -> String?? {
        guard present else { return .some(nil) }
        guard let a = numToAbstract[numId] else { return nil }
        return .some(overrides[numId]?[level] ?? formats[a]?[level])
    }
}
