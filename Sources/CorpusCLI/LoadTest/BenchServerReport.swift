/// The server-side section of the readable report: what the server's `Stats` counted during the
/// run, next to what the client counted.
enum BenchServerReport {
    static func write(_ report: LoadTestReport, to output: Output) {
        let server = report.server
        output.line(output.bold("server view") + output.dim(" (Stats before and after the run)"))
        guard server.available else {
            output.line("unavailable: \(server.error)")
            output.line()
            return
        }
        var table = Table([
            "method", "client calls", "server calls", "client errors", "server statuses", "server mean µs",
        ])
        let byMethod = Dictionary(report.rpcs.map { ($0.method, $0) }, uniquingKeysWith: { first, _ in first })
        var methods = Set(byMethod.keys)
        methods.formUnion(server.methods.map(\.method))
        let serverMethods = Dictionary(server.methods.map { ($0.method, $0) }, uniquingKeysWith: { first, _ in first })
        for method in methods.sorted() {
            let client = byMethod[method]
            let seen = serverMethods[method]
            let statuses = (seen?.statuses ?? [:]).sorted { $0.key < $1.key }.map {
                "\($0.key) \(Number.integer($0.value))"
            }
            table.add([
                shortName(method),
                client.map { Number.integer($0.calls) } ?? "-",
                seen.map { Number.integer($0.calls) } ?? "0",
                client.map { Number.integer($0.errors) } ?? "-",
                statuses.isEmpty ? "-" : statuses.joined(separator: ", "),
                seen.map { Number.decimal($0.meanMicros) } ?? "-",
            ])
        }
        table.render(to: output)
        var totals = Table(["", "client", "server"])
        totals.add([
            "calls", Number.integer(report.calls.total + report.calls.unfinished), Number.integer(server.calls),
        ])
        totals.add([
            "bytes client → server", Format.bytes(UInt64(max(0, report.bytes.wireSent))),
            Format.bytes(UInt64(max(0, server.bytesIn))),
        ])
        totals.add([
            "bytes server → client", Format.bytes(UInt64(max(0, report.bytes.wireReceived))),
            Format.bytes(UInt64(max(0, server.bytesOut))),
        ])
        totals.add([
            "connections", "\(report.configuration.connections) per address",
            "\(server.connectionsCurrent) open, \(server.connectionsOpened) opened during the run",
        ])
        output.line()
        totals.render(to: output)
        output.line(
            output.dim(
                "server figures cover every client of the server; its bytes include the bench's two Stats calls"
            )
        )
        output.line()
    }

    /// `/corpus.v1.Corpus/GetArticle` → `GetArticle`.
    static func shortName(_ method: String) -> String {
        method.split(separator: "/").last.map(String.init) ?? method
    }
}
