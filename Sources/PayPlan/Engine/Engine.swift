import HeapModule

/// The coordinates a formula is evaluated at: an agent (or the team), a
/// grain, and a period index counted from the scenario's first period of that grain.
public struct Coordinates: Sendable, Equatable {
    public var agent: Int
    public var grain: Grain
    public var period: Int
    /// The amount being looked up, inside a table row.
    public var x: Fixed?
    /// The order, for order rules (−1 elsewhere).
    public var order: Int
    public init(agent: Int, grain: Grain, period: Int, x: Fixed? = nil, order: Int = -1) {
        self.agent = agent; self.grain = grain; self.period = period; self.x = x; self.order = order
    }
}

/// The computed figures of one workspace: a dense cell array, a dependency
/// graph over the cells, and the topological order to recompute them in.
///
/// A cell is (rule, agent, period). Each rule owns a block of cells, one per
/// agent (or one for a team rule) and period of its grain across the
/// scenario's years. Dependencies are read off the compiled formulas, all
/// branches included, so they do not change with the data: an input edit
/// recomputes only the cells downstream of it, in topological order, and
/// stops where a value comes out unchanged. Structural changes (rules,
/// tables, agents, years) build a new engine.
public final class Engine {
    public let plan: CompiledPlan
    public let agents: [Agent]
    /// January of the scenario's first year.
    public let startMonth: Month
    public let years: ClosedRange<Int>
    /// The workspace's orders, in ID order; order cells are numbered the same way.
    public let orders: [Order]
    /// Each order's credited agent (index), or −1.
    let orderAgent: [Int]
    /// Each order's month, as an index from `startMonth` (may lie outside the years).
    let orderMonth: [Int]
    let calendar: WorkCalendar
    /// The as-of date (`as_of`).
    public let asOf: Day
    /// Per grouping: (agent + 1) × months + month → the orders booked there, in ID order
    /// (agent 0 of the key is "all agents").
    private(set) var buckets: [[[Int32]]] = []
    let offsets: [Int]
    /// Months in the scenario's years (12 × years).
    let monthCount: Int
    public private(set) var values: [Value]
    var stored: InputStore
    private(set) var dependencies: CSRGraph
    private(set) var dependents: CSRGraph
    private(set) var order: [Int32]
    private(set) var position: [Int32]

