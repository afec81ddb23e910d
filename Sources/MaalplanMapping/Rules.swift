import Glibc
import MaalplanModel
import TextScan

/// What the mapper knows of the templates: their labels and synonyms, the shapes of their tables,
/// the 2024 sheets' headings, the guidance, placeholders and a few words more. All of it is read
/// from data/labels.txt (built in as `embeddedLabels`); `adding(_:)` reads more of the same
/// format, from a user's `--labels FILE`.
public struct MappingRules: Sendable {
    /// The entries as read, kept so that more can be added.
    struct Entries: Sendable {
        var labels: [(text: String, label: Label, line: Int, builtIn: Bool)] = []
        var tablesAbove: [[Field]] = []
        var tablesBeside: [[Field]] = []
        var sheets: [(text: String, phase: Phase)] = []
        var guidance: [String] = []
        var placeholders: [String] = []
        var milestoneHeaders: [String] = []
        var workplaces: [String] = []
    }

    let entries: Entries
    let labels: KeyTable<Label>
    /// The template's tables, labels in a row over values (2025) and in a column beside them (2024).
    public let tablesAbove: [[Field]]
    public let tablesBeside: [[Field]]
    /// Each heading's key in its parts between "*" (one part: the whole key).
    let sheets: [(parts: [String], phase: Phase)]
    /// The first letters of the sheets' keys.
    let sheetInitials: Set<Unicode.Scalar>
    public let guidance: Guidance
    let placeholders: KeyTable<Bool>
    let milestoneHeaders: Set<String>
    let workplaces: Set<String>

    /// How labels are compared: lower case, NFC, white space (non-breaking too) collapsed, soft
    /// hyphens dropped, "&" read as "og", a trailing colon and a trailing parenthesis ignored.
    static let labelRule = KeyRule(dropsInvisible: true, ampersand: "og", dropsTrailingColonAndParenthesis: true)
    /// Placeholders: lower case, white space collapsed, trailing full stops and ellipses left out.
    static let placeholderRule = KeyRule(dropsTrailingDots: true)

    static let builtInFile = "data/labels.txt"

    /// The rules built in: data/labels.txt.
    public static let standard: MappingRules = {
        do throws(LabelsFileError) {
            return try MappingRules(entries: parse(embeddedLabels, file: builtInFile, into: Entries()))
        } catch {
            fatalError("data/labels.txt: \(error.message(.en))")       // held by MappingTests
        }
    }()

    init(entries: Entries) throws(LabelsFileError) {
        self.entries = entries
        // A text that names two different fields is an error, not a silent choice.
        var seen: [String: (label: Label, builtIn: Bool)] = [:]
        for e in entries.labels {
            let key = Self.labelRule.key(e.text)
            if let other = seen[key], other.label != e.label {
                throw LabelsFileError(file: "", line: e.line, problem: .labelTwice(e.text, other.label.field, e.label.field, builtIn: other.builtIn))
            }
            seen[key] = (e.label, e.builtIn)
        }
        labels = KeyTable(entries.labels.map { ($0.text, $0.label) }, rule: Self.labelRule)
        tablesAbove = entries.tablesAbove
        tablesBeside = entries.tablesBeside
        sheets = entries.sheets.map { s in
            (s.text.split(separator: "*", omittingEmptySubsequences: false).map { Self.sheetKey(String($0)) }, s.phase)
        }
        sheetInitials = Set(sheets.compactMap { $0.parts[0].unicodeScalars.first })
        guidance = Guidance(paragraphs: entries.guidance)
        placeholders = KeyTable(entries.placeholders.map { ($0, true) }, rule: Self.placeholderRule)
        milestoneHeaders = Set(entries.milestoneHeaders.map { Self.labelRule.key($0) })
        workplaces = Set(entries.workplaces.map { Self.labelRule.key($0) })
    }

    /// These rules with the entries of a labels file added (same format as data/labels.txt).
    public func adding(_ text: String, file: String) throws(LabelsFileError) -> MappingRules {
        do throws(LabelsFileError) {
            return try MappingRules(entries: Self.parse(text, file: file, into: entries))
        } catch {
            var e = error
            if e.file.isEmpty { e.file = file }
            throw e
        }
    }

