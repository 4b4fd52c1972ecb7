import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Plan C (rules.md C1–C4, C8, C9) through the shipped scenario, with figures worked by hand.
@Suite struct PlanCTests {
    /// The shipped scenario plus a salesperson hired long ago (not on probation), base 3000.
    func session() throws -> Session {
        let s = try Session(path: electronics)
        run(s, "agent add 测试 id=T01 base=3000 hired=2020-01-01")
        return s
    }

    /// The worked checks under C9 in rules.md, one row each: sales, expenses → R, deduction, commission, bonus, pay.
    @Test(arguments: [
        ("0", "0", "0.00", "900.00", "0.00", "0.00", "2,100.00"),
        ("10000", "0", "10,000.00", "600.00", "100.00", "0.00", "2,500.00"),
        ("15000", "200", "14,800.00", "600.00", "148.00", "0.00", "2,548.00"),
        ("30000", "0", "30,000.00", "0.00", "450.00", "0.00", "3,450.00"),
        ("40000", "400", "39,600.00", "0.00", "594.00", "0.00", "3,594.00"),
        ("100000", "0", "100,000.00", "0.00", "2,000.00", "0.00", "5,000.00"),
        ("150000", "1000", "149,000.00", "0.00", "3,470.00", "0.00", "6,470.00"),
        ("200000", "0", "200,000.00", "0.00", "6,000.00", "500.00", "9,500.00"),
        ("300000", "2999", "297,001.00", "0.00", "0.00", "500.00", "3,500.00"),
    ])
    func rulesMdWorkedChecks(_ row: (String, String, String, String, String, String, String)) throws {
        let s = try session()
        run(s, "测试.sales[2026-03] = \(row.0)", "测试.expenses[2026-03] = \(row.1)")
        #expect(query(s, "测试.revenue[2026-03]") == row.2)
        #expect(query(s, "测试.deduction[2026-03]") == row.3)
        #expect(query(s, "测试.commission[2026-03]") == row.4)
        #expect(query(s, "测试.monthly_bonus[2026-03]") == row.5)
        #expect(query(s, "测试.pay[2026-03]") == row.6)
    }

    /// C1: a probation month with no sales deducts 40% of B: deduction 1,200.00, pay 1,800.00.
    @Test func probationMonthWithNoSales() throws {
        let s = try session()
        run(s, "agent add 新人 base=3000 hired=2026-03-01")
        #expect(query(s, "新人.probation[2026-03]") == "yes")
        #expect(query(s, "新人.deduction[2026-03]") == "1,200.00")
        #expect(query(s, "新人.pay[2026-03]") == "1,800.00")
        // Month 4 is past probation: no sales deducts 30% (900.00) like anyone else.
        #expect(query(s, "新人.probation[2026-06]") == "no")
        #expect(query(s, "新人.deduction[2026-06]") == "900.00")
        // Before the hire month nothing is paid.
        #expect(query(s, "新人.pay[2026-02]") == "0.00")
        // C4: in the first 6 months R < 30,000 flags dismissable.
        #expect(query(s, "新人.dismissable[2026-08]") == "yes")
        #expect(query(s, "新人.dismissable[2026-09]") == "no")
    }

    /// C1 reads "no sales at all": order revenue is a sale (issue 12's worked example).
    @Test func probationMonthWithOnlyOrderSalesHasNoNoSalesDeduction() throws {
        let s = try session()
        run(s, "agent add 新单 id=N01 base=3000 hired=2026-03-01",
            "order add E1A agent=新单 date=2026-03-10 terms=cash amount=50000 profit=10000 paid=2026-03-10")
        // Margin 20% ≥ 10%: counted, R = 50,000 → C3 deduction 0%; commission 2% × 50,000 = 1,000.00
        // (paid the same day, within 2 working days); pay 3,000 − 0 + 1,000 = 4,000.00.
        #expect(query(s, "新单.probation[2026-03]") == "yes")
        #expect(query(s, "新单.revenue[2026-03]") == "50,000.00")
        #expect(query(s, "新单.deduction[2026-03]") == "0.00")
        #expect(query(s, "新单.pay[2026-03]") == "4,000.00")
    }

