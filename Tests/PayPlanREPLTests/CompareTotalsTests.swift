import Foundation
import Testing
import TestSupport
@testable import PayPlanREPL

/// `compare`'s total cost to the owner (issue 11, problem 7): each side sums
/// its own agents, an agent only in one fork costs nothing in the other, and
/// an error value makes that side's total the error, named under the table.
@Suite struct CompareTotalsTests {
    func session() throws -> Session {
        let s = try Session()
        // pay = 1000 + 10% × sales / divisor (divisor 1 unless entered).
        run(s, "input month sales default 0", "input month divisor default 1", "month pay = 1000 + 10% * sales / divisor",
            "agent add 甲", "agent add 乙", "甲.sales[2026-03] = 1万")
        return s
    }

    func totalRow(_ lines: [String]) -> [String] {
        (lines.last { $0.hasPrefix("total") } ?? "").split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    }

    @Test func forksWithDifferentAgentsTotalTheirOwnAgents() throws {
        let s = try session()
        run(s, "fork more", "agent add 丙", "丙.sales[2026-03] = 2万")
        let out = s.execute("compare main more 2026-03")
        #expect(out.errors.isEmpty)
        // main: 甲 1000 + 10% × 1万 = 2,000, 乙 1,000 → 3,000.
        // more: the same plus 丙 1000 + 10% × 2万 = 3,000 → 6,000; +3,000 is +100.0%.
        #expect(totalRow(out.lines) == ["total", "pay", "(cost", "to", "the", "owner)", "3,000.00", "6,000.00", "+3,000.00", "+100.0%"])
        #expect(out.lines.contains { $0.hasPrefix("丙") && $0.contains("—") && $0.contains("3,000.00") })
    }

    /// The terminal lists only the agents with a figure that differs and counts the rest (10,000 agents
    /// compared used to print 110,000 rows); the totals still add up everyone, and `--all` lists everyone.
    @Test func onlyAgentsWhoseFiguresDifferAreListed() throws {
        let s = try session()
        run(s, "fork more", "agent add 丙", "丙.sales[2026-03] = 2万")
        let out = s.execute("compare main more 2026-03").lines
        // 甲 (2,000) and 乙 (1,000) are the same in both; 丙 is only in more.
        #expect(!out.contains { $0.hasPrefix("甲") || $0.hasPrefix("乙") })
        #expect(out.contains { $0.hasPrefix("丙") })
        #expect(totalRow(out) == ["total", "pay", "(cost", "to", "the", "owner)", "3,000.00", "6,000.00", "+3,000.00", "+100.0%"])
        #expect(out.last == "2 of 3 agents have the same figures in main and more and are not listed (compare main more 2026-03 --all lists them)")
        let all = s.execute("compare main more 2026-03 --all").lines
        #expect(all.contains { $0.hasPrefix("甲") } && all.contains { $0.hasPrefix("乙") } && all.contains { $0.hasPrefix("丙") })
        #expect(totalRow(all) == totalRow(out))
        let same = s.execute("compare main main 2026-03").lines
        #expect(same.last == "all 2 agents have the same figures in main and main (compare main main 2026-03 --all lists them)")
        #expect(totalRow(same) == ["total", "pay", "(cost", "to", "the", "owner)", "3,000.00", "3,000.00", "0.00", "0.0%"])
        // A file always holds everyone: the text table written with --out lists 甲 and 乙 too.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(s.execute("compare main more 2026-03 --out \(file)").lines == ["wrote \(file) (text)"])
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.contains("甲") && written.contains("乙") && !written.contains("--all lists them"))
        run(s, "set lang zh")
        #expect(s.execute("compare main more 2026-03").lines.last == "3 名员工中有 2 名在 main 和 more 中的数字相同，未列出（compare main more 2026-03 --all 全部列出）")
        #expect(s.execute("compare main main 2026-03").lines.last == "全部 2 名员工在 main 和 main 中的数字相同（compare main main 2026-03 --all 全部列出）")
    }

    @Test func anErrorValueMakesThatSidesTotalTheErrorAndSaysWhose() throws {
        let s = try session()
        run(s, "fork err", "乙.divisor[2026-03] = 0")
        let out = s.execute("compare main err 2026-03")
        #expect(totalRow(out.lines) == ["total", "pay", "(cost", "to", "the", "owner)", "3,000.00", "#DIV/0!", "≠"])
        #expect(out.lines.last == "the total of err is not known: 乙's pay is #DIV/0! (division by zero: 0.00 / 0)")
        run(s, "set lang zh")
        #expect(s.execute("compare main err 2026-03").lines.last == "err 的合计无法得出：乙 的 pay 为 #DIV/0!（division by zero: 0.00 / 0）")
    }
}
