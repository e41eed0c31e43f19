internal import CorpusProtocol
internal import NIOCore
internal import Synchronization

/// The queue between a streaming handler's task and its connection's event loop.
///
/// The producer (any thread) appends encoded messages while the call has credit; the event loop
/// takes them, spends credit, frames and writes them. At most `credit` messages wait here, so the
/// memory a slow reader costs is bounded by its credit window. Writes are batched: a producer only
/// schedules an event-loop hop when none is pending, so a fast producer sends many messages per hop.
final class StreamOutbound: Sendable {
    struct State {
        var pending: [ByteBuffer] = []
        var pendingBytes = 0
        var credit: Int
        var drainScheduled = false
        var waiter: CheckedContinuation<Void, any Error>?
        var closedError: CorpusError?
        /// High-water mark of `pendingBytes`, for tests and metrics.
        var maxPendingBytes = 0
        /// Set when the producer waits because the credit is used up.
        var blockedOnCredit = false
    }

    private let state: Mutex<State>
    /// Schedules `drain` on the event loop.
    private let scheduleDrain: @Sendable () -> Void
    /// Told when the producer starts waiting for credit, with the bytes queued.
    private let onBlocked: @Sendable (Int) -> Void

    init(
        initialCredit: Int,
        scheduleDrain: @escaping @Sendable () -> Void,
        onBlocked: @escaping @Sendable (Int) -> Void = { _ in }
    ) {
        self.state = Mutex(State(credit: initialCredit))
        self.scheduleDrain = scheduleDrain
        self.onBlocked = onBlocked
    }

    var isClosed: Bool { state.withLock { $0.closedError != nil } }

    /// Bytes queued and not yet written, and the most ever queued.
    var bufferedBytes: (current: Int, max: Int) {
        state.withLock { ($0.pendingBytes, $0.maxPendingBytes) }
    }

    // MARK: Producer side (any thread)

    func write(_ message: ByteBuffer) async throws {
        try await write(contentsOf: CollectionOfOne(message))
    }

    /// Queues `messages` in order: as many per lock (and per event-loop hop) as the credit
    /// allows, waiting for more credit in between.
    func write(contentsOf messages: some RandomAccessCollection<ByteBuffer>) async throws {
        var next = messages.startIndex
        while next != messages.endIndex {
            try Task.checkCancellation()
            let step: WriteStep = state.withLock { state in
                if let error = state.closedError { return .failed(error) }
                let room = state.credit - state.pending.count
                guard room > 0 else { return .wait }
                let end = messages.index(next, offsetBy: room, limitedBy: messages.endIndex) ?? messages.endIndex
                for message in messages[next..<end] {
                    state.pending.append(message)
                    state.pendingBytes += message.readableBytes
                }
                next = end
                state.maxPendingBytes = max(state.maxPendingBytes, state.pendingBytes)
                let schedule = !state.drainScheduled
                state.drainScheduled = true
                return .queued(scheduleDrain: schedule)
            }
            switch step {
            case .queued(let schedule):
                if schedule { scheduleDrain() }
            case .failed(let error):
                throw error
            case .wait:
                try await waitForCredit()
            }
        }
    }

    private enum WriteStep {
        case queued(scheduleDrain: Bool)
        case failed(CorpusError)
        case wait
    }

    /// Suspends until there is credit for one more message, the call ends or the task is cancelled.
    private func waitForCredit() async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Result<Void, any Error>? = state.withLock { state in
                    if let error = state.closedError { return .failure(error) }
                    if state.pending.count < state.credit { return .success(()) }
                    // Checked under the lock: a cancellation that lands after this point
                    // finds the waiter in `onCancel`.
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiter = continuation
                    state.blockedOnCredit = true
                    return nil
                }
                if let resumeNow {
                    continuation.resume(with: resumeNow)
                } else {
                    onBlocked(bufferedBytes.current)
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    // MARK: Event-loop side

    /// Takes the messages that may be sent now (all queued ones: they are within credit), spending
    /// their credit, and wakes a waiting producer if there is room again.
    func takeSendable(writable: Bool) -> [ByteBuffer] {
        let (messages, waiter) = state.withLock { state -> ([ByteBuffer], CheckedContinuation<Void, any Error>?) in
            state.drainScheduled = false
            guard writable, !state.pending.isEmpty else { return ([], nil) }
            let count = min(state.pending.count, state.credit)
            let messages = Array(state.pending.prefix(count))
            state.pending.removeFirst(count)
            state.credit -= count
            state.pendingBytes -= messages.reduce(0) { $0 + $1.readableBytes }
            var waiter: CheckedContinuation<Void, any Error>?
            if state.pending.count < state.credit {
                waiter = state.waiter
                state.waiter = nil
            }
            return (messages, waiter)
        }
        waiter?.resume()
        return messages
    }

    /// Whether messages are queued.
    var hasPending: Bool { state.withLock { !$0.pending.isEmpty } }

    /// Whether the producer has ever waited for credit (for tests that must know the reader is
    /// holding the stream back).
    var hasBlockedOnCredit: Bool { state.withLock { $0.blockedOnCredit } }

    /// Adds credit from a CREDIT frame.
    ///
    /// - Returns: `false` if the credit would exceed 2³¹−1 (`FLOW_CONTROL_ERROR`).
    func addCredit(_ increment: UInt32) -> Bool {
        let (ok, waiter) = state.withLock { state -> (Bool, CheckedContinuation<Void, any Error>?) in
            let newCredit = state.credit + Int(increment)
            guard newCredit <= Int(Int32.max) else { return (false, nil) }
            state.credit = newCredit
            guard state.pending.count < state.credit else { return (true, nil) }
            defer { state.waiter = nil }
            return (true, state.waiter)
        }
        waiter?.resume()
        return ok
    }

    /// Ends the call for the producer: queued messages are dropped and every later `write` throws.
    func close(_ error: CorpusError) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            if state.closedError == nil { state.closedError = error }
            state.pending.removeAll()
            state.pendingBytes = 0
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(throwing: error)
    }
}
