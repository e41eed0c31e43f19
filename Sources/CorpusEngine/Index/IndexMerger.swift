/// Merges per-chunk partial indexes (chunks cover consecutive document ranges) into one.
enum IndexMerger {
    struct Merged {
        var terms: ByteTermTable
        var docOffsets: [Int]
        var positionOffsets: [Int]
        var documentFrequency: [UInt32]
        var docArena: ByteArena
        var positionArena: ByteArena
        var surfaces: ByteTermTable
        var surfaceTerm: [UInt32]
    }

    static func merge(_ chunks: [IndexChunk]) -> Merged {
        var terms = ByteTermTable(capacity: chunks.first?.terms.count ?? 1024)
        // localToGlobal[c][local] = global term id.
        var localToGlobal: [[UInt32]] = []
        for chunk in chunks {
            var map = [UInt32](repeating: 0, count: chunk.terms.count)
            for local in 0..<chunk.terms.count {
                map[local] = UInt32(chunk.terms.withKey(local) { terms.insert($0).id })
            }
            localToGlobal.append(map)
        }
        let termCount = terms.count
        var surfaces = ByteTermTable(capacity: chunks.first?.surfaces.count ?? 1024)
        var surfaceTerm: [UInt32] = []
        for (c, chunk) in chunks.enumerated() {
            for local in 0..<chunk.surfaces.count {
                let (_, inserted) = chunk.surfaces.withKey(local) { surfaces.insert($0) }
                if inserted { surfaceTerm.append(localToGlobal[c][Int(chunk.surfaceTerm[local])]) }
            }
        }
        // Per global term: (chunk, local) in chunk order, as CSR.
        var segmentCount = [Int](repeating: 0, count: termCount + 1)
        for map in localToGlobal { for g in map { segmentCount[Int(g) + 1] += 1 } }
        for t in 0..<termCount { segmentCount[t + 1] += segmentCount[t] }
        var fill = segmentCount
        var segments = [(chunk: Int32, local: UInt32)](repeating: (0, 0), count: segmentCount[termCount])
        for (c, map) in localToGlobal.enumerated() {
            for (local, g) in map.enumerated() {
                segments[fill[Int(g)]] = (Int32(c), UInt32(local))
                fill[Int(g)] += 1
            }
        }
        // Sizes: the first doc delta of every segment after the first is re-based on the previous
        // segment's last document.
        var docOffsets = [Int](repeating: 0, count: termCount + 1)
        var positionOffsets = [Int](repeating: 0, count: termCount + 1)
        var documentFrequency = [UInt32](repeating: 0, count: termCount)
        for t in 0..<termCount {
            var docBytes = 0
            var positionBytes = 0
            var previousLast: UInt32? = nil
            for s in segmentCount[t]..<segmentCount[t + 1] {
                let chunk = chunks[Int(segments[s].chunk)]
                let local = Int(segments[s].local)
                docBytes += chunk.docOffsets[local + 1] - chunk.docOffsets[local]
                if let previousLast {
                    let first = chunk.firstDoc[local]
                    docBytes += VarInt.length(first - previousLast) - VarInt.length(first)
                }
                positionBytes += chunk.positionOffsets[local + 1] - chunk.positionOffsets[local]
                documentFrequency[t] += chunk.documentFrequency[local]
                previousLast = chunk.lastDoc[local]
            }
            docOffsets[t + 1] = docOffsets[t] + docBytes
            positionOffsets[t + 1] = positionOffsets[t] + positionBytes
        }
        let docArena = ByteArena(uninitializedCount: docOffsets[termCount]) { out in
            var scratch: [UInt8] = []
            for t in 0..<termCount {
                var at = docOffsets[t]
                var previousLast: UInt32? = nil
                for s in segmentCount[t]..<segmentCount[t + 1] {
                    let chunk = chunks[Int(segments[s].chunk)]
                    let local = Int(segments[s].local)
                    var skip = 0
                    if let previousLast {
                        let first = chunk.firstDoc[local]
                        skip = VarInt.length(first)
                        scratch.removeAll(keepingCapacity: true)
                        VarInt.append(first - previousLast, to: &scratch)
                        for byte in scratch {
                            out[at] = byte
                            at += 1
                        }
                    }
                    let from = chunk.docOffsets[local] + skip
                    let count = chunk.docOffsets[local + 1] - from
                    if count > 0 { (out.baseAddress! + at).update(from: chunk.docBytes.base + from, count: count) }
                    at += max(count, 0)
                    previousLast = chunk.lastDoc[local]
                }
            }
        }
        let positionArena = ByteArena(uninitializedCount: positionOffsets[termCount]) { out in
            for t in 0..<termCount {
                var at = positionOffsets[t]
                for s in segmentCount[t]..<segmentCount[t + 1] {
                    let chunk = chunks[Int(segments[s].chunk)]
                    let local = Int(segments[s].local)
                    let from = chunk.positionOffsets[local]
                    let count = chunk.positionOffsets[local + 1] - from
                    if count > 0 { (out.baseAddress! + at).update(from: chunk.positionBytes.base + from, count: count) }
                    at += count
                }
            }
        }
        return Merged(
            terms: terms,
            docOffsets: docOffsets,
            positionOffsets: positionOffsets,
            documentFrequency: documentFrequency,
            docArena: docArena,
            positionArena: positionArena,
            surfaces: surfaces,
            surfaceTerm: surfaceTerm
        )
    }

    /// Groups the surfaces by the normalized term they stand for (the inverse of `surfaceTerm`), so
    /// that highlighting can list the raw spellings of a query's terms.
    static func surfaceGroups(of surfaceTerm: [UInt32], termCount: Int) -> (start: [UInt32], surfaces: [UInt32]) {
        var start = [UInt32](repeating: 0, count: termCount + 1)
        for t in surfaceTerm { start[Int(t) + 1] += 1 }
        for t in 0..<termCount { start[t + 1] += start[t] }
        var fill = start
        var grouped = [UInt32](repeating: 0, count: surfaceTerm.count)
        for (surface, t) in surfaceTerm.enumerated() {
            grouped[Int(fill[Int(t)])] = UInt32(surface)
            fill[Int(t)] += 1
        }
        return (start, grouped)
    }

    /// Groups the normalized terms by their folded form.
    static func foldedGroups(
        of terms: ByteTermTable
    ) -> (table: ByteTermTable, start: [UInt32], terms: [UInt32], foldedOf: [UInt32]) {
        var table = ByteTermTable(capacity: terms.count)
        var foldedOf = [UInt32](repeating: 0, count: terms.count)
        for t in 0..<terms.count {
            let folded = VietnameseText.fold(terms.string(t))
            foldedOf[t] = UInt32(table.insert(folded).id)
        }
        var start = [UInt32](repeating: 0, count: table.count + 1)
        for f in foldedOf { start[Int(f) + 1] += 1 }
        for k in 0..<table.count { start[k + 1] += start[k] }
        var fill = start
        var grouped = [UInt32](repeating: 0, count: terms.count)
        for (t, f) in foldedOf.enumerated() {
            grouped[Int(fill[Int(f)])] = UInt32(t)
            fill[Int(f)] += 1
        }
        return (table, start, grouped, foldedOf)
    }
}
