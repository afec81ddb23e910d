import Dispatch
import DocxPackage
import Glibc
import MaalplanModel
import TextScan

/// LibreOffice, headless, as the converter of the formats the reader does not read itself
/// (Word 97-2003 .doc/.dot, RTF, OpenDocument .odt) to .docx. Each run has a private profile
/// of its own (`-env:UserInstallation`), so it never meets a LibreOffice the user has open, and
/// the profile is removed afterwards. A run that passes its time limit is stopped with its whole
/// process group.
public struct LibreOffice: Sendable {
    /// The `soffice` program.
    public let executable: String
    /// How many may run at once (an import's `--jobs`), or no bound.
    let slots: DispatchSemaphore?

    public init(executable: String) {
        self.executable = executable
        slots = nil
    }

    private init(executable: String, slots: DispatchSemaphore) {
        self.executable = executable
        self.slots = slots
    }

    /// The same program, of which at most `count` processes run at once, whichever thread starts them
    /// (an import's batches, and a .docx that is really a .doc met by a parsing thread).
    public func limited(to count: Int) -> LibreOffice {
        LibreOffice(executable: executable, slots: DispatchSemaphore(value: max(1, count)))
    }

    /// The one given (`--soffice PATH`), else `soffice` on PATH; nil when there is none.
    public static func find(_ given: String? = nil) -> LibreOffice? {
        if let given { return access(given, X_OK) == 0 ? LibreOffice(executable: given) : nil }
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return nil }
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/soffice"
            if access(candidate, X_OK) == 0 { return LibreOffice(executable: candidate) }
        }
        return nil
    }

    /// Why a file could not be converted: LibreOffice's own words, or the time limit.
    public struct Failure: Error, Sendable, Equatable {
        public let message: String
    }

    /// The names of the formats it converts: Word 97-2003 document and template, RTF, OpenDocument text.
    public static let extensions: Set<String> = ["doc", "dot", "rtf", "odt"]

    /// Files converted by one LibreOffice process in an import.
    public static let batchSize = 40

    /// The formats converted: by the sniffed reason the reader refused the file for.
    public static func converts(_ reason: ReadError.Reason) -> Bool {
        switch reason {
        case .legacyWord, .rtf, .odf: return true
        default: return false
        }
    }

    /// Converts `file` to .docx in a fresh folder; returns the .docx's path (the caller removes
    /// `folder` when done) or LibreOffice's message.
    public func convert(_ file: String, timeout: Int = LibreOffice.timeout(1)) -> (folder: String, result: Result<String, Failure>)? {
        guard let folder = Self.temporaryFolder() else { return nil }
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let log = folder + "/soffice.log"
        let status = run(Self.conversion(in: folder) + [file], log: log, timeout: timeout)
        let out = folder + "/out/" + stem + ".docx"
        var st = stat()
        if status == .finished, stat(out, &st) == 0, st.st_size > 0 { return (folder, .success(out)) }
        let said = Self.lastLines(log)
        switch status {
        case .timedOut:
            return (folder, .failure(Failure(message: "LibreOffice \(timeout) s")))
        default:
            return (folder, .failure(Failure(message: said.isEmpty ? "LibreOffice" : said)))
        }
    }

    /// Converts `files` to .docx in one LibreOffice process (a batch): for each file its .docx or
    /// LibreOffice's message, and the folder to remove when done. Inputs are linked under names
    /// of their own, so two files of one name in different folders do not meet. A batch that
    /// passes its time limit is stopped, and each of its files is converted again alone, so one
    /// bad file fails alone.
    public func convert(batch files: [String], timeout: Int? = nil) -> (folder: String, results: [Result<String, Failure>])? {
        guard files.count > 1 else {
            guard let one = files.first, let (folder, r) = convert(one, timeout: timeout ?? Self.timeout(1)) else { return nil }
            return (folder, [r])
        }
        guard let folder = Self.temporaryFolder() else { return nil }
        mkdir(folder + "/in", 0o700)
        var inputs: [String] = []
        for (i, f) in files.enumerated() {
            let name = f.split(separator: "/").last.map(String.init) ?? f
            let ext = name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) } ?? "doc"
            let link = folder + "/in/\(i)." + ext
            symlink(f.hasPrefix("/") ? f : Self.cwd() + "/" + f, link)
            inputs.append(link)
        }
        let status = run(Self.conversion(in: folder) + inputs, log: folder + "/soffice.log", timeout: timeout ?? Self.timeout(files.count))
        // The batch hung: each file alone. A file the batch did not convert is tried alone too, so
        // that what LibreOffice says is said of it (a batch's log cannot always tell whose it is).
        return (folder, files.indices.map { i in
            let out = folder + "/out/\(i).docx"
            var st = stat()
            if status != .timedOut, stat(out, &st) == 0, st.st_size > 0 { return .success(out) }
            return alone(files[i], in: folder)
        })
    }

    /// `file` converted by a LibreOffice of its own, in a folder moved under `folder`.
    private func alone(_ file: String, in folder: String) -> Result<String, Failure> {
        guard let (sub, r) = convert(file, timeout: Self.timeout(1)) else { return .failure(Failure(message: "LibreOffice")) }
        let moved = folder + "/" + (sub.split(separator: "/").last.map(String.init) ?? "one")
        rename(sub, moved)
        return r.map { moved + "/out/" + ($0.split(separator: "/").last.map(String.init) ?? "") }
    }

    /// The time a run of `files` files may take: MAALPLAN_CONVERSION_TIMEOUT seconds a file when
    /// set (tests use it), else 60 s and 20 s a file.
    public static func timeout(_ files: Int) -> Int {
        if let v = getenv("MAALPLAN_CONVERSION_TIMEOUT").flatMap({ Int(String(cString: $0)) }), v > 0 { return v * files }
        return 60 + 20 * files
    }

    static func cwd() -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        return getcwd(&buf, buf.count) != nil ? String(cString: buf) : "."
    }

    /// "LibreOffice 7.4.7.2", from `soffice --version`, asked once per program and process.
    public func version() -> String {
        Self.versions.value(for: executable) { askVersion() }
    }

    private static let versions = VersionCache()

    private func askVersion() -> String {
        guard let folder = Self.temporaryFolder() else { return "LibreOffice" }
        defer { Self.remove(folder) }
        let log = folder + "/version"
        _ = run([Self.profile(in: folder), "--version"], log: log, timeout: 60)
        let said = Self.lastLines(log).split(separator: " ")
        return said.count >= 2 ? said[0] + " " + said[1] : "LibreOffice"
    }

    /// The private profile, in the run's own folder.
    static func profile(in folder: String) -> String { "-env:UserInstallation=file://" + folder + "/profile" }

    /// soffice's arguments to convert what follows them to .docx in `folder`/out.
    static func conversion(in folder: String) -> [String] {
        [profile(in: folder), "--headless", "--norestore", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder + "/out"]
    }

    enum Status { case finished, failed, timedOut }

    /// Runs soffice in a process group of its own, its output to `log`; stops the group at the limit.
    func run(_ args: [String], log: String, timeout: Int) -> Status {
        slots?.wait()
        defer { slots?.signal() }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, &attr, argv, environ) == 0 else { return .failed }
        var status: Int32 = 0
        let deadline = time(nil) + time_t(timeout)
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { return .failed }
            if time(nil) >= deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return .timedOut
            }
            usleep(20_000)
        }
        return (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0 ? .finished : .failed
    }

    /// The last lines LibreOffice wrote, on one line, without its java warning and its own
    /// "convert IN -> OUT using filter" lines (which name only its temporary files).
    static func lastLines(_ path: String) -> String {
        guard let f = fopen(path, "r") else { return "" }
        defer { fclose(f) }
        var lines: [String] = []
        var buf = [CChar](repeating: 0, count: 4096)
        while fgets(&buf, Int32(buf.count), f) != nil {
            let line = String(cString: buf).trimmed
            if !line.isEmpty && !line.contains("javaldx") && !line.hasPrefix("convert ") { lines.append(line) }
        }
        return lines.suffix(2).joined(separator: " ")
    }

    static func temporaryFolder() -> String? {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/maalplan-soffice-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else { return nil }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Removes a folder this converter made, with all in it (the profile, the output).
    public static func remove(_ folder: String) {
        guard let names = folderNames(folder) else { unlink(folder); return }
        for name in names {
            let path = folder + "/" + name
            var st = stat()
            if lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { remove(path) } else { unlink(path) }
        }
        rmdir(folder)
    }
}

/// The versions asked so far, by program (threads of an import share it).
private final class VersionCache: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var known: [String: String] = [:]
    init() { pthread_mutex_init(&mutex, nil) }
    func value(for key: String, _ make: () -> String) -> String {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let v = known[key] { return v }
        let v = make()
        known[key] = v
        return v
    }
}
