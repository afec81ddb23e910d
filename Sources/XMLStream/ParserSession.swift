internal import CLibXML2

/// A libxml2 push parser context and the names interned from its dictionary: libxml2 hands
/// out local names and namespace URIs from that dictionary, so a (local, URI) pointer pair
/// stands for one name as long as the dictionary lives. `xmlCtxtResetPush` keeps it, so a
/// session serves part after part (7 or 8 in a plan, thousands in an import) without making
/// a context, nor interning a name or classifying a namespace URI, more than once.
/// A session classifies namespace URIs with one `XMLNamespaces` table, so the names it interns
/// carry their namespace. Used by one reader at a time, on one thread (`ParserSessionPool`).
final class ParserSession {
    let namespaces: XMLNamespaces
    var ctxt: xmlParserCtxtPtr?
    @exclusivity(unchecked) private(set) var names: [QName] = []
    /// Open addressing over (local, URI) pointer pairs; a slot with `local == 0` is free.
    private struct Slot: BitwiseCopyable { var local: UInt; var uri: UInt; var index: Int32 }
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Slot>
    @exclusivity(unchecked) private var slotBits = 8
    private var nsByURI: [UInt: XMLNamespace] = [:]
    /// What readers learnt of each name table: its value for each name (by index in `names`).
    private var tables: [ObjectIdentifier: (table: XMLNameTable, values: [Int32])] = [:]

    /// Past this many names (a part with very many distinct names) a session is not kept.
    static let maxNames = 20_000

    init(_ namespaces: XMLNamespaces) {
        self.namespaces = namespaces
        slots = .allocate(capacity: 1 << slotBits)
        slots.initialize(repeating: Slot(local: 0, uri: 0, index: 0), count: 1 << slotBits)
    }

    deinit {
        if let ctxt { xmlFreeParserCtxt(ctxt) }
        slots.deallocate()
    }

    /// Small enough to be kept for the next part.
    var reusable: Bool {
        guard let ctxt, names.count <= Self.maxNames else { return false }
        if let dict = ctxt.pointee.dict, xmlDictSize(dict) > Self.maxNames { return false }
        return true
    }

    @inline(__always)
    private static func slot(_ l: UInt, _ u: UInt, _ bits: Int) -> Int {
        Int(truncatingIfNeeded: ((l &* 0x9E37_79B9_7F4A_7C15) ^ (u &* 0xC2B2_AE3D_27D4_EB4F)) >> UInt(64 - bits))
    }

    @inline(__always)
    func find(_ l: UInt, _ u: UInt) -> Int32? {
        let mask = (1 << slotBits) - 1
        var h = Self.slot(l, u, slotBits)
        while true {
            let s = slots[h]
            if s.local == l && s.uri == u { return s.index }
            if s.local == 0 { return nil }
            h = (h + 1) & mask
        }
    }

    /// Adds a name not yet found (`find` gave nil) and returns its index.
    func add(_ l: UInt, _ u: UInt, _ q: QName) -> Int32 {
        let index = Int32(names.count)
        names.append(q)
        let mask = (1 << slotBits) - 1
        var h = Self.slot(l, u, slotBits)
        while slots[h].local != 0 { h = (h + 1) & mask }
        slots[h] = Slot(local: l, uri: u, index: index)
        if names.count * 2 > (1 << slotBits) { rehash() }
        return index
    }

    private func rehash() {
        let old = slots, oldCount = 1 << slotBits
        slotBits += 1
        let count = 1 << slotBits, mask = count - 1
        slots = .allocate(capacity: count)
        slots.initialize(repeating: Slot(local: 0, uri: 0, index: 0), count: count)
        for i in 0..<oldCount where old[i].local != 0 {
            var h = Self.slot(old[i].local, old[i].uri, slotBits)
            while slots[h].local != 0 { h = (h + 1) & mask }
            slots[h] = old[i]
        }
        old.deallocate()
    }

    func namespace(_ uri: UnsafePointer<xmlChar>?) -> XMLNamespace {
        guard let uri else { return .none }
        let key = UInt(bitPattern: uri)
        if let ns = nsByURI[key] { return ns }
        let ns = namespaces.classify(String(cString: uri))
        nsByURI[key] = ns
        return ns
    }

    /// A table's value for every name interned so far (0 where it has none).
    func values(of table: XMLNameTable) -> [Int32] {
        var v = tables[ObjectIdentifier(table)]?.values ?? []
        if v.count < names.count {
            v.reserveCapacity(names.count)
            for i in v.count..<names.count { v.append(table.map[names[i]] ?? 0) }
        }
        return v
    }

    /// Keeps what a reader learnt of a table (it holds the table, so its identifier stays its own).
    func remember(_ table: XMLNameTable, _ values: [Int32]) {
        let id = ObjectIdentifier(table)
        if values.count > tables[id]?.values.count ?? -1 { tables[id] = (table, values) }
    }
}

/// Each thread's parser sessions not in use. A reader takes one for its namespace table (or a
/// new one) and gives it back at the end of its part; a reader that starts while another is
/// open takes a second. Per thread and hidden: a session changes no result, only how often
/// libxml2 makes a context and interns a name.
final class ParserSessionPool {
    private var free: [ParserSession] = []
    private static let keep = 4

    private static let perThread = ThreadLocal { ParserSessionPool() }
    static var current: ParserSessionPool { perThread.value }

    func take(_ namespaces: XMLNamespaces) -> ParserSession {
        if let i = free.lastIndex(where: { $0.namespaces === namespaces }) { return free.remove(at: i) }
        return ParserSession(namespaces)
    }

    /// Keeps the session for the next part when it ended cleanly and is small enough; else it goes.
    func give(_ s: ParserSession, reuse: Bool) {
        if reuse && s.reusable && free.count < Self.keep { free.append(s) }
    }
}
