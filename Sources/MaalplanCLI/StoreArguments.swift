import ArgumentParser

/// `maalplan import` and `maalplan report`: declared once here, shown by `maalplan`, carried out by
/// `maalplan-store` (the database needs GRDB and Foundation; keeping them out of `maalplan` keeps
/// `convert`, `validate` and `inspect` quick to start).
public enum StoreCommandHelp {
    public static let importConfiguration = CommandConfiguration(
        commandName: "import",
        abstract: "Læs filer og mapper med målplaner ind i en SQLite-database.",
        discussion: """
        Walks files and folders recursively and reads .docx, .docm, .dotx and .dotm into one SQLite database: one row per distinct content in plans, every path in sources, and goals, signs, trial_actions, milestones, contributing_workplaces, findings, failures and imports.

        Word lock files (~$...) and hidden files and folders are skipped; other files are counted as skipped (--verbose lists them); .doc, .dot, .rtf and .odt are recorded as failures with advice to convert them (soffice --headless --convert-to docx FILE).

        Safe to re-run: unchanged files are not read again. Safe to stop: Ctrl-C finishes the current batch, prints the summary and exits 130; after kill -9 the database is intact and a re-run finishes the job.

        Exit status: 0 when every file was imported or unchanged, 1 when some failed (see maalplan report), 2 when the arguments or the database cannot be used, 130 on Ctrl-C.
        """
    )

    public static let reportConfiguration = CommandConfiguration(
        commandName: "report",
        abstract: "Vis de importerede planer: én linje pr. plan, så filerne der ikke kunne læses.",
        discussion: """
        One line per plan: title, case number, owner, coordinator, phase reached and what is missing for the next phase; then the files that could not be read.

        --format csv gives one table (RFC 4180 with ';' between fields, CRLF, UTF-8 with a byte order mark) that Excel opens with æøå intact: plan rows, then failure rows.

        --format html gives one self-contained page (no network; prints on A4): an overview by phase, owner, coordinator and organisation, the milestones on a time line (overdue and coming up as of --as-of), every plan whole with its files and findings, and what could not be read. --plan ID-OR-PATH prints one plan whole.

        Exit status 2 when there is no usable database.
        """
    )
}

public struct ImportArguments: ParsableArguments {
    @Argument(help: "Filer og mapper (mapper læses rekursivt).")
    public var paths: [String] = []

    @Option(name: .long, help: "Databasefilen; oprettes hvis den mangler.")
    public var db: String = "maalplan.sqlite"

    @Option(name: .long, help: "Antal tråde der læser filer (standard: antal kerner).")
    public var jobs: Int?

    @Option(name: .customLong("json-dir"), help: "Skriv også hver plans JSON i denne mappe, navngivet efter filens sti.")
    public var jsonDir: String?

    @Flag(name: .long, help: "Vis hver fil: også dem der springes over, og hvad der skete med resten.")
    public var verbose = false

    @OptionGroup public var labels: LabelsOption

    @OptionGroup public var language: LanguageOption

    public init() {}
}

public enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, csv, html }

public struct ReportArguments: ParsableArguments {
    @Option(name: .long, help: "Databasefilen.")
    public var db: String = "maalplan.sqlite"

    @Option(name: .long, help: "Uddata: text, csv eller html (én side med alt, til at åbne i en browser eller sende).")
    public var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: "Skriv rapporten til denne fil i stedet for standard-output.")
    public var output: String?

    @Option(name: .customLong("as-of"), help: "Dagen milepæle måles mod (ÅÅÅÅ-MM-DD; standard: i dag): overskredne og dem de næste 30 dage.")
    public var asOf: String?

    @Option(name: .long, help: "Vis én plan hel: dens id eller en sti til en af dens filer.")
    public var plan: String?

    @OptionGroup public var language: LanguageOption

    public init() {}
}
