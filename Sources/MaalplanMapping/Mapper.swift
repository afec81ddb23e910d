import MaalplanModel
import TextScan
import WordDocument

/// From the neutral document model to a målplan.
public enum Mapper {
    public static func map(_ doc: WordDocument) -> MappingResult {
        var m = MapState(doc: doc)
        m.run()
        return m.result
    }
}

struct MapState {
    let doc: WordDocument
    var result = MappingResult(plan: Plan())

    var sheet: Phase?
    var goalIndex = 0
    var seenInGoal = Set<Label>()
    var horizontalUses = 0
    var verticalUses = 0
    var paragraphNo = 0
    var tableNo = 0
    var afterPlanTitle = false
    var headingTitle: String?

    init(doc: WordDocument) { self.doc = doc }

    /// The year of "Målplan 2025" at the start of a text.
    static func planYear(_ text: String) -> Int? {
        guard let f = text.unicodeScalars.first(where: { !$0.isBlank }), f == "m" || f == "M" else { return nil }
        let c = Array(text.lowercasedFast.unicodeScalars)
        var i = 0
        while i < c.count && c[i].isBlank { i += 1 }
        let word: [Unicode.Scalar] = ["m", "l", "p", "l", "a", "n"]
        guard i + 7 <= c.count, c[i] == "m", c[i + 1] == "å" || c[i + 1] == "a",
              Array(c[(i + 2)..<(i + 7)]) == Array(word[1...]) else { return nil }
        i += 7
        let spaces = i
        while i < c.count && c[i].isBlank { i += 1 }
        guard i > spaces, i + 4 <= c.count else { return nil }
        var y = 0
        for k in i..<(i + 4) {
            guard c[k].value >= 48 && c[k].value <= 57 else { return nil }
            y = y * 10 + Int(c[k].value - 48)
        }
        if i + 4 < c.count, c[i + 4].properties.isAlphabetic || (c[i + 4].value >= 48 && c[i + 4].value <= 57) { return nil }
        return y
    }

    /// Whether a text says "på sag" (any white space between).
    static func mentionsCase(_ text: String) -> Bool {
        text.lowercasedFast.collapsedSpace.containsBytes(of: "på sag")
    }

    /// The number after "på sag:" ("på sag nr. 00.01.00-A00-28-24"), if any.
    static func caseNumber(in text: String) -> String? {
        let c = Array(text.lowercasedFast.collapsedSpace.unicodeScalars)
        let orig = Array(text.collapsedSpace.unicodeScalars)
        guard c.count == orig.count else { return nil }
        let key: [Unicode.Scalar] = ["p", "å", " ", "s", "a", "g"]
        var i = 0
        while i + key.count <= c.count {
            if c[i..<(i + key.count)].elementsEqual(key) {
                var j = i + key.count
                func blanks() { while j < c.count && c[j] == " " { j += 1 } }
                blanks()
                if j + 1 < c.count, c[j] == "n", c[j + 1] == "r" { j += 2; if j < c.count, c[j] == "." { j += 1 }; blanks() }
                if j < c.count, c[j] == ":" { j += 1 }
                blanks()
                guard j < c.count, c[j].value >= 48 && c[j].value <= 57 else { return nil }
                var e = j
                func allowed(_ u: Unicode.Scalar) -> Bool {
                    (u.value >= 48 && u.value <= 57) || (u.value >= 65 && u.value <= 90) || (u.value >= 97 && u.value <= 122)
                        || u == "." || u == "-" || u == "/"
                }
                while e < orig.count && allowed(orig[e]) { e += 1 }
                while e > j, orig[e - 1] == "." || orig[e - 1] == "-" || orig[e - 1] == "/" { e -= 1 }
                var out = String.UnicodeScalarView()
                out.append(contentsOf: orig[j..<e])
                return String(out)
            }
            i += 1
        }
        return nil
    }

