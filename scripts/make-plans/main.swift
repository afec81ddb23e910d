// Writes N distinct målplaner (2025 layout, every phase represented) to DIR, for the import
// benchmark and by hand:  swift run make-plans N DIR [--start K]
// File i is DIR/plan-00000i.docx and always has the same bytes (see MaalplanSamples).
//
// make-plans --demo DIR writes the folder `make demo` imports: what a municipality's shared
// folder of plans looks like (see demoFolder below).
import Foundation
import MaalplanSamples

var args = Array(CommandLine.arguments.dropFirst())
if args.count == 2 && args[0] == "--demo" {
    do {
        let n = try demoFolder(args[1])
        print("make-plans: a folder of \(n) files like a municipality's in \(args[1])")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("make-plans: \(args[1]): \(error)\n".utf8))
        exit(2)
    }
}
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

/// Sixteen distinct plans by department (different titles, owners, coordinators and case
/// numbers; 2024 plans in the 2024 layout; every phase), and what such a folder also holds:
/// a copy, a draft beside its final version, Word's lock file of an open plan, a file that
/// cannot be read (cut off in a copy) and a plan saved as PDF. Returns the number of files.
func demoFolder(_ dir: String) throws -> Int {
    let fm = FileManager.default
    if fm.fileExists(atPath: dir) { try fm.removeItem(atPath: dir) }
    var files = 0
    func put(_ bytes: [UInt8], _ rel: String) throws {
        let path = dir + "/" + rel
        try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        files += 1
    }
    func folder(_ i: Int) -> String { SamplePlans.organisation(i).dropFirst().joined(separator: "/") }
    func name(_ i: Int) -> String { SamplePlans.title(i).replacingOccurrences(of: " – ", with: " - ") }
    for i in 0..<16 {
        // Plan 14 is under way: its milestones are planned, none evaluated yet.
        let bytes = SamplePlans.year(i) == 2024 ? try SamplePlans.build2024(i) : try SamplePlans.build(i, evaluated: i != 14)
        try put(bytes, "\(SamplePlans.year(i))/\(folder(i))/Målplan \(name(i)).docx")
    }
    // A copy someone kept in the shared folder.
    try put(SamplePlans.build(4), "Fælles/Kopi af Målplan \(name(4)).docx")
    // A draft (FØR only) beside the final version (every phase) of plan 5.
    try put(SamplePlans.build(5, phases: 1), "2025/\(folder(5))/Målplan \(name(5)) - udkast.docx")
    // Word's owner file while plan 7 is open.
    try put([UInt8]("~Lone Dahl Petersen".utf8) + [UInt8](repeating: 0x20, count: 142), "2025/\(folder(7))/~$ålplan \(name(7)).docx")
    // A copy cut off half-way (a network drive that dropped).
    let whole = try SamplePlans.build(8)
    try put(Array(whole.prefix(whole.count / 2)), "2025/\(folder(8))/Målplan \(name(8)) (gammel kopi).docx")
    // A plan saved as PDF for the council.
    try put([UInt8]("%PDF-1.7\n% Målplan som PDF\n".utf8), "2024/\(folder(9))/Målplan \(name(9)).pdf")
    return files
}
