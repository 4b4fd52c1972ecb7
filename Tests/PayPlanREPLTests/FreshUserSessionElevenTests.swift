import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// Findings of the fresh user of session 11, on a plan written from scratch with `use takehome`:
/// `explain` said a sum's signs wrong or twice ("… − 公积金个人 840.00 + −专项附加扣除 1,000.00"), could
/// drop the brackets a minus needs ("a − b + c" for a − (b + c)), and said a fallback as its formula
/// with the #MISSING in it ("社保缴费基数 #MISSING（未录入时取 base 12,000.00（未录入时取 0）= 12,000.00）").
@Suite struct FreshUserSessionElevenTests {
    /// 甲 in January: sales 1,000, expenses 300, fee 50 (a parameter).
    func session() throws -> Session {
        let s = try Session()
        run(s, "input month sales \"销售额\" default 0", "input month expenses \"报销\" default 0", "param fee \"手续费\" = 50",
            "agent add 甲", "甲.sales[2026-01] = 1000", "甲.expenses[2026-01] = 300")
        return s
    }

    func explained(_ s: Session, _ rule: String, _ figure: String) -> (en: String, zh: String) {
        run(s, rule)
        s.language = .en
        let en = run(s, "explain \(figure)")[0]
        s.language = .zh
        let zh = run(s, "explain \(figure)")[0]
        s.language = .en
        return (en, zh)
    }

