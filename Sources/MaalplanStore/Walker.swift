import MaalplanModel
import DocxPackage
import Foundation
import MaalplanCore

/// A file the importer reads.
public struct Candidate: Sendable, Equatable {
    /// Absolute, with "." and ".." resolved lexically (symbolic links are not resolved:
    /// the path is where the user keeps the file).
    public var path: String
    public var size: Int64
    public var mtimeNs: Int64
    /// .doc, .dot, .rtf or .odt: read anyway (a renamed .docx still imports); real ones fail with advice to convert.
    public var legacy: Bool
}

/// A file or folder the walk passed over.
public struct Skipped: Sendable, Equatable {
    public enum Reason: String, Sendable, CaseIterable {
        case lockFile = "lock-file"        // ~$name.docx: Word's owner file while a document is open
        case hidden                         // .name (files and folders; folders are not entered)
        case notWord = "not-word"           // any other extension
        case special                        // a FIFO, socket or device
        case brokenLink = "broken-link"
        case badName = "bad-name"           // a name that is not valid UTF-8
    }
    public var path: String
    public var reason: Reason
    public var isFolder = false

    /// Why this file or folder was passed over: "Words låsefil", "skjult mappe" ...
    public func why(_ lang: MessageLanguage) -> String {
        switch reason {
        case .lockFile: return lang.pick(da: "Words låsefil", en: "Word lock file")
        case .hidden: return isFolder ? lang.pick(da: "skjult mappe", en: "hidden folder") : lang.pick(da: "skjult fil", en: "hidden file")
        case .notWord: return lang.pick(da: "ikke en Word-fil", en: "not a Word file")
        case .special: return lang.pick(da: "ikke en almindelig fil", en: "not a regular file")
        case .brokenLink: return lang.pick(da: "link der ikke peger på noget", en: "broken link")
        case .badName: return lang.pick(da: "navnet er ikke gyldig UTF-8", en: "name is not valid UTF-8")
        }
    }
}

extension Skipped.Reason {
    /// `n` files passed over for this reason: "1 låsefil", "2 låsefiler", "3 skjulte" ...
    public func counted(_ n: Int, _ lang: MessageLanguage) -> String {
        let one = n == 1
        switch self {
        case .lockFile: return "\(n) " + lang.pick(da: one ? "låsefil" : "låsefiler", en: one ? "lock file" : "lock files")
        case .hidden: return "\(n) " + lang.pick(da: one ? "skjult" : "skjulte", en: "hidden")
        case .notWord: return "\(n) " + lang.pick(da: "ikke Word", en: "not Word")
        case .special: return "\(n) " + lang.pick(da: one ? "ikke almindelig fil" : "ikke almindelige filer", en: one ? "not a regular file" : "not regular files")
        case .brokenLink: return "\(n) " + lang.pick(da: one ? "dødt link" : "døde links", en: one ? "broken link" : "broken links")
        case .badName: return "\(n) " + lang.pick(da: one ? "ugyldigt navn" : "ugyldige navne", en: one ? "invalid name" : "invalid names")
        }
    }
}

/// A folder that could not be listed: recorded as a failure.
public struct WalkFailure: Sendable, Equatable {
    public var path: String
    public var errno: Int32
}

public struct WalkResult: Sendable {
    public var candidates: [Candidate] = []
    public var skipped: [Skipped] = []
    public var unreadableFolders: [WalkFailure] = []
    /// Files skipped (folders not counted).
    public var skippedFiles: Int { skipped.filter { !$0.isFolder }.count }
    /// Skipped files that look like plans but are no Word document (`Walker.lookAlikeExtensions`).
    public var lookAlikes: [Skipped] {
        skipped.filter { $0.reason == .notWord && Walker.lookAlikeExtensions.contains(Walker.fileExtension($0.path).lowercased()) }
    }
}

/// Walks files and folders for the importer.
///
/// Folders are walked recursively in name order. Word's lock files (`~$...`), hidden files and
/// folders (`.name`) are skipped; symbolic links are followed, but a folder already walked (same
/// device and inode) is not walked again, so link loops end. A file named twice is read once.
public enum Walker {
    public static let wordExtensions: Set<String> = ["docx", "docm", "dotx", "dotm"]
    /// Older or other formats that are recorded as failures with advice to convert.
    public static let legacyExtensions = LibreOffice.extensions
    /// Other documents a plan may have been saved as, which cannot be read as one (a PDF, an
    /// XPS print, a web page, another word processor's file): listed, so the original is found.
    public static let lookAlikeExtensions: Set<String> = ["pdf", "xps", "oxps", "htm", "html", "mht", "mhtml", "pages", "wps", "wpd"]

    public enum ArgumentError: Error, Equatable {
        case notFound(String, Int32)
    }

    /// Each argument exists (as `walk` checks first).
    public static func checkRoots(_ arguments: [String], cwd: String = FileManager.default.currentDirectoryPath) throws(ArgumentError) {
        for arg in arguments {
            var st = stat()
            if stat(absolute(arg, cwd: cwd), &st) != 0 { throw .notFound(arg, errno) }
        }
    }

