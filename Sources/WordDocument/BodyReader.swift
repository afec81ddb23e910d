import DocxPackage

/// Pulls one WordprocessingML part (document, header, footer, notes) into blocks.
///
/// Recursive descent over a streaming reader: every handler is called with the
/// reader on an element's start and leaves it on that element's last node
/// (its end, or the start itself when empty).
final class BodyReader {
    let r: XMLPullReader
    var styles: Styles
    let numbering: Numbering
    let limits: ReadLimits

    private var tableDepth = 0
    private var placeholderDepth = 0
    private var textBoxDepth = 0
    /// Open complex fields, innermost last: true while in the field's instruction (begin…separate),
    /// whose text, nested fields' results included, is not shown. Fields may span paragraphs.
    private var fields: [Bool] = []
    private var instructionDepth = 0
    /// A drop cap's letters, waiting for the paragraph they begin.
    private var pendingDropCap: String?
    private var para: ParagraphState?
    /// Header and footer references met in section properties: (isHeader, kind, relationship id).
    var sectionReferences: [(isHeader: Bool, kind: HeaderFooterKind, id: String)] = []

    final class ParagraphState {
        var text = ""
        var placeholder = ""
        var images: [ImageInfo] = []
        var following: [Block] = []
        var styleId: String?
        var numId: Int?
        var ilvl: Int?
        var outlineLevel: Int?
        var dropCap = false
        /// Hidden through the paragraph style (w:vanish in its run properties), computed once.
        var styleHidden: Bool?
    }

    init(_ r: XMLPullReader, styles: Styles, numbering: Numbering, limits: ReadLimits) {
        self.r = r
        self.styles = styles
        self.numbering = numbering
        self.limits = limits
    }

    // MARK: Walking

