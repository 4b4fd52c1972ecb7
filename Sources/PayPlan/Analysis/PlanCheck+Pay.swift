/// Pay the owner should look at before paying it (`PayConcern`), as warnings: one per agent and
/// kind, naming the first period and how many more there are.
extension PlanCheck {
    /// Every pay concern of the scenario as warnings (for `check`; not part of `warnings`, which every
    /// edit works out again).
    ///
    /// - Complexity: O(agents × periods).
    /// `check` lists every pay figure that is an error value, agent by agent and period by period,
    /// up to `errorListLimit`; the rest are counted on the last one listed.
    public static func payWarnings(engine: Engine, plan: Plan) -> [PlanWarning] {
        let f = PayFigures(engine: engine)
        return payWarnings(PayConcern.all(engine: engine, figures: f), engine: engine, plan: plan, figures: f, listErrors: errorListLimit)
    }

    /// How many pay figures that are error values `check` lists one by one.
    public static let errorListLimit = 20

    /// `concerns` as warnings: per agent and kind the first period with its figure and a count of the
    /// others; after `listLimit` agents of one kind, one line says how many more. Pay figures that are
    /// error values: the first `listErrors` (agents in order, then periods) each with its own warning, the
    /// error and the figure it started in; the others counted on the last (after an edit, one warning).
    ///
    /// - Complexity: O(concerns × log concerns).
    public static func payWarnings(_ concerns: [PayConcern], engine: Engine, plan: Plan, figures f: PayFigures, listErrors: Int = 1) -> [PlanWarning] {
        guard !concerns.isEmpty else { return [] }
        var out: [PlanWarning] = []
        let errors = concerns.filter { $0.kind == .payError }.sorted { ($0.agent, $0.period.start.index) < ($1.agent, $1.period.start.index) }
        if let g = f.gross, !errors.isEmpty {
            let name = engine.plan.rules[g].name, label = engine.plan.rules[g].label
            let def = plan.definition(named: name)
            let listed = errors.prefix(max(1, listErrors))
            for (i, c) in listed.enumerated() {
                guard let err = c.error else { continue }
                let cell = CellReference(figure: name, agent: engine.agents[c.agent].name, period: c.period)
                let origin = err.origin.flatMap { $0 == cell ? nil : engine.plan.labelled($0) }
                let more = i == listed.count - 1 ? errors.count - listed.count : 0
                let from = origin.map { ", from \($0.cell)" } ?? ""
                var w = PlanWarning(.payError, definition: name,
                    message: "\(cell) is \(err.kind.rawValue)\(from): \(err.message)\(more > 0 ? " (\(more) more pay figure\(more == 1 ? " is an error" : "s are errors") too)" : ""); nothing can be paid from an error: correct the value that caused it, or undo",
                    range: def.flatMap(PlanCheck.nameRange(of:)), source: def?.source ?? "")
                w.payError = PlanWarning.PayError(cell: cell, error: err, more: more, label: label, origin: origin)
                out.append(w)
            }
        }
        var groups: [PayConcern.Kind: [(agent: Int, first: PayConcern, count: Int)]] = [:]
        for c in concerns {
            var g = groups[c.kind] ?? []
            if let i = g.firstIndex(where: { $0.agent == c.agent }) {
                g[i].count += 1
                if c.period.start < g[i].first.period.start { g[i].first = c }
            } else { g.append((c.agent, c, 1)) }
            groups[c.kind] = g
        }
        for kind in PayConcern.Kind.allCases where kind != .payError {
            guard let g = groups[kind] else { continue }
            let rule = kind == .negativeNetPay ? f.net : f.gross
            let name = rule.map { engine.plan.rules[$0].name } ?? "pay"
            let def = plan.definition(named: name)
            let source = def?.source ?? ""
            let range = def.flatMap(PlanCheck.nameRange(of:))
            for (a, c, n) in g.prefix(listLimit) {
                out.append(warning(c, agent: engine.agents[a].name, figure: name, more: n - 1, range: range, source: source))
            }
            if g.count > listLimit {
                let more = g.count - listLimit
                let (en, zh) = kind == .belowMinimumWage
                    ? ("\(more) more agent\(more == 1 ? " is" : "s are") paid under the minimum wage in some month", "另有 \(more) 名员工有月份低于最低工资")
                    : ("\(more) more agent\(more == 1 ? " has" : "s have") \(name) below zero in some period", "另有 \(more) 名员工有期间的 \(name) 为负")
                out.append(PlanWarning(kind == .belowMinimumWage ? .belowMinimumWage : .negativePay, definition: name, message: en, zh: zh, range: range, source: source))
            }
        }
        return out
    }

