/// The trigger-based rules of ``EntityExtractor`` applied to one field, left to right.
struct EntityRules {
    struct Organization: Sendable {
        var name: String
        var alias: String?
        var takesLocation: Bool
    }

    static let titles = PhraseMatcher(EntityLexicon.titles.map { ($0, ()) })
    /// Value: whether the honorific is weak (`anh`, `chị`, …: needs a surname).
    static let honorifics = PhraseMatcher(
        EntityLexicon.honorifics.map { ($0, EntityLexicon.weakHonorifics.contains($0)) }
    )
    /// Value: whether the designator takes a number (`quận 1`, `phường 3`).
    static let designators = PhraseMatcher(
        EntityLexicon.designators.map { ($0, ["quận", "phường", "khu phố", "tổ dân phố", "ấp"].contains($0)) }
    )
    static let documents = PhraseMatcher(EntityLexicon.documentTypes.map { ($0, ()) })
    static let fixedOrganizations = PhraseMatcher(
        EntityLexicon.fixedOrganizations.map {
            (
                $0.phrase,
                Organization(
                    name: $0.longForm ?? $0.phrase,
                    alias: $0.longForm == nil ? nil : $0.phrase,
                    takesLocation: $0.takesLocation
                )
            )
        }
    )
    static let organizationHeads = PhraseMatcher(EntityLexicon.organizationHeads.map { ($0, ()) })
    static let notOrganizationPhrases = ["Đài Loan", "Hội An", "Bộ Đội", "Báo Chí", "Ban Ngày", "Sở Dĩ"]
    static let notOrganizations = PhraseMatcher(notOrganizationPhrases.map { ($0, ()) })

    /// The field as it was when the rules started (tokens and ids do not change while they run; only
    /// `taken` does).
    let scan: FieldScan
    let vocabulary = LexiconVocabulary.shared

    private init(scan: FieldScan) {
        self.scan = scan
    }

    static func run(into scan: inout FieldScan, collector: inout EntityCollector) {
        EntityRules(scan: scan).run(into: &scan, collector: &collector)
    }

    private func run(into scan: inout FieldScan, collector: inout EntityCollector) {
        var index = 0
        while index < scan.count {
            if scan.taken[index] {
                index += 1
            } else if let end = document(at: index, scan: &scan, collector: &collector) {
                index = end
            } else if let end = person(at: index, scan: &scan, collector: &collector) {
                index = end
            } else if let end = organization(at: index, scan: &scan, collector: &collector) {
                index = end
            } else if let end = location(at: index, scan: &scan, collector: &collector) {
                index = end
            } else {
                index += 1
            }
        }
    }

    // MARK: - Documents

    private func document(at index: Int, scan: inout FieldScan, collector: inout EntityCollector) -> Int? {
        guard let type = Self.documents.match(scan, at: index) else { return nil }
        var code = index + type.length
        if code < scan.count, scan.ids[code] == LexiconVocabulary.so, scan.joined(code) { code += 1 }
        guard code < scan.count, scan.joined(code) else { return nil }
        let flags = scan.tokens[code].flags
        guard flags.contains(.hasDigit), !flags.isDisjoint(with: [.hasLetter, .hasConnector]) else { return nil }
        var typeText = scan.surface(index..<(index + type.length))
        typeText = String(typeText.prefix(1).uppercased()) + typeText.dropFirst()
        let codeText = scan.surface(code..<(code + 1))
        collector.add(
            .document,
            name: "\(typeText) số \(codeText)",
            surface: scan.surface(index..<(code + 1)),
            extraAliases: [codeText],
            in: scan,
            tokens: index..<(code + 1)
        )
        scan.markTaken(index..<(code + 1))
        return code + 1
    }

    // MARK: - Persons

