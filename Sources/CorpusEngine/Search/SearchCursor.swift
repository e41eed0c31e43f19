/// Where a result list was left off: the score and article id of the last hit delivered.
///
/// Clients treat the ``encoded`` form as opaque; pass it back to resume right after that hit.
public struct SearchCursor: Sendable, Hashable {
    /// The score of the last hit delivered.
    public var score: Double
    /// The id of the last hit delivered.
    public var articleID: String

    /// Creates a cursor.
    public init(score: Double, articleID: String) {
        self.score = score
        self.articleID = articleID
    }

    /// An opaque URL-safe string: version, exact score bits and article id, base64url-encoded.
    public var encoded: String {
        let hex = String(self.score.bitPattern, radix: 16)
        return Base64URL.encode(Array("v1:\(hex):\(self.articleID)".utf8))
    }

    /// Decodes a cursor produced by ``encoded``; `nil` if the text is not one.
    public init?(encoded: String) {
        guard encoded.utf8.count <= 1024, let bytes = Base64URL.decode(encoded) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", !parts[2].isEmpty,
            let bits = UInt64(parts[1], radix: 16)
        else { return nil }
        let score = Double(bitPattern: bits)
        guard score.isFinite else { return nil }
        self.init(score: score, articleID: String(parts[2]))
    }

    /// Whether a hit with this score and id comes after the cursor in result order
    /// (score descending, then article id ascending).
    func precedes(score: Double, articleID: String) -> Bool {
        score < self.score || (score == self.score && articleID > self.articleID)
    }
}

/// Base64 with the URL-safe alphabet and no padding.
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(Self.alphabet[Int(n >> 18 & 63)])
            out.append(Self.alphabet[Int(n >> 12 & 63)])
            if i + 1 < bytes.count { out.append(Self.alphabet[Int(n >> 6 & 63)]) }
            if i + 2 < bytes.count { out.append(Self.alphabet[Int(n & 63)]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt32] = []
        for byte in text.utf8 {
            guard let v = Self.alphabet.firstIndex(of: byte) else { return nil }
            values.append(UInt32(v))
        }
        if values.count % 4 == 1 { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < values.count {
            let chunk = values[i..<min(i + 4, values.count)]
            var n: UInt32 = 0
            for (k, v) in chunk.enumerated() { n |= v << UInt32(18 - 6 * k) }
            out.append(UInt8(n >> 16 & 0xFF))
            if chunk.count > 2 { out.append(UInt8(n >> 8 & 0xFF)) }
            if chunk.count > 3 { out.append(UInt8(n & 0xFF)) }
            i += 4
        }
        return out
    }
}
