/// Finds the longest phrase of a list that starts at a token, comparing vocabulary ids.
///
/// The candidates live in immortal tables (see ``ImmortalBuffer``): for each first-word id a range of
/// candidates, longest first, each a range of ids in a pool. Values are read only on a match.
struct PhraseMatcher<Value: Sendable>: @unchecked Sendable {
    private let firstStart: UnsafePointer<Int32>
    private let candidateStart: UnsafePointer<Int32>
    private let candidateLength: UnsafePointer<Int32>
    private let pool: UnsafePointer<Int32>
    private let values: [Value]

    init(_ entries: [(phrase: String, value: Value)]) {
        let vocabulary = LexiconVocabulary.shared
        var byFirst = [[(ids: [Int32], value: Value)]](repeating: [], count: vocabulary.count)
        for (phrase, value) in entries {
            let ids = vocabulary.ids(of: phrase)
            guard let first = ids.first, first >= 0, !ids.contains(-1) else { continue }
            byFirst[Int(first)].append((ids, value))
        }
        var firstStart: [Int32] = []
        var candidateStart: [Int32] = []
        var candidateLength: [Int32] = []
        var pool: [Int32] = []
        var values: [Value] = []
        for candidates in byFirst {
            firstStart.append(Int32(candidateStart.count))
            for candidate in candidates.sorted(by: { $0.ids.count > $1.ids.count }) {
                candidateStart.append(Int32(pool.count))
                candidateLength.append(Int32(candidate.ids.count))
                pool += candidate.ids
                values.append(candidate.value)
            }
        }
        firstStart.append(Int32(candidateStart.count))
        self.firstStart = ImmortalBuffer.make(firstStart)
        self.candidateStart = ImmortalBuffer.make(candidateStart)
        self.candidateLength = ImmortalBuffer.make(candidateLength)
        self.pool = ImmortalBuffer.make(pool)
        self.values = values
    }

    /// The longest phrase at `index` of the field whose tokens follow each other with only white space
    /// between them.
    @inline(__always)
    func match(_ scan: FieldScan, at index: Int) -> (length: Int, value: Value)? {
        guard index < scan.count else { return nil }
        let first = scan.ids[index]
        guard first >= 0 else { return nil }
        let from = Int(firstStart[Int(first)])
        let to = Int(firstStart[Int(first) + 1])
        guard from < to else { return nil }
        candidateLoop: for candidate in from..<to {
            let length = Int(candidateLength[candidate])
            guard index + length <= scan.count else { continue }
            let start = Int(candidateStart[candidate])
            for offset in 1..<max(length, 1) {
                guard scan.ids[index + offset] == pool[start + offset], scan.joined(index + offset) else {
                    continue candidateLoop
                }
            }
            return (length, values[candidate])
        }
        return nil
    }
}
