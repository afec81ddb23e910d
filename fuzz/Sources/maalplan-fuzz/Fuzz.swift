// libFuzzer target for the package + reader: WordReader.read(bytes:) on arbitrary bytes,
// then everything a caller does with the model (plain text, JSON). A ReadError is the
// expected outcome for most inputs; a crash, a hang, an OOM or a sanitizer report is a bug.
//
// Fuzzing build (see fuzz/run.sh):
//   swift build -c debug --scratch-path .build-fuzz --product maalplan-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
// libFuzzer's driver then calls LLVMFuzzerTestOneInput (see FuzzMain below for why
// the driver is started from our own entry point).
//
// Normal build (swift build / swift test): no fuzzer runtime; the @main below replays
// files given on the command line through the same function, so a reproducer can be
// checked without sanitizers:  swift run maalplan-fuzz fuzz/regressions/*
import WordDocument
import DocxPackage
import MaalplanCore
import Glibc

/// One input: read it, and on success render it the two ways `maalplan inspect` does.
/// Returns the number of blocks read (-1 when refused), so the work is not optimised away.
@discardableResult
func fuzzOne(_ bytes: [UInt8]) -> Int {
    do {
        let doc = try WordReader.read(bytes: bytes)
        let text = doc.plainText
        let json = doc.json.serialized()
        let compact = doc.json.serialized(pretty: false)
        // Cheap invariants: the renderings exist and are valid UTF-8 by construction.
        precondition(json.utf8.count >= compact.utf8.count, "pretty JSON shorter than compact JSON")
        return doc.body.count + (text.isEmpty ? 0 : 1)
    } catch {
        // Every refusal must render as a message in both languages without trapping.
        _ = error.message(.da)
        _ = error.message(.en)
        _ = error.code
        return -1
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = (data != nil && size > 0) ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    fuzzOne(bytes)
    return 0
}

#if FUZZING
/// libFuzzer's driver (libclang_rt.fuzzer, LLVM ≥ 11). Plain C ABI: pointers and an int.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

/// SwiftPM links every executable with `--defsym main=<module>_main` and names the
/// @main entry point so, which overrides libFuzzer's own main(); so the entry point
/// exists in both builds. Fuzzing: hand the command line to libFuzzer's driver.
/// Otherwise: replay the files given (directories are not walked).
@main
struct FuzzMain {
    static func main() {
#if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput))
#else
        replay(Array(CommandLine.arguments.dropFirst()))
#endif
    }

    /// A line on stderr.
    static func complain(_ line: String) {
        var s = line + "\n"
        s.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }

    static func replay(_ args: [String]) {
        var args = args
        let json = args.first == "--json"
        if json { args.removeFirst() }
        if args.isEmpty || args.first == "-h" || args.first == "--help" {
            complain("usage: maalplan-fuzz [--json] FILE...   (replays inputs the way LLVMFuzzerTestOneInput\n" +
                     "       reads them; --json prints each model; fuzzing needs the -sanitize=fuzzer,address\n" +
                     "       -DFUZZING build, see fuzz/run.sh)")
            exit(args.isEmpty ? 2 : 0)
        }
        for path in args {
            guard let f = fopen(path, "rb") else { complain("\(path): cannot open"); exit(1) }
            var bytes: [UInt8] = []
            var buf = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = fread(&buf, 1, buf.count, f)
                if n <= 0 { break }
                bytes.append(contentsOf: buf[0..<n])
            }
            fclose(f)
            if json {
                do { print("\(path): " + (try WordReader.read(bytes: bytes)).json.serialized(pretty: false)) }
                catch { print("\(path): refused: \(error.code)") }
                continue
            }
            let r = fuzzOne(bytes)
            print("\(path): \(r < 0 ? "refused" : "read, \(r) blocks")")
        }
    }
}
