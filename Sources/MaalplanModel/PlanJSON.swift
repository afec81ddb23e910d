import JSONOutput

/// The JSON contract (schemaVersion 1), keys in the documented order (docs/maalplan.schema.json).
/// `Decodable` reads the same JSON back (PlanDecoding.swift).
extension Plan {
    public var json: JSON {
        var o: [(String, JSON)] = [("schemaVersion", .int(Plan.schemaVersion))]
        if let s = source {
            o.append(("source", s.json))
        }
        o += [
            ("template", .string(template.rawValue)),
            ("year", .optional(year)),
            ("caseNumber", .optional(caseNumber)),
            ("title", .optional(title)),
            ("organisation", .strings(organisation)),
            ("owner", .string(owner)),
            ("coordinator", .string(coordinator)),
            ("contributingWorkplaces", .strings(contributingWorkplaces)),
            ("goals", .array(goals.map(\.json))),
            ("phaseReached", .string(phaseReached.rawValue)),
            ("findings", .array(findings.map(\.json))),
        ]
        return .object(o)
    }
}

extension SourceInfo {
    public var json: JSON {
        .object([("path", .string(path)), ("sha256", .string(sha256)), ("bytes", .int(bytes)), ("format", .string(format))]
                + (convertedBy.map { [("convertedBy", JSON.string($0))] } ?? []))
    }
}

extension Goal {
    public var json: JSON {
        .object([
            ("goal", .string(goal)), ("objective", .string(objective)), ("challenge", .string(challenge)),
            ("signs", .strings(signs)), ("trialActions", .strings(trialActions)),
            ("milestones", .array(milestones.map { m in
                .object([("text", .string(m.text)), ("from", .optional(m.from)), ("to", .optional(m.to))])
            })),
            ("evaluation", .string(evaluation)), ("learning", .string(learning)),
        ])
    }
}

extension Finding {
    public var json: JSON {
        .object([
            ("severity", .string(severity.rawValue)), ("code", .string(code.rawValue)),
            ("phase", .optional(phase?.rawValue)), ("field", .optional(field?.description)),
            ("message", .string(message)), ("location", location.map(\.json) ?? .null),
        ])
    }
}

extension Location {
    public var json: JSON {
        var o: [(String, JSON)] = []
        if let part { o.append(("part", .string(part.rawValue))) }
        if let sheet { o.append(("sheet", .string(sheet.name))) }
        if let table { o.append(("table", .int(table))) }
        if let row { o.append(("row", .int(row))) }
        if let column { o.append(("column", .int(column))) }
        if let label { o.append(("label", .string(label))) }
        if let paragraph { o.append(("paragraph", .int(paragraph))) }
        return .object(o)
    }
}
