/// The operators, built-in values, functions and tier lookups the evaluator
/// applies to values: arithmetic and comparison with error values flowing
/// through, dates, and tables.
extension Engine {
    static func requireBool(_ v: Value, _ op: String) -> Value {
        switch v {
        case .bool, .error: return v
        default: return .error(EvalError(.needsFlags(operator: op)))
        }
    }

    public static func arithmetic(_ op: ArithmeticOp, _ a: Value, _ b: Value) -> Value {
        guard case .number(let x) = a, case .number(let y) = b else {
            if case .error(let e) = a { return .error(e) }
            if case .error(let e) = b { return .error(e) }
            // Dates: date ± days, days + date, date − date (in days).
            switch (op, a, b) {
            case (.add, .date(let d), .number(let n)), (.add, .number(let n), .date(let d)):
                if let days = n.wholeNumber { return Engine.date(d, plus: days, n) }
            case (.subtract, .date(let d), .number(let n)):
                if let days = n.wholeNumber, days != .min { return Engine.date(d, plus: -days, -n) }
            case (.subtract, .date(let d1), .date(let d2)):
                return .number(Fixed(d1.ordinal - d2.ordinal))
            default: break
            }
            return .error(EvalError(.needsAmounts(operator: op.rawValue, a, b)))
        }
        let r: Fixed?
        switch op {
        case .add: r = Fixed.checkedAdd(x, y)
        case .subtract: r = Fixed.checkedSubtract(x, y)
        case .multiply: r = Fixed.checkedMultiply(x, y)
        case .divide:
            if y.isZero { return .error(EvalError(.divisionByZero(x))) }
            r = Fixed.checkedDivide(x, y)
        }
        guard let r else { return .error(EvalError(.resultTooLarge(x, operator: op.rawValue, y))) }
        return .number(r)
    }

    /// `d` moved by `days` (`n` as the plan wrote it, for the message); `#RANGE` when that leaves 0001-01-01…9999-12-31.
    static func date(_ d: Day, plus days: Int, _ n: Fixed) -> Value {
        guard let moved = d.adding(days: days) else {
            return .error(EvalError(.dateOutsideCalendar(d, days: n)))
        }
        return .date(moved)
    }

    static func compare(_ op: CompareOp, _ a: Value, _ b: Value) -> Value {
        if case .error(let e) = a { return .error(e) }
        if case .error(let e) = b { return .error(e) }
        let ordering: Int
        switch (a, b) {
        case (.number(let x), .number(let y)): ordering = x < y ? -1 : (x == y ? 0 : 1)
        case (.date(let x), .date(let y)): ordering = x < y ? -1 : (x == y ? 0 : 1)
        case (.text(let x), .text(let y)) where op == .eq || op == .ne: ordering = x == y ? 0 : 1
        case (.bool(let x), .bool(let y)) where op == .eq || op == .ne: ordering = x == y ? 0 : 1
        default:
            return .error(EvalError(.cannotCompare(a, b, operator: op.rawValue)))
        }
        switch op {
        case .eq: return .bool(ordering == 0)
        case .ne: return .bool(ordering != 0)
        case .lt: return .bool(ordering < 0)
        case .le: return .bool(ordering <= 0)
        case .gt: return .bool(ordering > 0)
        case .ge: return .bool(ordering >= 0)
        }
    }

    /// A built-in value at `k`. Reads the agent's dates in place (no copy of the agent).
    ///
    /// - Complexity: O(1).
    func builtin(_ b: Builtin, _ k: Coordinates) -> Value {
        switch b {
        case .x: return k.x.map(Value.number) ?? .error(EvalError(.xOutsideTable))
        case .asOf: return .date(asOf)
        default: break
        }
        let p = k.grain == .none ? nil : period(k.grain, k.period)
        switch b {
        case .x, .asOf: fatalError("handled above")
        case .periodStart: return p.map { .date($0.firstDay) } ?? .error(EvalError(.noPeriodHere))
        case .periodEnd: return p.map { .date($0.lastDay) } ?? .error(EvalError(.noPeriodHere))
        case .tenure:
            guard k.agent >= 0 else { return noAgent(k) }
            guard let p, let h = agents[k.agent].hired else {
                let name = agents[k.agent].name
                return .error(EvalError(.noHireDate(agent: name)))
            }
            return .number(Fixed(max(0, p.lastMonth.index - h.monthValue.index + 1)))
        case .active:
            guard k.agent >= 0 else { return noAgent(k) }
            guard let p else { return .bool(true) }
            let hired = agents[k.agent].hired, left = agents[k.agent].left
            let hiredOK = hired.map { $0 <= p.lastDay } ?? true
            let leftOK = left.map { $0 >= p.firstDay } ?? true
            return .bool(hiredOK && leftOK)
        case .daysEmployed, .paidDaysEmployed:
            guard k.agent >= 0 else { return noAgent(k) }
            guard let p else { return .error(EvalError(.noPeriodHere)) }
            let e = agents[k.agent].employment(in: p)
            return .number(Fixed(b == .daysEmployed ? e.daysEmployed : e.paidDaysEmployed))
        }
    }

