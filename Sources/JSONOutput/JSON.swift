/// A JSON value with ordered object keys, so output has a stable, documented key order.
public indirect enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public static func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    public static func optional(_ i: Int?) -> JSON { i.map(JSON.int) ?? .null }
    public static func strings(_ a: [String]) -> JSON { .array(a.map(JSON.string)) }

    /// Serialises with two-space indentation (or compact), UTF-8 kept as is (æ, ø, å unescaped).
    public func serialized(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: pretty ? 0 : -1)
        if pretty { out.append(0x0A) }
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let a):
            if a.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSON.newline(&out, indent + 1, indent)
                v.write(to: &out, indent: indent < 0 ? -1 : indent + 1)
            }
            JSON.newline(&out, indent, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            if o.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (k, v)) in o.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSON.newline(&out, indent + 1, indent)
                JSON.escape(k, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent >= 0 { out.append(0x20) }
                v.write(to: &out, indent: indent < 0 ? -1 : indent + 1)
            }
            JSON.newline(&out, indent, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ level: Int, _ base: Int) {
        guard base >= 0 else { return }
        out.append(0x0A)
        for _ in 0..<(2 * max(level, 0)) { out.append(0x20) }
    }

    /// A JSON string: quotes, backslash and control characters escaped, and U+2028/U+2029
    /// (line ends to JavaScript, UTF-8 E2 80 A8/A9); every other byte of the UTF-8 as it is
    /// (æ, ø, å unescaped).
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                switch c {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                case 0x00..<0x20:
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hexDigits[Int(c >> 4)])
                    out.append(hexDigits[Int(c & 0xF)])
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    out.append(contentsOf: (b[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 2
                default:
                    out.append(c)
                }
                i += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
