/// Gathers the mentions of one article by entity id.
struct EntityCollector {
    private struct Draft {
        var kind: EntityKind
        var surfaces: [String: Int] = [:]
        var firstSurface: [String] = []
        var roles: [String] = []
        var mentions: [EntityMention] = []
    }

    private var drafts: [String: Draft] = [:]
    /// Token keys of persons and places found so far, for the known-name rule.
    private(set) var knownNames: [[String]: (kind: EntityKind, name: String)] = [:]

    init() {
        for province in EntityLexicon.provinces {
            let key = VietnameseText.key(province).split(separator: " ").map(String.init)
            knownNames[key] = (.location, province)
        }
    }

    /// Records a mention. `name` is the entity's name (long form for abbreviations), `surface` what the
    /// text says.
    mutating func add(
        _ kind: EntityKind,
        name: String,
        surface: String,
        role: String? = nil,
        extraAliases: [String] = [],
        in scan: inout FieldScan,
        tokens range: Range<Int>
    ) {
        let display = VietnameseText.canonicalizeTones(name)
        let id = kind.entityID(forName: display)
        guard id.count > kind.idPrefix.count + 1 else { return }
        var draft = drafts[id] ?? Draft(kind: kind)
        if draft.surfaces[display] == nil { draft.firstSurface.append(display) }
        draft.surfaces[display, default: 0] += 1
        for alias in [surface] + extraAliases where alias != display && draft.surfaces[alias] == nil {
            draft.surfaces[alias] = 0
            draft.firstSurface.append(alias)
        }
        if let role, !role.isEmpty, !draft.roles.contains(role) { draft.roles.append(role) }
        draft.mentions.append(EntityMention(field: scan.field, scalarRange: scan.scalarRange(range)))
        drafts[id] = draft
        for index in range { scan.taken[index] = true }
        if kind == .person || kind == .location {
            knownNames[scan.key(range)] = (kind, display)
        }
    }

    /// Registers a person or place name without a mention (the name part of a split run).
    func isKnown(_ key: [String]) -> (kind: EntityKind, name: String)? { knownNames[key] }

    /// The article's entities, most mentioned first, ties by id.
    func entities() -> [ExtractedEntity] {
        drafts.map { id, draft in
            let name =
                draft.firstSurface.max { a, b in
                    let (ca, cb) = (draft.surfaces[a] ?? 0, draft.surfaces[b] ?? 0)
                    if ca != cb { return ca < cb }
                    return draft.firstSurface.firstIndex(of: a)! > draft.firstSurface.firstIndex(of: b)!
                } ?? ""
            let mentions = draft.mentions.sorted {
                ($0.field, $0.scalarRange.lowerBound) < ($1.field, $1.scalarRange.lowerBound)
            }
            return ExtractedEntity(
                id: id,
                kind: draft.kind,
                name: name,
                aliases: draft.firstSurface,
                roles: draft.roles,
                mentions: mentions
            )
        }
        .sorted { ($0.mentionCount, $1.id) > ($1.mentionCount, $0.id) }
    }
}
