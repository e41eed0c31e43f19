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
    private var buffer = ByteBuffer()
    /// Whether `buffer` was allocated here and no frame has been sliced from it yet.
    private var ownsBuffer = false
    /// Set after a decoding error or the end of input: the rest of the stream is ignored.
    private var stopped = false

    init(decoder: FrameDecoder) {
        self.decoder = decoder
    }

    /// Appends bytes read from the channel.
    ///
    /// Decoded frames are slices of the buffer they came from, so writing more bytes into that
    /// buffer would copy all of it (copy-on-write) on every read. A frame split across reads is
    /// instead completed in a buffer of the reader's own, which later reads append to in place.
    mutating func append(_ bytes: ByteBuffer) {
        guard !self.stopped else { return }
        var bytes = bytes
        if self.buffer.readableBytes == 0 {
            self.buffer = bytes
            self.ownsBuffer = false
        } else if self.ownsBuffer {
            self.buffer.writeBuffer(&bytes)
        } else {
            var own = ByteBufferAllocator().buffer(capacity: self.buffer.readableBytes + bytes.readableBytes)
            own.writeBuffer(&self.buffer)
            own.writeBuffer(&bytes)
            self.buffer = own
            self.ownsBuffer = true
        }
    }

    /// The next complete frame, or `nil` until more bytes arrive.
    ///
    /// - Throws: ``FrameDecoder/Error`` for malformed input; nothing is decoded after it.
    mutating func next() throws -> Frame? {
        guard !self.stopped, self.buffer.readableBytes > 0 else { return nil }
        do {
            let frame = try self.decoder.decode(buffer: &self.buffer)
            if frame != nil { self.ownsBuffer = false }
            return frame
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
        _ = try self.decoder.decodeLast(buffer: &self.buffer, seenEOF: true)
    }

    private mutating func stop() {
        self.stopped = true
        self.buffer = ByteBuffer()
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
