/// The steps of ``CorpusBuilder/finish()``, as functions of what they read, so that the loader can run
/// the independent ones at the same time and free each input as soon as its step is done.
extension CorpusBuilder {
    /// The articles and their entity references, handed to ``makeArticleSide(_:articleOrder:entityOrder:)``.
    struct ArticleParts: Sendable {
        var articles: [Article]
        var refs: [ArticleRef]
        var refRoles: [Int32: [String]]
        var refStarts: [Int32]
    }

    /// The sorted articles, their entity lists and the id table.
    struct ArticleSide: Sendable {
        var articles: [Article]
        var articleEntities: ArticleEntityLists
        var articleIndexByID: [String: Int]
    }

    /// Old article index of each new position (articles sorted by id).
    static func articleOrder(_ articles: [Article]) -> [Int] {
        articles.indices.sorted { articles[$0].id < articles[$1].id }
    }

    /// Old draft index of each new position (entities sorted by id).
    static func entityOrder(_ drafts: [Draft]) -> [Int] {
        drafts.indices.sorted { drafts[$0].id < drafts[$1].id }
    }

    /// Turns the drafts into entities in id order, releasing each draft as it goes.
    static func makeEntities(_ drafts: inout [Draft], order: [Int], articleOrder: [Int]) -> [Entity] {
        var newArticleIndex = [Int32](repeating: 0, count: articleOrder.count)
        for (position, old) in articleOrder.enumerated() { newArticleIndex[old] = Int32(position) }
        var entities: [Entity] = []
        entities.reserveCapacity(order.count)
        for index in order {
            var draft = Draft(id: "", kind: .person)
            swap(&draft, &drafts[index])
            // Names are distinct by text, in first-seen order: the most mentioned wins, ties the first.
            var best = draft.names[0]
            for candidate in draft.names.dropFirst() where candidate.count > best.count { best = candidate }
            var occurrences = draft.occurrences.map {
                Entity.Occurrence(
                    articleIndex: Int(newArticleIndex[$0.articleIndex]),
                    mentionStart: $0.mentionRange.lowerBound,
                    mentionCount: $0.mentionCount
                )
            }
            draft.occurrences = []
            occurrences.sort { $0.articleIndex < $1.articleIndex }
            // Appending left up to half of the mention store unused; keep what is used.
            var mentionStore = draft.mentionStore
            draft.mentionStore = []
            if mentionStore.capacity > mentionStore.count + mentionStore.count / 8 {
                mentionStore = Array(mentionStore[...])
            }
            entities.append(
                Entity(
                    id: draft.id,
                    kind: draft.kind,
                    name: best.name,
                    aliases: draft.aliases,
                    roles: draft.roles,
                    mentionCount: draft.mentionCount,
                    occurrences: occurrences,
                    mentionStore: mentionStore
                )
            )
        }
        drafts = []
        return entities
    }

    /// Sorts the articles and builds their entity lists (entities most mentioned first, as recorded)
    /// and the id table, consuming the parts.
    static func makeArticleSide(_ parts: consuming ArticleParts, articleOrder: [Int], entityOrder: [Int]) -> ArticleSide
    {
        var finalIndex = [Int32](repeating: 0, count: entityOrder.count)
        for (position, draft) in entityOrder.enumerated() { finalIndex[draft] = Int32(position) }
        var items: [ArticleEntity] = []
        items.reserveCapacity(parts.refs.count)
        var starts: [Int32] = [0]
        starts.reserveCapacity(parts.articles.count + 1)
        for old in articleOrder {
            for ref in Int(parts.refStarts[old])..<Int(parts.refStarts[old + 1]) {
                let record = parts.refs[ref]
                items.append(
                    ArticleEntity(
                        entityIndex: Int(finalIndex[Int(record.draft)]),
                        mentionCount: Int(record.mentionCount),
                        roles: parts.refRoles[Int32(ref)] ?? []
                    )
                )
            }
            starts.append(Int32(items.count))
        }
        parts.refs = []
        parts.refRoles = [:]
        let articles = articleOrder.map { parts.articles[$0] }
        parts.articles = []
        var articleIndexByID: [String: Int] = [:]
        articleIndexByID.reserveCapacity(articles.count)
        for (index, article) in articles.enumerated() { articleIndexByID[article.id] = index }
        return ArticleSide(
            articles: articles,
            articleEntities: ArticleEntityLists(items: items, starts: starts),
            articleIndexByID: articleIndexByID
        )
    }

    /// The entity lookup tables: by id, by normalized and folded key of names and aliases, and the
    /// sorted word-start suffixes for suggestions.
    static func makeLookups(_ entities: [Entity]) -> Corpus.Lookups {
        var entityIndexByID: [String: Int] = [:]
        entityIndexByID.reserveCapacity(entities.count)
        for (index, entity) in entities.enumerated() { entityIndexByID[entity.id] = index }
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
        return Corpus.Lookups(
            entityIndexByID: entityIndexByID,
            entitiesByKey: byKey,
            entitiesByFoldedKey: byFoldedKey,
            suggestionKeys: suggestions
        )
    }
}

/// Moves a value into another task without a second owner: ``take()`` leaves an empty value behind,
/// so the receiver holds the only reference to its buffers and can change them in place.
///
/// `@unchecked Sendable`: the value is taken by exactly one task, after the sender gave it up.
final class Transfer<Value>: @unchecked Sendable where Value: RangeReplaceableCollection {
    var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func take() -> Value {
        var taken = Value()
        swap(&taken, &value)
        return taken
    }
}
