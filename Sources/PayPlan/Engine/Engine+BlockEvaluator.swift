/// The block evaluator: a full compute evaluates a rule's formula over a run of
/// its cells (up to `BlockColumns.capacity` lanes: agents × periods of its block,
/// or every agent at one period of a `periodByPeriod` step) one formula node at a
/// time, each node producing a column of lanes. The dispatch over the node kind is
/// paid once per node and run of lanes, not once per cell, and the lanes hold raw
/// amounts (`Fixed.raw`) and flags, with no `Value` made, copied or released
/// until the rule's results are stored.
///
/// A lane is a number, a flag, or *bail*: anything else (an error value, a date, a
/// text, an overflow, a division by zero, a type mismatch). A lane whose result
/// bails is computed again by the tree-walking evaluator (`Engine+Evaluator`),
/// so every error value, its message and its origin are exactly the ones a cell
/// by cell compute gives, and the fast lanes apply the very operations the tree
/// walk applies (`Fixed.checked…`, the same rounding and tier search). A sum or
/// count over orders is 0 in a lane with no orders booked, as the tree walk's; an
/// aggregation over periods evaluates its members a sub-period at a time for every lane.
/// Nodes without a column form here (order fields and other aggregations over orders, built-ins,
/// attributes, ranks, `prorate`, `iferror`, text
/// comparisons, marginal tables) are evaluated lane by lane by the tree walk for
/// that node alone. A branch of `if` (or the right side of `and`/`or`) that no
/// lane takes is not evaluated; one that some lanes take is evaluated for all,
/// and what the other lanes get from it is dropped, as the tree walk never sees
/// it (the evaluator has no side effects).
extension Engine {
    /// Lane tags of a block column.
    @usableFromInline static let laneNumber: UInt8 = 0, laneFlag: UInt8 = 1, laneBail: UInt8 = 2

    /// Computes the cells of rule `r` (of kind `kind`, grain `grain`) for `agents` × `periods`,
    /// agent-major, through block columns; a kind with no formula to evaluate lane-wise
    /// (aggregations over agents, rankings, allocations) is computed cell by cell.
    ///
    /// - Complexity: O(cells × formula size), times the members of any aggregation in it.
    func computeBlockwise(_ r: Int, _ kind: RuleKind, grain: Grain, agents: Range<Int>, periods: Range<Int>, _ b: BlockColumns) {
        let first = offsets[r], n = periodCount(grain)
        switch kind {
        case .formula, .parameter, .input: break
        default:
            for a in agents {
                for p in periods {
                    let c = first + a * n + p
                    values[c] = compute(c, r, Coordinates(agent: a, grain: grain, period: p), kind)
                }
            }
            return
        }
        b.grain = grain; b.count = 0
        // Every lane of these runs lies within `agents` × `periods` (references read by index alone).
        b.laneBounds = (agents, periods)
        defer { b.laneBounds = nil }
        // The lanes are gathered through local pointers and a local count (the columns' own
        // properties are class storage, read and written back on every lane otherwise).
        let agent = b.agent, period = b.period, cell = b.cell, capacity = b.capacity
        var i = 0
        for a in agents {
            let row = first + a * n
            for p in periods {
                agent[i] = a; period[i] = p; cell[i] = row &+ p
                i &+= 1
                if i == capacity { b.count = i; flush(r, kind, b); i = 0 }
            }
        }
        b.count = i
        if i > 0 { flush(r, kind, b) }
    }

    /// Computes the cells `cells` of rule `r` (of kind `kind`, grain `grain`), given by their
    /// index in the rule's block (agent × periods + period), through block columns as
    /// `computeBlockwise` does: a rule edit computes again only the cells downstream of a change
    /// (`Engine+RuleRecompute`). The cells must read none of each other.
    ///
    /// - Complexity: O(cells × formula size), times the members of any aggregation in it.
    func computeCells(_ r: Int, _ kind: RuleKind, grain: Grain, cells: [Int], _ b: BlockColumns) {
        let first = offsets[r], n = periodCount(grain)
        switch kind {
        case .formula, .parameter, .input: break
        default:
            for l in cells {
                values[first + l] = compute(first + l, r, Coordinates(agent: l / n, grain: grain, period: l % n), kind)
            }
            return
        }
        b.grain = grain; b.count = 0
        for l in cells {
            let i = b.count
            b.agent[i] = l / n; b.period[i] = l % n; b.cell[i] = first + l
            b.count = i + 1
            if b.count == b.capacity { flush(r, kind, b); b.count = 0 }
        }
        if b.count > 0 { flush(r, kind, b) }
    }

