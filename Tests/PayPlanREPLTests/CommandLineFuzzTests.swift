import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// The command-line fuzzer (issue 11, item 7; docs/fuzzing.md): random lines from the grammar, mutated
/// (`CommandLineGenerator`), run through `Session.execute` on copies of the three shipped scenarios.
/// After every line: no trap (a trap ends the test process, and `PAYPLAN_FUZZ_LOG` holds the line);
/// every error is a `Diagnostic` with a non-empty message that renders; a failed command leaves the
/// workspace, its forks, the file, the unsaved mark and the undo history exactly as they were (the
/// values the bytes `save` would write are made of, compared by value), unless it says some of it took
/// effect (`Output.tookEffect`, only `source`); no line takes more than `PAYPLAN_FUZZ_SLOW` seconds of
/// CPU time (reported, failing only in a long run; over it in wall time only is reported as late). At
/// the end of each 100-line episode the engine of every fork equals a fresh engine cell for cell
/// (`_checkInvariants`, debug builds).
///
/// Bounded in `swift test` (seeded, a few seconds); `PAYPLAN_FUZZ_LINES=1000000` runs it long.
@Suite struct CommandLineFuzzTests {
    /// Lines per episode: one session on one scenario copy, then a fresh one.
    static let episodeLength = 100

    /// What a failing command must leave as it was: the workspace, the forks and the description (everything
    /// the bytes `save` would write are made from, compared by value), the file, the current fork and the fork
    /// list, the unsaved mark and the undo and redo history. Taking it is O(1) (the values are shared copies);
    /// comparing two is O(1) when nothing was assigned (the storage is the same) and linear in what changed
    /// otherwise, where encoding the scenario as JSON on every line cost a third of a long run.
    struct State {
        var workspace: Workspace
        var forks: [String: Workspace]
        var description: String?
        var changeCount: Int
        var path: String?
        var forkName: String
        var forkNames: [String]
        var dirty: Bool
        var undo: Int
        var redo: Int
        init(_ s: Session) {
            workspace = s.workspace; forks = s.forks; description = s.scenarioDescription
            changeCount = s.changeCount
            path = s.path; forkName = s.forkName; forkNames = s.forkNames; dirty = s.isDirty
            undo = s.undoStack.count; redo = s.redoStack.count
        }
        /// Equal apart from `changeCount` (a command may assign the same value back).
        func sameSession(as o: State) -> Bool {
            workspace == o.workspace && forks == o.forks && description == o.description && path == o.path && forkName == o.forkName
                && forkNames == o.forkNames && dirty == o.dirty && undo == o.undo && redo == o.redo
        }
    }

    /// A sandbox with copies of the shipped scenarios and CSVs, a script and a broken file.
    static func sandbox() throws -> (folder: String, scenarios: [String], readable: [String]) {
        let d = tempDir("fuzz")
        var scenarios: [String] = [], readable: [String] = []
        for f in [onlineShop, electronics, webAgency] {
            let to = d + "/" + (f as NSString).lastPathComponent
            try FileManager.default.copyItem(atPath: f, toPath: to)
            scenarios.append(to)
        }
        for f in ["electronics-orders.csv", "shop-orders-2026-03.csv"] {
            let to = d + "/" + f
            try FileManager.default.copyItem(atPath: repositoryRoot + "/scenarios/" + f, toPath: to)
            readable.append(to)
        }
        let script = d + "/script.txt"
        try Data("李雷.sales[2026-03] = 9万\nmonth y = (sales + 1\nreport 2026-03\nundo\n".utf8).write(to: URL(fileURLWithPath: script))
        let selfSourcing = d + "/loop.txt"
        try Data("source \(selfSourcing)\n".utf8).write(to: URL(fileURLWithPath: selfSourcing))
        let broken = d + "/broken.json"
        try Data("{\"format\": \"payplan-scenario\", \"version\": 1, \"agents\": [".utf8).write(to: URL(fileURLWithPath: broken))
        let csv = d + "/perf.csv"
        try Data("客服,询单人数,最终付款人数,首次响应时间\n小美,100,30,999999999999999999:00\nCS02,1e26,x,12\n".utf8).write(to: URL(fileURLWithPath: csv))
        return (d, scenarios, scenarios + readable + [script, selfSourcing, broken, csv])
    }

    /// What one run found.
    struct Findings {
        var lines = 0
        var problems: [String] = []
        /// Lines over `PAYPLAN_FUZZ_SLOW` seconds of CPU time (hangs), and how many were over it in wall time only.
        var slow: [(seconds: Double, line: String)] = []
        var late = 0
        var failed = 0
        var invariantChecks = 0
        /// Seconds spent per command word, and on the checks themselves.
        var seconds: [String: Double] = [:]
        var settings: FuzzSettings? = nil
        mutating func note(_ s: String) {
            settings?.report(s)
            if problems.count < 30 { problems.append(s) }
        }
    }

