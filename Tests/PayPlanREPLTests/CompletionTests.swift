import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Tab completion on a small workspace: two Chinese agents, a monthly input
/// and figure, a team parameter, a table; years 2026.
@Suite struct CompletionTests {
    let session: Session

    init() throws {
        session = try Session()
        for command in [
            "input month sales default 0", "param rate = 2%", "table tiers [lo, hi): 0 -> 1%, 1万 -> 2%",
            "month revenue = sales", "quarter bonus = sum(revenue over quarter) * rate",
            "month pay = 3000 + lookup(tiers, revenue)",
            "agent add 李雷 id=S01", "agent add 李梅 id=S02", "agent add 王芳 id=S03",
        ] {
            #expect(!session.execute(command).failed, "\(command)")
        }
    }

    /// Candidates for `line` with the cursor at its end (or at `cursor`).
    func complete(_ line: String, cursor: Int? = nil) -> Completion.Result {
        Completion.candidates(line: line, cursor: cursor ?? line.count, session: session)
    }

    @Test func commandWords() {
        #expect(complete("rep") == .init(replaceFrom: 0, candidates: ["report"], append: " "))
        #expect(complete("agent").candidates == ["agent", "agents"])
        #expect(complete("qu").candidates == ["quarter", "quit"])
        #expect(complete("expl") == .init(replaceFrom: 0, candidates: ["explain"], append: " "))
        // An empty line offers every command that `help commands` teaches, not only a prefix of them.
        let offered = Set(complete("").candidates)
        for command in ["agent", "agents", "report", "explain", "param", "input", "table", "month", "plan", "show", "drop",
                        "undo", "redo", "load", "save", "fork", "switch", "scenarios", "compare", "sweep", "solve", "cliffs",
                        "statement", "order", "orders", "attribution", "calendar", "help", "quit"] {
            #expect(offered.contains(command), "\(command) is not offered on an empty line")
        }
    }

    @Test func chineseAgentNames() {
        #expect(complete("王") == .init(replaceFrom: 0, candidates: ["王芳"]))
        #expect(complete("李").candidates == ["李雷", "李梅"])
        #expect(complete("李雷").candidates == ["李雷"])
        // The cursor in the middle of the line: only the text before it counts.
        #expect(complete("王 = 1", cursor: 1).candidates == ["王芳"])
        #expect(complete("agent set 李") == .init(replaceFrom: 10, candidates: ["李雷", "李梅"]))
        #expect(complete("agent rm 王") == .init(replaceFrom: 9, candidates: ["王芳"], append: " "))
        #expect(complete("agent s") == .init(replaceFrom: 6, candidates: ["set"], append: " "))
        #expect(complete("explain 王") == .init(replaceFrom: 8, candidates: ["王芳"]))
        #expect(complete("explain 李雷.p") == .init(replaceFrom: 11, candidates: ["pay"], append: "["))
    }

    @Test func figuresAfterAgentName() {
        #expect(complete("李雷.s") == .init(replaceFrom: 3, candidates: ["sales"], append: "["))
        #expect(complete("李雷.") .candidates == ["sales", "revenue", "bonus", "pay"])
        // Team parameters are not per agent; unknown agents get nothing.
        #expect(complete("李雷.ra").candidates == [])
        #expect(complete("张三.s").candidates == [])
    }

    @Test func periodsInsideBrackets() {
        #expect(complete("李雷.sales[2026-1") == .init(replaceFrom: 9, candidates: ["2026-10", "2026-11", "2026-12"]))
        #expect(complete("李雷.sales[2026-03") == .init(replaceFrom: 9, candidates: ["2026-03"], append: "]"))
        #expect(complete("李雷.sales[").candidates.count == 12)
        #expect(complete("李雷.bonus[2026-q").candidates == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
        #expect(complete("report 2026-H") == .init(replaceFrom: 7, candidates: ["2026-H1", "2026-H2"]))
        #expect(complete("report ").candidates.count == 12 + 4 + 2 + 1)
        // An unknown figure: periods of every grain.
        #expect(complete("x[2026-0").candidates.count == 9)
    }

    @Test func helpTopicsAndDefinitions() {
        #expect(complete("help ta") == .init(replaceFrom: 5, candidates: ["tables", "takehome"]))
        #expect(complete("help tab") == .init(replaceFrom: 5, candidates: ["tables"]))
        // The topics offered after `help ` are the ones the `help` command lists (its indented first words),
        // and each of them opens a page of its own.
        let listed = session.execute("help").lines.dropFirst().compactMap { $0.hasPrefix("  ") ? $0.split(separator: " ").first.map(String.init) : nil }
        #expect(listed.count >= 15 && listed.contains("tables") && listed.contains("what-if"), "\(listed)")
        #expect(complete("help ").candidates == listed)
        for topic in listed {
            let page = session.execute("help \(topic)")
            #expect(!page.failed && page.lines.count > 1 && page.lines != session.execute("help").lines, "help \(topic)")
        }
        #expect(complete("show ti").candidates == ["tiers"])
        #expect(complete("drop r").candidates == ["rate", "revenue"])
    }

    @Test func namesInsideFormulas() {
        #expect(complete("month x = re").candidates == ["revenue", "retroactive"])
        #expect(complete("month x = round(ra") == .init(replaceFrom: 16, candidates: ["rate", "rank"]))
        #expect(complete("param y = lookup(ti").candidates == ["tiers"])
        #expect(complete("month x = 3 + ma").candidates == ["max", "marginal"])
        // Not in a definition, or before its '=': no formula names.
        #expect(complete("李雷.sales[2026-03] = re").candidates == [])
        #expect(complete("month re").candidates == [])
    }

    @Test func filePathsAfterLoadAndSave() throws {
        let dir = NSTemporaryDirectory() + "payplan-completion-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/sub 2", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for file in ["plan-a.json", "plan-b.json", "notes.txt", ".hidden.json"] {
            _ = FileManager.default.createFile(atPath: "\(dir)/\(file)", contents: Data())
        }
        #expect(complete("load \(dir)/p") == .init(replaceFrom: 5, candidates: ["\(dir)/plan-a.json", "\(dir)/plan-b.json"]))
        #expect(complete("save \(dir)/").candidates == ["\(dir)/plan-a.json", "\(dir)/plan-b.json", "\(dir)/sub 2/"])
        #expect(complete("load \(dir)/.").candidates == ["\(dir)/.hidden.json"])
        #expect(complete("load \(dir)/zzz").candidates == [])
    }
}
