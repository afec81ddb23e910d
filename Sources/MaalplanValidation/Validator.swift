import DocxPackage
import MaalplanMapping
import MaalplanModel

/// Whether a phase's rules hold, and which fields fail them.
public struct PhaseStatus: Equatable, Sendable {
    public var complete: Bool
    /// Field paths, e.g. `owner`, `goals[0].signs`.
    public var missing: [String]
}

public struct ValidationReport: Sendable {
    public var phaseReached: PhaseReached
    public var phases: [Phase: PhaseStatus]
    public var findings: [Finding]
}

/// The phase rules and the warnings, over a mapped plan.
///
/// - FOER: owner, coordinator, at least one contributing workplace; for every goal: goal, objective, challenge.
/// - UNDER1: for every goal at least one sign.
/// - UNDER2: for every goal at least one trial action.
/// - EFTER: for every goal at least one milestone, an evaluation and a learning.
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

    static func state(_ s: String) -> Value {
        s.isEmpty ? .empty : isStandIn(s) ? .standIn : .filled
    }

    static func state(_ a: [String]) -> Value {
        if a.isEmpty { return .empty }
        return a.allSatisfy(isStandIn) ? .standIn : .filled
    }

    /// The fields each phase requires, with their state.
    static func required(_ plan: Plan) -> [(Phase, String, Value)] {
        var out: [(Phase, String, Value)] = [
            (.FOER, "owner", state(plan.owner)),
            (.FOER, "coordinator", state(plan.coordinator)),
            (.FOER, "contributingWorkplaces", state(plan.contributingWorkplaces)),
        ]
        let goals = plan.goals.isEmpty ? [Goal()] : plan.goals
        for (i, g) in goals.enumerated() {
            let p = "goals[\(i)]."
            out += [
                (.FOER, p + "goal", state(g.goal)),
                (.FOER, p + "objective", state(g.objective)),
                (.FOER, p + "challenge", state(g.challenge)),
                (.UNDER1, p + "signs", state(g.signs)),
                (.UNDER2, p + "trialActions", state(g.trialActions)),
                (.EFTER, p + "milestones", state(g.milestones.map(\.text))),
                (.EFTER, p + "evaluation", state(g.evaluation)),
                (.EFTER, p + "learning", state(g.learning)),
            ]
        }
        return out
    }

    /// Validates a mapped plan. Without `target`, what is missing for the next phase is a warning;
    /// with it, whatever is missing for that phase or one before it is an error.
    public static func validate(_ r: MappingResult, target: Phase? = nil, language: MessageLanguage = .da) -> ValidationReport {
        let plan = r.plan
        let msg = Messages(language: language)
        var findings: [Finding] = []

        if r.labelCount == 0 {
            findings.append(Finding(severity: .error, code: "not-a-maalplan", message: msg.notAMaalplan))
            let phases = Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0, PhaseStatus(complete: false, missing: [])) })
            return ValidationReport(phaseReached: .none, phases: phases, findings: findings)
        }

        let req = required(plan)
        var phases: [Phase: PhaseStatus] = [:]
        for ph in Phase.allCases {
            let missing = req.filter { $0.0 == ph && $0.2 != .filled }.map(\.1)
            phases[ph] = PhaseStatus(complete: missing.isEmpty, missing: missing)
        }
        var reached = PhaseReached.none
        for ph in Phase.allCases {
            guard phases[ph]!.complete else { break }
            reached = .phase(ph)
        }

        // Missing fields: errors up to the target phase; else warnings for the next phase.
        for (ph, path, value) in req where value != .filled {
            let severity: Severity
            if let target {
                guard ph <= target else { continue }
                severity = .error
            } else {
                guard ph == reached.next else { continue }
                severity = .warning
            }
            let trace = r.fields[path]
            findings.append(Finding(severity: severity, code: "missing-field", phase: ph, field: path,
                                    message: msg.missing(path, phase: ph, labelPresent: trace != nil), location: trace?.location))
            if value == .standIn {
                findings.append(Finding(severity: .warning, code: "stand-in-value", phase: ph, field: path,
                                        message: msg.standIn(path), location: trace?.location))
            } else if let trace, trace.hadGuidance {
                findings.append(Finding(severity: .warning, code: "guidance-only", phase: ph, field: path,
                                        message: msg.guidanceOnly(path), location: trace.location))
            } else if let trace, trace.hadPlaceholder {
                findings.append(Finding(severity: .warning, code: "placeholder-only", phase: ph, field: path,
                                        message: msg.placeholderOnly(path), location: trace.location))
            }
        }

        // Guidance left above or among answers.
        for (ph, path, value) in req where value == .filled {
            if let trace = r.fields[path], trace.hadGuidance {
                findings.append(Finding(severity: .warning, code: "guidance-left", phase: ph, field: path,
                                        message: msg.guidanceLeft(path), location: trace.location))
            }
        }

        // Milestones: outside the plan's year, or before the one above.
        for (gi, g) in plan.goals.enumerated() {
            let path = "goals[\(gi)].milestones"
            let loc = r.fields[path]?.location
            var previous: String?
            for (mi, m) in g.milestones.enumerated() {
                guard let from = m.from, let to = m.to else { continue }
                if let y = plan.year, !(from.hasPrefix(String(y)) || to.hasPrefix(String(y))) {
                    findings.append(Finding(severity: .warning, code: "milestone-outside-year", phase: .EFTER,
                                            field: "\(path)[\(mi)]", message: msg.outsideYear(m.text, year: y), location: loc))
                }
                if let p = previous, from < p {
                    findings.append(Finding(severity: .warning, code: "milestone-out-of-order", phase: .EFTER,
                                            field: "\(path)[\(mi)]", message: msg.outOfOrder(m.text), location: loc))
                }
                previous = from
            }
        }

        if plan.caseNumber == nil {
            findings.append(Finding(severity: .warning, code: "no-case-number", message: msg.noCaseNumber, location: r.caseNumberLocation))
        }
        if plan.year == nil {
            findings.append(Finding(severity: .warning, code: "no-year", message: msg.noYear))
        }
        for u in r.unplaced {
            if let label = u.label {
                findings.append(Finding(severity: .warning, code: "unrecognised-label", message: msg.unrecognisedLabel(label, u.text), location: u.location))
            } else {
                findings.append(Finding(severity: .warning, code: "unplaced-text", message: msg.unplaced(u.text), location: u.location))
            }
        }
        if let lastFilled = plan.goals.lastIndex(where: { !$0.isEmpty }) {
            for (gi, g) in plan.goals.enumerated() where gi < lastFilled && g.isEmpty {
                findings.append(Finding(severity: .warning, code: "empty-goal", field: "goals[\(gi)]",
                                        message: msg.emptyGoal(gi), location: r.fields["goals[\(gi)].goal"]?.location))
            }
        }

        findings.sort { a, b in
            if a.severity != b.severity { return a.severity < b.severity }
            return (a.phase?.order ?? 9) < (b.phase?.order ?? 9)
        }
        return ValidationReport(phaseReached: reached, phases: phases, findings: findings)
    }
}
