import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// `offer`: a candidate's pay month by month at a few sales levels (plan C, base 3000).
@Suite struct OfferTests {
    /// 3万 a month: 1.5% = 450 → 3,450.00; 6万: 2% = 1,200 → 4,200.00; 10万: 2,000 → 5,000.00, plus the
    /// half-year bonus of 1,500 in June and December (average 10万): 6,500.00; the year 12 × 5,000 + 3,000 = 63,000.00.
    @Test func threePathsThroughTheYear() throws {
        let s = try Session(path: electronics)
        let before = s.workspace
        let lines = run(s, "offer sales 3万 6万 10万")
        #expect(s.workspace == before)
        // Each gross column with its take-home (use takehome, the part's example city figures): base 3,000 is below
        // the social insurance floor 7,460 → 596.80 + 149.20 + 37.30 = 783.30, housing fund 3,000 × 5% = 150.00;
        // taxable at most 6,500 − 933.30 − 5,000 in a month and below 0 over the year → no tax. Net = gross − 933.30;
        // the year's take-home = gross − 12 × 933.30 = gross − 11,199.60.
        #expect(row(lines, "2026-01") == ["probation", "3,450.00", "2,516.70", "4,200.00", "3,266.70", "5,000.00", "4,066.70"])
        #expect(row(lines, "2026-04") == ["3,450.00", "2,516.70", "4,200.00", "3,266.70", "5,000.00", "4,066.70"])
        #expect(row(lines, "2026-06") == ["3,450.00", "2,516.70", "4,200.00", "3,266.70", "6,500.00", "5,566.70"])
        #expect(row(lines, "total") == ["41,400.00", "30,200.40", "50,400.00", "39,200.40", "63,000.00", "51,800.40"])
    }

    /// Joining in October at base 3,500 with 6万 a month: 3,500 + 1,200 = 4,700.00 a month, 14,100.00 to December.
    @Test func laterStartAndOwnBase() throws {
        let s = try Session(path: electronics)
        let lines = run(s, "offer sales 6万 base=3500 from 2026-10")
        // Take-home: 783.30 social insurance (the floor) + 3,500 × 5% = 175.00 housing fund = 958.30, no tax:
        // 4,700 − 958.30 = 3,741.70; three months 14,100 − 2,874.90 = 11,225.10.
        #expect(row(lines, "2026-10") == ["probation", "4,700.00", "3,741.70"])
        #expect(row(lines, "total") == ["14,100.00", "11,225.10"])
        // A probation month with no sales: 40% of base deducted (C1): 3,500 − 1,400 = 2,100.00; take-home 1,141.70.
        #expect(row(run(s, "offer sales 0 base=3500 from 2026-10"), "2026-10") == ["probation", "2,100.00", "1,141.70"])
    }

    /// 30万 a month (plan C): 3,000 + 3% × 30万 = 9,000 + the monthly bonus 1,000 = 13,000.00; June adds the half-year
    /// bonus 3,500 (16,500.00); December the half-year 3,500 and the annual bonus 12,000 (28,500.00; 12 × 30万 ≥ 320万).
    /// Contributions 933.30 a month; monthly taxable 13,000 − 933.30 − 5,000 = 7,066.70. Cumulative tax: Jan 7,066.70 ×
    /// 3% = 212.00; Feb–Apr 212.00 each (424.002, 636.003, 848.004 → 424.00, 636.00, 848.00); May 35,333.50 → 1,060.005
    /// → 1,060.01: 212.01; Jun 45,900.20 → 4,590.02 − 2,520 = 2,070.02: 1,010.01; Jul–Nov 706.67 each (7,066.70 × 10%);
    /// Dec wages 16,500 → 91,800.40 → 6,660.04: 1,056.67, and the annual bonus taxed separately: 12,000 ÷ 12 = 1,000 →
    /// 3% = 360.00. Take-home: Jan 13,000 − 933.30 − 212 = 11,854.70; May 11,854.69; Jun 16,500 − 933.30 − 1,010.01 =
    /// 14,556.69; Jul 11,360.03; Dec 28,500 − 933.30 − 1,416.67 = 26,150.03. Year: 175,000.00 gross, 175,000 −
    /// 11,199.60 − (6,660.04 + 360) = 156,780.36 take-home.
    @Test func takeHomeWithTax() throws {
        let s = try Session(path: electronics)
        let lines = run(s, "offer sales 30万")
        #expect(row(lines, "2026-01") == ["probation", "13,000.00", "11,854.70"])
        #expect(row(lines, "2026-05") == ["13,000.00", "11,854.69"])
        #expect(row(lines, "2026-06") == ["16,500.00", "14,556.69"])
        #expect(row(lines, "2026-07") == ["13,000.00", "11,360.03"])
        #expect(row(lines, "2026-12") == ["28,500.00", "26,150.03"])
        #expect(row(lines, "total") == ["175,000.00", "156,780.36"])
        #expect(lines[1].contains("300,000.00 gross") && lines[1].contains("take-home"))
        s.language = .zh
        #expect(s.execute("offer sales 30万").lines[1].contains("应发") && s.execute("offer sales 30万").lines[1].contains("实发"))
    }

    @Test func badOffers() throws {
        let s = try Session(path: electronics)
        for (command, message) in [
            ("offer", "write offer INPUT AMOUNT"),
            ("offer pay 3万", "'pay' is not a monthly input"),
            ("offer sales lots", "'lots' is not an amount"),
            ("offer sales 3万 from 2030-01", "from needs a month inside the scenario's years"),
        ] {
            #expect(s.execute(command).errors.first?.message.contains(message) == true, "\(command)")
        }
    }
}
