public import CorpusProtocol
public import NIOCore

/// The limits and timers of one server connection.
public struct ServerConnectionConfiguration: Sendable {
    /// The settings this server announces (`PROTOCOL.md` § 2.2).
    public var settings: ConnectionSettings
    /// Responses shorter than this are never compressed.
    public var compressionThreshold: Int
    /// The zlib level for responses compressed per call (stored articles are compressed at load).
    public var compressionLevel: Int
    /// How long a client has to send its preface and SETTINGS.
    public var handshakeTimeout: TimeAmount
    /// How long in-flight calls may run after a graceful shutdown starts.
    public var shutdownGracePeriod: TimeAmount

    /// The server defaults: 1 MiB frames and messages, 1,000 concurrent calls per connection,
    /// credit 32, zlib, keepalive PING after 60 s of silence (20 s to answer), idle close after
    /// 5 minutes, 10 s handshake and 10 s shutdown grace.
    public static var defaults: ServerConnectionConfiguration {
        ServerConnectionConfiguration(
            settings: ConnectionSettings(
                maxFrameSize: 1 << 20,
                maxConcurrentCalls: 1000,
                initialCredit: 32,
                acceptsZlib: true,
                maxMessageSize: 1 << 20,
                keepaliveIntervalMilliseconds: 60_000,
                keepaliveTimeoutMilliseconds: 20_000,
                idleTimeoutMilliseconds: 300_000
            ),
            compressionThreshold: MessageCompression.defaultThreshold,
            compressionLevel: 1,
            handshakeTimeout: .seconds(10),
            shutdownGracePeriod: .seconds(10)
        )
    }

    public init(
        settings: ConnectionSettings,
        compressionThreshold: Int,
        compressionLevel: Int,
        handshakeTimeout: TimeAmount,
        shutdownGracePeriod: TimeAmount
    ) {
        self.settings = settings
        self.compressionThreshold = compressionThreshold
        self.compressionLevel = compressionLevel
        self.handshakeTimeout = handshakeTimeout
        self.shutdownGracePeriod = shutdownGracePeriod
    }
}
