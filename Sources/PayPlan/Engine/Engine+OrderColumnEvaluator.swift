/// Order rules computed column-wise: a full compute evaluates an order rule's formula
/// over runs of up to `BlockColumns.capacity` consecutive orders, one formula node at a
/// time, each node producing a column of lanes (one lane an order), instead of walking
/// the formula's tree once per order (23 order rules × a million orders in plan C).
///
/// A lane is an amount (`Fixed.raw`), a flag, a date (its `Day.ordinal`), a text (the
/// number of an interned text: `OrderColumns`' texts, or one of the run's own for a text
/// no order holds), or *bail*: anything else (an error value, an overflow, a division by
/// zero, a type mismatch, a date off the calendar). A lane whose result bails is computed
/// again by the tree walk (`computeFormula`), so every error value, its message and its
/// origin are the tree walk's, and the fast lanes apply the very operations the tree
/// walk applies (`Fixed.checked…`, `Day.adding(days:)`, the calendar's working days).
///
/// Nodes with a column form here: constants, order fields (typed columns: no lookup by name,
/// no `Value` per order), the order's own date, `as_of`, references to the same order's
/// rules and to parameters, `not`, `-`, arithmetic on amounts and dates, comparisons of
/// amounts, dates, flags and texts, `and`/`or`/`if` (a branch no lane takes is not
/// evaluated), `round`/`floor`/`ceil`/`abs`/`min`/`max`, `missing`, `days_between`,
/// `workdays_after`, `month_of`/`year_of`/`day_of`. Anything else (attributes, references
/// to an agent's figures, tables, shares, other built-ins) is evaluated lane by lane by the
/// tree walk for that node alone.
extension Engine {
    /// Lane tags of an order run (a superset of the block evaluator's number and flag).
    static let orderLaneNumber: UInt8 = 0, orderLaneFlag: UInt8 = 1, orderLaneDate: UInt8 = 2, orderLaneText: UInt8 = 3,
               orderLaneBail: UInt8 = 4

    /// Computes every cell of order rule `r`, whose formula is `e`, run by run through `columns`.
    ///
    /// - Complexity: O(orders × formula size); a lane that bails costs one tree walk more.
    func computeOrderRule(_ r: Int, _ e: CExpr, _ columns: BlockColumns) {
        let first = offsets[r], count = offsets[r + 1] - first
        let run = OrderRun(columns: columns, texts: orderColumns)
        var start = 0
        while start < count {
            run.first = start; run.count = min(columns.capacity, count - start)
            let out = columns.push()
            orderColumn(e, run, out)
            let raw = columns.raw(out), tag = columns.tag(out)
            var bailed = false
            values.withUnsafeMutableBufferPointer { vb in
                for i in 0..<run.count {
                    let c = first + start + i
                    switch tag[i] {
                    case Engine.orderLaneNumber: vb[c] = .number(Fixed(raw: raw[i]))
                    case Engine.orderLaneFlag: vb[c] = .bool(raw[i] != 0)
                    case Engine.orderLaneDate: vb[c] = .date(Day(ordinal: Int(truncatingIfNeeded: raw[i])))
                    case Engine.orderLaneText: vb[c] = .text(run.text(Int(truncatingIfNeeded: raw[i])))
                    default: bailed = true
                    }
                }
            }
            if bailed {
                for i in 0..<run.count where tag[i] == Engine.orderLaneBail {
                    values[first + start + i] = computeFormula(first + start + i, e, orderCoordinates(start + i))
                }
            }
            columns.pop()
            start += run.count
        }
    }

