// The harness: phases, the shared context, whole-process runs.
//
// A phase is a name for `--phases`, a line for `--help` and a function over the
// context. To add one, write `func myPhase(_ c: Context) throws` (in its own file)
// and append `Phase(name:summary:run:)` to `Phase.all`; use `c.line(...)` to print
// a figure, `c.target(...)` to print a figure with its target (and record a miss),
// `c.wrong += n` when a figure disagrees with its independent check.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PayPlan

/// One part of the benchmark.
struct Phase: Sendable {
    let name: String
    let summary: String
    let run: @Sendable (Context) throws -> Void

    /// Every phase, in the order they run. The default `--phases` runs those with `byDefault`.
    static let all: [(phase: Phase, byDefault: Bool)] = [
        (Phase(name: "engine", summary: "full compute, input edits, rule edit, memory, checked against plan C by hand", run: enginePhase), true),
        (Phase(name: "session", summary: "as typed at the prompt: open, undo of an input edit, rule edit, compare of two forks, switch, 100-point sweep", run: sessionPhase), true),
        (Phase(name: "orders", summary: "the engine with --orders N random orders (N > 0)", run: ordersPhase), true),
        (Phase(name: "files", summary: "save / open of the 10,000-agent scenario in-process (encode, write, read, decode)", run: filesPhase), true),
        (Phase(name: "open", summary: "whole process: open the saved scenario and print the year's report; the Python peer beside it", run: openPhase), true),
        (Phase(name: "import", summary: "whole process: import --import-rows Taobao orders (newest first and shuffled, --import-orders) and print the year's report", run: importPhase), true),
        (Phase(name: "agents", summary: "--agent-adds N agent add lines (default 50,000) typed one after another, each appended in place; undo, agent rm", run: agentsPhase), true),
        (Phase(name: "definitions", summary: "--definitions N param lines (default 2,000) typed one after another, each reading the one before", run: definitionsPhase), true),
        (Phase(name: "forecast", summary: "1,000 simulated years of the shipped plan C and of 200 generated people", run: forecastPhase), true),
    ]
}

/// What every phase shares: options, the random stream, the generated workspace, the verdict.
final class Context {
    let options: Options
    var rng: SplitMix64
    /// The generated plan C workspace (N agents, random inputs) and the inputs in fen for the hand check.
    let generated: Generated
    var missed = false
    var wrong = 0
    /// A folder for generated files, removed at the end.
    let folder: String

    init(options: Options) throws {
        self.options = options
        rng = SplitMix64(seed: options.seed)
        generated = try Generated(options, &rng)
        folder = NSTemporaryDirectory() + "payplan-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func line(_ label: String, _ value: String) { printLine(label, value) }

    /// Prints a figure and its target; records a miss.
    func target(_ label: String, _ value: String, target: String, ok: Bool) {
        missed = missed || !ok
        printLine(label, value, target: target, ok: ok)
    }

    /// The scenario of the generated workspace saved to a file (once), for the file and whole-process phases.
    lazy var savedScenario: String = {
        let path = folder + "/plan-c-\(options.agents).json"
        do { try ScenarioFile.save(generated.workspace, path: path) } catch { fail("cannot save the generated scenario: \(error)") }
        return path
    }()
}

/// The generated workspace: plan C from the shipped scenario, N agents, random inputs.
struct Generated {
    var workspace: Workspace
    var agents: [Agent]
    var hired: [Day]
    var salesFen: [Int]
    var expensesFen: [Int]

    init(_ o: Options, _ rng: inout SplitMix64) throws {
        workspace = try ScenarioFile.load(path: o.scenario).workspace
        workspace.years = 2026...2026
        hired = []; salesFen = []; expensesFen = []; agents = []
        salesFen.reserveCapacity(o.agents * 12); expensesFen.reserveCapacity(o.agents * 12)
        var inputs: [String: [String: [Period: Fixed]]] = [:]
        for i in 0..<o.agents {
            let name = String(format: "A%05d", i + 1)
            // One in ten joins during 2026 (probation runs); the rest between 2018 and 2025.
            let year = Int.random(in: 0..<10, using: &rng) == 0 ? 2026 : Int.random(in: 2018...2025, using: &rng)
            let day = Day(year: year, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))!
            hired.append(day)
            agents.append(Agent(name: name, id: String(format: "E%05d", i + 1), role: "sales", hired: day, base: Fixed(3000)))
            var sales: [Period: Fixed] = [:], expenses: [Period: Fixed] = [:]
            for m in 1...12 {
                let p = Period.month(Month(year: 2026, month: m))
                let s = randomSalesFen(&rng), e = randomExpensesFen(&rng)
                salesFen.append(s); expensesFen.append(e)
                sales[p] = fixed(fen: s); expenses[p] = fixed(fen: e)
            }
            inputs[name] = ["sales": sales, "expenses": expenses]
        }
        workspace.agents = agents
        workspace.setOrders([]) // the shipped orders belong to the shipped agents; the orders phase makes its own
        workspace.inputs = inputs
        workspace.teamInputs = [:]
    }

