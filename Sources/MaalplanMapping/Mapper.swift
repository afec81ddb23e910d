import MaalplanModel
import TextScan
import WordDocument

/// From the neutral document model to a målplan.
public enum Mapper {
    public static func map(_ doc: WordDocument, rules: MappingRules = .standard) -> MappingResult {
        var m = MapState(doc: doc, rules: rules)
        m.run()
        return m.result
    }
}

struct MapState {
    let doc: WordDocument
    let rules: MappingRules
    var result = MappingResult(plan: Plan())

    var sheet: Phase?
    var goalIndex = 0
    var seenInGoal = Set<Label>()
    var aboveUses = 0
    var besideUses = 0
    var paragraphNo = 0
    var tableNo = 0
    var afterPlanTitle = false
    var headingTitle: String?
    /// The label row a table ended with, waiting for the values in the next table.
    var openLabels: [GridCell]?

    init(doc: WordDocument, rules: MappingRules) { self.doc = doc; self.rules = rules }
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
        closeOpenLabels()

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
            plan.template = besideUses > aboveUses || sheet != nil ? .maalplan2024 : .maalplan2025
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
        dropEmptyGoals()
    }

    /// Goal tables copied and left empty are no goal: when some goal is filled, the empty ones
    /// are left out (each said once, where it stands) and the rest renumbered.
    mutating func dropEmptyGoals() {
        let goals = result.plan.goals
        let traces = result.fields
        guard goals.contains(where: { !$0.isEmpty }), goals.contains(where: \.isEmpty) else { return }
        var newIndex: [Int: Int] = [:]
        var kept: [Goal] = []
        for (gi, g) in goals.enumerated() {
            if g.isEmpty {
                let first = Field.allCases.filter(\.isGoalField).lazy.compactMap { traces[FieldPath(goal: gi, $0)] }.first
                let at = first.map { Location(table: $0.location.table, sheet: $0.location.sheet, paragraph: $0.location.paragraph) }
                result.notes.append(MappingNote(.warning, .emptyGoal, location: at))
            } else {
                newIndex[gi] = kept.count
                kept.append(g)
            }
        }
        result.plan.goals = kept
        var fields: [FieldPath: FieldTrace] = [:]
        for (path, trace) in result.fields {
            guard let g = path.goal else { fields[path] = trace; continue }
            guard let n = newIndex[g] else { continue }
            var p = path
            p.goal = n
            fields[p] = trace
        }
        result.fields = fields
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
        // Text between a row of labels and the next table: the labels' values are not below them.
        closeOpenLabels()
        let loc = Location(paragraph: paragraphNo)
        let hadYear = result.plan.year != nil
        scanMeta(text, location: loc)
        if Self.planYear(text) != nil {
            if !hadYear || result.yearLocation == loc { afterPlanTitle = true }
            return
        }
        if let s = rules.sheet(text) {
            enterSheet(s)
            afterPlanTitle = false
            return
        }
        if afterPlanTitle {
            afterPlanTitle = false
            if headingTitle == nil, p.headingLevel != nil || (p.style?.name ?? "").lowercasedFast.containsBytes(of: "subtitle"),
               rules.label(text) == nil {
                headingTitle = text
                return
            }
        }
        if Self.mentionsCase(text) { return }
        // Text between tables that is not a heading we know is reported, not dropped.
        if rules.label(text) != nil {
            // A label outside a table: its value cannot be found by position.
            result.unplaced.append(UnplacedText(location: loc, label: text, text: ""))
        } else if p.headingLevel == nil && rules.guidance.match(text) == .none {
            result.unplaced.append(UnplacedText(location: loc, label: nil, text: text))
        }
    }

    mutating func enterSheet(_ s: Phase) {
        sheet = s
        goalIndex = 0
        seenInGoal = []
    }
}

/// The mapper's text recognisers, for tests and tools.
public enum MapStateProbe {
    public static func caseNumber(_ s: String) -> String? { MapState.caseNumber(in: s) }
    public static func year(_ s: String) -> Int? { MapState.planYear(s) }
}
