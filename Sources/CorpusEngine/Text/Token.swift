/// One syllable, number or code found by ``VietnameseTokenizer``.
///
/// Offsets are relative to the start of the text that was tokenized. The wire protocol reports
/// highlight offsets in Unicode scalars of NFC text, so tokenize NFC text (``VietnameseText/nfc(_:)``)
/// when the scalar offsets go on the wire; the byte offsets index the string's `utf8` view.
public struct Token: Sendable, Hashable {
    /// UTF-8 byte offsets of the token in the tokenized text.
    public var utf8Range: Range<Int>
    /// Unicode-scalar offsets of the token in the tokenized text.
    public var scalarRange: Range<Int>
    /// The syllable index: 0 for the first token of the text, then 1, 2, …
    public var position: Int
    /// Case, content and what separates this token from the previous one.
    public var flags: Flags

    /// Creates a token.
    public init(utf8Range: Range<Int>, scalarRange: Range<Int>, position: Int, flags: Flags) {
        self.utf8Range = utf8Range
        self.scalarRange = scalarRange
        self.position = position
        self.flags = flags
    }

    /// Whether this token opens a sentence: it is the first of the text, or follows `.`, `!`, `?`,
    /// `…` or a line break.
    public var startsSentence: Bool {
        !flags.isDisjoint(with: [.startOfText, .afterLineBreak, .afterSentenceEnd])
    }

    /// Whether a capital letter here may be due to position rather than to a proper name: the token
    /// starts a sentence, or follows a colon, an opening quote or an opening bracket.
    public var capitalizationIsPositional: Bool {
        !flags.isDisjoint(with: [
            .startOfText, .afterLineBreak, .afterSentenceEnd, .afterColon, .afterOpenQuote, .afterOpenBracket,
        ])
    }

    /// Whether only white space separates this token from the previous one (and it is not the first).
    public var followsDirectly: Bool { flags.isDisjoint(with: Flags.separators) }

    /// Whether the token is a plain word: letters only, no digit and no connector.
    public var isWord: Bool { flags.contains(.hasLetter) && flags.isDisjoint(with: [.hasDigit, .hasConnector]) }
}

extension Token {
    /// Properties of a token and of the separators before it.
    public struct Flags: OptionSet, Sendable, Hashable {
        public var rawValue: UInt32

        /// Creates flags from their raw bits.
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// The first letter is uppercase.
        public static let capitalized = Flags(rawValue: 1 << 0)
        /// Every letter is uppercase (there is at least one letter).
        public static let allCaps = Flags(rawValue: 1 << 1)
        /// The token contains a letter.
        public static let hasLetter = Flags(rawValue: 1 << 2)
        /// The token contains a digit (a number or a code such as `35-CT/TW`).
        public static let hasDigit = Flags(rawValue: 1 << 3)
        /// The token contains an inner connector: `-`, `/`, `.`, `,` between digits or `'`.
        public static let hasConnector = Flags(rawValue: 1 << 4)

        /// The token is the first of the text.
        public static let startOfText = Flags(rawValue: 1 << 8)
        /// A line break comes before the token.
        public static let afterLineBreak = Flags(rawValue: 1 << 9)
        /// `.`, `!`, `?` or `…` comes before the token.
        public static let afterSentenceEnd = Flags(rawValue: 1 << 10)
        /// `,` or `;` comes before the token.
        public static let afterComma = Flags(rawValue: 1 << 11)
        /// `:` comes before the token.
        public static let afterColon = Flags(rawValue: 1 << 12)
        /// An opening quote comes before the token.
        public static let afterOpenQuote = Flags(rawValue: 1 << 13)
        /// A closing quote comes before the token.
        public static let afterCloseQuote = Flags(rawValue: 1 << 14)
        /// `(`, `[` or `{` comes before the token.
        public static let afterOpenBracket = Flags(rawValue: 1 << 15)
        /// `)`, `]` or `}` comes before the token.
        public static let afterCloseBracket = Flags(rawValue: 1 << 16)
        /// A dash (`-`, `–`, `—`) comes before the token.
        public static let afterDash = Flags(rawValue: 1 << 17)
        /// Any other punctuation or symbol comes before the token.
        public static let afterOther = Flags(rawValue: 1 << 18)

        /// All the "comes before" flags.
        public static let separators: Flags = [
            .startOfText, .afterLineBreak, .afterSentenceEnd, .afterComma, .afterColon, .afterOpenQuote,
            .afterCloseQuote, .afterOpenBracket, .afterCloseBracket, .afterDash, .afterOther,
        ]
    }
}
