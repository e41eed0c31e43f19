/// The one error type that calls fail with: a status code, a message, and optionally the
/// trailing metadata and the underlying cause.
///
/// Servers turn thrown errors into TRAILERS: a ``CorpusError`` (or a ``CorpusErrorConvertible``)
/// keeps its code and message; anything else reaches the caller as ``Code/internalError`` with a
/// generic message, and its detail stays in the server's log. Clients throw ``CorpusError`` for
/// every failed call.
public struct CorpusError: Error, Sendable, CustomStringConvertible {
    /// The status code; never `OK`.
    public var code: Code
    /// What went wrong, for humans.
    public var message: String
    /// Trailing metadata sent with the failure.
    public var metadata: Metadata
    /// The underlying error, if any (local only: never sent on the wire).
    public var cause: (any Error)?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The status code.
    ///   - message: A human-readable description.
    ///   - metadata: Trailing metadata.
    ///   - cause: The underlying error.
    public init(code: Code, message: String, metadata: Metadata = [:], cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.metadata = metadata
        self.cause = cause
    }

    /// Creates an error from a non-OK status; returns `nil` for `OK`.
    public init?(status: Status, metadata: Metadata = [:]) {
        guard let code = Code(status.code) else { return nil }
        self.init(code: code, message: status.message, metadata: metadata)
    }

    /// The status sent in TRAILERS for this error.
    public var status: Status { Status(code: code.statusCode, message: message) }

    public var description: String {
        message.isEmpty ? code.description : "\(code): \(message)"
    }
}

extension CorpusError {
    /// An error code: any ``Status/Code`` except `OK`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The corresponding status code.
        public let statusCode: Status.Code

        /// Creates an error code from a status code; returns `nil` for `OK`.
        public init?(_ statusCode: Status.Code) {
            guard statusCode != .ok else { return nil }
            self.statusCode = statusCode
        }

        private init(unchecked statusCode: Status.Code) {
            self.statusCode = statusCode
        }

        public static let cancelled = Code(unchecked: .cancelled)
        public static let unknown = Code(unchecked: .unknown)
        public static let invalidArgument = Code(unchecked: .invalidArgument)
        public static let deadlineExceeded = Code(unchecked: .deadlineExceeded)
        public static let notFound = Code(unchecked: .notFound)
        public static let alreadyExists = Code(unchecked: .alreadyExists)
        public static let permissionDenied = Code(unchecked: .permissionDenied)
        public static let resourceExhausted = Code(unchecked: .resourceExhausted)
        public static let failedPrecondition = Code(unchecked: .failedPrecondition)
        public static let aborted = Code(unchecked: .aborted)
        public static let outOfRange = Code(unchecked: .outOfRange)
        public static let unimplemented = Code(unchecked: .unimplemented)
        public static let internalError = Code(unchecked: .internal)
        public static let unavailable = Code(unchecked: .unavailable)
        public static let dataLoss = Code(unchecked: .dataLoss)
        public static let unauthenticated = Code(unchecked: .unauthenticated)

        /// The name used in `PROTOCOL.md`, e.g. `NOT_FOUND`.
        public var name: String { statusCode.name }

        public var description: String { statusCode.name }
    }
}

/// A domain error that knows which ``CorpusError`` it becomes on the wire.
///
/// Errors that do not conform reach callers as `INTERNAL` with a generic message.
public protocol CorpusErrorConvertible: Error {
    /// The error to send to the caller.
    var corpusError: CorpusError { get }
}

extension CorpusError: CorpusErrorConvertible {
    public var corpusError: CorpusError { self }
}
