/// Merges per-article extraction results into the corpus's entities and lookup tables.
///
/// Articles are sorted by id first, so the merge (display names, alias and role order) does not depend
/// on the order files were read in.
struct CorpusBuilder {
    private let articles: [Article]
    private let extracted: [[ExtractedEntity]]

    init(articles: [Article], extracted: [[ExtractedEntity]]) {
        let order = articles.indices.sorted { articles[$0].id < articles[$1].id }
        self.articles = order.map { articles[$0] }
        self.extracted = order.map { $0 < extracted.count ? extracted[$0] : [] }
    }

    private struct Draft {
        var kind: EntityKind
        var nameCounts: [String: Int] = [:]
        var names: [String] = []
        var aliases: [String] = []
        var aliasSet: Set<String> = []
        var roles: [String] = []
        var roleSet: Set<String> = []
        var mentionCount = 0
        var occurrences: [Entity.Occurrence] = []
    }

    func build() -> Corpus {
        // Drafts live in an array and are mutated in place: copying a draft out of a dictionary and
        // back would copy its occurrence array on every article (quadratic for frequent entities).
        var draftIndex: [String: Int] = [:]
        var drafts: [Draft] = []
        var draftIDs: [String] = []
        for (articleIndex, found) in extracted.enumerated() {
            for entity in found {
                let slot: Int
                if let existing = draftIndex[entity.id] {
                    slot = existing
                } else {
                    slot = drafts.count
                    draftIndex[entity.id] = slot
                    drafts.append(Draft(kind: entity.kind))
                    draftIDs.append(entity.id)
                }
                if drafts[slot].nameCounts[entity.name] == nil { drafts[slot].names.append(entity.name) }
                drafts[slot].nameCounts[entity.name, default: 0] += entity.mentionCount
                for alias in entity.aliases where drafts[slot].aliasSet.insert(alias).inserted {
                    drafts[slot].aliases.append(alias)
                }
                for role in entity.roles where drafts[slot].roleSet.insert(role).inserted {
                    drafts[slot].roles.append(role)
                }
                drafts[slot].mentionCount += entity.mentionCount
                drafts[slot].occurrences.append(
                    Entity.Occurrence(articleIndex: articleIndex, mentions: entity.mentions)
                )
            }
        }
        let entities = draftIndex.keys.sorted().map { id -> Entity in
            let draft = drafts[draftIndex[id]!]
            var name = draft.names[0]
            for candidate in draft.names.dropFirst() where draft.nameCounts[candidate]! > draft.nameCounts[name]! {
                name = candidate
            }
            return Entity(
                id: id,
                kind: draft.kind,
                name: name,
                aliases: draft.aliases,
                roles: draft.roles,
                mentionCount: draft.mentionCount,
                occurrences: draft.occurrences
            )
        }
        var entityIndexByID: [String: Int] = [:]
        for (index, entity) in entities.enumerated() { entityIndexByID[entity.id] = index }
        let articleEntities = extracted.map { found in
            found.compactMap { entity in
                entityIndexByID[entity.id].map {
                    ArticleEntity(entityIndex: $0, mentionCount: entity.mentionCount, roles: entity.roles)
                }
            }
        }
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
