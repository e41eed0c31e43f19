import CorpusProtocol
import CorpusServer

/// Renders entity lookups and suggestions, from a server or from the local corpus.
enum EntityOutput {
    static func write(_ response: Corpus_V1_LookupEntityResponse, json: Bool, to output: Output) {
        if json {
            output.line(ProtoJSON.line(response))
            return
        }
        let entity = response.entity
        output.line("\(output.bold(entity.name))  [\(entity.kind.protoName)]  \(output.dim(entity.id))")
        if !entity.aliases.isEmpty { output.line("  aliases:  \(entity.aliases.joined(separator: "; "))") }
        if !entity.roles.isEmpty { output.line("  roles:    \(entity.roles.joined(separator: "; "))") }
        output.line("  mentions: \(entity.mentionCount) in \(entity.articleCount) article(s)")
        if !response.articles.isEmpty {
            output.line("  articles:")
            for article in response.articles {
                let date = article.publishedAt.isEmpty ? "" : "  \(article.publishedAt)"
                output.line("    \(article.articleID)\(date)  \(article.title)  (\(article.mentionCount)×)")
            }
        }
        if !response.related.isEmpty {
            output.line("  related:")
            for related in response.related {
                output.line(
                    "    \(related.entity.name)  [\(related.entity.kind.protoName)]  "
                        + "\(related.sharedArticles) shared article(s)"
                )
            }
        }
        if !response.alternatives.isEmpty {
            output.line(
                "  also matching: "
                    + response.alternatives.map { "\($0.name) [\($0.kind.protoName)]" }
                    .joined(separator: ", ")
            )
        }
    }

    static func write(suggestions: Corpus_V1_SuggestEntitiesResponse, json: Bool, to output: Output) {
        if json {
            output.line(ProtoJSON.line(suggestions))
            return
        }
        output.line("no exact match; entities starting with it, most mentioned first:")
        EntityTable.write(suggestions.entities, to: output)
    }
}
