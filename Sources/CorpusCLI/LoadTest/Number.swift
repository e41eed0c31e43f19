import Foundation

/// Number formatting of the readable report and the HTML page.
enum Number {
    /// `12,345`.
    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// `12,345.6` (one decimal; none for whole numbers), or `0.25` for small values.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if value == value.rounded(), value.magnitude < 1e15 { return integer(Int(value)) }
        if value.magnitude < 10 { return String(format: "%.2f", value) }
        let text = String(format: "%.1f", value.magnitude)
        let parts = text.split(separator: ".")
        let whole = integer(Int(parts[0]) ?? 0)
        return (value < 0 ? "-" : "") + whole + "." + (parts.count > 1 ? parts[1] : "0")
    }

    /// A latency in milliseconds with 3 significant digits: `0.0420`, `1.23`, `45.6`, `1,234`.
    static func millisValue(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if value == 0 { return "0" }
        if value < 0.01 { return String(format: "%.4f", value) }
        if value < 1 { return String(format: "%.3f", value) }
        if value < 10 { return String(format: "%.2f", value) }
        if value < 100 { return String(format: "%.1f", value) }
        return integer(Int(value.rounded()))
    }

    /// `1.23 ms`.
    static func millis(_ value: Double) -> String { millisValue(value) + " ms" }

    /// `10.0 s`, `0.50 s`, `2 min 5 s`.
    static func seconds(_ value: Double) -> String {
        if value >= 120 {
            let whole = Int(value.rounded())
            return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s"
        }
        return value < 1 ? String(format: "%.2f s", value) : String(format: "%.1f s", value)
    }

    /// `1 id`, `25 names`.
    static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(integer(value)) \(value == 1 ? noun : plural ?? noun + "s")"
    }
}
