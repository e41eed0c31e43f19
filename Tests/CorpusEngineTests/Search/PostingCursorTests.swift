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

    @Test("jumps through skip blocks land where stepping one posting at a time does")
    func skipBlocksMatchStepping() {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 1_500, seed: 4))
        var generator = SplitMix64(seed: 8)
        var skippingTerms = 0
        for term in 0..<index.statistics.terms {
            let docs = index.docArena.pointer(at: index.docOffsets[term])
            let end = index.docArena.pointer(at: index.docOffsets[term + 1])
            let positions = index.positionArena.pointer(at: index.positionOffsets[term])
            guard !index.skipTable.entries(of: term).isEmpty else { continue }
            skippingTerms += 1
            for round in 0..<4 {
                // Without skip data, and with it (the index's own cursor).
                var stepped = PostingCursor(docs: docs, docEnd: end, positions: positions)
                var skipping = PostingCursor(index: index, term: term)
                let odd = round % 2 == 1
                var target: UInt32 = 0
                while true {
                    // Short and long jumps, within a block and across many.
                    target += UInt32(generator.next() % (round < 2 ? 20 : 600))
                    while stepped.doc < target || (odd && stepped.doc != .max && stepped.doc % 3 != 0) {
                        stepped.next()
                    }
                    if odd {
                        skipping.advance(to: target) { $0 % 3 == 0 }
                    } else {
                        skipping.advance(to: target)
                    }
                    #expect(skipping.doc == stepped.doc, "term \(term) target \(target)")
                    if stepped.doc == .max || skipping.doc != stepped.doc { break }
                    #expect(skipping.tf == stepped.tf)
                    var a: [UInt32] = []
                    var b: [UInt32] = []
                    skipping.appendPositions(to: &a)
                    stepped.appendPositions(to: &b)
                    #expect(a == b, "term \(term) doc \(stepped.doc)")
                    // Then a few plain steps, which the skip position must not confuse.
                    for _ in 0..<Int(generator.next() % 3) {
                        stepped.next()
                        skipping.next()
                    }
                    #expect(skipping.doc == stepped.doc)
                    if stepped.doc == .max { break }
                    target = stepped.doc
                }
            }
        }
        #expect(skippingTerms >= 20)
    }

    @Test("a title- or byline-only cursor visits exactly the postings matching in that field")
    func fieldCursorMatchesFilteredWalk() {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 600, seed: 9))
        var generator = SplitMix64(seed: 11)
        for field in [IndexField.title, .author] {
            var checkedTerms = 0
            for term in 0..<index.statistics.terms {
                var full = PostingCursor(index: index, term: term)
                var expected: [(doc: UInt32, tf: SIMD8<Float>, positions: [UInt32])] = []
                while full.doc != .max {
                    if full.fieldMask & field.bit != 0 {
                        var positions: [UInt32] = []
                        full.appendPositions(to: &positions)
                        expected.append((full.doc, full.tf, positions))
                    }
                    full.next()
                }
                if expected.isEmpty { continue }
                checkedTerms += 1
                // Stepping.
                var stepped = PostingCursor(index: index, term: term, fields: field.bit)
                for posting in expected {
                    #expect(stepped.doc == posting.doc)
                    #expect(stepped.tf == posting.tf)
                    var positions: [UInt32] = []
                    stepped.appendPositions(to: &positions)
                    #expect(positions == posting.positions)
                    stepped.next()
                }
                #expect(stepped.doc == .max)
                // Advancing to random targets.
                var skipping = PostingCursor(index: index, term: term, fields: field.bit)
                var target: UInt32 = 0
                while true {
                    target += UInt32(generator.next() % 40)
                    let want = expected.first { $0.doc >= target }
                    #expect(skipping.advance(to: target) == (want?.doc ?? .max))
                    guard let want else { break }
                    #expect(skipping.tf == want.tf)
                    target = want.doc + UInt32(generator.next() % 2)
                }
                // Draining: the field's weighted frequency, as the full walk computes it.
                var mask = SIMD8<Float>(repeating: 0)
                mask[field.rawValue] = 1
                var drained: [(UInt32, Float)] = []
                var cursor = PostingCursor(index: index, term: term, fields: field.bit)
                index.fieldNorms.withUnsafeBufferPointer { norms in
                    cursor.drain(fieldMask: mask, norms: norms) { drained.append(($0, $1)) }
                }
                #expect(drained.map(\.0) == expected.map(\.doc))
                let weights = expected.map { ($0.tf * mask * index.fieldNorms[Int($0.doc)]).sum() }
                #expect(drained.map(\.1) == weights)
            }
            #expect(checkedTerms > 20, "the fixture should have \(field) terms")
        }
    }
}
