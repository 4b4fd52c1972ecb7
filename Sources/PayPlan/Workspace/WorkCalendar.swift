import Foundation

/// Working days for collection deadlines (C5.1): weekends, public holidays,
/// and the weekend days that are worked instead (调休).
public struct WorkCalendar: Hashable, Sendable {
    /// Weekday numbers (1 = Monday … 7 = Sunday) that are not worked.
    public var weekend: Set<Int> = [6, 7]
    /// Days off that would otherwise be working days (e.g. 2026-10-01).
    public var holidays: Set<Day> = []
    /// Weekend days that are worked (调休), e.g. a Saturday before a holiday week.
    public var workdays: Set<Day> = []

    public init() {}

    public func isWorkday(_ d: Day) -> Bool {
        if holidays.contains(d) { return false }
        if workdays.contains(d) { return true }
        return !weekend.contains(d.weekday)
    }

    /// The `n`-th working day after `d` (`n` ≥ 0; 0 gives `d` itself), or `nil` when it would
    /// fall after 9999-12-31 or the calendar has fewer than `n` working days after `d` (every
    /// weekday a weekend day).
    /// - Complexity: O(log n · (h + w)) for h holidays and w worked weekend days
    ///   (a bisection over `workdays(from:to:)`), not O(n).
    public func workdays(after d: Day, _ n: Int) -> Day? {
        guard n > 0 else { return d }
        let a = d.ordinal
        let perWeek = workingDaysPerWeek
        var hi: Int
        if perWeek == 0 {
            // Only the worked weekend days (调休) count.
            guard let last = workdays.map(\.ordinal).max(), last > a, count(a, last) >= n else { return nil }
            hi = last
        } else {
            // n working weeks' worth of days, plus a week for every holiday that may push it on.
            hi = a + ((n + holidays.count) / perWeek + 2) * 7
        }
        var lo = a  // count(a, lo) < n ≤ count(a, hi)
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if count(a, mid) >= n { hi = mid } else { lo = mid }
        }
        return hi > Day.lastOrdinal ? nil : Day(ordinal: hi)
    }

    /// Working days after `a` up to and including `b` (negative when `b` is before `a`).
    /// - Complexity: O(h + w) for h holidays and w worked weekend days, whatever the span.
    public func workdays(from a: Day, to b: Day) -> Int {
        let x = a.ordinal, y = b.ordinal
        return y < x ? -count(y, x) : count(x, y)
    }

    /// Weekdays 1…7 that are not weekend days, counted without making an array
    /// (`count` runs once per bisection step, per order, in C5.1 due dates).
    /// - Complexity: O(1): seven set lookups.
    private var workingDaysPerWeek: Int {
        var n = 0
        for d in 1...7 where !weekend.contains(d) { n += 1 }
        return n
    }

    /// Working days among the day ordinals in (`a`, `b`], `a` ≤ `b`: whole weeks by
    /// weeks arithmetic, the ≤ 6 days left one by one, then the holidays that fall on
    /// a weekday taken off and the worked weekend days added.
    private func count(_ a: Int, _ b: Int) -> Int {
        let span = b - a
        var n = (span / 7) * workingDaysPerWeek
        var o = b - span % 7
        while o < b { o += 1; if !weekend.contains(Day.weekday(ordinal: o)) { n += 1 } }
        for h in holidays {
            let o = h.ordinal
            if o > a, o <= b, !weekend.contains(Day.weekday(ordinal: o)) { n -= 1 }
        }
        for w in workdays where !holidays.contains(w) {
            let o = w.ordinal
            if o > a, o <= b, weekend.contains(Day.weekday(ordinal: o)) { n += 1 }
        }
        return n
    }
}
