import CorpusClient
import CorpusProtocol
import CorpusServer
import CorpusTestSupport
import CorpusTransport
import Foundation
import NIOCore
import Testing

/// Malformed input, limits, flow control, compression and connection lifecycle, exercised with
/// raw bytes on a socket.
@Suite("RPC runtime: the wire, byte by byte", .timeLimit(.minutes(1)))
struct RuntimeWireTests {
    static let vectorDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Protocol/vectors")

    /// Decoder-level malformed vectors that a client could send to a server.
    static let malformedVectors: [String] = [
        "bad-preface", "bad-version", "oversized-length", "frame-over-limit", "settings-bad-length",
        "settings-bad-value", "settings-nonzero-call", "ping-bad-length", "ping-nonzero-call", "headers-call-zero",
        "headers-truncated", "headers-empty-method", "headers-bad-key", "cancel-bad-length", "credit-zero",
        "message-call-zero", "client-sends-trailers", "call-id-not-increasing",
    ]

    static func expectedCode(_ name: String) throws -> String {
        let data = try Data(contentsOf: vectorDirectory.appendingPathComponent("manifest.json"))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let vectors = root?["vectors"] as? [[String: Any]] ?? []
        let entry = vectors.first { $0["file"] as? String == name + ".bin" }
        return (entry?["error"] as? [String: String])?["code"] ?? "?"
    }

