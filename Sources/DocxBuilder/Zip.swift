internal import CZip
import Foundation

/// A part whose deflate stream is given rather than computed, with the sizes and CRC to
/// write in the zip's headers. `declaredSize` may lie (to test readers against
/// directories that understate a part).
public struct DeflatedPart: Sendable {
    public var name: String
    public var deflated: [UInt8]
    /// The inflated size.
    public var size: UInt64
    public var crc: UInt32
    /// The size written in the zip's headers; `size` unless set.
    public var declaredSize: UInt64?

    public init(name: String, deflated: [UInt8], size: UInt64, crc: UInt32, declaredSize: UInt64? = nil) {
        self.name = name; self.deflated = deflated; self.size = size; self.crc = crc; self.declaredSize = declaredSize
    }

    /// `data` as one stored (uncompressed) deflate block, so its compressed bytes follow from
    /// `data` alone; `crc` is written in the zip's headers (the true CRC-32 of `data` unless given).
    public static func stored(name: String, data: [UInt8], crc: UInt32? = nil) -> DeflatedPart {
        precondition(data.count < 65_536)
        var bits = BitWriter()
        bits.stored(data, final: true)
        return DeflatedPart(name: name, deflated: bits.bytes, size: UInt64(data.count), crc: crc ?? CRC32.update(0, data))
    }

    /// The CRC-32 a zip's headers give for `data`.
    public static func crc32(_ data: [UInt8]) -> UInt32 { CRC32.update(0, data) }

    /// `prefix`, then `count` copies of `byte`, then `suffix`, deflated at about 1000:1
    /// without running a compressor: a stored block for the prefix and the first copy,
    /// one dynamic-Huffman block of back-references (length 258, distance 1; two bits
    /// each), and a stored block for the rest. 2 GiB cost about 2 MiB and a few milliseconds.
    public static func repeating(name: String, prefix: [UInt8] = [], byte: UInt8, count: Int, suffix: [UInt8] = []) -> DeflatedPart {
        precondition(count >= 1 && prefix.count < 65_000 && suffix.count < 65_000)
        var bits = BitWriter()
        bits.stored(prefix + [byte], final: false)
        let matches = (count - 1) / 258
        let rest = count - 1 - matches * 258
        if matches > 0 {
            bits.put(0, 1); bits.put(2, 2)                // not final, dynamic Huffman
            bits.put(29, 5); bits.put(0, 5); bits.put(14, 4)   // 286 lit/len codes, 1 distance code, 18 code-length codes
            // Code-length code lengths, in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1: symbols 18 and 1 get 1 bit.
            for l in [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] { bits.put(UInt64(l), 3) }
            // Canonical codes: symbol 1 → 0, symbol 18 → 1 (18: repeat zero 11 + 7 extra bits).
            bits.put(1, 1); bits.put(138 - 11, 7)          // lit/len 0...137: unused
            bits.put(1, 1); bits.put(118 - 11, 7)          // 138...255: unused
            bits.put(0, 1)                                 // 256 (end of block): length 1
            bits.put(1, 1); bits.put(28 - 11, 7)           // 257...284: unused
            bits.put(0, 1)                                 // 285 (length 258): length 1
            bits.put(0, 1)                                 // distance code 0 (distance 1): length 1
            // Codes: 256 → 0, 285 → 1; distance 0 → 0. A match is the bits 1, 0.
            bits.putMatches(matches)
            bits.put(0, 1)                                 // end of block
        }
        bits.stored([UInt8](repeating: byte, count: rest) + suffix, final: true)
        var crc = CRC32.update(0, prefix)
        crc = CRC32.combine(crc, CRC32.repeating(byte, count), UInt64(count))
        crc = CRC32.combine(crc, CRC32.update(0, suffix), UInt64(suffix.count))
        return DeflatedPart(name: name, deflated: bits.bytes, size: UInt64(prefix.count + count + suffix.count), crc: crc)
    }
}

/// LSB-first bit packing, as deflate wants (Huffman codes here are all one bit, so their order does not matter).
struct BitWriter {
    var bytes: [UInt8] = []
    var acc: UInt64 = 0
    var n = 0

