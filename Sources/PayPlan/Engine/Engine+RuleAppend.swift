/// A new definition added at the end of the plan (`param p2 = p1 + 1`, one line of a plan written top
/// down) without building the engine again: the plan is compiled with only the new definition
/// (`CompiledPlan.appending`), and the engine keeps every other cell and computes the new rule's.
/// Before, each such line compiled the whole plan twice and computed every cell (fresh-user finding M-E:
/// 400 lines took 12.6 s, 2,000 did not finish in 300 s, in a debug build).
extension Engine {
    /// An engine for `plan`, which is this engine's plan with `definition` defined at its end and nothing
    /// else changed (the same agents, orders and years): the figures a new `Engine(workspace:)` gives,
    /// without compiling the other definitions or computing their cells again. Nothing reads a new
    /// name yet, so no other cell changes.
    ///
    /// `nil` when it cannot be added so (see `CompiledPlan.appending`), or this engine has agents
    /// appended in place or no rule-level schedule: build a new engine then, which also gives any error.
    /// Debug builds check the result against a new engine, rule for rule and cell for cell.
    ///
    /// - Complexity: O(definitions) to gather the plan's tables, O(rules) for the cell layout, O(cells)
    ///   to copy the values, plus the new rule's cells × its formula's size.
    public func appending(_ definition: Definition, in plan: Plan, workspace: Workspace) -> Engine? {
        guard appended.count == 0, values.count == offsets.last!, let new = self.plan.appending(definition, in: plan) else { return nil }
        if hasRuleSchedule == nil { hasRuleSchedule = Engine.ruleSchedule(self.plan) != nil }
        guard hasRuleSchedule == true else { return nil }
        let offsets = Engine.layout(plan: new, agentCount: agents.count, orderCount: orders.count, years: years.count)
        guard offsets.count == self.offsets.count + 1, Array(offsets.prefix(self.offsets.count)) == self.offsets else { return nil }
        let e = Engine(extending: self, plan: new, offsets: offsets)
        #if DEBUG
        if let fresh = try? Engine(workspace: workspace) {
            assert(fresh.plan.rules == e.plan.rules && fresh.plan.ruleIndex == e.plan.ruleIndex && fresh.plan.staticRules == e.plan.staticRules
                   && fresh.plan.warnings == e.plan.warnings && fresh.plan.groupings == e.plan.groupings && fresh.plan.total == e.plan.total,
                   "Engine.appending: the plan differs from a full compile's (\(definition.name))")
            assert(fresh.values == e.values, "Engine.appending: the cells differ from a new engine's (\(definition.name))")
        } else {
            assertionFailure("Engine.appending: a new engine for the plan fails to build (\(definition.name))")
        }
        #endif
        return e
    }
}
