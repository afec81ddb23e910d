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
    public static func convert(path: String, language: MessageLanguage = .da, rules: MappingRules = .standard) throws(ReadError) -> Plan {
        try analyse(path: path, target: nil, language: language, rules: rules).plan
    }

    /// Reads, maps and validates one file: the plan (with phaseReached and findings) and the report.
    public static func analyse(path: String, target: Phase? = nil, language: MessageLanguage = .da,
                               rules: MappingRules = .standard,
                               limits: ReadLimits = .default) throws(ReadError) -> (plan: Plan, report: ValidationReport) {
        let file = try DocxPackage.readFile(path: path, limits: limits)
        return try analyse(bytes: file.bytes, path: path, sha256: SHA256.hex(file.bytes), target: target, language: language,
                           rules: rules, limits: limits)
    }

    /// The same for a file already read and hashed. A bulk reader passes a `SharedPartCache` of
    /// its thread's, so that parts plans share are read once.
    public static func analyse(bytes: [UInt8], path: String, sha256: String, target: Phase? = nil,
                               language: MessageLanguage = .da, rules: MappingRules = .standard, limits: ReadLimits = .default,
                               sharedParts: SharedPartCache? = nil) throws(ReadError) -> (plan: Plan, report: ValidationReport) {
        let pkg = try DocxPackage(bytes: bytes, path: path, limits: limits, sharedParts: sharedParts)
        let doc = try WordReader.read(package: pkg)
        var result = Mapper.map(doc, rules: rules)
        result.plan.source = SourceInfo(path: path, sha256: sha256, bytes: bytes.count, format: pkg.format.rawValue)
        let report = Validator.validate(result, target: target, language: language)
        result.plan.phaseReached = report.phaseReached
        result.plan.findings = report.findings
        return (result.plan, report)
    }
}
