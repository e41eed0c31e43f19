import CorpusClient
import CorpusProtocol
import CorpusServer
import CorpusTestSupport
import CorpusTransport
import NIOCore
import Testing

@Suite("Client library: pool, reconnection, round-robin, retries", .timeLimit(.minutes(1)))
struct ClientResilienceTests {
    func configuration(ports: [Int], retry: CorpusClient.RetryPolicy = .defaults) -> CorpusClient.Configuration {
        CorpusClient.Configuration(
            targets: ports.map { CorpusClient.Target(host: "127.0.0.1", port: $0) },
            backoff: Backoff(initial: .milliseconds(20), maximum: .milliseconds(200)),
            retry: retry
        )
    }

    @Test("idempotent calls are retried on UNAVAILABLE")
    func retriesIdempotent() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            try await withCorpusClient(configuration(ports: [address.port!])) { client in
                let reply = try await client.unaryRaw(TestService.flaky, request: ByteBuffer(string: "3"))
                #expect(reply.text == "ok after 3")
                #expect(service.flakyCalls == 3)
            }
        }
    }

    @Test("non-idempotent calls are never retried after the server processed them")
    func noRetryForWrites() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            try await withCorpusClient(configuration(ports: [address.port!])) { client in
                await #expect {
                    try await client.unaryRaw(TestService.flakyWrite, request: ByteBuffer(string: "2"))
                } throws: { ($0 as? CorpusError)?.code == .unavailable }
                #expect(service.flakyCalls == 1)
            }
        }
    }

    @Test("retries stop after maxAttempts")
    func retryLimit() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            try await withCorpusClient(configuration(ports: [address.port!])) { client in
                await #expect {
                    try await client.unaryRaw(TestService.flaky, request: ByteBuffer(string: "10"))
                } throws: { ($0 as? CorpusError)?.code == .unavailable }
                #expect(service.flakyCalls == CorpusClient.RetryPolicy.defaults.maxAttempts)
            }
        }
    }

    @Test("calls are spread round-robin over two servers")
    func roundRobin() async throws {
        let first = TestObserver()
        let second = TestObserver()
        let service = TestService()
        try await withTestServer(router: service.makeRouter(), observer: first) { a, _ in
            try await withTestServer(router: service.makeRouter(), observer: second) { b, _ in
                try await withCorpusClient(configuration(ports: [a.port!, b.port!])) { client in
                    // Warm up until the client has routed a call to each server: both connections are
                    // then ready on the client's side, and strict alternation starts.
                    var attempts = 0
                    while first.finished.isEmpty || second.finished.isEmpty, attempts < 500 {
                        _ = try await client.unaryRaw(TestService.inline, request: ByteBuffer(string: "warm"))
                        attempts += 1
                    }
                    let before = (first.finished.count, second.finished.count)
                    for index in 0..<40 {
                        _ = try await client.unaryRaw(TestService.inline, request: ByteBuffer(string: "\(index)"))
                    }
                    let served = (first.finished.count - before.0, second.finished.count - before.1)
                    #expect(served.0 == 20 && served.1 == 20, "served \(served)")
                }
            }
        }
    }

    @Test("the client reconnects after the server restarts on the same port")
    func reconnects() async throws {
        let service = TestService()
        // A port below the kernel's ephemeral range (32768+), so that no other test's port-0
        // server can take it while this server is down between restarts.
        func startServer(port: Int) async -> (RPCServer, Task<Void, Never>)? {
            var configuration = RPCServer.Configuration.defaults
            configuration.port = port
            let server = RPCServer(router: service.makeRouter(), configuration: configuration, logger: quietLogger)
            let task = Task<Void, Never> { _ = try? await server.run() }
            guard (try? await server.listeningAddress) != nil else {
                await task.value
                return nil
            }
            return (server, task)
        }
        var port = 0
        var running: (RPCServer, Task<Void, Never>)?
        for _ in 0..<50 where running == nil {
            port = Int.random(in: 20_000..<32_000)
            running = await startServer(port: port)
        }
        let client = CorpusClient(configuration: configuration(ports: [port]))
        let clientTask = Task { try await client.run() }
        for round in 0..<3 {
            if round > 0 { running = await startServer(port: port) }
            let (server, serverTask) = try #require(running, "could not bind port \(port) for round \(round)")
            // Calls fail fast while the client has no connection; retry until it reconnects.
            var reply: ByteBuffer?
            for _ in 0..<500 where reply == nil {
                reply = try? await client.unaryRaw(TestService.inline, request: ByteBuffer(string: "round \(round)"))
            }
            #expect(reply?.text == "round \(round)")
            server.beginGracefulShutdown()
            await serverTask.value
        }
        client.shutDown()
        try await clientTask.value
    }

    @Test("no server: calls fail with UNAVAILABLE naming the address")
    func noServer() async throws {
        let port = try await withTestServer(router: TestService().makeRouter()) { address, _ in address.port! }
        _ = try await withCorpusClient(configuration(ports: [port], retry: .none)) { client in
            await #expect {
                try await client.unaryRaw(TestService.inline, request: ByteBuffer())
            } throws: { error in
                guard let error = error as? CorpusError else { return false }
                return error.code == .unavailable && error.message.contains("\(port)")
            }
        }
    }

    @Test("calls before run() wait for it, bounded by their deadline; after shutdown they fail")
    func notRunning() async throws {
        let client = CorpusClient(configuration: configuration(ports: [1]))
        await #expect {
            try await client.health(options: CallOptions(timeout: .milliseconds(50)))
        } throws: { ($0 as? CorpusError)?.code == .deadlineExceeded }
        client.shutDown()
        await #expect {
            try await client.health()
        } throws: { ($0 as? CorpusError)?.code == .unavailable }
    }

    @Test("a stream through the client cancels on the server when the consumer breaks out")
    func streamCancellation() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            try await withCorpusClient(configuration(ports: [address.port!])) { client in
                var seen = 0
                for try await _ in client.serverStreamingRaw(TestService.stream, request: ByteBuffer(string: "100000"))
                {
                    seen += 1
                    if seen == 10 { break }
                }
                await service.waitForCancellations(1)
                #expect(service.messagesProduced < 100_000)
            }
        }
    }

    @Test("a deadline covers the whole call, retries included")
    func deadline() async throws {
        let service = TestService()
        _ = try await withTestServer(router: service.makeRouter()) { address, _ in
            try await withCorpusClient(configuration(ports: [address.port!])) { client in
                await #expect {
                    try await client.unaryRaw(
                        TestService.hang,
                        request: ByteBuffer(),
                        options: CallOptions(timeout: .milliseconds(80))
                    )
                } throws: { ($0 as? CorpusError)?.code == .deadlineExceeded }
            }
        }
    }
}

