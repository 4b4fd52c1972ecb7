/// The inputs entered, stored densely per input rule (cells of a rule are contiguous).
struct InputStore {
    /// (first cell, end cell, first slot) per input rule.
    private var ranges: [(start: Int, end: Int, slot: Int)] = []
    private var slots: [Fixed?] = []
    /// Appended agents' chunks (`Engine+AgentEdits`): the first chunk cell, the chunk size, each
    /// chunk cell's input slot within a chunk (−1: not an input), the inputs per chunk and the
    /// first chunk slot in `slots` (the built inputs' count).
    private var chunkStart = Int.max, chunkSize = 0, chunkSlot: [Int] = [], chunkInputs = 0, chunkSlotStart = 0

    init(plan: CompiledPlan, offsets: [Int]) {
        for (r, rule) in plan.rules.enumerated() {
            guard case .input = rule.kind, offsets[r + 1] > offsets[r] else { continue }
            ranges.append((offsets[r], offsets[r + 1], slots.count))
            slots.append(contentsOf: repeatElement(nil, count: offsets[r + 1] - offsets[r]))
        }
    }

    @inline(__always) private func slot(_ c: Int) -> Int? {
        if c >= chunkStart {
            guard chunkSize > 0 else { return nil }
            let rel = c - chunkStart, s = chunkSlot[rel % chunkSize]
            let i = chunkSlotStart + rel / chunkSize * chunkInputs + s
            return s < 0 || i >= slots.count ? nil : i
        }
        for range in ranges where c >= range.start && c < range.end { return range.slot + c - range.start }
        return nil
    }

    /// Lays out the input cells of appended agents' chunks: chunk `k` starts at
    /// `start + k × size`; `inputSlot[i]` is chunk cell `i`'s input number, or −1.
    mutating func prepareChunks(start: Int, size: Int, inputSlot: [Int], inputs: Int) {
        (chunkStart, chunkSize, chunkSlot, chunkInputs, chunkSlotStart) = (start, size, inputSlot, inputs, slots.count)
    }
    /// Room for one more appended agent's inputs, none entered. - Complexity: O(its input cells).
    mutating func appendChunk() { slots.append(contentsOf: repeatElement(nil, count: chunkInputs)) }
    /// Drops the last appended agent's inputs. - Complexity: O(its input cells).
    mutating func removeChunk() { slots.removeLast(chunkInputs) }

    /// The amount entered for input cell `c`, or `nil`; setting a cell that is not an input's does nothing.
    subscript(_ c: Int) -> Fixed? {
        get { slot(c).flatMap { slots[$0] } }
        set { if let i = slot(c) { slots[i] = newValue } }
    }
}

extension InputStore {
    /// Stores the workspace's inputs (per agent and for the team) in their cells;
    /// inputs of another grain or outside the scenario's years are left out.
    ///
    /// The agents' inputs are walked once, each agent's name looked up once and each of its series
    /// matched to its input rule by name (a walk over every agent per input rule retained and hashed
    /// each agent's dictionaries four times over in plan C: 5% of opening 10,000 agents).
    /// - Complexity: O(inputs entered).
    mutating func load(_ workspace: Workspace, plan: CompiledPlan, offsets: [Int], agentByName nameToAgent: [String: Int]) {
        let start = Month(year: workspace.years.lowerBound, month: 1)
        let yearCount = workspace.years.count
        func periodIndex(_ p: Period) -> Int? {
            guard p.grain != .none else { return 0 }
            let i = (p.start.index - start.index) / p.grain.months
            return i >= 0 && i < Engine.periodCount(p.grain, years: yearCount) ? i : nil
        }
        // The per-agent input rules by name, and the team ones' series read straight.
        var perAgent: [String: (rule: Int, grain: Grain)] = [:]
        for (r, rule) in plan.rules.enumerated() {
            guard case .input = rule.kind else { continue }
            let grain = rule.dimension.grain
            if rule.dimension.perAgent {
                perAgent[rule.name] = (r, grain)
            } else if let series = workspace.teamInputs[rule.name] {
                for (p, v) in series where p.grain == grain {
                    if let i = periodIndex(p) { self[Engine.cell(offsets, r, 0, i, grain, yearCount)] = v }
                }
            }
        }
        guard !perAgent.isEmpty else { return }
        for (agentName, byInput) in workspace.inputs {
            guard let a = nameToAgent[agentName] else { continue }
            for (name, series) in byInput {
                guard let (r, grain) = perAgent[name] else { continue }
                for (p, v) in series where p.grain == grain {
                    if let i = periodIndex(p) { self[Engine.cell(offsets, r, a, i, grain, yearCount)] = v }
                }
            }
        }
    }
}
