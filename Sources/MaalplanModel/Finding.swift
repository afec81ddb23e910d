public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, info
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }

    /// "fejl", "advarsel", "info" / "error", "warning", "info".
    public func name(_ lang: MessageLanguage) -> String {
        switch self {
        case .error: return lang.pick(da: "fejl", en: "error")
        case .warning: return lang.pick(da: "advarsel", en: "warning")
        case .info: return "info"
        }
    }
}

/// A part of the document other than its body.
public enum DocumentPart: String, Sendable, Codable {
    case header, footer

    /// "sidehoved" / "header".
    public func name(_ lang: MessageLanguage) -> String {
        switch self {
        case .header: return lang.pick(da: "sidehoved", en: "header")
        case .footer: return lang.pick(da: "sidefod", en: "footer")
        }
    }
}

/// Where in the Word document a person finds something.
public struct Location: Equatable, Hashable, Sendable {
    /// 1-based number of the table among the body's tables.
    public var table: Int?
    /// 1-based row and column in that table's grid.
    public var row: Int?
    public var column: Int?
    /// The label's text as written.
    public var label: String?
    /// The sheet (2024 layout): one per phase.
    public var sheet: Phase?
    /// 1-based number of a body paragraph, for things outside tables.
    public var paragraph: Int?
    /// The header or footer, when it is there.
    public var part: DocumentPart?

    public init(table: Int? = nil, row: Int? = nil, column: Int? = nil, label: String? = nil,
                sheet: Phase? = nil, paragraph: Int? = nil, part: DocumentPart? = nil) {
        self.table = table; self.row = row; self.column = column; self.label = label
        self.sheet = sheet; self.paragraph = paragraph; self.part = part
    }

    /// "tabel 3, række 2, kolonne 1 (»Tegn«)" / "table 3, row 2, column 1 (»Tegn«)".
    public func describe(_ lang: MessageLanguage) -> String {
        var parts: [String] = []
        if let part { parts.append(part.name(lang)) }
        if let sheet { parts.append(lang.pick(da: "ark ", en: "sheet ") + sheet.name) }
        if let table { parts.append(lang.pick(da: "tabel \(table)", en: "table \(table)")) }
        if let row { parts.append(lang.pick(da: "række \(row)", en: "row \(row)")) }
        if let column { parts.append(lang.pick(da: "kolonne \(column)", en: "column \(column)")) }
        if let paragraph { parts.append(lang.pick(da: "afsnit \(paragraph)", en: "paragraph \(paragraph)")) }
        var s = parts.joined(separator: ", ")
        if let label { s += s.isEmpty ? "»\(label)«" : " (»\(label)«)" }
        return s
    }
}

/// The stable kebab-case codes of findings (README, "Finding codes").
public enum FindingCode: String, Sendable, CaseIterable, Codable {
    case missingField = "missing-field"
    case guidanceOnly = "guidance-only"
    case placeholderOnly = "placeholder-only"
    case standInValue = "stand-in-value"
    case guidanceLeft = "guidance-left"
    case milestoneOutsideYear = "milestone-outside-year"
    case milestoneOutOfOrder = "milestone-out-of-order"
    case noCaseNumber = "no-case-number"
    case noYear = "no-year"
    case unrecognisedLabel = "unrecognised-label"
    case unplacedText = "unplaced-text"
    case emptyGoal = "empty-goal"
    case labelInferred = "label-inferred"
    case splitTable = "split-table"
    case repeatedField = "repeated-field"
    case undatedMilestone = "undated-milestone"
    case notAMaalplan = "not-a-maalplan"
}

/// What a finding says: its code, and its message in both languages side by side.
public enum FindingMessage: Sendable, Equatable {
    case missingField(FieldPath, Phase, labelPresent: Bool)
    case standInValue(FieldPath)
    case guidanceOnly(FieldPath)
    case placeholderOnly(FieldPath)
    /// The fields (one finding for the plan) whose answers stand among the template's guidance.
    case guidanceLeft([FieldPath])
    case milestoneOutsideYear(text: String, year: Int)
    case milestoneOutOfOrder(text: String)
    case noCaseNumber
    case noYear
    /// A label the mapper does not know with content beside it, or (no text) a known label outside a table.
    case unrecognisedLabel(label: String, text: String)
    case unplacedText(String)
    /// A copy of the goal tables with nothing filled in: not read as a goal.
    case emptyGoal
    /// A label position whose text is no known label, read as the label the template has there.
    case labelInferred(found: String, assumed: Field)
    /// One template table split in two Word tables (by an Enter between its rows), read as one.
    case splitTable(first: Int, second: Int)
    case undatedMilestone(text: String)
    /// A field given a second, different value where it already has one: the first is kept.
    case repeatedField(FieldPath, text: String)
    case notAMaalplan

