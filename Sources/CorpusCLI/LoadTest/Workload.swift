/// The calls of one worker: kinds drawn from the mix, arguments drawn from the pool, both with
/// the worker's own seeded generator (so runs repeat with the same `--seed`).
struct Workload: Sendable {
    let mix: CallMix
    let limit: Int
    private let ids: [String]
    private let names: [String]
    private let queries: [String]
    private let prefixes: [String]
    private let listStarts: [String]
    private var generator: SplitMix64

    /// - Parameters:
    ///   - mix: Which calls, in which proportions.
    ///   - pool: The arguments.
    ///   - limit: `limit` of `search` and `list` calls.
    ///   - generator: This worker's random numbers.
    init(mix: CallMix, pool: ArgumentPool, limit: Int, generator: SplitMix64) {
        self.mix = mix
        self.limit = limit
        self.ids = pool.values(for: .get)
        self.names = pool.values(for: .entity)
        self.queries = pool.values(for: .search)
        self.prefixes = pool.values(for: .suggest)
        self.listStarts = pool.values(for: .list)
        self.generator = generator
    }

    /// The next call.
    mutating func next() -> PlannedCall {
        switch mix.pick(using: &generator) {
        case .get: .get(id: draw(ids))
        case .entity: .entity(name: draw(names))
        case .search: .search(query: draw(queries), limit: limit)
        case .list: .list(afterID: draw(listStarts), limit: limit)
        case .suggest: .suggest(prefix: draw(prefixes))
        }
    }

    private mutating func draw(_ values: [String]) -> String {
        // An empty pool is rejected before the run starts; "" keeps this total anyway.
        values.isEmpty ? "" : values[Int.random(in: 0..<values.count, using: &generator)]
    }
}
