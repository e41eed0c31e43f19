/// Decides whether a token of article text is one of the query's matched syllables.
///
/// Each distinct surface form is normalized once per result list and remembered, so building
/// snippets for later hits is mostly hash lookups.
struct HighlightMatcher {
    private let index: SearchIndex
    private let terms: Set<UInt32>
    private var surfaces = ByteTermTable(capacity: 1024)
    private var matchedTerm: [Int32] = []

    init(index: SearchIndex, terms: Set<UInt32>) {
        self.index = index
        self.terms = terms
    }

    /// The normalized term id of a matched token, or `nil`.
    mutating func match(_ token: UnsafeBufferPointer<UInt8>) -> Int? {
        if self.terms.isEmpty { return nil }
        let (id, inserted) = self.surfaces.insert(token)
        if inserted {
            let normalized = SyllableNormalizer.forms(of: String(decoding: token, as: UTF8.self)).normalized
            let term = self.index.terms.find(normalized)
            self.matchedTerm.append(term.map { self.terms.contains(UInt32($0)) ? Int32($0) : -1 } ?? -1)
        }
        let term = self.matchedTerm[id]
        return term >= 0 ? Int(term) : nil
    }
}

/// Picks the best passage of an article for a hit and marks the matched syllables.
enum SnippetBuilder {
    private struct Match {
        var start: Int
        var end: Int
        var term: Int
    }

    /// Builds the snippet: the ~`length`-character window of the lead or a body paragraph holding
    /// the most distinct matched syllables (then the most matches), or the title if only it
    /// matches, or the beginning of the lead.
    static func make(for document: IndexDocument, matcher: inout HighlightMatcher, length: Int) -> Snippet {
        var best: (unit: String, matches: [Match], first: Int, last: Int, distinct: Int, count: Int)? = nil
        for unit in [document.lead] + document.paragraphs {
            let matches = Self.matches(in: unit, matcher: &matcher)
            if matches.isEmpty { continue }
            var j = 0
            var counts: [Int: Int] = [:]
            for i in matches.indices {
                if j < i { j = i }
                while j + 1 < matches.count && matches[j + 1].end - matches[i].start <= length { j += 1 }
                counts.removeAll(keepingCapacity: true)
                for k in i...j { counts[matches[k].term, default: 0] += 1 }
                let distinct = counts.count
                let count = j - i + 1
                if best.map({ distinct > $0.distinct || (distinct == $0.distinct && count > $0.count) }) ?? true {
                    best = (unit, matches, i, j, distinct, count)
                }
            }
        }
        if let best {
            return Self.window(best.unit, matches: best.matches, first: best.first, last: best.last, length: length)
        }
        let titleMatches = Self.matches(in: document.title, matcher: &matcher)
        if !titleMatches.isEmpty {
            return Self.window(document.title, matches: titleMatches, first: 0, last: titleMatches.count - 1, length: length)
        }
        let fallback = document.lead.isEmpty ? (document.paragraphs.first ?? document.title) : document.lead
        return Self.window(fallback, matches: [], first: 0, last: -1, length: length)
    }

    private static func matches(in text: String, matcher: inout HighlightMatcher) -> [Match] {
        var text = text
        return text.withUTF8 { buffer in
            var result: [Match] = []
            SyllableScanner.scan(buffer) { token in
                let bytes = UnsafeBufferPointer(rebasing: buffer[token.byteStart..<token.byteEnd])
                if let term = matcher.match(bytes) {
                    result.append(Match(start: token.scalarStart, end: token.scalarEnd, term: term))
                }
            }
            return result
        }
    }

    private static func window(_ text: String, matches: [Match], first: Int, last: Int, length: Int) -> Snippet {
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        var start = 0
        var end = n
        if n > length {
            let spanStart = first <= last ? matches[first].start : 0
            let spanEnd = first <= last ? max(matches[last].end, spanStart) : 0
            let slack = max(length - (spanEnd - spanStart), 0)
            start = max(0, spanStart - slack / 3)
            end = min(n, start + max(length, spanEnd - spanStart))
            if end == n { start = max(0, n - length) }
            // Snap to word boundaries without cutting into the matched span.
            if start > 0 {
                var s = start
                while s < spanStart && !scalars[s - 1].properties.isWhitespace { s += 1 }
                if s < spanStart || scalars[s - 1].properties.isWhitespace { start = s }
            }
            if end < n {
                var e = end
                while e > spanEnd && !scalars[e].properties.isWhitespace { e -= 1 }
                if e > spanEnd || scalars[e].properties.isWhitespace { end = e }
            }
        }
        while start < end && scalars[start].properties.isWhitespace { start += 1 }
        while end > start && scalars[end - 1].properties.isWhitespace { end -= 1 }
        var out = String.UnicodeScalarView()
        let prefix = start > 0 ? 1 : 0
        if start > 0 { out.append("\u{2026}") }
        out.append(contentsOf: scalars[start..<end])
        if end < n { out.append("\u{2026}") }
        var highlights: [Snippet.Highlight] = []
        for match in matches where match.start >= start && match.end <= end {
            highlights.append(Snippet.Highlight(start: match.start - start + prefix, end: match.end - start + prefix))
        }
        return Snippet(text: String(out), highlights: highlights)
    }
}
