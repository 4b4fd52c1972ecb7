/// Order-cell dependency templates: what reads an order's cells, and what an
/// order's cells read, worked out per rule instead of stored edge by edge.
///
/// At a million orders the per-cell edges into and out of order cells were
/// most of the engine's memory (81 M edges). The cell graph of a plan with a
/// rule-level schedule (`Engine+RuleSchedule`) stores none of them; they follow
/// from three templates read off the compiled rules:
/// - "order rule R reads S of the same order": S's cell of order o is read by
///   R's cell of order o;
/// - "rule M of (a, m) reads R over bucket (a, m)": an aggregation `over orders`
///   (and `allocate` over orders) in rule M reads the cells of its value, filter
///   or weight for each order in its bucket, so order o's cell is read by the
///   cell of M over o's bucket (its agent, or every agent for everyone's orders;
///   the month of o's grouping date);
/// - "order rule R (or an aggregation's value) reads X at the order's agent and
///   month": X's cell of (a, m) is read by the cells of the orders booked to a in
///   m (for a plain month reference), or by every order of a (other references).
///
/// What a cell reads through orders is never stored, so an order that moves to
/// another bucket (agent or date) changes no stored edge: only the buckets.
/// The dependents these templates give may include cells that do not read the
/// cell (a superset): recomputing one of those in schedule order gives its old
/// value, so the result is the same.
struct OrderTemplates {
    /// An aggregation over orders in a rule that is not an order rule: its rule,
    /// its grouping (`CompiledPlan.groupings`; 0 for `allocate`) and whether it
    /// reads the agent's orders only.
    struct Aggregation: Equatable {
        var rule: Int
        var grouping: Int
        var perAgent: Bool
    }
    /// Per order rule S: the order rules that read S of the same order.
    var sameOrderReaders: [[Int]]
    /// Per rule X that is not an order rule: the order rules that read X at an order's coordinates.
    var orderReaders: [[Int]]
    /// Per order rule S: the aggregations whose value, filter or weight reads S.
    var aggregationsReadingOrderRule: [[Aggregation]]
    /// Per rule X that is not an order rule: the aggregations whose value, filter or weight reads X (at an order's coordinates).
    var aggregationsReadingRule: [[Aggregation]]
    /// Per rule X: every read of X at an order's coordinates is at the order's own
    /// month (`x`, no `prev`), and X is by month, so only the orders booked in
    /// that month read X's cell of it.
    var readAtOrderMonth: [Bool]
    /// Per rule: its cells read cells through orders (an aggregation over orders, or an order rule).
    var readsThroughOrders: [Bool]

    /// The templates of `plan`, or `nil` when the plan has a shape they do not
    /// cover (an aggregation over orders inside another), when the cell graph
    /// stores every edge.
    ///
    /// - Complexity: O(plan size).
    init?(_ plan: CompiledPlan) {
        let n = plan.rules.count
        sameOrderReaders = Array(repeating: [], count: n)
        orderReaders = Array(repeating: [], count: n)
        aggregationsReadingOrderRule = Array(repeating: [], count: n)
        aggregationsReadingRule = Array(repeating: [], count: n)
        readAtOrderMonth = plan.rules.map { $0.dimension.grain == .month && !$0.dimension.perOrder }
        readsThroughOrders = plan.rules.map { $0.dimension.perOrder }
        var nested = false
        /// The rules an expression evaluated at an order's coordinates reads, noting those read other than at the order's month.
        func readsAtOrder(_ e: CExpr, into out: inout [Int]) {
            _ = e.contains { node in
                switch node {
                case .ref(let r, let shift):
                    out.append(r)
                    if shift != 0 { readAtOrderMonth[r] = false }
                case .share(let r, _), .teamAggregate(let r): out.append(r)
                case .at(let r, _), .paid(let r), .rank(let r, _, _, _):
                    out.append(r); readAtOrderMonth[r] = false
                case .orderAggregate: nested = true
                case .periodAggregate(_, _, _, let v, let f):
                    // `sum(x over year)` reads x in every month of the order's year, not only its own.
                    for part in [v, f].compactMap({ $0 }) { markReadAtOtherMonths(part) }
                default: break
                }
                return false
            }
        }
        /// Every rule `e` reads is read at other months than the order's.
        func markReadAtOtherMonths(_ e: CExpr) {
            _ = e.contains { node in
                switch node {
                case .ref(let r, _), .at(let r, _), .paid(let r), .rank(let r, _, _, _), .share(let r, _), .teamAggregate(let r):
                    readAtOrderMonth[r] = false
                default: break
                }
                return false
            }
        }
        for (r, rule) in plan.rules.enumerated() {
            if rule.dimension.perOrder {
                var reads: [Int] = []
                for e in rule.kind.expressions { readsAtOrder(e, into: &reads) }
                if case .allocation = rule.kind { nested = true }
                for t in Set(reads) {
                    if plan.rules[t].dimension.perOrder { sameOrderReaders[t].append(r) } else { orderReaders[t].append(r) }
                }
                continue
            }
            var found: [(Aggregation, [CExpr])] = []
            if case .allocation(_, let weight, true) = rule.kind { found.append((Aggregation(rule: r, grouping: 0, perAgent: true), [weight])) }
            for e in rule.kind.expressions {
                _ = e.contains { node in
                    if case .orderAggregate(_, let v, let f, let g, let perAgent) = node {
                        found.append((Aggregation(rule: r, grouping: g, perAgent: perAgent), [v, f].compactMap { $0 }))
                    }
                    return false
                }
            }
            if !found.isEmpty { readsThroughOrders[r] = true }
            for (a, exprs) in found {
                var reads: [Int] = []
                for e in exprs {
                    // The aggregation's own node is not inside its value: `contains` from the parts.
                    readsAtOrder(e, into: &reads)
                }
                for t in Set(reads) {
                    if plan.rules[t].dimension.perOrder {
                        if !aggregationsReadingOrderRule[t].contains(a) { aggregationsReadingOrderRule[t].append(a) }
                    } else if !aggregationsReadingRule[t].contains(a) {
                        aggregationsReadingRule[t].append(a)
                    }
                }
            }
        }
        if nested { return nil }
    }
}

