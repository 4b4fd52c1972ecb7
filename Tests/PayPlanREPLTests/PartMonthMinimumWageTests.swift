import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// A month employed in part (hired or leaving mid-month) is held to the minimum wage for the part
/// employed, prorated the way the plan prorates base pay (docs/plans.md, C7.1 and document 4).
@Suite struct PartMonthMinimumWageTests {
    func messages(_ out: Output) -> [String] { out.warnings.map(\.message) }

    /// Monday-to-Friday days from `a` to `b` (both included), counted day by day with Foundation's
    /// Gregorian calendar: the test's own count, not the engine's.
    static func weekdays(_ a: Day, _ b: Day) -> Int {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        var d = cal.date(from: DateComponents(year: a.year, month: a.month, day: a.day))!
        let end = cal.date(from: DateComponents(year: b.year, month: b.month, day: b.day))!
        var n = 0
        while d <= end {
            if ![1, 7].contains(cal.component(.weekday, from: d)) { n += 1 }  // 1 Sunday, 7 Saturday
            d = cal.date(byAdding: .day, value: 1, to: d)!
        }
        return n
    }

    /// Paid days (21.75 a month). 2026-03-16 is a Monday: 12 weekdays from the 16th to the 31st.
    /// 甲 base 3,000 hired 03-16: pay 3,000 × 12 ÷ 21.75 = 1,655.17; the part month's minimum
    /// 2,740 × 12 ÷ 21.75 = 1,511.72 (1,511.724…): not under it (under the whole 2,740 it was flagged).
    /// 乙 base 2,000 hired 03-16: 2,000 × 12 ÷ 21.75 = 1,103.45 < 1,511.72: flagged, saying how; from
    /// April 2,000 < 2,740, the whole month's. 丙 base 3,000 leaving 03-13 (a Friday): 10 weekdays,
    /// 3,000 × 10 ÷ 21.75 = 1,379.31 ≥ 2,740 × 10 ÷ 21.75 = 1,259.77: not flagged.
    @Test func paidDays() throws {
        #expect(Self.weekdays(Day(year: 2026, month: 3, day: 16)!, Day(year: 2026, month: 3, day: 31)!) == 12)
        #expect(Self.weekdays(Day(year: 2026, month: 3, day: 1)!, Day(year: 2026, month: 3, day: 13)!) == 10)
        let s = try Session()
        run(s, "param minimum_wage = 2740", "param proration \"底薪折算\" = \"paid_days\"", "attribute base default 3000",
            "month pay = round(prorate(base, proration))",
            "agent add 甲 hired=2026-03-16", "agent add 乙 hired=2026-03-16 base=2000", "agent add 丙 left=2026-03-13")
        #expect(query(s, "甲.pay[2026-03]") == "1,655.17")
        #expect(query(s, "乙.pay[2026-03]") == "1,103.45")
        #expect(query(s, "丙.pay[2026-03]") == "1,379.31")
        let out = s.execute("check")
        let under = messages(out).filter { $0.contains("minimum wage") }
        #expect(under == ["in 'pay': 乙.pay[2026-03] = 1,103.45 is under the minimum wage (for the part of the month employed 1,511.72 = minimum_wage 2,740.00 × 12 paid days ÷ 21.75) (and 9 more months under it): a month worked must pay at least the local minimum wage"])
        // The statement of the part month says the same, in both languages.
        #expect(run(s, "statement 乙 2026-03").contains("warning: pay for 2026-03 (1,103.45) is under the minimum wage (for the part of the month employed 1,511.72 = minimum_wage 2,740.00 × 12 paid days ÷ 21.75)"))
        #expect(run(s, "statement 乙 2026-04").contains("warning: pay for 2026-04 (2,000.00) is under the minimum wage (2,000.00 < 2,740.00)") == false)
        #expect(run(s, "statement 乙 2026-04").contains("warning: pay for 2026-04 (2,000.00) is under the minimum wage (2,740.00)"))
        s.language = .zh
        #expect(run(s, "statement 乙 2026-03").contains("注意：2026-03 的应发工资（1,103.45）低于最低工资（在职部分 1,511.72 = minimum_wage 2,740.00 × 在职计薪日 12 天 ÷ 21.75）"))
        #expect(run(s, "statement 甲 2026-03").allSatisfy { !$0.contains("最低工资") })
    }

