import Foundation

/// The readable report of a run: aligned tables on stdout.
enum BenchTextReport {
    /// Timelines longer than this are left to `--json` and `--html`.
    static let maxTimelineRows = 60

    static func write(_ report: LoadTestReport, to output: Output) {
        header(report, to: output)
        summary(report, to: output)
        latency(report, to: output)
        if report.rpcs.count > 1 || report.rpcs.contains(where: { RPCKind(rawValue: $0.rpc)?.isStream == true }) {
            perCall(report, to: output)
        }
        statuses(report, to: output)
        bytes(report, to: output)
        BenchServerReport.write(report, to: output)
        timeline(report, to: output)
        warnings(report, to: output)
    }

    private static func header(_ report: LoadTestReport, to output: Output) {
        let configuration = report.configuration
        let calls = configuration.rpc == "mixed" ? "mixed (\(mixDescription(configuration.mix)))" : configuration.rpc
        output.line(output.bold("corpus bench") + ": \(calls) against \(configuration.servers.joined(separator: ", "))")
        let loop: String
        if configuration.mode == "open" {
            loop =
                "open loop at \(Number.decimal(configuration.rate)) calls/s, up to \(configuration.concurrency) in flight"
        } else {
            loop =
                "closed loop, \(configuration.concurrency) call\(configuration.concurrency == 1 ? "" : "s") in flight"
        }
        var limit =
            configuration.requests > 0
            ? "\(configuration.requests) calls (at most \(Number.seconds(configuration.durationSeconds)))"
            : Number.seconds(configuration.durationSeconds)
        if configuration.warmupSeconds > 0 { limit += " after \(Number.seconds(configuration.warmupSeconds)) warmup" }
        let connections = "\(configuration.connections) connection\(configuration.connections == 1 ? "" : "s")"
        output.line("\(loop) over \(connections), \(limit)")
        let arguments = configuration.arguments
        var drawn: [String] = []
        if arguments.ids > 0 { drawn.append(Number.count(arguments.ids, "id")) }
        if arguments.names > 0 { drawn.append(Number.count(arguments.names, "name")) }
        if arguments.queries > 0 { drawn.append(Number.count(arguments.queries, "query", plural: "queries")) }
        let sources = Set(arguments.sources.values).sorted().joined(separator: ", ")
        output.line(
            output.dim(
                "compression \(configuration.compression ? "on" : "off"), deadline \(Number.seconds(configuration.deadlineSeconds)), seed \(configuration.seed)"
                    + (drawn.isEmpty ? "" : "; arguments: \(drawn.joined(separator: ", "))")
                    + (sources.isEmpty ? "" : " (\(sources))")
            )
        )
        output.line()
    }

