/// An OLE2 compound file (MS-CFB), the container of Word 97-2003's .doc and .dot, read far enough
/// to give a stream's bytes by name: the header, the sector allocation table (FAT, and the mini
/// FAT for streams under 4 KiB), the directory. Every chain is followed at most once per sector,
/// so a damaged or hostile file ends the reading (nil) instead of looping.
public struct CompoundFile {
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    private static let endOfChain: UInt32 = 0xFFFF_FFFE

    private let bytes: [UInt8]
    private let sectorSize: Int
    private let miniSectorSize: Int
    private let miniCutoff: Int
    private var fat: [UInt32] = []
    private var miniFat: [UInt32] = []
    private var miniStream: [UInt8] = []
    private var entries: [(name: String, type: UInt8, start: UInt32, size: Int)] = []

    public init?(_ bytes: [UInt8]) {
        guard bytes.count >= 512, bytes[0..<8].elementsEqual(Self.signature) else { return nil }
        self.bytes = bytes
        let shift = Int(Self.u16(bytes, 0x1E)), miniShift = Int(Self.u16(bytes, 0x20))
        guard shift == 9 || shift == 12, miniShift == 6 else { return nil }
        sectorSize = 1 << shift
        miniSectorSize = 1 << miniShift
        miniCutoff = Int(Self.u32(bytes, 0x38))
        // The FAT's sectors: 109 named in the header, the rest in a chain of DIFAT sectors.
        var fatSectors = (0..<109).map { Self.u32(bytes, 0x4C + 4 * $0) }
        var difat = Self.u32(bytes, 0x44), seen = Set<UInt32>()
        while difat < Self.endOfChain - 3, seen.insert(difat).inserted, let s = sector(difat) {
            let n = sectorSize / 4 - 1
            fatSectors += (0..<n).map { Self.u32(bytes, s + 4 * $0) }
            difat = Self.u32(bytes, s + 4 * n)
        }
        // The FAT's sectors, each once and no more of them than the file has: the FAT is never
        // larger than the file (a FAT sector named twice is damage, not more table).
        let fatCount = Int(Self.u32(bytes, 0x2C)), sectorsInFile = bytes.count / sectorSize - 1
        guard fatCount <= sectorsInFile else { return nil }
        var fatSeen = Set<UInt32>()
        for f in fatSectors.prefix(fatCount) {
            guard fatSeen.insert(f).inserted, let s = sector(f) else { return nil }
            fat += (0..<sectorSize / 4).map { Self.u32(bytes, s + 4 * $0) }
        }
        guard let directory = chain(Self.u32(bytes, 0x30)) else { return nil }
        for e in stride(from: 0, to: directory.count - 127, by: 128) {
            let length = min(Int(Self.u16(directory, e + 0x40)), 64)
            let units = stride(from: e, to: e + max(length - 2, 0), by: 2).map { Self.u16(directory, $0) }
            entries.append((String(decoding: units, as: UTF16.self), directory[e + 0x42], Self.u32(directory, e + 0x74),
                            Int(Self.u32(directory, e + 0x78))))
        }
        if let root = entries.first, root.type == 5 {
            miniStream = chain(root.start).map { Array($0.prefix(root.size)) } ?? []
            miniFat = chain(Self.u32(bytes, 0x3C)).map { m in (0..<m.count / 4).map { Self.u32(m, 4 * $0) } } ?? []
        }
    }

    /// The names of the streams in the file.
    public var streamNames: [String] { entries.filter { $0.type == 2 }.map(\.name) }

    /// A stream's bytes by its name, or nil when there is none or its chain is broken.
    public func stream(_ name: String) -> [UInt8]? {
        guard let e = entries.first(where: { $0.type == 2 && $0.name == name }) else { return nil }
        if e.size < miniCutoff {
            var out: [UInt8] = [], at = e.start, seen = Set<UInt32>()
            while at < Self.endOfChain - 3, Int(at) < miniFat.count, seen.insert(at).inserted, out.count < e.size {
                let o = Int(at) * miniSectorSize
                guard o + miniSectorSize <= miniStream.count else { return nil }
                out += miniStream[o..<o + miniSectorSize]
                at = miniFat[Int(at)]
            }
            return out.count >= e.size ? Array(out.prefix(e.size)) : nil
        }
        guard let all = chain(e.start), all.count >= e.size else { return nil }
        return Array(all.prefix(e.size))
    }

    private func sector(_ n: UInt32) -> Int? {
        let o = (Int(n) + 1) * sectorSize
        return n < Self.endOfChain - 3 && o + sectorSize <= bytes.count ? o : nil
    }

    /// The sectors of a chain in the FAT, joined; nil when it leaves the file or comes round again.
    private func chain(_ start: UInt32) -> [UInt8]? {
        var out: [UInt8] = [], at = start, seen = Set<UInt32>()
        while at != Self.endOfChain {
            guard Int(at) < fat.count, seen.insert(at).inserted, let o = sector(at) else { return nil }
            out += bytes[o..<o + sectorSize]
            at = fat[Int(at)]
        }
        return out
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { i + 2 <= b.count ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : 0 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        i + 4 <= b.count ? UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24 : 0
    }
}
