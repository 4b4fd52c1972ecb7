/// The evaluator: computes one cell from the current values of the cells it
/// reads, by walking its compiled formula at the cell's coordinates.
extension Engine {
    /// The value of cell `c` from the current values of the cells it reads;
    /// an error value is stamped with the cell it started in.
    ///
    /// - Complexity: O(formula size), times the members of any aggregation in it.
    func compute(_ c: Int) -> Value {
        let (r, k) = coordinates(ofCell: c)
        return compute(c, r, k)
    }

    /// `compute(c)` for cell `c` of rule `r` at coordinates `k` (the full compute knows them).
    ///
    /// - Complexity: O(formula size), times the members of any aggregation in it.
    func compute(_ c: Int, _ r: Int, _ k: Coordinates) -> Value {
        compute(c, r, k, plan.rules[r].kind)
    }

    /// `compute(c, r, k)` for a cell of a `formula` or `parameter` rule whose formula is `e`:
    /// the full compute takes `e` out of the rule's kind once per block (a switch over the kind
    /// per cell copied and released it: 3% of opening plan C).
    ///
    /// - Complexity: O(formula size), times the members of any aggregation in it.
    @inline(__always) func computeFormula(_ c: Int, _ e: CExpr, _ k: Coordinates) -> Value {
        let v = eval(e, k)
        if case .error(let err) = v, err.origin == nil { return .error(stamp(err, c)) }
        return v
    }

