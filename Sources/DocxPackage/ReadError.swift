/// The language of messages for users: Danish by default.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case da, en

    /// `MAALPLAN_LANG=en` switches the default; anything else is Danish.
    public static var fromEnvironment: MessageLanguage {
        if let v = getenv("MAALPLAN_LANG"), let lang = MessageLanguage(rawValue: String(cString: v)) {
            return lang
        }
        return .da
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file cannot be read. Every case renders as one line: what is wrong and what to do.
public struct ReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case cannotOpen(errno: Int32)
        case isDirectory
        case empty
        case pdf
        case rtf
        case legacyWord            // OLE2 with a WordDocument stream: Word 97-2003 .doc/.dot
        case encrypted             // OLE2 holding EncryptionInfo/EncryptedPackage
        case otherOLE2(String)     // an Excel/PowerPoint 97-2003 file or another OLE2 file
        case flatXML               // Word 2003 XML or Flat OPC, not a package
        case odf                   // OpenDocument text (.odt) and friends
        case notZip                // no known signature
        case corruptZip(String)    // truncated or damaged archive
        case tooManyEntries(Int)
        case noMainPart
        case spreadsheet
        case presentation
        case otherPackage(String)  // an OPC package whose main part is not a Word document
        case missingPart(String)
        case notWellFormed(String)
        case dtd
        case partTooLarge(Int)
        case totalTooLarge(Int)
        case inputTooLarge(Int)
        case compressionRatio(Int)
        case tooDeep(Int)
        case tablesTooDeep(Int)
    }

    public var reason: Reason
    /// The part of the package concerned, like "/word/document.xml".
    public var part: String?
    /// The line in that part, for XML errors.
    public var line: Int?

    public init(_ reason: Reason, part: String? = nil, line: Int? = nil) {
        self.reason = reason
        self.part = part
        self.line = line
    }

    public var description: String { message(.en) }

    /// A short stable identifier, for JSON and databases.
    public var code: String {
        switch reason {
        case .cannotOpen: return "cannot-open"
        case .isDirectory: return "is-directory"
        case .empty: return "empty-file"
        case .pdf: return "pdf"
        case .rtf: return "rtf"
        case .legacyWord: return "legacy-word"
        case .encrypted: return "encrypted"
        case .otherOLE2: return "legacy-office"
        case .flatXML: return "flat-xml"
        case .odf: return "opendocument"
        case .notZip: return "not-a-package"
        case .corruptZip: return "corrupt-zip"
        case .tooManyEntries: return "too-many-entries"
        case .noMainPart: return "no-main-part"
        case .spreadsheet: return "spreadsheet"
        case .presentation: return "presentation"
        case .otherPackage: return "not-word"
        case .missingPart: return "missing-part"
        case .notWellFormed: return "xml-not-well-formed"
        case .dtd: return "xml-dtd"
        case .partTooLarge, .totalTooLarge, .inputTooLarge: return "too-large"
        case .compressionRatio: return "compression-ratio"
        case .tooDeep, .tablesTooDeep: return "too-deep"
        }
    }

    private var whereText: (da: String, en: String) {
        guard let part else { return ("", "") }
        if let line { return (" (del \(part), linje \(line))", " (part \(part), line \(line))") }
        return (" (del \(part))", " (part \(part))")
    }

    /// One line: what is wrong, then what to do.
    public func message(_ lang: MessageLanguage = .da) -> String {
        let (what, todo) = lang == .da ? danish : english
        let w = lang == .da ? whereText.da : whereText.en
        // One line, whatever a library put in its message.
        return "\(what)\(w) – \(todo)".split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
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

    private static func mib(_ n: Int) -> String { "\(n >> 20) MiB" }

    private var danish: (String, String) {
        switch reason {
        case .cannotOpen(let e):
            return ("filen kan ikke åbnes: \(String(cString: strerror(e)))", "tjek stien og rettighederne")
        case .isDirectory:
            return ("stien er en mappe, ikke en fil", "angiv en .docx-fil")
        case .empty:
            return ("filen er tom (0 byte)", "find en gemt kopi af dokumentet; Word efterlader tomme filer ved nedbrud")
        case .pdf:
            return ("filen er en PDF, ikke et Word-dokument", "brug den originale .docx-fil")
        case .rtf:
            return ("filen er RTF, ikke .docx", "åbn den i Word og gem som .docx (eller: soffice --headless --convert-to docx FIL)")
        case .legacyWord:
            return ("filen er et Word 97-2003-dokument (.doc)", "gem den som .docx (fx soffice --headless --convert-to docx FIL)")
        case .encrypted:
            return ("filen er beskyttet med adgangskode (krypteret)", "åbn den i Word, fjern adgangskoden og gem igen")
        case .otherOLE2(let kind):
            return ("filen er et ældre Office-dokument (\(kind)), ikke Word", "brug en .docx-fil")
        case .flatXML:
            return ("filen er Word-XML i én fil (Word 2003 XML eller Flat OPC), ikke .docx", "åbn den i Word og gem som .docx")
        case .odf:
            return ("filen er et OpenDocument-dokument (.odt)", "gem den som .docx (fx soffice --headless --convert-to docx FIL)")
        case .notZip:
            return ("filen er ikke et Word-dokument (ukendt format)", "brug en .docx-, .docm-, .dotx- eller .dotm-fil")
        case .corruptZip(let d):
            return ("filen er en beskadiget eller afkortet zip-fil (\(Self.danishZipDetail(d)))", "find en hel kopi af dokumentet, eller åbn den i Word og lad Word reparere den")
        case .tooManyEntries(let n):
            return ("pakken har over \(n) dele", "filen er ikke et almindeligt Word-dokument; tjek hvor den kommer fra")
        case .noMainPart:
            return ("zip-filen har intet Word-hoveddokument (_rels/.rels peger ikke på et)", "filen er ikke et Word-dokument; brug den originale .docx-fil")
        case .spreadsheet:
            return ("filen er et regneark (Excel), ikke et Word-dokument", "brug målplanens .docx-fil")
        case .presentation:
            return ("filen er en præsentation (PowerPoint), ikke et Word-dokument", "brug målplanens .docx-fil")
        case .otherPackage(let ct):
            return ("pakkens hoveddel er ikke et Word-dokument (\(ct))", "brug en .docx-fil")
        case .missingPart(let name):
            return ("delen \(name) mangler i pakken", "åbn filen i Word og gem den igen")
        case .notWellFormed(let d):
            return ("XML er ikke velformet: \(d)", "åbn filen i Word og gem den igen")
        case .dtd:
            return ("XML indeholder en DTD-erklæring, som Office-pakker ikke må have", "filen er ikke gemt af Word; tjek hvor den kommer fra")
        case .partTooLarge(let n):
            return ("en del fylder over \(Self.mib(n)) udpakket", "filen er usædvanligt stor eller en zip-bombe; tjek hvor den kommer fra")
        case .totalTooLarge(let n):
            return ("delene fylder tilsammen over \(Self.mib(n)) udpakket", "filen er usædvanligt stor eller en zip-bombe; tjek hvor den kommer fra")
        case .inputTooLarge(let n):
            return ("filen er større end \(Self.mib(n))", "en målplan fylder normalt under 1 MiB; tjek filen")
        case .compressionRatio(let n):
            return ("en del er pakket mere end \(n):1 (mistænkt zip-bombe)", "tjek hvor filen kommer fra")
        case .tooDeep(let n):
            return ("XML er indlejret dybere end \(n) niveauer", "filen er ikke et almindeligt Word-dokument")
        case .tablesTooDeep(let n):
            return ("tabeller er indlejret dybere end \(n) niveauer", "filen er ikke et almindeligt Word-dokument")
        }
    }

    private var english: (String, String) {
        switch reason {
        case .cannotOpen(let e):
            return ("cannot open the file: \(String(cString: strerror(e)))", "check the path and permissions")
        case .isDirectory:
            return ("the path is a folder, not a file", "give a .docx file")
        case .empty:
            return ("the file is empty (0 bytes)", "find a saved copy of the document; Word leaves empty files when it crashes")
        case .pdf:
            return ("the file is a PDF, not a Word document", "use the original .docx file")
        case .rtf:
            return ("the file is RTF, not .docx", "open it in Word and save as .docx (or: soffice --headless --convert-to docx FILE)")
        case .legacyWord:
            return ("the file is a Word 97-2003 document (.doc)", "save it as .docx (e.g. soffice --headless --convert-to docx FILE)")
        case .encrypted:
            return ("the file is password-protected (encrypted)", "open it in Word, remove the password and save again")
        case .otherOLE2(let kind):
            return ("the file is an older Office file (\(kind)), not Word", "use a .docx file")
        case .flatXML:
            return ("the file is single-file Word XML (Word 2003 XML or Flat OPC), not .docx", "open it in Word and save as .docx")
        case .odf:
            return ("the file is an OpenDocument file (.odt)", "save it as .docx (e.g. soffice --headless --convert-to docx FILE)")
        case .notZip:
            return ("the file is not a Word document (unknown format)", "use a .docx, .docm, .dotx or .dotm file")
        case .corruptZip(let d):
            return ("the file is a damaged or truncated zip (\(d))", "find a whole copy, or open it in Word and let Word repair it")
        case .tooManyEntries(let n):
            return ("the package has over \(n) parts", "this is not an ordinary Word document; check where it comes from")
        case .noMainPart:
            return ("the zip has no Word main document (_rels/.rels names none)", "this is not a Word document; use the original .docx")
        case .spreadsheet:
            return ("the file is a spreadsheet (Excel), not a Word document", "use the plan's .docx file")
        case .presentation:
            return ("the file is a presentation (PowerPoint), not a Word document", "use the plan's .docx file")
        case .otherPackage(let ct):
            return ("the package's main part is not a Word document (\(ct))", "use a .docx file")
        case .missingPart(let name):
            return ("the part \(name) is missing from the package", "open the file in Word and save it again")
        case .notWellFormed(let d):
            return ("the XML is not well-formed: \(d)", "open the file in Word and save it again")
        case .dtd:
            return ("the XML carries a DTD declaration, which Office packages must not have", "the file was not saved by Word; check where it comes from")
        case .partTooLarge(let n):
            return ("a part inflates to over \(Self.mib(n))", "the file is unusually large or a zip bomb; check where it comes from")
        case .totalTooLarge(let n):
            return ("the parts inflate to over \(Self.mib(n)) together", "the file is unusually large or a zip bomb; check where it comes from")
        case .inputTooLarge(let n):
            return ("the file is larger than \(Self.mib(n))", "a plan is usually under 1 MiB; check the file")
        case .compressionRatio(let n):
            return ("a part is compressed more than \(n):1 (suspected zip bomb)", "check where the file comes from")
        case .tooDeep(let n):
            return ("the XML nests deeper than \(n) levels", "this is not an ordinary Word document")
        case .tablesTooDeep(let n):
            return ("tables nest deeper than \(n) levels", "this is not an ordinary Word document")
        }
    }
}
