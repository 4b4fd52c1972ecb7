extension CExpr {
    /// Calls `body` with each expression directly inside this one, in source order: operands,
    /// arguments, a table's argument and each row's threshold and value, an aggregation's value and
    /// filter, a ranking's own value and filter, an attribute's or field's default. References
    /// (`ref`, `at`, `paid`, `teamAggregate`, `share`), constants and built-ins have none.
    ///
    /// The one place that knows where a `CExpr` keeps its parts: a walk over a formula
    /// (`sameTimeRefs`, `orderColumnsRead`) handles the cases it cares about and passes the rest here.
    ///
    /// - Complexity: O(the number of direct subexpressions).
    @inlinable
    public func forEachSubexpression(_ body: (CExpr) -> Void) {
        switch self {
        case .constant, .builtin, .ref, .at, .paid, .teamAggregate, .share: break
        case .attribute(_, let d), .orderField(_, _, let d): d.map(body)
        case .negate(let a), .not(let a): body(a)
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
            body(a); body(b)
        case .ifThen(let a, let b, let c): body(a); body(b); body(c)
        case .function(_, let args): args.forEach(body)
        case .table(_, _, _, let arg, let rows):
            body(arg)
            for row in rows { body(row.threshold); body(row.value) }
        case .periodAggregate(_, _, _, let v, let f), .orderAggregate(_, let v, let f, _, _):
            v.map(body); f.map(body)
        case .rank(_, let own, let f, _): body(own); f.map(body)
        }
    }
}
