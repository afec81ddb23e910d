import DocxPackage

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

    public static func read(package pkg: DocxPackage) throws(ReadError) -> WordDocument {
        do {
            return try readUntyped(pkg)
        } catch let e as ReadError {
            throw e
        } catch {
            throw ReadError(.notWellFormed(String(describing: error)), part: pkg.mainPart)
        }
    }

    private static func reader(_ pkg: DocxPackage, _ part: String) throws -> XMLPullReader {
        try XMLPullReader(pkg.openPart(part), maxDepth: pkg.limits.maxElementDepth)
    }

    private static func readUntyped(_ pkg: DocxPackage) throws -> WordDocument {
        let rels = try pkg.relationships(of: pkg.mainPart).filter { !$0.isExternal && pkg.hasPart($0.target) }
        func target(_ kind: String) -> String? { rels.first { $0.kind == kind }?.target }

        // Styles and numbering depend on nothing but their bytes: plans made from one template
        // share them, and a thread reads such a part once (`DocxPackage.readShared`).
        let maxDepth = pkg.limits.maxElementDepth
        var styles = Styles()
        if let part = target("styles") {
            styles = try pkg.readShared(part, kind: "styles") { (s) throws(ReadError) in
                try Styles.parse(XMLPullReader(s, maxDepth: maxDepth, pruning: Styles.unread))
            }
        }
        var numbering = Numbering()
        if let part = target("numbering") {
            numbering = try pkg.readShared(part, kind: "numbering") { (s) throws(ReadError) in
                try Numbering.parse(XMLPullReader(s, maxDepth: maxDepth))
            }
        }

        let main = BodyReader(try reader(pkg, pkg.mainPart), styles: styles, numbering: numbering, limits: pkg.limits)
        let (root, body) = try main.readRoot()
        if root != "document" { throw ReadError(.noMainPart, part: pkg.mainPart) }
        // The reader stops at the root's end (or start): the rest of each part is still checked.
        try main.r.finish()
        styles = main.styles

        var doc = WordDocument(format: pkg.format, conformance: pkg.conformance, mainPart: pkg.mainPart, body: body)

        // Headers and footers: those the sections name, in order, else every one in the relationships.
        var refs = main.sectionReferences
        if refs.isEmpty {
            refs = rels.compactMap { rel in
                rel.kind == "header" || rel.kind == "footer" ? (rel.kind == "header", HeaderFooterKind.default, rel.id) : nil
            }
        }
        var seen = Set<String>()
        for ref in refs where !seen.contains(ref.id) {
            seen.insert(ref.id)
            guard let rel = rels.first(where: { $0.id == ref.id }) else { continue }
            let br = BodyReader(try reader(pkg, rel.target), styles: styles, numbering: numbering, limits: pkg.limits)
            let blocks = try br.readRoot().blocks
            try br.r.finish()
            styles = br.styles
            let hf = HeaderFooter(kind: ref.kind, part: rel.target, blocks: blocks)
            if ref.isHeader { doc.headers.append(hf) } else { doc.footers.append(hf) }
        }

        for (kind, noteKind) in [("footnotes", Note.Kind.footnote), ("endnotes", .endnote)] {
            guard let part = target(kind) else { continue }
            let br = BodyReader(try reader(pkg, part), styles: styles, numbering: numbering, limits: pkg.limits)
            doc.notes += try br.readNotes(kind: noteKind)
            try br.r.finish()
        }

        let pkgRels = try pkg.relationships(of: "/")
        if let core = pkgRels.first(where: { $0.kind == "core-properties" && !$0.isExternal && pkg.hasPart($0.target) }) {
            doc.properties = try readCore(reader(pkg, core.target))
        }
        return doc
    }

    /// Without leading and trailing white space, as Foundation's `trimmingCharacters(in:
    /// .whitespacesAndNewlines)`: Unicode White_Space and U+200B, scalar by scalar.
    static func trimmed(_ s: String) -> String {
        func blank(_ u: Unicode.Scalar) -> Bool { u.properties.isWhitespace || u == "\u{200B}" }
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !blank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !blank($0) })!
        return String(scalars[first...last])
    }

    private static func readCore(_ r: XMLPullReader) throws -> CoreProperties {
        var p = CoreProperties()
        while try r.read() {
            guard r.kind == .element, r.depth == 1 else { continue }
            let q = r.name
            func text() throws -> String? {
                let t = BodyReader.nfc(trimmed(try r.elementText()))
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
