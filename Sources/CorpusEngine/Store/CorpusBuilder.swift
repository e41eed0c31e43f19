/// Merges per-article extraction results into the corpus's entities and lookup tables.
///
/// Articles are sorted by id first, so the merge (display names, alias and role order) does not depend
/// on the order files were read in or on how they were split into chunks.
struct CorpusBuilder {
    /// An article and where its entity records are.
    struct Item {
        var article: Article
        var chunk: Int32
        var records: Range<Int32>
    }

    private let items: [Item]
    private let chunks: [ChunkEntities]

    init(items: [Item], chunks: [ChunkEntities]) {
        self.items = items.sorted { $0.article.id < $1.article.id }
        self.chunks = chunks
    }

    init(articles: [Article], extracted: [[ExtractedEntity]]) {
        var chunk = ChunkEntities()
        var items: [Item] = []
        for (index, article) in articles.enumerated() {
            let records = chunk.append(index < extracted.count ? extracted[index] : [])
            items.append(Item(article: article, chunk: 0, records: records))
        }
        chunk.finish()
        self.init(items: items, chunks: [chunk])
    }

    private struct Draft {
        var id: String
        var kind: EntityKind
        /// Name slots keyed by chunk string (text may repeat across chunks; merged at the end).
        var nameSlots: [Int64: Int] = [:]
        var names: [(name: String, count: Int)] = []
        var seenStrings: Set<Int64> = []
        var aliases: [String] = []
        var aliasSet: Set<String> = []
        var roles: [String] = []
        var roleSet: Set<String> = []
        var mentionCount = 0
        var occurrences: [Entity.Occurrence] = []
        var mentionStore: [Entity.PackedMention] = []
    }

    func build() -> Corpus {
        // Drafts live in an array and are mutated in place: copying a draft out of a dictionary and
        // back would copy its occurrence array on every article (quadratic for frequent entities).
        var draftIndex: [String: Int] = [:]
        var drafts: [Draft] = []
        var chunkMaps = chunks.map { [Int32](repeating: -1, count: $0.strings.count) }
        var refDrafts: [Int32] = []
        var refCounts: [Int32] = []
        var refRoles: [[String]] = []
        var refStarts: [Int32] = [0]
        for (articleIndex, item) in items.enumerated() {
            let chunk = chunks[Int(item.chunk)]
            for recordIndex in item.records {
                let record = chunk.records[Int(recordIndex)]
                var slot = Int(chunkMaps[Int(item.chunk)][Int(record.id)])
                if slot < 0 {
                    let id = chunk.strings[Int(record.id)]
                    if let existing = draftIndex[id] {
                        slot = existing
                    } else {
                        slot = drafts.count
                        draftIndex[id] = slot
                        drafts.append(Draft(id: id, kind: record.kind))
                    }
                    chunkMaps[Int(item.chunk)][Int(record.id)] = Int32(slot)
                }
                let key = { (string: Int32) in Int64(item.chunk) << 32 | Int64(string) }
                if let nameSlot = drafts[slot].nameSlots[key(record.name)] {
                    drafts[slot].names[nameSlot].count += Int(record.mentionCount)
                } else {
                    drafts[slot].nameSlots[key(record.name)] = drafts[slot].names.count
                    drafts[slot].names.append((chunk.strings[Int(record.name)], Int(record.mentionCount)))
                }
                for alias in chunk.aliases(of: record) where drafts[slot].seenStrings.insert(key(alias)).inserted {
                    let text = chunk.strings[Int(alias)]
                    if drafts[slot].aliasSet.insert(text).inserted { drafts[slot].aliases.append(text) }
                }
                var articleRoles: [String] = []
                for role in chunk.roles(of: record) {
                    let text = chunk.strings[Int(role)]
                    articleRoles.append(text)
                    if drafts[slot].roleSet.insert(text).inserted { drafts[slot].roles.append(text) }
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
        let order = drafts.indices.sorted { drafts[$0].id < drafts[$1].id }
        var finalIndex = [Int32](repeating: 0, count: drafts.count)
        for (position, draft) in order.enumerated() { finalIndex[draft] = Int32(position) }
        let entities = order.map { index -> Entity in
            let draft = drafts[index]
            var totals: [String: Int] = [:]
            var names: [String] = []
            for (name, count) in draft.names {
                if totals[name] == nil { names.append(name) }
                totals[name, default: 0] += count
            }
            var name = names[0]
            for candidate in names.dropFirst() where totals[candidate]! > totals[name]! { name = candidate }
            return Entity(
                id: draft.id,
                kind: draft.kind,
                name: name,
                aliases: draft.aliases,
                roles: draft.roles,
                mentionCount: draft.mentionCount,
                occurrences: draft.occurrences,
                mentionStore: draft.mentionStore
            )
        }
        drafts = []
        let articles = items.map(\.article)
        let articleEntities = ArticleEntityLists(
            items: refDrafts.indices.map {
                ArticleEntity(entityIndex: Int(finalIndex[Int(refDrafts[$0])]), mentionCount: Int(refCounts[$0]), roles: refRoles[$0])
            },
            starts: refStarts
        )
        var entityIndexByID: [String: Int] = [:]
        for (index, entity) in entities.enumerated() { entityIndexByID[entity.id] = index }
        var articleIndexByID: [String: Int] = [:]
        for (index, article) in articles.enumerated() { articleIndexByID[article.id] = index }

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
            articles: articles,
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
