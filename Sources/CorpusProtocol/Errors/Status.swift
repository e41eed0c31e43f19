/// The outcome of a call, as carried by a TRAILERS frame: a status code and a message.
///
/// The codes are gRPC's 17 status codes with gRPC's numbers (`PROTOCOL.md` § 8.1).
public struct Status: Sendable, Hashable, CustomStringConvertible {
    /// The status code.
    public var code: Code
    /// A human-readable message; empty for ``Code/ok``.
    public var message: String

    /// Creates a status.
    public init(code: Code, message: String = "") {
        self.code = code
        self.message = message
    }

    /// The successful status.
    public static let ok = Status(code: .ok)

    public var description: String {
        message.isEmpty ? code.description : "\(code): \(message)"
    }
}

extension Status {
    /// A call status code (`u16` on the wire).
    ///
    /// Unknown values received from a peer are mapped to ``unknown`` (`PROTOCOL.md` § 11).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The value on the wire.
        public let rawValue: UInt16

        private init(_ rawValue: UInt16) {
            self.rawValue = rawValue
        }

        /// Creates a code from its wire value; values above 16 become ``unknown``.
        public init(wireValue: UInt16) {
            self.rawValue = wireValue <= 16 ? wireValue : 2
        }

        /// Creates a code from its name, e.g. `"NOT_FOUND"`; returns `nil` for unknown names.
        public init?(name: String) {
            guard let index = Self.names.firstIndex(of: name) else { return nil }
            self.rawValue = UInt16(index)
        }

        public static let ok = Code(0)
        public static let cancelled = Code(1)
        public static let unknown = Code(2)
        public static let invalidArgument = Code(3)
        public static let deadlineExceeded = Code(4)
        public static let notFound = Code(5)
        public static let alreadyExists = Code(6)
        public static let permissionDenied = Code(7)
        public static let resourceExhausted = Code(8)
        public static let failedPrecondition = Code(9)
        public static let aborted = Code(10)
        public static let outOfRange = Code(11)
        public static let unimplemented = Code(12)
        public static let `internal` = Code(13)
        public static let unavailable = Code(14)
        public static let dataLoss = Code(15)
        public static let unauthenticated = Code(16)

        /// All codes in numeric order.
        public static let allCases: [Code] = (0...16).map { Code(UInt16($0)) }

        private static let names = [
            "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
            "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
            "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
        ]

        /// The name used in `PROTOCOL.md`, e.g. `NOT_FOUND`.
        public var name: String { Self.names[Int(rawValue)] }

        public var description: String { name }
    }
}
