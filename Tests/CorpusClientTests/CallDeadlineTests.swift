import CorpusProtocol
import NIOCore
import Testing

@testable import CorpusClient

@Suite("Client call helpers")
struct CallDeadlineTests {
    @Test("no timeout means no deadline")
    func none() throws {
        #expect(try CallDeadline(timeout: nil).remaining() == nil)
    }

    @Test("the remaining time shrinks and never exceeds the timeout")
    func remaining() throws {
        let deadline = CallDeadline(timeout: .seconds(60))
        let left = try #require(try deadline.remaining())
        #expect(left <= .seconds(60) && left > .seconds(59))
    }

    @Test("a passed deadline throws DEADLINE_EXCEEDED")
    func passed() {
        let deadline = CallDeadline(timeout: .nanoseconds(1))
        #expect {
            _ = try deadline.remaining()
            _ = try deadline.remaining()
        } throws: { ($0 as? CorpusError)?.code == .deadlineExceeded }
    }

    @Test("the resolver returns literal addresses as they are, and every address of a name")
    func resolver() throws {
        #expect(try AddressResolver.resolve(host: "127.0.0.1", port: 7700).map(\.port) == [7700])
        let local = try AddressResolver.resolve(host: "localhost", port: 9)
        #expect(!local.isEmpty && local.allSatisfy { $0.port == 9 })
        #expect(throws: CorpusError.self) { try AddressResolver.resolve(host: "no-such-host.invalid", port: 1) }
    }
}
