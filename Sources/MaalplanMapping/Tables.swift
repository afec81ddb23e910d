import MaalplanModel
import TextScan
import WordDocument

/// A table cell as the mapping reads it: its text, the label it is (if any), where a person finds
/// it (`table`, `row` of its own Word table, and `column`: the how-manyth cell of the row it is, a
/// merged cell counted once, as a person counts them), and the grid columns it covers in the grid
/// it is read in (a table's own, or, for the second part of a split table, the first part's).
/// `left` and `right` are where it begins and ends across the row: in twips where the table
/// gives its columns' widths, else in grid columns.
struct GridCell {
    let cell: Cell
    let text: String
    let label: Label?
    let table: Int
    let row: Int
    let column: Int
    var start: Int
    var end: Int
    var left: Int
    var right: Int
    /// More than one paragraph or line: no label.
    let multiline: Bool
    /// `label` is its first line's (a label with a note under it in its cell).
    var byFirstLine = false

    /// The label the whole text is: a label cell in the 2024 layout, or a label's word in a value's place.
    var wholeLabel: Label? { byFirstLine ? nil : label }

    var isEmpty: Bool { text.isEmpty }
    func overlaps(_ c: GridCell) -> Bool { start < c.end && end > c.start }
}

/// One reading of a table: the labels and the cells of their values, and a score of how much of
/// the table it explains.
struct TableReading {
    enum Layout { case above, beside }
    enum Step {
        /// A label (known, or inferred from its place) and the cells of its value.
        case assign(Label, values: [GridCell], label: GridCell, inferred: Bool)
        /// More lines for the label before (a row added under a 2024 label, its first cell empty).
        case append(values: [GridCell], row: GridCell)
        /// Text in a label's place that is no label, with the cells of its value.
        case unknownLabel(GridCell, values: [GridCell])
        case unplaced(GridCell)
        case sheet(Phase)

        /// The cell in a label's place, for the steps that have one.
        var labelCell: GridCell? {
            switch self {
            case .assign(_, _, let l, _), .unknownLabel(let l, _): return l
            case .append, .unplaced, .sheet: return nil
            }
        }
    }
    let layout: Layout
    var steps: [Step] = []
    /// + 2 a known label, + 1 an inferred one, − 1 each text left unexplained or label without a value.
    var score = 0
    /// The last row, a row of labels with no values under it: perhaps a table split in two.
    var openLabels: [GridCell]?
}

/// Each table read the way that explains most of it; split tables joined; labels inferred.
extension MapState {

    /// A table's rows as the mapping reads them.
    func grid(_ t: Table, number: Int) -> [[GridCell]] {
        // Cells merged down from a row above still take a place in the rows they cover.
        var mergedDown: [Cell] = []
        // The grid's column edges across the row: its widths added up, or the columns counted.
        var edges = Array(0...t.columnCount)
        if !t.columnWidths.isEmpty {
            edges = [0]
            for w in t.columnWidths { edges.append(edges[edges.count - 1] + w) }
        }
        return (0..<t.rowCount).map { r in
            mergedDown.removeAll { $0.row + $0.rowSpan <= r }
            let cells = t.cells(inRow: r)
            let row = cells.enumerated().map { i, c in
                let raw = c.text
                let text = raw.collapsedSpace
                // Cells come left to right: the cells before it in the row, and those merged down beside them.
                let place = i + mergedDown.count { $0.column < c.column }
                let multiline = raw.utf8.contains(0x0A)
                // A label with a short note on a line of its own ("Ejer (afdelingschef)" / "navn og titel").
                let whole = rules.label(text)
                let firstLine = whole != nil || !multiline || text.utf8.count > 80 ? nil
                    : raw.utf8.split(separator: 0x0A).first.flatMap { rules.label(String(decoding: $0, as: UTF8.self)) }
                return GridCell(cell: c, text: text, label: whole ?? firstLine, table: number, row: r, column: place,
                                start: c.column, end: c.column + c.columnSpan,
                                left: edges[c.column], right: edges[c.column + c.columnSpan],
                                multiline: multiline, byFirstLine: firstLine != nil)
            }
            mergedDown += cells.filter { $0.rowSpan > 1 }
            return row
        }
    }

