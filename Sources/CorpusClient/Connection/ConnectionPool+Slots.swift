internal import CorpusProtocol
internal import CorpusTransport
internal import Logging
internal import NIOCore
internal import Synchronization

extension ConnectionPool {
    // MARK: - Slots

    func addSlots(address: SocketAddress, count: Int) -> [Int] {
        state.withLock { state in
            (0..<count).map { _ in
                state.nextSlotID += 1
                state.slots[state.nextSlotID] = Slot(address: address, connecting: true)
                return state.nextSlotID
            }
        }
    }

    func removeSlots(for firstID: Int) {
        let (connections, wakes) = state.withLock { state in
            let address = state.slots[firstID]?.address.description
            var connections: [ClientConnection] = []
            var wakes: [CheckedContinuation<Void, Never>] = []
            for (id, slot) in state.slots where slot.address.description == address {
                if let connection = slot.connection { connections.append(connection) }
                if let wake = slot.wake { wakes.append(wake) }
                state.slots[id]?.removed = true
                state.slots[id]?.wake = nil
            }
            return (connections, wakes)
        }
        for connection in connections { connection.closeGracefully() }
        for wake in wakes { wake.resume() }
    }

    func finishedResolving(error: CorpusError?) {
        let waiters = state.withLock { state -> [CheckedContinuation<ClientConnection, any Error>] in
            state.resolving = false
            if let error { state.lastError = error }
            guard error != nil, !state.slots.values.contains(where: { $0.connecting }) else { return [] }
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(throwing: error ?? Self.noAddressError) }
    }

    /// Connects the slot, waits for the connection to close, and reconnects with backoff.
    func maintain(
        slotID: Int,
        address: SocketAddress,
        configuration: CorpusClient.Configuration,
        group: any EventLoopGroup,
        logger: Logger
    ) async {
        var failures = 0
        while slotIsLive(slotID) {
            state.withLock { $0.slots[slotID]?.connecting = true }
            do {
                let connection = try await ClientConnector.connect(
                    to: address,
                    group: group,
                    configuration: configuration.connection,
                    connectTimeout: .nanoseconds(Int64(configuration.connectTimeout.seconds * 1e9)),
                    logger: logger
                )
                failures = 0
                guard becameReady(slotID, connection) else {
                    connection.closeGracefully()
                    return
                }
                logger.debug("connected", metadata: ["address": "\(address)"])
                try? await connection.closeFuture.get()
                logger.debug("connection closed", metadata: ["address": "\(address)"])
                becameClosed(slotID)
            } catch {
                failures += 1
                let corpusError = error as? CorpusError ?? CorpusError(code: .unavailable, message: "\(error)")
                connectFailed(slotID, error: corpusError)
                logger.debug("connect failed", metadata: ["address": "\(address)", "error": "\(error)"])
            }
            guard slotIsLive(slotID) else { return }
            let delay = failures == 0 ? Duration.milliseconds(10) : configuration.backoff.delay(attempt: failures)
            await pause(slotID: slotID, for: delay)
        }
    }

    func slotIsLive(_ slotID: Int) -> Bool {
        state.withLock { state in
            guard case .running = state.phase, let slot = state.slots[slotID] else { return false }
            return !slot.removed
        }
    }

    func becameReady(_ slotID: Int, _ connection: ClientConnection) -> Bool {
        let (accepted, waiters) = state.withLock {
            state -> (Bool, [CheckedContinuation<ClientConnection, any Error>]) in
            guard case .running = state.phase, let slot = state.slots[slotID], !slot.removed else { return (false, []) }
            state.slots[slotID]?.connection = connection
            state.slots[slotID]?.connecting = false
            state.slots[slotID]?.lastFailure = nil
            defer { state.waiters.removeAll() }
            return (true, Array(state.waiters.values))
        }
        for waiter in waiters { waiter.resume(returning: connection) }
        return accepted
    }

    func becameClosed(_ slotID: Int) {
        state.withLock { state in
            if let connection = state.slots[slotID]?.connection {
                state.retiredTransfer = state.retiredTransfer + connection.transferCounts
            }
            state.slots[slotID]?.connection = nil
            if state.slots[slotID]?.removed == true { state.slots[slotID] = nil }
        }
    }

    func connectFailed(_ slotID: Int, error: CorpusError) {
        let waiters = state.withLock { state -> [CheckedContinuation<ClientConnection, any Error>] in
            state.slots[slotID]?.connecting = false
            state.slots[slotID]?.lastFailure = .now
            state.lastError = error
            if state.slots[slotID]?.removed == true { state.slots[slotID] = nil }
            let stillTrying = state.resolving || state.slots.values.contains { $0.connecting || $0.connection != nil }
            guard !stillTrying else { return [] }
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(throwing: error) }
    }

    /// Sleeps for `delay`, or until the pool shuts down.
    func sleepUnlessShutDown(for delay: Duration) async {
        let id = state.withLock { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await sleep(
            for: delay,
            park: { state, continuation in
                if case .shutDown = state.phase { return false }
                state.shutdownWaiters[id] = continuation
                return true
            },
            unpark: { $0.shutdownWaiters.removeValue(forKey: id) }
        )
    }

    /// Sleeps for `delay`, or until a call wakes the slot to try again.
    func pause(slotID: Int, for delay: Duration) async {
        await sleep(
            for: delay,
            park: { state, continuation in
                guard case .running = state.phase, state.slots[slotID] != nil else { return false }
                state.slots[slotID]?.wake = continuation
                return true
            },
            unpark: { state in
                defer { state.slots[slotID]?.wake = nil }
                return state.slots[slotID]?.wake
            }
        )
    }

    /// Sleeps for `delay`, or until whoever finds the continuation that `park` stored in the state
    /// resumes it, whichever comes first.
    ///
    /// - Parameters:
    ///   - park: Stores the continuation (under the lock); `false` returns at once instead.
    ///   - unpark: Takes the stored continuation back (the delay passed or the task was cancelled).
    private func sleep(
        for delay: Duration,
        park: @escaping @Sendable (inout State, CheckedContinuation<Void, Never>) -> Bool,
        unpark: @escaping @Sendable (inout State) -> CheckedContinuation<Void, Never>?
    ) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: delay) }
            group.addTask {
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        let parked = self.state.withLock { state -> Bool in
                            !Task.isCancelled && park(&state, continuation)
                        }
                        if !parked { continuation.resume() }
                    }
                } onCancel: {
                    let waiter = self.state.withLock { unpark(&$0) }
                    waiter?.resume()
                }
            }
            await group.next()
            group.cancelAll()
        }
    }
}
