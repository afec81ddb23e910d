import Glibc

/// Why a file could not be written: the system's message.
public struct WriteError: Error, CustomStringConvertible {
    public let description: String
}

/// Writes through a temporary file and a rename, so a crash never leaves half a file.
public func writeAtomically(_ text: String, to path: String) throws(WriteError) {
    let tmp = path + ".tmp-\(getpid())"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
    var failure: Int32 = 0
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buf in
        var off = 0
        while off < buf.count {
            let n = write(fd, buf.baseAddress! + off, buf.count - off)
            if n < 0 { if errno == EINTR { continue }; failure = errno; return }
            off += n
        }
    }
    if failure == 0 && fsync(fd) != 0 { failure = errno }
    close(fd)
    if failure == 0 && rename(tmp, path) != 0 { failure = errno }
    if failure != 0 {
        unlink(tmp)
        throw WriteError(description: String(cString: strerror(failure)))
    }
}
