/// Describes one RPC method: its wire name, kind and types (`PROTOCOL.md` § 9).
///
/// Descriptors are copied on every call, so their fields live in one shared, immutable object.
public struct MethodDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// Unary or server-streaming.
    public enum Kind: Sendable, Hashable {
        case unary
        case serverStreaming
    }

    private final class Storage: Sendable {
        let service: String
        let method: String
        let kind: Kind
        let isIdempotent: Bool
        let requestType: String
        let responseType: String
        let summary: String
        let fullName: String

        init(
            service: String,
            method: String,
            kind: Kind,
            isIdempotent: Bool,
            requestType: String,
            responseType: String,
            summary: String
        ) {
            self.service = service
            self.method = method
            self.kind = kind
            self.isIdempotent = isIdempotent
            self.requestType = requestType
            self.responseType = responseType
            self.summary = summary
            self.fullName = "/\(service)/\(method)"
        }
    }

    private let storage: Storage

    /// The service's full name, e.g. `corpus.v1.Corpus`.
    public var service: String { storage.service }
    /// The method's name, e.g. `GetArticle`.
    public var method: String { storage.method }
    /// Whether the response is one message or a stream.
    public var kind: Kind { storage.kind }
    /// Whether the call can be retried safely (it has no side effects).
    public var isIdempotent: Bool { storage.isIdempotent }
    /// The fully qualified protobuf request type, e.g. `corpus.v1.GetArticleRequest`.
    public var requestType: String { storage.requestType }
    /// The fully qualified protobuf response type.
    public var responseType: String { storage.responseType }
    /// A one-line description for reflection and `--help`.
    public var summary: String { storage.summary }
    /// The wire name, `/service/method`.
    public var fullName: String { storage.fullName }

    public init(
        service: String,
        method: String,
        kind: Kind,
        isIdempotent: Bool,
        requestType: String,
        responseType: String,
        summary: String = ""
    ) {
        self.storage = Storage(
            service: service,
            method: method,
            kind: kind,
            isIdempotent: isIdempotent,
            requestType: requestType,
            responseType: responseType,
            summary: summary
        )
    }

    public static func == (lhs: MethodDescriptor, rhs: MethodDescriptor) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.fullName == rhs.fullName && lhs.kind == rhs.kind && lhs.isIdempotent == rhs.isIdempotent
                && lhs.requestType == rhs.requestType && lhs.responseType == rhs.responseType
                && lhs.summary == rhs.summary)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fullName)
    }

    public var description: String { fullName }
}
