import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Plan C's damage deduction (C7.1) as the law it cites reads, and balances on longer statements
/// (fresh-user findings H-C and H-D of 2026-12-02, issue 13).
///
/// The case of both findings: 王芳 gets order D1 (net 30, 20,000, written off 2026-05-10), so C7 makes her
/// bear 40% × 20,000 = 8,000.00 of damage in May.
@Suite struct DamageFloorAndBalanceTests {
    static let d1 = "order add D1 agent=王芳 date=2026-04-02 terms=net30 amount=20000 profit=5000 written_off=2026-05-10"

    func session() throws -> Session {
        let s = try Session(path: electronics)
        run(s, Self.d1)
        return s
    }

    /// C7.1, 工资支付暂行规定 article 16: at most 20% of the month's pay is deducted, and what is left may not
    /// fall below the local minimum wage (2,740.00, the take-home part's example value); the rest carries.
    /// By hand, pay before damage (pb) and what is due each month (due = damage + last month's carried):
    /// - May: pb 4,032.00, due 8,000.00; 20% = 806.40; 4,032.00 − 2,740.00 = 1,292.00 → deduct 806.40,
    ///   carry 7,193.60, pay 3,225.60.
    /// - June: pb 3,358.79, due 7,193.60; 20% = 671.758 → 671.76; but 3,358.79 − 2,740.00 = 618.79 is less →
    ///   deduct 618.79, carry 7,193.60 − 618.79 = 6,574.81, pay 2,740.00 (it was 2,687.03, below the minimum).
    /// - July: pb 3,581.25, due 6,574.81; 20% = 716.25; room 841.25 → deduct 716.25, carry 5,858.56, pay 2,865.00.
    /// - August: pb 2,650.00 is already below 2,740.00 → deduct 0.00, carry 5,858.56, pay 2,650.00.
    /// - September: the shipped write-off adds 40% × (8,000 − 6,500) = 600.00: due 6,458.56; pb 3,874.00,
    ///   20% = 774.80, room 1,134.00 → deduct 774.80, carry 5,683.76, pay 3,099.20.
    @Test func aDamageDeductionStopsAtTheMinimumWageAndCarriesTheRest() throws {
        let s = try session()
        let months: [(String, pb: String, due: String, deducted: String, carried: String, pay: String)] = [
            ("2026-05", "4,032.00", "8,000.00", "806.40", "7,193.60", "3,225.60"),
            ("2026-06", "3,358.79", "7,193.60", "618.79", "6,574.81", "2,740.00"),
            ("2026-07", "3,581.25", "6,574.81", "716.25", "5,858.56", "2,865.00"),
            ("2026-08", "2,650.00", "5,858.56", "0.00", "5,858.56", "2,650.00"),
            ("2026-09", "3,874.00", "6,458.56", "774.80", "5,683.76", "3,099.20"),
        ]
        for m in months {
            #expect(query(s, "王芳.pay_before_damage[\(m.0)]") == m.pb, "\(m.0)")
            #expect(query(s, "王芳.damage_due[\(m.0)]") == m.due, "\(m.0)")
            #expect(query(s, "王芳.damage_deducted[\(m.0)]") == m.deducted, "\(m.0)")
            #expect(query(s, "王芳.damage_carried[\(m.0)]") == m.carried, "\(m.0)")
            #expect(query(s, "王芳.pay[\(m.0)]") == m.pay, "\(m.0)")
        }
        // June is no longer flagged below the minimum wage; August still is, for its own low pay, not the damage.
        #expect(query(s, "王芳.below_minimum_wage[2026-06]") == "no")
        #expect(query(s, "王芳.below_minimum_wage[2026-08]") == "yes")
        // The 工资条 shows the deduction the law allows, in both languages, and June says nothing of the minimum wage.
        s.language = .zh
        let zh = run(s, "statement 王芳 2026-06")
        #expect(row(zh, "  本月扣赔偿").first == "618.79", "\(zh)")
        #expect(row(zh, "应发工资").first == "2,740.00", "\(zh)")
        #expect(!zh.joined().contains("低于最低工资（"), "\(zh)")
        s.language = .en
        let en = run(s, "statement 王芳 2026-06")
        #expect(row(en, "  damage deducted").first == "618.79", "\(en)")
    }

