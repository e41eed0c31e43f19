import CorpusEngine
import Foundation
import Testing

@Suite("Article format variants")
struct FormatVariantTests {
    @Test("Missing date")
    func missingDate() throws {
        let article = try Fixtures.parse("no-date.txt")
        #expect(article.title == "Cần Thơ khởi công cầu Trần Hoàng Na")
        #expect(article.publishedAt == nil)
        #expect(article.lead.hasPrefix("Sáng 5/3"))
        #expect(article.sections.count == 1)
        #expect(article.sections[0].heading.isEmpty)
        #expect(article.sections[0].paragraphs.count == 2)
        #expect(article.author == "Ngọc Lan")
    }

    @Test("Missing title")
    func missingTitle() throws {
        let article = try Fixtures.parse("no-title.txt")
        #expect(article.title.isEmpty)
        #expect(article.publishedAt?.rfc3339 == "2023-03-05T09:15:00+07:00")
        #expect(article.lead.hasPrefix("Hội Nông dân tỉnh Đồng Tháp"))
        #expect(article.author == "Minh Trí")
    }

    @Test("Missing lead, mixed-case byline with agency")
    func missingLead() throws {
        let article = try Fixtures.parse("no-lead.txt")
        #expect(article.lead.isEmpty)
        #expect(article.sections.first?.paragraphs.count == 2)
        #expect(article.author == "Thanh Tiến")
        #expect(article.source == "TTXVN")
    }

    @Test("No headings and several captions")
    func captions() throws {
        let article = try Fixtures.parse("captions.txt")
        #expect(article.sections.count == 1)
        #expect(article.sections[0].heading.isEmpty)
        #expect(article.sections[0].paragraphs.count == 2)
        #expect(
            article.captions == [
                "Quang cảnh lễ khánh thành",
                "Học sinh trong giờ học tại phòng học mới. Ảnh: HOÀNG VŨ",
                "Đại diện nhà tài trợ trao quà cho học sinh có hoàn cảnh khó khăn tại buổi lễ",
            ]
        )
        #expect(article.author == "Thanh Tiến")
        #expect(article.source == "TTXVN")
    }

    @Test("Theo credit after a mixed-case byline")
    func credits() throws {
        let article = try Fixtures.parse("credits.txt")
        #expect(article.credits == ["Theo Báo Nhân Dân"])
        #expect(article.author == "Hữu Huynh")
        #expect(article.sections[0].paragraphs.count == 1)
        #expect(article.sections[0].paragraphs[0].hasPrefix("Theo ông Trần Văn Bình"))
    }

    @Test("Metadata header lines")
    func metadata() throws {
        let article = try Fixtures.parse("metadata.txt")
        #expect(article.url == "https://example.vn/bai-viet/123")
        #expect(article.publishedAt?.rfc3339 == "2020-10-01T00:00:00+07:00")
        #expect(article.metadata.map(\.key) == ["date", "site"])
        #expect(article.metadata.last?.value == "baoangiang")
        #expect(article.title == "Hội thảo khoa học về chuyển đổi số")
        #expect(article.author.isEmpty)
        #expect(article.sections[0].paragraphs.count == 1)
        // "PV" is neither an agency nor two words: it stays as text rather than being guessed.
        #expect(article.captions == ["PV"])
    }

    @Test("Whole body on one line with the byline glued to it")
    func oneLine() throws {
        let article = try Fixtures.parse("one-line.txt")
        #expect(article.sections.count == 1)
        #expect(article.sections[0].paragraphs.count == 1)
        #expect(article.sections[0].paragraphs[0].hasSuffix("để thu hút nhà đầu tư."))
        #expect(article.author == "Minh Duy")
    }

    @Test("Unclassifiable lines are kept as paragraphs")
    func unclassifiable() throws {
        let article = try Fixtures.parse("unclassifiable.txt")
        #expect(article.lead.hasPrefix("Lễ hội Nghinh Ông"))
        let paragraphs = article.sections.flatMap(\.paragraphs)
        #expect(paragraphs.contains(">>> xem tiếp phần 2 ở trang sau <<<"))
        #expect(paragraphs.contains("lễ hội diễn ra trong ba ngày với các nghi thức truyền thống"))
        #expect(paragraphs.contains("* * *"))
        #expect(article.author == "Hoàng Anh")
    }

    @Test("CRLF, BOM, NFD and trailing spaces give the same article as the seed")
    func encodingVariants() throws {
        let seed = try Fixtures.parseSeed()
        let text = String(decoding: try Fixtures.seedBytes(), as: UTF8.self)
        let nfd = text.decomposedStringWithCanonicalMapping
        let crlf = nfd.replacingOccurrences(of: "\n", with: "   \r\n")
        let bytes = [0xEF, 0xBB, 0xBF] + Array(crlf.utf8)
        let variant = try ArticleParser().parse(bytes: bytes, id: seed.id, path: "variant").article
        #expect(variant == seed)
    }

    @Test("Empty and non-UTF-8 files are errors with the path")
    func unreadable() {
        #expect(throws: ArticleParseError(path: "a/empty.txt", reason: .empty)) {
            try ArticleParser().parse(bytes: Array(" \n\u{A0}\n".utf8), id: "empty", path: "a/empty.txt")
        }
        #expect(throws: ArticleParseError(path: "b.txt", reason: .notUTF8)) {
            try ArticleParser().parse(bytes: [0x41, 0xC3, 0x28, 0xFF], id: "b", path: "b.txt")
        }
        #expect(ArticleParseError(path: "b.txt", reason: .notUTF8).description == "b.txt: not valid UTF-8")
    }

    @Test("Date lines in other shapes")
    func dateShapes() throws {
        for line in ["Thứ ba, 12/11/2019 - 08:21 (GMT+7)", "12/11/2019 08:21", "08:21 12/11/2019"] {
            let article = try ArticleParser().parse(text: "Tiêu đề\n\(line)\n\nĐoạn văn.", id: "x").article
            #expect(article.publishedAt?.rfc3339 == "2019-11-12T08:21:00+07:00", "\(line)")
        }
        let noTime = try ArticleParser().parse(text: "Tiêu đề\n12/11/2019\n\nĐoạn văn.", id: "x").article
        #expect(noTime.publishedAt?.rfc3339 == "2019-11-12T00:00:00+07:00")
        let invalid = try ArticleParser().parse(text: "Tiêu đề\n31/02/2019 - 08:21\n\nĐoạn văn.", id: "x").article
        #expect(invalid.publishedAt == nil)
    }

    @Test("Published time renders RFC 3339 with the offset")
    func publishedTime() throws {
        let time = try #require(PublishedTime(year: 2019, month: 11, day: 12, hour: 8, minute: 21))
        #expect(time.rfc3339 == "2019-11-12T08:21:00+07:00")
        #expect(time.secondsSince1970 == 1_573_521_660)
        #expect(PublishedTime(secondsSince1970: 0, utcOffsetMinutes: 0).rfc3339 == "1970-01-01T00:00:00+00:00")
    }
}
