/// How one call ended.
struct CallOutcome: Sendable, Hashable {
    /// `"OK"` or the status code name (`"NOT_FOUND"`, `"UNAVAILABLE"`, ...).
    var status: String
    /// Response messages received (1 for a successful unary call).
    var messages: Int
    /// When the first response message arrived (streams only).
    var firstMessageAt: ContinuousClock.Instant?

    /// The status name of a successful call.
    static let okStatus = "OK"

    /// Whether the call succeeded.
    var isOK: Bool { status == Self.okStatus }

    /// A successful call.
    static func ok(messages: Int = 1, firstMessageAt: ContinuousClock.Instant? = nil) -> CallOutcome {
        CallOutcome(status: okStatus, messages: messages, firstMessageAt: firstMessageAt)
    }

    /// A failed call.
    static func failed(
        _ status: String,
        messages: Int = 0,
        firstMessageAt: ContinuousClock.Instant? = nil
    )
        -> CallOutcome
    {
        CallOutcome(status: status, messages: messages, firstMessageAt: firstMessageAt)
    }
}
