/// One looked-up entity as plain values (from the local corpus or a remote call).
struct EntityView: Sendable, Hashable {
    struct Summary: Sendable, Hashable {
        var id: String
        var name: String
        var kind: String
        var mentionCount: Int
        var articleCount: Int
        /// For related entities: articles shared with the looked-up one.
        var sharedArticles: Int?
    }

    struct ArticleLine: Sendable, Hashable {
        var articleID: String
        var title: String
        var publishedAt: String
        var mentionCount: Int
    }

    var entity: Summary
    /// How the name matched (`exact`, `alias`, `accentInsensitive`).
    var match: String
    var aliases: [String]
    var roles: [String]
    var articles: [ArticleLine]
    var related: [Summary]
}

/// Renders entity lookups and suggestions.
enum EntityOutput {
    static func text(_ view: EntityView) -> String {
        let e = view.entity
        var lines = ["\(e.name)  [\(e.kind)]  \(e.id)  (\(view.match) match)"]
        if !view.aliases.isEmpty { lines.append("  aliases:  \(view.aliases.joined(separator: "; "))") }
        if !view.roles.isEmpty { lines.append("  roles:    \(view.roles.joined(separator: "; "))") }
        lines.append("  mentions: \(e.mentionCount) in \(e.articleCount) article(s)")
        if !view.articles.isEmpty {
            lines.append("  articles:")
            for a in view.articles {
                let date = a.publishedAt.isEmpty ? "" : "  \(a.publishedAt)"
                lines.append("    \(a.articleID)\(date)  \(a.title)  (\(a.mentionCount)×)")
            }
        }
        if !view.related.isEmpty {
            lines.append("  related:")
            for r in view.related {
                lines.append("    \(r.name)  [\(r.kind)]  \(r.sharedArticles ?? 0) shared article(s)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func text(suggestions: [EntityView.Summary]) -> String {
        (["no exact match; entities starting with it, most mentioned first:"]
            + suggestions.map { "  \($0.name)  [\($0.kind)]  \($0.id)  \($0.mentionCount) mention(s)" })
            .joined(separator: "\n")
    }

    static func json(_ view: EntityView) -> String {
        let articles = view.articles.map {
            "{\"articleId\":\(JSONText.quote($0.articleID)),\"title\":\(JSONText.quote($0.title)),"
                + "\"publishedAt\":\(JSONText.quote($0.publishedAt)),\"mentionCount\":\($0.mentionCount)}"
        }
        let strings = { (values: [String]) in "[" + values.map(JSONText.quote).joined(separator: ",") + "]" }
        return "{" + self.fields(view.entity) + ",\"match\":\(JSONText.quote(view.match)),"
            + "\"aliases\":\(strings(view.aliases)),\"roles\":\(strings(view.roles)),"
            + "\"articles\":[\(articles.joined(separator: ","))],"
            + "\"related\":[\(view.related.map { "{" + self.fields($0) + "}" }.joined(separator: ","))]}"
    }

    static func json(suggestions: [EntityView.Summary]) -> String {
        "{\"suggestions\":[\(suggestions.map { "{" + self.fields($0) + "}" }.joined(separator: ","))]}"
    }

    private static func fields(_ e: EntityView.Summary) -> String {
        var text =
            "\"id\":\(JSONText.quote(e.id)),\"name\":\(JSONText.quote(e.name)),\"kind\":\(JSONText.quote(e.kind)),"
            + "\"mentionCount\":\(e.mentionCount),\"articleCount\":\(e.articleCount)"
        if let shared = e.sharedArticles { text += ",\"sharedArticles\":\(shared)" }
        return text
    }
}
