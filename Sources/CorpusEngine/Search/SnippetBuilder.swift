/// Decides whether a token of article text is one of the query's matched syllables.
///
/// Tokens are scanned without their forms; each distinct raw surface is normalized once per result
/// list and remembered (`Đảng` and `đảng` are two surfaces of one term), so building snippets costs
/// one hash lookup per token.
struct HighlightMatcher {
    private let index: SearchIndex
    private let terms: [UInt32]
    private let termSet: Set<UInt32>
    /// Surfaces not seen at build time (none, for indexed articles), resolved on demand.
    private var extraSurfaces: [String: Int32] = [:]
    private let tokenizer = VietnameseTokenizer()

    init(index: SearchIndex, terms: Set<UInt32>) {
        self.index = index
        self.terms = terms.sorted()
        self.termSet = terms
    }

    var isEmpty: Bool { self.terms.isEmpty }

    /// Normalized term id → folded id.
    var foldedOfTerm: [UInt32] { self.index.foldedOfTerm }

    @inline(__always)
    private func isHighlighted(_ term: UInt32) -> Bool {
        self.terms.count <= 16 ? self.terms.contains(term) : self.termSet.contains(term)
    }

    /// The normalized term id of a matched token (given its raw bytes), or `nil`.
    mutating func match(surface: UnsafeBufferPointer<UInt8>) -> Int? {
        if let id = self.index.surfaces.find(surface) {
            let term = self.index.surfaceTerm[id]
            return self.isHighlighted(term) ? Int(term) : nil
        }
        let raw = String(decoding: surface, as: UTF8.self)
        if let known = self.extraSurfaces[raw] { return known >= 0 ? Int(known) : nil }
        let normalized = self.tokenizer.analyze(raw).first?.normalized ?? raw.lowercased()
        let term = self.index.terms.find(normalized).flatMap { self.isHighlighted(UInt32($0)) ? Int32($0) : nil } ?? -1
        self.extraSurfaces[raw] = term
        return term >= 0 ? Int(term) : nil
    }

    /// The matched tokens of `text`.
    mutating func matches(in text: String, _ body: (_ scalarRange: Range<Int>, _ term: Int) -> Void) {
        if self.terms.isEmpty { return }
        let tokens = self.tokenizer.tokens(in: text)
        var text = text
        text.withUTF8 { buffer in
            for token in tokens {
                if let term = self.match(surface: UnsafeBufferPointer(rebasing: buffer[token.utf8Range])) {
                    body(token.scalarRange, term)
                }
            }
        }
    }
}

/// Picks the best passage of an article for a hit and marks the matched syllables.
enum SnippetBuilder {
    private struct Match {
        var start: Int
        var end: Int
        var term: Int
        /// The folded form's id: one per query word, whatever its accented variant.
        var word: Int
    }

    /// Builds the snippet: the ~`length`-character window of the lead or a body paragraph holding
    /// the most distinct matched syllables (then the most adjacent matched pairs, as in a phrase,
    /// then the most matches), or the title if only it matches, or the beginning of the lead.
    static func make(for document: IndexDocument, matcher: inout HighlightMatcher, length: Int) -> Snippet {
        var best: (unit: String, matches: [Match], first: Int, last: Int, rank: Int)? = nil
        for unit in [document.lead] + document.paragraphs {
            let matches = Self.matches(in: unit, matcher: &matcher)
            if matches.isEmpty { continue }
            var j = 0
            var seen: [Int] = []
            for i in matches.indices {
                if j < i { j = i }
                while j + 1 < matches.count && matches[j + 1].end - matches[i].start <= length { j += 1 }
                seen.removeAll(keepingCapacity: true)
                // Distinct query words: accented variants of one typed word count once.
                for k in i...j where !seen.contains(matches[k].word) { seen.append(matches[k].word) }
                var adjacent = 0
                for k in i..<j
                where matches[k + 1].start - matches[k].end <= 1 && matches[k + 1].term != matches[k].term {
                    adjacent += 1
                }
                let rank = seen.count * 1_000_000 + adjacent * 1_000 + (j - i + 1)
                if best.map({ rank > $0.rank }) ?? true {
                    best = (unit, matches, i, j, rank)
                }
            }
        }
        if let best {
            return Self.window(best.unit, matches: best.matches, first: best.first, last: best.last, length: length)
        }
        let titleMatches = Self.matches(in: document.title, matcher: &matcher)
        if !titleMatches.isEmpty {
            return Self.window(
                document.title,
                matches: titleMatches,
                first: 0,
                last: titleMatches.count - 1,
                length: length
            )
        }
        let fallback = document.lead.isEmpty ? (document.paragraphs.first ?? document.title) : document.lead
        return Self.window(fallback, matches: [], first: 0, last: -1, length: length)
    }

    private static func matches(in text: String, matcher: inout HighlightMatcher) -> [Match] {
        var result: [Match] = []
        let foldedOfTerm = matcher.foldedOfTerm
        matcher.matches(in: text) { range, term in
            let word = Int(foldedOfTerm[term])
            result.append(Match(start: range.lowerBound, end: range.upperBound, term: term, word: word))
        }
        return result
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
