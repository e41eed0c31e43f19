/// Merges per-article extraction results into the corpus's entities and lookup tables, chunk by
/// chunk as the loader produces them.
///
/// Chunks must be added in a deterministic order (the loader adds them in file-path order), which
/// fixes display-name ties and alias order; ``finish()`` then sorts the articles by id and remaps every
/// article index, so the finished corpus does not depend on scheduling.
struct CorpusBuilder {
    private struct Draft {
        var id: String
        var kind: EntityKind
        /// Name slots keyed by chunk string (text may repeat across chunks; merged at the end).
        var nameSlots: [Int32: Int] = [:]
        var names: [(name: String, count: Int)] = []
        var aliases: [String] = []
        var aliasSet: Set<UTF8Key> = []
        var roles: [String] = []
        var roleSet: Set<UTF8Key> = []
        var mentionCount = 0
        var occurrences: [Entity.Occurrence] = []
        var mentionStore: [Entity.PackedMention] = []
    }

    // Drafts live in an array and are mutated in place: copying a draft out of a dictionary and back
    // would copy its occurrence array on every article (quadratic for frequent entities).
    private var draftIndex: [String: Int] = [:]
    private var drafts: [Draft] = []
    private var articles: [Article] = []
    private var refDrafts: [Int32] = []
    private var refCounts: [Int32] = []
    private var refRoles: [[String]] = []
    private var refStarts: [Int32] = [0]

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
        var chunkMap = [Int32](repeating: -1, count: chunk.strings.count)
        var seenAliases: Set<Int64> = []
        for item in items {
            let articleIndex = articles.count
            articles.append(item.article)
            for recordIndex in item.records {
                let record = chunk.records[Int(recordIndex)]
                var slot = Int(chunkMap[Int(record.id)])
                if slot < 0 {
                    let id = chunk.strings[Int(record.id)]
                    if let existing = draftIndex[id] {
                        slot = existing
                    } else {
                        slot = drafts.count
                        draftIndex[id] = slot
                        drafts.append(Draft(id: id, kind: record.kind))
                    }
                    chunkMap[Int(record.id)] = Int32(slot)
                    drafts[slot].nameSlots = [:]
                }
                if let nameSlot = drafts[slot].nameSlots[record.name] {
                    drafts[slot].names[nameSlot].count += Int(record.mentionCount)
                } else {
                    drafts[slot].nameSlots[record.name] = drafts[slot].names.count
                    drafts[slot].names.append((chunk.strings[Int(record.name)], Int(record.mentionCount)))
                }
                for alias in chunk.aliases(of: record)
                where seenAliases.insert(Int64(slot) << 32 | Int64(alias)).inserted {
                    let text = chunk.strings[Int(alias)]
                    if drafts[slot].aliasSet.insert(UTF8Key(text)).inserted { drafts[slot].aliases.append(text) }
                }
                var articleRoles: [String] = []
                for role in chunk.roles(of: record) {
                    let text = chunk.strings[Int(role)]
                    articleRoles.append(text)
                    if drafts[slot].roleSet.insert(UTF8Key(text)).inserted { drafts[slot].roles.append(text) }
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
                refDrafts.append(Int32(slot))
                refCounts.append(record.mentionCount)
                refRoles.append(articleRoles)
            }
            refStarts.append(Int32(refDrafts.count))
        }
        for slot in Set(chunkMap.filter { $0 >= 0 }) { drafts[Int(slot)].nameSlots = [:] }
    }

