import Histogram
import Synchronization
import Testing

@testable import CorpusCLI

/// The load-test runner against fake servers (``ClosureCallTarget``): the open loop's schedule
/// makes a stall visible in the percentiles, the closed loop hides it, and the hard stop bounds
/// a run against a server that never answers.
///
/// No assertion depends on how fast this machine is: the margins are wide, and the only waiting
/// is the simulated server's.
@Suite("bench: closed and open loop", .serialized, .timeLimit(.minutes(1)))
struct BenchLoopTests {
    /// A server that answers at once, except that the `stallAt`-th call pauses it for
    /// `stall`: every call arriving during the pause waits for its end.
    final class StallingServer: Sendable {
        private let state = Mutex<(calls: Int, pausedUntil: ContinuousClock.Instant?)>((0, nil))
        let stallAt: Int
        let stall: Duration

        init(stallAt: Int, stall: Duration = .milliseconds(200)) {
            self.stallAt = stallAt
            self.stall = stall
        }

        var target: ClosureCallTarget {
            ClosureCallTarget { call in
                let now = ContinuousClock.now
                let pausedUntil = self.state.withLock { state -> ContinuousClock.Instant? in
                    state.calls += 1
                    if state.calls == self.stallAt { state.pausedUntil = now + self.stall }
                    return state.pausedUntil
                }
                // Otherwise it answers without suspending, so the latencies measured around it
                // do not depend on how busy the machine's other tasks keep the executor.
                if let pausedUntil, pausedUntil > now {
                    try? await Task.sleep(until: pausedUntil, clock: .continuous)
                }
                return .ok(messages: call.kind.isStream ? 3 : 1, firstMessageAt: call.kind.isStream ? .now : nil)
            }
        }
    }

    static func runner(_ target: ClosureCallTarget, mix: CallMix = .single(.get)) -> LoadTestRunner<ClosureCallTarget> {
        var pool = ArgumentPool()
        pool.ids = ["a", "b", "c"]
        pool.queries = ["q"]
        pool.names = ["n"]
        let arguments = pool
        return LoadTestRunner(target: target) { worker in
            Workload(mix: mix, pool: arguments, limit: 10, generator: .forWorker(worker, seed: 42))
        }
    }

    @Test("open loop: a 200 ms stall shows up in the upper percentiles")
    func openLoopSeesStall() async {
        let server = StallingServer(stallAt: 100)
        let plan = LoadTestPlan(concurrency: 4, rate: 500, duration: .seconds(30), requests: 600, grace: .seconds(5))
        let result = await Self.runner(server.target).run(plan)
        let latency = LatencySummary(result.stats.latency)

        #expect(result.stats.calls == 600)
        #expect(result.stats.errors == 0)
        #expect(!result.cutOff)
        // About 100 of the 600 calls were due during the stall; each waited for its end.
        #expect(latency.p99 >= 150, "p99 \(latency.p99) ms should show the stall")
        #expect(latency.p90 >= 20, "p90 \(latency.p90) ms should show the stall")
        #expect(latency.max >= 190)
        #expect(result.stats.sendLag.totalCount == 600)
        #expect(result.notSent == 0)
        #expect(result.timeline.reduce(0) { $0 + $1.calls } == 600)
    }

    @Test("closed loop: the same stall is a single slow call, invisible at p99")
    func closedLoopHidesStall() async {
        let server = StallingServer(stallAt: 100)
        let plan = LoadTestPlan(concurrency: 1, rate: nil, duration: .seconds(30), requests: 600, grace: .seconds(5))
        let result = await Self.runner(server.target).run(plan)
        let latency = LatencySummary(result.stats.latency)

        #expect(result.stats.calls == 600)
        #expect(latency.max >= 190, "the stalled call itself is recorded")
        #expect(latency.p99 < 150, "p99 \(latency.p99) ms: the closed loop sent nothing during the stall")
        #expect(result.stats.sendLag.totalCount == 0)
    }

    @Test("a time limit ends a closed loop; every call is counted once")
    func durationLimit() async {
        let server = StallingServer(stallAt: .max)
        let mix = CallMix.defaultMixed
        let plan = LoadTestPlan(
            concurrency: 3,
            rate: nil,
            duration: .milliseconds(300),
            requests: nil,
            grace: .seconds(5)
        )
        let result = await Self.runner(server.target, mix: mix).run(plan)

        #expect(result.stats.calls > 0)
        #expect(!result.cutOff)
        #expect(result.stats.calls == result.timeline.reduce(0) { $0 + $1.calls })
        #expect(result.stats.calls == mix.kinds.reduce(0) { $0 + (result.stats.kinds[$1]?.calls ?? 0) })
        // Streams record their time to first message and their messages.
        let searches = result.stats.kinds[.search]?.calls ?? 0
        #expect(result.stats.firstMessage.totalCount == UInt64(searches))
        #expect(result.stats.messages == result.stats.calls + 2 * searches)
    }

    @Test("a server that never answers: the hard stop cancels the calls and the run ends")
    func hardStop() async {
        let hung = ClosureCallTarget { _ in
            do {
                try await Task.sleep(for: .seconds(3600))
                return .ok()
            } catch {
                return .failed("CANCELLED")
            }
        }
        let plan = LoadTestPlan(
            concurrency: 5,
            rate: nil,
            // Long enough for all five workers to claim a call even on a machine busy with other
            // work (at 100 ms a loaded CI machine sometimes started fewer).
            duration: .seconds(1),
            requests: nil,
            grace: .milliseconds(100)
        )
        let result = await Self.runner(hung).run(plan)
        #expect(result.cutOff)
        #expect(result.stats.calls == 0)
        #expect(result.stats.unfinished == 5)
        #expect(result.stats.kinds[.get]?.unfinished == 5)
    }

    @Test("an overloaded open loop: the backlog left at the hard stop is reported as not sent")
    func overload() async {
        // 50 ms per call, one at a time: 20 calls/s against 1,000 due per second.
        let slow = ClosureCallTarget { _ in
            do {
                try await Task.sleep(for: .milliseconds(50))
                return .ok()
            } catch {
                return .failed("CANCELLED")
            }
        }
        let plan = LoadTestPlan(
            concurrency: 1,
            rate: 1000,
            duration: .milliseconds(300),
            requests: nil,
            grace: .milliseconds(100)
        )
        let result = await Self.runner(slow).run(plan)
        #expect(LoadTestRunner<ClosureCallTarget>.callsDue(plan) == 300)
        #expect(result.cutOff)
        #expect(result.stats.calls + result.stats.unfinished + result.notSent == 300)
        #expect(result.notSent >= 250, "at most 8 of the 300 due calls fit in 400 ms")
        // The calls that were sent waited for the backlog: the last ones were due long before.
        #expect(LatencySummary(result.stats.latency).max >= 100)
    }

    @Test("an open loop never starts calls due after the time limit")
    func openLoopRespectsDuration() async {
        let server = StallingServer(stallAt: .max)
        let plan = LoadTestPlan(
            concurrency: 2,
            rate: 100,
            duration: .milliseconds(200),
            requests: nil,
            grace: .seconds(5)
        )
        let result = await Self.runner(server.target).run(plan)
        // Due at 0, 10, ..., 190 ms: 20 calls.
        #expect(result.stats.calls == 20)
    }
}
