import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// `years …` and the orders dated outside the new years (fresh user, session 10): after `years 2027`, the
/// 2026 orders of plan C's scenario stayed, showing #RANGE in their figures, counted in no month, missing
/// from `check` and out of reach of `orders 2026`. As `years` already does for entered values (M8), they
/// are now removed and said (how many, the years they were dated in, that undo brings them back and the
/// `years` that keeps them), in en and zh; undo restores every one, and orders inside the years stay.
@Suite struct YearsOrdersTests {
    @Test func narrowingTheYearsRemovesTheOrdersOutsideThemAndSaysSo() throws {
        let s = try Session(path: electronics)
        let before = s.workspace.orders
        // scenarios/electronics-sales.json: 285 orders, April–December 2026 (its description and electronics-orders.csv).
        #expect(before.count == 285 && before.allSatisfy { $0.date.year == 2026 })
        let out = run(s, "years 2027")
        #expect(out.contains("removed 285 orders dated 2026, outside the years 2027: no month holds them; undo brings them back (years 2026-2027 keeps them)"))
        #expect(s.workspace.orders.isEmpty)
        run(s, "undo")
        #expect(s.workspace.orders == before)
        s.language = .zh
        #expect(run(s, "years 2027").contains("已删除 285 笔日期在 2026 年、不在方案年份 2027 内的订单：没有哪个月份能容纳它们；undo 可恢复（years 2026-2027 可保留它们）"))
        s.language = .en
        run(s, "undo")
        // Widening keeps them all, and says nothing of orders; an order inside the new years stays.
        #expect(!run(s, "years 2026-2027").contains { $0.contains("orders dated") })
        #expect(s.workspace.orders == before)
        run(s, "order add N1 agent=李雷 date=2027-01-05 terms=cash amount=20000 profit=4000")
        #expect(run(s, "years 2027").contains("removed 285 orders dated 2026, outside the years 2027: no month holds them; undo brings them back (years 2026-2027 keeps them)"))
        #expect(s.workspace.orders.map(\.id) == ["N1"])
        // Saved and opened again: the file holds only N1.
        let path = tempDir("years-orders") + "/s.json"
        run(s, "save \(path)")
        #expect(try Session(path: path).workspace.orders.map(\.id) == ["N1"])
    }

    /// One order: said in the singular. An edit of the plan alone (years unchanged) removes no order.
    @Test func oneOrderIsSaidAsOne() throws {
        let s = try Session()
        run(s, "order add X1 date=2026-03-02")
        #expect(run(s, "years 2027").contains("removed 1 order dated 2026, outside the years 2027: no month holds it; undo brings it back (years 2026-2027 keeps it)"))
        run(s, "undo")
        run(s, "param rate = 2%")
        #expect(s.workspace.orders.map(\.id) == ["X1"])
    }
}
