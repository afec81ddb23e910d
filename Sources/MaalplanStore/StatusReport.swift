import Foundation
import GRDB
import MaalplanModel

/// Everything the status report shows of one plan: the plan as `convert` wrote it (its stored
/// JSON: fields, goals, milestones with dates, findings with locations), the phase it reached,
/// what it lacks for the next, and every path that holds it.
public struct PlanStatus: Sendable {
    public var id: Int64
    public var plan: Plan
    /// Field paths, as stored (plans.missing_for_next).
    public var missingForNext: String
    /// Every path holding the plan, in byte order (the first one is the one shown first).
    public var paths: [String]

    /// What the plan lacks for its next phase, in people's words.
    public func missingText(_ lang: MessageLanguage) -> String {
        Report.missingText(recognised: plan.template != .unknown, next: plan.phaseReached.next.map { .phase($0) },
                           missing: missingForNext, goals: plan.goals.count, lang)
    }

    public var title: String { plan.title.flatMap { $0.isEmpty ? nil : $0 } ?? paths.first.map { "(" + ($0 as NSString).lastPathComponent + ")" } ?? "–" }
}

/// A file in an imported folder that looks like a plan but is no Word document.
public struct UnreadFile: Sendable, Equatable {
    public var path: String
    public var kind: String
}

/// What `report --format html` and `report --plan` show: every plan whole, the failures and
/// the files that were not read, from the database.
public struct StatusData: Sendable {
    public var plans: [PlanStatus]
    public var failures: [FailureRow]
    public var unread: [UnreadFile]
    public var damaged: [DamagedValue]

    /// Reads the database; `plan`: only the plan with this id.
    public static func load(_ store: Store, plan only: Int64? = nil) throws -> StatusData {
        try store.writer.read { db in
            var damaged: [DamagedValue] = []
            var paths: [Int64: [String]] = [:]
            let filter = only.map { " WHERE plan_id = \($0)" } ?? ""
            for r in try Row.fetchAll(db, sql: "SELECT plan_id, path FROM sources\(filter)") {
                guard let id = Int64.fromDatabaseValue(r[0]), let path = String.fromDatabaseValue(r[1]) else { continue }
                paths[id, default: []].append(path)
            }
            var plans: [PlanStatus] = []
            let planFilter = only.map { " WHERE id = \($0)" } ?? ""
            for r in try Row.fetchAll(db, sql: "SELECT id, json, missing_for_next FROM plans\(planFilter) ORDER BY id") {
                guard let id = Int64.fromDatabaseValue(r[0]) else { continue }
                // A row changed by hand so that its JSON no longer reads is said, not fatal.
                guard let json = String.fromDatabaseValue(r[1]),
                      let plan = try? JSONDecoder().decode(Plan.self, from: Data(json.utf8)) else {
                    let v: DatabaseValue = r[1]
                    damaged.append(DamagedValue(table: "plans", id: id, column: "json", value: String(v.description.prefix(40))))
                    continue
                }
                let sorted = (paths[id] ?? []).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                plans.append(PlanStatus(id: id, plan: plan, missingForNext: String.fromDatabaseValue(r[2]) ?? "", paths: sorted))
            }
            plans.sort { a, b in
                if a.plan.year != b.plan.year { return (a.plan.year ?? 0) < (b.plan.year ?? 0) }
                let ta = Report.danishKey(a.title), tb = Report.danishKey(b.title)
                if ta != tb { return ta.lexicographicallyPrecedes(tb) }
                return (a.paths.first ?? "") < (b.paths.first ?? "")
            }
            var failures: [FailureRow] = []
            var unread: [UnreadFile] = []
            if only == nil {
                failures = try Row.fetchAll(db, sql: "SELECT path, reason, message, failed_at FROM failures ORDER BY path").compactMap { r in
                    guard let path = String.fromDatabaseValue(r[0]) else { return nil }
                    return FailureRow(path: path, reason: String.fromDatabaseValue(r[1]) ?? "", message: String.fromDatabaseValue(r[2]) ?? "",
                                      failedAt: String.fromDatabaseValue(r[3]) ?? "")
                }
                unread = try unreadFiles(db)
            }
            return StatusData(plans: plans, failures: failures, unread: unread, damaged: damaged)
        }
    }

