import MaalplanModel
import TextScan

/// Whether a phase's rules hold, and which fields fail them.
public struct PhaseStatus: Equatable, Sendable {
    public var complete: Bool
    /// The fields that fail, e.g. `owner`, `goals[0].signs`.
    public var missing: [FieldPath]
}

public struct ValidationReport: Sendable {
    public var phaseReached: PhaseReached
    public var phases: [Phase: PhaseStatus]
    public var findings: [Finding]

    /// What the plan lacks for the phase after the one it reached (nothing after EFTER).
    public var missingForNext: [FieldPath] {
        phaseReached.next.flatMap { phases[$0]?.missing } ?? []
    }
}

/// The phase rules and the warnings, over a mapped plan. A phase holds when every field it needs
/// (`Phase.fields`: the plan's own once, a goal's for every goal) is filled in.
public enum Validator {
    /// Values that only look filled.
    public static let standIns: Set<String> = ["?", "??", "???", "x", "xx", "xxx", "xxxx", "tbd", "tba", "-", "--", "---", "–", "—",
                                        "udfyldes", "udfyldes senere", "mangler", "følger", "følger senere", "n/a", "na",
                                        "...", "…", "todo", "afventer", "kommer", "kommer senere", "ikke udfyldt", "intet", "ingen"]

    /// The most ASCII letters and digits in a stand-in ("udfyldes senere": 14).
    static let maxStandInAlnum = standIns.map { $0.utf8.filter { ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 }.count }.max()!

    public static func isStandIn(_ s: String) -> Bool {
        guard s.utf8.count <= 100 else { return false }     // stand-ins are short, even with trailing dots
        // An answer: more ASCII letters and digits than any stand-in has (lower-casing keeps them).
        var alnum = 0
        for b in s.utf8 where (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 {
            alnum += 1
            if alnum > maxStandInAlnum { return false }
        }
        var t = s.lowercasedFast.collapsedSpace
        while let l = t.last, l == "." || l == "!" , t.count > 1, t != "..." { t.removeLast() }
        return standIns.contains(t)
    }

    enum Value { case filled, empty, standIn }

    static func state(_ items: [String]) -> Value {
        if items.isEmpty { return .empty }
        return items.allSatisfy(isStandIn) ? .standIn : .filled
    }

    /// The fields the phases need, in the template's order (the plan's own, then each goal's),
    /// with their state. A plan without goals is read as one empty goal.
    static func required(_ plan: Plan) -> [(path: FieldPath, value: Value)] {
        let planFields = Field.allCases.filter { !$0.isGoalField }.map(FieldPath.init)
        let goalFields = (0..<max(plan.goals.count, 1)).flatMap { gi in
            Field.allCases.filter(\.isGoalField).map { FieldPath(goal: gi, $0) }
        }
        return (planFields + goalFields).map { ($0, state(plan.items($0))) }
    }

    /// Validates a mapped plan. Without `target`, what is missing for the next phase is a warning;
    /// with it, whatever is missing for that phase or one before it is an error.
    public static func validate(_ r: MappingResult, target: Phase? = nil, language: MessageLanguage = .da) -> ValidationReport {
        let plan = r.plan
        var findings: [Finding] = []
        func add(_ severity: Severity, _ message: FindingMessage, phase: Phase? = nil, field: FieldPath? = nil, location: Location? = nil) {
            findings.append(Finding(severity, message, phase: phase, field: field, location: location, language: language))
        }

        if r.labelCount == 0 {
            add(.error, .notAMaalplan)
            let phases = Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0, PhaseStatus(complete: false, missing: [])) })
            return ValidationReport(phaseReached: .none, phases: phases, findings: findings)
        }

        let req = required(plan)
        var phases: [Phase: PhaseStatus] = [:]
        for ph in Phase.allCases {
            let missing = req.filter { $0.path.field?.phase == ph && $0.value != .filled }.map(\.path)
            phases[ph] = PhaseStatus(complete: missing.isEmpty, missing: missing)
        }
        var reached = PhaseReached.none
        for ph in Phase.allCases {
            guard phases[ph]!.complete else { break }
            reached = .phase(ph)
        }

        // Missing fields: errors up to the target phase; else warnings for the next phase.
        for (path, value) in req where value != .filled {
            let ph = path.field!.phase
            let severity: Severity
            if let target {
                guard ph <= target else { continue }
                severity = .error
            } else {
                guard ph == reached.next else { continue }
                severity = .warning
            }
            let trace = r.fields[path]
            add(severity, .missingField(path, ph, labelPresent: trace != nil), phase: ph, field: path, location: trace?.location)
            if value == .standIn {
                add(.warning, .standInValue(path), phase: ph, field: path, location: trace?.location)
            } else if let trace, trace.hadGuidance {
                add(.warning, .guidanceOnly(path), phase: ph, field: path, location: trace.location)
            } else if let trace, trace.hadPlaceholder {
                add(.warning, .placeholderOnly(path), phase: ph, field: path, location: trace.location)
            }
        }

        // Guidance left above or among answers: said once for the plan, naming the fields.
        let guidanceLeft = req.filter { $0.value == .filled && r.fields[$0.path]?.hadGuidance == true }.map(\.path)
        if let first = guidanceLeft.first {
            add(.warning, .guidanceLeft(guidanceLeft), field: guidanceLeft.count == 1 ? first : nil, location: r.fields[first]?.location)
        }

        // Milestones: outside the plan's year, or before the one above.
        for (gi, g) in plan.goals.enumerated() {
            let loc = r.fields[FieldPath(goal: gi, .milestones)]?.location
            var previous: String?
            for (mi, m) in g.milestones.enumerated() {
                let path = FieldPath(goal: gi, .milestones, item: mi)
                guard let from = m.from, let to = m.to else {
                    add(.warning, .undatedMilestone(text: m.text), phase: .EFTER, field: path, location: loc)
                    continue
                }
                if let y = plan.year, !(from.hasPrefix(String(y)) || to.hasPrefix(String(y))) {
                    add(.warning, .milestoneOutsideYear(text: m.text, year: y), phase: .EFTER, field: path, location: loc)
                }
                if let p = previous, from < p {
                    add(.warning, .milestoneOutOfOrder(text: m.text), phase: .EFTER, field: path, location: loc)
                }
                previous = from
            }
        }

        if plan.caseNumber == nil {
            add(.warning, .noCaseNumber, location: r.caseNumberLocation)
        }
        if plan.year == nil {
            add(.warning, .noYear)
        }
        for u in r.unplaced {
            if let label = u.label {
                add(.warning, .unrecognisedLabel(label: label, text: u.text), location: u.location)
            } else {
                add(.warning, .unplacedText(u.text), location: u.location)
            }
        }
        for note in r.notes {
            add(note.severity, note.message, field: note.field, location: note.location)
        }

        findings.sort { a, b in
            if a.severity != b.severity { return a.severity < b.severity }
            return (a.phase?.order ?? 9) < (b.phase?.order ?? 9)
        }
        return ValidationReport(phaseReached: reached, phases: phases, findings: findings)
    }
}
