/// The cell graph, built when first needed: the cells each cell reads
/// (`Engine+Dependencies`), the cells that read each cell, a topological order
/// of the cells and each cell's position in it (`Engine+Schedule`).
///
/// A full compute goes by the rule-level schedule (`Engine+RuleSchedule`) and
/// needs none of it, so opening a scenario and printing a report never builds
/// it; the first edit, `explain` or what-if that reads it builds it from the
/// engine's structure (plan, cell layout, order buckets) as it is then.
/// Whatever changes that structure in place must read the graph first (a rule
/// edit going cell by cell does: `plan` builds it before it changes; one going
/// rule by rule keeps it or drops it, `Engine.redefine`).
struct CellGraph {
    var dependencies: CSRGraph
    var dependents: CSRGraph
    /// The cells in a topological order (`CellOrder`: held, or implied by the rule-level
    /// schedule with nothing stored per cell).
    let order: CellOrder
    /// Cell → its index in `order` (a view of it: the graph keeps the two references
    /// where it held two arrays, so the engine's stored layout does not move).
    let position: CellPositions
    init(dependencies: CSRGraph, dependents: CSRGraph, order: CellOrder, ordersByTemplate: Bool = false) {
        self.dependencies = dependencies; self.dependents = dependents
        self.order = order; self.position = CellPositions(order: order); self.ordersByTemplate = ordersByTemplate
    }
    /// True when no edge into or out of an order cell is stored: they follow from
    /// the order templates (`Engine+OrderTemplates`), and `order` is the rule-level schedule's.
    var ordersByTemplate = false
}

extension Engine {
    /// Builds the cell graph and its topological order now, if it is not built.
    ///
    /// - Throws: `CycleError` naming the rules around a cycle of cells (only
    ///   possible when the plan has no rule-level schedule: `Engine.init` builds
    ///   the graph at once then, and throws).
    /// - Complexity: O(cells + dependencies) the first time, O(1) after.
    func buildCellGraph() throws {
        guard cellGraph == nil else { return }
        appended.readTemplate = []
        if let steps = Engine.ruleSchedule(plan), orderTemplates != nil {
            // The schedule's cell order is topological, and the templates give what is read through orders.
            let forward = buildDependencyGraph(throughOrders: false)
            cellGraph = CellGraph(dependencies: forward, dependents: forward.reversed(), order: impliedCellOrder(steps), ordersByTemplate: true)
            return
        }
        let forward = buildDependencyGraph(throughOrders: true)
        let backward = forward.reversed()
        let (topo, pos) = try Engine.schedule(forward: forward, backward: backward, plan: plan, offsets: offsets)
        cellGraph = CellGraph(dependencies: forward, dependents: backward, order: CellOrder(order: topo, position: pos))
    }

    /// The cell graph, built on first use. A plan with a rule-level schedule has no
    /// cycle of cells (the schedule proves it), so building it cannot fail here.
    var graph: CellGraph {
        _read {
            if cellGraph == nil { buildGraphOfScheduledPlan() }
            yield cellGraph!
        }
        _modify {
            if cellGraph == nil { buildGraphOfScheduledPlan() }
            yield &cellGraph!
        }
    }

    /// The built cells in the order a full compute goes by `steps` (`computeAll`), implied:
    /// nothing stored per cell.
    ///
    /// - Complexity: O(rules).
    func impliedCellOrder(_ steps: [RuleStep]) -> CellOrder {
        let slots = min(agents.count, appended.baseAgentCount)
        return CellOrder(steps: steps, offsets: offsets,
                         slots: { plan.rules[$0].dimension.perAgent ? slots : 1 },
                         periods: { periodCount(plan.rules[$0].dimension.grain) })
    }

    /// The same order held as arrays: the cells in the order a full compute goes by `steps`
    /// (`computeAll`), and each cell's position in it (the tests hold `impliedCellOrder` to it).
    ///
    /// - Complexity: O(cells).
    func scheduledCellOrder(_ steps: [RuleStep]) -> (order: [Int32], position: [Int32]) {
        let total = offsets.last!
        var order = [Int32](); order.reserveCapacity(total)
        for step in steps {
            switch step {
            case .block(let r):
                order.append(contentsOf: (offsets[r]..<offsets[r + 1]).lazy.map { Int32($0) })
            case .periodByPeriod(let rules):
                let d = plan.rules[rules[0]].dimension
                let periods = periodCount(d.grain), slots = d.perAgent ? min(agents.count, appended.baseAgentCount) : 1
                for p in 0..<periods {
                    for r in rules {
                        for a in 0..<slots { order.append(Int32(offsets[r] + a * periods + p)) }
                    }
                }
            }
        }
        var position = [Int32](repeating: 0, count: total)
        for (i, c) in order.enumerated() { position[Int(c)] = Int32(i) }
        return (order, position)
    }

    private func buildGraphOfScheduledPlan() {
        do { try buildCellGraph() } catch {
            preconditionFailure("a cycle of cells in a plan whose rule-level schedule has none: \(error)")
        }
    }

    /// Cell → the cells it reads.
    var dependencies: CSRGraph {
        get { graph.dependencies }
        _modify { yield &graph.dependencies }
    }
    /// Cell → the cells that read it.
    var dependents: CSRGraph {
        get { graph.dependents }
        _modify { yield &graph.dependents }
    }
    /// The cells in a topological order.
    var order: CellOrder { graph.order }
    /// Cell → its index in `order`.
    var position: CellPositions { graph.position }
}
