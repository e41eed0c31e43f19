internal import CorpusProtocol
internal import CorpusTransport
internal import Logging
internal import NIOCore
internal import Synchronization

/// Keeps connections open to every address of every target, reconnects with backoff, and hands
/// out ready connections round-robin.
///
/// Each connection slot has a task (in ``run(configuration:group:logger:)``) that connects,
/// waits for the connection to close, and connects again after a backoff. A call that finds no
/// ready connection waits for the next connection attempt, waking a slot that is backing off if
/// its last failure is not too recent, so a call never fails without a fresh attempt.
final class ConnectionPool: Sendable {
    struct Slot {
        let address: SocketAddress
        var connection: ClientConnection?
        var connecting = false
        var lastFailure: ContinuousClock.Instant?
        var wake: CheckedContinuation<Void, Never>?
        var removed = false
    }

    enum Phase {
        case notStarted
        case running
        case shutDown
    }

    struct State {
        var phase = Phase.notStarted
        var runLoopStarted = false
        /// Bytes moved by connections that have closed.
        var retiredTransfer = TransferCounts()
        var slots: [Int: Slot] = [:]
        var nextSlotID = 0
        var roundRobin = 0
        var waiters: [Int: CheckedContinuation<ClientConnection, any Error>] = [:]
        var nextWaiterID = 0
        var lastError: CorpusError?
        var resolving = true
        /// Suspended until shutdown (the resolver between two resolutions).
        var shutdownWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    let state = Mutex(State())
    private let retryWakeInterval: Duration

    init(retryWakeInterval: Duration) {
        self.retryWakeInterval = retryWakeInterval
    }

    // MARK: - Handing out connections

