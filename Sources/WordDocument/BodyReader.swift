import DocxPackage
import TextScan
import XMLStream

/// Pulls one WordprocessingML part (document, header, footer, notes) into blocks.
///
/// Recursive descent over a streaming reader: every handler is called with the
/// reader on an element's start and leaves it on that element's last node
/// (its end, or the start itself when empty).
final class BodyReader {
    let r: XMLPullReader
    let styles: Styles
    let numbering: Numbering
    let size: ModelSize
    private let tok = Tok.all

    @exclusivity(unchecked) private var tableDepth = 0
    @exclusivity(unchecked) private var placeholderDepth = 0
    @exclusivity(unchecked) private var textBoxDepth = 0
    /// Open complex fields, innermost last: true while in the field's instruction (begin…separate),
    /// whose text, nested fields' results included, is not shown. Fields may span paragraphs.
    @exclusivity(unchecked) private var fields: [Bool] = []
    @exclusivity(unchecked) private var instructionDepth = 0
    /// A drop cap's letters (UTF-8), waiting for the paragraph they begin.
    @exclusivity(unchecked) private var pendingDropCap: [UInt8]?
    @exclusivity(unchecked) private var para: ParagraphState?
    /// Header and footer references met in section properties: (isHeader, kind, relationship id).
    @exclusivity(unchecked) var sectionReferences: [(isHeader: Bool, kind: HeaderFooterKind, id: String)] = []

    final class ParagraphState {
        /// The text and the placeholder text, UTF-8; a String once the paragraph is done.
        @exclusivity(unchecked) var text: [UInt8] = []
        @exclusivity(unchecked) var placeholder: [UInt8] = []
        /// Byte offsets in `text` and `placeholder` known to be grapheme boundaries (see `endsInWhiteSpace`).
        @exclusivity(unchecked) var textBoundary = 0
        @exclusivity(unchecked) var placeholderBoundary = 0
        @exclusivity(unchecked) var images: [ImageInfo] = []
        @exclusivity(unchecked) var following: [Block] = []
        @exclusivity(unchecked) var styleId: String?
        @exclusivity(unchecked) var numId: Int?
        @exclusivity(unchecked) var ilvl: Int?
        @exclusivity(unchecked) var outlineLevel: Int?
        @exclusivity(unchecked) var dropCap = false
        /// Hidden through the paragraph style (w:vanish in its run properties), computed once.
        @exclusivity(unchecked) var styleHidden: Bool?
    }

    init(_ r: XMLPullReader, styles: Styles, numbering: Numbering, size: ModelSize) {
        self.r = r
        self.styles = styles
        self.numbering = numbering
        self.size = size
        // Every attribute BodyReader reads has a token: the others are not kept.
        r.useTokens(Tok.table, attributesOnly: true)
    }

    // MARK: Walking

    /// Calls `body` for each child element of the current element, with its token.
    @inline(__always)
    private func eachChild(_ body: (Tok) throws -> Void) throws {
        if r.isEmptyElement { return }
        let d = r.depth
        while try r.read() {
            if r.kind == .element {
                try body(tok[r.token])
            } else if r.kind == .endElement && r.depth == d {
                return
            }
        }
    }

    /// Consumes the current element and everything in it.
    private func skip() throws {
        if r.isEmptyElement { return }
        let d = r.depth
        while try r.read() {
            if r.kind == .endElement && r.depth == d { return }
        }
    }

    private func attribute(_ t: Tok) -> String? {
        r.attribute(token: Int(t.index))
    }

    private func isOn(_ v: String?) -> Bool {
        guard let v else { return true }
        return !(v == "0" || v == "false" || v == "off" || v == "none")
    }

    // MARK: Parts

