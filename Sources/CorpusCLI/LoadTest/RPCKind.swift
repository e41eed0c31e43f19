import CorpusProtocol

/// The calls `corpus bench` can make.
enum RPCKind: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    /// `GetArticle` with an article id.
    case get
    /// `LookupEntity` with an entity name.
    case entity
    /// `Search` with a query (a stream of hits, then a summary).
    case search
    /// `ListArticles` from a random article on (a stream of summaries).
    case list
    /// `SuggestEntities` with a name prefix.
    case suggest

    /// The method's full name on the wire, as the server's `Stats` reports it.
    var method: String {
        switch self {
        case .get: CorpusMethods.getArticle.descriptor.fullName
        case .entity: CorpusMethods.lookupEntity.descriptor.fullName
        case .search: CorpusMethods.search.descriptor.fullName
        case .list: CorpusMethods.listArticles.descriptor.fullName
        case .suggest: CorpusMethods.suggestEntities.descriptor.fullName
        }
    }

    /// Whether the response is a stream (time to first message is measured for these).
    var isStream: Bool { self == .search || self == .list }

    static func < (lhs: RPCKind, rhs: RPCKind) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// `get, entity, search, list, suggest`.
    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