    /// Plan C's pay of the whole year for every agent, by hand (in fen).
    var yearPayFen: Int {
        var total = 0
        for a in hired.indices {
            for m in 1...12 {
                total += handPayFen(hired: hired[a], month: m, salesFen: salesFen[a * 12..<a * 12 + 12], expensesFen: expensesFen[a * 12..<a * 12 + 12])
            }
        }
        return total
    }
}

// MARK: - Whole processes

/// What a finished child process did.
struct ProcessRun {
    var status: Int32
    var wallNs: UInt64
    var cpuSeconds: Double
    /// Peak resident memory of the process itself, KiB: `%M` of GNU time (`/usr/bin/time`), which runs it.
    /// Without GNU time, `ru_maxrss` of `wait4`, which Linux carries over from the benchmark's own peak
    /// (posix_spawn shares the benchmark's memory until exec), so it is at least the benchmark's peak
    /// (`peakIsOwn` false then).
    var peakKB: Int
    /// Whether `peakKB` is the process's own (GNU time), not possibly the benchmark's (`ru_maxrss`).
    var peakIsOwn = false
    var stdout: String
    var stderr: String
}

/// Runs `argv` (a path and its arguments) to the end, its output to files, timing wall and CPU and taking its peak memory.
func runProcess(_ argv: [String], folder: String) -> ProcessRun {
    let out = folder + "/stdout-\(UInt64.random(in: 0...UInt64.max))", err = out + ".err", peakFile = out + ".peak"
    // GNU time forks (not posix_spawn's shared memory) and reports the child's own peak; its own cost is a few ms.
    let gnuTime = "/usr/bin/time", timed = FileManager.default.isExecutableFile(atPath: gnuTime)
    let argv = timed ? [gnuTime, "-f", "%M", "-o", peakFile, "--"] + argv : argv
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var cargs = argv.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    var cenv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in cenv { free(p) } }
    var pid: pid_t = 0
    let t0 = now()
    let rc = posix_spawn(&pid, argv[0], &actions, nil, &cargs, &cenv)
    guard rc == 0 else { fail("cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let wall = now() - t0
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    let errText = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
    let ownPeak = timed ? (try? String(contentsOfFile: peakFile, encoding: .utf8)).flatMap { Int($0.split(separator: "\n").last ?? "") } : nil
    unlink(out); unlink(err); unlink(peakFile)
    // WEXITSTATUS / WIFEXITED by hand (macros are not imported).
    let exited = status & 0x7F == 0
    return ProcessRun(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), wallNs: wall, cpuSeconds: cpu,
                      peakKB: ownPeak ?? Int(usage.ru_maxrss), peakIsOwn: ownPeak != nil, stdout: text, stderr: errText)
}

/// The `total` row's last figure of a report (the `pay` column), in fen; `nil` when there is none.
func reportTotalFen(_ report: String) -> Int? {
    guard let row = report.split(separator: "\n").last(where: { $0.hasPrefix("total") || $0.hasPrefix("合计") }),
          let last = row.split(separator: " ").last else { return nil }
    guard let v = Fixed(decimalText: last.replacingOccurrences(of: ",", with: "")), let fen = v.fen else { return nil }
    return Int(fen)
}

/// The payplan executable to run whole processes with: `--payplan`, else the root package's release build.
func payplanExecutable(_ o: Options) -> String? {
    let candidates = o.payplan.map { [$0] } ?? ["../.build/release/payplan", ".build/release/payplan"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map {
        URL(fileURLWithPath: $0).standardizedFileURL.path
    }
}

func missingExecutable() {
    print("  (skipped: no release payplan; build it first at the repository root: swift build -c release --product payplan, or give --payplan PATH)")
}
