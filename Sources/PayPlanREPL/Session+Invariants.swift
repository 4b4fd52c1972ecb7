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
        return problems
    }
}
#endif
