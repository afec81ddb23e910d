// Reading alone, in process: inflate + parse to the model, for each file, N times.
// Prints the median time per pass over all files, for comparison with bench/floor.c.
//
//   maalplan-bench-read [-k] [-w WARMUP] REPEATS FILE...
//
// Each file is read into memory once, up front; a pass is WordReader.read(bytes:)
// of every file. Each read is as a file's first: the parts packages share (styles,
// numbering, ...) are not kept from read to read, as the floor keeps nothing either. -k
// keeps them in a SharedPartCache, as a bulk import does (the second and later reads of a
// part then cost a byte comparison). Output (one line, parsed by bench/run.sh):
//   model median_ms=0.123 min_ms=0.120 cpu_ms=0.121 files=4 passes=200 blocks=321
// median_ms and min_ms are wall time per pass; cpu_ms is the median process CPU time per pass.
import DocxPackage
import WordDocument
import Glibc

/// A line on stderr.
func complain(_ line: String) {
    var s = line + "\n"
    s.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

func usage() -> Never {
    complain("usage: maalplan-bench-read [-k] [-w WARMUP] REPEATS FILE...")
    exit(2)
}

var args = Array(CommandLine.arguments.dropFirst())
var keep = false
if args.first == "-k" {
    keep = true
    args.removeFirst()
}
let sharedParts: SharedPartCache? = keep ? SharedPartCache() : nil
@MainActor func read(_ bytes: [UInt8]) throws(ReadError) -> WordDocument {
    try WordReader.read(package: DocxPackage(bytes: bytes, sharedParts: sharedParts))
}
var warmup = 3
if args.first == "-w" {
    guard args.count > 1, let w = Int(args[1]) else { usage() }
    warmup = w
    args.removeFirst(2)
}
guard let n = args.first.flatMap({ Int($0) }), n > 0, args.count > 1 else { usage() }
let files = Array(args.dropFirst())

func load(_ path: String) -> [UInt8] {
    guard let fp = fopen(path, "rb") else { perror(path); exit(2) }
    defer { fclose(fp) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let k = fread(&buf, 1, buf.count, fp)
        if k == 0 { break }
        out.append(contentsOf: buf[0..<k])
    }
    return out
}

func now(_ clock: clockid_t = CLOCK_MONOTONIC) -> UInt64 {
    var ts = timespec()
    clock_gettime(clock, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

let data = files.map(load)

// First pass checks every file reads, so that a failure is a message and not a crash.
var blocks = 0
for (path, d) in zip(files, data) {
    do { blocks += try read(d).body.count }
    catch { complain("maalplan-bench-read: cannot read \(path): \(error)"); exit(1) }
}

var sink = 0
@MainActor func pass() {
    for d in data {
        if let doc = try? read(d) { sink &+= doc.body.count }
    }
}
for _ in 0..<warmup { pass() }

var times: [Double] = [], cpu: [Double] = []
times.reserveCapacity(n)
cpu.reserveCapacity(n)
for _ in 0..<n {
    let t0 = now(), c0 = now(CLOCK_PROCESS_CPUTIME_ID)
    pass()
    cpu.append(Double(now(CLOCK_PROCESS_CPUTIME_ID) - c0) / 1e6)
    times.append(Double(now() - t0) / 1e6)
}
times.sort()
cpu.sort()
print("model median_ms=\(format4(times[n / 2])) min_ms=\(format4(times[0])) cpu_ms=\(format4(cpu[n / 2])) files=\(files.count) passes=\(n) blocks=\(blocks)")

func format4(_ x: Double) -> String {
    var buf = [CChar](repeating: 0, count: 32)
    _ = withVaList([x]) { vsnprintf(&buf, buf.count, "%.4f", $0) }
    return String(cString: buf)
}
