/// Gathers the mentions of one article by entity, and writes them as compact records for the loader
/// or as ``ExtractedEntity`` values.
///
/// Everything per mention is integer work: names and ids are computed once per distinct token
/// sequence (``NameCache``), names, aliases and roles are interned in the chunk's strings
/// (``InternedStrings``, looked up by bytes), and the article's drafts are found by interned id. One
/// collector serves a whole chunk of articles, so that the caches and buffers are reused.
struct EntityCollector {
    private struct Draft {
        var kind: EntityKind = .person
        var id: Int32 = -1
        /// Display names (interned) and their mention counts, in first-seen order.
        var names: [(name: Int32, count: Int)] = []
        /// Name-cache entries seen (one per distinct token sequence).
        var aliasKeys: [Int32] = []
        /// Surface forms in first-seen order (names first), unique by text.
        var aliases: [Int32] = []
        var roles: [Int32] = []
        var mentions: [EntityMention] = []

        mutating func reset(kind: EntityKind, id: Int32) {
            self.kind = kind
            self.id = id
            names.removeAll(keepingCapacity: true)
            aliasKeys.removeAll(keepingCapacity: true)
            aliases.removeAll(keepingCapacity: true)
            roles.removeAll(keepingCapacity: true)
            mentions.removeAll(keepingCapacity: true)
        }
    }

    /// Strings and records of the articles collected so far.
    private(set) var chunk = ChunkEntities()
    private var cache = NameCache()
    private var memo = NameMemo()
    /// Numbers the chunks this collector served, for the interned indexes kept in ``memo``.
    private var chunkNumber = 0
    private var known = KnownNames()
    private var nameScratch: [UInt8] = []
    private let tokenBox = TokenColumnsBox()

    // The current article's drafts (the first `draftCount` of `drafts`), found by interned id.
    private var drafts: [Draft] = []
    private var draftCount = 0
    private var draftOfID: [Int32] = []
    private var draftStamp: [UInt32] = []
    private var stamp: UInt32 = 0
    private var spaceScratch: [UInt8] = []

    /// Provinces, known in every article: combined token hashes, sorted, in an immortal table (read by
    /// every loader thread without touching a reference count), and their names (read on a hit).
    struct ProvinceTable: @unchecked Sendable {
        let keys: UnsafePointer<UInt64>
        let count: Int
        let names: [String]
    }

    static let provinceKeys: ProvinceTable = {
        let pairs = EntityLexicon.provinces.map { province in
            let hashes = LexiconVocabulary.hashes(of: province)
            let combined = hashes.withUnsafeBufferPointer { TokenKey(hashes: $0).combined }
            return (combined, province)
        }
        .sorted { $0.0 < $1.0 }
        return ProvinceTable(keys: ImmortalBuffer.make(pairs.map(\.0)), count: pairs.count, names: pairs.map(\.1))
    }()

    init() {}

    /// Forgets the previous article's entities and names; keeps the name cache (cleared when it grows
    /// past 4,096 token sequences) and the interned strings.
    mutating func startArticle() {
        draftCount = 0
        stamp &+= 1
        known.removeAll()
        if cache.count > 4096 { cache.removeAll() }
    }

    /// Tokenizes the article's fields into the reused columns and returns their views.
    mutating func scanFields(of article: Article) -> [FieldScan] {
        let vocabulary = LexiconVocabulary.shared
        var columns = tokenBox.columns
        columns.removeAll()
        article.forEachField { field, text in
            columns.append(field: field.ordinal, text: text, vocabulary: vocabulary)
        }
        tokenBox.columns = columns
        return columns.scans()
    }

    /// A person or place known by the token hashes of its name: found earlier in the article, or a
    /// province.
    func knownName(_ key: TokenKey) -> (kind: EntityKind, name: String)? {
        let combined = key.combined
        if let found = known.find(key, hash: combined) { return (found.kind, chunk.string(found.name)) }
        let table = Self.provinceKeys
        var low = 0
        var high = table.count
        while low < high {
            let mid = (low + high) / 2
            if table.keys[mid] < combined { low = mid + 1 } else { high = mid }
        }
        return low < table.count && table.keys[low] == combined ? (.location, table.names[low]) : nil
    }

