import ArgumentParser
import CorpusClient
import CorpusEngine
import CorpusTestSupport
import Foundation
import NIOCore
import Testing

@testable import CorpusCLI

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `corpus bench` against a real server on the seed corpus: arguments discovered from the
/// server, a few hundred calls, the client's and the server's counts side by side.
@Suite("bench: end to end", .timeLimit(.minutes(1)))
struct BenchEndToEndTests {
    func withClient(
        connections: Int = 2,
        _ body: @Sendable (CorpusClient, [String]) async throws -> Void
    ) async throws {
        let loaded = try await loadSeedCorpus()
        try await withCorpusTestServer(corpus: loaded.corpus, loadSummary: loaded.summary) { address, _ in
            let server = "127.0.0.1:\(address.port ?? 0)"
            let options = try ClientOptions.parse(["--server", server])
            var configuration = try options.clientConfiguration()
            configuration.connectionsPerAddress = connections
            configuration.retry = .none
            try await withCorpusClient(configuration) { client in
                try await body(client, [server])
            }
        }
    }

    @Test("a mixed closed-loop run of 300 calls: discovered arguments, report, server view, HTML")
    func mixedRun() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let htmlPath = directory.appendingPathComponent("report.html").path

        try await withClient { client, servers in
            let mix = try CallMix(parsing: "get=40,entity=20,list=15,suggest=15,search=10")
            let settings = BenchSettings(
                servers: servers,
                rpc: "mixed",
                mix: mix,
                plan: LoadTestPlan(
                    concurrency: 4,
                    rate: nil,
                    duration: .seconds(30),
                    requests: 300,
                    grace: .seconds(5)
                ),
                connections: 2,
                seed: 3
            )
            let output = Output.capturing()
            let report = try await Bench.execute(settings, client: client, json: false, html: htmlPath, output: output)

            #expect(report.calls.total + report.calls.unfinished == 300)
            #expect(report.calls.unfinished == 0)
            #expect(report.configuration.arguments.ids == 1)
            #expect(report.configuration.arguments.names > 0)
            #expect(report.configuration.arguments.sources["ids"] == "discovered")
            let byRPC = Dictionary(uniqueKeysWithValues: report.rpcs.map { ($0.rpc, $0) })
            for kind in ["get", "entity", "list", "suggest"] {
                #expect(byRPC[kind]?.errors == 0, "\(kind): \(byRPC[kind]?.statuses ?? [:])")
                #expect((byRPC[kind]?.calls ?? 0) > 0, "\(kind)")
            }
            // Search may not be served yet on this branch: then its calls fail honestly.
            let searchStatuses = Set(byRPC["search"]?.statuses.keys.map { $0 } ?? [])
            #expect(searchStatuses.isSubset(of: ["OK", "UNIMPLEMENTED"]))
            #expect(report.bytes.wireSent > 0 && report.bytes.wireReceived > 0)
            #expect(report.bytes.messageReceived > 0)
            #expect(report.latencyMillis.count == UInt64(report.calls.total))
            #expect(report.timeToFirstMessageMillis.count > 0, "list is a stream")

            // The server saw the same calls.
            #expect(report.server.available)
            for rpc in report.rpcs {
                let seen = report.server.methods.first { $0.method == rpc.method }
                #expect(seen?.calls == rpc.calls, "\(rpc.method)")
            }
            #expect(report.server.calls == report.calls.total)
            #expect(report.server.bytesIn >= report.bytes.wireSent)

            let text = output.text
            #expect(text.contains("latency"))
            #expect(text.contains("server view"))
            #expect(text.contains("HTML report written to \(htmlPath)"))
            let page = try Data(contentsOf: URL(fileURLWithPath: htmlPath))
            #expect(XMLParser(data: page).parse())
            #expect(String(decoding: page, as: UTF8.self).components(separatedBy: "<svg").count == 3)
        }
    }

    @Test("--json against a server: one parseable object; an open loop at a fixed rate")
    func jsonOpenLoop() async throws {
        try await withClient(connections: 1) { client, servers in
            var pool = ArgumentPool()
            pool.ids = ["000_f9a3dc24e25b1244", "no-such-article"]
            let settings = BenchSettings(
                servers: servers,
                rpc: "get",
                mix: .single(.get),
                plan: LoadTestPlan(
                    concurrency: 4,
                    rate: 400,
                    duration: .seconds(30),
                    requests: 200,
                    grace: .seconds(5)
                ),
                compression: false,
                seed: 11,
                pool: pool
            )
            let output = Output.capturing()
            try await Bench.execute(settings, client: client, json: true, output: output)
            let lines = output.text.split(separator: "\n")
            #expect(lines.count == 1)
            let report = try BenchJSON.decode(String(lines[0]))
            #expect(report.configuration.mode == "open")
            #expect(report.configuration.compression == false)
            #expect(report.calls.total == 200)
            #expect(Set(report.statuses.keys) == ["OK", "NOT_FOUND"])
            #expect(report.sendLagMillis.count == 200)
            #expect(report.configuration.arguments.sources.isEmpty, "nothing discovered")
            // Uncompressed: messages and wire frames carry the same payload (plus frame headers).
            #expect(report.bytes.wireReceived >= report.bytes.messageReceived)
        }
    }
}
