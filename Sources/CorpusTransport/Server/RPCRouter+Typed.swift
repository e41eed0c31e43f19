public import CorpusProtocol
internal import NIOCore
public import SwiftProtobuf

extension RPCRouter {
    /// Registers a unary handler that runs inline on the event loop (see ``RPCRouter``).
    ///
    /// - Important: The handler must not block or do heavy work: it runs on the connection's
    ///   event loop and delays every other call on that loop.
    public mutating func register<Request, Response>(
        _ method: RPCMethod<Request, Response>,
        inline handler: @escaping @Sendable (Request, ServerContext) throws -> TypedInlineResponse<Response>
    ) {
        registerRaw(
            method.descriptor,
            inline: { bytes, context in
                let request = try decodeRequest(Request.self, from: bytes, method: method.descriptor)
                switch try handler(request, context) {
                case .message(let message): return .bytes(try encodeResponse(message))
                case .encoded(let encoded): return .encoded(encoded)
                }
            }
        )
    }

    /// Registers an async unary handler.
    public mutating func register<Request, Response>(
        _ method: RPCMethod<Request, Response>,
        handler: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) {
        registerRaw(
            method.descriptor,
            unary: { bytes, context in
                let request = try decodeRequest(Request.self, from: bytes, method: method.descriptor)
                return try encodeResponse(try await handler(request, context))
            }
        )
    }

    /// Registers a server-streaming handler.
    public mutating func register<Request, Response>(
        _ method: RPCMethod<Request, Response>,
        stream handler: @escaping @Sendable (Request, ResponseWriter<Response>, ServerContext) async throws -> Void
    ) {
        registerRaw(
            method.descriptor,
            stream: { bytes, writer, context in
                let request = try decodeRequest(Request.self, from: bytes, method: method.descriptor)
                try await handler(request, ResponseWriter(raw: writer), context)
            }
        )
    }
}

/// The response of a typed inline handler: a message, or one encoded ahead of time.
public enum TypedInlineResponse<Response: SwiftProtobuf.Message>: Sendable {
    case message(Response)
    case encoded(EncodedMessage)
}

private func decodeRequest<Request: SwiftProtobuf.Message>(
    _ type: Request.Type,
    from bytes: ByteBuffer,
    method: MethodDescriptor
) throws -> Request {
    do {
        return try Request(buffer: bytes)
    } catch {
        throw CorpusError(
            code: .invalidArgument,
            message: "request is not a valid \(method.requestType) message",
            cause: error
        )
    }
}

func encodeResponse<Response: SwiftProtobuf.Message>(_ message: Response) throws -> ByteBuffer {
    do {
        return try message.serializedBuffer()
    } catch {
        throw CorpusError(code: .internalError, message: "could not encode the response", cause: error)
    }
}
