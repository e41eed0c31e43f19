public import NIOCore

/// The responses of a server-streaming call, as raw message bytes.
///
/// Iterate it once. Credit is granted to the server as messages are consumed, so the number of
/// messages buffered here never exceeds the credit window. Ending iteration early (break, throw,
/// task cancellation) or dropping the sequence cancels the call on the wire.
public struct ClientResponseStream: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer

    private let terminator: Terminator

    init(inbound: StreamInbound) {
        self.terminator = Terminator(inbound: inbound)
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(terminator: terminator)
    }

    /// Iterates the responses.
    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let terminator: Terminator

        /// The next message, or `nil` after a successful end.
        ///
        /// - Throws: ``CorpusProtocol/CorpusError`` when the call fails, `CancellationError` when
        ///   the task is cancelled.
        public mutating func next() async throws -> ByteBuffer? {
            try await terminator.inbound.next()
        }
    }

    /// Cancels the call when the last reference to the stream or its iterator goes away.
    fileprivate final class Terminator: Sendable {
        let inbound: StreamInbound

        init(inbound: StreamInbound) {
            self.inbound = inbound
        }

        deinit {
            inbound.terminate()
        }
    }

    /// Cancels the call now (no-op if it already ended).
    public func cancel() {
        terminator.inbound.terminate()
    }
}
