import Foundation

/// Writes a real .docx (a zip, through libzip) from WordprocessingML strings, for
/// tests, fixture generators and benchmarks.
///
/// ```swift
/// var b = DocxBuilder(body: DocxBuilder.paragraph("Målplan 2025", style: "Title"))
/// b.styles = #"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>"#
/// let bytes = try b.build()
/// ```
///
/// Every XML part is given as the *inner* content of its root element; the builder
/// writes the root with the standard namespace declarations (w, r, wp, a, pic, mc, v,
/// o, w10, w14, wps, wpg, m), the relationships and `[Content_Types].xml`. For broken
/// packages, `rawParts` replaces or adds any part byte for byte, `omit` drops generated
/// parts, `contentTypes` overrides any part's content type and `deflatedParts` adds parts
/// whose deflate stream is given (zip bombs, lying sizes).
public struct DocxBuilder: Sendable {
    /// The main part's content type, which is what tells the four kinds apart.
    public enum Format: String, Sendable, CaseIterable {
        case docx, docm, dotx, dotm
        public var contentType: String {
            switch self {
            case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
            case .dotx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
            case .docm: return "application/vnd.ms-word.document.macroEnabled.main+xml"
            case .dotm: return "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
            }
        }
    }

    /// Transitional (ECMA-376) or Strict (ISO/IEC 29500, `http://purl.oclc.org/ooxml/...`) vocabulary.
    public enum Conformance: Sendable { case transitional, strict }

    public enum HeaderFooterKind: String, Sendable { case `default`, first, even }

    /// A header or footer: the inner content of w:hdr / w:ftr.
    public struct HeaderFooter: Sendable {
        public var kind: HeaderFooterKind
        public var xml: String
        public init(_ kind: HeaderFooterKind = .default, _ xml: String) { self.kind = kind; self.xml = xml }
    }

    /// A file in the main part's media folder, related from the main part with `id`.
    public struct Image: Sendable {
        public var id: String
        public var fileName: String
        public var data: [UInt8]
        public init(id: String = "rIdImage1", fileName: String = "image1.png", data: [UInt8] = DocxBuilder.tinyPNG) {
            self.id = id; self.fileName = fileName; self.data = data
        }
    }

    /// docProps/core.xml.
    public struct CoreProperties: Sendable {
        public var title, subject, creator, description, keywords, lastModifiedBy, created, modified: String?
        public init(title: String? = nil, subject: String? = nil, creator: String? = nil, description: String? = nil,
                    keywords: String? = nil, lastModifiedBy: String? = nil, created: String? = nil, modified: String? = nil) {
            self.title = title; self.subject = subject; self.creator = creator; self.description = description
            self.keywords = keywords; self.lastModifiedBy = lastModifiedBy; self.created = created; self.modified = modified
        }
    }

    /// An extra relationship of the main part. `type` is a full URI, or a last segment
    /// ("hyperlink", "comments") completed for the builder's conformance.
    public struct Relationship: Sendable {
        public var id, type, target: String
        public var external: Bool
        public init(id: String, type: String, target: String, external: Bool = false) {
            self.id = id; self.type = type; self.target = target; self.external = external
        }
    }

    public enum Compression: Sendable { case deflate(level: Int), store }

    /// Inner content of w:body. A final w:sectPr naming the headers and footers is
    /// appended unless `sectionProperties` is false.
    public var body: String
    public var format: Format = .docx
    public var conformance: Conformance = .transitional
    /// The main part's name; found by readers through `_rels/.rels`. Styles, numbering,
    /// notes, headers, footers and media go in the same folder.
    public var mainPart = "/word/document.xml"
    /// Inner content of w:styles (w:docDefaults, w:style ...).
    public var styles: String?
    /// Inner content of w:numbering (w:abstractNum ..., w:num ...).
    public var numbering: String?
    /// Inner content of w:footnotes / w:endnotes: the notes; the separator notes (ids -1 and 0) are added.
    public var footnotes: String?
    public var endnotes: String?
    public var headers: [HeaderFooter] = []
    public var footers: [HeaderFooter] = []
    public var core: CoreProperties?
    public var images: [Image] = []
    public var relationships: [Relationship] = []
    public var sectionProperties = true
    /// Attributes added to w:document (e.g. `w:conformance="strict"` is added for Strict).
    public var documentAttributes = ""
    /// Parts written byte for byte, replacing generated ones of the same name ("/word/document.xml" or "word/document.xml").
    public var rawParts: [String: [UInt8]] = [:]
    /// Generated parts left out ("/_rels/.rels", "/[Content_Types].xml", ...).
    public var omit: Set<String> = []
    /// Content type overrides written to `[Content_Types].xml`, by part name; they win over generated ones.
    public var contentTypes: [String: String] = [:]
    /// Parts given as a raw deflate stream (see `DeflatedPart.repeating`).
    public var deflatedParts: [DeflatedPart] = []
    public var compression: Compression = .deflate(level: 6)