    mutating func put(_ v: UInt64, _ count: Int) {
        acc |= v << UInt64(n)
        n += count
        while n >= 8 { bytes.append(UInt8(truncatingIfNeeded: acc)); acc >>= 8; n -= 8 }
    }

    mutating func align() { if n > 0 { put(0, 8 - n) } }

    mutating func stored(_ data: [UInt8], final: Bool) {
        put(final ? 1 : 0, 1); put(0, 2); align()
        let len = UInt16(data.count)
        bytes += [UInt8(len & 0xFF), UInt8(len >> 8), UInt8(~len & 0xFF), UInt8(~len >> 8)]
        bytes += data
    }

    /// `k` copies of the two bits 1, 0: whole bytes of 0x55 once aligned to an even bit.
    mutating func putMatches(_ k: Int) {
        var k = k
        while k > 0 && n != 0 { put(1, 2); k -= 1 }   // n is even, so this ends on a byte boundary
        bytes += [UInt8](repeating: 0x55, count: k / 4)
        for _ in 0..<(k % 4) { put(1, 2) }
    }
}

/// CRC-32 (zip's), with combination of the CRCs of two pieces, so that huge repetitive
/// parts get their CRC without being produced.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { i in
        var c = UInt32(i)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func update(_ crc: UInt32, _ data: [UInt8]) -> UInt32 {
        var c = ~crc
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return ~c
    }

    private static func times(_ mat: [UInt32], _ vec: UInt32) -> UInt32 {
        var sum: UInt32 = 0, v = vec, i = 0
        while v != 0 { if v & 1 != 0 { sum ^= mat[i] }; v >>= 1; i += 1 }
        return sum
    }

    private static func square(_ mat: [UInt32]) -> [UInt32] { (0..<32).map { times(mat, mat[$0]) } }

    /// The CRC of A followed by B, from crc(A), crc(B) and B's length (zlib's crc32_combine).
    static func combine(_ crc1: UInt32, _ crc2: UInt32, _ len2: UInt64) -> UInt32 {
        if len2 == 0 { return crc1 }
        var odd = [0xEDB8_8320] + (0..<31).map { UInt32(1) << UInt32($0) }   // one zero bit
        var even = square(odd)   // two zero bits
        odd = square(even)       // four
        var c1 = crc1, len = len2
        repeat {
            even = square(odd)
            if len & 1 != 0 { c1 = times(even, c1) }
            len >>= 1
            if len == 0 { break }
            odd = square(even)
            if len & 1 != 0 { c1 = times(odd, c1) }
            len >>= 1
        } while len != 0
        return c1 ^ crc2
    }

    /// The CRC of `count` copies of one byte, by doubling.
    static func repeating(_ byte: UInt8, _ count: Int) -> UInt32 {
        var result: UInt32 = 0, unit = update(0, [byte]), unitLen = 1, n = count
        while n > 0 {
            if n & 1 != 0 { result = combine(result, unit, UInt64(unitLen)) }
            n >>= 1
            if n > 0 { unit = combine(unit, unit, UInt64(unitLen)); unitLen *= 2 }
        }
        return result
    }
}

/// Writes a zip in memory through libzip.
final class ZipWriter {
    struct Failure: Error, CustomStringConvertible { var message: String; var description: String { message } }

    private let source: OpaquePointer
    private var archive: OpaquePointer?
    private let compression: DocxBuilder.Compression
    /// 2025-01-06 08:00 UTC: fixed, so that equal input gives equal bytes.
    private static let mtime = time_t(1_736_150_400)

    init(compression: DocxBuilder.Compression) throws {
        self.compression = compression
        var err = zip_error_t()
        zip_error_init(&err)
        defer { zip_error_fini(&err) }
        guard let src = zip_source_buffer_create(nil, 0, 0, &err) else { throw Failure(message: Self.text(&err)) }
        zip_source_keep(src)
        guard let za = zip_open_from_source(src, ZIP_TRUNCATE | ZIP_CREATE, &err) else {
            zip_source_free(src)
            throw Failure(message: Self.text(&err))
        }
        source = src
        archive = za
    }

    deinit {
        if let archive { zip_discard(archive); zip_source_free(source) }
    }

