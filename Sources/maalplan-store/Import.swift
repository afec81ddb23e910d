import MaalplanModel
import ArgumentParser
import Dispatch
import DocxPackage
import Foundation
import MaalplanCLI
import MaalplanStore

struct Import: ParsableCommand {
    static let configuration = StoreCommandHelp.importConfiguration

    @OptionGroup var arguments: ImportArguments
    var paths: [String] { arguments.paths }
    var db: String { arguments.db }
    var jobs: Int? { arguments.jobs }
    var jsonDir: String? { arguments.jsonDir }
    var verbose: Bool { arguments.verbose }
    var language: LanguageOption { arguments.language }

    func run() throws {
        let lang = language.language
        let da = lang == .da
        guard !paths.isEmpty else {
            printError(da ? "maalplan import: angiv mindst én fil eller mappe – fx maalplan import Målplaner/"
                          : "maalplan import: give at least one file or folder – e.g. maalplan import Plans/")
            throw ExitCode(2)
        }
        if let jobs, jobs < 1 || jobs > 1024 {
            printError(da ? "maalplan import: --jobs skal være mellem 1 og 1024" : "maalplan import: --jobs must be between 1 and 1024")
            throw ExitCode(2)
        }

        // The database is opened (made and migrated, for a new one) while the folders are walked,
        // once the paths are known to exist: a path that does not is refused before anything is made.
        do throws(Walker.ArgumentError) {
            try Walker.checkRoots(paths)
        } catch {
            Self.printNotFound(error, da)
            throw ExitCode(2)
        }
        // A labels file that cannot be used is refused before the database is made.
        let rules = try arguments.labels.rules(lang)
        let converter = try arguments.soffice.converter(lang)
        let opening = Opening(db)
        let walk: WalkResult
        do {
            walk = try Walker.walk(paths)
        } catch {
            _ = opening.wait()
            Self.printNotFound(error, da)
            throw ExitCode(2)
        }

        let store: Store
        switch opening.wait() {
        case .success(let s):
            store = s
        case .failure(let error):
            printError("maalplan: " + error.message(lang))
            throw ExitCode(2)
        }

        let out = FileHandleOutput.stdout
        let err = FileHandleOutput.stderr
        let showProgress = err.isTerminal
        var progressShown = false
        func clearProgress() {
            if progressShown { err.write("\r\u{1B}[K"); progressShown = false }
        }

        if verbose {
            for s in walk.skipped {
                out.write((da ? "sprunget over: " : "skipped: ") + visible(s.path) + " (" + s.why(lang) + ")\n")
            }
        }

        let stop = StopFlag()
        let signals = Self.onInterrupt {
            stop.set()
        }
        defer { signals.cancel() }

        var options = ImportOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, jsonDir: jsonDir,
                                    language: lang, toolVersion: maalplanVersion)
        options.rules = rules
        options.converter = converter
        let importer = Importer(store: store, options: options)
        var failureLines = 0
        let maxFailureLines = verbose ? Int.max : 20
        importer.onFailure = { path, _, message in
            failureLines += 1
            guard failureLines <= maxFailureLines else { return }
            clearProgress()
            err.write(visible("maalplan: \(path): \(message)") + "\n")
        }
        importer.onJSONError = { path, reason in
            failureLines += 1
            guard failureLines <= maxFailureLines else { return }
            clearProgress()
            err.write(visible("maalplan: \(path): ") + lang.pick(da: "JSON-filen kan ikke skrives (\(reason)) – tjek --json-dir",
                                                       en: "the JSON file cannot be written (\(reason)) – check --json-dir") + "\n")
        }
        if verbose {
            importer.onFile = { path, what in
                clearProgress()
                out.write(what.name(lang) + ": " + visible(path) + "\n")
            }
        }
        if showProgress {
            importer.onProgress = { p in
                err.write("\r\u{1B}[K" + Self.progressLine(p, lang))
                progressShown = true
            }
        }

