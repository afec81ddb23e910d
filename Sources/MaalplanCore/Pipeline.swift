import DocxPackage
import MaalplanMapping
import MaalplanModel
import MaalplanValidation
import WordDocument

/// The stages wired together, in the one place they are: package → Word model → mapping →
/// validation. `maalplan convert` and `validate` call it with a path; `maalplan import` with the
/// bytes it has read and hashed.
public enum Pipeline {
    /// Reads one file and converts it: the plan, with its phase reached and findings.
    public static func convert(path: String, language: MessageLanguage = .da, rules: MappingRules = .standard,
                               converter: LibreOffice? = nil) throws(ReadError) -> Plan {
        try analyse(path: path, target: nil, language: language, rules: rules, converter: converter).plan
    }

    /// Reads, maps and validates one file: the plan (with phaseReached and findings) and the report.
    /// `converter`: LibreOffice, for a .doc, .dot, .rtf or .odt (also one named .docx): the file is
    /// converted to .docx and read as one; the plan keeps the original's format and SHA-256.
    public static func analyse(path: String, target: Phase? = nil, language: MessageLanguage = .da,
                               rules: MappingRules = .standard, limits: ReadLimits = .default,
                               converter: LibreOffice? = nil) throws(ReadError) -> (plan: Plan, report: ValidationReport) {
        let file = try DocxPackage.readFile(path: path, limits: limits)
        return try analyse(bytes: file.bytes, path: path, sha256: SHA256.hex(file.bytes), target: target, language: language,
                           rules: rules, limits: limits, converter: converter)
    }

    /// An older format read through LibreOffice: the .docx it makes, with the original as the source.
    static func converted(_ original: [UInt8], path: String, sha256: String, reason: ReadError.Reason, converter: LibreOffice,
                          target: Phase?, language: MessageLanguage, rules: MappingRules,
                          limits: ReadLimits) throws(ReadError) -> (plan: Plan, report: ValidationReport) {
        try converting(path, with: converter) { (docx) throws(ReadError) in
            try analyse(converted: docx, original: original, path: path, sha256: sha256, reason: reason, convertedBy: converter.version(),
                        target: target, language: language, rules: rules, limits: limits)
        }
    }

    /// The .docx LibreOffice made of `path` (whose bytes are `original`), read as that file's plan.
    public static func analyse(converted docx: String, original: [UInt8], path: String, sha256: String, reason: ReadError.Reason,
                               convertedBy: String, target: Phase? = nil, language: MessageLanguage = .da,
                               rules: MappingRules = .standard,
                               limits: ReadLimits = .default) throws(ReadError) -> (plan: Plan, report: ValidationReport) {
        let doc = try read(converted: docx, original: original, limits: limits)
        return try analyse(doc, source: SourceInfo(path: path, sha256: sha256, bytes: original.count, format: legacyFormat(path, reason),
                                                   convertedBy: convertedBy),
                           target: target, language: language, rules: rules, limits: limits)
    }

    /// The .docx LibreOffice made of an original, read, with the images' descriptions its import
    /// of .doc and .rtf drops put back from the original.
    static func read(converted docx: String, original: [UInt8], limits: ReadLimits) throws(ReadError) -> WordDocument {
        var doc = try WordReader.read(path: docx, limits: limits)
        doc.originalImageDescriptions = OriginalDescriptions.of(original)
        return doc
    }

    /// `body` given the .docx LibreOffice makes of `path`; what it made is removed afterwards.
    static func converting<T>(_ path: String, with converter: LibreOffice,
                              _ body: (String) throws(ReadError) -> T) throws(ReadError) -> T {
        guard let (folder, result) = converter.convert(path) else { throw ReadError(.conversionFailed("no temporary folder")) }
        defer { LibreOffice.remove(folder) }
        switch result {
        case .success(let docx): return try body(docx)
        case .failure(let f): throw ReadError(.conversionFailed(f.message))
        }
    }

    /// The document a file holds, as `inspect` shows it: an older format converted first.
    public static func document(path: String, converter: LibreOffice?) throws(ReadError) -> WordDocument {
        let original = try DocxPackage.readFile(path: path).bytes
        do {
            return try WordReader.read(package: DocxPackage(bytes: original, path: path))
        } catch {
            guard let converter, LibreOffice.converts(error.reason) else { throw error }
            return try converting(path, with: converter) { (docx) throws(ReadError) in try read(converted: docx, original: original, limits: .default) }
        }
    }