    private static func text(_ e: inout zip_error_t) -> String { String(cString: zip_error_strerror(&e)) }
    private func fail(_ what: String) -> Failure { Failure(message: "\(what): " + String(cString: zip_strerror(archive!))) }

    func add(_ name: String, _ data: [UInt8]) throws {
        let copy = malloc(max(data.count, 1))!
        data.withUnsafeBytes { if $0.count > 0 { copy.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
        guard let s = zip_source_buffer(archive!, copy, zip_uint64_t(data.count), 1) else { free(copy); throw fail(name) }
        let idx = try addSource(name, s)
        let level: UInt32, method: Int32
        switch compression {
        case .store: method = ZIP_CM_STORE; level = 0
        case .deflate(let l): method = ZIP_CM_DEFLATE; level = UInt32(max(1, min(l, 9)))
        }
        if zip_set_file_compression(archive!, idx, method, level) != 0 { throw fail(name) }
    }

    @discardableResult
    private func addSource(_ name: String, _ s: OpaquePointer) throws -> zip_uint64_t {
        let idx = zip_file_add(archive!, name, s, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
        if idx < 0 { zip_source_free(s); throw fail(name) }
        zip_file_set_mtime(archive!, zip_uint64_t(idx), Self.mtime, 0)
        return zip_uint64_t(idx)
    }

    /// Adds already-deflated data: the source reports it as deflated, so libzip copies it as is.
    func addDeflated(_ name: String, _ part: DeflatedPart) throws {
        let box = Unmanaged.passRetained(RawSource(part)).toOpaque()
        guard let s = zip_source_function(archive!, RawSource.callback, box) else {
            Unmanaged<RawSource>.fromOpaque(box).release()
            throw fail(name)
        }
        try addSource(name, s)
    }

    func finish() throws -> [UInt8] {
        if zip_close(archive!) != 0 { throw fail("zip_close") }   // deinit discards
        archive = nil
        defer { zip_source_free(source) }
        guard zip_source_open(source) == 0 else { throw Failure(message: "zip_source_open") }
        defer { zip_source_close(source) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { zip_source_read(source, $0.baseAddress!, zip_uint64_t($0.count)) }
            if n < 0 { throw Failure(message: "zip_source_read") }
            if n == 0 { break }
            out += buf[0..<Int(n)]
        }
        return out
    }
}

/// A libzip source function serving pre-deflated bytes with their stat.
private final class RawSource {
    let part: DeflatedPart
    var position = 0
    var error = zip_error_t()

    init(_ part: DeflatedPart) { self.part = part; zip_error_init(&error) }
    deinit { zip_error_fini(&error) }

    static let callback: zip_source_callback = { userdata, data, length, command in
        let me = Unmanaged<RawSource>.fromOpaque(userdata!).takeUnretainedValue()
        switch command {
        case ZIP_SOURCE_OPEN: me.position = 0; return 0
        case ZIP_SOURCE_READ:
            let n = min(Int(length), me.part.deflated.count - me.position)
            me.part.deflated.withUnsafeBytes { data!.copyMemory(from: $0.baseAddress! + me.position, byteCount: n) }
            me.position += n
            return zip_int64_t(n)
        case ZIP_SOURCE_CLOSE: return 0
        case ZIP_SOURCE_STAT:
            let st = data!.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(st)
            st.pointee.valid = zip_uint64_t(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD)
            st.pointee.size = me.part.declaredSize ?? me.part.size
            st.pointee.comp_size = zip_uint64_t(me.part.deflated.count)
            st.pointee.comp_method = zip_uint16_t(ZIP_CM_DEFLATE)
            st.pointee.encryption_method = zip_uint16_t(ZIP_EM_NONE)
            st.pointee.crc = me.part.crc
            return zip_int64_t(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_ERROR: return zip_error_to_data(&me.error, data!, length)
        case ZIP_SOURCE_FREE: Unmanaged<RawSource>.fromOpaque(userdata!).release(); return 0
        case ZIP_SOURCE_SUPPORTS:
            let cmds = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS]
            return cmds.reduce(0) { $0 | (zip_int64_t(1) << zip_int64_t($1.rawValue)) }
        default:
            zip_error_set(&me.error, ZIP_ER_OPNOTSUPP, 0)
            return -1
        }
    }
}