    public var code: FindingCode {
        switch self {
        case .missingField: return .missingField
        case .standInValue: return .standInValue
        case .guidanceOnly: return .guidanceOnly
        case .placeholderOnly: return .placeholderOnly
        case .guidanceLeft: return .guidanceLeft
        case .milestoneOutsideYear: return .milestoneOutsideYear
        case .milestoneOutOfOrder: return .milestoneOutOfOrder
        case .noCaseNumber: return .noCaseNumber
        case .noYear: return .noYear
        case .unrecognisedLabel: return .unrecognisedLabel
        case .unplacedText: return .unplacedText
        case .emptyGoal: return .emptyGoal
        case .labelInferred: return .labelInferred
        case .splitTable: return .splitTable
        case .undatedMilestone: return .undatedMilestone
        case .repeatedField: return .repeatedField
        case .notAMaalplan: return .notAMaalplan
        }
    }

    public func text(_ lang: MessageLanguage) -> String {
        switch self {
        case .missingField(let path, let phase, let labelPresent):
            let name = path.phrase(lang)
            return lang.pick(da: "\(name) mangler (\(phase.name))" + (labelPresent ? "" : "; feltet findes ikke i dokumentet"),
                             en: "\(name) is missing (\(phase.name))" + (labelPresent ? "" : "; the field is not in the document"))
        case .standInValue(let path):
            return lang.pick(da: "\(path.phrase(lang)) ser udfyldt ud, men indeholder kun en pladsholder som »?«, »xx« eller »udfyldes«",
                             en: "\(path.phrase(lang)) looks filled but holds only a stand-in like \"?\", \"xx\" or \"udfyldes\"")
        case .guidanceOnly(let path):
            return lang.pick(da: "\(path.phrase(lang)) indeholder kun skabelonens vejledning, intet svar",
                             en: "\(path.phrase(lang)) holds only the template's guidance, no answer")
        case .placeholderOnly(let path):
            return lang.pick(da: "\(path.phrase(lang)) indeholder kun pladsholdertekst (»Klik eller tryk her ...«)",
                             en: "\(path.phrase(lang)) holds only placeholder text (\"Click or tap here ...\")")
        case .guidanceLeft(let paths):
            let names = Self.fieldsByGoals(paths, lang)
            return lang.pick(da: "Skabelonens vejledning står stadig blandt svarene i \(names); den er ikke læst som indhold",
                             en: "The template's guidance still stands among the answers in \(names); it was not read as content")
        case .milestoneOutsideYear(let text, let year):
            return lang.pick(da: "Milepælen »\(text)« ligger uden for planens år \(year)",
                             en: "The milestone \"\(text)\" lies outside the plan's year \(year)")
        case .milestoneOutOfOrder(let text):
            return lang.pick(da: "Milepælen »\(text)« ligger før milepælen over den",
                             en: "The milestone \"\(text)\" comes before the one above it")
        case .noCaseNumber:
            return lang.pick(da: "Intet sagsnummer (»... på sag: <nummer>« i sidehovedet)",
                             en: "No case number (\"... på sag: <number>\" in the header)")
        case .noYear:
            return lang.pick(da: "Intet år (overskriften »Målplan ÅÅÅÅ« mangler)",
                             en: "No year (the heading \"Målplan YYYY\" is missing)")
        case .unrecognisedLabel(let label, let text) where text.isEmpty:
            return lang.pick(da: "Feltet »\(label)« står uden for en tabel og blev ikke læst",
                             en: "The label \"\(label)\" stands outside a table and was not read")
        case .unrecognisedLabel(let label, let text):
            return lang.pick(da: "Ukendt felt »\(label)« med indhold: »\(Self.short(text))« – det er ikke læst ind",
                             en: "Unrecognised label \"\(label)\" with content: \"\(Self.short(text))\" – it was not read")
        case .unplacedText(let text):
            return lang.pick(da: "Tekst uden felt: »\(Self.short(text))« – den er ikke læst ind",
                             en: "Text outside any field: \"\(Self.short(text))\" – it was not read")
        case .emptyGoal:
            return lang.pick(da: "En kopi af måltabellerne uden indhold; den er ikke læst som et mål",
                             en: "A copy of the goal tables with nothing filled in; it was not read as a goal")
        case .labelInferred(let found, let assumed) where found.isEmpty:
            return lang.pick(da: "Feltnavnet mangler, hvor skabelonen har »\(assumed.label(lang))«; indholdet er læst som \(assumed.label(lang))",
                             en: "The label is missing where the template has \"\(assumed.label(lang))\"; its content was read as \(assumed.label(lang))")
        case .labelInferred(let found, let assumed):
            return lang.pick(da: "»\(found)« står, hvor skabelonen har »\(assumed.label(lang))«; indholdet er læst som \(assumed.label(lang))",
                             en: "\"\(found)\" stands where the template has \"\(assumed.label(lang))\"; its content was read as \(assumed.label(lang))")
        case .splitTable(let first, let second):
            return lang.pick(da: "Tabel \(first) og \(second) er læst som én tabel: overskrifterne står i tabel \(first), svarene i tabel \(second)",
                             en: "Tables \(first) and \(second) were read as one: the labels are in table \(first), the answers in table \(second)")
        case .repeatedField(let path, let text):
            return lang.pick(da: "\(path.phrase(lang)) står igen med en anden værdi: »\(Self.short(text))« – den første værdi er beholdt, denne er ikke læst ind",
                             en: "\(path.phrase(lang)) stands again with another value: \"\(Self.short(text))\" – the first value is kept, this one was not read")
        case .undatedMilestone(let text):
            return lang.pick(da: "Milepælen »\(Self.short(text))« har ingen dato, der kan læses",
                             en: "The milestone \"\(Self.short(text))\" has no date that can be read")
        case .notAMaalplan:
            return lang.pick(da: "Dokumentet har ingen målplan-felter (Ejer, Tovholder, Mål & målgruppe ...); er det en målplan?",
                             en: "The document has no målplan fields (Ejer, Tovholder, Mål & målgruppe ...); is it a plan?")
        }
    }

