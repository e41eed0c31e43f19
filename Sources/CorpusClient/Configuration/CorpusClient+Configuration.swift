internal import CorpusProtocol
public import CorpusTransport

extension CorpusClient {
    /// Where to connect and how to behave.
    public struct Configuration: Sendable {
        /// The servers. Each may be a DNS name that resolves to several addresses (a Kubernetes
        /// headless service, say): the client connects to all of them and spreads calls round-robin.
        public var targets: [Target]
        /// Connections to open to each resolved address.
        public var connectionsPerAddress: Int
        /// Settings and limits of each connection.
        public var connection: ClientConnectionConfiguration
        /// How long one connection attempt may take.
        public var connectTimeout: Duration
        /// Delays between reconnection attempts.
        public var backoff: Backoff
        /// Which failed calls are retried, and how often.
        public var retry: RetryPolicy
        /// The timeout of calls whose options set none; `nil` means none.
        public var defaultTimeout: Duration?
        /// How often DNS names are resolved again, to follow address changes.
        public var resolveInterval: Duration

        /// One target, one connection per address, default backoff and retries, no default timeout.
        public static func defaults(target: Target) -> Configuration {
            Configuration(targets: [target])
        }

        public init(
            targets: [Target],
            connectionsPerAddress: Int = 1,
            connection: ClientConnectionConfiguration = .defaults,
            connectTimeout: Duration = .seconds(5),
            backoff: Backoff = .defaults,
            retry: RetryPolicy = .defaults,
            defaultTimeout: Duration? = nil,
            resolveInterval: Duration = .seconds(30)
        ) {
            self.targets = targets
            self.connectionsPerAddress = max(1, connectionsPerAddress)
            self.connection = connection
            self.connectTimeout = connectTimeout
            self.backoff = backoff
            self.retry = retry
            self.defaultTimeout = defaultTimeout
            self.resolveInterval = resolveInterval
        }
    }

    /// A server to connect to: a host name or IP address and a port.
    public struct Target: Sendable, Hashable, CustomStringConvertible {
        public var host: String
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        /// Parses `host:port`, `[ipv6]:port` or a bare host (port 7700).
        ///
        /// - Throws: ``CorpusProtocol/CorpusError`` `INVALID_ARGUMENT` for a malformed target.
        public init(parsing text: String, defaultPort: Int = 7700) throws {
            var host = Substring(text)
            var port = defaultPort
            if host.hasPrefix("[") {
                guard let close = host.firstIndex(of: "]") else { throw Self.invalid(text) }
                let rest = host[host.index(after: close)...]
                host = host[host.index(after: host.startIndex)..<close]
                if !rest.isEmpty {
                    guard rest.hasPrefix(":"), let parsed = Int(rest.dropFirst()) else { throw Self.invalid(text) }
                    port = parsed
                }
            } else if let colon = host.lastIndex(of: ":"), host.firstIndex(of: ":") == colon {
                guard let parsed = Int(host[host.index(after: colon)...]) else { throw Self.invalid(text) }
                port = parsed
                host = host[..<colon]
            }
            guard !host.isEmpty, (1...65535).contains(port) else { throw Self.invalid(text) }
            self.host = String(host)
            self.port = port
        }

        private static func invalid(_ text: String) -> CorpusError {
            CorpusError(code: .invalidArgument, message: "\"\(text)\" is not a server address (expected host:port)")
        }

        public var description: String {
            host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
    }

    /// Which failed calls are retried.
    ///
    /// Only calls that failed with `UNAVAILABLE` are retried, and only when the method is
    /// idempotent or the server provably never processed the call (it was refused by GOAWAY or
    /// never sent). Streams are retried only before their first message.
    public struct RetryPolicy: Sendable, Hashable {
        /// Attempts in total, the first included; 1 disables retries.
        public var maxAttempts: Int
        /// Delays between attempts.
        public var backoff: Backoff

        /// Three attempts, 50 ms then 100 ms apart (with jitter).
        public static var defaults: RetryPolicy {
            RetryPolicy(maxAttempts: 3, backoff: Backoff(initial: .milliseconds(50), maximum: .seconds(1)))
        }

        /// No retries.
        public static var none: RetryPolicy {
            RetryPolicy(maxAttempts: 1, backoff: .defaults)
        }

        public init(maxAttempts: Int, backoff: Backoff) {
            self.maxAttempts = max(1, maxAttempts)
            self.backoff = backoff
        }
    }
}
