import PayPlan

/// Keeps the data of a workspace representable after an edit of its plan or years (issue 11):
/// a saved file must always reopen, and the loader refuses entered values no input holds and
/// attributes outside their declared range. So `drop INPUT`, `years …` and a redefinition
/// that changes an input's grain or holder remove the values left without a place and say how
/// many (undo brings them back); a definition whose range an agent's attribute breaks is refused.
extension Session {
    enum StoredDataChange { case unchanged, removed(String), refused(String) }

    /// Settles `new` (a workspace whose plan or years changed): refuses it when an agent's
    /// attribute is outside a range the plan now declares, else removes the stray inputs.
    /// - Complexity: O(values entered + agents × ranged attributes).
    func settleStoredData(_ new: inout Workspace) -> StoredDataChange {
        if let (i, name, value, range) = new.attributeOutsideRange() {
            let agent = new.agents[i].name
            return .refused(say("\(agent) has \(name)=\(value), outside the range \(range) the plan would declare for \(name); change it first (agent set \(agent) \(name)=…); nothing was changed",
                                "\(agent) 的 \(name)=\(value) 不在方案要声明的范围 \(range) 内；请先修改（agent set \(agent) \(name)=…）；未做任何更改"))
        }
        let removed = new.removeStrayInputs()
        guard !removed.isEmpty else { return .unchanged }
        var counts: [(String, Int)] = []
        for r in removed {
            if let i = counts.firstIndex(where: { $0.0 == r.name }) { counts[i].1 += 1 } else { counts.append((r.name, 1)) }
        }
        let list = counts.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
        return .removed(say("removed \(removed.count) entered value\(removed.count == 1 ? "" : "s") that no input holds now: \(list); undo brings \(removed.count == 1 ? "it" : "them") back",
                            "已删除 \(removed.count) 个不再对应任何录入项的已录入值：\(list)；undo 可恢复"))
    }
}
