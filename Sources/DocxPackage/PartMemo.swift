internal import CZip

/// Parts that many packages hold byte for byte the same, read once per thread.
///
/// Plans made from one template share their content types, relationships, styles and numbering
/// (a real template's styles.xml alone is some 350 KB); a bulk import reads thousands of them.
/// A part whose compressed bytes, compression method, CRC and sizes are those of a part this
/// thread has already read whole and without error, under the same limits, for the same use
/// (`kind`), gets that reading's value back without being inflated or parsed again: the same
/// compressed bytes inflate to the same text, which parses to the same value. The CRC and sizes
/// only find the candidate; the compressed bytes themselves are compared, so a part that merely
/// claims another's CRC is read as itself (and refused if its CRC is wrong).
///
/// A part is kept the second time it is met, not the first, so that reading one document (or
/// many unlike ones) costs nothing more than a few lookups. Bounded per thread (`maxEntries`,
/// `maxRawBytes`, `maxKeptBytes`); when full it starts again empty.
final class PartMemo {
    struct Key: Hashable {
        var kind: String
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
    /// All compressed bytes, and all inflated bytes, of the parts one thread keeps.
    static let maxRawBytes = 8 << 20
    static let maxKeptBytes = 32 << 20
    static let maxEntries = 64

    /// Off: nothing is kept or given back on this thread (`DocxPackage.keepsSharedParts`).
    var enabled = true
    private var entries: [Key: Entry] = [:]
    /// Keys met once, not yet kept.
    private var seen = Set<Key>()
    private var rawBytes = 0
    private var keptBytes = 0

    /// Parts given back from the memo on this thread (for tests).
    private(set) var hits = 0

    private static let perThread = ThreadLocal { PartMemo() }
    static var current: PartMemo { perThread.value }

    /// The key of entry `index`, or nil when it is not worth keeping (encrypted, large, odd stat):
    /// such a part is read as any other, and refused as any other when it breaks a limit.
    static func key(_ za: OpaquePointer, _ index: zip_uint64_t, kind: String) -> Key? {
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(za, index, 0, &st) == 0 else { return nil }
        let need = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD
        guard st.valid & zip_uint64_t(need) == zip_uint64_t(need), st.encryption_method == UInt16(ZIP_EM_NONE),
              st.comp_size <= zip_uint64_t(maxPartRawBytes), st.size <= zip_uint64_t(maxPartBytes) else { return nil }
        return Key(kind: kind, crc: st.crc, size: Int(st.size), compressedSize: Int(st.comp_size), method: Int32(st.comp_method))
    }

    /// The entry's bytes as stored in the zip (not inflated), or nil when they cannot be read whole.
    static func rawBytes(_ za: OpaquePointer, _ index: zip_uint64_t, count: Int) -> [UInt8]? {
        guard let f = zip_fopen_index(za, index, zip_flags_t(ZIP_FL_COMPRESSED)) else { return nil }
        defer { zip_fclose(f) }
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = out.withUnsafeMutableBytes { zip_fread(f, $0.baseAddress! + got, zip_uint64_t(count - got)) }
            if n <= 0 { return nil }
            got += Int(n)
        }
        return out
    }

    /// The limits a part's own reading depends on: the package's total (and input size and
    /// entries) are checked by the caller, part by part, kept or not.
    static func partLimits(_ limits: ReadLimits) -> ReadLimits {
        var l = limits
        l.maxTotalBytes = 0
        l.maxInputBytes = 0
        l.maxEntries = 0
        return l
    }

    /// The kept value for `key`, if the entry's compressed bytes are the kept ones.
    func value(_ key: Key, limits: ReadLimits, za: OpaquePointer, index: zip_uint64_t) -> Any? {
        guard enabled, let e = entries[key], e.limits == Self.partLimits(limits),
              let raw = Self.rawBytes(za, index, count: key.compressedSize), raw == e.raw else { return nil }
        hits += 1
        return e.value
    }

    /// Notes a part read whole and without error; keeps its value if it was met before.
    func store(_ key: Key, limits: ReadLimits, value: Any, za: OpaquePointer, index: zip_uint64_t) {
        guard enabled else { return }
        guard seen.contains(key) else {
            if seen.count >= 4 * Self.maxEntries { seen.removeAll() }
            seen.insert(key)
            return
        }
        guard let raw = Self.rawBytes(za, index, count: key.compressedSize) else { return }
        if let old = entries.removeValue(forKey: key) {
            rawBytes -= old.raw.count
            keptBytes -= key.size
        }
        if entries.count >= Self.maxEntries || rawBytes + raw.count > Self.maxRawBytes || keptBytes + key.size > Self.maxKeptBytes {
            entries.removeAll()
            rawBytes = 0
            keptBytes = 0
        }
        entries[key] = Entry(raw: raw, limits: Self.partLimits(limits), value: value)
        rawBytes += raw.count
        keptBytes += key.size
    }

    /// Forgets everything (for tests).
    func removeAll() {
        entries.removeAll()
        seen.removeAll()
        rawBytes = 0
        keptBytes = 0
        hits = 0
    }
}
