import ArgumentParser
import Foundation

/// A length of time given on the command line: `10s`, `500ms`, `2m`, `1m30s`, `1h`, or a bare
/// number of seconds (`2.5`).
struct BenchDuration: Sendable, Hashable, ExpressibleByArgument, CustomStringConvertible {
    /// The duration.
    var duration: Duration

    init(_ duration: Duration) {
        self.duration = duration
    }

    init?(argument: String) {
        guard let duration = Self.parse(argument) else { return nil }
        self.duration = duration
    }

    /// Parses `text`; `nil` when it is not a duration.
    static func parse(_ text: String) -> Duration? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty else { return nil }
        if let seconds = Double(text) {
            return seconds >= 0 && seconds.isFinite ? .nanoseconds(Int64(seconds * 1e9)) : nil
        }
        var total = Duration.zero
        var rest = Substring(text)
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number), value.isFinite else { return nil }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { $0.isLetter || $0 == "µ" }
            rest = rest.dropFirst(unit.count)
            let scale: Double
            switch unit {
            case "h": scale = 3600e9
            case "m", "min": scale = 60e9
            case "s": scale = 1e9
            case "ms": scale = 1e6
            case "us", "µs": scale = 1e3
            case "ns": scale = 1
            default: return nil
            }
            total += .nanoseconds(Int64(value * scale))
        }
        return total
    }

    /// `10s`, `500ms`, `2m`, `1m30s`: the shortest exact spelling.
    var description: String { Self.format(duration) }

    static func format(_ duration: Duration) -> String {
        let nanoseconds = duration.nanoseconds
        if nanoseconds == 0 { return "0s" }
        if nanoseconds % 1_000_000_000 != 0 {
            let milliseconds = Double(nanoseconds) / 1e6
            return milliseconds == milliseconds.rounded() ? "\(Int64(milliseconds))ms" : "\(milliseconds)ms"
        }
        let seconds = nanoseconds / 1_000_000_000
        if seconds >= 60, seconds % 60 == 0 { return "\(seconds / 60)m" }
        if seconds > 60 { return "\(seconds / 60)m\(seconds % 60)s" }
        return "\(seconds)s"
    }
}
