/// The payload of a HEADERS frame, which opens a call (`PROTOCOL.md` § 3.3).
public struct RequestHeaders: Sendable, Hashable {
    /// The full method name, e.g. `/corpus.v1.Corpus/GetArticle`.
    public var method: String
    /// The call's timeout in milliseconds, relative to the server receiving the HEADERS; 0 = none.
    public var timeoutMilliseconds: UInt32
    /// Request metadata.
    public var metadata: Metadata
    /// Whether the client asks the server not to compress this call's responses.
    public var noCompression: Bool

    public init(method: String, timeoutMilliseconds: UInt32 = 0, metadata: Metadata = [:], noCompression: Bool = false)
    {
        self.method = method
        self.timeoutMilliseconds = timeoutMilliseconds
        self.metadata = metadata
        self.noCompression = noCompression
    }
}

/// The payload of a TRAILERS frame, which ends a call (`PROTOCOL.md` § 3.5).
public struct Trailers: Sendable, Hashable {
    /// The call's status.
    public var status: Status
    /// Trailing metadata.
    public var metadata: Metadata

    public init(status: Status, metadata: Metadata = [:]) {
        self.status = status
        self.metadata = metadata
    }
}

/// The payload of a GOAWAY frame (`PROTOCOL.md` § 3.8).
public struct GoAway: Sendable, Hashable {
    /// The highest call id the sender has accepted or will process.
    public var lastCallID: UInt32
    /// Why the connection ends; ``ConnectionError/Code/noError`` for a graceful shutdown.
    public var code: ConnectionError.Code
    /// A human-readable explanation.
    public var message: String

    public init(lastCallID: UInt32, code: ConnectionError.Code, message: String) {
        self.lastCallID = lastCallID
        self.code = code
        self.message = message
    }
}