    /// Walks the arguments. A path that does not exist is an `ArgumentError` (nothing is walked).
    public static func walk(_ arguments: [String], cwd: String = FileManager.default.currentDirectoryPath) throws(ArgumentError) -> WalkResult {
        var result = WalkResult()
        var seenDirs = Set<DevIno>()
        var seenFiles = Set<PathKey>()
        try checkRoots(arguments, cwd: cwd)
        let roots = arguments.map { absolute($0, cwd: cwd) }
        for root in roots {
            visit(root, name: nil, into: &result, seenDirs: &seenDirs, seenFiles: &seenFiles)
        }
        return result
    }

    struct DevIno: Hashable { let dev: UInt64; let ino: UInt64 }

    static func visit(_ path: String, name: String?, into r: inout WalkResult, seenDirs: inout Set<DevIno>, seenFiles: inout Set<PathKey>) {
        // Names are filtered inside folders only: what the user names is taken as given.
        if let name {
            if name.hasPrefix(".") {
                var st = stat()
                let isDir = stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
                r.skipped.append(Skipped(path: path, reason: .hidden, isFolder: isDir))
                return
            }
            if name.hasPrefix("~$") {
                r.skipped.append(Skipped(path: path, reason: .lockFile))
                return
            }
        }
        var st = stat()
        if stat(path, &st) != 0 {
            var lst = stat()
            if lstat(path, &lst) == 0 && (lst.st_mode & S_IFMT) == S_IFLNK {
                r.skipped.append(Skipped(path: path, reason: .brokenLink))
            } else {
                r.unreadableFolders.append(WalkFailure(path: path, errno: errno))
            }
            return
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            let key = DevIno(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino))
            guard seenDirs.insert(key).inserted else { return }
            guard let dir = opendir(path) else {
                r.unreadableFolders.append(WalkFailure(path: path, errno: errno))
                return
            }
            var names: [(bytes: [UInt8], name: String)] = []
            var bad: [String] = []
            while let e = readdir(dir) {
                let raw = withUnsafeBytes(of: e.pointee.d_name) { buf in
                    Array(buf.prefix(while: { $0 != 0 }))
                }
                if raw == [46] || raw == [46, 46] { continue }
                if let s = String(validating: raw, as: UTF8.self) {
                    names.append((raw, s))
                } else {
                    bad.append(String(decoding: raw, as: UTF8.self))
                }
            }
            closedir(dir)
            let base = path.hasSuffix("/") ? path : path + "/"
            for b in bad { r.skipped.append(Skipped(path: base + b, reason: .badName)) }
            // Byte order, so the walk is the same everywhere.
            names.sort { Self.bytesPrecede($0.bytes, $1.bytes) }
            for n in names { visit(base + n.name, name: n.name, into: &r, seenDirs: &seenDirs, seenFiles: &seenFiles) }
        case S_IFREG:
            let ext = fileExtension(path).lowercased()
            let legacy = legacyExtensions.contains(ext)
            guard wordExtensions.contains(ext) || legacy else {
                r.skipped.append(Skipped(path: path, reason: .notWord))
                return
            }
            guard seenFiles.insert(PathKey(path)).inserted else { return }
            // Stamped as the file reader stamps what it reads, which a re-run compares (a file gone since: read and failed then).
            let stamp = FileStamp.of(path: path) ?? FileStamp(size: Int64(st.st_size), modifiedNanoseconds: 0)
            r.candidates.append(Candidate(path: path, size: stamp.size, mtimeNs: stamp.modifiedNanoseconds, legacy: legacy))
        default:
            // A pipe or device named like a plan is read and refused (a failure of its own, said
            // in the summary); any other is passed over.
            let ext = fileExtension(path).lowercased()
            if wordExtensions.contains(ext), seenFiles.insert(PathKey(path)).inserted {
                r.candidates.append(Candidate(path: path, size: Int64(st.st_size), mtimeNs: 0, legacy: false))
            } else {
                r.skipped.append(Skipped(path: path, reason: .special))
            }
        }
    }

    /// Byte order (memcmp, then the shorter first): `lexicographicallyPrecedes` on the bytes.
    static func bytesPrecede(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let n = min(a.count, b.count)
        let c = n == 0 ? 0 : a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in memcmp(pa.baseAddress!, pb.baseAddress!, n) } }
        return c != 0 ? c < 0 : a.count < b.count
    }

    /// The extension of a path's last name, as NSString's `pathExtension` gives it ("" for
    /// ".docx", "file." and "noext"), without going through Foundation for every file.
    public static func fileExtension(_ path: String) -> String {
        let u = path.utf8
        let nameStart = u.lastIndex(of: UInt8(ascii: "/")).map { u.index(after: $0) } ?? u.startIndex
        guard let dot = u[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else { return "" }
        return String(path[u.index(after: dot)...])
    }

    /// An absolute path with "." and ".." resolved lexically and no trailing slash.
    public static func absolute(_ p: String, cwd: String) -> String {
        let full = p.hasPrefix("/") ? p : (cwd.hasSuffix("/") ? cwd : cwd + "/") + p
        var parts: [Substring] = []
        for c in full.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// A path compared by its bytes. Swift compares strings by canonical equivalence, so
/// "Målplan.docx" written in NFC (Windows, Linux) and in NFD (copied from a Mac) would be one
/// String key; on the disk they are two files, and each is read.
public struct PathKey: Hashable, Sendable {
    let bytes: [UInt8]
    public init(_ path: String) { bytes = Array(path.utf8) }
}
