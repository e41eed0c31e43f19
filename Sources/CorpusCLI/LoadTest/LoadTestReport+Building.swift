import CorpusClient
import Foundation
import Histogram

extension LoadTestReport {
    /// Assembles the report of a measured phase.
    ///
    /// - Parameters:
    ///   - result: What the runner measured.
    ///   - settings: How the run was set up.
    ///   - pool: The arguments the calls drew from (after discovery).
    ///   - startedAt: When the measured phase started.
    ///   - transfer: The client's byte counts during the phase (after minus before).
    ///   - server: The server's view, or why there is none.
    init(
        result: LoadTestResult,
        settings: BenchSettings,
        pool: ArgumentPool,
        startedAt: Date,
        transfer: TransferCounts,
        server: ServerView
    ) {
        let stats = result.stats
        let plan = result.plan
        let seconds = result.elapsed.secondsValue
        self.schemaVersion = Self.currentSchemaVersion
        self.startedAt = ISO8601DateFormatter().string(from: startedAt)
        self.configuration = Configuration(
            servers: settings.servers,
            rpc: settings.rpc,
            mix: Dictionary(uniqueKeysWithValues: settings.mix.entries.map { ($0.kind.rawValue, $0.weight) }),
            mode: plan.isOpenLoop ? "open" : "closed",
            concurrency: plan.concurrency,
            connections: settings.connections,
            rate: plan.rate ?? 0,
            durationSeconds: plan.duration.secondsValue,
            requests: plan.requests ?? 0,
            warmupSeconds: settings.warmup.secondsValue,
            graceSeconds: plan.grace.secondsValue,
            compression: settings.compression,
            deadlineSeconds: settings.deadlineSeconds,
            limit: settings.limit,
            seed: settings.seed,
            arguments: Arguments(
                ids: pool.ids.count,
                names: pool.names.count,
                queries: pool.queries.count,
                prefixes: pool.values(for: .suggest).count,
                sources: pool.sources
            )
        )
        self.elapsedSeconds = seconds
        let calls = stats.calls
        let errors = stats.errors
        self.calls = Calls(
            total: calls,
            ok: calls - errors,
            errors: errors,
            unfinished: stats.unfinished,
            notSent: result.notSent,
            cutOff: result.cutOff
        )
        self.throughput = Throughput(
            callsPerSecond: result.callsPerSecond,
            messages: stats.messages,
            messagesPerSecond: result.messagesPerSecond
        )
        self.latencyMillis = LatencySummary(stats.latency)
        self.timeToFirstMessageMillis = LatencySummary(stats.firstMessage)
        self.sendLagMillis = LatencySummary(stats.sendLag)
        self.statuses = stats.statuses
        self.rpcs = settings.mix.entries.map { entry in
            let figures = stats.kinds[entry.kind] ?? WorkerStats.PerKind()
            return RPCFigures(
                rpc: entry.kind.rawValue,
                method: entry.kind.method,
                weight: entry.weight,
                calls: figures.calls,
                errors: figures.errors,
                unfinished: figures.unfinished,
                statuses: figures.statuses,
                messages: figures.messages,
                callsPerSecond: seconds > 0 ? Double(figures.calls) / seconds : 0,
                latencyMillis: LatencySummary(figures.latency)
            )
        }
        self.bytes = Bytes(
            wireSent: transfer.wireBytesSent,
            wireReceived: transfer.wireBytesReceived,
            messageSent: transfer.messageBytesSent,
            messageReceived: transfer.messageBytesReceived
        )
        self.timeline = result.timeline
        self.latencyPercentiles = Self.percentileCurve(stats.latency)
        self.server = server
    }

    /// The percentile curve of `histogram`, HdrHistogram-style: points evenly spaced in "nines"
    /// (`log10(1 / (1 - p))`: 0 %, 90 %, 99 %, 99.9 %, ...) up to the resolution the number of
    /// calls allows, then the maximum.
    static func percentileCurve(_ histogram: LatencyHistogram, stepsPerNine: Int = 20) -> [PercentilePoint] {
        let total = histogram.totalCount
        guard total > 0 else { return [] }
        let nines = max(1, log10(Double(total)))
        var points: [PercentilePoint] = []
        var step = 0
        while true {
            let x = Double(step) / Double(stepsPerNine)
            guard x <= nines else { break }
            let percentile = 100 * (1 - pow(10, -x))
            points.append(
                PercentilePoint(percentile: percentile, latencyMillis: histogram.milliseconds(at: percentile))
            )
            step += 1
        }
        points.append(PercentilePoint(percentile: 100, latencyMillis: Double(histogram.maxRecorded) / 1000))
        return points
    }
}
