import HeapModule

/// Agents added, changed and removed in place: an appended agent's cells go
/// after the built ones (`AppendedAgents`), its dependencies are read off the
/// formulas for it alone, the aggregations over agents read it too, and only
/// its cells and those aggregations (with what depends on them) are computed.
/// A script of thousands of `agent add` lines costs the new cells, not an
/// engine per line.
///
/// Each edit either applies in full or changes nothing and returns `nil` (the
/// caller then builds a new engine): when the engine has no agent yet, the
/// agent brings an attribute no other agent has, orders name the agent, or a
/// `by` date of an order aggregation reads what changed.
extension Engine {
    /// Appends `agent` as the last agent, with its entered inputs (`input name → period → amount`).
    ///
    /// - Returns: the changed cells with their old values (the agent's own cells
    ///   among them, with old value 0), or `nil` when the engine must be built again.
    /// - Complexity: O(the agent's cells and their dependencies + the cells of aggregations over
    ///   agents), then the recomputation; the formulas of rules read the same way for every agent
    ///   are walked only for the first agent appended (`AppendedAgents.readTemplate`).
    public func appendAgent(_ agent: Agent, inputs: [String: [Period: Fixed]] = [:]) -> [Change]? {
        guard !agents.isEmpty, agentByName[agent.name] == nil, Set(agent.extra.keys).isSubset(of: attributeKeys) else { return nil }
        for o in orders.indices where orderAgent[o] < 0 && orders[o].agent == agent.name { return nil }
        // The cell graph is read off the structure: build it (if it is not yet) before the structure changes.
        ensureCellGraph()
        if !appended.isPrepared { prepareAppending() }
        let a = agents.count, start = values.count, size = appended.chunkSize
        agents.append(agent)
        agentByName[agent.name] = a
        func giveUp() -> [Change]? { agents.removeLast(); agentByName[agent.name] = nil; return nil }
        // The chunk's dependencies, in cell order, each edge checked against the schedule keys (once per
        // read template for the cells it gives).
        let serial = Int64(a - appended.baseAgentCount + 1)
        var chunkTargets: [Int32] = [], chunkEnds: [Int32] = []
        chunkEnds.reserveCapacity(size)
        chunkTargets.reserveCapacity(appended.lastChunkEdges)
        // A rule that reads the same cells for every agent reads what the first appended agent's
        // cell read, moved to this agent's chunk (`AppendedAgents.readTemplate`): its formula is
        // walked once per graph, not once per agent (30% of an `agent add` line before).
        let template = appended.readTemplate.count == size ? appended.readTemplate : nil
        var recorded: [[Int32]?] = []
        if template == nil { recorded.reserveCapacity(size) }
        let chunkStart = Int32(start)
        for (r, rule) in plan.rules.enumerated() where appended.chunkOffsets[r] >= 0 {
            // Walked only when a template is recorded (a walk of the formula per rule and line was 5% of a line).
            let sameShape = template == nil && Engine.sameShapeForEveryAgent(rule.kind)
            for p in 0..<periodCount(rule.dimension.grain) {
                let c = start + appended.chunkOffsets[r] + p
                let from = chunkTargets.count
                if let reads = template?[c - start] {
                    for d in reads { chunkTargets.append(d >= 0 ? d : chunkStart - 1 - d) }
                    // Its edges were checked when the template was recorded, and hold for every agent: a read
                    // of a built cell `d` is in order when d's position is before the twin's, a read of the
                    // agent's own cell when that cell's twin is before this one's, whatever the agent's number
                    // (the template is emptied when positions or the plan change). Checked again in debug builds.
                    #if DEBUG
                    let key = (Int64(position[Int(appended.twin[c - start])]) << 24) + serial
                    for d in chunkTargets[from...] {
                        precondition(scheduleKey(Int(d), chunkStart: start, serial: serial) < key, "a read template's edge against the schedule")
                    }
                    #endif
                } else {
                    collectCellDependencies(rule, Coordinates(agent: a, grain: rule.dimension.grain, period: p), &chunkTargets)
                    if template == nil {
                        recorded.append(sameShape ? chunkTargets[from...].map { $0 >= chunkStart ? -1 - ($0 - chunkStart) : $0 } : nil)
                    }
                    let key = (Int64(position[Int(appended.twin[c - start])]) << 24) + serial
                    for d in chunkTargets[from...] where scheduleKey(Int(d), chunkStart: start, serial: serial) >= key { return giveUp() }
                }
                chunkEnds.append(Int32(chunkTargets.count))
            }
        }
        // The cells that read every agent now read this one too: only the new agent's part is collected.
        var widened: [(cell: Int, reads: [Int32])] = []
        for r in plan.rules.indices where Engine.readsEveryAgent(plan.rules[r].kind) {
            for c in cells(ofRule: r) where c < start {
                var reads: [Int32] = []
                collectAgentPart(plan.rules[r], coordinates(ofCell: c).coordinates, agent: a, &reads)
                let key = scheduleKey(c, chunkStart: start, serial: serial)
                for d in reads where Int(d) >= start && scheduleKey(Int(d), chunkStart: start, serial: serial) >= key { return giveUp() }
                widened.append((c, reads))
            }
        }
        // Everything checks out: store the cells, inputs, dependencies and dependents.
        if template == nil {
            appended.readTemplate = recorded
            appended.chunkSteps = Engine.ruleSchedule(plan)
        }
        appended.count += 1
        values.append(contentsOf: repeatElement(.number(.zero), count: size))
        stored.appendChunk()
        for (name, series) in inputs {
            guard let r = plan.ruleIndex[name], case .input = plan.rules[r].kind, appended.chunkOffsets[r] >= 0 else { continue }
            let g = plan.rules[r].dimension.grain
            for (p, v) in series where p.grain == g {
                if let i = index(of: p) { stored[cell(r, a, i)] = v }
            }
        }
        var log = AppendedAgents.Log()
        for (c, reads) in widened {
            log.widened.append((c, Int32(reads.count)))
            if !reads.isEmpty { appended.addedReads[c, default: []].append(contentsOf: reads) }
        }
        appendChunkDependents(start: start, size: size, chunkTargets: chunkTargets, chunkEnds: chunkEnds, widened: widened)
        let base = Int32(dependencies.targets.count)
        dependencies.targets.append(contentsOf: chunkTargets)
        for e in chunkEnds { dependencies.offsets.append(e + base) }
        appended.logs.append(log)
        appended.lastChunkEdges = chunkTargets.count
        // The new cells rule by rule in the rule-level schedule (or, without one, cell by cell in their twins'
        // schedule order), without a heap: each is new, so each is computed; then the cells that read every
        // agent and what depends on them.
        revision &+= 1
        if appended.chunkOrder.count != size {
            appended.chunkOrder = (0..<Int32(size)).sorted { position[Int(appended.twin[Int($0)])] < position[Int(appended.twin[Int($1)])] }
        }
        var changed: [Change] = []
        changed.reserveCapacity(size)
        if let steps = appended.chunkSteps {
            computeAppendedChunk(agent: a, start: start, steps: steps)
            let zero = Value.number(.zero)
            for i in appended.chunkOrder {
                let c = start + Int(i)
                if !Engine.sameValue(values[c], zero) { changed.append((c, zero)) }
            }
        } else {
            for i in appended.chunkOrder {
                let c = start + Int(i)
                let v = compute(c)
                if v != values[c] { changed.append((c, values[c])); values[c] = v }
            }
        }
        if !widened.isEmpty { changed += recompute(from: widened.map(\.cell)) }
        return changed
    }

