/// One call a worker is about to make, with its argument.
enum PlannedCall: Sendable, Hashable {
    /// `GetArticle(id)`.
    case get(id: String)
    /// `LookupEntity(name)`.
    case entity(name: String)
    /// `Search(query, limit)`.
    case search(query: String, limit: Int)
    /// `ListArticles(after_id, limit)`: a page of summaries starting after `afterID`.
    case list(afterID: String, limit: Int)
    /// `SuggestEntities(prefix)`.
    case suggest(prefix: String)

    /// The kind of call.
    var kind: RPCKind {
        switch self {
        case .get: .get
        case .entity: .entity
        case .search: .search
        case .list: .list
        case .suggest: .suggest
        }
    }
}
