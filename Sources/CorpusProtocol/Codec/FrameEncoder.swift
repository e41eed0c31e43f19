public import NIOCore

/// Writes frames into a `ByteBuffer`, byte for byte as `PROTOCOL.md` describes them.
///
/// The encoder is a plain value with no state, so the channel handlers only call it and it can be
/// unit-tested and benchmarked without a channel. It does not validate: the connection layer only
/// hands it frames it is allowed to send.
public struct FrameEncoder: Sendable {
    public init() {}

    /// Writes the 8-byte connection preface.
    public func writePreface(_ version: ProtocolVersion = .current, into buffer: inout ByteBuffer) {
        buffer.writeBytes(ProtocolVersion.magic)
        buffer.writeInteger(version.major)
        buffer.writeInteger(version.minor)
    }

    /// Writes a 10-byte frame header.
    @inlinable
    public func writeHeader(length: Int, type: FrameType, flags: UInt8, callID: UInt32, into buffer: inout ByteBuffer) {
        buffer.writeMultipleIntegers(UInt32(truncatingIfNeeded: length), type.rawValue, flags, callID)
    }

    /// Writes a MESSAGE frame whose payload is `payload`'s readable bytes.
    @inlinable
    public func writeMessage(callID: UInt32, flags: MessageFlags, payload: ByteBuffer, into buffer: inout ByteBuffer) {
        writeHeader(length: payload.readableBytes, type: .message, flags: flags.rawValue, callID: callID, into: &buffer)
        buffer.writeImmutableBuffer(payload)
    }

    /// Writes any frame. For ``Frame/preface(_:)`` it writes the preface.
    public func encode(_ frame: Frame, into buffer: inout ByteBuffer) {
        switch frame {
        case .preface(let version):
            writePreface(version, into: &buffer)

        case .settings(let settings):
            writeHeader(length: settings.count * 6, type: .settings, flags: 0, callID: 0, into: &buffer)
            for setting in settings {
                buffer.writeMultipleIntegers(setting.id.rawValue, setting.value)
            }

        case .headers(let callID, let headers):
            let flags = headers.noCompression ? FrameLayout.noCompressionFlag : 0
            writeVariable(type: .headers, flags: flags, callID: callID, into: &buffer) { buffer in
                buffer.writeLengthPrefixedString(headers.method)
                buffer.writeInteger(headers.timeoutMilliseconds)
                buffer.writeMetadata(headers.metadata)
            }

        case .message(let callID, let flags, let payload):
            writeMessage(callID: callID, flags: flags, payload: payload, into: &buffer)

        case .trailers(let callID, let trailers):
            writeVariable(type: .trailers, flags: 0, callID: callID, into: &buffer) { buffer in
                buffer.writeInteger(trailers.status.code.rawValue)
                buffer.writeLengthPrefixedString(trailers.status.message)
                buffer.writeMetadata(trailers.metadata)
            }

        case .cancel(let callID, let code):
            writeHeader(length: 2, type: .cancel, flags: 0, callID: callID, into: &buffer)
            buffer.writeInteger(code.rawValue)

        case .credit(let callID, let increment):
            writeHeader(length: 4, type: .credit, flags: 0, callID: callID, into: &buffer)
            buffer.writeInteger(increment)

        case .ping(let ack, let payload):
            writeHeader(length: 8, type: .ping, flags: ack ? FrameLayout.ackFlag : 0, callID: 0, into: &buffer)
            buffer.writeInteger(payload)

        case .goAway(let goAway):
            writeVariable(type: .goAway, flags: 0, callID: 0, into: &buffer) { buffer in
                buffer.writeInteger(goAway.lastCallID)
                buffer.writeInteger(goAway.code.rawValue)
                buffer.writeLengthPrefixedString(goAway.message)
            }

        case .unknown(let type, let flags, let callID, let payload):
            writeHeader(
                length: payload.readableBytes,
                type: FrameType(rawValue: type),
                flags: flags,
                callID: callID,
                into: &buffer
            )
            buffer.writeImmutableBuffer(payload)
        }
    }

    /// Writes a frame whose payload length is only known after writing it: the length field is
    /// written as a placeholder and patched afterwards.
    private func writeVariable(
        type: FrameType,
        flags: UInt8,
        callID: UInt32,
        into buffer: inout ByteBuffer,
        _ body: (inout ByteBuffer) -> Void
    ) {
        let lengthIndex = buffer.writerIndex
        writeHeader(length: 0, type: type, flags: flags, callID: callID, into: &buffer)
        let payloadStart = buffer.writerIndex
        body(&buffer)
        buffer.setInteger(UInt32(buffer.writerIndex - payloadStart), at: lengthIndex)
    }
}

extension ByteBuffer {
    /// Writes a `u16` length and the string's UTF-8 bytes (truncated to 65,535 bytes).
    fileprivate mutating func writeLengthPrefixedString(_ string: String) {
        let count = string.utf8.count
        guard count <= Int(UInt16.max) else {
            let prefix = Array(string.utf8.prefix(Int(UInt16.max)))
            writeInteger(UInt16(prefix.count))
            writeBytes(prefix)
            return
        }
        writeInteger(UInt16(count))
        writeString(string)
    }

    /// Writes a metadata block: `u16` count, then key and value of each entry.
    fileprivate mutating func writeMetadata(_ metadata: Metadata) {
        writeInteger(UInt16(clamping: metadata.count))
        for entry in metadata.entries.prefix(Int(UInt16.max)) {
            let key = entry.key.utf8.prefix(255)
            writeInteger(UInt8(key.count))
            writeBytes(key)
            switch entry.value {
            case .string(let text):
                writeLengthPrefixedString(text)
            case .binary(let bytes):
                let value = bytes.prefix(Int(UInt16.max))
                writeInteger(UInt16(value.count))
                writeBytes(value)
            }
        }
    }
}
