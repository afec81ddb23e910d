// Writes N distinct målplaner (2025 layout, every phase represented) to DIR, for the import
// benchmark and by hand:  swift run make-plans N DIR [--start K]
// File i is DIR/plan-00000i.docx and always has the same bytes (see MaalplanSamples).
import Foundation
import MaalplanSamples

var args = Array(CommandLine.arguments.dropFirst())
var startArgument = 0
if let k = args.firstIndex(of: "--start"), k + 1 < args.count, let s = Int(args[k + 1]) {
    startArgument = s
    args.removeSubrange(k...(k + 1))
}
let start = startArgument
guard args.count == 2, let n = Int(args[0]), n >= 0 else {
    FileHandle.standardError.write(Data("usage: make-plans N DIR [--start K]\n".utf8))
    exit(2)
}
let dir = args[1]
do {
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
} catch {
    FileHandle.standardError.write(Data("make-plans: \(dir): \(error)\n".utf8))
    exit(2)
}
// Builds in parallel: the builder is pure, each index its own file.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var any: Bool { lock.lock(); defer { lock.unlock() }; return count > 0 }
}
let failures = Failures()
DispatchQueue.concurrentPerform(iterations: n) { j in
    let i = start + j
    do {
        try SamplePlans.write(i, to: dir + "/" + String(format: "plan-%06d.docx", i))
    } catch {
        failures.add()
        FileHandle.standardError.write(Data("make-plans: plan \(i): \(error)\n".utf8))
    }
}
if failures.any { exit(1) }
print("make-plans: \(n) plans in \(dir)")
