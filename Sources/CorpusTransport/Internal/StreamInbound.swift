internal import CorpusProtocol
internal import NIOCore
internal import Synchronization

/// The queue between a client connection's event loop and the task consuming a response stream.
///
/// The event loop pushes received messages and finally the call's outcome; the consumer pops them
/// and decompresses them on its own thread. The server can never send more than the credit the
/// consumer granted, so the queue is bounded by the credit window. Every `grantThreshold` messages
/// consumed, the consumer asks for a CREDIT of that many more (`PROTOCOL.md` § 6).
///
/// A waiting consumer is woken once per read burst (``wake()`` from `channelReadComplete`), not
/// once per message: a burst of a hundred small hits costs one task switch, not a hundred.
final class StreamInbound: Sendable {
    private struct State {
        var messages: [ReceivedMessage] = []
        var head = 0
        var outcome: Result<Void, CorpusError>?
        var waiter: CheckedContinuation<ReceivedMessage?, any Error>?
        var wakeScheduled = false
        var consumedSinceGrant = 0
        var finishedByConsumer = false

        /// Takes the next buffered message, if any.
        mutating func pop() -> ReceivedMessage? {
            guard head < messages.count else { return nil }
            let message = messages[head]
            head += 1
            if head == messages.count {
                messages.removeAll(keepingCapacity: true)
                head = 0
            }
            consumedSinceGrant += 1
            return message
        }
    }

    private let state = Mutex(State())
    private let grantThreshold: Int
    private let inflater: MessageInflater
    /// Sends CREDIT for that many messages (hops to the event loop).
    private let grantCredit: @Sendable (Int) -> Void
    /// Cancels the call on the wire with a status (hops to the event loop).
    private let cancelCall: @Sendable (Status.Code) -> Void

    init(
        grantThreshold: Int,
        inflater: MessageInflater,
        grantCredit: @escaping @Sendable (Int) -> Void,
        cancelCall: @escaping @Sendable (Status.Code) -> Void
    ) {
        self.grantThreshold = max(1, grantThreshold)
        self.inflater = inflater
        self.grantCredit = grantCredit
        self.cancelCall = cancelCall
    }

    // MARK: Event-loop side

    /// Queues a message.
    ///
    /// - Returns: `true` when a consumer waits and must be woken with ``wake()`` (once, at the end
    ///   of the read burst).
    func push(_ message: ReceivedMessage) -> Bool {
        state.withLock { state in
            guard state.outcome == nil, !state.finishedByConsumer else { return false }
            state.messages.append(message)
            guard state.waiter != nil, !state.wakeScheduled else { return false }
            state.wakeScheduled = true
            return true
        }
    }

    /// Whether a consumer is suspended waiting for a message (for tests and diagnostics).
    var hasWaiter: Bool { state.withLock { $0.waiter != nil } }

    /// Hands the next queued message to a waiting consumer.
    func wake() {
        let handoff = state.withLock { state -> (CheckedContinuation<ReceivedMessage?, any Error>, ReceivedMessage)? in
            state.wakeScheduled = false
            guard let waiter = state.waiter, let message = state.pop() else { return nil }
            state.waiter = nil
            return (waiter, message)
        }
        if let (waiter, message) = handoff {
            waiter.resume(returning: message)
        }
    }

    func finish(_ outcome: Result<Void, CorpusError>) {
        let waiter = state.withLock { state -> CheckedContinuation<ReceivedMessage?, any Error>? in
            guard state.outcome == nil else { return nil }
            state.outcome = outcome
            guard state.head == state.messages.count else { return nil }
            defer { state.waiter = nil }
            return state.waiter
        }
        switch outcome {
        case .success: waiter?.resume(returning: nil)
        case .failure(let error): waiter?.resume(throwing: error)
        }
    }

    // MARK: Consumer side

    func next() async throws -> ByteBuffer? {
        guard let received = try await nextReceived() else { return nil }
        grantIfDue()
        do {
            return try inflater.decode(received)
        } catch {
            terminate(code: error.code.statusCode)
            throw error
        }
    }

    /// The next message as received, or `nil` after a successful end.
    private func nextReceived() async throws -> ReceivedMessage? {
        enum Step {
            case message(ReceivedMessage)
            case end(Result<Void, CorpusError>)
            case wait
        }
        let step: Step = state.withLock { state in
            if let message = state.pop() { return .message(message) }
            if let outcome = state.outcome { return .end(outcome) }
            return .wait
        }
        switch step {
        case .message(let message):
            return message
        case .end(let outcome):
            try outcome.get()
            return nil
        case .wait:
            return try await waitForMessage()
        }
    }

    /// Suspends until the event loop hands over a message or the call ends.
    private func waitForMessage() async throws -> ReceivedMessage? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let immediate: Result<ReceivedMessage?, any Error>? = state.withLock { state in
                    if let message = state.pop() { return .success(message) }
                    if let outcome = state.outcome {
                        return outcome.map { nil }.mapError { $0 }
                    }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiter = continuation
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<ReceivedMessage?, any Error>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(throwing: CancellationError())
            terminate()
        }
    }

    /// The consumer stopped (broke out of its loop, was cancelled, dropped the stream, or a
    /// message could not be decoded): cancel the call unless it already ended.
    func terminate(code: Status.Code = .cancelled) {
        let shouldCancel = state.withLock { state -> Bool in
            guard !state.finishedByConsumer else { return false }
            state.finishedByConsumer = true
            state.messages.removeAll()
            state.head = 0
            return state.outcome == nil
        }
        if shouldCancel { cancelCall(code) }
    }

    private func grantIfDue() {
        let grant = state.withLock { state -> Int in
            guard state.consumedSinceGrant >= grantThreshold, state.outcome == nil else { return 0 }
            defer { state.consumedSinceGrant = 0 }
            return state.consumedSinceGrant
        }
        if grant > 0 { grantCredit(grant) }
    }
}