    private func person(at start: Int, scan: inout FieldScan, collector: inout EntityCollector) -> Int? {
        var index = start
        var honorific: Bool?
        var sawTitle = false
        var roleStart: Int?
        var roleEnd = start
        var expectsLocation = false
        var organizations: [(Range<Int>, Organization)] = []
        if let match = Self.honorifics.match(scan, at: index) {
            honorific = match.value
            index += match.length
        }
        while index < scan.count, index == start || scan.joined(index) {
            if let title = Self.titles.match(scan, at: index) {
                sawTitle = true
                roleStart = roleStart ?? index
                index += title.length
                roleEnd = index
                expectsLocation = false
            } else if sawTitle, let (end, organization) = organizationName(at: index, scan: scan, beforeName: true) {
                organizations.append((index..<end, organization))
                index = end
                roleEnd = index
                expectsLocation = organization.takesLocation
            } else if sawTitle, let designator = Self.designators.match(scan, at: index) {
                index += designator.length
                roleEnd = index
                expectsLocation = true
            } else {
                break
            }
        }
        guard sawTitle || honorific != nil else { return nil }
        var runEnd = index
        if index > start, scan.joined(index) {
            while runEnd < scan.count, runEnd - index < 8, scan.isNameWord(runEnd),
                runEnd == index || scan.joined(runEnd),
                runEnd == index || !startsTrigger(at: runEnd)
            {
                runEnd += 1
            }
        }
        let split = splitRun(
            index..<runEnd,
            expectsLocation: expectsLocation,
            honorific: honorific,
            collector: collector
        )
        for (range, organization) in organizations {
            collector.add(
                .organization,
                name: organization.name,
                surface: scan.surface(range),
                extraAliases: organization.alias.map { [$0] } ?? [],
                in: scan,
                tokens: range
            )
            scan.markTaken(range)
        }
        if let place = split.location {
            collector.add(.location, name: scan.surface(place), surface: scan.surface(place), in: scan, tokens: place)
            scan.markTaken(place)
            roleEnd = place.upperBound
        }
        guard let name = split.person else {
            return sawTitle && roleEnd > start ? max(roleEnd, index) : nil
        }
        var role: String?
        if let roleStart, roleEnd > roleStart {
            let text = scan.surface(roleStart..<roleEnd)
            role = text.prefix(1).uppercased() + text.dropFirst()
        }
        let surface = scan.surface(name)
        collector.add(.person, name: surface, surface: surface, role: role, in: scan, tokens: name)
        scan.markTaken(name)
        return name.upperBound
    }

    /// Splits a capitalized run after a trigger into an optional place and an optional person name.
    private func splitRun(
        _ run: Range<Int>,
        expectsLocation: Bool,
        honorific: Bool?,
        collector: borrowing EntityCollector
    ) -> (location: Range<Int>?, person: Range<Int>?) {
        let count = run.count
        guard count >= 1 else { return (nil, nil) }
        let first = run.lowerBound
        if count >= 2, count <= 4, isSurname(at: first), isMiddleName(at: first + 1) {
            return (nil, run)
        }
        if expectsLocation {
            if collector.knownName(scan.key(run))?.kind == .location { return (run, nil) }
            var best: Int?
            // A place before the name has at least two syllables: "Huyện ủy An Phú Ngô Công Thức" splits,
            // "Sở Y tế Trần Thái Đạt" (Thái is also a surname) does not.
            for split in (first + 2)..<max(run.upperBound, first + 2) where isSurname(at: split) {
                let rest = run.upperBound - split
                guard (2...4).contains(rest), !isMiddleName(at: split - 1) else { continue }
                let rank = [3: 0, 4: 1, 2: 2][rest] ?? 3
                if best == nil || rank < ([3: 0, 4: 1, 2: 2][run.upperBound - best!] ?? 3) { best = split }
            }
            if let best { return (first..<best, best..<run.upperBound) }
            if isSurname(at: first), (2...4).contains(count) { return (nil, run) }
            return count <= 4 ? (run, nil) : (nil, nil)
        }
        guard (2...4).contains(count) else { return (nil, nil) }
        if honorific == true, !isSurname(at: first) { return (nil, nil) }
        return (nil, run)
    }

    private func isSurname(at index: Int) -> Bool { vocabulary.has(scan.ids[index], .surname) }

    private func isMiddleName(at index: Int) -> Bool { vocabulary.has(scan.ids[index], .middleName) }

    /// Whether a title, an organization or a designator starts at the token (it ends a name run).
    private func startsTrigger(at index: Int) -> Bool {
        if Self.titles.match(scan, at: index) != nil { return true }
        if Self.fixedOrganizations.match(scan, at: index) != nil { return true }
        guard let head = Self.organizationHeads.match(scan, at: index) else { return false }
        let next = index + head.length
        return scan.isNameWord(next) && scan.joined(next)
    }

    // MARK: - Organizations

    private func organization(at index: Int, scan: inout FieldScan, collector: inout EntityCollector) -> Int? {
        guard let (end, organization) = organizationName(at: index, scan: scan) else { return nil }
        collector.add(
            .organization,
            name: organization.name,
            surface: scan.surface(index..<end),
            extraAliases: organization.alias.map { [$0] } ?? [],
            in: scan,
            tokens: index..<end
        )
        scan.markTaken(index..<end)
        return end
    }

