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
    ///   another grain, a team value for a per-agent input or the other way round).
    /// - Complexity: O(agents × ranged attributes + values entered).
    static func validate(_ w: Workspace, body: Body) throws {
        if body.version < 1 {
            throw ScenarioError("version: \(body.version) is not a format version (this payplan reads versions 1 to \(version))")
        }
        if w.years.count > 50 {
            throw ScenarioError("years: \"\(body.years)\" covers \(w.years.count) years; a scenario covers at most 50 (as the years command allows)")
        }
        var ids: [String: Int] = [:]
        for (i, a) in w.agents.enumerated() {
            if a.name.count > Parser.maximumNameLength {
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
            let span = w.years.count == 1 ? "\(w.years.lowerBound)" : "\(w.years.lowerBound)–\(w.years.upperBound)"
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
        let stray = w.strayInputs()
        if let s = stray.first {
            let more = stray.count > 1 ? " (and \(stray.count - 1) more value\(stray.count == 2 ? "" : "s") like it)" : ""
            throw ScenarioError("\(s.place): \(s.why(years: w.years)); payplan would not read this value\(more)")
        }
    }
}
