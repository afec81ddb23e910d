import MaalplanModel
import ArgumentParser
import DocxPackage
import MaalplanCLI
import MaalplanStore

struct ReportCommand: ParsableCommand {
    static let configuration = StoreCommandHelp.reportConfiguration

    @OptionGroup var arguments: ReportArguments
    var db: String { arguments.db }
    var format: ReportFormat { arguments.format }
    var language: LanguageOption { arguments.language }

    func run() throws {
        let lang = language.language
        let rows: (plans: [ReportRow], failures: [FailureRow])
        do {
            let store = try Store.openForReading(path: db)
            rows = try Report.load(store)
        } catch let e as StoreError {
            printError("maalplan: " + e.message(lang))
            throw ExitCode(2)
        } catch {
            printError("maalplan: \(db): \(error)")
            throw ExitCode(2)
        }
        switch format {
        case .text: FileHandleOutput.stdout.write(Report.text(rows.plans, rows.failures, lang))
        case .csv: FileHandleOutput.stdout.write(Report.csv(rows.plans, rows.failures, lang))
        }
    }
}
