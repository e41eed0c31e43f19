/// Splits Vietnamese text into syllables, numbers and codes, with their normalized and folded forms.
///
/// A token is a maximal run of letters and digits. Codes and numbers stay whole: `35-CT/TW`,
/// `94-KH/TU`, `2020-2025`, `11/14`, `1-2020`, `12/11/2019`, `1.000`, `3,5`, `COVID-19`; `-` and
/// `/` join only next to a digit, so `Bà Rịa-Vũng Tàu` gives four syllables. Punctuation is not a
/// token; what stood before each token (sentence end, comma, colon, quote, bracket, dash, line break)
/// is recorded in ``Token/flags``, so callers can find sentence boundaries.
///
/// The tokenizer works on the UTF-8 bytes in one pass, with no allocation per token: the forms are
/// written into scratch buffers that ``forEachToken(in:_:)`` lends to its closure. It accepts NFD
/// input (combining marks are composed on the fly) but then reports offsets of the NFD text.
public struct VietnameseTokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// Calls `body` for each token of `text` in order, with its normalized and folded forms.
    ///
    /// - Parameters:
    ///   - text: The text; offsets in the tokens are relative to its start.
    ///   - body: Receives each token and its forms. The forms' buffers are valid only during the call.
    public func forEachToken(in text: some StringProtocol, _ body: (Token, TokenForms) throws -> Void) rethrows {
        try text.withUTF8Buffer { bytes in
            var scanner = TokenScanner(bytes: bytes, wantsForms: true)
            try scanner.run(body)
        }
    }

    /// Calls `body` for each token of valid UTF-8 bytes, with its normalized and folded forms.
    ///
    /// - Important: `bytes` must be valid UTF-8 (for example a `String`'s storage).
    public func forEachToken(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>,
        _ body: (Token, TokenForms) throws -> Void
    ) rethrows {
        var scanner = TokenScanner(bytes: bytes, wantsForms: true)
        try scanner.run(body)
    }

    /// Like ``forEachToken(in:_:)`` but computes only the normalized form (``TokenForms/foldedUTF8`` is
    /// empty).
    func forEachNormalizedToken(in text: String, _ body: (Token, TokenForms) -> Void) {
        text.withUTF8Buffer { bytes in
            var scanner = TokenScanner(bytes: bytes, wantsForms: true, wantsFolded: false)
            scanner.run(body)
        }
    }

    /// Returns the tokens of `text` without computing their forms (cheaper when only offsets and flags
    /// are needed).
    public func tokens(in text: some StringProtocol) -> [Token] {
        var tokens: [Token] = []
        text.withUTF8Buffer { bytes in
            var scanner = TokenScanner(bytes: bytes, wantsForms: false)
            scanner.run { token, _ in tokens.append(token) }
        }
        return tokens
    }

    /// Returns the tokens of `text` with copies of their text and forms.
    public func analyze(_ text: some StringProtocol) -> [AnalyzedToken] {
        var result: [AnalyzedToken] = []
        let utf8 = Array(text.utf8)
        forEachToken(in: text) { token, forms in
            result.append(
                AnalyzedToken(
                    token: token,
                    text: String(decoding: utf8[token.utf8Range], as: UTF8.self),
                    normalized: forms.normalized,
                    folded: forms.folded
                )
            )
        }
        return result
    }
}
