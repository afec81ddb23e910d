import MaalplanModel
import ArgumentParser
import DocxPackage
import MaalplanCLI
import Glibc

/// `import` and `report` are carried out by `maalplan-store`, installed beside `maalplan`.
/// `Maalplan.main` becomes that program before parsing when the subcommand comes first; these
/// declarations give `maalplan help` its text, and `run` does the same hand-over otherwise.
struct Import: ParsableCommand {
    static let configuration = StoreCommandHelp.importConfiguration
    @OptionGroup var arguments: ImportArguments
    func run() throws { try becomeStore(arguments.language.language) }
}

struct Report: ParsableCommand {
    static let configuration = StoreCommandHelp.reportConfiguration
    @OptionGroup var arguments: ReportArguments
    func run() throws { try becomeStore(arguments.language.language) }
}

func becomeStore(_ lang: MessageLanguage) throws {
    var buf = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, buf.count - 1)
    var dir = n > 0 ? String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    if let slash = dir.lastIndex(of: "/") { dir = String(dir[..<slash]) } else { dir = "." }
    let store = dir + "/maalplan-store"
    var argv: [UnsafeMutablePointer<CChar>?] = [strdup(store)]
    for a in CommandLine.arguments.dropFirst() { argv.append(strdup(a)) }
    argv.append(nil)
    execv(store, argv)
    let e = errno
    printError("maalplan: \(store): " + (lang == .da
        ? "kan ikke startes (\(MessageLanguage.da.system(e))) – import og report kræver maalplan-store ved siden af maalplan; byg med make build"
        : "cannot be started (\(String(cString: strerror(e)))) – import and report need maalplan-store beside maalplan; build with make build"))
    throw ExitCode(2)
}
