import ArgumentParser
import Testing

@testable import CorpusCLI

/// The workload: `--mix` parsing and validation, weighted choice with a seeded generator,
/// argument pools and the command's option checks.
@Suite("bench: call mix and arguments")
struct BenchMixTests {
    @Test("--mix parses weights in order")
    func parse() throws {
        let mix = try CallMix(parsing: "get=60, search=30,entity=10")
        #expect(mix.kinds == [.get, .search, .entity])
        #expect(mix.totalWeight == 100)
        #expect(mix.share(of: .search) == 0.3)
        #expect(mix.description == "get=60,search=30,entity=10")
        #expect(mix.percentages == "get 60%, search 30%, entity 10%")
        // Zero weights are allowed and dropped.
        #expect(try CallMix(parsing: "get=1,list=0").kinds == [.get])
    }

    @Test(
        "malformed mixes are rejected with a reason",
        arguments: [
            ("", "is not call=weight"), ("get", "is not call=weight"), ("fetch=3", "unknown call \"fetch\""),
            ("get=x", "whole number"), ("get=1,get=2", "listed twice"), ("get=-1,search=2", "negative"),
            ("get=0,search=0", "at least one weight"), ("get=1,,search=1", "is not call=weight"),
        ]
    )
    func rejected(text: String, reason: String) {
        #expect {
            _ = try CallMix(parsing: text)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test("weighted choice: 100,000 draws land within 1 % of the weights")
    func proportions() throws {
        let mix = try CallMix(parsing: "get=60,search=30,entity=10")
        var generator = SplitMix64(seed: 7)
        var counts: [RPCKind: Int] = [:]
        let draws = 100_000
        for _ in 0..<draws { counts[mix.pick(using: &generator), default: 0] += 1 }
        #expect(Set(counts.keys) == [.get, .search, .entity])
        for kind in mix.kinds {
            let share = Double(counts[kind, default: 0]) / Double(draws)
            #expect(abs(share - mix.share(of: kind)) < 0.01, "\(kind): \(share)")
        }
    }

    @Test("uneven weights: 1 in 1,000 still comes up about 1 in 1,000")
    func rareKind() throws {
        let mix = try CallMix(parsing: "get=999,suggest=1")
        var generator = SplitMix64(seed: 99)
        let suggestions = (0..<200_000).filter { _ in mix.pick(using: &generator) == .suggest }.count
        #expect((100...300).contains(suggestions))
    }

    @Test("the same seed gives the same calls; workers differ")
    func repeatable() {
        var pool = ArgumentPool()
        pool.ids = (0..<50).map { "id\($0)" }
        pool.queries = ["a", "b", "c"]
        pool.names = ["Võ Anh Kiệt", "An Phú"]
        func calls(worker: Int, seed: UInt64) -> [PlannedCall] {
            var workload = Workload(mix: .defaultMixed, pool: pool, limit: 5, generator: .forWorker(worker, seed: seed))
            return (0..<100).map { _ in workload.next() }
        }
        #expect(calls(worker: 0, seed: 1) == calls(worker: 0, seed: 1))
        #expect(calls(worker: 0, seed: 1) != calls(worker: 1, seed: 1))
        #expect(calls(worker: 0, seed: 1) != calls(worker: 0, seed: 2))
        #expect(calls(worker: 3, seed: 1).contains(.search(query: "a", limit: 5)))
    }

    @Test("argument pools: what each kind needs, prefixes from names")
    func pools() {
        var pool = ArgumentPool()
        #expect(pool.missing(for: .defaultMixed) == [.get, .search, .entity])
        #expect(pool.missing(for: .single(.list)).isEmpty, "list can start from the beginning")
        pool.names = ["Võ Anh Kiệt", "Anh Tú"]
        #expect(ArgumentPool.prefixes(of: pool.names) == ["Võ", "Anh", "Kiệ", "Tú"])
        #expect(pool.missing(for: .single(.suggest)).isEmpty)
        #expect(
            WorkloadDiscovery.queries(fromTitles: ["An Phú tập trung chuẩn bị", "Một", "An Phú tập trung"]).prefix(2)
                == ["An Phú tập"]
                + [ArgumentPool.fixedQueries[0]]
        )
    }

    @Test("option checks: --rpc, --mix, counts and durations")
    func options() throws {
        let defaults = try Bench.parse([])
        #expect(try defaults.resolvedMix().rpc == "get")
        let settings = try defaults.settings()
        #expect(settings.plan.duration == .seconds(10))
        #expect(settings.plan.concurrency == 16)
        #expect(settings.plan.rate == nil)

        let mixed = try Bench.parse(["--mix", "get=1,search=1", "--duration", "500ms", "--rate", "200", "-n", "50"])
        #expect(try mixed.resolvedMix().rpc == "mixed")
        #expect(
            try mixed.settings().plan
                == LoadTestPlan(
                    concurrency: 16,
                    rate: 200,
                    duration: .milliseconds(500),
                    requests: 50,
                    grace: .seconds(2)
                )
        )
        #expect(try Bench.parse(["-n", "5"]).settings().plan.duration == Bench.requestsTimeLimit)
        #expect(try Bench.parse(["--rpc", "mixed"]).resolvedMix().mix == .defaultMixed)
        #expect(try Bench.parse(["--rpc", "search", "--query", "x", "--seed", "5"]).settings().pool.queries == ["x"])

        for bad in [
            ["--rpc", "fetch"], ["--rpc", "get", "--mix", "get=1"], ["--mix", "get=1,oops=2"], ["--concurrency", "0"],
            ["--rate", "0"], ["--requests", "0"], ["--duration", "soon"], ["--duration", "0s"], ["--connections", "0"],
        ] {
            #expect(throws: (any Error).self, "\(bad)") { try Bench.parse(bad) }
        }
    }
}
