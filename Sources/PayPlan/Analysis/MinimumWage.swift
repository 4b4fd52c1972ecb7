/// The minimum wage a month of pay is held to (`PayConcern.belowMinimumWage`, `check`).
///
/// The plan's `minimum_wage` (CNY) is a month's figure for a month worked in full. A month the person
/// was employed only in part (hired or leaving mid-month) is held to the minimum wage for that part:
/// the monthly figure prorated by the basis the plan prorates base pay by (its `proration` switch,
/// document 4), so that a person paid exactly the minimum wage, prorated as the plan prorates base
/// pay, is not flagged; paid days — 21.75 a month (月计薪天数, 劳社部发〔2008〕3号), the divisor the
/// labour ministry gives for turning a month's wage into days — when the plan has no switch. The
/// result is rounded to the fen. docs/plans.md (C7.1, document 4) says why.
public enum MinimumWage {
    /// How a part month's minimum was reached: the whole month's figure × `days` ÷ `divisor`.
    public struct Part: Hashable, Sendable {
        /// The whole month's minimum wage (CNY).
        public var whole: Fixed
        public var basis: Proration
        /// Days counted: calendar days employed, or Monday–Friday days employed for paid days.
        public var days: Int
        /// The days of the month (calendar days), or 21.75 for paid days.
        public var divisor: Fixed
        public init(whole: Fixed, basis: Proration, days: Int, divisor: Fixed) {
            self.whole = whole; self.basis = basis; self.days = days; self.divisor = divisor
        }
    }

    /// The minimum wage (CNY, to the fen) for a month of which the person was employed `e`: the whole
    /// figure for a whole month (or a part month with at least 21.75 paid days), else prorated by `basis`.
    ///
    /// - Complexity: O(1).
    public static func forMonth(_ whole: Fixed, _ e: Employment, _ basis: Proration) -> (amount: Fixed, part: Part?) {
        guard !e.isWhole, let prorated = basis.prorate(whole, e), prorated != whole else { return (whole, nil) }
        let part = basis == .calendarDays
            ? Part(whole: whole, basis: basis, days: e.daysEmployed, divisor: Fixed(e.periodDays))
            : Part(whole: whole, basis: basis, days: e.paidDaysEmployed, divisor: Proration.paidDaysPerMonth)
        return (prorated.rounded(toDigits: 2), part)
    }
}
