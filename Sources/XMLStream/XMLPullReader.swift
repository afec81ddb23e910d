internal import CLibXML2
internal import CXMLErrorLine

import Glibc

/// Node kinds of a pull reader. Adjacent character data (text, CDATA, white space, character
/// and entity references) comes as one `.text` node; comments and processing instructions
/// are not reported.
public enum XMLNodeKind: Sendable, BitwiseCopyable {
    case element, endElement, text, whitespace, other
}

/// Pulls the nodes of one XML part, streaming from a byte source, with safe settings:
/// no DTD loading, no entity substitution, no network; a document type declaration is
/// refused (OPC, ECMA-376 Part 2, M1.18) the moment the parser meets it, before any of
/// its internal subset is read.
///
/// Underneath is libxml2's SAX2 push parser, not xmlTextReader, fed as xmlTextReader feeds
/// it: the part is inflated 4 KiB at a time and pushed 512 bytes at a time. Each push
/// becomes a batch of small events (names interned once per thread's parser session, see
/// `ParserSession`; text and attribute values copied into one byte buffer), which `read()`
/// then hands out. This spares the tree
/// xmlTextReader builds and frees for every node. The nodes are those xmlTextReader gives
/// (`<a/>` is one empty element, `<a></a>` a start and an end), bar the merging of adjacent
/// character data and the leaving out of comments and PIs; a push that ends in a refusal
/// hands out none of its nodes, as with xmlTextReader, so errors surface at the same nodes.
public final class XMLPullReader {
    /// The parser and the names it has interned, borrowed from this thread's pool for the
    /// part and given back at its end (`release()`).
    private let session: ParserSession
    private var ctxt: xmlParserCtxtPtr?
    private var released = false
    private let source: any XMLByteSource
    /// The source reported a failure (it knows which).
    private var sourceFailed = false
    private let maxDepth: Int
    /// Counts the attributes of the start tags in what is pushed, before libxml2 sees them.
    private var tagScan: TagScan
    private var firstError: (line: Int, message: String)?
    /// Met by a callback (a DOCTYPE, nesting past `maxDepth`).
    private var failure: XMLError?
    /// The parser has had the whole part (or was stopped).
    private var finished = false
    /// xmlParseChunk failed: the part is not well-formed (a fatal error; namespace errors are not).
    private var fatal = false
    /// The parser was stopped from a callback (a DOCTYPE, a limit): its context is not reused.
    private var stopped = false
    /// `finish()` is parsing the rest of the part: no events.
    @exclusivity(unchecked) private var draining = false

    // Input: inflated bytes, read from the stream `readSize` at a time, pushed `pushSize` at a time.
    private static let readSize = 4096
    private static let pushSize = 512
    private var input: UnsafeMutableRawPointer
    private var inputStart = 0
    private var inputEnd = 0
    private var endOfStream = false

    // The current batch of events.
    private struct Event: BitwiseCopyable {
        var kind: XMLNodeKind
        var isEmpty: Bool
        var depth: Int32
        /// Element: index into `names`. Text: unused.
        var name: Int32
        /// Element: range in `attrs`. Text: range in `bytes`.
        var start: Int32
        var count: Int32
    }
    private struct Attribute: BitwiseCopyable {
        var name: Int32
        var start: Int32
        var count: Int32
    }
    @exclusivity(unchecked) private var events = Buffer<Event>(capacity: 64)
    @exclusivity(unchecked) private var attrs = Buffer<Attribute>(capacity: 64)
    @exclusivity(unchecked) private var bytes = Buffer<UInt8>(capacity: 1024)
    @exclusivity(unchecked) private var next = 0
    @exclusivity(unchecked) private var cur = Event(kind: .other, isEmpty: false, depth: 0, name: -1, start: 0, count: 0)
    /// Open elements in the parser (ahead of what `read()` has handed out).
    @exclusivity(unchecked) private var parserDepth: Int32 = 0
    /// The last start tag was `<a/>`: its end event is not reported.
    @exclusivity(unchecked) private var emptyPending = false
    /// The names of the open elements (by parser depth), negative (~index) for those not reported.
    @exclusivity(unchecked) private var open = Buffer<Int32>(capacity: 64)
    /// Set by `reportOnly(_:)`: which names are reported (non-zero, by index in the session's names).
    @exclusivity(unchecked) private var filter: XMLNameTable?
    @exclusivity(unchecked) private var nameReported: [Int32] = []
    /// Set by `useTokens(_:)`: each name's token (by index in the session's names).
    @exclusivity(unchecked) private var tokens: XMLNameTable?
    @exclusivity(unchecked) private var nameToken: [Int32] = []
    /// Set by `useTokens(_:attributes:)`: attributes without a token are not kept.
    @exclusivity(unchecked) private var tokenAttributesOnly = false

