import Glibc

/// Random numbers that can be replayed: each test that draws them prints its seed, and
/// `MAALPLAN_TEST_SEED=<seed> swift test --filter <test>` draws the same ones again.
/// SplitMix64 (Steele, Lea and Flood 2014): small, fast, and good enough to pick test inputs.
public struct SeededRandom: RandomNumberGenerator {
    public let seed: UInt64
    private var state: UInt64

    /// A generator for `test` (a name printed with the seed): seeded from MAALPLAN_TEST_SEED when
    /// it is set, else at random.
    public init(_ test: String) {
        let fromEnvironment = getenv("MAALPLAN_TEST_SEED").flatMap { UInt64(String(cString: $0)) }
        self.init(seed: fromEnvironment ?? UInt64.random(in: 0...UInt64.max))
        print("\(test): MAALPLAN_TEST_SEED=\(seed)")
    }

    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

