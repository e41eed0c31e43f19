import Foundation

/// Writes realistic synthetic articles in the seed format, for scale tests and benchmarks.
///
/// Each article draws names with titles, places with `xã`/`huyện`/`tỉnh`, organizations and
/// numbered documents from ``GeneratorWords``, with varied lengths and dates, and the format variants
/// the parser handles: missing date, title or lead, metadata header lines, several captions, bylines
/// with an agency or in mixed case, `Theo …` credits, the body on one line, CRLF, a BOM, NFD text,
/// trailing spaces and the new tone-mark convention (`hoà`). Article `i` depends only on the seed and
/// `i`, so output is deterministic and can be produced in parallel.
public struct CorpusGenerator: Sendable {
    /// One generated file.
    public struct GeneratedFile: Sendable {
        /// The file name, for example `g000042_5f1c9a0b7d3e2a41.txt`.
        public var fileName: String
        /// The file's bytes (UTF-8, possibly with BOM, CRLF or NFD).
        public var bytes: [UInt8]
    }

    /// The seed.
    public var seed: UInt64

    /// Creates a generator.
    public init(seed: UInt64 = 1) {
        self.seed = seed
    }

    /// Generates article number `index`.
    public func makeFile(index: Int) -> GeneratedFile {
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index))
        let hash = String(rng.next(), radix: 16)
        let name = "g" + Self.pad(index, 6) + "_" + String(repeating: "0", count: 16 - hash.count) + hash + ".txt"
        var writer = ArticleWriter(rng: rng)
        return GeneratedFile(fileName: name, bytes: writer.write())
    }

    /// Writes `count` articles into `directory` (created if needed), using every core.
    ///
    /// - Returns: the total number of bytes written.
    public func write(count: Int, to directory: String) async throws -> Int {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let workers = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var bytes = 0
                    for index in stride(from: worker, to: count, by: workers) {
                        let file = makeFile(index: index)
                        let url = URL(fileURLWithPath: directory).appendingPathComponent(file.fileName)
                        try Data(file.bytes).write(to: url)
                        bytes += file.bytes.count
                    }
                    return bytes
                }
            }
            return try await group.reduce(0, +)
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(width - text.count, 0)) + text
    }
}

/// Builds the text of one article.
struct ArticleWriter {
    typealias W = GeneratorWords
    var rng: SplitMix64
    private var people: [(name: String, role: String)] = []
    private var province = ""
    private var district = ""

    init(rng: SplitMix64) {
        self.rng = rng
    }

    mutating func write() -> [UInt8] {
        province = rng.pick(W.provinces)
        district = placeName()
        people = (0..<rng.between(1...3)).map { _ in (personName(), rng.pick(W.roles)) }
        var lines: [String] = []
        if rng.chance(10) {
            lines.append(
                "# date = \(rng.between(2015...2024))\(GeneratorPad.two(rng.between(1...12)))\(GeneratorPad.two(rng.between(1...28)))"
            )
            lines.append("# url = https://example.vn/tin-tuc/\(rng.between(100_000...999_999)).html")
        }
        if !rng.chance(3) { lines.append(capitalized(clause(8...16))) }
        if !rng.chance(5) {
            let date =
                "\(GeneratorPad.two(rng.between(1...28)))/\(GeneratorPad.two(rng.between(1...12)))/\(rng.between(2015...2024))"
            lines.append("\(date) - \(GeneratorPad.two(rng.between(6...22))):\(GeneratorPad.two(rng.between(0...59)))")
        }
        if !rng.chance(5) { lines.append("\u{A0}-\u{A0} " + sentence() + " " + sentence()) }
        if rng.chance(70) { lines.append(rng.pick(W.junk)) }
        var body: [String] = []
        let sections = rng.between(0...3)
        for section in 0...sections {
            if section > 0 { body.append(capitalized(clause(3...7))) }
            for _ in 0..<rng.between(1...4) {
                body.append((0..<rng.between(2...5)).map { _ in sentence() }.joined(separator: " "))
                if rng.chance(12) { body.append(caption()) }
            }
        }
        if rng.chance(3) { body = [body.filter { $0.hasSuffix(".") || $0.hasSuffix("”") }.joined(separator: " ")] }
        lines += body
        lines.append(byline())
        if rng.chance(15) { lines.append("Theo \(rng.pick(W.newspapers))") }
        var text = lines.joined(separator: "\n\n")
        if rng.chance(10) {
            text = text.replacingOccurrences(of: "hòa", with: "hoà").replacingOccurrences(of: "thủy", with: "thuỷ")
        }
        if rng.chance(10) { text = text.replacingOccurrences(of: "\n\n", with: "  \n\n") }
        if rng.chance(5) { text = text.decomposedStringWithCanonicalMapping }
        if rng.chance(5) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        var bytes = Array(text.utf8)
        if rng.chance(3) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        return bytes
    }

    private mutating func personName() -> String {
        [rng.pick(W.surnames), rng.pick(W.middleNames), rng.pick(W.givenNames)].joined(separator: " ")
    }

    private mutating func placeName() -> String {
        var first = rng.pick(W.placeSyllables)
        var second = rng.pick(W.placeSyllables)
        while second == first { second = rng.pick(W.placeSyllables) }
        if rng.chance(10) { swap(&first, &second) }
        return "\(first) \(second)"
    }

    private mutating func clause(_ words: ClosedRange<Int>) -> String {
        var parts: [String] = []
        for _ in 0..<rng.between(words) {
            parts.append(rng.chance(30) ? rng.pick(W.functionWords) : rng.pick(W.phrases))
        }
        return parts.joined(separator: " ")
    }

    private func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    private mutating func document() -> String {
        let (type, code) = rng.pick(W.documents)
        return "\(type) số \(rng.between(1...250))-\(code)"
    }

    private mutating func sentence() -> String {
        let person = rng.pick(people)
        switch rng.below(10) {
        case 0:
            return "\(person.role) \(person.name) \(rng.pick(W.verbs)), \(clause(8...18))."
        case 1:
            return "Theo ông \(person.name), \(clause(8...16))."
        case 2:
            return capitalized(clause(6...12)) + " tại xã \(placeName()), huyện \(district), tỉnh \(province)."
        case 3:
            return "Thực hiện \(document()) của \(rng.pick(W.organizations)), \(clause(8...16))."
        case 4:
            return "Đồng chí \(person.name) \(rng.pick(W.verbs)) \(rng.pick(W.organizations)) \(clause(6...14))."
        case 5:
            return "“\(capitalized(clause(8...14)))”, bà \(personName()) nói."
        case 6:
            return capitalized(clause(5...10)) + " ở các xã \(placeName()), \(placeName()) và \(placeName())."
        default:
            return capitalized(clause(10...24)) + "."
        }
    }

    private mutating func caption() -> String {
        let person = rng.pick(people)
        let text = "\(person.role) \(person.name) \(rng.pick(W.captionActions)) huyện \(district)"
        return rng.chance(50) ? text + "\u{A0}" : text + ". Ảnh: \(personName().uppercased())"
    }

    private mutating func byline() -> String {
        let author = rng.pick(W.middleNames) + " " + rng.pick(W.givenNames)
        switch rng.below(6) {
        case 0: return "\(author.uppercased()) (\(rng.pick(W.agencies)))"
        case 1: return author
        default: return author.uppercased()
        }
    }
}

enum GeneratorPad {
    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