    /// Reads to the root element and returns the blocks of `container` inside it
    /// (w:document/w:body, w:hdr, w:ftr), or of each note for notes parts.
    func readRoot() throws -> (root: String, blocks: [Block]) {
        while try r.read() {
            guard r.kind == .element else { continue }
            let root = r.name
            guard root.ns == .w else { return (root.local, []) }
            if root.local == "document" {
                var blocks: [Block] = []
                try eachChild { t in
                    if t == .body { blocks = try self.blocks() } else { try self.skip() }
                }
                return (root.local, blocks)
            }
            return (root.local, try blocks())
        }
        return ("", [])
    }

    /// Reads a footnotes or endnotes part.
    func readNotes(kind: Note.Kind) throws -> [Note] {
        var notes: [Note] = []
        while try r.read() {
            guard r.kind == .element else { continue }
            try eachChild { t in
                guard t == .footnote || t == .endnote else { try self.skip(); return }
                let type = self.attribute(.type) ?? "normal"
                let id = self.attribute(.id) ?? ""
                if type == "normal" {
                    notes.append(Note(kind: kind, id: id, blocks: try self.blocks()))
                } else {
                    try self.skip()
                }
            }
            break
        }
        return notes
    }

    // MARK: Blocks

    func blocks() throws -> [Block] {
        var out: [Block] = []
        try eachChild { t in try self.block(t, into: &out) }
        return out
    }

    /// `blocks()`, with `extra` offered each child first (true: it took it). Not optional, so
    /// not escaping: what it captures stays on the stack.
    func blocks(extra: (Tok) throws -> Bool) throws -> [Block] {
        var out: [Block] = []
        try eachChild { t in
            if try extra(t) { return }
            try self.block(t, into: &out)
        }
        return out
    }

    private func block(_ t: Tok, into out: inout [Block]) throws {
        switch t {
        case .p: try paragraph(into: &out)
        case .tbl: out.append(.table(try table()))
        case .sdt: try sdt { t in try self.block(t, into: &out) }
        case .customXml, .ins, .moveTo, .smartTag, .sdtContent:
            try eachChild { t in try self.block(t, into: &out) }
        case .sectPr: try sectPr()
        case .alternateContent: try alternate { t in try self.block(t, into: &out) }
        default: try skip()   // del, moveFrom, bookmarks, proofing marks, altChunk, tblPr ...
        }
    }

    /// A content control: marks what it holds as placeholder while it shows its placeholder.
    private func sdt(_ content: (Tok) throws -> Void) throws {
        var showing = false
        try eachChild { t in
            switch t {
            case .sdtPr:
                try self.eachChild { t in
                    if t == .showingPlcHdr { showing = self.isOn(self.attribute(.val)) }
                    try self.skip()
                }
            case .sdtContent:
                if showing {
                    self.placeholderDepth += 1
                    self.separate()   // two placeholders in one paragraph stay two words
                }
                defer { if showing { self.placeholderDepth -= 1 } }
                try self.eachChild(content)
            default: try self.skip()
            }
        }
    }

    /// mc:AlternateContent: the first branch only (a Choice, else the Fallback), never both.
    private func alternate(_ content: (Tok) throws -> Void) throws {
        var taken = false
        try eachChild { t in
            if !taken && (t == .choice || t == .fallback) {
                taken = true
                try self.eachChild(content)
            } else {
                try self.skip()
            }
        }
    }

    private func sectPr() throws {
        try eachChild { t in
            if t == .headerReference || t == .footerReference, let id = self.attribute(.rId) {
                let kind = HeaderFooterKind(rawValue: self.attribute(.type) ?? "default") ?? .default
                self.sectionReferences.append((t == .headerReference, kind, id))
            }
            try self.skip()
        }
    }

    // MARK: Paragraphs

