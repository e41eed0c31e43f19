public import CorpusProtocol
public import CorpusTransport
internal import NIOCore
internal import Synchronization

/// A small service for testing the RPC runtime, over raw bytes.
///
/// | method | kind | behaviour |
/// |---|---|---|
/// | `/test.Echo/Inline` | unary, inline | returns the request |
/// | `/test.Echo/Async` | unary, async | returns the request |
/// | `/test.Echo/Stream` | stream | request is a decimal count N (and optional `:size`): sends N messages |
/// | `/test.Echo/Hang` | unary, async | waits until cancelled, records the cancellation |
/// | `/test.Echo/HangStream` | stream | sends one message, then waits until cancelled |
/// | `/test.Echo/Fail` | unary, async | throws `NOT_FOUND` "no such thing" |
/// | `/test.Echo/Crash` | unary, async | throws a non-corpus error (becomes `INTERNAL`) |
/// | `/test.Echo/Count` | unary, async, not idempotent | counts its invocations |
/// | `/test.Echo/Big` | unary, inline | returns N bytes of repeated text (request: decimal N) |
/// | `/test.Echo/Flaky` | unary, async, idempotent | fails with `UNAVAILABLE` until called N times (request: N) |
/// | `/test.Echo/FlakyWrite` | unary, async, not idempotent | the same, for a method that must not be retried |
public final class TestService: Sendable {
    public static let inline = MethodDescriptor(
        service: "test.Echo",
        method: "Inline",
        kind: .unary,
        isIdempotent: true,
        requestType: "bytes",
        responseType: "bytes"
    )
    public static let async = MethodDescriptor(
        service: "test.Echo",
        method: "Async",
        kind: .unary,
        isIdempotent: true,
        requestType: "bytes",
        responseType: "bytes"
    )
    public static let stream = MethodDescriptor(
        service: "test.Echo",
        method: "Stream",
        kind: .serverStreaming,
        isIdempotent: true,
        requestType: "bytes",
        responseType: "bytes"
    )
    public static let hang = MethodDescriptor(
        service: "test.Echo",
        method: "Hang",
        kind: .unary,
        isIdempotent: true,
        requestType: "bytes",
        responseType: "bytes"
    )
    public static let hangStream = MethodDescriptor(
        service: "test.Echo",
        method: "HangStream",
        kind: .serverStreaming,
        isIdempotent: true,
        requestType: "bytes",
        responseType: "bytes"
    )
    public static let fail = MethodDescriptor(
        service: "test.Echo",
        method: "Fail",
        kind: .unary,
        isIdempotent: true,
        requestType: "bytes",
        responseType: "bytes"
    )
    public static let crash = MethodDescriptor(
        service: "test.Echo",
        method: "Crash",
        kind: .unary,
        isIdempotent: true,
        requestType: "bytes",
        responseType: "bytes"
    )
    public static let count = MethodDescriptor(
        service: "test.Echo",
        method: "Count",
        kind: .unary,
        isIdempotent: false,
        requestType: "bytes",
        responseType: "bytes"
    )
    public static let flaky = MethodDescriptor(
        service: "test.Echo",
        method: "Flaky",
        kind: .unary,
        isIdempotent: true,
        requestType: "bytes",
        responseType: "bytes"
    )
    public static let flakyWrite = MethodDescriptor(
        service: "test.Echo",
        method: "FlakyWrite",
        kind: .unary,
        isIdempotent: false,
        requestType: "bytes",
        responseType: "bytes"
    )
    public static let big = MethodDescriptor(
        service: "test.Echo",
        method: "Big",
        kind: .unary,
        isIdempotent: true,
        requestType: "bytes",
        responseType: "bytes"
    )

    private struct State {
        var cancellations: [String] = []
        var cancellationWaiters: [CheckedContinuation<Void, Never>] = []
        var started: [String] = []
        var startWaiters: [(Int, CheckedContinuation<Void, Never>)] = []
        var countCalls = 0
        var flakyCalls = 0
        var messagesProduced = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Handlers that observed their cancellation (`Hang`, `HangStream`, `Stream`), in order.
    public var cancellations: [String] { state.withLock { $0.cancellations } }

    /// How many times `Count` ran.
    public var countCalls: Int { state.withLock { $0.countCalls } }

    /// How many times `Flaky` and `FlakyWrite` ran.
    public var flakyCalls: Int { state.withLock { $0.flakyCalls } }