    /// C1 with orders that are not counted in R: a low-margin cash order is still a sale (C6.2), a refused one is not (C6.1).
    @Test func probationMonthWithUncountedOrders() throws {
        let s = try session()
        run(s, "agent add 低毛 base=3000 hired=2026-03-01", "agent add 拒单 base=3000 hired=2026-03-01",
            "order add L1 agent=低毛 date=2026-03-10 terms=cash amount=10000 profit=800 paid=2026-03-10",
            "order add L2 agent=拒单 date=2026-03-10 terms=cash amount=10000 profit=200 paid=2026-03-10")
        // 低毛: margin 8% → not in R (R = 0), 1% commission 100.00; there were sales, so C3's 30% applies:
        // 900.00 deducted; pay 3,000 − 900 + 100 = 2,200.00.
        #expect(query(s, "低毛.revenue[2026-03]") == "0.00")
        #expect(query(s, "低毛.deduction[2026-03]") == "900.00")
        #expect(query(s, "低毛.pay[2026-03]") == "2,200.00")
        // 拒单: margin 2% < 5% → refused, counts nowhere: no sales at all, 40% = 1,200.00; pay 1,800.00.
        #expect(query(s, "拒单.deduction[2026-03]") == "1,200.00")
        #expect(query(s, "拒单.pay[2026-03]") == "1,800.00")
    }

    /// C7 with C5.3's "known on the as-of date": a write-off dated after `as of` is not booked yet.
    @Test func writeOffFollowsAsOf() throws {
        let s = try session()
        run(s, "as of 2026-06-05",
            "order add W1 agent=测试 date=2026-06-01 terms=net30 amount=20000 profit=4000 written_off=2026-06-10 resale=5000")
        // Not known on 06-05: nothing borne.
        #expect(query(s, "W1.write_off_penalty") == "0.00")
        #expect(query(s, "测试.damage[2026-06]") == "0.00")
        // Known from 06-10: 40% × (20,000 − 5,000) = 6,000.00, in June.
        run(s, "as of 2026-06-10")
        #expect(query(s, "W1.write_off_penalty") == "6,000.00")
        #expect(query(s, "测试.damage[2026-06]") == "6,000.00")
    }

    /// Boundary cases worked by hand from C3 and C3.1.
    @Test func tierBoundaries() throws {
        let s = try session()
        // R just below 1万: 30% deducted, no commission: 3000 − 900 = 2,100.00.
        run(s, "测试.sales[2026-01] = 9999.99")
        #expect(query(s, "测试.pay[2026-01]") == "2,100.00")
        // R = 39,999.99: 1.5% = 599.99985 → 600.00; pay 3,600.00.
        run(s, "测试.sales[2026-02] = 39999.99")
        #expect(query(s, "测试.commission[2026-02]") == "600.00")
        // Sales 40,500 with 500 expenses: R = 40,000 and 500 > 1% × 40,000 → no commission; pay 3,000.00.
        run(s, "测试.sales[2026-04] = 40500", "测试.expenses[2026-04] = 500")
        #expect(query(s, "测试.pay[2026-04]") == "3,000.00")
        // One fen less of sales: R = 39,999.99, below 4万: 1.5% → 600.00; pay 3,600.00 (the cliff).
        run(s, "测试.sales[2026-05] = 40499.99", "测试.expenses[2026-05] = 500")
        #expect(query(s, "测试.pay[2026-05]") == "3,600.00")
        // R = 199,999.99: 2,000 + 3% × 99,999.99 = 4,999.9997 → 5,000.00, bonus 500: 8,500.00 (then 9,500.00 at 20万).
        run(s, "测试.sales[2026-07] = 199999.99")
        #expect(query(s, "测试.pay[2026-07]") == "8,500.00")
        // The switch C3.1: limited to 4万–10万, a 15万 month with high expenses keeps its commission.
        run(s, "测试.sales[2026-08] = 150000", "测试.expenses[2026-08] = 2000",
            "param expense_limit_all_tiers = no")
        // R = 148,000: 2,000 + 3% × 48,000 = 3,440.00.
        #expect(query(s, "测试.commission[2026-08]") == "3,440.00")
    }

