import JSONOutput

/// The model as JSON, for `maalplan inspect --format json`.
extension WordDocument {
    public var json: JSON {
        .object([
            ("format", .string(format.rawValue)),
            ("conformance", .string(conformance.rawValue)),
            ("mainPart", .string(mainPart)),
            ("properties", properties.json),
            ("headers", .array(headers.map(\.json))),
            ("footers", .array(footers.map(\.json))),
            ("images", .strings(imageDescriptions)),
            ("body", .array(body.map(\.json))),
            ("notes", .array(notes.map(\.json))),
        ])
    }

    /// Text as a person reads it: one paragraph per line, table cells in reading order.
    public var plainText: String {
        var lines: [String] = []
        func add(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case .paragraph(let p): lines.append(p.text)
                case .table(let t): for c in t.cells { add(c.blocks) }
                }
            }
        }
        add(body)
        if !notes.isEmpty {
            lines.append("")
            for n in notes { add(n.blocks) }
        }
        return lines.joined(separator: "\n")
    }
}

extension CoreProperties {
    var json: JSON {
        .object([
            ("title", .optional(title)), ("subject", .optional(subject)), ("creator", .optional(creator)),
            ("description", .optional(description)), ("keywords", .optional(keywords)),
            ("lastModifiedBy", .optional(lastModifiedBy)), ("created", .optional(created)), ("modified", .optional(modified)),
        ])
    }
}

extension HeaderFooter {
    var json: JSON {
        .object([("kind", .string(kind.rawValue)), ("part", .string(part)), ("text", .string(text)), ("blocks", .array(blocks.map(\.json)))])
    }
}

extension Note {
    var json: JSON {
        .object([("kind", .string(kind.rawValue)), ("id", .string(id)), ("blocks", .array(blocks.map(\.json)))])
    }
}

extension Block {
    public var json: JSON {
        switch self {
        case .paragraph(let p):
            var o: [(String, JSON)] = [("type", .string("paragraph")), ("text", .string(p.text))]
            if let s = p.style { o.append(("style", .object([("id", .string(s.id)), ("name", .optional(s.name))]))) }
            if let h = p.headingLevel { o.append(("headingLevel", .int(h))) }
            if let l = p.list {
                o.append(("list", .object([("level", .int(l.level)), ("numId", .int(l.numId)), ("format", .optional(l.format))])))
            }
            if let ph = p.placeholder { o.append(("placeholder", .string(ph))) }
            if !p.images.isEmpty {
                o.append(("images", .array(p.images.map {
                    .object([("description", .optional($0.description)), ("title", .optional($0.title)), ("name", .optional($0.name))])
                })))
            }
            if p.inTextBox { o.append(("inTextBox", .bool(true))) }
            return .object(o)
        case .table(let t):
            var o: [(String, JSON)] = [("type", .string("table")), ("rows", .int(t.rowCount)), ("columns", .int(t.columnCount))]
            if !t.columnWidths.isEmpty { o.append(("columnWidths", .array(t.columnWidths.map { .int($0) }))) }
            if let s = t.style { o.append(("style", .object([("id", .string(s.id)), ("name", .optional(s.name))]))) }
            o.append(("cells", .array(t.cells.map { c in
                .object([("row", .int(c.row)), ("column", .int(c.column)), ("rowSpan", .int(c.rowSpan)),
                         ("columnSpan", .int(c.columnSpan)), ("blocks", .array(c.blocks.map(\.json)))])
            })))
            return .object(o)
        }
    }
}