    /// Calendar days. 乙 base 2,000 hired 03-16: 16 of 31 days, pay 2,000 × 16 ÷ 31 = 1,032.26; the
    /// minimum 2,740 × 16 ÷ 31 = 1,414.19 (1,414.193…): flagged. 甲 base 3,000: 1,548.39 ≥ 1,414.19.
    /// 丙 leaving 03-13: 3,000 × 13 ÷ 31 = 1,258.06 ≥ 2,740 × 13 ÷ 31 = 1,149.03. A plan with no
    /// `proration` switch is prorated by paid days: 丁's pay is written by hand, 1,000 < 1,511.72 in March,
    /// 3,000 in April, and the default 0 from May to December: 8 more months under 2,740.
    @Test func calendarDaysAndNoSwitch() throws {
        let s = try Session()
        run(s, "param minimum_wage = 2740", "param proration = \"calendar_days\"", "attribute base default 3000",
            "month pay = round(prorate(base, proration))",
            "agent add 甲 hired=2026-03-16", "agent add 乙 hired=2026-03-16 base=2000", "agent add 丙 left=2026-03-13")
        #expect(query(s, "乙.pay[2026-03]") == "1,032.26")
        let under = messages(s.execute("check")).filter { $0.contains("minimum wage") }
        #expect(under == ["in 'pay': 乙.pay[2026-03] = 1,032.26 is under the minimum wage (for the part of the month employed 1,414.19 = minimum_wage 2,740.00 × 16 of 31 calendar days) (and 9 more months under it): a month worked must pay at least the local minimum wage"])
        let t = try Session()
        run(t, "param minimum_wage = 2740", "input month pay default 0", "agent add 丁 hired=2026-03-16", "丁.pay[2026-03] = 1000", "丁.pay[2026-04] = 3000")
        #expect(messages(t.execute("check")).filter { $0.contains("minimum wage") } == ["in 'pay': 丁.pay[2026-03] = 1,000.00 is under the minimum wage (for the part of the month employed 1,511.72 = minimum_wage 2,740.00 × 12 paid days ÷ 21.75) (and 8 more months under it): a month worked must pay at least the local minimum wage"])
    }

    /// Plan C's own flag (低于最低工资, read by `check` in place of comparing) agrees with an independent
    /// reckoning in every month of every agent, with 赵强 hired on 2026-04-16 and 王芳 leaving on
    /// 2026-10-20: pay below 2,740 × paid days employed ÷ 21.75 (at most the whole), to the fen.
    @Test func planCsFlagProratesToo() throws {
        let s = try Session(path: electronics)
        run(s, "agent set 赵强 hired=2026-04-16", "agent set 王芳 left=2026-10-20")
        let e = s.engine
        var partMonths = 0
        for agent in s.workspace.agents {
            for m in 1...12 {
                let p = Period(text: String(format: "2026-%02d", m))!
                let first = p.firstDay, last = p.lastDay
                let from = max(first.ordinal, agent.hired?.ordinal ?? first.ordinal), to = min(last.ordinal, agent.left?.ordinal ?? last.ordinal)
                guard from <= to, case .number(let pay)? = e.figure(rule: "pay", agent: agent.name, period: p) else { continue }
                let whole = from == first.ordinal && to == last.ordinal
                let days = Decimal(Self.weekdays(Day(ordinal: from), Day(ordinal: to)))
                var floor = whole || days >= Decimal(string: "21.75")! ? Decimal(2740) : Decimal(2740) * days / Decimal(string: "21.75")!
                var rounded = Decimal()
                NSDecimalRound(&rounded, &floor, 2, .plain)
                if !whole { partMonths += 1 }
                let below = Decimal(string: pay.format(minimumFractionDigits: 2, grouping: false))! < rounded
                #expect(e.figure(rule: "below_minimum_wage", agent: agent.name, period: p) == .bool(below), "\(agent.name) \(p)")
            }
        }
        #expect(partMonths == 2)
    }
}
