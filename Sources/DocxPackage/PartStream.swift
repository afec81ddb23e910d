internal import CZip
import XMLStream

/// Inflates one part on demand, enforcing the part, total and ratio limits as bytes
/// come out, so that lying sizes in the zip's directory do not help a zip bomb.
public final class PartStream: XMLByteSource {
    public let name: String
    private var file: OpaquePointer?
    private let compressed: Int
    /// The inflated size the zip's directory gives.
    private let declared: Int
    private let limits: ReadLimits
    private let totalBefore: Int
    private let onRead: ((Int) -> Void)?
    public private(set) var inflated = 0
    /// The inflated size the zip's directory gives (reading past it is refused).
    public var declaredSize: Int? { declared }
    /// Set when reading stopped because of a limit or damage.
    public private(set) var failure: ReadError?
    /// Read to its end without damage (the CRC checked).
    public var isAtEnd: Bool { file == nil && failure == nil }

    init(archive: OpaquePointer, index: zip_uint64_t, name: String, limits: ReadLimits,
         totalBefore: Int, onRead: ((Int) -> Void)? = nil) throws(ReadError) {
        self.name = name
        self.limits = limits
        self.totalBefore = totalBefore
        let total = totalBefore
        self.onRead = onRead
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(archive, index, 0, &st) == 0 else {
            throw ReadError(.corruptZip(String(cString: zip_strerror(archive))), part: name)
        }
        let size = Int(clamping: st.size)
        compressed = Int(clamping: st.comp_size)
        declared = size
        // Refuse at once what the directory already admits to.
        if size > limits.maxPartBytes { throw ReadError(.partTooLarge(limits.maxPartBytes), part: name) }
        if total + size > limits.maxTotalBytes { throw ReadError(.totalTooLarge(limits.maxTotalBytes), part: name) }
        if size > limits.ratioFloorBytes, size / max(compressed, 1) > limits.maxCompressionRatio {
            throw ReadError(.compressionRatio(limits.maxCompressionRatio), part: name)
        }
        guard let f = zip_fopen_index(archive, index, 0) else {
            let msg = String(cString: zip_strerror(archive))
            if [ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD, ZIP_ER_ENCRNOTSUPP].contains(zip_error_code_zip(zip_get_error(archive))) { throw ReadError(.encrypted, part: name) }
            throw ReadError(.corruptZip(msg), part: name)
        }
        file = f
    }

    deinit { if let file { zip_fclose(file) } }

    /// The rest of the part, as bytes (for small parts); its damage or limit thrown.
    public func readToEnd() throws(ReadError) -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { read(into: $0) }
            if n < 0 { throw failure ?? ReadError(.corruptZip("read"), part: name) }
            if n == 0 { return out }
            out.append(contentsOf: buf[0..<n])
        }
    }

    /// Reads up to `buffer.count` bytes; 0 at the end, -1 on damage or a limit (see `failure`).
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let file, failure == nil else { return failure == nil ? 0 : -1 }
        // zip_fread gives 0 for 0 bytes asked, which is not the end (nor its CRC checked).
        guard buffer.count > 0, let base = buffer.baseAddress else { return 0 }
        let n = Int(zip_fread(file, base, zip_uint64_t(buffer.count)))
        if n < 0 {
            failure = ReadError(.corruptZip(String(cString: zip_file_strerror(file))), part: name)
            return -1
        }
        inflated += n
        onRead?(n)
        if inflated > limits.maxPartBytes {
            failure = ReadError(.partTooLarge(limits.maxPartBytes), part: name); return -1
        }
        if totalBefore + inflated > limits.maxTotalBytes {
            failure = ReadError(.totalTooLarge(limits.maxTotalBytes), part: name); return -1
        }
        if inflated > limits.ratioFloorBytes, inflated / max(compressed, 1) > limits.maxCompressionRatio {
            failure = ReadError(.compressionRatio(limits.maxCompressionRatio), part: name); return -1
        }
        if inflated > declared {
            // libzip checks the CRC at the end but not the size: a directory that understates
            // a part (a zip bomb's trick) would otherwise get past the checks made at opening.
            failure = ReadError(.corruptZip("inflates past the \(declared) bytes its directory entry gives"), part: name); return -1
        }
        if n == 0 { zip_fclose(file); self.file = nil }
        return n
    }
}
