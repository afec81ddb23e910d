import Glibc

/// Unbuffered writes to stdout/stderr without Foundation's FileHandle.
public struct FileHandleOutput: Sendable {
    public let fd: Int32
    public init(fd: Int32) { self.fd = fd }
    public static let stdout = FileHandleOutput(fd: 1)
    public static let stderr = FileHandleOutput(fd: 2)

    public func write(_ s: String) {
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

    public var isTerminal: Bool { isatty(fd) == 1 }
}
