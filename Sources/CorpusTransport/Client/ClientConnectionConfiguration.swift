public import CorpusProtocol
public import NIOCore

/// The settings and timers of one client connection.
public struct ClientConnectionConfiguration: Sendable {
    /// The settings this client announces (`PROTOCOL.md` § 2.2).
    public var settings: ConnectionSettings
    /// Requests shorter than this are never compressed.
    public var compressionThreshold: Int
    /// The zlib level for compressed requests.
    public var compressionLevel: Int
    /// How long to wait for the server's preface and SETTINGS.
    public var handshakeTimeout: TimeAmount

    /// The client defaults: 16 MiB frames and messages, credit 256 (a whole page of search hits in
    /// flight without waiting for a CREDIT round trip), zlib, no keepalive PINGs.
    public static var defaults: ClientConnectionConfiguration {
        ClientConnectionConfiguration(
            settings: ConnectionSettings(
                maxFrameSize: 16_777_216,
                maxConcurrentCalls: 0,
                initialCredit: 256,
                acceptsZlib: true,
                maxMessageSize: 16_777_216,
                keepaliveIntervalMilliseconds: 0,
                keepaliveTimeoutMilliseconds: 20_000,
                idleTimeoutMilliseconds: 0
            ),
            compressionThreshold: MessageCompression.defaultThreshold,
            compressionLevel: 1,
            handshakeTimeout: .seconds(10)
        )
    }

    public init(
        settings: ConnectionSettings,
        compressionThreshold: Int,
        compressionLevel: Int,
        handshakeTimeout: TimeAmount
    ) {
        self.settings = settings
        self.compressionThreshold = compressionThreshold
        self.compressionLevel = compressionLevel
        self.handshakeTimeout = handshakeTimeout
    }
}
