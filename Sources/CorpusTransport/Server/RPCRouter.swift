public import CorpusProtocol
public import NIOCore

/// The table of methods a server offers, mapping wire names to handlers.
///
/// Handlers come in three kinds:
/// - *inline* unary handlers run synchronously on the connection's event loop; only for cheap,
///   non-blocking work such as a dictionary lookup of a pre-encoded response;
/// - *unary* handlers are `async` and run on Swift's concurrent executor;
/// - *server-streaming* handlers are `async` and write any number of responses through a
///   ``ResponseWriter``, which applies the caller's credit and the socket's backpressure.
///
/// The typed registration functions (``register(_:inline:)`` and friends) decode requests and
/// encode responses with SwiftProtobuf.
public struct RPCRouter: Sendable {
    /// A registered method.
    public struct Route: Sendable {
        public let descriptor: MethodDescriptor
        let handler: Handler
    }

    enum Handler: Sendable {
        case inline(@Sendable (ByteBuffer, ServerContext) throws -> InlineResponse)
        case unary(@Sendable (ByteBuffer, ServerContext) async throws -> ByteBuffer)
        case serverStreaming(@Sendable (ByteBuffer, RawResponseWriter, ServerContext) async throws -> Void)
    }

    private var routes: [String: Route] = [:]

    public init() {}

    /// The registered methods, sorted by name.
    public var methods: [MethodDescriptor] {
        routes.values.map(\.descriptor).sorted { $0.fullName < $1.fullName }
    }

    /// The route for a wire method name.
    public func route(for method: String) -> Route? {
        routes[method]
    }

    /// Registers an inline unary handler over raw message bytes.
    public mutating func registerRaw(
        _ descriptor: MethodDescriptor,
        inline handler: @escaping @Sendable (ByteBuffer, ServerContext) throws -> InlineResponse
    ) {
        precondition(descriptor.kind == .unary, "\(descriptor) is not unary")
        routes[descriptor.fullName] = Route(descriptor: descriptor, handler: .inline(handler))
    }

    /// Registers an async unary handler over raw message bytes.
    public mutating func registerRaw(
        _ descriptor: MethodDescriptor,
        unary handler: @escaping @Sendable (ByteBuffer, ServerContext) async throws -> ByteBuffer
    ) {
        precondition(descriptor.kind == .unary, "\(descriptor) is not unary")
        routes[descriptor.fullName] = Route(descriptor: descriptor, handler: .unary(handler))
    }

    /// Registers a server-streaming handler over raw message bytes.
    public mutating func registerRaw(
        _ descriptor: MethodDescriptor,
        stream handler: @escaping @Sendable (ByteBuffer, RawResponseWriter, ServerContext) async throws -> Void
    ) {
        precondition(descriptor.kind == .serverStreaming, "\(descriptor) is not server-streaming")
        routes[descriptor.fullName] = Route(descriptor: descriptor, handler: .serverStreaming(handler))
    }
}
