import CorpusEngine
import Testing

@Suite("Entity rules on small articles")
struct EntityRuleTests {
    private func entities(_ body: String) -> [ExtractedEntity] {
        EntityExtractor().extract(from: Article(id: "t", sections: [.init(paragraphs: [body])]))
    }

    private func names(_ body: String, _ kind: EntityKind) -> Set<String> {
        Set(entities(body).filter { $0.kind == kind }.map(\.name))
    }

    @Test("The fixture article: persons, roles, places, organizations, documents")
    func fixture() throws {
        let article = try Fixtures.parse("entities.txt")
        let entities = EntityExtractor().extract(from: article)
        let persons = entities.filter { $0.kind == .person }
        #expect(Set(persons.map(\.name)) == ["Võ Thị Ánh Xuân", "Nguyễn Văn Lên"])
        let len = try #require(persons.first { $0.name == "Nguyễn Văn Lên" })
        #expect(len.roles == ["Chủ tịch UBND huyện Tri Tôn"])
        let places = Set(entities.filter { $0.kind == .location }.map(\.name))
        #expect(places.isSuperset(of: ["An Giang", "Tri Tôn", "Ba Chúc", "Lạc Quới", "Lê Trì"]))
        let documents = Set(entities.filter { $0.kind == .document }.map(\.name))
        #expect(documents == ["Nghị quyết số 18-NQ/TW", "Quyết định số 1234/QĐ-UBND"])
        let organizations = Set(entities.filter { $0.kind == .organization }.map(\.name))
        #expect(
            organizations.isSuperset(of: [
                "Tỉnh ủy", "Huyện ủy", "Ủy ban nhân dân", "Mặt trận Tổ quốc", "Trung tâm Y tế",
            ])
        )
        let ubnd = try #require(entities.first { $0.id == "organization:uy-ban-nhan-dan" })
        #expect(Set(ubnd.aliases).isSuperset(of: ["UBND", "Ủy ban nhân dân"]))
    }

    @Test(
        "Sentence-initial capitals, quotes and credits make no person",
        arguments: [
            "Theo Báo Nhân Dân, giá lúa tăng.",
            "Đồng thời, Ban Thường vụ chỉ đạo sát sao.",
            "“Chúng Tôi Sẽ Cố Gắng”, lãnh đạo nói.",
            "Năm Nay Thời Tiết thuận lợi. Tuy Nhiên Giá Phân bón tăng.",
            "Cần Thơ Hôm Nay mưa lớn.",
            "Người dân ở đây nói: Mùa Lúa Năm Nay rất tốt.",
        ]
    )
    func noFalsePersons(body: String) {
        #expect(names(body, .person).isEmpty)
    }

    @Test("Honorifics need a capitalized name; anh/chị need a surname")
    func honorifics() {
        #expect(names("Ông Trần Văn Bình cho biết như vậy.", .person) == ["Trần Văn Bình"])
        #expect(names("Bà con ở đây rất vui, bà Hoa nói.", .person).isEmpty)
        #expect(names("anh Nguyễn Minh Tâm và anh Hai Lúa cùng đi.", .person) == ["Nguyễn Minh Tâm"])
    }

    @Test("A title without an organization gives a role")
    func titleRole() throws {
        let person = try #require(entities("Bộ trưởng Bộ Y tế Đào Hồng Lan làm việc.").first { $0.kind == .person })
        #expect(person.name == "Đào Hồng Lan")
        #expect(person.roles == ["Bộ trưởng Bộ Y tế"])
    }

    @Test("Location lists stop at a verb")
    func lists() {
        #expect(
            names("tại các tỉnh Đồng Tháp, Vĩnh Long và Kiên Giang.", .location) == [
                "Đồng Tháp", "Vĩnh Long", "Kiên Giang",
            ]
        )
        #expect(names("tại xã Tân Mỹ, Nguyễn Văn A cho biết.", .location) == ["Tân Mỹ"])
        #expect(names("quận 1 và phường 3", .location) == ["Quận 1", "Phường 3"])
    }

    @Test("Both tone conventions merge into one entity")
    func toneConventions() {
        let found = entities("ông Nguyễn Văn Hoà đến. Sau đó ông Nguyễn Văn Hòa về.").filter { $0.kind == .person }
        #expect(found.count == 1)
        #expect(found.first?.name == "Nguyễn Văn Hòa")
        #expect(found.first?.mentionCount == 2)
    }

    @Test("Stable ids from kind and folded name")
    func ids() {
        #expect(EntityKind.person.entityID(forName: "Võ Anh Kiệt") == "person:vo-anh-kiet")
        #expect(EntityKind.document.entityID(forName: "Kế hoạch số 94-KH/TU") == "document:ke-hoach-so-94-kh-tu")
        #expect(EntityKind.location.entityID(forName: "Đồng Tháp") == "location:dong-thap")
    }
}

@Suite("Entity rules: boundaries")
struct EntityBoundaryTests {
    private func entities(_ body: String) -> [ExtractedEntity] {
        EntityExtractor().extract(from: Article(id: "t", sections: [.init(paragraphs: [body])]))
    }

    @Test("A surname inside the name does not split off a one-syllable place")
    func noOneSyllablePlace() {
        let found = entities("Phó Giám đốc Sở Y tế Trần Thái Đạt cho biết như vậy.")
        #expect(found.filter { $0.kind == .person }.map(\.name) == ["Trần Thái Đạt"])
        #expect(found.filter { $0.kind == .location }.isEmpty)
    }

    @Test("Organization names stop after a dash-joined word")
    func dashWord() {
        let found = entities("Trung tâm Văn hóa - Thể thao vật chất tốt hơn.")
        #expect(found.filter { $0.kind == .organization }.map(\.name) == ["Trung tâm Văn hóa - Thể thao"])
    }
}
