/// An entity as the search index needs it: names to resolve `entity:` and the articles that
/// mention it.
public struct IndexEntity: Sendable, Hashable {
    /// The kinds `kind:` filters on.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case person
        case location
        case organization
        case document
    }

    /// The stable entity id.
    public var id: String
    /// The canonical name.
    public var name: String
    /// Other surface forms (abbreviations, spellings).
    public var aliases: [String]
    /// The entity kind.
    public var kind: Kind
    /// Mention counts per article id.
    public var mentions: [String: Int]

    /// Creates an entity.
    public init(id: String, name: String, aliases: [String] = [], kind: Kind, mentions: [String: Int]) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.mentions = mentions
    }
}

/// Resolves `entity:` and `kind:` filters to sorted document-number lists.
struct EntityFilterIndex: Sendable {
    /// Normalized name key ("võ anh kiệt") → entity numbers; folded key ("vo anh kiet") likewise.
    private var exact: [String: [Int]] = [:]
    private var folded: [String: [Int]] = [:]
    private var kinds: [IndexEntity.Kind] = []
    private var documents: [[UInt32]] = []
    private var documentsByKind: [IndexEntity.Kind: [UInt32]] = [:]

    init(entities: [IndexEntity], documentNumbers: [String: UInt32]) {
        var byKind: [IndexEntity.Kind: Set<UInt32>] = [:]
        for (number, entity) in entities.enumerated() {
            self.kinds.append(entity.kind)
            let docs = entity.mentions.keys.compactMap { documentNumbers[$0] }.sorted()
            self.documents.append(docs)
            byKind[entity.kind, default: []].formUnion(docs)
            var seenExact = Set<String>()
            var seenFolded = Set<String>()
            for name in [entity.name] + entity.aliases {
                let keys = Self.keys(name)
                if !keys.exact.isEmpty, seenExact.insert(keys.exact).inserted {
                    self.exact[keys.exact, default: []].append(number)
                }
                if !keys.folded.isEmpty, seenFolded.insert(keys.folded).inserted {
                    self.folded[keys.folded, default: []].append(number)
                }
            }
        }
        self.documentsByKind = byKind.mapValues { $0.sorted() }
    }

    /// The normalized and folded lookup keys of a name: its syllables joined by single spaces.
    static func keys(_ name: String) -> (exact: String, folded: String) {
        (VietnameseText.key(name), VietnameseText.foldedKey(name))
    }

    /// Documents mentioning an entity with this name or alias, of one of `kinds` (all if empty).
    ///
    /// A name with diacritics that matches some entity exactly resolves to those entities only;
    /// otherwise the name matches accent-insensitively.
    func documents(mentioning name: String, kinds: Set<IndexEntity.Kind>) -> [UInt32] {
        let keys = Self.keys(name)
        let accept = { (entity: Int) in kinds.isEmpty || kinds.contains(self.kinds[entity]) }
        var matches = (self.exact[keys.exact] ?? []).filter(accept)
        if matches.isEmpty || keys.exact == keys.folded {
            matches = (self.folded[keys.folded] ?? []).filter(accept)
        }
        var result = Set<UInt32>()
        for entity in matches { result.formUnion(self.documents[entity]) }
        return result.sorted()
    }

    /// Documents mentioning at least one entity of this kind.
    func documents(ofKind kind: IndexEntity.Kind) -> [UInt32] { self.documentsByKind[kind] ?? [] }

    var memoryFootprint: Int {
        self.documents.reduce(0) { $0 + $1.count * 4 + 32 }
            + self.documentsByKind.values.reduce(0) { $0 + $1.count * 4 }
            + (self.exact.count + self.folded.count) * 64
    }
}