    /// Appends the dependents of a new chunk's cells (`start ..< start + size`) to the graph, one list per
    /// chunk cell in cell order, each in the order its readers come: the chunk's cells in cell order, then
    /// the cells that read every agent (`widened`, in their order). A chunk cell's reads of older cells go
    /// to `appended.addedDependents`, each older cell's in the chunk's cell order (`removeLastAgent` takes
    /// them back in reverse). A counting pass sizes the lists first, so no list is made per cell.
    ///
    /// - Complexity: O(the chunk's cells + its dependencies × log + the widened reads).
    private func appendChunkDependents(start: Int, size: Int, chunkTargets: [Int32], chunkEnds: [Int32],
                                       widened: [(cell: Int, reads: [Int32])]) {
        // counts[i + 1]: how many cells read chunk cell i; then, summed, where its list starts.
        var next = [Int32](repeating: 0, count: size + 1)
        for d in chunkTargets where Int(d) >= start { next[Int(d) - start + 1] &+= 1 }
        for (_, reads) in widened { for d in reads where Int(d) >= start { next[Int(d) - start + 1] &+= 1 } }
        for i in 0..<size { next[i + 1] &+= next[i] }
        let base = dependents.targets.count, total = Int(next[size])
        for i in 0..<size { dependents.offsets.append(Int32(base) + next[i + 1]) }
        dependents.targets.append(contentsOf: repeatElement(0, count: total))
        // Reads of older cells, as (older cell << 32 | reader's place in the chunk), sorted: one lookup in
        // `addedDependents` per older cell read, its readers appended in cell order as one by one.
        var older: [UInt64] = []
        dependents.targets.withUnsafeMutableBufferPointer { out in
            var from = 0
            for i in 0..<size {
                let c = Int32(start + i), end = Int(chunkEnds[i])
                for d in chunkTargets[from..<end] {
                    if Int(d) >= start {
                        let j = Int(d) - start
                        out[base + Int(next[j])] = c; next[j] &+= 1
                    } else {
                        older.append(UInt64(UInt32(d)) << 32 | UInt64(i))
                    }
                }
                from = end
            }
            for (c, reads) in widened {
                for d in reads where Int(d) >= start {
                    let j = Int(d) - start
                    out[base + Int(next[j])] = Int32(c); next[j] &+= 1
                }
            }
        }
        older.sort()
        var k = 0
        while k < older.count {
            let d = Int(older[k] >> 32)
            var readers: [Int32] = []
            while k < older.count && Int(older[k] >> 32) == d {
                readers.append(Int32(start + Int(older[k] & 0xFFFF_FFFF))); k += 1
            }
            appended.addedDependents[d, default: []].append(contentsOf: readers)
        }
    }

