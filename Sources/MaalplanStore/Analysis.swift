import DocxPackage
import Foundation
import JSONOutput
import MaalplanMapping
import MaalplanModel
import MaalplanValidation
import WordDocument

/// A plan read from a file, ready for the writer.
struct ParsedPlan: Sendable {
    var sha256: String
    var bytes: Int
    var format: String
    var rows: PlanRows
    var next: Phase?
    var missingForNext: [String]
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
                        limits: ReadLimits = .default) -> FileResult {
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
        return FileResult(candidate: c, outcome: parse(bytes, path: c.path, sha: sha, language: language, limits: limits))
    }

    /// Reads, maps and validates (as Pipeline.analyse, from bytes already read and hashed).
    static func parse(_ bytes: [UInt8], path: String, sha: String, language: MessageLanguage, limits: ReadLimits = .default) -> FileOutcome {
        do {
            let pkg = try DocxPackage(bytes: bytes, path: path, limits: limits)
            let doc = try WordReader.read(package: pkg)
            var result = Mapper.map(doc)
            result.plan.source = SourceInfo(path: path, sha256: sha, bytes: bytes.count, format: pkg.format.rawValue)
            let report = Validator.validate(result, target: nil, language: language)
            var plan = result.plan
            plan.phaseReached = report.phaseReached
            plan.findings = report.findings
            let next = report.phaseReached.next
            let missing = next.flatMap { report.phases[$0]?.missing } ?? []
            return .parsed(ParsedPlan(sha256: sha, bytes: bytes.count, format: pkg.format.rawValue,
                                      rows: PlanRows(plan, english: language == .en), next: next,
                                      missingForNext: missing, json: plan.json.serialized()))
        } catch {
            return .failed(code: error.code, message: error.message(language), sha256: sha)
        }
    }

    /// The whole file, with the size and mtime of what was read; an empty file fails before it is hashed.
    static func readFile(_ path: String, limits: ReadLimits) throws(ReadError) -> ([UInt8], Int64, Int64) {
        let file = try DocxPackage.readFile(path: path, limits: limits)
        if file.bytes.isEmpty { throw ReadError(.empty) }
        return (file.bytes, Int64(file.bytes.count), file.modifiedNanoseconds)
    }
}

/// Field paths in people's words: "goals[1].signs" → "Tegn (mål 2)".
public enum FieldNames {

    /// One field path; goal numbers shown (1-based) only when the plan has several goals.
    public static func name(_ path: String, manyGoals: Bool, _ lang: MessageLanguage) -> String {
        let n = FieldLabels.name(ofPath: path, danish: lang == .da)
        if manyGoals, path.hasPrefix("goals["), let close = path.firstIndex(of: "]"),
           let i = Int(path[path.index(path.startIndex, offsetBy: 6)..<close]) {
            return lang == .da ? "\(n) (mål \(i + 1))" : "\(n) (goal \(i + 1))"
        }
        return n
    }

    /// A ", "-separated list of field paths (as stored in plans.missing_for_next), in people's words;
    /// goal numbers shown when the plan has more than one goal.
    public static func describe(_ list: String, goals: Int, _ lang: MessageLanguage) -> String {
        let paths = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var seen = Set<String>()
        return paths.map { name($0, manyGoals: goals > 1, lang) }.filter { seen.insert($0).inserted }.joined(separator: ", ")
    }
}