    public var kind: XMLNodeKind { cur.kind }
    public var depth: Int { Int(cur.depth) }
    public var isEmptyElement: Bool { cur.isEmpty }

    private static let setUp: Void = {
        xmlInitParser()
        // Belt and braces: even if an option let an external entity through, no file or URL is read.
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    private nonisolated(unsafe) static let handler: UnsafeMutablePointer<xmlSAXHandler> = {
        var h = xmlSAXHandler()
        h.initialized = UInt32(XML_SAX2_MAGIC)
        h.startElementNs = { ctx, local, prefix, uri, _, _, nAttrs, _, attrs in
            guard let ctx else { return }
            Unmanaged<XMLPullReader>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.startElement(local, prefix, uri, Int(nAttrs), attrs)
            }
        }
        h.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<XMLPullReader>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.endElement() }
        }
        let text: charactersSAXFunc = { ctx, ch, len in
            guard let ctx, let ch, len > 0 else { return }
            Unmanaged<XMLPullReader>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.characters(ch, Int(len)) }
        }
        h.characters = text
        h.ignorableWhitespace = text
        h.cdataBlock = text
        h.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<XMLPullReader>.fromOpaque(ctx).takeUnretainedValue().doctype()
        }
        h.serror = { ctx, error in
            guard let ctx, let error else { return }
            Unmanaged<XMLPullReader>.fromOpaque(ctx).takeUnretainedValue().parserError(error)
        }
        let p = UnsafeMutablePointer<xmlSAXHandler>.allocate(capacity: 1)
        p.initialize(to: h)
        return p
    }()

    /// A part read whole to be pruned may be this large; a larger one is streamed as it is.
    public static let maxPrunedPartBytes = 8 << 20

    /// - Parameters:
    ///   - namespaces: which namespace URIs the caller names (the rest are `.other`).
    ///   - maxDepth: element nesting past this is refused (`XMLError.tooDeep`).
    ///   - maxAttributes: a start tag with more attributes is refused (`XMLError.tooManyAttributes`)
    ///     before it is parsed: libxml2 checks each attribute against those before it.
    ///   - pruning: elements (`prefix:local`, as the part writes them) whose content the
    ///     caller never reads: when given, the part is read whole (up to `maxPrunedPartBytes`;
    ///     the source must declare its size) and they are cut out before parsing (`XMLPrune`),
    ///     so neither libxml2 nor the caller spends time on them.
    public init(_ source: any XMLByteSource, namespaces: XMLNamespaces, maxDepth: Int = 256, maxAttributes: Int = 1_000,
                pruning: [String] = []) throws(XMLError) {
        _ = XMLPullReader.setUp
        maalplan_capture_generic_errors()
        self.source = source
        self.maxDepth = maxDepth
        tagScan = TagScan(maxAttributes: maxAttributes)
        session = ParserSessionPool.current.take(namespaces)
        if !pruning.isEmpty, let declared = source.declaredSize, declared <= Self.maxPrunedPartBytes {
            // The whole part (one byte more than declared, so that a part longer than it is refused).
            let capacity = max(declared + 1, Self.readSize + Self.pushSize)
            input = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
            var length = 0
            while true {
                let n = source.read(into: UnsafeMutableRawBufferPointer(start: input + length, count: capacity - length))
                if n < 0 || length + n == capacity { throw .sourceFailed }
                if n == 0 { break }
                length += n
            }
            inputEnd = XMLPrune.prune(input.assumingMemoryBound(to: UInt8.self), count: length, names: pruning)
            endOfStream = true
        } else {
            input = UnsafeMutableRawPointer.allocate(byteCount: Self.readSize + Self.pushSize, alignment: 16)
            // As xmlTextReader does: the first four bytes go with the context, for the encoding.
            while inputEnd < 4 {
                let n = source.read(into: UnsafeMutableRawBufferPointer(start: input + inputEnd, count: 4 - inputEnd))
                if n < 0 { throw .sourceFailed }
                if n == 0 { endOfStream = true; break }
                inputEnd += n
            }
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        let first = inputEnd >= 4 ? input.assumingMemoryBound(to: CChar.self) : nil
        if let reused = session.ctxt {
            // xmlCtxtResetPush keeps the context's dictionary, so the names interned stay valid.
            if xmlCtxtResetPush(reused, first, first == nil ? 0 : 4, nil, nil) != 0 {
                throw .notWellFormed("libxml2", line: nil)
            }
            reused.pointee.userData = me
            ctxt = reused
        } else {
            // No file name: libxml2 would canonicalise it as a URI for every part; errors name the part themselves.
            ctxt = xmlCreatePushParserCtxt(Self.handler, me, first, first == nil ? 0 : 4, nil)
            session.ctxt = ctxt
        }
        if first != nil {
            inputStart = 4
            if !tagScan.scan(input.assumingMemoryBound(to: UInt8.self), 4) { throw .tooManyAttributes(maxAttributes) }
        }
        guard let ctxt else { throw .notWellFormed("libxml2", line: nil) }
        xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOWARNING.rawValue))
    }

    deinit {
        release()
        input.deallocate()
    }

    /// Gives the session back to this thread's pool once the part is read to its end without
    /// a refusal; else (an error, a reader left half-way) its context is freed with it.
    private func release() {
        guard !released else { return }
        released = true
        ctxt = nil
        if let t = tokens { session.remember(t, nameToken) }
        if let f = filter { session.remember(f, nameReported) }
        let clean = finished && !fatal && !stopped && failure == nil && !sourceFailed && firstError == nil
        ParserSessionPool.current.give(session, reuse: clean)
    }

    // MARK: Callbacks (from inside xmlParseChunk)

    private func stop() {
        finished = true
        stopped = true
        if let ctxt { xmlStopParser(ctxt) }
    }

    private func tooLarge() {
        failure = .tooLarge
        stop()
    }

    private func doctype() {
        if failure == nil { failure = .doctype }
        stop()
    }

    private func parserError(_ error: UnsafePointer<xmlError>) {
        guard firstError == nil else { return }
        var msg = error.pointee.message.map { String(cString: $0) } ?? "?"
        while msg.last?.isWhitespace == true { msg.removeLast() }
        firstError = (Int(error.pointee.line), msg)
    }

    private func startElement(_ local: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                              _ nAttrs: Int, _ a: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard failure == nil, !draining, let local else { return }
        let depth = parserDepth
        if depth > maxDepth {
            failure = .tooDeep(maxDepth)
            stop()
            return
        }
        parserDepth += 1
        // As xmlTextReader tells `<a/>` from `<a></a>`: the parser stands on the "/>".
        var empty = false
        if let input = ctxt?.pointee.input, let c = input.pointee.cur, c[0] == UInt8(ascii: "/"), c[1] == UInt8(ascii: ">") {
            empty = true
        }
        emptyPending = empty
        let name = intern(local, prefix, uri)
        let reported = filter == nil || nameReported[Int(name)] != 0
        open.set(Int(depth), reported ? name : ~name)
        if !reported { return }
        // Offsets in a batch are Int32: a batch past 2 GiB (only with limits far above the defaults) is refused.
        if bytes.count > Int(Int32.max) / 2 || attrs.count + nAttrs > Int(Int32.max) / 2 { tooLarge(); return }
        let attrStart = Int32(attrs.count)
        if nAttrs > 0, let a {
            for i in 0..<nAttrs {
                guard let an = a[5 * i], let v = a[5 * i + 3], let e = a[5 * i + 4] else { continue }
                let attrName = intern(an, a[5 * i + 1], a[5 * i + 2])
                if tokenAttributesOnly && tokens != nil && nameToken[Int(attrName)] == 0 { continue }
                let start = Int32(bytes.count)
                appendAttributeValue(v, e - v)
                attrs.append(Attribute(name: attrName, start: start, count: Int32(bytes.count) - start))
            }
        }
        events.append(Event(kind: .element, isEmpty: empty, depth: depth, name: name,
                            start: attrStart, count: Int32(attrs.count) - attrStart))
    }

    /// An attribute value as the parser gives it to SAX2 without entity substitution: every
    /// `&` it decoded comes as "&#38;" (libxml2's SAX2 tree builder turns it back, and so do we).
    private func appendAttributeValue(_ v: UnsafePointer<xmlChar>, _ n: Int) {
        let buf = UnsafeBufferPointer(start: v, count: n)
        guard memchr(v, Int32(UInt8(ascii: "&")), n) != nil else { bytes.append(v, n); return }
        var i = 0
        while i < n {
            if buf[i] == UInt8(ascii: "&"), i + 4 < n, buf[i + 1] == UInt8(ascii: "#"), buf[i + 2] == UInt8(ascii: "3"),
               buf[i + 3] == UInt8(ascii: "8"), buf[i + 4] == UInt8(ascii: ";") {
                bytes.append(UInt8(ascii: "&"))
                i += 5
            } else {
                bytes.append(buf[i])
                i += 1
            }
        }
    }

    private func endElement() {
        guard failure == nil, !draining else { return }
        parserDepth -= 1
        if emptyPending { emptyPending = false; return }
        let name = open[Int(parserDepth)]
        if name < 0 { return }
        events.append(Event(kind: .endElement, isEmpty: false, depth: parserDepth, name: name, start: 0, count: 0))
    }

    private func characters(_ ch: UnsafePointer<xmlChar>, _ n: Int) {
        guard failure == nil, !draining, filter == nil else { return }
        if bytes.count + n > Int(Int32.max) / 2 { tooLarge(); return }
        emptyPending = false
        let start = Int32(bytes.count)
        bytes.append(ch, n)
        let last = events.count - 1
        if last >= next, events[last].kind == .text, events[last].start + events[last].count == start {
            events.base[last].count += Int32(n)
        } else {
            events.append(Event(kind: .text, isEmpty: false, depth: parserDepth, name: -1, start: start, count: Int32(n)))
        }
    }

    /// The index of a name in the session's `names`, interning it on first sight. A prefix
    /// bound to no namespace (a namespace error, reported) stays part of the local name, "w:p",
    /// as in libxml2's tree and so xmlTextReader.
    @inline(__always)
    private func intern(_ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) -> Int32 {
        let l = UInt(bitPattern: local), u = UInt(bitPattern: uri)
        if u != 0 || prefix == nil, let i = session.find(l, u) { return i }
        return internNew(local, prefix, uri)
    }

    private func internNew(_ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) -> Int32 {
        var local = local
        if uri == nil, let prefix, let dict = ctxt?.pointee.dict, let full = xmlDictQLookup(dict, prefix, local) { local = full }
        let l = UInt(bitPattern: local), u = UInt(bitPattern: uri)
        if let i = session.find(l, u) { return i }
        let q = QName(session.namespace(uri), String(cString: local))
        let index = session.add(l, u, q)
        // Names are added by one reader at a time: the tables in use here grow with them.
        if let t = tokens { nameToken.append(t.map[q] ?? 0) }
        if let f = filter { nameReported.append(f.map[q] ?? 0) }
        return index
    }

    // MARK: Reading

    /// An XML error as a refusal.
    private func xmlError(_ e: (line: Int, message: String)) -> XMLError {
        // libxml2's own depth limit (256 without XML_PARSE_HUGE) can strike before `maxDepth`: the same refusal.
        if e.message.hasPrefix("Excessive depth in document") { return .tooDeep(min(maxDepth, 256)) }
        return .notWellFormed(e.message, line: e.line)
    }

    /// Pushes the next piece of the part into the parser. False when there is nothing more to push.
    private func push() -> Bool {
        guard !finished, failure == nil, let ctxt else { return false }
        if inputEnd - inputStart < Self.pushSize && !endOfStream {
            if inputStart > 0 {
                (input + 0).copyMemory(from: input + inputStart, byteCount: inputEnd - inputStart)
                inputEnd -= inputStart
                inputStart = 0
            }
            let n = source.read(into: UnsafeMutableRawBufferPointer(start: input + inputEnd, count: Self.readSize))
            if n < 0 { sourceFailed = true; finished = true; return false }
            if n == 0 { endOfStream = true } else { inputEnd += n }
        }
        let size = min(inputEnd - inputStart, Self.pushSize)
        let last = endOfStream && size == inputEnd - inputStart
        if !tagScan.scan((input + inputStart).assumingMemoryBound(to: UInt8.self), size) {
            failure = .tooManyAttributes(tagScan.maxAttributes)
            finished = true
            return true
        }
        let rc = xmlParseChunk(ctxt, (input + inputStart).assumingMemoryBound(to: CChar.self), Int32(size), last ? 1 : 0)
        inputStart += size
        if rc != 0 { fatal = true; finished = true }
        if last { finished = true }
        return true
    }

    /// Whatever stops the reading of this part, in the order xmlTextReader reported it:
    /// damage or a limit in the zip stream, then a refusal met by the parser.
    private func pendingError(nonFatal: Bool) -> XMLError? {
        if sourceFailed { return .sourceFailed }
        if let e = failure { return e }
        if fatal || nonFatal, let e = firstError { return xmlError(e) }
        if fatal {
            // Said only through libxml2's generic error function (an encoding it cannot convert).
            var said = String(cString: maalplan_generic_error_line())
            while said.last == " " { said.removeLast() }
            return .notWellFormed(said.isEmpty ? "ukendt fejl / unknown error" : said, line: Int(ctxt?.pointee.input?.pointee.line ?? 0))
        }
        return nil
    }

    /// Moves to the next node; false at the end of the document.
    public func read() throws(XMLError) -> Bool {
        if next >= events.count {
            events.removeAll()
            attrs.removeAll()
            bytes.removeAll()
            next = 0
            while events.count == 0 && push() {
                // A push that ends in a refusal hands out none of its nodes.
                if fatal || failure != nil || sourceFailed { events.removeAll() }
            }
            if events.count == 0 {
                // Errors the parser could go on from (namespace errors) refuse the part at its end.
                if let e = pendingError(nonFatal: true) { throw e }
                cur = Event(kind: .other, isEmpty: false, depth: 0, name: -1, start: 0, count: 0)
                release()
                return false
            }
        }
        cur = events[next]
        next += 1
        return true
    }

    /// For a reader that stops before the end of the part: parses the rest of it, so that a
    /// fatal XML error or damage in the zip stream anywhere in the part (its CRC is checked at
    /// the end) refuses it, however early the reading stopped.
    public func finish() throws(XMLError) {
        draining = true
        events.removeAll()
        next = 0
        while push() {}
        if let e = pendingError(nonFatal: false) { throw e }
        release()
    }

    /// Skips the current element's subtree; the reader then stands on the next node.
    /// Returns false at the end of the document.
    public func skipSubtree() throws(XMLError) -> Bool {
        if cur.kind == .element && !cur.isEmpty {
            let d = cur.depth
            while try read() {
                if cur.kind == .endElement && cur.depth == d { break }
            }
        }
        return try read()
    }

    /// The current node's name (element start or end; empty for other nodes).
    public var name: QName {
        cur.name >= 0 ? session.names[Int(cur.name)] : QName(.none, "")
    }

    /// The current node's namespace.
    public var namespace: XMLNamespace {
        cur.name >= 0 ? session.names[Int(cur.name)].ns : .none
    }

    /// Names as small integers, for a reader that switches on many: `token` (and
    /// `attribute(token:)`) give a name's token in `tokens` (made once with `tokenTable`),
    /// 0 for names not in it. With `attributesOnly`, attributes without a token are not
    /// kept (`attribute(_:_:)` does not find them). Call before the first `read()`.
    public func useTokens(_ tokens: XMLNameTable, attributesOnly: Bool = false) {
        self.tokens = tokens
        tokenAttributesOnly = attributesOnly
        nameToken = session.values(of: tokens)
    }

    /// Tokens for `useTokens(_:)`: each name's position in `list` (so `list[0]`, token 0, is best a placeholder).
    public static func tokenTable(_ list: [QName]) -> XMLNameTable {
        XMLNameTable(tokens: list)
    }

    /// The current element's token (start or end; see `useTokens(_:)`), 0 for other nodes.
    public var token: Int {
        cur.name >= 0 && tokens != nil ? Int(nameToken[Int(cur.name)]) : 0
    }

    /// An attribute of the current element, by token (see `useTokens(_:)`).
    public func attribute(token t: Int) -> String? {
        guard cur.kind == .element, tokens != nil else { return nil }
        for i in Int(cur.start)..<Int(cur.start + cur.count) {
            let a = attrs[i]
            if Int(nameToken[Int(a.name)]) == t { return string(a.start, a.count) }
        }
        return nil
    }

    /// Reports only the elements with these names (their starts and ends, at their true
    /// depths) and no text: for a reader that looks for a few elements in a large part
    /// (styles.xml), so that the rest costs no events. Call before the first `read()`.
    public func reportOnly(_ names: XMLNameTable) {
        filter = names
        nameReported = session.values(of: names)
    }

    /// The current text node's value.
    public var value: String {
        cur.kind == .text ? string(cur.start, cur.count) : ""
    }

    private func string(_ start: Int32, _ count: Int32) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes.base + Int(start), count: Int(count)), as: UTF8.self)
    }

    /// An attribute of the current element, by namespace and local name.
    public func attribute(_ ns: XMLNamespace, _ local: String) -> String? {
        guard cur.kind == .element else { return nil }
        for i in Int(cur.start)..<Int(cur.start + cur.count) {
            let a = attrs[i]
            let q = session.names[Int(a.name)]
            if q.ns == ns && q.local == local { return string(a.start, a.count) }
        }
        return nil
    }

    /// All attributes of the current element (namespace declarations are not attributes here).
    public func attributes() -> [(QName, String)] {
        guard cur.kind == .element else { return [] }
        return (Int(cur.start)..<Int(cur.start + cur.count)).map { i in
            let a = attrs[i]
            return (session.names[Int(a.name)], string(a.start, a.count))
        }
    }

    /// The text content of the current element (all descendant text), leaving the reader on its end.
    public func elementText() throws(XMLError) -> String {
        var s: [UInt8] = []
        try appendElementText(to: &s)
        return String(decoding: s, as: UTF8.self)
    }

    /// Appends the current element's text content (UTF-8) to `buffer`, leaving the reader on its end.
    public func appendElementText(to buffer: inout [UInt8]) throws(XMLError) {
        if cur.isEmpty || cur.kind != .element { return }
        let start = cur.depth
        while try read() {
            if cur.kind == .endElement && cur.depth == start { break }
            if cur.kind == .text {
                buffer.append(contentsOf: UnsafeBufferPointer(start: bytes.base + Int(cur.start), count: Int(cur.count)))
            }
        }
    }
}

