import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// `check` lists every pay figure that is an error value — each agent and period, the error in words
/// and the figure it came from by its label — and a statement names an error's origin by label too.
@Suite struct PayErrorListingTests {
    /// 日薪 = 底薪 ÷ 出勤天数: 甲 0 days in March and July, 乙 0 days in May → #DIV/0! in those three months;
    /// 丙's base 20,000 makes the pay itself divide by base − base = 0 (#DIV/0! at the pay figure) in all
    /// 12 months. 3 + 12 = 15 pay figures, every one listed (the limit is 20), agents in order, then months.
    func session() throws -> Session {
        let s = try Session()
        run(s, "attribute base \"底薪\" default 3000", "input month days \"出勤天数\" default 22",
            "month daily \"日薪\" = base / days",
            "month pay \"应发工资\" = if base > 10000 then base / (base - base) else round(daily * 22)",
            "agent add 甲", "agent add 乙", "agent add 丙 base=20000",
            "甲.days[2026-03] = 0", "甲.days[2026-07] = 0", "乙.days[2026-05] = 0")
        return s
    }

    func payErrors(_ out: Output, _ lang: DisplayLanguage) -> [String] {
        out.warnings.filter { $0.warningKind == .payError }.map { $0.render(language: lang).first ?? "" }
    }

    @Test func everyErrorIsListedWithItsOriginByLabel() throws {
        let s = try session()
        let out = s.execute("check")
        let en = payErrors(out, .en)
        #expect(en.count == 15)
        #expect(en[0] == "warning: in 'pay': 甲's pay (应发工资) for 2026-03 cannot be computed (#DIV/0! division by zero: 3,000.00 / 0), from 甲's daily (日薪) for 2026-03; nothing can be paid from an error: correct the value that caused it, or undo")
        #expect(en[1].hasPrefix("warning: in 'pay': 甲's pay (应发工资) for 2026-07 cannot be computed (#DIV/0! "))
        #expect(en[2].hasPrefix("warning: in 'pay': 乙's pay (应发工资) for 2026-05 cannot be computed (#DIV/0! "))
        // An error at the pay figure itself: no "from".
        #expect(en[3] == "warning: in 'pay': 丙's pay (应发工资) for 2026-01 cannot be computed (#DIV/0! division by zero: 20,000.00 / 0); nothing can be paid from an error: correct the value that caused it, or undo")
        #expect(en[14].hasPrefix("warning: in 'pay': 丙's pay (应发工资) for 2026-12 "))
        let zh = payErrors(out, .zh)
        #expect(zh[0] == "警告：在 'pay' 中：甲 2026年3月的应发工资无法计算（#DIV/0! 除以零：除数为零：3,000.00 / 0），源自甲 2026年3月的日薪；错误值无法发放：请改正造成它的数值，或 undo")
        for line in en + zh { #expect(!line.contains(".pay[") && !line.contains(".daily[")) }
    }

    /// More than 20: the first 20 listed, the rest counted on the last. 丙 and a fourth agent 丁 (base
    /// 30,000) divide by zero in all 12 months: 3 + 24 = 27, so 7 more.
    @Test func beyondTheLimitTheRestAreCounted() throws {
        let s = try session()
        run(s, "agent add 丁 base=30000")
        let en = payErrors(s.execute("check"), .en)
        #expect(en.count == 20)
        #expect(en[19].contains("(7 more pay figures are errors too)"))
        #expect(en.dropLast().allSatisfy { !$0.contains("more pay figure") })
    }

    /// After an edit, one warning says the first new error and counts the others (not a list).
    @Test func anEditSaysOneWarning() throws {
        let s = try session()
        let out = s.execute("乙.days[2026-06] = 0")
        #expect(payErrors(out, .en) == ["warning: in 'pay': 乙's pay (应发工资) for 2026-06 cannot be computed (#DIV/0! division by zero: 3,000.00 / 0), from 乙's daily (日薪) for 2026-06; nothing can be paid from an error: correct the value that caused it, or undo"])
    }

    /// The statement names where an error started by its label: 甲's March 日薪工资 = round(日薪 × 22)
    /// is #DIV/0!, which started in 日薪 = 3,000 ÷ 0.
    @Test func aStatementNamesTheOriginByLabel() throws {
        let s = try Session()
        run(s, "attribute base \"底薪\" default 3000", "attribute allowance \"补贴\" default 100", "input month days \"出勤天数\" default 22",
            "month daily \"日薪\" = base / days", "month wage \"日薪工资\" = round(daily * 22)", "month pay \"应发工资\" = wage + allowance",
            "agent add 甲", "甲.days[2026-03] = 0")
        let en = run(s, "statement 甲 2026-03")
        #expect(en.contains("warning: 甲's wage for 2026-03 cannot be computed (#DIV/0! division by zero: 3,000.00 / 0, from 甲's daily (日薪) for 2026-03); the statement's totals cannot be added up and it cannot be paid until this is corrected"))
        s.language = .zh
        let zh = run(s, "statement 甲 2026-03")
        #expect(zh.contains("注意：甲 2026-03 的日薪工资无法计算（#DIV/0! 除以零：除数为零：3,000.00 / 0，源自甲 2026年3月的日薪）；改正之前工资条的合计无法得出，不能发放"))
        // explain says the same origin in words.
        #expect(run(s, "explain 甲.wage[2026-03]")[0] == "甲 2026年3月日薪工资 #DIV/0!：无法计算（#DIV/0!）：除数为零：3,000.00 / 0，源自甲 2026年3月的日薪。")
        for line in en + zh { #expect(!line.contains(".daily[")) }
    }
}
