internal import CorpusEngine
internal import CorpusProtocol
internal import CorpusTransport
internal import NIOCore

extension CorpusService {
    func registerArticles(in router: inout RPCRouter) {
        router.register(
            CorpusMethods.getArticle,
            inline: { [self] request, _ in
                try getArticle(request)
            }
        )
        router.register(
            CorpusMethods.listArticles,
            stream: { [self] request, writer, _ in
                try await listArticles(request, writer: writer)
            }
        )
    }

    func getArticle(_ request: Corpus_V1_GetArticleRequest) throws -> TypedInlineResponse<Corpus_V1_Article> {
        guard !request.id.isEmpty else {
            throw CorpusError(code: .invalidArgument, message: "the article id is empty")
        }
        guard let index = corpus.articleIndex(id: request.id) else {
            throw CorpusError(code: .notFound, message: "no article with id \"\(request.id)\"")
        }
        if index < encodedArticles.count {
            return .encoded(encodedArticles[index])
        }
        return .message(Corpus_V1_Article(articleAt: index, in: corpus))
    }

    func listArticles(
        _ request: Corpus_V1_ListArticlesRequest,
        writer: ResponseWriter<Corpus_V1_ArticleSummary>
    ) async throws {
        let after = try DateBound(request.after, field: "after")
        let before = try DateBound(request.before, field: "before")
        let authorKey = request.author.isEmpty ? nil : VietnameseText.foldedKey(request.author)
        var allowed: Set<Int>?
        if !request.entity.isEmpty {
            let matches = corpus.findEntities(named: request.entity)
            guard let best = matches.first else {
                throw CorpusError(code: .notFound, message: "no entity named \"\(request.entity)\"")
            }
            allowed = Set(corpus.entities[best.entityIndex].occurrences.map(\.articleIndex))
        }
        let limit = request.limit == 0 ? Int.max : Int(request.limit)
        var start = 0
        if !request.afterID.isEmpty {
            // Articles are ordered by id: resume at the first id after the given one.
            start = corpus.articles.partitioningIndex { $0.id > request.afterID }
        }
        var output = BatchingWriter(writer, batchSize: 32)
        var sent = 0
        for index in start..<corpus.articles.count where sent < limit {
            let article = corpus.articles[index]
            if let allowed, !allowed.contains(index) { continue }
            if let authorKey, VietnameseText.foldedKey(article.author) != authorKey { continue }
            if after != nil || before != nil {
                guard let time = article.publishedAt?.secondsSince1970 else { continue }
                if let after, time < after.seconds { continue }
                if let before, time >= before.seconds { continue }
            }
            guard !output.isClosed else { throw CancellationError() }
            try await output.write(Corpus_V1_ArticleSummary(article))
            sent += 1
        }
        try await output.flush()
    }
}

/// A date filter: `2019-01-01` (midnight in Vietnam, UTC+7) or RFC 3339 with an offset.
struct DateBound {
    let seconds: Int64

    /// Parses `text`; `nil` for an empty string.
    init?(_ text: String, field: String) throws {
        guard !text.isEmpty else { return nil }
        guard let seconds = Self.parse(text) else {
            throw CorpusError(
                code: .invalidArgument,
                message: "\(field): \"\(text)\" is not a date (expected 2019-01-01 or 2019-01-01T08:00:00+07:00)"
            )
        }
        self.seconds = seconds
    }

    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
        else { return nil }
        if bytes.count == 10 {
            return PublishedTime(year: year, month: month, day: day)?.secondsSince1970
        }
        // yyyy-MM-ddTHH:mm:ss followed by Z or ±HH:MM.
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        let zone = bytes[19...]
        var offset = 0
        if zone.elementsEqual("Z".utf8) {
            offset = 0
        } else if zone.count == 6, let sign = zone.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
            bytes[22] == UInt8(ascii: ":"), let hours = number(20..<22), let minutes = number(23..<25)
        {
            offset = (hours * 60 + minutes) * (sign == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        return PublishedTime(
            year: year,
            month: month,
            day: day,
            hour: hour,
            minute: minute,
            second: second,
            utcOffsetMinutes: offset
        )?.secondsSince1970
    }
}

extension Array {
    /// The index of the first element for which `predicate` holds, assuming it holds for a
    /// suffix of the array.
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
