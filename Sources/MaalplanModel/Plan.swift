/// The four phases a plan is filled in, in order.
public enum Phase: String, Sendable, CaseIterable, Comparable, Codable {
    case FOER, UNDER1, UNDER2, EFTER

    public static func < (a: Phase, b: Phase) -> Bool { a.order < b.order }
    public var order: Int { Phase.allCases.firstIndex(of: self)! }

    /// The name people use: "FØR", "UNDER – udviklingsdage del 1", ...
    public var danishName: String {
        switch self {
        case .FOER: return "FØR"
        case .UNDER1: return "UNDER – udviklingsdage del 1"
        case .UNDER2: return "UNDER – udviklingsdage del 2"
        case .EFTER: return "EFTER"
        }
    }
}

/// How far a plan has come: "NONE" or a phase.
public enum PhaseReached: Equatable, Sendable {
    case none
    case phase(Phase)

    public var rawValue: String {
        switch self {
        case .none: return "NONE"
        case .phase(let p): return p.rawValue
        }
    }

    public init?(rawValue: String) {
        if rawValue == "NONE" { self = .none } else if let p = Phase(rawValue: rawValue) { self = .phase(p) } else { return nil }
    }

    /// The phase after this one, if any.
    public var next: Phase? {
        switch self {
        case .none: return .FOER
        case .phase(let p): return p.order + 1 < Phase.allCases.count ? Phase.allCases[p.order + 1] : nil
        }
    }
}

public enum TemplateKind: String, Sendable, Codable {
    case maalplan2025 = "maalplan-2025"
    case maalplan2024 = "maalplan-2024"
    case unknown
}

/// Where a plan's file is and what it is.
public struct SourceInfo: Equatable, Sendable {
    public var path: String
    public var sha256: String
    public var bytes: Int
    /// "docx", "docm", "dotx" or "dotm".
    public var format: String
    public init(path: String, sha256: String, bytes: Int, format: String) {
        self.path = path; self.sha256 = sha256; self.bytes = bytes; self.format = format
    }
}

public struct Milestone: Equatable, Sendable {
    public var text: String
    /// ISO dates (yyyy-mm-dd), inclusive, when the text holds a date.
    public var from: String?
    public var to: String?
    public init(text: String, from: String? = nil, to: String? = nil) {
        self.text = text; self.from = from; self.to = to
    }
}

public struct Goal: Equatable, Sendable {
    public var goal = ""
    public var objective = ""
    public var challenge = ""
    public var signs: [String] = []
    public var trialActions: [String] = []
    public var milestones: [Milestone] = []
    public var evaluation = ""
    public var learning = ""
    public init() {}

    public var isEmpty: Bool {
        goal.isEmpty && objective.isEmpty && challenge.isEmpty && signs.isEmpty && trialActions.isEmpty
            && milestones.isEmpty && evaluation.isEmpty && learning.isEmpty
    }
}

public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, info
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
}

/// Where in the Word document a person finds something.
public struct Location: Equatable, Sendable {
    /// 1-based number of the table among the body's tables.
    public var table: Int?
    /// 1-based row and column in that table's grid.
    public var row: Int?
    public var column: Int?
    /// The label's text as written.
    public var label: String?
    /// The sheet (2024 layout): "FØR", "UNDER – udviklingsdage del 1", ...
    public var sheet: String?
    /// 1-based number of a body paragraph, for things outside tables.
    public var paragraph: Int?
    /// "header" or "footer" when it is there.
    public var part: String?

    public init(table: Int? = nil, row: Int? = nil, column: Int? = nil, label: String? = nil,
                sheet: String? = nil, paragraph: Int? = nil, part: String? = nil) {
        self.table = table; self.row = row; self.column = column; self.label = label
        self.sheet = sheet; self.paragraph = paragraph; self.part = part
    }
}

public struct Finding: Equatable, Sendable {
    public var severity: Severity
    /// A stable kebab-case code (see README).
    public var code: String
    public var phase: Phase?
    /// A path such as `owner` or `goals[1].signs`.
    public var field: String?
    public var message: String
    public var location: Location?

    public init(severity: Severity, code: String, phase: Phase? = nil, field: String? = nil, message: String, location: Location? = nil) {
        self.severity = severity; self.code = code; self.phase = phase; self.field = field
        self.message = message; self.location = location
    }
}

/// A målplan: what `maalplan convert` writes (JSON schemaVersion 1).
public struct Plan: Equatable, Sendable {
    public static let schemaVersion = 1
    public var source: SourceInfo?
    public var template: TemplateKind = .unknown
    public var year: Int?
    public var caseNumber: String?
    public var title: String?
    public var organisation: [String] = []
    public var owner = ""
    public var coordinator = ""
    public var contributingWorkplaces: [String] = []
    public var goals: [Goal] = []
    public var phaseReached: PhaseReached = .none
    public var findings: [Finding] = []
    public init() {}
}

/// The fields' names as the templates print them (Danish) and in English, by JSON key.
public enum FieldLabels {
    public static let byKey: [String: (da: String, en: String)] = [
        "owner": ("Ejer (afdelingschef)", "Owner (head of department)"),
        "coordinator": ("Tovholder", "Coordinator"),
        "contributingWorkplaces": ("Bidragende arbejdspladser", "Contributing workplaces"),
        "goal": ("Mål & målgruppe", "Goal & target group"),
        "objective": ("Målsætning & politik", "Objective & policy"),
        "challenge": ("Udfordring", "Challenge"),
        "signs": ("Tegn", "Signs"),
        "trialActions": ("Prøvehandling", "Trial actions"),
        "milestones": ("Milepælsplan", "Milestone plan"),
        "evaluation": ("Evaluering", "Evaluation"),
        "learning": ("Læring", "Learning"),
    ]

    /// The name of the last key of a field path (`goals[0].signs` → "Tegn"), or the key itself.
    public static func name(ofPath path: String, danish: Bool) -> String {
        let key = path.split(separator: ".").last.map(String.init) ?? path
        return byKey[key].map { danish ? $0.da : $0.en } ?? key
    }
}
