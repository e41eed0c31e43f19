import CorpusEngine
import Foundation
import Testing

@Suite("Corpus generator")
struct CorpusGeneratorTests {
    @Test("The same seed gives the same files; another seed differs")
    func deterministic() {
        let a = CorpusGenerator(seed: 7)
        let b = CorpusGenerator(seed: 7)
        for index in [0, 1, 99] {
            #expect(a.makeFile(index: index).bytes == b.makeFile(index: index).bytes)
            #expect(a.makeFile(index: index).fileName == b.makeFile(index: index).fileName)
        }
        #expect(CorpusGenerator(seed: 8).makeFile(index: 0).bytes != a.makeFile(index: 0).bytes)
    }

    @Test("Generated articles parse, carry entities and cover the format variants")
    func parses() throws {
        let generator = CorpusGenerator(seed: 3)
        var sawCRLF = false
        var sawBOM = false
        var sawNFD = false
        var sawMetadata = false
        var totalBytes = 0
        var persons = 0
        for index in 0..<400 {
            let file = generator.makeFile(index: index)
            totalBytes += file.bytes.count
            sawBOM = sawBOM || file.bytes.starts(with: [0xEF, 0xBB, 0xBF])
            sawCRLF = sawCRLF || file.bytes.contains(0x0D)
            let text = String(decoding: file.bytes, as: UTF8.self)
            sawNFD = sawNFD || VietnameseText.mayNeedNFC(text)
            sawMetadata = sawMetadata || text.contains("# url = ")
            let article = try ArticleParser().parse(bytes: file.bytes, id: "g", path: file.fileName).article
            #expect(!article.sections.isEmpty || !article.lead.isEmpty)
            persons += EntityExtractor().extract(from: article).filter { $0.kind == .person }.count
        }
        #expect(sawCRLF && sawBOM && sawNFD && sawMetadata)
        #expect(persons > 400)
        #expect((1_500...8_000).contains(totalBytes / 400))
    }
}
