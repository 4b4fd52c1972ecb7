import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Messages, help and reports in Chinese (`set lang zh`), and the locale default.
@Suite struct ChineseTests {
    @Test func localeChoosesTheLanguage() {
        #expect(DisplayLanguage.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(DisplayLanguage.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(DisplayLanguage.fromEnvironment(["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(DisplayLanguage.fromEnvironment([:]) == .en)
    }

    @Test func editsErrorsAndReportsInChinese() throws {
        let s = try Session(path: electronics)
        #expect(run(s, "set lang zh") == ["已切换为中文"])
        #expect(run(s, "李雷.sales[2026-03] = 15万") == ["李雷.pay[2026-03]: 5,573.00 → 6,473.00"])
        #expect(run(s, "month x2 = sales") == ["已定义 x2"])
        #expect(run(s, "undo").first == "已撤销：定义 x2")
        let bad = s.execute("month y2 = revnue")
        #expect(bad.errors.first?.message == "在 'y2' 中：未知名称 'revnue'（是否想写 'revenue'？）")
        let cycle = s.execute("month monthly_bonus = pay * 1%")
        #expect(cycle.errors.first?.message == "循环引用：monthly_bonus → pay → pay_before_damage → monthly_bonus；未做任何更改")
        // Report headers are the plan's labels; the rows and total are the same figures.
        let report = run(s, "report 2026-03")
        #expect(report[1].hasPrefix("员工"))
        #expect(report[1].contains("应发工资") && report[1].contains("提成"))
        #expect(report.last!.hasPrefix("合计"))
        #expect(run(s, "help tables").first == "表按门槛列出各档。[lo, hi)（默认）表示含下限、不含上限；(lo, hi] 表示含上限（以内）。例如：")
        run(s, "set lang en")
        #expect(run(s, "month x3 = sales") == ["defined x3"])
    }

    @Test func statementInChinese() throws {
        let s = try Session(path: electronics)
        run(s, "set lang zh")
        let lines = run(s, "statement 李雷 2026-03")
        #expect(lines[0] == "工资条 — 李雷（工号 S01）· 2026年3月 · electronics-sales")
        #expect(lines[1].hasPrefix("项目"))
        #expect(statementRow(lines, "销售额") == ["120,000.00", "已录入"])
        #expect(statementRow(lines, "应发工资").first == "5,573.00")
    }

    @Test func explainInChinese() throws {
        let s = try Session(path: electronics)
        run(s, "set lang zh", "agent add 测试 base=3000 hired=2020-01-01", "测试.sales[2026-03] = 12万")
        let lines = run(s, "explain 测试.tier_commission[2026-03] --depth 0 --rules")
        #expect(lines[0] == "测试.tier_commission[2026-03] = 2,600.00  阶梯提成")
        #expect(lines[1].hasPrefix("  规则：month tier_commission"))
        #expect(lines.contains("  · commission_tiers：120,000.00 落在档位 [100,000.00, 200,000.00) → 2,600.00 (2% * 10万 + 3% * (x - 10万), x = 120,000.00)"))
    }
}
