import DocxPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

/// Why a file could not be written: the system's message.
public struct WriteError: Error, CustomStringConvertible {
    public let description: String
}

/// Writes through a temporary file and a rename, so a crash never leaves half a file.
public func writeAtomically(_ text: String, to path: String) throws {
    let tmp = path + ".tmp-\(getpid())"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
    var failure: Int32 = 0
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buf in
        var off = 0
        while off < buf.count {
            let n = write(fd, buf.baseAddress! + off, buf.count - off)
            if n < 0 { if errno == EINTR { continue }; failure = errno; return }
            off += n
        }
    }
    if failure == 0 && fsync(fd) != 0 { failure = errno }
    close(fd)
    if failure == 0 && rename(tmp, path) != 0 { failure = errno }
    if failure != 0 {
        unlink(tmp)
        throw WriteError(description: String(cString: strerror(failure)))
    }
}
