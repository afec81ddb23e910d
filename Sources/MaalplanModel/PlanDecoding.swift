/// A plan read back from the JSON `Plan.json` writes (keys as in docs/maalplan.schema.json), so
/// that a stored plan can be written again as a plan, not edited as text.
extension Plan: Decodable {
    enum Keys: String, CodingKey {
        case schemaVersion, source, template, year, caseNumber, title, organisation, owner, coordinator,
             contributingWorkplaces, goals, phaseReached, findings
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let version = try c.decode(Int.self, forKey: .schemaVersion)
        guard version == Plan.schemaVersion else {
            throw DecodingError.dataCorruptedError(forKey: .schemaVersion, in: c, debugDescription: "schemaVersion \(version)")
        }
        self.init()
        source = try c.decodeIfPresent(SourceInfo.self, forKey: .source)
        template = try c.decode(TemplateKind.self, forKey: .template)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        caseNumber = try c.decodeIfPresent(String.self, forKey: .caseNumber)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        organisation = try c.decode([String].self, forKey: .organisation)
        owner = try c.decode(String.self, forKey: .owner)
        coordinator = try c.decode(String.self, forKey: .coordinator)
        contributingWorkplaces = try c.decode([String].self, forKey: .contributingWorkplaces)
        goals = try c.decode([Goal].self, forKey: .goals)
        let reached = try c.decode(String.self, forKey: .phaseReached)
        guard let r = PhaseReached(rawValue: reached) else {
            throw DecodingError.dataCorruptedError(forKey: .phaseReached, in: c, debugDescription: reached)
        }
        phaseReached = r
        findings = try c.decode([Finding].self, forKey: .findings)
    }
}

extension SourceInfo: Decodable {
    enum Keys: String, CodingKey { case path, sha256, bytes, format, convertedBy }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(path: try c.decode(String.self, forKey: .path), sha256: try c.decode(String.self, forKey: .sha256),
                  bytes: try c.decode(Int.self, forKey: .bytes), format: try c.decode(String.self, forKey: .format),
                  convertedBy: try c.decodeIfPresent(String.self, forKey: .convertedBy))
    }
}

extension Milestone: Decodable {
    enum Keys: String, CodingKey { case text, from, to }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(text: try c.decode(String.self, forKey: .text), from: try c.decodeIfPresent(String.self, forKey: .from),
                  to: try c.decodeIfPresent(String.self, forKey: .to))
    }
}

extension Goal: Decodable {
    enum Keys: String, CodingKey { case goal, objective, challenge, signs, trialActions, milestones, evaluation, learning }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init()
        goal = try c.decode(String.self, forKey: .goal)
        objective = try c.decode(String.self, forKey: .objective)
        challenge = try c.decode(String.self, forKey: .challenge)
        signs = try c.decode([String].self, forKey: .signs)
        trialActions = try c.decode([String].self, forKey: .trialActions)
        milestones = try c.decode([Milestone].self, forKey: .milestones)
        evaluation = try c.decode(String.self, forKey: .evaluation)
        learning = try c.decode(String.self, forKey: .learning)
    }
}

extension Finding: Decodable {
    enum Keys: String, CodingKey { case severity, code, phase, field, message, location }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        var path: FieldPath?
        if let field = try c.decodeIfPresent(String.self, forKey: .field) {
            guard let p = FieldPath(field) else {
                throw DecodingError.dataCorruptedError(forKey: .field, in: c, debugDescription: field)
            }
            path = p
        }
        self.init(severity: try c.decode(Severity.self, forKey: .severity), code: try c.decode(FindingCode.self, forKey: .code),
                  phase: try c.decodeIfPresent(Phase.self, forKey: .phase), field: path,
                  message: try c.decode(String.self, forKey: .message), location: try c.decodeIfPresent(Location.self, forKey: .location))
    }
}

extension Location: Decodable {
    enum Keys: String, CodingKey { case part, sheet, table, row, column, label, paragraph }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(table: try c.decodeIfPresent(Int.self, forKey: .table), row: try c.decodeIfPresent(Int.self, forKey: .row),
                  column: try c.decodeIfPresent(Int.self, forKey: .column), label: try c.decodeIfPresent(String.self, forKey: .label),
                  paragraph: try c.decodeIfPresent(Int.self, forKey: .paragraph),
                  part: try c.decodeIfPresent(DocumentPart.self, forKey: .part))
        if let sheet = try c.decodeIfPresent(String.self, forKey: .sheet) {
            guard let phase = Phase.allCases.first(where: { $0.name == sheet }) else {
                throw DecodingError.dataCorruptedError(forKey: .sheet, in: c, debugDescription: sheet)
            }
            self.sheet = phase
        }
    }
}