    public init(body: String = "") { self.body = body }

    // MARK: Output

    /// All parts in writing order, `[Content_Types].xml` first.
    public func parts() -> [(name: String, data: [UInt8])] {
        var out: [(String, [UInt8])] = []
        var types: [(String, String)] = []
        func add(_ name: String, _ xml: String, _ type: String?) {
            out.append((name, Array(xml.utf8)))
            if let type { types.append((name, type)) }
        }
        let folder = String(mainPart[...mainPart.lastIndex(of: "/")!])
        let ns = Self.namespaces(conformance)
        let xmlDecl = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        func root(_ name: String, _ inner: String, extra: String = "") -> String {
            "\(xmlDecl)<w:\(name) \(ns)\(extra)>\(inner)</w:\(name)>"
        }
        var mainRels: [Relationship] = []
        func part(_ kind: String, _ file: String, _ rootName: String, _ inner: String, id: String) {
            add(folder + file, root(rootName, inner), Self.wml + kind + "+xml")
            mainRels.append(Relationship(id: id, type: kind, target: file))
        }

        if let styles { part("styles", "styles.xml", "styles", styles, id: "rIdStyles") }
        if let numbering { part("numbering", "numbering.xml", "numbering", numbering, id: "rIdNumbering") }
        for (kind, inner) in [("footnotes", footnotes), ("endnotes", endnotes)] {
            guard let inner else { continue }
            let n = String(kind.dropLast())
            let seps = #"<w:\#(n) w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:\#(n)><w:\#(n) w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:\#(n)>"#
            part(kind, kind + ".xml", kind, seps + inner, id: "rId" + kind.capitalized)
        }
        var refs = ""
        for (isHeader, list) in [(true, headers), (false, footers)] {
            for (i, hf) in list.enumerated() {
                let kind = isHeader ? "header" : "footer"
                let id = "rId\(kind.capitalized)\(i + 1)"
                part(kind, "\(kind)\(i + 1).xml", isHeader ? "hdr" : "ftr", hf.xml, id: id)
                refs += #"<w:\#(kind)Reference w:type="\#(hf.kind.rawValue)" r:id="\#(id)"/>"#
            }
        }
        for img in images {
            out.append((folder + "media/" + img.fileName, img.data))
            mainRels.append(Relationship(id: img.id, type: "image", target: "media/" + img.fileName))
        }
        mainRels += relationships

        var bodyXML = body
        if sectionProperties {
            bodyXML += #"<w:sectPr>\#(refs)<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1134" w:bottom="1701" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>"#
        }
        let conf = conformance == .strict ? #" w:conformance="strict""# : ""
        add(mainPart, root("document", "<w:body>\(bodyXML)</w:body>", extra: conf + (documentAttributes.isEmpty ? "" : " " + documentAttributes)),
            format.contentType)
        add(Self.relsName(mainPart), rels(mainRels), nil)

        var pkgRels = [Relationship(id: "rId1", type: "officeDocument", target: String(mainPart.dropFirst()))]
        if let core {
            add("/docProps/core.xml", Self.coreXML(core), "application/vnd.openxmlformats-package.core-properties+xml")
            pkgRels.append(Relationship(id: "rId2", type: Self.opcRels + "metadata/core-properties", target: "docProps/core.xml"))
        }
        add("/_rels/.rels", rels(pkgRels), nil)

        // Raw parts replace generated ones; content types: generated, then the caller's.
        let raw = Dictionary(rawParts.map { (Self.partName($0.key), $0.value) }, uniquingKeysWith: { $1 })
        let omitted = Set(omit.map(Self.partName)).union(deflatedParts.map { Self.partName($0.name) })
        var parts = out.filter { raw[$0.0] == nil && !omitted.contains($0.0) }
        parts += raw.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var overrides = types
        for (k, v) in contentTypes.sorted(by: { $0.key < $1.key }) {
            let name = Self.partName(k)
            overrides.removeAll { $0.0.lowercased() == name.lowercased() }
            overrides.append((name, v))
        }
        let ct = xmlDecl + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>"#
            + overrides.map { #"<Override PartName="\#(Self.escape($0.0))" ContentType="\#(Self.escape($0.1))"/>"# }.joined()
            + "</Types>"
        let ctName = "/[Content_Types].xml"
        if raw[ctName] == nil && !omitted.contains(ctName) { parts.insert((ctName, Array(ct.utf8)), at: 0) }
        return parts
    }

    /// The package as bytes.
    public func build() throws -> [UInt8] {
        let w = try ZipWriter(compression: compression)
        for (name, data) in parts() { try w.add(String(name.dropFirst()), data) }
        for d in deflatedParts { try w.addDeflated(String(Self.partName(d.name).dropFirst()), d) }
        return try w.finish()
    }

    /// Writes the package to a file.
    public func write(to path: String) throws {
        let bytes = try build()
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw ZipWriter.Failure(message: "cannot write \(path)")
        }
    }