    /// Evaluates the lanes gathered in `b` for rule `r` and stores their values: a full compute's runs,
    /// a rule edit's (`computeCells`) and an appended agent's (`Engine+AppendedChunk`).
    /// - Complexity: O(lanes × formula size).
    func flush(_ r: Int, _ kind: RuleKind, _ b: BlockColumns) {
        let out = b.push()
        defer { b.pop() }
        let raw = b.raw(out), tag = b.tag(out)
        #if DEBUG
        defer {
            let bailed = (0..<b.count).filter { tag[$0] == Engine.laneBail }.count
            _blockLanes.fast += b.count - bailed; _blockLanes.bailed += bailed
        }
        #endif
        switch kind {
        case .formula(let e), .parameter(let e):
            evalColumn(e, b, out)
            // The run's cells read none of each other: the fast lanes are stored first, through one buffer.
            var bailed = false
            values.withUnsafeMutableBufferPointer { vb in
                for i in 0..<b.count {
                    switch tag[i] {
                    case Engine.laneNumber: vb[b.cell[i]] = .number(Fixed(raw: raw[i]))
                    case Engine.laneFlag: vb[b.cell[i]] = .bool(raw[i] != 0)
                    default: bailed = true
                    }
                }
            }
            guard bailed else { return }
            for i in 0..<b.count where tag[i] == Engine.laneBail {
                values[b.cell[i]] = computeFormula(b.cell[i], e, b.coordinates(i))
            }
        case .input(let def):
            if let def { evalColumn(def, b, out) } else { tag.update(repeating: Engine.laneBail, count: b.count) }
            for i in 0..<b.count {
                let c = b.cell[i]
                if let s = stored[c] { values[c] = .number(s); continue }
                switch tag[i] {
                case Engine.laneNumber: values[c] = .number(Fixed(raw: raw[i]))
                case Engine.laneFlag: values[c] = .bool(raw[i] != 0)
                default: values[c] = compute(c, r, b.coordinates(i), kind)
                }
            }
        default:
            fatalError("computeBlockwise computes other kinds cell by cell")
        }
    }

    /// Stores `v` in lane `i` of a column: its raw amount or flag, or bail.
    @inline(__always) private static func store(_ v: Value, _ raw: UnsafeMutablePointer<Int128>, _ tag: UnsafeMutablePointer<UInt8>, _ i: Int) {
        switch v {
        case .number(let n): raw[i] = n.raw; tag[i] = laneNumber
        case .bool(let f): raw[i] = f ? 1 : 0; tag[i] = laneFlag
        default: tag[i] = laneBail
        }
    }

    /// Lane `i` of a reference to rule `r` moved `shift` periods, through `mapRef`: the cell it
    /// reads, 0 for a period moved outside the years, or bail (the tree walk words the error).
    @inline(never) private func refLane(_ r: Int, _ shift: Int, _ b: BlockColumns, _ i: Int, _ vb: UnsafeBufferPointer<Value>,
                                        _ raw: UnsafeMutablePointer<Int128>, _ tag: UnsafeMutablePointer<UInt8>) {
        if let c = mapRef(r, shift, b.coordinates(i)) {
            Engine.store(vb[c], raw, tag, i)
        } else if shift != 0 {
            raw[i] = 0; tag[i] = Engine.laneNumber
        } else {
            tag[i] = Engine.laneBail
        }
    }

