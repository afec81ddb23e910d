import MaalplanModel
import TextScan
import Foundation
import GRDB

/// One plan in the report.
public struct ReportRow: Sendable, Equatable {
    /// The plan's id (plans.id): what `report --plan` takes.
    public var id: Int64 = 0
    public var title: String?
    public var caseNumber: String?
    public var year: Int?
    public var owner: String
    public var coordinator: String
    public var template: String
    public var phaseReached: String
    public var nextPhase: String?
    /// Field paths, ", "-separated, as stored.
    public var missingForNext: String
    public var goals: Int
    /// The first path holding the plan (in byte order), and how many paths do.
    public var path: String?
    public var paths: Int
}

public struct FailureRow: Sendable, Equatable {
    public var path: String
    public var reason: String
    public var message: String
    public var failedAt: String
}

/// A stored value of another type than its column's (a hand-edited or damaged database): the
/// row is reported without it, and the value is said.
public struct DamagedValue: Sendable, Equatable {
    public var table: String
    public var id: Int64
    public var column: String
    public var value: String

    /// "plans id 3, year: »2025a« is not what the column holds – shown empty".
    public func message(_ lang: MessageLanguage) -> String {
        lang.pick(da: "\(table) id \(id), \(column): »\(value)« er ikke, hvad kolonnen skal indeholde – vist tom; ret rækken eller importér igen i en ny database",
                  en: "\(table) id \(id), \(column): \"\(value)\" is not what the column holds – shown empty; correct the row or import again into a new database")
    }
}

/// `maalplan report`: one line per plan, then the failures; as text or CSV.
public enum Report {
    public static func load(_ store: Store) throws -> (plans: [ReportRow], failures: [FailureRow], damaged: [DamagedValue]) {
        try store.writer.read { db in
            var damaged: [DamagedValue] = []
            // Each value read without trapping: a value the column's type cannot hold is said, not fatal.
            func value<T: DatabaseValueConvertible>(_ r: Row, _ column: String, table: String) -> T? {
                let v: DatabaseValue = r[column]
                if v.isNull { return nil }
                if let t = T.fromDatabaseValue(v) { return t }
                let shown: String
                switch v.storage {
                case .blob(let d): shown = "BLOB (\(d.count) bytes)"
                case .string(let s): shown = String(s.prefix(40))
                default: shown = v.description
                }
                damaged.append(DamagedValue(table: table, id: r["id"] as Int64? ?? 0, column: column, value: shown))
                return nil
            }
            let plans = try Row.fetchAll(db, sql: """
                SELECT p.id, p.title, p.case_number, p.year, p.owner, p.coordinator, p.template, p.phase_reached, p.next_phase,
                       p.missing_for_next,
                       (SELECT COUNT(*) FROM goals g WHERE g.plan_id = p.id) AS goals,
                       (SELECT MIN(s.path) FROM sources s WHERE s.plan_id = p.id) AS path,
                       (SELECT COUNT(*) FROM sources s WHERE s.plan_id = p.id) AS paths
                FROM plans p
                """).map { r in
                func v<T: DatabaseValueConvertible>(_ c: String) -> T? { value(r, c, table: "plans") }
                return ReportRow(id: v("id") ?? 0, title: v("title"), caseNumber: v("case_number"), year: v("year"), owner: v("owner") ?? "",
                                 coordinator: v("coordinator") ?? "", template: v("template") ?? "", phaseReached: v("phase_reached") ?? "",
                                 nextPhase: v("next_phase"), missingForNext: v("missing_for_next") ?? "", goals: v("goals") ?? 0,
                                 path: v("path"), paths: v("paths") ?? 0)
            }
            let failures = try Row.fetchAll(db, sql: "SELECT id, path, reason, message, failed_at FROM failures ORDER BY path").map { r in
                func v(_ c: String) -> String { value(r, c, table: "failures") ?? "" }
                return FailureRow(path: v("path"), reason: v("reason"), message: v("message"), failedAt: v("failed_at"))
            }
            return (sorted(plans), failures, damaged)
        }
    }

