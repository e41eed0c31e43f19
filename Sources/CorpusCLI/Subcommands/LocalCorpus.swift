import ArgumentParser
import CorpusEngine
import CorpusProtocol
import CorpusServer
import Foundation

/// A failure reported as `error: CODE: message` on stderr, with the exit status of that code.
struct CLIFailure: Error, CustomStringConvertible {
    /// A wire status name and its exit status (see ``ExitCodes``).
    struct Code {
        var name: String
        var exitStatus: Int32

        static let invalidArgument = Code(name: "INVALID_ARGUMENT", exitStatus: ExitCodes.invalidArgument)
        static let notFound = Code(name: "NOT_FOUND", exitStatus: ExitCodes.notFound)
        static let cancelled = Code(name: "CANCELLED", exitStatus: ExitCodes.cancelled)
    }

    var code: Code
    var message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The failure for a call that failed with `error`.
    init(_ error: CorpusError) {
        self.init(Code(name: error.code.name, exitStatus: ExitCodes.status(for: error.code)), error.message)
    }

    var description: String { "\(self.code.name): \(self.message)" }

    /// Prints `error: CODE: message` on stderr and returns the exit status to throw.
    func exit() -> ExitCode {
        Terminal.error("error: \(self)")
        return ExitCode(self.code.exitStatus)
    }
}

/// Loading for the local mode of `search` and `entity`.
enum LocalCorpus {
    /// Loads a directory with the search index attached (`result.corpus.searchIndex`).
    static func load(directory: String) async throws -> (CorpusLoader.Result, SearchIndex) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIFailure(.notFound, "no such corpus directory: \(directory)")
        }
        let loader = CorpusLoader(options: .init(makeSearchIndex: { await SearchIndex(corpus: $0) }))
        let result: CorpusLoader.Result
        do {
            result = try await loader.load(directory: directory)
        } catch {
            throw CLIFailure(.notFound, "\(error)")
        }
        guard let index = result.corpus.searchIndex as? SearchIndex else {
            throw CLIFailure(.notFound, "no search index for \(directory)")
        }
        return (result, index)
    }

    /// Loads a directory and runs `body` on it, turning failures into an error line and the exit
    /// status of their code, as remote commands do.
    static func run(
        directory: String,
        json: Bool,
        _ body: (Corpus, Output) async throws -> Void
    ) async throws {
        let output = Output(color: !json && Terminal.stdoutIsColorTerminal)
        do {
            let corpus = try await load(directory: directory).0.corpus
            try await body(corpus, output)
        } catch let error as CorpusError {
            throw CLIFailure(error).exit()
        } catch let failure as CLIFailure {
            throw failure.exit()
        }
    }
}

/// The local mode of `corpus search`: the server's search logic, in this process.
enum LocalSearch {
    /// Every response of the search: the hits, then the summary.
    static func responses(_ request: Corpus_V1_SearchRequest, corpus: Corpus) throws -> [Corpus_V1_SearchResponse] {
        let run = try SearchQueries.start(request, in: corpus)
        var responses = Array(run)
        responses.append(run.summary(returned: responses.count))
        return responses
    }
}
