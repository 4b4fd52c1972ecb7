/// A cell as a reference, not as text: the figure (rule) it belongs to and where it sits — the
/// agent, the order or the team, and the period. Error values carry the cell they started in as
/// one (`EvalError.origin`); the REPL writes it as users type it, `李雷.pay[2026-03]`.
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
    /// The figure's (rule's) name, e.g. `pay`.
    public var figure: String
    /// The agent's name, for a per-agent figure (`nil` for team figures and order figures).
    public var agent: String?
    /// The order's ID, for a per-order figure.
    public var order: String?
    /// The period, for a figure with one (`nil` for parameters and order figures).
    public var period: Period?

    public init(figure: String, agent: String? = nil, order: String? = nil, period: Period? = nil) {
        self.figure = figure; self.agent = agent; self.order = order; self.period = period
    }

    /// `李雷.pay[2026-03]`, `T1001.share`, `pool[2026-03]`, `base_salary`: the cell as users write it.
    public var description: String {
        var s = order.map { "\($0).\(figure)" } ?? agent.map { "\($0).\(figure)" } ?? figure
        if let period { s += "[\(period)]" }
        return s
    }
}
