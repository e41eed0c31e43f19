/// The type byte of a frame header (`PROTOCOL.md` § 3.2).
public struct FrameType: Sendable, Hashable, CustomStringConvertible {
    /// The value on the wire.
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let settings = FrameType(rawValue: 0x01)
    public static let headers = FrameType(rawValue: 0x02)
    public static let message = FrameType(rawValue: 0x03)
    public static let trailers = FrameType(rawValue: 0x04)
    public static let cancel = FrameType(rawValue: 0x05)
    public static let credit = FrameType(rawValue: 0x06)
    public static let ping = FrameType(rawValue: 0x07)
    public static let goAway = FrameType(rawValue: 0x08)

    /// Whether this version of the protocol defines the type.
    public var isKnown: Bool { (0x01...0x08).contains(rawValue) }

    public var description: String {
        switch rawValue {
        case 0x01: "SETTINGS"
        case 0x02: "HEADERS"
        case 0x03: "MESSAGE"
        case 0x04: "TRAILERS"
        case 0x05: "CANCEL"
        case 0x06: "CREDIT"
        case 0x07: "PING"
        case 0x08: "GOAWAY"
        default: "UNKNOWN(0x\(String(rawValue, radix: 16)))"
        }
    }
}

/// The flag bits of a MESSAGE frame.
public struct MessageFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The payload is a zlib stream.
    public static let compressed = MessageFlags(rawValue: 0x01)
    /// The sender sends no more messages on this call.
    public static let endStream = MessageFlags(rawValue: 0x02)
    /// Server only: the call ends with `OK` right after this message; no TRAILERS follows.
    public static let endCall = MessageFlags(rawValue: 0x04)
}

/// Sizes fixed by the frame layout.
public enum FrameLayout {
    /// The size of a frame header: `u32` length, `u8` type, `u8` flags, `u32` call id.
    public static let headerSize = 10
    /// HEADERS flag: do not compress the responses of this call.
    public static let noCompressionFlag: UInt8 = 0x01
    /// PING flag: this PING answers another.
    public static let ackFlag: UInt8 = 0x01
    /// The longest method name allowed in HEADERS.
    public static let maxMethodLength = 1024
}
