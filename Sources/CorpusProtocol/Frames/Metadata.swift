/// Ordered key-value pairs sent with HEADERS (request metadata) and TRAILERS (trailing metadata).
///
/// Keys are lowercase ASCII letters, digits, `-`, `_` and `.` (1 to 255 bytes). Values of keys
/// that end in `-bin` are arbitrary bytes; all other values are UTF-8 text. Keys may repeat and
/// order is preserved (`PROTOCOL.md` § 3.3).
public struct Metadata: Sendable, Hashable {
    /// One entry.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: Value

        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// A metadata value: text, or bytes for keys ending in `-bin`.
    public enum Value: Sendable, Hashable {
        case string(String)
        case binary([UInt8])

        /// The value's bytes as sent on the wire.
        public var bytes: [UInt8] {
            switch self {
            case .string(let text): Array(text.utf8)
            case .binary(let bytes): bytes
            }
        }
    }

    /// The entries in order.
    public private(set) var entries: [Entry]

    /// Creates empty metadata.
    public init() {
        self.entries = []
    }

    /// Creates metadata from entries.
    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// Appends a text value.
    public mutating func add(_ key: String, _ value: String) {
        entries.append(Entry(key: key, value: .string(value)))
    }

    /// Appends a binary value; `key` should end in `-bin`.
    public mutating func add(_ key: String, binary value: [UInt8]) {
        entries.append(Entry(key: key, value: .binary(value)))
    }

    /// The first text value for `key`, if any.
    public subscript(key: String) -> String? {
        for entry in entries where entry.key == key {
            if case .string(let text) = entry.value { return text }
        }
        return nil
    }

    /// The number of entries.
    public var count: Int { entries.count }

    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// Whether `key` is a valid metadata key (`PROTOCOL.md` § 3.3).
    public static func isValidKey<Bytes: Collection<UInt8>>(_ key: Bytes) -> Bool {
        guard !key.isEmpty, key.count <= 255 else { return false }
        return key.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}

extension Metadata: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.entries = elements.map { Entry(key: $0.0, value: $0.1) }
    }
}

extension Metadata.Value: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension Metadata: Sequence {
    public func makeIterator() -> IndexingIterator<[Entry]> {
        entries.makeIterator()
    }
}
