import Foundation

/// A transaction (订单): one sale, credited to an agent, with the fields a
/// plan reads (`amount`, `profit`, `terms`, `paid`, `costs`, …).
///
/// Orders are data, like agent attributes: their fields are read by `order`
/// rules by name, and changing an order rebuilds the engine.
public struct Order: Hashable, Sendable {
    /// The order number, unique in the workspace (订单编号). Orders are kept sorted by it.
    public var id: String
    /// The credited agent's name, or `nil` for an order nobody is credited with (a silent order, 闷拍).
    public var agent: String?
    /// The booking date: the order counts in this date's month (plan C: the day the customer signed).
    public var date: Day
    /// Other fields: amounts (CNY), dates, yes/no, text.
    public var fields: [String: AttributeValue]

    public init(id: String, agent: String?, date: Day, fields: [String: AttributeValue] = [:]) {
        self.id = id; self.agent = agent; self.date = date; self.fields = fields
    }

    /// The names every order has.
    public static let standardFields = ["id", "agent", "date"]

    /// The field called `key` as a value, or `nil` when the order has none.
    public func field(_ key: String) -> Value? {
        switch key {
        case "id": return .text(id)
        case "agent": return agent.map(Value.text)
        case "date": return .date(date)
        default: return fields[key]?.value
        }
    }

    /// Compares order numbers the way people read them: `O2` before `O10`,
    /// equal-length digit strings by value, otherwise as text.
    ///
    /// - Complexity: O(n) in the IDs' lengths; ASCII IDs are compared on their bytes.
    public static func idPrecedes(_ a: String, _ b: String) -> Bool {
        if let fast = a.utf8.withContiguousStorageIfAvailable({ ua in
            b.utf8.withContiguousStorageIfAvailable { ub in asciiIDPrecedes(ua, ub) } ?? nil
        }) ?? nil { return fast }
        return idPrecedesByCharacters(a, b)
    }

    /// `idPrecedes` on `Character`s: the definition, for IDs that are not ASCII.
    static func idPrecedesByCharacters(_ a: String, _ b: String) -> Bool {
        if a.count != b.count, a.allSatisfy(\.isNumber) == b.allSatisfy(\.isNumber) {
            let pa = a.prefix { !$0.isNumber }, pb = b.prefix { !$0.isNumber }
            if pa == pb, let na = Int(a.dropFirst(pa.count)), let nb = Int(b.dropFirst(pb.count)) { return na < nb }
        }
        return a < b
    }

    /// `idPrecedes` for two ASCII IDs, on their bytes (the same order); `nil` when either is not ASCII.
    static func asciiIDPrecedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var allDigitsA = true, allDigitsB = true
        for c in a { if c >= 0x80 { return nil }; if c &- 0x30 >= 10 { allDigitsA = false } }
        for c in b { if c >= 0x80 { return nil }; if c &- 0x30 >= 10 { allDigitsB = false } }
        if a.count != b.count, allDigitsA == allDigitsB {
            var pa = 0, pb = 0
            while pa < a.count, a[pa] &- 0x30 >= 10 { pa += 1 }
            while pb < b.count, b[pb] &- 0x30 >= 10 { pb += 1 }
            if pa == pb, memcmp(a.baseAddress!, b.baseAddress!, pa) == 0,
               let na = wholeNumber(a, from: pa), let nb = wholeNumber(b, from: pb) {
                return na < nb
            }
        }
        let n = min(a.count, b.count)
        if n > 0 { let r = memcmp(a.baseAddress!, b.baseAddress!, n); if r != 0 { return r < 0 } }
        return a.count < b.count
    }

    /// The bytes from `start` as an `Int` when they are all ASCII digits (at least one) and fit; else `nil`.
    static func wholeNumber(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < b.count else { return nil }
        var v = 0
        for k in start..<b.count {
            let d = b[k] &- 0x30
            guard d < 10 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(d))
            if o1 || o2 { return nil }
            v = s
        }
        return v
    }
}

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
        let perWeek = 7 - (1...7).filter { weekend.contains($0) }.count
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

    /// Working days among the day ordinals in (`a`, `b`], `a` ≤ `b`: whole weeks by
    /// weeks arithmetic, the ≤ 6 days left one by one, then the holidays that fall on
    /// a weekday taken off and the worked weekend days added.
    private func count(_ a: Int, _ b: Int) -> Int {
        let span = b - a
        var n = (span / 7) * (7 - (1...7).filter { weekend.contains($0) }.count)
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
