/// Cell layout: where each (rule, agent, period) or (rule, order) lives in
/// the dense cell array, and the way back from a cell to its coordinates.
///
/// Rule `r` owns cells `offsets[r]..<offsets[r + 1]`: for a per-agent rule,
/// agent-major rows of one cell per period of its grain; for a team rule one
/// row; for an order rule one cell per order, in ID order. Agents appended in
/// place (`Engine+AgentEdits`) own a chunk each after the built cells.
extension Engine {
    /// The first cell of each rule, and the total cell count last.
    ///
    /// - Complexity: O(rules).
    static func layout(plan: CompiledPlan, agentCount: Int, orderCount: Int, years: Int) -> [Int] {
        var offsets = [0]
        for r in plan.rules {
            if r.dimension.perOrder { offsets.append(offsets.last! + orderCount); continue }
            let periods = Engine.periodCount(r.dimension.grain, years: years)
            offsets.append(offsets.last! + periods * (r.dimension.perAgent ? agentCount : 1))
        }
        return offsets
    }
    /// How many periods of `grain` the scenario's years hold (1 for `.none`).
    public static func periodCount(_ grain: Grain, years: Int) -> Int {
        grain == .none ? 1 : years * 12 / grain.months
    }
    /// How many periods of `grain` the scenario's years hold (1 for `.none`): divisions by
    /// constants, which the compiler turns into multiplications (this is read on every reference).
    @inline(__always) public func periodCount(_ grain: Grain) -> Int {
        switch grain {
        case .month: monthCount
        case .quarter: monthCount / 3
        case .half: monthCount / 6
        case .year: monthCount / 12
        case .none: 1
        }
    }

    static func cell(_ offsets: [Int], _ rule: Int, _ agent: Int, _ period: Int, _ grain: Grain, _ years: Int) -> Int {
        offsets[rule] + agent * periodCount(grain, years: years) + period
    }

    @inline(__always) func cell(_ rule: Int, _ agent: Int, _ period: Int) -> Int {
        let d = plan.rules[rule].dimension
        if d.perAgent && agent >= appended.baseAgentCount { return appended.cell(rule, agent, period) }
        return offsets[rule] + (d.perAgent ? agent : 0) * periodCount(d.grain) + period
    }

    /// The coordinates order rules are evaluated at for order `o`: its agent and month.
    func orderCoordinates(_ o: Int) -> Coordinates {
        Coordinates(agent: orderAgent[o], grain: .month, period: orderMonth[o], order: o)
    }

    /// The cell of order rule `rule` for the order with index `o`.
    public func cell(rule: Int, order o: Int) -> Int? {
        guard plan.rules[rule].dimension.perOrder, orders.indices.contains(o) else { return nil }
        return offsets[rule] + o
    }

    /// The index of the agent called `name`, or `nil`.
    ///
    /// - Complexity: O(1) (a dictionary built with the engine).
    public func agentIndex(named name: String) -> Int? { agentByName[name] }

    /// The index of the order with `id`, or `nil`.
    ///
    /// - Complexity: O(log orders) (binary search in ID order).
    public func orderIndex(id: String) -> Int? {
        var lo = 0, hi = orders.count
        while lo < hi { let m = (lo + hi) / 2; if Order.idPrecedes(orders[m].id, id) { lo = m + 1 } else { hi = m } }
        return lo < orders.count && orders[lo].id == id ? lo : nil
    }

