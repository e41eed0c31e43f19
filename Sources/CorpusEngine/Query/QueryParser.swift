/// A recursive-descent parser for the query language described on ``SearchQuery``.
///
/// Grammar (OR binds tighter than the implicit AND):
///
///     query   := conj EOF
///     conj    := disj ( ["AND"] disj )*
///     disj    := unary ( "OR" unary )*
///     unary   := "-" primary | primary
///     primary := "(" conj ")" | QUOTED | WORD | FIELD value
struct QueryParser {
    /// How deeply parentheses may nest.
    static let maximumDepth = 16

    private var tokens: [QueryToken]
    private var position = 0
    private var depth = 0
    private var clauses = 0
    private let endColumn: Int

    static func parse(_ text: String) throws(QuerySyntaxError) -> QueryNode {
        let length = text.count
        if length > SearchQuery.maximumLength {
            throw QuerySyntaxError(
                "query is too long (\(length) characters, at most \(SearchQuery.maximumLength))",
                column: SearchQuery.maximumLength + 1
            )
        }
        var lexer = QueryLexer(text)
        let tokens = try lexer.tokenize()
        if tokens.isEmpty {
            throw QuerySyntaxError("empty query", column: 1)
        }
        var parser = QueryParser(tokens: tokens, endColumn: length + 1)
        let root = try parser.parseConjunction(openColumn: nil)
        if !root.isPositive {
            throw QuerySyntaxError("a query needs at least one term that is not excluded", column: 1)
        }
        return root
    }

    private init(tokens: [QueryToken], endColumn: Int) {
        self.tokens = tokens
        self.endColumn = endColumn
    }

    private var current: QueryToken? { self.position < self.tokens.count ? self.tokens[self.position] : nil }

    private mutating func parseConjunction(openColumn: Int?) throws(QuerySyntaxError) -> QueryNode {
        var items: [QueryNode] = []
        while let token = self.current {
            switch token.kind {
            case .close:
                guard let openColumn else {
                    throw QuerySyntaxError("unmatched closing parenthesis", column: token.column)
                }
                if items.isEmpty {
                    throw QuerySyntaxError("empty parentheses", column: openColumn)
                }
                return try Self.group(items, column: openColumn)
            case .and:
                if items.isEmpty {
                    throw QuerySyntaxError("AND needs a term on its left", column: token.column)
                }
                self.position += 1
                if self.current == nil || self.current?.kind == .close || self.current?.kind == .and
                    || self.current?.kind == .or
                {
                    throw QuerySyntaxError("AND needs a term on its right", column: token.column)
                }
            default:
                items.append(try self.parseDisjunction())
            }
        }
        if let openColumn {
            throw QuerySyntaxError("unclosed parenthesis", column: openColumn)
        }
        return try Self.group(items, column: 1)
    }

    private static func group(_ items: [QueryNode], column: Int) throws(QuerySyntaxError) -> QueryNode {
        if items.count == 1 { return items[0] }
        let node = QueryNode.and(items)
        if !node.isPositive {
            throw QuerySyntaxError("a group needs at least one term that is not excluded", column: column)
        }
        return node
    }

    private mutating func parseDisjunction() throws(QuerySyntaxError) -> QueryNode {
        if let token = self.current, token.kind == .or {
            throw QuerySyntaxError("OR needs a term on its left", column: token.column)
        }
        let firstColumn = self.current?.column ?? self.endColumn
        var alternatives = [try self.parseUnary()]
        while let token = self.current, token.kind == .or {
            self.position += 1
            guard let next = self.current, next.kind != .close, next.kind != .or, next.kind != .and else {
                throw QuerySyntaxError("OR needs a term on its right", column: token.column)
            }
            alternatives.append(try self.parseUnary())
            if case .not = alternatives.last {
                throw QuerySyntaxError("an exclusion cannot be an alternative of OR", column: next.column)
            }
        }
        if alternatives.count == 1 { return alternatives[0] }
        if case .not = alternatives[0] {
            throw QuerySyntaxError("an exclusion cannot be an alternative of OR", column: firstColumn)
        }
        return .or(alternatives)
    }

