/// All required children match (intersected smallest-first, leapfrogging), no excluded child
/// matches and the date range holds. Adds a proximity bonus for consecutive query syllables that
/// appear close together and in order.
final class ConjunctionScorer: DocScorer {
    /// Two consecutive query syllables whose closeness earns a bonus.
    ///
    /// Unowned-unsafe: both scorers are kept alive by `required`; this avoids reference counting
    /// on every scored document.
    struct ProximityPair {
        unowned(unsafe) let first: TermScorer
        unowned(unsafe) let second: TermScorer
    }

    private let required: ContiguousArray<any DocScorer>
    /// `required` and `excluded` for the per-document loops (kept alive by the arrays above).
    private let requiredLoop: ContiguousArray<UnretainedScorer>
    private let excludedLoop: ContiguousArray<UnretainedScorer>
    private let excluded: ContiguousArray<any DocScorer>
    private let dateFilter: DateRangeScorer?
    private let pairs: [ProximityPair]
    private let proximityWeight: Double
    private(set) var doc: UInt32 = 0
    /// When set, ``score()`` leaves the proximity bonus out; the caller adds it later for the hits
    /// that need it (see ``ProximityRefiner``).
    var defersProximity = false

    init(
        required: [any DocScorer],
        excluded: [any DocScorer],
        dateFilter: DateRangeScorer?,
        pairs: [ProximityPair],
        proximityWeight: Double
    ) {
        self.required = ContiguousArray(required.sorted { $0.cost < $1.cost })
        self.excluded = ContiguousArray(excluded)
        self.requiredLoop = ContiguousArray(self.required.map(UnretainedScorer.init))
        self.excludedLoop = ContiguousArray(self.excluded.map(UnretainedScorer.init))
        self.dateFilter = dateFilter
        self.pairs = pairs
        self.proximityWeight = proximityWeight
        self.doc = self.align(from: 0)
    }

    var cost: Int { self.required.first?.cost ?? 0 }

    private func align(from start: UInt32) -> UInt32 {
        self.requiredLoop.withUnsafeBufferPointer { required in
            self.excludedLoop.withUnsafeBufferPointer { excluded in
                var target = start
                outer: while true {
                    guard required.count > 0 else { return .max }
                    target = required[0].advance(to: target)
                    if target == .max { return .max }
                    var k = 1
                    while k < required.count {
                        let d = required[k].advance(to: target)
                        if d != target {
                            if d == .max { return .max }
                            target = d
                            continue outer
                        }
                        k += 1
                    }
                    if let dateFilter = self.dateFilter, !dateFilter.accepts(target) {
                        target += 1
                        continue
                    }
                    for e in 0..<excluded.count where excluded[e].advance(to: target) == target {
                        target += 1
                        continue outer
                    }
                    return target
                }
            }
        }
    }

    func next() -> UInt32 {
        if self.doc == .max { return .max }
        self.doc = self.align(from: self.doc + 1)
        return self.doc
    }

    func advance(to target: UInt32) -> UInt32 {
        if self.doc < target { self.doc = self.align(from: target) }
        return self.doc
    }

    var excludedCount: Int { self.excluded.count }
    var dateRange: DateRangeScorer? { self.dateFilter }
    var pairCount: Int { self.pairs.count }
    var requiredScorers: ContiguousArray<any DocScorer> { self.required }

    /// The proximity pairs as plain values, and the largest bonus they can add.
    var proximityPlan: ProximityRefiner.Plan {
        ProximityRefiner.Plan(
            pairs: self.pairs.map {
                ProximityRefiner.Pair(
                    firstID: ObjectIdentifier($0.first),
                    secondID: ObjectIdentifier($0.second),
                    firstTerms: $0.first.terms,
                    firstFields: $0.first.fieldBits,
                    secondTerms: $0.second.terms,
                    secondFields: $0.second.fieldBits,
                    weight: self.proximityWeight * min($0.first.idf, $0.second.idf)
                )
            }
        )
    }

    func score() -> Double {
        var total = 0.0
        self.requiredLoop.withUnsafeBufferPointer { required in
            for k in 0..<required.count { total += required[k].score() }
        }
        if self.defersProximity { return total }
        return self.addingProximityBonus(to: total)
    }

    /// `total` plus the proximity bonus on the current document, added pair by pair. From zero it
    /// is the bonus alone, as ``ProximityRefiner`` sums it.
    func addingProximityBonus(to total: Double) -> Double {
        var total = total
        for k in self.pairs.indices {
            let first = self.pairs[k].first
            let second = self.pairs[k].second
            let distance = first.withPositions { a in second.withPositions { b in Self.closestInOrder(a, b) } }
            if let distance, distance <= 3 {
                total += self.proximityWeight * min(first.idf, second.idf) / Double(distance)
            }
        }
        return total
    }

    /// The smallest `b - a > 0` with `a` in `left` and `b` in `right` (both ascending).
    static func closestInOrder(_ left: UnsafeBufferPointer<UInt32>, _ right: UnsafeBufferPointer<UInt32>) -> UInt32? {
        var best: UInt32? = nil
        var j = 0
        for a in left {
            while j < right.count && right[j] <= a { j += 1 }
            if j == right.count { break }
            let distance = right[j] - a
            if best.map({ distance < $0 }) ?? true { best = distance }
            if distance == 1 { return 1 }
        }
        return best
    }
}

/// Any child matches; the score is the sum of the matching children's scores.
final class DisjunctionScorer: DocScorer {
    /// Kept alive here; the loops go through `loop` (see ``UnretainedScorer``).
    private let children: [any DocScorer]
    private let loop: ContiguousArray<UnretainedScorer>
    private(set) var doc: UInt32 = 0
    let cost: Int

    init(_ children: [any DocScorer]) {
        self.children = children
        self.loop = ContiguousArray(children.map(UnretainedScorer.init))
        self.cost = children.reduce(0) { $0 + $1.cost }
        self.doc = children.reduce(UInt32.max) { min($0, $1.doc) }
    }

    func next() -> UInt32 {
        if self.doc == .max { return .max }
        let current = self.doc
        var smallest = UInt32.max
        for child in self.loop {
            let d = child.doc == current ? child.next() : child.doc
            smallest = min(smallest, d)
        }
        self.doc = smallest
        return smallest
    }

    func advance(to target: UInt32) -> UInt32 {
        if self.doc >= target { return self.doc }
        var smallest = UInt32.max
        for child in self.loop { smallest = min(smallest, child.advance(to: target)) }
        self.doc = smallest
        return smallest
    }

    func score() -> Double {
        var total = 0.0
        for child in self.loop where child.doc == self.doc { total += child.score() }
        return total
    }
}

/// Every document (the base of a query made only of filters).
final class AllDocsScorer: DocScorer {
    private let count: UInt32
    private(set) var doc: UInt32

    init(count: Int) {
        self.count = UInt32(count)
        self.doc = count > 0 ? 0 : .max
    }

    var cost: Int { Int(self.count) }

    func next() -> UInt32 {
        self.doc = self.doc == .max || self.doc + 1 >= self.count ? .max : self.doc + 1
        return self.doc
    }

    func advance(to target: UInt32) -> UInt32 {
        if self.doc < target { self.doc = target >= self.count ? .max : target }
        return self.doc
    }

    func score() -> Double { 0 }
}
