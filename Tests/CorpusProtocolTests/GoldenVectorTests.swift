import CorpusProtocol
import Foundation
import NIOCore
import SwiftProtobuf
import Testing

@Suite("Golden vectors (Protocol/vectors)")
struct GoldenVectorTests {
    @Test("the manifest lists valid and malformed vectors")
    func manifestIsLoaded() {
        #expect(GoldenVector.valid.count >= 14)
        #expect(GoldenVector.malformed.count >= 20)
    }

    @Test("every valid vector decodes to the manifest's frames", arguments: GoldenVector.valid)
    func decodesToManifest(vector: GoldenVector) throws {
        let frames = try vector.decodeAll()
        try #require(frames.count == vector.frames.count, "decoded \(frames)")
        for (frame, expected) in zip(frames, vector.frames) {
            try check(frame, against: expected)
        }
    }

    @Test("every valid vector re-encodes to the same bytes", arguments: GoldenVector.valid)
    func reencodesByteForByte(vector: GoldenVector) throws {
        let frames = try vector.decodeAll()
        var output = ByteBuffer()
        for frame in frames {
            FrameEncoder().encode(frame, into: &output)
        }
        if vector.frames.contains(where: { $0["extension"] != nil }) {
            // Ignored trailing bytes are dropped on re-encoding; the fields must survive.
            var decoder = FrameDecoder(maxFrameSize: vector.maxFrameSize, expectPreface: vector.startsWithPreface)
            #expect(try decoder.decode(buffer: &output) == frames.first)
        } else {
            #expect(Array(output.readableBytesView) == vector.bytes)
        }
    }

    @Test("message payloads decode to the manifest's protobuf JSON", arguments: GoldenVector.valid)
    func protobufPayloads(vector: GoldenVector) throws {
        let frames = try vector.decodeAll()
        for (frame, expected) in zip(frames, vector.frames) {
            guard case .message(_, let flags, let payload) = frame,
                let protobuf = expected["protobuf"] as? [String: any Sendable],
                let typeName = protobuf["type"] as? String
            else { continue }
            var compression = MessageCompression(acceptsCompressed: true, maxMessageSize: 1 << 24)
            defer { compression.end() }
            let bytes = try compression.decode(flags: flags, payload: payload)
            if let decompressed = expected["decompressed"] as? String {
                #expect(Array(bytes.readableBytesView) == [UInt8](hex: decompressed))
            }
            let type = try #require(protobufTypes[typeName])
            let message = try type.init(serializedBytes: Array(bytes.readableBytesView))
            let actual = try JSONSerialization.jsonObject(with: Data(message.jsonString().utf8)) as? NSDictionary
            let wanted =
                try JSONSerialization.jsonObject(
                    with: JSONSerialization.data(withJSONObject: unsendable(protobuf["json"]!))
                ) as? NSDictionary
            #expect(actual == wanted)
        }
    }

    @Test(
        "malformed frames fail with the listed connection error",
        arguments: GoldenVector.malformed.filter {
            $0.error["layer"] == "decoder"
        }
    )
    func malformedFrames(vector: GoldenVector) throws {
        let expected = try #require(vector.error["code"])
        do {
            let frames = try vector.decodeAll()
            Issue.record("decoded \(frames) instead of failing with \(expected)")
        } catch let error as FrameDecoder.Error {
            #expect(error.code.name == expected, "\(error)")
        }
    }

    @Test(
        "compressed and oversized messages fail with the listed call error",
        arguments: GoldenVector.malformed.filter {
            $0.error["layer"] == "message"
        }
    )
    func malformedMessages(vector: GoldenVector) throws {
        var bytes = vector.bytes
        if vector.file == "message-over-limit.bin" {
            bytes += [UInt8](repeating: 0, count: 4_194_305)
        }
        var decoder = FrameDecoder(maxFrameSize: 16_777_216, expectPreface: false)
        var input = ByteBuffer(bytes: bytes)
        let frame = try #require(try decoder.decode(buffer: &input))
        guard case .message(_, let flags, let payload) = frame else {
            Issue.record("expected a MESSAGE, got \(frame)")
            return
        }
        var compression = MessageCompression(acceptsCompressed: true, maxMessageSize: vector.maxMessageSize)
        defer { compression.end() }
        do {
            let message = try compression.decode(flags: flags, payload: payload)
            Issue.record("decoded \(message.readableBytes) bytes instead of failing")
        } catch {
            #expect(error.code.name == vector.error["code"], "\(error)")
        }
    }

