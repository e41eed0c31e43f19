/// Gathers the mentions of one article by entity id.
///
/// Names are computed once per distinct token sequence (the rules make the name a function of the
/// kind and the tokens), and surface forms are compared by token hashes rather than by `String`
/// equality, which is Unicode-aware and slow on Vietnamese text.
struct EntityCollector {
    private struct Draft {
        var kind: EntityKind
        /// Display names and their mention counts, in first-seen order.
        var names: [(name: String, count: Int)] = []
        /// Surface forms in first-seen order (names first), unique by text.
        var aliases: [String] = []
        var aliasKeys: [[UInt64]] = []
        var roles: [String] = []
        var mentions: [EntityMention] = []
    }

    private struct CacheKey: Hashable {
        var kind: EntityKind
        var tokens: [UInt64]
    }

    private var drafts: [String: Draft] = [:]
    private var order: [String] = []
    private var names: [CacheKey: (display: String, id: String)] = [:]

    /// Token hashes of persons and places found so far in the article, for the known-name rule.
    private(set) var articleNames: [[UInt64]: (kind: EntityKind, name: String)] = [:]

    /// Provinces, known in every article: combined token hashes, sorted, in an immortal table (read by
    /// every loader thread without touching a reference count), and their names (read on a hit).
    struct ProvinceTable: @unchecked Sendable {
        let keys: UnsafePointer<UInt64>
        let count: Int
        let names: [String]
    }

    static let provinceKeys: ProvinceTable = {
        let pairs = EntityLexicon.provinces.map { (combined(LexiconVocabulary.hashes(of: $0)), $0) }
            .sorted { $0.0 < $1.0 }
        return ProvinceTable(keys: ImmortalBuffer.make(pairs.map(\.0)), count: pairs.count, names: pairs.map(\.1))
    }()

    init() {}

    /// Forgets the previous article's entities and names; keeps the name cache.
    mutating func startArticle() {
        drafts.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        articleNames.removeAll(keepingCapacity: true)
        if names.count > 4096 { names.removeAll() }
    }

    static func combined(_ key: [UInt64]) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for part in key { hash = (hash ^ part) &* 0x0000_0100_0000_01B3 &+ 0x7F4A_7C15 }
        return hash
    }

    /// A person or place known by the token hashes of its name.
    func knownName(_ key: [UInt64]) -> (kind: EntityKind, name: String)? {
        if let found = articleNames[key] { return found }
        let target = Self.combined(key)
        let table = Self.provinceKeys
        var low = 0
        var high = table.count
        while low < high {
            let mid = (low + high) / 2
            if table.keys[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < table.count && table.keys[low] == target ? (.location, table.names[low]) : nil
    }

    /// Records a mention. `name` is the entity's name (long form for abbreviations), `surface` what the
    /// text says.
    mutating func add(
        _ kind: EntityKind,
        name: @autoclosure () -> String,
        surface: @autoclosure () -> String,
        role: String? = nil,
        extraAliases: @autoclosure () -> [String] = [],
        in scan: FieldScan,
        tokens range: Range<Int>
    ) {
        let tokenKey = scan.key(range)
        let cacheKey = CacheKey(kind: kind, tokens: tokenKey)
        let resolved: (display: String, id: String)
        if let cached = names[cacheKey] {
            resolved = cached
        } else {
            let display = VietnameseText.canonicalizeTones(name())
            resolved = (display, kind.entityID(forName: display))
            names[cacheKey] = resolved
        }
        let id = resolved.id
        guard id.utf8.count > kind.idPrefix.utf8.count + 1 else { return }
        var draft = drafts.removeValue(forKey: id) ?? Draft(kind: kind)
        if draft.mentions.isEmpty { order.append(id) }
        if let index = draft.names.firstIndex(where: { UTF8Key.bytesEqual($0.name, resolved.display) }) {
            draft.names[index].count += 1
        } else {
            draft.names.append((resolved.display, 1))
        }
        if !draft.aliasKeys.contains(tokenKey) {
            draft.aliasKeys.append(tokenKey)
            for alias in [resolved.display, surface()] + extraAliases()
            where !draft.aliases.contains(where: { UTF8Key.bytesEqual($0, alias) }) {
                draft.aliases.append(alias)
            }
        }
        if let role, !role.isEmpty, !draft.roles.contains(role) { draft.roles.append(role) }
        draft.mentions.append(EntityMention(field: scan.field, scalarRange: scan.scalarRange(range)))
        drafts[id] = draft
        if kind == .person || kind == .location {
            articleNames[tokenKey] = (kind, resolved.display)
        }
    }

    /// The article's entities, most mentioned first, ties by id.
    func entities() -> [ExtractedEntity] {
        order.compactMap { id -> ExtractedEntity? in
            guard let draft = drafts[id] else { return nil }
            var best = draft.names[0]
            for candidate in draft.names.dropFirst() where candidate.count > best.count { best = candidate }
            let mentions = draft.mentions.sorted {
                ($0.field, $0.scalarRange.lowerBound) < ($1.field, $1.scalarRange.lowerBound)
            }
            return ExtractedEntity(
                id: id,
                kind: draft.kind,
                name: best.name,
                aliases: draft.aliases,
                roles: draft.roles,
                mentions: mentions
            )
        }
        .sorted { ($0.mentionCount, $1.id) > ($1.mentionCount, $0.id) }
    }
}
