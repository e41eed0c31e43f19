import Foundation

/// Output helpers shared by the subcommands.
enum Terminal {
    /// Writes one line to stderr.
    static func error(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data((message + "\n").utf8))
    }

    /// Writes one line to stdout at once (unbuffered, so scripts waiting for it see it).
    static func line(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
    }

    /// Whether stdout is a terminal (and colour is welcome: `NO_COLOR` unset, `TERM` not `dumb`).
    static var stdoutIsColorTerminal: Bool {
        let environment = ProcessInfo.processInfo.environment
        if environment["NO_COLOR"] != nil { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) != 0
    }

    /// Whether stderr is a terminal (for progress lines).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