    mutating func table(_ t: Table, number: Int) {
        var rows = grid(t, number: number)
        if let labels = openLabels, let first = rows.first, !first.contains(where: { $0.label != nil }),
           sheet(of: first) == nil {
            // A table split in two: the values of the labels the last table ended with are here.
            openLabels = nil
            result.notes.append(MappingNote(.info, .splitTable(first: labels[0].table, second: number),
                                            location: Location(table: number, row: 1, sheet: sheet)))
            rows = [labels] + Self.aligned(rows, under: labels, columns: t.columnCount)
        } else {
            closeOpenLabels()
        }
        read(rows, mayStayOpen: true)
    }

    /// The rows of a split table's second part, their columns put under the labels of the first:
    /// cell by cell when a row has as many cells as there are labels, else in proportion.
    static func aligned(_ rows: [[GridCell]], under labels: [GridCell], columns: Int) -> [[GridCell]] {
        let width = labels.map(\.end).max() ?? 0
        let across = labels.map(\.right).max() ?? 0, ownAcross = rows.flatMap { $0.map(\.right) }.max() ?? 0
        func scaled(_ c: GridCell) -> GridCell {
            var c = c
            c.start = c.start * width / max(columns, 1)
            c.end = max(c.start + 1, (c.end * width + columns - 1) / max(columns, 1))
            c.left = c.left * across / max(ownAcross, 1)
            c.right = max(c.left + 1, c.right * across / max(ownAcross, 1))
            return c
        }
        if width == columns { return across == ownAcross ? rows : rows.map { $0.map(scaled) } }
        return rows.map { row in
            guard row.count == labels.count else { return row.map(scaled) }
            return zip(row, labels).map { c, l in
                var c = c
                (c.start, c.end, c.left, c.right) = (l.start, l.end, l.left, l.right)
                return c
            }
        }
    }

    /// Labels left without values at the end of a table, with nothing that carries on in the
    /// next table: read as they are (empty).
    mutating func closeOpenLabels() {
        guard let labels = openLabels else { return }
        openLabels = nil
        read([labels], mayStayOpen: false)
    }

    /// Reads a table the way that explains most of it: labels in a row over their values (2025),
    /// or labels in a column beside them (2024). When the table tells neither, the document's way so far.
    mutating func read(_ rows: [[GridCell]], mayStayOpen: Bool) {
        // The rows that are a sheet's heading, for both readings.
        let sheets = rows.map(sheet(of:))
        let above = readAbove(rows, sheets: sheets)
        let beside = readBeside(rows, sheets: sheets)
        let documentLayout: TableReading.Layout = sheet != nil || besideUses > aboveUses ? .beside : .above
        let chosen = above.score != beside.score ? (above.score > beside.score ? above : beside)
            : (documentLayout == .above ? above : beside)
        var steps = chosen.steps
        // A table no reading explains (a budget with one "Evaluering" row, a list of contacts) is
        // no table of the plan's: its text is reported, not read into fields.
        if chosen.score <= 0 {
            // Labels of the template's all the same (two or more) say the document is a plan.
            let labels = rows.joined().filter { $0.wholeLabel != nil }.count
            if labels >= 2 { result.labelCount += labels }
            steps = steps.flatMap { step -> [TableReading.Step] in
                switch step {
                case .assign(_, let values, _, _): return values.map { .unplaced($0) }
                case .append(let values, _): return values.map { .unplaced($0) }
                case .unknownLabel, .unplaced, .sheet: return [step]
                }
            }
        }
        if let open = chosen.openLabels {
            if mayStayOpen {
                openLabels = open
                // Its labels are read with the next table, or on their own when none follows.
                steps.removeAll { step in step.labelCell.map { $0.table == open[0].table && $0.row == open[0].row } ?? false }
            }
        }
        apply(steps, layout: chosen.layout)
    }