    private func paragraph(into out: inout [Block]) throws {
        try size.add(.paragraphs)
        let saved = para
        let p = ParagraphState()
        para = p
        defer { para = saved }
        try eachChild { t in
            if t == .pPr { try self.paragraphProperties(p) } else { try self.inline(t) }
        }
        // A field instruction never runs past its paragraph: a begin whose separate or end went
        // missing (deleted with tracking on, say) must not hide the rest of the part.
        if instructionDepth > 0 {
            for i in fields.indices { fields[i] = false }
            instructionDepth = 0
        }
        if let d = pendingDropCap, !p.dropCap {
            p.text = d + p.text
            p.textBoundary = 0
            pendingDropCap = nil
        }
        if p.dropCap {
            // Word draws a drop cap as a frame of its own; its letters begin the next paragraph.
            pendingDropCap = pendingDropCap ?? []
            pendingDropCap!.append(contentsOf: p.text)
            return
        }
        out.append(.paragraph(finish(p)))
        out.append(contentsOf: p.following)
    }

    private func finish(_ p: ParagraphState) -> Paragraph {
        let info = paragraphStyle(p.styleId)
        let style = info.ref
        // A direct outline level wins over the style's, 9 (body text) included.
        let heading: Int? = p.outlineLevel.map { (0...8).contains($0) ? $0 + 1 : nil } ?? info.heading
        var list: ListInfo?
        let numId = p.numId ?? info.numId
        if let numId, numId != 0 {
            let level = p.ilvl ?? info.ilvl ?? 0
            if let format = numbering.format(numId: numId, level: level) {
                list = ListInfo(level: level, numId: numId, format: format)
            }
        }
        return Paragraph(text: String(decoding: p.text, as: UTF8.self).nfc, style: style, headingLevel: heading, list: list,
                         placeholder: p.placeholder.isEmpty ? nil : String(decoding: p.placeholder, as: UTF8.self).nfc,
                         images: p.images, inTextBox: textBoxDepth > 0)
    }

    private func paragraphProperties(_ p: ParagraphState) throws {
        try eachChild { t in
            switch t {
            case .pStyle: p.styleId = self.attribute(.val)
            case .outlineLvl: p.outlineLevel = self.attribute(.val).flatMap { Int($0) }
            case .numPr:
                try self.eachChild { t in
                    if t == .numId { p.numId = self.attribute(.val).flatMap { Int($0) } }
                    if t == .ilvl { p.ilvl = self.attribute(.val).flatMap { Int($0) } }
                    try self.skip()
                }
                return
            case .sectPr: try self.sectPr(); return
            case .framePr:
                let d = self.attribute(.dropCap)
                p.dropCap = d == "drop" || d == "margin"
            default: break
            }
            try self.skip()
        }
    }

    /// Whether UTF-8 text ends in white space (its last Character's, as `String.last?.isWhitespace`);
    /// nil when it is empty. `boundary` is a grapheme boundary in `bytes` and is moved to the start of
    /// the last Character: what is appended later never moves a boundary before it, so each call
    /// decodes only what came since the last.
    private static func endsInWhiteSpace(_ bytes: [UInt8], _ boundary: inout Int) -> Bool? {
        guard !bytes.isEmpty else { return nil }
        let s = String(decoding: bytes[boundary...], as: UTF8.self)
        let last = s.index(before: s.endIndex)
        boundary += s.utf8.distance(from: s.startIndex, to: last)
        return s[last].isWhitespace
    }

    /// A space, unless the text is empty or already ends in white space.
    private func separate() {
        guard let p = para, instructionDepth == 0 else { return }
        if placeholderDepth > 0 {
            if Self.endsInWhiteSpace(p.placeholder, &p.placeholderBoundary) == false { p.placeholder.append(0x20) }
        } else if Self.endsInWhiteSpace(p.text, &p.textBoundary) == false {
            p.text.append(0x20)
        }
    }

    private func append(_ s: String) {
        guard let p = para, instructionDepth == 0 else { return }
        if placeholderDepth > 0 { p.placeholder.append(contentsOf: s.utf8) } else { p.text.append(contentsOf: s.utf8) }
    }

    /// The current element's text, appended as `append` would; the element is consumed either way.
    private func appendText() throws {
        guard let p = para, instructionDepth == 0 else { try skip(); return }
        if placeholderDepth > 0 { try r.appendElementText(to: &p.placeholder) } else { try r.appendElementText(to: &p.text) }
    }

