import CorpusProtocol
import Foundation

/// Renders search responses (hits, then the summary) for a terminal or as protobuf JSON lines,
/// whether they came from a server or from the local engine.
enum SearchOutput {
    /// Writes one response: a hit as `rank. [score] id  date / title / snippet` (highlights in
    /// bold when the output uses styles, between `**` otherwise), or the summary line.
    static func write(_ response: Corpus_V1_SearchResponse, json: Bool, to output: Output) {
        if json {
            output.line(ProtoJSON.line(response))
            return
        }
        switch response.result {
        case .hit(let hit): output.line(text(hit, color: output.color) + "\n")
        case .summary(let summary): output.line(text(summary))
        case .none: break
        }
    }

    static func text(_ hit: Corpus_V1_SearchHit, color: Bool) -> String {
        let score = String(format: "%.3f", hit.score)
        let date = hit.publishedAt.isEmpty ? "" : "  \(hit.publishedAt)"
        let title = color ? "\u{1B}[1m\(hit.title)\u{1B}[0m" : hit.title
        let ranges = hit.snippet.highlights.map { Int($0.start)..<Int($0.end) }
        let snippet = mark(hit.snippet.text, ranges, color: color)
        return "\(hit.rank). [\(score)] \(hit.articleID)\(date)\n   \(title)\n   \(snippet)"
    }

    /// The snippet with highlights in ANSI bold yellow (`color`) or between `**` markers (plain).
    static func mark(_ text: String, _ highlights: [Range<Int>], color: Bool) -> String {
        let (open, close) = color ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("**", "**")
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var at = 0
        for range in highlights where range.lowerBound >= at && range.upperBound <= scalars.count {
            out.append(contentsOf: scalars[at..<range.lowerBound])
            out.append(contentsOf: open.unicodeScalars)
            out.append(contentsOf: scalars[range])
            out.append(contentsOf: close.unicodeScalars)
            at = range.upperBound
        }
        out.append(contentsOf: scalars[at...])
        return String(out)
    }

    static func text(_ summary: Corpus_V1_SearchSummary) -> String {
        let millis = String(format: "%.2f", Double(summary.elapsedMicros) / 1000)
        return "\(summary.returned) of \(summary.totalMatches) matches in \(millis) ms"
    }
}
