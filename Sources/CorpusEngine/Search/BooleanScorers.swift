/// All required children match (intersected smallest-first, leapfrogging), no excluded child
/// matches and the date range holds. Adds a proximity bonus for consecutive query syllables that
/// appear close together and in order.
final class ConjunctionScorer: DocScorer {
    /// Two consecutive query syllables whose closeness earns a bonus.
    struct ProximityPair {
        var first: TermScorer
        var second: TermScorer
    }

    private let required: [any DocScorer]
    private let excluded: [any DocScorer]
    private let dateFilter: DateRangeScorer?
    private let pairs: [ProximityPair]
    private let proximityWeight: Double
    private(set) var doc: UInt32 = 0
    private var left: [UInt32] = []
    private var right: [UInt32] = []

    init(
        required: [any DocScorer],
        excluded: [any DocScorer],
        dateFilter: DateRangeScorer?,
        pairs: [ProximityPair],
        proximityWeight: Double
    ) {
        self.required = required.sorted { $0.cost < $1.cost }
        self.excluded = excluded
        self.dateFilter = dateFilter
        self.pairs = pairs
        self.proximityWeight = proximityWeight
        self.doc = self.align(from: 0)
    }

    var cost: Int { self.required.first?.cost ?? 0 }

    private func align(from start: UInt32) -> UInt32 {
        var target = start
        outer: while true {
            guard let lead = self.required.first else { return .max }
            target = lead.advance(to: target)
            if target == .max { return .max }
            for scorer in self.required.dropFirst() {
                let d = scorer.advance(to: target)
                if d != target {
                    if d == .max { return .max }
                    target = d
                    continue outer
                }
            }
            if let dateFilter = self.dateFilter, !dateFilter.accepts(target) {
                target += 1
                continue
            }
            for scorer in self.excluded where scorer.advance(to: target) == target {
                target += 1
                continue outer
            }
            return target
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

    func score() -> Double {
        var total = 0.0
        for scorer in self.required { total += scorer.score() }
        for pair in self.pairs {
            pair.first.positions(into: &self.left)
            pair.second.positions(into: &self.right)
            if let distance = Self.closestInOrder(self.left, self.right), distance <= 3 {
                total += self.proximityWeight * min(pair.first.idf, pair.second.idf) / Double(distance)
            }
        }
        return total
    }

    /// The smallest `b - a > 0` with `a` in `left` and `b` in `right` (both ascending).
    static func closestInOrder(_ left: [UInt32], _ right: [UInt32]) -> UInt32? {
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
    private let children: [any DocScorer]
    private(set) var doc: UInt32 = 0
    let cost: Int

    init(_ children: [any DocScorer]) {
        self.children = children
        self.cost = children.reduce(0) { $0 + $1.cost }
        self.doc = children.reduce(UInt32.max) { min($0, $1.doc) }
    }

    func next() -> UInt32 {
        if self.doc == .max { return .max }
        let current = self.doc
        var smallest = UInt32.max
        for child in self.children {
            let d = child.doc == current ? child.next() : child.doc
            smallest = min(smallest, d)
        }
        self.doc = smallest
        return smallest
    }

    func advance(to target: UInt32) -> UInt32 {
        if self.doc >= target { return self.doc }
        var smallest = UInt32.max
        for child in self.children { smallest = min(smallest, child.advance(to: target)) }
        self.doc = smallest
        return smallest
    }

    func score() -> Double {
        var total = 0.0
        for child in self.children where child.doc == self.doc { total += child.score() }
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
