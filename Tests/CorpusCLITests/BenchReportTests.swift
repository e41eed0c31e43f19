import CorpusClient
import Foundation
import Testing

@testable import CorpusCLI

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The outputs of a run: the `--json` schema (every documented field present, stable names),
/// the readable report and the `--html` page (well-formed, self-contained, both charts).
@Suite("bench: JSON, text and HTML reports", .timeLimit(.minutes(1)))
struct BenchReportTests {
    /// A report from a short run against a fake server, with a stream in the mix, some errors,
    /// and a server view.
    static func makeReport(open: Bool = false) async throws -> LoadTestReport {
        let target = ClosureCallTarget { call in
            await Task.yield()
            switch call {
            case .get(let id) where id == "missing": return .failed("NOT_FOUND")
            case .search: return .ok(messages: 4, firstMessageAt: .now)
            default: return .ok()
            }
        }
        var pool = ArgumentPool()
        pool.ids = ["a", "b", "missing"]
        pool.queries = ["dai hoi"]
        pool.names = ["An Phú"]
        pool.sources = ["ids": "--id", "queries": "--query", "names": "--name"]
        let arguments = pool
        let mix = try CallMix(parsing: "get=60,search=30,entity=10")
        let plan = LoadTestPlan(
            concurrency: 4,
            rate: open ? 2000 : nil,
            duration: .seconds(30),
            requests: 400,
            grace: .seconds(2)
        )
        let settings = BenchSettings(
            servers: ["127.0.0.1:7700"],
            rpc: "mixed",
            mix: mix,
            plan: plan,
            seed: 1,
            pool: pool
        )
        let runner = LoadTestRunner(target: target) { settings.workload(worker: $0, phase: 1, pool: arguments) }
        let result = await runner.run(plan)

        var before = Corpus_V1_StatsResponse()
        before.server.bytesIn = 100
        before.server.connectionsTotal = 1
        var method = Corpus_V1_MethodStats()
        method.method = RPCKind.get.method
        method.calls = 10
        method.byStatus = ["OK": 10]
        method.meanMicros = 50
        before.server.methods = [method]
        var after = before
        after.server.bytesIn = 5100
        after.server.bytesOut = 90_000
        after.server.connectionsTotal = 2
        after.server.connectionsCurrent = 1
        method.calls = 30
        method.byStatus = ["OK": 25, "NOT_FOUND": 5]
        method.meanMicros = 70
        var stats = Corpus_V1_MethodStats()
        stats.method = LoadTestReport.ServerView.statsMethod
        stats.calls = 1
        after.server.methods = [method, stats]

        return LoadTestReport(
            result: result,
            settings: settings,
            pool: pool,
            startedAt: Date(timeIntervalSince1970: 1_700_000_000),
            transfer: TransferCounts(
                wireBytesSent: 4000,
                wireBytesReceived: 80_000,
                messageBytesSent: 3000,
                messageBytesReceived: 150_000
            ),
            server: LoadTestReport.ServerView(before: before, after: after)
        )
    }

    /// Every field the README and ``LoadTestReport`` document, by path.
    static let documentedFields: [String: [String]] = [
        "": [
            "schemaVersion", "startedAt", "configuration", "elapsedSeconds", "calls", "throughput", "latencyMillis",
            "timeToFirstMessageMillis", "sendLagMillis", "statuses", "rpcs", "bytes", "timeline", "latencyPercentiles",
            "server",
        ],
        "configuration": [
            "servers", "rpc", "mix", "mode", "concurrency", "connections", "rate", "durationSeconds", "requests",
            "warmupSeconds", "graceSeconds", "compression", "deadlineSeconds", "limit", "seed", "arguments",
        ],
        "configuration.arguments": ["ids", "names", "queries", "prefixes", "sources"],
        "calls": ["total", "ok", "errors", "unfinished", "notSent", "cutOff"],
        "throughput": ["callsPerSecond", "messages", "messagesPerSecond"],
        "latencyMillis": ["count", "min", "mean", "p50", "p75", "p90", "p99", "p999", "max"],
        "timeToFirstMessageMillis": ["count", "min", "mean", "p50", "p75", "p90", "p99", "p999", "max"],
        "sendLagMillis": ["count", "min", "mean", "p50", "p75", "p90", "p99", "p999", "max"],
        "rpcs[]": [
            "rpc", "method", "weight", "calls", "errors", "unfinished", "statuses", "messages", "callsPerSecond",
            "latencyMillis",
        ],
        "bytes": ["wireSent", "wireReceived", "messageSent", "messageReceived"],
        "timeline[]": [
            "second", "startSeconds", "durationSeconds", "calls", "errors", "messages", "callsPerSecond", "p50Millis",
            "p99Millis", "maxMillis",
        ],
        "latencyPercentiles[]": ["percentile", "latencyMillis"],
        "server": [
            "available", "error", "version", "calls", "bytesIn", "bytesOut", "connectionsCurrent", "connectionsOpened",
            "callsInFlight", "methods",
        ],
        "server.methods[]": ["method", "calls", "statuses", "messagesSent", "meanMicros"],
    ]