    /// "doc", "dot", "rtf" or "odt": the content's (an RTF named .doc is "rtf"); for Word 97-2003,
    /// whose document and template are one format, the name's "dot" or else "doc".
    static func legacyFormat(_ path: String, _ reason: ReadError.Reason) -> String {
        switch reason {
        case .rtf: return "rtf"
        case .odf: return "odt"
        default: return path.lowercased().hasSuffix(".dot") ? "dot" : "doc"
        }
    }

    /// The same for a file already read and hashed. A bulk reader passes a `SharedPartCache` of
    /// its thread's, so that parts plans share are read once.
    public static func analyse(bytes: [UInt8], path: String, sha256: String, target: Phase? = nil,
                               language: MessageLanguage = .da, rules: MappingRules = .standard, limits: ReadLimits = .default,
                               sharedParts: SharedPartCache? = nil,
                               converter: LibreOffice?) throws(ReadError) -> (plan: Plan, report: ValidationReport) {
        do {
            return try analyse(bytes: bytes, path: path, sha256: sha256, target: target, language: language, rules: rules, limits: limits,
                               sharedParts: sharedParts)
        } catch {
            guard let converter, LibreOffice.converts(error.reason) else { throw error }
            return try converted(bytes, path: path, sha256: sha256, reason: error.reason, converter: converter, target: target,
                                 language: language, rules: rules, limits: limits)
        }
    }

    public static func analyse(bytes: [UInt8], path: String, sha256: String, target: Phase? = nil,
                               language: MessageLanguage = .da, rules: MappingRules = .standard, limits: ReadLimits = .default,
                               sharedParts: SharedPartCache? = nil) throws(ReadError) -> (plan: Plan, report: ValidationReport) {
        let pkg = try DocxPackage(bytes: bytes, path: path, limits: limits, sharedParts: sharedParts)
        return try analyse(try WordReader.read(package: pkg), source: SourceInfo(path: path, sha256: sha256, bytes: bytes.count, format: pkg.format.rawValue),
                           target: target, language: language, rules: rules, limits: limits)
    }

    /// A document read: mapped, checked against the limits, validated; `source` says where it came from.
    static func analyse(_ doc: WordDocument, source: SourceInfo, target: Phase?, language: MessageLanguage, rules: MappingRules,
                        limits: ReadLimits) throws(ReadError) -> (plan: Plan, report: ValidationReport) {
        var result = Mapper.map(doc, rules: rules)
        try check(result.plan, limits)
        result.plan.source = source
        let report = Validator.validate(result, target: target, language: language)
        result.plan.phaseReached = report.phaseReached
        result.plan.findings = report.findings
        return (result.plan, report)
    }

    /// The plan's JSON, as `convert` writes it and `import` stores it; refused past the limit.
    public static func json(_ plan: Plan, limits: ReadLimits = .default) throws(ReadError) -> String {
        let text = plan.json.serialized()
        if text.utf8.count > limits.maxJSONBytes { throw ReadError(.tooMany(.jsonBytes, limits.maxJSONBytes)) }
        return text
    }

    /// A plan past the limits on goals, list items and characters in a field is refused.
    static func check(_ plan: Plan, _ limits: ReadLimits) throws(ReadError) {
        if plan.goals.count > limits.maxGoals { throw ReadError(.tooMany(.goals, limits.maxGoals)) }
        var paths = Field.allCases.filter { !$0.isGoalField }.map { FieldPath($0) }
        for g in plan.goals.indices { paths += Field.allCases.filter(\.isGoalField).map { FieldPath(goal: g, $0) } }
        for path in paths {
            let items = plan.items(path)
            if items.count > limits.maxListItems { throw ReadError(.tooMany(.listItems(field: path.description), limits.maxListItems)) }
            if items.contains(where: { $0.utf8.count > limits.maxFieldCharacters && $0.count > limits.maxFieldCharacters }) {
                throw ReadError(.tooMany(.characters(field: path.description), limits.maxFieldCharacters))
            }
        }
    }
}
