import MaalplanModel
import ArgumentParser
import MaalplanCLI
import DocxPackage
import Glibc

@main
struct Maalplan: ParsableCommand {
    static let version = maalplanVersion

    static let configuration = CommandConfiguration(
        commandName: "maalplan",
        abstract: helpText(da: "Læser målplaner (.docx) og gør dem til strukturerede, validerede data.",
                           en: "Reads goal plans (målplaner, .docx) and turns them into structured, validated data."),
        discussion: helpText(da: """
        Læser kommunale målplaner skrevet i Word og gør dem til strukturerede data.
        Meddelelser og hjælp er på dansk; MAALPLAN_LANG=en eller --lang en giver engelsk.
        """, en: """
        Reads Danish municipal goal plans (målplaner) written in Word and turns them into structured data.
        Messages and help are in Danish; set MAALPLAN_LANG=en or pass --lang en for English.
        """),
        version: version,
        subcommands: [Convert.self, Validate.self, Inspect.self, Import.self, Report.self]
    )

    static func main() {
        // import and report are maalplan-store's: it checks their arguments itself (the same
        // ArgumentParser declarations, the same messages), so the process becomes it at once.
        let args = CommandLine.arguments
        if args.count > 1, args[1] == "import" || args[1] == "report" {
            do { try becomeStore(MessageLanguage.ofRun) } catch { Glibc.exit(2) }
        }
        mainExitingTwoOnUsage()
    }
}
