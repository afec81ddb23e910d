import ArgumentParser
import DocxPackage
import MaalplanCore
import MaalplanMapping
import MaalplanModel
import Glibc

/// Options every command that reads files shares.
public struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: help(da: "Sprog for meddelelser og hjælp: da eller en.", en: "Language of messages and help: da or en."))
    public var lang: String = MessageLanguage.fromEnvironment.rawValue

    public var language: MessageLanguage { MessageLanguage(rawValue: lang.lowercased()) ?? .da }

    public init() {}

    /// Once the options are read: the language of what is said about the output too. A language
    /// the tool does not speak is refused, not replaced in silence.
    public func validate() throws {
        guard MessageLanguage(rawValue: lang.lowercased()) != nil else {
            throw ValidationError(MessageLanguage.ofRun.pick(da: "--lang \(lang): kendes ikke – skriv da eller en",
                                                             en: "--lang \(lang): not known – write da or en"))
        }
        FileHandleOutput.language = language
    }
}

/// `--soffice PATH`: the LibreOffice that converts .doc, .dot, .rtf and .odt (else `soffice` on PATH).
public struct ConverterOption: ParsableArguments {
    @Option(name: .long, help: help(da: "LibreOffice-programmet der omsætter .doc, .dot, .rtf og .odt (standard: soffice på PATH).",
                                    en: "The LibreOffice program that converts .doc, .dot, .rtf and .odt (default: soffice on PATH).",
                                    valueName: (da: "sti", en: "path")))
    public var soffice: String?

    public init() {}

    /// LibreOffice, when there is one; a --soffice that is no program is refused in one line.
    public func converter(_ lang: MessageLanguage) throws -> LibreOffice? {
        guard let soffice else { return LibreOffice.find() }
        guard let found = LibreOffice.find(soffice) else {
            printError("maalplan: --soffice \(soffice): " + lang.pick(da: "ikke et program der kan køres – angiv stien til soffice, fx /usr/bin/soffice",
                                                                     en: "not a program that can be run – give the path of soffice, e.g. /usr/bin/soffice"))
            throw ExitCode(2)
        }
        return found
    }
}

/// `--labels FILE`: more labels, synonyms, guidance or workplace names, in data/labels.txt's format.
public struct LabelsOption: ParsableArguments {
    @Option(name: .long, help: help(da: "Flere feltnavne, synonymer eller arbejdspladser fra en fil i samme format som data/labels.txt.",
                                    en: "More labels, synonyms or workplaces from a file in the format of data/labels.txt.", valueName: (da: "fil", en: "file")))
    public var labels: String?

    public init() {}

    /// The rules to map with; a labels file that cannot be used is one line on stderr and exit 2.
    public func rules(_ lang: MessageLanguage) throws -> MappingRules {
        guard let labels else { return .standard }
        do {
            return try MappingRules.standard.adding(file: labels)
        } catch {
            printError("maalplan: --labels " + error.message(lang))
            throw ExitCode(2)
        }
    }
}

/// An output file (-o) that could not be written, in one line: what, why, and what to do.
public func reportWriteFailure(_ path: String, _ error: WriteError, _ lang: MessageLanguage) {
    let what: String
    switch error.code {
    case ENOENT, ENOTDIR:
        what = lang.pick(da: "mappen findes ikke – opret den, eller vælg et andet sted med -o",
                         en: "the folder does not exist – make it, or choose another place with -o")
    case ENOSPC, EDQUOT:
        what = lang.pick(da: "filen kan ikke skrives (\(error.message(lang))) – frigør plads, eller vælg et andet sted med -o",
                         en: "the file cannot be written (\(error.message(lang))) – free some space, or choose another place with -o")
    default:
        what = lang.pick(da: "filen kan ikke skrives (\(error.message(lang))) – vælg et andet sted med -o",
                         en: "the file cannot be written (\(error.message(lang))) – choose another place with -o")
    }
    printError("maalplan: \(path): " + what)
}

/// Writes a one-line refusal for a file to stderr.
public func reportFailure(_ path: String, _ error: ReadError, _ lang: MessageLanguage) {
    printError("maalplan: \(path): \(error.message(lang))")
}

public func printError(_ line: String) {
    FileHandleOutput.stderr.write(visible(line) + "\n")
}

/// A line with its control characters (ESC, CR, a tab in a file name ...) written as escapes,
/// so that a name cannot move the cursor, recolour or hide part of the terminal's line.
public func visible(_ line: String) -> String {
    guard line.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }) else { return line }
    var out = ""
    for u in line.unicodeScalars {
        if u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value) {
            out += "\\u{" + String(u.value, radix: 16) + "}"
        } else {
            out.unicodeScalars.append(u)
        }
    }
    return out
}

extension ParsableCommand {
    /// As ArgumentParser's `main`, but unusable arguments exit with 2 (not 64), like every other refusal.
    public static func mainExitingTwoOnUsage() {
        // libzip turns every zip entry's DOS time into local time (mktime); with TZ unset, glibc
        // then checks /etc/localtime with a stat() per entry, ~9 per plan. Naming the same file
        // spares those calls without changing the time zone (ours are all UTC: gmtime_r).
        if getenv("TZ") == nil { setenv("TZ", ":/etc/localtime", 0) }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError("maalplan: \(message(for: error)) – " + (MessageLanguage.fromEnvironment == .da ? "se maalplan help" : "see maalplan help"))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The tool's version, for `--version` and the imports table.
public let maalplanVersion = "0.1.0"

extension MessageLanguage {
    /// The run's language as its arguments say it (`--lang en`, `--lang=en`), else
    /// `MAALPLAN_LANG`: known before the arguments are parsed, for the help text.
    public static let ofRun: MessageLanguage = {
        let args = CommandLine.arguments
        var lang = fromEnvironment
        for (i, a) in args.enumerated() {
            let value = a == "--lang" && i + 1 < args.count ? args[i + 1] : a.hasPrefix("--lang=") ? String(a.dropFirst(7)) : nil
            if let value, let l = MessageLanguage(rawValue: value) { lang = l }
        }
        return lang
    }()
}

/// Help text in the run's language.
/// Lines within a paragraph are joined, so that the help is wrapped to the terminal's width
/// alone (the sources keep theirs short); paragraphs stay apart.
/// (A byte scan: this runs for every help text at every start, and Foundation's splitting cost
/// a tenth of a `convert`.)
public func helpText(da: String, en: String) -> String {
    let text = MessageLanguage.ofRun.pick(da: da, en: en)
    guard text.utf8.contains(0x0A) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var newlines = 0
    for byte in text.utf8 {
        if byte == 0x0A { newlines += 1; continue }
        if newlines > 0 { out += newlines == 1 ? [0x20] : [0x0A, 0x0A] }
        newlines = 0
        out.append(byte)
    }
    return String(decoding: out, as: UTF8.self)
}

/// An option's or argument's help in the run's language.
public func help(da: String, en: String, valueName: (da: String, en: String)? = nil) -> ArgumentHelp {
    ArgumentHelp(helpText(da: da, en: en), valueName: valueName.map { MessageLanguage.ofRun.pick(da: $0.da, en: $0.en) })
}
