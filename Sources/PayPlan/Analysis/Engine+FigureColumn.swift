extension Engine {
    /// `figure(ruleIndex:agentIndex:period:)` of every agent, in the agents' order: what a report reads,
    /// one column at a time. A per-agent rule finer than `p` (a month rule in a year's report), not a
    /// balance, whose sub-periods all lie in the scenario's years, is summed straight from each agent's
    /// run of cells, the rule's layout worked out once for the column; an agent whose run holds anything
    /// but numbers and yes/no flags, or whose sum leaves ±10²⁶, or that was appended in place, and every
    /// other kind of rule or period, is given by `figure(ruleIndex:agentIndex:period:)` itself (the same
    /// error values, the same `nil`s).
    /// - Complexity: O(agents × months in `p`).
    public func figures(ruleIndex r: Int, period p: Period) -> [Value?] {
        let count = agents.count
        let d = plan.rules[r].dimension, g = d.grain
        func each() -> [Value?] { (0..<count).map { figure(ruleIndex: r, agentIndex: $0, period: p) } }
        guard d.perAgent, !d.perOrder, g != .none, g < p.grain, !plan.isBalance(rule: r) else { return each() }
        let first = Period(grain: g, start: p.start), members = p.grain.months / g.months
        guard let i0 = index(of: first), members <= periodCount(g) - i0 else { return each() }
        let periods = periodCount(g), start = offsets[r] + i0, base = min(count, appended.baseAgentCount)
        var out = [Value?]()
        out.reserveCapacity(count)
        values.withUnsafeBufferPointer { vb in
            for a in 0..<base {
                let c0 = start + a * periods
                var sum: Int128 = 0
                var plain = true
                for k in 0..<members {
                    let term: Int128
                    switch vb[c0 + k] {
                    case .number(let n): term = n.raw
                    case .bool(let b): term = b ? Fixed.scale : 0
                    default: plain = false; term = 0
                    }
                    guard plain else { break }
                    // Terms and partial sums within ±10²⁶ raw (10³⁸): adding two never leaves Int128.
                    sum &+= term
                    if sum > Fixed.maxRaw || sum < -Fixed.maxRaw { plain = false; break }
                }
                out.append(plain ? .number(Fixed(raw: sum)) : figure(ruleIndex: r, agentIndex: a, period: p))
            }
        }
        for a in base..<count { out.append(figure(ruleIndex: r, agentIndex: a, period: p)) }
        return out
    }
}