@Suite("Client configuration")
struct ClientConfigurationTests {
    @Test(
        "targets parse host:port, [ipv6]:port and bare hosts",
        arguments: [
            ("127.0.0.1:7700", "127.0.0.1", 7700), ("localhost", "localhost", 7700), ("[::1]:9000", "::1", 9000),
            ("corpus.default.svc.cluster.local:7701", "corpus.default.svc.cluster.local", 7701),
        ]
    )
    func parseTargets(text: String, host: String, port: Int) throws {
        let target = try CorpusClient.Target(parsing: text)
        #expect(target.host == host && target.port == port)
    }

    @Test("malformed targets are INVALID_ARGUMENT", arguments: ["", ":7700", "host:", "host:99999", "[::1", "a:b"])
    func badTargets(text: String) {
        #expect(throws: CorpusError.self) { try CorpusClient.Target(parsing: text) }
    }

    @Test("backoff grows, is capped, and jitters within bounds")
    func backoff() {
        let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(1), multiplier: 2, jitter: 0.1)
        var random = SystemRandomNumberGenerator()
        for attempt in 1...10 {
            let delay = backoff.delay(attempt: attempt, using: &random)
            let expected = min(0.1 * Double(1 << (attempt - 1)), 1.0)
            let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
            #expect(seconds >= expected * 0.9 - 1e-9 && seconds <= expected * 1.1 + 1e-9)
        }
    }
}
