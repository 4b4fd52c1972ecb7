/// Recomputation rule by rule: after a rule edit, the edited rules and every rule
/// that reads them (directly or through others) are computed again whole, step by
/// step in the rule-level schedule (`Engine+RuleSchedule`) with the block evaluator
/// (`Engine+BlockEvaluator`), as a full compute computes them, instead of cell by
/// cell through the cell graph. It needs neither the graph nor its cell order, so a
/// rule edit on an engine that has not built them does not build them.
///
/// The figures are those of a full compute of the edited plan (the block evaluator
/// hands every lane that is not a plain amount or flag to the tree walk, so each
/// error value, its message and its origin are as the cell-by-cell evaluator makes
/// them), and the change list is that of `recompute(from:)`: each cell whose value
/// differs from before, with its old value, in the order computed.
extension Engine {
    /// The rules in `seeds` and every rule reading one of them (transitively), by
    /// the rules each rule reads (`ruleReads`).
    ///
    /// - Complexity: O(plan size).
    static func rulesDownstream(of seeds: Set<Int>, in plan: CompiledPlan) -> Set<Int> {
        let reads = ruleReads(plan).reads
        var readers = [[Int]](repeating: [], count: plan.rules.count)
        for (r, list) in reads.enumerated() { for d in list { readers[d].append(r) } }
        var out = seeds, work = Array(seeds)
        while let r = work.popLast() {
            for q in readers[r] where out.insert(q).inserted { work.append(q) }
        }
        return out
    }

    /// Computes again every cell of the rules in `seeds` and of the rules downstream
    /// of them, step by step in the rule-level schedule, each step as a full compute
    /// does it (a rule's block through the block evaluator; order rules cell by cell).
    ///
    /// - Returns: the cells whose value changed, with their old values, in the order
    ///   computed; `nil` (nothing computed) when the plan has no rule-level schedule
    ///   or agents were appended in place (their cells live outside the rules' blocks):
    ///   then `recompute(from:)` goes cell by cell.
    /// - Complexity: O(cells of the affected rules × formula size), plus O(plan size)
    ///   for the schedule; O(cells of the largest affected step) memory for its old values.
    func recomputeRules(_ seeds: Set<Int>) -> [Change]? {
        guard appended.count == 0, let steps = Engine.ruleSchedule(plan) else { return nil }
        revision &+= 1
        let affected = Engine.rulesDownstream(of: seeds, in: plan)
        let columns = BlockColumns()
        var changed: [Change] = []
        for step in steps {
            let rules: [Int]
            switch step {
            case .block(let r): rules = [r]
            case .periodByPeriod(let rs): rules = rs
            }
            // A step's rules read each other around a circle: one affected makes them all affected.
            guard rules.contains(where: affected.contains) else { continue }
            let old = rules.map { Array(values[offsets[$0]..<offsets[$0 + 1]]) }
            computeAll([step], columns)
            for (r, before) in zip(rules, old) {
                let first = offsets[r]
                for (i, v) in before.enumerated() where values[first + i] != v { changed.append((first + i, v)) }
            }
        }
        return changed
    }
}
