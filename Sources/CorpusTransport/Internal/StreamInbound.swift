internal import CorpusProtocol
internal import NIOCore
internal import Synchronization

/// The queue between a client connection's event loop and the task consuming a response stream.
///
/// The event loop pushes decoded messages and finally the call's outcome; the consumer pops them.
/// The server can never send more than the credit the consumer granted, so the queue is bounded
/// by the credit window. Every `grantThreshold` messages consumed, the consumer asks for a CREDIT
/// of that many more (`PROTOCOL.md` § 6).
final class StreamInbound: Sendable {
    private struct State {
        var messages: [ByteBuffer] = []
        var head = 0
        var outcome: Result<Void, CorpusError>?
        var waiter: CheckedContinuation<ByteBuffer?, any Error>?
        var consumedSinceGrant = 0
        var finishedByConsumer = false
    }

    private let state = Mutex(State())
    private let grantThreshold: Int
    /// Sends CREDIT for that many messages (hops to the event loop).
    private let grantCredit: @Sendable (Int) -> Void
    /// Cancels the call on the wire (hops to the event loop).
    private let cancelCall: @Sendable () -> Void

    init(
        grantThreshold: Int,
        grantCredit: @escaping @Sendable (Int) -> Void,
        cancelCall: @escaping @Sendable () -> Void
    ) {
        self.grantThreshold = max(1, grantThreshold)
        self.grantCredit = grantCredit
        self.cancelCall = cancelCall
    }

    // MARK: Event-loop side

    func push(_ message: ByteBuffer) {
        let waiter = state.withLock { state -> CheckedContinuation<ByteBuffer?, any Error>? in
            guard state.outcome == nil, !state.finishedByConsumer else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                state.consumedSinceGrant += 1
                return waiter
            }
            state.messages.append(message)
            return nil
        }
        if let waiter {
            waiter.resume(returning: message)
            grantIfDue()
        }
    }

    func finish(_ outcome: Result<Void, CorpusError>) {
        let waiter = state.withLock { state -> CheckedContinuation<ByteBuffer?, any Error>? in
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
        enum Step {
            case message(ByteBuffer)
            case end(Result<Void, CorpusError>)
            case wait
        }
        let step: Step = state.withLock { state in
            if state.head < state.messages.count {
                let message = state.messages[state.head]
                state.head += 1
                if state.head == state.messages.count {
                    state.messages.removeAll(keepingCapacity: true)
                    state.head = 0
                }
                state.consumedSinceGrant += 1
                return .message(message)
            }
            if let outcome = state.outcome { return .end(outcome) }
            return .wait
        }
        switch step {
        case .message(let message):
            grantIfDue()
            return message
        case .end(let outcome):
            try outcome.get()
            return nil
        case .wait:
            let message = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let immediate: Result<ByteBuffer?, any Error>? = state.withLock { state in
                        if state.head < state.messages.count {
                            let message = state.messages[state.head]
                            state.head += 1
                            state.consumedSinceGrant += 1
                            return .success(message)
                        }
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
                let waiter = state.withLock { state -> CheckedContinuation<ByteBuffer?, any Error>? in
                    defer { state.waiter = nil }
                    return state.waiter
                }
                waiter?.resume(throwing: CancellationError())
                terminate()
            }
            if message != nil { grantIfDue() }
            return message
        }
    }

    /// The consumer stopped (broke out of its loop, was cancelled or dropped the stream): cancel
    /// the call unless it already ended.
    func terminate() {
        let shouldCancel = state.withLock { state -> Bool in
            guard !state.finishedByConsumer else { return false }
            state.finishedByConsumer = true
            state.messages.removeAll()
            state.head = 0
            return state.outcome == nil
        }
        if shouldCancel { cancelCall() }
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
