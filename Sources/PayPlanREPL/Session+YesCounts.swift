import PayPlan

/// A yes/no figure over a longer period than its own (a monthly flag over a quarter) is the number of its
/// periods that are yes (`Engine.figure` counts them): a whole number of months, never an amount of money
/// (fresh-user finding 10, session 13: `report 2026-Q1` showed 不合格淘汰 as 1.00).
extension Session {
    /// True when rule `r`'s figure for agent `a` at `p` counts its periods that are yes: the rule is finer
    /// than `p`, no balance, and its first period inside `p` is a yes/no value.
    /// - Complexity: O(1).
    static func countsYes(rule r: Int, agent a: Int, period p: Period, in e: Engine) -> Bool {
        let g = e.plan.rules[r].dimension.grain
        guard g != .none, g < p.grain, !e.plan.isBalance(rule: r),
              let c = e.cell(rule: r, agent: a, period: Period(grain: g, start: p.start)) else { return false }
        if case .bool = e.value(ofCell: c) { return true }
        return false
    }

    /// How many periods of grain `g` one period of `p`'s grain holds (3 months in a quarter).
    static func periods(of g: Grain, in p: Period) -> Int { max(1, p.grain.months / max(1, g.months)) }
}
