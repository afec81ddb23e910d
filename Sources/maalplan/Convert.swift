import ArgumentParser
import Glibc
import MaalplanCLI
import DocxPackage
import MaalplanMapping
import MaalplanModel
import MaalplanCore
import WordDocument

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: helpText(da: "Omsæt én målplan til JSON (schemaVersion 1).", en: "Convert one plan to JSON (schemaVersion 1)."),
        discussion: helpText(da: """
        Skriver planen som UTF-8-JSON med fast rækkefølge af nøglerne (docs/maalplan.schema.json).
        Afslutter med 0 for ethvert læsbart Word-dokument, også et tomt eller ukendt (så er "template"
        "unknown", og et fund siger det); 2 når filen ikke kan læses.
        """, en: """
        Writes the plan as UTF-8 JSON with a stable key order (docs/maalplan.schema.json).
        Exit 0 for any readable Word document, also an empty or unrecognised one
        (then "template" is "unknown" and a finding says so); 2 when the file cannot be read.
        """)
    )

    @Argument(help: help(da: "Målplanen (.docx, .docm, .dotx, .dotm; .doc, .dot, .rtf, .odt med LibreOffice).", en: "The plan (.docx, .docm, .dotx, .dotm; .doc, .dot, .rtf, .odt with LibreOffice)."))
    var file: String

    @Option(name: .shortAndLong, help: help(da: "Skriv JSON til denne fil i stedet for standard-output.", en: "Write the JSON to this file instead of standard output."))
    var output: String?

    @OptionGroup var labels: LabelsOption

    @OptionGroup var soffice: ConverterOption

    @OptionGroup var language: LanguageOption

    func run() throws {
        // -o naming the document itself would replace the plan with its JSON.
        if let output, Self.sameFile(output, file) {
            printError("maalplan: \(output): " + language.language.pick(
                da: "-o er selve Word-filen og ville blive overskrevet – vælg et andet navn, fx \(Self.jsonName(file))",
                en: "-o is the Word document itself and would be overwritten – choose another name, e.g. \(Self.jsonName(file))"))
            throw ExitCode(2)
        }
        let rules = try labels.rules(language.language)
        let converter = try soffice.converter(language.language)
        let text: String
        do {
            text = try Pipeline.json(Pipeline.convert(path: file, language: language.language, rules: rules, converter: converter))
        } catch {
            reportFailure(file, error, language.language)
            throw ExitCode(2)
        }
        if let output {
            do {
                try writeAtomically(text, to: output)
            } catch {
                reportWriteFailure(output, error, language.language)
                throw ExitCode(2)
            }
        } else {
            FileHandleOutput.stdout.write(text)
        }
    }

    /// Whether two paths name one file (the same device and inode; also through links).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// "plan.docx" → "plan.json".
    static func jsonName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name + ".json" }
        return String(name[..<dot]) + ".json"
    }
}
