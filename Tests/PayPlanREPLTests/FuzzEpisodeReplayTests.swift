import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Replays one episode of a long command-line fuzz run (docs/fuzzing.md) from the pair a finding
/// prints (`seed 7001 episode 180`), checking the engine invariants after every line, so the line
/// that breaks them is found: `PAYPLAN_FUZZ_REPLAY=7001:180 swift test --filter FuzzEpisodeReplayTests`.
/// It prints the episode's lines up to the first finding. Without the variable it does not run.
@Suite struct FuzzEpisodeReplayTests {
    static let replay: (seed: UInt64, episode: Int)? = {
        guard let v = ProcessInfo.processInfo.environment["PAYPLAN_FUZZ_REPLAY"] else { return nil }
        let parts = v.split(separator: ":")
        guard parts.count == 2, let s = UInt64(parts[0]), let e = Int(parts[1]) else { return nil }
        return (s, e)
    }()

    static let trace = ProcessInfo.processInfo.environment["PAYPLAN_FUZZ_TRACE"] != nil

    /// `PAYPLAN_FUZZ_FROM=E0` first runs episodes E0 … E−1 in the same sandbox, as the long run did: a later
    /// episode can read files an earlier one saved (a scenario copy, a CSV), so a finding may need them.
    static let from = ProcessInfo.processInfo.environment["PAYPLAN_FUZZ_FROM"].flatMap { Int($0) }

    @Test(.enabled(if: replay != nil)) func replayOneEpisodeCheckingEveryLine() throws {
        let (seed, episode) = Self.replay!
        let (folder, scenarios, readable) = try CommandLineFuzzTests.sandbox()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for e in (Self.from ?? episode)...episode {
            let last = e == episode
            let scenario = scenarios[e % scenarios.count]
            let original = [onlineShop, electronics, webAgency][e % scenarios.count]
            try? FileManager.default.removeItem(atPath: scenario)
            try FileManager.default.copyItem(atPath: original, toPath: scenario)
            let s = try Session(path: scenario)
            var g = CommandLineGenerator(seed: episodeSeed(seed, e), vocabulary: .init(s), sandbox: folder, readable: readable)
            var history: [String] = []
            for n in 1...CommandLineFuzzTests.episodeLength {
                let line = g.next()
                history.append(line)
                let t0 = fuzzClock(), c0 = fuzzThreadCPUClock()
                let out = s.execute(line)
                // PAYPLAN_FUZZ_TRACE=1 prints every line with its CPU time and outcome (to find a slow line's cause).
                if Self.trace && (last || fuzzThreadCPUClock() - c0 > 1) {
                    let took = String(format: "%.2f s CPU, %.2f s", fuzzThreadCPUClock() - c0, fuzzClock() - t0)
                    print("\(last ? "" : "episode \(e) ")\(n) [\(took)\(out.failed ? ", refused" : "")]: \(line.prefix(300))")
                }
                if last {
                    let problems = s._checkInvariants()
                    if !problems.isEmpty {
                        print("scenario \((original as NSString).lastPathComponent); the episode's lines up to the first that breaks the invariants:")
                        for (i, l) in history.enumerated() { print("\(i + 1): \(l.prefix(300))") }
                        print("after line \(n) (\(out.failed ? "refused" : "taken")): \(problems.prefix(3).joined(separator: "; "))")
                        Issue.record("invariants broken after line \(n): \(line.prefix(200))")
                        return
                    }
                }
                // As the long run: a `quit` does not end the episode (its later lines run in the same session).
                if out.leave { continue }
                if !out.failed, n % 10 == 0 { g.vocabulary = .init(s) }
            }
        }
        print("no finding in seed \(seed) episode \(episode)")
    }
}
