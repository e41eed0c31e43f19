import CorpusProtocol
import NIOCore
import Synchronization
import Testing

@testable import CorpusTransport

@Suite("StreamOutbound: the producer side of credit-based streams")
struct StreamOutboundTests {
    final class DrainCounter: Sendable {
        let count = Atomic<Int>(0)
        let blocked = Atomic<Int>(0)
    }

    @Test("writes within credit are queued with one drain scheduled per batch")
    func batching() async throws {
        let counter = DrainCounter()
        let outbound = StreamOutbound(
            initialCredit: 4,
            scheduleDrain: { counter.count.add(1, ordering: .relaxed) }
        )
        for index in 0..<3 {
            try await outbound.write(ByteBuffer(string: "\(index)"))
        }
        #expect(counter.count.load(ordering: .relaxed) == 1, "one hop for the whole batch")
        #expect(outbound.bufferedBytes.current == 3)
        let sent = outbound.takeSendable(writable: true)
        #expect(sent.map { String(buffer: $0) } == ["0", "1", "2"])
        #expect(outbound.bufferedBytes.current == 0)
    }

    @Test("a producer past its credit waits, and CREDIT lets exactly that many more through")
    func creditBound() async throws {
        let counter = DrainCounter()
        let outbound = StreamOutbound(
            initialCredit: 2,
            scheduleDrain: { counter.count.add(1, ordering: .relaxed) },
            onBlocked: { _ in counter.blocked.add(1, ordering: .relaxed) }
        )
        try await outbound.write(ByteBuffer(string: "a"))
        try await outbound.write(ByteBuffer(string: "b"))
        #expect(outbound.takeSendable(writable: true).count == 2)
        let third = Task { try await outbound.write(ByteBuffer(string: "c")) }
        // The producer blocks on credit: wait for the event it reports, without sleeping.
        while !outbound.hasBlockedOnCredit { await Task.yield() }
        #expect(outbound.takeSendable(writable: true).isEmpty)
        #expect(outbound.addCredit(1))
        try await third.value
        #expect(outbound.takeSendable(writable: true).map { String(buffer: $0) } == ["c"])
        #expect(counter.blocked.load(ordering: .relaxed) == 1)
    }

    @Test("a batch write queues what the credit allows at once, then waits for more credit")
    func batchWrite() async throws {
        let counter = DrainCounter()
        let outbound = StreamOutbound(
            initialCredit: 3,
            scheduleDrain: { counter.count.add(1, ordering: .relaxed) }
        )
        let messages = (0..<7).map { ByteBuffer(string: "\($0)") }
        let producer = Task { try await outbound.write(contentsOf: messages) }
        while !outbound.hasBlockedOnCredit { await Task.yield() }
        // The first three went in under one lock, with one hop scheduled.
        #expect(counter.count.load(ordering: .relaxed) == 1)
        #expect(outbound.takeSendable(writable: true).map { String(buffer: $0) } == ["0", "1", "2"])
        #expect(outbound.addCredit(10))
        try await producer.value
        #expect(outbound.takeSendable(writable: true).map { String(buffer: $0) } == ["3", "4", "5", "6"])
        // The credit left is 13 - 7.
        try await outbound.write(contentsOf: (0..<6).map { ByteBuffer(string: "\($0)") })
        #expect(outbound.takeSendable(writable: true).count == 6)
    }

    @Test("a batch write stops at the first message after the call ended")
    func batchWriteClosed() async throws {
        let outbound = StreamOutbound(initialCredit: 2, scheduleDrain: {})
        let producer = Task { try await outbound.write(contentsOf: (0..<5).map { ByteBuffer(string: "\($0)") }) }
        while !outbound.hasBlockedOnCredit { await Task.yield() }
        outbound.close(.init(code: .cancelled, message: "cancelled by the client"))
        await #expect(throws: (any Error).self) { try await producer.value }
        #expect(!outbound.hasPending)
        await #expect(throws: (any Error).self) { try await outbound.write(contentsOf: [ByteBuffer(string: "x")]) }
    }

    @Test("nothing is taken while the channel is not writable")
    func writability() async throws {
        let outbound = StreamOutbound(initialCredit: 8, scheduleDrain: {})
        try await outbound.write(ByteBuffer(string: "x"))
        #expect(outbound.takeSendable(writable: false).isEmpty)
        #expect(outbound.hasPending)
        #expect(outbound.takeSendable(writable: true).count == 1)
    }

    @Test("closing wakes a waiting producer with the error, and later writes throw")
    func close() async throws {
        let outbound = StreamOutbound(initialCredit: 1, scheduleDrain: {})
        try await outbound.write(ByteBuffer(string: "a"))
        let blocked = Task { try await outbound.write(ByteBuffer(string: "b")) }
        while !outbound.hasBlockedOnCredit { await Task.yield() }
        outbound.close(.init(code: .cancelled, message: "cancelled by the client"))
        await #expect(throws: (any Error).self) { try await blocked.value }
        await #expect(throws: (any Error).self) { try await outbound.write(ByteBuffer(string: "c")) }
        #expect(outbound.isClosed)
        #expect(outbound.bufferedBytes.current == 0)
    }

    @Test("credit above 2^31-1 is refused")
    func creditOverflow() {
        let outbound = StreamOutbound(initialCredit: Int(Int32.max) - 1, scheduleDrain: {})
        #expect(outbound.addCredit(1))
        #expect(!outbound.addCredit(1))
    }
}
