internal import CZip
import XMLStream

import Glibc

/// What kind of Word file a package is, told by the main part's content type.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case docx, docm, dotx, dotm
}

/// Transitional (ECMA-376) or Strict (ISO/IEC 29500 Strict) vocabulary.
public enum Conformance: String, Sendable, Codable {
    case transitional, strict
}

/// A relationship from a part's `.rels`.
public struct Relationship: Sendable, Equatable {
    public var id: String
    /// The full type URI.
    public var type: String
    /// The resolved part name ("/word/header1.xml"), or the raw target when external.
    public var target: String
    public var isExternal: Bool

    /// The type's last path segment ("officeDocument", "styles", "header"), the same in Transitional and Strict.
    public var kind: String {
        // As type.split(separator: "/").last, by bytes: trailing slashes skipped.
        let u = Array(type.utf8)
        var end = u.count
        while end > 0 && u[end - 1] == 0x2F { end -= 1 }
        if end == 0 { return type }
        var start = end
        while start > 0 && u[start - 1] != 0x2F { start -= 1 }
        return String(decoding: u[start..<end], as: UTF8.self)
    }
}

/// A file's size and modification time, as the file reader and the folder walk both take them.
public struct FileStamp: Equatable, Sendable {
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modifiedNanoseconds: Int64

    public init(size: Int64, modifiedNanoseconds: Int64) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    init(_ st: stat) {
        size = Int64(st.st_size)
        modifiedNanoseconds = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }

    /// The stamp of the file at `path` (symbolic links followed); nil when it cannot be had.
    public static func of(path: String) -> FileStamp? {
        var st = stat()
        return stat(path, &st) == 0 ? FileStamp(st) : nil
    }
}

/// An opened OPC package holding a Word document: the zip, its content types and
/// relationships, and bounded access to its parts. It knows nothing of Word's vocabulary.
public final class DocxPackage {
    public let path: String?
    public let limits: ReadLimits
    public let format: DocumentFormat
    public let conformance: Conformance
    /// The main document part, found through `_rels/.rels`.
    public let mainPart: String
    /// The whole file, for hashing by later stages.
    public let bytes: [UInt8]
    /// Where parts many packages share are kept and given back from (see `read(_:as:)`).
    public let sharedParts: SharedPartCache?

    private let archive: OpaquePointer
    /// Inflated bytes read so far, parts given back from `sharedParts` included.
    private var inflatedTotal = 0
    /// How many bytes have been inflated from this package so far (what its limits count).
    public var inflatedBytes: Int { inflatedTotal }
    private let contentTypes: ContentTypes
    /// `_rels/.rels`, read when opening (to find the main part) and kept.
    private let rootRelationships: [Relationship]

    /// Opens a file and checks it is a Word package.
    public static func open(path: String, limits: ReadLimits = .default, sharedParts: SharedPartCache? = nil) throws(ReadError) -> DocxPackage {
        try DocxPackage(bytes: readFile(path: path, limits: limits).bytes, path: path, limits: limits, sharedParts: sharedParts)
    }

    /// A whole file as read, with the size and modification time of what was read (fstat of the open file).
    public struct FileContents: Sendable {
        public var bytes: [UInt8]
        public var stamp: FileStamp
    }

