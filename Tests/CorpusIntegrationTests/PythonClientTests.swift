import CorpusEngine
import CorpusTestSupport
import Foundation
import NIOCore
import Testing

/// A client written from `Protocol/` alone (`Protocol/examples/corpus_client.py`, Python standard
/// library only) against the real server: the spec is enough to interoperate.
@Suite(
    "Python client from PROTOCOL.md",
    .timeLimit(.minutes(1)),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"))
)
struct PythonClientTests {
    func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [RepositoryFiles.root + "/Protocol/examples/corpus_client.py"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("get, search and a NOT_FOUND error, with zlib negotiated")
    func interoperates() async throws {
        let loaded = try await loadSeedCorpus()
        try await withCorpusTestServer(corpus: loaded.corpus) { address, _ in
            let port = "\(address.port!)"
            let get = try python(["--port", port, "get", "000_f9a3dc24e25b1244"])
            #expect(get.status == 0, "\(get.output)")
            #expect(get.output.contains("title: An Phú tập trung chuẩn bị tốt Đại hội Đảng bộ các cấp"))
            #expect(get.output.contains("published: 2019-11-12T08:21:00+07:00"))
            let search = try python(["--port", port, "search", "dai hoi dang bo"])
            #expect(search.output.contains("hit: 000_f9a3dc24e25b1244"))
            #expect(search.output.contains("total: 1"))
            let missing = try python(["--port", port, "get", "nope"])
            #expect(missing.status == 1)
            #expect(missing.output.contains("NOT_FOUND"))
        }
    }
}
