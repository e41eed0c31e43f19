import Foundation

/// The weighted workload of a run: which calls, in which proportions.
///
/// Parsed from `--mix get=60,search=30,entity=10` (weights are relative: `get=2,search=1` is
/// two thirds gets), or made from a single `--rpc`.
struct CallMix: Sendable, Hashable, CustomStringConvertible {
    /// One kind of call and its weight.
    struct Entry: Sendable, Hashable {
        var kind: RPCKind
        var weight: Int
    }

    /// The kinds with a positive weight, in the order given.
    let entries: [Entry]
    /// The sum of the weights.
    let totalWeight: Int

    /// A mix of `entries`.
    ///
    /// - Throws: ``ParseError`` when a kind repeats, a weight is negative or all are zero.
    init(_ entries: [Entry]) throws(ParseError) {
        var seen = Set<RPCKind>()
        for entry in entries {
            guard seen.insert(entry.kind).inserted else { throw ParseError("\(entry.kind.rawValue) is listed twice") }
            guard entry.weight >= 0 else { throw ParseError("the weight of \(entry.kind.rawValue) is negative") }
        }
        let positive = entries.filter { $0.weight > 0 }
        guard !positive.isEmpty else { throw ParseError("at least one weight must be positive") }
        self.entries = positive
        self.totalWeight = positive.reduce(0) { $0 + $1.weight }
    }

    /// Parses `get=60,search=30,entity=10`.
    init(parsing text: String) throws(ParseError) {
        var entries: [Entry] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = pair[0].trimmed
            guard pair.count == 2 else {
                throw ParseError("\"\(part.trimmed)\" is not call=weight (for example get=60,search=30,entity=10)")
            }
            guard let kind = RPCKind(rawValue: name.lowercased()) else {
                throw ParseError("unknown call \"\(name)\" (expected \(RPCKind.names))")
            }
            guard let weight = Int(pair[1].trimmed) else {
                throw ParseError("the weight of \(name) must be a whole number, not \"\(pair[1].trimmed)\"")
            }
            entries.append(Entry(kind: kind, weight: weight))
        }
        try self.init(entries)
    }

    /// Only `kind`.
    static func single(_ kind: RPCKind) -> CallMix {
        // A single positive weight cannot fail validation.
        (try? CallMix([Entry(kind: kind, weight: 1)])) ?? .defaultMixed
    }

    /// `--rpc mixed` without `--mix`: get=60,search=30,entity=10.
    static let defaultMixed: CallMix = {
        let entries = [
            Entry(kind: .get, weight: 60), Entry(kind: .search, weight: 30), Entry(kind: .entity, weight: 10),
        ]
        return (try? CallMix(entries)) ?? CallMix(unchecked: entries)
    }()

    private init(unchecked entries: [Entry]) {
        self.entries = entries
        self.totalWeight = entries.reduce(0) { $0 + $1.weight }
    }

    /// The kinds in the mix.
    var kinds: [RPCKind] { entries.map(\.kind) }

    /// Whether there is only one kind of call.
    var isSingle: Bool { entries.count == 1 }

    /// The share of `kind` (0...1).
    func share(of kind: RPCKind) -> Double {
        Double(entries.first { $0.kind == kind }?.weight ?? 0) / Double(totalWeight)
    }

    /// Draws a kind with probability proportional to its weight.
    func pick(using generator: inout some RandomNumberGenerator) -> RPCKind {
        guard entries.count > 1 else { return entries[0].kind }
        var ticket = Int.random(in: 0..<totalWeight, using: &generator)
        for entry in entries {
            if ticket < entry.weight { return entry.kind }
            ticket -= entry.weight
        }
        return entries[entries.count - 1].kind
    }

    /// `get=60,search=30,entity=10`.
    var description: String {
        entries.map { "\($0.kind.rawValue)=\($0.weight)" }.joined(separator: ",")
    }

    /// `get 60%, search 30%, entity 10%`.
    var percentages: String {
        entries.map { entry in
            let percent = Double(entry.weight) * 100 / Double(totalWeight)
            return "\(entry.kind.rawValue) " + String(format: "%g%%", (percent * 10).rounded() / 10)
        }.joined(separator: ", ")
    }

    /// Why a mix was rejected.
    struct ParseError: Error, Sendable, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

extension Substring {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
