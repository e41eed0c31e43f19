/// A token of the query language, with the 1-based column where it starts.
struct QueryToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Free text up to the next space, quote or parenthesis.
        case word(String)
        /// The text between double quotes.
        case quoted(String)
        /// `name:` immediately followed by a value token.
        case field(String)
        case or
        case and
        case minus
        case open
        case close
    }

    var kind: Kind
    var column: Int
}

/// Splits a query into tokens; reports unclosed quotes and empty field values.
struct QueryLexer {
    private let chars: [Character]
    private var index = 0

    init(_ text: String) {
        self.chars = Array(text)
    }

    static func isQuote(_ c: Character) -> Bool { c == "\"" || c == "\u{201C}" || c == "\u{201D}" }

    static func isSpace(_ c: Character) -> Bool { c.isWhitespace }

    private static func isDelimiter(_ c: Character) -> Bool {
        Self.isSpace(c) || Self.isQuote(c) || c == "(" || c == ")"
    }

    mutating func tokenize() throws(QuerySyntaxError) -> [QueryToken] {
        var tokens: [QueryToken] = []
        while self.index < self.chars.count {
            let c = self.chars[self.index]
            let column = self.index + 1
            if Self.isSpace(c) {
                self.index += 1
            } else if c == "(" {
                tokens.append(QueryToken(kind: .open, column: column))
                self.index += 1
            } else if c == ")" {
                tokens.append(QueryToken(kind: .close, column: column))
                self.index += 1
            } else if Self.isQuote(c) {
                tokens.append(try self.lexQuoted())
            } else if c == "-", self.startsTerm(at: self.index + 1), self.isTokenStart(self.index) {
                tokens.append(QueryToken(kind: .minus, column: column))
                self.index += 1
            } else {
                tokens.append(contentsOf: try self.lexWord())
            }
        }
        return tokens
    }

    /// A `-` is an exclusion only at the start of a token and directly before a term.
    private func isTokenStart(_ i: Int) -> Bool {
        i == 0 || Self.isSpace(self.chars[i - 1]) || self.chars[i - 1] == "("
    }

    private func startsTerm(at i: Int) -> Bool {
        i < self.chars.count && !Self.isSpace(self.chars[i]) && self.chars[i] != ")" && self.chars[i] != "-"
    }

    private mutating func lexQuoted() throws(QuerySyntaxError) -> QueryToken {
        let start = self.index
        self.index += 1
        var text = ""
        while self.index < self.chars.count, !Self.isQuote(self.chars[self.index]) {
            text.append(self.chars[self.index])
            self.index += 1
        }
        guard self.index < self.chars.count else {
            throw QuerySyntaxError("unclosed quote", column: start + 1)
        }
        self.index += 1
        return QueryToken(kind: .quoted(text), column: start + 1)
    }

    private mutating func lexWord() throws(QuerySyntaxError) -> [QueryToken] {
        let start = self.index
        var text = ""
        while self.index < self.chars.count, !Self.isDelimiter(self.chars[self.index]) {
            let c = self.chars[self.index]
            // `name:` where name is ASCII letters only starts a field filter.
            if c == ":", !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isLetter }) {
                self.index += 1
                let valueStart = self.index
                guard valueStart < self.chars.count, !Self.isSpace(self.chars[valueStart]),
                    self.chars[valueStart] != ")"
                else {
                    throw QuerySyntaxError("missing value after '\(text):'", column: start + 1)
                }
                return [QueryToken(kind: .field(text), column: start + 1)]
            }
            text.append(c)
            self.index += 1
        }
        switch text {
        case "OR", "|", "||": return [QueryToken(kind: .or, column: start + 1)]
        case "AND", "&&": return [QueryToken(kind: .and, column: start + 1)]
        default: return [QueryToken(kind: .word(text), column: start + 1)]
        }
    }
}
