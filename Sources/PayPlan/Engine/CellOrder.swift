/// The cells in the order a recomputation goes (a topological order) and each
/// cell's position in it, for `CellGraph`. A plan computed cell by cell holds
/// them as two arrays (Kahn's algorithm, `Engine+Schedule`); a plan with a
/// rule-level schedule implies them (`Engine+RuleSchedule`): each rule's block
/// comes whole at its step's place, and the rules of a step computed period by
/// period interleave by period, rule and agent. Then nothing per cell is stored
/// (at a million orders the two arrays took 4 bytes × 2 × 24 M cells).
///
/// A class, and `CellPositions` a view of one, so that `CellGraph` keeps its size (two
/// references where the two arrays were): the engine's stored layout does not move.
final class CellOrder {
    /// Per cell, when held: the cell at each position, and each cell's position.
    private let cells: [Int32], positions: [Int32]
    /// When implied: per rule, where its cells come (`Place`), and the steps by first position.
    private let places: [Place]
    private let steps: [(first: Int, rules: [Int])]
    /// Cell → rule: the first cell of each rule, the total last (the engine's `offsets`).
    private let offsets: [Int]
    let count: Int

    /// Where a rule's cells come in an implied order: its block from `first` on, or, in a
    /// step of `members` rules computed period by period over `slots` agents and
    /// `periods` periods, at `first + (period × members + member) × slots + agent`.
    private struct Place {
        var first = 0, member = 0, members = 0, slots = 0, periods = 0
        var interleaved: Bool { members > 0 }
    }

    /// Held arrays: `order` a permutation of the cells, `position` its inverse.
    init(order: [Int32], position: [Int32]) {
        cells = order; positions = position; places = []; steps = []; offsets = []; count = order.count
    }

    /// The order `steps` imply for cells laid out by `offsets`, each step of rules computed
    /// period by period over `slots(rule)` agents and `periods(rule)` periods.
    ///
    /// - Complexity: O(rules).
    init(steps ruleSteps: [Engine.RuleStep], offsets: [Int], slots: (Int) -> Int, periods: (Int) -> Int) {
        var places = [Place](repeating: Place(), count: offsets.count - 1)
        var steps: [(first: Int, rules: [Int])] = []
        var next = 0
        for step in ruleSteps {
            switch step {
            case .block(let r):
                steps.append((next, [r]))
                places[r].first = next
                next += offsets[r + 1] - offsets[r]
            case .periodByPeriod(let rules):
                steps.append((next, rules))
                let s = slots(rules[0]), p = periods(rules[0])
                for (m, r) in rules.enumerated() { places[r] = Place(first: next, member: m, members: rules.count, slots: s, periods: p) }
                next += rules.count * s * p
            }
        }
        cells = []; positions = []
        self.places = places; self.steps = steps; self.offsets = offsets; count = next
    }

    /// The position of cell `c`.
    ///
    /// - Complexity: O(1) held; O(log rules) implied.
    @inline(__always) func position(_ c: Int) -> Int32 {
        if places.isEmpty { return positions[c] }
        let r = Engine.ruleOf(offsets, c), place = places[r]
        let rel = c - offsets[r]
        if !place.interleaved { return Int32(place.first + rel) }
        let agent = rel / place.periods, period = rel % place.periods
        return Int32(place.first + (period * place.members + place.member) * place.slots + agent)
    }

    /// The cell at position `p`.
    ///
    /// - Complexity: O(1) held; O(log rules) implied.
    @inline(__always) subscript(p: Int) -> Int32 {
        if places.isEmpty { return cells[p] }
        var lo = 0, hi = steps.count
        while lo + 1 < hi { let m = (lo + hi) / 2; if steps[m].first <= p { lo = m } else { hi = m } }
        let step = steps[lo], rel = p - step.first
        if step.rules.count == 1, !places[step.rules[0]].interleaved { return Int32(offsets[step.rules[0]] + rel) }
        let place = places[step.rules[0]]
        let agent = rel % place.slots, t = rel / place.slots
        let member = t % place.members, period = t / place.members
        return Int32(offsets[step.rules[member]] + agent * place.periods + period)
    }
}

extension CellOrder: RandomAccessCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { count }
    func index(after i: Int) -> Int { i + 1 }
    func index(before i: Int) -> Int { i - 1 }
}

/// Cell → its position in a `CellOrder`.
struct CellPositions {
    let order: CellOrder
    var count: Int { order.count }
    /// - Complexity: O(1) held; O(log rules) implied.
    @inline(__always) subscript(c: Int) -> Int32 { order.position(c) }
}
