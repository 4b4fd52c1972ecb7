/// Edits made in place: the engine's data changes and only the cells that can
/// see the change are recomputed (in topological order, stopping where a value
/// comes out unchanged), without compiling the plan or building the graph again.
///
/// Each edit either applies in full or, when it would change the engine's
/// structure (cells, dependencies, order buckets), changes nothing and returns
/// `nil`: the caller then builds a new engine. The figures after an edit are
/// those of a fresh engine of the edited workspace, cell for cell (the debug
/// build checks it in the tests: `_checkInvariants(against:)`).
extension Engine {
    /// One change of a cell's value: the cell and its value before.
    public typealias Change = (cell: Int, old: Value)

    /// Stores several inputs (`nil` clears one) and recomputes what depends on them, once.
    ///
    /// - Returns: the cells whose value changed with their old values, in the
    ///   order they were recomputed.
    /// - Complexity: O(affected cells × log affected cells).
    public func setInputs(_ edits: [(cell: Int, value: Fixed?)]) -> [Change] {
        for e in edits { stored[e.cell] = e.value }
        return recompute(from: edits.map(\.cell))
    }

    /// Changes the as-of date (`as_of` in rules).
    ///
    /// - Returns: the changed cells, or `nil` when a `by` date of an order
    ///   aggregation reads `as_of` (the orders would regroup: build a new engine).
    /// - Complexity: O(cells of the rules that read `as_of`, and their dependents,
    ///   × log of that).
    public func setAsOf(_ day: Day) -> [Change]? {
        if day == asOf { return [] }
        let reads: (CExpr) -> Bool = { if case .builtin(.asOf) = $0 { return true } else { return false } }
        guard let seeds = cellsReading(reads) else { return nil }
        asOf = day
        return recompute(from: seeds)
    }

    /// Changes the working-day calendar (`workdays_after`, `workdays_between`).
    ///
    /// - Returns: the changed cells, or `nil` when a `by` date reads the calendar.
    /// - Complexity: as `setAsOf`, for the rules that count working days.
    public func setCalendar(_ c: WorkCalendar) -> [Change]? {
        if c == calendar { return [] }
        let reads: (CExpr) -> Bool = {
            if case .function(let f, _) = $0, f == .workdaysAfter || f == .workdaysBetween { return true }
            return false
        }
        guard let seeds = cellsReading(reads) else { return nil }
        calendar = c
        return recompute(from: seeds)
    }

