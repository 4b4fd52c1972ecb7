/// The order index: the orders of each agent and month for each grouping of
/// the plan (the order's own date, or the date after `by`), and the static
/// rules computed first so that dates after `by` are known.
extension Engine {
    /// The field names `orders` hold (the standard `id`, `agent` and `date` are not among an order's `fields`).
    ///
    /// While few names are met (an import's orders share five to ten) each order's names are compared with
    /// them, not hashed: a field name is short, so comparing it is a word or two, where a set hashes every
    /// name of every order (2% of a 100,000-order Taobao import). Past 32 names, a set as before.
    /// - Complexity: O(orders × fields per order × distinct names) comparisons while at most 32 names are met,
    ///   then O(fields per order) hash lookups an order.
    static func fieldNames(of orders: [Order]) -> Set<String> {
        var names: [String] = []
        var i = 0
        while i < orders.count, names.count <= 32 {
            for k in orders[i].fields.keys where !names.contains(k) { names.append(k) }
            i += 1
        }
        var set = Set(names)
        while i < orders.count { set.formUnion(orders[i].fields.keys); i += 1 }
        return set
    }

    /// Each order's agent number (`agentByName` of its agent; −1 for an order credited to nobody or to a name
    /// not among them).
    ///
    /// The first few names met are matched by their bytes before hashing (`String.hasSameBytes`): an import's orders
    /// name a handful of agents, mostly in Chinese, which hashing normalises first (1.5% of a 100,000-order Taobao
    /// import). The same bytes are the same name, so the number is the one the lookup gives. Orders that name many
    /// agents (a shop's 10,000) would compare each name with all 16 for nothing (5% of a full compute at 200,000
    /// orders): once 64 names in a row have matched none, every later name is hashed at once.
    /// - Complexity: O(orders × name length) for orders naming at most 16 distinct agents, else a hash lookup per
    ///   order beyond them (and at most 16 comparisons each for the first 64 that match none).
    static func agentNumbers(of orders: [Order], agentByName: [String: Int]) -> [Int] {
        var met: [(name: String, number: Int)] = []
        var out: [Int] = []
        out.reserveCapacity(orders.count)
        var missesInARow = 0
        next: for o in orders {
            guard let name = o.agent else { out.append(-1); continue }
            if missesInARow < 64 {
                for e in met where e.name.hasSameBytes(as: name) { missesInARow = 0; out.append(e.number); continue next }
                if met.count == 16 { missesInARow += 1 }
            }
            let number = agentByName[name] ?? -1
            if met.count < 16 { met.append((name, number)) }
            out.append(number)
        }
        return out
    }

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

    /// True when `ordersBooked(g, k, perAgent:)` is empty: no order booked in the period of `k`
    /// (the agent's own or everyone's), found without making the list (a full compute asks it of
    /// every cell of an aggregation over orders, most of them with none).
    ///
    /// - Complexity: O(months of the period).
    func noOrdersBooked(_ g: Int, _ k: Coordinates, perAgent: Bool) -> Bool {
        if orders.isEmpty { return true }
        let first = k.period * k.grain.months, months = monthCount, slots = (perAgent ? k.agent : -1) + 1
        let last = k.grain == .month ? first + 1 : first + k.grain.months
        for m in first..<last {
            let slot = slots * months + m
            if m >= 0 && m < months && slot < buckets[g].count && !buckets[g][slot].isEmpty { return false }
        }
        return true
    }

    /// Computes parameters and the order rules made only of data, before the
    /// graph is built (orders are grouped by them); an order rule's formula over
    /// runs of orders (`computeOrderRule`).
    ///
    /// - Complexity: O(static cells × formula size).
    func computeStaticRules() {
        var done = Set<Int>()
        let columns = BlockColumns()
        func visit(_ r: Int) {
            guard plan.staticRules.contains(r), !done.contains(r) else { return }
            done.insert(r)
            var refs: [Int] = []
            switch plan.rules[r].kind {
            case .parameter(let e), .formula(let e): CExpr.sameTimeRefs(e, into: &refs)
            default: break
            }
            for d in refs { visit(d) }
            if plan.rules[r].dimension.perOrder, case .formula(let e) = plan.rules[r].kind {
                computeOrderRule(r, e, columns); return
            }
            let count = plan.rules[r].dimension.perOrder ? orders.count : 1
            for i in 0..<count { values[offsets[r] + i] = compute(offsets[r] + i) }
        }
        for r in plan.staticRules.sorted() { visit(r) }
    }