    /// Records a mention of the tokens `range` of `scan`. `name` is the entity's name (long form for
    /// abbreviations), evaluated only the first time these tokens are seen; the surface form is the
    /// text of the tokens.
    mutating func add(
        _ kind: EntityKind,
        name: @autoclosure () -> String,
        role: String? = nil,
        extraAliases: @autoclosure () -> [String] = [],
        in scan: FieldScan,
        tokens range: Range<Int>
    ) {
        add(kind, role: role, extraAliases: extraAliases(), in: scan, tokens: range) { bytes in
            var text = name()
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    /// Records a mention whose name is the text of its tokens (white space collapsed).
    mutating func add(
        _ kind: EntityKind,
        role: String? = nil,
        extraAliases: @autoclosure () -> [String] = [],
        in scan: FieldScan,
        tokens range: Range<Int>
    ) {
        add(kind, role: role, extraAliases: extraAliases(), in: scan, tokens: range) { bytes in
            let raw = scan.rawSurface(range)
            if SpaceCollapsing.needsWork(raw) {
                SpaceCollapsing.collapse(raw) { bytes.append($0) }
            } else {
                bytes.append(contentsOf: raw)
            }
        }
    }

    /// Records a mention of an organization: a fixed one by its name, a head and name by its text.
    mutating func add(_ organization: EntityRules.Organization, in scan: FieldScan, tokens range: Range<Int>) {
        let aliases = organization.alias.map { [$0] } ?? []
        if let name = organization.name {
            add(.organization, name: name, extraAliases: aliases, in: scan, tokens: range)
        } else {
            add(.organization, extraAliases: aliases, in: scan, tokens: range)
        }
    }

    private mutating func add(
        _ kind: EntityKind,
        role: String?,
        extraAliases: @autoclosure () -> [String],
        in scan: FieldScan,
        tokens range: Range<Int>,
        writeName: (inout [UInt8]) -> Void
    ) {
        let key = scan.key(range)
        let hash = NameCache.hash(kind, key)
        let entryIndex: Int32
        if let found = cache.find(kind, key, hash: hash) {
            entryIndex = found
        } else {
            let (display, id) = resolve(kind, writeName)
            entryIndex = cache.insert(kind, key, hash: hash, display: display, id: id)
        }
        let entry = cache.entries[Int(entryIndex)]
        guard entry.id >= 0 else { return }
        let slot = draft(for: entry.id, kind: kind)
        if let index = drafts[slot].names.firstIndex(where: { $0.name == entry.display }) {
            drafts[slot].names[index].count += 1
        } else {
            drafts[slot].names.append((entry.display, 1))
        }
        if !drafts[slot].aliasKeys.contains(entryIndex) {
            drafts[slot].aliasKeys.append(entryIndex)
            addAlias(entry.display, to: slot)
            addAlias(internSurface(scan, range), to: slot)
            for alias in extraAliases() { addAlias(chunk.intern(alias), to: slot) }
        }
        if let role, !role.isEmpty {
            let interned = chunk.intern(role)
            if !drafts[slot].roles.contains(interned) { drafts[slot].roles.append(interned) }
        }
        drafts[slot].mentions.append(EntityMention(field: scan.field, scalarRange: scan.scalarRange(range)))
        if kind == .person || kind == .location {
            known.set(key, hash: key.combined, kind: kind, name: entry.display)
        }
    }

    /// The interned display name and id (-1, -1 when the id is empty) of an entity named by the bytes
    /// `writeName` writes: `canonicalizeTones` and `entityID`, remembered by name across chunks.
    private mutating func resolve(_ kind: EntityKind, _ writeName: (inout [UInt8]) -> Void) -> (Int32, Int32) {
        var bytes = nameScratch
        nameScratch = []
        bytes.removeAll(keepingCapacity: true)
        bytes.append(UInt8(kind.ordinal))
        writeName(&bytes)
        let index = bytes.withUnsafeBufferPointer { key in
            let hash = ByteHash.hash(key)
            if let found = memo.find(key, hash: hash) { return found }
            let name = String(decoding: UnsafeBufferPointer(rebasing: key.dropFirst()), as: UTF8.self)
            let display = VietnameseText.canonicalizeTones(name)
            let id = kind.entityID(forName: display)
            let valid = id.utf8.count > kind.idPrefix.utf8.count + 1
            return memo.insert(
                key,
                hash: hash,
                value: NameMemo.Value(display: display, id: valid ? id : nil, chunk: -1, displayIndex: -1, idIndex: -1)
            )
        }
        nameScratch = bytes
        var value = memo[index]
        guard let id = value.id else { return (-1, -1) }
        if value.chunk != chunkNumber {
            value.chunk = chunkNumber
            value.displayIndex = chunk.intern(value.display)
            value.idIndex = chunk.intern(id)
            memo[index] = value
        }
        return (value.displayIndex, value.idIndex)
    }

    private mutating func addAlias(_ alias: Int32, to slot: Int) {
        if !drafts[slot].aliases.contains(alias) { drafts[slot].aliases.append(alias) }
    }

    private mutating func internSurface(_ scan: FieldScan, _ range: Range<Int>) -> Int32 {
        let raw = scan.rawSurface(range)
        if !SpaceCollapsing.needsWork(raw) { return chunk.intern(raw) }
        var out = spaceScratch
        spaceScratch = []
        out.removeAll(keepingCapacity: true)
        SpaceCollapsing.collapse(raw) { out.append($0) }
        let index = out.withUnsafeBufferPointer { chunk.intern($0) }
        spaceScratch = out
        return index
    }

    private mutating func draft(for id: Int32, kind: EntityKind) -> Int {
        let index = Int(id)
        if index >= draftOfID.count {
            let grown = max(index + 1, draftOfID.count * 2)
            draftOfID += repeatElement(0, count: grown - draftOfID.count)
            draftStamp += repeatElement(0, count: grown - draftStamp.count)
        }
        if draftStamp[index] == stamp { return Int(draftOfID[index]) }
        let slot = draftCount
        if slot == drafts.count { drafts.append(Draft()) }
        drafts[slot].reset(kind: kind, id: id)
        draftCount += 1
        draftOfID[index] = Int32(slot)
        draftStamp[index] = stamp
        return slot
    }

    /// The article's drafts in output order: most mentioned first, ties by id.
    private func sortedDrafts() -> [Int] {
        let strings = chunk.strings
        let counts = drafts[0..<draftCount].map(\.mentions.count)
        // As `($0.mentionCount, $1.id) > ($1.mentionCount, $0.id)`, reading the ids only on ties.
        return (0..<draftCount).sorted { a, b in
            if counts[a] != counts[b] { return counts[a] > counts[b] }
            return strings[Int(drafts[b].id)] > strings[Int(drafts[a].id)]
        }
    }

    /// The display name of a draft: its most frequent name (ties: the first seen).
    private func bestName(_ draft: Draft) -> Int32 {
        var best = draft.names[0]
        for candidate in draft.names.dropFirst() where candidate.count > best.count { best = candidate }
        return best.name
    }

    private static func sortedMentions(_ mentions: [EntityMention]) -> [EntityMention] {
        mentions.sorted { ($0.field, $0.scalarRange.lowerBound) < ($1.field, $1.scalarRange.lowerBound) }
    }

    /// The article's entities, most mentioned first, ties by id.
    func entities() -> [ExtractedEntity] {
        sortedDrafts().map { slot in
            let draft = drafts[slot]
            return ExtractedEntity(
                id: chunk.string(draft.id),
                kind: draft.kind,
                name: chunk.string(bestName(draft)),
                aliases: draft.aliases.map { chunk.string($0) },
                roles: draft.roles.map { chunk.string($0) },
                mentions: Self.sortedMentions(draft.mentions)
            )
        }
    }

    /// Appends the article's entities to the chunk as records (as ``ChunkEntities/append(_:)`` would
    /// append ``entities()``) and returns their range.
    mutating func appendRecords() -> Range<Int32> {
        let order = sortedDrafts()
        let first = chunk.recordCount
        for slot in order {
            let draft = drafts[slot]
            chunk.appendRecord(
                id: draft.id,
                kind: draft.kind,
                name: bestName(draft),
                aliases: draft.aliases,
                roles: draft.roles,
                mentions: Self.sortedMentions(draft.mentions)
            )
        }
        return first..<chunk.recordCount
    }

    /// Hands over the chunk's strings and records, leaving the collector empty.
    mutating func takeChunk() -> ChunkEntities {
        var result = ChunkEntities()
        swap(&result, &chunk)
        result.finish()
        cache.removeAll()
        chunkNumber += 1
        return result
    }
}