    /// Reads a whole file within `limits.maxInputBytes`; a folder, a FIFO or device (whose read
    /// could wait forever) or an unreadable path is refused.
    public static func readFile(path: String, limits: ReadLimits = .default) throws(ReadError) -> FileContents {
        // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            // A name whose bytes are not UTF-8 (Latin-1 from an older system) reaches us with
            // U+FFFD in their place, and so names no file.
            if errno == ENOENT && path.unicodeScalars.contains("\u{FFFD}") { throw ReadError(.nameNotUTF8) }
            throw ReadError(.cannotOpen(errno: errno))
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw ReadError(.cannotOpen(errno: errno)) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw ReadError(.isDirectory) }
        if (st.st_mode & S_IFMT) != S_IFREG { throw ReadError(.notAFile) }
        let size = Int(st.st_size)
        if size > limits.maxInputBytes { throw ReadError(.inputTooLarge(limits.maxInputBytes)) }
        var out = [UInt8](repeating: 0, count: size)
        var got = 0
        while got < size {
            let n = out.withUnsafeMutableBytes { buf in Glibc.read(fd, buf.baseAddress! + got, size - got) }
            if n < 0 { if errno == EINTR { continue }; throw ReadError(.cannotOpen(errno: errno)) }
            if n == 0 { break }
            got += n
        }
        if got < size { out.removeSubrange(got...) }
        var stamp = FileStamp(st)
        stamp.size = Int64(out.count)
        return FileContents(bytes: out, stamp: stamp)
    }

    /// Opens a package held in memory.
    public init(bytes: [UInt8], path: String? = nil, limits: ReadLimits = .default, sharedParts: SharedPartCache? = nil) throws(ReadError) {
        self.path = path
        self.limits = limits
        self.bytes = bytes
        self.sharedParts = sharedParts
        if bytes.count > limits.maxInputBytes { throw ReadError(.inputTooLarge(limits.maxInputBytes)) }
        try Sniff.check(bytes)

        // libzip reads from a copy it owns and frees with the archive.
        var zerr = zip_error_t()
        zip_error_init(&zerr)
        let copy = malloc(max(bytes.count, 1))!
        bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        guard let src = zip_source_buffer_create(copy, zip_uint64_t(bytes.count), 1, &zerr) else {
            free(copy)
            throw ReadError(.corruptZip(String(cString: zip_error_strerror(&zerr))))
        }
        guard let za = zip_open_from_source(src, ZIP_RDONLY, &zerr) else {
            let detail = String(cString: zip_error_strerror(&zerr))
            zip_error_fini(&zerr)
            zip_source_free(src)
            throw ReadError(.corruptZip(detail))
        }
        zip_error_fini(&zerr)
        archive = za

        let entries = Int(zip_get_num_entries(za, 0))
        if entries > limits.maxEntries {
            zip_discard(za)
            throw ReadError(.tooManyEntries(limits.maxEntries))
        }

        // Content types (lenient: a package without them is still read as a document).
        do throws(ReadError) {
            var total = 0
            func part(_ name: String) -> Part? { Self.locate(za, name).map { Part(archive: za, index: $0, name: name) } }
            contentTypes = try part("/[Content_Types].xml")?.read(as: ContentTypes.kind, limits: limits, cache: sharedParts,
                                                                   total: &total) ?? ContentTypes()
            rootRelationships = Self.resolved(try part(Self.relsName(of: "/"))?.read(as: RelationshipEntry.kind, limits: limits,
                                                                                     cache: sharedParts, total: &total) ?? [],
                                              source: "/")
            inflatedTotal = total
            let main = rootRelationships.first { !$0.isExternal && $0.kind == "officeDocument" }
            var mainName: String
            if let main, Self.locate(za, main.target) != nil {
                mainName = main.target
            } else if Self.locate(za, "/word/document.xml") != nil {
                // Some writers leave _rels/.rels out or wrong; Word itself opens these.
                mainName = "/word/document.xml"
            } else if Self.locate(za, "/xl/workbook.xml") != nil {
                throw ReadError(.spreadsheet)
            } else if Self.locate(za, "/ppt/presentation.xml") != nil {
                throw ReadError(.presentation)
            } else if Self.locate(za, "/content.xml") != nil && Self.locate(za, "/mimetype") != nil {
                throw ReadError(Self.odfIsEncrypted(za, limits: limits) ? .encrypted : .odf)
            } else {
                throw ReadError(.noMainPart)
            }
            let strict = main?.type.hasPrefix("http://purl.oclc.org/ooxml/") ?? false
            conformance = strict ? .strict : .transitional
            mainPart = mainName
            format = try Self.format(ofContentType: contentTypes.type(of: mainName))
        } catch {
            zip_discard(za)
            throw error
        }
    }

    deinit { zip_discard(archive) }

    // MARK: Content types and formats

    static func format(ofContentType ct: String?) throws(ReadError) -> DocumentFormat {
        guard let ct = ct?.lowercased() else { return .docx }
        switch ct {
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": return .docx
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": return .dotx
        case "application/vnd.ms-word.document.macroenabled.main+xml": return .docm
        case "application/vnd.ms-word.template.macroenabledtemplate.main+xml": return .dotm
        default:
            if ct.contains("spreadsheetml") || ct.contains("ms-excel") { throw ReadError(.spreadsheet) }
            if ct.contains("presentationml") || ct.contains("ms-powerpoint") { throw ReadError(.presentation) }
            if ct.contains("wordprocessingml") { return .docx }
            // application/xml and friends: some writers use a generic type; read it as a document.
            if ct == "application/xml" || ct == "text/xml" { return .docx }
            throw ReadError(.otherPackage(ct))
        }
    }

    /// The content type of a part, from `[Content_Types].xml`.
    public func contentType(of part: String) -> String? { contentTypes.type(of: part) }

    // MARK: Relationships

    /// The relationships of a part ("/" for the package's own).
    public func relationships(of part: String) throws(ReadError) -> [Relationship] {
        if part == "/" { return rootRelationships }
        guard let p = self.part(Self.relsName(of: part)) else { return [] }
        return Self.resolved(try read(p, as: RelationshipEntry.kind), source: part)
    }

    static func relsName(of part: String) -> String {
        if part == "/" { return "/_rels/.rels" }
        let slash = part.lastIndex(of: "/")!
        return String(part[...slash]) + "_rels/" + String(part[part.index(after: slash)...]) + ".rels"
    }

    /// Relationships as written, with targets resolved against the source part's folder.
    static func resolved(_ entries: [RelationshipEntry], source: String) -> [Relationship] {
        let base = source == "/" ? "/" : String(source[...source.lastIndex(of: "/")!])
        return entries.map { e in
            Relationship(id: e.id, type: e.type, target: e.isExternal ? e.target : resolve(e.target, base: base), isExternal: e.isExternal)
        }
    }

    /// Resolves a relationship target against the source part's folder: "../media/x.png", "/word/document.xml".
    static func resolve(_ target: String, base: String) -> String {
        let decoded = PartNames.percentDecoded(target) ?? target
        let joined = Array((decoded.utf8.first == 0x2F ? decoded : base + decoded).utf8)
        // Segments between slashes (empty ones dropped), "." skipped, ".." removing the one before.
        var out: [UInt8] = []
        out.reserveCapacity(joined.count + 1)
        var starts: [Int] = []
        var i = 0
        let n = joined.count
        while i < n {
            if joined[i] == 0x2F { i += 1; continue }
            var j = i
            while j < n && joined[j] != 0x2F { j += 1 }
            let len = j - i
            if len == 1 && joined[i] == 0x2E {
                // "."
            } else if len == 2 && joined[i] == 0x2E && joined[i + 1] == 0x2E {
                if let s = starts.popLast() { out.removeSubrange(s...) }
            } else {
                starts.append(out.count)
                out.append(0x2F)
                out.append(contentsOf: joined[i..<j])
            }
            i = j
        }
        return out.isEmpty ? "/" : String(decoding: out, as: UTF8.self)
    }

    // MARK: Parts

    static func locate(_ za: OpaquePointer, _ part: String) -> zip_uint64_t? {
        let name = part.hasPrefix("/") ? String(part.dropFirst()) : part
        var i = zip_name_locate(za, name, zip_flags_t(ZIP_FL_NOCASE | ZIP_FL_ENC_RAW))
        if i < 0, name.contains("%") == false, case let enc = PartNames.percentEncodedPath(name), enc != name {
            i = zip_name_locate(za, enc, zip_flags_t(ZIP_FL_NOCASE | ZIP_FL_ENC_RAW))
        }
        if i < 0, name.contains("\\") == false {
            // Some writers store names with backslashes.
            i = zip_name_locate(za, PartNames.backslashed(name), zip_flags_t(ZIP_FL_NOCASE | ZIP_FL_ENC_RAW))
        }
        return i < 0 ? nil : zip_uint64_t(i)
    }

    private func part(_ name: String) -> Part? {
        Self.locate(archive, name).map { Part(archive: archive, index: $0, name: name) }
    }

    public func hasPart(_ name: String) -> Bool { Self.locate(archive, name) != nil }

    /// A part read as `kind`: given back from `sharedParts` when a package read before held the
    /// same bytes, else read (and offered to `sharedParts`).
    public func read<Value>(_ name: String, as kind: SharedPartKind<Value>) throws(ReadError) -> Value {
        guard let p = part(name) else { throw ReadError(.missingPart(name)) }
        return try read(p, as: kind)
    }

    private func read<Value>(_ p: Part, as kind: SharedPartKind<Value>) throws(ReadError) -> Value {
        var total = inflatedTotal
        defer { inflatedTotal = total }
        return try p.read(as: kind, limits: limits, cache: sharedParts, total: &total)
    }

    /// Reads an XML part with `body`, given a pull reader over it: for parts that are this
    /// package's own (the document, its headers). What is left of the part when `body` returns
    /// is read too, so that damage anywhere in it refuses it. The reader's errors, and any other
    /// `body` throws, become `ReadError`s naming the part.
    public func readXML<T>(_ name: String, namespaces: XMLNamespaces, _ body: (XMLPullReader) throws -> T) throws(ReadError) -> T {
        let stream = try openPart(name)
        do {
            let r = try XMLPullReader(stream, namespaces: namespaces, maxDepth: limits.maxElementDepth,
                                      maxAttributes: limits.maxAttributes)
            let value = try body(r)
            try r.finish()
            return value
        } catch let e as XMLError {
            throw ReadError(e, stream: stream)
        } catch var e as ReadError {
            if e.part == nil { e.part = name }
            throw e
        } catch {
            throw ReadError(.notWellFormed(String(describing: error)), part: name)
        }
    }

    /// An OpenDocument file saved with a password: its manifest gives its parts' encryption data.
    static func odfIsEncrypted(_ za: OpaquePointer, limits: ReadLimits) -> Bool {
        let name = "/META-INF/manifest.xml"
        guard let idx = locate(za, name),
              let manifest = try? PartStream(archive: za, index: idx, name: name, limits: limits, totalBefore: 0).readToEnd() else { return false }
        return Sniff.search(manifest, Array("encryption-data".utf8))
    }

    /// A bounded stream over one part's inflated bytes.
    public func openPart(_ name: String) throws(ReadError) -> PartStream {
        guard let idx = Self.locate(archive, name) else { throw ReadError(.missingPart(name)) }
        return try PartStream(archive: archive, index: idx, name: name, limits: limits, totalBefore: inflatedTotal) { [unowned self] n in
            self.inflatedTotal += n
        }
    }

    /// A whole part as bytes (for small parts).
    public func readPart(_ name: String) throws(ReadError) -> [UInt8] {
        try openPart(name).readToEnd()
    }

    /// Names of all entries, as part names.
    public var partNames: [String] {
        let n = zip_get_num_entries(archive, 0)
        return (0..<max(n, 0)).compactMap { i in
            zip_get_name(archive, zip_uint64_t(i), 0).map { "/" + String(cString: $0) }
        }
    }
}

