// Reading alone, in process: inflate + parse to the model, for each file, N times.
// Prints the median time per pass over all files, for comparison with bench/floor.c.
import WordDocument
import Foundation

let args = CommandLine.arguments.dropFirst()
guard let n = args.first.flatMap({ Int($0) }) else {
    print("usage: maalplan-bench-read REPEATS FILE..."); exit(2)
}
let files = Array(args.dropFirst())
let data = files.map { try! [UInt8](Data(contentsOf: URL(fileURLWithPath: $0))) }
var times: [Double] = []
var sink = 0
for _ in 0..<n {
    let t0 = DispatchTime.now().uptimeNanoseconds
    for d in data {
        let doc = try! WordReader.read(bytes: d)
        sink &+= doc.body.count
    }
    times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
}
times.sort()
print(String(format: "model %.3f ms per pass over %d files (median of %d; blocks %d)", times[times.count / 2], files.count, n, sink / n))
