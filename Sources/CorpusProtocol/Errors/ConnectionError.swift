/// A connection-level error, as carried by a GOAWAY frame (`PROTOCOL.md` § 8.2).
///
/// Connection errors end the whole connection; every call still open on it fails with
/// `UNAVAILABLE` on the client.
public struct ConnectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The code sent in GOAWAY.
    public var code: Code
    /// What went wrong.
    public var message: String

    /// Creates a connection error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

extension ConnectionError {
    /// A connection error code (`u16` in GOAWAY). Unknown values become ``internalError``.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The value on the wire.
        public let rawValue: UInt16

        private init(_ rawValue: UInt16) {
            self.rawValue = rawValue
        }

        /// Creates a code from its wire value; unknown values become ``internalError``.
        public init(wireValue: UInt16) {
            self.rawValue = wireValue < Self.names.count ? wireValue : 2
        }

        public static let noError = Code(0)
        public static let protocolError = Code(1)
        public static let internalError = Code(2)
        public static let flowControlError = Code(3)
        public static let frameSizeError = Code(4)
        public static let unsupportedVersion = Code(5)
        public static let tooManyConnections = Code(6)
        public static let idleTimeout = Code(7)
        public static let keepaliveTimeout = Code(8)
        public static let handshakeTimeout = Code(9)

        private static let names = [
            "NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR", "FRAME_SIZE_ERROR",
            "UNSUPPORTED_VERSION", "TOO_MANY_CONNECTIONS", "IDLE_TIMEOUT", "KEEPALIVE_TIMEOUT", "HANDSHAKE_TIMEOUT",
        ]

        /// The name used in `PROTOCOL.md`, e.g. `FRAME_SIZE_ERROR`.
        public var name: String { Self.names[Int(rawValue)] }

        public var description: String { name }
    }
}
