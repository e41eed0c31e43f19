/// The tokenizer's single pass over UTF-8 bytes.
///
/// Tokens are maximal runs of letters, digits and combining marks. `-` and `/` stay inside a token
/// when it already holds a digit or a digit follows (`35-CT/TW`, `2020-2025`, `COVID-19`, `12/11/2019`),
/// `.` and `,` when digits stand on both sides (`1.000`, `3,5`), an apostrophe between letters
/// (`H'Mông`). Everything else separates tokens and is recorded in the next token's flags.
///
/// A scanner is used once (``run(_:)``) or, to scan many short texts without allocating its buffers
/// each time, repeatedly (``run(over:_:)``, then ``deallocate()``).
struct TokenScanner {
    private let table = LetterTable.shared
    private var bytes: UnsafeBufferPointer<UInt8>
    private let wantsForms: Bool
    private let wantsFolded: Bool

    private var letters = Scratch<Letter>(capacity: 64)
    private var normalized = Scratch<UInt8>(capacity: 128)
    private var folded = Scratch<UInt8>(capacity: 128)

    private var position = 0
    private var gap: Token.Flags = .startOfText
    private var gapSawSpace = true
    private var inToken = false
    private var tokenStart = 0
    private var tokenScalarStart = 0
    private var tokenFlags: Token.Flags = []
    private var allUpper = true
    private var needsFoundation = false
    private var toneCount = 0
    // What `joins` needs of the letters so far; kept apart so that a scan without forms builds no letters.
    private var hasLetters = false
    private var lastIsDigit = false
    private var lastIsConnector = false

    init(bytes: UnsafeBufferPointer<UInt8>, wantsForms: Bool, wantsFolded: Bool = true) {
        self.bytes = bytes
        self.wantsForms = wantsForms
        self.wantsFolded = wantsFolded
    }

    /// Scans the bytes given at creation, then frees the buffers.
    mutating func run(_ body: (Token, TokenForms) throws -> Void) rethrows {
        defer { deallocate() }
        try scan(body)
    }

    /// Scans `bytes` as a text of its own (offsets relative to its start), keeping the buffers for the
    /// next call; the owner calls ``deallocate()`` after the last one.
    mutating func run(over bytes: UnsafeBufferPointer<UInt8>, _ body: (Token, TokenForms) throws -> Void) rethrows {
        self.bytes = bytes
        position = 0
        gap = .startOfText
        gapSawSpace = true
        inToken = false
        try scan(body)
    }

    /// Frees the buffers (after the last ``run(over:_:)``; ``run(_:)`` frees them itself).
    func deallocate() {
        letters.deallocate()
        normalized.deallocate()
        folded.deallocate()
    }

    @inline(__always)
    private mutating func scan(_ body: (Token, TokenForms) throws -> Void) rethrows {
        let n = bytes.count
        var index = 0
        var scalarIndex = 0
        while index < n {
            let (value, length) = bytes.decodeScalar(at: index)
            let info = table.info(value)
            switch info.kind {
            case .letter, .digit:
                if !inToken { startToken(at: index, scalar: scalarIndex) }
                appendLetter(value, info: info)
            case .combining:
                if inToken {
                    if wantsForms { combineMark(value) }
                } else {
                    noteSeparator(.other)
                }
            case .ignorable:
                break
            case .dash, .slash, .period, .comma, .apostrophe:
                if inToken, joins(value, kind: info.kind, nextAt: index + length) {
                    if wantsForms {
                        letters.append(
                            Letter(
                                value: value,
                                shape: LetterTable.Shape.connector,
                                tone: 0,
                                isUpper: false,
                                isDigit: false
                            )
                        )
                    }
                    hasLetters = true
                    lastIsDigit = false
                    lastIsConnector = true
                    tokenFlags.insert(.hasConnector)
                } else {
                    if inToken { try finishToken(end: index, scalarEnd: scalarIndex, body) }
                    noteSeparator(info.kind)
                }
            default:
                if inToken { try finishToken(end: index, scalarEnd: scalarIndex, body) }
                noteSeparator(info.kind)
            }
            index += length
            scalarIndex += 1
        }
        if inToken { try finishToken(end: n, scalarEnd: scalarIndex, body) }
    }

    @inline(__always)
    private mutating func startToken(at index: Int, scalar: Int) {
        inToken = true
        tokenStart = index
        tokenScalarStart = scalar
        tokenFlags = gap
        allUpper = true
        needsFoundation = false
        toneCount = 0
        hasLetters = false
        letters.removeAll()
    }