    /// Messages `Stream` has handed to its writer so far.
    public var messagesProduced: Int { state.withLock { $0.messagesProduced } }

    /// Waits until `n` cancellations have been observed.
    public func waitForCancellations(_ n: Int) async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state -> Bool in
                if state.cancellations.count >= n { return true }
                state.cancellationWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        // Re-check: waiters wake on every new cancellation.
        if cancellations.count < n { await waitForCancellations(n) }
    }

    /// Waits until `n` handlers of the hanging kinds have started.
    public func waitForStarts(_ n: Int) async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state -> Bool in
                if state.started.count >= n { return true }
                state.startWaiters.append((n, continuation))
                return false
            }
            if done { continuation.resume() }
        }
    }

    private func recordStart(_ name: String) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.started.append(name)
            let count = state.started.count
            let ready = state.startWaiters.filter { $0.0 <= count }.map(\.1)
            state.startWaiters.removeAll { $0.0 <= count }
            return ready
        }
        for waiter in ready { waiter.resume() }
    }

    private func recordCancellation(_ name: String) {
        let waiters = state.withLock { state in
            state.cancellations.append(name)
            defer { state.cancellationWaiters.removeAll() }
            return state.cancellationWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Waits until the task is cancelled.
    private func hangUntilCancelled(_ name: String) async {
        let stream = AsyncStream<Void> { _ in }
        for await _ in stream {}
        recordCancellation(name)
    }

    /// The router with every test method.
    public func makeRouter() -> RPCRouter {
        var router = RPCRouter()
        router.registerRaw(Self.inline, inline: { request, _ in .bytes(request) })
        router.registerRaw(Self.async, unary: { request, _ in request })
        router.registerRaw(
            Self.stream,
            stream: { request, writer, _ in
                let text = String(buffer: request)
                let parts = text.split(separator: ":")
                let count = Int(parts.first ?? "") ?? 0
                let size = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
                do {
                    for index in 0..<count {
                        var message = ByteBuffer(string: "\(index)")
                        if size > message.readableBytes {
                            message.writeRepeatingByte(UInt8(ascii: "x"), count: size - message.readableBytes)
                        }
                        try await writer.write(message)
                        self.state.withLock { $0.messagesProduced += 1 }
                    }
                } catch {
                    self.recordCancellation("Stream")
                    throw error
                }
            }
        )
        router.registerRaw(
            Self.hang,
            unary: { _, _ in
                self.recordStart("Hang")
                await self.hangUntilCancelled("Hang")
                throw CancellationError()
            }
        )
        router.registerRaw(
            Self.hangStream,
            stream: { _, writer, _ in
                try await writer.write(ByteBuffer(string: "first"))
                self.recordStart("HangStream")
                await self.hangUntilCancelled("HangStream")
                throw CancellationError()
            }
        )
        router.registerRaw(
            Self.fail,
            unary: { _, _ in
                throw CorpusError(code: .notFound, message: "no such thing", metadata: ["hint": "try another"])
            }
        )
        router.registerRaw(
            Self.crash,
            unary: { _, _ in
                struct Boom: Error {}
                throw Boom()
            }
        )
        router.registerRaw(
            Self.count,
            unary: { request, _ in
                self.state.withLock { $0.countCalls += 1 }
                return request
            }
        )
        let flaky: @Sendable (ByteBuffer, ServerContext) async throws -> ByteBuffer = { request, _ in
            let needed = Int(String(buffer: request)) ?? 1
            let calls = self.state.withLock { state in
                state.flakyCalls += 1
                return state.flakyCalls
            }
            guard calls >= needed else {
                throw CorpusError(code: .unavailable, message: "flaky: call \(calls) of \(needed)")
            }
            return ByteBuffer(string: "ok after \(calls)")
        }
        router.registerRaw(Self.flaky, unary: flaky)
        router.registerRaw(Self.flakyWrite, unary: flaky)
        router.registerRaw(
            Self.big,
            inline: { request, _ in
                let size = Int(String(buffer: request)) ?? 0
                var text = ""
                while text.utf8.count < size { text += "Đại hội Đảng bộ huyện An Phú nhiệm kỳ 2020-2025. " }
                return .bytes(ByteBuffer(bytes: Array(text.utf8.prefix(size))))
            }
        )
        return router
    }
}
