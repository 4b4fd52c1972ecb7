/// A period whose pay the owner should look at before paying it: gross pay (the plan's pay
/// figure) below zero, take-home pay (`net_pay`) below zero, or — in a month the person is
/// employed — gross pay under the plan's `minimum_wage` parameter (CNY a month).
///
/// Found for `check` over every agent and period, on a pay statement for its person and
/// period, and after an edit only at the cells the edit changed (`PlanCheck.payWarnings`).
public struct PayConcern: Hashable, Sendable {
    public enum Kind: Int, Hashable, Sendable, CaseIterable {
        /// The gross pay figure is below zero.
        case negativePay
        /// Take-home pay (`net_pay`) is below zero: more is withheld than is paid.
        case negativeNetPay
        /// A month employed whose gross pay is under `minimum_wage`.
        case belowMinimumWage
        /// The gross pay figure is an error value that stops pay (`#OVERFLOW`, `#DIV/0!`, `#RANGE`, `#TYPE`; not `#MISSING` nor the plan's own `#ERROR`).
        case payError
    }
    public var kind: Kind
    /// The agent's index in the engine.
    public var agent: Int
    /// The period of the figure (a month for a monthly pay rule).
    public var period: Period
    /// The figure's value (CNY): gross pay, or take-home pay for `negativeNetPay`.
    public var value: Fixed
    /// The minimum wage it is under (CNY), for `belowMinimumWage`: the month's, or for a month employed
    /// only in part (hired or leaving mid-month) the part employed, to the fen (`MinimumWage.forMonth`).
    public var minimum: Fixed? = nil
    /// For a part month: how the minimum was prorated (the whole month's figure, the days counted and
    /// the divisor); nil for a whole month.
    public var prorated: MinimumWage.Part? = nil
    /// The error value, for `payError` (`value` is then 0).
    public var error: EvalError? = nil
}

/// The figures a pay concern reads, found once per engine.
public struct PayFigures: Sendable {
    /// The gross pay rule (`pay`; the plan's `report total` when it is not `net_pay`).
    public var gross: Int?
    /// `net_pay`, when the plan has take-home pay.
    public var net: Int?
    /// The plan's own `below_minimum_wage` flag (the take-home part's), read instead of comparing.
    public var belowMinimumFlag: Int?
    /// `minimum_wage` as it stands (CNY).
    public var minimumWage: Fixed?
    /// How a part month's minimum wage is prorated: the plan's `proration` switch (the basis its base
    /// pay is prorated by), paid days (21.75 a month) when it has none. See `MinimumWage`.
    public var proration: Proration = .paidDays
    /// The cell of the `minimum_wage` parameter: an edit that changes it is read over every agent's months.
    public var minimumWageCell: Int?

    /// - Complexity: O(1).
    public init(engine e: Engine) {
        let p = e.plan
        let perAgentPeriod: (Int) -> Bool = { r in let d = p.rules[r].dimension; return d.perAgent && !d.perOrder && d.grain != .none }
        var g = p.total
        if g == "net_pay", p.ruleIndex["pay"] != nil { g = "pay" }
        gross = g.flatMap { p.ruleIndex[$0] }.flatMap { perAgentPeriod($0) ? $0 : nil }
        net = p.ruleIndex["net_pay"].flatMap { perAgentPeriod($0) && $0 != gross ? $0 : nil }
        belowMinimumFlag = p.ruleIndex["below_minimum_wage"].flatMap { p.rules[$0].dimension.grain == .month && perAgentPeriod($0) ? $0 : nil }
        if let r = p.ruleIndex["minimum_wage"], case .parameter = p.rules[r].kind,
           let c = e.cell(rule: r, agent: 0, period: Period(grain: .none, start: e.startMonth)), case .number(let v) = e.value(ofCell: c) {
            minimumWage = v
            minimumWageCell = c
        }
        if let r = p.ruleIndex["proration"], case .parameter = p.rules[r].kind,
           let c = e.cell(rule: r, agent: 0, period: Period(grain: .none, start: e.startMonth)),
           case .text(let w) = e.value(ofCell: c), let basis = Proration(rawValue: w) {
            proration = basis
        }
    }

    /// The figures with the minimum wage as it was (`old`, the parameter's value before an edit).
    init(old: Value, _ f: PayFigures) {
        self = f
        if case .number(let v) = old { minimumWage = v } else { minimumWage = nil }
    }

    /// The rules whose changed cells can make or clear a concern.
    public var rules: [Int] { [gross, net, belowMinimumFlag].compactMap { $0 } }
}