    /// Compares one decoded frame with its manifest entry.
    private func check(_ frame: Frame, against expected: [String: any Sendable]) throws {
        let type = try #require(expected["type"] as? String)
        func int(_ key: String) -> Int? { expected[key] as? Int }
        func metadata(_ m: Metadata) -> [[String]] {
            m.entries.map { entry in
                switch entry.value {
                case .string(let text): [entry.key, text]
                case .binary(let bytes): [entry.key, "hex:" + bytes.map { String(format: "%02x", $0) }.joined()]
                }
            }
        }
        func hex(_ buffer: ByteBuffer) -> String {
            buffer.readableBytesView.map { String(format: "%02x", $0) }.joined()
        }
        let expectedMetadata = (expected["metadata"] as? [any Sendable])?.compactMap { $0 as? [any Sendable] }
            .map { $0.compactMap { $0 as? String } }

        switch frame {
        case .preface(let version):
            #expect(type == "PREFACE")
            #expect(Int(version.major) == int("major") && Int(version.minor) == int("minor"))
        case .settings(let settings):
            #expect(type == "SETTINGS")
            let pairs = (expected["settings"] as? [any Sendable] ?? []).compactMap { $0 as? [any Sendable] }
                .map { $0.compactMap { $0 as? Int } }
            #expect(settings.map { [Int($0.id.rawValue), Int($0.value)] } == pairs)
        case .headers(let callID, let headers):
            #expect(type == "HEADERS")
            #expect(Int(callID) == int("callId"))
            #expect(headers.method == expected["method"] as? String)
            #expect(Int(headers.timeoutMilliseconds) == int("timeoutMs"))
            #expect(headers.noCompression == ((int("flags") ?? 0) & 1 == 1))
            #expect(metadata(headers.metadata) == expectedMetadata)
        case .message(let callID, let flags, let payload):
            #expect(type == "MESSAGE")
            #expect(Int(callID) == int("callId") && Int(flags.rawValue) == int("flags"))
            #expect(hex(payload) == expected["payload"] as? String)
        case .trailers(let callID, let trailers):
            #expect(type == "TRAILERS")
            #expect(Int(callID) == int("callId"))
            #expect(Int(trailers.status.code.rawValue) == int("status"))
            #expect(trailers.status.message == expected["message"] as? String)
            #expect(metadata(trailers.metadata) == expectedMetadata)
        case .cancel(let callID, let code):
            #expect(type == "CANCEL")
            #expect(Int(callID) == int("callId") && Int(code.rawValue) == int("status"))
        case .credit(let callID, let increment):
            #expect(type == "CREDIT")
            #expect(Int(callID) == int("callId") && Int(increment) == int("increment"))
        case .ping(let ack, let payload):
            #expect(type == "PING")
            #expect(ack == (int("flags") == 1))
            var buffer = ByteBuffer()
            buffer.writeInteger(payload)
            #expect(hex(buffer) == expected["payload"] as? String)
        case .goAway(let goAway):
            #expect(type == "GOAWAY")
            #expect(Int(goAway.lastCallID) == int("lastCallId"))
            #expect(Int(goAway.code.rawValue) == int("errorCode"))
            #expect(goAway.message == expected["message"] as? String)
        case .unknown(let rawType, let flags, let callID, let payload):
            #expect(type == "UNKNOWN")
            #expect(Int(rawType) == int("rawType") && Int(flags) == int("flags") && Int(callID) == int("callId"))
            #expect(hex(payload) == expected["payload"] as? String)
        }
    }
}

private func unsendable(_ value: any Sendable) -> Any {
    switch value {
    case let array as [any Sendable]: array.map { unsendable($0) }
    case let dict as [String: any Sendable]: dict.mapValues { unsendable($0) }
    default: value
    }
}
