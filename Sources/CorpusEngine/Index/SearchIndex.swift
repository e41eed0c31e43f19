import Dispatch

/// An immutable inverted index over a corpus, with positions, in two term spaces.
///
/// - The *normalized* space has one posting list per syllable as written (`đảng`, `đang`).
/// - The *folded* space maps each diacritic-free key (`dang`) to the normalized syllables that fold
///   to it, so an unaccented query word is the union of those lists.
///
/// Postings live in two contiguous byte arenas (document stream and position stream), delta and
/// varint coded, addressed by integer term ids; there is no `String` per posting. Build it once,
/// after loading, with ``init(documents:entities:configuration:)`` (both cores are used) and share it:
/// it is `Sendable` and never mutated.
public final class SearchIndex: Sendable {
    /// Ranking parameters, fixed when the index is built (the per-document field norms depend on
    /// them).
    public struct Configuration: Sendable, Hashable {
        /// BM25 term-frequency saturation.
        public var k1: Double
        /// BM25 length normalization, 0...1.
        public var b: Double
        /// Weight of a match in the title.
        public var titleBoost: Double
        /// Weight of a match in the lead, headings or captions.
        public var leadBoost: Double
        /// Weight of a match in the body.
        public var bodyBoost: Double
        /// Bonus for two query syllables in order at distance `d` (`weight * idf / d`, d ≤ 3).
        public var proximityWeight: Double

        /// k1 1.2, b 0.75, title 2.5, lead/headings/captions 1.5, body 1, proximity 1.
        public static var defaults: Configuration {
            Configuration(k1: 1.2, b: 0.75, titleBoost: 2.5, leadBoost: 1.5, bodyBoost: 1, proximityWeight: 1)
        }

        /// Creates a configuration.
        public init(
            k1: Double,
            b: Double,
            titleBoost: Double,
            leadBoost: Double,
            bodyBoost: Double,
            proximityWeight: Double
        ) {
            self.k1 = k1
            self.b = b
            self.titleBoost = titleBoost
            self.leadBoost = leadBoost
            self.bodyBoost = bodyBoost
            self.proximityWeight = proximityWeight
        }

        var boosts: SIMD8<Float> {
            SIMD8(
                Float(self.titleBoost),
                Float(self.leadBoost),
                Float(self.leadBoost),
                Float(self.leadBoost),
                Float(self.bodyBoost),
                1,
                0,
                0
            )
        }
    }

    /// Size figures of a built index.
    public struct Statistics: Sendable, Hashable {
        /// Indexed articles.
        public var documents: Int
        /// Distinct normalized syllables.
        public var terms: Int
        /// Distinct folded syllables.
        public var foldedTerms: Int
        /// Indexed tokens (positions).
        public var tokens: Int
        /// UTF-8 bytes of indexed text.
        public var textBytes: Int
        /// Bytes the index itself occupies (postings, dictionaries, per-document tables), not
        /// counting the article text it shares with the corpus.
        public var memoryBytes: Int
    }

    let configuration: Configuration
    let documents: [IndexDocument]
    let terms: ByteTermTable
    /// Start offsets of each term's postings; entry `count` is the end.
    let docOffsets: [Int]
    let positionOffsets: [Int]
    let documentFrequency: [UInt32]
    let docArena: ByteArena
    let positionArena: ByteArena
    /// Raw token surfaces seen at build time → normalized term, for cheap highlighting.
    let surfaces: ByteTermTable
    let surfaceTerm: [UInt32]
    /// CSR lists: normalized term id → ids of the surfaces that normalize to it.
    let termSurfaceStart: [UInt32]
    let termSurfaces: [UInt32]
    /// Byte value → its count in a sample of the text (see ``ByteFrequencies``).
    let byteFrequencies: [UInt32]
    let foldedTerms: ByteTermTable
    /// CSR lists: folded id → normalized term ids.
    let foldedGroupStart: [UInt32]
    let foldedGroupTerms: [UInt32]
    /// Normalized term id → its folded id.
    let foldedOfTerm: [UInt32]
    /// Per document: boost / (1 - b + b * len / avgLen) for each field.
    let fieldNorms: [SIMD8<Float>]
    let fieldStarts: [SIMD8<UInt32>]
    /// Per document publication time (seconds since 1970), `Int64.min` when unknown.
    let publishedAt: [Int64]
    let entities: EntityFilterIndex
    /// The documents of each term that match in the title, and in the byline (for `title:` and
    /// `author:` clauses).
    let titlePostings: FieldPostings
    let authorPostings: FieldPostings
    /// Skip data of the common terms' postings.
    let skipTable: SkipTable
    /// The documents of each very common term, as bitmaps.
    let termBitmaps: TermBitmaps

