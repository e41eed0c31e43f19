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

    /// Extracts with a collector that is reused across articles, so that its caches, interned strings
    /// and buffers serve the following articles too.
    func extract(from article: Article, reusing collector: inout EntityCollector) -> [ExtractedEntity] {
        run(on: article, collector: &collector)
        return collector.entities()
    }

    /// Extracts the entities of one article into the collector's chunk as records (the loader's path);
    /// returns the range of the article's records.
    func extractRecords(from article: Article, into collector: inout EntityCollector) -> Range<Int32> {
        run(on: article, collector: &collector)
        return collector.appendRecords()
    }

    private func run(on article: Article, collector: inout EntityCollector) {
        collector.startArticle()
        let scans = collector.scanFields(of: article)
        for scan in scans {
            EntityRules.run(on: scan, collector: &collector)
        }
        for scan in scans {
            KnownNameRule.run(on: scan, collector: &collector)
        }
    }
}