    /// Stores `v` in lane `i` of an order column: an amount, a flag, a date's ordinal, a text's number, or bail.
    @inline(__always) private func storeOrderLane(_ v: Value, _ run: OrderRun, _ raw: UnsafeMutablePointer<Int128>,
                                                  _ tag: UnsafeMutablePointer<UInt8>, _ i: Int) {
        switch v {
        case .number(let n): raw[i] = n.raw; tag[i] = Engine.orderLaneNumber
        case .bool(let f): raw[i] = f ? 1 : 0; tag[i] = Engine.orderLaneFlag
        case .date(let d): raw[i] = Int128(d.ordinal); tag[i] = Engine.orderLaneDate
        case .text(let s): raw[i] = Int128(run.number(of: s)); tag[i] = Engine.orderLaneText
        default: tag[i] = Engine.orderLaneBail
        }
    }

    /// `e` evaluated node by node over the orders of `run` into column `out`.
    ///
    /// - Complexity: O(lanes × expression size).
    private func orderColumn(_ e: CExpr, _ run: OrderRun, _ out: Int) {
        let b = run.columns, n = run.count, o0 = run.first
        let raw = b.raw(out), tag = b.tag(out)
        switch e {
        case .constant(let v):
            storeOrderLane(v, run, raw, tag, 0)
            raw.update(repeating: raw[0], count: n); tag.update(repeating: tag[0], count: n)
        case .ref(let r, let shift):
            let d = plan.rules[r].dimension
            values.withUnsafeBufferPointer { vb in
                if d.perOrder {
                    let first = offsets[r] + o0
                    for i in 0..<n { storeOrderLane(vb[first + i], run, raw, tag, i) }
                } else if !d.perAgent && d.grain == .none {
                    storeOrderLane(vb[offsets[r]], run, raw, tag, 0)
                    raw.update(repeating: raw[0], count: n); tag.update(repeating: tag[0], count: n)
                } else {
                    for i in 0..<n {
                        if let c = mapRef(r, shift, orderCoordinates(o0 + i)) { storeOrderLane(vb[c], run, raw, tag, i) }
                        else if shift != 0 { raw[i] = 0; tag[i] = Engine.orderLaneNumber }
                        else { tag[i] = Engine.orderLaneBail }
                    }
                }
            }
        case .orderField(_, let column, let d) where column >= 0 || column == OrderColumns.dateColumn:
            if column == OrderColumns.dateColumn {
                orderColumns.dates.withUnsafeBufferPointer { db in
                    for i in 0..<n { raw[i] = Int128(db[o0 + i]); tag[i] = Engine.orderLaneDate }
                }
                return
            }
            let tags = orderColumns.columns[column].tags, payload = orderColumns.columns[column].payload
            for i in 0..<n {
                let p = payload[o0 + i]
                switch tags[o0 + i] {
                case .number: raw[i] = p; tag[i] = Engine.orderLaneNumber
                case .flag: raw[i] = p; tag[i] = Engine.orderLaneFlag
                case .text: raw[i] = p; tag[i] = Engine.orderLaneText
                case .date: raw[i] = p; tag[i] = Engine.orderLaneDate  // held as its ordinal
                case .none:
                    // The plan's default, evaluated for this order; none: the tree walk's #MISSING.
                    if let d { storeOrderLane(eval(d, orderCoordinates(o0 + i)), run, raw, tag, i) } else { tag[i] = Engine.orderLaneBail }
                }
            }
        case .builtin(.asOf):
            raw.update(repeating: Int128(asOf.ordinal), count: n); tag.update(repeating: Engine.orderLaneDate, count: n)
        case .negate(let a):
            orderColumn(a, run, out)
            for i in 0..<n {
                if tag[i] == Engine.orderLaneNumber { raw[i] = -raw[i] } else { tag[i] = Engine.orderLaneBail }
            }
        case .not(let a):
            orderColumn(a, run, out)
            for i in 0..<n {
                if tag[i] == Engine.orderLaneFlag { raw[i] ^= 1 } else { tag[i] = Engine.orderLaneBail }
            }
        case .arithmetic(let op, let x, let y):
            orderColumn(x, run, out)
            let s = b.push(); defer { b.pop() }
            orderColumn(y, run, s)
            let yr = b.raw(s), yt = b.tag(s)
            for i in 0..<n {
                let xt = tag[i], t = yt[i]
                if xt == Engine.orderLaneNumber && t == Engine.orderLaneNumber {
                    let u = Fixed(raw: raw[i]), v = Fixed(raw: yr[i])
                    let result: Fixed?
                    switch op {
                    case .add: result = Fixed.checkedAdd(u, v)
                    case .subtract: result = Fixed.checkedSubtract(u, v)
                    case .multiply: result = Fixed.checkedMultiply(u, v)
                    case .divide: result = v.isZero ? nil : Fixed.checkedDivide(u, v)
                    }
                    if let result { raw[i] = result.raw } else { tag[i] = Engine.orderLaneBail }
                    continue
                }
                // Dates as `Engine.arithmetic` takes them: date ± whole days, days + date, date − date.
                switch (op, xt, t) {
                case (.add, Engine.orderLaneDate, Engine.orderLaneNumber), (.add, Engine.orderLaneNumber, Engine.orderLaneDate),
                     (.subtract, Engine.orderLaneDate, Engine.orderLaneNumber):
                    let dayOrdinal = xt == Engine.orderLaneDate ? raw[i] : yr[i], amount = xt == Engine.orderLaneDate ? yr[i] : raw[i]
                    guard let days = Fixed(raw: amount).wholeNumber, op == .add || days != .min,
                          let moved = Engine.movedOrdinal(Int(truncatingIfNeeded: dayOrdinal), op == .add ? days : -days) else {
                        tag[i] = Engine.orderLaneBail; continue
                    }
                    raw[i] = Int128(moved); tag[i] = Engine.orderLaneDate
                case (.subtract, Engine.orderLaneDate, Engine.orderLaneDate):
                    raw[i] = Fixed(Int(truncatingIfNeeded: raw[i] - yr[i])).raw; tag[i] = Engine.orderLaneNumber
                default:
                    tag[i] = Engine.orderLaneBail
                }
            }
        case .compare(let op, let x, let y):
            orderColumn(x, run, out)
            let s = b.push(); defer { b.pop() }
            orderColumn(y, run, s)
            let yr = b.raw(s), yt = b.tag(s)
            let equality = op == .eq || op == .ne
            for i in 0..<n {
                let t = tag[i]
                // Amounts and dates in any order; flags and texts only for (in)equality; as `Engine.compare`.
                guard t != Engine.orderLaneBail, t == yt[i], t == Engine.orderLaneNumber || t == Engine.orderLaneDate || equality else {
                    tag[i] = Engine.orderLaneBail; continue
                }
                let u = raw[i], v = yr[i]
                let result: Bool
                switch op {
                case .eq: result = u == v
                case .ne: result = u != v
                case .lt: result = u < v
                case .le: result = u <= v
                case .gt: result = u > v
                case .ge: result = u >= v
                }
                raw[i] = result ? 1 : 0; tag[i] = Engine.orderLaneFlag
            }
        case .and(let x, let y), .or(let x, let y):
            let isAnd: Bool
            if case .and = e { isAnd = true } else { isAnd = false }
            let decided: Int128 = isAnd ? 0 : 1
            orderColumn(x, run, out)
            var needsRight = false
            for i in 0..<n where tag[i] == Engine.orderLaneFlag && raw[i] != decided { needsRight = true; break }
            guard needsRight else {
                for i in 0..<n where tag[i] != Engine.orderLaneFlag { tag[i] = Engine.orderLaneBail }
                return
            }
            let s = b.push(); defer { b.pop() }
            orderColumn(y, run, s)
            let yr = b.raw(s), yt = b.tag(s)
            for i in 0..<n {
                guard tag[i] == Engine.orderLaneFlag else { tag[i] = Engine.orderLaneBail; continue }
                if raw[i] == decided { continue }
                if yt[i] == Engine.orderLaneFlag { raw[i] = yr[i] } else { tag[i] = Engine.orderLaneBail }
            }
        case .ifThen(let c, let x, let y):
            orderColumn(c, run, out)
            var anyTrue = false, anyFalse = false
            for i in 0..<n where tag[i] == Engine.orderLaneFlag {
                if raw[i] != 0 { anyTrue = true } else { anyFalse = true }
                if anyTrue && anyFalse { break }
            }
            let st = b.push(), sf = b.push(); defer { b.pop(); b.pop() }
            if anyTrue { orderColumn(x, run, st) }
            if anyFalse { orderColumn(y, run, sf) }
            let tr = b.raw(st), tt = b.tag(st), fr = b.raw(sf), ft = b.tag(sf)
            for i in 0..<n {
                guard tag[i] == Engine.orderLaneFlag else { tag[i] = Engine.orderLaneBail; continue }
                if raw[i] != 0 { raw[i] = tr[i]; tag[i] = tt[i] } else { raw[i] = fr[i]; tag[i] = ft[i] }
            }
        case .function(let f, let args):
            orderFunction(f, args, e, run, out)
        default:
            orderGeneric(e, run, out)
        }
    }