    /// The whole kind: every agent of plan C, every month, with a damage larger than a year's pay on each
    /// (an order of 100,000 written off in March: 40,000.00 each). A month that deducts damage deducts
    /// exactly min(due, 20% of pb to the fen, pb − 2,740.00) (an independent reading of article 16), and
    /// leaves pay at or above the minimum wage.
    @Test func everyDeductionKeepsPayAtOrAboveTheMinimumWage() throws {
        let s = try Session(path: electronics)
        let agents = ["李雷", "韩梅梅", "王芳", "赵强"]
        for (i, a) in agents.enumerated() {
            run(s, "order add W\(i) agent=\(a) date=2026-01-05 terms=net30 amount=100000 profit=20000 written_off=2026-03-10")
        }
        func fixed(_ text: String) -> Decimal { Decimal(string: text.replacingOccurrences(of: ",", with: ""))! }
        func round2(_ d: Decimal) -> Decimal { var x = d, r = Decimal(); NSDecimalRound(&r, &x, 2, .plain); return r }
        var deducting = 0
        for a in agents {
            for m in 3...12 {
                let p = String(format: "2026-%02d", m)
                let pb = fixed(query(s, "\(a).pay_before_damage[\(p)]")), due = fixed(query(s, "\(a).damage_due[\(p)]"))
                let deducted = fixed(query(s, "\(a).damage_deducted[\(p)]")), pay = fixed(query(s, "\(a).pay[\(p)]"))
                let expected = max(0, min(due, round2(pb * Decimal(string: "0.2")!), pb - 2740))
                #expect(deducted == expected, "\(a) \(p): pb \(pb) due \(due)")
                #expect(pay == pb - deducted, "\(a) \(p)")
                if deducted > 0 { deducting += 1; #expect(pay >= 2740, "\(a) \(p): \(pay)") }
            }
        }
        // The case is not empty: most months deduct something.
        #expect(deducting > 20)
    }

    /// C7.1 in the docs: plans.md says the deduction stops at the minimum wage.
    @Test func thePlanAndItsDocsSayTheFloor() throws {
        let plans = try String(contentsOfFile: repositoryRoot + "/docs/plans.md", encoding: .utf8)
        #expect(plans.contains("may not fall below the local\n    monthly minimum wage"))
        let s = try Session(path: electronics)
        #expect(run(s, "show damage_limit").joined(separator: "\n").contains("min(round(damage_cap_rate * pay_before_damage), pay_before_damage - minimum_wage)"))
        #expect(run(s, "show damage_deducted").joined(separator: "\n").contains("min(damage_due, damage_limit)"))
    }

    /// H-D: the balances of the three shipped plans, read off their formulas by hand. Plan C (scenarios/src
    /// electronics-sales.plan): damage_due = damage + prev(damage_carried) and damage_carried = damage_due −
    /// damage_deducted hold what is still owed. The take-home part every plan uses: months_employed and
    /// ytd_withheld add to their own last month; ytd_income_less_deductions too; ytd_taxable_raw is that less
    /// the year's deductions so far; ytd_taxable = max(0, ytd_taxable_raw); ytd_tax is the tax on ytd_taxable.
    /// Not balances: damage_deducted (this month's deduction), taxable_income (= ytd_taxable_raw less last
    /// month's), wage_tax (= ytd_tax less last month's ytd_withheld), pay, tax, net_pay, sales.
    @Test func theBalancesOfTheShippedPlans() throws {
        let takeHome: Set<String> = ["months_employed", "ytd_income_less_deductions", "ytd_taxable_raw", "ytd_taxable", "ytd_tax", "ytd_withheld"]
        let plans: [(String, Set<String>)] = [(electronics, ["damage_due", "damage_carried"]), (onlineShop, []), (webAgency, [])]
        for (path, own) in plans {
            let s = try Session(path: path)
            let plan = s.engine.plan
            let names = Set(plan.balances.map { plan.rules[$0].name })
            #expect(names == takeHome.union(own), "\(path)")
        }
    }

    /// H-D: a quarter's statement showed 结转赔偿 13,715.44 各月合计 (0 + 7,193.60 + 6,521.84 before the floor).
    /// A balance shows what stands at the period's end: June's 6,574.81 (see above); the deduction, a flow,
    /// still adds up: 806.40 + 618.79 + 0.00 (April deducts nothing) = 1,425.19. The year's statement shows
    /// the December cell's value (what stands at the year's end).
    @Test func aBalanceOnALongerStatementIsItsValueAtThePeriodsEnd() throws {
        let s = try session()
        s.language = .zh
        let q2 = run(s, "statement 王芳 2026-Q2")
        #expect(row(q2, "  结转赔偿") == ["6,574.81", "2026年6月末的余额（余额不按月相加）"], "\(q2)")
        #expect(row(q2, "  本月扣赔偿") == ["1,425.19", "各月合计"], "\(q2)")
        let december = query(s, "王芳.damage_carried[2026-12]")
        #expect(row(run(s, "statement 王芳 2026"), "  结转赔偿").first == december)
        s.language = .en
        let en = run(s, "statement 王芳 2026-Q2")
        #expect(row(en, "  damage carried") == ["6,574.81", "the balance at the end of 2026-06 (a balance is not added up over the months)"], "\(en)")
        // The same figure asked for the quarter, and in the report's CSV of the quarter, is June's too.
        #expect(query(s, "王芳.damage_carried[2026-Q2]") == "6,574.81")
        // A flow over the quarter is still the sum of its months: pay 3,225.60 + 2,740.00 + April.
        let april = fixed(query(s, "王芳.pay[2026-04]"))
        #expect(fixed(query(s, "王芳.pay[2026-Q2]")) == april + fixed("3,225.60") + fixed("2,740.00"))
    }

    /// The take-home part's year-to-date figures are balances too: a year's months_employed is 12 for someone
    /// employed all year (December's), not 1 + 2 + … + 12 = 78; ytd_withheld for the year is December's,
    /// which equals the year's wage tax added up (Σ wage_tax = ytd_withheld at December, by its definition).
    @Test func yearToDateFiguresShowTheirYearEnd() throws {
        let s = try Session(path: electronics)
        #expect(query(s, "李雷.months_employed[2026]") == "12.00")
        #expect(query(s, "李雷.ytd_withheld[2026]") == query(s, "李雷.ytd_withheld[2026-12]"))
        #expect(query(s, "李雷.ytd_withheld[2026]") == query(s, "李雷.wage_tax[2026]"))
    }

    func fixed(_ text: String) -> Decimal { Decimal(string: text.replacingOccurrences(of: ",", with: ""))! }
}
