import DocxPackage

/// A Word document as a neutral model: what is in it, with no idea of what it means.
public struct WordDocument: Sendable, Equatable {
    public var format: DocumentFormat
    public var conformance: Conformance
    /// The main part's name in the package, e.g. "/word/document.xml".
    public var mainPart: String
    /// Body blocks in document order.
    public var body: [Block]
    public var headers: [HeaderFooter]
    public var footers: [HeaderFooter]
    /// Footnotes and endnotes (their text is not in the body's text).
    public var notes: [Note]
    public var properties: CoreProperties
    /// The images' descriptions (alt text) of the file this document was converted from, where
    /// the conversion lost them (LibreOffice's import of .doc and .rtf), in that file's order.
    /// Not tied to an image here: which image each belongs to, the conversion does not tell.
    public var originalImageDescriptions: [String] = []

    public init(format: DocumentFormat = .docx, conformance: Conformance = .transitional, mainPart: String = "/word/document.xml",
                body: [Block] = [], headers: [HeaderFooter] = [], footers: [HeaderFooter] = [],
                notes: [Note] = [], properties: CoreProperties = CoreProperties()) {
        self.format = format
        self.conformance = conformance
        self.mainPart = mainPart
        self.body = body
        self.headers = headers
        self.footers = footers
        self.notes = notes
        self.properties = properties
    }

    /// Descriptions (alt text) of every image, headers first, then the body, in order; then those of
    /// the original file that its conversion lost.
    public var imageDescriptions: [String] {
        var out: [String] = []
        forEachImageDescription { out.append($0); return true }
        return out
    }

    /// The images' descriptions in `imageDescriptions`' order (headers, body, footers), until
    /// `body` returns false; nothing is gathered on the way.
    public func forEachImageDescription(_ body: (String) -> Bool) {
        func visit(_ blocks: [Block]) -> Bool {
            for b in blocks {
                switch b {
                case .paragraph(let p):
                    for i in p.images { if let d = i.description, !body(d) { return false } }
                case .table(let t):
                    for c in t.cells where !visit(c.blocks) { return false }
                }
            }
            return true
        }
        for h in headers where !visit(h.blocks) { return }
        if !visit(self.body) { return }
        for f in footers where !visit(f.blocks) { return }
        for d in originalImageDescriptions where !body(d) { return }
    }
}

public enum HeaderFooterKind: String, Sendable, Codable {
    case `default`, first, even
}

public struct HeaderFooter: Sendable, Equatable {
    public var kind: HeaderFooterKind
    public var part: String
    public var blocks: [Block]
    public var text: String { Block.text(of: blocks) }
}

public struct Note: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable { case footnote, endnote }
    public var kind: Kind
    public var id: String
    public var blocks: [Block]
}

public struct CoreProperties: Sendable, Equatable, Codable {
    public var title: String?
    public var subject: String?
    public var creator: String?
    public var description: String?
    public var keywords: String?
    public var lastModifiedBy: String?
    /// W3CDTF as written ("2025-01-14T09:12:00Z").
    public var created: String?
    public var modified: String?
    public init() {}
}

/// A body block: a paragraph or a table.
public enum Block: Sendable, Equatable {
    case paragraph(Paragraph)
    case table(Table)

    public var paragraph: Paragraph? { if case .paragraph(let p) = self { return p }; return nil }
    public var table: Table? { if case .table(let t) = self { return t }; return nil }

    /// The blocks' texts, one per line (a single paragraph's text as it is, without copying).
    public static func text(of blocks: [Block]) -> String {
        if blocks.count == 1, case .paragraph(let p) = blocks[0] { return p.text }
        return blocks.map(\.text).joined(separator: "\n")
    }

    /// Plain text: a paragraph's text, or a table's cells in reading order, one per line.
    public var text: String {
        switch self {
        case .paragraph(let p): return p.text
        case .table(let t): return t.cells.map(\.text).joined(separator: "\n")
        }
    }

    public var imageDescriptions: [String] {
        switch self {
        case .paragraph(let p): return p.images.compactMap(\.description)
        case .table(let t): return t.cells.flatMap { $0.blocks.flatMap(\.imageDescriptions) }
        }
    }
}

public struct StyleRef: Sendable, Equatable, Codable {
    public var id: String
    public var name: String?
}

public struct ListInfo: Sendable, Equatable, Codable {
    /// 0-based level (w:ilvl).
    public var level: Int
    public var numId: Int
    /// The level's number format from numbering.xml ("bullet", "decimal", ...), when known.
    public var format: String?
}

public struct ImageInfo: Sendable, Equatable, Codable {
    /// Alt text (wp:docPr/@descr, or VML @alt).
    public var description: String?
    public var title: String?
    public var name: String?
}

public struct Paragraph: Sendable, Equatable {
    /// The text as Word shows it with changes accepted, NFC.
    public var text: String
    public var style: StyleRef?
    /// 1...9 for headings (outline level or "Heading N"/"Overskrift N"), 0 for the title style, nil otherwise.
    public var headingLevel: Int?
    public var list: ListInfo?
    /// Text of a content control showing its placeholder: not content.
    public var placeholder: String?
    public var images: [ImageInfo]
    /// True for a paragraph that came out of a text box.
    public var inTextBox: Bool

    public init(text: String, style: StyleRef? = nil, headingLevel: Int? = nil, list: ListInfo? = nil,
                placeholder: String? = nil, images: [ImageInfo] = [], inTextBox: Bool = false) {
        self.text = text
        self.style = style
        self.headingLevel = headingLevel
        self.list = list
        self.placeholder = placeholder
        self.images = images
        self.inTextBox = inTextBox
    }
}

/// A table as a resolved rectangular grid. Positions not covered by any cell
/// (gridBefore/gridAfter, short rows) are simply absent.
public struct Table: Sendable, Equatable {
    public var rowCount: Int
    public var columnCount: Int
    /// Cells in reading order (row by row, left to right), each at its origin.
    public var cells: [Cell]
    public var style: StyleRef?
    /// Each grid column's width in twips (w:tblGrid), or empty where the document does not say
    /// them all: cells whose borders do not line up from row to row are placed by these.
    public var columnWidths: [Int] = []

    /// The cell covering a grid position, if any.
    public func cell(row: Int, column: Int) -> Cell? {
        cells.first { row >= $0.row && row < $0.row + $0.rowSpan && column >= $0.column && column < $0.column + $0.columnSpan }
    }

    /// The cells whose origin is in a row. `cells` is in reading order, so they are found by
    /// bisection: callers that walk every row (the mapping) would otherwise cost rows × cells
    /// (a 100 000-row table in a 59 KB file took `maalplan convert` 10 s).
    public func cells(inRow row: Int) -> [Cell] {
        var lo = 0, hi = cells.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cells[mid].row < row { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < cells.count && cells[end].row == row { end += 1 }
        return Array(cells[lo..<end])
    }
}

public struct Cell: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    public var blocks: [Block]

    public var text: String { Block.text(of: blocks) }
    public var paragraphs: [Paragraph] { blocks.compactMap(\.paragraph) }
}