    /// A function over the lanes of `run` into column `out` (`e` is the node, for the tree walk).
    private func orderFunction(_ f: Function, _ args: [CExpr], _ e: CExpr, _ run: OrderRun, _ out: Int) {
        let b = run.columns, n = run.count
        let raw = b.raw(out), tag = b.tag(out)
        switch f {
        case .missing where args.count == 1:
            // `missing(field)`: yes where the order holds none and the plan gives no default.
            if case .orderField(_, let column, nil) = args[0], column >= 0 {
                let tags = orderColumns.columns[column].tags, o0 = run.first
                for i in 0..<n { raw[i] = tags[o0 + i] == .none ? 1 : 0; tag[i] = Engine.orderLaneFlag }
                return
            }
            // `missing(agent)` (plan A's silent orders, 闷拍): yes where the order is credited to nobody, as the tree
            // walk's #MISSING says; read off the orders, not through the agent's name as a text per lane.
            if case .orderField(_, OrderColumns.agentColumn, nil) = args[0] {
                let o0 = run.first
                orders.withUnsafeBufferPointer { ob in
                    for i in 0..<n { raw[i] = ob[o0 + i].agent == nil ? 1 : 0; tag[i] = Engine.orderLaneFlag }
                }
                return
            }
            // Anything that is a value is not missing; an error is the tree walk's to tell apart.
            orderColumn(args[0], run, out)
            for i in 0..<n {
                if tag[i] == Engine.orderLaneBail { continue }
                raw[i] = 0; tag[i] = Engine.orderLaneFlag
            }
        case .round, .floor, .ceil, .abs, .min, .max:
            guard !args.isEmpty else { orderGeneric(e, run, out); return }
            // Every argument an amount, as the tree walk reads them; the second is the digits of a rounding.
            orderColumn(args[0], run, out)
            for i in 0..<n where tag[i] != Engine.orderLaneNumber { tag[i] = Engine.orderLaneBail }
            let s = b.push(), sd = b.push(); defer { b.pop(); b.pop() }
            let ar = b.raw(s), at = b.tag(s), dr = b.raw(sd)
            for j in args.indices.dropFirst() {
                orderColumn(args[j], run, s)
                for i in 0..<n {
                    guard tag[i] == Engine.orderLaneNumber, at[i] == Engine.orderLaneNumber else { tag[i] = Engine.orderLaneBail; continue }
                    if j == 1 { dr[i] = ar[i] }
                    if f == .min ? ar[i] < raw[i] : f == .max ? ar[i] > raw[i] : false { raw[i] = ar[i] }
                }
            }
            guard f == .round || f == .floor || f == .ceil || f == .abs else { return }
            for i in 0..<n where tag[i] == Engine.orderLaneNumber {
                let x = Fixed(raw: raw[i])
                let digits: Int? = args.count > 1 ? Int(clamping: dr[i] / Fixed.scale) : nil
                switch f {
                case .round: raw[i] = x.rounded(toDigits: digits ?? 2).raw
                case .floor: raw[i] = x.floored(toDigits: digits ?? 0).raw
                case .ceil: raw[i] = x.ceiled(toDigits: digits ?? 0).raw
                default: raw[i] = x.magnitude.raw
                }
            }
        case .daysBetween where args.count == 2, .workdaysAfter where args.count == 2:
            orderColumn(args[0], run, out)
            let s = b.push(); defer { b.pop() }
            orderColumn(args[1], run, s)
            let yr = b.raw(s), yt = b.tag(s)
            for i in 0..<n {
                if f == .daysBetween {
                    guard tag[i] == Engine.orderLaneDate, yt[i] == Engine.orderLaneDate else { tag[i] = Engine.orderLaneBail; continue }
                    raw[i] = Fixed(Int(truncatingIfNeeded: yr[i] - raw[i])).raw; tag[i] = Engine.orderLaneNumber
                    continue
                }
                guard tag[i] == Engine.orderLaneDate, yt[i] == Engine.orderLaneNumber,
                      let days = Fixed(raw: yr[i]).wholeNumber, days >= 0, days < 100_000 else {
                    tag[i] = Engine.orderLaneBail; continue
                }
                // Orders share their dates: each (date, days) is worked out once a rule (the calendar's
                // bisection made most of plan C's `due`).
                let from = Int(truncatingIfNeeded: raw[i]), key = from &* 131_072 &+ days
                let after: Int
                if let known = run.workdays[key] { after = known } else {
                    after = calendar.workdays(after: Day(ordinal: from), days)?.ordinal ?? Int.min
                    run.workdays[key] = after
                }
                guard after != Int.min else { tag[i] = Engine.orderLaneBail; continue }
                raw[i] = Int128(after); tag[i] = Engine.orderLaneDate
            }
        case .monthOf where args.count == 1, .yearOf where args.count == 1, .dayOf where args.count == 1:
            orderColumn(args[0], run, out)
            for i in 0..<n {
                guard tag[i] == Engine.orderLaneDate else { tag[i] = Engine.orderLaneBail; continue }
                let d = Day(ordinal: Int(truncatingIfNeeded: raw[i]))
                raw[i] = Fixed(f == .monthOf ? d.month : f == .yearOf ? d.year : d.day).raw; tag[i] = Engine.orderLaneNumber
            }
        default:
            orderGeneric(e, run, out)
        }
    }

