import Testing
import PayPlan
@testable import PayPlanREPL
import TestSupport

/// `use takehome` (issue 16): social insurance, housing fund, income tax by cumulative withholding,
/// the annual bonus, employer cost — in a plan written from scratch. Every plan here sets its own
/// city figures, so the part's example values can change without changing these tests.
@Suite struct TakeHomeTests {
    /// A one-agent plan: gross pay = the monthly input `wage` + `bonus_in`, the bonus being the
    /// annual one-time bonus; floor 7,460, cap 37,302 (social insurance) and 2,740 / 37,302 (housing fund).
    func session(years: String = "2026", agent: String = "agent add a", extra: [String] = []) throws -> Session {
        let s = try Session()
        run(s, "years \(years)",
            "input month wage default 12000",
            "input month bonus_in default 0",
            "month pay = if active then wage + bonus_in else 0",
            "use takehome",
            "month year_end_bonus = bonus_in",
            "param si_base_floor = 7460", "param si_base_cap = 37302",
            "param hf_base_floor = 2740", "param hf_base_cap = 37302",
            "attribute base default 12000")
        for line in extra { run(s, line) }
        run(s, agent)
        return s
    }

    /// The part declares what makes sense: a housing fund rate of 0–12% (the law's 5–12%, a city's
    /// lower rate, or 0 for an employer not enrolled) and no negative base or deduction (fresh-user
    /// finding: `hf_rate=200%` and a special deduction of −1,000 were taken).
    @Test func ratesAndDeductionsOutsideWhatMakesSenseAreRefused() throws {
        let s = try session()
        expectRefused(s, "agent add b hf_rate=200%", "hf_rate=200% is outside the range the plan declares for hf_rate")
        expectRefused(s, "agent set a hf_rate=13%", "hf_rate=13% is outside the range the plan declares for hf_rate")
        expectRefused(s, "agent set a si_base=-8000", "si_base=-8000 is outside the range the plan declares for si_base")
        // An input outside its range is refused too, as sales below 0 is (M5).
        expectRefused(s, "a.special_deduction[2026-01] = -1000",
                      "a.special_deduction[2026-01] = -1,000.00 is outside the range the plan declares for special_deduction (0..); nothing was changed")
        expectRefused(s, "a.other_deduction[2026-01] = -1", "a.other_deduction[2026-01] = -1.00 is outside the range the plan declares for other_deduction (0..)")
        // The edges are taken: 12% of the base 12,000 is 1,440.00; 0 pays no housing fund.
        run(s, "agent set a hf_rate=12%")
        #expect(query(s, "a.housing_fund[2026-01]") == "1,440.00")
        run(s, "agent set a hf_rate=0", "a.special_deduction[2026-01] = 0", "a.other_deduction[2026-01] = 0")
        #expect(query(s, "a.housing_fund[2026-01]") == "0.00")
    }

    /// An input that changes only take-home pay shows the take-home change, not "(no pay figure
    /// changed)" (fresh-user finding). Base 12,000 at hf_rate 5%: contributions 960 + 240 + 60 + 600
    /// = 1,860; January taxable 12,000 − 1,860 − 5,000 = 5,140 → tax 3% = 154.20, net 9,985.80.
    /// A special deduction of 1,000 → taxable 4,140 → tax 124.20, net 10,015.80; pay stays 12,000.
    /// Cumulative withholding moves one later month too: cumulative taxable 5,140n passes 36,000 in
    /// August (41,120 → 10% − 2,520 = 1,592.00 − 7 × 154.20 = 512.60 withheld); with the deduction
    /// 40,120 → 1,492.00 − (1,079.40 − 30) = 442.60, so August's net 9,627.40 → 9,697.40; from
    /// September both are 514.00 a month again (the year's saving 30 + 70 = 100 = 10% × 1,000).
    @Test func aTakeHomeOnlyChangeShowsTheTakeHomeChange() throws {
        let s = try session()
        #expect(query(s, "a.net_pay[2026-01]") == "9,985.80")
        let out = run(s, "a.special_deduction[2026-01] = 1000")
        #expect(out == ["a.net_pay[2026-01]: 9,985.80 → 10,015.80", "a.net_pay[2026-08]: 9,627.40 → 9,697.40"], "\(out)")
        #expect(query(s, "a.pay[2026-01]") == "12,000.00")
    }