extension Engine {
    /// The order templates of the plan as it is now, built on first use after each plan change.
    var orderTemplates: OrderTemplates? {
        if let t = orderTemplatesCache { return t }
        let t = OrderTemplates(plan)
        orderTemplatesCache = t
        return t
    }

    /// True when the cell graph stores no edge into or out of order cells (they come from `orderTemplates`).
    var ordersByTemplate: Bool { cellGraph?.ordersByTemplate ?? false }

    /// The month index (from `startMonth`) of grouping `g` of order `o`: its own
    /// month for grouping 0, else the month of its date after `by`; `nil` when it has none.
    ///
    /// - Complexity: O(the grouping's formula).
    func groupingMonth(_ g: Int, _ o: Int) -> Int? {
        guard let e = plan.groupings[g] else { return orderMonth[o] }
        guard case .date(let d) = eval(e, orderCoordinates(o)) else { return nil }
        return d.monthValue.index - startMonth.index
    }

    /// Calls `body` with the cells of aggregation `a` whose buckets hold order `o`.
    ///
    /// - Complexity: O(1), or O(agents) for everyone's orders in a per-agent rule.
    func forEachAggregationCell(_ a: OrderTemplates.Aggregation, order o: Int, _ body: (Int32) -> Void) {
        guard let m = groupingMonth(a.grouping, o), m >= 0, m < monthCount else { return }
        let d = plan.rules[a.rule].dimension
        if d.grain == .none { for c in cells(ofRule: a.rule) { body(Int32(c)) }; return }
        let i = m / d.grain.months
        if !d.perAgent { body(Int32(cell(a.rule, 0, i))); return }
        if a.perAgent {
            let agent = orderAgent[o]
            if agent >= 0 { body(Int32(cell(a.rule, agent, i))) }
            return
        }
        for agent in agents.indices { body(Int32(cell(a.rule, agent, i))) }
    }

    /// Calls `body` with the cells that read cell `c` through orders, by the templates
    /// (possibly some more than read it; possibly one twice).
    ///
    /// - Complexity: for an order cell, O(its readers of the same order + its
    ///   aggregations); for another cell, O(the orders that may read it × their readers).
    func forEachOrderDependent(_ c: Int, _ t: OrderTemplates, _ body: (Int32) -> Void) {
        let (r, k) = coordinates(ofCell: c)
        if plan.rules[r].dimension.perOrder {
            let o = k.order
            for reader in t.sameOrderReaders[r] { body(Int32(offsets[reader] + o)) }
            for a in t.aggregationsReadingOrderRule[r] { forEachAggregationCell(a, order: o, body) }
            return
        }
        let readers = t.orderReaders[r], aggregations = t.aggregationsReadingRule[r]
        if readers.isEmpty && aggregations.isEmpty { return }
        func visit(_ o: Int) {
            for reader in readers { body(Int32(offsets[reader] + o)) }
            for a in aggregations { forEachAggregationCell(a, order: o, body) }
        }
        let d = plan.rules[r].dimension
        if d.perAgent && k.agent >= ordersByAgent.count { return } // an appended agent has no orders
        if t.readAtOrderMonth[r] {
            for o in bucket(0, agent: d.perAgent ? k.agent : -1, month: k.period) { visit(Int(o)) }
        } else if d.perAgent {
            for o in ordersByAgent[k.agent] { visit(Int(o)) }
        } else {
            for o in orders.indices { visit(o) }
        }
    }

    /// The cells that cell `c` reads, collected from its formula now (an order
    /// cell, or a cell that reads through orders, when those edges are not stored).
    ///
    /// - Complexity: O(formula size × the orders it reads).
    func collectedDependencies(_ c: Int) -> [Int32] {
        let (r, k) = coordinates(ofCell: c)
        var out: [Int32] = []
        collectCellDependencies(plan.rules[r], k, &out)
        return out
    }

    /// True when the dependencies of cell `c` are not stored but collected when asked.
    func dependenciesAreCollected(_ c: Int) -> Bool {
        guard ordersByTemplate, let t = orderTemplates else { return false }
        return t.readsThroughOrders[coordinates(ofCell: c).rule]
    }
}