    /// The template's table whose fields stand where a row's (or a column's) known labels stand,
    /// when there is exactly one: the fields for the places whose text is not a label, or is a
    /// label the row has twice where the template has another ("Tegn | Tegn" over signs and
    /// trial actions: the second is read as "Prøvehandling").
    func inferred(_ slots: [GridCell], templates: [[Field]]) -> [Int: Field] {
        guard slots.contains(where: { $0.label != nil }) else { return [:] }
        var found: [[Int: Field]] = []
        for t in templates where t.count == slots.count {
            var guesses: [Int: Field] = [:]
            var fits = 0
            var fails = false
            for (i, s) in slots.enumerated() {
                if let l = s.label {
                    if t[i] == l.field { fits += 1; continue }
                    // The same label again, its other place being the template's: a copy typed over this one.
                    let twice = slots.indices.contains { $0 != i && slots[$0].label?.field == l.field && t[$0] == l.field }
                    if twice { guesses[i] = t[i] } else { fails = true; break }
                } else if s.isEmpty || Self.looksLikeLabel(s) {
                    guesses[i] = t[i]
                } else {
                    fails = true; break
                }
            }
            // At least as many labels where the template has them as places guessed: one label
            // among names ("Ejer | Lone Dahl | Godkendt") identifies nothing.
            if fits >= guesses.count && !fails && !guesses.isEmpty { found.append(guesses) }
        }
        return found.count == 1 ? found[0] : [:]
    }

    /// The sheet a row's text names ("FØR", "UNDER – udviklingsdage del 1"), for a row of one
    /// heading across the table.
    func sheet(of row: [GridCell]) -> Phase? {
        // A heading is short and has no label: most rows are passed without joining their text.
        guard row.reduce(0, { $0 + $1.text.utf8.count }) <= 80, !row.contains(where: { $0.label != nil }) else { return nil }
        let texts = row.map(\.text).filter { !$0.isEmpty }
        // The heading across the row, or in its first cell beside a column's title ("FØR | Indhold").
        return rules.sheet(texts.joined(separator: " ")) ?? (texts.count > 1 ? rules.sheet(texts[0]) : nil)
    }

    /// Whether a row is a row of labels, and its labels (known, or inferred from the template
    /// table the others identify) by cell. A row of short texts with one known label right under a
    /// row of labels is their values ("Afdelingschef" written as the owner), not more labels.
    func labelRow(_ row: [GridCell], underLabels: Bool) -> [Int: (Label, inferred: Bool)]? {
        guard row.contains(where: { $0.label != nil }) else { return nil }
        let known = row.compactMap(\.label)
        guard row.allSatisfy({ $0.isEmpty || $0.label != nil || Self.looksLikeLabel($0) }) else { return nil }
        let guesses = inferred(row, templates: rules.tablesAbove)
        let distinct = Set(known.map(\.field)).count
        let nonEmpty = row.filter { !$0.isEmpty }.count
        guard distinct >= 2 || known.count == nonEmpty || (!guesses.isEmpty && !underLabels) else { return nil }
        var labels: [Int: (Label, inferred: Bool)] = [:]
        for (i, c) in row.enumerated() {
            if let g = guesses[i] { labels[i] = (Label(g), true) } else if let l = c.label { labels[i] = (l, false) }
        }
        return labels
    }