    // MARK: XML helpers

    /// `<w:p>` with one run of (escaped) text, and optionally a paragraph style.
    public static func paragraph(_ text: String, style: String? = nil) -> String {
        let ppr = style.map { #"<w:pPr><w:pStyle w:val="\#(escape($0))"/></w:pPr>"# } ?? ""
        return #"<w:p>\#(ppr)<w:r><w:t xml:space="preserve">\#(escape(text))</w:t></w:r></w:p>"#
    }

    /// A run holding an inline picture related by `relId`, with alt text `descr`.
    public static func inlineImage(relId: String = "rIdImage1", descr: String?, name: String = "Picture 1", id: Int = 1) -> String {
        let d = descr.map { #" descr="\#(escape($0))""# } ?? ""
        return #"<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="\#(id)" name="\#(escape(name))"\#(d)/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="\#(escape(name))"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="\#(relId)"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
    }

    public static func escape(_ s: String) -> String {
        var o = ""
        o.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            default: o.unicodeScalars.append(c)
            }
        }
        return o
    }

    /// A 1×1 transparent PNG.
    public static let tinyPNG: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
        0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
        0x42, 0x60, 0x82,
    ]

    // MARK: Vocabulary

    static let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    static let opcRels = "http://schemas.openxmlformats.org/package/2006/relationships/"

    /// The namespace declarations written on every root element.
    public static func namespaces(_ c: Conformance) -> String {
        let strict = c == .strict
        let list: [(String, String)] = [
            ("w", strict ? "http://purl.oclc.org/ooxml/wordprocessingml/main" : "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
            ("r", strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
            ("wp", strict ? "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing" : "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
            ("a", strict ? "http://purl.oclc.org/ooxml/drawingml/main" : "http://schemas.openxmlformats.org/drawingml/2006/main"),
            ("pic", strict ? "http://purl.oclc.org/ooxml/drawingml/picture" : "http://schemas.openxmlformats.org/drawingml/2006/picture"),
            ("m", strict ? "http://purl.oclc.org/ooxml/officeDocument/math" : "http://schemas.openxmlformats.org/officeDocument/2006/math"),
            ("mc", "http://schemas.openxmlformats.org/markup-compatibility/2006"),
            ("v", "urn:schemas-microsoft-com:vml"),
            ("o", "urn:schemas-microsoft-com:office:office"),
            ("w10", "urn:schemas-microsoft-com:office:word"),
            ("w14", "http://schemas.microsoft.com/office/word/2010/wordml"),
            ("wps", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"),
            ("wpg", "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"),
        ]
        return list.map { #"xmlns:\#($0.0)="\#($0.1)""# }.joined(separator: " ") + #" mc:Ignorable="w14""#
    }

    /// A relationship type URI for a last segment, in a conformance's vocabulary.
    public static func relationshipType(_ kind: String, _ c: Conformance) -> String {
        if kind.contains(":") { return kind }
        return (c == .strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships/"
                             : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/") + kind
    }

    private func rels(_ list: [Relationship]) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + list.map { r in
                let mode = r.external ? #" TargetMode="External""# : ""
                return #"<Relationship Id="\#(Self.escape(r.id))" Type="\#(Self.relationshipType(r.type, conformance))" Target="\#(Self.escape(r.target))"\#(mode)/>"#
            }.joined() + "</Relationships>"
    }

    static func relsName(_ part: String) -> String {
        let slash = part.lastIndex(of: "/")!
        return String(part[...slash]) + "_rels/" + String(part[part.index(after: slash)...]) + ".rels"
    }

    static func partName(_ s: String) -> String { s.hasPrefix("/") ? s : "/" + s }

    static func coreXML(_ p: CoreProperties) -> String {
        func el(_ name: String, _ v: String?, _ attr: String = "") -> String {
            v.map { "<\(name)\(attr)>\(escape($0))</\(name)>" } ?? ""
        }
        let w3 = #" xsi:type="dcterms:W3CDTF""#
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + el("dc:title", p.title) + el("dc:subject", p.subject) + el("dc:creator", p.creator)
            + el("cp:keywords", p.keywords) + el("dc:description", p.description)
            + el("cp:lastModifiedBy", p.lastModifiedBy)
            + el("dcterms:created", p.created, w3) + el("dcterms:modified", p.modified, w3)
            + "</cp:coreProperties>"
    }
}
