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
            throw ScenarioError(.notAFormatVersion(body.version, reads: version))
        }
        if w.years.count > 50 {
            throw ScenarioError(.tooManyYears(body.years, count: w.years.count))
        }
        var ids: [String: Int] = [:]
        ids.reserveCapacity(w.agents.count)
        let span = w.years.count == 1 ? "\(w.years.lowerBound)" : "\(w.years.lowerBound)–\(w.years.upperBound)"
        for (i, a) in w.agents.enumerated() {
            // Characters are counted only for a name whose bytes could exceed the limit.
            if a.name.utf8.count > Parser.maximumNameLength && a.name.count > Parser.maximumNameLength {
                throw ScenarioError(.at("agents[\(i)].name", .nameTooLong(length: a.name.count, maximum: Parser.maximumNameLength)))
            }
            if let id = a.id, !id.isEmpty {
                if let j = ids[id] {
                    throw ScenarioError(.at("agents[\(i)].id", .duplicateEmployeeID(id, otherIndex: j, other: w.agents[j].name)))
                }
                ids[id] = i
            }
            if let h = a.hired, let l = a.left, l < h {
                throw ScenarioError(.at("agents[\(i)].left", .leftBeforeHired(left: l, hired: h)))
            }
            if let h = a.hired, h.year > w.years.upperBound {
                throw ScenarioError(.at("agents[\(i)].hired", .hiredAfterYears(h, span: span, agent: a.name)))
            }
            if let l = a.left, l.year < w.years.lowerBound {
                throw ScenarioError(.at("agents[\(i)].left", .leftBeforeYears(l, span: span, agent: a.name)))
            }
        }
        if let (i, name, value, range) = w.attributeOutsideRange() {
            throw ScenarioError(.at("agents[\(i)].\(name)", .attributeOutsideRange(name: name, value: value, range: range.description)))
        }
        try checkAmountValues(w)
        let stray = w.strayInputs()
        if let s = stray.first {
            throw ScenarioError(.at(s.place, .strayInput(s, years: w.years, more: stray.count - 1)))
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
            ScenarioError(.at(place, .notANumber(value: value.text, field: what == "field", name: name, defaultText: d.defaultText, range: d.range?.description)))
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
