import ArgumentParser
import CorpusClient
import CorpusProtocol
import CorpusTransport
import Foundation

/// `corpus bench`: a load test of a server with the client library.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load-test a server: latency percentiles, throughput, errors, bytes.",
        discussion: """
            Closed loop (default): --concurrency calls in flight, each worker sending its next call \
            when the previous one ends; good for the maximum throughput. Open loop (--rate): calls \
            leave on a fixed schedule and latency is measured from the intended send time, so a \
            stalled server shows up in the percentiles (no coordinated omission).

            Arguments (ids, entity names, queries) are discovered from the server unless given. \
            The run always ends: no call starts after --duration, and calls still running \
            --grace later are cancelled and reported as unfinished.

            Examples:
              corpus bench --rpc mixed --duration 10s --concurrency 32
              corpus bench --rpc get --requests 10000 --concurrency 1
              corpus bench --rpc search --query "dai hoi dang bo" --rate 500 --duration 30s
              corpus bench --mix get=60,search=30,entity=10 --html report.html
              corpus bench --rpc entity --names-from names.txt --json | jq .latencyMillis
            """
    )

    @Option(help: "The call: get, entity, search, list, suggest, or mixed (weighted by --mix). (default: get)")
    var rpc: String?

    @Option(help: "Weights of a mixed workload, e.g. get=60,search=30,entity=10 (implies --rpc mixed).")
    var mix: String?

    @Option(name: [.short, .long], help: "Calls in flight (closed loop), or the cap on calls in flight (open loop).")
    var concurrency = 16

    @Option(help: "Connections to each server address; calls are spread over them round-robin.")
    var connections = 1

    @Option(help: "Open loop: calls per second on a fixed schedule (default: closed loop).")
    var rate: Double?

    @Option(help: "How long to send calls: 10s, 500ms, 2m (default 10s; with --requests, a cap of 10m).")
    var duration: BenchDuration?

    @Option(name: [.customShort("n"), .long], help: "Stop after this many calls.")
    var requests: Int?

    @Option(help: "Calls before the measured run, not counted: a duration such as 2s.")
    var warmup = BenchDuration(.zero)

    @Option(help: "How long calls still running at the end may take before they are cancelled.")
    var grace = BenchDuration(.seconds(2))

    @Option(help: "A search query (repeat for several).")
    var query: [String] = []

    @Option(help: "A file with one search query per line.")
    var queriesFrom: String?

    @Option(help: "An article id (repeat for several).")
    var id: [String] = []

    @Option(help: "A file with one article id per line.")
    var idsFrom: String?

    @Option(help: "An entity name (repeat for several).")
    var name: [String] = []

    @Option(help: "A file with one entity name per line.")
    var namesFrom: String?

    @Option(help: "Hits per search call and summaries per list call.")
    var limit = 20

    @Option(help: "Seed for the choice of calls and arguments (default: random; printed in the report).")
    var seed: UInt64?

    @Option(help: "Also write a self-contained HTML report with the latency and throughput charts to this file.")
    var html: String?

    @OptionGroup var client: ClientOptions

    /// `--requests` without `--duration` still ends after this long.
    static let requestsTimeLimit = Duration.seconds(600)

    func validate() throws {
        guard concurrency > 0 else { throw ValidationError("--concurrency must be positive") }
        guard connections > 0 else { throw ValidationError("--connections must be positive") }
        if let rate { guard rate > 0, rate.isFinite else { throw ValidationError("--rate must be positive") } }
        if let requests { guard requests > 0 else { throw ValidationError("--requests must be positive") } }
        if let duration {
            guard duration.duration > .zero else { throw ValidationError("--duration must be positive") }
        }
        guard limit >= 0 else { throw ValidationError("--limit must not be negative") }
        _ = try resolvedMix()
    }

    /// The mix `--rpc` and `--mix` describe.
    func resolvedMix() throws -> (rpc: String, mix: CallMix) {
        let rpc = self.rpc?.lowercased()
        if let mix {
            guard rpc == nil || rpc == "mixed" else {
                throw ValidationError("--mix goes with --rpc mixed, not --rpc \(rpc ?? "")")
            }
            do {
                return ("mixed", try CallMix(parsing: mix))
            } catch {
                throw ValidationError("--mix: \(error)")
            }
        }
        switch rpc ?? "get" {
        case "mixed": return ("mixed", .defaultMixed)
        case let name:
            guard let kind = RPCKind(rawValue: name) else {
                throw ValidationError("unknown --rpc \"\(name)\" (expected \(RPCKind.names) or mixed)")
            }
            return (kind.rawValue, .single(kind))
        }
    }

    /// The settings of the run (reads the argument files).
    func settings() throws -> BenchSettings {
        let (rpc, mix) = try resolvedMix()
        var pool = ArgumentPool()
        pool.ids = id + (try idsFrom.map { try Self.read($0, "--ids-from") } ?? [])
        pool.names = name + (try namesFrom.map { try Self.read($0, "--names-from") } ?? [])
        pool.queries = query + (try queriesFrom.map { try Self.read($0, "--queries-from") } ?? [])
        if !pool.ids.isEmpty { pool.sources["ids"] = idsFrom.map { "--ids-from \($0)" } ?? "--id" }
        if !pool.names.isEmpty { pool.sources["names"] = namesFrom.map { "--names-from \($0)" } ?? "--name" }
        if !pool.queries.isEmpty { pool.sources["queries"] = queriesFrom.map { "--queries-from \($0)" } ?? "--query" }
        let timeLimit = duration?.duration ?? (requests == nil ? .seconds(10) : Self.requestsTimeLimit)
        return BenchSettings(
            servers: client.server,
            rpc: rpc,
            mix: mix,
            plan: LoadTestPlan(
                concurrency: concurrency,
                rate: rate,
                duration: timeLimit,
                requests: requests,
                grace: grace.duration
            ),
            warmup: warmup.duration,
            connections: connections,
            compression: !client.noCompression,
            deadlineSeconds: client.deadline,
            limit: limit,
            seed: seed ?? UInt64.random(in: 0..<(1 << 53)),
            pool: pool
        )
    }

    private static func read(_ path: String, _ option: String) throws -> [String] {
        do {
            let lines = try ArgumentPool.lines(ofFile: path)
            guard !lines.isEmpty else {
                throw CorpusError(code: .invalidArgument, message: "\(option) \(path) is empty")
            }
            return lines
        } catch let error as CorpusError {
            throw error
        } catch {
            throw CorpusError(code: .notFound, message: "\(option): cannot read \(path)")
        }
    }

    func run() async throws {
        let settings: BenchSettings
        do {
            settings = try self.settings()
        } catch let error as CorpusError {
            Terminal.error("error: \(error.message)")
            throw ExitCode(ExitCodes.status(for: error.code))
        }
        let (json, html, connections) = (client.json, html, connections)
        let progress = ProgressLine(isEnabled: Terminal.stderrIsTerminal)
        try await RemoteCommand.run(
            client,
            configure: { configuration in
                configuration.connectionsPerAddress = connections
                // Retries would hide failures and stretch latencies: every attempt is measured.
                configuration.retry = .none
            },
            { client, output in
                let report: LoadTestReport
                do {
                    report = try await Self.execute(
                        settings,
                        client: client,
                        json: json,
                        html: html,
                        output: output,
                        progress: progress
                    )
                } catch {
                    progress.clear()
                    throw error
                }
                if report.calls.total > 0, report.calls.ok == 0,
                    let top = report.statuses.max(by: { $0.value < $1.value })?.key
                {
                    let code = Status.Code(name: top).flatMap { CorpusError.Code($0) } ?? .unknown
                    throw CorpusError(code: code, message: "every call failed (\(report.calls.total) calls)")
                }
            }
        )
    }

    /// Runs the load test with `client` and writes the report.
    ///
    /// - Parameters:
    ///   - settings: The run.
    ///   - client: A running client.
    ///   - json: Print the JSON object instead of the readable report.
    ///   - html: Also write the HTML page to this path.
    ///   - output: Where the report goes.
    ///   - progress: The live progress line, if any.
    /// - Returns: The report.
    /// - Throws: ``CorpusProtocol/CorpusError`` when the server cannot be reached or has no
    ///   arguments to offer; the calls' own failures are counted, not thrown.
    @discardableResult
    static func execute(
        _ settings: BenchSettings,
        client: CorpusClient,
        json: Bool,
        html: String? = nil,
        output: Output,
        progress: ProgressLine? = nil
    ) async throws -> LoadTestReport {
        let options = CallOptions(compression: settings.compression)
        do {
            _ = try await client.health(options: options)
        } catch let error as CorpusError where error.code == .unimplemented {
            // A server without the health method can still be load-tested.
        }
        var pool = settings.pool
        if !pool.missing(for: settings.mix).isEmpty {
            progress?.status("discovering arguments from the server...")
            try await WorkloadDiscovery.complete(&pool, for: settings.mix, client: client, options: options)
        }
        let arguments = pool
        let runner = LoadTestRunner(target: ClientCallTarget(client: client, options: options)) { worker in
            settings.workload(worker: worker, phase: 1, pool: arguments)
        }
        if settings.warmup > .zero {
            let warmup = LoadTestRunner(target: runner.target) { worker in
                settings.workload(worker: worker, phase: 0, pool: arguments)
            }
            _ = await warmup.run(settings.warmupPlan, progress: progress?.handler("warmup"))
        }

        let before = await stats(client)
        let transferBefore = client.transferCounts
        let startedAt = Date()
        let result = await runner.run(settings.plan, progress: progress?.handler("bench"))
        let transfer = client.transferCounts - transferBefore
        progress?.clear()
        let after = await stats(client)

        let server: LoadTestReport.ServerView
        switch (before, after) {
        case (.success(let before), .success(let after)): server = .init(before: before, after: after)
        case (.failure(let error), _), (_, .failure(let error)): server = .unavailable(error)
        }
        let report = LoadTestReport(
            result: result,
            settings: settings,
            pool: pool,
            startedAt: startedAt,
            transfer: transfer,
            server: server
        )
        if json {
            output.line(try BenchJSON.encode(report))
        } else {
            BenchTextReport.write(report, to: output)
        }
        if let html {
            do {
                try Data(BenchHTMLReport.render(report).utf8).write(to: URL(fileURLWithPath: html))
            } catch {
                throw CorpusError(
                    code: .failedPrecondition,
                    message: "cannot write \(html): \(error.localizedDescription)"
                )
            }
            if !json { output.line(output.dim("HTML report written to \(html)")) }
        }
        return report
    }

    private enum StatsResult {
        case success(Corpus_V1_StatsResponse)
        case failure(String)
    }

    private static func stats(_ client: CorpusClient) async -> StatsResult {
        do {
            return .success(try await client.stats(options: CallOptions(timeout: .seconds(5))))
        } catch let error as CorpusError {
            return .failure("\(error.code.name): \(error.message)")
        } catch {
            return .failure("\(error)")
        }
    }
}
