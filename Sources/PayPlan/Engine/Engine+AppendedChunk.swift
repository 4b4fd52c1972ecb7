/// An appended agent's chunk of cells computed rule by rule (`agent add`): the chunk's
/// cells of each rule in the rule-level schedule's order (`Engine+RuleSchedule`), a rule's
/// periods as one run of lanes through the block evaluator (`Engine.evalColumn`), as a
/// full compute computes an agent's row. A lane that is not a plain amount or flag is
/// computed again by the tree walk, so every value, error value and origin is the one a
/// cell-by-cell compute gives. A circle through `prev` (plan C's damage carried forward,
/// the take-home part's year-to-date figures) goes period by period, each rule's cell in
/// turn, by the tree walk: one lane a run would only add the block evaluator's overhead.
///
/// Before, each chunk cell went through the tree walk in the twins' schedule order
/// (1.5 M of an `agent add` line's 3.8 M instructions on plan C).
extension Engine {
    /// Computes the chunk of appended agent `a`, whose cells start at `start`, in the order of `steps`
    /// (the plan's rule-level schedule): every per-agent rule's cells of the agent, none other.
    ///
    /// The chunk's cells read the engine's other cells (computed) and the agent's own cells of rules
    /// earlier in `steps` (or, in a circle through `prev`, of earlier periods and earlier rules of
    /// the period): `steps` is a topological order of the rules, so each cell is computed once, after
    /// what it reads. Cells that read every agent (aggregations over agents) are not the chunk's;
    /// the caller recomputes them and what depends on them afterwards.
    ///
    /// - Complexity: O(the chunk's cells × formula size), times the members of any aggregation in them.
    func computeAppendedChunk(agent a: Int, start: Int, steps: [RuleStep]) {
        for step in steps {
            switch step {
            case .block(let r):
                guard appended.chunkOffsets[r] >= 0 else { continue }
                let rule = plan.rules[r], n = periodCount(rule.dimension.grain)
                let columns = appended.columns(rule.dimension.grain)
                // Runs of at most the columns' capacity (a month rule over more than 21 years takes two).
                for p in stride(from: 0, to: n, by: columns.capacity) {
                    computeChunkRun(r, rule.kind, grain: rule.dimension.grain, agent: a, first: start + appended.chunkOffsets[r],
                                    periods: p..<min(n, p + columns.capacity), columns)
                }
            case .periodByPeriod(let rules):
                guard appended.chunkOffsets[rules[0]] >= 0 else { continue }
                let grain = plan.rules[rules[0]].dimension.grain
                let kinds = rules.map { plan.rules[$0].kind }
                let firsts = rules.map { start + appended.chunkOffsets[$0] }
                for p in 0..<periodCount(grain) {
                    for j in rules.indices {
                        let c = firsts[j] + p
                        values[c] = compute(c, rules[j], Coordinates(agent: a, grain: grain, period: p), kinds[j])
                    }
                }
            }
        }
    }

    /// Computes the cells `first + p` (`p` in `periods`) of per-agent rule `r` for appended agent `a`:
    /// a formula or input rule's over one run of lanes (through `Engine+BlockEvaluator`'s `flush`, as a
    /// rule's block is computed), any other kind (rankings, allocations) cell by cell. The cells must read none of
    /// each other, and be at most `b.capacity`.
    ///
    /// - Complexity: O(periods × formula size).
    private func computeChunkRun(_ r: Int, _ kind: RuleKind, grain: Grain, agent a: Int, first: Int, periods: Range<Int>, _ b: BlockColumns) {
        switch kind {
        case .formula, .parameter, .input:
            fill(b, grain: grain, agent: a, first: first, periods: periods)
            flush(r, kind, b)
        default:
            for p in periods { values[first + p] = compute(first + p, r, Coordinates(agent: a, grain: grain, period: p), kind) }
        }
    }

    /// Gathers the lanes of agent `a`'s cells `first + p`, `p` in `periods` (at most `b.capacity`), into `b`.
    private func fill(_ b: BlockColumns, grain: Grain, agent a: Int, first: Int, periods: Range<Int>) {
        b.grain = grain
        var i = 0
        for p in periods {
            b.agent[i] = a; b.period[i] = p; b.cell[i] = first + p
            i += 1
        }
        b.count = i
    }
}
