import Foundation
import Testing

@testable import CorpusCLI

@Suite("corpus parse")
struct ParseCommandTests {
    static let seed = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds/000_f9a3dc24e25b1244.txt").path

    @Test("JSON output uses the protobuf JSON names and enum strings")
    func json() throws {
        let output = Parse.render(files: [Self.seed], json: true, explain: false)
        #expect(output.errors.isEmpty)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(output.text.utf8)) as? [String: Any]
        )
        #expect(object["id"] as? String == "000_f9a3dc24e25b1244")
        #expect(object["publishedAt"] as? String == "2019-11-12T08:21:00+07:00")
        #expect(object["author"] as? String == "Hữu Huynh")
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(
            sections.map { $0["heading"] as? String } == ["Tăng cường công tác chuẩn bị", "Xác định đúng đường hướng"]
        )
        #expect((object["captions"] as? [String])?.count == 1)
        let entities = try #require(object["entities"] as? [[String: Any]])
        let thuc = try #require(entities.first { $0["name"] as? String == "Ngô Công Thức" })
        #expect(thuc["kind"] as? String == "PERSON")
        #expect(thuc["roles"] as? [String] == ["Bí thư Huyện ủy An Phú"])
        #expect(thuc["mentionCount"] as? Int == 1)
        #expect(thuc["id"] as? String == "person:ngo-cong-thuc")
        #expect(object["url"] == nil)
        #expect(object["credits"] == nil)
    }

    @Test("Readable output lists fields and entities; errors name the file")
    func readable() {
        let output = Parse.render(files: [Self.seed, "/nonexistent/x.txt"], json: false, explain: true)
        #expect(output.text.contains("title     An Phú tập trung chuẩn bị tốt Đại hội Đảng bộ các cấp"))
        #expect(output.text.contains("PERSON       Võ Anh Kiệt ×5"))
        #expect(output.text.contains("removed site junk “A A”"))
        #expect(output.errors == ["/nonexistent/x.txt: no such file"])
    }
}