    /// C8: half-year and annual bonuses paid in June and December.
    @Test func halfAndAnnualBonuses() throws {
        let s = try session()
        // 125,000 a month all year: commission 2,000 + 3% × 25,000 = 2,750; avg 125,000 ≥ 10万 → 1,500 per half;
        // year 1,500,000 ≥ 150万 → 5,000.
        for m in 1...12 { run(s, String(format: "测试.sales[2026-%02d] = 12.5万", m)) }
        #expect(query(s, "测试.half_bonus[2026-H1]") == "1,500.00")
        #expect(query(s, "测试.annual_bonus[2026]") == "5,000.00")
        #expect(query(s, "测试.pay[2026-05]") == "5,750.00")
        #expect(query(s, "测试.pay[2026-06]") == "7,250.00")
        #expect(query(s, "测试.pay[2026-12]") == "12,250.00")
        // The year's pay: 12 × 5,750 + 2 × 1,500 + 5,000 = 77,000.00.
        #expect(query(s, "测试.pay[2026]") == "77,000.00")
        #expect(query(s, "测试.train_ticket[2026-H2]") == "yes")
    }

    /// A statement adds up (rules.md conventions): 韩梅梅's June — R 194,900 with 3,100 of expenses (over
    /// 1% of R: no commission, C3.1), R ≥ 15万: bonus 500; H1 average of R (183,500 + 158,800 + 238,000 +
    /// 203,200 + 307,400 + 194,900) / 6 = 214,300 ≥ 20万: half-year bonus 3,500, paid in June.
    /// 3,000 − 0 + 0 + 500 + 3,500 − 0 = 7,000.00.
    @Test func statementLinesAddUpToPay() throws {
        let s = try Session(path: electronics)
        let lines = run(s, "statement 韩梅梅 2026-06")
        #expect(statementRow(lines, "base pay").first == "3,000.00")
        #expect(statementRow(lines, "deduction").first == "0.00")
        #expect(statementRow(lines, "commission").first == "0.00")
        #expect(statementRow(lines, "monthly bonus").first == "500.00")
        #expect(statementRow(lines, "bonuses paid").first == "3,500.00")
        #expect(statementRow(lines, "overdue penalty").first == "0.00")
        #expect(statementRow(lines, "damage deducted").first == "0.00")
        #expect(statementRow(lines, "total earnings").first == "7,000.00")
        #expect(statementRow(lines, "pay").first == "7,000.00")
    }

    @Test func noStatementBeforeTheHireDate() throws {
        let s = try Session(path: electronics)
        expectRefused(s, "statement 赵强 2026-03", "赵强 was not employed in 2026-03 (hired 2026-04-01)")
        #expect(statementRow(run(s, "statement 赵强 2026-04"), "base pay").first == "3,000.00")
    }

    @Test func reportOfTheYearHasARowPerAgentAndATotal() throws {
        let s = try Session(path: electronics)
        let lines = run(s, "report 2026")
        #expect(lines.count == 1 + 2 + 4 + 2) // title, header and rule, 4 agents, rule and total
        #expect(lines[1].hasPrefix("agent"))
        #expect(lines.last!.hasPrefix("total"))
        // The total of pay equals the sum of the four agents' yearly pay.
        var sum = Fixed.zero
        for a in ["李雷", "韩梅梅", "王芳", "赵强"] { sum = sum + Fixed(decimalText: query(s, "\(a).pay[2026]").replacingOccurrences(of: ",", with: ""))! }
        #expect(lines.last!.hasSuffix(sum.moneyText))
    }
}
