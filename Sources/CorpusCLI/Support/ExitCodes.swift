/// Exit statuses of the `corpus` command, one per kind of failure so scripts can tell them apart.
///
/// | status | meaning |
/// |---:|---|
/// | 0 | success |
/// | 1 | other failure |
/// | 2 | usage error (bad arguments) |
/// | 3 | invalid argument (`INVALID_ARGUMENT`, e.g. a malformed query) |
/// | 4 | not found (`NOT_FOUND`, or a missing file) |
/// | 5 | unavailable (`UNAVAILABLE`: no server, connection lost, shutting down) |
/// | 6 | deadline exceeded (`DEADLINE_EXCEEDED`) |
/// | 7 | resource exhausted (`RESOURCE_EXHAUSTED`) |
/// | 8 | cancelled (`CANCELLED`) |
/// | 9 | internal or other server error (`INTERNAL`, `UNIMPLEMENTED`, ...) |
enum ExitCodes {
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let invalidArgument: Int32 = 3
    static let notFound: Int32 = 4
    static let unavailable: Int32 = 5
    static let deadlineExceeded: Int32 = 6
    static let resourceExhausted: Int32 = 7
    static let cancelled: Int32 = 8
    static let serverError: Int32 = 9
}
