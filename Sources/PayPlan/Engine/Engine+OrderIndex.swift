/// The order index: the orders of each agent and month for each grouping of
/// the plan (the order's own date, or the date after `by`), and the static
/// rules computed first so that dates after `by` are known.
extension Engine {
    /// The orders of grouping `g` booked in month `m` for agent `a` (−1: everyone's).
    ///
    /// - Complexity: O(1).
    func bucket(_ g: Int, agent a: Int, month m: Int) -> [Int32] {
        let months = monthCount
        let slot = (a + 1) * months + m
        guard m >= 0 && m < months, slot < buckets[g].count else { return [] }
        return buckets[g][slot]
    }

    /// The orders booked in the period of `k` (all its months), the agent's own or everyone's.
    ///
    /// - Complexity: O(1) for a month; O(orders booked) for a longer period (copied).
    func ordersBooked(_ g: Int, _ k: Coordinates, perAgent: Bool) -> [Int32] {
        let first = k.period * k.grain.months
        if k.grain == .month { return bucket(g, agent: perAgent ? k.agent : -1, month: first) }
        return (first..<(first + k.grain.months)).flatMap { bucket(g, agent: perAgent ? k.agent : -1, month: $0) }
    }

    /// Computes parameters and the order rules made only of data, before the
    /// graph is built (orders are grouped by them).
    ///
    /// - Complexity: O(static cells × formula size).
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
    ///
    /// - Complexity: O(groupings × (orders + (agents + 1) × months)).
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
}
