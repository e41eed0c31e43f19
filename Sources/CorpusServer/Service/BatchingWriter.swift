internal import CorpusTransport
internal import SwiftProtobuf

/// Writes a stream's responses in small batches (``ResponseWriter/write(contentsOf:)``): the
/// first message alone, as soon as it is known, then `batchSize` at a time. Fewer locks and
/// event-loop hops per message than one `write` each, while the caller still sees the first
/// result at once and a cancelled call wastes at most one batch of work.
struct BatchingWriter<Message: SwiftProtobuf.Message> {
    private let writer: ResponseWriter<Message>
    private let batchSize: Int
    private var batch: [Message] = []
    private var isFirst = true

    init(_ writer: ResponseWriter<Message>, batchSize: Int = 16) {
        self.writer = writer
        self.batchSize = max(1, batchSize)
    }

    /// Whether the call has ended: stop producing.
    var isClosed: Bool { writer.isClosed }

    /// Queues `message`; writes the batch when it is full.
    mutating func write(_ message: Message) async throws {
        batch.append(message)
        if batch.count >= (isFirst ? 1 : batchSize) { try await flush() }
    }

    /// Writes what is queued.
    mutating func flush() async throws {
        guard !batch.isEmpty else { return }
        try await writer.write(contentsOf: batch)
        batch.removeAll(keepingCapacity: true)
        isFirst = false
    }
}