    /// Runs `lines` generated lines from `seed` and returns what was found.
    static func fuzz(seed: UInt64, lines total: Int, settings: FuzzSettings) throws -> Findings {
        let (folder, scenarios, readable) = try sandbox()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var found = Findings()
        found.settings = settings
        var episode = 0
        let start = fuzzClock()
        while found.lines < total && !settings.timeIsUp {
            let eSeed = episodeSeed(seed, episode)
            let scenario = scenarios[episode % scenarios.count]
            // Each episode starts from the shipped file as it was (an earlier episode may have saved over the copy).
            let original = [onlineShop, electronics, webAgency][episode % scenarios.count]
            try? FileManager.default.removeItem(atPath: scenario)
            try FileManager.default.copyItem(atPath: original, toPath: scenario)
            let tOpen = fuzzClock()
            let s = try Session(path: scenario)
            var g = CommandLineGenerator(seed: eSeed, vocabulary: .init(s), sandbox: folder, readable: readable)
            found.seconds["(episode start)", default: 0] += fuzzClock() - tOpen
            var history: [String] = []
            for _ in 0..<min(episodeLength, total - found.lines) {
                let tGenerate = fuzzClock()
                let line = g.next()
                found.seconds["(generator)", default: 0] += fuzzClock() - tGenerate
                history.append(line)
                let tag = "seed \(seed) episode \(episode) line \(history.count)"
                // The episode replays from its seed; the log keeps the line about to run (and the episode's lines in a short run).
                let tLog = fuzzClock()
                settings.log("\(tag)\n" + (settings.isLongRun ? line : history.joined(separator: "\n")))
                found.seconds["(log)", default: 0] += fuzzClock() - tLog
                let before = State(s)
                let t0 = fuzzClock(), c0 = fuzzThreadCPUClock()
                let out = s.execute(line)
                let dt = fuzzClock() - t0, cpu = fuzzThreadCPUClock() - c0
                found.lines += 1
                found.seconds[String(line.prefix { !$0.isWhitespace && $0 != "." }.prefix(12)), default: 0] += dt
                // A hang is CPU time; wall time alone over the limit is the machine's load (a late line, not failing).
                if cpu > settings.slowSeconds {
                    found.slow.append((cpu, "\(tag): \(line.prefix(200))"))
                    settings.report(String(format: "%.1f s of CPU ", cpu) + "\(tag): \(line.prefix(200))")
                } else if dt > settings.slowSeconds {
                    found.late += 1
                    settings.report(String(format: "late (not a hang): %.1f s, %.2f s of CPU ", dt, cpu) + "\(tag): \(line.prefix(200))")
                }
                let tCheck = fuzzClock()
                if out.failed {
                    found.failed += 1
                    for e in out.errors where e.message.trimmingCharacters(in: .whitespaces).isEmpty || e.render().isEmpty {
                        found.note("\(tag): an error without a message: \(line.prefix(200))")
                    }
                    // A failed command changed nothing, unless it says some of it took effect: only `source`
                    // may (each line of a script is its own command), and then its output says how many.
                    let after = State(s)
                    if !out.tookEffect && !after.sameSession(as: before) {
                        found.note("\(tag): a failed command changed the session (\(out.errors.first?.message.prefix(120) ?? "")): \(line.prefix(200))")
                    }
                    if out.tookEffect && !(CommandLineGenerator.asASCII(line).trimmingCharacters(in: .whitespaces).hasPrefix("source") && out.body.contains { $0.text(.en).contains("took effect, each its own undo step") }) {
                        found.note("\(tag): a failed command that is not a script, or does not say what took effect, took effect: \(line.prefix(200))")
                    }
                }
                found.seconds["(session check)", default: 0] += fuzzClock() - tCheck
                if out.leave { continue }
                // Names made by this line (a fork, an agent) come into later lines.
                if !out.failed, found.lines % 10 == 0 { g.vocabulary = .init(s) }
            }
            // Every fork's engine equals a fresh one at the end of each episode, every 100 lines.
            found.invariantChecks += 1
            let tInvariants = fuzzClock()
            let problems = s._checkInvariants()
            found.seconds["(invariants)", default: 0] += fuzzClock() - tInvariants
            if !problems.isEmpty { found.note("seed \(seed) episode \(episode) end: engine invariants: \(problems.prefix(3).joined(separator: "; "))") }
            episode += 1
            if settings.isLongRun, episode % 100 == 0 {
                let rate = Double(found.lines) / (fuzzClock() - start)
                FileHandle.standardError.write(Data("fuzz: \(found.lines)/\(total) lines, \(found.failed) refused, \(found.problems.count) problems, \(found.slow.count) slow, \(found.late) late, \(Int(rate)) lines/s\n".utf8))
            }
        }
        return found
    }

