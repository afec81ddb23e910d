import Glibc
import MaalplanModel

/// Unbuffered writes to stdout/stderr without Foundation's FileHandle.
public struct FileHandleOutput: Sendable {
    public let fd: Int32
    public init(fd: Int32) { self.fd = fd }
    public static let stdout = FileHandleOutput(fd: 1)
    public static let stderr = FileHandleOutput(fd: 2)

    /// The run's language, for the one line said when standard output cannot be written
    /// (set when the options are read: `LanguageOption.validate`).
    nonisolated(unsafe) public static var language = MessageLanguage.fromEnvironment

    /// Writes all of `s`. When standard output cannot be written (a full disk, /dev/full, a
    /// closed pipe's error), one line says so on stderr and the program ends with 2: a
    /// truncated output is never left with exit 0.
    public func write(_ s: String) {
        var s = s
        let failed: Int32? = s.withUTF8 { buf in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; return errno }
                off += n
            }
            return nil
        }
        guard let e = failed, fd == 1 else { return }
        let lang = Self.language
        FileHandleOutput.stderr.write("maalplan: " + lang.pick(da: "standard-output kan ikke skrives", en: "standard output cannot be written")
            + " (\(lang.system(e))) – " + lang.pick(da: "uddata er ufuldstændige; skriv til en anden fil eller frigør plads",
                                                                 en: "the output is incomplete; write to another file or free some space") + "\n")
        exit(2)
    }

    public var isTerminal: Bool { isatty(fd) == 1 }
}
