import MaalplanModel
import TextScan
import WordDocument

/// Cells' content as a field's value, and the value put in the plan.
extension MapState {
    struct CellValue {
        var lines: [String] = []
        var hadGuidance = false
        var hadPlaceholder = false

        mutating func add(_ o: CellValue) {
            lines += o.lines
            hadGuidance = hadGuidance || o.hadGuidance
            hadPlaceholder = hadPlaceholder || o.hadPlaceholder
        }
    }

    /// Cells' content as lines, guidance and placeholders removed.
    func value(of cells: [GridCell]) -> CellValue {
        var v = CellValue()
        for c in cells { collect(c.cell.blocks, into: &v) }
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
                    if rules.isPlaceholder(line) { v.hadPlaceholder = true; continue }
                    switch rules.guidance.match(line) {
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
                    if r == 0 && t.rowCount > 1 && cells.allSatisfy(rules.isMilestoneHeader) { continue }
                    v.lines.append(cells.joined(separator: ": "))
                }
            }
        }
    }

    // MARK: Assigning

    /// A label's value put in the plan. A goal's label seen again starts the next goal (a copy
    /// of the goal tables); any other field given a second, different value in the same part
    /// of the document (no sheet, or the same sheet) keeps its first, and the second is said:
    /// a contact list under "Ejer | Tovholder" is no owner. A later 2024 sheet's value wins.
    mutating func assign(_ f: Label, _ v: CellValue, _ loc: Location) {
        if f.field.isGoalField {
            if seenInGoal.contains(f) && f == Label(.goal) {
                goalIndex += 1
                seenInGoal = []
            }
            seenInGoal.insert(f)
            while result.plan.goals.count <= goalIndex { result.plan.goals.append(Goal()) }
        }
        let p = FieldPath(f.field, goal: goalIndex)
        // A value already given in this part of the document: its trace stands in the same sheet.
        let had = result.plan.items(p)
        if !f.addsToField, !v.lines.isEmpty, !had.isEmpty, result.fields[p]?.location.sheet == sheet {
            let text = v.lines.joined(separator: "\n")
            if had.joined(separator: "\n") != text, Lists.items(f.field, v.lines, rules: rules) != had {
                result.notes.append(MappingNote(.warning, .repeatedField(p, text: text), field: p, location: loc))
            }
            return
        }
        store(f, v, loc, replace: true)
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
        guard filled else { result.fields[p] = trace; return }
        let text = v.lines.joined(separator: "\n")
        // In place: a copy of the plan taken out and put back would copy its goals at each change.
        Self.put(f, text, v.lines, replace: replace, goal: goalIndex, rules: rules, into: &result.plan)
        // Workplaces split from one line: the line as written is kept beside them (`inspect --fields`).
        if f.field == .contributingWorkplaces, v.lines.count == 1, result.plan.contributingWorkplaces.count > 1 {
            trace.splitFrom = v.lines[0]
        }
        result.fields[p] = trace
    }

    static func put(_ label: Label, _ text: String, _ lines: [String], replace: Bool, goal gi: Int, rules: MappingRules,
                    into plan: inout Plan) {
        let f = label.field
        func set(_ s: inout String) {
            if label.addsToField && replace && !s.isEmpty {
                // The second half of a joined label ("Målgruppe" after "Mål"): added, unless it is there.
                if !s.hasSuffix(text) { s += "\n" + text }
            } else {
                s = replace ? text : (s.isEmpty ? text : s + "\n" + text)
            }
        }
        func setList(_ a: inout [String]) { a = replace ? Lists.items(f, lines, rules: rules) : a + Lists.items(f, lines, rules: rules) }
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
            let new = Lists.items(f, lines, rules: rules).map { Milestone(text: $0) }
            plan.goals[gi].milestones = replace ? new : plan.goals[gi].milestones + new
        case .evaluation: set(&plan.goals[gi].evaluation)
        case .learning: set(&plan.goals[gi].learning)
        }
    }
}