    /// Fields named once each, with the goals they are in when the plan has more than one:
    /// "Tegn, Prøvehandling (mål 1 og 2), Læring (mål 2)".
    static func fieldsByGoals(_ paths: [FieldPath], _ lang: MessageLanguage) -> String {
        let numberGoals = Set(paths.compactMap(\.goal)).count > 1 || paths.contains { ($0.goal ?? 0) > 0 }
        var fields: [Field] = []
        var goals: [Field: [Int]] = [:]
        for p in paths {
            guard let f = p.field else { continue }
            if goals[f] == nil { fields.append(f) }
            goals[f, default: []] += p.goal.map { [$0 + 1] } ?? []
        }
        var groups: [(names: [String], goals: [Int])] = []
        for f in fields {
            let g = goals[f] ?? []
            if let last = groups.last, last.goals == g { groups[groups.count - 1].names.append(f.label(lang)) } else { groups.append(([f.label(lang)], g)) }
        }
        return groups.map { group in
            let names = group.names.joined(separator: ", ")
            guard numberGoals, !group.goals.isEmpty else { return names }
            let numbers = group.goals.map(String.init)
            let list = numbers.count == 1 ? numbers[0]
                : numbers.dropLast().joined(separator: ", ") + lang.pick(da: " og ", en: " and ") + numbers.last!
            return names + " (" + lang.pick(da: "mål ", en: numbers.count == 1 ? "goal " : "goals ") + list + ")"
        }.joined(separator: ", ")
    }

    /// A text on one line, cut at 80 characters.
    static func short(_ s: String) -> String {
        let one = s.replacing("\n", with: " / ")
        return one.count > 80 ? String(one.prefix(77)) + "..." : one
    }
}

public struct Finding: Equatable, Sendable {
    public var severity: Severity
    public var code: FindingCode
    public var phase: Phase?
    /// The field concerned: `owner`, `goals[1].signs`, `goals[0].milestones[2]`.
    public var field: FieldPath?
    /// The message in the run's language.
    public var message: String
    public var location: Location?

    public init(severity: Severity, code: FindingCode, phase: Phase? = nil, field: FieldPath? = nil, message: String,
                location: Location? = nil) {
        self.severity = severity; self.code = code; self.phase = phase; self.field = field
        self.message = message; self.location = location
    }

    public init(_ severity: Severity, _ message: FindingMessage, phase: Phase? = nil, field: FieldPath? = nil,
                location: Location? = nil, language: MessageLanguage) {
        self.init(severity: severity, code: message.code, phase: phase, field: field, message: message.text(language),
                  location: location)
    }
}
