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
        let rows: (plans: [ReportRow], failures: [FailureRow], damaged: [DamagedValue])
        do {
            let store = try Store.openForReading(path: db)
            rows = try Report.load(store)
        } catch {
            printError("maalplan: " + Store.map(error, db).message(lang))
            throw ExitCode(2)
        }
        for d in rows.damaged { printError("maalplan: \(db): " + d.message(lang)) }
        switch format {
        case .text:
            // A terminal's table: control characters in a path or a title are written as escapes.
            let text = Report.text(rows.plans, rows.failures, lang)
            FileHandleOutput.stdout.write(text.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\n"))
        case .csv: FileHandleOutput.stdout.write(Report.csv(rows.plans, rows.failures, lang))
        }
    }
}
