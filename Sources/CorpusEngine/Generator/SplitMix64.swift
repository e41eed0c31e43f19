/// A small deterministic random number generator (SplitMix64), so that `corpus generate --seed S`
/// writes the same files on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<upperBound` (multiply-shift; the tiny bias does not matter here).
    mutating func below(_ upperBound: Int) -> Int {
        guard upperBound > 1 else { return 0 }
        return Int((UInt128(next()) * UInt128(upperBound)) >> 64)
    }

    /// A value in the closed range.
    mutating func between(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// `true` with the given probability in percent.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// A random element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
