/// A parsed search query.
///
/// The language:
/// - `word word`: every term is required (an implicit AND; `AND` may be written too);
/// - `"quoted phrase"`: syllables adjacent and in order;
/// - `a OR b`: either side; OR binds tighter than the implicit AND, so `a b OR c` means `a (b OR c)`;
/// - `-word`, `-"phrase"`, `-(group)`: exclusion;
/// - `( ... )`: grouping;
/// - `title:word`, `title:"phrase"`: match in the title only;
///   `author:NAME`: match in the byline only;
/// - `entity:"Võ Anh Kiệt"`: articles mentioning that entity (name or alias, accent-insensitive);
/// - `kind:person|location|organization|document`: articles mentioning at least one entity of that
///   kind; in the same group as `entity:`, it also narrows which entities the name resolves to;
/// - `after:2019-01-01` (on or after that day), `before:2020-01-01` (strictly before that day), days
///   in Vietnam's time zone (UTC+7); articles without a date never pass a date filter.
///
/// Matching follows Vietnamese rules: a word typed with diacritics matches that syllable only (after
/// case and tone-placement normalization); a word typed without any (such as `dang` or `an`) matches
/// every accented variant (`đang`, `Đảng`, `dạng`, ... or `an`, `ấn`, `ăn`, ...), the plain form
/// included and weighted equally.
public struct SearchQuery: Sendable, Hashable, CustomStringConvertible {
    /// The longest accepted query, in characters.
    public static let maximumLength = 1000

    /// The most terms, phrases and filters a query may hold.
    public static let maximumClauses = 64

    /// The query as typed.
    public let text: String

    let root: QueryNode

    /// Parses a query.
    ///
    /// - Parameter text: The query as typed by a user.
    /// - Throws: ``QuerySyntaxError`` with the column where the query is malformed.
    public init(parsing text: String) throws(QuerySyntaxError) {
        self.text = text
        self.root = try QueryParser.parse(text)
    }

    /// A canonical rendering of the parsed tree (useful in logs and tests).
    public var description: String { self.root.description }
}

/// A field filter or a free-text term in the query tree.
enum QueryField: String, Sendable, Hashable {
    case title
    case author
}

/// Which entity kind a `kind:` filter asks for.
enum QueryEntityKind: String, Sendable, Hashable, CaseIterable {
    case person
    case location
    case organization
    case document
}

/// A calendar day written in a date filter.
struct QueryDay: Sendable, Hashable, CustomStringConvertible {
    var year: Int
    var month: Int
    var day: Int

    /// Seconds since 1970-01-01T00:00:00Z of this day's midnight in UTC+7.
    var midnightInVietnam: Int64 {
        // Days from civil (H. Hinnant), proleptic Gregorian.
        let y = self.month <= 2 ? self.year - 1 : self.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (self.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + self.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = Int64(era * 146_097 + doe - 719_468)
        return days * 86_400 - 7 * 3_600
    }

    var description: String {
        let m = self.month < 10 ? "0\(self.month)" : "\(self.month)"
        let d = self.day < 10 ? "0\(self.day)" : "\(self.day)"
        return "\(self.year)-\(m)-\(d)"
    }
}

/// The parsed query tree. Free text is kept raw here; syllable analysis happens when the query
/// is compiled against an index.
indirect enum QueryNode: Sendable, Hashable, CustomStringConvertible {
    case word(String, field: QueryField?, column: Int)
    case phrase(String, field: QueryField?, column: Int)
    case entity(String, column: Int)
    case kind(QueryEntityKind)
    case after(QueryDay)
    case before(QueryDay)
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)

    var description: String {
        switch self {
        case .word(let text, let field, _):
            return field.map { "\($0.rawValue):\(text)" } ?? text
        case .phrase(let text, let field, _):
            return (field.map { "\($0.rawValue):" } ?? "") + "\"\(text)\""
        case .entity(let name, _):
            return "entity:\"\(name)\""
        case .kind(let kind):
            return "kind:\(kind.rawValue)"
        case .after(let day):
            return "after:\(day)"
        case .before(let day):
            return "before:\(day)"
        case .and(let nodes):
            return "(" + nodes.map(\.description).joined(separator: " AND ") + ")"
        case .or(let nodes):
            return "(" + nodes.map(\.description).joined(separator: " OR ") + ")"
        case .not(let node):
            return "-\(node)"
        }
    }

    /// Whether the node can select articles by itself (an exclusion cannot).
    var isPositive: Bool {
        switch self {
        case .not: return false
        case .and(let nodes): return nodes.contains { $0.isPositive }
        case .or(let nodes): return nodes.allSatisfy { $0.isPositive }
        default: return true
        }
    }
}
