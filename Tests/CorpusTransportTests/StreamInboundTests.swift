import CorpusProtocol
import NIOCore
import Synchronization
import Testing

@testable import CorpusTransport

@Suite("StreamInbound: the consumer side of credit-based streams")
struct StreamInboundTests {
    /// What the inbound asked the event loop to do.
    final class Requests: Sendable {
        let grants = Mutex<[Int]>([])
        let cancels = Mutex<[Status.Code]>([])
    }

    static func makeInbound(threshold: Int = 2, maxMessageSize: Int = 1 << 20) -> (StreamInbound, Requests) {
        let requests = Requests()
        let inbound = StreamInbound(
            grantThreshold: threshold,
            inflater: MessageInflater(acceptsCompressed: true, maxMessageSize: maxMessageSize),
            grantCredit: { count in requests.grants.withLock { $0.append(count) } },
            cancelCall: { code in requests.cancels.withLock { $0.append(code) } }
        )
        return (inbound, requests)
    }

    static func compressed(_ bytes: [UInt8]) -> ReceivedMessage {
        let compressor = Zlib.Compressor()
        defer { compressor.end() }
        return ReceivedMessage(payload: compressor.compress(ByteBuffer(bytes: bytes)), flags: .compressed)
    }

    @Test("messages come out in order, inflated on the consumer's side, with credit granted per threshold")
    func orderAndCredit() async throws {
        let (inbound, requests) = Self.makeInbound(threshold: 2)
        let text = Array(repeating: UInt8(ascii: "a"), count: 5000)
        #expect(!inbound.push(ReceivedMessage(payload: ByteBuffer(string: "one"), flags: [])))
        #expect(!inbound.push(Self.compressed(text)))
        #expect(!inbound.push(ReceivedMessage(payload: ByteBuffer(string: "three"), flags: [])))
        #expect(try await inbound.next() == ByteBuffer(string: "one"))
        #expect(requests.grants.withLock { $0 }.isEmpty)
        #expect(try await inbound.next() == ByteBuffer(bytes: text))
        #expect(requests.grants.withLock { $0 } == [2])
        inbound.finish(.success(()))
        #expect(try await inbound.next() == ByteBuffer(string: "three"))
        #expect(try await inbound.next() == nil)
        // No credit once the call has ended.
        #expect(requests.grants.withLock { $0 } == [2])
        #expect(requests.cancels.withLock { $0 }.isEmpty)
    }

    @Test("a waiting consumer is woken once per burst, by wake(), not by each push")
    func wakeOncePerBurst() async throws {
        let (inbound, _) = Self.makeInbound()
        let first = Task { try await inbound.next() }
        // Wait (without timing assumptions) until the consumer is parked.
        while !inbound.hasWaiter { await Task.yield() }
        #expect(inbound.push(ReceivedMessage(payload: ByteBuffer(string: "m"), flags: [])))
        #expect(!inbound.push(ReceivedMessage(payload: ByteBuffer(string: "n"), flags: [])))
        inbound.wake()
        #expect(try await first.value == ByteBuffer(string: "m"))
        inbound.finish(.success(()))
        #expect(try await inbound.next() == ByteBuffer(string: "n"))
        #expect(try await inbound.next() == nil)
    }

    @Test("a corrupt compressed message fails the stream with INTERNAL and cancels the call")
    func corruptMessage() async throws {
        let (inbound, requests) = Self.makeInbound()
        var garbage = Self.compressed(Array(repeating: 7, count: 3000))
        garbage.payload.setInteger(UInt32(0xDEAD_BEEF), at: 4)
        _ = inbound.push(garbage)
        await #expect { try await inbound.next() } throws: { ($0 as? CorpusError)?.code == .internalError }
        #expect(requests.cancels.withLock { $0 } == [.internal])
        // Messages after the failure are dropped, and the stream does not cancel twice.
        #expect(!inbound.push(ReceivedMessage(payload: ByteBuffer(string: "late"), flags: [])))
        inbound.terminate()
        #expect(requests.cancels.withLock { $0 } == [.internal])
    }

    @Test("a zlib bomb is refused with RESOURCE_EXHAUSTED before it is inflated past the limit")
    func bomb() async throws {
        let (inbound, requests) = Self.makeInbound(maxMessageSize: 64 * 1024)
        _ = inbound.push(Self.compressed(Array(repeating: 0, count: 8 << 20)))
        await #expect { try await inbound.next() } throws: { ($0 as? CorpusError)?.code == .resourceExhausted }
        #expect(requests.cancels.withLock { $0 } == [.resourceExhausted])
    }

    @Test("an uncompressed message over the limit is refused too")
    func oversizedPlain() async throws {
        let (inbound, _) = Self.makeInbound(maxMessageSize: 16)
        _ = inbound.push(ReceivedMessage(payload: ByteBuffer(repeating: 1, count: 17), flags: []))
        await #expect { try await inbound.next() } throws: { ($0 as? CorpusError)?.code == .resourceExhausted }
    }

    @Test("a failed call surfaces its error after the messages that came before it")
    func failureAfterMessages() async throws {
        let (inbound, _) = Self.makeInbound()
        _ = inbound.push(ReceivedMessage(payload: ByteBuffer(string: "x"), flags: []))
        inbound.finish(.failure(CorpusError(code: .unavailable, message: "gone")))
        #expect(try await inbound.next() == ByteBuffer(string: "x"))
        await #expect { try await inbound.next() } throws: { ($0 as? CorpusError)?.code == .unavailable }
    }
}