    /// Labels in a row, their values in the rows below up to the next row of labels.
    func readAbove(_ rows: [[GridCell]], sheets: [Phase?]) -> TableReading {
        var reading = TableReading(layout: .above)
        var sawLabels = false
        var r = 0
        var underLabels = false
        var labelRowsRead = Set<[String]>()
        while r < rows.count {
            let row = rows[r]
            let nonEmpty = row.filter { !$0.isEmpty }
            if let labels = labelRow(row, underLabels: underLabels) {
                sawLabels = true
                var n = r + 1
                while n < rows.count, labelRow(rows[n], underLabels: n == r + 1) == nil, sheets[n] == nil { n += 1 }
                let valueRows = rows[(r + 1)..<n]
                // The same labels again right below: a header row typed twice, read once.
                if valueRows.isEmpty, n < rows.count, rows[n].map(\.text) == row.map(\.text) {
                    r = n
                    continue
                }
                // A row of labels this table has had already, with nothing under it: a copy of the header.
                let texts = row.map(\.text)
                if !labelRowsRead.insert(texts).inserted, valueRows.allSatisfy({ $0.allSatisfy(\.isEmpty) }) {
                    r = n
                    continue
                }
                if valueRows.isEmpty && n == rows.count { reading.openLabels = row }
                // Each value cell belongs to the label over most of it; one spread evenly over several
                // labels (a merged remark row) belongs to none of them.
                // A row of as many cells as there are labels (empty cells at its end aside) is read cell
                // by cell, as a person reads it, even where its borders have slid from those above.
                var values = [[GridCell]](repeating: [], count: row.count)
                for vr in valueRows {
                    var cells = vr[...]
                    while cells.count > row.count, cells.last?.isEmpty == true { cells.removeLast() }
                    for (k, v) in cells.enumerated() {
                        // A label's word in a value's place: possible ("Afdelingschef" as the owner), not likely.
                        if v.wholeLabel != nil { reading.score -= 1 }
                        if cells.count == row.count {
                            values[k].append(v)
                            continue
                        }
                        var best = 0, bestWidth = 0
                        for (i, l) in row.enumerated() {
                            let w = min(l.right, v.right) - max(l.left, v.left)
                            if w > bestWidth { (best, bestWidth) = (i, w) }
                        }
                        // Measured in widths: a border a little off the one above (rows drawn by hand,
                        // a converter's rounding) still leaves most of the cell under its label.
                        if bestWidth * 2 > v.right - v.left {
                            values[best].append(v)
                        } else if !v.isEmpty {
                            reading.steps.append(.unplaced(v))
                            reading.score -= 1
                        }
                    }
                }
                var seen = Set<Field>()
                for (i, c) in row.enumerated() {
                    let filled = values[i].contains { !$0.isEmpty }
                    guard let (label, guessed) = labels[i] else {
                        if c.isEmpty {
                            // No label: its values are text nobody placed.
                            for v in values[i] where !v.isEmpty { reading.steps.append(.unplaced(v)); reading.score -= 1 }
                        } else {
                            reading.steps.append(.unknownLabel(c, values: values[i]))
                            reading.score -= 1
                        }
                        continue
                    }
                    // An empty label cell over empty cells: nothing to read, nothing to infer.
                    if c.isEmpty && !filled { continue }
                    // The same field twice in a row, not explained by the template: the second is no label.
                    if !seen.insert(label.field).inserted && !label.addsToField {
                        reading.steps.append(.unknownLabel(c, values: values[i]))
                        reading.score -= 1
                        continue
                    }
                    reading.steps.append(.assign(label, values: values[i], label: c, inferred: guessed))
                    reading.score += guessed ? 1 : 2
                    // A label straight over the next row of labels has no value.
                    if valueRows.isEmpty && n < rows.count { reading.score -= 1 }
                }
                underLabels = valueRows.isEmpty
                r = n
                continue
            }
            underLabels = false
            if !nonEmpty.isEmpty {
                let hasLabel = row.contains { $0.label != nil }
                if !hasLabel, let s = sheets[r] {
                    reading.steps.append(.sheet(s))   // a merged title row naming the sheet
                } else if !hasLabel && !sawLabels && r == 0 && row.count == 1 {
                    // A merged title row above the labels: a heading, not content.
                } else {
                    for c in nonEmpty { reading.steps.append(.unplaced(c)) }
                    reading.score -= nonEmpty.count
                }
            }
            r += 1
        }
        return reading
    }