    private mutating func parseUnary() throws(QuerySyntaxError) -> QueryNode {
        if let token = self.current, token.kind == .minus {
            self.position += 1
            return .not(try self.parsePrimary())
        }
        return try self.parsePrimary()
    }

    private mutating func countClause(column: Int) throws(QuerySyntaxError) {
        self.clauses += 1
        if self.clauses > SearchQuery.maximumClauses {
            throw QuerySyntaxError(
                "too many terms (at most \(SearchQuery.maximumClauses))",
                column: column
            )
        }
    }

    private mutating func parsePrimary() throws(QuerySyntaxError) -> QueryNode {
        guard let token = self.current else {
            throw QuerySyntaxError("unexpected end of query", column: self.endColumn)
        }
        self.position += 1
        switch token.kind {
        case .open:
            self.depth += 1
            if self.depth > Self.maximumDepth {
                throw QuerySyntaxError("parentheses nested too deeply", column: token.column)
            }
            let node = try self.parseConjunction(openColumn: token.column)
            self.position += 1  // the closing parenthesis
            self.depth -= 1
            return node
        case .word(let text):
            try self.countClause(column: token.column)
            return .word(text, field: nil, column: token.column)
        case .quoted(let text):
            try self.countClause(column: token.column)
            return .phrase(text, field: nil, column: token.column)
        case .field(let name):
            try self.countClause(column: token.column)
            return try self.parseField(name, column: token.column)
        case .close:
            throw QuerySyntaxError("unmatched closing parenthesis", column: token.column)
        case .or:
            throw QuerySyntaxError("OR needs a term on its left", column: token.column)
        case .and:
            throw QuerySyntaxError("AND needs a term on its left", column: token.column)
        case .minus:
            throw QuerySyntaxError("exclusion needs a term", column: token.column)
        }
    }

    private mutating func parseField(_ name: String, column: Int) throws(QuerySyntaxError) -> QueryNode {
        guard let value = self.current else {
            throw QuerySyntaxError("missing value after '\(name):'", column: column)
        }
        let valueColumn = value.column
        let text: String
        let quoted: Bool
        switch value.kind {
        case .word(let word):
            text = word
            quoted = false
        case .quoted(let phrase):
            text = phrase
            quoted = true
        default:
            throw QuerySyntaxError("'\(name):' needs a word or a quoted phrase", column: valueColumn)
        }
        self.position += 1
        switch name.lowercased() {
        case "title":
            return quoted
                ? .phrase(text, field: .title, column: valueColumn) : .word(text, field: .title, column: valueColumn)
        case "author":
            return .phrase(text, field: .author, column: valueColumn)
        case "entity":
            if text.allSatisfy(\.isWhitespace) {
                throw QuerySyntaxError("empty entity name", column: valueColumn)
            }
            return .entity(text, column: valueColumn)
        case "kind":
            guard let kind = QueryEntityKind(rawValue: text.lowercased()) else {
                throw QuerySyntaxError(
                    "unknown entity kind '\(text)' (expected person, location, organization or document)",
                    column: valueColumn
                )
            }
            return .kind(kind)
        case "after", "before":
            guard let day = Self.parseDay(text) else {
                throw QuerySyntaxError("bad date '\(text)' (expected YYYY-MM-DD)", column: valueColumn)
            }
            return name.lowercased() == "after" ? .after(day) : .before(day)
        default:
            throw QuerySyntaxError(
                "unknown field '\(name)' (expected title, author, entity, kind, after or before)",
                column: column
            )
        }
    }

    /// Parses `YYYY-MM-DD` strictly, checking the day exists.
    static func parseDay(_ text: String) -> QueryDay? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return QueryDay(year: year, month: month, day: day)
    }
}
