internal import CorpusProtocol
internal import Logging
internal import NIOCore

/// Cuts a connection's inbound bytes into frames inside its connection handler.
///
/// A `ByteToMessageHandler` in front of the handler would pass each frame down the pipeline in an
/// `NIOAny`: a boxed existential (an allocation, since a frame does not fit inline) and a dynamic
/// cast back per frame, which showed up as a tenth of a streaming client's CPU.
///
/// Use: ``append(_:)`` what the channel read, then call ``next()`` until it returns `nil`. Each
/// call is a short access, so the handler may react to a frame (even close the channel, which
/// calls ``finish()``) between two of them.
struct FrameReader {
    private var decoder: FrameDecoder
    /// The bytes being decoded: a read as it arrived (frames are slices of it, not copies), or a
    /// frame split across reads, completed in a buffer of the reader's own.
    private var buffer = ByteBuffer()
    /// What is left of the read that completed a split frame: decoded once `buffer` is done.
    private var rest = ByteBuffer()
    /// Set after a decoding error or the end of input: the rest of the stream is ignored.
    private var stopped = false

    init(decoder: FrameDecoder) {
        self.decoder = decoder
    }

    /// Appends bytes read from the channel; call ``next()`` until it returns `nil` before the
    /// next append.
    ///
    /// A read is decoded where it lies. Only a frame split between two reads is copied: the part
    /// left from the previous read, and as much of the new one as completes that frame (writing
    /// the whole new read after it would copy every byte that arrives).
    mutating func append(_ bytes: ByteBuffer) {
        guard !self.stopped else { return }
        var bytes = bytes
        if self.buffer.readableBytes == 0 && self.rest.readableBytes == 0 {
            self.buffer = bytes
            return
        }
        let known = self.decoder.sizeOfNextUnit(in: self.buffer) ?? 0
        var own = ByteBufferAllocator().buffer(
            capacity: max(known, self.buffer.readableBytes + self.rest.readableBytes + FrameLayout.headerSize)
        )
        own.writeBuffer(&self.buffer)
        own.writeBuffer(&self.rest)
        while bytes.readableBytes > 0 {
            // Until the header is in, only the header is wanted; then the whole frame.
            let wanted = self.decoder.sizeOfNextUnit(in: own) ?? FrameLayout.headerSize
            guard own.readableBytes < wanted else { break }
            var head = bytes.readSlice(length: min(wanted - own.readableBytes, bytes.readableBytes))!
            own.writeBuffer(&head)
        }
        self.buffer = own
        self.rest = bytes
    }

    /// The next complete frame, or `nil` until more bytes arrive.
    ///
    /// - Throws: ``FrameDecoder/Error`` for malformed input; nothing is decoded after it.
    mutating func next() throws -> Frame? {
        guard !self.stopped else { return nil }
        if self.buffer.readableBytes == 0 {
            guard self.rest.readableBytes > 0 else { return nil }
            swap(&self.buffer, &self.rest)
        }
        do {
            return try self.decoder.decode(buffer: &self.buffer)
        } catch {
            self.stop()
            throw error
        }
    }

    /// Ends the input (the channel closed).
    ///
    /// - Throws: ``FrameDecoder/Error`` if the bytes of an incomplete frame (or preface) are left.
    mutating func finish() throws {
        guard !self.stopped else { return }
        defer { self.stop() }
        if self.rest.readableBytes > 0 {
            self.buffer.writeBuffer(&self.rest)
        }
        _ = try self.decoder.decodeLast(buffer: &self.buffer, seenEOF: true)
    }

    private mutating func stop() {
        self.stopped = true
        self.buffer = ByteBuffer()
        self.rest = ByteBuffer()
    }
}

/// A connection handler that cuts its inbound bytes into frames with a ``FrameReader``.
protocol FrameReading: ChannelInboundHandler {
    var reader: FrameReader { get set }
    var logger: Logger { get }
    /// The handler's context while it is in a pipeline.
    var context: ChannelHandlerContext? { get }
    /// Handles one frame.
    func receive(_ frame: Frame)
}

extension FrameReading {
    /// Appends `bytes` read from the channel and handles every complete frame in them, in order.
    ///
    /// The reader is accessed briefly for each frame, so handling one may close the channel (and
    /// end the input with ``endOfFrames()``) before the next is decoded.
    func receiveFrames(in bytes: ByteBuffer) {
        self.reader.append(bytes)
        while true {
            let frame: Frame?
            do {
                frame = try self.reader.next()
            } catch {
                // Malformed input: handled as any pipeline error; the reader decodes nothing after.
                if let context = self.context { self.errorCaught(context: context, error: error) }
                return
            }
            guard let frame else { return }
            self.receive(frame)
        }
    }

    /// Ends the input (the channel closed); bytes of an unfinished frame are only logged, as
    /// nobody is left to answer.
    func endOfFrames() {
        do {
            try self.reader.finish()
        } catch {
            self.logger.debug("connection closed mid-frame", metadata: ["error": "\(error)"])
        }
    }
}
