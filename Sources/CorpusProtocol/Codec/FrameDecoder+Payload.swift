internal import NIOCore

extension FrameDecoder {
    /// Parses the payload of one complete frame.
    static func parsePayload(
        type: FrameType,
        flags: UInt8,
        callID: UInt32,
        payload: inout ByteBuffer
    ) throws -> Frame {
        var reader = PayloadReader(type: type, buffer: payload)
        switch type {
        case .settings:
            try reader.requireCallID(callID, zero: true)
            guard payload.readableBytes % 6 == 0 else {
                throw reader.error(
                    .frameSizeError,
                    "SETTINGS payload of \(payload.readableBytes) bytes is not a multiple of 6"
                )
            }
            var settings: [Setting] = []
            settings.reserveCapacity(payload.readableBytes / 6)
            while reader.remaining > 0 {
                let id = Setting.ID(rawValue: try reader.u16())
                let value = try reader.u32()
                if let range = id.validRange, !range.contains(value) {
                    throw reader.error(
                        .protocolError,
                        "SETTINGS \(id) = \(value) is outside \(range.lowerBound)...\(range.upperBound)"
                    )
                }
                settings.append(Setting(id, value))
            }
            return .settings(settings)

        case .headers:
            try reader.requireCallID(callID, zero: false)
            let methodLength = Int(try reader.u16())
            guard methodLength >= 1, methodLength <= FrameLayout.maxMethodLength else {
                throw reader.error(.protocolError, "HEADERS method length \(methodLength) is outside 1...1024")
            }
            let method = try reader.string(length: methodLength)
            let timeout = try reader.u32()
            let metadata = try reader.metadata()
            let headers = RequestHeaders(
                method: method,
                timeoutMilliseconds: timeout,
                metadata: metadata,
                noCompression: flags & FrameLayout.noCompressionFlag != 0
            )
            return .headers(callID: callID, headers)

        case .message:
            try reader.requireCallID(callID, zero: false)
            return .message(callID: callID, flags: MessageFlags(rawValue: flags & 0x07), payload: payload)

        case .trailers:
            try reader.requireCallID(callID, zero: false)
            let code = Status.Code(wireValue: try reader.u16())
            let message = try reader.string(length: Int(try reader.u16()))
            let metadata = try reader.metadata()
            return .trailers(callID: callID, Trailers(status: Status(code: code, message: message), metadata: metadata))

        case .cancel:
            try reader.requireCallID(callID, zero: false)
            try reader.requireLength(2)
            return .cancel(callID: callID, Status.Code(wireValue: try reader.u16()))

        case .credit:
            try reader.requireCallID(callID, zero: false)
            try reader.requireLength(4)
            let increment = try reader.u32()
            guard increment > 0 else {
                throw reader.error(.protocolError, "CREDIT increment must be at least 1")
            }
            return .credit(callID: callID, increment: increment)

        case .ping:
            try reader.requireCallID(callID, zero: true)
            try reader.requireLength(8)
            return .ping(ack: flags & FrameLayout.ackFlag != 0, payload: try reader.u64())

        case .goAway:
            try reader.requireCallID(callID, zero: true)
            let lastCallID = try reader.u32()
            let code = ConnectionError.Code(wireValue: try reader.u16())
            let message = try reader.string(length: Int(try reader.u16()))
            return .goAway(GoAway(lastCallID: lastCallID, code: code, message: message))

        default:
            return .unknown(type: type.rawValue, flags: flags, callID: callID, payload: payload)
        }
    }
}

/// Reads the fields of one frame payload, turning every short read into a `PROTOCOL_ERROR`.
private struct PayloadReader {
    let type: FrameType
    var buffer: ByteBuffer

    var remaining: Int { buffer.readableBytes }

    func error(_ code: ConnectionError.Code, _ message: String) -> FrameDecoder.Error {
        let bytes = buffer.getBytes(at: 0, length: min(buffer.writerIndex, 32)) ?? []
        return FrameDecoder.Error(code, message, frameType: type, bytes: bytes)
    }

    func requireCallID(_ callID: UInt32, zero: Bool) throws {
        if zero, callID != 0 {
            throw error(.protocolError, "\(type) must use call id 0, got \(callID)")
        }
        if !zero, callID == 0 {
            throw error(.protocolError, "\(type) must not use call id 0")
        }
    }

    func requireLength(_ length: Int) throws {
        guard buffer.readableBytes == length else {
            throw error(.frameSizeError, "\(type) payload must be \(length) bytes, got \(buffer.readableBytes)")
        }
    }

    private func truncated(_ field: String) -> FrameDecoder.Error {
        error(.protocolError, "malformed \(type): \(field) runs past the end of the payload")
    }

    mutating func u8() throws -> UInt8 {
        guard let value = buffer.readInteger(as: UInt8.self) else { throw truncated("a length") }
        return value
    }

    mutating func u16() throws -> UInt16 {
        guard let value = buffer.readInteger(as: UInt16.self) else { throw truncated("a 16-bit field") }
        return value
    }

    mutating func u32() throws -> UInt32 {
        guard let value = buffer.readInteger(as: UInt32.self) else { throw truncated("a 32-bit field") }
        return value
    }

    mutating func u64() throws -> UInt64 {
        guard let value = buffer.readInteger(as: UInt64.self) else { throw truncated("a 64-bit field") }
        return value
    }

    mutating func string(length: Int) throws -> String {
        guard let text = buffer.readString(length: length) else { throw truncated("a string of \(length) bytes") }
        return text
    }

    mutating func metadata() throws -> Metadata {
        let count = Int(try u16())
        var entries: [Metadata.Entry] = []
        entries.reserveCapacity(min(count, 64))
        for _ in 0..<count {
            let keyLength = Int(try u8())
            guard let keyBytes = buffer.readBytes(length: keyLength) else { throw truncated("a metadata key") }
            guard Metadata.isValidKey(keyBytes) else {
                throw error(.protocolError, "invalid metadata key \"\(String(decoding: keyBytes, as: UTF8.self))\"")
            }
            let key = String(decoding: keyBytes, as: UTF8.self)
            let valueLength = Int(try u16())
            guard let valueBytes = buffer.readBytes(length: valueLength) else { throw truncated("a metadata value") }
            let value: Metadata.Value =
                key.hasSuffix("-bin") ? .binary(valueBytes) : .string(String(decoding: valueBytes, as: UTF8.self))
            entries.append(Metadata.Entry(key: key, value: value))
        }
        // Bytes after the known fields are future extensions and are ignored (PROTOCOL.md § 11).
        return Metadata(entries)
    }
}