    static func object(at path: String, in root: [String: Any]) throws -> [String: Any] {
        var current: Any = root
        for part in path.split(separator: ".") {
            let isArray = part.hasSuffix("[]")
            let key = String(isArray ? part.dropLast(2) : part)
            current = try #require((current as? [String: Any])?[key], "\(path): no \(key)")
            if isArray { current = try #require((current as? [Any])?.first, "\(path): empty array") }
        }
        return try #require(current as? [String: Any], "\(path) is not an object")
    }

    @Test("--json: one object with every documented field, exactly")
    func jsonSchema() async throws {
        let report = try await Self.makeReport()
        let text = try BenchJSON.encode(report)
        #expect(!text.contains("\n"), "one line")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for (path, fields) in Self.documentedFields {
            let object = try Self.object(at: path, in: root)
            #expect(Set(object.keys) == Set(fields), "fields of \(path.isEmpty ? "the root" : path)")
        }
        #expect(root["schemaVersion"] as? Int == 1)
        #expect(root["startedAt"] as? String == "2023-11-14T22:13:20Z")
        let configuration = try Self.object(at: "configuration", in: root)
        #expect(configuration["mode"] as? String == "closed")
        #expect(configuration["mix"] as? [String: Int] == ["get": 60, "search": 30, "entity": 10])
        let calls = try Self.object(at: "calls", in: root)
        #expect(calls["total"] as? Int == 400)
        #expect((calls["errors"] as? Int ?? 0) > 0)
        #expect((root["statuses"] as? [String: Int])?["NOT_FOUND"] == calls["errors"] as? Int)
        let server = try Self.object(at: "server", in: root)
        #expect(server["bytesIn"] as? Int == 5000)
        #expect(server["connectionsOpened"] as? Int == 1)
        let methods = try #require(server["methods"] as? [[String: Any]])
        #expect(methods.count == 1, "the bench's own Stats calls are left out")
        #expect(methods.first?["calls"] as? Int == 20)
        #expect(methods.first?["statuses"] as? [String: Int] == ["OK": 15, "NOT_FOUND": 5])
        // (30 × 70 − 10 × 50) / 20 = 80 µs for this run's calls.
        #expect(abs((methods.first?["meanMicros"] as? Double ?? 0) - 80) < 1e-9)

        let decoded = try BenchJSON.decode(text)
        #expect(decoded.calls == report.calls)
        #expect(decoded.rpcs == report.rpcs)
        #expect(decoded.timeline == report.timeline)
    }

    @Test("an unavailable server view keeps every key")
    func unavailableServer() throws {
        let view = LoadTestReport.ServerView.unavailable("UNIMPLEMENTED: no Stats")
        let data = try JSONEncoder().encode(view)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == Set(Self.documentedFields["server"] ?? []))
        #expect(object["available"] as? Bool == false)
    }

    @Test("the readable report: summary, latency table, per call, statuses, bytes, server view")
    func text() async throws {
        let report = try await Self.makeReport(open: true)
        let output = Output.capturing()
        BenchTextReport.write(report, to: output)
        let text = output.text
        #expect(text.hasPrefix("corpus bench: mixed (get 60%, search 30%, entity 10%) against 127.0.0.1:7700\n"))
        #expect(text.contains("open loop at 2,000 calls/s"))
        for heading in [
            "latency", "min", "p99.9", "call ", "status ", "on the wire", "server view", "GetArticle", "second",
        ] {
            #expect(text.contains(heading), "\(heading)")
        }
        #expect(text.contains("NOT_FOUND"))
        #expect(text.contains("send lag"))
        #expect(text.contains("first message"))
        #expect(!text.contains("\u{1B}["), "no ANSI codes when not a terminal")
    }

    /// Collects element names and checks the document parses.
    final class Elements: NSObject, XMLParserDelegate {
        var names: [String] = []
        var attributes: [[String: String]] = []
        func parser(
            _ parser: XMLParser,
            didStartElement elementName: String,
            namespaceURI: String?,
            qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            names.append(elementName)
            attributes.append(attributeDict)
        }
    }

    @Test("--html: well-formed, self-contained, with the latency curve and the throughput chart")
    func html() async throws {
        for open in [false, true] {
            let report = try await Self.makeReport(open: open)
            let html = BenchHTMLReport.render(report)
            let parser = XMLParser(data: Data(html.utf8))
            let elements = Elements()
            parser.delegate = elements
            #expect(parser.parse(), "parse error: \(String(describing: parser.parserError))")
            #expect(elements.names.filter { $0 == "svg" }.count == 2)
            #expect(elements.names.contains("polyline"))
            #expect(elements.names.filter { $0 == "rect" }.count >= 1)
            #expect(elements.names.contains("table"))
            #expect(!elements.names.contains("script"))
            #expect(!elements.names.contains("link"))
            #expect(elements.attributes.allSatisfy { $0["src"] == nil && $0["href"] == nil }, "nothing loaded")
            #expect(html.contains("Latency distribution"))
            #expect(html.contains("Throughput over time"))
            #expect(html.contains("99.9%"))
        }
    }

    @Test("--html with no calls still renders both charts")
    func emptyHTML() async throws {
        var report = try await Self.makeReport()
        report.latencyPercentiles = []
        report.timeline = []
        let html = BenchHTMLReport.render(report)
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse())
        #expect(html.components(separatedBy: "<svg").count == 3)
    }
}
