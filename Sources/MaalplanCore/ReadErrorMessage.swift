import DocxPackage
import MaalplanModel
import Glibc

extension ReadError {
    /// One line for a person: what is wrong (and where in the package), then what to do.
    public func message(_ lang: MessageLanguage = .da) -> String {
        let (what, todo) = text(lang)
        var place = ""
        if let part {
            place = line.map { lang.pick(da: " (del \(part), linje \($0))", en: " (part \(part), line \($0))") }
                ?? lang.pick(da: " (del \(part))", en: " (part \(part))")
        }
        // One line, whatever a library put in its message.
        return "\(what)\(place) – \(todo)".split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// What is wrong, and what to do.
    private func text(_ lang: MessageLanguage) -> (String, String) {
        func mib(_ n: Int) -> String { "\(n >> 20) MiB" }
        let zipBomb = lang.pick(da: "filen er usædvanligt stor eller en zip-bombe; tjek hvor den kommer fra",
                                en: "the file is unusually large or a zip bomb; check where it comes from")
        let notOrdinary = lang.pick(da: "filen er ikke et almindeligt Word-dokument", en: "this is not an ordinary Word document")
        let saveAgain = lang.pick(da: "åbn filen i Word og gem den igen", en: "open the file in Word and save it again")
        switch reason {
        case .cannotOpen(let e):
            let system = lang.system(e)
            return (lang.pick(da: "filen kan ikke åbnes: \(system)", en: "cannot open the file: \(system)"),
                    lang.pick(da: "tjek stien og rettighederne", en: "check the path and permissions"))
        case .nameNotUTF8:
            return (lang.pick(da: "filnavnet er ikke UTF-8 (det er gemt af et ældre system, fx som Latin-1), så det kan ikke angives som tekst",
                              en: "the file name is not UTF-8 (an older system saved it, e.g. as Latin-1), so it cannot be given as text"),
                    lang.pick(da: "omdøb filen, fx med convmv -f latin1 -t utf8 --notest FIL", en: "rename the file, e.g. with convmv -f latin1 -t utf8 --notest FILE"))
        case .isDirectory:
            return (lang.pick(da: "stien er en mappe, ikke en fil", en: "the path is a folder, not a file"),
                    lang.pick(da: "angiv en .docx-fil", en: "give a .docx file"))
        case .notAFile:
            return (lang.pick(da: "stien er ikke en almindelig fil (en pipe, en enhed eller en socket)",
                              en: "the path is not a regular file (a pipe, a device or a socket)"),
                    lang.pick(da: "gem planen som en fil og angiv den", en: "save the plan as a file and give that"))
        case .empty:
            return (lang.pick(da: "filen er tom (0 byte)", en: "the file is empty (0 bytes)"),
                    lang.pick(da: "find en gemt kopi af dokumentet; Word efterlader tomme filer ved nedbrud",
                              en: "find a saved copy of the document; Word leaves empty files when it crashes"))
        case .pdf:
            return (lang.pick(da: "filen er en PDF, ikke et Word-dokument", en: "the file is a PDF, not a Word document"),
                    lang.pick(da: "brug den originale .docx-fil", en: "use the original .docx file"))
        case .rtf:
            return (lang.pick(da: "filen er RTF, ikke .docx", en: "the file is RTF, not .docx"),
                    lang.pick(da: "åbn den i Word og gem som .docx (eller: soffice --headless --convert-to docx FIL)",
                              en: "open it in Word and save as .docx (or: soffice --headless --convert-to docx FILE)"))
        case .legacyWord:
            return (lang.pick(da: "filen er et Word 97-2003-dokument (.doc)", en: "the file is a Word 97-2003 document (.doc)"),
                    lang.pick(da: "gem den som .docx (fx soffice --headless --convert-to docx FIL)",
                              en: "save it as .docx (e.g. soffice --headless --convert-to docx FILE)"))
        case .encrypted:
            return (lang.pick(da: "filen er beskyttet med adgangskode (krypteret)", en: "the file is password-protected (encrypted)"),
                    lang.pick(da: "åbn den i programmet der gemte den (Word eller LibreOffice), fjern adgangskoden og gem igen",
                              en: "open it in the program that saved it (Word or LibreOffice), remove the password and save again"))
        case .otherOLE2(let kind):
            return (lang.pick(da: "filen er et ældre Office-dokument (\(kind)), ikke Word", en: "the file is an older Office file (\(kind)), not Word"),
                    lang.pick(da: "brug en .docx-fil", en: "use a .docx file"))
        case .damagedOLE2:
            return (lang.pick(da: "filen er en beskadiget eller afkortet Office 97-2003-fil (.doc)",
                              en: "the file is a damaged or truncated Office 97-2003 file (.doc)"),
                    lang.pick(da: "find en hel kopi af dokumentet, eller åbn den i Word og lad Word reparere den",
                              en: "find a whole copy, or open it in Word and let Word repair it"))
        case .flatXML:
            return (lang.pick(da: "filen er Word-XML i én fil (Word 2003 XML eller Flat OPC), ikke .docx",
                              en: "the file is single-file Word XML (Word 2003 XML or Flat OPC), not .docx"),
                    lang.pick(da: "åbn den i Word og gem som .docx", en: "open it in Word and save as .docx"))
        case .odf:
            return (lang.pick(da: "filen er et OpenDocument-dokument (.odt)", en: "the file is an OpenDocument file (.odt)"),
                    lang.pick(da: "gem den som .docx (fx soffice --headless --convert-to docx FIL)",
                              en: "save it as .docx (e.g. soffice --headless --convert-to docx FILE)"))
        case .notZip:
            return (lang.pick(da: "filen er ikke et Word-dokument (ukendt format)", en: "the file is not a Word document (unknown format)"),
                    lang.pick(da: "brug en .docx-, .docm-, .dotx- eller .dotm-fil", en: "use a .docx, .docm, .dotx or .dotm file"))
        case .corruptZip(let d):
            return (lang.pick(da: "filen er en beskadiget eller afkortet zip-fil (\(Self.danishZipDetail(d)))",
                              en: "the file is a damaged or truncated zip (\(d))"),
                    lang.pick(da: "find en hel kopi af dokumentet, eller åbn den i Word og lad Word reparere den",
                              en: "find a whole copy, or open it in Word and let Word repair it"))
        case .tooManyEntries(let n):
            return (lang.pick(da: "pakken har over \(n) dele", en: "the package has over \(n) parts"),
                    lang.pick(da: "filen er ikke et almindeligt Word-dokument; tjek hvor den kommer fra",
                              en: "this is not an ordinary Word document; check where it comes from"))
        case .noMainPart:
            return (lang.pick(da: "zip-filen har intet Word-hoveddokument (_rels/.rels peger ikke på et)",
                              en: "the zip has no Word main document (_rels/.rels names none)"),
                    lang.pick(da: "filen er ikke et Word-dokument; brug den originale .docx-fil",
                              en: "this is not a Word document; use the original .docx"))
        case .spreadsheet:
            return (lang.pick(da: "filen er et regneark (Excel), ikke et Word-dokument", en: "the file is a spreadsheet (Excel), not a Word document"),
                    lang.pick(da: "brug målplanens .docx-fil", en: "use the plan's .docx file"))
        case .presentation:
            return (lang.pick(da: "filen er en præsentation (PowerPoint), ikke et Word-dokument",
                              en: "the file is a presentation (PowerPoint), not a Word document"),
                    lang.pick(da: "brug målplanens .docx-fil", en: "use the plan's .docx file"))
        case .otherPackage(let ct):
            return (lang.pick(da: "pakkens hoveddel er ikke et Word-dokument (\(ct))", en: "the package's main part is not a Word document (\(ct))"),
                    lang.pick(da: "brug en .docx-fil", en: "use a .docx file"))
        case .missingPart(let name):
            return (lang.pick(da: "delen \(name) mangler i pakken", en: "the part \(name) is missing from the package"), saveAgain)
        case .notWellFormed(let d):
            return (lang.pick(da: "XML er ikke velformet: \(d)", en: "the XML is not well-formed: \(d)"), saveAgain)
        case .dtd:
            return (lang.pick(da: "XML indeholder en DTD-erklæring, som Office-pakker ikke må have",
                              en: "the XML carries a DTD declaration, which Office packages must not have"),
                    lang.pick(da: "filen er ikke gemt af Word; tjek hvor den kommer fra",
                              en: "the file was not saved by Word; check where it comes from"))
        case .partTooLarge(let n):
            return (lang.pick(da: "en del fylder over \(mib(n)) udpakket", en: "a part inflates to over \(mib(n))"), zipBomb)
        case .totalTooLarge(let n):
            return (lang.pick(da: "delene fylder tilsammen over \(mib(n)) udpakket", en: "the parts inflate to over \(mib(n)) together"), zipBomb)
        case .inputTooLarge(let n):
            return (lang.pick(da: "filen er større end \(mib(n))", en: "the file is larger than \(mib(n))"),
                    lang.pick(da: "en målplan fylder normalt under 1 MiB; tjek filen", en: "a plan is usually under 1 MiB; check the file"))
        case .compressionRatio(let n):
            return (lang.pick(da: "en del er pakket mere end \(n):1 (mistænkt zip-bombe)", en: "a part is compressed more than \(n):1 (suspected zip bomb)"),
                    lang.pick(da: "tjek hvor filen kommer fra", en: "check where the file comes from"))
        case .tooDeep(let n):
            return (lang.pick(da: "XML er indlejret dybere end \(n) niveauer", en: "the XML nests deeper than \(n) levels"), notOrdinary)
        case .tablesTooDeep(let n):
            return (lang.pick(da: "tabeller er indlejret dybere end \(n) niveauer", en: "tables nest deeper than \(n) levels"), notOrdinary)
        case .conversionFailed(let said):
            return (lang.pick(da: "LibreOffice kunne ikke omsætte filen til .docx (\(said))", en: "LibreOffice could not convert the file to .docx (\(said))"),
                    lang.pick(da: "åbn den i Word eller LibreOffice og gem den som .docx", en: "open it in Word or LibreOffice and save it as .docx"))
        case .tooMany(let what, let n):
            return (Self.tooMany(what, n, lang),
                    lang.pick(da: "en målplan er langt mindre; tjek hvor filen kommer fra, eller del dokumentet op",
                              en: "a plan is far smaller; check where the file comes from, or split the document"))
        }
    }

    /// What passed a limit, as a sentence: "dokumentet har over 50000 tabelrækker".
    private static func tooMany(_ what: Extent, _ n: Int, _ lang: MessageLanguage) -> String {
        func field(_ path: String) -> String { FieldPath(path)?.phrase(lang) ?? path }
        switch what {
        case .attributes: return lang.pick(da: "et XML-element har over \(n) attributter", en: "an XML element has over \(n) attributes")
        case .paragraphs: return lang.pick(da: "dokumentet har over \(n) afsnit", en: "the document has over \(n) paragraphs")
        case .tableRows: return lang.pick(da: "dokumentet har over \(n) tabelrækker", en: "the document has over \(n) table rows")
        case .tableCells: return lang.pick(da: "dokumentet har over \(n) tabelceller", en: "the document has over \(n) table cells")
        case .goals: return lang.pick(da: "planen har over \(n) mål", en: "the plan has over \(n) goals")
        case .listItems(let f): return lang.pick(da: "\(field(f)) har over \(n) punkter", en: "\(field(f)) has over \(n) items")
        case .characters(let f): return lang.pick(da: "\(field(f)) har over \(n) tegn", en: "\(field(f)) has over \(n) characters")
        case .jsonBytes: return lang.pick(da: "planens JSON fylder over \(n >> 20) MiB", en: "the plan's JSON is over \(n >> 20) MiB")
        }
    }

    /// libzip's messages for the damage people meet, in Danish; others as libzip gives them.
    static func danishZipDetail(_ d: String) -> String {
        switch d {
        case "Not a zip archive": return "ikke et zip-arkiv"
        case "Zip archive inconsistent": return "zip-arkivet hænger ikke sammen"
        case "CRC error": return "kontrolsummen passer ikke"
        case "Premature end of file": return "filen slutter for tidligt"
        case "Zlib error: data error", "Compressed data invalid": return "de pakkede data er ugyldige"
        default: return d
        }
    }
}
