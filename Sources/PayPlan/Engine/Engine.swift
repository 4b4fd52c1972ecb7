import HeapModule

/// The parts of the engine live beside this file, one concern each:
/// `Engine+CellLayout` (where cells live), `InputStore` (inputs entered),
/// `Engine+OrderIndex` (orders by agent and month), `Engine+Dependencies`
/// (the cell graph), `Engine+Schedule` (topological order, recomputation),
/// `Engine+Evaluator` (one cell from its formula), `Engine+Operators`, and
/// `Engine+Edits` (changes made in place: inputs, as-of date, calendar, order fields)
/// and `Engine+AgentEdits` (agents appended, changed and removed in place).
///
/// The computed figures of one workspace: a dense cell array, a dependency
/// graph over the cells, and the topological order to recompute them in.
///
/// A cell is (rule, agent, period). Each rule owns a block of cells, one per
/// agent (or one for a team rule) and period of its grain across the
/// scenario's years. Dependencies are read off the compiled formulas, all
/// branches included, so they do not change with the data: an input edit
/// recomputes only the cells downstream of it, in topological order, and
/// stops where a value comes out unchanged. The as-of date, the calendar and
/// an order's fields change in place too (`Engine+Edits`); other structural
/// changes (rules, tables, agents, years, orders added or removed) build a new engine.
///
/// The engine is used from one thread at a time, and its stored properties
/// are read on every cell: they are `@exclusivity(unchecked)`, so the hot
/// loop pays no run-time exclusivity check (a fifth of a full compute before).
public final class Engine {
    @exclusivity(unchecked) public internal(set) var plan: CompiledPlan {
        // The cell graph is read off the plan: build it from this one before it changes
        // (unless a rule edit keeps or drops the graph itself: `replacingPlanKeepsGraph`).
        willSet {
            if replacingPlanKeepsGraph { return }
            if cellGraph == nil { _ = graph }
        }
        didSet {
            orderTemplatesCache = nil; hasRuleSchedule = nil; appended.readTemplate = []
            // A new formula may read a field no formula read before: its column is filled now.
            if !orders.isEmpty { orderColumns.fill(plan.orderColumnsRead, orders: orders) }
        }
    }
    /// The order templates of `plan` (`Engine+OrderTemplates`), worked out on first use.
    @exclusivity(unchecked) var orderTemplatesCache: OrderTemplates??
    /// The agents' extra attribute names and the orders' field names the plan was compiled with.
    let attributeKeys: Set<String>, fieldKeys: Set<String>
    /// The agents, in the workspace's order (those appended in place last, `Engine+AgentEdits`).
    @exclusivity(unchecked) public internal(set) var agents: [Agent]
    /// Agent name → index in `agents`.
    var agentByName: [String: Int]
    /// January of the scenario's first year.
    public let startMonth: Month
    public let years: ClosedRange<Int>
    /// The workspace's orders, in ID order; order cells are numbered the same way.
    @exclusivity(unchecked) public internal(set) var orders: [Order]
    /// The orders' fields as typed columns (`OrderColumns`), one per name of `plan.orderColumns`,
    /// which order rules read by column number; those the plan reads are filled (`plan.orderColumnsRead`).
    @exclusivity(unchecked) var orderColumns: OrderColumns
    /// Each order's credited agent (index), or −1.
    @exclusivity(unchecked) var orderAgent: [Int]
    /// Each order's month, as an index from `startMonth` (may lie outside the years).
    @exclusivity(unchecked) var orderMonth: [Int]
    @exclusivity(unchecked) var calendar: WorkCalendar
    /// The as-of date (`as_of`).
    @exclusivity(unchecked) public internal(set) var asOf: Day
    /// Per grouping: (agent + 1) × months + month → the orders booked there, in ID order
    /// (agent 0 of the key is "all agents").
    @exclusivity(unchecked) var buckets: [[[Int32]]] = []
    /// Per agent: its orders, in ID order (those credited to nobody are in no list).
    @exclusivity(unchecked) var ordersByAgent: [[Int32]] = []
    let offsets: [Int]
    /// Months in the scenario's years (12 × years).
    let monthCount: Int
    /// Cell → its value.
    @exclusivity(unchecked) public internal(set) var values: [Value]
    /// The inputs entered, per input cell.
    @exclusivity(unchecked) var stored: InputStore
    /// The cell graph and topological order, built on first use (`Engine+CellGraph`).
    @exclusivity(unchecked) var cellGraph: CellGraph?
    /// Above this many seeds, `recompute` sweeps the topological order instead of using a heap.
    var sweepAbove = 4096
    /// The thresholds of each table whose thresholds are all constants, keyed by
    /// the address of its rows' storage (the rows are kept, so the address is not
    /// reused); `nil` thresholds: some are formulas, evaluated per lookup.
    @exclusivity(unchecked) var constantThresholds: [Int: (rows: [CRow], thresholds: [Fixed]?)] = [:]
    /// The agents appended in place after the engine was built, and their cells (`Engine+AgentEdits`).
    @exclusivity(unchecked) var appended = AppendedAgents()
    /// Counts the changes made in place (each recomputation, agent appended or removed), so that
    /// what a caller worked out from the figures can tell it is stale (the session's warnings per agent).
    public internal(set) var revision = 0
    #if DEBUG
    /// Debug builds: the cells a full compute stored from block columns, and those it computed
    /// again by the tree walk because their lane bailed (`Engine+BlockEvaluator`), for the tests.
    var _blockLanes = (fast: 0, bailed: 0)
    #endif
    /// True while `redefine` replaces the plan and itself keeps the cell graph (the new plan's
    /// rules read the same cells) or drops it (built again from the new plan when next needed).
    /// Declared last, so that the stored properties before it keep their places.
    @exclusivity(unchecked) var replacingPlanKeepsGraph = false
    /// Whether `plan` has a rule-level schedule (`Engine.ruleSchedule`), when known: set by a build, forgotten
    /// when the plan changes, so that adding a rule (`appending`) need not work the schedule out again.
    @exclusivity(unchecked) var hasRuleSchedule: Bool? = nil

