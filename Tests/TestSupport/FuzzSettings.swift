import Foundation
import PayPlan

/// How long a fuzzer runs and from which seed: bounded by default, so `swift test` stays fast and
/// reproducible; longer by hand through the environment (docs/fuzzing.md):
///
///     PAYPLAN_FUZZ_LINES=1000000 PAYPLAN_FUZZ_FILES=10000 PAYPLAN_FUZZ_SEED=7 swift test --filter Fuzz
///
/// - `PAYPLAN_FUZZ_SEED`: the first seed (default 1); every episode's seed is derived from it.
/// - `PAYPLAN_FUZZ_LINES`: command lines for the command-line fuzzer.
/// - `PAYPLAN_FUZZ_FILES`: mutated scenario files for the scenario mutator.
/// - `PAYPLAN_FUZZ_HISTORIES`: random edit histories for the save → load check.
/// - `PAYPLAN_FUZZ_LOG`: a file that gets the seed, episode and line about to run, rewritten before
///   each one, so a crash (which ends the test process) leaves its reproduction behind.
/// - `PAYPLAN_FUZZ_SECONDS`: stop after this many seconds even if the count is not reached (the summary
///   says how many were run), so a long run on a busy machine ends when it must.
/// - `PAYPLAN_FUZZ_SLOW`: seconds one line or one load may take before it is reported as a hang
///   (default 5 for a long run; the bounded run reports but does not fail under a busy machine). The
///   command-line fuzzer counts a line's CPU time, and reports lines over it in wall time only as late.
public struct FuzzSettings: Sendable {
    public var seed: UInt64
    public var count: Int
    public var isLongRun: Bool
    public var logPath: String?
    public var slowSeconds: Double
    /// When to stop (a `fuzzClock()` time), if `PAYPLAN_FUZZ_SECONDS` is given.
    public var deadline: Double?

    /// The settings for one fuzzer: `variable` names its count (`PAYPLAN_FUZZ_LINES`), `bounded`
    /// is the count `swift test` uses when the variable is not set.
    public init(count variable: String, bounded: Int) {
        let env = ProcessInfo.processInfo.environment
        seed = env["PAYPLAN_FUZZ_SEED"].flatMap { UInt64($0) } ?? 1
        let given = env[variable].flatMap { Int($0) }
        count = given ?? bounded
        isLongRun = given != nil
        logPath = env["PAYPLAN_FUZZ_LOG"]
        slowSeconds = env["PAYPLAN_FUZZ_SLOW"].flatMap { Double($0) } ?? 5
        deadline = env["PAYPLAN_FUZZ_SECONDS"].flatMap { Double($0) }.map { fuzzClock() + $0 }
    }

    /// True once the deadline has passed.
    public var timeIsUp: Bool { deadline.map { fuzzClock() > $0 } ?? false }

    /// In a long run, tells a finding on standard error at once (the summary comes only at the end).
    public func report(_ text: @autoclosure () -> String) {
        if isLongRun { FileHandle.standardError.write(Data(("FINDING " + text() + "\n").utf8)) }
    }

    /// Writes `text` as the whole of the log file (when there is one): what is about to run.
    public func log(_ text: @autoclosure () -> String) {
        guard let logPath else { return }
        try? Data(text().utf8).write(to: URL(fileURLWithPath: logPath))
    }
}

/// The seed of episode `n` of a run started from `seed`: one SplitMix64 step apart, so an episode
/// is reproduced alone from the pair printed with a finding.
public func episodeSeed(_ seed: UInt64, _ n: Int) -> UInt64 {
    var g = SplitMix64(seed: seed &+ UInt64(n) &* 0x9E37_79B9_7F4A_7C15)
    return g.next()
}

/// The CPU time the calling thread has used, in seconds. A line that hangs in payplan burns it; a
/// machine busy with other work (a long run at `nice -n 15` beside seven builds) does not add to it,
/// where it stretches the wall time of every line.
public func fuzzThreadCPUClock() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// A monotonic clock in seconds, for per-line timing.
public func fuzzClock() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}