/// A growable buffer of plain values for the event batches: no copy-on-write, no uniqueness
/// or bounds checks (the reader makes every index it reads).
struct Buffer<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    deinit { base.deallocate() }

    @inline(__always)
    mutating func append(_ x: Element) {
        if count == capacity { grow(count + 1) }
        (base + count).initialize(to: x)
        count += 1
    }

    @inline(__always)
    mutating func append(_ p: UnsafePointer<Element>, _ n: Int) {
        if count + n > capacity { grow(count + n) }
        (base + count).initialize(from: p, count: n)
        count += n
    }

    private mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let b = UnsafeMutablePointer<Element>.allocate(capacity: c)
        b.moveInitialize(from: base, count: count)
        base.deallocate()
        base = b
        capacity = c
    }

    mutating func removeAll() { count = 0 }

    /// Sets element `i`, appending when `i == count` (a stack indexed by depth).
    @inline(__always)
    mutating func set(_ i: Int, _ x: Element) {
        if i < count { base[i] = x } else { append(x) }
    }

    subscript(i: Int) -> Element { base[i] }
}

/// Counts the attribute values (quoted strings) of each start tag in XML text pushed piece by
/// piece, so that a tag with too many is refused before libxml2 parses it. Text outside tags
/// and inside quotes is passed over with memchr.
struct TagScan {
    let maxAttributes: Int
    private var inTag = false
    private var quote: UInt8 = 0
    private var attributes = 0

