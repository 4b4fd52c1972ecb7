import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Issue 12, item 4: base pay for a month joined or left in the middle is prorated (document 4 of the
/// seed, rules.md: "by calendar days, or the statutory 21.75 pay days a month"), a switch in each plan
/// (`param proration`). Every figure is worked out by hand below.
///
/// Weekday counts, by hand from a 2026 calendar (2026-03-01 is a Sunday, 2026-06-01 a Monday,
/// 2026-04-01 a Wednesday):
/// - join 2026-03-16 (a Monday): Mon 16–Fri 20 = 5, Mon 23–Fri 27 = 5, Mon 30, Tue 31 = 2 → 12 weekdays;
///   16 calendar days (16–31) of 31.
/// - leave 2026-06-15 (a Monday, the last day worked): Mon 1–Fri 5 = 5, Mon 8–Fri 12 = 5, Mon 15 = 1
///   → 11 weekdays; 15 calendar days of 30.
/// - join 2026-03-02 (a Monday): 2–6, 9–13, 16–20, 23–27 = 20, Mon 30, Tue 31 = 2 → 22 weekdays; 30 of 31 days.
/// - join 2026-04-16 (a Thursday): Thu 16, Fri 17 = 2, Mon 20–Fri 24 = 5, Mon 27–Thu 30 = 4 → 11 weekdays;
///   15 of 30 days.
/// None of the shipped scenarios lists a work calendar (`calendar holiday …`); paid days are counted
/// Monday to Friday whatever the calendar says (`calendarDoesNotChangePaidDays`), because the 21.75
/// divisor itself is (365 − 104 weekend days) ÷ 12, statutory holidays included as paid days.
@Suite struct PartialMonthTests {
    /// The issue's worked figures through plan C as shipped (`proration = "paid_days"`), then switched.
    @Test func planCJoinAndLeaveFiguresOfTheIssue() throws {
        let s = try Session(path: electronics)
        #expect(query(s, "proration") == "paid_days")
        run(s, "agent add 新人 id=S09 base=3000 hired=2026-03-16",
            "agent add 离职 id=S08 base=3000 hired=2024-01-01 left=2026-06-15")
        // Paid days: 3,000 × 12 / 21.75 = 1,655.1724… → 1,655.17; 3,000 × 11 / 21.75 = 1,517.2413… → 1,517.24.
        #expect(query(s, "新人.base_pay[2026-03]") == "1,655.17")
        #expect(query(s, "离职.base_pay[2026-06]") == "1,517.24")
        // Whole months around them: nothing before the hire month or after the leaving month, B in between.
        #expect(query(s, "新人.base_pay[2026-02]") == "0.00")
        #expect(query(s, "新人.base_pay[2026-04]") == "3,000.00")
        #expect(query(s, "离职.base_pay[2026-05]") == "3,000.00")
        #expect(query(s, "离职.base_pay[2026-07]") == "0.00")
        run(s, "param proration = \"calendar_days\"")
        // Calendar days: 3,000 × 16 / 31 = 1,548.387… → 1,548.39; 3,000 × 15 / 30 = 1,500.00.
        #expect(query(s, "新人.base_pay[2026-03]") == "1,548.39")
        #expect(query(s, "离职.base_pay[2026-06]") == "1,500.00")
        #expect(query(s, "新人.base_pay[2026-04]") == "3,000.00")
    }

    /// C1 and C3 deduct a share of 当月底薪 (the month's base): in a partial month, of the prorated base.
    /// Commission (C3) and the monthly bonus (C3.2) are not prorated: they are earned on R, by the same tiers.
    @Test func planCDeductionIsOfTheProratedBaseAndCommissionIsWhole() throws {
        let s = try Session(path: electronics)
        run(s, "agent add 新人 id=S09 base=3000 hired=2026-03-16")
        // C1: a probation month (tenure 1) with no sales at all: 40% × 1,655.17 = 662.068 → 662.07;
        // C9 pay = 1,655.17 − 662.07 = 993.10.
        #expect(query(s, "新人.deduction[2026-03]") == "662.07")
        #expect(query(s, "新人.pay[2026-03]") == "993.10")
        // C3: R = 15,000 → 20% × 1,655.17 = 331.034 → 331.03 deducted; commission 1% × 15,000 = 150.00, whole;
        // pay = 1,655.17 − 331.03 + 150.00 = 1,474.14.
        run(s, "新人.sales[2026-03] = 15000")
        #expect(query(s, "新人.deduction[2026-03]") == "331.03")
        #expect(query(s, "新人.commission[2026-03]") == "150.00")
        #expect(query(s, "新人.pay[2026-03]") == "1,474.14")
        // By calendar days: base 1,548.39, 20% = 309.678 → 309.68, pay = 1,548.39 − 309.68 + 150.00 = 1,388.71.
        run(s, "param proration = \"calendar_days\"")
        #expect(query(s, "新人.deduction[2026-03]") == "309.68")
        #expect(query(s, "新人.pay[2026-03]") == "1,388.71")
    }

    /// C8.1: the half-year bonus is paid whole in June to a person employed in June, even for half of it;
    /// C8.2: a person gone before December gets no annual bonus (it is paid in December).
    @Test func planCBonusesInALeavingMonth() throws {
        let s = try Session(path: electronics)
        run(s, "agent add 离职 id=S08 base=3000 hired=2024-01-01 left=2026-06-15")
        for m in 1...6 { run(s, "离职.sales[2026-0\(m)] = 12万") }
        // R = 120,000 each month: commission 2% × 10万 + 3% × 20,000 = 2,600.00 (C3), no monthly bonus (< 15万),
        // H1 average 120,000 ≥ 100,000 → half_bonus 1,500 (C8.1), paid in June.
        #expect(query(s, "离职.commission[2026-06]") == "2,600.00")
        #expect(query(s, "离职.half_bonus[2026-H1]") == "1,500.00")
        // June pay = 1,517.24 + 2,600.00 + 1,500.00 = 5,617.24.
        #expect(query(s, "离职.pay[2026-06]") == "5,617.24")
        #expect(query(s, "离职.pay[2026-07]") == "0.00")
        #expect(query(s, "离职.pay[2026-12]") == "0.00")
    }

    /// Paid days are at most the whole base: 22 weekdays of March ≥ 21.75 pays 3,000.00, not 3,034.48.
    /// Plan A (customer service, shifts on every day) prorates by calendar days: 3,000 × 30 / 31 = 2,903.2258… → 2,903.23.
    @Test func planAProratesByCalendarDaysAndPaidDaysAreCapped() throws {
        let s = try Session(path: onlineShop)
        #expect(query(s, "大伟.base_pay[2026-03]") == "2,903.23")
        #expect(query(s, "大伟.base_pay[2026-04]") == "3,000.00")
        #expect(query(s, "小美.base_pay[2026-03]") == "3,000.00")
        run(s, "param proration = \"paid_days\"")
        #expect(query(s, "大伟.base_pay[2026-03]") == "3,000.00")
    }

    /// Plan B (paid days) prorates its B1 base, chosen by the month's whole website sales:
    /// no website sales → 800; 800 × 11 / 21.75 = 404.597… → 404.60; by calendar days 800 × 15 / 30 = 400.00.
    @Test func planBProratesItsTierBase() throws {
        let s = try Session(path: webAgency)
        run(s, "agent add 戊 id=B05 role=sales hired=2026-04-16")
        #expect(query(s, "戊.base_pay[2026-04]") == "404.60")
        #expect(query(s, "戊.base_pay[2026-05]") == "800.00")
        run(s, "param proration = \"calendar_days\"")
        #expect(query(s, "戊.base_pay[2026-04]") == "400.00")
    }

    /// A holiday or a worked weekend day in the scenario's calendar does not change the paid days counted.
    @Test func calendarDoesNotChangePaidDays() throws {
        let s = try Session(path: electronics)
        run(s, "agent add 新人 id=S09 base=3000 hired=2026-03-16",
            "calendar holiday 2026-03-16..2026-03-20", "calendar workday 2026-03-21",
            "month counted_days = paid_days_employed", "month calendar_days_employed = days_employed")
        #expect(query(s, "新人.counted_days[2026-03]") == "12.00")
        #expect(query(s, "新人.calendar_days_employed[2026-03]") == "16.00")
        #expect(query(s, "新人.base_pay[2026-03]") == "1,655.17")
    }

    /// `explain` shows the fraction, in English and Chinese.
    @Test func explainShowsTheDays() throws {
        let s = try Session(path: electronics)
        run(s, "agent add 新人 id=S09 base=3000 hired=2026-03-16")
        let en = s.execute("explain 新人.base_pay[2026-03]").text
        #expect(en.contains("× 12 paid days employed (Monday–Friday) ÷ 21.75"), "\(en)")
        s.language = .zh
        let zh = s.execute("explain 新人.base_pay[2026-03]").text
        #expect(zh.contains("在职计薪日 12 天（周一至周五）÷ 21.75（按计薪日折算）"), "\(zh)")
        run(s, "param proration = \"calendar_days\"")
        #expect(s.execute("explain 新人.base_pay[2026-03]").text.contains("底薪 3,000.00 × 在职 16/31 天（按日历日折算）= 1,548.39（四舍五入到分）"))
    }

    /// Quarters and longer: the days of the whole period, paid days over 21.75 × months.
    @Test func longerPeriods() throws {
        let s = try Session()
        run(s, "quarter qc = round(prorate(3000, \"calendar_days\"))", "quarter qp = round(prorate(3000, \"paid_days\"))",
            "agent add 甲 hired=2026-03-16")
        // 2026-Q1 has 31 + 28 + 31 = 90 days, 16 employed: 3,000 × 16 / 90 = 533.33…; 12 weekdays / 65.25 → 551.724… → 551.72.
        #expect(query(s, "甲.qc[2026-Q1]") == "533.33")
        #expect(query(s, "甲.qp[2026-Q1]") == "551.72")
        #expect(query(s, "甲.qc[2026-Q2]") == "3,000.00")
    }

    // MARK: Bad input

    @Test func anUnknownWayToProrateIsRefusedWithACaret() throws {
        let s = try Session()
        expectRefused(s, "month bp = prorate(base, \"days\")",
                      "in 'bp': prorate: \"days\" is not a way to prorate; write \"calendar_days\" or \"paid_days\"",
                      sourceLine: "  month bp = prorate(base, \"days\")")
        let out = s.execute("month bp = prorate(base, \"days\")")
        #expect(out.errors.first?.render().dropFirst(2).first == "                           ^~~~~~")
        expectRefused(s, "month bp = prorate(base)", "prorate takes an amount and how to prorate it")
        expectRefused(s, "param p = prorate(3000, \"paid_days\")", "use it in a month (or quarter, half, year) rule per agent")
        expectRefused(s, "team month t = prorate(3000, \"paid_days\")", "use it in a month (or quarter, half, year) rule per agent")
    }

    /// A switch set to a word that is not a way gives an error value naming the two ways, not a quiet full base.
    @Test func aMistypedSwitchIsAnErrorValue() throws {
        let s = try Session(path: electronics)
        run(s, "param proration = \"weekdays\"")
        let out = s.execute("李雷.base_pay[2026-03]")
        #expect(out.lines.first == "李雷.base_pay[2026-03] = #TYPE")
        #expect(out.text.contains("prorate: \"weekdays\" is not a way to prorate; write \"calendar_days\" or \"paid_days\""))
        run(s, "param proration = 3")
        #expect(s.execute("李雷.base_pay[2026-03]").text.contains("prorate: 3.00 is not a way to prorate"))
    }

    /// A hire date after the scenario's years, or a leaving date before them, is most likely a mistyped year:
    /// the agent would never be employed in the scenario. Refused by agent add/set, by years, and by load.
    @Test func employmentOutsideTheScenarioYearsIsRefused() throws {
        let s = try Session()
        run(s, "month pay = prorate(base, \"calendar_days\")")
        expectRefused(s, "agent add 甲 base=3000 hired=2062-03-16",
                      "hired=2062-03-16 is after this scenario's years (2026): 甲 would never be employed in it; correct the date or widen the years (years 2026-2062); nothing was changed")
        expectRefused(s, "agent add 乙 base=3000 hired=2020-01-01 left=2025-12-31",
                      "left=2025-12-31 is before this scenario's years (2026): 乙 would never be employed in it")
        run(s, "agent add 丙 base=3000 hired=2026-12-31", "agent add 丁 base=3000 hired=2020-01-01 left=2026-01-01")
        expectRefused(s, "agent set 丙 hired=2027-01-01", "hired=2027-01-01 is after this scenario's years (2026)")
        run(s, "years 2026-2027", "agent set 丙 hired=2027-01-04")
        expectRefused(s, "years 2026", "years 2026: hired=2027-01-04 is after this scenario's years (2026): 丙 would never be employed in it")
        expectRefused(s, "years 2027", "years 2027: left=2026-01-01 is before this scenario's years (2027): 丁 would never be employed in it")
        s.language = .zh
        expectRefused(s, "agent add 甲 base=3000 hired=2062-03-16",
                      "入职日 hired=2062-03-16 晚于本方案的年份（2026–2027）：甲 在方案中从未在职；请更正日期或扩大年份（years 2026-2062）；未做任何更改")
    }

    /// A file with such an agent is refused by load with the field named, and the workspace stays as it was.
    @Test func loadRefusesAHireDateAfterTheYears() throws {
        let text = try String(contentsOfFile: electronics, encoding: .utf8)
            .replacingOccurrences(of: "\"hired\" : \"2026-04-01\"", with: "\"hired\" : \"2062-04-01\"")
        #expect(text.contains("\"hired\" : \"2062-04-01\""))
        let path = try tempFile(Data(text.utf8), "bad-hire.json")
        let s = try Session(path: webAgency)
        expectRefused(s, "load \(path)", "agents[3].hired: 2062-04-01 is after the scenario's years (2026); 赵强 would never be employed in it")
    }

    /// `Agent.employment(in:)` against a day-by-day count with Foundation's Gregorian calendar, for hire and
    /// leave dates spread over 2026–2027 and every month, quarter, half and year.
    @Test func employmentMatchesADayByDayCount() throws {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        func date(_ d: Day) -> Date { cal.date(from: DateComponents(year: d.year, month: d.month, day: d.day))! }
        var rng = SplitMix64(seed: 12)
        let first = Day(year: 2025, month: 12, day: 1)!.ordinal
        for _ in 0..<60 {
            let h = Day(ordinal: first + Int(rng.next() % 800))
            let l: Day? = rng.next() % 3 == 0 ? nil : Day(ordinal: h.ordinal + Int(rng.next() % 400))
            let agent = Agent(name: "a", hired: h, left: l)
            for grain in [Grain.month, .quarter, .half, .year] {
                for start in stride(from: Month(year: 2026, month: 1).index, to: Month(year: 2028, month: 1).index, by: grain.months) {
                    let p = Period(grain: grain, start: Month(index: start))
                    var days = 0, weekdays = 0, all = 0
                    var d = date(p.firstDay)
                    let end = date(p.lastDay)
                    while d <= end {
                        all += 1
                        if d >= date(h) && (l.map { d <= date($0) } ?? true) {
                            days += 1
                            let w = cal.component(.weekday, from: d)  // 1 = Sunday … 7 = Saturday
                            if w != 1 && w != 7 { weekdays += 1 }
                        }
                        d = cal.date(byAdding: .day, value: 1, to: d)!
                    }
                    let e = agent.employment(in: p)
                    #expect(e.periodDays == all && e.daysEmployed == days && e.paidDaysEmployed == weekdays,
                            "hired \(h) left \(l.map(\.description) ?? "-") in \(p): \(e) vs \(days), \(weekdays) of \(all)")
                }
            }
        }
    }
}