    /// Replaces the order at index `o` with `new`, which keeps its ID: its field
    /// values, agent and date may change, and with them the buckets it is booked
    /// in (the order moves; `by` dates included).
    ///
    /// - Returns: the changed cells, or `nil` (nothing changed: build a new engine)
    ///   when the order brings a field name no order has, takes away the last
    ///   order's field of a name, names an agent appended in place, or moves to
    ///   another bucket while the cell graph stores the edges through orders (a plan
    ///   without order templates: those edges would change).
    /// - Complexity: O(static order rules + the sizes of the buckets it leaves and
    ///   joins) to move it, O(orders) when it drops a field name, then
    ///   O(affected cells × log affected cells): the order's cells and the
    ///   aggregates of its old and new buckets.
    public func replaceOrder(at o: Int, with new: Order) -> [Change]? {
        guard orders.indices.contains(o) else { return nil }
        let old = orders[o]
        guard old.id == new.id else { return nil }
        if old == new { return [] }
        // The plan was compiled with the field names of every order: they must stay the same.
        let newKeys = Set(new.fields.keys)
        guard newKeys.isSubset(of: fieldKeys) else { return nil }
        for k in Set(old.fields.keys).subtracting(newKeys) {
            guard orders.indices.contains(where: { $0 != o && orders[$0].fields[k] != nil }) else { return nil }
        }
        let agentBefore = orderAgent[o], monthBefore = orderMonth[o]
        let agentAfter = new.agent.flatMap { agentByName[$0] } ?? -1
        guard agentAfter < ordersByAgent.count else { return nil }  // an agent appended in place has no buckets
        ensureCellGraph()
        let orderRules = plan.rules.indices.filter { plan.rules[$0].dimension.perOrder }
        // The static order rules decide the `by` dates: work out the buckets after the change.
        let staticCells = staticRuleOrder().filter { plan.rules[$0].dimension.perOrder }.map { offsets[$0] + o }
        let groupsBefore = plan.groupings.indices.map { groupingMonth($0, o) }
        let savedStatic = staticCells.map { values[$0] }
        orders[o] = new
        orderColumns.set(order: o, date: new.date, fields: new.fields)
        orderAgent[o] = agentAfter
        orderMonth[o] = new.date.monthValue.index - startMonth.index
        for c in staticCells { values[c] = compute(c) }
        let groupsAfter = plan.groupings.indices.map { groupingMonth($0, o) }
        for (c, v) in zip(staticCells, savedStatic) { values[c] = v }
        let moves = agentAfter != agentBefore || groupsAfter != groupsBefore
        if moves && !ordersByTemplate {
            orders[o] = old; orderColumns.set(order: o, date: old.date, fields: old.fields); orderAgent[o] = agentBefore; orderMonth[o] = monthBefore
            return nil
        }
        // The order's own cells, and the cells that aggregate over its buckets before and
        // after (an aggregation may read a field of the order directly, with no cell between).
        var seeds = orderRules.map { offsets[$0] + o }
        seeds += bucketReaders(agent: agentBefore, months: groupsBefore.map { $0 ?? -1 })
        if moves {
            moveInBuckets(o, from: (agentBefore, groupsBefore), to: (agentAfter, groupsAfter))
            seeds += bucketReaders(agent: agentAfter, months: groupsAfter.map { $0 ?? -1 })
        }
        return recompute(from: seeds)
    }

    /// The cells whose formulas aggregate over a bucket holding an order of
    /// agent `agent` (−1: none) booked, per grouping, in month index `months[g]`.
    ///
    /// - Complexity: O(plan size + the cells returned) (plus the orders of the month for an
    ///   order rule that aggregates over orders); no list of a rule's cells is made unless returned.
    func bucketReaders(agent a: Int, months: [Int]) -> [Int] {
        var out: [Int] = []
        for (r, rule) in plan.rules.enumerated() {
            var nodes: [(grouping: Int, perAgent: Bool)] = []
            var allocates = false
            if case .allocation(_, _, true) = rule.kind { allocates = true }
            for e in rule.kind.expressions {
                _ = e.contains { n in
                    if case .orderAggregate(_, _, _, let g, let p) = n { nodes.append((g, p)) }
                    return false
                }
            }
            if nodes.isEmpty && !allocates { continue }
            let d = rule.dimension
            // Every cell of the rule only where each may read the bucket: listing a per-agent month rule's
            // cells for each aggregating rule was most of an order edit (120,000 cells a rule at 10,000 agents).
            if allocates && !(d.perAgent && !d.perOrder && d.grain == .month) { out += cells(ofRule: r); continue }
            if allocates { nodes.append((0, true)) }
            if d.grain == .none && !d.perOrder { out += cells(ofRule: r); continue }
            for (g, perAgent) in nodes {
                let m = months[g]
                guard m >= 0 && m < monthCount else { continue }
                if d.perOrder {
                    // Order p reads the orders of grouping g booked in p's own month: its
                    // agent's, or everyone's (also when p is credited to nobody).
                    for p in bucket(0, agent: -1, month: m) {
                        let b = orderAgent[Int(p)]
                        if !perAgent || b < 0 || b == a { out.append(offsets[r] + Int(p)) }
                    }
                    continue
                }
                if perAgent && a < 0 { continue }
                if d.perAgent {
                    let i = m / d.grain.months
                    if perAgent { out.append(cell(r, a, i)) } else { out += agents.indices.map { cell(r, $0, i) } }
                } else {
                    out.append(cell(r, 0, m / d.grain.months))
                }
            }
        }
        return out
    }

