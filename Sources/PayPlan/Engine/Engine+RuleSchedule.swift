/// The rule-level schedule: the order a full compute goes in, worked out from
/// the rules alone (which rules each rule reads), so that opening a scenario
/// computes every cell without building the per-cell dependency graph; the
/// graph, the topological order of the cells and their positions are built on
/// the first edit that needs them (`Engine+Schedule`).
///
/// The rules form a graph (rule → the rules its formula reads, by any
/// reference). Each strongly connected component, dependencies first, is a
/// step: a rule that does not read itself computes its whole block of cells in
/// cell order; a circle of rules (or a rule reading itself) that only close
/// through `prev` computes period by period, the rules in the order of their
/// same-period references inside each period, every agent's cell in turn.
/// Anything else (a circle through a fixed period `x[2026-12]`, an aggregation
/// over the periods, or rules of different shapes) has no rule-level schedule:
/// the engine then builds the cell graph at once, as before, and its cell
/// order (Kahn's algorithm) finds any cycle of cells.
extension Engine {
    /// One step of the rule-level schedule.
    enum RuleStep: Equatable {
        /// Every cell of the rule, in cell order.
        case block(Int)
        /// Rules of one shape that read each other only at the same period (in
        /// this order, which those reads respect) or at earlier ones (`prev`):
        /// period by period, each rule in turn, each agent's cell.
        case periodByPeriod([Int])
    }

    /// The rule-level schedule of `plan`, or `nil` when it has none (see the type's comment).
    ///
    /// - Complexity: O(plan size + rules × log rules).
    static func ruleSchedule(_ plan: CompiledPlan) -> [RuleStep]? {
        let n = plan.rules.count
        let (reads, plain, other) = ruleReads(plan)
        var steps: [RuleStep] = []
        for component in stronglyConnectedComponents(n, reads) {
            if component.count == 1, !reads[component[0]].contains(component[0]) {
                steps.append(.block(component[0])); continue
            }
            let members = Set(component)
            let d = plan.rules[component[0]].dimension
            for r in component {
                let rule = plan.rules[r]
                guard rule.dimension == d, !d.perOrder, d.grain != .none else { return nil }
                switch rule.kind {
                case .formula, .input: break
                default: return nil
                }
                // Inside the circle, only plain references at this period or earlier ones.
                if other[r].contains(where: members.contains) { return nil }
                if plain[r].contains(where: { members.contains($0.rule) && $0.shift > 0 }) { return nil }
            }
            // The members in an order their same-period references respect (the compiler refuses a circle of those).
            var done = Set<Int>(), ordered: [Int] = []
            var remaining = component.sorted()
            while !remaining.isEmpty {
                guard let next = remaining.firstIndex(where: { r in
                    plain[r].allSatisfy { $0.shift != 0 || !members.contains($0.rule) || $0.rule == r || done.contains($0.rule) }
                }) else { return nil }
                let r = remaining.remove(at: next)
                if plain[r].contains(where: { $0.rule == r && $0.shift == 0 }) { return nil }
                done.insert(r); ordered.append(r)
            }
            steps.append(.periodByPeriod(ordered))
        }
        return steps
    }

    /// Per rule: every rule it reads (by any reference), its plain same-coordinate
    /// references (`x`, `prev(x)`) with their shift, and its other references.
    ///
    /// - Complexity: O(plan size).
    static func ruleReads(_ plan: CompiledPlan) -> (reads: [[Int]], plain: [[(rule: Int, shift: Int)]], other: [[Int]]) {
        let n = plan.rules.count
        var reads = [[Int]](repeating: [], count: n)
        var plain = [[(rule: Int, shift: Int)]](repeating: [], count: n)
        var other = [[Int]](repeating: [], count: n)
        for (r, rule) in plan.rules.enumerated() {
            for e in rule.kind.expressions { references(e, plain: true, into: &plain[r], other: &other[r]) }
            reads[r] = Array(Set(plain[r].map(\.rule) + other[r]))
        }
        return (reads, plain, other)
    }

