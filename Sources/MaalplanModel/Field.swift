/// The fields of a plan, in the template's order: the JSON contract's keys, the names the
/// template prints, whether a goal has them, whether they hold a list, and the phase whose
/// rules need them.
public enum Field: String, Sendable, CaseIterable, Hashable, Codable {
    // The plan's own (the FØR sheet's head)
    case owner, coordinator, contributingWorkplaces
    // Each goal's
    case goal, objective, challenge, signs, trialActions, milestones, evaluation, learning

    /// The name the template prints (Danish) or its English meaning.
    public func label(_ lang: MessageLanguage) -> String {
        switch self {
        case .owner: return lang.pick(da: "Ejer (afdelingschef)", en: "Owner (head of department)")
        case .coordinator: return lang.pick(da: "Tovholder", en: "Coordinator")
        case .contributingWorkplaces: return lang.pick(da: "Bidragende arbejdspladser", en: "Contributing workplaces")
        case .goal: return lang.pick(da: "Mål & målgruppe", en: "Goal & target group")
        case .objective: return lang.pick(da: "Målsætning & politik", en: "Objective & policy")
        case .challenge: return lang.pick(da: "Udfordring", en: "Challenge")
        case .signs: return lang.pick(da: "Tegn", en: "Signs")
        case .trialActions: return lang.pick(da: "Prøvehandling", en: "Trial actions")
        case .milestones: return lang.pick(da: "Milepælsplan", en: "Milestone plan")
        case .evaluation: return lang.pick(da: "Evaluering", en: "Evaluation")
        case .learning: return lang.pick(da: "Læring", en: "Learning")
        }
    }

    public var isGoalField: Bool {
        switch self {
        case .owner, .coordinator, .contributingWorkplaces: return false
        default: return true
        }
    }

    public var isList: Bool {
        switch self {
        case .contributingWorkplaces, .signs, .trialActions, .milestones: return true
        default: return false
        }
    }

    /// The phase whose rules need the field filled in (see README, "The phase rules").
    public var phase: Phase {
        switch self {
        case .owner, .coordinator, .contributingWorkplaces, .goal, .objective, .challenge: return .FOER
        case .signs: return .UNDER1
        case .trialActions: return .UNDER2
        case .milestones, .evaluation, .learning: return .EFTER
        }
    }
}

/// Where in a plan a value is: `owner`, `goals[0].signs`, `goals[0].milestones[1]`, `goals[2]`.
/// Goals and items count from 0, as in the JSON; its text (`description`) is what findings and
/// the database hold.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    /// The goal, for a goal's field (or the goal itself, when `field` is nil).
    public var goal: Int?
    public var field: Field?
    /// The item of a list field.
    public var item: Int?

    public init(_ field: Field) { self.field = field }
    public init(goal: Int, _ field: Field? = nil, item: Int? = nil) {
        self.goal = goal; self.field = field; self.item = item
    }

    /// A plan's field: the goal's when the field is a goal's.
    public init(_ field: Field, goal: Int) {
        self.field = field
        self.goal = field.isGoalField ? goal : nil
    }

    public var description: String {
        var s = goal.map { "goals[\($0)]" } ?? ""
        if let field { s += (s.isEmpty ? "" : ".") + field.rawValue }
        if let item { s += "[\(item)]" }
        return s
    }

    /// Reads a path as `description` writes it; nil for anything else.
    public init?(_ text: String) {
        var rest = Substring(text)
        func index(_ s: inout Substring) -> Int? {
            guard s.first == "[", let close = s.firstIndex(of: "]"), let n = Int(s[s.index(after: s.startIndex)..<close]), n >= 0 else { return nil }
            s = s[s.index(after: close)...]
            return n
        }
        if rest.hasPrefix("goals[") {
            rest = rest.dropFirst(5)
            guard let g = index(&rest) else { return nil }
            goal = g
            if rest.isEmpty { return }
            guard rest.first == "." else { return nil }
            rest = rest.dropFirst()
        }
        let name = rest.prefix { $0 != "[" }
        guard let f = Field(rawValue: String(name)), f.isGoalField == (goal != nil) else { return nil }
        field = f
        rest = rest.dropFirst(name.count)
        if !rest.isEmpty {
            guard let i = index(&rest), rest.isEmpty, f.isList else { return nil }
            item = i
        }
    }

    /// In a sentence: "»Tegn« for mål 2" / "»Signs« of goal 2", "»Tovholder«".
    public func phrase(_ lang: MessageLanguage) -> String {
        let name = "»" + (field?.label(lang) ?? "") + "«"
        guard let goal else { return name }
        if field == nil { return lang.pick(da: "Mål \(goal + 1)", en: "Goal \(goal + 1)") }
        return lang.pick(da: "\(name) for mål \(goal + 1)", en: "\(name) of goal \(goal + 1)")
    }

    /// In a list: "Tegn", or "Tegn (mål 2)" / "Signs (goal 2)" when the plan has several goals.
    public func listName(_ lang: MessageLanguage, numberGoals: Bool) -> String {
        let name = field?.label(lang) ?? ""
        guard numberGoals, let goal else { return name }
        return lang.pick(da: "\(name) (mål \(goal + 1))", en: "\(name) (goal \(goal + 1))")
    }
}