    /// The rule owning cell `cell`.
    ///
    /// - Complexity: O(log rules).
    static func ruleOf(_ offsets: [Int], _ cell: Int) -> Int {
        var lo = 0, hi = offsets.count - 1
        while lo + 1 < hi {
            let mid = (lo + hi) / 2
            if offsets[mid] <= cell { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The rule, agent (0 for team cells) and period index of a cell.
    ///
    /// - Complexity: O(log rules).
    public func coordinates(ofCell c: Int) -> (rule: Int, coordinates: Coordinates) {
        if c >= appended.baseCellCount { return appendedCoordinates(c) }
        let r = Engine.ruleOf(offsets, c)
        let d = plan.rules[r].dimension
        if d.perOrder { return (r, orderCoordinates(c - offsets[r])) }
        let n = periodCount(d.grain)
        let rem = c - offsets[r]
        return (r, Coordinates(agent: rem / n, grain: d.grain, period: rem % n))
    }

    /// The agent of cell `c` (0 for a team cell) when `c` is a cell of rule `r`, else `nil`: what
    /// `coordinates(ofCell:)` says of such a cell, without searching the rules for the cell's
    /// (the session asks it of every cell an edit changed, thousands after a rule edit).
    ///
    /// - Complexity: O(1) for a cell of the rules' blocks or of an agent appended in place; O(log rules)
    ///   for an order's.
    public func agent(ofCell c: Int, inRule r: Int) -> Int? {
        if c >= appended.baseCellCount {
            let rel = c - appended.baseCellCount
            return Int(appended.chunkRule[rel % appended.chunkSize]) == r ? appended.baseAgentCount + rel / appended.chunkSize : nil
        }
        guard c >= offsets[r] && c < offsets[r + 1] else { return nil }
        let d = plan.rules[r].dimension
        if d.perOrder { return coordinates(ofCell: c).coordinates.agent }
        return (c - offsets[r]) / periodCount(d.grain)
    }

    /// The period at `index` of `grain` (index 0 is the first of the scenario's years).
    public func period(_ grain: Grain, _ index: Int) -> Period {
        Period(grain: grain, start: Month(index: startMonth.index + index * grain.months))
    }

    /// The index of `p` among the periods of its grain, or `nil` outside the scenario's years.
    public func index(of p: Period) -> Int? {
        if p.grain == .none { return 0 }
        let i = (p.start.index - startMonth.index) / p.grain.months
        return p.start.index >= startMonth.index && i < periodCount(p.grain) ? i : nil
    }

    /// `李雷.pay[2026-03]`, `pool[2026-03]`, `base_salary`: a cell as users write it.
    public func name(ofCell c: Int) -> String { reference(ofCell: c).description }

    /// Cell `c` as a reference: its figure and its agent, order and period.
    ///
    /// - Complexity: O(log rules).
    public func reference(ofCell c: Int) -> CellReference {
        let (r, k) = coordinates(ofCell: c)
        let rule = plan.rules[r]
        if rule.dimension.perOrder { return CellReference(figure: rule.name, order: orders[k.order].id) }
        return CellReference(figure: rule.name, agent: rule.dimension.perAgent ? agents[k.agent].name : nil,
                             period: rule.dimension.grain == .none ? nil : period(rule.dimension.grain, k.period))
    }

    /// The cell of `rule` for `agent` (ignored for team rules) at `period`,
    /// or `nil` when the period is outside the scenario or of another grain.
    ///
    /// - Complexity: O(1).
    public func cell(rule: Int, agent: Int, period: Period) -> Int? {
        let d = plan.rules[rule].dimension
        guard !d.perOrder, d.grain == period.grain || d.grain == .none, let i = index(of: period) else { return nil }
        guard !d.perAgent || agents.indices.contains(agent) else { return nil }
        return cell(rule, agent, d.grain == .none ? 0 : i)
    }

    /// The value of a cell.
    public func value(ofCell c: Int) -> Value { values[c] }

    /// The cells that read cell `c` directly.
    ///
    /// - Complexity: O(its dependents).
    public func dependents(ofCell c: Int) -> [Int] {
        var out: [Int] = [], seen = Set<Int32>()
        forEachDependent(c) { if seen.insert($0).inserted { out.append(Int($0)) } }
        return out
    }
    /// The cells that cell `c` reads directly (every branch of its formula).
    ///
    /// - Complexity: O(its dependencies).
    public func dependencies(ofCell c: Int) -> [Int] { dependencyList(c).map(Int.init) }

    /// Number of cells, for benchmarks and `stats`.
    public var cellCount: Int { values.count }
    /// Number of dependency edges stored (those through orders follow from the order templates, not stored).
    public var edgeCount: Int { dependencies.targets.count }
}
