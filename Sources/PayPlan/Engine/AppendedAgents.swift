/// The agents appended to an engine in place (`agent add`, the undo of `agent rm`),
/// after the cells it was built with (`Engine+AgentEdits`).
///
/// Each appended agent owns a chunk of `chunkSize` cells after the built ones:
/// for every per-agent rule (not order rules), in rule order, one cell per period
/// of its grain. A chunk cell is scheduled right after its twin, the built cell of
/// agent 0 of the same rule and period: its schedule key is the twin's position
/// times 2²⁴ plus the appended agent's number (1, 2, …). Since an appended agent's
/// cell reads what agent 0's reads, moved to the agent, and an aggregation over
/// agents reads agent 0's cell too, these keys are a topological order (each edge
/// is checked when the agent is appended).
struct AppendedAgents {
    /// Agents in the engine as built; appended agents follow. `Int.max` until the first append.
    var baseAgentCount = Int.max
    /// Cells of the engine as built; chunks follow.
    var baseCellCount = Int.max
    /// Per rule, the first cell of its block inside a chunk, or −1 (team and order rules).
    var chunkOffsets: [Int] = []
    var chunkSize = 0
    /// Per cell of a chunk: its rule and its twin (agent 0's built cell of the same rule and period).
    var chunkRule: [Int32] = []
    var twin: [Int32] = []
    /// A chunk's cells (0..<chunkSize) in schedule order, by their twins' positions; worked out on
    /// first use and again after the topological order changed (`Engine.rewire` empties it).
    var chunkOrder: [Int32] = []
    /// Per chunk cell (0..<chunkSize), the cells it reads when its rule reads the same cells for
    /// every agent (`Engine.sameShapeForEveryAgent`): a cell of the engine as built (≥ 0), or
    /// `-1 - j` for the appended agent's own chunk cell `j`; `nil` for a cell whose reads are
    /// collected for each agent. Read off the first agent appended on this graph and plan (the
    /// same formulas read the same cells, moved to the agent), and emptied when either changes
    /// (`Engine.plan`, `buildCellGraph`, `rewire`). Empty until then.
    var readTemplate: [[Int32]?] = []
    /// The plan's rule-level schedule (`Engine.ruleSchedule`) a chunk is computed in, rule by rule
    /// (`Engine.computeAppendedChunk`), or `nil` when the plan has none (the chunk then goes cell by
    /// cell in `chunkOrder`). Worked out with `readTemplate`, and valid while it is.
    var chunkSteps: [Engine.RuleStep]? = nil
    /// The block evaluator's columns a chunk is computed through, one set per grain (each keeps the days
    /// of its grain's periods, `BlockColumns.preparePeriods`, worked out once), made on first use.
    private var chunkColumns: [BlockColumns?] = []

    /// The columns for rules of `grain`.
    ///
    /// - Complexity: O(1) amortised.
    mutating func columns(_ grain: Grain) -> BlockColumns {
        let i: Int
        switch grain {
        case .month: i = 0
        case .quarter: i = 1
        case .half: i = 2
        case .year: i = 3
        case .none: i = 4
        }
        if chunkColumns.isEmpty { chunkColumns = Array(repeating: nil, count: 5) }
        if let b = chunkColumns[i] { return b }
        let b = BlockColumns()
        chunkColumns[i] = b
        return b
    }
    /// How many dependencies the last chunk appended had (the next one's are reserved as many).
    var lastChunkEdges = 0
    /// How many agents were appended.
    var count = 0
    /// Cells that read every agent (aggregations, rankings, allocations over agents) → the cells of
    /// appended agents they read besides those in the graph, in the order the agents were appended.
    var addedReads: [Int: [Int32]] = [:]
    /// Cells read by cells appended after them (parameters, team cells, other agents' cells).
    /// Taken back in the reverse order of the chunk's dependencies (`Engine.removeLastAgent`).
    var addedDependents: [Int: [Int32]] = [:]
    /// Per appended agent, what appending it changed, to take it back.
    var logs: [Log] = []

    struct Log {
        /// Cells that read every agent, and how many reads of the agent's cells each was given.
        var widened: [(cell: Int, count: Int32)] = []
    }

    /// True once the chunk layout is set (the first append).
    var isPrepared: Bool { baseCellCount != .max }

    /// The cell of per-agent rule `r` for appended agent `a` at period index `p`.
    ///
    /// - Complexity: O(1).
    @inline(__always) func cell(_ r: Int, _ a: Int, _ p: Int) -> Int {
        baseCellCount + (a - baseAgentCount) * chunkSize + chunkOffsets[r] + p
    }
}

/// A cell and its schedule key (`Engine.scheduleKey`), ordered by the key, for the recomputation heap.
struct KeyedCell: Comparable {
    let key: Int64
    let cell: Int32
    static func < (a: KeyedCell, b: KeyedCell) -> Bool { a.key < b.key }
}