    /// Sorts articles by id and entities by id, remaps indexes and builds the lookup tables.
    consuming func finish() -> Corpus {
        let articleOrder = self.articles.indices.sorted { self.articles[$0].id < self.articles[$1].id }
        var newArticleIndex = [Int32](repeating: 0, count: self.articles.count)
        for (position, old) in articleOrder.enumerated() { newArticleIndex[old] = Int32(position) }
        let order = drafts.indices.sorted { drafts[$0].id < drafts[$1].id }
        var finalIndex = [Int32](repeating: 0, count: drafts.count)
        for (position, draft) in order.enumerated() { finalIndex[draft] = Int32(position) }
        let entities = order.map { index -> Entity in
            let draft = drafts[index]
            var totals: [UTF8Key: Int] = [:]
            var names: [UTF8Key] = []
            for (name, count) in draft.names {
                let key = UTF8Key(name)
                if totals[key] == nil { names.append(key) }
                totals[key, default: 0] += count
            }
            var best = names[0]
            for candidate in names.dropFirst() where totals[candidate]! > totals[best]! { best = candidate }
            let name = best.string
            let occurrences = draft.occurrences.map {
                Entity.Occurrence(
                    articleIndex: Int(newArticleIndex[$0.articleIndex]),
                    mentionStart: $0.mentionRange.lowerBound,
                    mentionCount: $0.mentionCount
                )
            }
            return Entity(
                id: draft.id,
                kind: draft.kind,
                name: name,
                aliases: draft.aliases,
                roles: draft.roles,
                mentionCount: draft.mentionCount,
                occurrences: occurrences.sorted { $0.articleIndex < $1.articleIndex },
                mentionStore: Array(draft.mentionStore)
            )
        }
        drafts = []
        var entityItems: [ArticleEntity] = []
        entityItems.reserveCapacity(refDrafts.count)
        var entityStarts: [Int32] = [0]
        entityStarts.reserveCapacity(self.articles.count + 1)
        for old in articleOrder {
            for ref in Int(refStarts[old])..<Int(refStarts[old + 1]) {
                entityItems.append(
                    ArticleEntity(
                        entityIndex: Int(finalIndex[Int(refDrafts[ref])]),
                        mentionCount: Int(refCounts[ref]),
                        roles: refRoles[ref]
                    )
                )
            }
            entityStarts.append(Int32(entityItems.count))
        }
        refDrafts = []
        refRoles = []
        let sortedArticles = articleOrder.map { self.articles[$0] }
        self.articles = []
        let articleEntities = ArticleEntityLists(items: entityItems, starts: entityStarts)
        var entityIndexByID: [String: Int] = [:]
        for (index, entity) in entities.enumerated() { entityIndexByID[entity.id] = index }
        var articleIndexByID: [String: Int] = [:]
        for (index, article) in sortedArticles.enumerated() { articleIndexByID[article.id] = index }

        var byKey: [String: [Int]] = [:]
        var byFoldedKey: [String: [Int]] = [:]
        var suggestions: [Corpus.SuggestionKey] = []
        for (index, entity) in entities.enumerated() {
            var seenKeys: Set<String> = []
            for surface in [entity.name] + entity.aliases {
                let analyzed = VietnameseTokenizer().analyze(surface)
                let key = analyzed.map(\.normalized).joined(separator: " ")
                guard !key.isEmpty, seenKeys.insert(key).inserted else { continue }
                let folded = analyzed.map(\.folded).joined(separator: " ")
                if byKey[key]?.last != index { byKey[key, default: []].append(index) }
                if byFoldedKey[folded]?.last != index { byFoldedKey[folded, default: []].append(index) }
                for start in analyzed.indices {
                    suggestions.append(
                        Corpus.SuggestionKey(
                            folded: analyzed[start...].map(\.folded).joined(separator: " "),
                            normalized: analyzed[start...].map(\.normalized).joined(separator: " "),
                            entityIndex: index
                        )
                    )
                }
            }
        }
        suggestions.sort { ($0.folded, $0.entityIndex) < ($1.folded, $1.entityIndex) }
        return Corpus(
            articles: sortedArticles,
            entities: entities,
            articleEntities: articleEntities,
            articleIndexByID: articleIndexByID,
            entityIndexByID: entityIndexByID,
            entitiesByKey: byKey,
            entitiesByFoldedKey: byFoldedKey,
            suggestionKeys: suggestions
        )
    }
}