extension ReadError {
    /// The XML reader's refusal of a part, as a refusal of the file; a failure of the stream is the stream's own.
    init(_ e: XMLError, stream: PartStream) {
        let part = stream.name
        switch e {
        case .notWellFormed(let message, let line): self.init(.notWellFormed(message), part: part, line: line)
        case .doctype: self.init(.dtd, part: part)
        case .tooDeep(let n): self.init(.tooDeep(n), part: part)
        case .tooManyAttributes(let n): self.init(.tooMany(.attributes, n), part: part)
        case .tooLarge: self.init(.partTooLarge(Int(Int32.max) / 2), part: part)
        case .sourceFailed: self = stream.failure ?? ReadError(.corruptZip("read"), part: part)
        }
    }
}

/// One zip entry, read as a kind of part, through the shared-part cache when there is one.
private struct Part {
    let archive: OpaquePointer
    let index: zip_uint64_t
    let name: String

    /// `kind`'s value for this part: given back from `cache` when it keeps a reading of the same
    /// compressed bytes, else parsed. `total` (the package's inflated bytes so far) grows by the
    /// part's size either way.
    func read<Value>(as kind: SharedPartKind<Value>, limits: ReadLimits, cache: SharedPartCache?,
                     total: inout Int) throws(ReadError) -> Value {
        let key = cache == nil ? nil : self.key(kind)
        // A part that would now pass the package's total is read, to be refused as it would be.
        if let cache, let key, key.size <= limits.maxPartBytes, key.size <= limits.maxTotalBytes - total,
           let kept = cache.value(key, as: SharedPartKind<Value>.self, limits: limits, raw: rawBytes) {
            total += key.size
            return kept
        }
        let stream = try PartStream(archive: archive, index: index, name: name, limits: limits, totalBefore: total)
        let value: Value
        do {
            let r = try XMLPullReader(stream, namespaces: kind.namespaces, maxDepth: limits.maxElementDepth,
                                      maxAttributes: limits.maxAttributes, pruning: kind.pruning)
            value = try kind.parse(r)
            try r.finish()
        } catch {
            throw ReadError(error, stream: stream)
        }
        total += stream.inflated
        if let cache, let key, stream.isAtEnd, stream.inflated == key.size {
            cache.store(key, limits: limits, value: value, raw: rawBytes)
        }
        return value
    }

