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
        } catch let e as StoreError {
            printError("maalplan: " + e.message(lang))
            throw ExitCode(2)
        } catch {
            // One line, whatever SQLite said (its messages can hold the statement and line breaks).
            let said = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            printError("maalplan: \(db): " + lang.pick(da: "databasen kan ikke læses (\(said)) – den kan være beskadiget; importér igen i en ny database",
                                                      en: "the database cannot be read (\(said)) – it may be damaged; import again into a new database"))
            throw ExitCode(2)
        }
        for d in rows.damaged { printError("maalplan: \(db): " + d.message(lang)) }
        switch format {
        case .text: FileHandleOutput.stdout.write(Report.text(rows.plans, rows.failures, lang))
        case .csv: FileHandleOutput.stdout.write(Report.csv(rows.plans, rows.failures, lang))
        }
    }
}
