import CorpusProtocol
import CorpusServer
import SwiftProtobuf

/// Renders articles and article summaries.
enum ArticleOutput {
    static func write(_ article: Corpus_V1_Article, json: Bool, to output: Output) {
        if json {
            output.line(ProtoJSON.line(article))
            return
        }
        output.line(output.bold(article.title.isEmpty ? "(untitled)" : article.title))
        var facts = [article.id]
        if !article.publishedAt.isEmpty { facts.append(article.publishedAt) }
        if !article.author.isEmpty {
            facts.append(article.author + (article.source.isEmpty ? "" : " (\(article.source))"))
        }
        output.line(output.dim(facts.joined(separator: " · ")))
        if !article.lead.isEmpty {
            output.line()
            output.line(output.bold(article.lead))
        }
        for section in article.sections {
            output.line()
            if !section.heading.isEmpty { output.line(output.bold(section.heading)) }
            for paragraph in section.paragraphs { output.line(paragraph) }
        }
        if !article.captions.isEmpty {
            output.line()
            for caption in article.captions { output.line(output.dim("[ảnh] ") + caption) }
        }
        for credit in article.credits { output.line(output.dim(credit)) }
        if !article.entities.isEmpty {
            output.line()
            var table = Table(["entity", "kind", "mentions", "roles"])
            for entity in article.entities {
                table.add([
                    entity.name, entity.kind.protoName, "\(entity.mentionCount)", entity.roles.joined(separator: "; "),
                ])
            }
            table.render(to: output)
        }
    }

    static func summaries(_ summaries: [Corpus_V1_ArticleSummary], to output: Output) {
        var table = Table(["id", "published", "author", "title"])
        for summary in summaries {
            table.add([summary.id, summary.publishedAt, summary.author, summary.title])
        }
        table.render(to: output)
    }
}

/// The protobuf JSON form of messages, one object per line.
enum ProtoJSON {
    static func line(_ message: some SwiftProtobuf.Message) -> String {
        (try? message.jsonString()) ?? "{}"
    }
}
