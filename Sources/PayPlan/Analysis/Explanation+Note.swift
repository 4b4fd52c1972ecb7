extension Explanation {
    /// One fact of an explanation that is not a figure read (`explain … --rules`), as data: the
    /// REPL renders each case in English and Chinese (`ExplainMessage`); `english` is its English text.
    /// Amounts are CNY (`Fixed`), values as computed.
    public enum Note: Equatable, Sendable {
        /// The figure is an error value (its message, and the cell it started in when another).
        case errorValue(EvalError, origin: CellReference?)
        /// An input entered for this cell.
        case entered
        /// An input not entered: the plan's default (`defaulted`) or nothing.
        case notEntered(defaulted: Bool)
        /// The dated version in force for this cell (of the rule, or `table`'s).
        case version(VersionUsed, table: String?)
        /// The definition comes from a shared plan part (`use PART`).
        case fromPart(String)
        /// Figures read past the depth asked for.
        case readsMore(Int)
        /// A figure added up over all agents.
        case overAgents
        /// An allocation among the month's orders (`orders`) or among agents, to the fen.
        case shares(orders: Bool)
        /// `prev(rule)` before the scenario's first period: 0.
        case prevBeforeStart(String)
        /// `paid(rule)` is 0: this `grain` is not the last of the rule's `of`.
        case paidZero(String, grain: Grain, of: Grain)
        /// An attribute read where there is no agent (a team rule): its value.
        case teamAttribute(String, Value)
        /// An agent's attribute; `defaulted` when the agent has none and the plan's default is used.
        case attribute(String, Value, agent: String, defaulted: Bool)
        /// A built-in (`months_employed`, …) and its value.
        case builtin(String, Value)
        /// `round`/`floor`/`ceil` (`function`) changed `before` into `after`.
        case rounded(function: String, before: Fixed, after: Fixed)
        /// A table lookup: `amount` falls in the tier from `lower` to `upper` (nil: no upper end),
        /// giving `value`; `row` is the tier's formula as written, when there is one.
        case tier(table: String, amount: Fixed, lower: Fixed, upper: Fixed?, sides: TierSides, value: Value, row: String?)
        /// A marginal (超额累进) lookup of `amount` in `table`.
        case marginal(table: String, amount: Fixed, value: Value)
        /// An aggregation (`sum`, `avg` …) over a period.
        case overPeriod(op: String, period: Period, value: Value)
        /// An order's field; `defaulted` when the order has none and the plan's default is used.
        case orderField(String, Value, order: String, defaulted: Bool)
        /// An aggregation (`sum`, …) over `count` orders.
        case overOrders(op: String, count: Int, value: Value)
        /// This order's (`order`) or this agent's share of an allocated figure, to the fen.
        case share(order: Bool)

        /// The note in English.
        public var english: String {
            switch self {
            case .errorValue(let e, let o): "\(e.message)\(o.map { " (from \($0))" } ?? "")"
            case .entered: "entered"
            case .notEntered(let d): d ? "not entered: the plan's default" : "not entered"
            case .version(let v, let t): (t.map { "\($0): " } ?? "") + v.description
            case .fromPart(let p): "from the \(p) part (use \(p))"
            case .readsMore(let n): "reads \(n) more figure\(n == 1 ? "" : "s") (explain with --depth to see them)"
            case .overAgents: "an aggregation over all agents"
            case .shares(let o): o ? "shares among the month's orders, to the fen" : "shares among the agents, to the fen"
            case .prevBeforeStart(let n): "prev(\(n)) before the scenario's first period = 0"
            case .paidZero(let n, let g, let of): "paid(\(n)) = 0: this is not the last \(g.keyword) of the \(of.keyword)"
            case .teamAttribute(let n, let v): "\(n): \(v.displayText)"
            case .attribute(let n, let v, let a, let d): d ? "\(n) = \(v.displayText) (the plan's default; \(a) has none)" : "\(n) = \(v.displayText) (attribute of \(a))"
            case .builtin(let b, let v): "\(b) = \(v.displayText)"
            case .rounded(let f, let b, let a): "\(f): \(b.format(minimumFractionDigits: 2)) → \(a.moneyText)"
            case .tier(let t, let amount, _, _, _, let v, let row):
                "\(t): \(amount.moneyText) falls in the tier \(tierInterval) → \(v.displayText)" + (row.map { " (\($0), x = \(amount.moneyText))" } ?? "")
            case .marginal(let t, let amount, let v): "\(t): marginal over \(amount.moneyText) = \(v.displayText)"
            case .overPeriod(let op, let p, let v): "\(op) over \(p) = \(v.displayText)"
            case .orderField(let n, let v, let o, let d): d ? "\(n) = \(v.displayText) (the plan's default; order \(o) has none)" : "\(n) = \(v.displayText) (order \(o))"
            case .overOrders(let op, let n, let v): "\(op) over \(n) order\(n == 1 ? "" : "s") = \(v.displayText)"
            case .share(let o): o ? "this order's share of the month's figure, to the fen" : "this agent's share, to the fen"
            }
        }

        /// A tier's interval as written in a table, `[100,000.00, 200,000.00)` (empty for other notes).
        public var tierInterval: String {
            guard case .tier(_, _, let lo, let hi, let sides, _, _) = self else { return "" }
            let (l, h) = (lo.moneyText, hi?.moneyText ?? "∞")
            return sides == .lowerInclusive ? "[\(l), \(h))" : "(\(l), \(h)]"
        }
    }
}