    /// Everything inside a paragraph other than its properties.
    private func inline(_ t: Tok) throws {
        switch t {
        case .r: try run()
        case .sdt: try sdt { t in try self.inline(t) }
        case .txbxContent: try textBox()
        case .del, .moveFrom, .rPr, .pPr, .rPrChange, .pPrChange, .customXmlPr, .smartTagPr,
             .fldData, .sdtPr, .sdtEndPr, .instrText, .delText, .delInstrText, .rt:
            try skip()
        case .t:  // a w:t outside a run (not valid, but some writers do it)
            try appendText()
        case .alternateContent: try alternate { t in try self.inline(t) }
        case .docPr:
            let descr = attribute(.descr).map(\.nfc)
            let title = attribute(.title).map(\.nfc)
            let name = attribute(.name)
            para?.images.append(ImageInfo(description: descr?.isEmpty == false ? descr : nil,
                                          title: title?.isEmpty == false ? title : nil, name: name))
            try skip()
        case .mT: try appendText()
        case .mE, .mNum, .mDen, .mSub, .mSup, .mDeg, .mLim, .mFName:
            // Keep the parts of a formula apart: "1 4" for ¼, not "14".
            separate()
            try eachChild { t in try self.inline(t) }
        default:
            switch r.namespace {
            case .mc:
                try skip()   // mc:Choice or Fallback outside an AlternateContent, mc:Ignorable stuff
            case .v:
                if t != .vTextbox, let alt = attribute(.alt), !alt.isEmpty {
                    para?.images.append(ImageInfo(description: alt.nfc, title: nil, name: nil))
                }
                try eachChild { t in try self.inline(t) }
            default:
                // w: hyperlink, smartTag, customXml, ins, moveTo, fldSimple, dir, bdo, sdtContent, ruby...;
                // DrawingML (a:t inside shapes' text bodies is not Word text: wps:txbx holds w:txbxContent),
                // the rest of wp:, m: and others.
                try eachChild { t in try self.inline(t) }
            }
        }
    }

    private func run() throws {
        var hidden = paragraphStyleHidden()
        try eachChild { t in
            switch t {
            case .rPr:
                try self.eachChild { t in
                    if t == .vanish { hidden = self.isOn(self.attribute(.val)) }
                    if t == .rStyle, let v = self.styles.vanish(self.attribute(.val)) {
                        hidden = v
                    }
                    try self.skip()
                }
            case .t:
                if hidden { try self.skip() } else { try self.appendText() }
            case .tab, .ptab: if !hidden { self.append("\t") }
            case .br, .cr: if !hidden { self.append("\n") }
            case .noBreakHyphen: if !hidden { self.append("-") }
            case .sym:
                if !hidden, let c = Symbols.character(font: self.attribute(.font), code: self.attribute(.char)) {
                    self.append(c)
                }
                try self.skip()
            case .fldChar:
                self.fieldChar(self.attribute(.fldCharType))
                try self.skip()
            case .softHyphen, .instrText, .delText, .delInstrText, .footnoteReference, .endnoteReference,
                 .commentReference, .annotationRef, .footnoteRef, .endnoteRef, .separator, .continuationSeparator,
                 .lastRenderedPageBreak, .dayShort, .monthShort, .yearShort, .dayLong, .monthLong, .yearLong, .pgNum:
                try self.skip()
            default:
                try self.inline(t)   // drawing, pict, object, ruby, AlternateContent ...
            }
        }
    }

    /// Whether the paragraph's style hides its text (w:vanish in the style's run properties).
    private func paragraphStyleHidden() -> Bool {
        guard let p = para else { return false }
        if let h = p.styleHidden { return h }
        let h = paragraphStyle(p.styleId).vanish ?? false
        p.styleHidden = h
        return h
    }

