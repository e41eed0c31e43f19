/// Rule-based, explainable extraction of persons, places, organizations and legal documents.
///
/// Every rule needs a trigger word, so that a capital letter alone (as at the start of a sentence or
/// after a quote) never makes an entity:
///
/// - **Documents**: a document type (`Chỉ thị`, `Kế hoạch`, `Kết luận`, `Nghị quyết`, `Quyết định`, …),
///   optionally `số`, then a code with a digit (`35-CT/TW`). Name `Chỉ thị số 35-CT/TW`; the code
///   alone is an alias.
/// - **Persons**: a role chain (titles such as `Phó Bí thư` `Thường trực`, then optionally an
///   organization and a place: `Tỉnh ủy`, `UBND huyện Tri Tôn`) or an honorific (`ông`, `bà`,
///   `đồng chí`; `anh`/`chị` only before a known surname), then a run of 2–4 capitalized syllables.
///   When the chain names an organization that belongs to a place, the run is split before a surname
///   (`Huyện ủy An Phú Ngô Công Thức` → place `An Phú`, person `Ngô Công Thức`); the chain, without
///   the honorific, becomes the person's role (`Bí thư Huyện ủy An Phú`).
/// - **Organizations**: fixed names (`Bộ Chính trị`, `Tỉnh ủy`, `Ban Thường vụ Huyện ủy`, `UBND`,
///   `MTTQ`, …; abbreviations take their long form as name and keep the abbreviation as alias) and
///   capitalized heads (`Trung tâm`, `Bệnh viện`, `Sở`, …) followed by a capitalized name, which may go
///   on in lowercase for up to three syllables until a function word (`Trung tâm Bồi dưỡng chính trị`).
/// - **Locations**: a designator (`tỉnh`, `huyện`, `xã`, `thị trấn`, `thành phố`, `quận`, `phường`,
///   `ấp`, …) followed by 1–4 capitalized syllables, continued through lists
///   (`xã Phước Hưng, Khánh An, Phú Hữu`); province names; and names already found in the article.
/// - **Known names**: after the rules, capitalized runs equal to a person or place found earlier in
///   the same article count as further mentions of it (`… hỗ trợ An Phú …`).
public struct EntityExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// Extracts the entities of one article, most mentioned first (ties by id).
    public func extract(from article: Article) -> [ExtractedEntity] {
        var collector = EntityCollector()
        return extract(from: article, reusing: &collector)
    }

    /// Extracts with a collector that is reused across articles, so that its cache of names and ids
    /// (keyed by token hashes) serves the following articles too. The loader keeps one per chunk.
    func extract(from article: Article, reusing collector: inout EntityCollector) -> [ExtractedEntity] {
        collector.startArticle()
        var scans: [FieldScan] = []
        article.forEachField { field, text in
            scans.append(FieldScan(field: field.ordinal, text: text))
        }
        for index in scans.indices {
            EntityRules.run(into: &scans[index], collector: &collector)
        }
        for index in scans.indices {
            KnownNameRule.run(on: &scans[index], collector: &collector)
        }
        return collector.entities()
    }
}

/// The tokens of one field with their vocabulary ids, the hashes of their normalized forms, and which
/// are already part of a mention.
struct FieldScan {
    let field: Int
    let text: String
    var tokens: [Token] = []
    /// ``LexiconVocabulary`` ids (-1 outside the word lists).
    var ids: [Int32] = []
    /// FNV-1a hashes of the normalized forms (keys of known names).
    var hashes: [UInt64] = []
    var taken: [Bool] = []

    init(field: Int, text: String) {
        self.field = field
        self.text = text
        let vocabulary = LexiconVocabulary.shared
        var tokens: [Token] = []
        var ids: [Int32] = []
        var hashes: [UInt64] = []
        let estimate = text.utf8.count / 5 + 4
        tokens.reserveCapacity(estimate)
        ids.reserveCapacity(estimate)
        hashes.reserveCapacity(estimate)
        VietnameseTokenizer().forEachNormalizedToken(in: text) { token, forms in
            let hash = LexiconVocabulary.hash(forms.normalizedUTF8)
            tokens.append(token)
            hashes.append(hash)
            ids.append(vocabulary.id(ofNormalized: forms.normalizedUTF8, hash: hash))
        }
        self.tokens = tokens
        self.ids = ids
        self.hashes = hashes
        taken = Array(repeating: false, count: tokens.count)
    }

    var count: Int { tokens.count }

    /// Marks tokens as part of a mention.
    mutating func markTaken(_ range: Range<Int>) {
        for index in range { taken[index] = true }
    }

    /// Whether only white space separates token `index` from the one before.
    func joined(_ index: Int) -> Bool { index < tokens.count && tokens[index].followsDirectly }

    /// A capitalized word that may be part of a name (not a code, not an all-caps abbreviation).
    func isNameWord(_ index: Int) -> Bool {
        guard index < tokens.count else { return false }
        let token = tokens[index]
        guard token.isWord, token.flags.contains(.capitalized) else { return false }
        return !token.flags.contains(.allCaps) || token.scalarRange.count == 1
    }

    /// The text from the start of token `range.lowerBound` to the end of token `range.upperBound - 1`.
    func surface(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: tokens[range.lowerBound].utf8Range.lowerBound)
        let to = utf8.index(utf8.startIndex, offsetBy: tokens[range.upperBound - 1].utf8Range.upperBound)
        return LineShape.collapsingSpaces(text[from..<to])
    }

    func scalarRange(_ range: Range<Int>) -> Range<Int> {
        tokens[range.lowerBound].scalarRange.lowerBound..<tokens[range.upperBound - 1].scalarRange.upperBound
    }

    func key(_ range: Range<Int>) -> [UInt64] { Array(hashes[range]) }
}