    /// A fixed organization or a head with its name starting at `index`, with its end.
    ///
    /// In a role chain (`beforeName`), the name stops before a surname that starts a run of 2–4
    /// capitalized syllables: `Bộ trưởng Bộ Y tế Đào Hồng Lan` → `Bộ Y tế`.
    func organizationName(at index: Int, scan: FieldScan, beforeName: Bool = false) -> (Int, Organization)? {
        guard index < scan.count, scan.tokens[index].flags.contains(.capitalized) else { return nil }
        if let fixed = Self.fixedOrganizations.match(scan, at: index) {
            return (index + fixed.length, fixed.value)
        }
        guard let head = Self.organizationHeads.match(scan, at: index) else { return nil }
        var end = index + head.length
        guard end < scan.count, scan.joined(end), scan.tokens[end].flags.contains(.capitalized),
            Self.notOrganizations.match(scan, at: index) == nil
        else { return nil }
        end += 1
        var lowercaseRun = 0
        // How many lowercase syllables may follow the last capitalized one: a name word such as
        // "Bồi dưỡng chính trị" or "Phát triển nông thôn" has up to three; after a dash
        // ("Văn hóa - Thể thao") one.
        var lowercaseLimit = 3
        while end < scan.count, end - index < 10 {
            let flags = scan.tokens[end].flags
            let dashJoin =
                flags.contains(.afterDash) && flags.isDisjoint(with: Token.Flags.separators.subtracting(.afterDash))
            guard scan.joined(end) || (dashJoin && flags.contains(.capitalized)) else { break }
            if flags.contains(.capitalized) {
                if startsTrigger(at: end) || Self.designators.match(scan, at: end) != nil {
                    break
                }
                if beforeName, vocabulary.has(scan.ids[end], .surname),
                    (2...4).contains(nameRunEnd(from: end) - end)
                {
                    break
                }
                lowercaseLimit = scan.joined(end) ? 3 : 1
                end += 1
                lowercaseRun = 0
            } else if scan.ids[end] == LexiconVocabulary.va, end + 1 < scan.count, scan.joined(end + 1),
                scan.tokens[end + 1].flags.contains(.capitalized), !startsTrigger(at: end + 1)
            {
                end += 2
                lowercaseRun = 0
                lowercaseLimit = 3
            } else if !flags.contains(.hasDigit), !vocabulary.has(scan.ids[end], .stopWord),
                lowercaseRun < lowercaseLimit,
                Self.designators.match(scan, at: end) == nil
            {
                end += 1
                lowercaseRun += 1
            } else {
                break
            }
        }
        return (end, Organization(name: scan.surface(index..<end), alias: nil, takesLocation: true))
    }

    // MARK: - Locations

    private func location(at index: Int, scan: inout FieldScan, collector: inout EntityCollector) -> Int? {
        guard let designator = Self.designators.match(scan, at: index) else { return nil }
        let start = index + designator.length
        guard start < scan.count, scan.joined(start) else { return nil }
        let isNumbered = designator.value
        if isNumbered, scan.tokens[start].flags.contains(.hasDigit), !scan.tokens[start].flags.contains(.hasLetter) {
            let designatorText = scan.surface(index..<start)
            let name =
                designatorText.prefix(1).uppercased() + designatorText.dropFirst() + " "
                + scan.surface(start..<(start + 1))
            collector.add(
                .location,
                name: name,
                surface: scan.surface(index..<(start + 1)),
                in: scan,
                tokens: index..<(start + 1)
            )
            scan.markTaken(index..<(start + 1))
            return start + 1
        }
        var end = nameRunEnd(from: start)
        guard end > start else { return nil }
        if end - start > 4 {
            guard
                let split = splitRun(start..<end, expectsLocation: true, honorific: nil, collector: collector).location
            else { return nil }
            end = split.upperBound
        }
        collector.add(
            .location,
            name: scan.surface(start..<end),
            surface: scan.surface(start..<end),
            in: scan,
            tokens: start..<end
        )
        scan.markTaken(start..<end)
        // Lists: "xã Phước Hưng, Khánh An, Phú Hữu" and "… và Kiên Giang".
        while end < scan.count {
            var next = end
            let flags = scan.tokens[next].flags
            if scan.ids[next] == LexiconVocabulary.va, scan.joined(next) {
                next += 1
                guard next < scan.count, scan.joined(next) else { break }
            } else if !(flags.contains(.afterComma)
                && flags.isDisjoint(with: Token.Flags.separators.subtracting(.afterComma)))
            {
                break
            }
            let itemEnd = nameRunEnd(from: next)
            guard itemEnd > next, itemEnd - next <= 4 else { break }
            let closes = itemEnd == scan.count || !scan.joined(itemEnd) || scan.ids[itemEnd] == LexiconVocabulary.va
            guard closes || scan.ids[end] == LexiconVocabulary.va else { break }
            collector.add(
                .location,
                name: scan.surface(next..<itemEnd),
                surface: scan.surface(next..<itemEnd),
                in: scan,
                tokens: next..<itemEnd
            )
            scan.markTaken(next..<itemEnd)
            end = itemEnd
        }
        return end
    }

    /// The end of a run of name words starting at `start` that stops before any trigger.
    private func nameRunEnd(from start: Int) -> Int {
        var end = start
        while end < scan.count, end - start < 8, scan.isNameWord(end), end == start || scan.joined(end),
            !startsTrigger(at: end), Self.designators.match(scan, at: end) == nil
        {
            end += 1
        }
        return end
    }
}
