import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Issue 12, item 5: a scenario spans the years it holds (`years 2026-2027`). Quarters, halves and years are
/// per year, `prev()` steps across December → January, and what is annual (the annual bonus, the take-home
/// part's cumulative withholding 累计预扣) restarts in January. Every figure is worked out by hand below.
@Suite struct SeveralYearsTests {
    /// Periods per year and prev() across the boundary, in a small plan.
    @Test func periodsPerYearAndPrevAcrossTheBoundary() throws {
        let s = try Session()
        run(s, "years 2026-2027", "input month sales default 0",
            "quarter q = sum(sales over quarter)", "quarter q_change = q - prev(q)",
            "half h = sum(sales over half)", "year y = sum(sales over year)",
            "month change = sales - prev(sales)", "month pay = sales + paid(q)",
            "agent add 甲",
            "甲.sales[2026-01] = 10", "甲.sales[2026-10] = 100", "甲.sales[2026-12] = 300",
            "甲.sales[2027-01] = 50", "甲.sales[2027-03] = 20")
        // 2026-Q4 = 100 + 300 = 400; 2027-Q1 = 50 + 20 = 70, its own quarter; change 70 − 400 = −330.
        #expect(query(s, "甲.q[2026-Q4]") == "400.00")
        #expect(query(s, "甲.q[2027-Q1]") == "70.00")
        #expect(query(s, "甲.q_change[2027-Q1]") == "-330.00")
        // Halves and years add up their own months only: 2027-H1 = 70, 2026 = 10 + 100 + 300 = 410, 2027 = 70.
        #expect(query(s, "甲.h[2027-H1]") == "70.00")
        #expect(query(s, "甲.y[2026]") == "410.00")
        #expect(query(s, "甲.y[2027]") == "70.00")
        // prev(sales) in 2027-01 is 2026-12's 300: 50 − 300 = −250; in the first month of the scenario it is 0.
        #expect(query(s, "甲.change[2027-01]") == "-250.00")
        #expect(query(s, "甲.change[2026-01]") == "10.00")
        // paid(q) pays each quarter in its last month: 2026-12 = 300 + 400; 2027-03 = 20 + 70.
        #expect(query(s, "甲.pay[2026-12]") == "700.00")
        #expect(query(s, "甲.pay[2027-03]") == "90.00")
        #expect(query(s, "甲.pay[2027-01]") == "50.00")
        // report 2027-Q1: pay 50 + 0 + 90 = 140; report 2027: the same, nothing later in 2027.
        #expect(row(run(s, "report 2027-Q1"), "甲").last == "140.00")
        #expect(row(run(s, "report 2027"), "甲").last == "140.00")
        // report 2026: January 10, March 0 + paid Q1 10, October 100, December 700 → 820.
        #expect(row(run(s, "report 2026"), "甲").last == "820.00")
        // A period after the years is an error naming them.
        expectRefused(s, "report 2028-Q1", "2028-Q1 is outside this scenario's years (2026–2027)")
    }