    mutating func run() {
        // Header and footer: case number, year, the logo's description.
        for (i, hf) in (doc.headers + doc.footers).enumerated() {
            let part: DocumentPart = i < doc.headers.count ? .header : .footer
            for p in paragraphs(hf.blocks) {
                scanMeta(p.text, location: Location(part: part))
            }
        }
        doc.forEachImageDescription { d in
            let parts = d.split(separator: ",").map { String($0).collapsedSpace }.filter { !$0.isEmpty }
            if parts.count >= 2 { result.plan.organisation = parts }
            return result.plan.organisation.isEmpty
        }

        for block in doc.body {
            switch block {
            case .paragraph(let p):
                paragraphNo += 1
                bodyParagraph(p)
            case .table(let t):
                tableNo += 1
                afterPlanTitle = false
                table(t, number: tableNo)
            }
        }

        var plan = result.plan
        plan.title = headingTitle ?? doc.properties.title.flatMap { t in
            Self.planYear(t) == nil ? t : nil
        }
        if plan.year == nil, let t = doc.properties.title, let y = Self.planYear(t) {
            plan.year = y
        }
        if result.labelCount == 0 {
            plan.template = .unknown
        } else {
            plan.template = verticalUses > horizontalUses || sheet != nil ? .maalplan2024 : .maalplan2025
        }
        // Milestone dates need the plan's year, known only now.
        for gi in plan.goals.indices {
            for mi in plan.goals[gi].milestones.indices {
                let r = DanishDates.range(in: plan.goals[gi].milestones[mi].text, defaultYear: plan.year)
                plan.goals[gi].milestones[mi].from = r?.from
                plan.goals[gi].milestones[mi].to = r?.to
            }
        }
        result.plan = plan
    }

    mutating func scanMeta(_ text: String, location: Location) {
        if result.plan.caseNumber == nil, Self.mentionsCase(text) {
            if let c = Self.caseNumber(in: text) {
                result.plan.caseNumber = c
                result.caseNumberLocation = location
            } else if result.caseNumberLocation == nil {
                result.caseNumberLocation = location
            }
        }
        if result.plan.year == nil, let y = Self.planYear(text) {
            result.plan.year = y
            result.yearLocation = location
        }
    }

    func paragraphs(_ blocks: [Block]) -> [Paragraph] {
        blocks.flatMap { b -> [Paragraph] in
            switch b {
            case .paragraph(let p): return [p]
            case .table(let t): return t.cells.flatMap { paragraphs($0.blocks) }
            }
        }
    }

    mutating func bodyParagraph(_ p: Paragraph) {
        let text = p.text.collapsedSpace
        guard !text.isEmpty else { return }
        let loc = Location(paragraph: paragraphNo)
        let hadYear = result.plan.year != nil
        scanMeta(text, location: loc)
        if Self.planYear(text) != nil {
            if !hadYear || result.yearLocation == loc { afterPlanTitle = true }
            return
        }
        if let s = Labels.sheet(text) {
            enterSheet(s)
            afterPlanTitle = false
            return
        }
        if afterPlanTitle {
            afterPlanTitle = false
            if headingTitle == nil, p.headingLevel != nil || (p.style?.name ?? "").lowercasedFast.containsBytes(of: "subtitle"),
               Labels.label(text) == nil {
                headingTitle = text
                return
            }
        }
        if Self.mentionsCase(text) { return }
        // Text between tables that is not a heading we know is reported, not dropped.
        if Labels.label(text) != nil {
            // A label outside a table: its value cannot be found by position.
            result.unplaced.append(UnplacedText(location: loc, label: text, text: ""))
        } else if p.headingLevel == nil && Guidance.match(text) == .none {
            result.unplaced.append(UnplacedText(location: loc, label: nil, text: text))
        }
    }

    mutating func enterSheet(_ s: Phase) {
        sheet = s
        goalIndex = 0
        seenInGoal = []
    }

    // MARK: Tables

    struct CellValue {
        var lines: [String] = []
        var hadGuidance = false
        var hadPlaceholder = false
    }

    /// A cell's content as lines, guidance and placeholders removed.
    func value(of cell: Cell?) -> CellValue {
        var v = CellValue()
        guard let cell else { return v }
        collect(cell.blocks, into: &v)
        return v
    }

