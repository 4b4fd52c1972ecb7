/// Where an error value started, as a reader names it: the cell (`EvalError.origin`) and the plan's
/// label of its figure (提成 for `commission`), so that `check`, a statement and `explain` say
/// "李雷 2026年3月的提成" rather than the identifier `李雷.commission[2026-03]`. Words are left to the REPL.
public struct ErrorOrigin: Equatable, Sendable {
    /// The cell the error started in.
    public var cell: CellReference
    /// The label of the cell's figure (`"提成"`), `nil` when the plan gives it none.
    public var label: String?

    public init(cell: CellReference, label: String?) { self.cell = cell; self.label = label }
}

extension CompiledPlan {
    /// Cell `c` with its figure's label.
    ///
    /// - Complexity: O(1) (a dictionary lookup of the figure's name).
    public func labelled(_ c: CellReference) -> ErrorOrigin {
        ErrorOrigin(cell: c, label: ruleIndex[c.figure].flatMap { rules[$0].label })
    }

    /// Where error `e` started, with its figure's label (`nil` when it carries no origin).
    ///
    /// - Complexity: O(1).
    public func origin(of e: EvalError) -> ErrorOrigin? { e.origin.map(labelled) }
}
