/// A search query that cannot be parsed or understood, with the place where it goes wrong.
///
/// The server maps this error to `INVALID_ARGUMENT`; its ``description`` is the message to show
/// (for example `unclosed quote at column 7`).
public struct QuerySyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based column (in characters) of the query text where the problem is.
    public var column: Int

    /// What is wrong, without the position (for example `unclosed quote`).
    public var reason: String

    /// Creates an error at a column.
    ///
    /// - Parameters:
    ///   - reason: What is wrong.
    ///   - column: The 1-based character column.
    public init(_ reason: String, column: Int) {
        self.reason = reason
        self.column = column
    }

    /// The full message, `"<reason> at column <column>"`.
    public var description: String { "\(self.reason) at column \(self.column)" }
}