    /// Replaces the plan with `newPlan` (a rule, table or parameter redefined)
    /// when its rules keep their names and kinds of cell: only the rules whose
    /// compiled formula changed are recomputed, with what depends on them.
    ///
    /// When the new plan has a rule-level schedule, no agent was appended in place,
    /// and no rule downstream visits orders (or there are none: `visitsOrders`),
    /// the changed rules and every rule downstream are computed again whole,
    /// step by step with the block evaluator (`recomputeRules`); the cell graph is
    /// not needed, kept when only constants changed and else dropped (built from
    /// the new plan when next needed). Otherwise the recomputation goes cell by
    /// cell from the changed rules' cells, and a changed rule that reads other cells
    /// than before rewires the cell graph (`rewire`) instead of building the engine again.
    ///
    /// - Returns: the changed cells, or `nil` (nothing changed) when the plan does
    ///   not compile (build a new engine to get the error), when rules were added,
    ///   removed or changed dimension, when the orders would regroup, or (cell by
    ///   cell) when a changed rule reads other cells than before and the new reads
    ///   close a cycle of cells or agents were appended in place.
    /// - Complexity: O(plan size) to compile; rule by rule, O(cells of the changed
    ///   and downstream rules × formula size). Cell by cell: O(cells of the changed
    ///   rules × their dependencies) to compare the dependencies (none for a rule
    ///   whose constants alone changed), O(cells + dependencies) to rewire when they
    ///   differ, then the recomputation.
    public func redefine(_ newPlan: Plan) -> [Change]? {
        // Rules added or removed (a new `param`, one line of a script defining many): no in-place edit,
        // told before compiling, so that such a define compiles the plan once (for the new engine), not twice.
        guard Engine.declaresTheSameRules(newPlan, as: plan) else { return nil }
        guard let new = try? CompiledPlan(plan: newPlan, agentAttributes: attributeKeys, orderFields: fieldKeys) else { return nil }
        let old = plan
        guard new.rules.count == old.rules.count, new.groupings == old.groupings, new.staticRules == old.staticRules,
              new.total == old.total, new.reportColumns == old.reportColumns else { return nil }
        func isInput(_ k: RuleKind) -> Bool { if case .input = k { return true } else { return false } }
        var changed: [Int] = []
        for (a, b) in zip(old.rules, new.rules) {
            guard a.name == b.name, a.dimension == b.dimension, a.visible == b.visible, isInput(a.kind) == isInput(b.kind) else { return nil }
        }
        for r in new.rules.indices where new.rules[r].kind != old.rules[r].kind { changed.append(r) }
        if appended.count == 0, Engine.ruleSchedule(new) != nil,
           orders.isEmpty || !Engine.rulesDownstream(of: Set(changed), in: new).contains(where: { Engine.visitsOrders(new.rules[$0]) }) {
            // Rule by rule: the changed rules and those downstream computed again whole with the block
            // evaluator (`recomputeRules`), no cell graph needed. The graph, if built, is kept when the
            // changed rules read what they read before (only constants changed: a constant reads no
            // cell, so the schedule and every cell's dependencies are as before), else dropped: it is
            // built from the new plan when next needed (the schedule proves it has no cycle of cells).
            func replacePlan(_ p: CompiledPlan) { replacingPlanKeepsGraph = true; plan = p; replacingPlanKeepsGraph = false }
            replacePlan(new)
            if changed.isEmpty { return [] }
            guard groupingsUnaffected(by: Set(changed), reads: { _ in false }) else { replacePlan(old); return nil }
            if changed.contains(where: { old.rules[$0].kind.blankingConstants != new.rules[$0].kind.blankingConstants }) {
                cellGraph = nil
            }
            return recomputeRules(Set(changed))
        }
        plan = new
        if changed.isEmpty { return [] }
        // The orders' buckets stay as they are only if no `by` date reads a changed static rule.
        guard groupingsUnaffected(by: Set(changed), reads: { _ in false }) else { plan = old; return nil }
        // The cells the changed rules read now; where they differ from before, the graph is rewired.
        // Constants read no cells, so a rule whose formula changed only in its constants (a table
        // row's rate, a parameter's figure) reads what it read before, with nothing to compare.
        var fresh: [Int32] = []
        var rewired: [Int: [Int32]] = [:]
        for r in changed where old.rules[r].kind.blankingConstants != new.rules[r].kind.blankingConstants {
            for c in cells(ofRule: r) {
                fresh.removeAll(keepingCapacity: true)
                let k = coordinates(ofCell: c).coordinates
                collectCellDependencies(plan.rules[r], k, &fresh)
                if ordersByTemplate {
                    // What is read through orders is not stored but follows from the templates, which
                    // follow the new plan; where the stored part (read at the cell's own coordinates) changes,
                    // the graph is rewired (built again from the new plan, no cell computed); either way
                    // the schedule's cell order must still put every cell read first.
                    guard fresh.allSatisfy({ scheduleKey(Int($0)) < scheduleKey(c) }) else { plan = old; return nil }
                    var ownBefore: [Int32] = [], ownAfter: [Int32] = []
                    collectCellDependencies(old.rules[r], k, &ownBefore, throughOrders: false)
                    collectCellDependencies(plan.rules[r], k, &ownAfter, throughOrders: false)
                    if Set(ownBefore) != Set(ownAfter) { rewired[c] = ownAfter }
                    continue
                }
                let stored = dependencyList(c)[...]
                // As sets: a formula may read a cell twice (both versions of a dated table read its amount).
                if (fresh.count != stored.count || fresh.sorted() != stored.sorted()) && Set(fresh) != Set(stored) { rewired[c] = fresh }
            }
        }
        if !rewired.isEmpty {
            // Agents appended in place keep their own dependents lists: build anew then.
            guard appended.count == 0 else { plan = old; return nil }
            do { try rewire(rewired) } catch { plan = old; return nil }
        }
        return recompute(from: changed.flatMap { cells(ofRule: $0) })
    }

