/// The four phases a plan is filled in, in order.
public enum Phase: String, Sendable, CaseIterable, Comparable, Codable {
    case FOER, UNDER1, UNDER2, EFTER

    public static func < (a: Phase, b: Phase) -> Bool { a.order < b.order }
    public var order: Int { Phase.allCases.firstIndex(of: self)! }

    /// The name the template and the people who fill it in use, in both languages: "FØR",
    /// "UNDER – udviklingsdage del 1", ... (also the name of a 2024 sheet).
    public var name: String {
        switch self {
        case .FOER: return "FØR"
        case .UNDER1: return "UNDER – udviklingsdage del 1"
        case .UNDER2: return "UNDER – udviklingsdage del 2"
        case .EFTER: return "EFTER"
        }
    }

    /// The name in a column of a report: "FØR", "UNDER 1", "UNDER 2", "EFTER".
    public var shortName: String {
        switch self {
        case .FOER: return "FØR"
        case .UNDER1: return "UNDER 1"
        case .UNDER2: return "UNDER 2"
        case .EFTER: return "EFTER"
        }
    }

    /// The fields this phase's rules need filled in (for every goal, where the field is a goal's).
    public var fields: [Field] { Field.allCases.filter { $0.phase == self } }
}

/// How far a plan has come: "NONE" or a phase.
public enum PhaseReached: Equatable, Hashable, Sendable, CaseIterable {
    case none
    case phase(Phase)

    public static let allCases: [PhaseReached] = [.none] + Phase.allCases.map { .phase($0) }

    /// "NONE", "FOER", ...: the JSON contract's and the database's value.
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

    /// "ingen" / "none", or the phase's short name.
    public func shortName(_ lang: MessageLanguage) -> String {
        switch self {
        case .none: return lang.pick(da: "ingen", en: "none")
        case .phase(let p): return p.shortName
        }
    }

    /// "ingen fase (FØR er ikke udfyldt)" / "no phase (FØR is not filled in)", or the phase's name.
    public func name(_ lang: MessageLanguage) -> String {
        switch self {
        case .none: return lang.pick(da: "ingen fase (FØR er ikke udfyldt)", en: "no phase (FØR is not filled in)")
        case .phase(let p): return p.name
        }
    }
}
