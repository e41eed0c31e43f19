import Foundation

/// Timings of one query in `corpus bench-search`.
struct QueryTiming {
    var kind: String
    var query: String
    var matches: Int
    var latencyMicros: [Double]
    var firstHitMicros: [Double]
    /// Top hits without snippets (ids and scores only).
    var bareMicros: [Double]

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank]
    }
}

/// The result of `corpus bench-search`.
struct BenchReport {
    var articles: Int
    var textBytes: Int
    var tokens: Int
    var terms: Int
    var loadSeconds: Double
    var buildSeconds: Double
    var indexBytes: Int
    var rssGrowthBytes: Int
    var queries: [QueryTiming]

    var buildMBPerSecond: Double { Double(self.textBytes) / 1e6 / max(self.buildSeconds, 1e-9) }

    var json: String {
        let queries = self.queries.map { q in
            "{\"kind\":\(JSONText.quote(q.kind)),\"query\":\(JSONText.quote(q.query)),\"matches\":\(q.matches),"
                + "\"p50Micros\":\(QueryTiming.percentile(q.latencyMicros, 0.5)),"
                + "\"p99Micros\":\(QueryTiming.percentile(q.latencyMicros, 0.99)),"
                + "\"bareP50Micros\":\(QueryTiming.percentile(q.bareMicros, 0.5)),"
                + "\"bareP99Micros\":\(QueryTiming.percentile(q.bareMicros, 0.99)),"
                + "\"firstHitP50Micros\":\(QueryTiming.percentile(q.firstHitMicros, 0.5)),"
                + "\"firstHitMaxMicros\":\(q.firstHitMicros.max() ?? 0)}"
        }
        return "{\"articles\":\(self.articles),\"textBytes\":\(self.textBytes),\"tokens\":\(self.tokens),"
            + "\"terms\":\(self.terms),\"loadSeconds\":\(self.loadSeconds),\"buildSeconds\":\(self.buildSeconds),"
            + "\"buildMBPerSecond\":\(self.buildMBPerSecond),\"indexBytes\":\(self.indexBytes),"
            + "\"rssGrowthBytes\":\(self.rssGrowthBytes),\"queries\":[\(queries.joined(separator: ","))]}"
    }

    var table: String {
        var lines = [
            "articles \(self.articles), text \(self.textBytes / 1_000_000) MB, tokens \(self.tokens), terms \(self.terms)",
            String(
                format: "load %.2f s; index build %.2f s (%.1f MB/s)",
                self.loadSeconds,
                self.buildSeconds,
                self.buildMBPerSecond
            ),
            String(
                format: "index memory %.1f MB (%.2f x text); RSS growth %.1f MB",
                Double(self.indexBytes) / 1e6,
                Double(self.indexBytes) / Double(max(self.textBytes, 1)),
                Double(self.rssGrowthBytes) / 1e6
            ),
            "kind        p50 µs   p99 µs  first µs  bare µs  matches  query",
        ]
        for q in self.queries {
            lines.append(
                String(
                    format: "%-10@ %8.1f %8.1f %9.1f %8.1f %8d  %@",
                    q.kind as NSString,
                    QueryTiming.percentile(q.latencyMicros, 0.5),
                    QueryTiming.percentile(q.latencyMicros, 0.99),
                    QueryTiming.percentile(q.firstHitMicros, 0.5),
                    QueryTiming.percentile(q.bareMicros, 0.5),
                    q.matches,
                    q.query as NSString
                )
            )
        }
        return lines.joined(separator: "\n")
    }
}

/// Resident memory of this process, from `/proc/self/statm` (0 where unavailable).
enum BenchProcess {
    /// User + system CPU time of this process.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
