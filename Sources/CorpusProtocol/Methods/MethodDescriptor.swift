/// Describes one RPC method: its wire name, kind and types (`PROTOCOL.md` § 9).
public struct MethodDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// Unary or server-streaming.
    public enum Kind: Sendable, Hashable {
        case unary
        case serverStreaming
    }

    /// The service's full name, e.g. `corpus.v1.Corpus`.
    public let service: String
    /// The method's name, e.g. `GetArticle`.
    public let method: String
    /// Whether the response is one message or a stream.
    public let kind: Kind
    /// Whether the call can be retried safely (it has no side effects).
    public let isIdempotent: Bool
    /// The fully qualified protobuf request type, e.g. `corpus.v1.GetArticleRequest`.
    public let requestType: String
    /// The fully qualified protobuf response type.
    public let responseType: String
    /// A one-line description for reflection and `--help`.
    public let summary: String

    /// The wire name, `/service/method`.
    public let fullName: String

    public init(
        service: String,
        method: String,
        kind: Kind,
        isIdempotent: Bool,
        requestType: String,
        responseType: String,
        summary: String = ""
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

    public var description: String { fullName }
}