    /// `e` evaluated by the tree walk order by order, for a node with no column form.
    private func orderGeneric(_ e: CExpr, _ run: OrderRun, _ out: Int) {
        let raw = run.columns.raw(out), tag = run.columns.tag(out)
        for i in 0..<run.count { storeOrderLane(eval(e, orderCoordinates(run.first + i)), run, raw, tag, i) }
    }

    /// `sum` or `count` of `value` over the orders `list` that pass `filter`, read straight from
    /// the order rules' cells and the orders' typed columns, as `aggregate` (the accumulator) gives
    /// it; `nil` when the aggregation is of another shape, or an order's value or filter is not what
    /// the accumulator takes without an error (the caller then aggregates by the tree walk, which
    /// words the error). Shapes: `filter` none, an order rule (`where counted`) or `not` one;
    /// `value` none (a count), an order rule, or an order field (with a constant default or none).
    ///
    /// - Complexity: O(orders in `list`), no `Value` made per order.
    func orderAggregateOverColumns(_ op: AggregateOp, _ value: CExpr?, _ filter: CExpr?, _ list: [Int32]) -> Value? {
        guard op == .sum || op == .count else { return nil }
        // The filter: an order rule's cell, negated or not.
        var filterFirst = -1, negated = false
        switch filter {
        case nil: break
        case .ref(let r, _)?: guard plan.rules[r].dimension.perOrder else { return nil }; filterFirst = offsets[r]
        case .not(.ref(let r, _))?: guard plan.rules[r].dimension.perOrder else { return nil }; filterFirst = offsets[r]; negated = true
        default: return nil
        }
        // The value: an order rule's cell, or a field's column.
        var valueFirst = -1, column = -1, fallback: Value? = nil
        switch value {
        case nil: guard op == .count else { return nil }
        case .ref(let r, _)?: guard plan.rules[r].dimension.perOrder else { return nil }; valueFirst = offsets[r]
        case .orderField(_, let c, let d)?:
            guard c >= 0 else { return nil }
            column = c
            if let d { guard case .constant(let v) = d else { return nil }; fallback = v }
        default: return nil
        }
        var sum = Fixed.zero, count = 0
        let ok: Bool = values.withUnsafeBufferPointer { vb in
            for o32 in list {
                let o = Int(o32)
                if filterFirst >= 0 {
                    guard case .bool(let pass) = vb[filterFirst + o] else { return false }
                    if pass == negated { continue }
                }
                var v: Value
                if valueFirst >= 0 {
                    v = vb[valueFirst + o]
                } else if column >= 0 {
                    let p = orderColumns.columns[column].payload[o]
                    switch orderColumns.columns[column].tags[o] {
                    case .number: v = .number(Fixed(raw: p))
                    case .flag: v = .bool(p != 0)
                    case .none: guard let fallback else { return false }; v = fallback
                    case .date, .text: return false
                    }
                } else {
                    count += 1; continue
                }
                switch v {
                case .number(let n):
                    if op == .count { if !n.isZero { count += 1 }; continue }
                    guard let s = Fixed.checkedAdd(sum, n) else { return false }
                    sum = s
                case .bool(let f):
                    if op == .count { if f { count += 1 }; continue }
                    if f { guard let s = Fixed.checkedAdd(sum, Fixed.one) else { return false }; sum = s }
                default:
                    return false
                }
            }
            return true
        }
        guard ok else { return nil }
        return op == .count ? .number(Fixed(count)) : .number(sum)
    }