    /// Whether `plan` declares the rules `compiled` begins with, name by name in order (each parameter,
    /// its dated versions, input and rule, as `CompiledPlan.init` declares them), and no more rules
    /// than `compiled` has: a plan that does not cannot compile to rules of the same names in the
    /// same places, which `redefine` needs.
    /// - Complexity: O(definitions + versions).
    static func declaresTheSameRules(_ plan: Plan, as compiled: CompiledPlan) -> Bool {
        var r = 0
        let rules = compiled.rules
        func declare(_ name: String) -> Bool {
            guard r < rules.count, rules[r].name == name else { return false }
            r += 1
            return true
        }
        for d in plan.definitions {
            switch d.statement {
            case .param(let n, _, _):
                guard declare(n) else { return false }
                for _ in d.versions { guard declare(n) else { return false } }
            case .input(_, let n, _, _, _), .rule(_, let n, _, _):
                guard declare(n) else { return false }
            default: break
            }
        }
        return true
    }

    /// Replaces the dependency lists of the cells in `lists` (a rule redefined to read other
    /// cells): the dependencies and dependents are rebuilt around them, and the topological
    /// order is kept when every new edge goes from an earlier position to a later one (else
    /// it is worked out again, which finds a cycle). No value changes.
    ///
    /// - Throws: `CycleError` when the new edges close a cycle of cells (the graph is left as it was).
    /// - Complexity: O(cells + dependencies), with no cell computed; O(cells + dependencies) more
    ///   for a new order when an edge goes against the old one.
    func rewire(_ lists: [Int: [Int32]]) throws {
        let g = graph
        appended.readTemplate = []
        if g.ordersByTemplate {
            // Orders are read through templates and the order comes from the rule-level schedule:
            // the graph is built again from the new plan (no cell computed), the old one kept on failure.
            cellGraph = nil
            do { try buildCellGraph() } catch { cellGraph = g; throw error }
            appended.chunkOrder = []
            return
        }
        let total = g.dependencies.offsets.count - 1
        var offsets = [Int32](), targets = [Int32]()
        offsets.reserveCapacity(total + 1)
        targets.reserveCapacity(g.dependencies.targets.count + lists.values.reduce(0) { $0 + $1.count })
        offsets.append(0)
        for c in 0..<total {
            if let l = lists[c] { targets += l } else { targets += g.dependencies.neighbours(c) }
            offsets.append(Int32(targets.count))
        }
        let forward = CSRGraph(offsets: offsets, targets: targets)
        let backward = forward.reversed()
        let position = g.position
        let keepsOrder = lists.allSatisfy { c, l in l.allSatisfy { position[Int($0)] < position[c] } }
        if keepsOrder {
            cellGraph = CellGraph(dependencies: forward, dependents: backward, order: g.order)
        } else {
            let (order, position) = try Engine.schedule(forward: forward, backward: backward, plan: plan, offsets: self.offsets)
            cellGraph = CellGraph(dependencies: forward, dependents: backward, order: CellOrder(order: order, position: position))
            appended.chunkOrder = []
        }
    }