    @inline(__always)
    private mutating func appendLetter(_ value: UInt32, info: LetterTable.Info) {
        let isDigit = info.kind == .digit
        if isDigit {
            tokenFlags.insert(.hasDigit)
        } else {
            if !hasLetters, info.isUpper { tokenFlags.insert(.capitalized) }
            if !info.isUpper { allUpper = false }
            if info.tone != 0 { toneCount += 1 }
            tokenFlags.insert(.hasLetter)
        }
        hasLetters = true
        lastIsDigit = isDigit
        lastIsConnector = false
        guard wantsForms else { return }
        letters.append(
            Letter(value: value, shape: info.shape, tone: info.tone, isUpper: info.isUpper, isDigit: isDigit)
        )
    }

    @inline(__always)
    private mutating func combineMark(_ value: UInt32) {
        let last = letters.count - 1
        guard last >= 0, !letters[last].isDigit else {
            needsFoundation = true
            return
        }
        var letter = letters[last]
        let tone = letter.tone
        if table.combine(value, into: &letter) {
            if tone == 0, letter.tone != 0 { toneCount += 1 }
            letters[last] = letter
        } else {
            needsFoundation = true
        }
    }

    @inline(__always)
    private func joins(_ value: UInt32, kind: LetterTable.Kind, nextAt next: Int) -> Bool {
        guard next < bytes.count, hasLetters else { return false }
        let nextInfo = table.info(bytes.decodeScalar(at: next).value)
        let nextIsDigit = nextInfo.kind == .digit
        let nextIsLetter = nextInfo.kind == .letter
        switch kind {
        case .dash, .slash:
            guard value == 0x2D || value == 0x2F || value == 0x2010 || value == 0x2011 else { return false }
            return (nextIsDigit || nextIsLetter) && (nextIsDigit || tokenFlags.contains(.hasDigit))
        case .period, .comma:
            return (value == 0x2E || value == 0x2C) && lastIsDigit && nextIsDigit
        case .apostrophe:
            return !lastIsDigit && !lastIsConnector && nextIsLetter
        default:
            return false
        }
    }

    @inline(__always)
    private mutating func noteSeparator(_ kind: LetterTable.Kind) {
        switch kind {
        case .space: gapSawSpace = true
        case .newline: gap.insert(.afterLineBreak)
        case .sentenceEnd, .period: gap.insert(.afterSentenceEnd)
        case .comma: gap.insert(.afterComma)
        case .colon: gap.insert(.afterColon)
        case .openQuote: gap.insert(.afterOpenQuote)
        case .closeQuote: gap.insert(.afterCloseQuote)
        case .ambiguousQuote, .apostrophe: gap.insert(gapSawSpace ? .afterOpenQuote : .afterCloseQuote)
        case .openBracket:
            gap.insert(.afterOpenBracket)
            gapSawSpace = true
        case .closeBracket: gap.insert(.afterCloseBracket)
        case .dash: gap.insert(.afterDash)
        default: gap.insert(.afterOther)
        }
    }

    private mutating func finishToken(
        end: Int,
        scalarEnd: Int,
        _ body: (Token, TokenForms) throws -> Void
    ) rethrows {
        if allUpper, tokenFlags.contains(.hasLetter) { tokenFlags.insert(.allCaps) }
        let token = Token(
            utf8Range: tokenStart..<end,
            scalarRange: tokenScalarStart..<scalarEnd,
            position: position,
            flags: tokenFlags
        )
        normalized.removeAll()
        folded.removeAll()
        if wantsForms {
            if needsFoundation {
                TextTransform.slowForms(
                    UnsafeBufferPointer(rebasing: bytes[tokenStart..<end]),
                    normalized: &normalized,
                    folded: &folded
                )
            } else {
                if toneCount == 1, letters.count > 1, token.isWord {
                    TonePlacement.canonicalize(letters.mutableBuffer)
                }
                if wantsFolded {
                    table.appendForms(letters.buffer, normalized: &normalized, folded: &folded)
                } else {
                    table.appendNormalizedForm(letters.buffer, to: &normalized)
                }
            }
        }
        try body(token, TokenForms(normalizedUTF8: normalized.buffer, foldedUTF8: folded.buffer))
        position += 1
        inToken = false
        gap = []
        gapSawSpace = false
    }
}
