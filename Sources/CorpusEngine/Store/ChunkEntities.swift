/// The entities of a run of articles in compact form: strings are stored once per run and each
/// article's entities are small records pointing into shared tables.
///
/// The loader's ``EntityCollector`` writes each article's entities as records right away, so that the
/// many small strings and arrays of per-article results never exist (they used to account for most of
/// the loader's peak memory, heap fragmentation and a good part of its time).
struct ChunkEntities: Sendable {
    struct Record: Sendable {
        var id: Int32
        var kind: EntityKind
        var name: Int32
        var listStart: Int32
        var aliasCount: Int32
        var roleCount: Int32
        var mentionStart: Int32
        var mentionCount: Int32
    }

    private var interned = InternedStrings()
    /// Alias string indexes, then role string indexes, per record.
    private(set) var lists: [Int32] = []
    private(set) var records: [Record] = []
    private(set) var mentions: [Entity.PackedMention] = []

    /// The interned strings, by index.
    var strings: [String] { interned.strings }

    /// The interned string at `index`.
    @inline(__always)
    func string(_ index: Int32) -> String { interned[index] }

    var recordCount: Int32 { Int32(records.count) }

    /// Adds one article's entities; returns the range of its records.
    mutating func append(_ entities: [ExtractedEntity]) -> Range<Int32> {
        let first = recordCount
        for entity in entities {
            let listStart = Int32(lists.count)
            for alias in entity.aliases { lists.append(intern(alias)) }
            for role in entity.roles { lists.append(intern(role)) }
            records.append(
                Record(
                    id: intern(entity.id),
                    kind: entity.kind,
                    name: intern(entity.name),
                    listStart: listStart,
                    aliasCount: Int32(entity.aliases.count),
                    roleCount: Int32(entity.roles.count),
                    mentionStart: Int32(mentions.count),
                    mentionCount: Int32(entity.mentions.count)
                )
            )
            for mention in entity.mentions { mentions.append(Entity.PackedMention(mention)) }
        }
        return first..<recordCount
    }

    /// Adds one entity of an article from interned strings.
    mutating func appendRecord(
        id: Int32,
        kind: EntityKind,
        name: Int32,
        aliases: [Int32],
        roles: [Int32],
        mentions entityMentions: [EntityMention]
    ) {
        records.append(
            Record(
                id: id,
                kind: kind,
                name: name,
                listStart: Int32(lists.count),
                aliasCount: Int32(aliases.count),
                roleCount: Int32(roles.count),
                mentionStart: Int32(mentions.count),
                mentionCount: Int32(entityMentions.count)
            )
        )
        lists += aliases
        lists += roles
        for mention in entityMentions { mentions.append(Entity.PackedMention(mention)) }
    }

    /// Drops the string lookup table once the chunk is complete.
    mutating func finish() {
        interned.dropIndex()
    }

    func aliases(of record: Record) -> ArraySlice<Int32> {
        lists[Int(record.listStart)..<Int(record.listStart + record.aliasCount)]
    }

    func roles(of record: Record) -> ArraySlice<Int32> {
        let start = record.listStart + record.aliasCount
        return lists[Int(start)..<Int(start + record.roleCount)]
    }

    /// The index of a string, adding it if new.
    mutating func intern(_ string: String) -> Int32 {
        interned.intern(string)
    }

    /// The index of the string with these bytes (valid UTF-8), adding it if new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        interned.intern(bytes)
    }
}
