extension SourceError {
    /// What the compiler found wrong in a definition that parses: a name used where its kind or
    /// period does not fit, a function called wrongly, a figure a report or payslip names that
    /// does not exist. The REPL renders each case in English and Chinese (`SourceErrorMessage`);
    /// `english` is its English text.
    public enum CompileProblem: Equatable, Sendable {
        /// A per-order rule read outside an order rule.
        case perOrder(String)
        /// A per-agent figure read in a team rule or parameter without aggregating it.
        case perAgentUnaggregated(String)
        /// A figure of `grain` read by a parameter or attribute.
        case periodInParameter(String, grain: Grain)
        /// A figure of the finer `grain` read in a `rule` rule without aggregating it.
        case finerInCoarser(String, grain: Grain, rule: Grain)
        /// `x` outside a table row.
        case xOutsideTable
        /// An input per agent and period read in a parameter (`parameter`) or a team rule.
        case agentPeriodInTeam(String, parameter: Bool)
        /// An agent attribute read where there is no agent.
        case attributeWithoutAgent(String)
        /// A rate table used as a value.
        case tableAsValue(String)
        /// An order field read outside an order rule.
        case fieldOutsideOrder(String)
        /// A per-agent figure in a team rule (`name[period]`).
        case perAgentInTeamRule(String)
        /// `name[period]` where the figure's `grain` is not the period's.
        case wrongPeriod(String, grain: Grain, period: Period)
        /// A function called with the wrong number of arguments.
        case arguments(function: String, usage: ArgumentUsage)
        /// `round(x, d)` with `d` not a whole number from 0 to 12.
        case decimals
        /// `prorate` outside a per-agent period rule.
        case prorateOutsideAgentPeriod
        /// `prorate(x, "how")` with a way that is not one of `ways`.
        case prorateWay(String, ways: [String])
        /// `lookup`, `marginal` or `retroactive` whose first argument is no table; `tables` the plan has.
        case tableArgument(function: String, tables: [String])
        /// `prev(…)` of something that is not a figure's name.
        case prevNeedsFigure
        /// `prev(x, n)` with `n` not a whole number from 1.
        case periodsBack
        /// `paid(…)` of something that is not a figure's name.
        case paidNeedsFigure
        /// `paid(name)` in a `rule` rule of a figure of `grain`, not longer.
        case paidLonger(String, rule: Grain, grain: Grain)
        /// A function name the pay language does not have; `functions` it has.
        case unknownFunction(String, functions: [String])
        /// An aggregation over a period in a parameter.
        case parameterAggregate
        /// `over scope` in a `rule` rule, the scope shorter than the rule's period.
        case overShorter(scope: Grain, rule: Grain)
        /// `rank`/`ties` over something other than agents.
        case comparesAgents(String)
        /// An aggregation over orders in an order rule (`orderRule`) or a parameter.
        case ordersAggregate(orderRule: Bool)
        /// An aggregation over orders inside one over periods (`sum(sum(price over orders) over half)`):
        /// `fn` is the outer aggregation, `scope` its period.
        case ordersInsidePeriods(String, scope: Grain)
        /// An aggregation over agents in an order rule.
        case orderRuleOverAgents
        /// `rank`/`ties` outside a per-agent rule.
        case rankPerAgent(String)
        /// `allocate(total, weight)` outside an order rule.
        case allocateInOrderRule
        /// `allocate(total, weight over agents)` outside a per-agent rule.
        case allocatePerAgent
        /// `allocate` over neither orders nor agents.
        case allocateScope
        /// An order's month (`by …`) reading figures that change with inputs.
        case groupingNotStatic
        /// A report or payslip naming a figure the plan does not have.
        case noFigure(String, suggestion: String? = nil)
        /// A payslip naming a team figure.
        case teamFigureOnPayslip(String)
    }

    /// How a function is called, for the error about its arguments.
    public enum ArgumentUsage: Equatable, Sendable {
        case roundDecimals, oneAmount, amounts, fallback, message, prorate, missingValue, oneDate, workdaysAfter, twoDates, tableAndAmount, prev, paid
    }
}

extension Grain {
    /// `monthly`, `quarterly`, `half-yearly`, `yearly` (`a parameter` for none), as the compiler's errors say it.
    public var adjective: String {
        switch self { case .month: "monthly"; case .quarter: "quarterly"; case .half: "half-yearly"; case .year: "yearly"; case .none: "a parameter" }
    }
}

extension SourceError.ArgumentUsage {
    /// What `function` takes, in English (the pay language's examples as written).
    public func english(_ f: String) -> String {
        switch self {
        case .roundDecimals: "an amount and optionally the decimals to keep: \(f)(x) keeps 2 (to the fen), \(f)(x, 0) whole yuan"
        case .oneAmount: "one amount"
        case .amounts: "two or more amounts (or use \(f)(x over half) to aggregate)"
        case .fallback: "a value and what to use instead: \(f)(sales, 0)"
        case .message: "a message: error(\"commission_mode must be individual or pool\")"
        case .prorate: "an amount and how to prorate it: prorate(base, \"calendar_days\") or prorate(base, \"paid_days\")"
        case .missingValue: "one value: missing(paid) is yes when an order has no payment date"
        case .oneDate: "a date: \(f)(period_start)"
        case .workdaysAfter: "a date and a number of working days: workdays_after(date, 2)"
        case .twoDates: "two dates: \(f)(date, paid)"
        case .tableAndAmount: "a table and an amount: \(f)(commission_tiers, revenue)"
        case .prev: "a figure and optionally how many periods back: prev(revenue), prev(revenue, 3)"
        case .paid: "a quarterly, half-yearly or yearly figure: paid(half_bonus)"
        }
    }
}