    func collect(_ blocks: [Block], into v: inout CellValue) {
        for b in blocks {
            switch b {
            case .paragraph(let p):
                if p.placeholder != nil { v.hadPlaceholder = true }
                for rawLine in p.text.utf8.split(separator: 0x0A) {
                    let line = String(decoding: rawLine, as: UTF8.self).trimmed
                    if line.isEmpty { continue }
                    if Guidance.isPlaceholder(line) { v.hadPlaceholder = true; continue }
                    switch Guidance.match(line) {
                    case .whole: v.hadGuidance = true
                    case .prefix(let rest): v.hadGuidance = true; v.lines.append(rest)
                    case .none: v.lines.append(line)
                    }
                }
            case .table(let t):
                // A nested table (a milestone table): one line per row, its cells joined.
                for r in 0..<t.rowCount {
                    let cells = t.cells(inRow: r).map { c -> String in
                        var inner = CellValue()
                        collect(c.blocks, into: &inner)
                        if inner.hadGuidance { v.hadGuidance = true }
                        if inner.hadPlaceholder { v.hadPlaceholder = true }
                        return inner.lines.joined(separator: " ")
                    }.filter { !$0.isEmpty }
                    if cells.isEmpty { continue }
                    if r == 0 && t.rowCount > 1 && cells.allSatisfy({ Self.headerWords.contains(Labels.fold($0)) }) { continue }
                    v.lines.append(cells.joined(separator: ": "))
                }
            }
        }
    }


    static let headerWords: Set<String> = ["hvornår", "hvad", "dato", "datoer", "tidspunkt", "milepæl", "milepæle",
                                           "aktivitet", "aktiviteter", "handling", "periode", "beskrivelse", "ansvarlig",
                                           "hvem", "tid", "uge", "frist", "when", "what", "date"]

    /// A short cell text that is not a sentence: could be a label we do not know.
    static func looksLikeLabel(_ s: String) -> Bool {
        let t = s.collapsedSpace
        return !t.isEmpty && t.count <= 40 && !t.contains("\n") && !t.hasSuffix(".") && !t.hasSuffix("?")
            && t.split(separator: " ").count <= 5
    }

