internal import CZip

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The C library's open(2) and read(2), out of reach of DocxPackage's own `open` and `read` names.
private func systemOpen(_ path: String) -> Int32 { open(path, O_RDONLY | O_CLOEXEC) }
private func systemRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ n: Int) -> Int { read(fd, buf, n) }

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

/// An opened OPC package holding a Word document: the zip, its content types and
/// relationships, and bounded access to its parts.
public final class DocxPackage {
    public let path: String?
    public let limits: ReadLimits
    public let format: DocumentFormat
    public let conformance: Conformance
    /// The main document part, found through `_rels/.rels`.
    public let mainPart: String
    /// The whole file, for hashing by later stages.
    public let bytes: [UInt8]

    private let archive: OpaquePointer
    private var inflatedTotal = 0
    private var contentTypes: (defaults: [String: String], overrides: [String: String]) = ([:], [:])
    /// `_rels/.rels`, read when opening (to find the main part) and kept.
    private let rootRelationships: [Relationship]

    /// Opens a file and checks it is a Word package.
    public static func open(path: String, limits: ReadLimits = .default) throws(ReadError) -> DocxPackage {
        let bytes = try readFile(path: path, limits: limits).bytes
        return try DocxPackage(bytes: bytes, path: path, limits: limits)
    }

    /// A whole file as read, with the modification time of what was read (fstat of the open file).
    public struct FileContents: Sendable {
        public var bytes: [UInt8]
        /// Nanoseconds since 1970.
        public var modifiedNanoseconds: Int64
    }

    /// Reads a whole file within `limits.maxInputBytes`; a folder or an unreadable path is refused.
    public static func readFile(path: String, limits: ReadLimits = .default) throws(ReadError) -> FileContents {
        let fd = systemOpen(path)
        if fd < 0 { throw ReadError(.cannotOpen(errno: errno)) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw ReadError(.cannotOpen(errno: errno)) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw ReadError(.isDirectory) }
        let size = Int(st.st_size)
        if size > limits.maxInputBytes { throw ReadError(.inputTooLarge(limits.maxInputBytes)) }
        var out = [UInt8](repeating: 0, count: size)
        var got = 0
        while got < size {
            let n = out.withUnsafeMutableBytes { buf in
                systemRead(fd, buf.baseAddress! + got, size - got)
            }
            if n < 0 { if errno == EINTR { continue }; throw ReadError(.cannotOpen(errno: errno)) }
            if n == 0 { break }
            got += n
        }
        if got < size { out.removeSubrange(got...) }
        return FileContents(bytes: out, modifiedNanoseconds: modifiedNanoseconds(st))
    }

    /// A stat's modification time in nanoseconds since 1970.
    public static func modifiedNanoseconds(_ st: stat) -> Int64 {
        #if canImport(Darwin)
        Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #else
        Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #endif
    }

    /// Opens a package held in memory.
    public init(bytes: [UInt8], path: String? = nil, limits: ReadLimits = .default) throws(ReadError) {
        self.path = path
        self.limits = limits
        self.bytes = bytes
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
            contentTypes = try Self.parseContentTypes(za: za, limits: limits)
            let rootRels = try Self.relationships(za: za, source: "/", limits: limits)
            rootRelationships = rootRels
            let main = rootRels.first { !$0.isExternal && $0.kind == "officeDocument" }
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
                throw ReadError(.odf)
            } else {
                throw ReadError(.noMainPart)
            }
            let strict = main?.type.hasPrefix("http://purl.oclc.org/ooxml/") ?? false
            conformance = strict ? .strict : .transitional
            mainPart = mainName
            format = try Self.format(ofContentType: Self.contentType(of: mainName, in: contentTypes))
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

    static func contentType(of part: String, in ct: (defaults: [String: String], overrides: [String: String])) -> String? {
        if let o = ct.overrides[part.lowercased()] { return o }
        if let dot = part.lastIndex(of: ".") {
            return ct.defaults[String(part[part.index(after: dot)...]).lowercased()]
        }
        return nil
    }

    /// The content type of a part, from `[Content_Types].xml`.
    public func contentType(of part: String) -> String? {
        Self.contentType(of: part, in: contentTypes)
    }

    private static func parseContentTypes(za: OpaquePointer, limits: ReadLimits) throws(ReadError) -> ([String: String], [String: String]) {
        guard let idx = locate(za, "/[Content_Types].xml") else { return ([:], [:]) }
        var total = 0
        let types = try memoized(za: za, index: idx, name: "/[Content_Types].xml", kind: "content-types", limits: limits,
                                 total: &total) { (stream) throws(ReadError) -> ContentTypes in
            let r = try XMLPullReader(stream, maxDepth: limits.maxElementDepth)
            var defaults: [String: String] = [:], overrides: [String: String] = [:]
            while try r.read() {
                guard r.kind == .element else { continue }
                let n = r.name.local
                if n == "Default", let e = r.attribute(.none, "Extension"), let t = r.attribute(.none, "ContentType") {
                    defaults[e.lowercased()] = t
                } else if n == "Override", let p = r.attribute(.none, "PartName"), let t = r.attribute(.none, "ContentType") {
                    overrides[PartNames.percentDecoded(p.hasPrefix("/") ? p : "/" + p)?.lowercased() ?? p.lowercased()] = t
                }
            }
            return ContentTypes(defaults: defaults, overrides: overrides)
        }
        return (types.defaults, types.overrides)
    }

