extension EvalError {
    /// What went wrong in a formula, with typed arguments: figure, agent and table names, order IDs,
    /// periods, amounts and the values that did not fit. The REPL renders each case in English
    /// (`english`) and Chinese (`EvalErrorMessage`); operator and function names are the pay
    /// language's own (`+`, `sum`, `workdays_after`).
    public enum Detail: Hashable, Sendable {
        // #MISSING
        /// An input with no value entered and no default: `figure` of `agent` (for per-agent inputs) in `period`.
        case noInput(figure: String, agent: String?, period: Period?)
        /// An order with no value in `field` and no default.
        case orderHasNoField(order: String, field: String)
        /// An agent with no value of `attribute` and no default.
        case agentHasNoAttribute(agent: String, attribute: String)
        /// `tenure` of an agent with no hire date.
        case noHireDate(agent: String)
        /// An agent's fact read for an order credited to nobody.
        case orderCreditedToNoAgent(order: String)
        /// An agent's fact read where there is no agent.
        case noAgentHere
        /// `min`/`max` (`aggregate`, the pay language's word) over no member.
        case extremeOfNothing(aggregate: String)
        // #RANGE
        /// `figure[period]` with the period outside the scenario's `years`.
        case periodOutsideYears(Period, years: ClosedRange<Int>)
        /// An order dated outside the scenario's `years` read by a period figure.
        case orderOutsideYears(order: String, date: Day, years: ClosedRange<Int>)
        /// A reference to a period outside the scenario's `years`.
        case outsideYears(years: ClosedRange<Int>)
        /// `date ± days` (`days` as the plan wrote it) beyond 0001-01-01…9999-12-31.
        case dateOutsideCalendar(Day, days: Fixed)
        /// `workdays_after(date, days)` beyond 9999-12-31.
        case workdaysBeyondCalendar(Day, days: Int)
        // #DIV/0!
        /// `amount / 0`.
        case divisionByZero(Fixed)
        /// `avg` over no member.
        case averageOfNothing
        /// `allocate(amount, …)` (CNY) where every weight is 0.
        case allocateAllWeightsZero(Fixed)
        // #OVERFLOW
        /// `a op b` beyond ±10²⁶ (`op` is `+`, `-`, `*` or `/`).
        case resultTooLarge(Fixed, operator: String, Fixed)
        /// A sum over members beyond ±10²⁶.
        case sumTooLarge
        /// `allocate`'s weights adding up to more than 10²⁶.
        case allocateWeightsTooLarge
        /// `prorate(amount, …)` × `days` employed beyond ±10²⁶.
        case prorateTooLarge(Fixed, days: Int)
        /// `marginal(table, …)` with a tier from `from` to `to` wider than 10²⁶.
        case tierTooWide(table: String, from: Fixed, to: Fixed)
        /// A report's or comparison's total beyond ±10²⁶.
        case totalTooLarge
        /// A 工资条's total beyond ±10²⁶.
        case statementTotalTooLarge
        /// The sum of `figure` over its months of `period` beyond ±10²⁶ (compare).
        case periodSumTooLarge(figure: String, period: Period)
        // #TYPE
        /// `operator` (`not`) given something other than yes or no.
        case needsFlag(operator: String)
        /// `operator` (`and`, `or`) given something other than yes or no on a side.
        case needsFlags(operator: String)
        /// `operator` (`-` before a value) given something other than an amount.
        case needsAmount(operator: String)
        /// `a op b` (`+`, `-`, `*`, `/`) with a side that is not an amount (nor a date that fits).
        case needsAmounts(operator: String, Value, Value)
        /// `a op b` (`<`, `=` …) with values that cannot be compared.
        case cannotCompare(Value, Value, operator: String)
        /// A `where` condition that is not yes or no.
        case whereNotFlag
        /// The condition after `if` that is not yes or no.
        case ifNotFlag
        /// `rank` of a value that is not an amount (`plural`: over agents' values).
        case rankNeedsAmount(plural: Bool)
        /// `allocate` with a total that is not an amount.
        case allocateNeedsAmount
        /// `allocate` with a weight that is negative or not an amount.
        case allocateNeedsWeights
        /// `aggregate` (`sum`, `avg` …) over a member that is not an amount.
        case aggregateNeedsAmounts(aggregate: String)
        /// `x` outside a table row.
        case xOutsideTable
        /// A period's fact (`period_start`, `days_employed` …) where there is no period.
        case noPeriodHere
        /// `prorate(value, …)` of something that is not an amount.
        case prorateNeedsAmount(Value)
        /// `prorate(…, how)` with a way not among `ways`.
        case prorateWay(Value, ways: [String])
        /// `function` (`month_of` …) of something that is not a date.
        case needsDate(function: String)
        /// `workdays_after` without a date and a whole number of days, or `workdays_between`/`days_between` without two dates.
        case needsDates(function: String)
        /// `function` (`round`, `min` …) of something that is not an amount.
        case needsAmountsNot(function: String, Value)
        /// `workdays_after(after, days)` when the calendar has fewer working days than that (every weekday off).
        case calendarTooShort(days: Int, after: Day)
        /// `function(table, …)` (`lookup`, `marginal`, `retroactive`) of something that is not an amount.
        case tableNeedsAmount(function: String, table: String)
        /// A table whose thresholds do not rise.
        case thresholdsNotRising(table: String)
        /// A table with a threshold that is not an amount.
        case thresholdNotAmount(table: String)
        /// A 工资条 line whose figure is not an amount.
        case notAnAmount(figure: String)
        // #ERROR
        /// `error("…")`: the plan's own words.
        case raised(String)

