/// Everything a `corpus bench` run needs, resolved from the command line (files read, mix
/// parsed), so tests can build one without parsing arguments.
struct BenchSettings: Sendable {
    /// The `--server` targets, for the report.
    var servers: [String]
    /// `--rpc` as given (`mixed` or one kind).
    var rpc: String
    /// The weighted calls.
    var mix: CallMix
    /// The measured phase.
    var plan: LoadTestPlan
    /// The warmup phase's length (0: none); it uses the measured phase's concurrency and rate.
    var warmup: Duration = .zero
    /// `--connections`.
    var connections: Int = 1
    /// Whether calls may be compressed.
    var compression: Bool = true
    /// Deadline of each call in seconds.
    var deadlineSeconds: Double = 10
    /// `limit` of search and list calls.
    var limit: Int = 20
    /// Seed of the workers' random generators.
    var seed: UInt64
    /// Arguments given on the command line; the rest are discovered from the server.
    var pool = ArgumentPool()

    /// The warmup phase: the same loop as the measured one, for ``warmup``, without a count.
    var warmupPlan: LoadTestPlan {
        var plan = plan
        plan.duration = warmup
        plan.requests = nil
        return plan
    }

    /// The workload of worker `worker` in the phase numbered `phase` (0 warmup, 1 measured).
    func workload(worker: Int, phase: UInt64, pool: ArgumentPool) -> Workload {
        Workload(
            mix: mix,
            pool: pool,
            limit: limit,
            generator: .forWorker(worker, seed: seed &+ phase &* 0x5851_F42D_4C95_7F2D)
        )
    }
}
