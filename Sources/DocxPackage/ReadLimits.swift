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

    public init() {}
    public static let `default` = ReadLimits()
}
