import CorpusEngine
import Testing

@Suite("Entities of the seed article")
struct SeedEntityTests {
    private func entities() throws -> [ExtractedEntity] {
        try EntityExtractor().extract(from: Fixtures.parseSeed())
    }

    @Test("Persons with roles, and no person made of a sentence start")
    func persons() throws {
        let persons = try entities().filter { $0.kind == .person }
        let thuc = try #require(persons.first { $0.name == "Ngô Công Thức" })
        #expect(thuc.roles.contains("Bí thư Huyện ủy An Phú"))
        #expect(thuc.id == "person:ngo-cong-thuc")
        let kiet = try #require(persons.first { $0.name == "Võ Anh Kiệt" })
        #expect(kiet.roles.contains("Phó Bí thư Thường trực Tỉnh ủy"))
        #expect(kiet.mentionCount >= 5)
        #expect(Set(persons.map(\.name)) == ["Ngô Công Thức", "Võ Anh Kiệt"])
    }

    @Test("Locations from designators, lists and earlier mentions")
    func locations() throws {
        let locations = try entities().filter { $0.kind == .location }
        let names = Set(locations.map(\.name))
        for name in ["An Phú", "Phước Hưng", "Khánh An", "Phú Hữu"] {
            #expect(names.contains(name), "\(name)")
        }
        let anPhu = try #require(locations.first { $0.name == "An Phú" })
        #expect(anPhu.mentionCount >= 8)
    }

    @Test("Organizations and abbreviations")
    func organizations() throws {
        let organizations = try entities().filter { $0.kind == .organization }
        let names = Set(organizations.map(\.name))
        #expect(names.contains("Bộ Chính trị"))
        #expect(names.contains("Tỉnh ủy"))
        #expect(names.contains("Huyện ủy"))
        #expect(names.contains("Ban Thường vụ Huyện ủy"))
        let ubnd = try #require(organizations.first { $0.name == "Ủy ban nhân dân" })
        #expect(ubnd.aliases.contains("UBND"))
        #expect(ubnd.id == "organization:uy-ban-nhan-dan")
        let mttq = try #require(organizations.first { $0.name == "Mặt trận Tổ quốc" })
        #expect(mttq.aliases.contains("MTTQ"))
    }

    @Test("The three documents")
    func documents() throws {
        let documents = try entities().filter { $0.kind == .document }
        #expect(Set(documents.map(\.name)) == ["Chỉ thị số 35-CT/TW", "Kế hoạch số 94-KH/TU", "Kết luận số 55-KL/TW"])
        let directive = try #require(documents.first { $0.name == "Chỉ thị số 35-CT/TW" })
        #expect(directive.aliases.contains("35-CT/TW"))
        #expect(directive.id == "document:chi-thi-so-35-ct-tw")
    }

    @Test("Mentions carry field ordinals and scalar offsets of the field text")
    func offsets() throws {
        let article = try Fixtures.parseSeed()
        let entities = EntityExtractor().extract(from: article)
        for entity in entities {
            for mention in entity.mentions {
                let text = try #require(article.text(ofField: mention.field))
                let scalars = Array(text.unicodeScalars)
                try #require(mention.scalarRange.upperBound <= scalars.count)
                let surface = String(String.UnicodeScalarView(scalars[mention.scalarRange]))
                #expect(
                    entity.aliases.contains(surface) || entity.name == surface
                        || VietnameseText.key(surface) == VietnameseText.key(entity.name),
                    "\(entity.id): \(surface)"
                )
            }
        }
    }
}
