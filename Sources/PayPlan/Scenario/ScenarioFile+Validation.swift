import Foundation

/// Checks on a decoded scenario that the reader's schema cannot express:
/// what the file says must be something payplan can represent and that its
/// own commands could have made, or the load is refused with the place.
/// Works on the decoded body and workspace, so it holds whichever JSON reader is used.
extension ScenarioFile {
    /// - Throws: `ScenarioError` naming the field: a format version below 1, a
    ///   years range the `years` command would refuse (more than 50 years), an
    ///   agent name longer than `Parser.maximumNameLength`, two agents with one
    ///   employee ID, an agent who leaves before being hired, an agent hired after
    ///   the scenario's years or gone before them, an attribute outside
    ///   the range the plan declares for it, an entered value no input holds
    ///   (`Workspace.strayInputs`: an undeclared name, a period outside the years,
    ///   another grain, a team value for a per-agent input or the other way round), an order
    ///   field or attribute the plan holds to amounts whose value is not a number (`checkAmountValues`).
    /// - Complexity: O(agents × ranged attributes + values entered).
    static func validate(_ w: Workspace, body: Body) throws {
        if body.version < 1 {
            throw ScenarioError("version: \(body.version) is not a format version (this payplan reads versions 1 to \(version))")
        }
        if w.years.count > 50 {
            throw ScenarioError("years: \"\(body.years)\" covers \(w.years.count) years; a scenario covers at most 50 (as the years command allows)")
        }
        var ids: [String: Int] = [:]
        ids.reserveCapacity(w.agents.count)
        let span = w.years.count == 1 ? "\(w.years.lowerBound)" : "\(w.years.lowerBound)–\(w.years.upperBound)"
        for (i, a) in w.agents.enumerated() {
            // Characters are counted only for a name whose bytes could exceed the limit.
            if a.name.utf8.count > Parser.maximumNameLength && a.name.count > Parser.maximumNameLength {
                throw ScenarioError("agents[\(i)].name: the name is \(a.name.count) characters long; names are at most \(Parser.maximumNameLength)")
            }
            if let id = a.id, !id.isEmpty {
                if let j = ids[id] {
                    throw ScenarioError("agents[\(i)].id: \"\(id)\" is also the ID of agents[\(j)] (\(w.agents[j].name)); employee IDs are unique")
                }
                ids[id] = i
            }
            if let h = a.hired, let l = a.left, l < h {
                throw ScenarioError("agents[\(i)].left: \(l) is before hired \(h); an agent cannot leave before being hired")
            }
            if let h = a.hired, h.year > w.years.upperBound {
                throw ScenarioError("agents[\(i)].hired: \(h) is after the scenario's years (\(span)); \(a.name) would never be employed in it")
            }
            if let l = a.left, l.year < w.years.lowerBound {
                throw ScenarioError("agents[\(i)].left: \(l) is before the scenario's years (\(span)); \(a.name) would never be employed in it")
            }
        }
        if let (i, name, value, range) = w.attributeOutsideRange() {
            throw ScenarioError("agents[\(i)].\(name): \(value) is outside the range the plan declares for \(name) (\(range)), as agent set would refuse it")
        }
        try checkAmountValues(w)
        let stray = w.strayInputs()
        if let s = stray.first {
            let more = stray.count > 1 ? " (and \(stray.count - 1) more value\(stray.count == 2 ? "" : "s") like it)" : ""
            throw ScenarioError("\(s.place): \(s.why(years: w.years)); payplan would not read this value\(more)")
        }
    }

    /// Refuses an order field or agent attribute that the plan holds to amounts (`Plan.amountDeclarations`:
    /// a number default or a range) but whose value in the file is not a number (`"amount": "abc"`):
    /// it would load and show `#TYPE` in every figure that reads it, where `order set` refuses it.
    /// - Throws: `ScenarioError` at `orders[i].fields.NAME` or `agents[i].attributes.NAME`.
    /// - Complexity: O(field values of the orders + attribute values of the agents); a name is looked
    ///   up only for a value that is not a number.
    static func checkAmountValues(_ w: Workspace) throws {
        func refuse(_ place: String, _ name: String, _ value: AttributeValue, _ d: Plan.AmountDeclaration, what: String, command: String) -> ScenarioError {
            let held = d.defaultText.map { "its default is \($0)" } ?? "its range is \(d.range!)"
            return ScenarioError("\(place): \"\(value.text)\" is not a number; the plan's \(what) \(name) holds amounts (\(held)), as \(command) would refuse it")
        }
        let fields = w.plan.amountDeclarations(fields: true)
        if !fields.isEmpty {
            for (i, o) in w.orders.enumerated() {
                for (name, value) in o.fields {
                    if case .number = value { continue }
                    if let d = fields[name] { throw refuse("orders[\(i)].fields.\(name)", name, value, d, what: "field", command: "order set") }
                }
            }
        }
        let attributes = w.plan.amountDeclarations(fields: false)
        if !attributes.isEmpty {
            for (i, a) in w.agents.enumerated() {
                for (name, value) in a.extra {
                    if case .number = value { continue }
                    if let d = attributes[name] { throw refuse("agents[\(i)].attributes.\(name)", name, value, d, what: "attribute", command: "agent set") }
                }
            }
        }
    }
}
