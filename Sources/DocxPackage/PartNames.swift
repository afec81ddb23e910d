/// Percent-decoding and -encoding of part names, without Foundation (which costs every
/// process milliseconds of start-up). They behave as Foundation's `removingPercentEncoding`
/// and `addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)` do.
enum PartNames {
    /// `%XX` sequences decoded; nil when a `%` is not followed by two hex digits or the
    /// decoded bytes are not UTF-8.
    static func percentDecoded(_ s: String) -> String? {
        let utf8 = s.utf8
        guard utf8.contains(UInt8(ascii: "%")) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let b = utf8[i]
            utf8.formIndex(after: &i)
            guard b == UInt8(ascii: "%") else { out.append(b); continue }
            guard i != utf8.endIndex, let hi = hexValue(utf8[i]) else { return nil }
            utf8.formIndex(after: &i)
            guard i != utf8.endIndex, let lo = hexValue(utf8[i]) else { return nil }
            utf8.formIndex(after: &i)
            out.append(hi << 4 | lo)
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Every byte outside Foundation's `urlPathAllowed` set
    /// (`!$&'()*+,-./0-9=@A-Z_a-z~`, and `:` once a `/` came before it, as Foundation
    /// keeps a first segment from looking like a scheme) as `%XX`, upper-case hex.
    static func percentEncodedPath(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        var slashSeen = false
        for b in s.utf8 {
            if b == UInt8(ascii: "/") { slashSeen = true }
            if pathAllowed(b) || (b == UInt8(ascii: ":") && slashSeen) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func pathAllowed(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"),
             UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Each `/` as `\`, character by character, as `replacingOccurrences(of: "/", with: "\\")`
    /// (a `/` with a combining mark on it is another character and stays).
    static func backslashed(_ s: String) -> String {
        String(s.map { $0 == "/" ? "\\" : $0 })
    }
}