    /// Labels beside their values: label, value, label, value ... in each row.
    func readBeside(_ rows: [[GridCell]], sheets: [Phase?]) -> TableReading {
        var reading = TableReading(layout: .beside)
        let hasLabels = rows.contains { $0.contains { $0.wholeLabel != nil } }
        // The label column's places: the first cell of each row of two or more cells that is not empty.
        let slotRows = rows.indices.filter { rows[$0].count >= 2 && !rows[$0][0].isEmpty && !rows[$0][0].byFirstLine }
        let guesses = inferred(slotRows.map { rows[$0][0] }, templates: rules.tablesBeside)
        var guessByRow: [Int: Field] = [:]
        for (i, f) in guesses { guessByRow[slotRows[i]] = f }
        var sawLabels = false
        var underLabel = false
        for (r, row) in rows.enumerated() {
            let nonEmpty = row.filter { !$0.isEmpty }
            let labelAt: (Int) -> (Label, Bool)? = { i in
                if let l = row[i].wholeLabel { return (l, false) }
                if i == 0, let f = guessByRow[r] { return (Label(f), true) }
                return nil
            }
            if row.indices.contains(where: { labelAt($0) != nil }) {
                sawLabels = true
                var i = 0
                while i < row.count {
                    let c = row[i]
                    let label = labelAt(i)
                    guard label != nil || (Self.looksLikeLabel(c) && i + 1 < row.count && row[i + 1].wholeLabel == nil) else {
                        if !c.isEmpty { reading.steps.append(.unplaced(c)); reading.score -= 1 }
                        i += 1
                        continue
                    }
                    // The value: the cell to the right; more cells before the next label are no one's
                    // (a column added for comments).
                    var j = i + 1
                    while j < row.count && row[j].wholeLabel == nil { j += 1 }
                    let values = j > i + 1 ? [row[i + 1]] : []
                    for extra in row[min(i + 2, j)..<j] where !extra.isEmpty {
                        reading.steps.append(.unplaced(extra))
                        reading.score -= 1
                    }
                    if let (l, guessed) = label {
                        reading.steps.append(.assign(l, values: values, label: c, inferred: guessed))
                        // A page number beside a label is a table of contents, not a value.
                        let pageNumber = values.count == 1 && !values[0].isEmpty && values[0].text.utf8.count <= 3
                            && values[0].text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                        reading.score += pageNumber ? -1 : guessed ? 1 : 2
                        if values.isEmpty { reading.score -= 1 }
                        underLabel = true
                    } else {
                        reading.steps.append(.unknownLabel(c, values: values))
                        reading.score -= 1
                        underLabel = false
                    }
                    i = j
                }
                continue
            }
            guard !nonEmpty.isEmpty else { continue }
            if let s = sheets[r] {
                reading.steps.append(.sheet(s))       // a merged title row naming the sheet
            } else if !sawLabels && r == 0 && row.count == 1 {
                // A merged title row above the labels: a heading, not content.
            } else if underLabel, row[0].isEmpty {
                // A row added under a 2024 label, its first column left empty: more of the same value.
                reading.steps.append(.append(values: Array(row.dropFirst()), row: row[0]))
            } else if underLabel, let first = row.first, first.start > 0, mergedLabel(above: r, in: rows) {
                // The label's cell merged down over this row too: its value goes on.
                reading.steps.append(.append(values: row, row: first))
            } else if hasLabels, row.count >= 2, Self.looksLikeLabel(row[0]), !row[1].isEmpty {
                // In a table of labels, a label we do not know beside its value ("Indikatorer"): said with its text.
                reading.steps.append(.unknownLabel(row[0], values: [row[1]]))
                reading.score -= 1
                underLabel = false
                for extra in row.dropFirst(2) where !extra.isEmpty {
                    reading.steps.append(.unplaced(extra))
                    reading.score -= 1
                }
            } else {
                for c in nonEmpty { reading.steps.append(.unplaced(c)) }
                reading.score -= nonEmpty.count
            }
        }
        return reading
    }