    /// `e` evaluated node by node over the lanes of `b` into column `out`.
    ///
    /// - Complexity: O(lanes × expression size), times the members of any aggregation in it.
    func evalColumn(_ e: CExpr, _ b: BlockColumns, _ out: Int) {
        let n = b.count, raw = b.raw(out), tag = b.tag(out)
        switch e {
        case .constant(let v):
            switch v {
            case .number(let x): raw.update(repeating: x.raw, count: n); tag.update(repeating: Engine.laneNumber, count: n)
            case .bool(let f): raw.update(repeating: f ? 1 : 0, count: n); tag.update(repeating: Engine.laneFlag, count: n)
            default: tag.update(repeating: Engine.laneBail, count: n)
            }
        case .ref(let r, let shift):
            let d = plan.rules[r].dimension
            if d.perOrder { generic(e, b, out); return }
            values.withUnsafeBufferPointer { vb in
                if !d.perAgent && d.grain == .none {
                    // A team figure of no period (a `param`): one cell for every lane.
                    Engine.store(vb[offsets[r]], raw, tag, 0)
                    raw.update(repeating: raw[0], count: n); tag.update(repeating: tag[0], count: n)
                    return
                }
                let periods = periodCount(d.grain), first = offsets[r], base = appended.baseAgentCount
                // An agent's own figure of this grain or a coarser one (`x`, `prev(x)`, a month reading its
                // year's figure): lane period p reads the source's period p ÷ ratio + shift, as `mapRef` finds
                // it, by index arithmetic alone (no `Coordinates`, no grain switch, no overflow checks: every
                // index is within the block). Other lanes (agents appended in place, periods outside the
                // years) and other references go through `refLane`.
                let ratio = d.perAgent && b.grain != .none && d.grain != .none && d.grain.months % b.grain.months == 0
                    ? d.grain.months / b.grain.months : 0
                guard ratio > 0, let src = vb.baseAddress.map({ $0 + first }) else {
                    for i in 0..<n { refLane(r, shift, b, i, vb, raw, tag) }
                    return
                }
                let agent = b.agent, period = b.period
                // Every lane within the block (the run's bounds, known for a full compute's runs): no lane
                // needs its own check, and none goes to `refLane`.
                if let bounds = b.laneBounds, bounds.agents.lowerBound >= 0, bounds.agents.upperBound <= base,
                   bounds.periods.lowerBound >= 0, !bounds.periods.isEmpty,
                   bounds.periods.lowerBound / ratio &+ shift >= 0, (bounds.periods.upperBound - 1) / ratio &+ shift < periods {
                    if ratio == 1 {
                        for i in 0..<n { Engine.store(src[agent[i] &* periods &+ period[i] &+ shift], raw, tag, i) }
                    } else {
                        for i in 0..<n { Engine.store(src[agent[i] &* periods &+ period[i] / ratio &+ shift], raw, tag, i) }
                    }
                    return
                }
                if ratio == 1 {
                    for i in 0..<n {
                        let a = agent[i], q = period[i] &+ shift
                        if a >= 0 && a < base && q >= 0 && q < periods {
                            Engine.store(src[a &* periods &+ q], raw, tag, i)
                        } else {
                            refLane(r, shift, b, i, vb, raw, tag)
                        }
                    }
                } else {
                    for i in 0..<n {
                        let a = agent[i], p = period[i], q = p / ratio &+ shift
                        if a >= 0 && a < base && p >= 0 && q >= 0 && q < periods {
                            Engine.store(src[a &* periods &+ q], raw, tag, i)
                        } else {
                            refLane(r, shift, b, i, vb, raw, tag)
                        }
                    }
                }
            }
        case .paid(let r):
            let perAgent = plan.rules[r].dimension.perAgent
            values.withUnsafeBufferPointer { vb in
                for i in 0..<n {
                    let k = b.coordinates(i)
                    if perAgent && k.agent < 0 { tag[i] = Engine.laneBail; continue }
                    if let c = paidCell(r, k) { Engine.store(vb[c], raw, tag, i) } else { raw[i] = 0; tag[i] = Engine.laneNumber }
                }
            }
        case .teamAggregate(let r):
            values.withUnsafeBufferPointer { vb in
                for i in 0..<n {
                    if let c = mapRef(r, 0, b.coordinates(i)) { Engine.store(vb[c], raw, tag, i) } else { tag[i] = Engine.laneBail }
                }
            }
        case .negate(let a):
            evalColumn(a, b, out)
            for i in 0..<n {
                if tag[i] == Engine.laneNumber { raw[i] = -raw[i] } else { tag[i] = Engine.laneBail }
            }
        case .not(let a):
            evalColumn(a, b, out)
            for i in 0..<n {
                if tag[i] == Engine.laneFlag { raw[i] ^= 1 } else { tag[i] = Engine.laneBail }
            }
        case .arithmetic(let op, let x, let y):
            evalColumn(x, b, out)
            let s = b.push(); defer { b.pop() }
            evalColumn(y, b, s)
            let yr = b.raw(s), yt = b.tag(s)
            if op == .add || op == .subtract {
                // `Fixed.checkedAdd` / `checkedSubtract` in the loop itself: the raw sum or difference, which
                // bails on an Int128 overflow or outside ±10²⁶ (a call per lane before).
                let add = op == .add, limit = Fixed.maxRaw
                for i in 0..<n {
                    guard tag[i] == Engine.laneNumber, yt[i] == Engine.laneNumber else { tag[i] = Engine.laneBail; continue }
                    let (t, o) = add ? raw[i].addingReportingOverflow(yr[i]) : raw[i].subtractingReportingOverflow(yr[i])
                    if o || t > limit || t < -limit { tag[i] = Engine.laneBail } else { raw[i] = t }
                }
                return
            }
            for i in 0..<n {
                guard tag[i] == Engine.laneNumber, yt[i] == Engine.laneNumber else { tag[i] = Engine.laneBail; continue }
                let u = Fixed(raw: raw[i]), v = Fixed(raw: yr[i])
                let result: Fixed?
                switch op {
                case .add: result = Fixed.checkedAdd(u, v)
                case .subtract: result = Fixed.checkedSubtract(u, v)
                case .multiply: result = Fixed.checkedMultiply(u, v)
                case .divide: result = v.isZero ? nil : Fixed.checkedDivide(u, v)
                }
                if let result { raw[i] = result.raw } else { tag[i] = Engine.laneBail }
            }
        case .compare(let op, let x, let y):
            if x.isTextConstant || y.isTextConstant { generic(e, b, out); return }
            evalColumn(x, b, out)
            let s = b.push(); defer { b.pop() }
            evalColumn(y, b, s)
            let yr = b.raw(s), yt = b.tag(s)
            let equality = op == .eq || op == .ne
            for i in 0..<n {
                let t = tag[i]
                guard t != Engine.laneBail, t == yt[i], t == Engine.laneNumber || equality else { tag[i] = Engine.laneBail; continue }
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
                raw[i] = result ? 1 : 0; tag[i] = Engine.laneFlag
            }
        case .and(let x, let y), .or(let x, let y):
            // `and`: a false left side is false whatever the right; `or`: a true one is true.
            let isAnd: Bool
            if case .and = e { isAnd = true } else { isAnd = false }
            let decided: Int128 = isAnd ? 0 : 1
            evalColumn(x, b, out)
            var needsRight = false
            for i in 0..<n where tag[i] == Engine.laneFlag && raw[i] != decided { needsRight = true; break }
            guard needsRight else {
                for i in 0..<n where tag[i] != Engine.laneFlag { tag[i] = Engine.laneBail }
                return
            }
            let s = b.push(); defer { b.pop() }
            evalColumn(y, b, s)
            let yr = b.raw(s), yt = b.tag(s)
            for i in 0..<n {
                guard tag[i] == Engine.laneFlag else { tag[i] = Engine.laneBail; continue }
                if raw[i] == decided { continue }
                if yt[i] == Engine.laneFlag { raw[i] = yr[i] } else { tag[i] = Engine.laneBail }
            }
        case .ifThen(let c, let x, let y):
            evalColumn(c, b, out)
            var anyTrue = false, anyFalse = false
            for i in 0..<n where tag[i] == Engine.laneFlag {
                if raw[i] != 0 { anyTrue = true } else { anyFalse = true }
                if anyTrue && anyFalse { break }
            }
            let st = b.push(), sf = b.push(); defer { b.pop(); b.pop() }
            if anyTrue { evalColumn(x, b, st) }
            if anyFalse { evalColumn(y, b, sf) }
            let tr = b.raw(st), tt = b.tag(st), fr = b.raw(sf), ft = b.tag(sf)
            for i in 0..<n {
                guard tag[i] == Engine.laneFlag else { tag[i] = Engine.laneBail; continue }
                if raw[i] != 0 { raw[i] = tr[i]; tag[i] = tt[i] } else { raw[i] = fr[i]; tag[i] = ft[i] }
            }
        case .function(let f, let args) where (f == .monthOf || f == .yearOf || f == .dayOf) && args == [.builtin(.periodStart)]:
            // month_of(period_start) and the like: parts of the period's first day.
            guard b.grain != .none else { generic(e, b, out); return }
            b.preparePeriods(self)
            for i in 0..<n {
                let d = b.firstDay[b.period[i] - b.firstPeriod]
                raw[i] = Fixed(f == .monthOf ? d.month : f == .yearOf ? d.year : d.day).raw; tag[i] = Engine.laneNumber
            }
        case .function(.prorate, let args) where args.count == 2 && b.grain != .none:
            prorateColumn(e, args, b, out)
        case .function(let f, let args):
            switch f {
            case .round, .floor, .ceil, .abs, .min, .max: break
            default: generic(e, b, out); return
            }
            guard !args.isEmpty else { generic(e, b, out); return }
            evalColumn(args[0], b, out)
            if f == .abs {
                for i in 0..<n where tag[i] == Engine.laneNumber { raw[i] = Fixed(raw: raw[i]).magnitude.raw }
                for i in 0..<n where tag[i] != Engine.laneNumber { tag[i] = Engine.laneBail }
                // Further arguments are read (and may fail) but not used.
                if args.count > 1 { restArguments(args, b, out) }
                return
            }
            if f == .min || f == .max {
                let s = b.push(); defer { b.pop() }
                let ar = b.raw(s), at = b.tag(s)
                for j in 1..<args.count {
                    evalColumn(args[j], b, s)
                    for i in 0..<n {
                        guard tag[i] == Engine.laneNumber, at[i] == Engine.laneNumber else { tag[i] = Engine.laneBail; continue }
                        if f == .min ? ar[i] < raw[i] : ar[i] > raw[i] { raw[i] = ar[i] }
                    }
                }
                for i in 0..<n where tag[i] != Engine.laneNumber { tag[i] = Engine.laneBail }
                return
            }
            // round, floor, ceil: the second argument, if any, is the digits (Int(clamping:) as the tree walk).
            var digitRaw: UnsafeMutablePointer<Int128>? = nil
            let s = b.push(); defer { b.pop() }
            if args.count > 1 {
                evalColumn(args[1], b, s)
                let dt = b.tag(s)
                for i in 0..<n where dt[i] != Engine.laneNumber { tag[i] = Engine.laneBail }
                if args.count > 2 { restArguments(Array(args.dropFirst()), b, out) }
                digitRaw = b.raw(s)
            }
            for i in 0..<n {
                guard tag[i] == Engine.laneNumber else { tag[i] = Engine.laneBail; continue }
                let x = Fixed(raw: raw[i])
                // The digits as a whole number (`Int(clamping:)` of the quotient, as the tree walk takes
                // them): a 64-bit division when the raw amount fits in 64 bits (any digit count below 9 million).
                let digits = digitRaw.map { d in
                    let v = d[i]
                    return v >= Int128(Int64.min) && v <= Int128(Int64.max)
                        ? Int(Int64(truncatingIfNeeded: v) / Int64(Fixed.scale)) : Int(clamping: v / Fixed.scale)
                }
                switch f {
                case .round: raw[i] = x.rounded(toDigits: digits ?? 2).raw
                case .floor: raw[i] = x.floored(toDigits: digits ?? 0).raw
                default: raw[i] = x.ceiled(toDigits: digits ?? 0).raw
                }
            }
        case .table(let op, _, let sides, let arg, let rows):
            guard op != .marginal, let thresholds = constantRisingThresholds(rows) else { generic(e, b, out); return }
            evalColumn(arg, b, out)
            for i in 0..<n {
                guard tag[i] == Engine.laneNumber else { tag[i] = Engine.laneBail; continue }
                let amount = Fixed(raw: raw[i])
                // The last tier whose threshold the amount reaches, as `table` finds it.
                var lo = 0, hi = thresholds.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if sides == .lowerInclusive ? thresholds[mid] <= amount : thresholds[mid] < amount { lo = mid + 1 } else { hi = mid }
                }
                let tier = max(0, lo - 1)
                if case .constant(.number(let v)) = rows[tier].value {
                    if op == .retroactive {
                        if let p = Fixed.checkedMultiply(v, amount) { raw[i] = p.raw } else { tag[i] = Engine.laneBail }
                    } else {
                        raw[i] = v.raw
                    }
                    continue
                }
                var inner = b.coordinates(i); inner.x = amount
                var v = eval(rows[tier].value, inner)
                if op == .retroactive { v = Engine.arithmetic(.multiply, v, .number(amount)) }
                Engine.store(v, raw, tag, i)
            }
        case .builtin(let f) where f == .active || f == .tenure:
            guard b.grain != .none else { generic(e, b, out); return }
            b.preparePeriods(self)
            for i in 0..<n {
                let a = b.agent[i], p = b.period[i] - b.firstPeriod
                if f == .active {
                    let hired = agents[a].hired, left = agents[a].left
                    let hiredOK = hired.map { $0 <= b.lastDay[p] } ?? true
                    let leftOK = left.map { $0 >= b.firstDay[p] } ?? true
                    raw[i] = hiredOK && leftOK ? 1 : 0; tag[i] = Engine.laneFlag
                } else if let h = agents[a].hired {
                    raw[i] = Fixed(max(0, b.lastMonth[p] - h.monthValue.index + 1)).raw; tag[i] = Engine.laneNumber
                } else {
                    tag[i] = Engine.laneBail
                }
            }
        case .attribute(_, let d) where d == nil || d!.isConstant:
            // An agent's attribute is the same in every period: read once per agent of the run.
            for i in 0..<n {
                if i > 0 && b.agent[i] == b.agent[i - 1] { raw[i] = raw[i - 1]; tag[i] = tag[i - 1]; continue }
                Engine.store(eval(e, b.coordinates(i)), raw, tag, i)
            }
        case .periodAggregate(let op, let scope, let iteration, let value, let filter)
            where b.grain != .none && b.grain.months <= scope.months && (value != nil || op == .count):
            periodAggregate(op, scope: scope, iteration: iteration, value, filter, b, out)
        case .orderAggregate(let op, _, _, let g, let perAgent) where op == .sum || op == .count:
            // A sum or a count over no orders is 0, as the tree walk's accumulator makes it: a lane
            // whose agent and period have none booked (every lane when there are no orders) takes 0
            // without the tree walk; the others are evaluated by it.
            for i in 0..<n {
                let k = b.coordinates(i)
                if noOrdersBooked(g, k, perAgent: perAgent) { raw[i] = 0; tag[i] = Engine.laneNumber } else { Engine.store(eval(e, k), raw, tag, i) }
            }
        case .at, .attribute, .builtin, .orderField, .orderAggregate, .share, .periodAggregate, .rank:
            generic(e, b, out)
        }
    }

    /// `sum`/`avg`/`min`/`max`/`count(… over quarter|half|year)` over the lanes of `b` into column
    /// `out`: the members (each lane's sub-periods of its `scope`, as `subPeriods` lists them) are
    /// evaluated one sub-period at a time for every lane, through a second set of columns at the
    /// `iteration` grain, and added in the order the tree walk's accumulator adds them, with the
    /// same checked sums. A lane where a member or the filter is not what the accumulator takes
    /// without an error (an error value, a text, an overflow, an average or extreme of nothing)
    /// bails: its cell is computed again by the tree walk.
    ///
    /// - Complexity: O(lanes × members × expression size).
    private func periodAggregate(_ op: AggregateOp, scope: Grain, iteration: Grain, _ value: CExpr?, _ filter: CExpr?,
                                 _ b: BlockColumns, _ out: Int) {
        let n = b.count, raw = b.raw(out), tag = b.tag(out)
        let sub = b.subColumns()
        sub.grain = iteration; sub.count = n
        let members = scope.months / iteration.months
        var first = [Int](repeating: 0, count: n), count = [Int](repeating: 0, count: n), has = [Bool](repeating: false, count: n)
        for i in 0..<n {
            sub.agent[i] = b.agent[i]; sub.cell[i] = b.cell[i]
            first[i] = (b.period[i] * b.grain.months / scope.months) * scope.months / iteration.months
            raw[i] = 0; tag[i] = Engine.laneNumber
        }
        let fs = sub.push(), vs = sub.push()
        defer { sub.pop(); sub.pop() }
        let fr = sub.raw(fs), ft = sub.tag(fs), vr = sub.raw(vs), vt = sub.tag(vs)
        for j in 0..<members {
            for i in 0..<n { sub.period[i] = first[i] + j }
            if let filter { evalColumn(filter, sub, fs) }
            if let value { evalColumn(value, sub, vs) }
            for i in 0..<n where tag[i] != Engine.laneBail {
                if filter != nil {
                    guard ft[i] == Engine.laneFlag else { tag[i] = Engine.laneBail; continue }
                    if fr[i] == 0 { continue }
                }
                if op == .count {
                    if value == nil { count[i] += 1; continue }
                    switch vt[i] {
                    case Engine.laneFlag, Engine.laneNumber: if vr[i] != 0 { count[i] += 1 }
                    default: tag[i] = Engine.laneBail
                    }
                    continue
                }
                count[i] += 1
                let v: Fixed
                switch vt[i] {
                case Engine.laneNumber: v = Fixed(raw: vr[i])
                case Engine.laneFlag where op == .sum: v = vr[i] != 0 ? Fixed.one : .zero
                default: tag[i] = Engine.laneBail; continue
                }
                switch op {
                case .sum, .avg:
                    if let t = Fixed.checkedAdd(Fixed(raw: raw[i]), v) { raw[i] = t.raw } else { tag[i] = Engine.laneBail }
                case .min: if !has[i] || v.raw < raw[i] { raw[i] = v.raw }; has[i] = true
                case .max: if !has[i] || v.raw > raw[i] { raw[i] = v.raw }; has[i] = true
                case .count: break
                }
            }
        }
        for i in 0..<n where tag[i] != Engine.laneBail {
            switch op {
            case .sum: break
            case .count: raw[i] = Fixed(count[i]).raw
            case .avg:
                if count[i] > 0, let q = Fixed.checkedDivide(Fixed(raw: raw[i]), Fixed(count[i])) { raw[i] = q.raw } else { tag[i] = Engine.laneBail }
            case .min, .max: if !has[i] { tag[i] = Engine.laneBail }
            }
        }
    }

    /// For `abs` and `round`-like functions given more arguments than they use: each further
    /// argument is evaluated as the tree walk does, and a lane where one is not an amount bails.
    private func restArguments(_ args: [CExpr], _ b: BlockColumns, _ out: Int) {
        let s = b.push(); defer { b.pop() }
        let tag = b.tag(out), at = b.tag(s)
        for j in 1..<args.count {
            evalColumn(args[j], b, s)
            for i in 0..<b.count where at[i] != Engine.laneNumber { tag[i] = Engine.laneBail }
        }
    }

    /// The thresholds of a table whose every threshold is a constant amount, rising from row
    /// to row, as `table` finds and keeps them; `nil` otherwise (the tree walk then words the error).
    private func constantRisingThresholds(_ rows: [CRow]) -> [Fixed]? {
        let key = rows.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        if let c = constantThresholds[key] { return c.thresholds }
        var thresholds: [Fixed] = []
        for row in rows {
            guard case .constant(.number(let t)) = row.threshold else { return nil }
            if let last = thresholds.last, t <= last { return nil }
            thresholds.append(t)
        }
        constantThresholds[key] = (rows, thresholds)
        return thresholds
    }

    /// `e` evaluated by the tree walk lane by lane, for a node with no column form. A node whose
    /// value is the same in every period of an agent (`isSamePerAgent`: `bonus_taxation = "separate"`,
    /// `ifmissing(si_base, base)`) is evaluated once per agent of the run (lanes are agent-major) and
    /// copied to that agent's other lanes.
    ///
    /// - Complexity: O(lanes × expression size), O(agents of the run × expression size) for a node
    ///   the same per agent.
    private func generic(_ e: CExpr, _ b: BlockColumns, _ out: Int) {
        let raw = b.raw(out), tag = b.tag(out)
        if b.count > 1 && isSamePerAgent(e) {
            for i in 0..<b.count {
                if i > 0 && b.agent[i] == b.agent[i - 1] { raw[i] = raw[i - 1]; tag[i] = tag[i - 1]; continue }
                Engine.store(eval(e, b.coordinates(i)), raw, tag, i)
            }
            return
        }
        for i in 0..<b.count { Engine.store(eval(e, b.coordinates(i)), raw, tag, i) }
    }

    /// Whether `e` has one value per agent whatever the period (and reads no order, no table
    /// amount `x`): made only of constants, attributes (whose defaults are such), figures of no
    /// period that are not per order (parameters, an agent's own figure of no period), and
    /// operators and pure functions of those. Built-ins, references to figures with periods,
    /// aggregations, tables and date functions are not. An error value it gives bails its lane in
    /// the block evaluator, so that cell is computed again by the tree walk with its own origin.
    ///
    /// - Complexity: O(expression size).
    func isSamePerAgent(_ e: CExpr) -> Bool {
        switch e {
        case .constant: return true
        case .attribute(_, let d): return d.map(isSamePerAgent) ?? true
        case .ref(let r, _):
            let d = plan.rules[r].dimension
            return d.grain == .none && !d.perOrder
        case .negate(let a), .not(let a): return isSamePerAgent(a)
        case .arithmetic(_, let a, let c), .compare(_, let a, let c), .and(let a, let c), .or(let a, let c):
            return isSamePerAgent(a) && isSamePerAgent(c)
        case .ifThen(let a, let c, let d): return isSamePerAgent(a) && isSamePerAgent(c) && isSamePerAgent(d)
        case .function(let f, let args):
            switch f {
            case .round, .floor, .ceil, .abs, .min, .max, .iferror, .ifmissing, .missing, .error: return args.allSatisfy(isSamePerAgent)
            default: return false
            }
        default: return false
        }
    }

    /// `prorate(amount, how)` over the lanes of `b` into column `out`, when `how` is one value for
    /// every lane (a text constant or a parameter's cell) naming a way (`Proration`): a lane whose
    /// agent was employed on every day of its period takes the amount, one employed on none of
    /// them takes 0 — what `Proration.prorate` gives both ways; a lane of a part period, or whose
    /// amount is not a number, is computed by the tree walk (`Engine.prorate`), as is every lane
    /// when `how` is anything else.
    ///
    /// - Complexity: O(lanes × the amount's expression size), plus the tree walk of part periods.
    private func prorateColumn(_ e: CExpr, _ args: [CExpr], _ b: BlockColumns, _ out: Int) {
        let how: Value
        switch args[1] {
        case .constant(let v): how = v
        case .ref(let r, _) where !plan.rules[r].dimension.perAgent && plan.rules[r].dimension.grain == .none && !plan.rules[r].dimension.perOrder:
            how = values[offsets[r]]
        default: generic(e, b, out); return
        }
        guard case .text(let word) = how, Proration(rawValue: word) != nil else { generic(e, b, out); return }
        evalColumn(args[0], b, out)
        b.preparePeriods(self)
        let raw = b.raw(out), tag = b.tag(out)
        var agent = -1, hired: Day? = nil, left: Day? = nil
        for i in 0..<b.count {
            let a = b.agent[i]
            guard tag[i] == Engine.laneNumber, a >= 0, a < agents.count else { Engine.store(eval(e, b.coordinates(i)), raw, tag, i); continue }
            if a != agent { agent = a; hired = agents[a].hired; left = agents[a].left }
            let p = b.period[i] - b.firstPeriod
            let first = b.firstDay[p], last = b.lastDay[p]
            // Employed every day of the period: the amount itself.
            if (hired.map { $0 <= first } ?? true) && (left.map { $0 >= last } ?? true) { continue }
            // Employed on none of its days: 0.
            if (hired.map { $0 > last } ?? false) || (left.map { $0 < first } ?? false) { raw[i] = 0; continue }
            Engine.store(eval(e, b.coordinates(i)), raw, tag, i)
        }
    }
}

