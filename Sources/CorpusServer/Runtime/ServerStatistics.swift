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

    /// Counters of one method, with its metrics objects made once.
    private struct MethodCounters {
        var figures = MethodFigures()
        var byStatus = [Int](repeating: 0, count: 17)
        var callCounters = [Counter?](repeating: nil, count: 17)
        var timer: Metrics.Timer?
    }

    private struct State {
        var connectionsCurrent = 0
        var connectionsTotal = 0
        var callsTotal = 0
        var bytesIn = 0
        var bytesOut = 0
        var methods: [String: MethodCounters] = [:]
    }

    private let state = Mutex(State())
    private let callsCurrent = Atomic<Int>(0)
    private let bytesInCounter = Counter(label: "corpus_server_bytes_in_total")
    private let bytesOutCounter = Counter(label: "corpus_server_bytes_out_total")
    private let connectionsGauge = Gauge(label: "corpus_server_connections")
    /// When the statistics started (the server's start).
    public let startedAt = NIODeadline.now()

    public init() {}

    /// The counters now.
    public var snapshot: Snapshot {
        let current = callsCurrent.load(ordering: .relaxed)
        return state.withLock { state in
            var snapshot = Snapshot()
            snapshot.connectionsCurrent = state.connectionsCurrent
            snapshot.connectionsTotal = state.connectionsTotal
            snapshot.callsCurrent = max(0, current)
            snapshot.callsTotal = state.callsTotal
            snapshot.bytesIn = state.bytesIn
            snapshot.bytesOut = state.bytesOut
            for (name, counters) in state.methods {
                var figures = counters.figures
                for (code, count) in counters.byStatus.enumerated() where count > 0 {
                    figures.byStatus[Status.Code(wireValue: UInt16(code)).name] = count
                }
                snapshot.methods[name] = figures
            }
            return snapshot
        }
    }

    public func connectionOpened(remoteAddress: SocketAddress?) {
        let current = state.withLock { state in
            state.connectionsCurrent += 1
            state.connectionsTotal += 1
            return state.connectionsCurrent
        }
        connectionsGauge.record(current)
    }

    public func connectionClosed(remoteAddress: SocketAddress?) {
        let current = state.withLock { state in
            state.connectionsCurrent = max(0, state.connectionsCurrent - 1)
            return state.connectionsCurrent
        }
        connectionsGauge.record(current)
    }

    public func callStarted(_ method: MethodDescriptor) {
        callsCurrent.add(1, ordering: .relaxed)
    }

    public func callFinished(_ method: MethodDescriptor, status: Status.Code, duration: TimeAmount, messagesSent: Int) {
        callsCurrent.subtract(1, ordering: .relaxed)
        let (counter, timer) = record(
            method: method.fullName,
            status: status,
            duration: duration,
            messagesSent: messagesSent,
            timed: true
        )
        counter.increment()
        timer?.recordNanoseconds(duration.nanoseconds)
    }

    public func callRefused(method: String, status: Status.Code) {
        let (counter, _) = record(method: method, status: status, duration: .zero, messagesSent: 0, timed: false)
        counter.increment()
    }

    /// Updates the figures of `method` under one lock and returns its metrics objects.
    private func record(
        method: String,
        status: Status.Code,
        duration: TimeAmount,
        messagesSent: Int,
        timed: Bool
    ) -> (Counter, Metrics.Timer?) {
        state.withLock { state in
            state.callsTotal += 1
            let code = Int(status.rawValue)
            var counters = state.methods.removeValue(forKey: method) ?? MethodCounters()
            counters.figures.calls += 1
            counters.figures.messagesSent += messagesSent
            counters.figures.totalNanoseconds += duration.nanoseconds
            counters.byStatus[code] += 1
            let counter =
                counters.callCounters[code]
                ?? Counter(
                    label: "corpus_server_calls_total",
                    dimensions: [("method", method), ("status", status.name)]
                )
            counters.callCounters[code] = counter
            if timed, counters.timer == nil {
                counters.timer = Metrics.Timer(label: "corpus_server_call_duration", dimensions: [("method", method)])
            }
            let timer = timed ? counters.timer : nil
            state.methods[method] = counters
            return (counter, timer)
        }
    }

    public func bytesTransferred(read: Int, written: Int) {
        state.withLock {
            $0.bytesIn += read
            $0.bytesOut += written
        }
        if read > 0 { bytesInCounter.increment(by: read) }
        if written > 0 { bytesOutCounter.increment(by: written) }
    }
}
