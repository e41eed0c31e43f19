import CorpusEngine
import Testing

@Suite("The seed article parses into what a reader sees")
struct SeedArticleTests {
    @Test("Title, date with +07:00 and lead without the dash")
    func header() throws {
        let article = try Fixtures.parseSeed()
        #expect(article.id == "000_f9a3dc24e25b1244")
        #expect(article.title == "An Phú tập trung chuẩn bị tốt Đại hội Đảng bộ các cấp")
        #expect(article.publishedAt?.rfc3339 == "2019-11-12T08:21:00+07:00")
        #expect(article.lead.hasPrefix("Sau khi tiếp thu Chỉ thị số 35-CT/TW"))
        #expect(article.lead.hasSuffix("lần thứ VII."))
        #expect(!article.lead.contains("\u{A0}"))
    }

    @Test("Sections: untitled first section, then the two headings")
    func sections() throws {
        let article = try Fixtures.parseSeed()
        #expect(article.sections.map(\.heading) == ["Tăng cường công tác chuẩn bị", "Xác định đúng đường hướng"])
        #expect(article.sections[0].paragraphs.count == 4)
        #expect(article.sections[0].paragraphs[0].hasPrefix("Bí thư Huyện ủy An Phú Ngô Công Thức cho biết"))
        #expect(article.sections[1].paragraphs.count == 4)
        #expect(
            article.sections[1].paragraphs.last?.hasPrefix("Phó Bí thư Thường trực Tỉnh ủy Võ Anh Kiệt yêu cầu") == true
        )
    }

    @Test("Exactly one caption, no site junk, author in title case")
    func captionJunkAuthor() throws {
        let article = try Fixtures.parseSeed()
        #expect(
            article.captions == [
                "Phó Bí thư Thường trực Tỉnh ủy Võ Anh Kiệt cùng đoàn công tác làm việc với huyện An Phú"
            ]
        )
        var texts: [String] = []
        article.forEachField { _, text in texts.append(text) }
        #expect(!texts.contains("A A"))
        #expect(article.author == "Hữu Huynh")
        #expect(article.source.isEmpty)
        #expect(article.credits.isEmpty)
    }

    @Test("Explain mode notes the junk line and each decision")
    func explain() throws {
        let parsed = try ArticleParser(options: .init(explain: true))
            .parse(bytes: Fixtures.seedBytes(), id: "seed", path: "seed")
        #expect(parsed.notes.contains { $0.contains("removed site junk “A A”") })
        #expect(parsed.notes.contains { $0.contains("heading") })
        #expect(parsed.notes.contains { $0.contains("byline") })
    }
}