    func months(_ year: Int = 2026) -> [String] { (1...12).map { "\(year)-" + ($0 < 10 ? "0\($0)" : "\($0)") } }

    /// The issue's worked figures: salary 12,000, contributions 8% + 2% + 0.5% + 7% = 17.5% = 2,100.00 of a
    /// base of 12,000, special deductions 1,000 a month → monthly taxable 12,000 − 2,100 − 5,000 − 1,000 = 3,900.
    /// Cumulative taxable after n months 3,900n: n ≤ 9 → 3% (35,100 ≤ 36,000), so 117.00 a month;
    /// October 39,000 × 10% − 2,520 = 1,380 − 9 × 117 = 327.00; November 42,900 → 1,770 − 1,380 = 390.00;
    /// December 46,800 → 2,160 − 1,770 = 390.00. Net pay in January 12,000 − 2,100 − 117 = 9,783.00.
    @Test func workedFiguresOfTheIssue() throws {
        let s = try session(agent: "agent add a hf_rate=7%")
        for m in months() { run(s, "a.special_deduction[\(m)] = 1000") }
        #expect(query(s, "a.social_insurance[2026-01]") == "1,260.00")  // 960 + 240 + 60
        #expect(query(s, "a.housing_fund[2026-01]") == "840.00")
        #expect(query(s, "a.taxable_income[2026-01]") == "3,900.00")
        for m in months().prefix(9) { #expect(query(s, "a.tax[\(m)]") == "117.00", "\(m)") }
        #expect(query(s, "a.tax[2026-10]") == "327.00")
        #expect(query(s, "a.tax[2026-11]") == "390.00")
        #expect(query(s, "a.tax[2026-12]") == "390.00")
        #expect(query(s, "a.ytd_withheld[2026-12]") == "2,160.00")
        #expect(query(s, "a.net_pay[2026-01]") == "9,783.00")
        // December: 12,000 − 2,100 − 390 = 9,510.00.
        #expect(query(s, "a.net_pay[2026-12]") == "9,510.00")
        // Employer: 12,000 × (16% + 9% + 0.5% + 0.2%) = 3,084.00, housing fund 840.00 → 15,924.00.
        #expect(query(s, "a.employer_cost[2026-01]") == "15,924.00")
    }

    /// The year restarts in January: in 2027 the cumulative figures start again, so January 2027 is
    /// 117.00 again (not December's 390.00), and 5,000 × 1 month is deducted, not 13 months.
    @Test func januaryReset() throws {
        let s = try session(years: "2026-2027", agent: "agent add a hf_rate=7%")
        for m in months() + months(2027) { run(s, "a.special_deduction[\(m)] = 1000") }
        #expect(query(s, "a.tax[2026-12]") == "390.00")
        #expect(query(s, "a.tax[2027-01]") == "117.00")
        #expect(query(s, "a.months_employed[2027-01]") == "1.00")
        #expect(query(s, "a.ytd_taxable[2027-01]") == "3,900.00")
        #expect(query(s, "a.tax[2027-10]") == "327.00")
    }

    /// Hired 2026-07-01 at 20,000, housing fund 7%: contributions 3,500, monthly taxable 20,000 − 3,500 − 5,000
    /// = 11,500, months counted from July. Jul 11,500 × 3% = 345; Aug 23,000 → 690 − 345 = 345; Sep 34,500 →
    /// 1,035 − 690 = 345; Oct 46,000 → 4,600 − 2,520 = 2,080 − 1,035 = 1,045; Nov 57,500 → 3,230 − 2,080 = 1,150;
    /// Dec 69,000 → 4,380 − 3,230 = 1,150. Nothing before the hire month.
    @Test func midYearHire() throws {
        let s = try session(agent: "agent add a hired=2026-07-01 base=20000 hf_rate=7%", extra: ["input month wage default 20000"])
        #expect(query(s, "a.tax[2026-06]") == "0.00")
        #expect(query(s, "a.net_pay[2026-06]") == "0.00")
        #expect(query(s, "a.social_insurance[2026-06]") == "0.00")
        #expect(query(s, "a.months_employed[2026-07]") == "1.00")
        for (m, t) in [("07", "345.00"), ("08", "345.00"), ("09", "345.00"), ("10", "1,045.00"), ("11", "1,150.00"), ("12", "1,150.00")] {
            #expect(query(s, "a.tax[2026-\(m)]") == t, "\(m)")
        }
        // Six months of 5,000 deducted, not twelve: 6 × 11,500 = 69,000.00.
        #expect(query(s, "a.ytd_taxable[2026-12]") == "69,000.00")
    }

    /// Previous-year income ≤ 60,000 (公告2020年第19号): 60,000 deducted in full from January. Salary 12,000, housing
    /// fund 7%, special 1,000: 8,900 a month before the basic deduction; cumulative 8,900n − 60,000 is below 0 until
    /// July: Jul 2,300 × 3% = 69.00; Aug 11,200 → 336 − 69 = 267.00; Sep 20,100 → 603 − 336 = 267.00; Oct 29,000 →
    /// 870 − 603 = 267.00; Nov 37,900 → 3,790 − 2,520 = 1,270 − 870 = 400.00; Dec 46,800 → 2,160 − 1,270 = 890.00.
    /// The year's total is the same 2,160.00: over a whole year both ways deduct 60,000.
    @Test func sixtyThousandSwitch() throws {
        let s = try session(agent: "agent add a hf_rate=7% prev_year_low_income=yes")
        for m in months() { run(s, "a.special_deduction[\(m)] = 1000") }
        for m in months().prefix(6) { #expect(query(s, "a.tax[\(m)]") == "0.00", "\(m)") }
        for (m, t) in [("07", "69.00"), ("08", "267.00"), ("09", "267.00"), ("10", "267.00"), ("11", "400.00"), ("12", "890.00")] {
            #expect(query(s, "a.tax[2026-\(m)]") == t, "\(m)")
        }
        #expect(query(s, "a.ytd_withheld[2026-12]") == "2,160.00")
        // Switched off again: January is 117.00 as in the worked figures.
        run(s, "agent set a prev_year_low_income=no")
        #expect(query(s, "a.tax[2026-01]") == "117.00")
    }

    /// The contribution base: the base salary within the floor and cap, or si_base when given.
    /// Base 5,000 < floor 7,460: 596.80 + 149.20 + 37.30 = 783.30; the housing fund base 5,000 is above its
    /// floor 2,740: 250.00. Base 7,459.99 and 7,460 both give 7,460 (783.30); 7,460.01 gives
    /// 596.8008 → 596.80, 149.2002 → 149.20, 37.30005 → 37.30 (783.30; the fen rounding hides one fen of base).
    /// Base 50,000 > cap 37,302: 2,984.16 + 746.04 + 186.51 = 3,916.71, housing fund 37,302 × 5% = 1,865.10.
    /// si_base=10,000 with base 5,000: 800 + 200 + 50 = 1,050.00, housing fund 500.00.
    @Test func floorAndCapOfTheBase() throws {
        let s = try session(agent: "agent add low base=5000")
        run(s, "agent add at_floor base=7460", "agent add under_floor base=7459.99", "agent add over_floor base=7460.01",
            "agent add high base=50000", "agent add at_cap base=37302", "agent add over_cap base=37302.01", "agent add given base=5000 si_base=10000")
        #expect(query(s, "low.social_insurance[2026-01]") == "783.30")
        #expect(query(s, "low.contribution_base[2026]") == "7,460.00")
        #expect(query(s, "low.housing_fund[2026-01]") == "250.00")
        #expect(query(s, "at_floor.contribution_base[2026]") == "7,460.00")
        #expect(query(s, "under_floor.contribution_base[2026]") == "7,460.00")
        #expect(query(s, "over_floor.contribution_base[2026]") == "7,460.01")
        #expect(query(s, "high.social_insurance[2026-01]") == "3,916.71")
        #expect(query(s, "high.housing_fund[2026-01]") == "1,865.10")
        #expect(query(s, "at_cap.contribution_base[2026]") == "37,302.00")
        #expect(query(s, "over_cap.contribution_base[2026]") == "37,302.00")
        #expect(query(s, "given.social_insurance[2026-01]") == "1,050.00")
        #expect(query(s, "given.housing_fund[2026-01]") == "500.00")
        // Rounding unit: to the yuan (1) and to the jiao (0.1) instead of the fen (0.01).
        run(s, "param contribution_rounding = 1")
        #expect(query(s, "low.pension[2026-01]") == "597.00")       // 596.80 → 597
        #expect(query(s, "low.unemployment[2026-01]") == "37.00")   // 37.30 → 37
        run(s, "param contribution_rounding = 0.1")
        #expect(query(s, "low.pension[2026-01]") == "596.80")
        #expect(query(s, "over_cap.medical[2026-01]") == "746.00")  // 746.04 → 746.0
    }

    /// A month with negative gross (a clawback larger than pay): no negative tax. Special 1,000 a month.
    /// Jan 12,000: 117.00. Feb −3,000: cumulative 9,000 − 2 × (2,100 + 5,000 + 1,000) = −7,200 → taxable 0, tax
    /// max(0, 0 − 117) = 0.00 (no refund in withholding); net pay −3,000 − 2,100 = −5,100.00. Mar 12,000: 21,000 −
    /// 24,300 < 0 → 0.00. Apr: 33,000 − 32,400 = 600 → 18 − 117 < 0 → 0.00. May: 45,000 − 40,500 = 4,500 → 135 −
    /// 117 = 18.00.
    @Test func negativeGrossMonth() throws {
        let s = try session(agent: "agent add a hf_rate=7%")
        for m in months() { run(s, "a.special_deduction[\(m)] = 1000") }
        run(s, "a.wage[2026-02] = -3000")
        #expect(query(s, "a.tax[2026-01]") == "117.00")
        #expect(query(s, "a.tax[2026-02]") == "0.00")
        #expect(query(s, "a.net_pay[2026-02]") == "-5,100.00")
        #expect(query(s, "a.tax[2026-03]") == "0.00")
        #expect(query(s, "a.tax[2026-04]") == "0.00")
        #expect(query(s, "a.tax[2026-05]") == "18.00")
    }

    /// The annual bonus, separate or combined. Worked figures with salary 12,000, housing fund 7%, special
    /// 1,000 and a bonus of 36,000 in December. Separate: bonus 36,000 ÷ 12 = 3,000 → 3% → 1,080.00, wages as in
    /// the worked figures (December 390.00): tax 1,470.00, year 2,160 + 1,080 = 3,240.00. Combined: December's
    /// cumulative taxable 46,800 + 36,000 = 82,800 → 8,280 − 2,520 = 5,760 − 1,770 = 3,990.00, year 5,760.00.
    /// Separate is cheaper by 2,520.00.
    @Test func separateOrCombinedBonus() throws {
        let s = try session(agent: "agent add a hf_rate=7%")
        for m in months() { run(s, "a.special_deduction[\(m)] = 1000") }
        run(s, "a.bonus_in[2026-12] = 36000")
        #expect(query(s, "a.bonus_tax[2026-12]") == "1,080.00")
        #expect(query(s, "a.wage_tax[2026-12]") == "390.00")
        #expect(query(s, "a.tax[2026-12]") == "1,470.00")
        // 48,000 − 2,100 − 1,470 = 44,430.00
        #expect(query(s, "a.net_pay[2026-12]") == "44,430.00")
        #expect(query(s, "a.year_tax_separate[2026]") == "3,240.00")
        #expect(query(s, "a.year_tax_combined[2026]") == "5,760.00")
        #expect(query(s, "a.cheaper_bonus_taxation[2026]") == "separate")
        #expect(query(s, "a.bonus_taxation_saving[2026]") == "2,520.00")
        run(s, "agent set a bonus_taxation=combined")
        #expect(query(s, "a.bonus_tax[2026-12]") == "0.00")
        #expect(query(s, "a.tax[2026-12]") == "3,990.00")
        #expect(query(s, "a.ytd_withheld[2026-12]") == "5,760.00")
        // A low earner: wage 6,000 (base 6,000; floor lowered to 3,000): contributions 6,000 × 17.5% = 1,050, monthly
        // taxable −50. Separate: 0 on wages + 1,080 on the bonus; combined: −600 + 36,000 = 35,400 × 3% = 1,062.00.
        run(s, "param si_base_floor = 3000", "agent add b base=6000 hf_rate=7%")
        for m in months() { run(s, "b.wage[\(m)] = 6000") }
        run(s, "b.bonus_in[2026-12] = 36000")
        #expect(query(s, "b.year_tax_separate[2026]") == "1,080.00")
        #expect(query(s, "b.year_tax_combined[2026]") == "1,062.00")
        #expect(query(s, "b.cheaper_bonus_taxation[2026]") == "combined")
        #expect(query(s, "b.bonus_taxation_saving[2026]") == "18.00")
        // A value the part never compares bonus_taxation with is refused when typed (fresh-user M-C's kind),
        // naming the two it knows; the workspace is unchanged.
        expectRefused(s, "agent set b bonus_taxation=together",
                      "bonus_taxation=together: the plan reads bonus_taxation only as separate or combined, so 'together' would count as none of them; nothing was changed")
    }

    /// The issue's bonus figures: 36,000 → 1,080.00; 36,001 → 36,001 × 10% − 210 = 3,390.10; 1,000,000 ÷ 12 =
    /// 83,333.33 → 45%: 450,000 − 15,160 = 434,840.00. `cliffs` finds the jump between 36,000 and 36,000.01.
    @Test func bonusFiguresAndTheCliff() throws {
        let s = try session()
        for (bonus, tax) in [("36000", "1,080.00"), ("36001", "3,390.10"), ("1000000", "434,840.00")] {
            run(s, "a.bonus_in[2026-12] = \(bonus)")
            #expect(query(s, "a.bonus_tax[2026-12]") == tax, "\(bonus)")
        }
        let lines = run(s, "cliffs bonus_tax over bonus_in from 30000 to 40000 for a in 2026-12")
        // 36,000.00 → 1,080.00; 36,000.01 × 10% − 210 = 3,390.001 → 3,390.00: +2,310.00.
        #expect(lines.contains { $0.contains("36,000.00 → 36,000.01") && $0.contains("1,080.00 → 3,390.00") }, "\(lines)")
        let net = run(s, "cliffs net_pay over bonus_in from 30000 to 40000 for a in 2026-12")
        #expect(net.contains { $0.contains("36,000.00 → 36,000.01") && $0.contains("falls by") }, "\(net)")
    }

    /// Reference for the tables, independent of the plan: amounts in fen, rates in percent.
    /// Tax = round half up (amount × rate − quick deduction) to the fen.
    static func referenceTax(fen: Int, table: [(upTo: Int, rate: Int, quick: Int)], pickBy: Int) -> Int {
        // The tier: the first whose upper bound (in fen) is ≥ pickBy (tiers include their upper figure).
        let tier = table.first { pickBy <= $0.upTo * 100 } ?? table.last!
        let hundredthsOfFen = fen * tier.rate - tier.quick * 100 * 100
        return hundredthsOfFen >= 0 ? (hundredthsOfFen + 50) / 100 : -((-hundredthsOfFen + 50) / 100)
    }
    static let annual: [(upTo: Int, rate: Int, quick: Int)] = [
        (36000, 3, 0), (144000, 10, 2520), (300000, 20, 16920), (420000, 25, 31920), (660000, 30, 52920),
        (960000, 35, 85920), (Int.max / 1000, 45, 181920),
    ]
    static let monthly: [(upTo: Int, rate: Int, quick: Int)] = [
        (3000, 3, 0), (12000, 10, 210), (25000, 20, 1410), (35000, 25, 2660), (55000, 30, 4410),
        (80000, 35, 7160), (Int.max / 1000, 45, 15160),
    ]
    static func money(_ fen: Int) -> String { Fixed(fen: Int128(fen)).moneyText }

    /// Every boundary of the monthly-converted bonus table, one fen either side: a bonus of 12 × T ± 0.01.
    /// E.g. T = 3,000: 35,999.99 → 3% → 1,079.9997 → 1,080.00; 36,000.00 → 1,080.00; 36,000.01 → 10% →
    /// 3,600.001 − 210 → 3,390.00. T = 80,000: 960,000 → 35% → 336,000 − 7,160 = 328,840.00; 960,000.01 → 45% →
    /// 432,000.0045 − 15,160 → 416,840.00.
    @Test func everyBoundaryOfTheBonusTable() throws {
        let s = try session()
        for t in [3000, 12000, 25000, 35000, 55000, 80000] {
            for delta in [-1, 0, 1] {
                let bonusFen = 12 * t * 100 + delta
                run(s, "a.bonus_in[2026-12] = \(Fixed(fen: Int128(bonusFen)).description)")
                // The tier is picked by bonus ÷ 12 against T: above T exactly when the bonus is above 12T.
                let pickFen = bonusFen > 12 * t * 100 ? t * 100 + 1 : (bonusFen == 12 * t * 100 ? t * 100 : t * 100 - 1)
                let expected = Self.referenceTax(fen: bonusFen, table: Self.monthly, pickBy: pickFen)
                #expect(query(s, "a.bonus_tax[2026-12]") == Self.money(expected), "bonus \(bonusFen) fen")
            }
        }
        // Spot checks of the reference itself, worked by hand above.
        #expect(Self.referenceTax(fen: 3_600_001, table: Self.monthly, pickBy: 300_001) == 339_000)
        #expect(Self.referenceTax(fen: 96_000_001, table: Self.monthly, pickBy: 8_000_001) == 41_684_000)
        #expect(Self.referenceTax(fen: 96_000_000, table: Self.monthly, pickBy: 8_000_000) == 32_884_000)
    }

    /// Every boundary of the annual table, one fen either side, through January's withholding (taxable =
    /// wage − 5,000 with no contributions). The table is continuous (36,000 × 3% = 36,000 × 10% − 2,520 = 1,080),
    /// so the tier is also checked directly: lookup(income_tax_rate, T) is the lower rate, T + 0.01 the higher.
    /// E.g. T = 960,000: 960,000 × 35% − 85,920 = 250,080.00; 960,000.01 × 45% − 181,920 = 250,080.0045 → 250,080.00.
    @Test func everyBoundaryOfTheAnnualTable() throws {
        let s = try session(extra: ["param pension_rate = 0", "param medical_rate = 0", "param unemployment_rate = 0", "attribute hf_rate default 0"])
        let rates = [3, 10, 20, 25, 30, 35, 45]
        for (i, t) in [36000, 144000, 300000, 420000, 660000, 960000].enumerated() {
            for delta in [-1, 0, 1] {
                let taxableFen = t * 100 + delta
                run(s, "a.wage[2026-01] = \(Fixed(fen: Int128(taxableFen + 500_000)).description)")
                let expected = Self.referenceTax(fen: taxableFen, table: Self.annual, pickBy: taxableFen)
                #expect(query(s, "a.tax[2026-01]") == Self.money(expected), "taxable \(taxableFen) fen")
                run(s, "param probe = 100 * lookup(income_tax_rate, \(Fixed(fen: Int128(taxableFen)).description))")
                #expect(query(s, "probe") == "\(delta <= 0 ? rates[i] : rates[i + 1]).00", "rate at \(taxableFen) fen")
            }
        }
        #expect(Self.referenceTax(fen: 96_000_001, table: Self.annual, pickBy: 96_000_001) == 25_008_000)
    }

    /// The part's figures come from one place: a scenario stores `use takehome`, not the part's rules;
    /// a plan's own definition overrides the part's and is saved; dropping it brings the part's back.
    @Test func storedAsAReference() throws {
        let s = try session()
        let text = s.workspace.plan.sourceText
        #expect(text.contains("use takehome"))
        #expect(!text.contains("month net_pay"))
        run(s, "param pension_rate = 7%")
        #expect(s.workspace.plan.sourceText.contains("param pension_rate \"养老保险个人比例\" = 7%"))
        #expect(s.workspace.plan.definition(named: "pension_rate")?.part == nil)
        // Base 12,000 × 7% = 840.00.
        #expect(query(s, "a.pension[2026-01]") == "840.00")
        run(s, "drop pension_rate")
        #expect(query(s, "a.pension[2026-01]") == "960.00")
        #expect(s.workspace.plan.definition(named: "pension_rate")?.part == "takehome")
        expectRefused(s, "drop net_pay", "'net_pay' comes from the takehome part")
        expectRefused(s, "use payroll", "no plan part named 'payroll'; parts: takehome")
        // Read back from its text, the plan is the same.
        let reread = try Plan.parse(lines: s.workspace.plan.sourceText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(reread == s.workspace.plan)
        // explain and show say where a rule came from.
        #expect(run(s, "explain a.net_pay[2026-01]").contains { $0.contains("from the takehome part (use takehome)") })
        #expect(run(s, "show tax").contains { $0.contains("from the takehome part") })
        // Dropping the use line takes the part away; the plan's own rules stay.
        run(s, "drop use takehome")
        #expect(s.workspace.plan.definition(named: "net_pay") == nil)
        #expect(s.workspace.plan.definition(named: "pay") != nil)
    }

    /// `use takehome on NAME` reads another gross figure; a plan without `pay` says what is missing.
    @Test func grossFigureByName() throws {
        let s = try Session()
        run(s, "years 2026", "attribute base default 12000", "month wages = base", "use takehome on wages", "agent add a hf_rate=7%")
        #expect(query(s, "a.gross_pay[2026-01]") == "12,000.00")
        // 12,000 − 2,100 − (12,000 − 2,100 − 5,000) × 3% = 9,900 − 147 = 9,753.00
        #expect(query(s, "a.net_pay[2026-01]") == "9,753.00")
        let t = try Session()
        run(t, "years 2026", "month wages = 1000")
        expectRefused(t, "use takehome", "unknown name 'pay'")
    }

    /// The three shipped scenarios bring the part in by reference (with the part's example city figures:
    /// floor 7,460, housing fund floor 2,740, employer 16% + 9% + 0.5% + 0.2%).
    /// Plan C, 李雷 in January: R = 62,000 − 300 = 61,700 → 2% = 1,234.00, pay 4,234.00; base 3,000 is below the
    /// floor, so social insurance is on 7,460: 596.80 + 149.20 + 37.30 = 783.30; housing fund 3,000 × 5% = 150.00;
    /// taxable 4,234 − 933.30 − 5,000 < 0 → no tax; net 4,234 − 933.30 = 3,300.70. Employer 1,193.60 + 671.40 +
    /// 37.30 + 14.92 = 1,917.22 + 150 → cost 6,301.22. 韩梅梅's annual bonus (C8.2) of 5,000 in December is taxed
    /// separately: 5,000 ÷ 12 ≤ 3,000 → 3% = 150.00.
    /// Plan B, 甲 in March: pay 800.00 (B1), no base salary → both bases at their floors: 783.30 and 2,740 × 5% =
    /// 137.00; net 800 − 920.30 = −120.30.
    @Test func shippedScenariosUseThePart() throws {
        for path in [electronics, repositoryRoot + "/scenarios/online-shop-cs.json", repositoryRoot + "/scenarios/web-agency.json"] {
            let s = try Session(path: path)
            #expect(s.workspace.plan.parts.map(\.part) == ["takehome"], "\(path)")
            #expect(!s.workspace.plan.sourceText.contains("month net_pay"), "\(path)")
        }
        let c = try Session(path: electronics)
        #expect(query(c, "李雷.pay[2026-01]") == "4,234.00")
        #expect(query(c, "李雷.social_insurance[2026-01]") == "783.30")
        #expect(query(c, "李雷.housing_fund[2026-01]") == "150.00")
        #expect(query(c, "李雷.tax[2026-01]") == "0.00")
        #expect(query(c, "李雷.net_pay[2026-01]") == "3,300.70")
        #expect(query(c, "李雷.employer_cost[2026-01]") == "6,301.22")
        #expect(query(c, "韩梅梅.bonus_tax[2026-12]") == "150.00")
        let b = try Session(path: repositoryRoot + "/scenarios/web-agency.json")
        #expect(query(b, "甲.pay[2026-03]") == "800.00")
        #expect(query(b, "甲.net_pay[2026-03]") == "-120.30")
    }

    /// The statement shows 应发, each deduction and 实发: October of the worked figures — social insurance
    /// 960 + 240 + 60 = 1,260.00 on 12,000, housing fund 840.00, tax 327.00 (cumulative 39,000 → 3,900 − 2,520 =
    /// 1,380.00 − 9 × 117 = 1,053.00 withheld before), net 12,000 − 2,100 − 327 = 9,573.00.
    /// A statement row whose first column is `LABEL name`: the columns after it.
    func labelled(_ lines: [String], _ name: String) -> [String] {
        guard let line = lines.first(where: { $0.contains(" \(name) ") }), let r = line.range(of: " \(name) ") else { return [] }
        return line[r.upperBound...].components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test func statementShowsEachDeductionAndNetPay() throws {
        let s = try session(agent: "agent add a hf_rate=7%", extra: ["report columns wage, pay"])
        for m in months() { run(s, "a.special_deduction[\(m)] = 1000") }
        let lines = run(s, "statement a 2026-10")
        // English statements name the lines in words: social insurance, housing fund, income tax, take-home pay.
        #expect(labelled(lines, "social insurance").prefix(1) == ["1,260.00"], "\(lines)")
        #expect(labelled(lines, "social insurance").joined(separator: " ").contains("pension 960.00 + medical 240.00 + unemployment 60.00"))
        #expect(labelled(lines, "housing fund").prefix(1) == ["840.00"])
        #expect(labelled(lines, "income tax").prefix(1) == ["327.00"])
        #expect(labelled(lines, "income tax").joined(separator: " ").contains("the part of year-to-date tax 1,380.00 above year-to-date withheld of 2026-09 1,053.00, 327.00"))
        #expect(statementRow(lines, "take-home pay").prefix(1) == ["9,573.00"])
        // Its order: gross first, net last.
        let order = [lines.firstIndex { $0.hasPrefix("pay  ") }] + [" social insurance ", " housing fund ", " income tax ", "take-home pay  "].map { n in lines.firstIndex { $0.contains(n) } }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "\(lines)")
        let csv = run(s, "statement a 2026-10 --format csv").joined(separator: "\n")
        #expect(csv.contains(",take-home pay,net_pay,9573.00,"))
        let md = run(s, "statement a 2026-10 --format md").joined(separator: "\n")
        #expect(md.contains("| income tax | 327.00 |"))
    }

    /// `solve` and `sweep` on net_pay (plan C, 李雷 in March, expenses 900, no orders yet): sales 200,900 → R = 200,000 →
    /// 3% = 6,000 + the monthly bonus 500 → pay 9,500.00; contributions 933.30 (the floor), and the cumulative taxable
    /// Jan (4,234 − 5,933.30 = −1,699.30) + Feb (3,951 − 5,933.30 = −1,982.30) + Mar (9,500 − 5,933.30 = 3,566.70) =
    /// −114.90 → no tax: net 8,566.70. One fen less, R = 199,999.99 → 2,000 + 2,999.9997 → 5,000.00, pay 8,500.00, net
    /// 7,566.70: 8,000.00 is never paid.
    @Test func solveAndSweepOnNetPay() throws {
        let s = try Session(path: electronics)
        let lines = run(s, "solve sales for net_pay = 8000 for 李雷 in 2026-03")
        #expect(lines.first?.hasPrefix("李雷.sales[2026-03] = 200,900.00 is the least that gives 李雷.net_pay[2026-03] ≥ 8,000.00") == true, "\(lines)")
        #expect(lines.contains { $0.contains("net_pay goes from 7,566.70 at 200,899.99 to 8,566.70 at 200,900.00") })
        let sweep = run(s, "sweep sales from 200000 to 200900 step 900 show pay, net_pay, employer_cost for 李雷 in 2026-03")
        // At 200,000: R = 199,100 → 2,000 + 2,973 = 4,973.00 + 500 → pay 8,473.00, net 7,539.70, cost 8,473 + 2,067.22.
        #expect(sweep.contains { $0.split(separator: " ").map(String.init) == ["200,000.00", "8,473.00", "7,539.70", "10,540.22"] }, "\(sweep)")
        #expect(sweep.contains { $0.split(separator: " ").map(String.init) == ["200,900.00", "9,500.00", "8,566.70", "11,567.22"] })
    }

    /// The part's messages in both languages: bringing it in counts its definitions (58 in the part's source,
    /// counted by grep), `show` names the part, a refused drop says why.
    @Test func messagesInBothLanguages() throws {
        let s = try Session()
        run(s, "years 2026", "month pay = 3000")
        #expect(run(s, "use takehome") == ["brought in the takehome part: 58 definitions (help takehome; show NAME shows one)"])
        #expect(s.workspace.plan.definitions.filter { $0.part == "takehome" }.count == 58)
        s.language = .zh
        #expect(run(s, "show net_pay").first == "# 来自共用部件 takehome（use takehome）；在本方案中重新定义即可修改")
        expectRefused(s, "drop tax", "'tax' 来自共用部件 takehome：重新定义即可修改，或 drop 'use takehome' 去掉整个部件")
        expectRefused(s, "use payroll", "没有名为 'payroll' 的共用部件；可用部件：takehome")
        #expect(run(s, "help takehome").contains { $0.contains("累计预扣法") && $0.contains("公告2018年第61号") })
    }
}
