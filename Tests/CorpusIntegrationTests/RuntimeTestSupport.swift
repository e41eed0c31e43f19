import CorpusClient
import CorpusProtocol
import CorpusServer
import CorpusTestSupport
import CorpusTransport
import Logging
import NIOCore
import NIOPosix

let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// Connects a protocol client to `address`.
func connect(
    _ address: SocketAddress,
    configuration: ClientConnectionConfiguration = .defaults
) async throws -> ClientConnection {
    try await ClientConnector.connect(
        to: address,
        group: MultiThreadedEventLoopGroup.singleton,
        configuration: configuration,
        logger: quietLogger
    )
}

/// A server configuration with small timers for tests.
func testConfiguration(_ adjust: (inout RPCServer.Configuration) -> Void = { _ in }) -> RPCServer.Configuration {
    var configuration = RPCServer.Configuration.defaults
    configuration.connection.shutdownGracePeriod = .seconds(5)
    adjust(&configuration)
    return configuration
}

extension ByteBuffer {
    var text: String { String(buffer: self) }
}

extension Frame {
    var isGoAway: Bool {
        if case .goAway = self { return true }
        return false
    }

    var goAwayCode: ConnectionError.Code? {
        if case .goAway(let goAway) = self { return goAway.code }
        return nil
    }

    var trailersStatus: Status? {
        if case .trailers(_, let trailers) = self { return trailers.status }
        return nil
    }

    /// The status a frame ends its call with: TRAILERS' status, or OK for a MESSAGE with END_CALL.
    var endStatus: Status? {
        switch self {
        case .trailers(_, let trailers): trailers.status
        case .message(_, let flags, _) where flags.contains(.endCall): .ok
        default: nil
        }
    }
}

func headers(_ method: MethodDescriptor, timeout: UInt32 = 0, noCompression: Bool = false) -> RequestHeaders {
    RequestHeaders(method: method.fullName, timeoutMilliseconds: timeout, noCompression: noCompression)
}