        let summary: ImportSummary
        do {
            summary = try importer.run(walk, arguments: paths, stop: stop)
        } catch {
            clearProgress()
            printError("maalplan: " + error.message(lang))
            throw ExitCode(2)
        }
        clearProgress()
        if failureLines > maxFailureLines {
            err.write(da ? "maalplan: ... og \(failureLines - maxFailureLines) fejl mere (se maalplan report)\n"
                         : "maalplan: ... and \(failureLines - maxFailureLines) more failures (see maalplan report)\n")
        }
        out.write(Self.summaryText(summary, db: db, labels: arguments.labels.labels, converter: converter != nil, lang))
        if summary.interrupted { throw ExitCode(130) }
        if summary.counts.failed > 0 || summary.jsonNotWritten > 0 { throw ExitCode(1) }
    }

    static func printNotFound(_ error: Walker.ArgumentError, _ da: Bool) {
        switch error {
        case .notFound(let p, let e):
            printError("maalplan: \(p): " + (da ? "findes ikke eller kan ikke læses (\(MessageLanguage.da.system(e))) – tjek stien"
                                                : "does not exist or cannot be read (\(String(cString: strerror(e)))) – check the path"))
        }
    }

    /// Opens the database on a thread of its own.
    final class Opening: @unchecked Sendable {
        private var result: Result<Store, StoreError>?
        private let done = DispatchSemaphore(value: 0)

        init(_ path: String) {
            Thread.detachNewThread { [self] in
                do throws(StoreError) {
                    result = .success(try Store.openForImport(path: path))
                } catch {
                    result = .failure(error)
                }
                done.signal()
            }
        }

        func wait() -> Result<Store, StoreError> {
            done.wait()
            done.signal()
            return result!
        }
    }

    /// Ctrl-C once: stop after the current batch. Twice: stop at once (the database stays intact).
    static func onInterrupt(_ handler: @escaping () -> Void) -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        var count = 0
        source.setEventHandler {
            count += 1
            if count > 1 { _exit(130) }
            handler()
        }
        source.resume()
        return source
    }

    static func number(_ x: Double, _ lang: MessageLanguage) -> String {
        let s = x >= 100 ? String(format: "%.0f", x) : String(format: "%.1f", x)
        return lang == .da ? s.replacingOccurrences(of: ".", with: ",") : s
    }

    /// "120/300 filer · 45,0 filer/s · 40/200 ældre formater (LibreOffice) · ca. 12 s tilbage · 0 fejl".
    /// The time left is the longer of the two kinds' (each at its own pace so far); it is not said
    /// before the first conversions are done, as nothing tells their pace before.
    static func progressLine(_ p: ImportProgress, _ lang: MessageLanguage) -> String {
        let da = lang == .da
        let rate = p.seconds > 0 ? Double(p.done) / p.seconds : 0
        var s = da ? "\(p.done)/\(p.total) filer" : "\(p.done)/\(p.total) files"
        s += " · " + number(rate, lang) + (da ? " filer/s" : " files/s")
        if p.legacyTotal > 0 {
            s += " · \(p.legacyDone)/\(p.legacyTotal) " + (da ? "ældre formater (LibreOffice)" : "older formats (LibreOffice)")
        }
        var left: Double? = nil
        for (done, total) in [(p.done - p.legacyDone, p.total - p.legacyTotal), (p.legacyDone, p.legacyTotal)] where done < total {
            guard done > 0, p.seconds > 0 else { left = nil; break }
            left = max(left ?? 0, Double(total - done) / (Double(done) / p.seconds))
        }
        if let left {
            let left = Int(left.rounded(.up))
            s += " · " + (da ? "ca. " : "about ") + (left >= 60 ? "\(left / 60) min \(left % 60) s" : "\(left) s") + (da ? " tilbage" : " left")
        }
        s += " · \(p.failed) " + (da ? "fejl" : (p.failed == 1 ? "failure" : "failures"))
        return s
    }

    /// "3 ligner planer, men er ikke Word (2 pdf, 1 htm): a.pdf, b.pdf, c.htm – find Word-filen ..."
    static func lookAlikeText(_ paths: [String], _ lang: MessageLanguage) -> String {
        var kinds: [String: Int] = [:]
        for p in paths { kinds[Walker.fileExtension(p).lowercased(), default: 0] += 1 }
        let byKind = kinds.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        let names = paths.prefix(3).map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") + (paths.count > 3 ? ", …" : "")
        return lang.pick(da: "\(paths.count) ligner planer, men er ikke Word-filer (\(byKind.joined(separator: ", "))): \(names)"
                            + " – find Word-originalen (.docx) og importér den; maalplan report viser dem alle",
                         en: "\(paths.count) look like plans but are not Word files (\(byKind.joined(separator: ", "))): \(names)"
                            + " – find the Word original (.docx) and import it; maalplan report lists them all")
    }

    static func summaryText(_ s: ImportSummary, db: String, labels: String?, converter: Bool = true, _ lang: MessageLanguage) -> String {
        let da = lang == .da
        var out = ""
        func line(_ label: String, _ value: String) { out += label.padding(toLength: 15, withPad: " ", startingAt: 0) + value + "\n" }
        line(da ? "Importeret:" : "Imported:",
             da ? "\(s.counts.imported) (\(s.counts.plansAdded) nye planer, \(s.counts.sourcesAdded) nye stier, \(s.counts.changed) ændrede filer)"
                : "\(s.counts.imported) (\(s.counts.plansAdded) new plans, \(s.counts.sourcesAdded) new paths, \(s.counts.changed) changed files)")
        line(da ? "Uændret:" : "Unchanged:", "\(s.counts.unchanged)")
        // A labels file changes how plans are read, not the files the database has already read.
        if labels != nil && s.counts.unchanged > 0 {
            let n = s.counts.unchanged
            line("--labels:", da ? "gælder nye og ændrede filer; " + (n == 1 ? "den uændrede fil er gemt, som den" : "de \(n) uændrede filer er gemt, som de")
                                   + " blev læst før (en ny --db læser alle igen)"
                                 : "applies to new and changed files; " + (n == 1 ? "the unchanged file stays" : "the \(n) unchanged files stay")
                                   + " as read before (a new --db reads them all again)")
        }
        var skipped = "\(s.counts.skipped)"
        if s.counts.skipped > 0 {
            let parts = Skipped.Reason.allCases.compactMap { r -> String? in
                guard let n = s.skippedByReason[r], n > 0 else { return nil }
                return r.counted(n, lang)
            }
            skipped += " (" + parts.joined(separator: ", ") + (da ? "; --verbose viser dem)" : "; --verbose lists them)")
        }
        line(da ? "Sprunget over:" : "Skipped:", skipped)
        var failed = "\(s.counts.failed)"
        if s.counts.failed > 0 {
            failed += " (" + s.failureReasons.prefix(3).map { "\(FailureRow.reasonName($0.code, lang)) \($0.count)" }.joined(separator: ", ")
                + (s.failureReasons.count > 3 ? ", …" : "") + (da ? "; se maalplan report)" : "; see maalplan report)")
        }
        line(da ? "Fejlet:" : "Failed:", failed)
        // Without LibreOffice: once, how many files it would read, and how to get it.
        let legacy = s.failureReasons.filter { ["legacy-word", "rtf", "opendocument"].contains($0.code) }.map(\.count).reduce(0, +)
        if !converter && legacy > 0 {
            line("LibreOffice:", lang.pick(da: "\(legacy) filer i ældre formater (.doc, .rtf, .odt) læses, når LibreOffice er installeret – apt-get install libreoffice-writer-nogui, og kør import igen",
                                          en: "\(legacy) files in older formats (.doc, .rtf, .odt) are read once LibreOffice is installed – apt-get install libreoffice-writer-nogui, and run import again"))
        }
        if !s.lookAlikes.isEmpty {
            line(da ? "Ikke læst:" : "Not read:", lookAlikeText(s.lookAlikes, lang))
        }
        if s.jsonNotWritten > 0 {
            line("--json-dir:", da ? "\(s.jsonNotWritten) JSON-filer kunne ikke skrives (se linjerne ovenfor); planerne er i databasen – ret årsagen og kør import igen"
                                   : "\(s.jsonNotWritten) JSON files could not be written (see the lines above); the plans are in the database – fix the cause and run import again")
        }
        if s.counts.plansRemoved > 0 {
            line(da ? "Fjernet:" : "Removed:", da ? "\(s.counts.plansRemoved) gamle planer, som ingen fil længere har"
                                                  : "\(s.counts.plansRemoved) old plans no file holds any more")
        }
        let phases = s.phases.map { "\($0.phase.shortName(lang)): \($0.count)" }.joined(separator: " · ")
        line(da ? "Fase nået:" : "Phase reached:", phases + (da ? "  (planerne i denne kørsel)" : "  (the plans of this run)"))
        line(da ? "Database:" : "Database:", da ? "\(db), \(s.plansInDatabase) planer i alt" : "\(db), \(s.plansInDatabase) plans in all")
        let rate = s.seconds > 0 ? Double(s.counts.candidates - s.notDone) / s.seconds : 0
        line(da ? "Tid:" : "Time:", number(s.seconds, lang) + " s (" + number(rate, lang) + (da ? " filer/s)" : " files/s)"))
        if s.interrupted {
            out += da ? "Afbrudt: \(s.notDone) filer blev ikke nået – kør samme kommando igen for at gøre importen færdig.\n"
                      : "Interrupted: \(s.notDone) files were not reached – run the same command again to finish the import.\n"
        }
        return out
    }
}
