internal import CZlib
public import NIOCore

/// zlib (RFC 1950) compression of whole messages, over the system zlib.
///
/// Each message is one complete zlib stream (`PROTOCOL.md` § 5). Both types hold a native
/// `z_stream` and are reused across messages with `deflateReset`/`inflateReset`.
///
/// - Important: Call ``Compressor/end()`` and ``Decompressor/end()`` when done, to free zlib's
///   memory. Neither type is thread-safe; give each connection or task its own.
public enum Zlib {
    /// The version of the linked zlib, e.g. `1.2.13`.
    public static var version: String { String(cString: CZlib_version()) }
}

extension Zlib {
    /// Compresses whole messages.
    public struct Compressor {
        private let stream: UnsafeMutablePointer<z_stream>
        /// The compression level, 1 (fastest) to 9 (smallest).
        public let level: Int32

        /// Creates a compressor.
        ///
        /// - Parameter level: 1 (fastest) … 9 (smallest); out-of-range values are clamped.
        public init(level: Int = 6) {
            self.level = Int32(min(max(level, 1), 9))
            self.stream = .allocate(capacity: 1)
            self.stream.initialize(to: z_stream())
            let rc = CZlib_deflateInit2(stream, self.level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY)
            // Only Z_MEM_ERROR can happen with these constant parameters; without memory nothing
            // can progress anyway.
            precondition(rc == Z_OK, "deflateInit2 failed: \(rc)")
        }

        /// The largest output `compress` can produce for `inputBytes` bytes.
        public func bound(inputBytes: Int) -> Int {
            Int(CZlib_deflateBound(stream, UInt(inputBytes)))
        }

        /// Compresses `input`'s readable bytes as one zlib stream appended to `output`.
        ///
        /// - Returns: The number of bytes written.
        @discardableResult
        public func compress(_ input: ByteBuffer, into output: inout ByteBuffer) -> Int {
            defer { _ = CZlib_deflateReset(stream) }
            let upperBound = bound(inputBytes: input.readableBytes)
            return input.withUnsafeReadableBytes { source in
                output.writeWithUnsafeMutableBytes(minimumWritableBytes: upperBound) { target in
                    stream.pointee.next_in = UnsafeMutablePointer(
                        mutating: source.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    )
                    stream.pointee.avail_in = UInt32(source.count)
                    stream.pointee.next_out = CZlib_castVoidToBytefPointer(target.baseAddress)
                    stream.pointee.avail_out = UInt32(min(target.count, Int(UInt32.max)))
                    let rc = CZlib_deflate(stream, Z_FINISH)
                    // With an output of deflateBound bytes, Z_FINISH always completes the stream.
                    precondition(rc == Z_STREAM_END, "deflate did not finish: \(rc)")
                    let written = target.count - Int(stream.pointee.avail_out)
                    stream.pointee.next_in = nil
                    stream.pointee.next_out = nil
                    return written
                }
            }
        }

        /// Compresses `input` into a new buffer.
        public func compress(_ input: ByteBuffer, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer
        {
            var output = allocator.buffer(capacity: bound(inputBytes: input.readableBytes))
            compress(input, into: &output)
            return output
        }

        /// Frees zlib's memory. The compressor must not be used afterwards.
        public func end() {
            _ = CZlib_deflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
    }
}

extension Zlib {
    /// Decompresses whole messages with a hard limit on the output size.
    public struct Decompressor {
        private let stream: UnsafeMutablePointer<z_stream>

        /// Creates a decompressor.
        public init() {
            self.stream = .allocate(capacity: 1)
            self.stream.initialize(to: z_stream())
            let rc = CZlib_inflateInit2(stream, 15)
            precondition(rc == Z_OK, "inflateInit2 failed: \(rc)")
        }

        /// Inflates one complete zlib stream.
        ///
        /// Output never grows beyond `limit + 1` bytes, whatever the input: a stream that would
        /// inflate to more than `limit` bytes is refused as soon as that is known.
        ///
        /// - Parameters:
        ///   - input: Exactly one zlib stream.
        ///   - limit: The largest acceptable decompressed size.
        /// - Returns: The decompressed bytes.
        /// - Throws: ``CorpusError`` with `RESOURCE_EXHAUSTED` when the output exceeds `limit`, and
        ///   `INTERNAL` when the stream is corrupt, truncated or followed by extra bytes.
        public func decompress(
            _ input: ByteBuffer,
            limit: Int,
            allocator: ByteBufferAllocator = ByteBufferAllocator()
        ) throws(CorpusError) -> ByteBuffer {
            defer { _ = CZlib_inflateReset(stream) }
            let hardCap = limit + 1
            var output = allocator.buffer(capacity: min(max(input.readableBytes * 4, 256), hardCap))
            var outcome = InflateOutcome.needMore
            input.withUnsafeReadableBytes { source in
                stream.pointee.next_in = UnsafeMutablePointer(
                    mutating: source.baseAddress?.assumingMemoryBound(to: Bytef.self)
                )
                stream.pointee.avail_in = UInt32(source.count)
                while case .needMore = outcome {
                    let room = hardCap - output.readableBytes
                    if room <= 0 {
                        outcome = .tooLarge
                        break
                    }
                    let chunk = min(room, max(output.writableBytes, min(output.readableBytes, 1 << 20), 4096))
                    output.writeWithUnsafeMutableBytes(minimumWritableBytes: chunk) { target in
                        stream.pointee.next_out = CZlib_castVoidToBytefPointer(target.baseAddress)
                        stream.pointee.avail_out = UInt32(chunk)
                        let rc = CZlib_inflate(stream, Z_NO_FLUSH)
                        let produced = chunk - Int(stream.pointee.avail_out)
                        switch rc {
                        case Z_STREAM_END:
                            outcome =
                                stream.pointee.avail_in == 0 ? .done : .trailingBytes(Int(stream.pointee.avail_in))
                        case Z_OK:
                            outcome = .needMore
                        case Z_BUF_ERROR:
                            // No progress possible: either the output is full (loop again) or the
                            // input ended before the stream did.
                            outcome = stream.pointee.avail_out == 0 ? .needMore : .truncated
                        default:
                            let detail = stream.pointee.msg.map { String(cString: $0) } ?? "error \(rc)"
                            outcome = .corrupt(detail)
                        }
                        if case .needMore = outcome, stream.pointee.avail_in == 0, produced < chunk {
                            outcome = .truncated
                        }
                        return produced
                    }
                }
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
            }
            switch outcome {
            case .done where output.readableBytes <= limit:
                return output
            case .done, .tooLarge:
                throw CorpusError(
                    code: .resourceExhausted,
                    message: "message exceeds \(limit) bytes after decompression"
                )
            case .truncated:
                throw CorpusError(code: .internalError, message: "corrupt zlib stream: truncated")
            case .trailingBytes(let count):
                throw CorpusError(code: .internalError, message: "corrupt zlib stream: \(count) bytes after its end")
            case .corrupt(let detail):
                throw CorpusError(code: .internalError, message: "corrupt zlib stream: \(detail)")
            case .needMore:
                throw CorpusError(code: .internalError, message: "corrupt zlib stream")
            }
        }

        /// Frees zlib's memory. The decompressor must not be used afterwards.
        public func end() {
            _ = CZlib_inflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
    }
}

private enum InflateOutcome {
    case needMore
    case done
    case tooLarge
    case truncated
    case trailingBytes(Int)
    case corrupt(String)
}