    /// Removes the last agent when it was appended in place and is called `name`
    /// (the undo of `agent add`, or `agent rm` of the agent added last).
    ///
    /// - Returns: the changed cells of the agents that stay, or `nil` when the last
    ///   agent is not one appended in place (build a new engine).
    /// - Complexity: O(the agent's cells and dependencies), then the recomputation
    ///   of the aggregations over agents.
    public func removeLastAgent(named name: String) -> [Change]? {
        guard appended.count > 0, agents.last?.name == name, let log = appended.logs.popLast() else { return nil }
        ensureCellGraph()
        let size = appended.chunkSize, start = values.count - size
        agents.removeLast()
        agentByName[name] = nil
        appended.count -= 1
        // The chunk's reads of older cells were added to their dependents in this order: taken off in reverse.
        // A copy: a slice would share the graph's storage and make the removal below copy all of it.
        let chunkReads = Array(dependencies.targets[Int(dependencies.offsets[start])...])
        for d in chunkReads.reversed() where Int(d) < start {
            appended.addedDependents[Int(d)]!.removeLast()
            if appended.addedDependents[Int(d)]!.isEmpty { appended.addedDependents[Int(d)] = nil }
        }
        for (c, count) in log.widened where count > 0 {
            appended.addedReads[c]!.removeLast(Int(count))
            if appended.addedReads[c]!.isEmpty { appended.addedReads[c] = nil }
        }
        dependencies.targets.removeLast(dependencies.targets.count - Int(dependencies.offsets[start]))
        dependencies.offsets.removeLast(size)
        dependents.targets.removeLast(dependents.targets.count - Int(dependents.offsets[start]))
        dependents.offsets.removeLast(size)
        values.removeLast(size)
        stored.removeChunk()
        return recompute(from: log.widened.map(\.cell))
    }

