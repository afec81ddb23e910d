internal import CSHA256

/// SHA-256 (FIPS 180-4), to identify a plan's content across copies and re-runs. The work is
/// done in C (Sources/CSHA256): with the CPU's SHA instructions where it has them.
public enum SHA256 {
    /// The digest as 64 lower-case hex digits.
    public static func hex(_ data: [UInt8]) -> String {
        hex(digest: { d in data.withUnsafeBufferPointer { maalplan_sha256($0.baseAddress, $0.count, d) } })
    }

    /// The same with a chosen implementation (0 portable C, 1 SHA-NI); nil when it is not available.
    static func hex(_ data: [UInt8], implementation: Int32) -> String? {
        var ok = true
        let h = hex(digest: { d in
            data.withUnsafeBufferPointer { ok = maalplan_sha256_with(implementation, $0.baseAddress, $0.count, d) == 0 }
        })
        return ok ? h : nil
    }

    private static func hex(digest: (UnsafeMutablePointer<UInt8>) -> Void) -> String {
        var d = [UInt8](repeating: 0, count: 32)
        d.withUnsafeMutableBufferPointer { digest($0.baseAddress!) }
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in d { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
