import Foundation

/// The arguments calls are drawn from: article ids, entity names, search queries and suggestion
/// prefixes. Each call picks one at random.
struct ArgumentPool: Sendable, Hashable {
    /// Article ids (for `get`, and the start points of `list`).
    var ids: [String] = []
    /// Entity names (for `entity`).
    var names: [String] = []
    /// Search queries (for `search`).
    var queries: [String] = []
    /// Name prefixes (for `suggest`); derived from ``names`` when empty.
    var prefixes: [String] = []

    /// Where the arguments came from, per kind (`"--ids-from ids.txt"`, `"discovered"`).
    var sources: [String: String] = [:]

    /// Queries that are always added to discovered ones: common phrases of the news corpus, with
    /// and without diacritics.
    static let fixedQueries = ["dai hoi dang bo", "Đại hội Đảng bộ", "kinh tế", "\"nhiệm kỳ\"", "ủy ban nhân dân"]

    /// The kinds in `mix` whose arguments are missing.
    func missing(for mix: CallMix) -> [RPCKind] {
        mix.kinds.filter { values(for: $0).isEmpty }
    }

    /// The arguments `kind` draws from (`list` starts from the beginning or after one of the
    /// ids, so it never lacks arguments).
    func values(for kind: RPCKind) -> [String] {
        switch kind {
        case .get: ids
        case .entity: names
        case .search: queries
        case .list: [""] + ids
        case .suggest: prefixes.isEmpty ? Self.prefixes(of: names) : prefixes
        }
    }

    /// The first three letters of each word of the names, without repeats (`"Võ Anh Kiệt"` gives
    /// `"Võ"`, `"Anh"` and `"Kiệ"`).
    static func prefixes(of names: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for name in names {
            for word in name.split(separator: " ") where word.count >= 2 {
                let prefix = String(word.prefix(3))
                if seen.insert(prefix).inserted { result.append(prefix) }
            }
        }
        return result
    }

    /// Reads one argument per line from `path`, skipping empty lines and lines starting with `#`.
    static func lines(ofFile path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
