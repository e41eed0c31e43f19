internal import CorpusProtocol
public import CorpusTransport
public import Logging
public import NIOCore
internal import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens protocol connections over TCP.
public enum ClientConnector {
    /// Connects to `address`, runs the handshake and returns the connection once the server's
    /// SETTINGS arrived.
    ///
    /// - Throws: ``CorpusProtocol/CorpusError`` `UNAVAILABLE` when the connection or the
    ///   handshake fails.
    public static func connect(
        to address: SocketAddress,
        group: any EventLoopGroup,
        configuration: ClientConnectionConfiguration = .defaults,
        connectTimeout: TimeAmount = .seconds(5),
        logger: Logger
    ) async throws -> ClientConnection {
        let connection: (ClientConnection, EventLoopFuture<Void>)
        do {
            connection = try await ClientBootstrap(group: group)
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .connectTimeout(connectTimeout)
                .connect(to: address) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try ClientConnection.configure(channel: channel, configuration: configuration, logger: logger)
                    }
                }
        } catch {
            throw CorpusError(
                code: .unavailable,
                message: "cannot connect to \(describe(address)): \(describe(error))",
                cause: error
            )
        }
        try await connection.1.get()
        return connection.0
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? CorpusError { return error.message }
        if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
            return describe(first.error)
        }
        if let error = error as? IOError {
            return String(cString: strerror(error.errnoCode)).lowercased()
        }
        if error is ChannelError { return "\(error)" }
        return "\(error)"
    }

    /// `127.0.0.1:7700` or `[::1]:7700`.
    static func describe(_ address: SocketAddress) -> String {
        guard let ip = address.ipAddress, let port = address.port else { return "\(address)" }
        return ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }
}