    /// Calls `body` for each child element of the current element.
    @inline(__always)
    private func eachChild(_ body: (QName) throws -> Void) throws {
        if r.isEmptyElement { return }
        let d = r.depth
        while try r.read() {
            if r.kind == .element {
                try body(r.name)
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
                try eachChild { q in
                    if q.ns == .w && q.local == "body" { blocks = try self.blocks() } else { try self.skip() }
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
            try eachChild { q in
                guard q.ns == .w, q.local == "footnote" || q.local == "endnote" else { try self.skip(); return }
                let type = self.r.attribute(.w, "type") ?? "normal"
                let id = self.r.attribute(.w, "id") ?? ""
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

    func blocks(extra: ((QName) throws -> Bool)? = nil) throws -> [Block] {
        var out: [Block] = []
        try eachChild { q in
            if let extra, try extra(q) { return }
            try self.block(q, into: &out)
        }
        return out
    }

    private func block(_ q: QName, into out: inout [Block]) throws {
        if q.ns == .w {
            switch q.local {
            case "p": try paragraph(into: &out)
            case "tbl": out.append(.table(try table()))
            case "sdt": try sdt { q in try self.block(q, into: &out) }
            case "customXml", "ins", "moveTo", "smartTag", "sdtContent":
                try eachChild { q in try self.block(q, into: &out) }
            case "sectPr": try sectPr()
            default: try skip()   // del, moveFrom, bookmarks, proofing marks, altChunk, tblPr ...
            }
        } else if q.ns == .mc && q.local == "AlternateContent" {
            try alternate { q in try self.block(q, into: &out) }
        } else {
            try skip()
        }
    }

    /// A content control: marks what it holds as placeholder while it shows its placeholder.
    private func sdt(_ content: (QName) throws -> Void) throws {
        var showing = false
        try eachChild { q in
            guard q.ns == .w else { try self.skip(); return }
            switch q.local {
            case "sdtPr":
                try self.eachChild { q in
                    if q.ns == .w && q.local == "showingPlcHdr" { showing = self.isOn(self.r.attribute(.w, "val")) }
                    try self.skip()
                }
            case "sdtContent":
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
    private func alternate(_ content: (QName) throws -> Void) throws {
        var taken = false
        try eachChild { q in
            if !taken && q.ns == .mc && (q.local == "Choice" || q.local == "Fallback") {
                taken = true
                try self.eachChild(content)
            } else {
                try self.skip()
            }
        }
    }

    private func sectPr() throws {
        try eachChild { q in
            if q.ns == .w && (q.local == "headerReference" || q.local == "footerReference"),
               let id = self.r.attribute(.r, "id") {
                let kind = HeaderFooterKind(rawValue: self.r.attribute(.w, "type") ?? "default") ?? .default
                self.sectionReferences.append((q.local == "headerReference", kind, id))
            }
            try self.skip()
        }
    }

    // MARK: Paragraphs

    private func paragraph(into out: inout [Block]) throws {
        let saved = para
        let p = ParagraphState()
        para = p
        defer { para = saved }
        try eachChild { q in
            if q.ns == .w && q.local == "pPr" { try self.paragraphProperties(p) } else { try self.inline(q) }
        }
        // A field instruction never runs past its paragraph: a begin whose separate or end went
        // missing (deleted with tracking on, say) must not hide the rest of the part.
        if instructionDepth > 0 {
            for i in fields.indices { fields[i] = false }
            instructionDepth = 0
        }
        if let d = pendingDropCap, !p.dropCap {
            p.text = d + p.text
            pendingDropCap = nil
        }
        if p.dropCap {
            // Word draws a drop cap as a frame of its own; its letters begin the next paragraph.
            pendingDropCap = (pendingDropCap ?? "") + p.text
            return
        }
        out.append(.paragraph(finish(p)))
        out.append(contentsOf: p.following)
    }

    private func finish(_ p: ParagraphState) -> Paragraph {
        let style = styles.ref(p.styleId)
        // A direct outline level wins over the style's, 9 (body text) included.
        let heading: Int? = p.outlineLevel.map { (0...8).contains($0) ? $0 + 1 : nil } ?? styles.headingLevel(style?.id)
        var list: ListInfo?
        let numId = p.numId ?? styles.numId(style?.id)
        if let numId, numId != 0 {
            let level = p.ilvl ?? styles.ilvl(style?.id) ?? 0
            if let format = numbering.format(numId: numId, level: level) {
                list = ListInfo(level: level, numId: numId, format: format)
            }
        }
        return Paragraph(text: Self.nfc(p.text), style: style, headingLevel: heading, list: list,
                         placeholder: p.placeholder.isEmpty ? nil : Self.nfc(p.placeholder),
                         images: p.images, inTextBox: textBoxDepth > 0)
    }

    /// Unicode NFC, through the standard library (no Foundation). Text with no UTF-8 byte ≥ 0xCC
    /// has only code points below U+0300: none of them is a combining mark or a Hangul jamo, none
    /// composes with what precedes it and none decomposes, so such text is already NFC.
    static func nfc(_ s: String) -> String {
        for b in s.utf8 where b >= 0xCC { return String(decoding: s._nfcCodeUnits, as: UTF8.self) }
        return s
    }

    private func paragraphProperties(_ p: ParagraphState) throws {
        try eachChild { q in
            guard q.ns == .w else { try self.skip(); return }
            switch q.local {
            case "pStyle": p.styleId = self.r.attribute(.w, "val")
            case "outlineLvl": p.outlineLevel = self.r.attribute(.w, "val").flatMap { Int($0) }
            case "numPr":
                try self.eachChild { q in
                    if q.ns == .w && q.local == "numId" { p.numId = self.r.attribute(.w, "val").flatMap { Int($0) } }
                    if q.ns == .w && q.local == "ilvl" { p.ilvl = self.r.attribute(.w, "val").flatMap { Int($0) } }
                    try self.skip()
                }
                return
            case "sectPr": try self.sectPr(); return
            case "framePr":
                let d = self.r.attribute(.w, "dropCap")
                p.dropCap = d == "drop" || d == "margin"
            default: break
            }
            try self.skip()
        }
    }

    /// A space, unless the text is empty or already ends in white space.
    private func separate() {
        guard let p = para, instructionDepth == 0 else { return }
        if placeholderDepth > 0 {
            if let l = p.placeholder.last, !l.isWhitespace { p.placeholder += " " }
        } else if let l = p.text.last, !l.isWhitespace {
            p.text += " "
        }
    }

    private func append(_ s: String) {
        guard let p = para, instructionDepth == 0 else { return }
        if placeholderDepth > 0 { p.placeholder += s } else { p.text += s }
    }

    /// Everything inside a paragraph other than its properties.
    private func inline(_ q: QName) throws {
        switch q.ns {
        case .w:
            switch q.local {
            case "r": try run()
            case "sdt": try sdt { q in try self.inline(q) }
            case "txbxContent": try textBox()
            case "del", "moveFrom", "rPr", "pPr", "rPrChange", "pPrChange", "customXmlPr", "smartTagPr",
                 "fldData", "sdtPr", "sdtEndPr", "instrText", "delText", "delInstrText", "rt":
                try skip()
            case "t":  // a w:t outside a run (not valid, but some writers do it)
                append(try r.elementText())
            default:
                // hyperlink, smartTag, customXml, ins, moveTo, fldSimple, dir, bdo, sdtContent, ruby...
                try eachChild { q in try self.inline(q) }
            }
        case .mc:
            if q.local == "AlternateContent" { try alternate { q in try self.inline(q) } } else { try skip() }
        case .wp:
            if q.local == "docPr" {
                let descr = r.attribute(.none, "descr").map(Self.nfc)
                let title = r.attribute(.none, "title").map(Self.nfc)
                let name = r.attribute(.none, "name")
                para?.images.append(ImageInfo(description: descr?.isEmpty == false ? descr : nil,
                                              title: title?.isEmpty == false ? title : nil, name: name))
                try skip()
            } else {
                try eachChild { q in try self.inline(q) }
            }
        case .v:
            if let alt = r.attribute(.none, "alt"), !alt.isEmpty, q.local != "textbox" {
                para?.images.append(ImageInfo(description: Self.nfc(alt), title: nil, name: nil))
            }
            try eachChild { q in try self.inline(q) }
        case .m:
            switch q.local {
            case "t": append(try r.elementText())
            case "e", "num", "den", "sub", "sup", "deg", "lim", "fName":
                // Keep the parts of a formula apart: "1 4" for ¼, not "14".
                separate()
                try eachChild { q in try self.inline(q) }
            default: try eachChild { q in try self.inline(q) }
            }
        case .a:
            // DrawingML: a:t inside shapes' text bodies is not Word text (wps:txbx holds w:txbxContent).
            try eachChild { q in try self.inline(q) }
        default:
            try eachChild { q in try self.inline(q) }
        }
    }

    private func run() throws {
        var hidden = paragraphStyleHidden()
        try eachChild { q in
            guard q.ns == .w else { try self.inline(q); return }
            switch q.local {
            case "rPr":
                try self.eachChild { q in
                    if q.ns == .w && q.local == "vanish" { hidden = self.isOn(self.r.attribute(.w, "val")) }
                    if q.ns == .w && q.local == "rStyle", let v = self.styles.vanish(self.r.attribute(.w, "val")) {
                        hidden = v
                    }
                    try self.skip()
                }
            case "t":
                let s = try self.r.elementText()
                if !hidden { self.append(s) }
            case "tab", "ptab": if !hidden { self.append("\t") }
            case "br", "cr": if !hidden { self.append("\n") }
            case "noBreakHyphen": if !hidden { self.append("-") }
            case "sym":
                if !hidden, let c = Symbols.character(font: self.r.attribute(.w, "font"), code: self.r.attribute(.w, "char")) {
                    self.append(c)
                }
                try self.skip()
            case "fldChar":
                self.fieldChar(self.r.attribute(.w, "fldCharType"))
                try self.skip()
            case "softHyphen", "instrText", "delText", "delInstrText", "footnoteReference", "endnoteReference",
                 "commentReference", "annotationRef", "footnoteRef", "endnoteRef", "separator", "continuationSeparator",
                 "lastRenderedPageBreak", "dayShort", "monthShort", "yearShort", "dayLong", "monthLong", "yearLong", "pgNum":
                try self.skip()
            default:
                try self.inline(q)   // drawing, pict, object, ruby, AlternateContent ...
            }
        }
    }

    /// Whether the paragraph's style hides its text (w:vanish in the style's run properties).
    private func paragraphStyleHidden() -> Bool {
        guard let p = para else { return false }
        if let h = p.styleHidden { return h }
        let h = styles.vanish(p.styleId ?? styles.defaultParagraphStyle) ?? false
        p.styleHidden = h
        return h
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
        if tableDepth > limits.maxTableNesting { throw ReadError(.tablesTooDeep(limits.maxTableNesting)) }
        var gridColumns = 0
        var rows: [RawRow] = []
        var styleId: String?

        func rowLevel(_ q: QName) throws {
            if q.ns == .mc && q.local == "AlternateContent" { try alternate(rowLevel); return }
            guard q.ns == .w else { try skip(); return }
            switch q.local {
            case "tblPr":
                try eachChild { q in
                    if q.ns == .w && q.local == "tblStyle" { styleId = self.r.attribute(.w, "val") }
                    try self.skip()
                }
            case "tblGrid":
                try eachChild { q in
                    if q.ns == .w && q.local == "gridCol" { gridColumns += 1 }
                    try self.skip()
                }
            case "tr":
                let row = try tableRow()
                if !row.deleted { rows.append(row) }
            case "sdt": try sdt(rowLevel)
            case "customXml", "ins", "moveTo", "sdtContent": try eachChild(rowLevel)
            default: try skip()
            }
        }
        try eachChild(rowLevel)
        return Self.resolve(rows: rows, gridColumns: gridColumns, style: styleId.map { StyleRef(id: $0, name: styles.byId[$0]?.name) })
    }

    private func tableRow() throws -> RawRow {
        var row = RawRow()
        func cellLevel(_ q: QName) throws {
            if q.ns == .mc && q.local == "AlternateContent" { try alternate(cellLevel); return }
            guard q.ns == .w else { try skip(); return }
            switch q.local {
            case "trPr":
                try eachChild { q in
                    if q.ns == .w {
                        switch q.local {
                        case "gridBefore": row.before = Self.count(self.r.attribute(.w, "val"), default: 0)
                        case "gridAfter": row.after = Self.count(self.r.attribute(.w, "val"), default: 0)
                        case "del": row.deleted = true
                        default: break
                        }
                    }
                    try self.skip()
                }
            case "tc": row.cells.append(try tableCell())
            case "sdt": try sdt(cellLevel)
            case "customXml", "ins", "moveTo", "sdtContent": try eachChild(cellLevel)
            default: try skip()
            }
        }
        try eachChild(cellLevel)
        return row
    }

    private func tableCell() throws -> RawCell {
        var cell = RawCell()
        cell.blocks = try blocks { q in
            guard q.ns == .w && q.local == "tcPr" else { return false }
            try self.eachChild { q in
                if q.ns == .w {
                    switch q.local {
                    case "gridSpan": cell.span = Self.count(self.r.attribute(.w, "val"), default: 1)
                    case "vMerge": cell.vMerge = self.r.attribute(.w, "val") == "restart" ? .restart : .continue
                    case "hMerge": cell.hMergeContinue = self.r.attribute(.w, "val") != "restart"
                    default: break
                    }
                }
                try self.skip()
            }
            return true
        }
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
