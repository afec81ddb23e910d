/// Which template a plan was written from, told by its layout.
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
    /// "docx", "docm", "dotx" or "dotm"; "doc", "dot", "rtf" or "odt" for a file converted first.
    public var format: String
    /// The converter and its version ("LibreOffice 7.4.7.2") when the file was converted to .docx.
    public var convertedBy: String?
    public init(path: String, sha256: String, bytes: Int, format: String, convertedBy: String? = nil) {
        self.path = path; self.sha256 = sha256; self.bytes = bytes; self.format = format; self.convertedBy = convertedBy
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

/// A målplan: what `maalplan convert` writes (JSON schemaVersion 1, docs/maalplan.schema.json).
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

    /// A field's value as text items: one for a text field (none when it is empty), one per item
    /// for a list (a milestone's text). `path` names a plan's field, or a goal's with its goal.
    public func items(_ path: FieldPath) -> [String] {
        guard let field = path.field else { return [] }
        func one(_ s: String) -> [String] { s.isEmpty ? [] : [s] }
        if !field.isGoalField {
            switch field {
            case .owner: return one(owner)
            case .coordinator: return one(coordinator)
            default: return contributingWorkplaces
            }
        }
        guard let gi = path.goal, goals.indices.contains(gi) else { return [] }
        let g = goals[gi]
        switch field {
        case .goal: return one(g.goal)
        case .objective: return one(g.objective)
        case .challenge: return one(g.challenge)
        case .signs: return g.signs
        case .trialActions: return g.trialActions
        case .milestones: return g.milestones.map(\.text)
        case .evaluation: return one(g.evaluation)
        case .learning: return one(g.learning)
        case .owner, .coordinator, .contributingWorkplaces: return []
        }
    }
}
