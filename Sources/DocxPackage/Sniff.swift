/// Tells what a file is from its first bytes, before any zip reading, so that
/// what is not a Word package is refused with a line naming what it is.
public enum Sniff {
    static func check(_ b: [UInt8]) throws(ReadError) {
        if b.isEmpty { throw ReadError(.empty) }
        if b.allSatisfy({ $0 == 0 }) { throw ReadError(.corruptZip("bare nul-bytes / only zero bytes")) }
        if starts(b, [0x50, 0x4B, 0x03, 0x04]) || starts(b, [0x50, 0x4B, 0x05, 0x06]) || starts(b, [0x50, 0x4B, 0x07, 0x08]) {
            return
        }
        if starts(b, Array("%PDF".utf8)) { throw ReadError(.pdf) }
        if starts(b, Array("{\\rtf".utf8)) { throw ReadError(.rtf) }
        if starts(b, CompoundFile.signature) { throw ReadError(ole2Kind(b)) }
        // XML in one file: Word 2003 XML (w:wordDocument) or Flat OPC (pkg:package).
        let head = String(decoding: b.prefix(4096), as: UTF8.self)
        if head.contains("<?xml") || head.hasPrefix("<") || head.hasPrefix("\u{FEFF}<") {
            if head.contains("wordDocument") || head.contains("pkg:package") || head.contains("<?mso-application") {
                throw ReadError(.flatXML)
            }
        }
        // A zip whose local header was cut off but whose directory is intact still opens in libzip;
        // anything else without a signature is not a package.
        if containsEndOfCentralDirectory(b) { return }
        throw ReadError(.notZip)
    }

    private static func starts(_ b: [UInt8], _ sig: [UInt8]) -> Bool {
        b.count >= sig.count && b[0..<sig.count].elementsEqual(sig)
    }

    private static func containsEndOfCentralDirectory(_ b: [UInt8]) -> Bool {
        let tail = b.suffix(65_557)
        let sig: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        var i = tail.endIndex - 4
        while i >= tail.startIndex {
            if tail[i] == sig[0] && tail[i + 1] == sig[1] && tail[i + 2] == sig[2] && tail[i + 3] == sig[3] { return true }
            i -= 1
        }
        return false
    }

    /// An OLE2 compound file: told apart by the names of the streams in its directory.
    static func ole2Kind(_ b: [UInt8]) -> ReadError.Reason {
        guard let file = CompoundFile(b) else { return .damagedOLE2 }
        let names = Set(file.streamNames)
        if names.contains("EncryptedPackage") || names.contains("EncryptionInfo") { return .encrypted }
        if names.contains("WordDocument") { return wordIsEncrypted(file) ? .encrypted : .legacyWord }
        if names.contains("Workbook") || names.contains("Book") { return .otherOLE2("Excel 97-2003 .xls") }
        if names.contains("PowerPoint Document") { return .otherOLE2("PowerPoint 97-2003 .ppt") }
        return .otherOLE2("OLE2")
    }

    /// A Word 97-2003 document saved with a password: its File Information Block (the start of
    /// the WordDocument stream) has fEncrypted set.
    static func wordIsEncrypted(_ file: CompoundFile) -> Bool {
        guard let fib = file.stream("WordDocument"), fib.count >= 12, fib[0] == 0xEC, fib[1] == 0xA5 else { return false }   // wIdent
        return fib[0x0B] & 0x01 != 0   // fEncrypted: bit 8 of the flags at 0x0A
    }

    static func search(_ hay: [UInt8], _ needle: [UInt8]) -> Bool { firstIndex(of: needle, in: hay) != nil }

    /// Where `needle` first occurs in `hay` at or after `from`.
    public static func firstIndex(of needle: [UInt8], in hay: [UInt8], from: Int = 0) -> Int? {
        guard let first = needle.first, from >= 0, hay.count >= needle.count else { return nil }
        return hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var i = from
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}
