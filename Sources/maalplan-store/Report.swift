import MaalplanModel
import ArgumentParser
import DocxPackage
import Foundation
import MaalplanCLI
import MaalplanCore
import MaalplanStore

struct ReportCommand: ParsableCommand {
    static let configuration = StoreCommandHelp.reportConfiguration

    @OptionGroup var arguments: ReportArguments
    var db: String { arguments.db }
    var format: ReportFormat { arguments.format }
    var language: LanguageOption { arguments.language }

    func run() throws {
        let lang = language.language
        let asOf = try Self.asOf(arguments.asOf, lang)
        let text: String
        do {
            let store = try Store.openForReading(path: db)
            if let arg = arguments.plan {
                guard let id = try StatusData.planID(store, naming: arg, cwd: FileManager.default.currentDirectoryPath) else {
                    printError("maalplan: \(arg): " + lang.pick(da: "ingen plan i databasen har dette id eller denne sti – se maalplan report for id'er og stier",
                                                              en: "no plan in the database has this id or path – see maalplan report for ids and paths"))
                    throw ExitCode(2)
                }
                let data = try StatusData.load(store, plan: id)
                for d in data.damaged { printError("maalplan: \(db): " + d.message(lang)) }
                text = data.plans.map { PlanText.render($0, asOf: asOf, lang: lang) }.joined()
            } else if format == .html {
                let data = try StatusData.load(store)
                for d in data.damaged { printError("maalplan: \(db): " + d.message(lang)) }
                text = try HTMLReport.render(data, asOf: asOf, generated: Timestamp.now(), lang: lang)
            } else {
                let rows = try Report.load(store)
                let unread = try StatusData.unreadFiles(store)
                for d in rows.damaged { printError("maalplan: \(db): " + d.message(lang)) }
                switch format {
                case .csv: text = Report.csv(rows.plans, rows.failures, unread: unread, lang)
                default:
                    // A terminal's table: control characters in a path or a title are written as escapes.
                    text = Report.text(rows.plans, rows.failures, unread: unread, lang).split(separator: "\n", omittingEmptySubsequences: false)
                        .map { visible(String($0)) }.joined(separator: "\n")
                }
            }
        } catch let e as ExitCode {
            throw e
        } catch {
            printError("maalplan: " + Store.map(error, db).message(lang))
            throw ExitCode(2)
        }
        if let output = arguments.output {
            do {
                try writeAtomically(text, to: output)
            } catch {
                reportWriteFailure(output, error, lang)
                throw ExitCode(2)
            }
            if format == .html && arguments.plan == nil {
                FileHandleOutput.stdout.write(lang.pick(da: "Rapporten er skrevet: \(output)\n", en: "The report is written: \(output)\n"))
            }
        } else {
            FileHandleOutput.stdout.write(text)
        }
    }

    /// --as-of as yyyy-mm-dd; today (UTC) when not given.
    static func asOf(_ given: String?, _ lang: MessageLanguage) throws -> String {
        guard let given else { return String(Timestamp.now().prefix(10)) }
        // A day the calendar has (not 30 February).
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.timeZone = TimeZone(identifier: "UTC")
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd"
        f.isLenient = false
        if given.count == 10, let date = f.date(from: given), f.string(from: date) == given { return given }
        printError("maalplan: --as-of \(given): " + lang.pick(da: "ikke en dato – skriv ÅÅÅÅ-MM-DD, fx 2025-08-15",
                                                              en: "not a date – write YYYY-MM-DD, e.g. 2025-08-15"))
        throw ExitCode(2)
    }
}
