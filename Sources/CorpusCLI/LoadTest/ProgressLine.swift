import Foundation
import Synchronization

/// The live progress line on stderr (`warmup  3.0 s  12,345 calls/s  p99 1.23 ms  errors 0`),
/// redrawn in place with `\r`. Disabled when stderr is not a terminal, so logs and pipes stay
/// clean.
final class ProgressLine: Sendable {
    /// Whether anything is drawn.
    let isEnabled: Bool
    private let drawn = Mutex(false)

    init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// Draws a snapshot of the phase called `label`.
    func show(_ label: String, _ snapshot: ProgressSnapshot) {
        draw(
            "\(label) \(Number.seconds(snapshot.elapsedSeconds))  \(Number.decimal(snapshot.callsPerSecond)) calls/s  "
                + "p99 \(Number.millis(snapshot.p99Millis))  calls \(Number.integer(snapshot.calls))  "
                + "errors \(Number.integer(snapshot.errors))"
        )
    }

    /// Draws a free-form status (`discovering arguments...`).
    func status(_ text: String) {
        draw(text)
    }

    /// A progress callback for the runner.
    func handler(_ label: String) -> (@Sendable (ProgressSnapshot) -> Void)? {
        guard isEnabled else { return nil }
        return { snapshot in self.show(label, snapshot) }
    }

    /// Erases the line (before the report is printed).
    func clear() {
        guard isEnabled else { return }
        let wasDrawn = drawn.withLock { drawn in
            defer { drawn = false }
            return drawn
        }
        if wasDrawn { try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K".utf8)) }
    }

    private func draw(_ text: String) {
        guard isEnabled else { return }
        drawn.withLock { $0 = true }
        try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K\(text)".utf8))
    }
}