    /// True when no `by` date of an order aggregation reads a node that `reads`,
    /// a rule in `affected`, or a static rule that reads those (transitively).
    ///
    /// - Complexity: O(plan size × static rules).
    func groupingsUnaffected(by affected: Set<Int>, reads: (CExpr) -> Bool) -> Bool {
        var affected = affected
        var grew = true
        while grew {
            grew = false
            for r in plan.staticRules where !affected.contains(r) {
                let refs = plan.rules[r].kind.expressions.contains { $0.contains { e in
                    if case .ref(let d, _) = e { return affected.contains(d) }
                    if case .at(let d, _) = e { return affected.contains(d) }
                    return false
                } }
                if refs { affected.insert(r); grew = true }
            }
        }
        for g in plan.groupings {
            guard let g else { continue }
            let touched = g.contains { e in
                if reads(e) { return true }
                if case .ref(let d, _) = e { return affected.contains(d) }
                if case .at(let d, _) = e { return affected.contains(d) }
                return false
            }
            if touched { return false }
        }
        return true
    }

    /// Every cell of the rules whose formulas contain a node that `reads`, or
    /// `nil` when a `by` date of an order aggregation may depend on such a node.
    ///
    /// - Complexity: O(plan size + those cells).
    func cellsReading(_ reads: (CExpr) -> Bool) -> [Int]? {
        let affected = Set(plan.rules.indices.filter { plan.rules[$0].kind.expressions.contains { $0.contains(where: reads) } })
        guard groupingsUnaffected(by: affected, reads: reads) else { return nil }
        return affected.sorted().flatMap { cells(ofRule: $0) }
    }

    /// The static rules in an order where each comes after the static rules it reads.
    ///
    /// - Complexity: O(static rules × formula size).
    func staticRuleOrder() -> [Int] {
        var done = Set<Int>(), out: [Int] = []
        func visit(_ r: Int) {
            guard plan.staticRules.contains(r), done.insert(r).inserted else { return }
            var refs: [Int] = []
            switch plan.rules[r].kind {
            case .parameter(let e), .formula(let e): CExpr.sameTimeRefs(e, into: &refs)
            default: break
            }
            for d in refs { visit(d) }
            out.append(r)
        }
        for r in plan.staticRules.sorted() { visit(r) }
        return out
    }
}

extension RuleKind {
    /// The compiled expressions of the rule (its formula, default, value and filter, …).
    var expressions: [CExpr] {
        switch self {
        case .input(let d): return d.map { [$0] } ?? []
        case .parameter(let e), .formula(let e): return [e]
        case .agentAggregate(_, let v, let f): return [v, f].compactMap { $0 }
        case .ranking(let v, let f): return [v] + (f.map { [$0] } ?? [])
        case .allocation(let t, let w, _): return [t, w]
        }
    }
}