    /// Groups the orders by agent and month for each grouping of the plan, and by agent.
    ///
    /// - Complexity: O(groupings × (orders + (agents + 1) × months)).
    func buildBuckets() {
        // The agents the engine was built with (those appended in place have no orders).
        let agentCount = min(agents.count, appended.baseAgentCount)
        var byAgent = [[Int32]](repeating: [], count: agentCount)
        for o in orders.indices where orderAgent[o] >= 0 { byAgent[orderAgent[o]].append(Int32(o)) }
        ordersByAgent = byAgent
        let months = periodCount(.month)
        let slots = (agentCount + 1) * months
        buckets = plan.groupings.map { g in
            var out = [[Int32]](repeating: [], count: orders.isEmpty ? 0 : slots)
            // A grouping by a field (`by refund_date`) is what `eval` makes of it, without the tree walk per order
            // (3% of a 100,000-order Taobao import): the date the order's typed column holds, else the field's
            // default, else no month (eval's error value for a field the order lacks, made with the order's ID).
            // A field no order holds (`noColumn`) has only its default.
            var byField: (column: Int, defaultValue: CExpr?)? = nil
            if case .orderField(_, let column, let d)? = g,
               column == OrderColumns.noColumn || (column >= 0 && column < orderColumns.filled.count && orderColumns.filled[column]) {
                byField = (column, d)
            }
            for o in orders.indices {
                let m: Int
                if let g {
                    let v: Value
                    if let f = byField {
                        if f.column >= 0, let held = orderColumns.value(column: f.column, order: o) { v = held }
                        else if let d = f.defaultValue { v = eval(d, orderCoordinates(o)) }
                        else { continue }
                    } else { v = eval(g, orderCoordinates(o)) }
                    guard case .date(let d) = v else { continue }
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

    /// Moves order `o` from the buckets of agent `from.agent` (−1: none) and the
    /// grouping months `from.months` to those of `to` (a month outside the years, or
    /// `nil`, is in no bucket), keeping each bucket in ID order; and to its agent's list.
    ///
    /// - Complexity: O(groupings × the sizes of the buckets it leaves and joins).
    func moveInBuckets(_ o: Int, from: (agent: Int, months: [Int?]), to: (agent: Int, months: [Int?])) {
        let months = monthCount, o32 = Int32(o)
        func slot(_ list: [Int32]) -> Int {
            var lo = 0, hi = list.count
            while lo < hi { let m = (lo + hi) / 2; if list[m] < o32 { lo = m + 1 } else { hi = m } }
            return lo
        }
        func remove(_ list: inout [Int32]) { let i = slot(list); if i < list.count && list[i] == o32 { list.remove(at: i) } }
        func insert(_ list: inout [Int32]) { let i = slot(list); if i == list.count || list[i] != o32 { list.insert(o32, at: i) } }
        for g in plan.groupings.indices where !buckets[g].isEmpty {
            if from.months[g] == to.months[g] && from.agent == to.agent { continue }
            if let m = from.months[g], m >= 0, m < months {
                remove(&buckets[g][m])
                if from.agent >= 0 { remove(&buckets[g][(from.agent + 1) * months + m]) }
            }
            if let m = to.months[g], m >= 0, m < months {
                insert(&buckets[g][m])
                if to.agent >= 0 { insert(&buckets[g][(to.agent + 1) * months + m]) }
            }
        }
        if from.agent != to.agent {
            if from.agent >= 0 { remove(&ordersByAgent[from.agent]) }
            if to.agent >= 0 { insert(&ordersByAgent[to.agent]) }
        }
    }
}
