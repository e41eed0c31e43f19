/// The normalized and folded forms of one token, handed to the closure of
/// ``VietnameseTokenizer/forEachToken(in:_:)`` without allocating.
///
/// - Important: The buffers point into scratch memory that is reused for the next token. Use them
///   only inside the closure; copy them (``normalized``, ``folded``) to keep them.
public struct TokenForms {
    /// The normalized form: NFC, lowercase, canonical tone placement (see ``VietnameseText``).
    public let normalizedUTF8: UnsafeBufferPointer<UInt8>
    /// The folded form: the normalized form without diacritics and with `đ` → `d`.
    public let foldedUTF8: UnsafeBufferPointer<UInt8>

    /// Creates forms over two buffers.
    public init(normalizedUTF8: UnsafeBufferPointer<UInt8>, foldedUTF8: UnsafeBufferPointer<UInt8>) {
        self.normalizedUTF8 = normalizedUTF8
        self.foldedUTF8 = foldedUTF8
    }

    /// The normalized form as a new string.
    public var normalized: String { String(decoding: normalizedUTF8, as: UTF8.self) }

    /// The folded form as a new string.
    public var folded: String { String(decoding: foldedUTF8, as: UTF8.self) }

    /// Whether the token has no diacritics and no `đ` (its normalized and folded forms are equal).
    public var isFolded: Bool { normalizedUTF8.elementsEqual(foldedUTF8) }
}

/// A token together with copies of its forms, for callers that are not in a hot loop (queries,
/// tests, entity names).
public struct AnalyzedToken: Sendable, Hashable {
    /// Offsets, position and flags.
    public var token: Token
    /// The token as written in the text.
    public var text: String
    /// The normalized form (``TokenForms/normalized``).
    public var normalized: String
    /// The folded form (``TokenForms/folded``).
    public var folded: String

    /// Creates an analyzed token.
    public init(token: Token, text: String, normalized: String, folded: String) {
        self.token = token
        self.text = text
        self.normalized = normalized
        self.folded = folded
    }
}
