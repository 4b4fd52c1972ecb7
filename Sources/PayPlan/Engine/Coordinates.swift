import HeapModule

/// The coordinates a formula is evaluated at: an agent (or the team), a
/// grain, and a period index counted from the scenario's first period of that grain.
public struct Coordinates: Sendable, Equatable {
    public var agent: Int
    public var grain: Grain
    public var period: Int
    /// The amount being looked up, inside a table row.
    public var x: Fixed?
    /// The order, for order rules (−1 elsewhere).
    public var order: Int
    public init(agent: Int, grain: Grain, period: Int, x: Fixed? = nil, order: Int = -1) {
        self.agent = agent; self.grain = grain; self.period = period; self.x = x; self.order = order
    }
}
