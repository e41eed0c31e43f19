/// Merges per-article extraction results into the corpus's entities and lookup tables, chunk by
/// chunk as the loader produces them.
///
/// Chunks must be added in a deterministic order (the loader adds them in file-path order), which
/// fixes display-name ties and alias order; ``finish()`` then sorts the articles by id and remaps every
/// article index, so the finished corpus does not depend on scheduling.
struct CorpusBuilder {
    struct Draft: Sendable {
        var id: String
        var kind: EntityKind
        /// Distinct names (by text) with their mention counts, in first-seen order.
        var names: [(name: String, count: Int)] = []
        var aliases: [String] = []
        var aliasSet: Set<UTF8Key> = []
        var roles: [String] = []
        var roleSet: Set<UTF8Key> = []
        var mentionCount = 0
        var occurrences: [Entity.Occurrence] = []
        var mentionStore: [Entity.PackedMention] = []
        /// What the strings of the chunk being added map to: name string → slot in `names`, and the
        /// alias strings already merged (reset when a chunk first touches the draft).
        var chunkNames: [(string: Int32, slot: Int)] = []
        var chunkAliases: [Int32] = []

        init(id: String, kind: EntityKind) {
            self.id = id
            self.kind = kind
        }

        /// The slot in `names` of a chunk's name string.
        mutating func nameSlot(_ string: Int32, text: @autoclosure () -> String) -> Int {
            if let known = chunkNames.first(where: { $0.string == string }) { return known.slot }
            let name = text()
            let slot = names.firstIndex { UTF8Key.bytesEqual($0.name, name) } ?? names.count
            if slot == names.count { names.append((name, 0)) }
            chunkNames.append((string, slot))
            return slot
        }
    }

    // Drafts live in an array and are mutated in place: copying a draft out of a dictionary and back
    // would copy its occurrence array on every article (quadratic for frequent entities).
    private var draftIndex: [String: Int] = [:]
    var drafts: [Draft] = []
    var articles: [Article] = []
    /// Per article entity (record), in article order: the draft and the mention count; the records of
    /// article `i` are `refStarts[i]..<refStarts[i + 1]`. Roles are rare and kept apart, by record.
    var refs: [ArticleRef] = []
    var refRoles: [Int32: [String]] = [:]
    var refStarts: [Int32] = [0]

    struct ArticleRef: Sendable {
        var draft: Int32
        var mentionCount: Int32
    }

    init() {}

    /// Builds a corpus from articles and their extracted entities in one go.
    init(articles: [Article], extracted: [[ExtractedEntity]]) {
        var chunk = ChunkEntities()
        var items: [(Article, Range<Int32>)] = []
        for (index, article) in articles.enumerated() {
            items.append((article, chunk.append(index < extracted.count ? extracted[index] : [])))
        }
        chunk.finish()
        add(items, entities: chunk)
    }

    /// Adds a chunk of articles with the entity records they point to.
    mutating func add(_ items: [(article: Article, records: Range<Int32>)], entities chunk: ChunkEntities) {
        let strings = chunk.strings
        var chunkMap = [Int32](repeating: -1, count: strings.count)
        for item in items {
            let articleIndex = articles.count
            articles.append(item.article)
            for recordIndex in item.records {
                let record = chunk.records[Int(recordIndex)]
                var slot = Int(chunkMap[Int(record.id)])
                if slot < 0 {
                    let id = strings[Int(record.id)]
                    if let existing = draftIndex[id] {
                        slot = existing
                    } else {
                        slot = drafts.count
                        draftIndex[id] = slot
                        drafts.append(Draft(id: id, kind: record.kind))
                    }
                    chunkMap[Int(record.id)] = Int32(slot)
                    drafts[slot].chunkNames.removeAll(keepingCapacity: true)
                    drafts[slot].chunkAliases.removeAll(keepingCapacity: true)
                }
                let nameSlot = drafts[slot].nameSlot(record.name, text: strings[Int(record.name)])
                drafts[slot].names[nameSlot].count += Int(record.mentionCount)
                for alias in chunk.aliases(of: record) where !drafts[slot].chunkAliases.contains(alias) {
                    drafts[slot].chunkAliases.append(alias)
                    let text = strings[Int(alias)]
                    if drafts[slot].aliasSet.insert(UTF8Key(text)).inserted { drafts[slot].aliases.append(text) }
                }
                if record.roleCount > 0 {
                    var articleRoles: [String] = []
                    for role in chunk.roles(of: record) {
                        let text = strings[Int(role)]
                        articleRoles.append(text)
                        if drafts[slot].roleSet.insert(UTF8Key(text)).inserted { drafts[slot].roles.append(text) }
                    }
                    refRoles[Int32(refs.count)] = articleRoles
                }
                drafts[slot].mentionCount += Int(record.mentionCount)
                drafts[slot].occurrences.append(
                    Entity.Occurrence(
                        articleIndex: articleIndex,
                        mentionStart: drafts[slot].mentionStore.count,
                        mentionCount: Int(record.mentionCount)
                    )
                )
                let mentions = Int(record.mentionStart)..<Int(record.mentionStart + record.mentionCount)
                drafts[slot].mentionStore.append(contentsOf: chunk.mentions[mentions])
                refs.append(ArticleRef(draft: Int32(slot), mentionCount: record.mentionCount))
            }
            refStarts.append(Int32(refs.count))
        }
    }

    /// Sorts articles by id and entities by id, remaps indexes and builds the lookup tables.
    consuming func finish() -> Corpus {
        let articleOrder = Self.articleOrder(articles)
        let entityOrder = Self.entityOrder(drafts)
        var owned = self.drafts
        self.drafts = []
        let entities = Self.makeEntities(&owned, order: entityOrder, articleOrder: articleOrder)
        let articleSide = Self.makeArticleSide(
            self.takeArticleParts(),
            articleOrder: articleOrder,
            entityOrder: entityOrder
        )
        return Corpus(articleSide: articleSide, entities: entities, lookups: Self.makeLookups(entities))
    }

    /// ``finish()`` with its independent steps on two tasks: the articles' side (order, per-article
    /// entity lists, id table) next to the entities and their lookup tables.
    consuming func finishConcurrently() async -> Corpus {
        let articles = Transfer(self.articles)
        self.articles = []
        async let sortedArticles = Self.articleOrder(articles.value)
        let entityOrder = Self.entityOrder(drafts)
        let articleOrder = await sortedArticles
        let drafts = Transfer(self.drafts)
        self.drafts = []
        async let madeEntities = { () -> ([Entity], Corpus.Lookups) in
            var owned = drafts.take()
            let entities = Self.makeEntities(&owned, order: entityOrder, articleOrder: articleOrder)
            return (entities, Self.makeLookups(entities))
        }()
        let parts = ArticleParts(articles: articles.take(), refs: refs, refRoles: refRoles, refStarts: refStarts)
        refs = []
        refRoles = [:]
        refStarts = []
        let articleSide = Self.makeArticleSide(parts, articleOrder: articleOrder, entityOrder: entityOrder)
        let (entities, lookups) = await madeEntities
        return Corpus(articleSide: articleSide, entities: entities, lookups: lookups)
    }

    private mutating func takeArticleParts() -> ArticleParts {
        defer {
            articles = []
            refs = []
            refRoles = [:]
            refStarts = []
        }
        return ArticleParts(articles: articles, refs: refs, refRoles: refRoles, refStarts: refStarts)
    }
}
