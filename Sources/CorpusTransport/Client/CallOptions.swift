public import CorpusProtocol

/// Per-call options.
public struct CallOptions: Sendable {
    /// How long the call may take; `nil` means no deadline. Sent to the server as the relative
    /// timeout and enforced locally as well (`PROTOCOL.md` § 7.1).
    public var timeout: Duration?
    /// Request metadata.
    public var metadata: Metadata
    /// Whether the call may use compression (for the request, and for the responses when the
    /// server compresses). `false` sets `NO_COMPRESSION` in HEADERS.
    public var compression: Bool
    /// For streams: messages to grant beyond the connection's initial credit, sent right after
    /// HEADERS (a deeper window for a fast consumer). 0 keeps the default window.
    public var extraCredit: Int

    public init(timeout: Duration? = nil, metadata: Metadata = [:], compression: Bool = true, extraCredit: Int = 0) {
        self.timeout = timeout
        self.metadata = metadata
        self.compression = compression
        self.extraCredit = extraCredit
    }

    /// No deadline, no metadata, compression as negotiated.
    public static var defaults: CallOptions { CallOptions() }

    /// The timeout as the wire's milliseconds (at least 1 for any positive timeout; 0 = none).
    var timeoutMilliseconds: UInt32 {
        guard let timeout, timeout > .zero else { return 0 }
        let (seconds, attoseconds) = timeout.components
        let milliseconds = seconds * 1000 + Int64((Double(attoseconds) / 1e15).rounded(.up))
        return UInt32(clamping: max(1, milliseconds))
    }
}