    private struct ContentTypes {
        var defaults: [String: String]
        var overrides: [String: String]
    }

    // MARK: Parts many packages share

    /// `parse` of entry `index`, or the value it gave for a part with the same compressed bytes
    /// read before on this thread for the same `kind` under the same limits (`PartMemo`).
    /// `total` (the package's inflated bytes so far) grows by the part's size either way.
    private static func memoized<T>(za: OpaquePointer, index: zip_uint64_t, name: String, kind: String, limits: ReadLimits,
                                    total: inout Int, onRead: ((Int) -> Void)? = nil,
                                    _ parse: (PartStream) throws(ReadError) -> T) throws(ReadError) -> T {
        let memo = PartMemo.current
        let key = memo.enabled ? PartMemo.key(za, index, kind: kind) : nil
        // A part that would now pass the package's total is read, to be refused as it would be.
        if let key, key.size <= limits.maxPartBytes, key.size <= limits.maxTotalBytes - total,
           let kept = memo.value(key, limits: limits, za: za, index: index) as? T {
            total += key.size
            onRead?(key.size)
            return kept
        }
        let stream = try PartStream(archive: za, index: index, name: name, limits: limits, totalBefore: total, onRead: onRead)
        let value = try parse(stream)
        total += stream.inflated
        if let key, stream.isAtEnd, stream.inflated == key.size {
            memo.store(key, limits: limits, value: value, za: za, index: index)
        }
        return value
    }

    /// Whether the calling thread keeps the parts that packages share byte for byte and gives
    /// them back (see `readShared`); on unless turned off. Off, each package reads as if it were
    /// the thread's first: for benchmarks that read the same files again and again.
    public static var keepsSharedParts: Bool {
        get { PartMemo.current.enabled }
        set {
            PartMemo.current.enabled = newValue
            if !newValue { PartMemo.current.removeAll() }
        }
    }

    /// `parse` of a part, or the value it gave for a part with the same compressed bytes read
    /// before on this thread for the same `kind` (`PartMemo`): for parts that packages made from
    /// one template share (styles, numbering). `parse` must read the part to its end and depend
    /// on nothing but its bytes and the package's limits.
    public func readShared<T>(_ name: String, kind: String, _ parse: (PartStream) throws(ReadError) -> T) throws(ReadError) -> T {
        guard let idx = Self.locate(archive, name) else { throw ReadError(.missingPart(name)) }
        var total = inflatedTotal
        // The stream counts what it inflates as it goes (so a later part's limit sees it); a kept value counts here.
        // The caller's kinds are apart from the package's own ("content-types", "rels /word/").
        let value = try Self.memoized(za: archive, index: idx, name: name, kind: "shared " + kind, limits: limits, total: &total,
                                      onRead: { [unowned self] n in self.inflatedTotal += n }, parse)
        return value
    }

    // MARK: Relationships

    /// The relationships of a part ("/" for the package's own).
    public func relationships(of part: String) throws(ReadError) -> [Relationship] {
        if part == "/" { return rootRelationships }
        var total = inflatedTotal
        defer { inflatedTotal = total }
        return try Self.relationships(za: archive, source: part, limits: limits, total: &total)
    }

    private static func relationships(za: OpaquePointer, source: String, limits: ReadLimits) throws(ReadError) -> [Relationship] {
        var total = 0
        return try relationships(za: za, source: source, limits: limits, total: &total)
    }

    private static func relsName(of part: String) -> String {
        if part == "/" { return "/_rels/.rels" }
        let slash = part.lastIndex(of: "/")!
        return String(part[...slash]) + "_rels/" + String(part[part.index(after: slash)...]) + ".rels"
    }