    /// These rules with a labels file's entries added; the file is read here.
    public func adding(file path: String) throws(LabelsFileError) -> MappingRules {
        guard let bytes = Self.readFile(path) else {
            throw LabelsFileError(file: path, line: 0, problem: .cannotRead(errno))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LabelsFileError(file: path, line: 0, problem: .notUTF8)
        }
        return try adding(text, file: path)
    }

    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { return nil }
            if n == 0 { return out }
            // A labels file is a page or two; a huge one is a mistake (a document given by error).
            guard out.count + n <= 4 << 20 else { errno = EFBIG; return nil }
            out += buffer[0..<n]
        }
    }

    // MARK: Lookups

    /// What a cell's text names, if it is a label.
    public func label(_ text: String) -> Label? {
        // Only a length guard: the table lookup is exact, and no label is near this long.
        guard text.utf8.count <= 160 else { return nil }
        return labels.value(for: text)
    }

    /// A sheet heading of the 2024 layout ("FØR", "UNDER – udviklingsdage del 1", ...).
    public func sheet(_ text: String) -> Phase? {
        guard text.utf8.count <= 80 else { return nil }        // the longest heading is some 30 bytes
        // Most texts are told apart by their first letter, before any key is made.
        if let first = text.unicodeScalars.first(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }),
           !sheetInitials.contains(String(first).lowercased().unicodeScalars.first!) { return nil }
        let key = Self.sheetKey(text)
        for s in sheets where Self.matches(key, s.parts) { return s.phase }
        return nil
    }

    /// Whether a key is the parts in order, anything between them: the first at its start,
    /// the last at its end.
    static func matches(_ key: String, _ parts: [String]) -> Bool {
        guard parts.count > 1 else { return key == parts[0] }
        guard key.hasPrefix(parts[0]), key.hasSuffix(parts[parts.count - 1]),
              key.count >= parts.reduce(0, { $0 + $1.count }) else { return false }
        var rest = key.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count)
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let r = rest.firstRange(of: middle) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }

    /// Whether a text is only a placeholder.
    public func isPlaceholder(_ text: String) -> Bool {
        // The longest placeholder is 44 bytes; a longer text is one only with much white space or many dots.
        guard text.utf8.count <= 160 else { return false }
        return placeholders.value(for: text) != nil
    }

    /// Whether a text is a word of a milestone table's header row ("Hvornår", "Dato", ...).
    func isMilestoneHeader(_ text: String) -> Bool { milestoneHeaders.contains(Self.labelRule.key(text)) }

    /// Whether a text is a workplace the labels file names.
    func isKnownWorkplace(_ text: String) -> Bool { workplaces.contains(Self.labelRule.key(text)) }

    /// A text compared as a label is (`labelRule`).
    public static func fold(_ s: String) -> String { labelRule.key(s) }

    /// A sheet heading's key: the label key's letters and digits.
    static func sheetKey(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in labelRule.key(s).unicodeScalars {
            // ASCII by its byte; the rest (æ, ø, å, dashes) by its properties.
            let keep = u.isASCII ? (u.value >= 0x61 && u.value <= 0x7A) || (u.value >= 0x30 && u.value <= 0x39)
                : u.properties.isAlphabetic || u.properties.numericType != nil
            if keep { out.append(u) }
        }
        return String(out)
    }

    // MARK: Reading the format

    static func parse(_ text: String, file: String, into start: Entries) throws(LabelsFileError) -> Entries {
        var e = start
        enum Section { case field(Label), tablesAbove, tablesBeside, sheet(Phase), guidance, placeholders, milestoneHeaders, workplaces }
        var section: Section?
        var lineNo = 0
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNo += 1
            let line = String(decoding: raw, as: UTF8.self).trimmed
            func fail(_ p: LabelsFileError.Problem) -> LabelsFileError { LabelsFileError(file: file, line: lineNo, problem: p) }
            // Bytes compared, not characters: the built-in file is read at every start.
            guard let first = line.utf8.first, first != UInt8(ascii: "#") else { continue }
            if first == UInt8(ascii: "[") {
                guard line.utf8.last == UInt8(ascii: "]") else { throw fail(.badSection(line)) }
                let words = line.dropFirst().dropLast().split(separator: " ").map(String.init)
                func field(_ i: Int) throws(LabelsFileError) -> Field {
                    guard words.count == i + 1, let f = Field(rawValue: words[i]) else { throw fail(.unknownField(words.dropFirst(i).joined(separator: " "))) }
                    return f
                }
                switch words.first ?? "" {
                case "field": section = .field(Label(try field(1)))
                case "adds-to": section = .field(Label(try field(1), addsToField: true))
                case "tables" where words == ["tables", "above"]: section = .tablesAbove
                case "tables" where words == ["tables", "beside"]: section = .tablesBeside
                case "sheet":
                    guard words.count == 2, let p = Phase(rawValue: words[1]) else { throw fail(.badSection(line)) }
                    section = .sheet(p)
                case "guidance" where words.count == 1: section = .guidance
                case "placeholders" where words.count == 1: section = .placeholders
                case "milestone-headers" where words.count == 1: section = .milestoneHeaders
                case "workplaces" where words.count == 1: section = .workplaces
                default: throw fail(.badSection(line))
                }
                continue
            }
            switch section {
            case nil: throw fail(.outsideSection(line))
            case .field(let label): e.labels.append((line, label, lineNo, file == builtInFile))
            case .tablesAbove, .tablesBeside:
                var fields: [Field] = []
                for name in line.split(separator: "|") {
                    let n = String(name).trimmed
                    guard let f = Field(rawValue: n) else { throw fail(.unknownField(n)) }
                    fields.append(f)
                }
                if case .tablesAbove = section { e.tablesAbove.append(fields) } else { e.tablesBeside.append(fields) }
            case .sheet(let p): e.sheets.append((line, p))
            case .guidance: e.guidance.append(line)
            case .placeholders: e.placeholders.append(line)
            case .milestoneHeaders: e.milestoneHeaders.append(line)
            case .workplaces: e.workplaces.append(line)
            }
        }
        return e
    }
}

