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
