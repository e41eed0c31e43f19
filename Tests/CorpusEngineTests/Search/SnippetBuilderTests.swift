import Foundation
import Testing

@testable import CorpusEngine

@Suite("Snippets: the fast path matches tokenizing every unit")
struct SnippetBuilderTests {
    /// Tricky spellings: case, NFD-able letters, codes, joiners, quotes, invisible and exotic spaces.
    static let words = [
        "đồng", "Đồng", "ĐỒNG", "ĐồNg", "nước", "Nước", "nƯớC", "thơ", "Thơ", "thỜ", "thực", "hiện", "người",
        "dân", "ở", "các", "xã", "Xã", "hội", "nông", "Đảng", "đang", "đảng", "dạng", "ĐẢNG", "a", "à", "A", "ồ",
        "nuoc", "dang", "thuc", "hien", "H'Mông", "35-CT/TW", "2019", "1.000", "3,5", "COVID-19", "Bà", "Rịa-Vũng",
        "đồng-nước", "nước/đồng", "“đồng”", "(nước)", "đồng,", "nước.", "thơ;", "người\u{A0}dân", "thực\u{AD}hiện",
        "đồng\u{200D}nước", "e\u{301}", "\u{301}đồng", "nước’s", "Thơ—ca", "x\u{2028}y", "tab\tđồng", "😀", "đồng…",
        "\r\nnước", "ĐỒNG\u{3000}thơ", "", "xđồngy", "đồngđồng", "nướcnước", "2019-2020", "Xãxã",
    ]

    static let queries = [
        "đồng", "nước", "thơ", "Đảng", "đang", "thực hiện", "người dân", "\"ở các xã\"", "\"hội nông dân\"", "nuoc",
        "thuc hien", "dang", "a", "title:đồng", "đồng OR nước -thơ", "35-CT/TW", "2019", "H'Mông", "Nước ĐỒNG thơ",
        "e", "ca", "after:1970-01-01",
    ]

    static func documents(seed: UInt64) -> [IndexDocument] {
        var generator = SplitMix64(seed: seed)
        func pick(_ n: Int) -> String {
            (0..<n).map { _ in Self.words[Int(generator.next() % UInt64(Self.words.count))] }.joined(separator: " ")
        }
        func length() -> Int { [0, 1, 3, 12, 40, 90, 250][Int(generator.next() % 7)] }
        return (0..<60).map { k in
            var document = IndexDocument(
                id: "d\(1000 + k)",
                title: pick(1 + Int(generator.next() % 8)),
                lead: pick(length()),
                paragraphs: (0..<Int(generator.next() % 6)).map { _ in pick(length()) }
            )
            if k % 7 == 0 {
                // Long stretches without spaces.
                document.paragraphs.append(pick(length()).replacingOccurrences(of: " ", with: ""))
            }
            if k % 3 == 0 {
                document.title = document.title.decomposedStringWithCanonicalMapping
                document.lead = document.lead.decomposedStringWithCanonicalMapping
                document.paragraphs = document.paragraphs.map(\.decomposedStringWithCanonicalMapping)
            }
            return document
        }
    }

    @Test("matches and snippets equal those of the full tokenization", arguments: [1, 2, 3] as [UInt64])
    func sameAsReference(seed: UInt64) throws {
        let index = SearchIndex(synchronouslyIndexing: Self.documents(seed: seed))
        var checkedUnits = 0
        for query in Self.queries {
            for length in [200, 40] {
                let results = try index.search(query, options: SearchOptions(snippetLength: length))
                var matcher = HighlightMatcher(index: index, terms: results.highlightTerms)
                let reference = ReferenceSnippets(index: index, terms: results.highlightTerms)
                // The scan without vectors, byte by byte.
                let bytewise = HighlightSurfaces(index: index, terms: results.highlightTerms, maximumVectors: 0)
                var scanner = TokenScanner(bytes: UnsafeBufferPointer(start: nil, count: 0), wantsForms: false)
                defer { scanner.deallocate() }
                for hit in results {
                    let document = try #require(index.documents.first { $0.id == hit.articleID })
                    for unit in [document.title, document.lead] + document.paragraphs {
                        var fast: [[Int]] = []
                        matcher.matches(in: unit, scanner: &scanner) {
                            fast.append([$0.lowerBound, $0.upperBound, $1])
                        }
                        var unit = unit
                        var fastBytewise: [[Int]] = []
                        unit.withUTF8 { bytes in
                            bytewise.forEachMatch(in: bytes, scanner: &scanner) {
                                fastBytewise.append([$0.lowerBound, $0.upperBound, $1])
                            }
                        }
                        let slow = reference.matches(in: unit).map { [$0.start, $0.end, $0.term] }
                        #expect(fast == slow, "\(query) \(hit.articleID)")
                        #expect(fastBytewise == slow, "\(query) \(hit.articleID)")
                        checkedUnits += 1
                    }
                    let expected = reference.make(for: document, length: results.snippetLength)
                    #expect(hit.snippet == expected, "\(query) \(hit.articleID) \(length)")
                }
            }
        }
        #expect(checkedUnits > 1_000)
    }
}

/// The snippet algorithm as it was before the fast path: every unit tokenized whole, each token looked
/// up in the surface table, the window cut from an array of all scalars.
///
/// A token is looked up in the index's surface table; the fast path relies on every token of indexed
/// text being there, which this checks.
struct ReferenceSnippets {
    let index: SearchIndex
    let terms: Set<UInt32>

    func matches(in text: String) -> [SnippetBuilder.Match] {
        var result: [SnippetBuilder.Match] = []
        let tokens = VietnameseTokenizer().tokens(in: text)
        var text = text
        text.withUTF8 { buffer in
            for token in tokens {
                guard let id = self.index.surfaces.find(UnsafeBufferPointer(rebasing: buffer[token.utf8Range])) else {
                    Issue.record("a token of indexed text is not in the surface table")
                    continue
                }
                let term = self.index.surfaceTerm[id]
                if self.terms.contains(term) {
                    result.append(
                        .init(
                            start: token.scalarRange.lowerBound,
                            end: token.scalarRange.upperBound,
                            term: Int(term),
                            word: Int(self.index.foldedOfTerm[Int(term)])
                        )
                    )
                }
            }
        }
        return result
    }

    func make(for document: IndexDocument, length: Int) -> Snippet {
        var best: (unit: String, matches: [SnippetBuilder.Match], first: Int, last: Int, rank: Int)? = nil
        for unit in [document.lead] + document.paragraphs {
            let matches = self.matches(in: unit)
            if matches.isEmpty { continue }
            var j = 0
            var seen: [Int] = []
            for i in matches.indices {
                if j < i { j = i }
                while j + 1 < matches.count && matches[j + 1].end - matches[i].start <= length { j += 1 }
                seen.removeAll(keepingCapacity: true)
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
            return self.window(best.unit, matches: best.matches, first: best.first, last: best.last, length: length)
        }
        let titleMatches = self.matches(in: document.title)
        if !titleMatches.isEmpty {
            return self.window(
                document.title,
                matches: titleMatches,
                first: 0,
                last: titleMatches.count - 1,
                length: length
            )
        }
        let fallback = document.lead.isEmpty ? (document.paragraphs.first ?? document.title) : document.lead
        return self.window(fallback, matches: [], first: 0, last: -1, length: length)
    }

    func window(_ text: String, matches: [SnippetBuilder.Match], first: Int, last: Int, length: Int) -> Snippet {
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
