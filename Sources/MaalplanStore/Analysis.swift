import DocxPackage
import Foundation
import JSONOutput
import MaalplanCore
import MaalplanModel

/// A plan read from a file, ready for the writer.
struct ParsedPlan: Sendable {
    var sha256: String
    var bytes: Int
    var format: String
    var rows: PlanRows
    var next: Phase?
    var missingForNext: [FieldPath]
    var json: String
}

enum FileOutcome: Sendable {
    /// The path's content is the one already stored for it (only size or mtime changed).
    case unchanged(sha256: String)
    /// Content some plan already has (a copy, a move): linked, not parsed.
    case known(sha256: String)
    case parsed(ParsedPlan)
    case failed(code: String, message: String, sha256: String?)
}

struct FileResult: Sendable {
    /// Size and mtime as read (fstat of the open file), which the source row keeps.
    var candidate: Candidate
    var outcome: FileOutcome
}

/// One file's work, run on the worker threads: read, hash, and parse only when the content is new.
enum Analysis {
    static func analyse(_ c: Candidate, storedSha: String?, knownPlans: Set<String>, language: MessageLanguage,
                        limits: ReadLimits = .default, sharedParts: SharedPartCache? = nil) -> FileResult {
        var c = c
        let bytes: [UInt8]
        do {
            (bytes, c.size, c.mtimeNs) = try readFile(c.path, limits: limits)
        } catch {
            return FileResult(candidate: c, outcome: .failed(code: error.code, message: error.message(language), sha256: nil))
        }
        let sha = SHA256.hex(bytes)
        if sha == storedSha { return FileResult(candidate: c, outcome: .unchanged(sha256: sha)) }
        if knownPlans.contains(sha) { return FileResult(candidate: c, outcome: .known(sha256: sha)) }
        return FileResult(candidate: c, outcome: parse(bytes, path: c.path, sha: sha, language: language, limits: limits,
                                                            sharedParts: sharedParts))
    }

    /// Reads, maps and validates (`Pipeline.analyse`, from bytes already read and hashed).
    static func parse(_ bytes: [UInt8], path: String, sha: String, language: MessageLanguage, limits: ReadLimits = .default,
                      sharedParts: SharedPartCache? = nil) -> FileOutcome {
        do {
            let (plan, report) = try Pipeline.analyse(bytes: bytes, path: path, sha256: sha, language: language, limits: limits,
                                                      sharedParts: sharedParts)
            return .parsed(ParsedPlan(sha256: sha, bytes: bytes.count, format: plan.source?.format ?? "",
                                      rows: PlanRows(plan, language), next: report.phaseReached.next,
                                      missingForNext: report.missingForNext, json: plan.json.serialized()))
        } catch {
            return .failed(code: error.code, message: error.message(language), sha256: sha)
        }
    }

    /// The whole file, with the size and mtime of what was read; an empty file fails before it is hashed.
    static func readFile(_ path: String, limits: ReadLimits) throws(ReadError) -> ([UInt8], Int64, Int64) {
        let file = try DocxPackage.readFile(path: path, limits: limits)
        if file.bytes.isEmpty { throw ReadError(.empty) }
        return (file.bytes, file.stamp.size, file.stamp.modifiedNanoseconds)
    }
}