    /// `prorate(amount, how)`: the amount for the part of the period the agent was employed
    /// (document 4 of the seed; `Proration`). An unknown `how` is a `#TYPE` error naming the two ways.
    func prorate(_ args: [CExpr], _ k: Coordinates) -> Value {
        let a = eval(args[0], k), how = eval(args[1], k)
        if case .error = a { return a }
        if case .error = how { return how }
        guard case .number(let amount) = a else {
            return .error(EvalError(.prorateNeedsAmount(a)))
        }
        guard case .text(let word) = how, let basis = Proration(rawValue: word) else {
            return .error(EvalError(.prorateWay(how, ways: Proration.allCases.map(\.rawValue))))
        }
        guard k.agent >= 0 else { return noAgent(k) }
        guard k.grain != .none else { return .error(EvalError(.noPeriodHere)) }
        let e = agents[k.agent].employment(in: period(k.grain, k.period))
        guard let v = basis.prorate(amount, e) else {
            return .error(EvalError(.prorateTooLarge(amount, days: e.daysEmployed)))
        }
        return .number(v)
    }

    func function(_ f: Function, _ args: [CExpr], _ k: Coordinates) -> Value {
        switch f {
        case .iferror:
            let v = eval(args[0], k)
            return v.isError ? eval(args[1], k) : v
        case .ifmissing:
            let v = eval(args[0], k)
            if case .error(let e) = v, e.kind == .missing { return eval(args[1], k) }
            return v
        case .prorate:
            return prorate(args, k)
        case .missing:
            if case .error(let e) = eval(args[0], k) { return e.kind == .missing ? .bool(true) : .error(e) }
            return .bool(false)
        case .error:
            let m = eval(args[0], k)
            if case .error = m { return m }
            return .error(EvalError(.raised(m.displayText)))
        case .monthOf, .yearOf, .dayOf:
            switch eval(args[0], k) {
            case .date(let d): return .number(Fixed(f == .monthOf ? d.month : f == .yearOf ? d.year : d.day))
            case .error(let e): return .error(e)
            default: return .error(EvalError(.needsDate(function: f.rawValue)))
            }
        case .workdaysAfter, .workdaysBetween, .daysBetween:
            let a = eval(args[0], k), b = eval(args[1], k)
            if case .error = a { return a }
            if case .error = b { return b }
            switch (f, a, b) {
            case (.workdaysAfter, .date(let d), .number(let n)):
                guard let days = n.wholeNumber, days >= 0, days < 100_000 else { break }
                guard let after = calendar.workdays(after: d, days) else {
                    if (1...7).allSatisfy(calendar.weekend.contains) {
                        return .error(EvalError(.calendarTooShort(days: days, after: d)))
                    }
                    return .error(EvalError(.workdaysBeyondCalendar(d, days: days)))
                }
                return .date(after)
            case (.workdaysBetween, .date(let d1), .date(let d2)):
                guard abs(d1.ordinal - d2.ordinal) < 1_000_000 else { break }
                return .number(Fixed(calendar.workdays(from: d1, to: d2)))
            case (.daysBetween, .date(let d1), .date(let d2)):
                return .number(Fixed(d2.ordinal - d1.ordinal))
            default: break
            }
            return .error(EvalError(.needsDates(function: f.rawValue)))
        default: break
        }
        // The numeric functions: every argument an amount, read in order, with no array.
        var first = Fixed.zero, second: Fixed? = nil, best = Fixed.zero
        for (i, a) in args.enumerated() {
            switch eval(a, k) {
            case .number(let n):
                if i == 0 { first = n; best = n } else {
                    if i == 1 { second = n }
                    if f == .min ? n < best : n > best { best = n }
                }
            case .error(let e): return .error(e)
            case let other: return .error(EvalError(.needsAmountsNot(function: f.rawValue, other)))
            }
        }
        // A digit count beyond Int's range saturates (it rounds to nothing or everything; never a trap).
        let digits = second.map { Int(clamping: $0.raw / Fixed.scale) }
        switch f {
        case .round: return .number(first.rounded(toDigits: digits ?? 2))
        case .floor: return .number(first.floored(toDigits: digits ?? 0))
        case .ceil: return .number(first.ceiled(toDigits: digits ?? 0))
        case .abs: return .number(first.magnitude)
        case .min, .max: return .number(best)
        case .iferror, .ifmissing, .missing, .error, .prorate, .workdaysAfter, .workdaysBetween, .daysBetween, .monthOf, .yearOf, .dayOf:
            fatalError("handled above")
        }
    }

