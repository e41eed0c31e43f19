/// Finds the longest phrase of a list that starts at a token, comparing normalized token keys.
struct PhraseMatcher<Value: Sendable>: Sendable {
    private var byFirst: [String: [(keys: [String], value: Value)]] = [:]

    init(_ entries: [(phrase: String, value: Value)]) {
        for (phrase, value) in entries {
            let keys = VietnameseText.key(phrase).split(separator: " ").map(String.init)
            guard let first = keys.first else { continue }
            byFirst[first, default: []].append((keys, value))
        }
        for key in byFirst.keys { byFirst[key]?.sort { $0.keys.count > $1.keys.count } }
    }

    /// The longest phrase at `index` whose tokens after the first satisfy `joined`.
    func match(_ keys: [String], at index: Int, joined: (Int) -> Bool) -> (length: Int, value: Value)? {
        guard index < keys.count, let candidates = byFirst[keys[index]] else { return nil }
        candidateLoop: for candidate in candidates {
            let length = candidate.keys.count
            guard index + length <= keys.count else { continue }
            for offset in 1..<max(length, 1) {
                guard keys[index + offset] == candidate.keys[offset], joined(index + offset) else {
                    continue candidateLoop
                }
            }
            return (length, candidate.value)
        }
        return nil
    }

    /// Whether some phrase starts with the key.
    func startsPhrase(_ key: String) -> Bool { byFirst[key] != nil }
}
