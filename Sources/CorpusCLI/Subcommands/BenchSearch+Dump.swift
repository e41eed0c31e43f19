import CorpusEngine
import Foundation

extension BenchSearch {
    /// Writes the complete results of every query (all hits, top 10, top 1, pages resumed from
    /// cursors) with exact score bits, so that two builds of the engine can be diffed.
    func dump(index: SearchIndex, queries: [(kind: String, query: String)], to path: String) throws {
        var out = ""
        func write(_ label: String, _ results: SearchResults) {
            out += "[\(label)] total=\(results.totalMatches) count=\(results.hitCount)\n"
            for hit in results {
                let highlights = hit.snippet.highlights.map { "\($0.start)-\($0.end)" }.joined(separator: ",")
                out += "\(hit.rank) \(hit.articleID) \(String(hit.score.bitPattern, radix: 16)) "
                out += "\(hit.publishedAt) | \(hit.snippet.text) | \(highlights)\n"
            }
        }
        for (kind, query) in queries {
            out += "## \(kind)\t\(query)\n"
            let all: [SearchHit]
            do {
                let results = try index.search(query)
                all = Array(results)
                write("all", results)
            } catch {
                out += "error: \(error)\n"
                continue
            }
            write("limit 10", try index.search(query, options: SearchOptions(limit: 10)))
            write("limit 1", try index.search(query, options: SearchOptions(limit: 1)))
            write("limit 10 bare", try index.search(query, options: SearchOptions(limit: 10, snippetLength: 0)))
            for k in Set([0, 4, 9, all.count / 3, all.count - 2]).sorted() where k >= 0 && k < all.count {
                let cursor = all[k].cursor
                write("limit 10 after \(k)", try index.search(query, options: SearchOptions(limit: 10, cursor: cursor)))
            }
            if all.count > 10 {
                write("rest after 9", try index.search(query, options: SearchOptions(cursor: all[9].cursor)))
            }
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
