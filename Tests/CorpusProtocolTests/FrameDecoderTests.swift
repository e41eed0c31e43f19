import CorpusProtocol
import NIOCore
import NIOTestUtils
import Testing

@Suite("FrameDecoder")
struct FrameDecoderTests {
    private func encode(_ frames: [Frame]) -> ByteBuffer {
        var buffer = ByteBuffer()
        for frame in frames {
            FrameEncoder().encode(frame, into: &buffer)
        }
        return buffer
    }

    private let sample: [Frame] = [
        .preface(.current),
        .settings(ConnectionSettings.protocolDefaults.entries),
        .headers(callID: 1, RequestHeaders(method: "/corpus.v1.Corpus/Search", timeoutMilliseconds: 250)),
        .message(callID: 1, flags: .endStream, payload: ByteBuffer(bytes: [0x0A, 0x03, 0x61, 0x62, 0x63])),
        .credit(callID: 1, increment: 16),
        .message(callID: 1, flags: [], payload: ByteBuffer()),
        .trailers(callID: 1, Trailers(status: Status(code: .notFound, message: "không có"), metadata: ["k": "v"])),
        .cancel(callID: 3, .cancelled),
        .ping(ack: true, payload: 0x0102_0304_0506_0708),
        .goAway(GoAway(lastCallID: 3, code: .noError, message: "bye")),
    ]

    @Test("drip-fed, whole and in one buffer: the verifier sees the same frames")
    func verifier() throws {
        // The verifier feeds several inputs through one decoder, so it checks the frames after
        // the preface; the preface has its own tests.
        let frames = Array(sample.dropFirst())
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: [(encode(frames), frames)],
            decoderFactory: { FrameDecoder(expectPreface: false) }
        )
    }

    @Test("a frame split at every byte boundary decodes once complete")
    func splitAtEveryByte() throws {
        let bytes = Array(encode(sample).readableBytesView)
        for split in 0...bytes.count {
            var decoder = FrameDecoder(expectPreface: true)
            var input = ByteBuffer(bytes: bytes[..<split])
            var frames: [Frame] = []
            while let frame = try decoder.decode(buffer: &input) { frames.append(frame) }
            input.writeBytes(bytes[split...])
            while let frame = try decoder.decode(buffer: &input) { frames.append(frame) }
            #expect(frames == sample)
        }
    }

    @Test("an oversized length is refused from the header alone, before any payload arrives")
    func oversizedHeaderOnly() {
        var decoder = FrameDecoder(maxFrameSize: 16_384, expectPreface: false)
        var input = ByteBuffer()
        FrameEncoder().writeHeader(length: 16_385, type: .message, flags: 0, callID: 1, into: &input)
        #expect(throws: FrameDecoder.Error.self) { try decoder.decode(buffer: &input) }
    }

    @Test("a frame exactly at the maximum size is accepted")
    func exactlyAtLimit() throws {
        var decoder = FrameDecoder(maxFrameSize: 16_384, expectPreface: false)
        var input = ByteBuffer()
        let payload = ByteBuffer(repeating: 7, count: 16_384)
        FrameEncoder().writeMessage(callID: 1, flags: [], payload: payload, into: &input)
        #expect(try decoder.decode(buffer: &input) == .message(callID: 1, flags: [], payload: payload))
    }

    @Test("a wrong preface is refused after its first differing byte")
    func earlyPrefaceMismatch() {
        var decoder = FrameDecoder(expectPreface: true)
        var input = ByteBuffer(bytes: [0x43, 0x58])  // "CX"
        #expect(throws: FrameDecoder.Error.self) { try decoder.decode(buffer: &input) }
    }

    @Test("a zero-length stream and a partial header need more data without throwing")
    func shortInput() throws {
        var decoder = FrameDecoder(expectPreface: false)
        var input = ByteBuffer(bytes: [0, 0, 0])
        #expect(try decoder.decode(buffer: &input) == nil)
        #expect(input.readableBytes == 3)
    }

    @Test("unknown flag bits on MESSAGE are ignored")
    func unknownFlags() throws {
        var decoder = FrameDecoder(expectPreface: false)
        var input = ByteBuffer()
        FrameEncoder().writeHeader(length: 0, type: .message, flags: 0xF2, callID: 9, into: &input)
        #expect(try decoder.decode(buffer: &input) == .message(callID: 9, flags: .endStream, payload: ByteBuffer()))
        FrameEncoder().writeHeader(length: 0, type: .message, flags: 0xFD, callID: 9, into: &input)
        #expect(
            try decoder.decode(buffer: &input)
                == .message(callID: 9, flags: [.compressed, .endCall], payload: ByteBuffer())
        )
    }

    @Test("random bytes never crash the decoder", arguments: 0..<200)
    func fuzz(seed: Int) {
        var generator = SplitMix(seed: UInt64(seed))
        let length = Int(generator.next() % 300)
        var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        if seed % 2 == 0 {
            // Start with a valid preface and plausible header so parsing goes deeper.
            bytes = Array("CORPUS".utf8) + [1, 0] + [0, 0, 0, UInt8(length % 40)] + bytes
        }
        var decoder = FrameDecoder(maxFrameSize: 16_384, expectPreface: true)
        var input = ByteBuffer(bytes: bytes)
        do {
            while try decoder.decode(buffer: &input) != nil {}
            _ = try decoder.decodeLast(buffer: &input, seenEOF: true)
        } catch is FrameDecoder.Error {
            // A defined error is the expected outcome for garbage.
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }
}

/// A small deterministic random number generator for fuzz cases.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        self.state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