    /// An independent engine with the same figures: later edits to either leave
    /// the other alone (what-if probes and forks edit a copy).
    ///
    /// - Complexity: O(1) now; the first edit of the copy copies its values, O(cells).
    public init(copying e: Engine) {
        plan = e.plan; attributeKeys = e.attributeKeys; fieldKeys = e.fieldKeys; agents = e.agents; agentByName = e.agentByName; startMonth = e.startMonth; years = e.years
        orders = e.orders; orderColumns = e.orderColumns; orderAgent = e.orderAgent; orderMonth = e.orderMonth
        calendar = e.calendar; asOf = e.asOf; buckets = e.buckets; ordersByAgent = e.ordersByAgent; offsets = e.offsets
        monthCount = e.monthCount; values = e.values; stored = e.stored
        cellGraph = e.cellGraph
        appended = e.appended
        hasRuleSchedule = e.hasRuleSchedule
    }

    /// An engine for `plan`, which is `e`'s plan with one rule added last (`CompiledPlan.appending`),
    /// nothing else changed and nothing reading the new rule: `e`'s cells as they are, the new rule's
    /// cells computed (`Engine.appending`). `e` has no agents appended in place and a rule-level schedule.
    ///
    /// - Complexity: O(cells) to copy the values, plus the new rule's cells × its formula's size.
    init(extending e: Engine, plan new: CompiledPlan, offsets: [Int]) {
        plan = new; attributeKeys = e.attributeKeys; fieldKeys = e.fieldKeys; agents = e.agents; agentByName = e.agentByName; startMonth = e.startMonth; years = e.years
        var columns = e.orderColumns
        if !e.orders.isEmpty, let last = new.rules.last {
            // The new rule may read a field no other rule reads.
            var read = Set<Int>()
            CompiledPlan.orderColumnsRead(by: last.kind, into: &read)
            columns.fill(read.sorted(), orders: e.orders)
        }
        orders = e.orders; orderColumns = columns; orderAgent = e.orderAgent; orderMonth = e.orderMonth
        calendar = e.calendar; asOf = e.asOf; buckets = e.buckets; ordersByAgent = e.ordersByAgent; self.offsets = offsets
        monthCount = e.monthCount
        var values = e.values
        values.append(contentsOf: repeatElement(.number(.zero), count: offsets.last! - e.values.count))
        self.values = values
        stored = e.stored
        cellGraph = nil
        hasRuleSchedule = true
        let r = new.rules.count - 1
        // As a build computes it: a static rule first by itself (`computeStaticRules`), then its block.
        if new.staticRules.contains(r) { for c in offsets[r]..<offsets[r + 1] { self.values[c] = compute(c) } }
        computeAll([.block(r)])
    }

