import ArgumentParser
import MaalplanCLI
import DocxPackage
import MaalplanMapping
import MaalplanModel
import MaalplanCore
import WordDocument

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Omsæt én målplan til JSON (schemaVersion 1).",
        discussion: """
        Writes the plan as UTF-8 JSON with a stable key order (docs/maalplan.schema.json).
        Exit 0 for any readable Word document, also an empty or unrecognised one
        (then "template" is "unknown" and a finding says so); 2 when the file cannot be read.
        """
    )

    @Argument(help: "Målplanen (.docx, .docm, .dotx, .dotm).")
    var file: String

    @Option(name: .shortAndLong, help: "Skriv JSON til denne fil i stedet for standard-output.")
    var output: String?

    @OptionGroup var labels: LabelsOption

    @OptionGroup var language: LanguageOption

    func run() throws {
        let rules = try labels.rules(language.language)
        let plan: Plan
        do {
            plan = try Pipeline.convert(path: file, language: language.language, rules: rules)
        } catch {
            reportFailure(file, error, language.language)
            throw ExitCode(2)
        }
        let text = plan.json.serialized()
        if let output {
            do {
                try writeAtomically(text, to: output)
            } catch {
                printError("maalplan: \(output): \(language.language == .da ? "kan ikke skrive filen" : "cannot write the file"): \(error)")
                throw ExitCode(2)
            }
        } else {
            FileHandleOutput.stdout.write(text)
        }
    }
}
