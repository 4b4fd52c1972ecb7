/// Totals shown to the user (report, compare, offer and attribution total lines).
extension Value {
    /// `a` plus `b` for a total line: amounts add exactly; yes counts 1 and no 0; the first error value
    /// met stays (a total of figures one of which is `#DIV/0!` is `#DIV/0!`); text and dates add nothing.
    /// A total beyond ±10²⁶ is the error value `#OVERFLOW`, never a trap.
    public static func total(_ a: Value, _ b: Value) -> Value {
        if case .error = a { return a }
        func amount(_ v: Value) -> Fixed? {
            switch v {
            case .number(let n): n
            case .bool(let yes): yes ? .one : .zero
            default: nil
            }
        }
        if case .error = b { return b }
        guard let y = amount(b) else { return a }
        guard let x = amount(a) else { return .number(y) }
        guard let s = Fixed.checkedAdd(x, y) else {
            return .error(EvalError(.totalTooLarge))
        }
        return .number(s)
    }

    /// The total of `values` as `total(_:_:)` adds them, starting from 0.
    /// - Complexity: O(n).
    public static func total<S: Sequence>(of values: S) -> Value where S.Element == Value {
        values.reduce(.number(.zero), total)
    }
}
