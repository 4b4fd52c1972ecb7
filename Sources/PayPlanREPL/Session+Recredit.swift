import Foundation
import PayPlan
import PayPlanImport

/// Reactive attribution (plan A2): an order's credited agent follows from its seller note and the
/// attribution settings, so an edit that changes them — `attribution_mode`, `attribution_match`,
/// `attribution_pattern`, or the agents' names, IDs and roles — re-credits every order with a note in
/// the same step: the changed pay lines show, and one `undo` takes it all back.
extension Session {
    /// What decides the credit of an order by its note: the three settings' texts and each agent's name, ID and role.
    struct AttributionInputs: Equatable {
        var mode: String?, match: String?, pattern: String?
        var people: [String]
    }

    /// The attribution inputs of `w`, read from the plan's parameters as written (text literals); `nil`
    /// when the plan does not credit orders by note (it has no `attribution_mode` parameter).
    static func attributionInputs(_ w: Workspace) -> AttributionInputs? {
        func text(_ name: String) -> String?? {
            guard let d = w.plan.definition(named: name) else { return .some(nil) }
            guard case .param(_, _, let e) = d.statement else { return nil }
            if case .text(let s) = e.kind { return .some(s) }
            return nil  // a formula: not read here
        }
        guard w.plan.definition(named: "attribution_mode") != nil,
              let mode = text("attribution_mode"), let match = text("attribution_match"), let pattern = text("attribution_pattern") else { return nil }
        return AttributionInputs(mode: mode, match: match, pattern: pattern,
                                 people: w.agents.map { "\($0.name)|\($0.id ?? "")|\($0.role ?? "")" })
    }

    /// `new` with every order that has a note credited again by it, when the attribution inputs differ from
    /// the current workspace's; `nil` when nothing decides differently (or the settings are not valid:
    /// then the orders keep their credit and `attribution` says the settings are wrong).
    /// Parts of a split order (`ID#CS01`) are joined back and split again as the new settings say.
    /// - Complexity: O(orders) notes attributed, plus the merge.
    func recredited(_ new: Workspace) -> Workspace? {
        guard let after = Session.attributionInputs(new), Session.attributionInputs(workspace) != after,
              new.orders.contains(where: { $0.fields["note"] != nil }) else { return nil }
        guard let match = Attribution.Match(setting: after.match ?? "id", pattern: after.pattern),
              let mode = Attribution.Mode(rawValue: after.mode ?? "first") else { return nil }
        let people = Attribution.Person.of(new.agents).sorted { ($0.id ?? "\u{10FFFF}") < ($1.id ?? "\u{10FFFF}") }
        // Each order number once, its parts joined: amounts and refunds summed.
        var joined: [String: Order] = [:], order: [String] = []
        for o in new.orders where o.fields["note"] != nil {
            let base = o.id.split(separator: "#", maxSplits: 1).first.map(String.init) ?? o.id
            if var j = joined[base] {
                for key in ["amount", "refund", "refund_earlier"] {
                    // Parts of one order add up to at most what the import accepted for the whole; beyond ±10²⁶ the first part's stays.
                    guard let sum = Fixed.checkedAdd(Session.number(j, key), Session.number(o, key)) else { continue }
                    j.fields[key] = sum == .zero && j.fields[key] == nil ? nil : .number(sum)
                }
                joined[base] = j
            } else {
                var j = o
                j.id = base
                joined[base] = j
                order.append(base)
            }
        }
        var file = OrderFile(encoding: "")
        file.orders = order.enumerated().map { ($0.offset, joined[$0.element]!) }
        let credit = TaobaoImport.credit(file, workspace: new, people: people, match: match, mode: mode, refundsKnown: nil)
        guard credit.problems.isEmpty else { return nil }
        var out = new
        _ = TaobaoImport.merge(credit.groups, into: &out)
        return out
    }
}
