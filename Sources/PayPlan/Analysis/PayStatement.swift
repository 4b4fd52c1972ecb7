/// A pay statement (工资条) for one person and period, built from the plan: earnings (应发项目)
/// added to 应发合计, deductions (扣款项目) subtracted, the plan's pay figure, and — when the plan
/// has take-home figures (`social_insurance`, `housing_fund`, `tax`, `net_pay`) — 社保, 公积金,
/// 个税 and 实发. KPIs and flags are kept apart (`info`) and never added. Amounts are CNY.
///
/// The sections come from the plan's `payslip earnings|deductions|info|total` statements; a plan
/// that declares none is read off its pay rule (`pay = base + commission − penalty`: each added
/// term an earning, each subtracted one a deduction, sub-totals opened up). The lines always add up
/// to the totals: if the plan's figures leave a difference, it is shown as its own line
/// (`unlisted`), never hidden. Words are left to the renderer (`PayPlanREPL`).
/// A figure's value in one period (a month of a quarter's statement).
public struct PeriodValue: Sendable, Equatable {
    public var period: Period
    public var value: Value
}

public struct PayStatement: Sendable {
    /// One line: a figure (or attribute, or the unlisted difference) and how it was reached.
    public struct Line: Sendable {
        public enum Kind: Sendable, Equatable {
            case figure, attribute
            /// What the plan's total holds beyond the lines listed.
            case unlisted
        }
        public var name: String
        public var label: String?
        public var kind: Kind
        public var value: Value
        /// How it was reached, for a one-period figure (nil for sums over months, attributes, the difference).
        public var explanation: PlainExplanation?
        /// True when the value is a sum of the figure's months (a quarter's statement).
        public var summedOverMonths: Bool
        /// For a yes/no or text figure (a flag, a grade) on a longer period's statement: its value in each
        /// of the figure's periods, since such figures do not add up (`nil` otherwise).
        public var byPeriod: [PeriodValue]? = nil
        /// True when the figure counts things (`RuleKind.isCount`): shown as a whole number, not as CNY.
        public var isCount: Bool = false
        /// For a balance on a longer period's statement (`CompiledPlan.isBalance(rule:)`: damage still to
        /// deduct), the period whose value is shown: the last month's, never the months added up (`nil` otherwise).
        public var balanceAt: Period? = nil
        /// For a longer-period figure shown for reference on a shorter statement (a year figure such as
        /// 社保缴费基数 on a month's): the longer period whose value is shown, since the figure has no
        /// value of its own for the month (`nil` otherwise).
        public var shownFor: Period? = nil
    }

    public var scenario: String
    public var agent: String
    /// The person's employee ID (工号), if the scenario records one.
    public var agentID: String?
    public var period: Period
    public var earnings: [Line] = []
    public var deductions: [Line] = []
    /// 应发合计 and 扣款合计 (nil when a line is not a number, e.g. an error value).
    public var earningsTotal: Value = .number(.zero), deductionsTotal: Value = .number(.zero)
    /// The plan's pay figure (= 应发合计 − 扣款合计).
    public var total: Line?
    /// 社保, 公积金, 个税 (as the plan names them), then 实发 (`net_pay`).
    public var takeHome: [Line] = []
    public var net: Line?
    public var info: [Line] = []
    /// True when the sections were declared by the plan (`payslip …`), false when read off the pay rule.
    public var declared: Bool
    /// The months (periods of the pay figures) inside the statement's period whose pay is below zero or
    /// under the minimum wage (`PayConcern`), in period order: the statement says so in every format.
    public var concerns: [PayConcern] = []
    /// The lines whose value is an error value (`#ERROR`, `#DIV/0!`, `#MISSING` …), in print order, each
    /// with its error: such a statement cannot be paid as it stands, and says which line and why in
    /// every format, on screen and in the file — its totals are never summed over the error silently.
    public var problems: [Problem] = []

    /// A line that is an error value; `added` when the line counts in a total (earnings, deductions,
    /// take-home), false for a line shown for reference (`info`).
    public struct Problem: Sendable {
        public var line: Line
        public var error: EvalError
        public var added: Bool
        /// Where the error started, with that figure's label (nil when it carries no origin).
        public var origin: ErrorOrigin? = nil
        /// True for the plan's pay figure (`total`) when it is an error value of its own: no earning or
        /// deduction above it is one, so the lines are not its parts.
        public var isTotal: Bool = false
    }

    /// The take-home figures a statement shows after the pay figure, in order.
    public static let takeHomeFigures = ["social_insurance", "housing_fund", "tax"]

