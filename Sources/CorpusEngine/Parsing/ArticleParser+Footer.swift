extension ArticleParser {
    /// Agencies that may stand alone or in parentheses in a byline.
    static let agencies: Set<String> = [
        "TTXVN", "VNA", "AFP", "REUTERS", "AP", "VOV", "VTV", "TTO", "XINHUA", "BBC", "CNN", "VNEXPRESS", "VIETNAMPLUS",
    ]

    /// Author prefixes in bylines, as token keys.
    static let bylinePrefixes = [
        "bài và ảnh", "bài ảnh", "tin và ảnh", "tin ảnh", "bài", "tin", "nhóm pv", "nhóm phóng viên", "thực hiện",
    ]

    func parseFooter(_ lines: inout ArraySlice<SourceLine>, into state: inout ParseState) {
        var inspected = 0
        while inspected < 3, let line = lines.last {
            inspected += 1
            if SiteJunk.isJunk(line.text) {
                state.note(line, "removed site junk “\(line.text)”")
                lines.removeLast()
                inspected -= 1
            } else if let credit = Self.credit(line.text) {
                state.article.credits.insert(credit, at: 0)
                state.note(line, "credit (starts with Theo/Nguồn)")
                lines.removeLast()
            } else if state.article.author.isEmpty, state.article.source.isEmpty,
                let byline = Self.byline(line.text)
            {
                state.article.author = byline.author
                state.article.source = byline.source
                state.note(line, "byline (short, capitalized, no final punctuation)")
                lines.removeLast()
            } else {
                break
            }
        }
        if state.article.author.isEmpty, state.article.source.isEmpty, let last = lines.last,
            let (paragraph, byline) = Self.trailingByline(last.text)
        {
            state.article.author = byline.author
            state.article.source = byline.source
            lines[lines.endIndex - 1].text = paragraph
            state.note(last, "byline at the end of the last paragraph")
        }
    }

    /// `Theo Báo Nhân Dân`, `(Theo TTXVN)`, `Nguồn: VnExpress`: at most twelve words.
    static func credit(_ text: Substring) -> String? {
        var body = text
        if body.first == "(", body.last == ")" { body = body.dropFirst().dropLast() }
        body = body.trimmingSpaces
        let lower = body.prefix(6).lowercased()
        guard lower.hasPrefix("theo ") || lower.hasPrefix("nguồn") else { return nil }
        let words = LineShape.wordCount(body, upTo: 12)
        guard words >= 2, words <= 12, !LineShape.endsWithTerminalPunctuation(body) || words <= 6 else { return nil }
        var credit = LineShape.collapsingSpaces(body)
        if credit.hasSuffix(".") { credit.removeLast() }
        return credit
    }

    /// The author and agency of a byline line, or `nil` if the line does not look like one.
    static func byline(_ text: Substring) -> (author: String, source: String)? {
        guard LineShape.scalarCount(text, upTo: 80) <= 80, !LineShape.containsDigit(text) else { return nil }
        guard !LineShape.endsWithTerminalPunctuation(text) else { return nil }
        var body = text
        var hadPrefix = false
        if let colon = body.firstIndex(of: ":") {
            let prefixKey = VietnameseText.key(String(body[..<colon]))
            guard bylinePrefixes.contains(prefixKey) else { return nil }
            body = body[body.index(after: colon)...].trimmingSpaces
            hadPrefix = true
        }
        var source = ""
        if body.last == ")", let open = body.lastIndex(of: "(") {
            let inner = body[body.index(after: open)..<body.index(before: body.endIndex)].trimmingSpaces
            guard !inner.isEmpty, inner.count <= 30 else { return nil }
            source = String(inner)
            body = body[..<open].trimmingSpaces
        }
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        if words.count == 1, agencies.contains(String(words[0]).uppercased()), source.isEmpty {
            return ("", String(words[0]))
        }
        guard (1...8).contains(words.count) else { return nil }
        let allowed: (Character) -> Bool = { $0.isLetter || $0 == "-" || $0 == "," || $0 == "." || $0 == "'" }
        guard words.allSatisfy({ $0.allSatisfy(allowed) }) else { return nil }
        if LineShape.isAllCaps(body), words.count >= 2 || hadPrefix || !source.isEmpty {
            return (LineShape.titleCased(LineShape.collapsingSpaces(body)), source)
        }
        let capitalizedWords = words.filter { $0.first?.isUppercase ?? false || $0 == "-" }
        if capitalizedWords.count == words.count, words.count >= 2, words.count <= 6 {
            return (LineShape.collapsingSpaces(body), source)
        }
        return nil
    }

    /// A byline glued to the end of the last paragraph (`… phát triển. HỮU HUYNH`).
    static func trailingByline(_ text: Substring) -> (Substring, (author: String, source: String))? {
        guard let end = text.lastIndex(where: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "\u{2026}" }),
            end != text.index(before: text.endIndex)
        else { return nil }
        let tail = text[text.index(after: end)...].trimmingSpaces
        guard LineShape.isAllCaps(tail), LineShape.wordCount(tail) >= 2, LineShape.wordCount(tail) <= 6,
            let byline = byline(tail)
        else { return nil }
        return (text[...end], byline)
    }
}
