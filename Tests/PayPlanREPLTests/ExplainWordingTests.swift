import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// Plain explain says why a yes/no figure is no, rounds a contribution as a payroll clerk writes
/// it, and sweep/solve/cliffs name figures and tables by the plan's labels under zh (issue 13).
@Suite struct ExplainWordingTests {
    /// Plan C (C1): 李雷 hired 2023-03-01, so March 2026 is his 37th month (3 × 12 + 1);
    /// probation = tenure ≥ 1 and tenure ≤ 3: the first part holds, the second fails, and only
    /// the failing part is said, as what is the case: 37 is above 3 (not "≤ … 不成立").
    @Test func aNoFlagSaysWhichPartFailed() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        let zh = s.execute("explain 李雷.probation[2026-03]").lines.joined(separator: "\n")
        #expect(zh.contains("试用期 否：入职月数 37 超过 试用期月数 3。"), "\(zh)")
        #expect(!zh.contains("不成立") && !zh.contains("≤"), "\(zh)")
        #expect(!zh.contains("37 ≥ 1"), "\(zh)")
        s.language = .en
        let en = s.execute("explain 李雷.probation[2026-03]").lines.joined(separator: "\n")
        #expect(en.contains("probation for 2026-03 is no: months employed 37 is above probation months 3."), "\(en)")
        // Both sides of an `or` fail: sales 120,000 is not above 30万 and expenses 900 not above 5,000.
        s.language = .zh
        #expect(!s.execute("month big_month \"大单月\" = sales > 30万 or expenses > 5000").failed)
        let or = s.execute("explain 李雷.big_month[2026-03]").lines.joined(separator: "\n")
        #expect(or.contains("大单月 否：销售额 120,000.00 不超过 30万；报销费用 900.00 不超过 5,000。"), "\(or)")
        // The statement's 说明 column says the same.
        let slip = s.execute("statement 李雷 2026-03").lines
        #expect(slip.contains { $0.contains("试用期") && $0.contains("否") && $0.contains("入职月数 37 超过 试用期月数 3") }, "\(slip)")
    }

    /// The take-home part's housing fund (公积金): round(hf_base × hf_rate / 0.01, 0) × 0.01. With
    /// base 3,333.33: 3,333.33 × 5% = 166.6665, to the fen (half away from zero) 166.67. The line
    /// reads base × rate and the rounding once, the rate as 5% and the unit in yuan.
    @Test func theHousingFundReadsAsAClerkWritesIt() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        #expect(!s.execute("use takehome").failed)
        #expect(!s.execute("agent set 李雷 base=3333.33").failed)
        let zh = s.execute("explain 李雷.housing_fund[2026-03]").lines.joined(separator: "\n")
        #expect(zh.contains("公积金个人 166.67 元：公积金缴费基数 3,333.33 × 公积金比例 5%，按 0.01 元四舍五入（166.6665 → 166.67）"), "\(zh)")
        #expect(!zh.contains("缴费舍入单位"), "\(zh)")
        s.language = .en
        let en = s.execute("explain 李雷.housing_fund[2026-03]").lines.joined(separator: "\n")
        #expect(en.contains("housing fund base 3,333.33 × housing fund rate 5%, rounded to the nearest 0.01 yuan (166.6665 → 166.67)"), "\(en)")
    }

    /// Plan C, 李雷 in March: the cliff at sales 40,900 (R = 40,000, C2/C3.1) is named by labels
    /// under zh — 销售额, 应发工资, 提成阶梯 — and by rule names under en.
    @Test func cliffsNameFiguresByLabelUnderZh() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        let zh = s.execute("cliffs pay over sales from 0 to 12万 for 李雷 in 2026-03").lines
        #expect(zh.contains { $0.hasPrefix("  销售额 40,899.99 → 40,900.00：应发工资 3,600.00 → 3,000.00") && $0.contains("提成阶梯") }, "\(zh)")
        #expect(!zh.contains { $0.contains("commission_tiers") || $0.contains(" pay ") }, "\(zh)")
        s.language = .en
        let en = s.execute("cliffs pay over sales from 0 to 12万 for 李雷 in 2026-03").lines
        #expect(en.contains { $0.contains("commission_tiers") }, "\(en)")
    }
}
