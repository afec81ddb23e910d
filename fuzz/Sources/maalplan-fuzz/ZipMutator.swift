// A structure-aware mutator for the fuzzing build: most of the time it opens the input
// as a zip, mutates the inflated bytes of one XML part with libFuzzer's own mutator and
// writes the part back (stored, with a correct CRC), so that mutations reach the XML
// reader and the WordprocessingML walker instead of dying in inflate or the CRC check.
// The rest of the time, or when the input is no longer a zip libzip opens, it mutates the
// raw bytes (the zip structure, Sniff, libzip, the limits).
#if FUZZING
internal import CZip
import Glibc

@_silgen_name("LLVMFuzzerMutate")
func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

/// Parts bigger than this are not mutated in place (the fixtures' document.xml is ~100 KiB).
private let maxPartForMutation = 512 << 10

@_cdecl("LLVMFuzzerCustomMutator")
public func LLVMFuzzerCustomMutator(_ data: UnsafeMutablePointer<UInt8>?, _ size: Int,
                                    _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
    guard let data else { return 0 }
    var rng = SplitMix(seed: UInt64(seed))
    if size > 0, rng.next() % 4 != 0,
       let out = mutatePart(UnsafeBufferPointer(start: data, count: size), maxSize: maxSize, rng: &rng),
       out.count <= maxSize {
        out.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: out.count) }
        return out.count
    }
    return LLVMFuzzerMutate(data, size, maxSize)
}

private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The input with one XML part mutated, or nil when it is not a zip libzip can rewrite.
private func mutatePart(_ input: UnsafeBufferPointer<UInt8>, maxSize: Int, rng: inout SplitMix) -> [UInt8]? {
    var zerr = zip_error_t()
    zip_error_init(&zerr)
    defer { zip_error_fini(&zerr) }
    // A buffer source that libzip may write the new archive back into.
    guard let copy = malloc(input.count) else { return nil }
    copy.copyMemory(from: input.baseAddress!, byteCount: input.count)
    guard let src = zip_source_buffer_create(copy, zip_uint64_t(input.count), 1, &zerr) else { free(copy); return nil }
    // Our own reference, to read the result after zip_close; the archive holds the other.
    zip_source_keep(src)
    defer { zip_source_free(src) }
    // On failure zip_open_from_source takes no reference: drop the one it would have held.
    guard let za = zip_open_from_source(src, 0, &zerr) else { zip_source_free(src); return nil }
    var closed = false
    defer { if !closed { zip_discard(za) } }

    // Candidates: XML parts; the main document twice as likely as any other.
    var candidates: [zip_uint64_t] = []
    let n = zip_get_num_entries(za, 0)
    if n <= 0 || n > 10_000 { return nil }
    for i in 0..<zip_uint64_t(n) {
        guard let cname = zip_get_name(za, i, 0) else { continue }
        let name = String(cString: cname).lowercased()
        guard name.hasSuffix(".xml") || name.hasSuffix(".rels") else { continue }
        candidates.append(i)
        if name.hasSuffix("document.xml") { candidates.append(i) }
    }
    guard !candidates.isEmpty else { return nil }
    let idx = candidates[Int(rng.next() % UInt64(candidates.count))]

    // Inflate it (bounded), mutate it in a buffer with room to grow.
    var st = zip_stat_t()
    zip_stat_init(&st)
    guard zip_stat_index(za, idx, 0, &st) == 0, st.size <= zip_uint64_t(maxPartForMutation) else { return nil }
    let len = Int(st.size)
    let room = min(max(len * 2, len + 4096), maxPartForMutation)
    guard let part = malloc(max(room, 1))?.assumingMemoryBound(to: UInt8.self) else { return nil }
    var owned = true
    defer { if owned { free(part) } }
    guard let f = zip_fopen_index(za, idx, 0) else { return nil }
    var got = 0
    while got < len {
        let r = zip_fread(f, part + got, zip_uint64_t(len - got))
        if r <= 0 { break }
        got += Int(r)
    }
    zip_fclose(f)
    guard got == len else { return nil }
    // A few stacked mutations now and then, as libFuzzer does with -mutate_depth.
    var newLen = len
    for _ in 0..<(1 + Int(rng.next() % 3)) {
        newLen = LLVMFuzzerMutate(part, newLen, room)
    }

    guard let repl = zip_source_buffer(za, part, zip_uint64_t(newLen), 1) else { return nil }
    owned = false
    if zip_file_replace(za, idx, repl, 0) != 0 { zip_source_free(repl); return nil }
    zip_set_file_compression(za, idx, ZIP_CM_STORE, 0)
    closed = true
    guard zip_close(za) == 0 else { zip_discard(za); return nil }

    // Read the rewritten archive back out of the buffer source.
    guard zip_source_open(src) == 0 else { return nil }
    defer { zip_source_close(src) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let r = buf.withUnsafeMutableBytes { zip_source_read(src, $0.baseAddress!, zip_uint64_t($0.count)) }
        if r <= 0 { break }
        out.append(contentsOf: buf[0..<Int(r)])
        if out.count > maxSize { return nil }
    }
    return out.isEmpty ? nil : out
}
#endif