    /// Builds the statement of agent index `a` for period `p` (a month, or a longer period summing its months).
    ///
    /// - Complexity: O(lines × months of `p` × size of the pay rule).
    public init(engine e: Engine, plan: Plan, scenario: String, agent a: Int, period p: Period) {
        self.scenario = scenario
        agent = e.agents[a].name
        agentID = e.agents[a].id
        period = p
        let compiled = e.plan
        let declaredSections = compiled.payslip
        declared = declaredSections[.earnings] != nil || declaredSections[.deductions] != nil
        let totalName = declaredSections[.total]?.first
            ?? (compiled.total == "net_pay" && compiled.ruleIndex["pay"] != nil ? "pay" : compiled.total)

        func line(_ name: String) -> Line? {
            guard let r = compiled.ruleIndex[name] else { return nil }
            return PayStatement.figureLine(e, plan, r, a, p)
        }
        var unnamed: (expression: CExpr, at: Coordinates, positive: Bool)? = nil
        if declared {
            earnings = (declaredSections[.earnings] ?? []).compactMap(line)
            deductions = (declaredSections[.deductions] ?? []).compactMap(line)
        } else if let t = totalName, let r = compiled.ruleIndex[t] {
            (earnings, deductions, unnamed) = PayStatement.derivedLines(e, plan, r, a, p)
        }
        total = totalName.flatMap(line)
        earningsTotal = PayStatement.sum(earnings)
        deductionsTotal = PayStatement.sum(deductions)
        // The lines add up to the pay figure; a difference is its own line.
        if let t = total?.value.number, let ea = earningsTotal.number, let de = deductionsTotal.number,
           let diff = Fixed.checkedSubtract(t, ea).flatMap({ Fixed.checkedAdd($0, de) }), !diff.isZero {
            var extra = Line(name: "unlisted", label: nil, kind: .unlisted, value: .number(diff.isNegative ? -diff : diff), explanation: nil, summedOverMonths: false)
            // Read off the pay rule: the difference is its terms that name no figure (2% × 销售额), said as such.
            if let u = unnamed, u.positive != diff.isNegative, case .number(let v) = e.eval(u.expression, u.at), v == extra.value.number {
                var b = PhraseBuilder(engine: e, plan: plan)
                extra.explanation = PlainExplanation(figure: FigureName(name: "unlisted", label: nil, value: extra.value), period: p, agent: agent,
                                                     order: nil, how: b.how(u.expression, u.at, top: true), rounding: b.rounding, parts: [])
            }
            if diff.isNegative { deductions.append(extra) } else { earnings.append(extra) }
            earningsTotal = PayStatement.sum(earnings)
            deductionsTotal = PayStatement.sum(deductions)
        }
        if compiled.ruleIndex["net_pay"] != nil, totalName != "net_pay" {
            takeHome = PayStatement.takeHomeFigures.compactMap(line)
            net = line("net_pay")
            if let t = total?.value.number, let n = net?.value.number, let th = PayStatement.sum(takeHome).number,
               let diff = Fixed.checkedSubtract(t, th).flatMap({ Fixed.checkedSubtract($0, n) }), !diff.isZero {
                takeHome.append(Line(name: "unlisted", label: nil, kind: .unlisted, value: .number(diff), explanation: nil, summedOverMonths: false))
            }
        }
        let shown = Set((earnings + deductions + takeHome).map(\.name) + [totalName ?? "", "net_pay"])
        let infoNames = declaredSections[.info] ?? e.reportFigures.filter { !shown.contains($0) }
        // Shown for reference, a year figure on a month's statement is the year's, marked so (M2).
        info = infoNames.compactMap { name in compiled.ruleIndex[name].map { PayStatement.figureLine(e, plan, $0, a, p, forReference: true) } }
        concerns = PayConcern.concerns(engine: e, figures: PayFigures(engine: e), agent: a, period: p)
        func errors(_ lines: [Line], added: Bool) -> [Problem] {
            lines.compactMap { l in if case .error(let err) = l.value { Problem(line: l, error: err, added: added, origin: compiled.origin(of: err)) } else { nil } }
        }
        problems = errors(earnings + deductions, added: true)
        // The pay figure an error value while no line above it is one (its own formula failed: a division by
        // zero, an overflow): the lines do not add up to it, so the statement says it, with its place and reason,
        // rather than a pay figure the lines above seem to make (fresh-user finding 1, session 13).
        if let t = total, case .error(let err) = t.value, problems.isEmpty {
            problems.append(Problem(line: t, error: err, added: true, origin: compiled.origin(of: err), isTotal: true))
            // The month's own "pay is an error value" concern says less than this; a longer statement's months keep theirs.
            concerns.removeAll { $0.kind == .payError && $0.period == p }
        }
        problems += errors(takeHome, added: true) + errors(info, added: false)
    }

