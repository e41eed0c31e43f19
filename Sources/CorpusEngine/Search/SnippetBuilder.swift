/// Picks the best passage of an article for a hit and marks the matched syllables.
enum SnippetBuilder {
    struct Match {
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
        var scanner = TokenScanner(bytes: UnsafeBufferPointer(start: nil, count: 0), wantsForms: false)
        defer { scanner.deallocate() }
        var best: (unit: String, matches: [Match], first: Int, last: Int, rank: Int)? = nil
        var matches: [Match] = []
        var seen: [Int] = []
        func consider(_ unit: String) {
            Self.collectMatches(in: unit, matcher: &matcher, scanner: &scanner, into: &matches)
            if matches.isEmpty { return }
            // The unit's first best window; a later unit replaces the best only if it does better.
            var top = (first: 0, last: 0, rank: Int.min)
            var j = 0
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
                if rank > top.rank { top = (i, j, rank) }
            }
            if best.map({ top.rank > $0.rank }) ?? true {
                // Hand the array over and keep the previous best's storage for the next unit.
                var previous = best?.matches ?? []
                best = nil
                swap(&previous, &matches)
                best = (unit, previous, top.first, top.last, top.rank)
            }
        }
        consider(document.lead)
        for paragraph in document.paragraphs { consider(paragraph) }
        if let best {
            return Self.window(best.unit, matches: best.matches, first: best.first, last: best.last, length: length)
        }
        Self.collectMatches(in: document.title, matcher: &matcher, scanner: &scanner, into: &matches)
        if !matches.isEmpty {
            return Self.window(document.title, matches: matches, first: 0, last: matches.count - 1, length: length)
        }
        let fallback = document.lead.isEmpty ? (document.paragraphs.first ?? document.title) : document.lead
        return Self.window(fallback, matches: [], first: 0, last: -1, length: length)
    }

    private static func collectMatches(
        in text: String,
        matcher: inout HighlightMatcher,
        scanner: inout TokenScanner,
        into result: inout [Match]
    ) {
        result.removeAll(keepingCapacity: true)
        let foldedOfTerm = matcher.foldedOfTerm
        matcher.matches(in: text, scanner: &scanner) { range, term in
            let word = Int(foldedOfTerm[term])
            result.append(Match(start: range.lowerBound, end: range.upperBound, term: term, word: word))
        }
    }

    /// Cuts the window of about `length` scalars around `matches[first...last]` out of `text`, at word
    /// boundaries, and places the highlights of the matches inside it.
    private static func window(_ text: String, matches: [Match], first: Int, last: Int, length: Int) -> Snippet {
        var text = text
        // Scalar offsets of the window in `text`, its byte offsets, and the text's length in scalars.
        let (start, end, from, to, n) = text.withUTF8 { bytes in
            // One cursor walks near the start of the window, the other near its end.
            var front = ScalarCursor(bytes)
            let n = front.count
            var back = front
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
                    while s < spanStart && !front.isWhitespace(at: s - 1) { s += 1 }
                    if s < spanStart || front.isWhitespace(at: s - 1) { start = s }
                }
                back = front
                if end < n {
                    var e = end
                    while e > spanEnd && !back.isWhitespace(at: e) { e -= 1 }
                    if e > spanEnd || back.isWhitespace(at: e) { end = e }
                }
            }
            while start < end && front.isWhitespace(at: start) { start += 1 }
            while end > start && back.isWhitespace(at: end - 1) { end -= 1 }
            return (start, end, front.byteOffset(of: start), back.byteOffset(of: end), n)
        }
        // Copied as a slice of the string (no re-validation of the bytes); the cut may fall inside a
        // grapheme cluster, hence the scalar view.
        let utf8 = text.utf8
        let slice = text.unicodeScalars[
            utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)
        ]
        var snippetText = ""
        snippetText.reserveCapacity(to - from + 6)
        if start > 0 { snippetText.append("\u{2026}") }
        snippetText.append(contentsOf: Substring(slice))
        if end < n { snippetText.append("\u{2026}") }
        let prefix = start > 0 ? 1 : 0
        var highlights: [Snippet.Highlight] = []
        for match in matches where match.start >= start && match.end <= end {
            highlights.append(Snippet.Highlight(start: match.start - start + prefix, end: match.end - start + prefix))
        }
        return Snippet(text: snippetText, highlights: highlights)
    }
}
