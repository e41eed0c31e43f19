import Foundation

/// A node of the compiled query: iterates matching documents in increasing order and scores the
/// current one. `doc` is `UInt32.max` once exhausted. A new scorer is positioned on its first match.
protocol DocScorer: AnyObject {
    var doc: UInt32 { get }
    /// An upper bound of the number of matches, to order intersections smallest-first.
    var cost: Int { get }
    @discardableResult func next() -> UInt32
    /// Moves to the first match at or after `target` (no-op if already there).
    @discardableResult func advance(to target: UInt32) -> UInt32
    func score() -> Double
}

/// A child scorer called without reference counting, for the per-document loops of a parent
/// that keeps its children alive in a strong array.
///
/// A method call on a class existential read from memory retains and releases the object around
/// the call (for a conjunction of words typed without diacritics that was two fifths of the
/// time). Terms, phrases and conjunctions, the usual children, are called through `Unmanaged`
/// instead.
enum UnretainedScorer {
    case term(Unmanaged<TermScorer>)
    case phrase(Unmanaged<PhraseScorer>)
    case conjunction(Unmanaged<ConjunctionScorer>)
    case other(any DocScorer)

    init(_ scorer: any DocScorer) {
        if let term = scorer as? TermScorer {
            self = .term(Unmanaged.passUnretained(term))
        } else if let phrase = scorer as? PhraseScorer {
            self = .phrase(Unmanaged.passUnretained(phrase))
        } else if let conjunction = scorer as? ConjunctionScorer {
            self = .conjunction(Unmanaged.passUnretained(conjunction))
        } else {
            self = .other(scorer)
        }
    }

    var doc: UInt32 {
        @inline(__always) get {
            switch self {
            case .term(let scorer): scorer._withUnsafeGuaranteedRef { $0.doc }
            case .phrase(let scorer): scorer._withUnsafeGuaranteedRef { $0.doc }
            case .conjunction(let scorer): scorer._withUnsafeGuaranteedRef { $0.doc }
            case .other(let scorer): scorer.doc
            }
        }
    }

    @inline(__always)
    func next() -> UInt32 {
        switch self {
        case .term(let scorer): scorer._withUnsafeGuaranteedRef { $0.next() }
        case .phrase(let scorer): scorer._withUnsafeGuaranteedRef { $0.next() }
        case .conjunction(let scorer): scorer._withUnsafeGuaranteedRef { $0.next() }
        case .other(let scorer): scorer.next()
        }
    }

    @inline(__always)
    func advance(to target: UInt32) -> UInt32 {
        switch self {
        case .term(let scorer): scorer._withUnsafeGuaranteedRef { $0.advance(to: target) }
        case .phrase(let scorer): scorer._withUnsafeGuaranteedRef { $0.advance(to: target) }
        case .conjunction(let scorer): scorer._withUnsafeGuaranteedRef { $0.advance(to: target) }
        case .other(let scorer): scorer.advance(to: target)
        }
    }

    @inline(__always)
    func score() -> Double {
        switch self {
        case .term(let scorer): scorer._withUnsafeGuaranteedRef { $0.score() }
        case .phrase(let scorer): scorer._withUnsafeGuaranteedRef { $0.score() }
        case .conjunction(let scorer): scorer._withUnsafeGuaranteedRef { $0.score() }
        case .other(let scorer): scorer.score()
        }
    }
}

/// BM25 with per-field weights (BM25F): the field-weighted, length-normalized frequency is
/// saturated once, so a match in the title counts more than one in the body without double
/// counting idf.
enum BM25 {
    static func idf(documentFrequency df: Int, documents n: Int) -> Double {
        let df = Double(min(df, n))
        return Foundation.log(1 + (Double(n) - df + 0.5) / (df + 0.5))
    }

    @inline(__always)
    static func score(weightedFrequency w: Float, idf: Double, k1: Double) -> Double {
        let w = Double(w)
        return w <= 0 ? 0 : idf * w * (k1 + 1) / (w + k1)
    }
}

/// Matches nothing (a term absent from the corpus).
final class EmptyScorer: DocScorer {
    var doc: UInt32 { .max }
    var cost: Int { 0 }
    func next() -> UInt32 { .max }
    func advance(to target: UInt32) -> UInt32 { .max }
    func score() -> Double { 0 }
}

/// A fixed sorted list of documents, score 0 (entity and kind filters).
final class DocListScorer: DocScorer {
    private let docs: [UInt32]
    private var at = 0
    private(set) var doc: UInt32

    init(_ docs: [UInt32]) {
        self.docs = docs
        self.doc = docs.first ?? .max
    }

    var cost: Int { self.docs.count }

    func next() -> UInt32 {
        self.at += 1
        self.doc = self.at < self.docs.count ? self.docs[self.at] : .max
        return self.doc
    }

    func advance(to target: UInt32) -> UInt32 {
        if self.doc >= target { return self.doc }
        // Galloping search.
        var step = 1
        var low = self.at
        var high = self.at + 1
        while high < self.docs.count, self.docs[high] < target {
            low = high
            step *= 2
            high = self.at + step
        }
        high = min(high, self.docs.count)
        while low < high {
            let mid = (low + high) / 2
            if self.docs[mid] < target { low = mid + 1 } else { high = mid }
        }
        self.at = low
        self.doc = low < self.docs.count ? self.docs[low] : .max
        return self.doc
    }

    func score() -> Double { 0 }
}

/// Every document whose publication time lies in `[lower, upper)`, score 0.
final class DateRangeScorer: DocScorer {
    private let dates: [Int64]
    let lower: Int64
    let upper: Int64
    private(set) var doc: UInt32 = 0

    init(dates: [Int64], lower: Int64, upper: Int64) {
        self.dates = dates
        self.lower = lower
        self.upper = upper
        self.doc = self.seek(0)
    }

    var cost: Int { self.dates.count }

    @inline(__always)
    func accepts(_ doc: UInt32) -> Bool {
        let date = self.dates[Int(doc)]
        return date != Int64.min && date >= self.lower && date < self.upper
    }

    /// The accepted documents as a bitmap of `wordCount` 64-bit words (see ``TermBitmaps``).
    func bitmap(wordCount: Int) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: wordCount)
        let (lower, upper) = (self.lower, self.upper)
        self.dates.withUnsafeBufferPointer { dates in
            words.withUnsafeMutableBufferPointer { words in
                for doc in 0..<min(dates.count, wordCount * 64) {
                    let date = dates[doc]
                    let accepted: UInt64 = date != Int64.min && date >= lower && date < upper ? 1 : 0
                    words[doc >> 6] |= accepted << UInt64(doc & 63)
                }
            }
        }
        return words
    }

    private func seek(_ start: UInt32) -> UInt32 {
        var d = Int(start)
        while d < self.dates.count {
            if self.accepts(UInt32(d)) { return UInt32(d) }
            d += 1
        }
        return .max
    }

    func next() -> UInt32 {
        self.doc = self.doc == .max ? .max : self.seek(self.doc + 1)
        return self.doc
    }

    func advance(to target: UInt32) -> UInt32 {
        if self.doc < target { self.doc = self.seek(target) }
        return self.doc
    }

    func score() -> Double { 0 }
}
