import ArgumentParser
import CorpusClient
import CorpusProtocol
import NIOCore
import SwiftProtobuf

/// `corpus call METHOD JSON`: any method, with requests and responses in protobuf JSON (like grpcurl).
struct Call: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Call any method with a JSON request; print each response as JSON (one per line).",
        discussion: """
            METHOD is the full name or any unambiguous suffix: /corpus.v1.Corpus/GetArticle,
            Corpus/GetArticle or GetArticle. JSON is the protobuf JSON form of the request
            (field names in lowerCamelCase); it defaults to {}. `corpus methods` lists the methods.

            Examples:
              corpus call GetArticle '{"id": "000_f9a3dc24e25b1244"}'
              corpus call Search '{"query": "dai hoi dang bo", "limit": 3}'
              corpus call Health/Check
            """
    )

    @Argument(help: "The method.") var method: String
    @Argument(help: "The request as JSON.") var request = "{}"
    @OptionGroup var client: ClientOptions

    func run() async throws {
        let (method, request, options) = (self.method, self.request, client.callOptions)
        try await RemoteCommand.run(client) { client, output in
            try await Self.execute(method: method, json: request, client: client, options: options, output: output)
        }
    }

    static func execute(
        method name: String,
        json: String,
        client: CorpusClient,
        options: CallOptions,
        output: Output
    ) async throws {
        let codec = try MethodCodec.find(name)
        let request = try codec.encodeRequest(json)
        switch codec.descriptor.kind {
        case .unary:
            let response = try await client.unaryRaw(codec.descriptor, request: request, options: options)
            output.line(try codec.responseJSON(response))
        case .serverStreaming:
            for try await response in client.serverStreamingRaw(codec.descriptor, request: request, options: options) {
                output.line(try codec.responseJSON(response))
            }
        }
    }
}

/// Converts one method's requests from JSON and responses to JSON, with its protobuf types.
struct MethodCodec: Sendable {
    let descriptor: MethodDescriptor
    let encodeRequest: @Sendable (String) throws -> ByteBuffer
    let responseJSON: @Sendable (ByteBuffer) throws -> String

    init<Request, Response>(_ method: RPCMethod<Request, Response>) {
        let descriptor = method.descriptor
        self.descriptor = descriptor
        self.encodeRequest = { json in
            do {
                return try Request(jsonString: json).serializedBuffer()
            } catch {
                throw CorpusError(
                    code: .invalidArgument,
                    message: "the request is not valid JSON for \(descriptor.requestType): \(error)"
                )
            }
        }
        self.responseJSON = { bytes in
            do {
                return try Response(buffer: bytes).jsonString()
            } catch {
                throw CorpusError(
                    code: .internalError,
                    message: "invalid \(descriptor.responseType) response: \(error)"
                )
            }
        }
    }

    /// Every method this build knows the schema of.
    static let all: [MethodCodec] = [
        MethodCodec(CorpusMethods.getArticle), MethodCodec(CorpusMethods.listArticles),
        MethodCodec(CorpusMethods.lookupEntity), MethodCodec(CorpusMethods.suggestEntities),
        MethodCodec(CorpusMethods.search), MethodCodec(CorpusMethods.stats), MethodCodec(CorpusMethods.healthCheck),
        MethodCodec(CorpusMethods.listMethods),
    ]

    /// The method named `name` (full name or an unambiguous suffix, any case).
    static func find(_ name: String) throws -> MethodCodec {
        let wanted = name.lowercased().trimmingPrefix("/")
        if let exact = all.first(where: { $0.descriptor.fullName.lowercased().dropFirst() == wanted }) {
            return exact
        }
        let matches = all.filter {
            $0.descriptor.fullName.lowercased().hasSuffix("/" + wanted)
                || $0.descriptor.fullName.lowercased().hasSuffix("." + wanted)
        }
        guard let match = matches.first else {
            let known = all.map { $0.descriptor.fullName }.joined(separator: ", ")
            throw CorpusError(code: .invalidArgument, message: "unknown method \"\(name)\"; known: \(known)")
        }
        guard matches.count == 1 else {
            let names = matches.map { $0.descriptor.fullName }.joined(separator: ", ")
            throw CorpusError(code: .invalidArgument, message: "\"\(name)\" is ambiguous: \(names)")
        }
        return match
    }
}
