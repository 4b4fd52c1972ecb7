import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// `explain`: issue 7's check on plan C. Sales 12万, no expenses, not on probation:
/// pay = 3,000 − 0 + 2,600.00 + 0 = 5,600.00; revenue 120,000 falls in [100,000, 200,000)
/// and commission = 2% × 100,000 + 3% × 20,000.
@Suite struct ExplainTests {
    @Test func payDerivationShowsRuleInputsAndTier() throws {
        let s = try Session(path: electronics)
        run(s, "agent add 测试 base=3000 hired=2020-01-01", "测试.sales[2026-03] = 12万")
        let lines = run(s, "explain 测试.pay[2026-03] --depth 3 --rules")
        #expect(lines[0] == "测试.pay[2026-03] = 5,600.00  应发工资")
        #expect(lines[1] == "  rule: month pay \"应发工资\" = pay_before_damage - damage_deducted")
        #expect(lines[2] == "  测试.pay_before_damage[2026-03] = 5,600.00  扣赔偿前工资")
        #expect(lines[3] == "    rule: month pay_before_damage \"扣赔偿前工资\" = if not active then 0")
        #expect(lines.contains("    测试.base_pay[2026-03] = 3,000.00  底薪"))
        #expect(lines.contains("      · base = 3,000.00 (attribute of 测试)"))
        #expect(lines.contains("    测试.deduction[2026-03] = 0.00  扣款"))
        #expect(lines.contains("    测试.commission[2026-03] = 2,600.00  提成"))
        #expect(lines.contains("        · commission_tiers: 120,000.00 falls in the tier [100,000.00, 200,000.00) → 2,600.00 (2% * 10万 + 3% * (x - 10万), x = 120,000.00)"))
        #expect(lines.contains("      · paid(half_bonus) = 0: this is not the last month of the half"))
    }

    @Test func errorValueLeadsToItsOrigin() throws {
        let s = try Session()
        run(s, "input month sales", "month doubled = sales * 2", "month pay = doubled + 1", "agent add 甲")
        let lines = run(s, "explain 甲.pay[2026-01] --depth 3 --rules")
        #expect(lines[0] == "甲.pay[2026-01] = #MISSING")
        #expect(lines.contains("  · no sales for 甲 in 2026-01 (from 甲.sales[2026-01])"))
        #expect(lines.contains("    甲.sales[2026-01] = #MISSING"))
        #expect(lines.contains("      · not entered"))
    }

    @Test func upperInclusiveTierShowsItsSide() throws {
        let s = try Session()
        run(s, "input month r default 0", "table t (lo, hi]: 0 -> 3%, 3000 -> 10%", "month tax = round(r * lookup(t, r))", "agent add 甲", "甲.r[2026-01] = 3000")
        let lines = run(s, "explain 甲.tax[2026-01] --rules")
        #expect(lines.contains("  · t: 3,000.00 falls in the tier (0.00, 3,000.00] → 0.03 (3%, x = 3,000.00)"))
    }
}