    init(maxAttributes: Int) { self.maxAttributes = maxAttributes }

    /// False when a tag has more than `maxAttributes` attributes.
    mutating func scan(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            if quote != 0 {
                guard let q = memchr(p + i, Int32(quote), n - i) else { return true }
                i = p.distance(to: q.assumingMemoryBound(to: UInt8.self)) + 1
                quote = 0
            } else if !inTag {
                guard let lt = memchr(p + i, 0x3C, n - i) else { return true }   // <
                let k = p.distance(to: lt.assumingMemoryBound(to: UInt8.self))
                // No attribute value holds a "<", and each attribute takes five bytes at least
                // (` a=""`): a tag that the next "<" follows within 5 × maxAttributes bytes has
                // too few of them to count. Only a longer one is read byte by byte.
                let reach = min(n - k - 1, 5 * maxAttributes)
                if reach > 0, let next = memchr(p + k + 1, 0x3C, reach) {
                    i = p.distance(to: next.assumingMemoryBound(to: UInt8.self))
                    continue
                }
                i = k + 1
                inTag = true
                attributes = 0
            } else {
                let c = p[i]
                if c == 0x22 || c == 0x27 {   // " '
                    quote = c
                    attributes += 1
                    if attributes > maxAttributes { return false }
                } else if c == 0x3E {         // >
                    inTag = false
                }
                i += 1
            }
        }
        return true
    }
}
