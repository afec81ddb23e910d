import Glibc

/// Cuts whole elements out of a part's XML text before it is parsed, for parts where a reader
/// uses none of them: most of a real template's styles.xml is table formatting (w:tblStylePr,
/// w:tblPr, w:tcPr, w:trPr) and the latent style list, about 80 % of its bytes, which the
/// styles reader never looks at but libxml2 would still have to tokenise.
///
/// Conservative by construction: nothing is cut from a text holding a comment, CDATA, a
/// document type declaration or a processing instruction (other than the XML declaration),
/// since their contents could look like markup; each cut runs from a start tag of one of the
/// given names (`prefix:local`, as written) to its matching end tag, counting nested elements
/// of the same name (w:tblPr inside w:tblPrChange inside w:tblPr), and an element that does
/// not close stops the cutting there. Line breaks inside a cut are kept, so that line numbers
/// in the parser's messages stay right. What is cut is not checked for well-formedness.
enum XMLPrune {
    /// Compacts the text in place; returns its new length.
    static func prune(_ p: UnsafeMutablePointer<UInt8>, count n: Int, names: [String]) -> Int {
        guard n > 0, !names.isEmpty, plainMarkup(p, n) else { return n }
        let needles = names.map(Needle.init)
        defer { for x in needles { x.bytes.deallocate() } }
        var w = 0       // write position
        var r = 0       // first byte not yet copied
        var i = 0       // scan position
        scan: while i < n, let lt = find(p, from: i, to: n, UInt8(ascii: "<")) {
            for name in needles where startTag(p, lt, n, name) {
                // Unclosed: nothing after it is cut (scanning on from each such tag would cost n²).
                guard let end = elementEnd(p, lt, n, name) else { break scan }
                if lt > r { memmove(p + w, p + r, lt - r) }
                w += lt - r
                var k = lt
                while let nl = find(p, from: k, to: end, 0x0A) { p[w] = 0x0A; w += 1; k = nl + 1 }
                r = end
                i = end
                continue scan
            }
            i = lt + 1
        }
        if n > r { memmove(p + w, p + r, n - r) }
        return w + (n - r)
    }

    /// An element name as bytes, outside Swift arrays (the scan runs once per `<`).
    struct Needle {
        let bytes: UnsafeMutablePointer<UInt8>
        let count: Int
        init(_ s: String) {
            let u = Array(s.utf8)
            count = u.count
            bytes = .allocate(capacity: max(count, 1))
            bytes.initialize(from: u, count: count)
        }
    }

    /// No `<!` (comment, CDATA, DOCTYPE) and no `<?` but an XML declaration first in the text.
    static func plainMarkup(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        var first = true
        while let lt = find(p, from: i, to: n, UInt8(ascii: "<")) {
            guard lt + 1 < n else { return false }
            let c = p[lt + 1]
            if c == UInt8(ascii: "!") || (c == UInt8(ascii: "?") && !first) { return false }
            first = false
            i = lt + 2
        }
        return true
    }

    @inline(__always)
    static func find(_ p: UnsafeMutablePointer<UInt8>, from: Int, to: Int, _ c: UInt8) -> Int? {
        guard from < to, let q = memchr(p + from, Int32(c), to - from) else { return nil }
        return p.distance(to: q.assumingMemoryBound(to: UInt8.self))
    }

    @inline(__always)
    static func matches(_ p: UnsafeMutablePointer<UInt8>, _ at: Int, _ n: Int, _ name: Needle) -> Bool {
        guard at + name.count < n else { return false }
        var k = 0
        while k < name.count {
            if p[at + k] != name.bytes[k] { return false }
            k += 1
        }
        return true
    }

    @inline(__always)
    static func isDelimiter(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: ">") || c == UInt8(ascii: "/")
    }

    /// Whether a start tag of `name` begins at `lt` (the `<`).
    static func startTag(_ p: UnsafeMutablePointer<UInt8>, _ lt: Int, _ n: Int, _ name: Needle) -> Bool {
        matches(p, lt + 1, n, name) && isDelimiter(p[lt + 1 + name.count])
    }

    /// The position after the `>` closing the tag that begins at `lt`, skipping quoted attribute values.
    static func tagEnd(_ p: UnsafeMutablePointer<UInt8>, _ lt: Int, _ n: Int) -> Int? {
        var i = lt + 1
        var quote: UInt8 = 0
        while i < n {
            let c = p[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: ">") {
                return i + 1
            } else if c == UInt8(ascii: "<") {
                return nil
            }
            i += 1
        }
        return nil
    }

    /// The position after the end of the element whose start tag begins at `lt`; nil when it does not close.
    static func elementEnd(_ p: UnsafeMutablePointer<UInt8>, _ lt: Int, _ n: Int, _ name: Needle) -> Int? {
        guard var j = tagEnd(p, lt, n) else { return nil }
        if p[j - 2] == UInt8(ascii: "/") { return j }
        var depth = 1
        while let k = find(p, from: j, to: n, UInt8(ascii: "<")) {
            if k + 1 < n, p[k + 1] == UInt8(ascii: "/"), matches(p, k + 2, n, name) {
                var e = k + 2 + name.count
                while e < n, p[e] == 0x20 || p[e] == 0x09 || p[e] == 0x0A || p[e] == 0x0D { e += 1 }
                guard e < n, p[e] == UInt8(ascii: ">") else { j = k + 1; continue }
                j = e + 1
                depth -= 1
                if depth == 0 { return j }
            } else if startTag(p, k, n, name) {
                guard let t = tagEnd(p, k, n) else { return nil }
                if p[t - 2] != UInt8(ascii: "/") { depth += 1 }
                j = t
            } else {
                j = k + 1
            }
        }
        return nil
    }
}