    /// The cache key of this entry as `kind`, or nil when it is not worth keeping (encrypted,
    /// large, odd stat): such a part is read as any other, and refused as any other.
    func key<Value>(_ kind: SharedPartKind<Value>) -> SharedPartCache.Key? {
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(archive, index, 0, &st) == 0 else { return nil }
        let need = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD
        guard st.valid & zip_uint64_t(need) == zip_uint64_t(need), st.encryption_method == UInt16(ZIP_EM_NONE),
              st.comp_size <= zip_uint64_t(SharedPartCache.maxPartRawBytes),
              st.size <= zip_uint64_t(SharedPartCache.maxPartBytes) else { return nil }
        return SharedPartCache.Key(kind: ObjectIdentifier(kind), crc: st.crc, size: Int(st.size),
                                   compressedSize: Int(st.comp_size), method: Int32(st.comp_method))
    }

    /// The entry's bytes as stored in the zip (not inflated), or nil when they cannot be read whole.
    func rawBytes() -> [UInt8]? {
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(archive, index, 0, &st) == 0, let f = zip_fopen_index(archive, index, zip_flags_t(ZIP_FL_COMPRESSED)) else {
            return nil
        }
        defer { zip_fclose(f) }
        let count = Int(st.comp_size)
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = out.withUnsafeMutableBytes { zip_fread(f, $0.baseAddress! + got, zip_uint64_t(count - got)) }
            if n <= 0 { return nil }
            got += Int(n)
        }
        return out
    }
}

