import Benchmark
import CZlibBaseline
import CorpusProtocol
import Foundation
import NIOCore

// Frame encode + decode of the 7.5 KB seed article, uncompressed and zlib-compressed, next to
// zlib alone (compress2 + uncompress, no framing) on the same bytes in the same run.
//
//   cd Benchmarks && swift package benchmark --target CodecBenchmarks
//
// Compare "Codec zlib-N round trip" with "zlib alone N round trip": the difference is what the
// codec adds over zlib. "Codec plain round trip" shows framing alone (throughput in bytes/s).

let seedArticle: [UInt8] = {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds/000_f9a3dc24e25b1244.txt")
    return (try? Data(contentsOf: url)).map(Array.init) ?? []
}()

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .instructions]
    let configuration = Benchmark.Configuration(metrics: metrics, scalingFactor: .kilo, maxDuration: .seconds(3))
    let payload = ByteBuffer(bytes: seedArticle)

    Benchmark("Codec plain round trip (7.5 KB frame encode+decode)", configuration: configuration) { benchmark in
        var wire = ByteBuffer()
        wire.reserveCapacity(payload.readableBytes + 64)
        var decoder = FrameDecoder(maxFrameSize: 1 << 20, expectPreface: false)
        let encoder = FrameEncoder()
        for _ in benchmark.scaledIterations {
            wire.clear()
            encoder.writeMessage(callID: 7, flags: [], payload: payload, into: &wire)
            guard case .message(_, _, let body)? = try decoder.decode(buffer: &wire) else { fatalError("decode") }
            blackHole(body.readableBytes)
        }
    }

    for level in [1, 6] {
        Benchmark("Codec zlib-\(level) round trip (compress, frame, decode, inflate)", configuration: configuration) {
            benchmark in
            var sender = MessageCompression(
                level: level,
                acceptsCompressed: true,
                peerAcceptsCompressed: true,
                maxMessageSize: 1 << 20
            )
            var receiver = MessageCompression(acceptsCompressed: true, maxMessageSize: 1 << 20)
            defer {
                sender.end()
                receiver.end()
            }
            var wire = ByteBuffer()
            var decoder = FrameDecoder(maxFrameSize: 1 << 20, expectPreface: false)
            let encoder = FrameEncoder()
            for _ in benchmark.scaledIterations {
                wire.clear()
                let (body, flags) = sender.encode(payload)
                encoder.writeMessage(callID: 7, flags: flags, payload: body, into: &wire)
                guard case .message(_, let inFlags, let inBody)? = try decoder.decode(buffer: &wire) else {
                    fatalError("decode")
                }
                let message = try receiver.decode(flags: inFlags, payload: inBody)
                blackHole(message.readableBytes)
            }
        }

        Benchmark("zlib alone \(level) round trip (compress2 + uncompress)", configuration: configuration) {
            benchmark in
            let bound = Int(zb_bound(seedArticle.count))
            var compressed = [UInt8](repeating: 0, count: bound)
            var restored = [UInt8](repeating: 0, count: seedArticle.count)
            for _ in benchmark.scaledIterations {
                var compressedLength = UInt(bound)
                var restoredLength = UInt(seedArticle.count)
                let rc1 = zb_compress(&compressed, &compressedLength, seedArticle, seedArticle.count, Int32(level))
                let rc2 = zb_uncompress(&restored, &restoredLength, compressed, Int(compressedLength))
                blackHole(rc1 &+ rc2)
            }
        }
    }

    Benchmark("Codec precompressed send + inflate (stored article)", configuration: configuration) { benchmark in
        let compressor = Zlib.Compressor(level: 9)
        let stored = EncodedMessage(bytes: payload, compressor: compressor)
        compressor.end()
        var sender = MessageCompression(acceptsCompressed: true, peerAcceptsCompressed: true, maxMessageSize: 1 << 20)
        var receiver = MessageCompression(acceptsCompressed: true, maxMessageSize: 1 << 20)
        defer {
            sender.end()
            receiver.end()
        }
        var wire = ByteBuffer()
        var decoder = FrameDecoder(maxFrameSize: 1 << 20, expectPreface: false)
        let encoder = FrameEncoder()
        for _ in benchmark.scaledIterations {
            wire.clear()
            let (body, flags) = sender.choose(stored)
            encoder.writeMessage(callID: 7, flags: flags, payload: body, into: &wire)
            guard case .message(_, let inFlags, let inBody)? = try decoder.decode(buffer: &wire) else {
                fatalError("decode")
            }
            blackHole(try receiver.decode(flags: inFlags, payload: inBody).readableBytes)
        }
    }
}