    /// The files of the imported folders that look like plans but are no Word files, by path.
    static func unreadFiles(_ db: Database) throws -> [UnreadFile] {
        try Row.fetchAll(db, sql: "SELECT path, kind FROM unread_files ORDER BY path").compactMap { r in
            guard let path = String.fromDatabaseValue(r[0]) else { return nil }
            return UnreadFile(path: path, kind: String.fromDatabaseValue(r[1]) ?? "")
        }
    }

    /// The same, for the text and CSV reports.
    public static func unreadFiles(_ store: Store) throws -> [UnreadFile] {
        try store.writer.read { try unreadFiles($0) }
    }

    /// The plan a `--plan` argument names: its id ("17") or a path holding it (absolute or
    /// relative to `cwd`).
    public static func planID(_ store: Store, naming arg: String, cwd: String) throws -> Int64? {
        try store.writer.read { db in
            if let id = Int64(arg), try Int64.fetchOne(db, sql: "SELECT id FROM plans WHERE id = ?", arguments: [id]) != nil { return id }
            let path = Walker.absolute(arg, cwd: cwd)
            return try Int64.fetchOne(db, sql: "SELECT plan_id FROM sources WHERE path = ?", arguments: [path])
        }
    }
}

/// A milestone's place on the time line, as of a day.
public enum MilestoneState: String, Sendable {
    /// Its end lies before the day and its goal has no evaluation yet.
    case overdue
    /// It runs within the next 30 days.
    case comingUp = "coming-up"
    case later, done

    /// ISO dates compare as text.
    public static func of(_ m: Milestone, goal: Goal, asOf: String, in30Days: String) -> MilestoneState? {
        guard let from = m.from, let to = m.to else { return nil }
        if to < asOf { return goal.evaluation.isEmpty ? .overdue : .done }
        if from <= in30Days { return .comingUp }
        return .later
    }

    /// The word said beside the mark, so that no state is told by colour alone.
    public func word(_ lang: MessageLanguage) -> String {
        switch self {
        case .overdue: return lang.pick(da: "⚠ overskredet", en: "⚠ overdue")
        case .comingUp: return lang.pick(da: "◷ snart", en: "◷ coming up")
        case .later: return lang.pick(da: "senere", en: "later")
        case .done: return lang.pick(da: "✓ evalueret", en: "✓ evaluated")
        }
    }
}

extension FailureRow {
    /// The failure's code in the run's language: "filen er en PDF" for pdf ...
    public static func reasonName(_ code: String, _ lang: MessageLanguage) -> String {
        let names: [String: (String, String)] = [
            "cannot-open": ("kan ikke åbnes", "cannot be opened"), "cannot-open-folder": ("mappe kan ikke læses", "folder cannot be read"),
            "name-not-utf8": ("navn ikke UTF-8", "name not UTF-8"), "is-directory": ("mappe", "folder"),
            "not-a-file": ("ikke en fil", "not a file"), "empty-file": ("tom fil", "empty file"), "pdf": ("PDF", "PDF"),
            "rtf": ("RTF", "RTF"), "legacy-word": ("Word 97-2003", "Word 97-2003"), "encrypted": ("adgangskode", "password"),
            "legacy-office": ("ældre Office-fil", "older Office file"), "damaged-office": ("beskadiget .doc", "damaged .doc"), "flat-xml": ("Word-XML i én fil", "single-file Word XML"),
            "opendocument": ("OpenDocument", "OpenDocument"), "not-a-package": ("ukendt format", "unknown format"),
            "corrupt-zip": ("beskadiget", "damaged"), "too-many-entries": ("for mange dele", "too many parts"),
            "no-main-part": ("intet hoveddokument", "no main document"), "spreadsheet": ("regneark", "spreadsheet"),
            "presentation": ("præsentation", "presentation"), "not-word": ("ikke Word", "not Word"),
            "missing-part": ("del mangler", "part missing"), "xml-not-well-formed": ("ugyldig XML", "invalid XML"),
            "xml-dtd": ("XML med DTD", "XML with a DTD"), "too-large": ("for stor", "too large"),
            "compression-ratio": ("mistænkt zip-bombe", "suspected zip bomb"), "too-deep": ("for dybt indlejret", "nested too deep"),
            "refused-by-database": ("afvist af databasen", "refused by the database"),
            "conversion-failed": ("ikke omsat af LibreOffice", "not converted by LibreOffice"),
        ]
        guard let n = names[code] else { return code }
        return lang.pick(da: n.0, en: n.1)
    }
}

