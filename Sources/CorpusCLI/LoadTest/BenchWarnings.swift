/// Things a reader of a report should not miss: a run that did not do what was asked, or
/// figures that mean less than they seem.
enum BenchWarnings {
    static func make(_ report: LoadTestReport) -> [String] {
        var warnings: [String] = []
        let configuration = report.configuration
        if report.calls.total == 0 {
            warnings.append("no call completed")
        } else if report.calls.ok == 0 {
            let top = report.statuses.max { $0.value < $1.value }?.key ?? "?"
            warnings.append("every call failed (mostly \(top)): the latencies are those of failures")
        }
        if report.calls.cutOff {
            warnings.append(
                "\(report.calls.unfinished) call(s) still running \(Number.seconds(configuration.graceSeconds)) after the time limit were cancelled"
            )
        }
        if report.calls.notSent > 0 {
            warnings.append(
                "\(Number.integer(report.calls.notSent)) call(s) due before the time limit were never sent: "
                    + "the backlog was not worked off before the hard stop, so the percentiles understate the delay"
            )
        }
        if configuration.mode == "open", configuration.rate > 0, report.elapsedSeconds > 0 {
            let achieved = report.throughput.callsPerSecond
            if achieved < configuration.rate * 0.95,
                configuration.requests == 0 || report.calls.total < configuration.requests
            {
                warnings.append(
                    "achieved \(Number.decimal(achieved)) calls/s of the \(Number.decimal(configuration.rate)) asked: "
                        + "the server (or --concurrency \(configuration.concurrency)) could not keep up, and the latencies include the backlog"
                )
            }
        }
        if configuration.mode == "closed", report.latencyMillis.max > 10 * max(report.latencyMillis.p99, 0.001) {
            warnings.append(
                "closed loop: the slowest calls held back the senders, so their effect is under-counted; "
                    + "measure latency under a fixed load with --rate"
            )
        }
        return warnings
    }
}
