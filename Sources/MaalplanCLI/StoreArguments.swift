import ArgumentParser

/// `maalplan import` and `maalplan report`: declared once here, shown by `maalplan`, carried out by
/// `maalplan-store` (the database needs GRDB and Foundation; keeping them out of `maalplan` keeps
/// `convert`, `validate` and `inspect` quick to start).
public enum StoreCommandHelp {
    public static let importConfiguration = CommandConfiguration(
        commandName: "import",
        abstract: helpText(da: "Læs filer og mapper med målplaner ind i en SQLite-database.",
                           en: "Read files and folders of plans into a SQLite database."),
        discussion: helpText(da: """
        Gennemgår filer og mapper rekursivt og læser .docx, .docm, .dotx og .dotm ind i én SQLite-database: én række pr. indhold i plans, hver sti i sources, og goals, signs, trial_actions, milestones, contributing_workplaces, findings, failures, unread_files og imports.

        Words låsefiler (~$...) og skjulte filer og mapper springes over; andre filer tælles som sprunget over (--verbose viser dem), og filer der ligner planer (PDF ...) nævnes; .doc, .dot, .rtf og .odt omsættes med LibreOffice, når det er installeret (soffice på PATH eller --soffice), og registreres ellers som fejl med råd om at omsætte dem.

        Kan køres igen: uændrede filer læses ikke igen. Kan stoppes: Ctrl-C gør den igangværende batch færdig, viser opsummeringen og afslutter med 130; efter kill -9 er databasen hel, og en ny kørsel gør arbejdet færdigt.

        Afslutter med 0 når hver fil er importeret eller uændret, 1 når nogle fejlede (se maalplan report), 2 når argumenterne eller databasen ikke kan bruges, 130 ved Ctrl-C.
        """, en: """
        Walks files and folders recursively and reads .docx, .docm, .dotx and .dotm into one SQLite database: one row per distinct content in plans, every path in sources, and goals, signs, trial_actions, milestones, contributing_workplaces, findings, failures, unread_files and imports.

        Word lock files (~$...) and hidden files and folders are skipped; other files are counted as skipped (--verbose lists them), and files that look like plans (a PDF ...) are named; .doc, .dot, .rtf and .odt are converted with LibreOffice when it is installed (soffice on PATH, or --soffice), else recorded as failures with advice to convert them.

        Safe to re-run: unchanged files are not read again. Safe to stop: Ctrl-C finishes the current batch, prints the summary and exits 130; after kill -9 the database is intact and a re-run finishes the job.

        Exit status: 0 when every file was imported or unchanged, 1 when some failed (see maalplan report), 2 when the arguments or the database cannot be used, 130 on Ctrl-C.
        """)
    )

    public static let reportConfiguration = CommandConfiguration(
        commandName: "report",
        abstract: helpText(da: "Vis de importerede planer: én linje pr. plan, så filerne der ikke kunne læses.",
                           en: "Show the imported plans: a line per plan, then the files that could not be read."),
        discussion: helpText(da: """
        Én linje pr. plan: titel, sag, ejer, tovholder, nået fase, fil (og +N kopier) og hvad der mangler til næste fase; så filerne der ikke kunne læses, og dem der ligner planer uden at være Word-filer.

        --format csv giver én tabel (RFC 4180 med ';' mellem felterne, CRLF, UTF-8 med byte order mark), som Excel åbner med æøå i behold.

        --format html giver én selvstændig side (intet netværk; kan udskrives på A4): overblik efter fase, ejer, tovholder og organisation, milepælene på en tidslinje (overskredne og kommende pr. --as-of), hver plan hel med filer og fund, og hvad der ikke kunne læses. --plan ID-ELLER-STI viser én plan hel.

        Afslutter med 2 når der ikke er en brugbar database.
        """, en: """
        One line per plan: title, case number, owner, coordinator, phase reached, file (and +N copies) and what is missing for the next phase; then the files that could not be read, and those that look like plans without being Word files.

        --format csv gives one table (RFC 4180 with ';' between fields, CRLF, UTF-8 with a byte order mark) that Excel opens with æøå intact.

        --format html gives one self-contained page (no network; prints on A4): an overview by phase, owner, coordinator and organisation, the milestones on a time line (overdue and coming up as of --as-of), every plan whole with its files and findings, and what could not be read. --plan ID-OR-PATH prints one plan whole.

        Exit status 2 when there is no usable database.
        """)
    )
}

public struct ImportArguments: ParsableArguments {
    @Argument(help: help(da: "Filer og mapper (mapper læses rekursivt).", en: "Files and folders (folders are read recursively)."))
    public var paths: [String] = []

    @Option(name: .long, help: help(da: "Databasefilen; oprettes hvis den mangler.", en: "The database file; made when missing."))
    public var db: String = "maalplan.sqlite"

    @Option(name: .long, help: help(da: "Antal tråde der læser filer (standard: antal kerner).", en: "Threads reading files (default: the number of cores)."))
    public var jobs: Int?

    @Option(name: .customLong("json-dir"), help: help(da: "Skriv også hver plans JSON i denne mappe, navngivet efter filens sti.", en: "Also write each plan's JSON in this folder, named after the file's path."))
    public var jsonDir: String?

    @Flag(name: .long, help: help(da: "Vis hver fil: også dem der springes over, og hvad der skete med resten.", en: "Show every file: also those skipped, and what happened to the rest."))
    public var verbose = false

    @OptionGroup public var labels: LabelsOption

    @OptionGroup public var soffice: ConverterOption

    @OptionGroup public var language: LanguageOption

    public init() {}
}

public enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, csv, html }

public struct ReportArguments: ParsableArguments {
    @Option(name: .long, help: help(da: "Databasefilen.", en: "The database file."))
    public var db: String = "maalplan.sqlite"

    @Option(name: .long, help: help(da: "Uddata: text, csv eller html (én side med alt, til at åbne i en browser eller sende).", en: "Output: text, csv or html (one page with everything, to open in a browser or send)."))
    public var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: help(da: "Skriv rapporten til denne fil i stedet for standard-output.", en: "Write the report to this file instead of standard output."))
    public var output: String?

    @Option(name: .customLong("as-of"), help: help(da: "Dagen milepæle måles mod (ÅÅÅÅ-MM-DD; standard: i dag): overskredne og dem de næste 30 dage.", en: "The day milestones are measured against (YYYY-MM-DD; default: today): overdue, and those in the next 30 days."))
    public var asOf: String?

    @Option(name: .long, help: help(da: "Vis én plan hel: dens id eller en sti til en af dens filer.", en: "Show one plan whole: its id or a path to one of its files."))
    public var plan: String?

    @OptionGroup public var language: LanguageOption

    public init() {}
}
