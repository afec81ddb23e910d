import XMLStream

/// How one kind of XML part is read: the namespaces its reader names, the elements it prunes,
/// and the parse. A kind is also the key of what a `SharedPartCache` keeps: a value is given back
/// only to the kind (the same object) that made it, so it always has the kind's `Value` type.
///
/// The parse must read the part to its end and depend on nothing but the part's bytes (and the
/// package's limits), so that a part with the same bytes in another package may be given the
/// same value.
public final class SharedPartKind<Value>: Sendable {
    let namespaces: XMLNamespaces
    let pruning: [String]
    let parse: @Sendable (XMLPullReader) throws(XMLError) -> Value

    public init(namespaces: XMLNamespaces, pruning: [String] = [],
                parse: @escaping @Sendable (XMLPullReader) throws(XMLError) -> Value) {
        self.namespaces = namespaces
        self.pruning = pruning
        self.parse = parse
    }
}

/// Parts that many packages hold byte for byte the same, read once: for a bulk import, which
/// reads thousands of plans made from one template (their content types, relationships, styles
/// and numbering are the same; a real template's styles.xml alone is some 350 KB). The importer
/// makes one for each of its threads and hands it to every package that thread opens
/// (`DocxPackage(bytes:sharedParts:)`); a package opened without one reads every part itself.
///
/// A part whose compressed bytes, compression method, CRC and sizes are those of a part read
/// before whole and without error, under the same limits, as the same kind, gets that reading's
/// value back without being inflated or parsed again: the same compressed bytes inflate to the
/// same text, which parses to the same value. The CRC and sizes only find the candidate; the
/// compressed bytes themselves are compared, so a part that merely claims another's CRC is read
/// as itself (and refused if its CRC is wrong). The package's limits count a part given back as
/// read.
///
/// A part is kept the second time it is met, not the first, so that reading many unlike
/// documents costs nothing more than a few lookups. Bounded (`maxEntries`, `maxRawBytes`,
/// `maxKeptBytes`); when full it starts again empty. Not for use from two threads at once.
public final class SharedPartCache {
    struct Key: Hashable {
        var kind: ObjectIdentifier
        var crc: UInt32
        var size: Int
        var compressedSize: Int
        var method: Int32
    }

    private struct Entry {
        var raw: [UInt8]
        var limits: ReadLimits
        var value: Any
    }

    /// A part larger than this, compressed or inflated, is not kept (its parsed value is about
    /// as large as its text).
    static let maxPartRawBytes = 1 << 20
    static let maxPartBytes = 4 << 20
    /// All compressed bytes, and all inflated bytes, of the parts kept.
    static let maxRawBytes = 8 << 20
    static let maxKeptBytes = 32 << 20
    static let maxEntries = 64

    private var entries: [Key: Entry] = [:]
    /// Keys met once, not yet kept.
    private var seen = Set<Key>()
    private var rawBytes = 0
    private var keptBytes = 0

    /// Parts given back so far (for tests and benchmarks).
    public private(set) var hits = 0

    public init() {}

    /// The limits a part's own reading depends on: the package's total (and input size and
    /// entries) are checked by the package, part by part, kept or not.
    static func partLimits(_ limits: ReadLimits) -> ReadLimits {
        var l = limits
        l.maxTotalBytes = 0
        l.maxInputBytes = 0
        l.maxEntries = 0
        return l
    }

    /// The kept value for `key`, if `raw` (the part's compressed bytes, read only when a value is
    /// kept under the key) gives the kept bytes.
    func value<Value>(_ key: Key, as: SharedPartKind<Value>.Type, limits: ReadLimits, raw: () -> [UInt8]?) -> Value? {
        guard let e = entries[key], e.limits == Self.partLimits(limits), let bytes = raw(), bytes == e.raw else { return nil }
        hits += 1
        return (e.value as! Value)
    }

    /// Notes a part read whole and without error; keeps its value if it was met before.
    func store(_ key: Key, limits: ReadLimits, value: Any, raw: () -> [UInt8]?) {
        guard seen.contains(key) else {
            if seen.count >= 4 * Self.maxEntries { seen.removeAll() }
            seen.insert(key)
            return
        }
        guard let bytes = raw() else { return }
        if let old = entries.removeValue(forKey: key) {
            rawBytes -= old.raw.count
            keptBytes -= key.size
        }
        if entries.count >= Self.maxEntries || rawBytes + bytes.count > Self.maxRawBytes || keptBytes + key.size > Self.maxKeptBytes {
            entries.removeAll()
            rawBytes = 0
            keptBytes = 0
        }
        entries[key] = Entry(raw: bytes, limits: Self.partLimits(limits), value: value)
        rawBytes += bytes.count
        keptBytes += key.size
    }
}