    /// Σ of the lines' numbers, or the first line's error value (or `#TYPE` text) when one is not a number.
    static func sum(_ lines: [Line]) -> Value {
        var s = Fixed.zero
        for l in lines {
            guard case .number(let n) = l.value else { return l.value.isError ? l.value : .error(EvalError(.notAnAmount(figure: l.name))) }
            guard let t = Fixed.checkedAdd(s, n) else { return .error(EvalError(.statementTotalTooLarge)) }
            s = t
        }
        return .number(s)
    }

    /// A figure's line at `p`: its own cell when the grains match (explained), the sum of its months
    /// for a longer period, and for a longer-period figure in a month, its value when paid in that month, else 0
    /// — or, `forReference` (the info section, never added up), the longer period's value, marked `shownFor`.
    static func figureLine(_ e: Engine, _ plan: Plan, _ r: Int, _ a: Int, _ p: Period, forReference: Bool = false) -> Line {
        let rule = e.plan.rules[r]
        let g = rule.dimension.grain
        var l = Line(name: rule.name, label: rule.label, kind: .figure, value: .number(.zero), explanation: nil, summedOverMonths: false)
        l.isCount = e.plan.countsThings(rule: r)
        if g == p.grain || g == .none, let c = e.cell(rule: r, agent: a, period: p) {
            l.value = e.value(ofCell: c)
            l.explanation = e.plainExplanation(cell: c, plan: plan, depth: 0)
        } else if g < p.grain {
            // Amounts add up over the months; yes/no flags and grades are shown month by month.
            let each = stride(from: p.start.index, to: p.start.index + p.grain.months, by: g.months).compactMap { m -> PeriodValue? in
                let q = Period(grain: g, start: Month(index: m))
                return e.cell(rule: r, agent: a, period: q).map { PeriodValue(period: q, value: e.value(ofCell: $0)) }
            }
            if each.contains(where: { if case .bool = $0.value { true } else if case .text = $0.value { true } else { false } }) {
                l.byPeriod = each
                l.value = each.first { $0.value.isError }?.value ?? .text("")
            } else if e.plan.isBalance(rule: r), let last = each.last {
                l.value = last.value
                l.balanceAt = last.period
            } else {
                l.value = e.figure(rule: rule.name, agent: e.agents[a].name, period: p) ?? .number(.zero)
                l.summedOverMonths = true
            }
        } else {
            let containing = Period.containing(p.start, grain: g)
            if containing.lastMonth == p.lastMonth || forReference, let c = e.cell(rule: r, agent: a, period: containing) {
                l.value = e.value(ofCell: c)
                l.explanation = e.plainExplanation(cell: c, plan: plan, depth: 0)
                if forReference { l.shownFor = containing }
            }
        }
        return l
    }

    /// Earnings and deductions read off the pay rule `r`: its added and subtracted terms at each of
    /// the rule's periods inside `p`, conditions decided, sub-totals (figures that are sums) opened up.
    /// Also returns, for a one-period statement, the pay rule's terms that name no figure (`2% * sales`)
    /// as one sum, when they are all added or all subtracted (`positive`), with the coordinates to read it at.
    static func derivedLines(_ e: Engine, _ plan: Plan, _ r: Int, _ a: Int, _ p: Period) -> ([Line], [Line], (expression: CExpr, at: Coordinates, positive: Bool)?) {
        let g = e.plan.rules[r].dimension.grain
        var order: [String] = []
        var lines: [String: (line: Line, positive: Bool)] = [:]
        var unnamed: [(CExpr, Bool)] = [], unnamedAt: Coordinates? = nil
        let periods: [Period] = g == .none || g == p.grain ? [p] : (g < p.grain ? stride(from: p.start.index, to: p.start.index + p.grain.months, by: g.months).map { Period(grain: g, start: Month(index: $0)) } : [])
        for sub in periods {
            guard let c = e.cell(rule: r, agent: a, period: sub) else { continue }
            let k = e.coordinates(ofCell: c).coordinates
            guard case .formula(let f) = e.plan.rules[r].kind else { continue }
            var terms: [(CExpr, Bool)] = []
            decompose(f, k, true, e, &terms, depth: 0)
            for (t, positive) in terms {
                var l: Line
                switch t {
                case .ref(let tr, 0), .paid(let tr):
                    let rule = e.plan.rules[tr]
                    l = Line(name: rule.name, label: rule.label, kind: .figure, value: e.eval(t, k), explanation: nil, summedOverMonths: periods.count > 1)
                    if periods.count == 1, case .ref = t, let tc = e.mapRef(tr, 0, k) { l.explanation = e.plainExplanation(cell: tc, plan: plan, depth: 0) }
                    if periods.count == 1, case .paid = t, let tc = e.paidCell(tr, k) { l.explanation = e.plainExplanation(cell: tc, plan: plan, depth: 0) }
                case .attribute(let n, _):
                    l = Line(name: n, label: plan.definition(named: n)?.statement.label, kind: .attribute, value: e.eval(t, k), explanation: nil, summedOverMonths: periods.count > 1)
                default:
                    // A term that is no named figure (a constant, arithmetic): counted in the unlisted difference.
                    if periods.count == 1 { unnamed.append((t, positive)); unnamedAt = k }
                    continue
                }
                let key = (positive ? "+" : "-") + l.name
                if var existing = lines[key] {
                    if case .number(let x) = existing.line.value, case .number(let y) = l.value, let s = Fixed.checkedAdd(x, y) { existing.line.value = .number(s) } else if !existing.line.value.isError { existing.line.value = l.value }
                    lines[key] = existing
                } else {
                    order.append(key)
                    lines[key] = (l, positive)
                }
            }
        }
        let all = order.compactMap { lines[$0] }
        var rest: (expression: CExpr, at: Coordinates, positive: Bool)? = nil
        if let k = unnamedAt, let first = unnamed.first, unnamed.allSatisfy({ $0.1 == first.1 }) {
            rest = (unnamed.dropFirst().reduce(first.0) { .arithmetic(.add, $0, $1.0) }, k, first.1)
        }
        return (all.filter(\.positive).map(\.line), all.filter { !$0.positive }.map(\.line), rest)
    }

