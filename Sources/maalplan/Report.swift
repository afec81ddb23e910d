import ArgumentParser
import DocxPackage
import MaalplanStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Vis de importerede planer: én linje pr. plan, så filerne der ikke kunne læses.",
        discussion: """
        One line per plan: title, case number, owner, coordinator, phase reached and what is missing for the next phase; then the files that could not be read.

        --format csv gives one table (RFC 4180 with ';' between fields, CRLF, UTF-8 with a byte order mark) that Excel opens with æøå intact: plan rows, then failure rows.

        Exit status 2 when there is no usable database.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

    @Option(name: .long, help: "Databasefilen.")
    var db: String = "maalplan.sqlite"

    @Option(name: .long, help: "Uddata: text eller csv.")
    var format: Format = .text

    @OptionGroup var language: LanguageOption

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
