/// Exponential backoff with jitter: attempt *n* waits `initial × multiplier^(n-1)`, capped at
/// `maximum`, randomised by ±`jitter` (a fraction) so that many clients do not retry in step.
public struct Backoff: Sendable, Hashable {
    public var initial: Duration
    public var maximum: Duration
    public var multiplier: Double
    public var jitter: Double

    /// 100 ms, growing 1.6× up to 5 s, ±20 %.
    public static var defaults: Backoff {
        Backoff(initial: .milliseconds(100), maximum: .seconds(5))
    }

    public init(initial: Duration, maximum: Duration, multiplier: Double = 1.6, jitter: Double = 0.2) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = max(1, multiplier)
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The delay before attempt `attempt` (1-based), using `random` for the jitter.
    public func delay(attempt: Int, using random: inout some RandomNumberGenerator) -> Duration {
        let base = initial.seconds * pow(multiplier, Double(max(0, attempt - 1)))
        let capped = min(base, maximum.seconds)
        let factor = jitter > 0 ? Double.random(in: (1 - jitter)...(1 + jitter), using: &random) : 1
        return .nanoseconds(Int64(capped * factor * 1e9))
    }

    /// The delay before attempt `attempt`, with the system random generator.
    public func delay(attempt: Int) -> Duration {
        var random = SystemRandomNumberGenerator()
        return delay(attempt: attempt, using: &random)
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    var remaining = Int(exponent)
    while remaining > 0 {
        result *= base
        remaining -= 1
    }
    return result
}