    mutating func table(_ t: Table, number: Int) {
        var r = 0
        var sawLabels = false
        // The columns of the last label row, for rows of values that follow it.
        var headerCells: [(Cell, Label?)] = []
        var lastVerticalField: (Label, Cell)?
        while r < t.rowCount {
            let row = t.cells(inRow: r)
            let classified = row.map { c -> (Cell, Label?, String) in
                let text = c.text.collapsedSpace
                return (c, Labels.label(text), text)
            }
            let labels = classified.filter { $0.1 != nil }
            let nonEmpty = classified.filter { !$0.2.isEmpty }
            let unknownLabelish = nonEmpty.filter { $0.1 == nil && Self.looksLikeLabel($0.2) }

            // Labels in a row, values below (2025).
            let allLabels = !labels.isEmpty && labels.count + unknownLabelish.count == nonEmpty.count
            if allLabels && (labels.count >= 2 || row.count == 1 || (row.first?.column == 0 && row.count == 1)) {
                sawLabels = true
                headerCells = classified.filter { !$0.2.isEmpty }.map { ($0.0, $0.1) }
                result.labelCount += labels.count
                horizontalUses += 1
                // The value rows: every following row without a label.
                var valueRows: [Int] = []
                var n = r + 1
                while n < t.rowCount {
                    let cells = t.cells(inRow: n)
                    if cells.contains(where: { Labels.label($0.text.collapsedSpace) != nil }) { break }
                    if Labels.sheet(cells.map(\.text).joined().collapsedSpace) != nil { break }
                    valueRows.append(n)
                    n += 1
                }
                for (labelCell, field) in headerCells {
                    var v = CellValue()
                    var valueCell: Cell?
                    for vr in valueRows {
                        // The cells of the value row under this label's columns.
                        let under = t.cells(inRow: vr).filter {
                            $0.column < labelCell.column + labelCell.columnSpan && $0.column + $0.columnSpan > labelCell.column
                        }
                        for c in under {
                            if valueCell == nil { valueCell = c }
                            let cv = value(of: c)
                            v.lines += cv.lines
                            v.hadGuidance = v.hadGuidance || cv.hadGuidance
                            v.hadPlaceholder = v.hadPlaceholder || cv.hadPlaceholder
                        }
                    }
                    let anchor = valueCell ?? labelCell
                    let loc = Location(table: number, row: anchor.row + 1, column: anchor.column + 1,
                                       label: labelCell.text.collapsedSpace, sheet: sheet)
                    if let field {
                        assign(field, v, loc)
                    } else if !v.lines.isEmpty {
                        result.unplaced.append(UnplacedText(location: loc, label: loc.label, text: v.lines.joined(separator: "\n")))
                    }
                }
                r = n
                continue
            }

            // Labels beside values (2024): label, value, label, value ...
            if !labels.isEmpty {
                sawLabels = true
                var i = 0
                while i < classified.count {
                    let (cell, field, text) = classified[i]
                    guard field != nil || (Self.looksLikeLabel(text) && i + 1 < classified.count && classified[i + 1].1 == nil) else {
                        if !text.isEmpty {
                            let loc = Location(table: number, row: r + 1, column: cell.column + 1, sheet: sheet)
                            result.unplaced.append(UnplacedText(location: loc, label: nil, text: value(of: cell).lines.joined(separator: "\n")))
                        }
                        i += 1
                        continue
                    }
                    // The value: the cells to the right up to the next label.
                    var v = CellValue()
                    var valueCell: Cell?
                    var j = i + 1
                    while j < classified.count && classified[j].1 == nil {
                        if valueCell == nil { valueCell = classified[j].0 }
                        let cv = value(of: classified[j].0)
                        v.lines += cv.lines
                        v.hadGuidance = v.hadGuidance || cv.hadGuidance
                        v.hadPlaceholder = v.hadPlaceholder || cv.hadPlaceholder
                        j += 1
                    }
                    let anchor = valueCell ?? cell
                    let loc = Location(table: number, row: r + 1, column: anchor.column + 1, label: text, sheet: sheet)
                    if let field {
                        result.labelCount += 1
                        verticalUses += 1
                        assign(field, v, loc)
                        lastVerticalField = (field, anchor)
                    } else if !v.lines.isEmpty {
                        result.unplaced.append(UnplacedText(location: loc, label: text, text: v.lines.joined(separator: "\n")))
                    }
                    i = j
                }
                r += 1
                continue
            }

            // A row with no label.
            if !nonEmpty.isEmpty {
                let joined = nonEmpty.map(\.2).joined(separator: " ").collapsedSpace
                if let s = Labels.sheet(joined) {
                    enterSheet(s)        // a merged title row naming the sheet
                } else if !sawLabels && r == 0 && row.count == 1 {
                    // A merged title row above the labels: a heading, not content.
                } else if let (field, _) = lastVerticalField, classified.first?.2.isEmpty == true {
                    // A row added under a 2024 label, its first column left empty: more of the same value.
                    var v = CellValue()
                    for c in classified.dropFirst() {
                        let cv = value(of: c.0)
                        v.lines += cv.lines
                    }
                    let loc = Location(table: number, row: r + 1, column: 2, sheet: sheet)
                    append(field, v, loc)
                } else {
                    for (c, _, text) in classified where !text.isEmpty {
                        let lines = value(of: c).lines
                        if lines.isEmpty { continue }
                        result.unplaced.append(UnplacedText(location: Location(table: number, row: r + 1, column: c.column + 1, sheet: sheet),
                                                            label: nil, text: lines.joined(separator: "\n")))
                    }
                }
            }
            r += 1
        }
    }

    // MARK: Assigning

    static let bullets: Set<Unicode.Scalar> = ["-", "•", "*", "–", "·", "▪", "◦", "➢", "✓", "o"]

