import CorpusProtocol
import Logging
import NIOCore
import NIOEmbedded
import Testing

@testable import CorpusTransport

/// The server connection handler on an `EmbeddedChannel`: frames in, frames out, timers driven
/// by `advanceTime`, no sockets and no sleeping.
@Suite("ServerConnectionHandler on an EmbeddedChannel")
struct ServerConnectionHandlerTests {
    static let echo = MethodDescriptor(
        service: "test.Echo",
        method: "Inline",
        kind: .unary,
        isIdempotent: true,
        requestType: "bytes",
        responseType: "bytes"
    )
    static let forever = MethodDescriptor(
        service: "test.Echo",
        method: "Forever",
        kind: .unary,
        isIdempotent: true,
        requestType: "bytes",
        responseType: "bytes"
    )

    /// A channel running the server pipeline, with the handshake already done.
    final class Harness {
        let loop = EmbeddedEventLoop()
        let channel: EmbeddedChannel
        var decoder = FrameDecoder(maxFrameSize: 1 << 24, expectPreface: true)
        var received = ByteBuffer()

        init(configure: (inout ServerConnectionConfiguration) -> Void = { _ in }, handshake: Bool = true) throws {
            var router = RPCRouter()
            router.registerRaw(ServerConnectionHandlerTests.echo, inline: { request, _ in .bytes(request) })
            router.registerRaw(
                ServerConnectionHandlerTests.forever,
                unary: { _, _ in
                    let never = AsyncStream<Void> { _ in }
                    for await _ in never {}
                    throw CancellationError()
                }
            )
            var configuration = ServerConnectionConfiguration.defaults
            configure(&configuration)
            channel = EmbeddedChannel(loop: loop)
            try channel.pipeline.syncOperations.configureCorpusServerPipeline(
                router: router,
                configuration: configuration,
                observer: nil,
                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
            )
            try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
            if handshake {
                try send([.preface(.current), .settings(ConnectionSettings.protocolDefaults.entries)])
            }
            // The server's own preface and SETTINGS.
            let hello = try frames()
            precondition(hello.count == 2)
        }

        func send(_ frames: [Frame]) throws {
            var buffer = ByteBuffer()
            for frame in frames { FrameEncoder().encode(frame, into: &buffer) }
            try channel.writeInbound(buffer)
        }

        /// Every frame the server wrote since the last call.
        func frames() throws -> [Frame] {
            while var chunk = try channel.readOutbound(as: ByteBuffer.self) {
                received.writeBuffer(&chunk)
            }
            var frames: [Frame] = []
            while let frame = try decoder.decode(buffer: &received) { frames.append(frame) }
            return frames
        }

        func call(_ id: UInt32, _ method: MethodDescriptor, _ payload: String, timeout: UInt32 = 0) throws {
            try send([
                .headers(callID: id, RequestHeaders(method: method.fullName, timeoutMilliseconds: timeout)),
                .message(callID: id, flags: .endStream, payload: ByteBuffer(string: payload)),
            ])
        }
    }

    @Test("an inline unary call is answered in the same read, with END_CALL")
    func inlineUnary() throws {
        let harness = try Harness()
        try harness.call(1, Self.echo, "xin chào")
        #expect(try harness.frames() == [.message(callID: 1, flags: .endCall, payload: ByteBuffer(string: "xin chào"))])
    }

    @Test("pipelined calls in one read are all answered, in order")
    func pipelined() throws {
        let harness = try Harness()
        var frames: [Frame] = []
        for id in stride(from: UInt32(1), through: 99, by: 2) {
            frames.append(.headers(callID: id, RequestHeaders(method: Self.echo.fullName)))
            frames.append(.message(callID: id, flags: .endStream, payload: ByteBuffer(string: "\(id)")))
        }
        try harness.send(frames)
        let answers = try harness.frames()
        #expect(answers.map(\.callID) == Array(stride(from: UInt32(1), through: 99, by: 2)))
    }

