import DocxPackage
import Foundation
import MaalplanMapping
import MaalplanModel
import MaalplanValidation
import WordDocument

/// The stages wired together for one file.
public enum Pipeline {
    public static func read(path: String) throws(ReadError) -> (DocxPackage, WordDocument) {
        let pkg = try DocxPackage.open(path: path)
        return (pkg, try WordReader.read(package: pkg))
    }

    public static func convert(path: String, language: MessageLanguage = .da) throws(ReadError) -> Plan {
        try analyse(path: path, target: nil, language: language).plan
    }

    /// Reads, maps and validates one file: the plan (with phaseReached and findings) and the report.
    public static func analyse(path: String, target: Phase? = nil, language: MessageLanguage = .da) throws(ReadError) -> (plan: Plan, report: ValidationReport) {
        let (pkg, doc) = try read(path: path)
        var result = Mapper.map(doc)
        result.plan.source = SourceInfo(path: path, sha256: SHA256.hex(pkg.bytes), bytes: pkg.bytes.count, format: pkg.format.rawValue)
        let report = Validator.validate(result, target: target, language: language)
        result.plan.phaseReached = report.phaseReached
        result.plan.findings = report.findings
        return (result.plan, report)
    }
}

/// Writes through a temporary file and a rename, so a crash never leaves half a file.
public func writeAtomically(_ text: String, to path: String) throws {
    let tmp = path + ".tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: tmp, contents: Data(text.utf8)) else {
        throw CocoaError(.fileWriteUnknown)
    }
    if rename(tmp, path) != 0 {
        let e = errno
        unlink(tmp)
        throw POSIXError(POSIXErrorCode(rawValue: e) ?? .EIO)
    }
}
