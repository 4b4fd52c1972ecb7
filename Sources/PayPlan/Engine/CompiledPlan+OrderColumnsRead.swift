/// The typed order columns a compiled plan reads (`CExpr.orderField` with a column number ≥ 0):
/// the engine fills only these (`OrderColumns`), so the fields no formula reads (a Taobao import's
/// buyer names and notes, one text an order) are neither typed nor interned.
extension CompiledPlan {
    /// The column numbers (into `orderColumns`) that some rule, hidden team cell or `by` date reads,
    /// field defaults included (they sit in the `orderField` node that falls back to them), ascending.
    ///
    /// - Complexity: O(the compiled formulas' size).
    public var orderColumnsRead: [Int] {
        var read = Set<Int>()
        for r in rules { CompiledPlan.orderColumnsRead(by: r.kind, into: &read) }
        for case let g? in groupings { CExpr.orderColumnsRead(g, into: &read) }
        return read.sorted()
    }

    /// The columns `kind`'s formulas read, added to `read`.
    static func orderColumnsRead(by kind: RuleKind, into read: inout Set<Int>) {
        for e in kind.expressions { CExpr.orderColumnsRead(e, into: &read) }
    }
}

extension CExpr {
    /// The typed order columns (numbers ≥ 0) `e` reads, its fields' defaults included, added to `read`.
    static func orderColumnsRead(_ e: CExpr, into read: inout Set<Int>) {
        if case .orderField(_, let column, _) = e, column >= 0 { read.insert(column) }
        e.forEachSubexpression { orderColumnsRead($0, into: &read) }
    }
}
