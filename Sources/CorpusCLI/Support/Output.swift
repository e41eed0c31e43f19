import Foundation

/// Where a command writes its results: stdout (line by line, so streams show as they arrive) or
/// a buffer (tests). Knows whether to use ANSI styles.
final class Output: @unchecked Sendable {
    /// Whether ANSI styles (bold, colour) are used.
    let color: Bool
    private var captured: [String]?
    private let lock = NSLock()

    /// Output to stdout.
    init(color: Bool) {
        self.color = color
        self.captured = nil
    }

    /// Output captured in memory (for tests).
    static func capturing(color: Bool = false) -> Output {
        let output = Output(color: color)
        output.captured = []
        return output
    }

    /// Everything written so far, when capturing.
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return (captured ?? []).map { $0 + "\n" }.joined()
    }

    /// Writes one line (or several, separated by newlines).
    func line(_ text: String = "") {
        lock.lock()
        defer { lock.unlock() }
        if captured != nil {
            captured?.append(text)
        } else {
            // `try?`: a closed pipe (`corpus list | head`) must not crash the command.
            try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
        }
    }

    /// `text` in bold when styles are on.
    func bold(_ text: String) -> String {
        color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    /// `text` dimmed when styles are on.
    func dim(_ text: String) -> String {
        color ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }
}

/// A table with aligned columns.
struct Table {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: [String]) {
        self.headers = headers
    }

    mutating func add(_ row: [String]) {
        rows.append(row)
    }

    /// The lines of the table; the header is bold when `output` uses styles.
    func render(to output: Output) {
        let all = [headers] + rows
        var widths = [Int](repeating: 0, count: headers.count)
        for row in all {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.unicodeScalars.count)
            }
        }
        func format(_ row: [String]) -> String {
            row.enumerated().map { column, cell in
                guard column < widths.count - 1 else { return cell }
                return cell + String(repeating: " ", count: widths[column] - cell.unicodeScalars.count)
            }.joined(separator: "  ")
        }
        output.line(output.bold(format(headers)))
        for row in rows { output.line(format(row)) }
    }
}