    /// Replaces agent `a` with `new` (`agent set`: attributes, hire and leave dates, a new name).
    ///
    /// - Returns: the changed cells, or `nil` when the engine must be built again:
    ///   the set of attribute names changes, a renamed agent's orders name it, or
    ///   the agent has orders and a `by` date may read an attribute.
    /// - Complexity: O(orders) to find the agent's orders, then the recomputation of
    ///   the agent's cells, its orders' cells and the aggregations over agents.
    public func replaceAgent(at a: Int, with new: Agent) -> [Change]? {
        guard agents.indices.contains(a) else { return nil }
        let old = agents[a]
        if old == new { return [] }
        guard Set(new.extra.keys).isSubset(of: attributeKeys) else { return nil }
        for k in Set(old.extra.keys).subtracting(new.extra.keys) {
            guard agents.indices.contains(where: { $0 != a && agents[$0].extra[k] != nil }) else { return nil }
        }
        if old.name != new.name {
            guard agentByName[new.name] == nil, !orders.contains(where: { $0.agent == old.name || $0.agent == new.name }) else { return nil }
        }
        let own = orders.indices.filter { orderAgent[$0] == a }
        if !own.isEmpty {
            // The agent's orders stay in their buckets only if no `by` date reads the agent.
            let readsAgent: (CExpr) -> Bool = {
                switch $0 { case .attribute, .builtin: return true; default: return false }
            }
            let direct = Set(plan.staticRules.filter { plan.rules[$0].kind.expressions.contains { $0.contains(where: readsAgent) } })
            guard groupingsUnaffected(by: direct, reads: readsAgent) else { return nil }
        }
        ensureCellGraph()
        agents[a] = new
        if old.name != new.name { agentByName[old.name] = nil; agentByName[new.name] = a }
        var seeds: [Int] = []
        for (r, rule) in plan.rules.enumerated() {
            if Engine.readsEveryAgent(rule.kind) { seeds += cells(ofRule: r); continue }
            let d = rule.dimension
            if d.perOrder { seeds += own.map { offsets[r] + $0 }; continue }
            if d.perAgent { seeds += (0..<periodCount(d.grain)).map { cell(r, a, $0) } }
        }
        return recompute(from: seeds)
    }

    /// Builds the cell graph now if it is not built yet: it is read off the engine's structure, which an agent edit changes.
    ///
    /// - Complexity: O(cells + dependencies) the first time, O(1) after.
    func ensureCellGraph() { if cellGraph == nil { try? buildCellGraph() } }

    /// How many agents were appended in place since the engine was built.
    public var appendedAgentCount: Int { appended.count }

    /// The cells of agent `a` when the agent was appended in place (their chunk: every per-agent
    /// rule's cells of the agent, order rules' aside), else `nil`.
    ///
    /// - Complexity: O(1).
    public func appendedCells(ofAgent a: Int) -> Range<Int>? {
        guard appended.count > 0, a >= appended.baseAgentCount, a < agents.count else { return nil }
        let first = appended.baseCellCount + (a - appended.baseAgentCount) * appended.chunkSize
        return first..<(first + appended.chunkSize)
    }

    /// Every cell of rule `r`: its built block and, for a per-agent rule, its cells in each appended agent's chunk.
    ///
    /// - Complexity: O(the cells returned).
    func cells(ofRule r: Int) -> [Int] {
        var out = Array(offsets[r]..<offsets[r + 1])
        guard appended.count > 0, appended.chunkOffsets[r] >= 0 else { return out }
        let n = periodCount(plan.rules[r].dimension.grain)
        for k in 0..<appended.count {
            let first = appended.baseCellCount + k * appended.chunkSize + appended.chunkOffsets[r]
            out += first..<(first + n)
        }
        return out
    }

    /// The cells that cell `c` reads (the graph's, and for a cell that reads every agent, the appended agents' cells too).
    ///
    /// - Complexity: O(its dependencies).
    func dependencyList(_ c: Int) -> [Int32] {
        if dependenciesAreCollected(c) { return collectedDependencies(c) }
        if appended.count > 0, let extra = appended.addedReads[c] { return Array(dependencies.neighbours(c)) + extra }
        return Array(dependencies.neighbours(c))
    }

    /// Appends the cells of agent `a` that `rule`'s cell at `k` reads when the rule reads every
    /// agent (what `collectCellDependencies` collects for that agent); nothing for other rules.
    ///
    /// - Complexity: O(the rule's formula size).
    func collectAgentPart(_ rule: CompiledRule, _ k: Coordinates, agent a: Int, _ out: inout [Int32]) {
        let ka = Coordinates(agent: a, grain: k.grain, period: k.period)
        switch rule.kind {
        case .agentAggregate(_, let v, let f):
            if let v { collect(v, ka, &out) }
            if let f { collect(f, ka, &out) }
        case .ranking(let v, let f):
            collect(v, ka, &out)
            if let f { collect(f, ka, &out) }
        case .allocation(_, let weight, false): collect(weight, ka, &out)
        case .input, .parameter, .formula, .allocation: break
        }
    }

