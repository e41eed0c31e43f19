/// The `--html` page: one self-contained, well-formed XHTML-style document (no scripts, fonts or
/// style sheets from elsewhere) with the summary, the latency percentile curve and the
/// throughput-over-time chart as inline SVG.
enum BenchHTMLReport {
    static func render(_ report: LoadTestReport) -> String {
        let configuration = report.configuration
        let calls =
            configuration.rpc == "mixed"
            ? "mixed (\(BenchTextReport.mixDescription(configuration.mix)))" : configuration.rpc
        let loop =
            configuration.mode == "open"
            ? "open loop at \(Number.decimal(configuration.rate)) calls/s (up to \(configuration.concurrency) in flight)"
            : "closed loop with \(configuration.concurrency) calls in flight"
        var html = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>corpus bench: \(Markup.escape(calls))</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>corpus bench: \(Markup.escape(calls))</h1>
            <p class="meta">\(Markup.escape(configuration.servers.joined(separator: ", "))) · \(Markup.escape(loop)) \
            over \(configuration.connections) connection(s) · \(Markup.escape(Number.seconds(report.elapsedSeconds))) \
            · compression \(configuration.compression ? "on" : "off") · seed \(configuration.seed) · started \(Markup.escape(report.startedAt))</p>

            """
        html += summaryTable(report)
        html += "<h2>Latency distribution</h2>\n"
        html += "<p class=\"meta\">Latency of every completed call "
        html += configuration.mode == "open" ? "from its intended send time" : "from its send time"
        html += ", by percentile (HdrHistogram).</p>\n"
        let latency = report.latencyMillis
        let markers = [
            ("p50", 50.0, latency.p50), ("p90", 90.0, latency.p90), ("p99", 99.0, latency.p99),
            ("p99.9", 99.9, latency.p999),
        ]
        .map { LatencyCurveChart.Marker(label: $0.0, percentile: $0.1, millis: $0.2) }
        html += LatencyCurveChart(points: report.latencyPercentiles, markers: markers).svg + "\n"
        html += "<h2>Throughput over time</h2>\n"
        html +=
            "<p class=\"meta\">Calls completed per second (failed ones in red) and the p99 latency of each second.</p>\n"
        html += ThroughputChart(timeline: report.timeline).svg + "\n"
        html += rpcTable(report)
        html += statusTable(report)
        html += serverTable(report)
        let warnings = BenchWarnings.make(report)
        if !warnings.isEmpty {
            html += "<h2>Notes</h2>\n<ul>\n"
            for warning in warnings { html += "<li>\(Markup.escape(warning))</li>\n" }
            html += "</ul>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    private static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var html = "<table>\n<thead><tr>"
        for (index, header) in headers.enumerated() {
            html += numeric.contains(index) ? "<th class=\"n\">" : "<th>"
            html += "\(Markup.escape(header))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                html += numeric.contains(index) ? "<td class=\"n\">" : "<td>"
                html += "\(Markup.escape(cell))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private static func summaryTable(_ report: LoadTestReport) -> String {
        let latency = report.latencyMillis
        var rows: [[String]] = [
            ["calls", Number.integer(report.calls.total)],
            ["throughput", "\(Number.decimal(report.throughput.callsPerSecond)) calls/s"],
            ["errors", Number.integer(report.calls.errors)],
        ]
        if report.calls.unfinished > 0 {
            rows.append(["unfinished (hard stop)", Number.integer(report.calls.unfinished)])
        }
        for (label, value) in latency.columns { rows.append(["latency \(label)", Number.millis(value)]) }
        if report.timeToFirstMessageMillis.count > 0 {
            rows.append([
                "messages",
                "\(Number.integer(report.throughput.messages)) (\(Number.decimal(report.throughput.messagesPerSecond))/s)",
            ])
            rows.append(["time to first message p50", Number.millis(report.timeToFirstMessageMillis.p50)])
            rows.append(["time to first message p99", Number.millis(report.timeToFirstMessageMillis.p99)])
        }
        if report.sendLagMillis.count > 0 {
            rows.append(["send lag p99 (in latency)", Number.millis(report.sendLagMillis.p99)])
        }
        let bytes = report.bytes
        rows.append([
            "wire bytes sent / received",
            "\(Format.bytes(UInt64(max(0, bytes.wireSent)))) / \(Format.bytes(UInt64(max(0, bytes.wireReceived))))",
        ])
        rows.append([
            "message bytes sent / received",
            "\(Format.bytes(UInt64(max(0, bytes.messageSent)))) / \(Format.bytes(UInt64(max(0, bytes.messageReceived))))",
        ])
        return "<h2>Summary</h2>\n" + table(["", "value"], rows, numeric: [1])
    }

    private static func rpcTable(_ report: LoadTestReport) -> String {
        let rows = report.rpcs.map { rpc in
            [
                rpc.rpc, Number.integer(rpc.calls), Number.integer(rpc.errors), Number.decimal(rpc.callsPerSecond),
                Number.millisValue(rpc.latencyMillis.mean), Number.millisValue(rpc.latencyMillis.p50),
                Number.millisValue(rpc.latencyMillis.p99), Number.millisValue(rpc.latencyMillis.p999),
                Number.millisValue(rpc.latencyMillis.max),
            ]
        }
        return "<h2>By call</h2>\n"
            + table(
                ["call", "calls", "errors", "calls/s", "mean ms", "p50 ms", "p99 ms", "p99.9 ms", "max ms"],
                rows,
                numeric: Set(1...8)
            )
    }

    private static func statusTable(_ report: LoadTestReport) -> String {
        let rows = report.statuses.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
            [$0.key, Number.integer($0.value)]
        }
        return "<h2>Statuses</h2>\n" + table(["status", "calls"], rows, numeric: [1])
    }

    private static func serverTable(_ report: LoadTestReport) -> String {
        let server = report.server
        guard server.available else {
            return "<h2>Server view</h2>\n<p>unavailable: \(Markup.escape(server.error))</p>\n"
        }
        let rows = server.methods.map { method in
            [
                BenchServerReport.shortName(method.method), Number.integer(method.calls),
                method.statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
                Number.decimal(method.meanMicros),
            ]
        }
        var html = "<h2>Server view</h2>\n<p class=\"meta\">From the server's Stats before and after the run.</p>\n"
        html += table(["method", "calls", "statuses", "mean µs"], rows, numeric: [1, 3])
        html += table(
            ["", "client", "server"],
            [
                ["calls", Number.integer(report.calls.total + report.calls.unfinished), Number.integer(server.calls)],
                [
                    "bytes client → server", Format.bytes(UInt64(max(0, report.bytes.wireSent))),
                    Format.bytes(UInt64(max(0, server.bytesIn))),
                ],
                [
                    "bytes server → client", Format.bytes(UInt64(max(0, report.bytes.wireReceived))),
                    Format.bytes(UInt64(max(0, server.bytesOut))),
                ],
                [
                    "connections", "\(report.configuration.connections) per address",
                    "\(server.connectionsCurrent) open",
                ],
            ],
            numeric: [1, 2]
        )
        return html
    }

    private static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:900px;color:#1d232a;padding:0 16px}\
        h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px}\
        .meta{color:#5b6570;font-size:13px}\
        table{border-collapse:collapse;font-size:13px;margin:8px 0}\
        th,td{padding:3px 12px 3px 0;text-align:left;border-bottom:1px solid #e3e7eb}\
        th{font-weight:600}.n{text-align:right;font-variant-numeric:tabular-nums}\
        svg.chart{display:block;max-width:100%;height:auto;font-size:12px}\
        .grid{stroke:#e3e7eb;stroke-width:1}.axis{stroke:#5b6570;stroke-width:1}\
        .tick{fill:#5b6570}.label{fill:#1d232a;font-size:13px}\
        .curve{fill:none;stroke:#1f6feb;stroke-width:2}\
        .marker{fill:#1f6feb}.note{fill:#1d232a;font-size:11px}\
        .guide{stroke:#1f6feb;stroke-width:1;stroke-dasharray:3 3;opacity:.6}\
        .bar{fill:#8cb4f0}.errors{fill:#d73a49}\
        .p99line{fill:none;stroke:#e36209;stroke-width:2}.p99{fill:#e36209}
        """
}
