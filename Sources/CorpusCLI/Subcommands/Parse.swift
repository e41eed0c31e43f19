import ArgumentParser
import CorpusEngine
import CorpusProtocol
import CorpusServer
import Foundation
import SwiftProtobuf

/// `corpus parse FILE... [--json] [--explain]`: parse article files and print them with their entities.
struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse article files and print them with their entities.",
        discussion: """
            Readable by default; with --json one JSON object per line per article, in the protobuf JSON \
            form of corpus.v1.Article. Unreadable files are reported on stderr and make the exit status \
            non-zero; the other files are still printed.
            """
    )

    @Argument(help: "Article files (.txt).")
    var files: [String]

    @Flag(help: "Print one JSON object per article (protobuf JSON of corpus.v1.Article).")
    var json = false

    @Flag(help: "Also print how each line was classified (readable output only).")
    var explain = false

    func run() throws {
        let output = Self.render(files: files, json: json, explain: explain)
        if !output.text.isEmpty { print(output.text, terminator: "") }
        for error in output.errors {
            FileHandle.standardError.write(Data("corpus parse: \(error)\n".utf8))
        }
        if !output.errors.isEmpty { throw ExitCode.failure }
    }

    /// The output of `corpus parse` for the given files: the text for stdout and one error line per
    /// file that could not be read.
    static func render(files: [String], json: Bool, explain: Bool) -> (text: String, errors: [String]) {
        var text = ""
        var errors: [String] = []
        let parser = ArticleParser(options: .init(explain: explain && !json))
        let extractor = EntityExtractor()
        for path in files {
            let bytes: [UInt8]
            do {
                bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
                errors.append("\(path): \(reason)")
                continue
            }
            do {
                let parsed = try parser.parse(bytes: bytes, id: CorpusLoader.articleID(forPath: path), path: path)
                let entities = extractor.extract(from: parsed.article)
                if json {
                    let message = Corpus_V1_Article(
                        parsed.article,
                        entities: entities.map(Corpus_V1_ArticleEntity.init)
                    )
                    text += ((try? message.jsonString()) ?? "{}") + "\n"
                } else {
                    text += ArticleReport.render(parsed, entities: entities)
                }
            } catch {
                errors.append(error.description)
            }
        }
        return (text, errors)
    }
}

/// The readable form of a parsed article.
enum ArticleReport {
    static func render(_ parsed: ParsedArticle, entities: [ExtractedEntity]) -> String {
        let article = parsed.article
        var lines = ["== \(article.id)"]
        func field(_ label: String, _ value: String) {
            if !value.isEmpty { lines.append("\(label.padding(toLength: 10, withPad: " ", startingAt: 0))\(value)") }
        }
        field("title", article.title)
        field("published", article.publishedAt?.rfc3339 ?? "")
        field("author", article.author)
        field("source", article.source)
        field("url", article.url)
        for credit in article.credits { field("credit", credit) }
        for entry in article.metadata { field("meta", "\(entry.key) = \(entry.value)") }
        field("lead", article.lead)
        for (index, section) in article.sections.enumerated() {
            lines.append(
                section.heading.isEmpty ? "-- section \(index + 1)" : "-- section \(index + 1): \(section.heading)"
            )
            for paragraph in section.paragraphs { lines.append("   ¶ \(paragraph)") }
        }
        for caption in article.captions { field("caption", caption) }
        lines.append("-- entities (\(entities.count))")
        for entity in entities {
            var line =
                "   \(entity.kind.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0))\(entity.name) ×\(entity.mentionCount)"
            if !entity.roles.isEmpty { line += " — \(entity.roles.joined(separator: "; "))" }
            let others = entity.aliases.filter { $0 != entity.name }
            if !others.isEmpty { line += " (also: \(others.joined(separator: ", ")))" }
            lines.append(line + "  [\(entity.id)]")
        }
        if !parsed.notes.isEmpty {
            lines.append("-- parser notes")
            lines += parsed.notes.map { "   \($0)" }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }
}