extension RuleKind {
    /// The kind with every constant replaced by 0: two kinds equal this way read the same cells
    /// at every coordinate (a constant reads none), so a redefinition that changes only constants
    /// keeps the cell graph's dependencies as they are.
    ///
    /// - Complexity: O(expression size).
    var blankingConstants: RuleKind {
        switch self {
        case .input(let d): return .input(defaultValue: d?.blankingConstants)
        case .parameter(let e): return .parameter(e.blankingConstants)
        case .formula(let e): return .formula(e.blankingConstants)
        case .agentAggregate(let op, let v, let f): return .agentAggregate(op, value: v?.blankingConstants, filter: f?.blankingConstants)
        case .ranking(let v, let f): return .ranking(value: v.blankingConstants, filter: f?.blankingConstants)
        case .allocation(let t, let w, let o): return .allocation(total: t.blankingConstants, weight: w.blankingConstants, overOrders: o)
        }
    }
}

extension CExpr {
    /// This expression with every constant replaced by 0 (see `RuleKind.blankingConstants`).
    ///
    /// - Complexity: O(expression size).
    var blankingConstants: CExpr {
        switch self {
        case .constant: return .constant(.number(.zero))
        case .ref, .at, .paid, .builtin, .teamAggregate, .share: return self
        case .attribute(let n, let d): return .attribute(n, defaultValue: d?.blankingConstants)
        case .orderField(let n, let c, let d): return .orderField(n, column: c, defaultValue: d?.blankingConstants)
        case .negate(let a): return .negate(a.blankingConstants)
        case .not(let a): return .not(a.blankingConstants)
        case .arithmetic(let op, let a, let b): return .arithmetic(op, a.blankingConstants, b.blankingConstants)
        case .compare(let op, let a, let b): return .compare(op, a.blankingConstants, b.blankingConstants)
        case .and(let a, let b): return .and(a.blankingConstants, b.blankingConstants)
        case .or(let a, let b): return .or(a.blankingConstants, b.blankingConstants)
        case .ifThen(let a, let b, let c): return .ifThen(a.blankingConstants, b.blankingConstants, c.blankingConstants)
        case .function(let f, let args): return .function(f, args.map(\.blankingConstants))
        case .table(let op, let name, let sides, let arg, let rows):
            return .table(op, table: name, sides: sides, arg: arg.blankingConstants,
                          rows: rows.map { CRow(threshold: $0.threshold.blankingConstants, value: $0.value.blankingConstants) })
        case .periodAggregate(let op, let scope, let iteration, let v, let f):
            return .periodAggregate(op, scope: scope, iteration: iteration, value: v?.blankingConstants, filter: f?.blankingConstants)
        case .rank(let r, let own, let f, let ties): return .rank(rule: r, own: own.blankingConstants, filter: f?.blankingConstants, ties: ties)
        case .orderAggregate(let op, let v, let f, let g, let p):
            return .orderAggregate(op, value: v?.blankingConstants, filter: f?.blankingConstants, grouping: g, perAgent: p)
        }
    }

    /// True when this expression or any part of it (table rows and defaults included) satisfies `pred`.
    ///
    /// - Complexity: O(expression size).
    func contains(where pred: (CExpr) -> Bool) -> Bool {
        if pred(self) { return true }
        switch self {
        case .constant, .ref, .at, .paid, .builtin, .teamAggregate, .share: return false
        case .attribute(_, let d), .orderField(_, _, let d): return d?.contains(where: pred) ?? false
        case .negate(let a), .not(let a): return a.contains(where: pred)
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
            return a.contains(where: pred) || b.contains(where: pred)
        case .ifThen(let a, let b, let c): return a.contains(where: pred) || b.contains(where: pred) || c.contains(where: pred)
        case .function(_, let args): return args.contains { $0.contains(where: pred) }
        case .table(_, _, _, let arg, let rows):
            return arg.contains(where: pred) || rows.contains { $0.threshold.contains(where: pred) || $0.value.contains(where: pred) }
        case .periodAggregate(_, _, _, let v, let f): return (v?.contains(where: pred) ?? false) || (f?.contains(where: pred) ?? false)
        case .rank(_, let own, let f, _): return own.contains(where: pred) || (f?.contains(where: pred) ?? false)
        case .orderAggregate(_, let v, let f, _, _): return (v?.contains(where: pred) ?? false) || (f?.contains(where: pred) ?? false)
        }
    }
}
