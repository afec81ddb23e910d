#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to stdout/stderr without Foundation's FileHandle.
struct FileHandleOutput {
    let fd: Int32
    static let stdout = FileHandleOutput(fd: 1)
    static let stderr = FileHandleOutput(fd: 2)

    func write(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; return }
                off += n
            }
        }
    }

    var isTerminal: Bool { isatty(fd) == 1 }
}
