#if DEBUG
import PayPlan

extension Session {
    /// Debug-build check that the current engine, and every engine kept for a
    /// fork, equal a fresh engine of their workspace cell for cell (see
    /// `Engine._checkInvariants(against:)`). Returns the problems found.
    public func _checkInvariants() -> [String] {
        var problems = engine._checkInvariants(against: workspace).map { "\(forkName): \($0)" }
        for (name, kept) in forkEngines.sorted(by: { $0.key < $1.key }) {
            if forks[name] != kept.workspace { continue }  // no longer used
            problems += kept.engine._checkInvariants(against: kept.workspace).map { "\(name): \($0)" }
        }
        // The warnings kept per agent, when current, are what every agent's figures give now.
        if let x = outsideEmployment, x.engine === engine, x.revision == engine.revision, let rule = PlanCheck.OutsideEmployment.payRule(engine), rule == x.rule {
            for a in engine.agents.indices where x.flagged[a] != PlanCheck.OutsideEmployment(engine: engine, rule: rule, agent: a) {
                problems.append("\(forkName): the pay outside employment kept for \(engine.agents[a].name) is \(x.flagged[a].map { "\($0)" } ?? "none"), worked out again \(PlanCheck.OutsideEmployment(engine: engine, rule: rule, agent: a).map { "\($0)" } ?? "none")")
            }
            if x.flagged.keys.contains(where: { $0 >= engine.agents.count }) { problems.append("\(forkName): pay outside employment kept for an agent who is gone") }
        }
        return problems
    }
}
#endif
