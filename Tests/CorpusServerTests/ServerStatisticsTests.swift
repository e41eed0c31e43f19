import CorpusProtocol
import NIOCore
import Testing

@testable import CorpusServer

@Suite("ServerStatistics")
struct ServerStatisticsTests {
    static let method = MethodDescriptor(
        service: "s",
        method: "m",
        kind: .unary,
        isIdempotent: true,
        requestType: "a",
        responseType: "b"
    )

    @Test("counts calls by method and status, refused calls, messages, connections and bytes")
    func counts() {
        let statistics = ServerStatistics()
        statistics.connectionOpened(remoteAddress: nil)
        statistics.callStarted(Self.method)
        statistics.callStarted(Self.method)
        statistics.callFinished(Self.method, status: .ok, duration: .microseconds(10), messagesSent: 1)
        #expect(statistics.snapshot.callsCurrent == 1)
        statistics.callFinished(Self.method, status: .notFound, duration: .microseconds(30), messagesSent: 0)
        statistics.callRefused(method: "/x/y", status: .unimplemented)
        statistics.bytesTransferred(read: 100, written: 0)
        statistics.bytesTransferred(read: 0, written: 250)
        let snapshot = statistics.snapshot
        #expect(snapshot.callsCurrent == 0)
        #expect(snapshot.callsTotal == 3)
        #expect(snapshot.connectionsCurrent == 1 && snapshot.connectionsTotal == 1)
        #expect(snapshot.bytesIn == 100 && snapshot.bytesOut == 250)
        let figures = snapshot.methods["/s/m"]
        #expect(figures?.calls == 2)
        #expect(figures?.byStatus == ["OK": 1, "NOT_FOUND": 1])
        #expect(figures?.messagesSent == 1)
        #expect(figures?.meanMicroseconds == 20)
        #expect(snapshot.methods["/x/y"]?.byStatus == ["UNIMPLEMENTED": 1])
        statistics.connectionClosed(remoteAddress: nil)
        #expect(statistics.snapshot.connectionsCurrent == 0)
    }
}