    /// Plan C, C7.1: damage still to deduct carries from December 2026 into January 2027.
    /// 新 (hired 2025, base 3,000) has an unpaid net-30 order of 50,000 from 2026-06-01 written off on 2026-12-10:
    /// damage = 40% × 50,000 = 20,000.00 in December (C7). December: sales 50,000 → R = 50,000, no deduction (C3),
    /// commission 2% × 50,000 = 1,000.00, no bonus (H2 average 50,000 / 6, year 100,000) → pay before damage 4,000.00;
    /// at most 20% is deducted: 800.00, pay 3,200.00, 19,200.00 carried.
    /// (C7.1's floor: 4,000.00 − 800.00 = 3,200.00 is above the minimum wage 2,740.00, so the 20% cap decides.)
    /// January 2027: R = 0 → deduction 30% × 3,000 = 900.00, pay before damage 2,100.00; due = 0 + 19,200.00 carried;
    /// 2,100.00 is already below the minimum wage 2,740.00, so C7.1 deducts nothing: pay 2,100.00, 19,200.00 carried.
    @Test func planCDamageCarriesFromDecemberIntoJanuary() throws {
        let s = try Session(path: electronics)
        run(s, "years 2026-2027", "agent add 新 id=S09 base=3000 hired=2025-01-01",
            "order add X1 agent=新 date=2026-06-01 terms=net30 amount=50000 profit=10000 written_off=2026-12-10",
            "新.sales[2026-12] = 5万")
        #expect(query(s, "新.damage[2026-12]") == "20,000.00")
        #expect(query(s, "新.pay_before_damage[2026-12]") == "4,000.00")
        #expect(query(s, "新.damage_deducted[2026-12]") == "800.00")
        #expect(query(s, "新.damage_carried[2026-12]") == "19,200.00")
        #expect(query(s, "新.pay[2026-12]") == "3,200.00")
        #expect(query(s, "新.damage_due[2027-01]") == "19,200.00")
        #expect(query(s, "新.pay_before_damage[2027-01]") == "2,100.00")
        #expect(query(s, "新.damage_deducted[2027-01]") == "0.00")
        #expect(query(s, "新.damage_carried[2027-01]") == "19,200.00")
        #expect(query(s, "新.pay[2027-01]") == "2,100.00")
        // explain names the month prev() read (it used to explain 2026-12's figure as if it were January's).
        #expect(s.execute("explain 新.damage_due[2027-01]").lines.first
            == "新's damage due for 2027-01 is 19,200.00: damage carried of 2026-12 19,200.00 (damage due 20,000.00 − damage deducted 800.00).")
        s.language = .zh
        #expect(s.execute("explain 新.damage_due[2027-01]").lines.first
            == "新 2027年1月应扣赔偿 19,200.00 元：2026年12月的结转赔偿 19,200.00（应扣赔偿 20,000.00 − 本月扣赔偿 800.00）。")
    }

    /// C8.1 and C8.2 per year, and C1 across the boundary. 甲 (hired 2020, base 3,000) sells 13万 every month
    /// of 2026 and of 2027-Q1: R = 130,000, commission 2% × 10万 + 3% × 30,000 = 2,900.00, no deduction, no
    /// monthly bonus (< 15万). 2026: 1,560,000 ≥ 1,500,000 → annual bonus 5,000 (C8.2); H2 average 130,000 →
    /// 1,500 (C8.1); December pay = 3,000 + 2,900 + 1,500 + 5,000 = 12,400.00. 2027 alone: 390,000 → no
    /// annual bonus; 2027-H1 average 390,000 / 6 = 65,000 → none. 2027-Q1 pay 3 × 5,900 = 17,700.00; 2027:
    /// 17,700 + 9 × (3,000 − 900) = 36,600.00.
    @Test func planCBonusesRestartEachYear() throws {
        let s = try Session(path: electronics)
        run(s, "years 2026-2027", "agent add 甲 id=S10 base=3000 hired=2020-01-01")
        for m in 1...12 { run(s, "甲.sales[2026-\(m < 10 ? "0" : "")\(m)] = 13万") }
        for m in 1...3 { run(s, "甲.sales[2027-0\(m)] = 13万") }
        #expect(query(s, "甲.annual_bonus[2026]") == "5,000.00")
        #expect(query(s, "甲.half_bonus[2026-H2]") == "1,500.00")
        #expect(query(s, "甲.pay[2026-12]") == "12,400.00")
        #expect(query(s, "甲.annual_bonus[2027]") == "0.00")
        #expect(query(s, "甲.half_bonus[2027-H1]") == "0.00")
        #expect(query(s, "甲.pay[2027-03]") == "5,900.00")
        #expect(query(s, "甲.pay[2027-12]") == "2,100.00")
        #expect(row(run(s, "report 2027-Q1"), "甲").last == "17,700.00")
        #expect(row(run(s, "report 2027"), "甲").last == "36,600.00")
        // C1 across the boundary: hired 2026-11-01, probation is November, December and January (tenure 3);
        // no sales: 40% × 3,000 = 1,200.00 in January, the C3 30% = 900.00 from February.
        run(s, "agent add 乙 id=S11 base=3000 hired=2026-11-01")
        #expect(query(s, "乙.probation[2027-01]") == "yes")
        #expect(query(s, "乙.deduction[2027-01]") == "1,200.00")
        #expect(query(s, "乙.probation[2027-02]") == "no")
        #expect(query(s, "乙.deduction[2027-02]") == "900.00")
    }

    /// The takehome part's cumulative withholding (累计预扣, 61号公告 art. 6) restarts in January 2027.
    /// Base 20,000 (between the example floor 7,460 and cap 37,302): pension 8% 1,600 + medical 2% 400 +
    /// unemployment 0.5% 100 = 2,100.00; housing fund 5% = 1,000.00; a month's taxable 20,000 − 3,100 − 5,000 = 11,900.
    /// 2026-12: cumulative 12 × 11,900 = 142,800 ≤ 144,000 → 10% − 2,520 = 11,760; November 130,900 → 10,570;
    /// December's withholding 1,190.00. 2027-01 starts again: 11,900 × 3% = 357.00 (not continuing: 154,700 × 20% −
    /// 16,920 − 11,760 = 2,260.00); net 20,000 − 2,100 − 1,000 − 357 = 16,543.00.
    @Test func cumulativeWithholdingRestartsEachJanuary() throws {
        let s = try Session()
        run(s, "years 2026-2027", "month pay = base", "use takehome", "agent add 甲 base=20000 hired=2020-01-01")
        #expect(query(s, "甲.social_insurance[2027-01]") == "2,100.00")
        #expect(query(s, "甲.housing_fund[2027-01]") == "1,000.00")
        #expect(query(s, "甲.wage_tax[2026-01]") == "357.00")
        #expect(query(s, "甲.ytd_taxable[2026-12]") == "142,800.00")
        #expect(query(s, "甲.wage_tax[2026-12]") == "1,190.00")
        #expect(query(s, "甲.months_employed[2027-01]") == "1.00")
        #expect(query(s, "甲.ytd_taxable[2027-01]") == "11,900.00")
        #expect(query(s, "甲.wage_tax[2027-01]") == "357.00")
        #expect(query(s, "甲.net_pay[2027-01]") == "16,543.00")
    }

    /// A scenario saved with two years reopens with both, figures and all.
    @Test func twoYearsSaveAndReopen() throws {
        let s = try Session(path: electronics)
        run(s, "years 2026-2027", "李雷.sales[2027-03] = 13万")
        let path = tempDir("years") + "/two.json"
        run(s, "save \(path)")
        let t = try Session(path: path)
        #expect(t.workspace.years == 2026...2027)
        // R = 130,000 → 2% × 10万 + 3% × 30,000 = 2,900.00 (C3); the month's commission also books the 2026 orders'
        // clawbacks that become known in 2027 (the as-of date is now the end of 2027), so the tier figure is asserted.
        #expect(query(t, "李雷.revenue[2027-03]") == "130,000.00")
        #expect(query(t, "李雷.tier_commission[2027-03]") == "2,900.00")
    }
}
