import ArgumentParser
import MaalplanCLI
import DocxPackage
import WordDocument

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Vis et Word-dokument, som læseren ser det (tekst eller JSON).",
        discussion: """
        Shows the neutral document model: paragraphs with their styles, heading and list levels,
        tables as resolved grids, headers, footers, properties and image descriptions.
        Run it on a plan whose template variant is not recognised.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Word-filen (.docx, .docm, .dotx, .dotm).")
    var file: String

    @Option(name: .long, help: "Uddata: text (én linje pr. afsnit) eller json (hele modellen).")
    var format: Format = .text

    @OptionGroup var language: LanguageOption

    func run() throws {
        let doc: WordDocument
        do {
            doc = try WordReader.read(path: file)
        } catch {
            reportFailure(file, error, language.language)
            throw ExitCode(2)
        }
        switch format {
        case .text: FileHandleOutput.stdout.write(doc.plainText + "\n")
        case .json: FileHandleOutput.stdout.write(doc.json.serialized())
        }
    }
}
