import ArgumentParser
import MaalplanCLI
import DocxPackage
import MaalplanMapping
import MaalplanModel
import MaalplanCore
import WordDocument

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: helpText(da: "Vis et Word-dokument, som læseren ser det (tekst eller JSON), eller hvor hvert felt er læst fra (--fields).",
                           en: "Show a Word document as the reader sees it (text or JSON), or where each field was read (--fields)."),
        discussion: helpText(da: """
        Viser den neutrale dokumentmodel: afsnit med typografi, overskrifts- og listeniveau, tabeller som
        opløste gitre, sidehoveder, sidefødder, egenskaber og billedbeskrivelser. Brug den på en plan, hvis
        skabelon ikke genkendes. Med --fields: hvert felt i planen, hvor det er læst (tabel, række, kolonne),
        dets punkter (med linjen som skrevet, når én linje er delt i flere), og hvad der ikke kunne placeres
        eller måtte udledes.
        """, en: """
        Shows the neutral document model: paragraphs with their styles, heading and list levels,
        tables as resolved grids, headers, footers, properties and image descriptions.
        Run it on a plan whose template variant is not recognised. With --fields: each field of the
        plan, where it was read (table, row, column), its items (with the line as written when one
        line was split into several), and what the mapper could not place or had to infer.
        """)
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: help(da: "Word-filen (.docx, .docm, .dotx, .dotm; .doc, .dot, .rtf, .odt med LibreOffice).", en: "The Word file (.docx, .docm, .dotx, .dotm; .doc, .dot, .rtf, .odt with LibreOffice)."))
    var file: String

    @Option(name: .long, help: help(da: "Uddata: text (én linje pr. afsnit) eller json (hele modellen).", en: "Output: text (a line per paragraph) or json (the whole model)."))
    var format: Format = .text

    @Flag(name: .long, help: help(da: "Vis planens felter, og hvor hvert er læst fra, i stedet for dokumentet.", en: "Show the plan's fields and where each was read, instead of the document."))
    var fields = false

    @OptionGroup var labels: LabelsOption

    @OptionGroup var soffice: ConverterOption

    @OptionGroup var language: LanguageOption

    func run() throws {
        let lang = language.language
        // The template's words only for --fields (the document alone needs none); a labels file
        // given is checked all the same.
        let rules = fields || labels.labels != nil ? try labels.rules(lang) : nil
        let converter = try soffice.converter(lang)
        let doc: WordDocument
        do {
            doc = try Pipeline.document(path: file, converter: converter)
        } catch {
            reportFailure(file, error, lang)
            throw ExitCode(2)
        }
        if fields, let rules {
            FileHandleOutput.stdout.write(Self.fields(Mapper.map(doc, rules: rules), lang))
            return
        }
        switch format {
        case .text: FileHandleOutput.stdout.write(doc.plainText + "\n")
        case .json: FileHandleOutput.stdout.write(doc.json.serialized())
        }
    }

    /// Each field in the template's order: its name, where it was read, its items.
    static func fields(_ r: MappingResult, _ lang: MessageLanguage) -> String {
        var out = ""
        let goals = max(r.plan.goals.count, 1)
        let paths = Field.allCases.filter { !$0.isGoalField }.map(FieldPath.init)
            + (0..<goals).flatMap { g in Field.allCases.filter(\.isGoalField).map { FieldPath(goal: g, $0) } }
        for path in paths {
            let trace = r.fields[path]
            out += path.listName(lang, numberGoals: goals > 1)
            out += "  → " + (trace.map { $0.location.describe(lang) } ?? lang.pick(da: "ikke i dokumentet", en: "not in the document")) + "\n"
            let items = r.plan.items(path)
            if items.isEmpty { out += "    " + lang.pick(da: "(tomt)", en: "(empty)") + "\n" }
            for item in items {
                out += "    " + (path.field!.isList ? "• " : "") + item.replacing("\n", with: "\n      ") + "\n"
            }
            if let line = trace?.splitFrom {
                out += "    " + lang.pick(da: "(delt fra én linje: »\(line)«)", en: "(split from one line: \"\(line)\")") + "\n"
            }
        }
        let notes = r.notes.map { ($0.message.text(lang), $0.location) }
            + r.unplaced.map { u in
                ((u.label.map { FindingMessage.unrecognisedLabel(label: $0, text: u.text) } ?? .unplacedText(u.text)).text(lang), u.location)
            }
        if !notes.isEmpty {
            out += "\n" + lang.pick(da: "Læst på en særlig måde eller ikke placeret:", en: "Read in an unusual way, or not placed:") + "\n"
            for (text, loc) in notes {
                out += "  " + text + (loc.map { "  → " + $0.describe(lang) } ?? "") + "\n"
            }
        }
        return out
    }
}
