import PayPlan

/// `explain 李雷.pay[2026-Q1]` of a figure computed per month (or per quarter, per half): the figure
/// over the longer period is what a query and `report 2026-Q1` show — the sum of its months (a balance,
/// such as damage still to deduct, stands at its last month) — so explain says that sum with each
/// month's amount, then each month's own explanation under it (session 12, fresh user).
extension Session {
    /// The explanation of rule `r`'s figure for agent `a` over `p`, a period longer than the rule's grain
    /// (both inside the years); `nil` when `p` is not made of whole periods of the rule's grain inside
    /// the years. A figure whose periods do not add up (a yes/no, a text, a rate, a place in a ranking,
    /// an error value) is refused, naming one of its periods to explain instead.
    /// `depth` counts the sum's line as one level: at depth 1 each period's own sentence follows it.
    /// - Complexity: O(sub-periods × one explanation at `depth − 1`).
    func explainOverPeriod(ref: String, rule r: Int, agent a: Int, period p: Period, depth: Int, rules: Bool, orders: Bool) -> Output? {
        let rule = engine.plan.rules[r], g = rule.dimension.grain
        guard g != .none, p.grain != .none, p.grain > g, g.months > 0, p.grain.months % g.months == 0 else { return nil }
        let parts = stride(from: p.start.index, to: p.start.index + p.grain.months, by: g.months).map { Period(grain: g, start: Month(index: $0)) }
        let cells = parts.compactMap { engine.cell(rule: r, agent: a, period: $0) }
        guard !parts.isEmpty, cells.count == parts.count, let total = valueOf(rule: r, agent: a, period: p) else { return nil }
        let owner = rule.dimension.perAgent ? workspace.agents[a].name + "." : ""
        func reference(_ q: Period) -> String { "\(owner)\(rule.name)[\(q)]" }
        let balance = engine.plan.isBalance(rule: r)
        let values = cells.map { engine.value(ofCell: $0) }
        let first = engine.plainExplanation(cell: cells[0], plan: workspace.plan, depth: 0)
        // Only amounts add up: a yes/no, a text or an error value in some period, a rate or a place is explained a period at a time.
        if !balance {
            let notAmount = values.firstIndex { if case .number = $0 { return false } else { return true } }
            if notAmount != nil || first.figure.isRate || first.figure.isPlace || total.number == nil {
                let example = reference(parts[notAmount ?? 0])
                return .error(ExplainOverPeriodMessage.explainOnePeriod(ref: ref, rule: rule.name, grain: g, example: example))
            }
        }
        let shown = balance ? [parts.count - 1] : Array(parts.indices)
        var out = Output()
        if rules {
            out.add(ExplainMessage.headline(indent: "", figure: reference(p), value: total, label: rule.label, fallback: reference(p),
                                            valueLabel: nil))
            out.add(balance ? ExplainOverPeriodMessage.ruleBalance(last: parts[parts.count - 1], period: p)
                            : ExplainOverPeriodMessage.ruleSum(count: parts.count, grain: g, total: total))
            guard depth > 0 else { return out }
            let plan = workspace.plan, all = plan.valueLabelsByValue
            for i in shown {
                out.body += Session.explainTree(engine.explain(cell: cells[i], plan: plan, depth: depth - 1), indent: "  ",
                                                labels: { $0.map(plan.valueLabels(for:)) ?? all })
            }
            return out
        }
        var headline = first
        headline.period = p
        headline.figure.value = total
        let renderer = PlainRenderer(language: language, valueLabels: workspace.plan.valueLabelsByValue)
        let terms = parts.indices.map { (period: renderer.period(parts[$0]), amount: renderer.value(values[$0])) }
        let said = balance ? ExplainOverPeriodMessage.balance(headline: renderer.headline(headline), last: renderer.period(parts[parts.count - 1]))
                           : ExplainOverPeriodMessage.sum(headline: renderer.headline(headline), grain: g, terms: terms)
        // The headline is already in the session's language (the renderer's): one wording serves both.
        out.add(fixed: said.text(language))
        guard depth > 0 else { return out }
        for i in shown {
            out.body += renderer.lines(engine.plainExplanation(cell: cells[i], plan: workspace.plan, depth: depth - 1), orders: orders, indent: "  ")
                .map { OutputLine(fixed: $0) }
        }
        return out
    }
}
