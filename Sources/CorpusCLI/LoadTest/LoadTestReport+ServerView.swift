import CorpusProtocol

extension LoadTestReport.ServerView {
    /// The bench's own calls to `Stats`, left out of the per-method figures.
    static let statsMethod = CorpusMethods.stats.descriptor.fullName

    /// The difference between two `Stats` replies of the same server.
    init(before: Corpus_V1_StatsResponse, after: Corpus_V1_StatsResponse) {
        let old = before.server
        let new = after.server
        let oldMethods = Dictionary(old.methods.map { ($0.method, $0) }, uniquingKeysWith: { first, _ in first })
        var methods: [LoadTestReport.ServerMethod] = []
        for method in new.methods where method.method != Self.statsMethod {
            let previous = oldMethods[method.method]
            let calls = Int(method.calls) - Int(previous?.calls ?? 0)
            guard calls > 0 else { continue }
            var statuses: [String: Int] = [:]
            for (status, count) in method.byStatus {
                let delta = Int(count) - Int(previous?.byStatus[status] ?? 0)
                if delta > 0 { statuses[status] = delta }
            }
            // The server reports a running mean; the mean of this run's calls is the difference
            // of the totals over the difference of the counts.
            let totalMicros = method.meanMicros * Double(method.calls)
            let previousMicros = (previous?.meanMicros ?? 0) * Double(previous?.calls ?? 0)
            methods.append(
                LoadTestReport.ServerMethod(
                    method: method.method,
                    calls: calls,
                    statuses: statuses,
                    messagesSent: Int(method.messagesSent) - Int(previous?.messagesSent ?? 0),
                    meanMicros: max(0, (totalMicros - previousMicros) / Double(calls))
                )
            )
        }
        self.init(
            available: true,
            error: "",
            version: new.version,
            calls: methods.reduce(0) { $0 + $1.calls },
            bytesIn: Int(new.bytesIn) - Int(old.bytesIn),
            bytesOut: Int(new.bytesOut) - Int(old.bytesOut),
            connectionsCurrent: Int(new.connectionsCurrent),
            connectionsOpened: Int(new.connectionsTotal) - Int(old.connectionsTotal),
            callsInFlight: Int(new.callsCurrent),
            methods: methods.sorted { $0.method < $1.method }
        )
    }
}
