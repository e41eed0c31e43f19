/// Turns a parsed query into a tree of scorers over one index.
///
/// Free text is analyzed with the index's own scanner and normalizer: a word typed without any
/// diacritic becomes the union of every syllable folding to it; a word with diacritics becomes that
/// exact normalized syllable; a run of several syllables (a quoted phrase, or a word such as
/// `hội,đảng`) becomes a phrase.
struct QueryCompiler {
    let index: SearchIndex
    /// Normalized term ids that positive clauses match (for highlighting).
    private(set) var highlightTerms = Set<UInt32>()
    /// Column of the first clause that has no searchable syllables (such as `!!!`).
    private(set) var firstEmptyColumn: Int?

    init(index: SearchIndex) {
        self.index = index
    }

    /// The terms a query syllable matches.
    func terms(for forms: SyllableForms) -> [UInt32] {
        if forms.isUnaccented {
            guard let folded = self.index.foldedTerms.find(forms.folded) else { return [] }
            let start = Int(self.index.foldedGroupStart[folded])
            let end = Int(self.index.foldedGroupStart[folded + 1])
            return Array(self.index.foldedGroupTerms[start..<end])
        }
        return self.index.terms.find(forms.normalized).map { [UInt32($0)] } ?? []
    }

    /// Compiles a node; `nil` when it has nothing searchable (dropped from its group).
    mutating func compile(_ node: QueryNode, positive: Bool = true) -> (any DocScorer)? {
        switch node {
        case .word(let text, let field, let column), .phrase(let text, let field, let column):
            return self.compileText(text, field: field, column: column, positive: positive)
        case .entity(let name, _):
            return DocListScorer(self.index.entities.documents(mentioning: name, kinds: []))
        case .kind(let kind):
            return DocListScorer(self.index.entities.documents(ofKind: Self.kind(kind)))
        case .after(let day):
            return DateRangeScorer(dates: self.index.publishedAt, lower: day.midnightInVietnam, upper: .max)
        case .before(let day):
            return DateRangeScorer(dates: self.index.publishedAt, lower: .min + 1, upper: day.midnightInVietnam)
        case .or(let children):
            let compiled = children.compactMap { self.compile($0, positive: positive) }
            if compiled.isEmpty { return nil }
            return compiled.count == 1 ? compiled[0] : DisjunctionScorer(compiled)
        case .not(let child):
            return self.compile(child, positive: !positive)
        case .and(let children):
            return self.compileConjunction(children, positive: positive)
        }
    }

    private static func kind(_ kind: QueryEntityKind) -> IndexEntity.Kind {
        switch kind {
        case .person: .person
        case .location: .location
        case .organization: .organization
        case .document: .document
        }
    }

    private mutating func compileText(
        _ text: String,
        field: QueryField?,
        column: Int,
        positive: Bool
    ) -> (any DocScorer)? {
        let forms = SyllableForms.syllables(of: text)
        if forms.isEmpty {
            if positive, self.firstEmptyColumn == nil { self.firstEmptyColumn = column }
            return nil
        }
        let bits: UInt8
        switch field {
        case .title: bits = IndexField.title.bit
        case .author: bits = IndexField.author.bit
        case nil: bits = IndexField.textMask
        }
        let members = forms.map { TermScorer(index: self.index, terms: self.terms(for: $0), fieldBits: bits) }
        if positive { for member in members { self.highlightTerms.formUnion(member.terms) } }
        if members.contains(where: { $0.terms.isEmpty }) { return EmptyScorer() }
        return members.count == 1 ? members[0] : PhraseScorer(index: self.index, members: members)
    }

    private mutating func compileConjunction(_ children: [QueryNode], positive: Bool) -> (any DocScorer)? {
        var required: [any DocScorer] = []
        var excluded: [any DocScorer] = []
        var lower = Int64.min + 1
        var upper = Int64.max
        var hasDate = false
        var entityKinds = Set<IndexEntity.Kind>()
        for child in children { if case .kind(let kind) = child { entityKinds.insert(Self.kind(kind)) } }
        var pairs: [ConjunctionScorer.ProximityPair] = []
        var previousTerm: TermScorer? = nil
        for child in children {
            switch child {
            case .after(let day):
                lower = max(lower, day.midnightInVietnam)
                hasDate = true
                previousTerm = nil
            case .before(let day):
                upper = min(upper, day.midnightInVietnam)
                hasDate = true
                previousTerm = nil
            case .entity(let name, _):
                required.append(DocListScorer(self.index.entities.documents(mentioning: name, kinds: entityKinds)))
                previousTerm = nil
            case .not(let inner):
                if let scorer = self.compile(inner, positive: !positive) { excluded.append(scorer) }
            default:
                guard let scorer = self.compile(child, positive: positive) else { continue }
                required.append(scorer)
                let term = scorer as? TermScorer
                if let term, let previous = previousTerm, case .word(_, nil, _) = child {
                    pairs.append(.init(first: previous, second: term))
                }
                if case .word(_, nil, _) = child { previousTerm = term } else { previousTerm = nil }
            }
        }
        let dateFilter = hasDate ? DateRangeScorer(dates: self.index.publishedAt, lower: lower, upper: upper) : nil
        if required.isEmpty {
            guard let dateFilter else { return nil }
            if excluded.isEmpty { return dateFilter }
            required.append(dateFilter)
        }
        if required.count == 1, excluded.isEmpty, dateFilter == nil { return required[0] }
        return ConjunctionScorer(
            required: required,
            excluded: excluded,
            dateFilter: dateFilter,
            pairs: pairs,
            proximityWeight: self.index.configuration.proximityWeight
        )
    }
}
