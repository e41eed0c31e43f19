import Foundation

/// One search hit as plain values, whichever way it was obtained (local engine or remote call).
struct SearchHitView: Sendable, Hashable {
    var rank: Int
    var score: Double
    var articleID: String
    var publishedAt: String
    var title: String
    var snippet: String
    /// Half-open Unicode scalar ranges into `snippet`.
    var highlights: [Range<Int>]
    var cursor: String
}

/// The closing summary of a search.
struct SearchSummaryView: Sendable, Hashable {
    var totalMatches: Int
    var returned: Int
    var elapsedMicros: Int
}

/// Renders search results for a terminal or as JSON lines.
enum SearchOutput {
    /// `rank. [score] id  date\n   title\n   snippet`, with highlights in bold when `color` is set.
    static func text(_ hit: SearchHitView, color: Bool) -> String {
        let score = String(format: "%.3f", hit.score)
        let date = hit.publishedAt.isEmpty ? "" : "  \(hit.publishedAt)"
        let title = color ? "\u{1B}[1m\(hit.title)\u{1B}[0m" : hit.title
        let snippet = Self.mark(hit.snippet, hit.highlights, color: color)
        return "\(hit.rank). [\(score)] \(hit.articleID)\(date)\n   \(title)\n   \(snippet)"
    }

    /// The snippet with highlights in ANSI bold (`color`) or between `**` markers (plain).
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

    static func text(_ summary: SearchSummaryView) -> String {
        let millis = String(format: "%.2f", Double(summary.elapsedMicros) / 1000)
        return "\(summary.returned) of \(summary.totalMatches) matches in \(millis) ms"
    }

    /// One JSON object: `articleId, title, publishedAt, score, snippet{text, highlights[{start,end}]}, cursor`
    /// (plus `rank`).
    static func json(_ hit: SearchHitView) -> String {
        let highlights = hit.highlights.map { "{\"start\":\($0.lowerBound),\"end\":\($0.upperBound)}" }
        return "{\"articleId\":\(JSONText.quote(hit.articleID)),\"title\":\(JSONText.quote(hit.title)),"
            + "\"publishedAt\":\(JSONText.quote(hit.publishedAt)),\"score\":\(JSONText.number(hit.score)),"
            + "\"snippet\":{\"text\":\(JSONText.quote(hit.snippet)),\"highlights\":[\(highlights.joined(separator: ","))]},"
            + "\"cursor\":\(JSONText.quote(hit.cursor)),\"rank\":\(hit.rank)}"
    }

    /// `{"summary":{"totalMatches":…,"returned":…,"elapsedMicros":…}}`.
    static func json(_ summary: SearchSummaryView) -> String {
        "{\"summary\":{\"totalMatches\":\(summary.totalMatches),\"returned\":\(summary.returned),"
            + "\"elapsedMicros\":\(summary.elapsedMicros)}}"
    }
}

/// Minimal JSON scalar encoding (keeps output key order stable and avoids a Codable round trip).
enum JSONText {
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "0"
    }
}
