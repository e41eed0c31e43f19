import Testing

@testable import CorpusEngine

@Suite("Posting cursor")
struct PostingCursorTests {
    @Test("advancing over postings lands where stepping one at a time does")
    func advanceMatchesNext() {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 600, seed: 5))
        var generator = SplitMix64(seed: 3)
        for term in [0, 1, 2, 7, index.statistics.terms / 2, index.statistics.terms - 1] {
            var stepped = PostingCursor(index: index, term: term)
            var skipping = PostingCursor(index: index, term: term)
            var target: UInt32 = 0
            while true {
                target += UInt32(generator.next() % 40)
                while stepped.doc < target { stepped.next() }
                skipping.advance(to: target)
                #expect(skipping.doc == stepped.doc, "term \(term) target \(target)")
                if stepped.doc == .max { break }
                #expect(skipping.tf == stepped.tf)
                #expect(skipping.fieldMask == stepped.fieldMask)
                var a: [UInt32] = []
                var b: [UInt32] = []
                skipping.appendPositions(to: &a)
                stepped.appendPositions(to: &b)
                #expect(a == b)
                target = stepped.doc + UInt32(generator.next() % 2)
            }
        }
    }
}
