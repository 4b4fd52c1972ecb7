/// The dependency graph: the cells each cell reads, read off the compiled
/// formulas on every branch (so the graph does not change with the data),
/// held in compressed sparse rows.
///
/// Per-agent rules that read the same cells for every agent, one row apart,
/// use a template: agent 0's dependencies are worked out once and moved per agent.
extension Engine {
    /// The cells each cell reads, for every cell in cell order.
    ///
    /// Needs the static rules computed and the order buckets built (aggregations
    /// over orders read the buckets). Without `throughOrders`, what a cell reads
    /// through orders is left out (order cells store nothing; an aggregation over
    /// orders stores what it reads at its own coordinates): the order templates give it, and the
    /// order rules' cells hold no entry in the offsets (`CSROffsets` gaps).
    /// - Complexity: O(cells + dependencies); a per-agent rule without orders costs
    ///   O(periods × formula size) to collect once plus O(dependencies) to move.
    func buildDependencyGraph(throughOrders: Bool) -> CSRGraph {
        let total = offsets.last!
        let yearCount = years.count
        // Without what is read through orders, an order rule's cells have no stored edge: their block is a gap
        // of the offsets (nothing stored per order cell).
        var cellsInGaps = 0
        if !throughOrders { for r in plan.rules.indices where plan.rules[r].dimension.perOrder { cellsInGaps += offsets[r + 1] - offsets[r] } }
        var depOffsets = CSROffsets(first: 0, capacity: total + 1 - cellsInGaps)
        var depTargets = [Int32](); depTargets.reserveCapacity((total - cellsInGaps) * 4)
        for r in plan.rules.indices {
            let rule = plan.rules[r]
            if rule.dimension.perOrder {
                if !throughOrders {
                    depOffsets.skip(nodes: offsets[r], offsets[r + 1])
                    continue
                }
                for o in orders.indices {
                    collectCellDependencies(rule, orderCoordinates(o), &depTargets)
                    depOffsets.append(Int32(depTargets.count))
                }
                continue
            }
            let periods = Engine.periodCount(rule.dimension.grain, years: yearCount)
            let agentSlots = rule.dimension.perAgent ? agents.count : 1
            if rule.dimension.perAgent && agentSlots > 1 && Engine.sameShapeForEveryAgent(rule.kind, throughOrders: throughOrders) {
                // The cells read by agent a's cell are agent 0's, moved by a rows in each per-agent rule.
                var template: [(first: Int32, count: Int32)] = []
                var shifted: [(cell: Int32, step: Int32)] = []
                for p in 0..<periods {
                    let start = depTargets.count
                    collectCellDependencies(rule, Coordinates(agent: 0, grain: rule.dimension.grain, period: p), &depTargets, throughOrders: throughOrders)
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
                    collectCellDependencies(rule, Coordinates(agent: a, grain: rule.dimension.grain, period: p), &depTargets, throughOrders: throughOrders)
                    depOffsets.append(Int32(depTargets.count))
                }
            }
        }
        return CSRGraph(offsets: depOffsets, targets: depTargets)
    }
    /// Appends the cells the cell of `rule` at `k` reads, on every branch (without
    /// `throughOrders`, not those read through orders: see `buildDependencyGraph`).
    func collectCellDependencies(_ rule: CompiledRule, _ k: Coordinates, _ out: inout [Int32], throughOrders: Bool = true) {
        switch rule.kind {
        case .input(let d): if let d { collect(d, k, &out, throughOrders: throughOrders) }
        case .parameter(let e), .formula(let e): collect(e, k, &out, throughOrders: throughOrders)
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
            collect(total, k, &out, throughOrders: throughOrders)
            if overOrders {
                guard throughOrders else { break }
                for o in bucket(0, agent: k.agent, month: k.period) { collect(weight, orderCoordinates(Int(o)), &out) }
            } else {
                for a in agents.indices { collect(weight, Coordinates(agent: a, grain: k.grain, period: k.period), &out) }
            }
        }
    }

    /// Appends the cells `e` may read at `k`, on every branch (without `throughOrders`,
    /// not those an aggregation over orders reads).
    func collect(_ e: CExpr, _ k: Coordinates, _ out: inout [Int32], throughOrders: Bool = true) {
        func collect(_ e: CExpr, _ k: Coordinates, _ out: inout [Int32]) { self.collect(e, k, &out, throughOrders: throughOrders) }
        switch e {
        case .constant, .builtin: break
        case .ref(let r, let shift): if let c = mapRef(r, shift, k) { out.append(Int32(c)) }
        case .at(let r, let p):
            if let i = index(of: p), let c = atCell(r, i, k) { out.append(Int32(c)) }
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
        case .orderField(_, _, let d): if let d { collect(d, k, &out) }
        case .orderAggregate(_, let v, let f, let g, let perAgent):
            guard throughOrders else { break }
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
    static func sameShapeForEveryAgent(_ kind: RuleKind, throughOrders: Bool = true) -> Bool {
        func plain(_ e: CExpr) -> Bool {
            switch e {
            case .orderAggregate: return !throughOrders  // left out: nothing read through orders is collected
            case .share, .orderField: return false
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
}
