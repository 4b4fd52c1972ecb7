import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// The crash list of issue 11, point 2: every path that trapped on large user values now gives the
/// error value `#OVERFLOW` (or `#RANGE` for dates), or a clear error, and the session goes on.
/// Amounts go from −10²⁶ to 10²⁶ (`Fixed.largest`): 10²⁶ itself is accepted, 10²⁶ + 10²⁶ is not.
@Suite struct ArithmeticOverflowTests {
    /// 10²⁶, the largest amount.
    static let max = "100000000000000000000000000"
    /// 9 × 10²⁵: one fits, two add up to 1.8 × 10²⁶, beyond the range.
    static let nineTenths = "90000000000000000000000000"

    /// The range itself: 10²⁶ is an amount, one more digit is refused where it is typed.
    @Test func theLargestAmountIsTenToTheTwentySix() throws {
        let s = try Session(path: electronics)
        run(s, "李雷.sales[2026-03] = \(Self.max)")
        #expect(query(s, "李雷.sales[2026-03]") == "100,000,000,000,000,000,000,000,000.00")
        expectRefused(s, "李雷.sales[2026-04] = \(Self.max)0", "'\(Self.max)0' is too large (amounts go up to 10²⁶)")
        #expect(Fixed(decimalText: Self.max) == Fixed.largest)
        #expect(Fixed(decimalText: "100000000000000000000000000.000000000001") == nil)
        #expect(Fixed.checkedAdd(.largest, Fixed(raw: 1)) == nil)
        #expect(Fixed.checkedSubtract(.smallest, Fixed(raw: 1)) == nil)
        #expect(Fixed.checkedMultiply(.largest, Fixed(decimalText: "-1")!) == .smallest)
    }

    /// Period sums: 10²⁶ in March and again in April make 2 × 10²⁶ for the year, the quarter
    /// (April, May, June) more than 10²⁶; the report, the query and the total line say #OVERFLOW.
    @Test func periodSumsOfHugeInputs() throws {
        let s = try Session(path: electronics)
        run(s, "李雷.sales[2026-03] = \(Self.max)", "李雷.sales[2026-04] = \(Self.max)")
        let year = s.execute("李雷.sales[2026]")
        #expect(year.lines == ["李雷.sales[2026] = #OVERFLOW", "  the sum of sales over 2026 is beyond ±10²⁶"])
        #expect(query(s, "李雷.sales[2026-Q2]") == "#OVERFLOW")
        // Q1 holds only March's 10²⁶ plus January's 62,000 and February's 48,000: beyond the range as well.
        #expect(query(s, "李雷.sales[2026-Q1]") == "#OVERFLOW")
        let report = run(s, "report 2026")
        #expect(row(report, "李雷").first == "#OVERFLOW")
        #expect(row(report, "total").first == "#OVERFLOW")
        // Other agents are untouched by 李雷's overflow: 韩梅梅's pay is a number.
        #expect(row(report, "韩梅梅").last?.hasSuffix(".00") == true)
        #expect(!s.execute("report 2026-Q1").failed)
    }

    /// A base of 10²⁶ makes every month's pay overflow (base + commission > 10²⁶), and the quarter's base pay
    /// (3 × 10²⁶) too.
    @Test func hugeBaseThenQuarterReport() throws {
        let s = try Session(path: electronics)
        run(s, "agent set 李雷 base=\(Self.max)")
        #expect(query(s, "李雷.pay[2026-01]") == "#OVERFLOW")
        let q1 = run(s, "report 2026-Q1")
        #expect(row(q1, "李雷").last == "#OVERFLOW")
        #expect(row(q1, "total").last == "#OVERFLOW")
    }

