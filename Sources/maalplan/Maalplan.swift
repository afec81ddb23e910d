import ArgumentParser
import MaalplanCLI

@main
struct Maalplan: ParsableCommand {
    static let version = maalplanVersion

    static let configuration = CommandConfiguration(
        commandName: "maalplan",
        abstract: "Læser målplaner (.docx) og gør dem til strukturerede, validerede data.",
        discussion: """
        Reads Danish municipal goal plans (målplaner) written in Word and turns them into structured data.
        Messages are in Danish; set MAALPLAN_LANG=en or pass --lang en for English.
        """,
        version: version,
        subcommands: [Convert.self, Validate.self, Inspect.self, Import.self, Report.self]
    )

    static func main() { mainExitingTwoOnUsage() }
}
