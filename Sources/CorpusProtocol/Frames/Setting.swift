/// One entry of a SETTINGS frame: a `u16` id and a `u32` value (`PROTOCOL.md` § 2.2).
public struct Setting: Sendable, Hashable {
    /// A setting id. Unknown ids are ignored by receivers.
    public struct ID: Sendable, Hashable, CustomStringConvertible {
        public let rawValue: UInt16

        public init(rawValue: UInt16) {
            self.rawValue = rawValue
        }

        public static let maxFrameSize = ID(rawValue: 0x01)
        public static let maxConcurrentCalls = ID(rawValue: 0x02)
        public static let initialCredit = ID(rawValue: 0x03)
        public static let compression = ID(rawValue: 0x04)
        public static let maxMessageSize = ID(rawValue: 0x05)
        public static let keepaliveInterval = ID(rawValue: 0x06)
        public static let keepaliveTimeout = ID(rawValue: 0x07)
        public static let idleTimeout = ID(rawValue: 0x08)

        public var description: String {
            switch rawValue {
            case 0x01: "MAX_FRAME_SIZE"
            case 0x02: "MAX_CONCURRENT_CALLS"
            case 0x03: "INITIAL_CREDIT"
            case 0x04: "COMPRESSION"
            case 0x05: "MAX_MESSAGE_SIZE"
            case 0x06: "KEEPALIVE_INTERVAL"
            case 0x07: "KEEPALIVE_TIMEOUT"
            case 0x08: "IDLE_TIMEOUT"
            default: "UNKNOWN(0x\(String(rawValue, radix: 16)))"
            }
        }

        /// The valid range of a known setting's value, or `nil` for unknown ids.
        var validRange: ClosedRange<UInt32>? {
            switch rawValue {
            case 0x01: ConnectionSettings.frameSizeRange
            case 0x02, 0x04, 0x06, 0x08: 0...UInt32.max
            case 0x03: 1...UInt32(Int32.max)
            case 0x05, 0x07: 1...UInt32.max
            default: nil
            }
        }
    }

    public var id: ID
    public var value: UInt32

    public init(_ id: ID, _ value: UInt32) {
        self.id = id
        self.value = value
    }
}

/// The settings one side announces to its peer, with the protocol's defaults for absent entries.
///
/// Every setting describes what its sender accepts or does, so it constrains the peer.
public struct ConnectionSettings: Sendable, Hashable {
    /// Largest frame payload the sender accepts.
    public var maxFrameSize: Int
    /// Most calls the sender lets its peer have open at once.
    public var maxConcurrentCalls: Int
    /// Messages the sender accepts on each new call before it grants more.
    public var initialCredit: Int
    /// Whether the sender can decompress zlib messages.
    public var acceptsZlib: Bool
    /// Largest message, after decompression, the sender accepts.
    public var maxMessageSize: Int
    /// The sender PINGs after this many milliseconds without receiving a frame; 0 = never.
    public var keepaliveIntervalMilliseconds: UInt32
    /// How long the sender waits for anything after a keepalive PING.
    public var keepaliveTimeoutMilliseconds: UInt32
    /// The sender closes a connection without open calls after this long; 0 = never.
    public var idleTimeoutMilliseconds: UInt32

    /// The protocol's defaults (`PROTOCOL.md` § 2.2), assumed until the peer's SETTINGS arrive.
    public static let protocolDefaults = ConnectionSettings(
        maxFrameSize: 1_048_576,
        maxConcurrentCalls: 100,
        initialCredit: 32,
        acceptsZlib: false,
        maxMessageSize: 4_194_304,
        keepaliveIntervalMilliseconds: 0,
        keepaliveTimeoutMilliseconds: 20_000,
        idleTimeoutMilliseconds: 0
    )

    /// The valid range of `MAX_FRAME_SIZE`.
    public static let frameSizeRange: ClosedRange<UInt32> = 16_384...16_777_216

    public init(
        maxFrameSize: Int,
        maxConcurrentCalls: Int,
        initialCredit: Int,
        acceptsZlib: Bool,
        maxMessageSize: Int,
        keepaliveIntervalMilliseconds: UInt32,
        keepaliveTimeoutMilliseconds: UInt32,
        idleTimeoutMilliseconds: UInt32
    ) {
        self.maxFrameSize = maxFrameSize
        self.maxConcurrentCalls = maxConcurrentCalls
        self.initialCredit = initialCredit
        self.acceptsZlib = acceptsZlib
        self.maxMessageSize = maxMessageSize
        self.keepaliveIntervalMilliseconds = keepaliveIntervalMilliseconds
        self.keepaliveTimeoutMilliseconds = keepaliveTimeoutMilliseconds
        self.idleTimeoutMilliseconds = idleTimeoutMilliseconds
    }

    /// Applies received entries on top of the protocol defaults. Entries were validated by the
    /// decoder; unknown ids are ignored; the last value of a repeated id wins.
    public init(entries: [Setting]) {
        self = .protocolDefaults
        for entry in entries {
            let value = entry.value
            switch entry.id {
            case .maxFrameSize: maxFrameSize = Int(value)
            case .maxConcurrentCalls: maxConcurrentCalls = Int(value)
            case .initialCredit: initialCredit = Int(value)
            case .compression: acceptsZlib = value & 0x1 != 0
            case .maxMessageSize: maxMessageSize = Int(value)
            case .keepaliveInterval: keepaliveIntervalMilliseconds = value
            case .keepaliveTimeout: keepaliveTimeoutMilliseconds = value
            case .idleTimeout: idleTimeoutMilliseconds = value
            default: continue
            }
        }
    }

    /// The entries to send: every setting, in id order.
    public var entries: [Setting] {
        func clamp(_ value: Int) -> UInt32 { UInt32(clamping: value) }
        return [
            Setting(.maxFrameSize, clamp(maxFrameSize)),
            Setting(.maxConcurrentCalls, clamp(maxConcurrentCalls)),
            Setting(.initialCredit, clamp(initialCredit)),
            Setting(.compression, acceptsZlib ? 1 : 0),
            Setting(.maxMessageSize, clamp(maxMessageSize)),
            Setting(.keepaliveInterval, keepaliveIntervalMilliseconds),
            Setting(.keepaliveTimeout, keepaliveTimeoutMilliseconds),
            Setting(.idleTimeout, idleTimeoutMilliseconds),
        ]
    }
}