    /// Team inputs on plan A: 10²⁶ inquiries on the main account in March and April.
    @Test func teamInputsOnPlanA() throws {
        let s = try Session(path: onlineShop)
        run(s, "main_inquiries[2026-03] = \(Self.max)", "main_inquiries[2026-04] = \(Self.max)")
        #expect(s.execute("main_inquiries[2026]").lines == ["main_inquiries[2026] = #OVERFLOW", "  the sum of main_inquiries over 2026 is beyond ±10²⁶"])
        #expect(query(s, "main_inquiries[2026-03]") == "100,000,000,000,000,000,000,000,000.00")
        #expect(!s.execute("report 2026").failed)
    }

    /// A quarter rule of −10²⁶: a half year holds two quarters, −2 × 10²⁶.
    @Test func quarterRuleOfMinusMaxOverAHalf() throws {
        let s = try Session(path: electronics)
        run(s, "quarter qq = -\(Self.max)", "report columns qq, pay")
        #expect(query(s, "李雷.qq[2026-Q3]") == "-100,000,000,000,000,000,000,000,000.00")
        let h2 = run(s, "report 2026-H2")
        #expect(row(h2, "李雷").first == "#OVERFLOW")
        #expect(row(h2, "total").first == "#OVERFLOW")
        #expect(query(s, "李雷.qq[2026-H2]") == "#OVERFLOW")
    }

    /// Sweep, solve and cliffs over the whole range: no trap; values beyond it are refused where typed.
    @Test func whatIfOverTheWholeRange() throws {
        let s = try Session(path: electronics)
        run(s, "agent add 测试 id=T01 base=3000 hired=2020-01-01")
        // One step of 10²⁶ from 0 to 1: only the row at 0, where 测试 is paid base 3,000 − deduction 900 = 2,100 (C1, C2).
        let sweep = run(s, "sweep sales from 0 to 1 step \(Self.max) show pay for 测试 in 2026-03")
        #expect(sweep.contains(" 0.00  2,100.00"))
        expectRefused(s, "sweep sales from 0 to 1 step \(Self.max)0 show pay for 测试 in 2026-03",
                      "step '\(Self.max)0': '\(Self.max)0' is too large (amounts go up to 10²⁶)")
        // Solve from 10²⁶ with the default end 10⁹: the range is empty.
        expectRefused(s, "solve sales for pay = 9000 for 测试 in 2026-03 from \(Self.max)", "must not be below 'from' (100,000,000,000,000,000,000,000,000.00)")
        // Solving up to 10²⁶ finds plan C's answer of WhatIfTests.solveAcrossAJump: 200,000.00.
        let solved = run(s, "solve sales for pay = 9000 for 测试 in 2026-03 from 0 to \(Self.max)")
        #expect(solved.first == "测试.sales[2026-03] = 200,000.00 is the least that gives 测试.pay[2026-03] ≥ 9,000.00")
        // Cliffs up to 10²⁶: the seven of WhatIfTests.cliffsOfPlanC and no more (the tiers end at 20万, the bonus at 30万).
        let cliffs = run(s, "cliffs pay over sales from 0 to \(Self.max) for 测试 in 2026-03")
        #expect(cliffs.filter { $0.hasPrefix("  sales ") }.count == 7)
        // From −10²⁶: negative sales earn no commission (every tier of commission_tiers starts at 0 or above),
        // so pay stays 2,100.00 below 0 and the same seven cliffs are found.
        let neg = run(s, "cliffs pay over sales from -\(Self.max) to \(Self.max) for 测试 in 2026-03")
        #expect(neg.filter { $0.hasPrefix("  sales ") } == cliffs.filter { $0.hasPrefix("  sales ") })
    }