    /// The ordinal of the day `days` after the day of ordinal `o`, or `nil` off 0001-01-01 … 9999-12-31
    /// (as `Day.adding(days:)`).
    static func movedOrdinal(_ o: Int, _ days: Int) -> Int? {
        let (m, overflow) = o.addingReportingOverflow(days)
        guard !overflow, m >= Day.firstOrdinal, m <= Day.lastOrdinal else { return nil }
        return m
    }
}

/// A run of consecutive orders being evaluated column-wise (`Engine.computeOrderRule`): the first
/// order and how many, the column stack, and the texts lanes name by number.
final class OrderRun {
    let columns: BlockColumns
    var first = 0, count = 0
    /// The orders' interned texts (numbers ≥ 0).
    private let interned: OrderColumns
    /// `workdays_after(date, days)` worked out in this run's rule, by `date.ordinal × 2¹⁷ + days`
    /// (`Int.min`: none, the tree walk's error).
    var workdays: [Int: Int] = [:]
    /// Texts no order holds (a constant, an agent's name), numbered −1, −2, … for this compute.
    private var own: [String] = [], ownNumbers: [String: Int] = [:]

    init(columns: BlockColumns, texts: OrderColumns) { self.columns = columns; self.interned = texts }

    /// The number of text `s`: the orders' own when an order holds it, else one of the run's (equal texts, equal numbers).
    ///
    /// - Complexity: O(length of `s`) (two hash lookups at most).
    func number(of s: String) -> Int {
        if let k = interned.number(ofText: s) { return k }
        if let k = ownNumbers[s] { return k }
        own.append(s); ownNumbers[s] = -own.count
        return -own.count
    }

    /// The text numbered `k`.
    func text(_ k: Int) -> String { k >= 0 ? interned.texts[k] : own[-k - 1] }
}