    /// `compute(c, r, k)` with rule `r`'s kind given: a full compute reads it once per
    /// block of cells, not once per cell (a copy of the kind is a retain and a release).
    ///
    /// - Complexity: O(formula size), times the members of any aggregation in it.
    @inline(__always) func compute(_ c: Int, _ r: Int, _ k: Coordinates, _ kind: RuleKind) -> Value {
        var v: Value
        switch kind {
        case .formula(let e), .parameter(let e):
            v = eval(e, k)
        case .input(let def):
            if let s = stored[c] { return .number(s) }
            if let d = def { v = eval(d, k) } else {
                let rule = plan.rules[r]
                v = .error(EvalError(.noInput(figure: rule.name, agent: rule.dimension.perAgent ? agents[k.agent].name : nil,
                                              period: rule.dimension.grain == .none ? nil : period(rule.dimension.grain, k.period))))
            }
        case .agentAggregate(let op, let value, let filter):
            var acc = Accumulator(op)
            for a in agents.indices {
                let ka = Coordinates(agent: a, grain: k.grain, period: k.period)
                if let f = filter {
                    switch eval(f, ka) {
                    case .bool(true): break
                    case .bool(false): continue
                    case .error(let e): return .error(stamp(e, c))
                    default: return .error(stamp(EvalError(.whereNotFlag), c))
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
                default: return .error(stamp(EvalError(.rankNeedsAmount(plural: true)), c))
                }
            }
            v = .ranking(all.sorted(by: >))
        case .allocation(let total, let weight, let overOrders):
            v = allocate(total, weight, overOrders, k)
        }
        if case .error(let e) = v, e.origin == nil { return .error(stamp(e, c)) }
        return v
    }

    func stamp(_ e: EvalError, _ c: Int) -> EvalError {
        guard e.origin == nil else { return e }
        var s = e; s.origin = reference(ofCell: c); return s
    }

    /// Shares of `total` in proportion to the weights, to the fen, adding up exactly:
    /// each share is rounded down, and the fen left over go one each to the largest
    /// remainders, ties to the lower order ID (or the agent listed first).
    func allocate(_ total: CExpr, _ weight: CExpr, _ overOrders: Bool, _ k: Coordinates) -> Value {
        let tv = eval(total, k)
        guard case .number(let t) = tv else { return tv.isError ? tv : .error(EvalError(.allocateNeedsAmount)) }
        let members: [Coordinates] = overOrders
            ? bucket(0, agent: k.agent, month: k.period).map { orderCoordinates(Int($0)) }
            : agents.indices.map { Coordinates(agent: $0, grain: k.grain, period: k.period) }
        var weights: [Fixed] = []
        for m in members {
            switch eval(weight, m) {
            case .number(let w) where !w.isNegative: weights.append(w)
            case .error(let e): return .error(e)
            default: return .error(EvalError(.allocateNeedsWeights))
            }
        }
        guard Fixed.checkedSum(weights) != nil else {
            return .error(EvalError(.allocateWeightsTooLarge))
        }
        guard let shares = Allocation.largestRemainder(total: t, weights: weights) else {
            return .error(EvalError(.allocateAllWeightsZero(t)))
        }
        return .ranking(shares)
    }

    /// The cell of rule `r` that coordinates `k` read, moved `shift` periods;
    /// `nil` when that lies outside the scenario's years.
    @inline(__always) func mapRef(_ r: Int, _ shift: Int, _ k: Coordinates) -> Int? {
        let d = plan.rules[r].dimension
        if d.perOrder { return k.order >= 0 ? offsets[r] + k.order : nil }
        if d.perAgent && k.agent < 0 { return nil }
        let agentSlot = d.perAgent ? k.agent : 0
        if d.grain == .none { return d.perAgent && agentSlot >= appended.baseAgentCount ? appended.cell(r, agentSlot, 0) : offsets[r] + agentSlot }
        let n = periodCount(d.grain)
        // The same grain (most references) needs no division.
        let i = (d.grain == k.grain ? k.period : k.period * k.grain.months / d.grain.months) + shift
        guard i >= 0 && i < n else { return nil }
        if d.perAgent && agentSlot >= appended.baseAgentCount { return appended.cell(r, agentSlot, i) }
        return offsets[r] + agentSlot * n + i
    }

    /// For `r[PERIOD]` (a fixed period, index `i`): the cell of rule `r` at `k`'s agent;
    /// `nil` when `r` is per agent and `k` has none (an order credited to nobody).
    ///
    /// - Complexity: O(1).
    @inline(__always) func atCell(_ r: Int, _ i: Int, _ k: Coordinates) -> Int? {
        if plan.rules[r].dimension.perAgent && k.agent < 0 { return nil }
        return cell(r, k.agent, i)
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
    ///
    /// - Complexity: O(expression size), times the members of any aggregation in it.
    public func eval(_ e: CExpr, _ k: Coordinates) -> Value {
        switch e {
        case .constant(let v): return v
        case .ref(let r, let shift):
            guard let c = mapRef(r, shift, k) else { return shift != 0 ? .number(.zero) : unreachable(r, k) }
            return values[c]
        case .at(let r, let p):
            guard let i = index(of: p) else {
                return .error(EvalError(.periodOutsideYears(p, years: years)))
            }
            guard let c = atCell(r, i, k) else { return unreachable(r, k) }
            return values[c]
        case .paid(let r):
            if plan.rules[r].dimension.perAgent && k.agent < 0 { return unreachable(r, k) }
            guard let c = paidCell(r, k) else { return .number(.zero) }
            return values[c]
        case .teamAggregate(let r):
            guard let c = mapRef(r, 0, k) else { return unreachable(r, k) }
            return values[c]
        case .orderField(let name, let column, let d):
            if let v = orderField(column, k.order) { return v }
            if let d { return eval(d, k) }
            return .error(EvalError(.orderHasNoField(order: orders[k.order].id, field: name)))
        case .orderAggregate(let op, let value, let filter, let g, let perAgent):
            let list = ordersBooked(g, k, perAgent: perAgent)
            // Read from the order cells and columns when it can be (`Engine+OrderColumnEvaluator`).
            if let v = orderAggregateOverColumns(op, value, filter, list) { return v }
            return aggregate(op, value, filter, list.lazy.map { self.orderCoordinates(Int($0)) })
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
                // An order credited to nobody has no agent's share to read.
                guard k.agent >= 0 else { return noAgent(k) }
                position = k.agent
            }
            guard let i = position, i < shares.count else { return .number(.zero) }
            return .number(shares[i])
        case .attribute(let name, let d):
            guard k.agent >= 0 else { return noAgent(k) }
            if let v = agents[k.agent].attribute(name) { return v }
            if let d { return eval(d, k) }
            return .error(EvalError(.agentHasNoAttribute(agent: agents[k.agent].name, attribute: name)))
        case .builtin(let b): return builtin(b, k)
        case .negate(let a):
            switch eval(a, k) {
            case .number(let n): return .number(-n)
            case .error(let e): return .error(e)
            default: return .error(EvalError(.needsAmount(operator: "-")))
            }
        case .not(let a):
            switch eval(a, k) {
            case .bool(let b): return .bool(!b)
            case .error(let e): return .error(e)
            default: return .error(EvalError(.needsFlag(operator: "not")))
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
            default: return .error(EvalError(.needsFlags(operator: "and")))
            }
        case .or(let a, let b):
            switch eval(a, k) {
            case .bool(true): return .bool(true)
            case .bool(false): return Engine.requireBool(eval(b, k), "or")
            case .error(let e): return .error(e)
            default: return .error(EvalError(.needsFlags(operator: "or")))
            }
        case .ifThen(let c, let a, let b):
            switch eval(c, k) {
            case .bool(true): return eval(a, k)
            case .bool(false): return eval(b, k)
            case .error(let e): return .error(e)
            default: return .error(EvalError(.ifNotFlag))
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
                default: return .error(EvalError(.whereNotFlag))
                }
            }
            guard case .number(let mine) = eval(own, k) else { return .error(EvalError(.rankNeedsAmount(plural: false))) }
            guard let c = mapRef(r, 0, k) else { return unreachable(r, k) }
            guard case .ranking(let sorted) = values[c] else { return values[c] }
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

    /// Order `o`'s field in typed column `column` (`CExpr.orderField`), or `nil` when it holds none:
    /// the standard fields from the order's own ID, agent and date, the others from `orderColumns`.
    ///
    /// - Complexity: O(1), no lookup by name.
    @inline(__always) func orderField(_ column: Int, _ o: Int) -> Value? {
        if column >= 0 { return orderColumns.value(column: column, order: o) }
        switch column {
        case OrderColumns.idColumn: return .text(orders[o].id)
        case OrderColumns.agentColumn: return orders[o].agent.map(Value.text)
        case OrderColumns.dateColumn: return .date(orders[o].date)
        default: return nil
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
                default: return .error(EvalError(.whereNotFlag))
                }
            }
            if let e = acc.add(value.map { eval($0, k) }) { return .error(e) }
        }
        return acc.result
    }

    /// The error for an agent's fact asked of an order credited to nobody.
    func noAgent(_ k: Coordinates) -> Value {
        .error(EvalError(k.order >= 0 ? .orderCreditedToNoAgent(order: orders[k.order].id) : .noAgentHere))
    }

    /// The error for a reference with nowhere to go: an order with no agent, or a month outside the years.
    func unreachable(_ r: Int, _ k: Coordinates) -> Value {
        if k.order >= 0 && k.agent < 0 && plan.rules[r].dimension.perAgent {
            return .error(EvalError(.orderCreditedToNoAgent(order: orders[k.order].id)))
        }
        if k.order >= 0 {
            return .error(EvalError(.orderOutsideYears(order: orders[k.order].id, date: orders[k.order].date, years: years)))
        }
        return .error(EvalError(.outsideYears(years: years)))
    }
}

extension RuleKind {
    /// The formula of a `formula` or `parameter` rule; `nil` for the other kinds.
    var formulaExpression: CExpr? {
        switch self {
        case .formula(let e), .parameter(let e): return e
        default: return nil
        }
    }
}