    /// Compiles the workspace's plan and computes every cell, rule by rule in the
    /// rule-level schedule (`Engine+RuleSchedule`; the cell graph is built on first
    /// use) or, for a plan without one, cell by cell in the cell graph's order.
    ///
    /// `shouldStop` (Ctrl-C) is polled before and after each step of the full compute (one rule's
    /// cells, or rules computed period by period together) and every 4,096 cells of a plan computed
    /// cell by cell; when it answers true the build ends with `Interrupted` and no engine is made. One poll
    /// costs what the closure costs (the shell reads a flag).
    ///
    /// - Throws: `CompileError` (unknown name, wrong dimension, bad table use),
    ///   `CycleError` (rules that depend on each other in a circle), `ScenarioError` (years outside 1–9999),
    ///   `Interrupted` when `shouldStop` answers true.
    /// - Complexity: O(cells × formula size), plus O(cells + dependencies) for a plan
    ///   without a rule-level schedule.
    public init(workspace: Workspace, shouldStop: (() -> Bool)? = nil) throws {
        // Days exist for years 1…9999 only; the loaders and `years` allow 1900–2999.
        guard workspace.years.lowerBound >= 1, workspace.years.upperBound <= 9999 else {
            throw ScenarioError(.yearsOutsideCalendar(workspace.years))
        }
        var extraKeys = Set<String>()
        for a in workspace.agents { extraKeys.formUnion(a.extra.keys) }
        let fieldKeys = Engine.fieldNames(of: workspace.orders)
        try workspace.plan.checkVersions(years: workspace.years)
        self.plan = try CompiledPlan(plan: workspace.plan, agentAttributes: extraKeys, orderFields: fieldKeys)
        self.attributeKeys = extraKeys
        self.fieldKeys = fieldKeys
        self.agents = workspace.agents
        self.years = workspace.years
        self.startMonth = Month(year: workspace.years.lowerBound, month: 1)
        self.orders = workspace.orders
        self.orderColumns = OrderColumns(names: plan.orderColumns, orders: workspace.orders,
                                         reading: workspace.orders.isEmpty ? [] : plan.orderColumnsRead)
        self.calendar = workspace.calendar
        self.asOf = workspace.knownOn
        var agentByName: [String: Int] = [:]
        for (i, a) in workspace.agents.enumerated() { agentByName[a.name] = i }
        self.agentByName = agentByName
        orderAgent = Engine.agentNumbers(of: workspace.orders, agentByName: agentByName)
        let start = startMonth
        orderMonth = workspace.orders.map { $0.date.monthValue.index - start.index }
        let yearCount = workspace.years.count
        let offsets = Engine.layout(plan: plan, agentCount: workspace.agents.count, orderCount: workspace.orders.count, years: yearCount)
        self.offsets = offsets
        let total = offsets.last!
        values = [Value].zeros(count: total)
        monthCount = yearCount * 12
        stored = InputStore(plan: plan, offsets: offsets)
        stored.load(workspace, plan: plan, offsets: offsets, agentByName: agentByName)
        self.cellGraph = nil
        computeStaticRules()
        buildBuckets()
        let schedule = Engine.ruleSchedule(plan)
        hasRuleSchedule = schedule != nil
        if var steps = schedule {
            // The static order rules are computed (they are made of data alone, and the buckets needed them).
            steps.removeAll { if case .block(let r) = $0 { return plan.staticRules.contains(r) && plan.rules[r].dimension.perOrder }; return false }
            // Rule by rule; the cell graph waits for the first edit that needs it.
            if let shouldStop {
                // One set of columns for every step (a set made per step cost 2,000 instructions a column
                // in clearing alone: most of a small plan's compute, one line of a script of `param`s).
                let columns = BlockColumns()
                for step in steps {
                    if shouldStop() { throw Interrupted() }
                    computeAll([step], columns)
                }
                if shouldStop() { throw Interrupted() }
            } else {
                computeAll(steps)
            }
        } else {
            // No rule-level schedule: cell by cell in a topological order, which also finds a cycle of cells.
            try buildCellGraph()
            if let shouldStop { if shouldStop() { throw Interrupted() } }
            for (i, c) in graph.order.enumerated() {
                if i & 4095 == 4095, let shouldStop, shouldStop() { throw Interrupted() }
                values[Int(c)] = compute(Int(c))
            }
            if let shouldStop, shouldStop() { throw Interrupted() }
        }
    }
}
