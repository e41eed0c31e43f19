/// A ``CallTarget`` backed by a closure: a fake server for tests and experiments.
struct ClosureCallTarget: CallTarget {
    let body: @Sendable (PlannedCall) async -> CallOutcome

    init(_ body: @escaping @Sendable (PlannedCall) async -> CallOutcome) {
        self.body = body
    }

    func perform(_ call: PlannedCall) async -> CallOutcome {
        await body(call)
    }
}