    /// A cliff between two figures near the ends of the range: the difference itself is beyond ±10²⁶.
    @Test func cliffBetweenTwoExtremes() throws {
        let s = try Session()
        run(s, "input month sales default 0", "param big = \(Self.nineTenths)",
            "month pay = if sales >= 10 then big else -big", "agent add 甲")
        let out = run(s, "cliffs pay over sales from 0 to 20 for 甲 in 2026-01")
        #expect(out.contains("  sales 9.99 → 10.00: pay -90,000,000,000,000,000,000,000,000.00 → 90,000,000,000,000,000,000,000,000.00 (a change beyond ±10²⁶)  pay"))
        let cliff = Cliff(from: Fixed(decimalText: "9.99")!, to: Fixed(10), before: -Fixed(decimalText: Self.nineTenths)!,
                          after: Fixed(decimalText: Self.nineTenths)!, tables: [], conditions: [])
        #expect(cliff.change == nil)
    }

    /// compare: two agents with a base of 9 × 10²⁵ make a total of 1.8 × 10²⁶ and more.
    @Test func compareTotalsBeyondTheRange() throws {
        let s = try Session(path: electronics)
        run(s, "agent set 李雷 base=\(Self.nineTenths)", "agent set 韩梅梅 base=\(Self.nineTenths)")
        let same = run(s, "compare main main 2026-03 --all")
        let total = try #require(same.first { $0.hasPrefix("total   pay (") })
        #expect(total.components(separatedBy: "#OVERFLOW").count == 3, "\(total)")
        #expect(same.contains("the total of main is too large to add up"))
        // A fork with two months of 10²⁶ sales for 李雷: his year's sales are beyond the range in f only.
        let t = try Session(path: electronics)
        run(t, "fork f", "李雷.sales[2026-03] = \(Self.max)", "李雷.sales[2026-04] = \(Self.max)")
        let year = run(t, "compare main f 2026")
        let sales = try #require(year.first { $0.hasPrefix("李雷") && $0.contains("sales ") })
        #expect(sales.hasSuffix("#OVERFLOW           ≠"), "\(sales)")
        #expect(year.contains { $0.hasPrefix("total  pay (") })
    }

    /// The difference of two figures near the ends of the range is #OVERFLOW, and the percentage of a
    /// large difference is worked out without overflowing (d × 100 would leave the range; d ÷ x × 100 does not).
    @Test func differenceAndPercentage() {
        let big = Fixed(decimalText: Self.nineTenths)!
        #expect(Session.difference(.number(-big), .number(big)) == ("#OVERFLOW", ""))
        // 9 × 10²⁵ − 10²⁵ = 8 × 10²⁵, −88.9% of 9 × 10²⁵ (8/9 = 0.888…).
        let tenth = Fixed(decimalText: "10000000000000000000000000")!
        #expect(Session.difference(.number(big), .number(tenth)) == ("-80,000,000,000,000,000,000,000,000.00", "-88.9%"))
    }

    /// offer at the ends of the range: sales of −10²⁶ (plan C's base range 0.. refuses a negative base), and
    /// sales and base of 10²⁶. Months are amounts or #OVERFLOW, and a column holding #OVERFLOW totals to
    /// #OVERFLOW (with a base of 10²⁶ every month's pay is already beyond the range).
    @Test func offerAtTheEnds() throws {
        let s = try Session(path: electronics)
        expectRefused(s, "offer sales -\(Self.max) base=-\(Self.max)", "base=-\(Self.max) is outside the range the plan declares for base (0..); nothing was changed")
        // A negative amount to offer is refused (fresh-user finding 5).
        expectRefused(s, "offer sales -\(Self.max)", "is negative: an offer tries sales a new hire could bring, 0 or more")
        let up = run(s, "offer sales \(Self.max) base=\(Self.max)")
        let months = up.filter { $0.hasPrefix("2026-") }
        #expect(months.count == 12 && months.allSatisfy { $0.hasSuffix("#OVERFLOW") }, "\(up)")
        // Every total column (gross, and take-home when the plan has it) is #OVERFLOW.
        let totals = row(up, "total")
        #expect(!totals.isEmpty && totals.allSatisfy { $0 == "#OVERFLOW" }, "\(totals)")
        // A note under the table says why (session 13), from the first month.
        #expect(up.last?.hasPrefix("note: #OVERFLOW: at sales of 100,000,000,000,000,000,000,000,000.00 a month, pay from 2026-01 on is past the largest amount payplan holds (10²⁶)") == true, "\(up.last ?? "")")
        #expect(s.workspace == (try Session(path: electronics)).workspace)
    }