        /// The error value's code class.
        public var kind: Kind {
            switch self {
            case .noInput, .orderHasNoField, .agentHasNoAttribute, .noHireDate, .orderCreditedToNoAgent, .noAgentHere, .extremeOfNothing: .missing
            case .periodOutsideYears, .orderOutsideYears, .outsideYears, .dateOutsideCalendar, .workdaysBeyondCalendar: .outOfRange
            case .divisionByZero, .averageOfNothing, .allocateAllWeightsZero: .divisionByZero
            case .resultTooLarge, .sumTooLarge, .allocateWeightsTooLarge, .prorateTooLarge, .tierTooWide, .totalTooLarge,
                 .statementTotalTooLarge, .periodSumTooLarge: .overflow
            case .raised: .raised
            case .needsFlag, .needsFlags, .needsAmount, .needsAmounts, .cannotCompare, .whereNotFlag, .ifNotFlag, .rankNeedsAmount,
                 .allocateNeedsAmount, .allocateNeedsWeights, .aggregateNeedsAmounts, .xOutsideTable, .noPeriodHere,
                 .prorateNeedsAmount, .prorateWay, .needsDate, .needsDates, .needsAmountsNot, .calendarTooShort, .tableNeedsAmount,
                 .thresholdsNotRising, .thresholdNotAmount, .notAnAmount: .type
            }
        }

