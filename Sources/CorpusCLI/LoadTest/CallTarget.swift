/// What the load-test runner calls: the real client (``ClientCallTarget``), or in tests a
/// closure that simulates a server (``ClosureCallTarget``).
///
/// Implementations never throw: every failure becomes a status in the ``CallOutcome``, so the
/// runner counts it instead of stopping.
protocol CallTarget: Sendable {
    /// Makes `call` and waits for its end (for streams: the last message).
    func perform(_ call: PlannedCall) async -> CallOutcome
}