    /// By year, then title (case-insensitive), then case number.
    static func sorted(_ rows: [ReportRow]) -> [ReportRow] {
        rows.sorted { a, b in
            if a.year != b.year { return (a.year ?? 0) < (b.year ?? 0) }
            let ta = danishKey(displayTitle(a)), tb = danishKey(displayTitle(b))
            if ta != tb { return ta.lexicographicallyPrecedes(tb) }
            return (a.caseNumber ?? "") < (b.caseNumber ?? "")
        }
    }

    /// A sort key in Danish alphabetical order: æ, ø, å after z (and aa read as å is left alone).
    static func danishKey(_ s: String) -> [UInt32] {
        s.lowercased().nfc.unicodeScalars.map { u in
            switch u {
            case "æ", "ä": return 0x7B   // just after "z"
            case "ø", "ö": return 0x7C
            case "å": return 0x7D
            default: return u.value
            }
        }
    }

    static func displayTitle(_ r: ReportRow) -> String {
        if let t = r.title, !t.isEmpty { return t }
        return r.path.map { "(" + ($0 as NSString).lastPathComponent + ")" } ?? "–"
    }

    /// "ingen", "FØR", "UNDER 1", "UNDER 2", "EFTER" for a phase as stored; "–" for none.
    public static func phaseName(_ code: String?, _ lang: MessageLanguage) -> String {
        guard let code else { return "–" }
        return (PhaseReached(rawValue: code) ?? .none).shortName(lang)
    }

    /// The stored field paths (", "-separated, as in plans.missing_for_next) in people's words,
    /// each once; goal numbers shown when the plan has more than one goal.
    static func fieldNames(_ list: String, goals: Int, _ lang: MessageLanguage) -> String {
        var seen = Set<String>()
        return list.split(separator: ",").compactMap { FieldPath(String($0.drop(while: { $0 == " " }))) }
            .map { $0.listName(lang, numberGoals: goals > 1) }.filter { seen.insert($0).inserted }.joined(separator: ", ")
    }

    /// What the plan lacks to reach its next phase, in people's words.
    public static func missingText(_ r: ReportRow, _ lang: MessageLanguage) -> String {
        missingText(recognised: r.template != TemplateKind.unknown.rawValue, next: r.nextPhase.flatMap { PhaseReached(rawValue: $0) },
                    missing: r.missingForNext, goals: r.goals, lang)
    }

    /// The same for a plan: "UNDER 2: Prøvehandling", "intet (alle faser udfyldt)" ...
    public static func missingText(recognised: Bool, next: PhaseReached?, missing: String, goals: Int, _ lang: MessageLanguage) -> String {
        let da = lang == .da
        if !recognised { return da ? "ikke genkendt som målplan" : "not recognised as a plan" }
        guard let next else { return da ? "intet (alle faser udfyldt)" : "nothing (every phase filled in)" }
        let fields = fieldNames(missing, goals: goals, lang)
        return next.shortName(lang) + ": " + (fields.isEmpty ? "–" : fields)
    }

    // MARK: Text

