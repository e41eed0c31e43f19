import CorpusEngine
import Foundation

/// Test inputs found from this file's path: `Fixtures/` next to the test sources and the repository's
/// `seeds/`.
enum Fixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixturesDirectory = testsDirectory.appendingPathComponent("Fixtures")
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let seedsDirectory = repositoryRoot.appendingPathComponent("seeds")
    static let seedURL = seedsDirectory.appendingPathComponent("000_f9a3dc24e25b1244.txt")

    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: fixturesDirectory.appendingPathComponent(name)))
    }

    static func text(_ name: String) throws -> String {
        try String(decoding: bytes(name), as: UTF8.self)
    }

    static func seedBytes() throws -> [UInt8] {
        try [UInt8](Data(contentsOf: seedURL))
    }

    static func parse(_ name: String, explain: Bool = false) throws -> Article {
        let parser = ArticleParser(options: .init(explain: explain))
        let id = (name as NSString).deletingPathExtension
        return try parser.parse(bytes: bytes(name), id: id, path: name).article
    }

    static func parseSeed() throws -> Article {
        try ArticleParser().parse(bytes: seedBytes(), id: "000_f9a3dc24e25b1244", path: seedURL.path).article
    }
}
