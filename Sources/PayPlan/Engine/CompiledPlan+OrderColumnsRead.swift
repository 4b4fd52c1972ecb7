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
        switch kind {
        case .input(let d): d.map { CExpr.orderColumnsRead($0, into: &read) }
        case .parameter(let e), .formula(let e): CExpr.orderColumnsRead(e, into: &read)
        case .agentAggregate(_, let v, let f):
            v.map { CExpr.orderColumnsRead($0, into: &read) }; f.map { CExpr.orderColumnsRead($0, into: &read) }
        case .ranking(let v, let f):
            CExpr.orderColumnsRead(v, into: &read); f.map { CExpr.orderColumnsRead($0, into: &read) }
        case .allocation(let t, let w, _):
            CExpr.orderColumnsRead(t, into: &read); CExpr.orderColumnsRead(w, into: &read)
        }
    }
}

extension CExpr {
    /// The typed order columns (numbers ≥ 0) `e` reads, its fields' defaults included, added to `read`.
    static func orderColumnsRead(_ e: CExpr, into read: inout Set<Int>) {
        switch e {
        case .constant, .builtin, .ref, .at, .paid, .teamAggregate, .share: break
        case .orderField(_, let column, let d):
            if column >= 0 { read.insert(column) }
            d.map { orderColumnsRead($0, into: &read) }
        case .attribute(_, let d): d.map { orderColumnsRead($0, into: &read) }
        case .negate(let a), .not(let a): orderColumnsRead(a, into: &read)
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
            orderColumnsRead(a, into: &read); orderColumnsRead(b, into: &read)
        case .ifThen(let a, let b, let c): orderColumnsRead(a, into: &read); orderColumnsRead(b, into: &read); orderColumnsRead(c, into: &read)
        case .function(_, let args): for a in args { orderColumnsRead(a, into: &read) }
        case .table(_, _, _, let arg, let rows):
            orderColumnsRead(arg, into: &read)
            for row in rows { orderColumnsRead(row.threshold, into: &read); orderColumnsRead(row.value, into: &read) }
        case .periodAggregate(_, _, _, let v, let f), .orderAggregate(_, let v, let f, _, _):
            v.map { orderColumnsRead($0, into: &read) }; f.map { orderColumnsRead($0, into: &read) }
        case .rank(_, let own, let f, _): orderColumnsRead(own, into: &read); f.map { orderColumnsRead($0, into: &read) }
        }
    }
}