/// `[Content_Types].xml`: default types by extension, overrides by part name (both lower case).
struct ContentTypes {
    var defaults: [String: String] = [:]
    var overrides: [String: String] = [:]

    func type(of part: String) -> String? {
        if let o = overrides[part.lowercased()] { return o }
        if let dot = part.lastIndex(of: ".") {
            return defaults[String(part[part.index(after: dot)...]).lowercased()]
        }
        return nil
    }

    static let kind = SharedPartKind<ContentTypes>(namespaces: .unnamed) { (r) throws(XMLError) in
        var t = ContentTypes()
        while try r.read() {
            guard r.kind == .element else { continue }
            let n = r.name.local
            if n == "Default", let e = r.attribute(.none, "Extension"), let ct = r.attribute(.none, "ContentType") {
                t.defaults[e.lowercased()] = ct
            } else if n == "Override", let p = r.attribute(.none, "PartName"), let ct = r.attribute(.none, "ContentType") {
                t.overrides[PartNames.percentDecoded(p.hasPrefix("/") ? p : "/" + p)?.lowercased() ?? p.lowercased()] = ct
            }
        }
        return t
    }
}

/// A relationship as its `.rels` part writes it: the target not yet resolved (it resolves
/// against the folder of the part the `.rels` belongs to).
struct RelationshipEntry {
    var id: String
    var type: String
    var target: String
    var isExternal: Bool

    static let kind = SharedPartKind<[RelationshipEntry]>(namespaces: .unnamed) { (r) throws(XMLError) in
        var out: [RelationshipEntry] = []
        while try r.read() {
            guard r.kind == .element, r.name.local == "Relationship" else { continue }
            guard let id = r.attribute(.none, "Id"), let type = r.attribute(.none, "Type"),
                  let target = r.attribute(.none, "Target") else { continue }
            out.append(RelationshipEntry(id: id, type: type, target: target,
                                         isExternal: r.attribute(.none, "TargetMode")?.lowercased() == "external"))
        }
        return out
    }
}