    @Test(
        "malformed frames get GOAWAY with the right code, and other clients keep being served",
        arguments: malformedVectors
    )
    func malformedInput(vector: String) async throws {
        let bytes = try Array(Data(contentsOf: Self.vectorDirectory.appendingPathComponent(vector + ".bin")))
        let expected = try Self.expectedCode(vector)
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            let healthy = try await connect(address)
            try await withRawConnection(to: address) { raw in
                var prefix: [UInt8] = []
                if !bytes.starts(with: Array("CORPUS".utf8)), !vector.hasPrefix("bad-") {
                    var handshake = ByteBuffer()
                    for frame in RawConnection.handshake() { FrameEncoder().encode(frame, into: &handshake) }
                    prefix = Array(handshake.readableBytesView)
                }
                try await raw.send(prefix + bytes)
                let frames = try await raw.framesUntilClose()
                let goAway = frames.last { $0.isGoAway }
                #expect(goAway?.goAwayCode?.name == expected, "frames: \(frames)")
            }
            let reply = try await healthy.unary(TestService.inline, request: ByteBuffer(string: "still here"))
            #expect(reply.text == "still here")
            await healthy.close()
        }
    }

    @Test("a zlib bomb is refused with RESOURCE_EXHAUSTED and the connection stays usable")
    func zlibBomb() async throws {
        let bomb = try Array(Data(contentsOf: Self.vectorDirectory.appendingPathComponent("zlib-bomb.bin")))
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            try await withRawConnection(to: address) { raw in
                var settings = ConnectionSettings.protocolDefaults
                settings.acceptsZlib = true
                try await raw.send(RawConnection.handshake(settings))
                try await raw.send([.headers(callID: 1, headers(TestService.inline))])
                // The vector is a MESSAGE on call 1 without END_STREAM; re-frame its payload with it.
                var input = ByteBuffer(bytes: bomb)
                var decoder = FrameDecoder(maxFrameSize: 1 << 24, expectPreface: false)
                guard case .message(_, _, let payload) = try #require(try decoder.decode(buffer: &input)) else {
                    Issue.record("bad vector")
                    return
                }
                try await raw.send([.message(callID: 1, flags: [.compressed, .endStream], payload: payload)])
                let first = try await raw.frames { $0.trailersStatus != nil }
                #expect(first.last?.trailersStatus?.code == .resourceExhausted)
                try await raw.send([
                    .headers(callID: 3, headers(TestService.inline)),
                    .message(callID: 3, flags: .endStream, payload: ByteBuffer(string: "after")),
                ])
                let second = try await raw.frames { $0.endStatus != nil }
                #expect(second.last?.endStatus?.code == .ok)
                #expect(second.last == .message(callID: 3, flags: .endCall, payload: ByteBuffer(string: "after")))
            }
        }
    }

    @Test("invalid protobuf, missing END_STREAM and a second request message are INVALID_ARGUMENT")
    func badRequests() async throws {
        var router = RPCRouter()
        router.register(CorpusMethods.healthCheck, handler: { _, _ in Corpus_V1_HealthCheckResponse() })
        let service = TestService()
        for method in service.makeRouter().methods { _ = method }
        try await withTestServer(router: router) { address, _ in
            try await withRawConnection(to: address) { raw in
                try await raw.send(RawConnection.handshake())
                try await raw.send([
                    .headers(callID: 1, headers(CorpusMethods.healthCheck.descriptor)),
                    .message(callID: 1, flags: .endStream, payload: ByteBuffer(bytes: [0xFF, 0xFF, 0xFF])),
                ])
                let first = try await raw.frames { $0.trailersStatus != nil }
                #expect(first.last?.trailersStatus?.code == .invalidArgument)
                try await raw.send([
                    .headers(callID: 2, headers(CorpusMethods.healthCheck.descriptor)),
                    .message(callID: 2, flags: [], payload: ByteBuffer()),
                ])
                let second = try await raw.frames { $0.trailersStatus != nil }
                #expect(second.last?.trailersStatus?.code == .invalidArgument)
            }
        }
    }

    @Test("compression: used when negotiated and worth it, never when refused")
    func compression() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            try await withRawConnection(to: address) { raw in
                var settings = ConnectionSettings.protocolDefaults
                settings.acceptsZlib = true
                try await raw.send(RawConnection.handshake(settings))
                let calls: [(UInt32, String, Bool)] = [(1, "8000", false), (3, "8000", true), (5, "500", false)]
                for (id, size, noCompression) in calls {
                    try await raw.send([
                        .headers(callID: id, headers(TestService.big, noCompression: noCompression)),
                        .message(callID: id, flags: .endStream, payload: ByteBuffer(string: size)),
                    ])
                }
                var flagsByCall: [UInt32: MessageFlags] = [:]
                var sizes: [UInt32: Int] = [:]
                var ended = 0
                while ended < 3, let frame = try await raw.nextFrame() {
                    if case .message(let id, let flags, let payload) = frame {
                        flagsByCall[id] = flags
                        sizes[id] = payload.readableBytes
                    }
                    if frame.endStatus != nil { ended += 1 }
                }
                #expect(flagsByCall[1] == [.compressed, .endCall])
                #expect((sizes[1] ?? 0) < 8000 / 2)
                #expect(flagsByCall[3] == .endCall)
                #expect(sizes[3] == 8000)
                #expect(flagsByCall[5] == .endCall, "500 bytes is under the 1 KiB threshold")
            }
            // A client that does not accept zlib never gets compressed messages.
            try await withRawConnection(to: address) { raw in
                try await raw.send(RawConnection.handshake())
                try await raw.send([
                    .headers(callID: 1, headers(TestService.big)),
                    .message(callID: 1, flags: .endStream, payload: ByteBuffer(string: "8000")),
                ])
                let frames = try await raw.frames { $0.endStatus != nil }
                #expect(frames.contains { if case .message(1, .endCall, _) = $0 { true } else { false } })
            }
            // The client library decompresses transparently.
            let connection = try await connect(address)
            let big = try await connection.unary(TestService.big, request: ByteBuffer(string: "20000"))
            #expect(big.readableBytes == 20000)
            #expect(big.text.hasPrefix("Đại hội Đảng bộ"))
            await connection.close()
        }
    }

    @Test("a slow reader holds the server to its credit window")
    func slowReader() async throws {
        let service = TestService()
        let observer = TestObserver()
        try await withTestServer(router: service.makeRouter(), observer: observer) { address, _ in
            try await withRawConnection(to: address) { raw in
                var settings = ConnectionSettings.protocolDefaults
                settings.initialCredit = 8
                try await raw.send(RawConnection.handshake(settings))
                try await raw.send([
                    .headers(callID: 1, headers(TestService.stream)),
                    .message(callID: 1, flags: .endStream, payload: ByteBuffer(string: "100000:1000")),
                ])
                // The producer blocks once the credit is spent; by then at most one window of
                // messages is buffered in the server for this call.
                let blocked = await observer.nextBlockedOnCredit()
                #expect(blocked.callID == 1)
                #expect(blocked.bytes <= 8 * 1000)
                #expect(service.messagesProduced <= 8)
                var messages = 0
                while messages < 8, let frame = try await raw.nextFrame() {
                    if case .message = frame { messages += 1 }
                }
                #expect(messages == 8)
                #expect(service.messagesProduced == 8)
                // Granting more lets exactly that many more through.
                try await raw.send([.credit(callID: 1, increment: 4)])
                var more = 0
                while more < 4, let frame = try await raw.nextFrame() {
                    if case .message = frame { more += 1 }
                }
                _ = await observer.nextBlockedOnCredit()
                #expect(service.messagesProduced == 12)
                try await raw.send([.cancel(callID: 1, .cancelled)])
                await service.waitForCancellations(1)
            }
        }
    }

    @Test("the concurrency limit refuses extra calls with RESOURCE_EXHAUSTED")
    func concurrencyLimit() async throws {
        let service = TestService()
        let configuration = testConfiguration { $0.connection.settings.maxConcurrentCalls = 2 }
        try await withTestServer(router: service.makeRouter(), configuration: configuration) { address, _ in
            try await withRawConnection(to: address) { raw in
                try await raw.send(RawConnection.handshake())
                for id: UInt32 in [1, 3, 5] {
                    try await raw.send([
                        .headers(callID: id, headers(TestService.hang)),
                        .message(callID: id, flags: .endStream, payload: ByteBuffer()),
                    ])
                }
                let frames = try await raw.frames { $0.trailersStatus != nil }
                guard case .trailers(let id, let trailers) = frames.last else {
                    Issue.record("no trailers")
                    return
                }
                #expect(id == 5)
                #expect(trailers.status.code == .resourceExhausted)
                try await raw.send([.cancel(callID: 1, .cancelled), .cancel(callID: 3, .cancelled)])
                await service.waitForCancellations(2)
            }
        }
    }

    @Test("connections beyond the limit get GOAWAY TOO_MANY_CONNECTIONS")
    func connectionLimit() async throws {
        let service = TestService()
        let configuration = testConfiguration { $0.maxConnections = 1 }
        try await withTestServer(router: service.makeRouter(), configuration: configuration) { address, _ in
            let first = try await connect(address)
            try await withRawConnection(to: address) { raw in
                let frames = try await raw.framesUntilClose()
                #expect(frames.last?.goAwayCode == .tooManyConnections)
            }
            do {
                _ = try await connect(address)
                Issue.record("a second connection was accepted")
            } catch let error as CorpusError {
                #expect(error.code == .unavailable)
            }
            #expect(try await first.unary(TestService.inline, request: ByteBuffer(string: "a")).text == "a")
            await first.close()
        }
    }

    @Test("graceful shutdown: GOAWAY, later calls refused, in-flight calls finish")
    func gracefulShutdown() async throws {
        let service = TestService()
        let observer = TestObserver()
        try await withTestServer(router: service.makeRouter(), observer: observer) { address, server in
            try await withRawConnection(to: address) { raw in
                var settings = ConnectionSettings.protocolDefaults
                settings.initialCredit = 10
                try await raw.send(RawConnection.handshake(settings))
                try await raw.send([
                    .headers(callID: 1, headers(TestService.stream)),
                    .message(callID: 1, flags: .endStream, payload: ByteBuffer(string: "100")),
                ])
                _ = await observer.nextBlockedOnCredit()
                server.beginGracefulShutdown()
                var frames = try await raw.frames { $0.isGoAway }
                guard case .goAway(let goAway) = frames.last else {
                    Issue.record("no GOAWAY")
                    return
                }
                #expect(goAway.lastCallID == 1)
                #expect(goAway.code == .noError)
                try await raw.send([
                    .headers(callID: 3, headers(TestService.inline)),
                    .message(callID: 3, flags: .endStream, payload: ByteBuffer()),
                    .credit(callID: 1, increment: 1000),
                ])
                frames += try await raw.framesUntilClose()
                let messages = frames.filter { if case .message(1, _, _) = $0 { true } else { false } }
                #expect(messages.count == 100)
                let trailers = frames.compactMap { frame -> (UInt32, Status)? in
                    if case .trailers(let id, let t) = frame { return (id, t.status) }
                    return nil
                }
                #expect(trailers.contains { $0.0 == 3 && $0.1.code == .unavailable })
                #expect(trailers.contains { $0.0 == 1 && $0.1.code == .ok })
            }
        }
    }

    @Test("the grace period ends calls that do not finish with UNAVAILABLE")
    func gracePeriodExpires() async throws {
        let service = TestService()
        let configuration = testConfiguration { $0.connection.shutdownGracePeriod = .milliseconds(100) }
        try await withTestServer(router: service.makeRouter(), configuration: configuration) { address, server in
            let connection = try await connect(address)
            async let result = connection.unary(TestService.hang, request: ByteBuffer())
            await service.waitForStarts(1)
            server.beginGracefulShutdown()
            do {
                _ = try await result
                Issue.record("expected UNAVAILABLE")
            } catch let error as CorpusError {
                #expect(error.code == .unavailable)
            }
            await service.waitForCancellations(1)
        }
    }

    @Test("handshake, idle and keepalive timeouts close the connection with their codes")
    func timeouts() async throws {
        let service = TestService()
        let handshake = testConfiguration { $0.connection.handshakeTimeout = .milliseconds(100) }
        try await withTestServer(router: service.makeRouter(), configuration: handshake) { address, _ in
            try await withRawConnection(to: address) { raw in
                let frames = try await raw.framesUntilClose()
                #expect(frames.last?.goAwayCode == .handshakeTimeout)
            }
        }
        let idle = testConfiguration {
            $0.connection.settings.idleTimeoutMilliseconds = 150
            $0.connection.settings.keepaliveIntervalMilliseconds = 0
        }
        try await withTestServer(router: service.makeRouter(), configuration: idle) { address, _ in
            try await withRawConnection(to: address) { raw in
                try await raw.send(RawConnection.handshake())
                let frames = try await raw.framesUntilClose()
                #expect(frames.last?.goAwayCode == .idleTimeout)
            }
        }
        let keepalive = testConfiguration {
            $0.connection.settings.keepaliveIntervalMilliseconds = 50
            $0.connection.settings.keepaliveTimeoutMilliseconds = 100
            $0.connection.settings.idleTimeoutMilliseconds = 0
        }
        try await withTestServer(router: service.makeRouter(), configuration: keepalive) { address, _ in
            try await withRawConnection(to: address) { raw in
                try await raw.send(RawConnection.handshake())
                // This client never answers the server's PING.
                let frames = try await raw.framesUntilClose()
                #expect(frames.contains { if case .ping(false, _) = $0 { true } else { false } })
                #expect(frames.last?.goAwayCode == .keepaliveTimeout)
            }
        }
    }

    @Test("PING is answered with ACK and the same payload")
    func pingAck() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            try await withRawConnection(to: address) { raw in
                try await raw.send(RawConnection.handshake())
                try await raw.send([.ping(ack: false, payload: 0xC0FFEE)])
                let frames = try await raw.frames { if case .ping(true, _) = $0 { true } else { false } }
                #expect(frames.last == .ping(ack: true, payload: 0xC0FFEE))
            }
        }
    }
}
