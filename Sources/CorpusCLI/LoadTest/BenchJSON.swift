import Foundation

/// The `--json` form of a ``LoadTestReport``: one object on one line, keys sorted.
enum BenchJSON {
    static func encode(_ report: LoadTestReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity",
            negativeInfinity: "-Infinity",
            nan: "NaN"
        )
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> LoadTestReport {
        try JSONDecoder().decode(LoadTestReport.self, from: Data(text.utf8))
    }
}