extension CExpr {
    /// A text constant (`"separate"`): comparisons with one are evaluated lane by lane.
    var isTextConstant: Bool {
        if case .constant(.text) = self { return true }
        return false
    }
    /// A constant of any kind (an attribute's default that is one does not change with the period).
    var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }
}

/// The columns a block evaluation works in: a stack of columns of `capacity` lanes
/// (raw amounts and lane tags), and each lane's agent, period and cell.
///
/// Each column is its own allocation, so a column's storage stays where it is while
/// deeper nodes push more.
final class BlockColumns {
    /// Lanes per run.
    let capacity: Int
    /// Lanes gathered in this run.
    var count = 0
    /// The grain of the rule being computed.
    var grain: Grain = .month
    /// Agents and periods (of `grain`) that every lane of the runs now gathered lies within, when known:
    /// `computeBlockwise` sets them for its runs and clears them after; `nil` (other runs, an aggregation's
    /// members): each lane is checked on its own.
    var laneBounds: (agents: Range<Int>, periods: Range<Int>)? = nil
    let agent: UnsafeMutablePointer<Int>, period: UnsafeMutablePointer<Int>, cell: UnsafeMutablePointer<Int>
    /// For built-ins over the run's periods (`preparePeriods`): the first period, and each
    /// period's first day, last day and last month's index, from `firstPeriod` on.
    private(set) var firstPeriod = 0
    private(set) var firstDay: [Day] = [], lastDay: [Day] = [], lastMonth: [Int] = []
    private var preparedGrain: Grain? = nil, preparedPeriods = 0..<0
    private var raws: [UnsafeMutablePointer<Int128>] = []
    private var tags: [UnsafeMutablePointer<UInt8>] = []
    private var top = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        agent = .allocate(capacity: capacity); period = .allocate(capacity: capacity); cell = .allocate(capacity: capacity)
    }
    deinit {
        agent.deallocate(); period.deallocate(); cell.deallocate()
        for r in raws { r.deallocate() }
        for t in tags { t.deallocate() }
    }
    /// A fresh column on top of the stack.
    ///
    /// - Complexity: O(1) amortised (a column is allocated once, the first time the stack is this deep).
    func push() -> Int {
        if top == raws.count {
            let r = UnsafeMutablePointer<Int128>.allocate(capacity: capacity); r.initialize(repeating: 0, count: capacity)
            let t = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity); t.initialize(repeating: Engine.laneBail, count: capacity)
            raws.append(r); tags.append(t)
        }
        top += 1
        return top - 1
    }
    func pop() { top -= 1 }
    @inline(__always) func raw(_ s: Int) -> UnsafeMutablePointer<Int128> { raws[s] }
    @inline(__always) func tag(_ s: Int) -> UnsafeMutablePointer<UInt8> { tags[s] }
    /// Works out the first and last days of the periods the run's lanes are at, once per
    /// grain and range of periods.
    ///
    /// - Complexity: O(periods of the run).
    func preparePeriods(_ e: Engine) {
        var lo = Int.max, hi = Int.min
        for i in 0..<count { lo = min(lo, period[i]); hi = max(hi, period[i]) }
        guard count > 0, preparedGrain != grain || !(preparedPeriods.contains(lo) && preparedPeriods.contains(hi)) else { return }
        let periods = lo..<(hi + 1)
        preparedGrain = grain; preparedPeriods = periods; firstPeriod = lo
        firstDay = []; lastDay = []; lastMonth = []
        for p in periods {
            let q = e.period(grain, p)
            firstDay.append(q.firstDay); lastDay.append(q.lastDay); lastMonth.append(q.lastMonth.index)
        }
    }
    /// The coordinates of lane `i`.
    @inline(__always) func coordinates(_ i: Int) -> Coordinates { Coordinates(agent: agent[i], grain: grain, period: period[i]) }
    /// A second set of columns, for the members of an aggregation over periods (`periodAggregate`).
    private var sub: BlockColumns?
    /// The second set of columns, made on first use.
    ///
    /// - Complexity: O(1) amortised.
    func subColumns() -> BlockColumns {
        if let sub { return sub }
        let s = BlockColumns(capacity: capacity)
        sub = s
        return s
    }
}
