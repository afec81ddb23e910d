/// Why a file cannot be read: the reason, and where in the package. What it says to a person
/// (one line: what is wrong, then what to do, in Danish or English) is written in MaalplanCore.
public struct ReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case cannotOpen(errno: Int32)
        case nameNotUTF8           // the file's name is not UTF-8: it cannot be given as text
        case isDirectory
        case notAFile              // a FIFO, device or socket: reading it could wait forever
        case empty
        case pdf
        case rtf
        case legacyWord            // OLE2 with a WordDocument stream: Word 97-2003 .doc/.dot
        case encrypted             // OLE2 holding EncryptionInfo/EncryptedPackage
        case otherOLE2(String)     // an Excel/PowerPoint 97-2003 file or another OLE2 file
        case damagedOLE2           // an OLE2 signature, but its sectors or directory cannot be followed
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
        /// More of something than a plan could have: what, and the limit.
        case tooMany(Extent, Int)
        /// LibreOffice could not convert an older format to .docx: its own words.
        case conversionFailed(String)
    }

    /// What `tooMany` counted. `field` is a plan's field as its path reads ("goals[2].signs").
    public enum Extent: Equatable, Sendable {
        case attributes, paragraphs, tableRows, tableCells, goals
        case listItems(field: String)
        case characters(field: String)
        case jsonBytes
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

    /// For developers: the code, the part and line, and the reason's detail.
    public var description: String {
        var s = code
        if let part { s += " (\(part)" + (line.map { ", line \($0)" } ?? "") + ")" }
        return s + ": \(reason)"
    }

    /// A short stable identifier, for JSON and databases.
    public var code: String {
        switch reason {
        case .cannotOpen: return "cannot-open"
        case .nameNotUTF8: return "name-not-utf8"
        case .isDirectory: return "is-directory"
        case .notAFile: return "not-a-file"
        case .empty: return "empty-file"
        case .pdf: return "pdf"
        case .rtf: return "rtf"
        case .legacyWord: return "legacy-word"
        case .encrypted: return "encrypted"
        case .otherOLE2: return "legacy-office"
        case .damagedOLE2: return "damaged-office"
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
        case .tooMany: return "too-large"
        case .conversionFailed: return "conversion-failed"
        }
    }
}