    /// The bounded run `swift test` does: 300 lines from seed 1 (or PAYPLAN_FUZZ_SEED/LINES).
    @Test func generatedCommandLinesNeverCrashAndRefusalsChangeNothing() throws {
        let settings = FuzzSettings(count: "PAYPLAN_FUZZ_LINES", bounded: 300)
        let t0 = fuzzClock()
        let found = try Self.fuzz(seed: settings.seed, lines: settings.count, settings: settings)
        let seconds = fuzzClock() - t0
        if ProcessInfo.processInfo.environment["PAYPLAN_FUZZ_PROFILE"] != nil {
            for (w, t) in found.seconds.sorted(by: { $0.value > $1.value }).prefix(25) { print(String(format: "%8.3f s  %@", t, w)) }
        }
        #expect(found.problems.isEmpty, "\(found.problems.joined(separator: "\n"))")
        if settings.isLongRun {
            #expect(found.slow.isEmpty, "\(found.slow.map { String(format: "%.1f s ", $0.seconds) + $0.line }.joined(separator: "\n"))")
            print("command-line fuzzer: \(found.lines) lines (\(found.failed) refused), \(found.invariantChecks) invariant checks, \(found.slow.count) over \(settings.slowSeconds) s of CPU, \(found.late) over it in wall time only, \(String(format: "%.0f", seconds)) s, seed \(settings.seed)")
        }
        // The generator reaches both sides: many lines are refused and many take effect.
        #expect(found.failed > found.lines / 10 && found.failed < found.lines * 9 / 10, "\(found.failed) of \(found.lines) refused")
    }

    /// The check can fail: the state after a command that took effect (an input edit, a fork, an
    /// undo, a language-free load of the same file) is told apart from the state before it.
    @Test func theSessionStateTellsAChange() throws {
        let s = try Session(path: webAgency)
        for line in ["month fuzz_marker = 1", "fork f", "switch main", "undo", "agent set 甲 base=3100"] {
            let before = State(s)
            #expect(!s.execute(line).failed, "\(line)")
            #expect(!State(s).sameSession(as: before), "\(line)")
        }
    }

    /// The generator is deterministic: the same seed gives the same lines (a finding is reproduced from its seed).
    @Test func theSameSeedGivesTheSameLines() throws {
        let s = try Session(path: webAgency)
        var a = CommandLineGenerator(seed: 42, vocabulary: .init(s), sandbox: "/tmp/sandbox", readable: [])
        var b = CommandLineGenerator(seed: 42, vocabulary: .init(s), sandbox: "/tmp/sandbox", readable: [])
        var c = CommandLineGenerator(seed: 43, vocabulary: .init(s), sandbox: "/tmp/sandbox", readable: [])
        let la = (0..<200).map { _ in a.next() }, lb = (0..<200).map { _ in b.next() }, lc = (0..<200).map { _ in c.next() }
        #expect(la == lb)
        #expect(la != lc)
    }

    /// Confinement: every file a generated line names is inside the sandbox, whatever the mutation did
    /// (full-width `ｓａｖｅ`, `--out=…`, a quoted value, an import).
    @Test func everyFileALineNamesIsInTheSandbox() throws {
        let s = try Session(path: webAgency)
        var g = CommandLineGenerator(seed: 7, vocabulary: .init(s), sandbox: "/tmp/sb", readable: ["/tmp/sb/a.json"])
        for line in ["save x.json", "ｓａｖｅ /etc/passwd", "load! ../w.json", "report 2026 --out r.csv", "report 2026 --out=r.csv",
                     "statement all 2026-03 --html 工资条", "sweep sales from 0 to 1 step 1 show pay --svg \"p.svg\"",
                     "orders import ../x.csv --format taobao", "source s.txt", "review main f 2026 --html=/tmp/r.html"] {
            let c = g.confined(line)
            let words = c.split(separator: " ").map(String.init)
            for w in words where w.contains("/") || w.contains(".json") || w.contains(".csv") || w.contains(".svg") || w.contains(".html") {
                let value = w.split(separator: "=").last.map(String.init)?.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) ?? w
                #expect(value.hasPrefix("/tmp/sb/"), "\(line) → \(c)")
            }
            if line.hasPrefix("statement") { #expect(c.contains("--html /tmp/sb/"), "\(c)") }
        }
    }
}

extension Session {
    /// The bytes `save` would write now (the workspace with its forks), to compare states.
    func encodedForFuzz() throws -> Data {
        var others = forks
        var main = workspace
        if forkName != "main" {
            others[forkName] = workspace
            main = others.removeValue(forKey: "main") ?? workspace
        }
        return try ScenarioFile.encode(main, forks: others, description: scenarioDescription)
    }
}
