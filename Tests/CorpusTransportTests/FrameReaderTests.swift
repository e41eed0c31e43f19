import CorpusProtocol
import NIOCore
import Testing

@testable import CorpusTransport

@Suite("FrameReader")
struct FrameReaderTests {
    /// Preface, settings, messages of many sizes (one larger than a socket read), trailers.
    static let frames: [Frame] = {
        var frames: [Frame] = [.preface(.current), .settings(ConnectionSettings.protocolDefaults.entries)]
        for (k, size) in [0, 1, 9, 10, 200, 7_500, 100_000, 3].enumerated() {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ k) }
            frames.append(.message(callID: UInt32(k + 1), flags: [], payload: ByteBuffer(bytes: bytes)))
        }
        frames.append(.trailers(callID: 1, Trailers(status: Status(code: .notFound, message: "không có"))))
        return frames
    }()

    static var stream: ByteBuffer {
        var buffer = ByteBuffer()
        let encoder = FrameEncoder()
        for frame in Self.frames { encoder.encode(frame, into: &buffer) }
        return buffer
    }

    /// Feeds `stream` in the given chunk sizes (cycled) and collects the frames.
    static func read(_ stream: ByteBuffer, chunks: [Int]) throws -> [Frame] {
        var reader = FrameReader(decoder: FrameDecoder(maxFrameSize: 1 << 20, expectPreface: true))
        var stream = stream
        var frames: [Frame] = []
        var k = 0
        while stream.readableBytes > 0 {
            let size = min(chunks[k % chunks.count], stream.readableBytes)
            k += 1
            reader.append(stream.readSlice(length: size)!)
            while let frame = try reader.next() { frames.append(frame) }
        }
        try reader.finish()
        return frames
    }

    @Test("frames come out whole and unchanged however the bytes are split across reads")
    func splits() throws {
        let stream = Self.stream
        for chunks in [
            [stream.readableBytes], [1], [3], [7], [10], [11], [64], [1_000], [4_096], [65_536], [5, 9_000, 2],
            [7_519, 4], [8_000, 100_000], [12, 150_000],
        ] {
            // Payloads of earlier frames must survive later reads (they are slices of the reads).
            #expect(try Self.read(stream, chunks: chunks) == Self.frames, "chunks \(chunks)")
        }
    }

    @Test("a malformed frame throws once, and nothing is decoded after it")
    func malformed() throws {
        var reader = FrameReader(decoder: FrameDecoder(maxFrameSize: 1_000, expectPreface: false))
        var bytes = ByteBuffer()
        FrameEncoder().encode(
            .message(callID: 1, flags: [], payload: ByteBuffer(repeating: 7, count: 2_000)),
            into: &bytes
        )
        reader.append(bytes)
        #expect(throws: FrameDecoder.Error.self) { try reader.next() }
        var ping = ByteBuffer()
        FrameEncoder().encode(.cancel(callID: 3, .cancelled), into: &ping)
        reader.append(ping)
        #expect(try reader.next() == nil)
        try reader.finish()
    }

    @Test("an oversized frame whose header is split across reads is refused, and nothing is decoded after it")
    func oversizedSplitHeader() throws {
        var reader = FrameReader(decoder: FrameDecoder(maxFrameSize: 1_000, expectPreface: false))
        var bytes = ByteBuffer()
        FrameEncoder().encode(
            .message(callID: 1, flags: [], payload: ByteBuffer(repeating: 7, count: 5_000)),
            into: &bytes
        )
        reader.append(bytes.readSlice(length: 4)!)
        #expect(try reader.next() == nil)
        reader.append(bytes)
        #expect(throws: FrameDecoder.Error.self) { try reader.next() }
        #expect(try reader.next() == nil)
    }

    @Test("the end of input in the middle of a frame is an error; after whole frames it is not")
    func finish() throws {
        var bytes = ByteBuffer()
        FrameEncoder().encode(.cancel(callID: 3, .cancelled), into: &bytes)
        var reader = FrameReader(decoder: FrameDecoder(maxFrameSize: 1_000, expectPreface: false))
        reader.append(bytes.getSlice(at: 0, length: bytes.readableBytes - 1)!)
        #expect(try reader.next() == nil)
        #expect(throws: FrameDecoder.Error.self) { try reader.finish() }

        var whole = FrameReader(decoder: FrameDecoder(maxFrameSize: 1_000, expectPreface: false))
        whole.append(bytes)
        #expect(try whole.next() == .cancel(callID: 3, .cancelled))
        #expect(try whole.next() == nil)
        try whole.finish()
    }
}