    /// round, floor and ceil at the ends of the range never leave it: ±10²⁶ are whole numbers, and
    /// 99,999,999,999,999,999,999,999,999.995 rounds half away from zero to 10²⁶ exactly.
    @Test func roundingAtTheEnds() throws {
        let s = try Session()
        run(s, "param a = round(\(Self.max))", "param b = floor(-\(Self.max))", "param c = ceil(\(Self.max))",
            "param d = round(99999999999999999999999999.995)", "param e = floor(-99999999999999999999999999.5)")
        #expect(query(s, "a") == "100,000,000,000,000,000,000,000,000.00")
        #expect(query(s, "b") == "-100,000,000,000,000,000,000,000,000.00")
        #expect(query(s, "c") == "100,000,000,000,000,000,000,000,000.00")
        #expect(query(s, "d") == "100,000,000,000,000,000,000,000,000.00")
        #expect(query(s, "e") == "-100,000,000,000,000,000,000,000,000.00")
        // Display rounds to six decimals: the largest amount with twelve shows as 10²⁶ (no trap either).
        run(s, "param f = 99999999999999999999999999.999999999999")
        #expect(query(s, "f") == "100,000,000,000,000,000,000,000,000.00")
    }

    /// allocate: weights that add up beyond 10²⁶ are #OVERFLOW; 10²⁶ shared by four equal weights is
    /// 2.5 × 10²⁵ each (plan C has four salespeople).
    @Test func allocateWithHugeWeightsAndTotals() throws {
        let s = try Session(path: electronics)
        run(s, "month share = allocate(1000, \(Self.max) over agents)")
        let out = s.execute("李雷.share[2026-03]")
        #expect(out.lines.first == "李雷.share[2026-03] = #OVERFLOW")
        #expect(out.lines.dropFirst().first?.hasPrefix("  allocate: the weights add up to more than 10²⁶") == true, "\(out.lines)")
        run(s, "month big_share = allocate(\(Self.max), 1 over agents)")
        #expect(query(s, "李雷.big_share[2026-03]") == "25,000,000,000,000,000,000,000,000.00")
        #expect(Allocation.largestRemainder(total: Fixed(1000), weights: [.largest, .largest]) == nil)
        #expect(Allocation.largestRemainder(total: Fixed(1000), weights: [Fixed(1), -Fixed(1)]) == nil)
    }

    /// Date arithmetic beyond the years 0001–9999 is #RANGE, not a trap nor a wrapped-around year.
    @Test func dateArithmeticOutOfTheCalendar() throws {
        let s = try Session()
        run(s, "param d = 2026-03-01 + 9223372036854775000", "param e = 2026-03-01 - 9223372036854775000",
            "param f = 2026-03-01 + 2914000", "param g = 9999-12-31 + 1", "param h = 2026-03-01 + 31")
        for name in ["d", "e", "f", "g"] { #expect(query(s, name) == "#RANGE", "\(name)") }
        #expect(s.execute("d").lines.last == "  2026-03-01 + 9223372036854775000 days is outside the years 0001–9999")
        #expect(s.execute("e").lines.last == "  2026-03-01 − 9223372036854775000 days is outside the years 0001–9999")
        // March has 31 days.
        #expect(query(s, "h") == "2026-04-01")
        #expect(Day(year: 9999, month: 12, day: 31)!.adding(days: 1) == nil)
        #expect(Day(year: 1, month: 1, day: 1)!.adding(days: -1) == nil)
        #expect(Day(year: 2026, month: 3, day: 1)!.adding(days: .min) == nil)
    }
}
