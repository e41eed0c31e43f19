import CorpusProtocol
import Foundation
import NIOCore
import Testing

@Suite("Zlib and message compression")
struct ZlibTests {
    static let seed: ByteBuffer = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds/000_f9a3dc24e25b1244.txt")
        return ByteBuffer(bytes: (try? Data(contentsOf: url)).map(Array.init) ?? [])
    }()

    @Test("compress then decompress returns the input", arguments: [1, 6, 9])
    func roundTrip(level: Int) throws {
        let compressor = Zlib.Compressor(level: level)
        let decompressor = Zlib.Decompressor()
        defer {
            compressor.end()
            decompressor.end()
        }
        #expect(Self.seed.readableBytes > 7000)
        for _ in 0..<3 {  // the streams are reset and reused
            let compressed = compressor.compress(Self.seed)
            #expect(compressed.readableBytes < Self.seed.readableBytes / 2)
            #expect(try decompressor.decompress(compressed, limit: 1 << 20) == Self.seed)
        }
    }

    @Test("a message exactly at the limit decompresses; one byte more is refused")
    func limitIsExact() throws {
        let compressor = Zlib.Compressor()
        let decompressor = Zlib.Decompressor()
        defer {
            compressor.end()
            decompressor.end()
        }
        let compressed = compressor.compress(Self.seed)
        let size = Self.seed.readableBytes
        #expect(try decompressor.decompress(compressed, limit: size).readableBytes == size)
        #expect(throws: CorpusError.self) { try decompressor.decompress(compressed, limit: size - 1) }
    }

    @Test("a zlib bomb is refused with RESOURCE_EXHAUSTED without inflating it")
    func bomb() throws {
        let compressor = Zlib.Compressor(level: 9)
        let decompressor = Zlib.Decompressor()
        defer {
            compressor.end()
            decompressor.end()
        }
        let bomb = compressor.compress(ByteBuffer(repeating: 0, count: 64 << 20))
        #expect(bomb.readableBytes < 100_000)
        do {
            _ = try decompressor.decompress(bomb, limit: 1 << 20)
            Issue.record("the bomb was inflated")
        } catch {
            #expect(error.code == .resourceExhausted)
        }
        // The decompressor is still usable afterwards.
        #expect(try decompressor.decompress(compressor.compress(Self.seed), limit: 1 << 20) == Self.seed)
    }

    @Test("empty input and garbage are INTERNAL errors")
    func garbage() {
        let decompressor = Zlib.Decompressor()
        defer { decompressor.end() }
        for bytes: [UInt8] in [[], [0x78], [0x78, 0x9C, 0xFF, 0xFF], Array("not zlib at all".utf8)] {
            do {
                _ = try decompressor.decompress(ByteBuffer(bytes: bytes), limit: 1024)
                Issue.record("accepted \(bytes)")
            } catch {
                #expect(error.code == .internalError)
            }
        }
    }

    @Test("messages below the threshold or that do not shrink are sent uncompressed")
    func thresholdPolicy() throws {
        var sender = MessageCompression(acceptsCompressed: true, peerAcceptsCompressed: true, maxMessageSize: 1 << 20)
        defer { sender.end() }
        let small = ByteBuffer(repeating: 65, count: 1023)
        #expect(sender.encode(small).flags == [])
        var random = SplitMix(seed: 42)
        let incompressible = ByteBuffer(bytes: (0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        #expect(sender.encode(incompressible).flags == [])
        let (payload, flags) = sender.encode(Self.seed)
        #expect(flags == .compressed && payload.readableBytes < Self.seed.readableBytes)
        #expect(sender.encode(Self.seed, allowed: false).flags == [])

        var receiver = MessageCompression(acceptsCompressed: true, maxMessageSize: 1 << 20)
        defer { receiver.end() }
        #expect(try receiver.decode(flags: flags, payload: payload) == Self.seed)
    }

    @Test("a compressed message is refused when zlib was not negotiated")
    func notNegotiated() throws {
        var sender = MessageCompression(acceptsCompressed: true, peerAcceptsCompressed: true, maxMessageSize: 1 << 20)
        var receiver = MessageCompression(acceptsCompressed: false, maxMessageSize: 1 << 20)
        defer {
            sender.end()
            receiver.end()
        }
        let (payload, flags) = sender.encode(Self.seed)
        #expect(throws: CorpusError.self) { try receiver.decode(flags: flags, payload: payload) }
        var peerWithoutZlib = MessageCompression(acceptsCompressed: true, maxMessageSize: 1 << 20)
        defer { peerWithoutZlib.end() }
        #expect(peerWithoutZlib.encode(Self.seed).flags == [])
    }

    @Test("pre-encoded messages keep a compressed form only when it is smaller")
    func encodedMessage() {
        let compressor = Zlib.Compressor(level: 9)
        defer { compressor.end() }
        let article = EncodedMessage(bytes: Self.seed, compressor: compressor)
        #expect(article.compressed != nil)
        let tiny = EncodedMessage(bytes: ByteBuffer(bytes: [1, 2, 3]), compressor: compressor)
        #expect(tiny.compressed == nil)
        var policy = MessageCompression(acceptsCompressed: true, peerAcceptsCompressed: true, maxMessageSize: 1 << 20)
        defer { policy.end() }
        #expect(policy.choose(article).flags == .compressed)
        #expect(policy.choose(article, allowed: false).flags == [])
    }
}