    /// Sizes of this index.
    public let statistics: Statistics

    /// The number of indexed articles.
    public var documentCount: Int { self.documents.count }

    /// Builds the index, splitting the documents into chunks indexed in parallel and merged.
    ///
    /// - Parameters:
    ///   - documents: The articles, in any order (they are ordered by id internally, which is the
    ///     tie-break order of equal scores).
    ///   - entities: Entities and the articles that mention them, for `entity:` and `kind:`.
    ///   - configuration: Ranking parameters.
    public convenience init(
        documents: [IndexDocument],
        entities: [IndexEntity] = [],
        configuration: Configuration = .defaults
    ) async {
        let sorted = documents.sorted { $0.id < $1.id }
        let chunkCount = sorted.count < 2_000 ? 1 : max(8, sorted.count / 4_000)
        let chunkSize = (sorted.count + chunkCount - 1) / max(chunkCount, 1)
        let chunks = await withTaskGroup(of: (Int, IndexChunk).self) { group in
            var started = 0
            var next = 0
            var results = [IndexChunk?](repeating: nil, count: chunkCount)
            // At most two chunks in flight: this machine has two cores, and it bounds peak memory.
            func start(_ k: Int) {
                let lower = min(k * chunkSize, sorted.count)
                let upper = min(lower + chunkSize, sorted.count)
                group.addTask { (k, IndexChunk.build(sorted[lower..<upper], firstDocNumber: lower)) }
            }
            while started < min(2, chunkCount) {
                start(started)
                started += 1
            }
            while let (k, chunk) = await group.next() {
                results[k] = chunk
                next += 1
                if started < chunkCount {
                    start(started)
                    started += 1
                }
            }
            return results.map { $0 ?? IndexChunk() }
        }
        self.init(sorted: sorted, chunks: chunks, entities: entities, configuration: configuration)
    }

    /// Builds the index on the calling thread (for small corpora and tests).
    public convenience init(
        synchronouslyIndexing documents: [IndexDocument],
        entities: [IndexEntity] = [],
        configuration: Configuration = .defaults
    ) {
        let sorted = documents.sorted { $0.id < $1.id }
        let chunk = IndexChunk.build(sorted[...], firstDocNumber: 0)
        self.init(sorted: sorted, chunks: [chunk], entities: entities, configuration: configuration)
    }