    @Test("the deadline ends a running call with DEADLINE_EXCEEDED when the loop's time passes it")
    func deadline() throws {
        let harness = try Harness()
        try harness.call(1, Self.forever, "", timeout: 250)
        harness.loop.advanceTime(by: .milliseconds(249))
        #expect(try harness.frames().isEmpty)
        harness.loop.advanceTime(by: .milliseconds(1))
        let frames = try harness.frames()
        #expect(frames.count == 1)
        guard case .trailers(1, let trailers) = frames.first else {
            Issue.record("expected TRAILERS, got \(frames)")
            return
        }
        #expect(trailers.status.code == .deadlineExceeded)
    }

    @Test("no SETTINGS within the handshake timeout: GOAWAY HANDSHAKE_TIMEOUT")
    func handshakeTimeout() throws {
        let harness = try Harness(configure: { $0.handshakeTimeout = .seconds(3) }, handshake: false)
        harness.loop.advanceTime(by: .seconds(2))
        #expect(try harness.frames().isEmpty)
        harness.loop.advanceTime(by: .seconds(1))
        #expect(try harness.frames().last?.goAwayCode == .handshakeTimeout)
        #expect(!harness.channel.isActive)
    }

    @Test("idle timeout counts from the last call, not from the start")
    func idleTimeout() throws {
        let harness = try Harness(configure: { $0.settings.idleTimeoutMilliseconds = 1000 })
        harness.loop.advanceTime(by: .milliseconds(800))
        try harness.call(1, Self.echo, "keep me")
        _ = try harness.frames()
        harness.loop.advanceTime(by: .milliseconds(800))
        #expect(harness.channel.isActive, "800 ms after the last call is not idle yet")
        #expect(try harness.frames().isEmpty)
        harness.loop.advanceTime(by: .milliseconds(300))
        #expect(try harness.frames().last?.goAwayCode == .idleTimeout)
    }

    @Test("keepalive: PING after the interval, GOAWAY if nothing comes back; an answer keeps it open")
    func keepalive() throws {
        let harness = try Harness(configure: {
            $0.settings.keepaliveIntervalMilliseconds = 1000
            $0.settings.keepaliveTimeoutMilliseconds = 500
            $0.settings.idleTimeoutMilliseconds = 0
        })
        harness.loop.advanceTime(by: .milliseconds(1000))
        guard case .ping(false, let payload) = try harness.frames().last else {
            Issue.record("no keepalive PING")
            return
        }
        try harness.send([.ping(ack: true, payload: payload)])  // at t = 1000 ms
        harness.loop.advanceTime(by: .milliseconds(999))
        #expect(harness.channel.isActive, "the ACK counted as activity")
        #expect(try harness.frames().isEmpty, "no PING within an interval of the ACK")
        harness.loop.advanceTime(by: .milliseconds(1))  // t = 2000: silent for one interval
        #expect(try harness.frames().contains { if case .ping(false, _) = $0 { true } else { false } })
        harness.loop.advanceTime(by: .milliseconds(499))
        #expect(harness.channel.isActive)
        harness.loop.advanceTime(by: .milliseconds(1))  // t = 2500: no answer within the timeout
        #expect(try harness.frames().last?.goAwayCode == .keepaliveTimeout)
        #expect(!harness.channel.isActive)
    }

    @Test("graceful shutdown event: GOAWAY NO_ERROR, and the connection closes at once when idle")
    func gracefulShutdown() throws {
        let harness = try Harness()
        harness.channel.pipeline.fireUserInboundEventTriggered(ServerConnectionHandler.GracefulShutdownEvent())
        let frames = try harness.frames()
        #expect(frames.last == .goAway(GoAway(lastCallID: 0, code: .noError, message: "server shutting down")))
        #expect(!harness.channel.isActive)
    }
}

extension Frame {
    var goAwayCode: ConnectionError.Code? {
        if case .goAway(let goAway) = self { return goAway.code }
        return nil
    }
}
