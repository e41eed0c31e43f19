/// Why a file could not be read as an article. The loader reports it with the path and skips the file.
public struct ArticleParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reasons a file is skipped.
    public enum Reason: Sendable, Hashable {
        /// The file has no text (zero bytes or only white space).
        case empty
        /// The bytes are not valid UTF-8.
        case notUTF8
        /// The file could not be read; the detail comes from the operating system.
        case unreadable(String)
    }

    /// The path of the file (or the article id when parsing text in memory).
    public var path: String
    /// What went wrong.
    public var reason: Reason

    /// Creates an error.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// A one-line explanation, for example `a/b.txt: not valid UTF-8`.
    public var description: String { "\(path): \(reasonDescription)" }

    /// The reason alone: `empty file`, `not valid UTF-8` or `unreadable (…)`.
    public var reasonDescription: String {
        switch reason {
        case .empty: return "empty file"
        case .notUTF8: return "not valid UTF-8"
        case .unreadable(let detail): return "unreadable (\(detail))"
        }
    }
}