    /// The rules `e` reads: plain references (`x`, `prev(x)`: the same agent, a period
    /// of the same grain, reached only through operators, functions, tables and
    /// defaults) with their shift, and every other reference.
    static func references(_ e: CExpr, plain isPlain: Bool, into plain: inout [(rule: Int, shift: Int)], other: inout [Int]) {
        func visit(_ e: CExpr, _ p: Bool) { references(e, plain: p, into: &plain, other: &other) }
        switch e {
        case .constant, .builtin: break
        case .ref(let r, let shift): if isPlain { plain.append((r, shift)) } else { other.append(r) }
        case .at(let r, _), .paid(let r), .teamAggregate(let r), .share(let r, _): other.append(r)
        case .attribute(_, let d): if let d { visit(d, isPlain) }
        case .orderField(_, _, let d): if let d { visit(d, false) }
        case .negate(let a), .not(let a): visit(a, isPlain)
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
            visit(a, isPlain); visit(b, isPlain)
        case .ifThen(let a, let b, let c): visit(a, isPlain); visit(b, isPlain); visit(c, isPlain)
        case .function(_, let args): for a in args { visit(a, isPlain) }
        case .table(_, _, _, let arg, let rows):
            visit(arg, isPlain)
            for row in rows { visit(row.threshold, isPlain); visit(row.value, isPlain) }
        case .periodAggregate(_, _, _, let v, let f):
            if let v { visit(v, false) }
            if let f { visit(f, false) }
        case .rank(let r, let own, let f, _):
            other.append(r); visit(own, false)
            if let f { visit(f, false) }
        case .orderAggregate(_, let v, let f, _, _):
            if let v { visit(v, false) }
            if let f { visit(f, false) }
        }
    }

    /// The strongly connected components of the graph `edges` on nodes `0..<n`
    /// (Tarjan's algorithm, iterative), each after every component it reaches:
    /// with edges from a rule to the rules it reads, dependencies come first.
    ///
    /// - Complexity: O(nodes + edges).
    static func stronglyConnectedComponents(_ n: Int, _ edges: [[Int]]) -> [[Int]] {
        var index = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = [], out: [[Int]] = [], counter = 0
        for root in 0..<n where index[root] < 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let top = work.last {
                let v = top.node, i = top.next
                if i < edges[v].count {
                    work[work.count - 1].next += 1
                    let w = edges[v][i]
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { low[parent] = min(low[parent], low[v]) }
                if low[v] == index[v] {
                    var component: [Int] = []
                    while true {
                        let w = stack.removeLast(); onStack[w] = false
                        component.append(w)
                        if w == v { break }
                    }
                    out.append(component)
                }
            }
        }
        return out
    }

    /// Computes every cell in the order of `steps`: each rule's formula is evaluated over runs
    /// of its cells node by node (`Engine+BlockEvaluator`), its kind read once per block; an
    /// order rule's formula over runs of orders (`Engine+OrderColumnEvaluator`).
    ///
    /// - Complexity: O(cells × formula size).
    func computeAll(_ steps: [RuleStep], _ columns: BlockColumns = BlockColumns()) {
        for step in steps {
            switch step {
            case .block(let r):
                let d = plan.rules[r].dimension, first = offsets[r], kind = plan.rules[r].kind
                if d.perOrder {
                    if let e = kind.formulaExpression { computeOrderRule(r, e, columns); continue }
                    for o in 0..<(offsets[r + 1] - first) { values[first + o] = compute(first + o, r, orderCoordinates(o), kind) }
                    continue
                }
                let periods = periodCount(d.grain), slots = d.perAgent ? agents.count : 1
                computeBlockwise(r, kind, grain: d.grain, agents: 0..<slots, periods: 0..<periods, columns)
            case .periodByPeriod(let rules):
                let d = plan.rules[rules[0]].dimension
                let periods = periodCount(d.grain), slots = d.perAgent ? agents.count : 1
                let kinds = rules.map { plan.rules[$0].kind }
                for p in 0..<periods {
                    for (r, kind) in zip(rules, kinds) {
                        computeBlockwise(r, kind, grain: d.grain, agents: 0..<slots, periods: p..<(p + 1), columns)
                    }
                }
            }
        }
    }
}
