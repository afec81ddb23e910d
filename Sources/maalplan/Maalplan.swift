import ArgumentParser
import DocxPackage
#if canImport(Glibc)
import Glibc
#endif

@main
struct Maalplan: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "maalplan",
        abstract: "Læser målplaner (.docx) og gør dem til strukturerede, validerede data.",
        discussion: """
        Reads Danish municipal goal plans (målplaner) written in Word and turns them into structured data.
        Messages are in Danish; set MAALPLAN_LANG=en or pass --lang en for English.
        """,
        version: version,
        subcommands: [Convert.self, Validate.self, Inspect.self, Import.self, ReportCommand.self]
    )

    /// As ArgumentParser's, but unusable arguments exit with 2 (not 64), like every other refusal.
    static func main() {
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

/// Options every command that reads files shares.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Sprog for meddelelser: da eller en (message language).")
    var lang: String = MessageLanguage.fromEnvironment.rawValue

    var language: MessageLanguage { MessageLanguage(rawValue: lang) ?? .da }
}

/// Writes a one-line refusal for a file to stderr.
func reportFailure(_ path: String, _ error: ReadError, _ lang: MessageLanguage) {
    printError("maalplan: \(path): \(error.message(lang))")
}

func printError(_ line: String) {
    var s = line
    s += "\n"
    FileHandleOutput.stderr.write(s)
}
