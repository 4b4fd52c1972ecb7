import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Fresh-user finding M2 (issue 13): the README's take-home example (`use takehome`, no `payslip`
/// lines) printed on a month's 工资条 every year figure as 0.00, English identifiers under zh
/// (`year_taxable_without_bonus`), the text `separate` as 0.00 and the count 本年任职月数 as money.
/// Now a year figure shows the year's value, marked as the year's; every figure of the part has a
/// Chinese label; texts read as words and counts as whole numbers.
@Suite struct TakeHomeMonthStatementTests {
    func session() throws -> Session {
        let s = try Session()
        run(s, "years 2026", "month pay = base", "use takehome", "agent add a base=12000 hf_rate=7%")
        return s
    }

    /// Base 12,000 lies inside 7,460–37,302 (社保) and 2,740–37,302 (公积金): every base is 12,000.00.
    /// A year: 12 × 12,000 = 144,000 gross; 12 × (960 + 240 + 60 + 840) = 25,200 contributions;
    /// 12 × 5,000 = 60,000 deducted: taxable 58,800.00; tax 58,800 × 10% − 2,520 = 3,360.00 either way,
    /// so separate (单独计税) is the cheaper (≤).
    ///
    /// The part's working figures are on a statement when the plan names them (`payslip info`): by default
    /// a statement shows only the part's headline figures (fresh user, session 11).
    @Test func yearFiguresOnAMonthStatementAreTheYearsMarkedSo() throws {
        let s = try session()
        run(s, "payslip info declared_base, contribution_base, hf_base, pension, months_employed, year_taxable_without_bonus, "
               + "year_taxable_with_bonus, year_wage_taxable, year_tax_combined, year_tax_separate, bonus_taxation_saving, cheaper_bonus_taxation")
        run(s, "set lang zh")
        let out = run(s, "statement a 2026-01")
        for (label, amount) in [("申报基数", "12,000.00"), ("社保缴费基数(核定)", "12,000.00"), ("公积金缴费基数", "12,000.00"),
                                ("全年工资应纳税所得额(不含年终奖)", "58,800.00"), ("全年应纳税所得额(含年终奖)", "58,800.00"),
                                ("全年工资应纳税所得额(不低于0)", "58,800.00"), ("合并计税全年税额", "3,360.00"),
                                ("单独计税全年税额", "3,360.00"), ("年终奖计税节省", "0.00"), ("更省的年终奖计税方式", "单独计税")] {
            let cells = statementRow(out, label)
            #expect(cells.first == amount, "\(label): \(cells)")
            #expect(cells.last?.hasPrefix("2026年的数字，不是本期的") == true, "\(label): \(cells)")
        }
        // Month figures are the month's, unmarked: 12,000 × 8% = 960.00; January is the first month employed.
        #expect(statementRow(out, "养老保险个人") == ["960.00", "社保缴费基数(核定) 12,000.00 × 养老保险个人比例 8%"])
        #expect(statementRow(out, "本年任职月数").first == "1")
        #expect(statementRow(run(s, "statement a 2026"), "本年任职月数").first == "12")
        // No figure of the part is shown under an identifier, nor a text as money.
        let text = out.joined(separator: "\n")
        for word in ["year_taxable", "year_wage", "ytd_taxable_raw", "separate", "combined"] { #expect(!text.contains(word), "\(word)") }
        run(s, "set lang en")
        let en = run(s, "statement a 2026-01")
        #expect(en.contains { $0.contains("year taxable without bonus") && $0.contains("58,800.00") && $0.contains("the figure for 2026, not this period's") })
        #expect(en.contains { $0.contains("cheaper bonus taxation") && $0.contains("separate") })
    }

    /// The whole kind: every figure, parameter, attribute, input and table the take-home part defines
    /// carries a label, since it is shown on statements and in explanations under zh.
    @Test func everyDefinitionOfTheTakeHomePartHasALabel() throws {
        let s = try session()
        let names = PlanPart.takehome.definitions(gross: nil).map(\.name)
        #expect(names.count > 50)
        for n in names {
            let label = s.workspace.plan.definition(named: n)?.statement.label
            #expect(label != nil && label?.isEmpty == false, "\(n) has no label")
        }
    }

    /// A running count (`prev(itself) + 1`) reads as a count: 本年任职月数 1 in January, 12 in December.
    @Test func aRunningCountIsACount() throws {
        let s = try session()
        let e = s.engine
        guard let r = e.plan.ruleIndex["months_employed"] else { Issue.record("no months_employed"); return }
        #expect(e.plan.countsThings(rule: r))
        // Money figures of the part are not counts.
        for n in ["pension", "tax", "ytd_tax", "year_end_bonus"] { #expect(!e.plan.countsThings(rule: e.plan.ruleIndex[n]!), "\(n)") }
    }
}
