/// Forecast (issue 15): what a plan is likely to cost over a period when
/// next months' figures are uncertain, simulated from each person's own
/// history in the scenario.
///
/// The model (stated in `help forecast` and docs/language.md): a month is
/// resampled whole. For each simulated month the run draws one month of the
/// scenario's history for the whole shop (a shared shop-wide draw, so good
/// months come together); every person takes their own monthly inputs
/// (sales, expenses, … — every per-agent monthly input that has entered
/// values) of that month if they were employed then, and otherwise a month
/// drawn from their own employed months. A person with no history keeps the
/// inputs as entered. With every history equal to one constant month, every
/// run equals the deterministic plan.
///
/// Each run edits the inputs of one private engine (incremental recompute),
/// so a run costs the cells those inputs reach, not a new engine.
public struct Forecast: Sendable {
    /// Percentiles of one figure over the runs (CNY).
    public struct Spread: Sendable, Equatable {
        public var p10: Fixed, median: Fixed, p90: Fixed
        /// Nearest-rank percentiles of `values` (sorted or not): the value at
        /// rank ⌈q·n⌉ (1-based), so the median of 4 values is the 2nd.
        /// - Precondition: `values` is not empty.
        /// - Complexity: O(n log n).
        public init(_ values: [Fixed]) {
            let s = values.sorted()
            func at(_ q: Int) -> Fixed {  // q in percent
                let rank = max(1, (q * s.count + 99) / 100)
                return s[min(s.count, rank) - 1]
            }
            p10 = at(10); median = at(50); p90 = at(90)
        }
    }

    /// One person's results over the runs.
    public struct Person: Sendable {
        public var name: String
        /// Pay (the plan's total figure) summed over the period, per run.
        public var pay: [Fixed]
        /// The owner's cost (`employer_cost` when the plan has it, else pay) summed over the period, per run.
        public var cost: [Fixed]
        /// Runs in which at least one month's pay fell under the minimum wage.
        public var runsUnderMinimum: Int
        /// For each bonus figure (name), the runs in which it paid more than 0 at least once in the period.
        public var bonusPaidRuns: [String: Int]
        /// Whether this person's inputs were simulated (false: no history, inputs kept).
        public var simulated: Bool
    }

    public var period: Period
    public var runs: Int
    public var seed: UInt64
    /// True when the run was stopped before `requestedRuns` (Ctrl-C); the results cover `runs`.
    public var interrupted: Bool
    public var requestedRuns: Int
    public var people: [Person]
    /// Total pay and total cost over all people, per run.
    public var totalPay: [Fixed], totalCost: [Fixed]
    /// The inputs that were resampled, and the bonus figures watched.
    public var inputs: [String], bonuses: [String]
    /// The name of the pay figure (the plan's `report total`) and of the cost figure.
    public var payFigure: String, costFigure: String
    /// The minimum wage read from the plan's `minimum_wage` parameter, if it has one (CNY).
    public var minimumWage: Fixed?
    /// Runs in which a figure could not be computed (an error value or an overflow): left out of the spreads.
    public var failedRuns: Int