    /// The added (`positive`) and subtracted terms of `e` at `k`: `if` decided, constant zeros dropped,
    /// and a term that is a per-agent figure whose own formula is a sum opened into its terms.
    static func decompose(_ e: CExpr, _ k: Coordinates, _ positive: Bool, _ engine: Engine, _ out: inout [(CExpr, Bool)], depth: Int) {
        switch e {
        case .arithmetic(.add, let a, let b):
            decompose(a, k, positive, engine, &out, depth: depth); decompose(b, k, positive, engine, &out, depth: depth)
        case .arithmetic(.subtract, let a, let b):
            decompose(a, k, positive, engine, &out, depth: depth); decompose(b, k, !positive, engine, &out, depth: depth)
        case .negate(let a): decompose(a, k, !positive, engine, &out, depth: depth)
        case .ifThen(let c, let a, let b):
            if case .bool(let t) = engine.eval(c, k) { decompose(t ? a : b, k, positive, engine, &out, depth: depth) } else { out.append((e, positive)) }
        case .constant(.number(let n)) where n.isZero: break
        case .ref(let r, 0) where depth < 4:
            let rule = engine.plan.rules[r]
            if rule.dimension.grain == k.grain, rule.dimension.perAgent, case .formula(let f) = rule.kind, isSubtotal(f, k, engine) {
                decompose(f, k, positive, engine, &out, depth: depth + 1)
            } else { out.append((e, positive)) }
        default: out.append((e, positive))
        }
    }

    /// True when `e`, its conditions decided, is a sub-total: a sum or difference of two or more
    /// figures, attributes or paid bonuses (`pay_before_damage = base_pay − deduction + commission`),
    /// not a figure with its own arithmetic (`commission = tier_commission − sum(… over orders)`).
    static func isSubtotal(_ e: CExpr, _ k: Coordinates, _ engine: Engine) -> Bool {
        switch e {
        case .arithmetic(.add, _, _), .arithmetic(.subtract, _, _):
            var terms: [(CExpr, Bool)] = []
            flatten(e, true, &terms)
            return terms.allSatisfy { t in
                if isTerm(t.0) { return true }
                if case .ifThen(let c, let a, let b) = t.0, case .bool(let v) = engine.eval(c, k) { return isSubtotal(v ? a : b, k, engine) || isTerm(v ? a : b) }
                return false
            }
        case .ifThen(let c, let a, let b):
            if case .bool(let t) = engine.eval(c, k) { return isSubtotal(t ? a : b, k, engine) }
            return false
        default: return false
        }
    }

    static func isTerm(_ e: CExpr) -> Bool { switch e { case .ref(_, 0), .paid, .attribute: true; default: false } }

    static func flatten(_ e: CExpr, _ positive: Bool, _ out: inout [(CExpr, Bool)]) {
        switch e {
        case .arithmetic(.add, let a, let b): flatten(a, positive, &out); flatten(b, positive, &out)
        case .arithmetic(.subtract, let a, let b): flatten(a, positive, &out); flatten(b, !positive, &out)
        default: out.append((e, positive))
        }
    }

    /// Every line in the order a statement prints them (earnings, deductions, total, take-home, net, info).
    public var allLines: [Line] { earnings + deductions + (total.map { [$0] } ?? []) + takeHome + (net.map { [$0] } ?? []) + info }
}
