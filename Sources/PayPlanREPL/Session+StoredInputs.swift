import PayPlan

/// Keeps the data of a workspace representable after an edit of its plan or years (issue 11):
/// a saved file must always reopen, and the loader refuses entered values no input holds and
/// attributes outside their declared range. So `drop INPUT`, `years …` and a redefinition
/// that changes an input's grain or holder remove the values left without a place and say how
/// many (undo brings them back); `years …` removes the orders dated outside the new years likewise;
/// a definition whose range an agent's attribute breaks is refused.
extension Session {
    enum StoredDataChange { case unchanged, removed([EditMessage]), refused(EditMessage) }

    /// Settles `new` (a workspace whose plan or years changed): refuses it when an agent's
    /// attribute is outside a range the plan now declares, else removes the stray inputs.
    /// - Complexity: O(values entered + agents × ranged attributes), and O(orders) when the years changed.
    func settleStoredData(_ new: inout Workspace) -> StoredDataChange {
        if let (i, name, value, range) = new.attributeOutsideRange() {
            return .refused(.attributeOutsideNewRange(agent: new.agents[i].name, attribute: name, value: "\(value)", range: "\(range)"))
        }
        let removed = new.removeStrayInputs()
        // Orders dated outside new years (`years 2027` on 2026's orders) are removed the same way, and said.
        let orders = new.years == workspace.years ? [] : new.removeOrdersOutsideYears()
        guard !removed.isEmpty || !orders.isEmpty else { return .unchanged }
        func counts(_ rs: [Workspace.StrayInput]) -> [(input: String, count: Int)] {
            var counts: [(input: String, count: Int)] = []
            for r in rs {
                if let i = counts.firstIndex(where: { $0.input == r.name }) { counts[i].count += 1 } else { counts.append((r.name, 1)) }
            }
            return counts
        }
        // Values dated outside the new years are said as such (the years moved, not the inputs).
        let outside = removed.filter { $0.reason == .outsideYears }, other = removed.filter { $0.reason != .outsideYears }
        var messages: [EditMessage] = []
        if !other.isEmpty { messages.append(.removedStrayInputs(counts(other))) }
        if let first = outside.map(\.period.start.year).min(), let last = outside.map({ $0.period.lastMonth.year }).max() {
            messages.append(.removedOutsideYears(counts(outside), years: new.years, datedIn: first...last))
        }
        if let first = orders.map(\.date.year).min(), let last = orders.map(\.date.year).max() {
            messages.append(.removedOrdersOutsideYears(orders.count, years: new.years, datedIn: first...last))
        }
        return .removed(messages)
    }
}
