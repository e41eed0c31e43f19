/// A protocol version as sent in the connection preface (`PROTOCOL.md` § 2.1).
public struct ProtocolVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: UInt8
    public var minor: UInt8

    public init(major: UInt8, minor: UInt8) {
        self.major = major
        self.minor = minor
    }

    /// The version this implementation speaks: 1.0.
    public static let current = ProtocolVersion(major: 1, minor: 0)

    /// The preface's magic bytes, ASCII `CORPUS`.
    public static let magic: [UInt8] = Array("CORPUS".utf8)

    /// The size of the preface in bytes.
    public static let prefaceSize = 8

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public var description: String { "\(major).\(minor)" }
}
