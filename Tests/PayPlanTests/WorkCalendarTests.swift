import Foundation
import Testing
@testable import PayPlan

/// `workdays_after` / `workdays_between` by weeks arithmetic (issue 11, item 6), checked
/// against an independent day-by-day count written here.
@Suite struct WorkCalendarTests {
    /// The reference: step one day at a time, counting days that are worked.
    static func slowAfter(_ cal: WorkCalendar, _ d: Day, _ n: Int) -> Day {
        var o = d.ordinal, left = n
        while left > 0 {
            o += 1
            let day = Day(ordinal: o)
            let worked = cal.holidays.contains(day) ? false : cal.workdays.contains(day) ? true : !cal.weekend.contains(day.weekday)
            if worked { left -= 1 }
        }
        return Day(ordinal: o)
    }

    static func calendar() -> WorkCalendar {
        var cal = WorkCalendar()
        // National Day 2026-10-01..07 (Thu..Wed), worked Saturday 2026-10-10; a holiday on a Sunday (no effect);
        // a worked day that is also a holiday (the holiday wins); a "workday" on a Tuesday (already worked).
        for d in 1...7 { cal.holidays.insert(Day(year: 2026, month: 10, day: d)!) }
        cal.workdays.insert(Day(year: 2026, month: 10, day: 10)!)
        cal.holidays.insert(Day(year: 2026, month: 3, day: 8)!)
        cal.holidays.insert(Day(year: 2027, month: 1, day: 2)!); cal.workdays.insert(Day(year: 2027, month: 1, day: 2)!)
        cal.workdays.insert(Day(year: 2026, month: 3, day: 10)!)
        return cal
    }

    /// 99,999 working days after 2026-03-06 with five-day weeks: 99,999 = 19,999 weeks × 5 + 4, about 383 years on;
    /// the holidays push it by the weekdays they take (5 of 2026-10-01..07 and none of the others) less 1 worked Saturday.
    @Test func largeArgumentsMatchADayByDayCount() {
        let cal = Self.calendar()
        let start = Day(year: 2026, month: 3, day: 6)!
        for n in [0, 1, 2, 3, 4, 5, 6, 7, 150, 151, 152, 153, 154, 155, 1000, 99_999] {
            #expect(cal.workdays(after: start, n) == Self.slowAfter(cal, start, n), "n = \(n)")
        }
        // No holidays: 99,999 working days after Friday 2026-03-06 is 19,999 weeks + 4 working days,
        // Fri + 139,993 days is a Friday, + Mon..Thu = + 6 days: ordinal + 139,999.
        let plain = WorkCalendar()
        #expect(plain.workdays(after: start, 99_999) == Day(ordinal: start.ordinal + 139_999))
        #expect(plain.workdays(after: start, 99_999)!.weekday == 4)
        // Every start weekday and a spread of counts, against the reference.
        for offset in 0..<14 {
            let d = Day(ordinal: Day(year: 2026, month: 9, day: 25)!.ordinal + offset)
            for n in [1, 3, 5, 8, 13, 21, 34, 300] {
                #expect(cal.workdays(after: d, n) == Self.slowAfter(cal, d, n), "\(d) + \(n)")
                #expect(cal.workdays(from: d, to: cal.workdays(after: d, n)!) == n)
            }
        }
    }

    /// `workdays(from:to:)` against counting days: 2026-09-25 → 2026-10-16 has 15 weekdays,
    /// less the 5 National Day weekdays (10-01, 02, 05, 06, 07), plus Saturday 10-10 worked: 11.
    @Test func betweenCountsByHand() {
        let cal = Self.calendar()
        let a = Day(year: 2026, month: 9, day: 25)!, b = Day(year: 2026, month: 10, day: 16)!
        #expect(cal.workdays(from: a, to: b) == 11)
        #expect(cal.workdays(from: b, to: a) == -11)
    }

    /// A calendar with every weekday a weekend day has only its worked weekend days: asking for more is `nil`.
    @Test func aCalendarWithoutWorkingDays() {
        var cal = WorkCalendar()
        cal.weekend = [1, 2, 3, 4, 5, 6, 7]
        cal.workdays.insert(Day(year: 2026, month: 10, day: 10)!)
        let d = Day(year: 2026, month: 10, day: 1)!
        #expect(cal.workdays(after: d, 1) == Day(year: 2026, month: 10, day: 10))
        #expect(cal.workdays(after: d, 2) == nil)
    }
}
