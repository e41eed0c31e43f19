/// Finds the longest phrase of a list that starts at a token, comparing vocabulary ids.
struct PhraseMatcher<Value: Sendable>: Sendable {
    private var byFirst: [[(ids: [Int32], value: Value)]]

    init(_ entries: [(phrase: String, value: Value)]) {
        let vocabulary = LexiconVocabulary.shared
        byFirst = Array(repeating: [], count: vocabulary.words.count)
        for (phrase, value) in entries {
            let ids = vocabulary.ids(of: phrase)
            guard let first = ids.first, first >= 0, !ids.contains(-1) else { continue }
            byFirst[Int(first)].append((ids, value))
        }
        for index in byFirst.indices { byFirst[index].sort { $0.ids.count > $1.ids.count } }
    }

    /// The longest phrase at `index` of the field whose tokens follow each other with only white space
    /// between them.
    @inline(__always)
    func match(_ scan: borrowing FieldScan, at index: Int) -> (length: Int, value: Value)? {
        let ids = scan.ids
        guard index < ids.count else { return nil }
        let first = ids[index]
        guard first >= 0 else { return nil }
        let candidates = byFirst[Int(first)]
        guard !candidates.isEmpty else { return nil }
        candidateLoop: for candidate in candidates {
            let length = candidate.ids.count
            guard index + length <= ids.count else { continue }
            for offset in 1..<max(length, 1) {
                guard ids[index + offset] == candidate.ids[offset], scan.tokens[index + offset].followsDirectly else {
                    continue candidateLoop
                }
            }
            return (length, candidate.value)
        }
        return nil
    }
}