    /// The outcome of a tier lookup: the value and, for `explain`, the tier hit.
    public struct TierHit {
        public var value: Value
        /// Index of the tier the amount fell in (for `lookup`/`retroactive`), or `nil`.
        public var tier: Int?
        public var thresholds: [Fixed]
        public var amount: Fixed?
    }

    /// Evaluates a tier lookup (see `TableOp`). Amounts below the first
    /// threshold fall in the first tier.
    /// - Complexity: O(log rows) for `lookup`/`retroactive` of a table whose thresholds
    ///   are constants (they are evaluated once per engine and kept); O(rows) for
    ///   `marginal` or thresholds that are formulas.
    public func table(_ op: TableOp, _ name: String, _ sides: TierSides, _ arg: CExpr, _ rows: [CRow], _ k: Coordinates) -> TierHit {
        func fail(_ v: Value) -> TierHit { TierHit(value: v, tier: nil, thresholds: [], amount: nil) }
        let av = eval(arg, k)
        guard case .number(let amount) = av else {
            return fail(av.isError ? av : .error(EvalError(.tableNeedsAmount(function: op.rawValue, table: name))))
        }
        var thresholds: [Fixed] = []
        let key = rows.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        if let c = constantThresholds[key], let t = c.thresholds {
            thresholds = t
        } else {
            for row in rows {
                switch eval(row.threshold, k) {
                case .number(let t):
                    if let last = thresholds.last, t <= last {
                        return fail(.error(EvalError(.thresholdsNotRising(table: name))))
                    }
                    thresholds.append(t)
                case .error(let e): return fail(.error(e))
                default: return fail(.error(EvalError(.thresholdNotAmount(table: name))))
                }
            }
            if constantThresholds[key] == nil {
                let constant = rows.allSatisfy { if case .constant(.number) = $0.threshold { return true } else { return false } }
                constantThresholds[key] = (rows, constant ? thresholds : nil)
            }
        }
        var inner = k; inner.x = amount
        func rowValue(_ i: Int) -> Value { eval(rows[i].value, inner) }
        switch op {
        case .lookup, .retroactive:
            // The last tier whose threshold the amount reaches (binary search; thresholds rise).
            var lo = 0, hi = thresholds.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sides == .lowerInclusive ? thresholds[mid] <= amount : thresholds[mid] < amount { lo = mid + 1 } else { hi = mid }
            }
            let tier = max(0, lo - 1)
            var v = rowValue(tier)
            if op == .retroactive { v = Engine.arithmetic(.multiply, v, .number(amount)) }
            return TierHit(value: v, tier: tier, thresholds: thresholds, amount: amount)
        case .marginal:
            var total = Fixed.zero
            for i in thresholds.indices where thresholds[i] < amount {
                let upper = i + 1 < thresholds.count ? min(amount, thresholds[i + 1]) : amount
                guard let slice = Fixed.checkedSubtract(upper, thresholds[i]) else {
                    return fail(.error(EvalError(.tierTooWide(table: name, from: thresholds[i], to: upper))))
                }
                let part = Engine.arithmetic(.multiply, rowValue(i), .number(slice))
                let sum = Engine.arithmetic(.add, .number(total), part)
                guard case .number(let s) = sum else { return fail(sum) }
                total = s
            }
            return TierHit(value: .number(total), tier: nil, thresholds: thresholds, amount: amount)
        }
    }
}