    /// Compiles the workspace's plan, builds the cell graph and computes every cell.
    ///
    /// - Throws: `CompileError` (unknown name, wrong dimension, bad table use),
    ///   `CycleError` (rules that depend on each other in a circle).
    /// - Complexity: O(cells + dependencies).
    public init(workspace: Workspace) throws {
        var extraKeys = Set<String>()
        for a in workspace.agents { extraKeys.formUnion(a.extra.keys) }
        var fieldKeys = Set<String>()
        for o in workspace.orders { fieldKeys.formUnion(o.fields.keys) }
        self.plan = try CompiledPlan(plan: workspace.plan, agentAttributes: extraKeys, orderFields: fieldKeys)
        self.agents = workspace.agents
        self.years = workspace.years
        self.startMonth = Month(year: workspace.years.lowerBound, month: 1)
        self.orders = workspace.orders
        self.calendar = workspace.calendar
        self.asOf = workspace.knownOn
        var agentByName: [String: Int] = [:]
        for (i, a) in workspace.agents.enumerated() { agentByName[a.name] = i }
        orderAgent = workspace.orders.map { $0.agent.flatMap { agentByName[$0] } ?? -1 }
        let start = startMonth
        orderMonth = workspace.orders.map { $0.date.monthValue.index - start.index }
        let yearCount = workspace.years.count
        var offsets = [0]
        for r in plan.rules {
            if r.dimension.perOrder { offsets.append(offsets.last! + workspace.orders.count); continue }
            let periods = Engine.periodCount(r.dimension.grain, years: yearCount)
            offsets.append(offsets.last! + periods * (r.dimension.perAgent ? workspace.agents.count : 1))
        }
        self.offsets = offsets
        let total = offsets.last!
        values = Array(repeating: .number(.zero), count: total)
        monthCount = yearCount * 12
        stored = InputStore(plan: plan, offsets: offsets)
        // Stored inputs.
        let nameToAgent = agentByName
        func periodIndex(_ p: Period) -> Int? {
            guard p.grain != .none else { return 0 }
            let i = (p.start.index - start.index) / p.grain.months
            return i >= 0 && i < Engine.periodCount(p.grain, years: yearCount) ? i : nil
        }
        for (r, rule) in plan.rules.enumerated() {
            guard case .input = rule.kind else { continue }
            if rule.dimension.perAgent {
                for (agentName, byInput) in workspace.inputs {
                    guard let a = nameToAgent[agentName], let series = byInput[rule.name] else { continue }
                    for (p, v) in series where p.grain == rule.dimension.grain {
                        if let i = periodIndex(p) { stored[Engine.cell(offsets, r, a, i, rule.dimension.grain, yearCount)] = v }
                    }
                }
            } else if let series = workspace.teamInputs[rule.name] {
                for (p, v) in series where p.grain == rule.dimension.grain {
                    if let i = periodIndex(p) { stored[Engine.cell(offsets, r, 0, i, rule.dimension.grain, yearCount)] = v }
                }
            }
        }
        // Dependencies, cell by cell.
        var depOffsets = [Int32](); depOffsets.reserveCapacity(total + 1)
        var depTargets = [Int32](); depTargets.reserveCapacity(total * 4)
        depOffsets.append(0)
        self.dependencies = CSRGraph(offsets: [], targets: [])
        self.dependents = CSRGraph(offsets: [], targets: [])
        self.order = []
        self.position = []
        computeStaticRules()
        buildBuckets()
        for r in plan.rules.indices {
            let rule = plan.rules[r]
            if rule.dimension.perOrder {
                for o in orders.indices {
                    collectCellDependencies(rule, orderCoordinates(o), &depTargets)
                    depOffsets.append(Int32(depTargets.count))
                }
                continue
            }
            let periods = Engine.periodCount(rule.dimension.grain, years: yearCount)
            let agentSlots = rule.dimension.perAgent ? agents.count : 1
            if rule.dimension.perAgent && agentSlots > 1 && Engine.sameShapeForEveryAgent(rule.kind) {
                // The cells read by agent a's cell are agent 0's, moved by a rows in each per-agent rule.
                var template: [(first: Int32, count: Int32)] = []
                var shifted: [(cell: Int32, step: Int32)] = []
                for p in 0..<periods {
                    let start = depTargets.count
                    collectCellDependencies(rule, Coordinates(agent: 0, grain: rule.dimension.grain, period: p), &depTargets)
                    template.append((Int32(shifted.count), Int32(depTargets.count - start)))
                    for d in depTargets[start...] {
                        let target = plan.rules[Engine.ruleOf(offsets, Int(d))].dimension
                        shifted.append((d, target.perAgent && !target.perOrder ? Int32(Engine.periodCount(target.grain, years: yearCount)) : 0))
                    }
                    depOffsets.append(Int32(depTargets.count))
                }
                for a in 1..<agentSlots {
                    let a32 = Int32(a)
                    for p in 0..<periods {
                        let (first, count) = template[p]
                        for k in Int(first)..<Int(first + count) { depTargets.append(shifted[k].cell + a32 * shifted[k].step) }
                        depOffsets.append(Int32(depTargets.count))
                    }
                }
                continue
            }
            for a in 0..<agentSlots {
                for p in 0..<periods {
                    collectCellDependencies(rule, Coordinates(agent: a, grain: rule.dimension.grain, period: p), &depTargets)
                    depOffsets.append(Int32(depTargets.count))
                }
            }
        }
        let forward = CSRGraph(offsets: depOffsets, targets: depTargets)
        let backward = forward.reversed()
        // Kahn's algorithm.
        var indegree = [Int32](repeating: 0, count: total)
        for c in 0..<total { indegree[c] = depOffsets[c + 1] - depOffsets[c] }
        var topo = [Int32](); topo.reserveCapacity(total)
        for c in 0..<total where indegree[c] == 0 { topo.append(Int32(c)) }
        var head = 0
        backward.offsets.withUnsafeBufferPointer { offs in
            backward.targets.withUnsafeBufferPointer { targets in
                indegree.withUnsafeMutableBufferPointer { indeg in
                    while head < topo.count {
                        let c = Int(topo[head]); head += 1
                        for k in Int(offs[c])..<Int(offs[c + 1]) {
                            let d = Int(targets[k])
                            indeg[d] -= 1
                            if indeg[d] == 0 { topo.append(Int32(d)) }
                        }
                    }
                }
            }
        }
        if topo.count < total {
            let remaining = indegree.map { $0 > 0 }
            let start = remaining.firstIndex(of: true)!
            // Walk dependencies inside the remaining cells until one repeats.
            var seen: [Int: Int] = [:]
            var path: [Int] = []
            var c = start
            while seen[c] == nil {
                seen[c] = path.count
                path.append(c)
                c = Int(forward.neighbours(c).first { remaining[Int($0)] }!)
            }
            let cycleCells = Array(path[seen[c]!...]) + [c]
            var names: [String] = []
            for cell in cycleCells {
                let n = plan.rules[Engine.ruleOf(offsets, cell)].name
                if names.last != n { names.append(n) }
            }
            if names.count == 1 { names.append(names[0]) }
            throw CycleError(path: names, definition: names[0])
        }
        var pos = [Int32](repeating: 0, count: total)
        for (i, c) in topo.enumerated() { pos[Int(c)] = Int32(i) }
        self.dependencies = forward
        self.dependents = backward
        self.order = topo
        self.position = pos
        for c in topo { values[Int(c)] = compute(Int(c)) }
    }

    // MARK: Cells and coordinates

    /// How many periods of `grain` the scenario's years hold (1 for `.none`).
    public static func periodCount(_ grain: Grain, years: Int) -> Int {
        grain == .none ? 1 : years * 12 / grain.months
    }
    @inline(__always) public func periodCount(_ grain: Grain) -> Int { grain == .none ? 1 : monthCount / grain.months }

    static func cell(_ offsets: [Int], _ rule: Int, _ agent: Int, _ period: Int, _ grain: Grain, _ years: Int) -> Int {
        offsets[rule] + agent * periodCount(grain, years: years) + period
    }

