internal import CorpusProtocol
internal import CorpusTransport
internal import NIOCore

/// The responses of a server-streaming call.
///
/// The call starts when iteration starts. It is retried like a unary call (see
/// ``CorpusClient/RetryPolicy``) only while no message has arrived. Leaving the loop early,
/// dropping the iterator or cancelling the task cancels the call on the server. Iterate once.
public struct ResponseStream<Element: Sendable>: AsyncSequence, Sendable {
    let client: CorpusClient
    let method: MethodDescriptor
    let request: Result<ByteBuffer, any Error>
    let options: CallOptions
    let decode: @Sendable (ByteBuffer) throws -> Element

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(stream: self)
    }

    /// Iterates the responses.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private let stream: ResponseStream
        private var underlying: ClientResponseStream.AsyncIterator?
        private var finished = false

        init(stream: ResponseStream) {
            self.stream = stream
        }

        /// The next response, or `nil` after the call ended with `OK`.
        ///
        /// - Throws: ``CorpusProtocol/CorpusError`` when the call fails.
        public mutating func next() async throws -> Element? {
            guard !finished else { return nil }
            do {
                let message: ByteBuffer?
                if underlying == nil {
                    message = try await start()
                } else {
                    message = try await underlying?.next()
                }
                guard let message else {
                    finished = true
                    underlying = nil
                    return nil
                }
                return try stream.decode(message)
            } catch {
                finished = true
                underlying = nil
                throw error
            }
        }

        /// Opens the call and waits for its first message, retrying while none has arrived.
        private mutating func start() async throws -> ByteBuffer? {
            let request = try stream.request.get()
            let client = stream.client
            let deadline = CallDeadline(timeout: stream.options.timeout ?? client.configuration.defaultTimeout)
            var attempt = 1
            while true {
                var options = stream.options
                options.timeout = try deadline.remaining()
                do {
                    let connection = try await client.pool.connection(timeout: options.timeout)
                    var iterator = connection.serverStreaming(stream.method, request: request, options: options)
                        .makeAsyncIterator()
                    let first = try await iterator.next()
                    underlying = iterator
                    return first
                } catch let error as CorpusError {
                    guard try client.shouldRetry(error, method: stream.method, attempt: attempt, deadline: deadline)
                    else { throw error }
                    try await Task.sleep(for: client.configuration.retry.backoff.delay(attempt: attempt))
                    attempt += 1
                }
            }
        }
    }
}