extension SourceError.CompileProblem {
    /// The problem in English.
    public var english: String {
        switch self {
        case .perOrder(let n): "'\(n)' is per order; add it up over the orders, e.g. sum(\(n) over orders)"
        case .perAgentUnaggregated(let n): "'\(n)' is per agent; a team rule or parameter must aggregate it, e.g. sum(\(n) over agents)"
        case .periodInParameter(let n, let g): "'\(n)' is \(g.adjective); a parameter or attribute cannot depend on it"
        case .finerInCoarser(let n, let g, let r):
            "'\(n)' is \(g.adjective); in a \(r.keyword) rule use sum(\(n) over \(r.keyword)) or avg(\(n) over \(r.keyword))"
        case .xOutsideTable: "'x' stands for the amount looked up and can only be used in a table's rows"
        case .agentPeriodInTeam(let n, let p): "'\(n)' describes an agent in a period; it cannot be used in a \(p ? "parameter" : "team rule")"
        case .attributeWithoutAgent(let n): "'\(n)' is an agent attribute; a team rule or parameter has no agent"
        case .tableAsValue(let n): "'\(n)' is a rate table: use lookup(\(n), amount), marginal(\(n), amount) or retroactive(\(n), amount)"
        case .fieldOutsideOrder(let n): "'\(n)' is an order field; use it in an order rule (order x = \(n) …) or add it up: sum(\(n) over orders)"
        case .perAgentInTeamRule(let n): "'\(n)' is per agent; a team rule must aggregate it over agents"
        case .wrongPeriod(let n, let g, let p): "'\(n)' is \(g.adjective); \(p) is a \(p.grain.keyword)"
        case .arguments(let f, let u): "\(f) takes \(u.english(f))"
        case .decimals: "the decimals to keep must be a whole number from 0 to 12"
        case .prorateOutsideAgentPeriod: "prorate works out the part of a period an agent was employed; use it in a month (or quarter, half, year) rule per agent"
        case .prorateWay(let how, let ways): "prorate: \"\(how)\" is not a way to prorate; write \(ways.map { "\"\($0)\"" }.joined(separator: " or "))"
        case .tableArgument(let f, let t):
            "the first argument of \(f) must be a table's name" + (t.isEmpty ? "; this plan has no tables yet" : "; tables: " + t.joined(separator: ", "))
        case .prevNeedsFigure: "prev needs the name of a figure, as in prev(revenue)"
        case .periodsBack: "how many periods back must be a whole number from 1"
        case .paidNeedsFigure: "paid needs the name of a quarterly, half-yearly or yearly figure, as in paid(half_bonus)"
        case .paidLonger(let n, let r, let g): "paid(\(n)) pays a longer period's figure in its last \(r.keyword); '\(n)' is \(g.adjective)"
        case .unknownFunction(let n, let fs): "unknown function '\(n)'; functions are \(fs.joined(separator: ", "))"
        case .parameterAggregate: "a parameter has no period to aggregate over"
        case .overShorter(let g, let r):
            "over \(g.keyword) in a \(r.keyword) rule: a \(r.keyword) is longer than a \(g.keyword); use over \(r.keyword) or a longer period"
        case .comparesAgents(let f): "\(f) compares agents: write \(f)(x over agents)"
        case .ordersAggregate(let o): o ? "an order rule cannot add up other orders; write this in a month rule" : "a parameter has no period to gather orders in"
        case .ordersInsidePeriods(let fn, let g): "\(fn)(… over \(g.keyword)) cannot gather orders month by month inside it; put the sum over orders in a month rule of its own (month order_sales = sum(price over orders)) and aggregate that: \(fn)(order_sales over \(g.keyword))"
        case .orderRuleOverAgents: "an order rule cannot aggregate over agents; write this in a month rule"
        case .rankPerAgent(let f): "\(f) gives one agent's place; use it in a per-agent rule"
        case .allocateInOrderRule:
            "allocate(total, weight) shares a month's figure among its orders: use it in an order rule, or write allocate(total, weight over agents)"
        case .allocatePerAgent: "allocate(total, weight over agents) gives each agent a share; use it in a per-agent rule"
        case .allocateScope: "allocate shares among orders or agents"
        case .groupingNotStatic:
            "an order's month (after 'by') may use only its fields, parameters, attributes and order rules made of those, not figures that change with inputs"
        case .noFigure(let n, let s): "no figure named '\(n)'" + (s.map { " (did you mean '\($0)'?)" } ?? "")
        case .teamFigureOnPayslip(let n): "'\(n)' is a team figure; a pay statement shows each person's own figures"
        }
    }
}
