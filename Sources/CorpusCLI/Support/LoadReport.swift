import CorpusEngine
import Foundation

/// The one-paragraph summary printed after loading a corpus.
struct LoadReport {
    let summary: LoadSummary
    let directory: String

    var text: String {
        let kinds = EntityKind.allCases.compactMap { kind -> String? in
            let count = summary.entitiesByKind[kind] ?? 0
            return count > 0 ? "\(count) \(kind.rawValue)" : nil
        }
        let megabytes = Double(summary.fileBytes) / 1_000_000
        var text = "loaded \(summary.articles) article\(summary.articles == 1 ? "" : "s") from \(directory) "
        text += String(format: "(%.1f MB in %.2f s, %.1f MB/s)", megabytes, summary.seconds, summary.megabytesPerSecond)
        text += "\n  entities: \(summary.entities)"
        if !kinds.isEmpty { text += " (\(kinds.joined(separator: ", ")))" }
        if !summary.skipped.isEmpty { text += "\n  skipped: \(summary.skipped.count) file(s), listed on stderr" }
        return text
    }
}
