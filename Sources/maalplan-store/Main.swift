import MaalplanModel
import ArgumentParser
import MaalplanCLI

/// Carries out `maalplan import` and `maalplan report` (started by `maalplan`, or directly).
@main
struct MaalplanStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maalplan",
        abstract: "Importér målplaner i en SQLite-database og vis rapporten.",
        subcommands: [Import.self, ReportCommand.self]
    )

    static func main() { mainExitingTwoOnUsage() }
}
