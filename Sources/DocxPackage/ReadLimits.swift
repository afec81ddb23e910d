/// Every limit the reader enforces, in one place, with safe defaults.
///
/// A målplan is some 40 KiB zipped and a few hundred KiB of XML; the defaults
/// leave room for documents a hundred times larger and refuse zip bombs and
/// pathological nesting long before they cost time or memory.
public struct ReadLimits: Sendable, Equatable {
    /// Size of the input file.
    public var maxInputBytes: Int = 100 << 20
    /// Inflated size of one part.
    public var maxPartBytes: Int = 64 << 20
    /// Inflated size of all parts read from one package.
    public var maxTotalBytes: Int = 160 << 20
    /// Inflated ÷ compressed size of a part, checked once a part is past `ratioFloorBytes`.
    public var maxCompressionRatio: Int = 200
    /// Parts smaller than this are never refused for their ratio (tiny parts compress oddly).
    public var ratioFloorBytes: Int = 1 << 20
    /// Entries in the zip's central directory.
    public var maxEntries: Int = 10_000
    /// Tables inside tables.
    public var maxTableNesting: Int = 32
    /// Element nesting in any XML part (libxml2's own limit without XML_PARSE_HUGE is 256).
    public var maxElementDepth: Int = 256
    /// Attributes in one start tag (libxml2 checks each against all before it: n² work).
    public var maxAttributes: Int = 1_000

    // What the document may grow to once read (the third-party corpus's largest file has 15,948
    // paragraphs, 2,304 table rows and 13,367 cells; a plan has a few hundred of each).
    /// Paragraphs in the document, its headers, footers and notes together.
    public var maxParagraphs: Int = 100_000
    /// Table rows, all tables together.
    public var maxTableRows: Int = 20_000
    /// Table cells, all tables together.
    public var maxTableCells: Int = 50_000

    // What the plan made of it may grow to (a plan has one to five goals, a list a handful of
    // items, a field a few hundred characters and the JSON some 20 KiB).
    /// Goals in one plan.
    public var maxGoals: Int = 100
    /// Items in one list field.
    public var maxListItems: Int = 1_000
    /// Characters in one field (a list field: in one item).
    public var maxFieldCharacters: Int = 100_000
    /// The plan's JSON, in bytes.
    public var maxJSONBytes: Int = 8 << 20

    public init() {}
    public static let `default` = ReadLimits()
}