    /// Calls `body` with each cell that reads cell `c` (through orders by the order
    /// templates, which may add a cell that does not read it, or one twice).
    ///
    /// - Complexity: O(its dependents).
    @inline(__always) func forEachDependent(_ c: Int, _ body: (Int32) -> Void) {
        for d in dependents.neighbours(c) { body(d) }
        if appended.count > 0, let extra = appended.addedDependents[c] { for d in extra { body(d) } }
        if ordersByTemplate, let t = orderTemplates { forEachOrderDependent(c, t, body) }
    }

    /// Where cell `c` comes in the schedule: a built cell's position × 2²⁴, an appended
    /// agent's cell right after its twin (agent 0's), by the agent's number.
    ///
    /// - Complexity: O(1).
    func scheduleKey(_ c: Int) -> Int64 {
        if c < appended.baseCellCount { return Int64(position[c]) << 24 }
        let rel = c - appended.baseCellCount
        return (Int64(position[Int(appended.twin[rel % appended.chunkSize])]) << 24) + Int64(rel / appended.chunkSize + 1)
    }

    /// `scheduleKey` while a chunk starting at `chunkStart` is being appended for agent number `serial`.
    func scheduleKey(_ c: Int, chunkStart: Int, serial: Int64) -> Int64 {
        if c >= chunkStart { return (Int64(position[Int(appended.twin[c - chunkStart])]) << 24) + serial }
        return scheduleKey(c)
    }

    /// Recomputes `seeds` and what depends on them in schedule-key order (an engine with appended agents).
    ///
    /// - Complexity: O(affected cells × log affected cells).
    func recomputeByKey(from seeds: [Int]) -> [Change] {
        var heap = Heap<KeyedCell>()
        var queued = Set<Int32>()
        for s in seeds where queued.insert(Int32(s)).inserted { heap.insert(KeyedCell(key: scheduleKey(s), cell: Int32(s))) }
        var changed: [Change] = []
        while let e = heap.popMin() {
            let c = Int(e.cell)
            let new = compute(c)
            if new == values[c] { continue }
            changed.append((c, values[c]))
            values[c] = new
            forEachDependent(c) { d in
                if queued.insert(d).inserted { heap.insert(KeyedCell(key: scheduleKey(Int(d)), cell: d)) }
            }
        }
        return changed
    }

    /// Sets the chunk layout for appended agents from the engine as built.
    ///
    /// - Complexity: O(rules + a chunk's cells).
    func prepareAppending() {
        appended.baseAgentCount = agents.count
        appended.baseCellCount = values.count
        appended.chunkOffsets = plan.rules.map { _ in -1 }
        var size = 0
        for (r, rule) in plan.rules.enumerated() where rule.dimension.perAgent && !rule.dimension.perOrder {
            appended.chunkOffsets[r] = size
            let n = periodCount(rule.dimension.grain)
            for p in 0..<n {
                appended.chunkRule.append(Int32(r))
                appended.twin.append(Int32(offsets[r] + p))
            }
            size += n
        }
        appended.chunkSize = size
        var inputSlot = [Int](repeating: -1, count: size), inputs = 0
        for (r, rule) in plan.rules.enumerated() where appended.chunkOffsets[r] >= 0 {
            guard case .input = rule.kind else { continue }
            for p in 0..<periodCount(rule.dimension.grain) { inputSlot[appended.chunkOffsets[r] + p] = inputs; inputs += 1 }
        }
        stored.prepareChunks(start: values.count, size: size, inputSlot: inputSlot, inputs: inputs)
    }

    /// The coordinates of a cell in an appended agent's chunk.
    func appendedCoordinates(_ c: Int) -> (rule: Int, coordinates: Coordinates) {
        let rel = c - appended.baseCellCount
        let within = rel % appended.chunkSize
        let r = Int(appended.chunkRule[within])
        return (r, Coordinates(agent: appended.baseAgentCount + rel / appended.chunkSize,
                               grain: plan.rules[r].dimension.grain, period: within - appended.chunkOffsets[r]))
    }

    /// True for the kinds of rule whose cells read every agent's cells (aggregations,
    /// rankings, allocations over agents), so an appended agent changes what they read.
    static func readsEveryAgent(_ kind: RuleKind) -> Bool {
        switch kind {
        case .agentAggregate, .ranking: return true
        case .allocation(_, _, let overOrders): return !overOrders
        case .input, .parameter, .formula: return false
        }
    }
}
