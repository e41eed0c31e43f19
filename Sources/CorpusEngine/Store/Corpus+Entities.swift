extension Corpus {
    /// How well an entity matched a looked-up name.
    public enum EntityMatchQuality: Int, Sendable, Hashable, Comparable {
        /// The id, or the name with the same diacritics (case and tone placement aside).
        case exact = 0
        /// An alias with the same diacritics.
        case alias = 1
        /// The name or an alias without regard to diacritics.
        case accentInsensitive = 2

        /// Better matches first.
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// An entity found by ``findEntities(named:kind:)``.
    public struct EntityMatch: Sendable, Hashable {
        /// The index in ``Corpus/entities``.
        public var entityIndex: Int
        /// How it matched.
        public var quality: EntityMatchQuality
    }

    /// Finds entities by id, name or alias: exact first, then aliases, then accent-insensitively; within a
    /// quality, most mentioned first (ties by id).
    ///
    /// A name typed with diacritics matches only names with the same diacritics at the first two
    /// qualities; the accent-insensitive level is used only when the name has no diacritics or nothing
    /// better matched.
    public func findEntities(named name: String, kind: EntityKind? = nil) -> [EntityMatch] {
        var best: [Int: EntityMatchQuality] = [:]
        func consider(_ index: Int, _ quality: EntityMatchQuality) {
            guard kind == nil || entities[index].kind == kind else { return }
            if let existing = best[index], existing <= quality { return }
            best[index] = quality
        }
        if let index = entityIndexByID[name] { consider(index, .exact) }
        let key = VietnameseText.key(name)
        for index in entitiesByKey[key] ?? [] {
            consider(index, VietnameseText.key(entities[index].name) == key ? .exact : .alias)
        }
        let folded = VietnameseText.foldedKey(name)
        if best.isEmpty || folded == key {
            for index in entitiesByFoldedKey[folded] ?? [] { consider(index, .accentInsensitive) }
        }
        return best.map { EntityMatch(entityIndex: $0.key, quality: $0.value) }
            .sorted { a, b in
                if a.quality != b.quality { return a.quality < b.quality }
                let (ea, eb) = (entities[a.entityIndex], entities[b.entityIndex])
                if ea.mentionCount != eb.mentionCount { return ea.mentionCount > eb.mentionCount }
                return ea.id < eb.id
            }
    }

    /// Entities whose name or alias has a word that starts with `prefix`, ranked by mention count.
    ///
    /// The prefix matches accent-insensitively when typed without diacritics (`kiet` finds `Võ Anh
    /// Kiệt`); typed with diacritics it must match them (`Đả` finds `Đảng`, not `đang`).
    public func suggestEntities(prefix: String, kind: EntityKind? = nil, limit: Int = 10) -> [Entity] {
        let normalizedPrefix = VietnameseText.key(prefix)
        let foldedPrefix = VietnameseText.foldedKey(prefix)
        guard !foldedPrefix.isEmpty, limit > 0 else { return [] }
        let needsDiacritics = normalizedPrefix != foldedPrefix
        var low = 0
        var high = suggestionKeys.count
        while low < high {
            let mid = (low + high) / 2
            if suggestionKeys[mid].folded < foldedPrefix { low = mid + 1 } else { high = mid }
        }
        var seen: Set<Int> = []
        var index = low
        while index < suggestionKeys.count, suggestionKeys[index].folded.hasPrefix(foldedPrefix) {
            let candidate = suggestionKeys[index]
            index += 1
            if needsDiacritics, !candidate.normalized.hasPrefix(normalizedPrefix) { continue }
            if let kind, entities[candidate.entityIndex].kind != kind { continue }
            seen.insert(candidate.entityIndex)
        }
        return seen.map { entities[$0] }
            .sorted { ($0.mentionCount, $1.id) > ($1.mentionCount, $0.id) }
            .prefix(limit)
            .map { $0 }
    }

    /// The articles mentioning an entity, most mentions first (ties by article id).
    public func articles(mentioning entityIndex: Int, limit: Int = .max) -> [(article: Article, mentionCount: Int)] {
        let occurrences = entities[entityIndex].occurrences
        func precedes(_ a: Entity.Occurrence, _ b: Entity.Occurrence) -> Bool {
            a.mentionCount != b.mentionCount ? a.mentionCount > b.mentionCount : a.articleIndex < b.articleIndex
        }
        let chosen: [Entity.Occurrence] =
            limit >= occurrences.count
            ? occurrences.sorted(by: precedes)
            : Self.smallest(max(limit, 0), of: occurrences, by: precedes)
        return chosen.map { (articles[$0.articleIndex], $0.mentionCount) }
    }

    /// Entities that appear in the same articles as the given one, most shared articles first (ties by
    /// mention count, then id).
    ///
    /// Counts in a dense array (one slot per entity) rather than a dictionary, and selects the top
    /// `limit` without sorting every co-occurring entity: a popular entity co-occurs with thousands.
    public func relatedEntities(to entityIndex: Int, limit: Int = 20) -> [(entity: Entity, sharedArticles: Int)] {
        var counts = [Int32](repeating: 0, count: entities.count)
        var touched: [Int32] = []
        for occurrence in entities[entityIndex].occurrences {
            for other in articleEntities[occurrence.articleIndex] where other.entityIndex != entityIndex {
                if counts[other.entityIndex] == 0 { touched.append(Int32(other.entityIndex)) }
                counts[other.entityIndex] &+= 1
            }
        }
        func precedes(_ a: Int32, _ b: Int32) -> Bool {
            let (ca, cb) = (counts[Int(a)], counts[Int(b)])
            if ca != cb { return ca > cb }
            let (ea, eb) = (entities[Int(a)], entities[Int(b)])
            if ea.mentionCount != eb.mentionCount { return ea.mentionCount > eb.mentionCount }
            return ea.id < eb.id
        }
        return Self.smallest(max(limit, 0), of: touched, by: precedes).map {
            (entities[Int($0)], Int(counts[Int($0)]))
        }
    }

    /// The first `k` elements of `elements` in the order `precedes`, without sorting them all.
    static func smallest<Element>(
        _ k: Int,
        of elements: [Element],
        by precedes: (Element, Element) -> Bool
    ) -> [Element] {
        guard k > 0 else { return [] }
        guard elements.count > k * 4 else { return Array(elements.sorted(by: precedes).prefix(k)) }
        // Keep the best k seen so far, sorted; most elements lose to the current k-th and are
        // dropped after one comparison.
        var best = Array(elements.prefix(k)).sorted(by: precedes)
        for element in elements.dropFirst(k) where precedes(element, best[k - 1]) {
            var low = 0
            var high = k - 1
            while low < high {
                let mid = (low + high) / 2
                if precedes(element, best[mid]) { high = mid } else { low = mid + 1 }
            }
            best.removeLast()
            best.insert(element, at: low)
        }
        return best
    }
}