    @inline(__always) func cell(_ rule: Int, _ agent: Int, _ period: Int) -> Int {
        let d = plan.rules[rule].dimension
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

    /// The index of the order with `id`, or `nil`.
    public func orderIndex(id: String) -> Int? {
        var lo = 0, hi = orders.count
        while lo < hi { let m = (lo + hi) / 2; if Order.idPrecedes(orders[m].id, id) { lo = m + 1 } else { hi = m } }
        return lo < orders.count && orders[lo].id == id ? lo : nil
    }

    static func ruleOf(_ offsets: [Int], _ cell: Int) -> Int {
        var lo = 0, hi = offsets.count - 1
        while lo + 1 < hi {
            let mid = (lo + hi) / 2
            if offsets[mid] <= cell { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The rule, agent (0 for team cells) and period index of a cell.
    public func coordinates(ofCell c: Int) -> (rule: Int, coordinates: Coordinates) {
        let r = Engine.ruleOf(offsets, c)
        let d = plan.rules[r].dimension
        if d.perOrder { return (r, orderCoordinates(c - offsets[r])) }
        let n = periodCount(d.grain)
        let rem = c - offsets[r]
        return (r, Coordinates(agent: rem / n, grain: d.grain, period: rem % n))
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
    public func name(ofCell c: Int) -> String {
        let (r, k) = coordinates(ofCell: c)
        let rule = plan.rules[r]
        if rule.dimension.perOrder { return "\(orders[k.order].id).\(rule.name)" }
        var s = rule.dimension.perAgent ? "\(agents[k.agent].name).\(rule.name)" : rule.name
        if rule.dimension.grain != .none { s += "[\(period(rule.dimension.grain, k.period))]" }
        return s
    }

    /// The cell of `rule` for `agent` (ignored for team rules) at `period`,
    /// or `nil` when the period is outside the scenario or of another grain.
    public func cell(rule: Int, agent: Int, period: Period) -> Int? {
        let d = plan.rules[rule].dimension
        guard !d.perOrder, d.grain == period.grain || d.grain == .none, let i = index(of: period) else { return nil }
        guard !d.perAgent || agents.indices.contains(agent) else { return nil }
        return cell(rule, agent, d.grain == .none ? 0 : i)
    }

    /// The value of a cell.
    public func value(ofCell c: Int) -> Value { values[c] }

    /// The cells that read cell `c` directly.
    public func dependents(ofCell c: Int) -> [Int] { dependents.neighbours(c).map(Int.init) }
    /// The cells that cell `c` reads directly (every branch of its formula).
    public func dependencies(ofCell c: Int) -> [Int] { dependencies.neighbours(c).map(Int.init) }

    /// Number of cells, for benchmarks and `stats`.
    public var cellCount: Int { values.count }
    /// Number of dependency edges.
    public var edgeCount: Int { dependencies.targets.count }

    // MARK: Editing

    /// Stores an input (or clears it with `nil`) and recomputes what depends on it.
    ///
    /// - Returns: the cells whose value changed with their old values, the
    ///   input's own cell first, in the order they were recomputed.
    /// - Complexity: O(affected cells × log affected cells).
    public func setInput(cell c: Int, value: Fixed?) -> [(cell: Int, old: Value)] {
        stored[c] = value
        return recompute(from: [c])
    }

    /// The stored input of an input cell, if one was entered.
    public func storedInput(cell c: Int) -> Fixed? { stored[c] }

    /// Recomputes `seeds` and everything downstream in topological order,
    /// stopping where a value is unchanged.
    func recompute(from seeds: [Int]) -> [(cell: Int, old: Value)] {
        var heap = Heap<Int32>()
        var queued = Set<Int32>()
        for s in seeds where queued.insert(position[s]).inserted { heap.insert(position[s]) }
        var changed: [(cell: Int, old: Value)] = []
        while let p = heap.popMin() {
            let c = Int(order[Int(p)])
            let new = compute(c)
            if new == values[c] { continue }
            changed.append((c, values[c]))
            values[c] = new
            for d in dependents.neighbours(c) where queued.insert(position[Int(d)]).inserted {
                heap.insert(position[Int(d)])
            }
        }
        return changed
    }

    // MARK: Computing a cell

    func compute(_ c: Int) -> Value {
        let (r, k) = coordinates(ofCell: c)
        var v: Value
        switch plan.rules[r].kind {
        case .input(let def):
            if let s = stored[c] { return .number(s) }
            let rule = plan.rules[r]
            if let d = def { v = eval(d, k) } else {
                let who = rule.dimension.perAgent ? " for \(agents[k.agent].name)" : ""
                let when = rule.dimension.grain == .none ? "" : " in \(period(rule.dimension.grain, k.period))"
                v = .error(EvalError(.missing, "no \(rule.name)\(who)\(when)"))
            }
        case .parameter(let e), .formula(let e):
            v = eval(e, k)
        case .agentAggregate(let op, let value, let filter):
            var acc = Accumulator(op)
            for a in agents.indices {
                let ka = Coordinates(agent: a, grain: k.grain, period: k.period)
                if let f = filter {
                    switch eval(f, ka) {
                    case .bool(true): break
                    case .bool(false): continue
                    case .error(let e): return .error(stamp(e, c))
                    default: return .error(stamp(EvalError(.type, "a 'where' condition must be yes or no"), c))
                    }
                }
                if let e = acc.add(value.map { eval($0, ka) }) { return .error(stamp(e, c)) }
            }
            v = acc.result
        case .ranking(let value, let filter):
            var all: [Fixed] = []
            for a in agents.indices {
                let ka = Coordinates(agent: a, grain: k.grain, period: k.period)
                if let f = filter {
                    let fv = eval(f, ka)
                    if case .error(let e) = fv { return .error(stamp(e, c)) }
                    guard case .bool(true) = fv else { continue }
                }
                switch eval(value, ka) {
                case .number(let n): all.append(n)
                case .error(let e): return .error(stamp(e, c))
                default: return .error(stamp(EvalError(.type, "rank needs amounts"), c))
                }
            }
            v = .ranking(all.sorted(by: >))
        case .allocation(let total, let weight, let overOrders):
            v = allocate(total, weight, overOrders, k)
        }
        if case .error(let e) = v, e.origin.isEmpty { return .error(stamp(e, c)) }
        return v
    }

    func stamp(_ e: EvalError, _ c: Int) -> EvalError {
        guard e.origin.isEmpty else { return e }
        var s = e; s.origin = name(ofCell: c); return s
    }

    // MARK: Dependencies of a cell

    func collectCellDependencies(_ rule: CompiledRule, _ k: Coordinates, _ out: inout [Int32]) {
        switch rule.kind {
        case .input(let d): if let d { collect(d, k, &out) }
        case .parameter(let e), .formula(let e): collect(e, k, &out)
        case .agentAggregate(_, let v, let f):
            for a in agents.indices {
                let ka = Coordinates(agent: a, grain: k.grain, period: k.period)
                if let v { collect(v, ka, &out) }
                if let f { collect(f, ka, &out) }
            }
        case .ranking(let v, let f):
            for a in agents.indices {
                let ka = Coordinates(agent: a, grain: k.grain, period: k.period)
                collect(v, ka, &out)
                if let f { collect(f, ka, &out) }
            }
        case .allocation(let total, let weight, let overOrders):
            collect(total, k, &out)
            if overOrders {
                for o in bucket(0, agent: k.agent, month: k.period) { collect(weight, orderCoordinates(Int(o)), &out) }
            } else {
                for a in agents.indices { collect(weight, Coordinates(agent: a, grain: k.grain, period: k.period), &out) }
            }
        }
    }

    /// Appends the cells `e` may read at `k`, on every branch.
    func collect(_ e: CExpr, _ k: Coordinates, _ out: inout [Int32]) {
        switch e {
        case .constant, .builtin: break
        case .ref(let r, let shift): if let c = mapRef(r, shift, k) { out.append(Int32(c)) }
        case .at(let r, let p):
            if let i = index(of: p) { out.append(Int32(cell(r, k.agent, i))) }
        case .paid(let r):
            if let c = paidCell(r, k) { out.append(Int32(c)) }
        case .teamAggregate(let r): if let c = mapRef(r, 0, k) { out.append(Int32(c)) }
        case .attribute(_, let d): if let d { collect(d, k, &out) }
        case .negate(let a), .not(let a): collect(a, k, &out)
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
            collect(a, k, &out); collect(b, k, &out)
        case .ifThen(let a, let b, let c): collect(a, k, &out); collect(b, k, &out); collect(c, k, &out)
        case .function(_, let args): for a in args { collect(a, k, &out) }
        case .table(_, _, _, let arg, let rows):
            collect(arg, k, &out)
            for row in rows { collect(row.threshold, k, &out); collect(row.value, k, &out) }
        case .periodAggregate(_, let scope, let iteration, let v, let f):
            for sub in subPeriods(scope, iteration, k) {
                if let v { collect(v, sub, &out) }
                if let f { collect(f, sub, &out) }
            }
        case .rank(let r, let own, let f, _):
            if let c = mapRef(r, 0, k) { out.append(Int32(c)) }
            collect(own, k, &out)
            if let f { collect(f, k, &out) }
        case .orderField(_, let d): if let d { collect(d, k, &out) }
        case .orderAggregate(_, let v, let f, let g, let perAgent):
            for o in ordersBooked(g, k, perAgent: perAgent) {
                let ko = orderCoordinates(Int(o))
                if let v { collect(v, ko, &out) }
                if let f { collect(f, ko, &out) }
            }
        case .share(let r, _):
            if let c = mapRef(r, 0, k) { out.append(Int32(c)) }
        }
    }

    /// True when a per-agent rule reads the same cells for every agent, one row
    /// apart (no orders, whose buckets differ by agent), so its dependencies can
    /// be worked out for agent 0 and moved.
    static func sameShapeForEveryAgent(_ kind: RuleKind) -> Bool {
        func plain(_ e: CExpr) -> Bool {
            switch e {
            case .orderAggregate, .share, .orderField: return false
            case .constant, .builtin, .ref, .at, .paid, .teamAggregate: return true
            case .attribute(_, let d): return d.map(plain) ?? true
            case .negate(let a), .not(let a): return plain(a)
            case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b): return plain(a) && plain(b)
            case .ifThen(let a, let b, let c): return plain(a) && plain(b) && plain(c)
            case .function(_, let args): return args.allSatisfy(plain)
            case .table(_, _, _, let arg, let rows): return plain(arg) && rows.allSatisfy { plain($0.threshold) && plain($0.value) }
            case .periodAggregate(_, _, _, let v, let f): return (v.map(plain) ?? true) && (f.map(plain) ?? true)
            case .rank(_, let own, let f, _): return plain(own) && (f.map(plain) ?? true)
            }
        }
        switch kind {
        case .input(let d): return d.map(plain) ?? true
        case .parameter(let e), .formula(let e): return plain(e)
        case .agentAggregate, .ranking, .allocation: return false
        }
    }

    // MARK: Orders

    /// The orders of grouping `g` booked in month `m` for agent `a` (−1: everyone's).
    func bucket(_ g: Int, agent a: Int, month m: Int) -> [Int32] {
        let months = monthCount
        guard m >= 0 && m < months, !buckets[g].isEmpty else { return [] }
        return buckets[g][(a + 1) * months + m]
    }

    /// The orders booked in the period of `k` (all its months), the agent's own or everyone's.
    func ordersBooked(_ g: Int, _ k: Coordinates, perAgent: Bool) -> [Int32] {
        let first = k.period * k.grain.months
        if k.grain == .month { return bucket(g, agent: perAgent ? k.agent : -1, month: first) }
        return (first..<(first + k.grain.months)).flatMap { bucket(g, agent: perAgent ? k.agent : -1, month: $0) }
    }

    /// Computes parameters and the order rules made only of data, before the
    /// graph is built (orders are grouped by them).
    func computeStaticRules() {
        var done = Set<Int>()
        func visit(_ r: Int) {
            guard plan.staticRules.contains(r), !done.contains(r) else { return }
            done.insert(r)
            var refs: [Int] = []
            switch plan.rules[r].kind {
            case .parameter(let e), .formula(let e): CExpr.sameTimeRefs(e, into: &refs)
            default: break
            }
            for d in refs { visit(d) }
            let count = plan.rules[r].dimension.perOrder ? orders.count : 1
            for i in 0..<count { values[offsets[r] + i] = compute(offsets[r] + i) }
        }
        for r in plan.staticRules.sorted() { visit(r) }
    }

    /// Groups the orders by agent and month for each grouping of the plan.
    func buildBuckets() {
        let months = periodCount(.month)
        let slots = (agents.count + 1) * months
        buckets = plan.groupings.map { g in
            var out = [[Int32]](repeating: [], count: orders.isEmpty ? 0 : slots)
            for o in orders.indices {
                let m: Int
                if let g {
                    guard case .date(let d) = eval(g, orderCoordinates(o)) else { continue }
                    m = d.monthValue.index - startMonth.index
                } else {
                    m = orderMonth[o]
                }
                guard m >= 0 && m < months else { continue }
                out[m].append(Int32(o))
                if orderAgent[o] >= 0 { out[(orderAgent[o] + 1) * months + m].append(Int32(o)) }
            }
            return out
        }
    }

    /// Shares of `total` in proportion to the weights, to the fen, adding up exactly:
    /// each share is rounded down, and the fen left over go one each to the largest
    /// remainders, ties to the lower order ID (or the agent listed first).
    func allocate(_ total: CExpr, _ weight: CExpr, _ overOrders: Bool, _ k: Coordinates) -> Value {
        let tv = eval(total, k)
        guard case .number(let t) = tv else { return tv.isError ? tv : .error(EvalError(.type, "allocate needs an amount to share")) }
        let members: [Coordinates] = overOrders
            ? bucket(0, agent: k.agent, month: k.period).map { orderCoordinates(Int($0)) }
            : agents.indices.map { Coordinates(agent: $0, grain: k.grain, period: k.period) }
        var weights: [Fixed] = []
        for m in members {
            switch eval(weight, m) {
            case .number(let w) where !w.isNegative: weights.append(w)
            case .error(let e): return .error(e)
            default: return .error(EvalError(.type, "allocate needs weights of zero or more"))
            }
        }
        guard let shares = Allocation.largestRemainder(total: t, weights: weights) else {
            return .error(EvalError(.divisionByZero, "allocate: \(t.moneyText) to share but every weight is 0"))
        }
        return .ranking(shares)
    }

    // MARK: Evaluation

    /// The cell of rule `r` that coordinates `k` read, moved `shift` periods;
    /// `nil` when that lies outside the scenario's years.
    @inline(__always) func mapRef(_ r: Int, _ shift: Int, _ k: Coordinates) -> Int? {
        let d = plan.rules[r].dimension
        if d.perOrder { return k.order >= 0 ? offsets[r] + k.order : nil }
        if d.perAgent && k.agent < 0 { return nil }
        let agentSlot = d.perAgent ? k.agent : 0
        if d.grain == .none { return offsets[r] + agentSlot }
        let n = periodCount(d.grain)
        let i = k.period * k.grain.months / d.grain.months + shift
        guard i >= 0 && i < n else { return nil }
        return offsets[r] + agentSlot * n + i
    }

    /// For `paid(r)`: the containing cell when `k` is the last sub-period of it.
    func paidCell(_ r: Int, _ k: Coordinates) -> Int? {
        let g = plan.rules[r].dimension.grain
        guard ((k.period + 1) * k.grain.months) % g.months == 0 else { return nil }
        return mapRef(r, 0, k)
    }

    func subPeriods(_ scope: Grain, _ iteration: Grain, _ k: Coordinates) -> [Coordinates] {
        let scopeIndex = k.period * k.grain.months / scope.months
        let first = scopeIndex * scope.months / iteration.months
        return (0..<(scope.months / iteration.months)).map {
            Coordinates(agent: k.agent, grain: iteration, period: first + $0)
        }
    }

    /// Evaluates a compiled expression at coordinates `k` from the current cell values.
    public func eval(_ e: CExpr, _ k: Coordinates) -> Value {
        switch e {
        case .constant(let v): return v
        case .ref(let r, let shift):
            guard let c = mapRef(r, shift, k) else { return shift != 0 ? .number(.zero) : unreachable(r, k) }
            return values[c]
        case .at(let r, let p):
            guard let i = index(of: p) else {
                return .error(EvalError(.outOfRange, "\(p) is outside this scenario's years \(years.lowerBound)–\(years.upperBound)"))
            }
            return values[cell(r, k.agent, i)]
        case .paid(let r):
            guard let c = paidCell(r, k) else { return .number(.zero) }
            return values[c]
        case .teamAggregate(let r):
            guard let c = mapRef(r, 0, k) else { return unreachable(r, k) }
            return values[c]
        case .orderField(let name, let d):
            if let v = orders[k.order].field(name) { return v }
            if let d { return eval(d, k) }
            return .error(EvalError(.missing, "order \(orders[k.order].id) has no \(name)"))
        case .orderAggregate(let op, let value, let filter, let g, let perAgent):
            return aggregate(op, value, filter, ordersBooked(g, k, perAgent: perAgent).lazy.map { self.orderCoordinates(Int($0)) })
        case .share(let r, let overOrders):
            guard let c = mapRef(r, 0, k) else { return unreachable(r, k) }
            guard case .ranking(let shares) = values[c] else { return values[c] }
            let position: Int?
            if overOrders {
                let list = bucket(0, agent: k.agent, month: k.period)
                var lo = 0, hi = list.count
                while lo < hi { let m = (lo + hi) / 2; if Int(list[m]) < k.order { lo = m + 1 } else { hi = m } }
                position = lo < list.count && Int(list[lo]) == k.order ? lo : nil
            } else {
                position = k.agent
            }
            guard let i = position, i < shares.count else { return .number(.zero) }
            return .number(shares[i])
        case .attribute(let name, let d):
            guard k.agent >= 0 else { return noAgent(k) }
            if let v = agents[k.agent].attribute(name) { return v }
            if let d { return eval(d, k) }
            return .error(EvalError(.missing, "\(agents[k.agent].name) has no \(name) (set it with: agent set \(agents[k.agent].name) \(name)=…)"))
        case .builtin(let b): return builtin(b, k)
        case .negate(let a):
            switch eval(a, k) {
            case .number(let n): return .number(-n)
            case .error(let e): return .error(e)
            default: return .error(EvalError(.type, "'-' needs an amount"))
            }
        case .not(let a):
            switch eval(a, k) {
            case .bool(let b): return .bool(!b)
            case .error(let e): return .error(e)
            default: return .error(EvalError(.type, "'not' needs yes or no"))
            }
        case .arithmetic(let op, let a, let b):
            return Engine.arithmetic(op, eval(a, k), eval(b, k))
        case .compare(let op, let a, let b):
            return Engine.compare(op, eval(a, k), eval(b, k))
        case .and(let a, let b):
            switch eval(a, k) {
            case .bool(false): return .bool(false)
            case .bool(true): return Engine.requireBool(eval(b, k), "and")
            case .error(let e): return .error(e)
            default: return .error(EvalError(.type, "'and' needs yes or no on both sides"))
            }
        case .or(let a, let b):
            switch eval(a, k) {
            case .bool(true): return .bool(true)
            case .bool(false): return Engine.requireBool(eval(b, k), "or")
            case .error(let e): return .error(e)
            default: return .error(EvalError(.type, "'or' needs yes or no on both sides"))
            }
        case .ifThen(let c, let a, let b):
            switch eval(c, k) {
            case .bool(true): return eval(a, k)
            case .bool(false): return eval(b, k)
            case .error(let e): return .error(e)
            default: return .error(EvalError(.type, "the condition after 'if' must be yes or no"))
            }
        case .function(let f, let args):
            return function(f, args, k)
        case .table(let op, let name, let sides, let arg, let rows):
            return table(op, name, sides, arg, rows, k).value
        case .periodAggregate(let op, let scope, let iteration, let value, let filter):
            return aggregate(op, value, filter, subPeriods(scope, iteration, k))
        case .rank(let r, let own, let filter, let ties):
            if let f = filter {
                switch eval(f, k) {
                case .bool(false): return .number(.zero)
                case .bool(true): break
                case .error(let e): return .error(e)
                default: return .error(EvalError(.type, "a 'where' condition must be yes or no"))
                }
            }
            guard case .number(let mine) = eval(own, k) else { return .error(EvalError(.type, "rank needs an amount")) }
            guard case .ranking(let sorted) = values[mapRef(r, 0, k)!] else { return values[mapRef(r, 0, k)!] }
            // Competition ranking: 1 + how many are strictly higher; ties: how many are equal.
            var lo = 0, hi = sorted.count
            while lo < hi { let m = (lo + hi) / 2; if sorted[m] > mine { lo = m + 1 } else { hi = m } }
            if ties {
                var end = lo
                while end < sorted.count && sorted[end] == mine { end += 1 }
                return .number(Fixed(end - lo))
            }
            return .number(Fixed(lo + 1))
        }
    }

    /// Aggregates `value` over the coordinates that pass `filter` (sum, avg, min, max, count).
    func aggregate<S: Sequence>(_ op: AggregateOp, _ value: CExpr?, _ filter: CExpr?, _ members: S) -> Value where S.Element == Coordinates {
        var acc = Accumulator(op)
        for k in members {
            if let f = filter {
                switch eval(f, k) {
                case .bool(true): break
                case .bool(false): continue
                case .error(let e): return .error(e)
                default: return .error(EvalError(.type, "a 'where' condition must be yes or no"))
                }
            }
            if let e = acc.add(value.map { eval($0, k) }) { return .error(e) }
        }
        return acc.result
    }

    /// The error for an agent's fact asked of an order credited to nobody.
    func noAgent(_ k: Coordinates) -> Value {
        .error(EvalError(.missing, k.order >= 0 ? "order \(orders[k.order].id) is credited to no agent" : "no agent here"))
    }

    /// The error for a reference with nowhere to go: an order with no agent, or a month outside the years.
    func unreachable(_ r: Int, _ k: Coordinates) -> Value {
        if k.order >= 0 && k.agent < 0 && plan.rules[r].dimension.perAgent {
            return .error(EvalError(.missing, "order \(orders[k.order].id) is credited to no agent"))
        }
        if k.order >= 0 {
            return .error(EvalError(.outOfRange, "order \(orders[k.order].id) is dated \(orders[k.order].date), outside this scenario's years \(years.lowerBound)–\(years.upperBound)"))
        }
        return .error(EvalError(.outOfRange, "outside this scenario's years \(years.lowerBound)–\(years.upperBound)"))
    }

    static func requireBool(_ v: Value, _ op: String) -> Value {
        switch v {
        case .bool, .error: return v
        default: return .error(EvalError(.type, "'\(op)' needs yes or no on both sides"))
        }
    }

    public static func arithmetic(_ op: ArithmeticOp, _ a: Value, _ b: Value) -> Value {
        guard case .number(let x) = a, case .number(let y) = b else {
            if case .error(let e) = a { return .error(e) }
            if case .error(let e) = b { return .error(e) }
            // Dates: date ± days, days + date, date − date (in days).
            switch (op, a, b) {
            case (.add, .date(let d), .number(let n)), (.add, .number(let n), .date(let d)):
                if let days = n.wholeNumber { return .date(d.adding(days: days)) }
            case (.subtract, .date(let d), .number(let n)):
                if let days = n.wholeNumber { return .date(d.adding(days: -days)) }
            case (.subtract, .date(let d1), .date(let d2)):
                return .number(Fixed(d1.ordinal - d2.ordinal))
            default: break
            }
            return .error(EvalError(.type, "'\(op.rawValue)' needs amounts on both sides, not \(a.displayText) and \(b.displayText)"))
        }
        let r: Fixed?
        switch op {
        case .add: r = Fixed.checkedAdd(x, y)
        case .subtract: r = Fixed.checkedSubtract(x, y)
        case .multiply: r = Fixed.checkedMultiply(x, y)
        case .divide:
            if y.isZero { return .error(EvalError(.divisionByZero, "division by zero: \(x.moneyText) / 0")) }
            r = Fixed.checkedDivide(x, y)
        }
        guard let r else { return .error(EvalError(.overflow, "the result of \(x) \(op.rawValue) \(y) is too large")) }
        return .number(r)
    }

    static func compare(_ op: CompareOp, _ a: Value, _ b: Value) -> Value {
        if case .error(let e) = a { return .error(e) }
        if case .error(let e) = b { return .error(e) }
        let ordering: Int
        switch (a, b) {
        case (.number(let x), .number(let y)): ordering = x < y ? -1 : (x == y ? 0 : 1)
        case (.date(let x), .date(let y)): ordering = x < y ? -1 : (x == y ? 0 : 1)
        case (.text(let x), .text(let y)) where op == .eq || op == .ne: ordering = x == y ? 0 : 1
        case (.bool(let x), .bool(let y)) where op == .eq || op == .ne: ordering = x == y ? 0 : 1
        default:
            return .error(EvalError(.type, "cannot compare \(a.displayText) with \(b.displayText) using \(op.rawValue)"))
        }
        switch op {
        case .eq: return .bool(ordering == 0)
        case .ne: return .bool(ordering != 0)
        case .lt: return .bool(ordering < 0)
        case .le: return .bool(ordering <= 0)
        case .gt: return .bool(ordering > 0)
        case .ge: return .bool(ordering >= 0)
        }
    }

    func builtin(_ b: Builtin, _ k: Coordinates) -> Value {
        let p = k.grain == .none ? nil : period(k.grain, k.period)
        switch b {
        case .x: return k.x.map(Value.number) ?? .error(EvalError(.type, "x is only defined inside a table row"))
        case .asOf: return .date(asOf)
        case .periodStart: return p.map { .date($0.firstDay) } ?? .error(EvalError(.type, "no period here"))
        case .periodEnd: return p.map { .date($0.lastDay) } ?? .error(EvalError(.type, "no period here"))
        case .tenure:
            guard k.agent >= 0 else { return noAgent(k) }
            let a = agents[k.agent]
            guard let p, let h = a.hired else {
                return .error(EvalError(.missing, "\(a.name) has no hire date (set it with: agent set \(a.name) hired=2025-06-01)"))
            }
            return .number(Fixed(max(0, p.lastMonth.index - h.monthValue.index + 1)))
        case .active:
            guard k.agent >= 0 else { return noAgent(k) }
            let a = agents[k.agent]
            guard let p else { return .bool(true) }
            let hiredOK = a.hired.map { $0 <= p.lastDay } ?? true
            let leftOK = a.left.map { $0 >= p.firstDay } ?? true
            return .bool(hiredOK && leftOK)
        }
    }

    func function(_ f: Function, _ args: [CExpr], _ k: Coordinates) -> Value {
        switch f {
        case .iferror:
            let v = eval(args[0], k)
            return v.isError ? eval(args[1], k) : v
        case .ifmissing:
            let v = eval(args[0], k)
            if case .error(let e) = v, e.kind == .missing { return eval(args[1], k) }
            return v
        case .missing:
            if case .error(let e) = eval(args[0], k) { return e.kind == .missing ? .bool(true) : .error(e) }
            return .bool(false)
        case .error:
            let m = eval(args[0], k)
            if case .error = m { return m }
            return .error(EvalError(.raised, m.displayText))
        case .monthOf, .yearOf, .dayOf:
            switch eval(args[0], k) {
            case .date(let d): return .number(Fixed(f == .monthOf ? d.month : f == .yearOf ? d.year : d.day))
            case .error(let e): return .error(e)
            default: return .error(EvalError(.type, "\(f.rawValue) needs a date"))
            }
        case .workdaysAfter, .workdaysBetween, .daysBetween:
            let a = eval(args[0], k), b = eval(args[1], k)
            if case .error = a { return a }
            if case .error = b { return b }
            switch (f, a, b) {
            case (.workdaysAfter, .date(let d), .number(let n)):
                guard let days = n.wholeNumber, days >= 0, days < 100_000 else { break }
                return .date(calendar.workdays(after: d, days))
            case (.workdaysBetween, .date(let d1), .date(let d2)):
                guard abs(d1.ordinal - d2.ordinal) < 1_000_000 else { break }
                return .number(Fixed(calendar.workdays(from: d1, to: d2)))
            case (.daysBetween, .date(let d1), .date(let d2)):
                return .number(Fixed(d2.ordinal - d1.ordinal))
            default: break
            }
            return .error(EvalError(.type, "\(f.rawValue) needs \(f == .workdaysAfter ? "a date and a whole number of days" : "two dates")"))
        default: break
        }
        var nums: [Fixed] = []
        for a in args {
            switch eval(a, k) {
            case .number(let n): nums.append(n)
            case .error(let e): return .error(e)
            case let other: return .error(EvalError(.type, "\(f.rawValue) needs amounts, not \(other.displayText)"))
            }
        }
        switch f {
        case .round: return .number(nums[0].rounded(toDigits: nums.count > 1 ? Int(nums[1].raw / Fixed.scale) : 2))
        case .floor: return .number(nums[0].floored(toDigits: nums.count > 1 ? Int(nums[1].raw / Fixed.scale) : 0))
        case .ceil: return .number(nums[0].ceiled(toDigits: nums.count > 1 ? Int(nums[1].raw / Fixed.scale) : 0))
        case .abs: return .number(nums[0].magnitude)
        case .min: return .number(nums.min()!)
        case .max: return .number(nums.max()!)
        case .iferror, .ifmissing, .missing, .error, .workdaysAfter, .workdaysBetween, .daysBetween, .monthOf, .yearOf, .dayOf:
            fatalError("handled above")
        }
    }

    /// The outcome of a tier lookup: the value and, for `explain`, the tier hit.
    public struct TierHit {
        public var value: Value
        /// Index of the tier the amount fell in (for `lookup`/`retroactive`), or `nil`.
        public var tier: Int?
        public var thresholds: [Fixed]
        public var amount: Fixed?
    }

    /// Evaluates a tier lookup (see `TableOp`). Amounts below the first
    /// threshold fall in the first tier.
    public func table(_ op: TableOp, _ name: String, _ sides: TierSides, _ arg: CExpr, _ rows: [CRow], _ k: Coordinates) -> TierHit {
        func fail(_ v: Value) -> TierHit { TierHit(value: v, tier: nil, thresholds: [], amount: nil) }
        let av = eval(arg, k)
        guard case .number(let amount) = av else {
            return fail(av.isError ? av : .error(EvalError(.type, "\(op.rawValue)(\(name), …) needs an amount")))
        }
        var thresholds: [Fixed] = []
        for row in rows {
            switch eval(row.threshold, k) {
            case .number(let t):
                if let last = thresholds.last, t <= last {
                    return fail(.error(EvalError(.type, "the thresholds of table \(name) must rise from row to row")))
                }
                thresholds.append(t)
            case .error(let e): return fail(.error(e))
            default: return fail(.error(EvalError(.type, "table \(name) has a threshold that is not an amount")))
            }
        }
        var inner = k; inner.x = amount
        func rowValue(_ i: Int) -> Value { eval(rows[i].value, inner) }
        switch op {
        case .lookup, .retroactive:
            var tier = 0
            for (i, t) in thresholds.enumerated() where sides == .lowerInclusive ? t <= amount : t < amount { tier = i }
            var v = rowValue(tier)
            if op == .retroactive { v = Engine.arithmetic(.multiply, v, .number(amount)) }
            return TierHit(value: v, tier: tier, thresholds: thresholds, amount: amount)
        case .marginal:
            var total = Fixed.zero
            for i in thresholds.indices where thresholds[i] < amount {
                let upper = i + 1 < thresholds.count ? min(amount, thresholds[i + 1]) : amount
                let slice = upper - thresholds[i]
                let part = Engine.arithmetic(.multiply, rowValue(i), .number(slice))
                let sum = Engine.arithmetic(.add, .number(total), part)
                guard case .number(let s) = sum else { return fail(sum) }
                total = s
            }
            return TierHit(value: .number(total), tier: nil, thresholds: thresholds, amount: amount)
        }
    }
}

/// The inputs entered, stored densely per input rule (cells of a rule are contiguous).
struct InputStore {
    /// (first cell, end cell, first slot) per input rule.
    private var ranges: [(start: Int, end: Int, slot: Int)] = []
    private var slots: [Fixed?] = []

    init(plan: CompiledPlan, offsets: [Int]) {
        for (r, rule) in plan.rules.enumerated() {
            guard case .input = rule.kind, offsets[r + 1] > offsets[r] else { continue }
            ranges.append((offsets[r], offsets[r + 1], slots.count))
            slots.append(contentsOf: repeatElement(nil, count: offsets[r + 1] - offsets[r]))
        }
    }

    @inline(__always) private func slot(_ c: Int) -> Int? {
        for range in ranges where c >= range.start && c < range.end { return range.slot + c - range.start }
        return nil
    }

    /// The amount entered for input cell `c`, or `nil`; setting a cell that is not an input's does nothing.
    subscript(_ c: Int) -> Fixed? {
        get { slot(c).flatMap { slots[$0] } }
        set { if let i = slot(c) { slots[i] = newValue } }
    }
}

/// Running sum / average / min / max / count over an aggregation.
struct Accumulator {
    let op: AggregateOp
    var sum = Fixed.zero, count = 0
    var best: Fixed?
    init(_ op: AggregateOp) { self.op = op }

    /// Adds one value (`nil` for `count` without a value); returns an error to stop with.
    mutating func add(_ v: Value?) -> EvalError? {
        if op == .count {
            switch v {
            case nil, .bool(true)?: count += 1
            case .number(let n)? where !n.isZero: count += 1
            case .error(let e)?: return e
            default: break
            }
            return nil
        }
        count += 1
        switch v {
        case .number(let n)?:
            switch op {
            case .sum, .avg:
                guard let s = Fixed.checkedAdd(sum, n) else { return EvalError(.overflow, "the sum is too large") }
                sum = s
            case .min: best = best.map { Swift.min($0, n) } ?? n
            case .max: best = best.map { Swift.max($0, n) } ?? n
            case .count: break
            }
            return nil
        case .error(let e)?: return e
        case .bool(let b)? where op == .sum:
            sum = sum + (b ? Fixed.one : .zero); return nil
        default: return EvalError(.type, "\(op.rawValue) needs amounts")
        }
    }

    var result: Value {
        switch op {
        case .sum: return .number(sum)
        case .count: return .number(Fixed(count))
        case .avg:
            guard count > 0, let q = Fixed.checkedDivide(sum, Fixed(count)) else {
                return .error(EvalError(.divisionByZero, "average of nothing"))
            }
            return .number(q)
        case .min, .max:
            return best.map(Value.number) ?? .error(EvalError(.missing, "\(op.rawValue) of nothing"))
        }
    }
}
