public import CorpusProtocol
public import CorpusTransport
public import NIOCore
internal import SwiftProtobuf

extension CorpusClient {
    /// Makes a unary call of any method.
    ///
    /// Retries according to ``Configuration/retry``; the timeout covers all attempts.
    ///
    /// - Throws: ``CorpusProtocol/CorpusError`` with the call's status.
    public func unary<Request, Response>(
        _ method: RPCMethod<Request, Response>,
        _ request: Request,
        options: CallOptions = .defaults
    ) async throws -> Response {
        let bytes = try encode(request)
        let response = try await unaryRaw(method.descriptor, request: bytes, options: options)
        return try decode(Response.self, from: response, method: method.descriptor)
    }

    /// Makes a unary call with raw message bytes (for generic tools).
    public func unaryRaw(
        _ method: MethodDescriptor,
        request: ByteBuffer,
        options: CallOptions = .defaults
    ) async throws -> ByteBuffer {
        let deadline = CallDeadline(timeout: options.timeout ?? configuration.defaultTimeout)
        var attempt = 1
        while true {
            var attemptOptions = options
            attemptOptions.timeout = try deadline.remaining()
            do {
                let connection = try await pool.connection(timeout: attemptOptions.timeout)
                return try await connection.unary(method, request: request, options: attemptOptions)
            } catch let error as CorpusError {
                guard try shouldRetry(error, method: method, attempt: attempt, deadline: deadline) else {
                    throw error
                }
                try await Task.sleep(for: configuration.retry.backoff.delay(attempt: attempt))
                attempt += 1
            }
        }
    }

    /// Starts a server-streaming call of any method. The call starts when iteration begins.
    public func serverStreaming<Request, Response>(
        _ method: RPCMethod<Request, Response>,
        _ request: Request,
        options: CallOptions = .defaults
    ) -> ResponseStream<Response> {
        let descriptor = method.descriptor
        return ResponseStream(
            client: self,
            method: descriptor,
            request: Result { try encode(request) },
            options: options,
            decode: { try decode(Response.self, from: $0, method: descriptor) }
        )
    }

    /// Starts a server-streaming call with raw message bytes (for generic tools).
    public func serverStreamingRaw(
        _ method: MethodDescriptor,
        request: ByteBuffer,
        options: CallOptions = .defaults
    ) -> ResponseStream<ByteBuffer> {
        ResponseStream(client: self, method: method, request: .success(request), options: options, decode: { $0 })
    }

    /// Whether a failed attempt should be retried (see ``RetryPolicy``).
    func shouldRetry(
        _ error: CorpusError,
        method: MethodDescriptor,
        attempt: Int,
        deadline: CallDeadline
    ) throws
        -> Bool
    {
        guard attempt < configuration.retry.maxAttempts, error.code == .unavailable else { return false }
        guard method.isIdempotent || error.cause is RequestNotProcessed else { return false }
        _ = try deadline.remaining()
        return true
    }

    func encode<Message: SwiftProtobuf.Message>(_ message: Message) throws -> ByteBuffer {
        do {
            return try message.serializedBuffer()
        } catch {
            throw CorpusError(code: .invalidArgument, message: "the request cannot be encoded: \(error)", cause: error)
        }
    }
}

func decode<Response: SwiftProtobuf.Message>(
    _ type: Response.Type,
    from bytes: ByteBuffer,
    method: MethodDescriptor
) throws -> Response {
    do {
        return try Response(buffer: bytes)
    } catch {
        throw CorpusError(
            code: .internalError,
            message: "the response is not a valid \(method.responseType) message",
            cause: error
        )
    }
}

/// The deadline of a call across its retries.
struct CallDeadline {
    let end: ContinuousClock.Instant?
    let timeout: Duration?

    init(timeout: Duration?) {
        self.timeout = timeout
        self.end = timeout.map { ContinuousClock.now + $0 }
    }

    /// The time left; throws `DEADLINE_EXCEEDED` when none is.
    func remaining() throws -> Duration? {
        guard let end, let timeout else { return nil }
        let left = end - .now
        guard left > .zero else {
            throw CorpusError(code: .deadlineExceeded, message: "deadline of \(timeout) exceeded")
        }
        return left
    }
}
