import PayPlan

/// Keeps the data of a workspace representable after an edit of its plan or years (issue 11):
/// a saved file must always reopen, and the loader refuses entered values no input holds and
/// attributes outside their declared range. So `drop INPUT`, `years …` and a redefinition
/// that changes an input's grain or holder remove the values left without a place and say how
/// many (undo brings them back); a definition whose range an agent's attribute breaks is refused.
extension Session {
    enum StoredDataChange { case unchanged, removed(EditMessage), refused(EditMessage) }

    /// Settles `new` (a workspace whose plan or years changed): refuses it when an agent's
    /// attribute is outside a range the plan now declares, else removes the stray inputs.
    /// - Complexity: O(values entered + agents × ranged attributes).
    func settleStoredData(_ new: inout Workspace) -> StoredDataChange {
        if let (i, name, value, range) = new.attributeOutsideRange() {
            return .refused(.attributeOutsideNewRange(agent: new.agents[i].name, attribute: name, value: "\(value)", range: "\(range)"))
        }
        let removed = new.removeStrayInputs()
        guard !removed.isEmpty else { return .unchanged }
        var counts: [(String, Int)] = []
        for r in removed {
            if let i = counts.firstIndex(where: { $0.0 == r.name }) { counts[i].1 += 1 } else { counts.append((r.name, 1)) }
        }
        return .removed(.removedStrayInputs(counts.map { (input: $0.0, count: $0.1) }))
    }
}
