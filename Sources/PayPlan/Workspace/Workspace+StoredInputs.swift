/// Entered values that no input of the plan holds (issue 11): a value for a name the plan does
/// not declare as an input, for a period outside the scenario's years, of another grain than
/// its input (a month value for a quarter input), or per agent for a team input (and the other
/// way round). The engine reads none of them, so a load refuses them with their place and the
/// edits that would leave some behind (`drop`, `years`, a redefinition) remove them and say so.
extension Workspace {
    /// One entered value without a place in the plan.
    public struct StrayInput: Equatable, Sendable, CustomStringConvertible {
        /// The agent's name, or `nil` for a team input.
        public var agent: String?
        public var name: String
        public var period: Period
        public var reason: Reason

        public init(agent: String?, name: String, period: Period, reason: Reason) {
            self.agent = agent; self.name = name; self.period = period; self.reason = reason
        }

        public enum Reason: Equatable, Sendable {
            /// The plan has no input of this name.
            case notAnInput
            /// The period is outside the scenario's years.
            case outsideYears
            /// The input is of another grain (its grain given).
            case wrongGrain(Grain)
            /// A per-agent value for a team input (`team` true), or a team value for a per-agent input.
            case wrongHolder(team: Bool)
        }

        /// Where the value sits in a scenario file, as the loader names it:
        /// `inputs.李雷.sales."2027-01"` or `team_inputs.inquiries."2026-03"`.
        public var place: String {
            (agent.map { "inputs.\($0).\(name)" } ?? "team_inputs.\(name)") + ".\"\(period)\""
        }

        /// Why the value cannot be read, in words.
        public func why(years: ClosedRange<Int>) -> String {
            switch reason {
            case .notAnInput: return "the plan has no input named \(name)"
            case .outsideYears: return "\(period) is outside the scenario's years (\(years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)"))"
            case .wrongGrain(let g): return "\(name) is a \(g) input, so a \(period.grain) value has no place"
            case .wrongHolder(let team): return team ? "\(name) is a team input (team_inputs), not one per agent" : "\(name) is an input per agent (inputs), not a team one"
            }
        }

        public var description: String { place }
    }

    /// The first agent (index, attribute, value, range) whose attribute lies outside the range
    /// the plan declares for it (`attribute base default 3000 range 0..`), or `nil`.
    /// - Complexity: O(agents × ranged attributes).
    public func attributeOutsideRange() -> (agent: Int, name: String, value: String, range: AmountRange)? {
        for d in plan.definitions {
            guard case .attribute(let name, _, _, let range?) = d.statement else { continue }
            for (i, a) in agents.enumerated() {
                if case .number(let n)? = a.attribute(name), !range.contains(n) { return (i, name, n.moneyText, range) }
            }
        }
        return nil
    }

    /// The plan's inputs by name: their dimension.
    var declaredInputs: [String: Dimension] {
        var out: [String: Dimension] = [:]
        for d in plan.definitions { if case .input(let dim, let name, _, _, _) = d.statement { out[name] = dim } }
        return out
    }

    /// Every entered value the engine does not read, agents in file order, then the team's;
    /// names and periods sorted.
    ///
    /// - Complexity: O(values entered + agents), plus a sort of the names and periods of each
    ///   agent that has a stray value (was O(agents × agents with values): a linear name search per agent).
    public func strayInputs() -> [StrayInput] {
        let declared = declaredInputs
        let first = Month(year: years.lowerBound, month: 1), last = Month(year: years.upperBound, month: 12)
        func reason(_ name: String, _ p: Period, team: Bool) -> StrayInput.Reason? {
            guard let d = declared[name] else { return .notAnInput }
            if d.perAgent == team { return .wrongHolder(team: !d.perAgent) }
            if p.grain != d.grain { return .wrongGrain(d.grain) }
            if p.grain != .none && (p.start < first || p.lastMonth > last) { return .outsideYears }
            return nil
        }
        var out: [StrayInput] = []
        let agentNames = Set(agents.map(\.name))
        let order = agents.map(\.name) + inputs.keys.filter { !agentNames.contains($0) }.sorted()
        for agent in order {
            guard let byName = inputs[agent] else { continue }
            // Most agents have no stray value: look before sorting their names and periods (the input
            // looked up once per series, not once per value, as `reason` would).
            guard byName.contains(where: { name, series in
                guard let d = declared[name], d.perAgent else { return !series.isEmpty }
                return series.keys.contains { p in p.grain != d.grain || (p.grain != .none && (p.start < first || p.lastMonth > last)) }
            }) else { continue }
            for name in byName.keys.sorted() {
                for p in byName[name, default: [:]].keys.sorted() {
                    if let r = reason(name, p, team: false) { out.append(StrayInput(agent: agent, name: name, period: p, reason: r)) }
                }
            }
        }
        for name in teamInputs.keys.sorted() {
            for p in teamInputs[name, default: [:]].keys.sorted() {
                if let r = reason(name, p, team: true) { out.append(StrayInput(agent: nil, name: name, period: p, reason: r)) }
            }
        }
        return out
    }

    /// Removes the values `strayInputs()` lists (empty series and agents with none left go too).
    /// - Returns: what was removed.
    @discardableResult
    public mutating func removeStrayInputs() -> [StrayInput] {
        let stray = strayInputs()
        for s in stray {
            if let a = s.agent {
                inputs[a]?[s.name]?[s.period] = nil
                if inputs[a]?[s.name]?.isEmpty == true { inputs[a]?[s.name] = nil }
                if inputs[a]?.isEmpty == true { inputs[a] = nil }
            } else {
                teamInputs[s.name]?[s.period] = nil
                if teamInputs[s.name]?.isEmpty == true { teamInputs[s.name] = nil }
            }
        }
        return stray
    }

    /// Removes the orders dated outside the years (what `years 2027` leaves of a 2026 scenario's orders: no
    /// month holds them, so they counted nowhere and showed `#RANGE`).
    /// - Returns: the orders removed, in ID order.
    /// - Complexity: O(orders).
    @discardableResult
    public mutating func removeOrdersOutsideYears() -> [Order] {
        let outside = orders.filter { !years.contains($0.date.year) }
        if !outside.isEmpty { merge([], removing: Set(outside.map(\.id))) }
        return outside
    }
}