    /// A ready connection, waiting for one if needed, at most for `timeout`.
    ///
    /// - Throws: ``CorpusError`` `UNAVAILABLE` when no connection can be made, `DEADLINE_EXCEEDED`
    ///   when `timeout` passes first.
    func connection(timeout: Duration?) async throws -> ClientConnection {
        if let ready = try pickReady() { return ready }
        guard let timeout else { return try await waitForConnection() }
        return try await withThrowingTaskGroup(of: ClientConnection?.self) { group in
            group.addTask { try await self.waitForConnection() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let connection = try await group.next() ?? nil else {
                throw CorpusError(code: .deadlineExceeded, message: "deadline of \(timeout) exceeded while connecting")
            }
            return connection
        }
    }

    private func waitForConnection() async throws -> ClientConnection {
        let id = state.withLock { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                enum Outcome {
                    case ready(ClientConnection)
                    case failed(any Error)
                    case wait([CheckedContinuation<Void, Never>])
                }
                let outcome: Outcome = state.withLock { state in
                    if let connection = Self.nextReady(&state) { return .ready(connection) }
                    if case .shutDown = state.phase { return .failed(Self.shutDownError) }
                    if Task.isCancelled { return .failed(CancellationError()) }
                    // Wake slots that are backing off, unless they failed very recently.
                    var wakes: [CheckedContinuation<Void, Never>] = []
                    let now = ContinuousClock.now
                    for (slotID, slot) in state.slots where !slot.connecting && slot.connection == nil {
                        if let wake = slot.wake,
                            slot.lastFailure.map({ now - $0 >= retryWakeInterval }) ?? true
                        {
                            wakes.append(wake)
                            state.slots[slotID]?.wake = nil
                            state.slots[slotID]?.connecting = true
                        }
                    }
                    let pending = state.resolving || state.slots.values.contains { $0.connecting }
                    guard pending else {
                        return .failed(state.lastError ?? Self.noAddressError)
                    }
                    state.waiters[id] = continuation
                    return .wait(wakes)
                }
                switch outcome {
                case .ready(let connection): continuation.resume(returning: connection)
                case .failed(let error): continuation.resume(throwing: error)
                case .wait(let wakes): for wake in wakes { wake.resume() }
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume(throwing: CancellationError())
        }
    }

    private func pickReady() throws -> ClientConnection? {
        try state.withLock { state -> ClientConnection? in
            switch state.phase {
            case .notStarted:
                // Calls made before `run()` starts wait for it (bounded by their deadline).
                return nil
            case .shutDown:
                throw Self.shutDownError
            case .running:
                return Self.nextReady(&state)
            }
        }
    }

    /// The next ready connection in round-robin order over all addresses.
    private static func nextReady(_ state: inout State) -> ClientConnection? {
        let ready = state.slots.keys.sorted().compactMap { id -> ClientConnection? in
            guard let connection = state.slots[id]?.connection, connection.isAvailable else { return nil }
            return connection
        }
        guard !ready.isEmpty else { return nil }
        state.roundRobin &+= 1
        return ready[state.roundRobin % ready.count]
    }

    static let shutDownError = CorpusError(code: .unavailable, message: "the client has shut down")
    static let noAddressError = CorpusError(code: .unavailable, message: "no server address to connect to")

    /// Bytes moved by every connection this pool has had.
    var transferCounts: TransferCounts {
        state.withLock { state in
            state.slots.values.compactMap(\.connection).reduce(state.retiredTransfer) { $0 + $1.transferCounts }
        }
    }

    // MARK: - Running

    /// Marks the pool as running, so calls made right after this wait for connections instead of
    /// for ``run(configuration:group:logger:)`` to start.
    func start() {
        state.withLock { state in
            if case .notStarted = state.phase { state.phase = .running }
        }
    }

    /// Maintains the connections until cancelled or ``shutDown()``. Runs once per pool.
    func run(configuration: CorpusClient.Configuration, group: any EventLoopGroup, logger: Logger) async {
        let started = state.withLock { state -> Bool in
            guard !state.runLoopStarted else { return false }
            state.runLoopStarted = true
            if case .notStarted = state.phase { state.phase = .running }
            if case .shutDown = state.phase { return false }
            return true
        }
        guard started else { return }
        await withTaskCancellationHandler {
            await withDiscardingTaskGroup { group_ in
                var known: [String: Int] = [:]
                var failures = 0
                while !isShutDown {
                    do {
                        let addresses = try configuration.targets.flatMap {
                            try AddressResolver.resolve(host: $0.host, port: $0.port)
                        }
                        failures = 0
                        let current = Set(addresses.map(\.description))
                        for (description, slotID) in known where !current.contains(description) {
                            removeSlots(for: slotID)
                        }
                        known = known.filter { current.contains($0.key) }
                        for address in addresses where known[address.description] == nil {
                            let ids = addSlots(address: address, count: configuration.connectionsPerAddress)
                            known[address.description] = ids.first
                            for id in ids {
                                group_.addTask {
                                    await self.maintain(
                                        slotID: id,
                                        address: address,
                                        configuration: configuration,
                                        group: group,
                                        logger: logger
                                    )
                                }
                            }
                        }
                        finishedResolving(error: addresses.isEmpty ? Self.noAddressError : nil)
                    } catch {
                        failures += 1
                        let corpusError = error as? CorpusError ?? CorpusError(code: .unavailable, message: "\(error)")
                        finishedResolving(error: known.isEmpty ? corpusError : nil)
                        logger.debug("resolution failed", metadata: ["error": "\(error)"])
                    }
                    let delay =
                        failures > 0 ? configuration.backoff.delay(attempt: failures) : configuration.resolveInterval
                    await sleepUnlessShutDown(for: delay)
                    state.withLock { $0.resolving = known.isEmpty && !isShutDownLocked($0) }
                }
            }
        } onCancel: {
            self.shutDown()
        }
    }

    private var isShutDown: Bool {
        state.withLock { isShutDownLocked($0) }
    }

    private func isShutDownLocked(_ state: State) -> Bool {
        if case .shutDown = state.phase { return true }
        return false
    }

    /// Stops reconnecting, fails waiting calls and closes every connection once its calls end.
    func shutDown() {
        let (waiters, connections, wakes) = state.withLock { state in
            state.phase = .shutDown
            let waiters = Array(state.waiters.values)
            state.waiters.removeAll()
            let connections = state.slots.values.compactMap(\.connection)
            let wakes = state.slots.values.compactMap(\.wake) + state.shutdownWaiters.values
            for id in state.slots.keys { state.slots[id]?.wake = nil }
            state.shutdownWaiters.removeAll()
            return (waiters, connections, wakes)
        }
        for waiter in waiters { waiter.resume(throwing: Self.shutDownError) }
        for connection in connections { connection.closeGracefully() }
        for wake in wakes { wake.resume() }
    }
}
