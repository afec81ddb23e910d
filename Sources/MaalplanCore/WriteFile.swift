import Glibc
import MaalplanModel

/// Why a file could not be written: the system's error number, said in the run's language.
public struct WriteError: Error, Equatable {
    public let code: Int32
    public init(_ code: Int32) { self.code = code }
    public func message(_ lang: MessageLanguage) -> String { lang.system(code) }
}

/// The temporary files of `writeAtomically` are named ".maalplan-PID-XXXXXX" in the output's
/// folder: short (an output's name may be up to 255 bytes long), unique (made by mkstemp, with
/// O_EXCL, so nothing planted at the name is followed or overwritten), and telling which run
/// left them.
private let temporaryPrefix = ".maalplan-"

/// Writes through a temporary file in the same folder and a rename, so that a crash never
/// leaves half a file and a reader sees the old file or the new one.
public func writeAtomically(_ text: String, to path: String) throws(WriteError) {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[..<$0]) } ?? "."
    var template = ((folder.isEmpty ? "/" : folder + "/") + temporaryPrefix + "\(getpid())-XXXXXX").utf8CString
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw WriteError(errno) }
    let tmp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    // mkstemp makes it 0600; the output is as readable as any file the user makes.
    let mask = umask(0)
    umask(mask)
    var failure: Int32 = fchmod(fd, 0o666 & ~mask) == 0 ? 0 : errno
    var bytes = Array(text.utf8)
    if failure == 0 {
        bytes.withUnsafeMutableBytes { buf in
            var off = 0
            while off < buf.count {
                let n = write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                off += n
            }
        }
    }
    if failure == 0 && fsync(fd) != 0 { failure = errno }
    if close(fd) != 0 && failure == 0 { failure = errno }
    if failure == 0 && rename(tmp, path) != 0 { failure = errno }
    if failure != 0 {
        unlink(tmp)
        throw WriteError(failure)
    }
}

/// Removes the temporary files that runs killed before their rename left in `folder`: those
/// whose process is gone (a running one's are left alone). Returns how many.
@discardableResult
public func removeStaleTemporaryFiles(in folder: String) -> Int {
    var removed = 0
    for name in folderNames(folder) ?? [] {
        guard name.hasPrefix(temporaryPrefix) else { continue }
        let rest = name.dropFirst(temporaryPrefix.count)
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { continue }
        if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH && unlink(folder + "/" + name) == 0 { removed += 1 }
    }
    return removed
}

/// The names in a folder, "." and ".." left out; nil when it cannot be listed.
func folderNames(_ folder: String) -> [String]? {
    guard let dir = opendir(folder) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        if name != "." && name != ".." { names.append(name) }
    }
    return names
}

/// Makes a folder and the folders above it that are missing (as mkdir -p).
public func makeFolder(_ path: String) throws(WriteError) {
    var st = stat()
    if stat(path, &st) == 0 {
        if (st.st_mode & S_IFMT) != S_IFDIR { throw WriteError(ENOTDIR) }
        return
    }
    if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
        try makeFolder(String(path[..<slash]))
    }
    if mkdir(path, 0o777) != 0 && errno != EEXIST { throw WriteError(errno) }
}
