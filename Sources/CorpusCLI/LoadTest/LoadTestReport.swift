/// The result of a `corpus bench` run: what `--json` prints (one object), and what the readable
/// report and the `--html` page show.
///
/// The field names are stable: fields may be added, never renamed or removed (a change that must
/// break them bumps `schemaVersion`). Every key is always present. Times are in milliseconds
/// (`…Millis`) or seconds (`…Seconds`), sizes in bytes.
///
/// | field | meaning |
/// |---|---|
/// | `schemaVersion` | 1 |
/// | `startedAt` | start of the measured phase, ISO 8601 UTC |
/// | `configuration` | `servers`, `rpc` (`get`…`suggest` or `mixed`), `mix` (call → weight), `mode` (`closed`/`open`), `concurrency`, `connections`, `rate` (calls/s, 0 in a closed loop), `durationSeconds` (time limit), `requests` (0: no count), `warmupSeconds`, `graceSeconds`, `compression`, `deadlineSeconds`, `limit`, `seed`, `arguments` (`ids`, `names`, `queries`, `prefixes`: how many; `sources`: where they came from) |
/// | `elapsedSeconds` | measured phase, start to last call's end |
/// | `calls` | `total` (completed), `ok`, `errors`, `unfinished` (cut off at the hard stop), `notSent` (open loop: due but never sent before the hard stop), `cutOff` |
/// | `throughput` | `callsPerSecond`, `messages` (response messages), `messagesPerSecond` |
/// | `latencyMillis` | `count`, `min`, `mean`, `p50`, `p75`, `p90`, `p99`, `p999`, `max` of all completed calls |
/// | `timeToFirstMessageMillis` | the same for streams (`count` 0 when no stream was called) |
/// | `sendLagMillis` | open loop: how late calls left after their intended time (`count` 0 in a closed loop) |
/// | `statuses` | completed calls by status name (`OK`, `NOT_FOUND`, ...) |
/// | `rpcs` | per call kind: `rpc`, `method`, `weight`, `calls`, `errors`, `unfinished`, `statuses`, `messages`, `callsPerSecond`, `latencyMillis` |
/// | `bytes` | client side: `wireSent`, `wireReceived` (frames on the wire, compressed where compressed), `messageSent`, `messageReceived` (protobuf bytes before compression) |
/// | `timeline` | per second: `second`, `startSeconds`, `durationSeconds`, `calls`, `errors`, `messages`, `callsPerSecond`, `p50Millis`, `p99Millis`, `maxMillis` |
/// | `latencyPercentiles` | the percentile curve: `percentile`, `latencyMillis` |
/// | `server` | what the server's `Stats` saw between before and after the run: `available`, `error`, `version`, `calls`, `bytesIn`, `bytesOut`, `connectionsCurrent`, `connectionsOpened`, `callsInFlight`, `methods` (`method`, `calls`, `statuses`, `messagesSent`, `meanMicros`) |
struct LoadTestReport: Sendable, Codable {
    static let currentSchemaVersion = 1

    var schemaVersion: Int
    var startedAt: String
    var configuration: Configuration
    var elapsedSeconds: Double
    var calls: Calls
    var throughput: Throughput
    var latencyMillis: LatencySummary
    var timeToFirstMessageMillis: LatencySummary
    var sendLagMillis: LatencySummary
    var statuses: [String: Int]
    var rpcs: [RPCFigures]
    var bytes: Bytes
    var timeline: [TimelineEntry]
    var latencyPercentiles: [PercentilePoint]
    var server: ServerView

    /// How the run was set up.
    struct Configuration: Sendable, Codable, Hashable {
        var servers: [String]
        var rpc: String
        var mix: [String: Int]
        var mode: String
        var concurrency: Int
        var connections: Int
        var rate: Double
        var durationSeconds: Double
        var requests: Int
        var warmupSeconds: Double
        var graceSeconds: Double
        var compression: Bool
        var deadlineSeconds: Double
        var limit: Int
        var seed: UInt64
        var arguments: Arguments
    }

    /// How many arguments the calls drew from, and where they came from.
    struct Arguments: Sendable, Codable, Hashable {
        var ids: Int
        var names: Int
        var queries: Int
        var prefixes: Int
        var sources: [String: String]
    }

    /// Call counts of the measured phase.
    struct Calls: Sendable, Codable, Hashable {
        var total: Int
        var ok: Int
        var errors: Int
        var unfinished: Int
        var notSent: Int
        var cutOff: Bool
    }

    /// Rates of the measured phase.
    struct Throughput: Sendable, Codable, Hashable {
        var callsPerSecond: Double
        var messages: Int
        var messagesPerSecond: Double
    }

    /// One kind of call.
    struct RPCFigures: Sendable, Codable, Hashable {
        var rpc: String
        var method: String
        var weight: Int
        var calls: Int
        var errors: Int
        var unfinished: Int
        var statuses: [String: Int]
        var messages: Int
        var callsPerSecond: Double
        var latencyMillis: LatencySummary
    }

    /// Client-side byte counts of the measured phase.
    struct Bytes: Sendable, Codable, Hashable {
        var wireSent: Int
        var wireReceived: Int
        var messageSent: Int
        var messageReceived: Int
    }

    /// A point of the percentile curve.
    struct PercentilePoint: Sendable, Codable, Hashable {
        var percentile: Double
        var latencyMillis: Double
    }

    /// The server's own counters, as differences between `Stats` before and after the run.
    struct ServerView: Sendable, Codable, Hashable {
        var available: Bool
        /// Why the view is missing (`""` when available).
        var error: String
        var version: String
        /// Calls the server completed, the bench's own `Stats` calls left out.
        var calls: Int
        var bytesIn: Int
        var bytesOut: Int
        /// Connections open when the run ended (the bench's included).
        var connectionsCurrent: Int
        /// Connections accepted during the run.
        var connectionsOpened: Int
        /// Calls running on the server when the run ended (the `Stats` call itself included).
        var callsInFlight: Int
        var methods: [ServerMethod]

        static func unavailable(_ error: String) -> ServerView {
            ServerView(
                available: false,
                error: error,
                version: "",
                calls: 0,
                bytesIn: 0,
                bytesOut: 0,
                connectionsCurrent: 0,
                connectionsOpened: 0,
                callsInFlight: 0,
                methods: []
            )
        }
    }

    /// One method as the server saw it.
    struct ServerMethod: Sendable, Codable, Hashable {
        var method: String
        var calls: Int
        var statuses: [String: Int]
        var messagesSent: Int
        var meanMicros: Double
    }
}