    private init(sorted: [IndexDocument], chunks: [IndexChunk], entities: [IndexEntity], configuration: Configuration) {
        let merged = IndexMerger.merge(chunks)
        self.configuration = configuration
        self.documents = sorted
        self.terms = merged.terms
        self.docOffsets = merged.docOffsets
        self.positionOffsets = merged.positionOffsets
        self.documentFrequency = merged.documentFrequency
        self.docArena = merged.docArena
        self.positionArena = merged.positionArena
        self.surfaces = merged.surfaces
        self.surfaceTerm = merged.surfaceTerm
        let surfaceGroups = IndexMerger.surfaceGroups(of: merged.surfaceTerm, termCount: merged.terms.count)
        self.termSurfaceStart = surfaceGroups.start
        self.termSurfaces = surfaceGroups.surfaces
        self.byteFrequencies = ByteFrequencies.sample(sorted)
        let folded = IndexMerger.foldedGroups(of: merged.terms)
        self.foldedTerms = folded.table
        self.foldedGroupStart = folded.start
        self.foldedGroupTerms = folded.terms
        self.foldedOfTerm = folded.foldedOf
        self.fieldStarts = chunks.flatMap(\.fieldStarts)
        let lengths = chunks.flatMap(\.fieldLengths)
        self.fieldNorms = Self.makeFieldNorms(lengths, configuration: configuration)
        self.publishedAt = sorted.map { $0.publishedAt ?? Int64.min }
        var positionOf: [String: UInt32] = [:]
        positionOf.reserveCapacity(sorted.count)
        for (k, document) in sorted.enumerated() { positionOf[document.id] = UInt32(k) }
        // The entity filter (every name normalized) and the posting tables are independent, and
        // this part of the build is otherwise on one core: they are built at the same time.
        let norms = self.fieldNorms
        let documentNumbers = positionOf
        let (filter, tables) = Self.both {
            EntityFilterIndex(entities: entities, documentNumbers: documentNumbers)
        } and: {
            let (title, author, skips) = Self.makePostingTables(merged, norms: norms)
            let bitmaps = TermBitmaps(
                docArena: merged.docArena,
                docOffsets: merged.docOffsets,
                documentFrequency: merged.documentFrequency,
                documents: sorted.count
            )
            return (title, author, skips, bitmaps)
        }
        self.entities = filter
        (self.titlePostings, self.authorPostings, self.skipTable, self.termBitmaps) = tables
        let memory =
            merged.docArena.count + merged.positionArena.count + merged.terms.memoryFootprint
            + folded.table.memoryFootprint + merged.surfaces.memoryFootprint + merged.surfaceTerm.count * 4
            + (surfaceGroups.start.count + surfaceGroups.surfaces.count + 256) * 4
            + (folded.start.count + folded.terms.count + folded.foldedOf.count) * 4
            + (merged.docOffsets.count + merged.positionOffsets.count) * 8 + merged.documentFrequency.count * 4
            + sorted.count * (32 + 32 + 8 + 8) + self.entities.memoryFootprint
            + self.titlePostings.memoryFootprint + self.authorPostings.memoryFootprint
            + self.skipTable.memoryFootprint + self.termBitmaps.memoryFootprint
        self.statistics = Statistics(
            documents: sorted.count,
            terms: merged.terms.count,
            foldedTerms: folded.table.count,
            tokens: chunks.reduce(0) { $0 + $1.tokenCount },
            textBytes: chunks.reduce(0) { $0 + $1.byteCount },
            memoryBytes: memory
        )
    }

    /// The small-field tables of ``fieldPostings(for:)`` and the skip table.
    private static func makePostingTables(
        _ merged: IndexMerger.Merged,
        norms: [SIMD8<Float>]
    ) -> (FieldPostings, FieldPostings, SkipTable) {
        let tables = FieldPostings.build(
            fields: [.title, .author],
            docArena: merged.docArena,
            docOffsets: merged.docOffsets,
            positionArena: merged.positionArena,
            positionOffsets: merged.positionOffsets
        )
        let skips = SkipTable(
            docArena: merged.docArena,
            docOffsets: merged.docOffsets,
            documentFrequency: merged.documentFrequency,
            norms: norms
        )
        return (tables[0], tables[1], skips)
    }

    /// Runs `first` and `second` on two threads at once (the calling one and a worker) and
    /// returns both results.
    private static func both<A, B>(_ first: @Sendable () -> A, and second: @Sendable () -> B) -> (A, B) {
        let slots = ResultPair<A, B>()
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    if k == 0 { slots.first = first() } else { slots.second = second() }
                }
            }
        }
        return (slots.first!, slots.second!)
    }

    /// The table that restricts postings to `fields`, when `fields` is exactly the title or the
    /// byline.
    func fieldPostings(for fields: UInt8) -> FieldPostings? {
        switch fields {
        case IndexField.title.bit: self.titlePostings
        case IndexField.author.bit: self.authorPostings
        default: nil
        }
    }

    private static func makeFieldNorms(_ lengths: [SIMD8<UInt32>], configuration: Configuration) -> [SIMD8<Float>] {
        guard !lengths.isEmpty else { return [] }
        var total = SIMD8<Float>(repeating: 0)
        for length in lengths { total += SIMD8<Float>(length) }
        var average = total / Float(lengths.count)
        average.replace(with: 1, where: average .< 1)
        let b = Float(configuration.b)
        let boosts = configuration.boosts
        return lengths.map { length in
            boosts / ((1 - b) + b * SIMD8<Float>(length) / average)
        }
    }
}

/// The two results of ``SearchIndex`` building two parts at once; each is written by one thread
/// and read after both have finished (`@unchecked Sendable` for that).
private final class ResultPair<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}
