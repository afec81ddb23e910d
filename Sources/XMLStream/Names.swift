/// A namespace as a small number the caller chooses: `.none` (no namespace) and `.other` (a
/// namespace the caller did not name) are given; callers declare their own, e.g.
/// `extension XMLNamespace { static let w = XMLNamespace(1) }`, and map URIs to them with an
/// `XMLNamespaces` table.
public struct XMLNamespace: Hashable, Sendable {
    public let id: UInt8
    public init(_ id: UInt8) { self.id = id }

    public static let none = XMLNamespace(0)
    public static let other = XMLNamespace(255)
}

/// Which namespace URI is which `XMLNamespace`, for the readers of one vocabulary. Made once
/// (a `static let`): readers on a thread that share a table share a parser session, so each
/// URI is classified once per thread.
public final class XMLNamespaces: Sendable {
    private let byURI: [String: XMLNamespace]

    public init(_ byURI: [String: XMLNamespace]) { self.byURI = byURI }

    /// No namespace is named: every element or attribute in one is `.other`.
    public static let unnamed = XMLNamespaces([:])

    func classify(_ uri: String) -> XMLNamespace { uri.isEmpty ? .none : byURI[uri] ?? .other }
}

/// An element or attribute name: namespace and local name.
public struct QName: Hashable, Sendable {
    public var ns: XMLNamespace
    public var local: String
    public init(_ ns: XMLNamespace, _ local: String) { self.ns = ns; self.local = local }
}

/// Names mapped to small integers, made once (a `static let`) and handed to
/// `XMLPullReader.useTokens(_:)` (a name's token) or `reportOnly(_:)` (non-zero: reported).
/// Readers on one thread keep what they learnt of a table, by name, from part to part.
public final class XMLNameTable: Sendable {
    let map: [QName: Int32]

    /// Each name's position in `list` (the first position where a name occurs twice).
    public init(tokens list: [QName]) {
        var map: [QName: Int32] = [:]
        for (i, q) in list.enumerated() where map[q] == nil { map[q] = Int32(i) }
        self.map = map
    }

    /// The names of a filter: each maps to 1.
    public init(names: Set<QName>) {
        map = Dictionary(uniqueKeysWithValues: names.map { ($0, 1) })
    }
}

/// Where a reader's bytes come from: a stream it pulls from, `count` bytes at a time.
public protocol XMLByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer`: how many were read, 0 at the end, -1 when
    /// the source failed (the caller learns why from the source itself).
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int
    /// The size the source says it has, if it knows (a part read whole for pruning needs it).
    var declaredSize: Int? { get }
}

/// Why a part could not be read as XML.
public enum XMLError: Error, Equatable, Sendable {
    /// Not well-formed: libxml2's message and line (a namespace error counts).
    case notWellFormed(String, line: Int?)
    /// A document type declaration (refused as soon as the parser meets it).
    case doctype
    /// Elements nested deeper than the reader's `maxDepth` (or libxml2's own 256).
    case tooDeep(Int)
    /// A start tag with more attributes than the reader's `maxAttributes`.
    case tooManyAttributes(Int)
    /// Text and attributes of one batch past 1 GiB.
    case tooLarge
    /// The byte source failed (damage, a limit): it says why.
    case sourceFailed
}
