/// How much of a period an agent was employed: what `prorate`, `days_employed` and
/// `paid_days_employed` read (document 4 of the seed, rules.md: base pay for a partial month is
/// prorated by calendar days or by the statutory 21.75 pay days a month).
///
/// The hire date is the first day employed and the leave date the last, both inclusive:
/// joining on 2026-03-16 is 16 days of March, leaving on 2026-06-15 is 15 days of June.
public struct Employment: Equatable, Sendable {
    /// Calendar days in the period (31 for 2026-03, 90 for 2026-Q1).
    public var periodDays: Int
    /// Calendar days of the period on which the agent was employed (0 … `periodDays`).
    public var daysEmployed: Int
    /// Monday-to-Friday days of the period on which the agent was employed: the days the 21.75
    /// divisor counts ((365 − 104 weekend days) ÷ 12, 劳社部发〔2008〕3号), statutory holidays included.
    /// The scenario's working-day calendar is deliberately not used: 21.75 counts paid days, and a
    /// holiday is a paid day while a worked weekend day (调休) makes up a weekday that is also counted.
    public var paidDaysEmployed: Int
    /// Months in the period, for the divisor 21.75 × months.
    public var months: Int

    /// Employed on every day of the period (nothing to prorate).
    public var isWhole: Bool { daysEmployed == periodDays }
}

/// The two ways base pay for a partial period is prorated, as written in a plan
/// (`prorate(base, "calendar_days")`, `prorate(base, proration)` with `param proration = "paid_days"`).
public enum Proration: String, Sendable, CaseIterable {
    /// amount × days employed ÷ days in the period (3,000 × 16 / 31 = 1,548.39 for a 2026-03-16 start).
    case calendarDays = "calendar_days"
    /// amount × Monday–Friday days employed ÷ (21.75 × months), at most the whole amount
    /// (3,000 × 12 / 21.75 = 1,655.17 for a 2026-03-16 start).
    case paidDays = "paid_days"

    /// The statutory pay days a month (月计薪天数, 劳社部发〔2008〕3号): (365 − 104) ÷ 12.
    public static let paidDaysPerMonth = Fixed(raw: 2175 * Fixed.scale / 100)

    /// `amount` prorated for `e`: the whole amount for a whole period, 0 for a period not employed at
    /// all, else the fraction this basis gives; `nil` on overflow.
    public func prorate(_ amount: Fixed, _ e: Employment) -> Fixed? {
        if e.isWhole { return amount }
        if e.daysEmployed == 0 { return .zero }
        switch self {
        case .calendarDays:
            return Fixed.checkedMultiply(amount, Fixed(e.daysEmployed)).flatMap { Fixed.checkedDivide($0, Fixed(e.periodDays)) }
        case .paidDays:
            guard let divisor = Fixed.checkedMultiply(Proration.paidDaysPerMonth, Fixed(e.months)) else { return nil }
            if Fixed(e.paidDaysEmployed) >= divisor { return amount }
            return Fixed.checkedMultiply(amount, Fixed(e.paidDaysEmployed)).flatMap { Fixed.checkedDivide($0, divisor) }
        }
    }
}

extension Agent {
    /// How much of `period` this agent was employed, from `hired` (first day) to `left` (last day).
    ///
    /// - Complexity: O(1): weekdays are counted by whole weeks plus the days left over.
    public func employment(in period: Period) -> Employment {
        let first = period.firstDay.ordinal, last = period.lastDay.ordinal
        let from = max(first, hired?.ordinal ?? first), to = min(last, left?.ordinal ?? last)
        let employed = max(0, to - from + 1)
        return Employment(periodDays: last - first + 1, daysEmployed: employed,
                          paidDaysEmployed: employed == 0 ? 0 : Agent.weekdays(from: from, to: to),
                          months: period.grain.months)
    }

    /// Monday-to-Friday days from ordinal `a` to `b`, both included (`a <= b`).
    static func weekdays(from a: Int, to b: Int) -> Int {
        let days = b - a + 1
        var count = days / 7 * 5
        var w = Day.weekday(ordinal: a)
        for _ in 0..<(days % 7) {
            if w <= 5 { count += 1 }
            w = w % 7 + 1
        }
        return count
    }
}
