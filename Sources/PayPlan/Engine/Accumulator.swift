/// Running sum / average / min / max / count over an aggregation.
struct Accumulator {
    let op: AggregateOp
    var sum = Fixed.zero, count = 0
    var best: Fixed?
    init(_ op: AggregateOp) { self.op = op }

    /// Adds one value (`nil` for `count` without a value); returns an error to stop with.
    mutating func add(_ v: Value?) -> EvalError? {
        if op == .count {
            switch v {
            case nil, .bool(true)?: count += 1
            case .number(let n)? where !n.isZero: count += 1
            case .error(let e)?: return e
            default: break
            }
            return nil
        }
        count += 1
        switch v {
        case .number(let n)?:
            switch op {
            case .sum, .avg:
                guard let s = Fixed.checkedAdd(sum, n) else { return EvalError(.sumTooLarge) }
                sum = s
            case .min: best = best.map { Swift.min($0, n) } ?? n
            case .max: best = best.map { Swift.max($0, n) } ?? n
            case .count: break
            }
            return nil
        case .error(let e)?: return e
        case .bool(let b)? where op == .sum:
            guard let s = Fixed.checkedAdd(sum, b ? Fixed.one : .zero) else { return EvalError(.sumTooLarge) }
            sum = s; return nil
        default: return EvalError(.aggregateNeedsAmounts(aggregate: op.rawValue))
        }
    }

    var result: Value {
        switch op {
        case .sum: return .number(sum)
        case .count: return .number(Fixed(count))
        case .avg:
            guard count > 0, let q = Fixed.checkedDivide(sum, Fixed(count)) else {
                return .error(EvalError(.averageOfNothing))
            }
            return .number(q)
        case .min, .max:
            return best.map(Value.number) ?? .error(EvalError(.extremeOfNothing(aggregate: op.rawValue)))
        }
    }
}
