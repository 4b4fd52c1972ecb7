#if DEBUG
/// Debug-build checks of the engine's invariants, run by the tests after
/// edits. Each returns the problems found (empty when all hold), naming cells
/// as users write them.
extension Engine {
    /// Checks that:
    /// - `order` is a permutation of the built cells and `position` its inverse;
    /// - every cell comes after the cells it reads (schedule keys: topological
    ///   positions, an appended agent's cells right after agent 0's);
    /// - on a sample of cells (every `sampleStep`-th, and each rule's first and
    ///   last), the dependencies stored (template-moved for per-agent rules,
    ///   replaced for aggregations when agents were appended) equal those
    ///   collected for that very cell, and each is stored as a dependent too;
    /// - every value is what its formula gives from the others (a fixed point);
    /// - the typed order columns hold each order's fields;
    /// - with `workspace`, a fresh engine of it has the same cells and values,
    ///   cell for cell by coordinates (the incremental result equals a fresh compute).
    ///
    /// - Complexity: O(cells + dependencies) plus, with `workspace`, a full build.
    public func _checkInvariants(against workspace: Workspace? = nil, sampleStep: Int = 97) -> [String] {
        var problems: [String] = []
        func note(_ s: String) { if problems.count < 20 { problems.append(s) } }
        let total = values.count
        let built = min(total, appended.baseCellCount)
        if order.count != built || position.count != built { note("order/position hold \(order.count)/\(position.count) cells, not \(built)") }
        for (i, c) in order.enumerated() where position[Int(c)] != Int32(i) {
            note("position of \(name(ofCell: Int(c))) is \(position[Int(c)]), not \(i)"); break
        }
        if appended.isPrepared && (agents.count != appended.baseAgentCount + appended.count
                                   || total != appended.baseCellCount + appended.count * appended.chunkSize) {
            note("\(appended.count) agents appended, \(agents.count) agents, \(total) cells: the chunks do not add up")
        }
        for c in 0..<total {
            let key = scheduleKey(c)
            for d in dependencyList(c) where scheduleKey(Int(d)) >= key {
                note("\(name(ofCell: c)) is computed before \(name(ofCell: Int(d))), which it reads")
            }
        }
        // The typed order columns say what the orders' fields say.
        if orderColumns.names != plan.orderColumns { note("order columns \(orderColumns.names), the plan's \(plan.orderColumns)") }
        if !orders.isEmpty {
            for c in plan.orderColumnsRead where !orderColumns.filled[c] { note("order column \(orderColumns.names[c]) is read by the plan but not filled") }
        }
        for o in orders.indices {
            for (c, n) in orderColumns.names.enumerated() where orderColumns.filled[c] && orderColumns.value(column: c, order: o) != orders[o].fields[n]?.value {
                note("order \(orders[o].id)'s column \(n) holds \(orderColumns.value(column: c, order: o)?.displayText ?? "nothing"), its field \(orders[o].fields[n]?.text ?? "nothing")")
            }
        }
        var samples = Set(stride(from: 0, to: total, by: max(1, sampleStep)))
        for r in plan.rules.indices {
            let all = cells(ofRule: r)
            if let f = all.first, let l = all.last { samples.insert(f); samples.insert(l) }
        }
        for c in samples.sorted() {
            let (r, k) = coordinates(ofCell: c)
            var fresh: [Int32] = []
            collectCellDependencies(plan.rules[r], k, &fresh)
            // As sets: a formula may read one cell twice (both versions of a dated table read its amount),
            // and a redefinition made in place keeps the list it had.
            if Set(fresh) != Set(dependencyList(c)) {
                note("dependencies of \(name(ofCell: c)) stored as \(dependencyList(c).count) cells, collected as \(fresh.count)")
            }
            for d in Set(fresh) where !dependents(ofCell: Int(d)).contains(c) {
                note("\(name(ofCell: c)) reads \(name(ofCell: Int(d))) but is not among its dependents")
            }
        }
        // The order buckets and each agent's orders, as a fresh grouping makes them (orders move in place).
        let (keptBuckets, keptByAgent) = (buckets, ordersByAgent)
        buildBuckets()
        if buckets != keptBuckets { note("the order buckets differ from a fresh grouping of the orders") }
        if ordersByAgent != keptByAgent { note("the orders by agent differ from a fresh grouping of the orders") }
        (buckets, ordersByAgent) = (keptBuckets, keptByAgent)
        for c in 0..<total where compute(c) != values[c] {
            note("\(name(ofCell: c)) holds \(values[c].displayText) but computes to \(compute(c).displayText)")
        }
        if let workspace {
            do {
                let e = try Engine(workspace: workspace)
                if e.values.count != total { note("a fresh engine has \(e.values.count) cells, this one \(total)") } else {
                    for c in 0..<total {
                        let (r, k) = coordinates(ofCell: c)
                        let d = plan.rules[r].dimension
                        let there = d.perOrder ? e.offsets[r] + k.order : e.cell(r, k.agent, k.period)
                        guard there < e.values.count, e.values[there] == values[c], e.name(ofCell: there) == name(ofCell: c) else {
                            note("\(name(ofCell: c)) is \(values[c].displayText) here, \(there < e.values.count ? e.values[there].displayText : "missing") in a fresh engine")
                            continue
                        }
                    }
                }
            } catch {
                note("a fresh engine of the workspace fails: \(error)")
            }
        }
        return problems
    }
}
#endif
