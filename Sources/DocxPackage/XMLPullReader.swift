internal import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The XML namespaces the reader cares about. Transitional and Strict
/// (ISO/IEC 29500 `http://purl.oclc.org/ooxml/...`) URIs map to the same case.
public enum XMLNamespace: UInt8, Sendable {
    case none, w, r, wp, a, pic, mc, v, o, w10, wps, wpg, wpc, w14, m, dc, dcterms, cp, relationships, contentTypes, xml, other

    static func classify(_ uri: String) -> XMLNamespace {
        switch uri {
        case "": return .none
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
             "http://purl.oclc.org/ooxml/wordprocessingml/main": return .w
        case "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             "http://purl.oclc.org/ooxml/officeDocument/relationships": return .r
        case "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
             "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": return .wp
        case "http://schemas.openxmlformats.org/drawingml/2006/main",
             "http://purl.oclc.org/ooxml/drawingml/main": return .a
        case "http://schemas.openxmlformats.org/drawingml/2006/picture",
             "http://purl.oclc.org/ooxml/drawingml/picture": return .pic
        case "http://schemas.openxmlformats.org/markup-compatibility/2006": return .mc
        case "urn:schemas-microsoft-com:vml": return .v
        case "urn:schemas-microsoft-com:office:office": return .o
        case "urn:schemas-microsoft-com:office:word": return .w10
        case "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": return .wps
        case "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup": return .wpg
        case "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas": return .wpc
        case "http://schemas.microsoft.com/office/word/2010/wordml": return .w14
        case "http://schemas.openxmlformats.org/officeDocument/2006/math",
             "http://purl.oclc.org/ooxml/officeDocument/math": return .m
        case "http://purl.org/dc/elements/1.1/": return .dc
        case "http://purl.org/dc/terms/": return .dcterms
        case "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": return .cp
        case "http://schemas.openxmlformats.org/package/2006/relationships": return .relationships
        case "http://schemas.openxmlformats.org/package/2006/content-types": return .contentTypes
        case "http://www.w3.org/XML/1998/namespace": return .xml
        default: return .other
        }
    }
}

/// An element or attribute name: namespace and local name.
public struct QName: Hashable, Sendable {
    public var ns: XMLNamespace
    public var local: String
    public init(_ ns: XMLNamespace, _ local: String) { self.ns = ns; self.local = local }
}

/// Node kinds of a pull reader, as libxml2's xmlTextReader reports them.
public enum XMLNodeKind: Sendable {
    case element, endElement, text, whitespace, other
}

/// Pulls the nodes of one XML part, streaming from a `PartStream`, with safe settings:
/// no DTD loading, no entity substitution, no network; a document type
/// declaration is refused (OPC, ECMA-376 Part 2, M1.18).
public final class XMLPullReader {
    private var reader: xmlTextReaderPtr?
    private let source: PartStream
    private let partName: String
    private let maxDepth: Int
    private var firstError: (line: Int, message: String)?
    /// Names are interned in the reader's dictionary: cache them by pointer.
    private struct NameKey: Hashable { let local: UnsafeRawPointer; let ns: UnsafeRawPointer? }
    private var nameCache: [NameKey: QName] = [:]
    private var nsCache: [UnsafeRawPointer: XMLNamespace] = [:]

    public private(set) var kind: XMLNodeKind = .other
    public private(set) var depth: Int = 0
    public private(set) var isEmptyElement = false

