import DocxPackage

/// The images' descriptions (alt text) of a .doc, .dot or .rtf, read from the original because
/// LibreOffice's import of those formats drops them (the .docx it makes says `descr=""`), and the
/// logo's description names the plan's organisation. An .odt keeps them through the conversion.
///
/// Both formats keep a description as the OfficeArt shape property wzDescription (0x0381): in
/// RTF as `{\sn wzDescription}{\sv text}`, in a .doc as a complex property (UTF-16LE) of a
/// property table record (FOPT, and its secondary and tertiary forms) in the Data and table streams.
enum OriginalDescriptions {
    static func of(_ bytes: [UInt8]) -> [String] {
        let found: [String]
        if bytes.starts(with: Array("{\\rtf".utf8)) {
            found = rtf(bytes)
        } else if let file = CompoundFile(bytes) {
            found = ["Data", "1Table", "0Table", "WordDocument"].flatMap { file.stream($0).map(officeArt) ?? [] }
        } else {
            found = []
        }
        // Each once: RTF writes a picture twice (\shppict, and \nonshppict for older readers).
        var seen = Set<String>()
        return found.map(\.nfc).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static let descriptionProperty: UInt16 = 0x0381

    /// Every wzDescription in the property tables of an OfficeArt stream. A record is taken only
    /// when its header, property entries and complex data add up to its length.
    static func officeArt(_ s: [UInt8]) -> [String] {
        func u16(_ i: Int) -> Int { Int(s[i]) | Int(s[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        var out: [String] = []
        var i = 0
        while i + 8 <= s.count {
            defer { i += 1 }
            // recVer 3, recType FOPT (0xF00B), secondary (0xF121) or tertiary (0xF122).
            guard s[i] & 0x0F == 3, [0xF00B, 0xF121, 0xF122].contains(u16(i + 2)) else { continue }
            let count = u16(i) >> 4, length = u32(i + 4), table = i + 8
            guard count > 0, count * 6 <= length, table + length <= s.count else { continue }
            var complex = table + count * 6, properties: [(id: Int, at: Int, length: Int)] = [], fits = true
            for k in 0..<count {
                let id = u16(table + 6 * k), value = u32(table + 6 * k + 2)
                guard id & 0x8000 != 0 else { continue }
                guard value <= table + length - complex else { fits = false; break }
                properties.append((id & 0x3FFF, complex, value))
                complex += value
            }
            guard fits else { continue }
            for p in properties where p.id == Int(descriptionProperty) {
                var units = stride(from: p.at, to: p.at + p.length - 1, by: 2).map { UInt16(u16($0)) }
                while units.last == 0 { units.removeLast() }
                out.append(String(decoding: units, as: UTF16.self))
            }
            i = table + length - 1
        }
        return out
    }

    /// Every `{\sn wzDescription}{\sv ...}` of an RTF file, its escapes decoded: `\'hh` in the
    /// file's code page (Windows-1252, the one Danish documents are written in), `\uN` with its
    /// `\ucN` stand-in characters skipped, `\\`, `\{` and `\}`.
    static func rtf(_ b: [UInt8]) -> [String] {
        let name = Array("{\\sn wzDescription}".utf8), value = Array("{\\sv".utf8)
        var out: [String] = []
        var i = 0
        while let at = Sniff.firstIndex(of: name, in: b, from: i) {
            i = at + name.count
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
            guard b[i...].starts(with: value) else { continue }
            i += value.count
            if i < b.count, b[i] == 0x20 { i += 1 }
            // UTF-16 units (\uN gives one; a character past U+FFFF is two), then decoded.
            var units: [UInt16] = [], skip = 0, fallback = 1, depth = 0
            func add(_ unit: UInt16) { if skip > 0 { skip -= 1 } else { units.append(unit) } }
            scan: while i < b.count {
                let c = b[i]
                switch c {
                case UInt8(ascii: "}"):
                    if depth == 0 { break scan }
                    depth -= 1; i += 1
                case UInt8(ascii: "{"):
                    if b[(i + 1)...].starts(with: Array("\\*".utf8)) {
                        // A destination to ignore ({\* ...}): none of it is text.
                        var inner = 0
                        while i < b.count {
                            if b[i] == UInt8(ascii: "\\") { i += 2; continue }
                            if b[i] == UInt8(ascii: "{") { inner += 1 } else if b[i] == UInt8(ascii: "}") { inner -= 1; if inner == 0 { i += 1; break } }
                            i += 1
                        }
                    } else {
                        depth += 1; i += 1
                    }
                case 0x0A, 0x0D: i += 1
                case UInt8(ascii: "\\"):
                    guard i + 1 < b.count else { break scan }
                    let n = b[i + 1]
                    if n == UInt8(ascii: "'"), i + 3 < b.count, let h = UInt8(String(decoding: b[i + 2...i + 3], as: UTF8.self), radix: 16) {
                        add(UInt16(windows1252(h).value)); i += 4
                    } else if n == UInt8(ascii: "\\") || n == UInt8(ascii: "{") || n == UInt8(ascii: "}") {
                        add(UInt16(n)); i += 2
                    } else if n == UInt8(ascii: "~") {
                        add(0x00A0); i += 2
                    } else {
                        // A control word, its number, and the one space that ends it.
                        var j = i + 1
                        while j < b.count, (b[j] >= 0x61 && b[j] <= 0x7A) || (b[j] >= 0x41 && b[j] <= 0x5A) { j += 1 }
                        let word = String(decoding: b[(i + 1)..<j], as: UTF8.self)
                        var k = j
                        if k < b.count, b[k] == UInt8(ascii: "-") { k += 1 }
                        while k < b.count, b[k] >= 0x30 && b[k] <= 0x39, k - j < 8 { k += 1 }
                        let number = Int(String(decoding: b[j..<k], as: UTF8.self))
                        if k < b.count, b[k] == 0x20 { k += 1 }
                        i = max(k, i + 2)
                        if word == "u", let number {
                            skip = 0
                            add(UInt16(truncatingIfNeeded: number))   // signed 16-bit in RTF: -10179 is U+D83D
                            skip = fallback
                        } else if word == "uc", let number {
                            fallback = min(max(number, 0), 8)
                        }
                    }
                default:
                    add(UInt16(c)); i += 1
                }
            }
            let text = String(decoding: units, as: UTF16.self)
            out.append(text)
        }
        return out
    }

    /// A byte of Windows-1252: Latin-1, but for 0x80-0x9F.
    static func windows1252(_ b: UInt8) -> Unicode.Scalar {
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
                              0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
                              0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        return Unicode.Scalar(b >= 0x80 && b < 0xA0 ? high[Int(b - 0x80)] : UInt32(b)) ?? "?"
    }
}