    /// One concern's warning: `韩梅梅.pay[2027-04] = -149.99 is below zero (and 2 more months) …`.
    static func warning(_ c: PayConcern, agent: String, figure: String, more: Int, range: SourceRange?, source: String) -> PlanWarning {
        let g = c.period.grain
        let cell = "\(agent).\(figure)[\(c.period)]"
        let moreEn = more == 0 ? "" : " (and \(more) more \(g.keyword)\(more == 1 ? "" : "s"))"
        let moreZh = more == 0 ? "" : "（另有 \(more) 个\(PlanWarning.zh(g))也是如此）"
        switch c.kind {
        case .negativePay:
            return PlanWarning(.negativePay, definition: figure,
                message: "\(cell) = \(c.value.moneyText) is below zero\(moreEn): the deductions and clawbacks of that \(g.keyword) are more than the pay; decide whether to carry them to later \(g.keyword)s (e.g. with a cap) or to pay 0",
                zh: "\(cell) = \(c.value.moneyText) 为负数\(moreZh)：当\(PlanWarning.zh(g))的扣款和追回超过了工资；请决定是结转到以后（例如设上限）还是发 0",
                range: range, source: source)
        case .negativeNetPay:
            return PlanWarning(.negativePay, definition: figure,
                message: "\(cell) = \(c.value.moneyText) is below zero\(moreEn): more is withheld (social insurance, housing fund, tax) than is paid",
                zh: "\(cell) = \(c.value.moneyText) 为负数\(moreZh)：代扣的社保、公积金和个税超过了应发工资",
                range: range, source: source)
        case .payError:
            return PlanWarning(.payError, definition: figure, message: "\(cell) is an error value", zh: "\(cell) 是错误值", range: range, source: source)
        case .belowMinimumWage:
            let m = minimumWords(c.minimum ?? .zero, c.prorated)
            return PlanWarning(.belowMinimumWage, definition: figure,
                message: "\(cell) = \(c.value.moneyText) is under the minimum wage (\(m.en))\(more == 0 ? "" : " (and \(more) more month\(more == 1 ? "" : "s") under it)"): a month worked must pay at least the local minimum wage",
                zh: "\(cell) = \(c.value.moneyText) 低于最低工资（\(m.zh)）\(more == 0 ? "" : "（另有 \(more) 个月也低于最低工资）")：在职月份的工资不得低于当地最低工资",
                range: range, source: source)
        }
    }

    /// The minimum wage a month is held to, in both languages: `minimum_wage 2,740.00` for a whole month;
    /// for a part month the prorated figure and how it was reached, "for the part of the month employed
    /// 1,511.72 = 2,740.00 × 12 paid days ÷ 21.75" / "在职部分 1,511.72 = 2,740.00 × 在职计薪日 12 天 ÷ 21.75".
    public static func minimumWords(_ minimum: Fixed, _ part: MinimumWage.Part?) -> (en: String, zh: String) {
        guard let p = part else { return ("minimum_wage \(minimum.moneyText)", "minimum_wage \(minimum.moneyText)") }
        let divisor = p.divisor.format(minimumFractionDigits: 0, grouping: false)
        switch p.basis {
        case .calendarDays:
            return ("for the part of the month employed \(minimum.moneyText) = minimum_wage \(p.whole.moneyText) × \(p.days) of \(divisor) calendar days",
                    "在职部分 \(minimum.moneyText) = minimum_wage \(p.whole.moneyText) × 在职 \(p.days)/\(divisor) 天")
        case .paidDays:
            return ("for the part of the month employed \(minimum.moneyText) = minimum_wage \(p.whole.moneyText) × \(p.days) paid days ÷ \(divisor)",
                    "在职部分 \(minimum.moneyText) = minimum_wage \(p.whole.moneyText) × 在职计薪日 \(p.days) 天 ÷ \(divisor)")
        }
    }

    /// The first number field of `o` outside the range its `field` declares: (field, value, range).
    ///
    /// - Complexity: O(the plan's definitions).
    public static func outsideFieldRange(_ o: Order, plan: Plan) -> (String, Fixed, AmountRange)? {
        for d in plan.definitions {
            guard case .field(let n, _, _, let range?) = d.statement, case .number(let v)? = o.fields[n], !range.contains(v) else { continue }
            return (n, v, range)
        }
        return nil
    }

    /// Stored orders with a number outside the range their field declares (a scenario saved before the
    /// range was written, or edited by hand): one warning per field, naming the first orders.
    ///
    /// - Complexity: O(orders × ranged fields).
    public static func orderFieldWarnings(workspace: Workspace) -> [PlanWarning] {
        var out: [PlanWarning] = []
        for d in workspace.plan.definitions {
            guard case .field(let n, _, _, let range?) = d.statement else { continue }
            let bad = workspace.orders.compactMap { o -> (String, Fixed)? in
                if case .number(let v)? = o.fields[n], !range.contains(v) { return (o.id, v) } else { return nil }
            }
            guard !bad.isEmpty else { continue }
            let shown = bad.prefix(3).map { "\($0.0) (\($0.1.moneyText))" }
            let more = bad.count > 3 ? " and \(bad.count - 3) more" : "", moreZh = bad.count > 3 ? " 等 \(bad.count) 笔" : ""
            out.append(PlanWarning(.inputOutOfRange, definition: n,
                message: "orders \(shown.joined(separator: ", "))\(more) have \(n) outside the range the plan declares (\(range)): correct them with order set ID \(n)=…",
                zh: "订单 \(shown.joined(separator: "、"))\(moreZh) 的 \(n) 超出方案规定的范围（\(range)）：请用 order set 编号 \(n)=… 更正",
                range: rangeText(in: d.source), source: d.source))
        }
        return out
    }
}
