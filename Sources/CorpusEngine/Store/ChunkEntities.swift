/// The entities of a run of articles in compact form: strings are stored once per run and each
/// article's entities are small records pointing into shared tables.
///
/// The loader turns each article's ``ExtractedEntity`` values into records right away, so that the
/// many small strings and arrays of the per-article results never pile up (they used to account for
/// most of the loader's peak memory and heap fragmentation).
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

    private(set) var strings: [String] = []
    private var stringIndex: [UTF8Key: Int32] = [:]
    /// Alias string indexes, then role string indexes, per record.
    private(set) var lists: [Int32] = []
    private(set) var records: [Record] = []
    private(set) var mentions: [Entity.PackedMention] = []

    /// Adds one article's entities; returns the range of its records.
    mutating func append(_ entities: [ExtractedEntity]) -> Range<Int32> {
        let first = Int32(records.count)
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
        return first..<Int32(records.count)
    }

    /// Drops the string index once the chunk is complete.
    mutating func finish() {
        stringIndex = [:]
    }

    func aliases(of record: Record) -> ArraySlice<Int32> {
        lists[Int(record.listStart)..<Int(record.listStart + record.aliasCount)]
    }

    func roles(of record: Record) -> ArraySlice<Int32> {
        let start = record.listStart + record.aliasCount
        return lists[Int(start)..<Int(start + record.roleCount)]
    }

    private mutating func intern(_ string: String) -> Int32 {
        let key = UTF8Key(string)
        if let index = stringIndex[key] { return index }
        let index = Int32(strings.count)
        strings.append(string)
        stringIndex[key] = index
        return index
    }
}
