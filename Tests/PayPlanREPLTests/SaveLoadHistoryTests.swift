import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Random command histories against save → load (issue 11, item 7; docs/fuzzing.md): on each shipped
/// scenario, a random history of generated lines (edits, definitions, agents, orders, forks, years,
/// calendar, undo/redo; lightly mutated), then `save`, then a new session on the saved file. The reopened
/// session must hold the same workspace and forks, every cell of every fork's engine must be equal, and
/// `report` of every month, quarter, half and year of every fork must print the same; the reopened
/// session's own save writes the same bytes (saving is stable).
///
/// Bounded in `swift test`; `PAYPLAN_FUZZ_HISTORIES=2000` runs it long.
@Suite struct SaveLoadHistoryTests {
    /// The periods `report` is compared over: every month, quarter and half of each year, and the year.
    static func periods(_ years: ClosedRange<Int>) -> [String] {
        years.flatMap { y in (1...12).map { String(format: "%d-%02d", y, $0) } + (1...4).map { "\(y)-Q\($0)" } + ["\(y)-H1", "\(y)-H2", "\(y)"] }
    }

    /// Differences between `a` and `b` on the current fork of each.
    static func differences(_ a: Session, _ b: Session) -> [String] {
        var found: [String] = []
        if a.workspace != b.workspace { found.append("the workspaces differ") }
        if a.engine.values != b.engine.values { found.append("\(zip(a.engine.values, b.engine.values).filter { $0 != $1 }.count) cells differ") }
        for p in periods(a.workspace.years) {
            let ra = a.execute("report \(p)"), rb = b.execute("report \(p)")
            if ra.lines != rb.lines || ra.errors.map(\.message) != rb.errors.map(\.message) { found.append("report \(p) differs") }
        }
        return found
    }

    @Test func randomHistoriesSaveAndReopenWithTheSameFigures() throws {
        let settings = FuzzSettings(count: "PAYPLAN_FUZZ_HISTORIES", bounded: 6)
        let folder = tempDir("histories")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var problems: [String] = []
        var edits = 0
        for n in 0..<settings.count {
            let seed = episodeSeed(settings.seed, n)
            let original = [webAgency, onlineShop, electronics][n % 3]
            let file = folder + "/h.json", again = folder + "/again.json"
            try? FileManager.default.removeItem(atPath: file)
            try FileManager.default.copyItem(atPath: original, toPath: file)
            let s = try Session(path: file)
            var g = CommandLineGenerator(seed: seed, vocabulary: .init(s), sandbox: folder, readable: [])
            g.mutationRate = 0.1
            var history: [String] = []
            while history.count < 30 {
                let line = g.next()
                let word = CommandLineGenerator.asASCII(line).split(separator: " ").first.map(String.init) ?? ""
                // Only lines that change the workspace or move about in it; files are the test's to write.
                guard !["save", "save!", "load", "load!", "source", "orders", "performance", "report", "statement", "review", "forecast", "sweep", "solve", "cliffs", "offer", "explain", "help", "?"].contains(word) else { continue }
                history.append(line)
                if !s.execute(line).failed { edits += 1 }
                if history.count % 10 == 0 { g.vocabulary = .init(s) }
            }
            let tag = "seed \(settings.seed) history \(n):\n" + history.joined(separator: "\n")
            let saved = s.execute("save! " + file)
            guard !saved.failed else { problems.append("\(tag)\ndoes not save: \(saved.errors[0].message)"); continue }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            let r: Session
            do { r = try Session(path: file) } catch { problems.append("\(tag)\nthe saved file does not reopen: \(error)"); continue }
            if r.forkNames != s.forkNames { problems.append("\(tag)\nforks \(s.forkNames) reopened as \(r.forkNames)") }
            // The reopened session's own save writes the same bytes.
            if r.execute("save! " + again).failed || (try? Data(contentsOf: URL(fileURLWithPath: again))) != bytes {
                problems.append("\(tag)\na second save writes other bytes")
            }
            for fork in s.forkNames {
                if s.execute("switch \(fork)").failed && s.forkName != fork { problems.append("\(tag)\ncannot switch to \(fork)"); continue }
                if r.execute("switch \(fork)").failed && r.forkName != fork { problems.append("\(tag)\nreopened: cannot switch to \(fork)"); continue }
                for d in Self.differences(s, r) { problems.append("\(tag)\nfork \(fork): \(d)") }
            }
            if problems.count > 5 { break }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n\n"))")
        // The histories did change the workspaces they saved.
        #expect(edits > settings.count * 5, "\(edits) edits took effect")
        if settings.isLongRun { print("save → load histories: \(settings.count) histories, \(edits) edits, seed \(settings.seed)") }
    }
}
