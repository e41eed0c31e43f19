public import CorpusProtocol
public import CorpusTransport
internal import Metrics
public import NIOCore
internal import Synchronization

/// Counts what the server does, for the `Stats` RPC, and reports it to swift-metrics.
///
/// Metrics (through whatever `MetricsSystem` backend the process bootstrapped):
/// `corpus_server_calls_total{method,status}` (counter), `corpus_server_call_duration{method}`
/// (timer), `corpus_server_bytes_in_total` / `corpus_server_bytes_out_total` (counters) and
/// `corpus_server_connections` (gauge).
public final class ServerStatistics: ServerCallObserver {
    /// Per-method figures.
    public struct MethodFigures: Sendable, Hashable {
        public var calls = 0
        public var byStatus: [String: Int] = [:]
        public var messagesSent = 0
        public var totalNanoseconds: Int64 = 0

        public var meanMicroseconds: Double {
            calls > 0 ? Double(totalNanoseconds) / Double(calls) / 1000 : 0
        }
    }

    /// A snapshot of every counter.
    public struct Snapshot: Sendable, Hashable {
        public var connectionsCurrent = 0
        public var connectionsTotal = 0
        public var callsCurrent = 0
        public var callsTotal = 0
        public var bytesIn = 0
        public var bytesOut = 0
        public var methods: [String: MethodFigures] = [:]
    }

    private struct State {
        var snapshot = Snapshot()
        var callCounters: [String: Counter] = [:]
        var timers: [String: Metrics.Timer] = [:]
    }

    private let state = Mutex(State())
    private let bytesInCounter = Counter(label: "corpus_server_bytes_in_total")
    private let bytesOutCounter = Counter(label: "corpus_server_bytes_out_total")
    private let connectionsGauge = Gauge(label: "corpus_server_connections")
    /// When the statistics started (the server's start).
    public let startedAt = NIODeadline.now()

    public init() {}

    /// The counters now.
    public var snapshot: Snapshot { state.withLock { $0.snapshot } }

    public func connectionOpened(remoteAddress: SocketAddress?) {
        let current = state.withLock { state in
            state.snapshot.connectionsCurrent += 1
            state.snapshot.connectionsTotal += 1
            return state.snapshot.connectionsCurrent
        }
        connectionsGauge.record(current)
    }

    public func connectionClosed(remoteAddress: SocketAddress?) {
        let current = state.withLock { state in
            state.snapshot.connectionsCurrent = max(0, state.snapshot.connectionsCurrent - 1)
            return state.snapshot.connectionsCurrent
        }
        connectionsGauge.record(current)
    }

    public func callStarted(_ method: MethodDescriptor) {
        state.withLock { $0.snapshot.callsCurrent += 1 }
    }

    public func callFinished(_ method: MethodDescriptor, status: Status.Code, duration: TimeAmount, messagesSent: Int) {
        let (counter, timer) = state.withLock { state in
            state.snapshot.callsCurrent = max(0, state.snapshot.callsCurrent - 1)
            record(&state, method: method.fullName, status: status, duration: duration, messagesSent: messagesSent)
            return (
                callCounter(&state, method: method.fullName, status: status), durationTimer(&state, method.fullName)
            )
        }
        counter.increment()
        timer.recordNanoseconds(duration.nanoseconds)
    }

    public func callRefused(method: String, status: Status.Code) {
        let counter = state.withLock { state in
            record(&state, method: method, status: status, duration: .zero, messagesSent: 0)
            return callCounter(&state, method: method, status: status)
        }
        counter.increment()
    }

    private func record(
        _ state: inout State,
        method: String,
        status: Status.Code,
        duration: TimeAmount,
        messagesSent: Int
    ) {
        var figures = state.snapshot.methods[method, default: MethodFigures()]
        figures.calls += 1
        figures.byStatus[status.name, default: 0] += 1
        figures.messagesSent += messagesSent
        figures.totalNanoseconds += duration.nanoseconds
        state.snapshot.methods[method] = figures
        state.snapshot.callsTotal += 1
    }

    private func callCounter(_ state: inout State, method: String, status: Status.Code) -> Counter {
        let key = method + "|" + status.name
        if let counter = state.callCounters[key] { return counter }
        let counter = Counter(
            label: "corpus_server_calls_total",
            dimensions: [("method", method), ("status", status.name)]
        )
        state.callCounters[key] = counter
        return counter
    }

    private func durationTimer(_ state: inout State, _ method: String) -> Metrics.Timer {
        if let timer = state.timers[method] { return timer }
        let timer = Metrics.Timer(label: "corpus_server_call_duration", dimensions: [("method", method)])
        state.timers[method] = timer
        return timer
    }

    public func bytesTransferred(read: Int, written: Int) {
        state.withLock {
            $0.snapshot.bytesIn += read
            $0.snapshot.bytesOut += written
        }
        if read > 0 { bytesInCounter.increment(by: read) }
        if written > 0 { bytesOutCounter.increment(by: written) }
    }
}
