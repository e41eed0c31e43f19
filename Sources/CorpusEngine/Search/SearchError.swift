/// Why a search could not run.
public struct SearchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of failure, mapped to a wire status by the server.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Sendable, Hashable {
            case invalidQuery
            case invalidCursor
            case cancelled
        }

        private let value: Value

        /// The query is malformed (`INVALID_ARGUMENT`).
        public static let invalidQuery = Code(value: .invalidQuery)
        /// The cursor is not one this engine produced (`INVALID_ARGUMENT`).
        public static let invalidCursor = Code(value: .invalidCursor)
        /// The caller cancelled while the query was being evaluated (`CANCELLED`).
        public static let cancelled = Code(value: .cancelled)

        public var description: String {
            switch self.value {
            case .invalidQuery: "invalid query"
            case .invalidCursor: "invalid cursor"
            case .cancelled: "cancelled"
            }
        }
    }

    /// The class of failure.
    public var code: Code
    /// A message for the user, with the position for query errors (`unclosed quote at column 7`).
    public var message: String
    /// For ``Code/invalidQuery``: the syntax error with its column.
    public var syntaxError: QuerySyntaxError?

    /// Creates an error.
    public init(code: Code, message: String, syntaxError: QuerySyntaxError? = nil) {
        self.code = code
        self.message = message
        self.syntaxError = syntaxError
    }

    init(_ syntaxError: QuerySyntaxError) {
        self.init(code: .invalidQuery, message: syntaxError.description, syntaxError: syntaxError)
    }

    public var description: String { self.message }
}

/// What to return from a search.
public struct SearchOptions: Sendable, Hashable {
    /// At most this many hits; `nil` (or 0) means every match.
    public var limit: Int?
    /// Resume right after the hit that carried this cursor.
    public var cursor: SearchCursor?
    /// Approximate snippet length in characters; 0 leaves snippets empty (no text is read).
    public var snippetLength: Int

    /// Creates options.
    public init(limit: Int? = nil, cursor: SearchCursor? = nil, snippetLength: Int = 200) {
        self.limit = limit
        self.cursor = cursor
        self.snippetLength = snippetLength
    }
}
