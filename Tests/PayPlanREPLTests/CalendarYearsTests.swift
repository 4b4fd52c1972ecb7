import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// `calendar holiday|workday` for a day outside the scenario's years (fresh user, session 10):
/// `calendar holiday 2030-01-01` on a 2026 scenario was taken silently, though no figure can read it.
/// The calendar is read only by working-day counts from the orders' dates (C5.1: a cash order is paid
/// within 2 working days after signing), and orders are dated in the years, so a day counts in the years
/// or, for a deadline past their end, the year after. A day before the years or beyond that year is now
/// refused naming the years and the `years` command that would hold it, as an order dated outside them
/// is (en/zh, workspace unchanged); a day in the year after is taken with a note saying when it counts.
@Suite struct CalendarYearsTests {
    @Test func aDayNoCountCanReachIsRefused() throws {
        let s = try Session(path: electronics)
        try expectRefusedInBoth(s, "calendar holiday 2030-01-01",
                                en: "calendar holiday 2030-01-01: 2030-01-01 is outside this scenario's years (2026); the calendar counts working days from the orders' dates, "
                                    + "so a day counts only in those years or the year after (a deadline past the end of the years); did you mean a day in 2026? "
                                    + "(years 2026-2030 widens them); nothing was changed",
                                zh: "calendar holiday 2030-01-01：2030-01-01 不在本方案的年份内（2026）；日历按订单日期数工作日，只有这些年份及其后一年"
                                    + "（跨过年末的期限）的日子才会用到；是否想写 2026 年的日子？（years 2026-2030 可扩大年份）；未做任何更改", file: nil)
        // Before the years, for either kind of day, and a range with one end outside: the first such day is named.
        expectRefused(s, "calendar workday 2025-12-27", "calendar workday 2025-12-27: 2025-12-27 is outside this scenario's years (2026)")
        expectRefused(s, "calendar holiday 2025-12-31..2026-01-02", "2025-12-31 is outside this scenario's years (2026);")
        expectRefused(s, "calendar holiday 2027-12-31..2028-01-02", "2028-01-02 is outside this scenario's years (2026);")
        // Refused before "already a day off": 2030-01-05 is a Saturday.
        expectRefused(s, "calendar holiday 2030-01-05", "2030-01-05 is outside this scenario's years (2026)")
        #expect(s.workspace.calendar == WorkCalendar())
        // Widened years take it.
        run(s, "years 2026-2030", "calendar holiday 2030-01-01")
        #expect(s.workspace.calendar.holidays == [Day(year: 2030, month: 1, day: 1)!])
    }

    /// Z1, cash, signed Thursday 2026-12-31: due 2 working days after (C5.1), Friday 2027-01-01 and Monday
    /// 2027-01-04; with 2027-01-01 a holiday, Monday and Tuesday, so due 2027-01-05. A day of the year after
    /// the years is read, so it is taken, with a note.
    @Test func aDayInTheYearAfterIsTakenWithANote() throws {
        let s = try Session(path: electronics)
        run(s, "order add Z1 agent=李雷 date=2026-12-31 terms=cash amount=20000 profit=4000")
        #expect(query(s, "Z1.due") == "2027-01-04")
        let out = run(s, "calendar holiday 2027-01-01")
        #expect(out == ["calendar: holiday 2027-01-01",
                        "note: 2027-01-01 is after this scenario's years (2026): it counts only in working days counted past their end "
                            + "(e.g. a collection deadline of an order late in 2026); undo takes it back"])
        #expect(query(s, "Z1.due") == "2027-01-05")
        run(s, "undo")
        s.language = .zh
        #expect(run(s, "calendar holiday 2027-01-01").last
                == "注意：2027-01-01 晚于本方案的年份（2026）：只在跨过年末数工作日时才用到（例如 2026 年末订单的回款期限）；undo 可撤销")
        // A day in the years says nothing more.
        s.language = .en
        #expect(run(s, "calendar holiday 2026-10-01") == ["calendar: holiday 2026-10-01"])
    }
}