/// A labels file that cannot be used: which file, which line, what is wrong.
public struct LabelsFileError: Error, Sendable {
    public enum Problem: Sendable {
        case cannotRead(Int32)
        case notUTF8
        case badSection(String)
        case unknownField(String)
        case outsideSection(String)
        case labelTwice(String, Field, Field, builtIn: Bool)
    }
    public var file: String
    public var line: Int
    public var problem: Problem

    /// One line: the file and line, what is wrong, what to do.
    public func message(_ lang: MessageLanguage) -> String {
        let fields = Field.allCases.map(\.rawValue).joined(separator: ", ")
        let what: String
        switch problem {
        case .cannotRead(let e):
            what = lang.pick(da: "labels-filen kan ikke læses (\(MessageLanguage.da.system(e)))",
                             en: "the labels file cannot be read (\(String(cString: strerror(e))))")
        case .notUTF8:
            what = lang.pick(da: "filen er ikke UTF-8-tekst; gem den som UTF-8", en: "the file is not UTF-8 text; save it as UTF-8")
        case .badSection(let s):
            what = lang.pick(da: "ukendt afsnit \(s); kendte: [field NAVN], [adds-to NAVN], [tables above], [tables beside], [sheet FASE], [guidance], [placeholders], [milestone-headers], [workplaces]",
                             en: "unknown section \(s); known: [field NAME], [adds-to NAME], [tables above], [tables beside], [sheet PHASE], [guidance], [placeholders], [milestone-headers], [workplaces]")
        case .unknownField(let s):
            what = lang.pick(da: "ukendt felt »\(s)«; felterne hedder \(fields)", en: "unknown field \"\(s)\"; the fields are \(fields)")
        case .outsideSection(let s):
            what = lang.pick(da: "»\(s)« står før første afsnit; begynd med fx [field owner]",
                             en: "\"\(s)\" stands before the first section; begin with e.g. [field owner]")
        case .labelTwice(let s, let a, let b, true):
            what = lang.pick(da: "»\(s)« betyder allerede \(a.rawValue) i de indbyggede feltnavne (data/labels.txt) og kan ikke også betyde \(b.rawValue); brug et andet ord",
                             en: "\"\(s)\" already means \(a.rawValue) in the built-in labels (data/labels.txt) and cannot also mean \(b.rawValue); use another word")
        case .labelTwice(let s, let a, let b, false):
            what = lang.pick(da: "»\(s)« kan ikke både betyde \(a.rawValue) og \(b.rawValue); slet den ene linje",
                             en: "\"\(s)\" cannot mean both \(a.rawValue) and \(b.rawValue); remove one of the lines")
        }
        return line > 0 ? "\(file):\(line): \(what)" : "\(file): \(what)"
    }
}