    public static func text(_ plans: [ReportRow], _ failures: [FailureRow], unread: [UnreadFile] = [], _ lang: MessageLanguage) -> String {
        let da = lang == .da
        let header = da ? ["Id", "Titel", "Sag", "Ejer", "Tovholder", "Nået", "Fil", "Mangler til næste fase"]
                        : ["Id", "Title", "Case", "Owner", "Coordinator", "Reached", "File", "Missing for the next phase"]
        let caps = [8, 44, 22, 24, 24, 7, 60, Int.max]
        var rows = [header]
        for r in plans {
            rows.append([String(r.id), displayTitle(r), r.caseNumber ?? "–", r.owner.isEmpty ? "–" : r.owner,
                         r.coordinator.isEmpty ? "–" : r.coordinator, phaseName(r.phaseReached, lang), fileText(r, lang), missingText(r, lang)])
        }
        let cells = rows.map { row in zip(row, caps).map { clip(oneLine($0), $1) } }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for (n, row) in cells.enumerated() {
            var line = ""
            for (i, c) in row.enumerated() {
                line += i == row.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count + 2)
            }
            out += line + "\n"
            if n == 0 { out += widths.enumerated().map { String(repeating: "-", count: $0.offset == widths.count - 1 ? max($0.element, 10) : $0.element) }.joined(separator: "  ") + "\n" }
        }
        out += da ? "\(plans.count) \(plans.count == 1 ? "plan" : "planer")\n" : "\(plans.count) \(plans.count == 1 ? "plan" : "plans")\n"
        if !failures.isEmpty {
            out += "\n" + (da ? "Filer der ikke kunne læses (\(failures.count)):" : "Files that could not be read (\(failures.count)):") + "\n"
            for f in failures { out += "  \(f.path): \(oneLine(f.message))\n" }
        }
        if !unread.isEmpty {
            out += "\n" + (da ? "Filer der ligner planer, men ikke er Word-filer (\(unread.count)); find Word-originalen og importér den:"
                             : "Files that look like plans but are not Word files (\(unread.count)); find the Word original and import it:") + "\n"
            for u in unread { out += "  \(u.path) (\(u.kind))\n" }
        }
        return out
    }

    /// The first path holding the plan (its end, when long), and "+N kopier" for the others:
    /// two plans of one title are told apart by where they are.
    public static func fileText(_ r: ReportRow, _ lang: MessageLanguage) -> String {
        guard let path = r.path else { return "–" }
        let copies = r.paths > 1 ? lang.pick(da: " +\(r.paths - 1) " + (r.paths == 2 ? "kopi" : "kopier"),
                                             en: " +\(r.paths - 1) " + (r.paths == 2 ? "copy" : "copies")) : ""
        let room = 60 - copies.count
        return (path.count <= room ? path : "…" + String(path.suffix(room - 1))) + copies
    }

    static func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\r\n", with: " / ").replacingOccurrences(of: "\n", with: " / ").replacingOccurrences(of: "\t", with: " ")
    }

    static func clip(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }

    // MARK: CSV

    /// RFC 4180 with `;` between fields (what Excel expects in Danish settings, where `,` is the
    /// decimal comma), CRLF line ends, UTF-8 with a byte order mark so Excel keeps æ, ø and å.
    /// One table: plan rows, then failure rows (Type = fejl/failure) with Fil and Fejl filled.
    public static func csv(_ plans: [ReportRow], _ failures: [FailureRow], unread: [UnreadFile] = [], _ lang: MessageLanguage) -> String {
        let da = lang == .da
        let header = da
            ? ["Type", "Titel", "Sagsnummer", "År", "Ejer", "Tovholder", "Fase nået", "Mangler til næste fase", "Fil", "Antal filer", "Fejlkode", "Fejl", "Id"]
            : ["Type", "Title", "Case number", "Year", "Owner", "Coordinator", "Phase reached", "Missing for the next phase", "File", "Files", "Failure code", "Failure", "Id"]
        var out = "\u{FEFF}" + csvLine(header)
        for r in plans {
            out += csvLine(["plan", r.title ?? "", r.caseNumber ?? "", r.year.map(String.init) ?? "", r.owner, r.coordinator,
                            phaseName(r.phaseReached, lang), missingText(r, lang), r.path ?? "", String(r.paths), "", "", String(r.id)])
        }
        for f in failures {
            out += csvLine([da ? "fejl" : "failure", "", "", "", "", "", "", "", f.path, "1", f.reason, f.message, ""])
        }
        for u in unread {
            out += csvLine([da ? "ikke læst" : "not read", "", "", "", "", "", "", "", u.path, "1", u.kind,
                            da ? "ligner en plan, men er ikke en Word-fil – find Word-originalen og importér den"
                               : "looks like a plan but is not a Word file – find the Word original and import it", ""])
        }
        return out
    }

    static func csvLine(_ fields: [String]) -> String {
        fields.map(csvField).joined(separator: ";") + "\r\n"
    }

    static func csvField(_ s: String) -> String {
        var v = s
        // A cell starting with = + - @, a tab or a carriage return can be read as a formula by a
        // spreadsheet (OWASP, CSV injection): a quote in front makes it text.
        if let f = v.unicodeScalars.first, f == "=" || f == "+" || f == "-" || f == "@" || f == "\t" || f == "\r" { v = "'" + v }
        if v.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "," }) || v.hasPrefix(" ") || v.hasSuffix(" ") {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}
