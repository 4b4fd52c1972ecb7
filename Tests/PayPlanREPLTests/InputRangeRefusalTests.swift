import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// M5 (issue 13, fresh user session 10): an entered value outside its input's declared `range` only
/// warned (`李雷.sales[2026-03] = -5` went in, and pay fell to 2,100.00), while `agent set 李雷 base=-5`
/// and `order add … price=-5` are refused for their declared ranges. Inputs are now refused the same
/// way, naming the cell, the value and the range, with the caret under the value, in en and zh, and the
/// workspace is unchanged; both ends of a range are inclusive. A value outside that a narrower range
/// leaves is still kept with a warning (PlanWarningTests.inputOutsideItsRange).
@Suite struct InputRangeRefusalTests {
    @Test func aShippedInputBelowItsRangeIsRefusedLikeTheBase() throws {
        let s = try Session(path: electronics)
        try expectRefusedInBoth(s, "李雷.sales[2026-03] = -5",
                                en: "李雷.sales[2026-03] = -5.00 is outside the range the plan declares for sales (0..); nothing was changed",
                                zh: "李雷.sales[2026-03] = -5.00 超出方案为 sales 规定的范围（0..）；未做任何更改", file: nil)
        expectRefused(s, "李雷.sales[2026-03] = -5", "李雷.sales[2026-03] = -5.00 is outside", sourceLine: "  李雷.sales[2026-03] = -5")
        #expect(s.execute("李雷.sales[2026-03] = -5").errors.first?.render().dropFirst(2).first?.hasSuffix("^~") == true)
        // The base beside it, as before: refused for its range.
        expectRefused(s, "agent set 李雷 base=-5", "base=-5 is outside the range the plan declares for base (0..); nothing was changed")
        // Expenses (range 0.. too), written as an expression: the value it comes to is named.
        expectRefused(s, "李雷.expenses[2026-03] = 100 - 200", "李雷.expenses[2026-03] = -100.00 is outside the range the plan declares for expenses (0..)")
        // 0, the range's end, is taken: sales 0 in March, R = 0 − 900 expenses < 1万: deduction 30% × 3,000, pay 2,100.00 (C3, C9).
        run(s, "李雷.sales[2026-03] = 0")
        #expect(query(s, "李雷.pay[2026-03]") == "2,100.00")
    }

    @Test func bothEndsOfARangeAndTeamInputs() throws {
        let s = try Session()
        run(s, "input team month target default 0 range 0..", "input month visits default 0 range 0..100", "agent add 甲 base=3000")
        try expectRefusedInBoth(s, "target[2026-03] = -1",
                                en: "target[2026-03] = -1.00 is outside the range the plan declares for target (0..); nothing was changed",
                                zh: "target[2026-03] = -1.00 超出方案为 target 规定的范围（0..）；未做任何更改", file: nil)
        expectRefused(s, "甲.visits[2026-03] = 101", "甲.visits[2026-03] = 101.00 is outside the range the plan declares for visits (0..100)")
        expectRefused(s, "甲.visits[2026-03] = 100.01", "甲.visits[2026-03] = 100.01 is outside the range the plan declares for visits (0..100)")
        // Both ends are inclusive.
        run(s, "甲.visits[2026-03] = 100", "甲.visits[2026-04] = 0", "target[2026-03] = 0")
        #expect(s.workspace.input("visits", agent: "甲", period: Period(text: "2026-03")!) == Fixed(100))
    }
}