/// Now, in ISO 8601 UTC to the second, as the database's times are written.
public enum Timestamp {
    public static func now() -> String { BatchWriter.timestamp() }
}

/// `report --plan`: one plan whole, as text: its fields in the template's words and order, its
/// files, the phase it reached and what it lacks, and its findings with where they are.
public enum PlanText {
    public static func render(_ s: PlanStatus, asOf: String, lang: MessageLanguage) -> String {
        let da = lang == .da
        let p = s.plan
        let in30 = HTMLReport.adding(30, to: asOf)
        var out = "\(s.title)\n" + String(repeating: "=", count: min(max(s.title.count, 10), 80)) + "\n"
        func line(_ label: String, _ value: String) { out += label + ": " + (value.isEmpty ? (da ? "(ikke udfyldt)" : "(not filled in)") : value) + "\n" }
        func list(_ label: String, _ items: [String]) {
            if items.isEmpty { line(label, ""); return }
            out += label + ":\n" + items.map { "  • " + $0 + "\n" }.joined()
        }
        line("Id", String(s.id))
        line(da ? "Sag" : "Case", p.caseNumber ?? "")
        line(da ? "År" : "Year", p.year.map(String.init) ?? "")
        line(da ? "Organisation" : "Organisation", p.organisation.joined(separator: " › "))
        line(da ? "Fase nået" : "Phase reached", p.phaseReached.shortName(lang))
        line(da ? "Mangler til næste fase" : "Missing for the next phase", s.missingText(lang))
        out += "\n"
        line(Field.owner.label(lang), p.owner)
        line(Field.coordinator.label(lang), p.coordinator)
        list(Field.contributingWorkplaces.label(lang), p.contributingWorkplaces)
        for (gi, g) in p.goals.enumerated() {
            out += "\n" + (da ? "Mål \(gi + 1)" : "Goal \(gi + 1)") + "\n"
            line(Field.goal.label(lang), g.goal)
            line(Field.objective.label(lang), g.objective)
            line(Field.challenge.label(lang), g.challenge)
            list(Field.signs.label(lang), g.signs)
            list(Field.trialActions.label(lang), g.trialActions)
            list(Field.milestones.label(lang), g.milestones.map { m in
                m.text + (MilestoneState.of(m, goal: g, asOf: asOf, in30Days: in30).map { " — " + $0.word(lang) } ?? "")
            })
            line(Field.evaluation.label(lang), g.evaluation)
            line(Field.learning.label(lang), g.learning)
        }
        out += "\n"
        list(da ? "Filer" : "Files", s.paths)
        out += "\n" + (da ? "Fund" : "Findings") + (p.findings.isEmpty ? (da ? ": ingen\n" : ": none\n") : ":\n")
        for f in p.findings {
            out += "  \(f.severity.name(lang)): \(f.message)" + (f.location.map { " (" + $0.describe(lang) + ")" } ?? "") + "\n"
        }
        return out
    }
}