    /// Every kind of signed term in a sum: a negated term inside the branch an `if` takes is subtracted
    /// (1,000 + (−300) = 700, said "1,000 − 300"); a sum inside a subtracted branch has each of its terms
    /// subtracted (1,000 − (300 + 50) = 650); a negated sum subtracted is added (0 − (−(300 + 50)) = 350,
    /// the 0 dropped). No "+ −" and no "− −" anywhere.
    @Test func signedTermsOfASumAreSaidWithOneSignEach() throws {
        let s = try session()
        var r = explained(s, "month net \"净额\" = sales + (if sales > 0 then -expenses else 0)", "甲.net[2026-01]")
        #expect(r.zh == "甲 2026年1月净额 700.00 元：销售额 1,000.00 − 报销 300.00。")
        #expect(r.en == "甲's net for 2026-01 is 700.00: sales 1,000.00 − expenses 300.00.")
        r = explained(s, "month net2 \"净额2\" = sales - (if sales > 0 then expenses + fee else 0)", "甲.net2[2026-01]")
        #expect(r.zh == "甲 2026年1月净额2 650.00 元：销售额 1,000.00 − 报销 300.00 − 手续费 50.00。")
        #expect(r.en == "甲's net2 for 2026-01 is 650.00: sales 1,000.00 − expenses 300.00 − fee 50.00.")
        r = explained(s, "month back \"退回\" = 0 - (if sales > 0 then -(expenses + fee) else 0)", "甲.back[2026-01]")
        #expect(r.zh == "甲 2026年1月退回 350.00 元：报销 300.00 + 手续费 50.00。")
        #expect(r.en == "甲's back for 2026-01 is 350.00: expenses 300.00 + fee 50.00.")
        for line in [r.en, r.zh] { #expect(!line.contains("+ −") && !line.contains("− −")) }
    }

    /// Brackets the arithmetic needs are kept: −(1,000 + 300) = −1,300 (not "−1,000 + 300"); 1,000 ÷ (2 × 50)
    /// = 10 (not "1,000 ÷ 2 × 50" = 25,000); min(1,000 − (300 + 50), 100) = min(650, 100) = 100.
    @Test func bracketsAfterAMinusOrADivisionAreKept() throws {
        let s = try session()
        var r = explained(s, "month m1 \"负合计\" = -(sales + expenses)", "甲.m1[2026-01]")
        #expect(r.zh == "甲 2026年1月负合计 -1,300.00 元：−（销售额 1,000.00 + 报销 300.00）。")
        #expect(r.en == "甲's m1 for 2026-01 is -1,300.00: −(sales 1,000.00 + expenses 300.00).")
        r = explained(s, "month m2 \"单价\" = sales / (2 * fee)", "甲.m2[2026-01]")
        #expect(r.zh == "甲 2026年1月单价 10.00 元：销售额 1,000.00 ÷（2 × 手续费 50.00）。")
        #expect(r.en == "甲's m2 for 2026-01 is 10.00: sales 1,000.00 ÷ (2 × fee 50.00).")
        r = explained(s, "month m3 \"封顶\" = min(sales - (expenses + fee), 100)", "甲.m3[2026-01]")
        #expect(r.zh.contains("销售额 1,000.00 −（报销 300.00 + 手续费 50.00）= 650.00"))
        #expect(r.en.contains("sales 1,000.00 − (expenses 300.00 + fee 50.00) = 650.00"))
    }

    /// A fallback (`ifmissing`) is said as what happened: 甲 has no 社保基数, so 底薪 12,000 is taken; 乙 has
    /// 8,000, which is all there is to say. Nested, as plan parts write it (`ifmissing(a, ifmissing(b, 0))`).
    @Test func aFallbackIsSaidAsWhatWasTaken() throws {
        let s = try Session()
        run(s, "attribute sib \"社保基数\"", "attribute pay_base \"底薪\"", "agent add 甲 pay_base=12000", "agent add 乙 pay_base=12000 sib=8000")
        var r = explained(s, "year declared \"申报基数\" = ifmissing(sib, ifmissing(pay_base, 0))", "甲.declared[2026]")
        #expect(r.zh == "甲 2026年申报基数 12,000.00 元：社保基数 未录入，取 底薪 12,000.00。")
        #expect(r.en == "甲's declared for 2026 is 12,000.00: no sib is entered, so pay base 12,000.00.")
        r = explained(s, "year declared2 \"申报基数2\" = ifmissing(sib, ifmissing(pay_base, 0))", "乙.declared2[2026]")
        #expect(r.zh == "乙 2026年申报基数2 8,000.00 元：社保基数 8,000.00。")
        #expect(r.en == "乙's declared2 for 2026 is 8,000.00: sib 8,000.00.")
        for line in [r.en, r.zh] { #expect(!line.contains("#MISSING")) }
    }

    /// The README's take-home example, as a new user types it: 12,000 a month, housing fund 7%, a special
    /// deduction of 1,000 in January. Year to date: 12,000 − social insurance 1,260 (8% + 2% + 0.5% of
    /// 12,000 = 960 + 240 + 60) − housing fund 840 (7%) − 1,000 = 8,900; the declared base is the base,
    /// 12,000, since no si_base is entered.
    @Test func theTakeHomeExampleExplainsCleanly() throws {
        let s = try Session()
        run(s, "years 2026", "month pay = base", "use takehome", "agent add a base=12000 hf_rate=7%", "a.special_deduction[2026-01] = 1000")
        s.language = .zh
        let ytd = run(s, "explain a.ytd_income_less_deductions[2026-01]")[0]
        #expect(ytd.hasPrefix("a 2026年1月累计收入减扣除 8,900.00 元：工资薪金收入 12,000.00 − 社保个人 1,260.00（养老保险个人 960.00 + 医疗保险个人 240.00 + 失业保险个人 60.00）− 公积金个人 840.00 − 专项附加扣除 1,000.00"))
        let base = run(s, "explain a.declared_base[2026]")[0]
        #expect(base.hasPrefix("a 2026年申报基数 12,000.00 元：社保缴费基数 未录入，取 base 12,000.00"))
        s.language = .en
        #expect(run(s, "explain a.ytd_income_less_deductions[2026-01]")[0].contains("− housing fund 840.00 − special deduction 1,000.00"))
        #expect(run(s, "explain a.declared_base[2026]")[0].hasPrefix("a's declared base for 2026 is 12,000.00: no social insurance base is entered, so base 12,000.00"))
    }
    /// `-e` and `-f` in the order given; a value is never an option (`-e -f` is the command `-f`); `--lang`'s
    /// value is skipped; after `--` nothing is an option; a count that does not match the parser's falls
    /// back to every command first.
    @Test func commandLineStepsFollowTheOrderGiven() {
        typealias S = CommandLineOrder.Step
        #expect(CommandLineOrder.steps(["c.json", "-f", "a.txt", "-e", "save"], commands: 1, scripts: 1) == [S.script(0), .command(0)])
        #expect(CommandLineOrder.steps(["-e", "x", "-f", "a", "-e", "y", "-f", "b"], commands: 2, scripts: 2) == [S.command(0), .script(0), .command(1), .script(1)])
        #expect(CommandLineOrder.steps(["-e", "-f", "-f", "a.txt"], commands: 1, scripts: 1) == [S.command(0), .script(0)])
        #expect(CommandLineOrder.steps(["--lang", "zh", "-f", "a", "-e", "x"], commands: 1, scripts: 1) == [S.script(0), .command(0)])
        #expect(CommandLineOrder.steps(["-f", "a", "--", "-e"], commands: 0, scripts: 1) == [S.script(0)])
        #expect(CommandLineOrder.steps(["-f", "a", "-e=x"], commands: 1, scripts: 1) == [S.command(0), .script(0)])
    }
    /// A plan written from scratch with `use takehome` and no `report columns`: the report and the statement
    /// showed all 24 of the part's figures (累计应纳税所得额(未取零), 全年工资应纳税所得额 …) as columns and
    /// as 30 reference lines. Now the part shows its headline figures only. README's example, worked by hand:
    /// pay 12,000; 社保 8% + 2% + 0.5% of 12,000 = 1,260; 公积金 7% = 840; 个税 3% × (12,000 − 1,260 − 840
    /// − 1,000 − 5,000 = 3,900) = 117; 实发 12,000 − 1,260 − 840 − 117 = 9,783; 雇主成本 12,000 + (16% + 9%
    /// + 0.5% + 0.2% = 25.7%) × 12,000 = 3,084 + 840 = 15,924.
    @Test func aSharedPartShowsItsHeadlineFiguresByDefault() throws {
        let s = try Session()
        run(s, "years 2026", "month pay = base", "use takehome", "agent add a base=12000 hf_rate=7%", "a.special_deduction[2026-01] = 1000")
        var report = run(s, "report 2026-01")
        #expect(report[1].split(separator: " ") == ["agent", "pay", "social_insurance", "housing_fund", "tax", "net_pay", "employer_cost"])
        #expect(report[3].split(separator: " ") == ["a", "12,000.00", "1,260.00", "840.00", "117.00", "9,783.00", "15,924.00"])
        s.language = .zh
        report = run(s, "report 2026-01")
        #expect(report[1].split(separator: " ") == ["员工", "pay", "社保个人", "公积金个人", "个税", "实发工资", "雇主成本"])
        let statement = run(s, "statement a 2026-01")
        let info = statement.firstIndex(of: "参考信息（不计入工资）")
        #expect(info != nil)
        if let info { #expect(statement[(info + 1)...].map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == ["雇主成本 15,924.00"]) }
        // No line of the part's working (累计应纳税所得额 …); the 个税 line may say it read 累计应纳税额.
        #expect(!statement.contains { $0.hasPrefix("  累计") || $0.hasPrefix("  全年") })
        // A working figure is still there to name: in `report columns`, and by explain.
        run(s, "report columns pay, ytd_tax")
        s.language = .en
        #expect(run(s, "report 2026-01")[1].split(separator: " ") == ["agent", "pay", "ytd_tax"])
        #expect(run(s, "explain a.ytd_tax[2026-01]")[0].hasPrefix("a's year-to-date tax for 2026-01 is 117.00"))
    }

    /// `compare` of a one-agent scenario said "all 1 agents have the same figures".
    @Test func compareCountsOneAgentInTheSingular() throws {
        let s = try Session()
        run(s, "month pay = base", "agent add 甲 base=3000 hired=2025-01-01", "fork b")
        #expect(run(s, "compare main b 2026-03").last == "the one agent has the same figures in main and b (compare main b 2026-03 --all lists them)")
        s.language = .zh
        #expect(run(s, "compare main b 2026-03").last == "唯一的 1 名员工在 main 和 b 中的数字相同（compare main b 2026-03 --all 全部列出）")
        s.language = .en
        run(s, "agent add 乙 base=3000 hired=2025-01-01", "agent add 丙 base=3000 hired=2025-01-01", "fork c", "agent set 乙 base=3500", "agent set 丙 base=3500")
        #expect(run(s, "compare b c 2026-03").last == "1 of 3 agents has the same figures in b and c and is not listed (compare b c 2026-03 --all lists it)")
    }
}
