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
        var drafts: [String: Draft] = [:]
        for (articleIndex, found) in extracted.enumerated() {
            for entity in found {
                var draft = drafts[entity.id] ?? Draft(kind: entity.kind)
                if draft.nameCounts[entity.name] == nil { draft.names.append(entity.name) }
                draft.nameCounts[entity.name, default: 0] += entity.mentionCount
                for alias in entity.aliases where draft.aliasSet.insert(alias).inserted { draft.aliases.append(alias) }
                for role in entity.roles where draft.roleSet.insert(role).inserted { draft.roles.append(role) }
                draft.mentionCount += entity.mentionCount
                draft.occurrences.append(Entity.Occurrence(articleIndex: articleIndex, mentions: entity.mentions))
                drafts[entity.id] = draft
            }
        }
        let entities = drafts.keys.sorted().map { id -> Entity in
            let draft = drafts[id]!
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
