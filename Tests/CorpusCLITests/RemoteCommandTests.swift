import ArgumentParser
import CorpusClient
import CorpusEngine
import CorpusTestSupport
import Foundation
import NIOCore
import Testing

@testable import CorpusCLI

/// The client commands against a real server on the seed corpus, in both output modes, without
/// spawning processes: each command's logic writes into a capturing ``Output``.
@Suite("corpus client commands", .timeLimit(.minutes(1)))
struct RemoteCommandTests {
    static let seedID = "000_f9a3dc24e25b1244"

    func withClient(_ body: @Sendable (CorpusClient) async throws -> Void) async throws {
        let loaded = try await loadSeedCorpus()
        try await withCorpusTestServer(corpus: loaded.corpus, loadSummary: loaded.summary) { address, _ in
            let options = try ClientOptions.parse(["--server", "127.0.0.1:\(address.port!)"])
            try await withCorpusClient(try options.clientConfiguration()) { client in
                try await body(client)
            }
        }
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("get: readable article and protobuf JSON")
    func get() async throws {
        try await withClient { client in
            let text = Output.capturing()
            try await Get.execute(id: Self.seedID, client: client, json: false, options: .defaults, output: text)
            #expect(text.text.hasPrefix("An Phú tập trung chuẩn bị tốt Đại hội Đảng bộ các cấp\n"))
            #expect(text.text.contains("Hữu Huynh"))
            #expect(text.text.contains("Võ Anh Kiệt"))
            #expect(!text.text.contains("\u{1B}["), "no ANSI codes when not a terminal")

            let json = Output.capturing()
            try await Get.execute(id: Self.seedID, client: client, json: true, options: .defaults, output: json)
            let object = try #require(try jsonLines(json.text).first)
            #expect(object["id"] as? String == Self.seedID)
            #expect(object["publishedAt"] as? String == "2019-11-12T08:21:00+07:00")
            #expect((object["sections"] as? [[String: Any]])?.isEmpty == false)
        }
    }

    @Test("get of an unknown id fails with NOT_FOUND (exit status 4)")
    func getNotFound() async throws {
        try await withClient { client in
            await #expect {
                try await Get.execute(id: "nope", client: client, json: false, options: .defaults, output: .capturing())
            } throws: { ($0 as? CorpusError)?.code == .notFound }
        }
        #expect(ExitCodes.status(for: .notFound) == 4)
        #expect(ExitCodes.status(for: .invalidArgument) == 3)
        #expect(ExitCodes.status(for: .unavailable) == 5)
        #expect(ExitCodes.status(for: .deadlineExceeded) == 6)
    }

    @Test("list: table and JSON lines")
    func list() async throws {
        try await withClient { client in
            let text = Output.capturing()
            try await List.execute(.init(), client: client, json: false, options: .defaults, output: text)
            let lines = text.text.split(separator: "\n")
            #expect(lines.first?.hasPrefix("id") == true)
            #expect(lines.contains { $0.hasPrefix(Self.seedID) })
            #expect(lines.last == "1 article")
            let json = Output.capturing()
            try await List.execute(.init(), client: client, json: true, options: .defaults, output: json)
            #expect(try jsonLines(json.text).map { $0["id"] as? String } == [Self.seedID])
        }
    }

    @Test("suggest, stats, health, methods in both modes")
    func others() async throws {
        try await withClient { client in
            let suggest = Output.capturing()
            try await Suggest.execute(
                prefix: "vo anh",
                kind: .person,
                limit: 5,
                client: client,
                json: false,
                options: .defaults,
                output: suggest
            )
            #expect(suggest.text.contains("Võ Anh Kiệt  PERSON"))

            let stats = Output.capturing()
            try await Stats.execute(client: client, json: true, options: .defaults, output: stats)
            let statsObject = try #require(try jsonLines(stats.text).first)
            #expect((statsObject["corpus"] as? [String: Any])?["articles"] as? String == "1")

            let health = Output.capturing()
            #expect(
                try await Health.execute(service: "", client: client, json: false, options: .defaults, output: health)
                    == .serving
            )
            #expect(health.text == "SERVING\n")

            let methods = Output.capturing()
            try await Methods.execute(client: client, json: false, options: .defaults, output: methods)
            #expect(methods.text.contains("/corpus.v1.Corpus/GetArticle"))
        }
    }

    @Test("call: any method by suffix, JSON in and out; bad JSON and unknown methods are INVALID_ARGUMENT")
    func call() async throws {
        try await withClient { client in
            let output = Output.capturing()
            try await Call.execute(
                method: "GetArticle",
                json: #"{"id": "000_f9a3dc24e25b1244"}"#,
                client: client,
                options: .defaults,
                output: output
            )
            #expect(try jsonLines(output.text).first?["author"] as? String == "Hữu Huynh")

            let stream = Output.capturing()
            try await Call.execute(
                method: "Corpus/ListArticles",
                json: "{}",
                client: client,
                options: .defaults,
                output: stream
            )
            #expect(try jsonLines(stream.text).count == 1)

            await #expect {
                try await Call.execute(
                    method: "GetArticle",
                    json: "{nope",
                    client: client,
                    options: .defaults,
                    output: .capturing()
                )
            } throws: { ($0 as? CorpusError)?.code == .invalidArgument }
            await #expect {
                try await Call.execute(
                    method: "DropTables",
                    json: "{}",
                    client: client,
                    options: .defaults,
                    output: .capturing()
                )
            } throws: { ($0 as? CorpusError)?.code == .invalidArgument }
        }
    }

    @Test("commands parse their arguments and reject bad ones")
    func parsing() throws {
        let get = try #require(
            try CorpusCommand.parseAsRoot(["get", "abc", "--json", "--server", "10.0.0.1:9000"]) as? Get
        )
        #expect(get.id == "abc" && get.client.json)
        #expect(get.client.server == ["10.0.0.1:9000"])
        #expect(throws: (any Error).self) { try CorpusCommand.parseAsRoot(["get"]) }
        #expect(throws: (any Error).self) { try CorpusCommand.parseAsRoot(["get", "x", "--server", "host:notaport"]) }
        #expect(throws: (any Error).self) { try CorpusCommand.parseAsRoot(["get", "x", "--deadline", "0"]) }
        let options = try ClientOptions.parse(["--server", "a:1,b:2", "--server", "c:3"])
        #expect(try options.clientConfiguration().targets.map(\.description) == ["a:1", "b:2", "c:3"])
    }

    @Test("every command has help with examples")
    func help() {
        for command in [Get.self, List.self, Suggest.self, Stats.self, Health.self, Methods.self, Call.self]
            as [any ParsableCommand.Type]
        {
            let help = command.helpMessage()
            #expect(help.contains("Examples:"), "\(command) has no examples")
        }
    }
}
