import CorpusClient
import CorpusProtocol
import CorpusServer
import CorpusTestSupport
import CorpusTransport
import NIOCore
import Testing

@Suite("RPC runtime: calls over loopback", .timeLimit(.minutes(1)))
struct RuntimeCallTests {
    @Test("inline and async unary calls return the request")
    func unary() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            let connection = try await connect(address)
            let inline = try await connection.unary(TestService.inline, request: ByteBuffer(string: "xin chào"))
            #expect(inline.text == "xin chào")
            let async = try await connection.unary(TestService.async, request: ByteBuffer(string: "Đảng"))
            #expect(async.text == "Đảng")
            let empty = try await connection.unary(TestService.async, request: ByteBuffer())
            #expect(empty.readableBytes == 0)
            await connection.close()
        }
    }

    @Test("a stream delivers every message in order, beyond many credit windows")
    func stream() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            let connection = try await connect(address)
            var received: [String] = []
            for try await message in connection.serverStreaming(TestService.stream, request: ByteBuffer(string: "1000"))
            {
                received.append(message.text)
            }
            #expect(received == (0..<1000).map { "\($0)" })
            await connection.close()
        }
    }

    @Test("200 concurrent calls on one connection all complete")
    func concurrentCalls() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            let connection = try await connect(address)
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let method = index % 3 == 0 ? TestService.inline : TestService.async
                        if index % 5 == 0 {
                            var count = 0
                            for try await _ in connection.serverStreaming(
                                TestService.stream,
                                request: ByteBuffer(string: "50")
                            ) { count += 1 }
                            return count == 50
                        }
                        let reply = try await connection.unary(method, request: ByteBuffer(string: "call \(index)"))
                        return reply.text == "call \(index)"
                    }
                }
                var ok = 0
                for try await result in group where result { ok += 1 }
                #expect(ok == 200)
            }
            await connection.close()
        }
    }

    @Test("many connections at once")
    func manyConnections() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, server in
            try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        let connection = try await connect(address)
                        defer { Task { await connection.close() } }
                        return try await connection.unary(TestService.inline, request: ByteBuffer(string: "\(index)"))
                            .text
                    }
                }
                var replies: Set<String> = []
                for try await reply in group { replies.insert(reply) }
                #expect(replies == Set((0..<20).map { "\($0)" }))
            }
        }
    }

    @Test("handler errors reach the caller with their status, message and metadata")
    func errors() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            let connection = try await connect(address)
            do {
                _ = try await connection.unary(TestService.fail, request: ByteBuffer())
                Issue.record("expected NOT_FOUND")
            } catch let error as CorpusError {
                #expect(error.code == .notFound)
                #expect(error.message == "no such thing")
                #expect(error.metadata["hint"] == "try another")
            }
            do {
                _ = try await connection.unary(TestService.crash, request: ByteBuffer())
                Issue.record("expected INTERNAL")
            } catch let error as CorpusError {
                #expect(error.code == .internalError)
                #expect(error.message == "internal error")
            }
            let unknown = MethodDescriptor(
                service: "test.Echo",
                method: "Nope",
                kind: .unary,
                isIdempotent: true,
                requestType: "",
                responseType: ""
            )
            do {
                _ = try await connection.unary(unknown, request: ByteBuffer())
                Issue.record("expected UNIMPLEMENTED")
            } catch let error as CorpusError {
                #expect(error.code == .unimplemented)
                #expect(error.message.contains("/test.Echo/Nope"))
            }
            // The connection is still fine.
            #expect(try await connection.unary(TestService.inline, request: ByteBuffer(string: "ok")).text == "ok")
            await connection.close()
        }
    }

    @Test("a call past its deadline ends with DEADLINE_EXCEEDED and its handler is cancelled")
    func deadline() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            let connection = try await connect(address)
            do {
                _ = try await connection.unary(
                    TestService.hang,
                    request: ByteBuffer(),
                    options: CallOptions(timeout: .milliseconds(100))
                )
                Issue.record("expected DEADLINE_EXCEEDED")
            } catch let error as CorpusError {
                #expect(error.code == .deadlineExceeded)
            }
            await service.waitForCancellations(1)
            #expect(service.cancellations == ["Hang"])
            await connection.close()
        }
    }

    @Test("the server enforces the deadline even when the client does not")
    func serverSideDeadline() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            try await withRawConnection(to: address) { raw in
                try await raw.send(RawConnection.handshake())
                try await raw.send([
                    .headers(callID: 1, headers(TestService.hang, timeout: 50)),
                    .message(callID: 1, flags: .endStream, payload: ByteBuffer()),
                ])
                let frames = try await raw.frames { $0.trailersStatus != nil }
                #expect(frames.last?.trailersStatus?.code == .deadlineExceeded)
                #expect(frames.last?.trailersStatus?.message == "deadline of 50 ms exceeded")
            }
            await service.waitForCancellations(1)
        }
    }

    @Test("cancelling a stream mid-way stops the server's handler")
    func cancelMidStream() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            let connection = try await connect(address)
            let stream = connection.serverStreaming(TestService.hangStream, request: ByteBuffer())
            var iterator = stream.makeAsyncIterator()
            let first = try await iterator.next()
            #expect(first?.text == "first")
            await service.waitForStarts(1)
            stream.cancel()
            await service.waitForCancellations(1)
            #expect(service.cancellations == ["HangStream"])
            // The connection carries on.
            #expect(try await connection.unary(TestService.inline, request: ByteBuffer(string: "x")).text == "x")
            await connection.close()
        }
    }

    @Test("cancelling the calling task cancels a unary call on the server")
    func cancelTask() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            let connection = try await connect(address)
            let task = Task {
                try await connection.unary(TestService.hang, request: ByteBuffer())
            }
            await service.waitForStarts(1)
            task.cancel()
            await #expect(throws: CorpusError.self) { try await task.value }
            await service.waitForCancellations(1)
            await connection.close()
        }
    }

    @Test("breaking out of a stream loop cancels the call")
    func breakOutOfLoop() async throws {
        let service = TestService()
        try await withTestServer(router: service.makeRouter()) { address, _ in
            let connection = try await connect(address)
            var seen = 0
            for try await _ in connection.serverStreaming(TestService.stream, request: ByteBuffer(string: "1000000")) {
                seen += 1
                if seen == 3 { break }
            }
            await service.waitForCancellations(1)
            #expect(service.cancellations == ["Stream"])
            #expect(service.messagesProduced < 1000)
            await connection.close()
        }
    }
}
