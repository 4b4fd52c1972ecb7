import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Fresh-user finding L7 (issue 13): a figure over a longer period was said unrounded
/// (`the monthly average of revenue over 2026-H1, 90,508.333333`) and a count's highest month as money
/// (`本年任职月数最高 12.00`). An amount with more decimals than the fen is said to the fen with
/// about/约; the sum, lowest or highest of a count is a whole number.
@Suite struct OverPeriodAmountTests {
    /// 李雷's six monthly revenues of 2026-H1, added here and divided by 6, rounded to the fen.
    @Test func anAverageIsSaidToTheFen() throws {
        let s = try Session(path: electronics)
        let months = (1...6).map { "2026-0\($0)" }
        let total = months.compactMap { printedAmount(query(s, "李雷.revenue[\($0)]")) }.reduce(0, +)
        var avg = total / 6, rounded = Decimal()
        NSDecimalRound(&rounded, &avg, 2, .plain)
        #expect(avg != rounded, "the average has more decimals than the fen")
        let shown = Fixed(decimalText: "\(rounded)")!.moneyText
        let en = run(s, "explain 李雷.half_bonus[2026-H1]")[0]
        #expect(en.contains("the monthly average of revenue over 2026-H1, about \(shown) "), "\(en)")
        run(s, "set lang zh")
        let zh = run(s, "explain 李雷.half_bonus[2026-H1]")[0]
        #expect(zh.contains("营业总额月平均 约 \(shown)"), "\(zh)")
    }

    /// The take-home part's `max(months_employed over year)`: 12 months employed in 2026.
    @Test func aCountsHighestMonthIsAWholeNumber() throws {
        let s = try Session()
        run(s, "years 2026", "month pay = base", "use takehome", "agent add a base=12000", "set lang zh")
        let out = run(s, "explain a.year_taxable_without_bonus[2026] --depth 0")[0]
        #expect(out.contains("2026年本年任职月数最高 12（") || out.contains("2026年本年任职月数最高 12。"), "\(out)")
        #expect(!out.contains("最高 12.00"))
    }
}