    private static let setUp: Void = {
        xmlInitParser()
        // Belt and braces: even if an option let an external entity through, no file or URL is read.
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    public init(_ source: PartStream, maxDepth: Int = ReadLimits.default.maxElementDepth) throws(ReadError) {
        _ = XMLPullReader.setUp
        self.source = source
        self.partName = source.name
        self.maxDepth = maxDepth
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOWARNING.rawValue)
        let ctx = Unmanaged.passUnretained(source).toOpaque()
        reader = xmlReaderForIO({ ctx, buffer, len in
            guard let ctx, let buffer else { return -1 }
            let stream = Unmanaged<PartStream>.fromOpaque(ctx).takeUnretainedValue()
            return Int32(stream.read(into: UnsafeMutableRawPointer(buffer), count: Int(len)))
        }, { _ in 0 }, ctx, partName, nil, options)
        guard let reader else { throw ReadError(.notWellFormed("libxml2"), part: partName) }
        let selfCtx = Unmanaged.passUnretained(self).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { ctx, error in
            guard let ctx, let error else { return }
            let me = Unmanaged<XMLPullReader>.fromOpaque(ctx).takeUnretainedValue()
            guard me.firstError == nil else { return }
            var msg = error.pointee.message.map { String(cString: $0) } ?? "?"
            while msg.last?.isWhitespace == true { msg.removeLast() }
            me.firstError = (Int(error.pointee.line), msg)
        }, selfCtx)
    }

    deinit {
        if let reader { xmlFreeTextReader(reader) }
        if let keptDoc { xmlFreeDoc(keptDoc) }
    }

    /// The parser's document, taken over on an error to look for a DOCTYPE (the reader then leaves it to us).
    private var keptDoc: xmlDocPtr?

    /// An XML error as a refusal. libxml2 parses an internal subset before it reports the
    /// DOCTYPE node, so an entity loop or expansion (billion laughs) fails first: a failing
    /// part that declared a DOCTYPE is refused for its DTD, like one that parsed.
    private func xmlError(_ e: (line: Int, message: String)) -> ReadError {
        if keptDoc == nil, let reader { keptDoc = xmlTextReaderCurrentDoc(reader) }
        if keptDoc?.pointee.intSubset != nil { return ReadError(.dtd, part: partName) }
        // libxml2 parses ahead of the nodes it hands out, so its own depth limit (256 without
        // XML_PARSE_HUGE) can strike before `maxDepth` is seen: the same refusal.
        if e.message.hasPrefix("Excessive depth in document") { return ReadError(.tooDeep(min(maxDepth, 256)), part: partName) }
        return ReadError(.notWellFormed(e.message), part: partName, line: e.line)
    }

    /// Moves to the next node; false at the end of the document.
    public func read() throws(ReadError) -> Bool {
        let r = xmlTextReaderRead(reader)
        if r == 1 {
            let t = xmlTextReaderNodeType(reader)
            depth = Int(xmlTextReaderDepth(reader))
            switch t {
            case 1:
                kind = .element
                isEmptyElement = xmlTextReaderIsEmptyElement(reader) == 1
                if depth > maxDepth { throw ReadError(.tooDeep(maxDepth), part: partName) }
            case 15: kind = .endElement; isEmptyElement = false
            case 3, 4: kind = .text; isEmptyElement = false
            case 13, 14: kind = .whitespace; isEmptyElement = false
            case 10: throw ReadError(.dtd, part: partName)
            default: kind = .other; isEmptyElement = false
            }
            return true
        }
        try checkStream()
        if r == 0 {
            if let e = firstError { throw xmlError(e) }
            return false
        }
        throw error()
    }

    private func checkStream() throws(ReadError) {
        if let e = source.failure { throw e }
    }

    private func error() -> ReadError {
        if let e = source.failure { return e }
        if let e = firstError { return xmlError(e) }
        return ReadError(.notWellFormed("ukendt fejl / unknown error"), part: partName,
                         line: Int(xmlTextReaderGetParserLineNumber(reader)))
    }

    /// Skips the current element's subtree; the reader then stands on the next node.
    /// Returns false at the end of the document.
    public func skipSubtree() throws(ReadError) -> Bool {
        // xmlTextReaderNext moves to the next sibling, past the subtree.
        let r = xmlTextReaderNext(reader)
        if r == 1 {
            let t = xmlTextReaderNodeType(reader)
            depth = Int(xmlTextReaderDepth(reader))
            switch t {
            case 1: kind = .element; isEmptyElement = xmlTextReaderIsEmptyElement(reader) == 1
            case 15: kind = .endElement; isEmptyElement = false
            case 3, 4: kind = .text; isEmptyElement = false
            case 13, 14: kind = .whitespace; isEmptyElement = false
            case 10: throw ReadError(.dtd, part: partName)
            default: kind = .other; isEmptyElement = false
            }
            return true
        }
        try checkStream()
        if r == 0 {
            if let e = firstError { throw xmlError(e) }
            return false
        }
        throw error()
    }

    /// The current node's name (element or attribute).
    public var name: QName {
        guard let lp = xmlTextReaderConstLocalName(reader) else { return QName(.none, "") }
        let key = NameKey(local: UnsafeRawPointer(lp), ns: xmlTextReaderConstNamespaceUri(reader).map { UnsafeRawPointer($0) })
        if let cached = nameCache[key] { return cached }
        let q = QName(namespace, String(cString: lp))
        nameCache[key] = q
        return q
    }

    /// The current node's namespace.
    public var namespace: XMLNamespace {
        guard let up = xmlTextReaderConstNamespaceUri(reader) else { return .none }
        let key = UnsafeRawPointer(up)
        if let ns = nsCache[key] { return ns }
        let ns = XMLNamespace.classify(String(cString: up))
        nsCache[key] = ns
        return ns
    }

    /// The current text node's value.
    public var value: String {
        guard let v = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: v)
    }

    /// An attribute of the current element, by namespace and local name.
    public func attribute(_ ns: XMLNamespace, _ local: String) -> String? {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return nil }
        var found: String?
        if xmlTextReaderMoveToFirstAttribute(reader) == 1 {
            repeat {
                if let lp = xmlTextReaderConstLocalName(reader), strcmp(lp, local) == 0, namespace == ns {
                    found = value
                    break
                }
            } while xmlTextReaderMoveToNextAttribute(reader) == 1
            xmlTextReaderMoveToElement(reader)
        }
        return found
    }

    /// All attributes of the current element.
    public func attributes() -> [(QName, String)] {
        var out: [(QName, String)] = []
        guard xmlTextReaderHasAttributes(reader) == 1 else { return out }
        if xmlTextReaderMoveToFirstAttribute(reader) == 1 {
            repeat {
                let lp = xmlTextReaderConstLocalName(reader)
                if let lp { out.append((QName(namespace, String(cString: lp)), value)) }
            } while xmlTextReaderMoveToNextAttribute(reader) == 1
            xmlTextReaderMoveToElement(reader)
        }
        return out
    }

    /// The text content of the current element (all descendant text), leaving the reader on its end.
    public func elementText() throws(ReadError) -> String {
        if isEmptyElement { return "" }
        let start = depth
        var s = ""
        while try read() {
            if kind == .endElement && depth == start { break }
            if kind == .text || kind == .whitespace { s += value }
        }
        return s
    }
}
