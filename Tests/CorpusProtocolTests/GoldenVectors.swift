import CorpusProtocol
import Foundation
import NIOCore
import SwiftProtobuf

/// One entry of `Protocol/vectors/manifest.json`.
struct GoldenVector: CustomStringConvertible, Sendable {
    let file: String
    let summary: String
    let startsWithPreface: Bool
    let bytes: [UInt8]
    let expect: String
    let frames: [[String: any Sendable]]
    let error: [String: String]
    let maxFrameSize: Int
    let maxMessageSize: Int

    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Protocol/vectors")

    static func loadAll() -> [GoldenVector] {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("manifest.json")),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let vectors = root["vectors"] as? [[String: Any]]
        else { return [] }
        return vectors.compactMap { entry in
            guard let file = entry["file"] as? String,
                let bytes = try? Data(contentsOf: directory.appendingPathComponent(file))
            else { return nil }
            let limits = entry["limits"] as? [String: Int] ?? [:]
            return GoldenVector(
                file: file,
                summary: entry["description"] as? String ?? "",
                startsWithPreface: entry["startsWithPreface"] as? Bool ?? false,
                bytes: Array(bytes),
                expect: entry["expect"] as? String ?? "",
                frames: (entry["frames"] as? [[String: Any]] ?? []).map { $0.mapValues { sendable($0) } },
                error: (entry["error"] as? [String: String]) ?? [:],
                maxFrameSize: limits["maxFrameSize"] ?? 16_777_216,
                maxMessageSize: limits["maxMessageSize"] ?? 16_777_216
            )
        }
    }

    static let valid = loadAll().filter { $0.expect == "frames" }
    static let malformed = loadAll().filter { $0.expect == "error" }

    var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }

    /// Decodes all frames; throws the decoder's error.
    func decodeAll(maxFrameSize: Int? = nil) throws -> [Frame] {
        var decoder = FrameDecoder(maxFrameSize: maxFrameSize ?? self.maxFrameSize, expectPreface: startsWithPreface)
        var input = buffer
        var frames: [Frame] = []
        while let frame = try decoder.decode(buffer: &input) {
            frames.append(frame)
        }
        if let frame = try decoder.decodeLast(buffer: &input, seenEOF: true) {
            frames.append(frame)
        }
        return frames
    }

    var description: String { file }
}

/// Makes JSON values `Sendable` for the test arguments.
private func sendable(_ value: Any) -> any Sendable {
    switch value {
    case let string as String: return string
    case let number as NSNumber: return number.intValue
    case let array as [Any]: return array.map { sendable($0) }
    case let dict as [String: Any]: return dict.mapValues { sendable($0) }
    default: return "\(value)"
    }
}

/// The protobuf message types the vectors name.
let protobufTypes: [String: any SwiftProtobuf.Message.Type] = [
    "corpus.v1.GetArticleRequest": Corpus_V1_GetArticleRequest.self,
    "corpus.v1.SuggestEntitiesResponse": Corpus_V1_SuggestEntitiesResponse.self,
    "corpus.v1.Article": Corpus_V1_Article.self,
    "corpus.v1.SearchResponse": Corpus_V1_SearchResponse.self,
    "corpus.v1.HealthCheckResponse": Corpus_V1_HealthCheckResponse.self,
]

extension Array where Element == UInt8 {
    init(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        self = bytes
    }
}