    private static func relationships(za: OpaquePointer, source: String, limits: ReadLimits, total: inout Int) throws(ReadError) -> [Relationship] {
        let name = relsName(of: source)
        guard let idx = locate(za, name) else { return [] }
        let base = source == "/" ? "/" : String(source[...source.lastIndex(of: "/")!])
        // Targets resolve against the source's folder: the source is part of what the value depends on.
        return try memoized(za: za, index: idx, name: name, kind: "rels " + base, limits: limits,
                            total: &total) { (stream) throws(ReadError) -> [Relationship] in
            let r = try XMLPullReader(stream, maxDepth: limits.maxElementDepth)
            var out: [Relationship] = []
            while try r.read() {
                guard r.kind == .element, r.name.local == "Relationship" else { continue }
                guard let id = r.attribute(.none, "Id"), let type = r.attribute(.none, "Type"),
                      let target = r.attribute(.none, "Target") else { continue }
                let external = r.attribute(.none, "TargetMode")?.lowercased() == "external"
                out.append(Relationship(id: id, type: type,
                                        target: external ? target : resolve(target, base: base),
                                        isExternal: external))
            }
            return out
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

    public func hasPart(_ name: String) -> Bool { Self.locate(archive, name) != nil }

    /// A bounded stream over one part's inflated bytes.
    public func openPart(_ name: String) throws(ReadError) -> PartStream {
        guard let idx = Self.locate(archive, name) else { throw ReadError(.missingPart(name)) }
        return try PartStream(archive: archive, index: idx, name: name, limits: limits, totalBefore: inflatedTotal) { [unowned self] n in
            self.inflatedTotal += n
        }
    }

    /// A whole part as bytes (for small parts).
    public func readPart(_ name: String) throws(ReadError) -> [UInt8] {
        let s = try openPart(name)
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { s.read(into: $0.baseAddress!, count: $0.count) }
            if n < 0 { throw s.failure ?? ReadError(.corruptZip("read"), part: name) }
            if n == 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        return out
    }

    /// Names of all entries, as part names.
    public var partNames: [String] {
        let n = zip_get_num_entries(archive, 0)
        return (0..<max(n, 0)).compactMap { i in
            zip_get_name(archive, zip_uint64_t(i), 0).map { "/" + String(cString: $0) }
        }
    }
}

/// Inflates one part on demand, enforcing the part, total and ratio limits as bytes
/// come out, so that lying sizes in the zip's directory do not help a zip bomb.
public final class PartStream {
    public let name: String
    private var file: OpaquePointer?
    private let compressed: Int
    /// The inflated size the zip's directory gives.
    private let declared: Int
    private let limits: ReadLimits
    private let totalBefore: Int
    private let onRead: ((Int) -> Void)?
    public private(set) var inflated = 0
    /// The inflated size the zip's directory gives (reading past it is refused).
    public var declaredSize: Int { declared }
    /// Set when reading stopped because of a limit or damage.
    public private(set) var failure: ReadError?
    /// Read to its end without damage (the CRC checked).
    public var isAtEnd: Bool { file == nil && failure == nil }

    init(archive: OpaquePointer, index: zip_uint64_t, name: String, limits: ReadLimits,
         totalBefore: Int, onRead: ((Int) -> Void)? = nil) throws(ReadError) {
        self.name = name
        self.limits = limits
        self.totalBefore = totalBefore
        let total = totalBefore
        self.onRead = onRead
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(archive, index, 0, &st) == 0 else {
            throw ReadError(.corruptZip(String(cString: zip_strerror(archive))), part: name)
        }
        let size = Int(clamping: st.size)
        compressed = Int(clamping: st.comp_size)
        declared = size
        // Refuse at once what the directory already admits to.
        if size > limits.maxPartBytes { throw ReadError(.partTooLarge(limits.maxPartBytes), part: name) }
        if total + size > limits.maxTotalBytes { throw ReadError(.totalTooLarge(limits.maxTotalBytes), part: name) }
        if size > limits.ratioFloorBytes, size / max(compressed, 1) > limits.maxCompressionRatio {
            throw ReadError(.compressionRatio(limits.maxCompressionRatio), part: name)
        }
        guard let f = zip_fopen_index(archive, index, 0) else {
            let msg = String(cString: zip_strerror(archive))
            if [ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD, ZIP_ER_ENCRNOTSUPP].contains(zip_error_code_zip(zip_get_error(archive))) { throw ReadError(.encrypted, part: name) }
            throw ReadError(.corruptZip(msg), part: name)
        }
        file = f
    }

    deinit { if let file { zip_fclose(file) } }

    /// Reads up to `count` bytes; 0 at the end, -1 on damage or a limit (see `failure`).
    public func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        guard let file, failure == nil else { return failure == nil ? 0 : -1 }
        // zip_fread gives 0 for 0 bytes asked, which is not the end (nor its CRC checked).
        if count <= 0 { return 0 }
        let n = Int(zip_fread(file, buffer, zip_uint64_t(count)))
        if n < 0 {
            failure = ReadError(.corruptZip(String(cString: zip_file_strerror(file))), part: name)
            return -1
        }
        inflated += n
        onRead?(n)
        if inflated > limits.maxPartBytes {
            failure = ReadError(.partTooLarge(limits.maxPartBytes), part: name); return -1
        }
        if totalBefore + inflated > limits.maxTotalBytes {
            failure = ReadError(.totalTooLarge(limits.maxTotalBytes), part: name); return -1
        }
        if inflated > limits.ratioFloorBytes, inflated / max(compressed, 1) > limits.maxCompressionRatio {
            failure = ReadError(.compressionRatio(limits.maxCompressionRatio), part: name); return -1
        }
        if inflated > declared {
            // libzip checks the CRC at the end but not the size: a directory that understates
            // a part (a zip bomb's trick) would otherwise get past the checks made at opening.
            failure = ReadError(.corruptZip("inflates past the \(declared) bytes its directory entry gives"), part: name); return -1
        }
        if n == 0 { zip_fclose(file); self.file = nil }
        return n
    }
}