    /// What a paragraph takes from its style (the default paragraph style when it names none).
    struct StyleInfo {
        var ref: StyleRef?
        var heading: Int?
        var numId: Int?
        var ilvl: Int?
        var vanish: Bool?
    }
    /// The last few styles asked for: paragraphs in a row mostly share one, and a style id
    /// compared is cheaper than one hashed four times per paragraph.
    @exclusivity(unchecked) private var recentStyles: [(id: String?, info: StyleInfo)] = []

    private func paragraphStyle(_ styleId: String?) -> StyleInfo {
        for e in recentStyles where e.id == styleId { return e.info }
        let id = styleId ?? styles.defaultParagraphStyle
        let info = StyleInfo(ref: styles.ref(id), heading: styles.headingLevel(id), numId: styles.numId(id),
                             ilvl: styles.ilvl(id), vanish: styles.vanish(id))
        if recentStyles.count == 8 { recentStyles.removeFirst() }
        recentStyles.append((styleId, info))
        return info
    }

    private func fieldChar(_ type: String?) {
        switch type {
        case "begin":
            fields.append(true)
            instructionDepth += 1
        case "separate":
            if fields.last == true { fields[fields.count - 1] = false; instructionDepth -= 1 }
        case "end":
            if let inInstruction = fields.popLast(), inInstruction { instructionDepth -= 1 }
        default: break
        }
    }

    /// A text box's content becomes blocks of its own, placed after the paragraph that anchors it.
    private func textBox() throws {
        textBoxDepth += 1
        let saved = para
        para = nil
        let inner = try blocks()
        para = saved
        textBoxDepth -= 1
        para?.following.append(contentsOf: inner)
    }

    // MARK: Tables

    private enum VMerge { case none, restart, `continue` }
    private struct RawCell { var span = 1; var vMerge = VMerge.none; var hMergeContinue = false; var blocks: [Block] = [] }
    private struct RawRow { var before = 0; var after = 0; var deleted = false; var cells: [RawCell] = [] }

    private func table() throws -> Table {
        tableDepth += 1
        defer { tableDepth -= 1 }
        if tableDepth > size.limits.maxTableNesting { throw ReadError(.tablesTooDeep(size.limits.maxTableNesting)) }
        var gridColumns = 0
        var gridWidths: [Int] = []
        var rows: [RawRow] = []
        var styleId: String?

        func rowLevel(_ t: Tok) throws {
            switch t {
            case .alternateContent: try alternate(rowLevel)
            case .tblPr:
                try eachChild { t in
                    if t == .tblStyle { styleId = self.attribute(.val) }
                    try self.skip()
                }
            case .tblGrid:
                try eachChild { t in
                    if t == .gridCol {
                        gridColumns += 1
                        // Twips; a width in other units (Strict's "2.5cm") leaves the widths unknown.
                        if gridWidths.count < 1000 { gridWidths.append(self.attribute(.w).flatMap { Int($0) } ?? 0) }
                    }
                    try self.skip()
                }
            case .tr:
                let row = try tableRow()
                if !row.deleted { rows.append(row) }
            case .sdt: try sdt(rowLevel)
            case .customXml, .ins, .moveTo, .sdtContent: try eachChild(rowLevel)
            default: try skip()
            }
        }
        try eachChild(rowLevel)
        var table = Self.resolve(rows: rows, gridColumns: gridColumns, style: styleId.map { StyleRef(id: $0, name: styles.byId[$0]?.name) })
        // A width past 100,000 twips (70 inches; Word's page is 22 at most) is no width: none are kept.
        if gridWidths.count == table.columnCount, gridWidths.allSatisfy({ $0 > 0 && $0 <= 100_000 }) { table.columnWidths = gridWidths }
        return table
    }