    /// Simulates `runs` versions of `period` for `workspace`.
    ///
    /// - Parameters:
    ///   - shouldStop: polled between runs; returning true ends the forecast with the runs so far.
    ///   - progress: called after each run with (runs done, runs requested).
    /// - Throws: `WhatIfError` when the plan has no pay figure, the period is outside the years,
    ///   or no monthly input has any history to resample.
    /// - Complexity: O(runs × (months × people × inputs) × cells each input reaches).
    public init(workspace: Workspace, period: Period, runs: Int, seed: UInt64,
                shouldStop: () -> Bool = { false }, progress: (Int, Int) -> Void = { _, _ in }) throws {
        guard runs >= 1 else { throw WhatIfError(.noRuns) }
        let engine = try Engine(workspace: workspace)
        guard let total = engine.plan.total, let totalRule = engine.plan.ruleIndex[total] else {
            throw WhatIfError(.noPayFigure(review: false))
        }
        guard engine.index(of: Period(grain: .month, start: period.start)) != nil,
              engine.index(of: Period(grain: .month, start: period.lastMonth)) != nil else {
            throw WhatIfError(.outsideYears(period, from: engine.years.lowerBound, to: engine.years.upperBound))
        }
        let plan = engine.plan
        let monthAgent = Dimension(grain: .month, perAgent: true)
        // The inputs to resample: per-agent monthly inputs with any entered value.
        let inputNames = plan.rules.enumerated().compactMap { (i, r) -> String? in
            guard case .input = r.kind, r.dimension == monthAgent, r.visible else { return nil }
            return workspace.inputs.values.contains { ($0[r.name] ?? [:]).isEmpty == false } ? r.name : nil
        }
        guard !inputNames.isEmpty else {
            throw WhatIfError(.nothingToResample(employed: false))
        }
        let inputRules = inputNames.map { plan.ruleIndex[$0]! }
        let costName = plan.ruleIndex["employer_cost"] != nil ? "employer_cost" : total
        // Bonus figures: the plan's own per-agent formulas of quarter, half or year grain, and monthly ones
        // named *bonus* (not those a shared part such as takehome brings in).
        let fromParts = Set(workspace.plan.definitions.filter { $0.part != nil }.map(\.name))
        let bonusRules = plan.rules.enumerated().filter { (_, r) in
            guard case .formula = r.kind, r.visible, r.dimension.perAgent, !r.dimension.perOrder, !fromParts.contains(r.name) else { return false }
            return r.dimension.grain == .quarter || r.dimension.grain == .half || r.dimension.grain == .year
                || (r.dimension.grain == .month && r.name.hasSuffix("bonus"))
        }.map(\.offset)
        var minimum: Fixed? = nil
        if let r = plan.ruleIndex["minimum_wage"], let c = engine.cell(rule: r, agent: 0, period: Period(grain: .none, start: engine.startMonth)),
           case .number(let m) = engine.value(ofCell: c) { minimum = m }

        // History: every month of the scenario in which someone was employed and had an entered input.
        let allMonths = (0..<(engine.years.count * 12)).map { Month(index: engine.startMonth.index + $0) }
        let agents = engine.agents
        func employed(_ a: Agent, _ m: Month) -> Bool {
            if let h = a.hired, h > m.lastDay { return false }
            if let l = a.left, l < m.firstDay { return false }
            return true
        }
        // history[agent] = months (indices into allMonths) they were employed and had some input entered.
        var history: [[Int]] = []
        for a in agents {
            let byName = workspace.inputs[a.name] ?? [:]
            history.append(allMonths.indices.filter { mi in
                employed(a, allMonths[mi]) && inputNames.contains { byName[$0]?[Period.month(allMonths[mi])] != nil }
            })
        }
        let shopMonths = Array(Set(history.flatMap { $0 })).sorted()
        guard !shopMonths.isEmpty else {
            throw WhatIfError(.nothingToResample(employed: true))
        }
        // Input cells: [agent][input][month of allMonths] and the values of history months.
        func inputCell(_ a: Int, _ k: Int, _ m: Month) -> Int? { engine.cell(rule: inputRules[k], agent: a, period: .month(m)) }
        let targetMonths = period.months
        var rng = SplitMix64(seed: seed)
        var people = agents.enumerated().map { (i, a) in
            Person(name: a.name, pay: [], cost: [], runsUnderMinimum: 0, bonusPaidRuns: [:], simulated: !history[i].isEmpty)
        }
        var totalPay: [Fixed] = [], totalCost: [Fixed] = []
        var failed = 0, done = 0, stopped = false
        // The entered values, to read history from (the engine's inputs change as runs go).
        let stored: [[[Fixed?]]] = agents.indices.map { a in
            inputRules.indices.map { k in allMonths.map { m in inputCell(a, k, m).flatMap { engine.storedInput(cell: $0) } } }
        }
        let payCells: [[Int]] = agents.indices.map { a in targetMonths.compactMap { engine.cell(rule: totalRule, agent: a, period: .month($0)) } }
        for run in 0..<runs {
            if shouldStop() { stopped = true; break }
            // One shop-wide draw per simulated month, then each person's month; applied in one recompute.
            var edits: [(cell: Int, value: Fixed?)] = []
            for m in targetMonths {
                let shop = shopMonths[Int(rng.next() % UInt64(shopMonths.count))]
                for (a, agent) in agents.enumerated() where !history[a].isEmpty && employed(agent, m) {
                    let source = history[a].contains(shop) ? shop : history[a][Int(rng.next() % UInt64(history[a].count))]
                    for k in inputRules.indices {
                        guard let c = inputCell(a, k, m) else { continue }
                        edits.append((c, stored[a][k][source]))
                    }
                }
            }
            _ = engine.setInputs(edits)
            var runPay = Fixed.zero, runCost = Fixed.zero, ok = true
            for (a, _) in agents.enumerated() {
                guard case .number(let p)? = engine.figure(rule: total, agent: agents[a].name, period: period),
                      case .number(let c)? = engine.figure(rule: costName, agent: agents[a].name, period: period),
                      let tp = Fixed.checkedAdd(runPay, p), let tc = Fixed.checkedAdd(runCost, c) else { ok = false; break }
                runPay = tp; runCost = tc
                people[a].pay.append(p); people[a].cost.append(c)
                if let mw = minimum, payCells[a].enumerated().contains(where: { (i, cell) in
                    guard employed(agents[a], targetMonths[i]), case .number(let v) = engine.value(ofCell: cell) else { return false }
                    return v < mw
                }) { people[a].runsUnderMinimum += 1 }
                for b in bonusRules {
                    let name = plan.rules[b].name
                    let g = plan.rules[b].dimension.grain
                    let paid = stride(from: 0, to: targetMonths.count, by: g.months).contains { i in
                        let p = Period.containing(targetMonths[i], grain: g)
                        guard let c = engine.cell(rule: b, agent: a, period: p) else { return false }
                        switch engine.value(ofCell: c) {
                        case .number(let v): return v > .zero
                        case .bool(let yes): return yes
                        default: return false
                        }
                    }
                    if paid { people[a].bonusPaidRuns[name, default: 0] += 1 }
                }
            }
            if ok { totalPay.append(runPay); totalCost.append(runCost) } else {
                failed += 1
                // Keep every person's lists the same length as the totals.
                for a in people.indices {
                    if people[a].pay.count > totalPay.count { people[a].pay.removeLast() }
                    if people[a].cost.count > totalCost.count { people[a].cost.removeLast() }
                }
            }
            done = run + 1
            progress(done, runs)
        }
        self.period = period; self.runs = done; self.seed = seed; self.requestedRuns = runs
        self.interrupted = stopped; self.people = people; self.totalPay = totalPay; self.totalCost = totalCost
        self.inputs = inputNames; self.bonuses = bonusRules.map { plan.rules[$0].name }
        self.payFigure = total; self.costFigure = costName; self.minimumWage = minimum; self.failedRuns = failed
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, seedable generator,
/// so a forecast with `--seed S` gives the same numbers on every machine (the tests use it too).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    /// - Complexity: O(1).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
