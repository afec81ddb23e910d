import DocxPackage
import TextScan
import XMLStream

/// Reads a Word package into a `WordDocument`.
public enum WordReader {
    /// Opens and reads a file.
    public static func read(path: String, limits: ReadLimits = .default) throws(ReadError) -> WordDocument {
        try read(package: DocxPackage.open(path: path, limits: limits))
    }

    /// Reads a package held in memory.
    public static func read(bytes: [UInt8], limits: ReadLimits = .default) throws(ReadError) -> WordDocument {
        try read(package: DocxPackage(bytes: bytes, limits: limits))
    }

    /// Reads an opened package: the main part, the headers and footers its sections name, the
    /// notes and the core properties.
    public static func read(package pkg: DocxPackage) throws(ReadError) -> WordDocument {
        let rels = try pkg.relationships(of: pkg.mainPart).filter { !$0.isExternal && pkg.hasPart($0.target) }
        func target(_ kind: String) -> String? { rels.first { $0.kind == kind }?.target }

        // Styles and numbering depend on nothing but their bytes: plans made from one template
        // share them (see `SharedPartCache`).
        let styles = try target("styles").map { (part) throws(ReadError) in try pkg.read(part, as: Styles.kind) } ?? Styles()
        let numbering = try target("numbering").map { (part) throws(ReadError) in try pkg.read(part, as: Numbering.kind) } ?? Numbering()
        // Paragraphs, rows and cells are counted over all parts together.
        let size = ModelSize(limits: pkg.limits)
        func body(_ part: String, _ read: (BodyReader) throws -> Void) throws(ReadError) {
            try pkg.readXML(part, namespaces: WordNamespaces.table) { r in
                try read(BodyReader(r, styles: styles, numbering: numbering, size: size))
            }
        }

        var doc = WordDocument(format: pkg.format, conformance: pkg.conformance, mainPart: pkg.mainPart)
        var refs: [(isHeader: Bool, kind: HeaderFooterKind, id: String)] = []
        try body(pkg.mainPart) { br in
            let (root, blocks) = try br.readRoot()
            if root != "document" { throw ReadError(.noMainPart, part: pkg.mainPart) }
            doc.body = blocks
            refs = br.sectionReferences
        }

        // Headers and footers: those the sections name, in order, else every one in the relationships.
        if refs.isEmpty {
            refs = rels.compactMap { rel in
                rel.kind == "header" || rel.kind == "footer" ? (rel.kind == "header", HeaderFooterKind.default, rel.id) : nil
            }
        }
        // Each part once, however many references (or relationships) name it.
        let byId = Dictionary(rels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        for ref in refs {
            guard let rel = byId[ref.id], seen.insert(rel.target).inserted else { continue }
            try body(rel.target) { br in
                let hf = HeaderFooter(kind: ref.kind, part: rel.target, blocks: try br.readRoot().blocks)
                if ref.isHeader { doc.headers.append(hf) } else { doc.footers.append(hf) }
            }
        }

        for (kind, noteKind) in [("footnotes", Note.Kind.footnote), ("endnotes", .endnote)] {
            guard let part = target(kind) else { continue }
            try body(part) { br in doc.notes += try br.readNotes(kind: noteKind) }
        }

        let pkgRels = try pkg.relationships(of: "/")
        if let core = pkgRels.first(where: { $0.kind == "core-properties" && !$0.isExternal && pkg.hasPart($0.target) }) {
            doc.properties = try pkg.readXML(core.target, namespaces: WordNamespaces.table, readCore)
        }
        return doc
    }

    private static func readCore(_ r: XMLPullReader) throws -> CoreProperties {
        var p = CoreProperties()
        while try r.read() {
            guard r.kind == .element, r.depth == 1 else { continue }
            let q = r.name
            func text() throws -> String? {
                let t = try r.elementText().trimmed.nfc
                return t.isEmpty ? nil : t
            }
            switch (q.ns, q.local) {
            case (.dc, "title"): p.title = try text()
            case (.dc, "subject"): p.subject = try text()
            case (.dc, "creator"): p.creator = try text()
            case (.dc, "description"): p.description = try text()
            case (.cp, "keywords"): p.keywords = try text()
            case (.cp, "lastModifiedBy"): p.lastModifiedBy = try text()
            case (.dcterms, "created"): p.created = try text()
            case (.dcterms, "modified"): p.modified = try text()
            default: break
            }
        }
        return p
    }
}