extension PayConcern {
    /// The concerns of agent `a` at each period of the pay figures inside `period` (a month, or a
    /// quarter, half or year: each of its months for monthly figures).
    ///
    /// - Complexity: O(months of `period`).
    /// - Parameter read: a cell's value (the engine's by default; the value before an edit, to tell what is new).
    public static func concerns(engine e: Engine, figures f: PayFigures, agent a: Int, period: Period, read: ((Int) -> Value)? = nil) -> [PayConcern] {
        let read = read ?? { e.value(ofCell: $0) }
        guard mayHold(engine: e, figures: f, agent: a, period: period, read: read) else { return [] }
        var out: [PayConcern] = []
        func periods(_ r: Int) -> [Period] {
            let g = e.plan.rules[r].dimension.grain
            guard g.months <= max(period.grain.months, 1), period.grain != .none else {
                return period.grain == .none ? (0..<e.periodCount(g)).map { e.period(g, $0) } : []
            }
            return stride(from: period.start.index, to: period.start.index + max(period.grain.months, 1), by: g.months).map { Period(grain: g, start: Month(index: $0)) }
        }
        func number(_ r: Int, _ p: Period) -> Fixed? {
            guard let c = e.cell(rule: r, agent: a, period: p), case .number(let n) = read(c) else { return nil }
            return n
        }
        if let g = f.gross {
            for p in periods(g) {
                // An error that stops pay (#OVERFLOW, #DIV/0!, #RANGE, #TYPE); #MISSING (data not entered yet) is
                // said elsewhere, and the plan's own error("…") (#ERROR) is the plan refusing a setting, said on
                // the figure that raised it.
                if let c = e.cell(rule: g, agent: a, period: p), case .error(let err) = read(c), err.kind != .missing, err.kind != .raised {
                    out.append(PayConcern(kind: .payError, agent: a, period: p, value: .zero, error: err))
                    continue
                }
                out += at(engine: e, figures: f, agent: a, period: p, gross: number(g, p), read: read)
            }
        }
        if let n = f.net {
            for p in periods(n) { if let v = number(n, p), v.isNegative { out.append(PayConcern(kind: .negativeNetPay, agent: a, period: p, value: v)) } }
        }
        return out.sorted { ($0.period.start.index, $0.kind.rawValue) < ($1.period.start.index, $1.kind.rawValue) }
    }

    /// Whether agent `a` can have a concern at the pay figures inside `period` (the scenario's years, or
    /// one period of the pay figure's grain; any other period answers true), read cell by cell by index:
    /// false when every gross figure there is an amount not below zero that the plan's
    /// `below_minimum_wage` flag does not raise (or there is no minimum wage to be under, or the figure
    /// is not monthly), or is an error value that does not stop pay (`#MISSING`, `#ERROR`) or no amount,
    /// and no take-home figure is below zero. A plan with a minimum wage and no flag answers true for any
    /// monthly amount (the minimum it is held to needs the month's employment). `concerns` asks it first,
    /// so an agent with nothing to say costs a few cell reads, not a period list, an employment per
    /// month and a sort.
    ///
    /// - Complexity: O(periods of `period`).
    static func mayHold(engine e: Engine, figures f: PayFigures, agent a: Int, period: Period, read: (Int) -> Value) -> Bool {
        guard a >= 0, a < e.agents.count else { return true }
        /// The indices of rule `r`'s periods inside `period`, when they are that simple to tell.
        func indices(_ r: Int) -> Range<Int>? {
            let g = e.plan.rules[r].dimension.grain
            if period.grain == .none { return 0..<e.periodCount(g) }
            guard g == period.grain, let i = e.index(of: period) else { return nil }
            return i..<(i + 1)
        }
        if let g = f.gross {
            guard let range = indices(g) else { return true }
            let underMinimum = e.plan.rules[g].dimension.grain == .month && f.minimumWage != nil
            for i in range {
                switch read(e.cell(g, a, i)) {
                case .number(let v):
                    if v.isNegative { return true }
                    if underMinimum {
                        // The flag is monthly, as the pay figure: the same index.
                        guard let flag = f.belowMinimumFlag else { return true }
                        if isTrue(read(e.cell(flag, a, i))) { return true }
                    }
                case .error(let err):
                    if err.kind != .missing && err.kind != .raised { return true }
                default:
                    break
                }
            }
        }
        if let n = f.net {
            guard let range = indices(n) else { return true }
            for i in range {
                if case .number(let v) = read(e.cell(n, a, i)), v.isNegative { return true }
            }
        }
        return false
    }

