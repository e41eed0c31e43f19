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