    /// `get 60%, search 30%, entity 10%`, heaviest first.
    static func mixDescription(_ mix: [String: Int]) -> String {
        let total = max(1, mix.values.reduce(0, +))
        return mix.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key) " + String(format: "%g%%", (Double($0.value) * 1000 / Double(total)).rounded() / 10) }
            .joined(separator: ", ")
    }

    private static func summary(_ report: LoadTestReport, to output: Output) {
        let calls = report.calls
        let errorShare = calls.total > 0 ? Double(calls.errors) * 100 / Double(calls.total) : 0
        var rows: [(String, String)] = [
            ("calls", "\(Number.integer(calls.total)) in \(Number.seconds(report.elapsedSeconds))"),
            ("throughput", "\(Number.decimal(report.throughput.callsPerSecond)) calls/s"),
            ("errors", "\(Number.integer(calls.errors)) (\(String(format: "%.2f", errorShare)) %)"),
        ]
        if calls.unfinished > 0 {
            rows.append(("unfinished", "\(Number.integer(calls.unfinished)) cut off at the hard stop"))
        }
        if calls.notSent > 0 {
            rows.append(("not sent", "\(Number.integer(calls.notSent)) due but never sent (backlog at the hard stop)"))
        }
        if report.timeToFirstMessageMillis.count > 0 {
            let throughput = report.throughput
            let first = report.timeToFirstMessageMillis
            rows.append(
                (
                    "messages",
                    "\(Number.integer(throughput.messages)) (\(Number.decimal(throughput.messagesPerSecond)) messages/s)"
                )
            )
            rows.append(
                (
                    "first message",
                    "p50 \(Number.millis(first.p50)), p99 \(Number.millis(first.p99)), max \(Number.millis(first.max)) (streams)"
                )
            )
        }
        if report.sendLagMillis.count > 0 {
            let lag = report.sendLagMillis
            rows.append(
                ("send lag", "p50 \(Number.millis(lag.p50)), p99 \(Number.millis(lag.p99)) (included in latency)")
            )
        }
        keyValues(rows, to: output)
        output.line()
    }

    /// Lines of `key  value`, keys padded to one width (a table without a header row).
    static func keyValues(_ rows: [(String, String)], to output: Output) {
        let width = rows.map { $0.0.unicodeScalars.count }.max() ?? 0
        for (key, value) in rows {
            output.line(key + String(repeating: " ", count: width - key.unicodeScalars.count) + "  " + value)
        }
    }

    private static func latency(_ report: LoadTestReport, to output: Output) {
        let origin = report.configuration.mode == "open" ? "from the intended send time" : "from the send time"
        output.line(output.bold("latency") + output.dim(" (ms, \(origin))"))
        let columns = report.latencyMillis.columns
        var table = Table(columns.map(\.label))
        table.add(columns.map { Number.millisValue($0.value) })
        table.render(to: output)
        output.line()
    }

    private static func perCall(_ report: LoadTestReport, to output: Output) {
        var table = Table(["call", "calls", "errors", "calls/s", "messages", "mean ms", "p50 ms", "p99 ms", "max ms"])
        for rpc in report.rpcs {
            let latency = rpc.latencyMillis
            table.add([
                rpc.rpc, Number.integer(rpc.calls), Number.integer(rpc.errors), Number.decimal(rpc.callsPerSecond),
                Number.integer(rpc.messages), Number.millisValue(latency.mean), Number.millisValue(latency.p50),
                Number.millisValue(latency.p99), Number.millisValue(latency.max),
            ])
        }
        table.render(to: output)
        output.line()
    }

    private static func statuses(_ report: LoadTestReport, to output: Output) {
        var table = Table(["status", "calls", "share"])
        for (status, count) in report.statuses.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            let share = report.calls.total > 0 ? Double(count) * 100 / Double(report.calls.total) : 0
            table.add([status, Number.integer(count), String(format: "%.2f %%", share)])
        }
        table.render(to: output)
        output.line()
    }

    private static func bytes(_ report: LoadTestReport, to output: Output) {
        let bytes = report.bytes
        let calls = max(1, report.calls.total)
        var table = Table(["bytes", "sent", "received"])
        table.add([
            "on the wire", Format.bytes(UInt64(max(0, bytes.wireSent))),
            Format.bytes(UInt64(max(0, bytes.wireReceived))),
        ])
        table.add([
            "as messages", Format.bytes(UInt64(max(0, bytes.messageSent))),
            Format.bytes(UInt64(max(0, bytes.messageReceived))),
        ])
        table.add(["wire per call", "\(bytes.wireSent / calls) B", "\(bytes.wireReceived / calls) B"])
        if report.elapsedSeconds > 0 {
            table.add([
                "wire per second",
                Format.bytes(UInt64(max(0, Double(bytes.wireSent) / report.elapsedSeconds))) + "/s",
                Format.bytes(UInt64(max(0, Double(bytes.wireReceived) / report.elapsedSeconds))) + "/s",
            ])
        }
        table.render(to: output)
        output.line()
    }

    private static func timeline(_ report: LoadTestReport, to output: Output) {
        guard !report.timeline.isEmpty else { return }
        guard report.timeline.count <= maxTimelineRows else {
            output.line(output.dim("timeline: \(report.timeline.count) seconds, in --json and --html"))
            output.line()
            return
        }
        var table = Table(["second", "calls/s", "errors", "p50 ms", "p99 ms", "max ms"])
        for entry in report.timeline {
            table.add([
                "\(entry.second)", Number.decimal(entry.callsPerSecond), Number.integer(entry.errors),
                Number.millisValue(entry.p50Millis), Number.millisValue(entry.p99Millis),
                Number.millisValue(entry.maxMillis),
            ])
        }
        table.render(to: output)
        output.line()
    }

    private static func warnings(_ report: LoadTestReport, to output: Output) {
        for warning in BenchWarnings.make(report) {
            output.line("note: " + warning)
        }
    }
}