        /// The English text, e.g. `no sales for 李雷 in 2026-03`.
        public var english: String {
            func years(_ y: ClosedRange<Int>) -> String { "this scenario's years \(y.count == 1 ? "\(y.lowerBound)" : "\(y.lowerBound)–\(y.upperBound)")" }
            switch self {
            case .noInput(let f, let a, let p): return "no \(f)" + (a.map { " for \($0)" } ?? "") + (p.map { " in \($0)" } ?? "")
            case .orderHasNoField(let o, let f): return "order \(o) has no \(f)"
            case .agentHasNoAttribute(let a, let n): return "\(a) has no \(n) (set it with: agent set \(a) \(n)=…)"
            case .noHireDate(let a): return "\(a) has no hire date (set it with: agent set \(a) hired=2025-06-01)"
            case .orderCreditedToNoAgent(let o): return "order \(o) is credited to no agent"
            case .noAgentHere: return "no agent here"
            case .extremeOfNothing(let op): return "\(op) of nothing"
            case .periodOutsideYears(let p, let y): return "\(p) is outside \(years(y))"
            case .orderOutsideYears(let o, let d, let y): return "order \(o) is dated \(d), outside \(years(y))"
            case .outsideYears(let y): return "outside \(years(y))"
            case .dateOutsideCalendar(let d, let n): return "\(d) \(n.isNegative ? "−" : "+") \(n.magnitude) days is outside the years 0001–9999"
            case .workdaysBeyondCalendar(let d, let n): return "workdays_after(\(d), \(n)) is after 9999-12-31"
            case .divisionByZero(let x): return "division by zero: \(x.moneyText) / 0"
            case .averageOfNothing: return "average of nothing"
            case .allocateAllWeightsZero(let t): return "allocate: \(t.moneyText) to share but every weight is 0"
            case .resultTooLarge(let x, let op, let y): return "the result of \(x) \(op) \(y) is too large"
            case .sumTooLarge: return "the sum is beyond ±10²⁶"
            case .allocateWeightsTooLarge: return "allocate: the weights add up to more than 10²⁶"
            case .prorateTooLarge(let a, let d): return "prorate: \(a.moneyText) × \(d) days is too large"
            case .tierTooWide(let t, let a, let b): return "marginal(\(t), …): the tier from \(a.moneyText) to \(b.moneyText) is wider than 10²⁶"
            case .totalTooLarge: return "the total is beyond ±10²⁶"
            case .statementTotalTooLarge: return "the statement's total is too large"
            case .periodSumTooLarge(let f, let p): return "the sum of \(f) over \(p) is beyond ±10²⁶"
            case .needsFlag(let op): return "'\(op)' needs yes or no"
            case .needsFlags(let op): return "'\(op)' needs yes or no on both sides"
            case .needsAmount(let op): return "'\(op)' needs an amount"
            case .needsAmounts(let op, let a, let b): return "'\(op)' needs amounts on both sides, not \(a.displayText) and \(b.displayText)"
            case .cannotCompare(let a, let b, let op): return "cannot compare \(a.displayText) with \(b.displayText) using \(op)"
            case .whereNotFlag: return "a 'where' condition must be yes or no"
            case .ifNotFlag: return "the condition after 'if' must be yes or no"
            case .rankNeedsAmount(let plural): return plural ? "rank needs amounts" : "rank needs an amount"
            case .allocateNeedsAmount: return "allocate needs an amount to share"
            case .allocateNeedsWeights: return "allocate needs weights of zero or more"
            case .aggregateNeedsAmounts(let op): return "\(op) needs amounts"
            case .xOutsideTable: return "x is only defined inside a table row"
            case .noPeriodHere: return "no period here"
            case .prorateNeedsAmount(let v): return "prorate needs an amount, not \(v.displayText)"
            case .prorateWay(let v, let ways):
                let shown: String
                if case .text(let w) = v { shown = "\"\(w)\"" } else { shown = v.displayText }
                return "prorate: \(shown) is not a way to prorate; write \(ways.map { "\"\($0)\"" }.joined(separator: " or "))"
            case .needsDate(let f): return "\(f) needs a date"
            case .needsDates(let f): return "\(f) needs \(f == "workdays_after" ? "a date and a whole number of days" : "two dates")"
            case .needsAmountsNot(let f, let v): return "\(f) needs amounts, not \(v.displayText)"
            case .calendarTooShort(let n, let d): return "workdays_after: the calendar has fewer than \(n) working days after \(d)"
            case .tableNeedsAmount(let f, let t): return "\(f)(\(t), …) needs an amount"
            case .thresholdsNotRising(let t): return "the thresholds of table \(t) must rise from row to row"
            case .thresholdNotAmount(let t): return "table \(t) has a threshold that is not an amount"
            case .notAnAmount(let f): return "\(f) is not an amount"
            case .raised(let m): return m
            }
        }
    }
}
