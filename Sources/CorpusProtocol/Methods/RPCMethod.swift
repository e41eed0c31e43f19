public import SwiftProtobuf

/// A method together with its protobuf request and response types, so that calls are typed.
public struct RPCMethod<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>: Sendable {
    /// The untyped description.
    public let descriptor: MethodDescriptor

    /// Creates a typed method; the type names come from the message types.
    public init(
        service: String,
        method: String,
        kind: MethodDescriptor.Kind,
        isIdempotent: Bool = true,
        summary: String = ""
    ) {
        self.descriptor = MethodDescriptor(
            service: service,
            method: method,
            kind: kind,
            isIdempotent: isIdempotent,
            requestType: Request.protoMessageName,
            responseType: Response.protoMessageName,
            summary: summary
        )
    }
}
