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
        var out = ""
        out.reserveCapacity(4096)
        write(to: &out, indent: pretty ? 0 : -1)
        if pretty { out += "\n" }
        return out
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                JSON.newline(&out, indent + 1, indent)
                v.write(to: &out, indent: indent < 0 ? -1 : indent + 1)
            }
            JSON.newline(&out, indent, indent)
            out += "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (k, v)) in o.enumerated() {
                if i > 0 { out += "," }
                JSON.newline(&out, indent + 1, indent)
                JSON.escape(k, into: &out)
                out += indent < 0 ? ":" : ": "
                v.write(to: &out, indent: indent < 0 ? -1 : indent + 1)
            }
            JSON.newline(&out, indent, indent)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ level: Int, _ base: Int) {
        guard base >= 0 else { return }
        out += "\n"
        out += String(repeating: "  ", count: level)
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