    /// The gross-pay concerns of agent `a` at `p` (negative; under the minimum wage in a month employed).
    static func at(engine e: Engine, figures f: PayFigures, agent a: Int, period p: Period, gross: Fixed?, read: (Int) -> Value) -> [PayConcern] {
        guard let v = gross else { return [] }
        var out: [PayConcern] = []
        if v.isNegative { out.append(PayConcern(kind: .negativePay, agent: a, period: p, value: v)) }
        guard p.grain == .month, let whole = f.minimumWage else { return out }
        // The plan's own flag, when it has one, is read first: a month it does not raise has no concern,
        // and the employment (days, weekdays) is worked out only for one it does.
        let flagCell = f.belowMinimumFlag.flatMap { e.cell(rule: $0, agent: a, period: p) }
        if let c = flagCell, !isTrue(read(c)) { return out }
        let employment = e.agents[a].employment(in: p)
        guard employment.daysEmployed > 0 else { return out }
        let floor = MinimumWage.forMonth(whole, employment, f.proration)
        if flagCell != nil || v < floor.amount {
            out.append(PayConcern(kind: .belowMinimumWage, agent: a, period: p, value: v, minimum: floor.amount, prorated: floor.part))
        }
        return out
    }

    /// Whether `v` is the flag yes (a figure such as `below_minimum_wage` raised).
    @inline(__always) static func isTrue(_ v: Value) -> Bool {
        if case .bool(true) = v { return true }
        return false
    }

    /// Every concern of every agent over the scenario's years.
    ///
    /// - Complexity: O(agents × periods).
    public static func all(engine e: Engine, figures f: PayFigures) -> [PayConcern] {
        guard f.gross != nil || f.net != nil else { return [] }
        let whole = Period(grain: .none, start: e.startMonth)
        return e.agents.indices.flatMap { concerns(engine: e, figures: f, agent: $0, period: whole) }
    }

    /// The concerns an edit brought: at the agents and periods of the `changed` cells (cells of
    /// `figures.rules`; others are skipped), those that hold now and did not with the cells' old values.
    ///
    /// - Complexity: O(changed cells); O(agents × months) when the edit changed `minimum_wage` itself.
    public static func new(after changed: [Engine.Change], engine e: Engine, figures f: PayFigures) -> [PayConcern] {
        let rules = Set(f.rules)
        // The old values read are those of the pay figures' cells only (`concerns` reads no other).
        var old: [Int: Value] = [:]
        var places: [(agent: Int, period: Period)] = []
        var seen = Set<SIMD3<Int>>()
        var wage: Engine.Change? = nil
        let figureRules = f.rules, wageCell = f.minimumWageCell ?? -1
        // The pay figures' blocks of cells, for a range test per change; a cell of an agent appended in
        // place (after the blocks) is asked of the engine.
        let blocks = figureRules.map { e.offsets[$0]..<e.offsets[$0 + 1] }, blocksEnd = e.appended.baseCellCount
        for i in changed.indices {
            // Of each change only its cell is read (most are of other rules: a rule edit changes ~900,000
            // cells), told in O(1) per pay figure before the cell's coordinates are found.
            let c = changed[i].cell
            if c == wageCell, wage == nil { wage = changed[i] }
            var isFigure = false
            if c < blocksEnd {
                for b in blocks where b.contains(c) { isFigure = true; break }
            } else {
                for r in figureRules where e.agent(ofCell: c, inRule: r) != nil { isFigure = true; break }
            }
            guard isFigure else { continue }
            let (r, k) = e.coordinates(ofCell: c)
            guard rules.contains(r) else { continue }
            old[c] = changed[i].old
            let p = e.period(k.grain, k.period)
            if seen.insert(SIMD3(k.agent, p.start.index, p.grain.months)).inserted { places.append((k.agent, p)) }
        }
        if let g = f.gross, e.plan.rules[g].dimension.grain == .month, let ch = wage {
            // A new minimum wage: every agent's months are compared again (the flag rule, if any, changed too).
            let before = PayFigures(old: ch.old, f)
            return e.agents.indices.flatMap { a -> [PayConcern] in
                let whole = Period(grain: .none, start: e.startMonth)
                let was = Set(concerns(engine: e, figures: before, agent: a, period: whole, read: { old[$0] ?? e.value(ofCell: $0) }).map { SIMD3($0.kind.rawValue, $0.period.start.index, $0.period.grain.months) })
                return concerns(engine: e, figures: f, agent: a, period: whole).filter { !was.contains(SIMD3($0.kind.rawValue, $0.period.start.index, $0.period.grain.months)) }
            }
        }
        var out: [PayConcern] = []
        for (a, p) in places {
            // A place with no concern now has none new: the concerns before are worked out only where there are some now.
            let now = concerns(engine: e, figures: f, agent: a, period: p)
            if now.isEmpty { continue }
            let before = Set(concerns(engine: e, figures: f, agent: a, period: p, read: { old[$0] ?? e.value(ofCell: $0) }).map { SIMD3($0.kind.rawValue, $0.period.start.index, $0.period.grain.months) })
            out += now.filter { !before.contains(SIMD3($0.kind.rawValue, $0.period.start.index, $0.period.grain.months)) }
        }
        return out
    }
}