    /// A list item without a typed bullet ("- ", "• ", "* ", "o ").
    static func listItem(_ s: String) -> String {
        let c = Array(s.unicodeScalars)
        var i = 0
        while i < c.count && c[i].isBlank { i += 1 }
        guard i + 1 < c.count, bullets.contains(c[i]), c[i + 1].isBlank else { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: c[(i + 1)...])
        return String(out).trimmed
    }

    static func items(_ f: Field, _ lines: [String]) -> [String] {
        var out = lines.map(Self.listItem).filter { !$0.isEmpty }
        if f == .contributingWorkplaces, out.count == 1, out[0].contains(",") || out[0].contains(";") {
            out = out[0].split(whereSeparator: { $0 == "," || $0 == ";" })
                .map { Self.listItem(String($0).trimmed) }.filter { !$0.isEmpty }
        }
        return out
    }

    mutating func assign(_ f: Label, _ v: CellValue, _ loc: Location) {
        if f.field.isGoalField {
            if seenInGoal.contains(f) {
                goalIndex += 1
                seenInGoal = []
            }
            seenInGoal.insert(f)
            while result.plan.goals.count <= goalIndex { result.plan.goals.append(Goal()) }
        }
        store(f, v, loc, replace: true)
    }

    /// More lines for the field last assigned (a row added under a 2024 label).
    mutating func append(_ f: Label, _ v: CellValue, _ loc: Location) {
        store(f, v, loc, replace: false)
    }

    mutating func store(_ f: Label, _ v: CellValue, _ loc: Location, replace: Bool) {
        let p = FieldPath(f.field, goal: goalIndex)
        let filled = !v.lines.isEmpty
        var trace = FieldTrace(location: loc, hadGuidance: v.hadGuidance, hadPlaceholder: v.hadPlaceholder)
        if let old = result.fields[p] {
            // The first place stays the place to write, unless a later one holds the value.
            if !filled || !replace {
                trace = old
                trace.hadGuidance = trace.hadGuidance || v.hadGuidance
                trace.hadPlaceholder = trace.hadPlaceholder || v.hadPlaceholder
            }
        }
        result.fields[p] = trace
        guard filled else { return }
        let text = v.lines.joined(separator: "\n")
        // In place: a copy of the plan taken out and put back would copy its goals at each change.
        Self.put(f, text, v.lines, replace: replace, goal: goalIndex, into: &result.plan)
    }

    static func put(_ label: Label, _ text: String, _ lines: [String], replace: Bool, goal gi: Int, into plan: inout Plan) {
        let f = label.field
        func set(_ s: inout String) {
            if label.addsToField && replace && !s.isEmpty {
                // The second half of a joined label ("Målgruppe" after "Mål"): added, unless it is there.
                if !s.hasSuffix(text) { s += "\n" + text }
            } else {
                s = replace ? text : (s.isEmpty ? text : s + "\n" + text)
            }
        }
        func setList(_ a: inout [String]) { a = replace ? items(f, lines) : a + items(f, lines) }
        switch f {
        case .owner: set(&plan.owner)
        case .coordinator: set(&plan.coordinator)
        case .contributingWorkplaces: setList(&plan.contributingWorkplaces)
        case .goal: set(&plan.goals[gi].goal)
        case .objective: set(&plan.goals[gi].objective)
        case .challenge: set(&plan.goals[gi].challenge)
        case .signs: setList(&plan.goals[gi].signs)
        case .trialActions: setList(&plan.goals[gi].trialActions)
        case .milestones:
            let new = items(f, lines).map { Milestone(text: $0) }
            plan.goals[gi].milestones = replace ? new : plan.goals[gi].milestones + new
        case .evaluation: set(&plan.goals[gi].evaluation)
        case .learning: set(&plan.goals[gi].learning)
        }
    }
}

/// The mapper's text recognisers, for tests and tools.
public enum MapStateProbe {
    public static func caseNumber(_ s: String) -> String? { MapState.caseNumber(in: s) }
    public static func year(_ s: String) -> Int? { MapState.planYear(s) }
}