    private func tableRow() throws -> RawRow {
        try size.add(.tableRows)
        var row = RawRow()
        func cellLevel(_ t: Tok) throws {
            switch t {
            case .alternateContent: try alternate(cellLevel)
            case .trPr:
                try eachChild { t in
                    switch t {
                    case .gridBefore: row.before = Self.count(self.attribute(.val), default: 0)
                    case .gridAfter: row.after = Self.count(self.attribute(.val), default: 0)
                    case .del: row.deleted = true
                    default: break
                    }
                    try self.skip()
                }
            case .tc: row.cells.append(try tableCell())
            case .sdt: try sdt(cellLevel)
            case .customXml, .ins, .moveTo, .sdtContent: try eachChild(cellLevel)
            default: try skip()
            }
        }
        try eachChild(cellLevel)
        return row
    }

    private func tableCell() throws -> RawCell {
        try size.add(.tableCells)
        var cell = RawCell()
        cell.blocks = try blocks(extra: { t in
            guard t == .tcPr else { return false }
            try self.eachChild { t in
                switch t {
                case .gridSpan: cell.span = Self.count(self.attribute(.val), default: 1)
                case .vMerge: cell.vMerge = self.attribute(.val) == "restart" ? .restart : .continue
                case .hMerge: cell.hMergeContinue = self.attribute(.val) != "restart"
                default: break
                }
                try self.skip()
            }
            return true
        })
        return cell
    }

    /// A span or count attribute, kept within sane bounds.
    private static func count(_ v: String?, default d: Int) -> Int {
        guard let v, let n = Int(v) else { return d }
        return min(max(n, d == 0 ? 0 : 1), 1000)
    }

    private static func resolve(rows: [RawRow], gridColumns: Int, style: StyleRef?) -> Table {
        var cells: [Cell] = []
        // Origin column → index in `cells` of the cell starting there in the row above. Only origins
        // are kept: a vMerge continuation joins a cell only when their columns are equal, and one
        // entry per cell (not per spanned column) keeps a row of wide spans from costing
        // cells × span (16 000 cells spanning 1 000 columns each: 11 s and 800 MB before).
        var above: [Int: Int] = [:]
        var width = gridColumns
        for (ri, row) in rows.enumerated() {
            var col = row.before
            var here: [Int: Int] = [:]
            for raw in row.cells {
                if raw.hMergeContinue, let last = cells.indices.last, cells[last].row == ri {
                    cells[last].columnSpan += raw.span
                    cells[last].blocks += raw.blocks.filter { !$0.text.isEmpty }
                    col += raw.span   // `last` keeps its origin, which `here` already has
                    continue
                }
                if raw.vMerge == .continue, let idx = above[col], cells[idx].column == col {
                    cells[idx].rowSpan = ri - cells[idx].row + 1
                    // Word shows only the first cell's content; text typed into a merged-away cell is kept, not lost.
                    cells[idx].blocks += raw.blocks.filter { !$0.text.isEmpty }
                    here[col] = idx
                } else {
                    cells.append(Cell(row: ri, column: col, rowSpan: 1, columnSpan: raw.span, blocks: raw.blocks))
                    here[col] = cells.count - 1
                }
                col += raw.span
            }
            width = max(width, col + row.after)
            above = here
        }
        return Table(rowCount: rows.count, columnCount: width, cells: cells, style: style)
    }
}

/// How much of the document has been read, over all its parts, against the limits: a small
/// file of a million rows is refused once it passes them, not after it has been built.
final class ModelSize {
    let limits: ReadLimits
    private var paragraphs = 0
    private var tableRows = 0
    private var tableCells = 0
    init(limits: ReadLimits) { self.limits = limits }

    /// One more paragraph, row or cell.
    func add(_ what: ReadError.Extent) throws(ReadError) {
        let (n, limit): (Int, Int)
        switch what {
        case .paragraphs: paragraphs += 1; (n, limit) = (paragraphs, limits.maxParagraphs)
        case .tableRows: tableRows += 1; (n, limit) = (tableRows, limits.maxTableRows)
        case .tableCells: tableCells += 1; (n, limit) = (tableCells, limits.maxTableCells)
        default: return
        }
        if n > limit { throw ReadError(.tooMany(what, limit)) }
    }
}