    /// A value without the field's own label typed again: "Tegn:" as a line over the signs is no
    /// sign, and a one-line "Ejer: Lone Dahl" is "Lone Dahl". Labels are never values. (The
    /// second half of a joined label, "Målgruppe: ...", says what the line is, and stays.)
    func withoutOwnLabel(_ lines: [String], _ field: Field) -> [String] {
        func own(_ text: String) -> Bool {
            guard let l = rules.label(text) else { return false }
            return l.field == field && !l.addsToField
        }
        let kept = lines.filter { !own($0) }
        guard kept.count == 1, let line = kept.first, let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")),
              line.utf8.distance(from: line.startIndex, to: colon) <= 60, own(String(line[..<colon])) else { return kept }
        let rest = String(line[line.index(after: colon)...]).trimmed
        return rest.isEmpty ? [] : [rest]
    }

    /// Whether the cell in the first column of the rows above reaches down over row `r`
    /// (a 2024 label merged over several rows of values).
    func mergedLabel(above r: Int, in rows: [[GridCell]]) -> Bool {
        var k = r - 1
        while k >= 0 {
            if let c = rows[k].first, c.start == 0 { return c.label != nil && c.row + c.cell.rowSpan > rows[r][0].row }
            k -= 1
        }
        return false
    }

    /// Where a person finds a cell: its table, row and column counted from 1, the sheet read now.
    func location(_ c: GridCell, label: String? = nil) -> Location {
        Location(table: c.table, row: c.row + 1, column: c.column + 1, label: label, sheet: sheet)
    }

    mutating func apply(_ steps: [TableReading.Step], layout: TableReading.Layout) {
        var lastLabel: Label?
        var labelRows = Set<[Int]>()
        for step in steps {
            switch step {
            case .sheet(let s):
                enterSheet(s)
            case .assign(let label, let values, let at, let guessed):
                let anchor = values.first ?? at
                let loc = location(anchor, label: at.text)
                if guessed {
                    result.notes.append(MappingNote(.warning, .labelInferred(found: at.text, assumed: label.field),
                                                    location: location(at, label: at.text)))
                }
                result.labelCount += 1
                var v = value(of: values)
                v.lines = withoutOwnLabel(v.lines, label.field)
                // A label cell read by its first line: what stands below the label in it is said.
                if at.byFirstLine, !guessed {
                    let rest = value(of: [at]).lines.dropFirst()
                    if !rest.isEmpty {
                        result.unplaced.append(UnplacedText(location: location(at), label: nil, text: rest.joined(separator: "\n")))
                    }
                }
                if layout == .above {
                    if labelRows.insert([at.table, at.row]).inserted { aboveUses += 1 }
                } else {
                    besideUses += 1
                }
                assign(label, v, loc)
                lastLabel = label
            case .append(let values, let at):
                guard let label = lastLabel else { continue }
                store(label, value(of: values), Location(table: at.table, row: at.row + 1, column: 2, sheet: sheet), replace: false)
            case .unknownLabel(let at, let values):
                let v = value(of: values)
                let anchor = values.first ?? at
                if !v.lines.isEmpty {
                    result.unplaced.append(UnplacedText(location: location(anchor, label: at.text), label: at.text,
                                                        text: v.lines.joined(separator: "\n")))
                }
                lastLabel = nil
            case .unplaced(let c):
                let lines = value(of: [c]).lines
                if lines.isEmpty { continue }
                result.unplaced.append(UnplacedText(location: location(c), label: nil, text: lines.joined(separator: "\n")))
            }
        }
    }

    /// A short cell text that is not a sentence: could be a label we do not know ("Kontaktperson",
    /// "Ejer (afdelingschef) – navn og titel").
    static func looksLikeLabel(_ c: GridCell) -> Bool {
        let t = c.text
        guard !t.isEmpty, !c.multiline, t.utf8.count <= 160, !t.hasSuffix("."), !t.hasSuffix("?") else { return false }
        return t.count <= 60 && t.split(separator: " ").count <= 8
    }
}
