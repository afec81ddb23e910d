import JSONOutput

/// The JSON contract (schemaVersion 1), keys in the documented order. See docs/maalplan.schema.json.
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
        .object([("path", .string(path)), ("sha256", .string(sha256)), ("bytes", .int(bytes)), ("format", .string(format))])
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
            ("severity", .string(severity.rawValue)), ("code", .string(code)),
            ("phase", .optional(phase?.rawValue)), ("field", .optional(field)),
            ("message", .string(message)), ("location", location.map(\.json) ?? .null),
        ])
    }
}

extension Location {
    public var json: JSON {
        var o: [(String, JSON)] = []
        if let part { o.append(("part", .string(part))) }
        if let sheet { o.append(("sheet", .string(sheet))) }
        if let table { o.append(("table", .int(table))) }
        if let row { o.append(("row", .int(row))) }
        if let column { o.append(("column", .int(column))) }
        if let label { o.append(("label", .string(label))) }
        if let paragraph { o.append(("paragraph", .int(paragraph))) }
        return .object(o)
    }

    /// "tabel 3, række 2, kolonne 1 (Tegn)" / "table 3, row 2, column 1 (Tegn)".
    public func describe(english: Bool = false) -> String {
        var parts: [String] = []
        if let part { parts.append(english ? part : (part == "header" ? "sidehoved" : part == "footer" ? "sidefod" : part)) }
        if let sheet { parts.append(english ? "sheet \(sheet)" : "ark \(sheet)") }
        if let table { parts.append(english ? "table \(table)" : "tabel \(table)") }
        if let row { parts.append(english ? "row \(row)" : "række \(row)") }
        if let column { parts.append(english ? "column \(column)" : "kolonne \(column)") }
        if let paragraph { parts.append(english ? "paragraph \(paragraph)" : "afsnit \(paragraph)") }
        var s = parts.joined(separator: ", ")
        if let label { s += s.isEmpty ? "»\(label)«" : " (»\(label)«)" }
        return s
    }
}
