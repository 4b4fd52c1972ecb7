/// What-if analysis of one input: sweeps, goal seek and the cliff finder.
///
/// Everything here works on a private `Engine` built from a copy of the
/// workspace, and changes one input cell with the engine's incremental
/// `setInput`; the user's workspace is never touched. Amounts are CNY as
/// `Fixed`, and the input is moved in whole fen (0.01 CNY).
///
/// The figures of a plan are piecewise: between two *change points* — where
/// a tier lookup moves to another tier, a comparison flips, or `min`/`max`
/// picks another argument — a figure is a fixed combination of sums,
/// products and roundings of the input, which for pay plans is monotone.
/// `InputProbe.changePoints` finds those points to the fen (a scan, then
/// bisection of every interval whose ends differ), and `solve` and `cliffs`
/// reason piece by piece. A change that starts and ends between two scan
/// points goes unseen; the scan is dense enough (2,000 points plus a
/// logarithmic grid near the start) for the shipped plans.
extension InputProbe {
    /// "inputs are: sales, expenses", or that the plan has none (its figures come from orders).
    static func inputList(_ e: Engine) -> String {
        let names = inputNames(e)
        return names.isEmpty ? "this plan has no inputs to vary (its figures come from orders and parameters)" : "inputs are: " + names.joined(separator: ", ")
    }
}

public final class InputProbe {
    public let engine: Engine
    public let inputCell: Int
    /// The cells of the figures asked about, in the order asked.
    public let targets: [Int]
    /// Cells that depend on the input and that the targets read (targets included).
    let watched: [Int]
    /// One label per signature entry: a table name or the rule holding a comparison.
    public private(set) var signatureLabels: [String] = []
    /// Whether each signature entry is a table's tier (true) or a condition (false).
    public private(set) var signatureIsTable: [Bool] = []
    /// The watched cell holding each signature entry.
    private(set) var signatureCells: [Int] = []
    private var cache: [Int128: (values: [Value], signature: [Int])] = [:]

    /// The input as it was stored before the probe (`nil`: not entered), which `restore` puts back.
    public let originalInput: Fixed?

    /// Polled at every point a sweep, solve or cliff search works out: true stops
    /// it with `Interrupted` (Ctrl-C). A stopped search leaves nothing changed once
    /// the probe is restored (`restore`; a private engine needs no restoring).
    public var shouldStop: () -> Bool = { false }
    /// Told how far a search is: its phase, the points done and the points planned
    /// (bisections add points beyond the plan, so `done` may pass `all`).
    public var progress: (_ phase: WhatIfPhase, _ done: Int, _ all: Int) -> Void = { _, _, _ in }

    /// The most evaluations (input values worked out, not counting those remembered) one probe makes
    /// before its search stops with `WhatIfError.Reason.tooMuchWork`: a plan whose figure changes at
    /// very many points (a condition on `round(sales / 1000, 0)`, a long table) cannot make a search run
    /// for minutes. About 40 µs an evaluation on plan C (release), so 200,000 is some 8 s of work, and a
    /// `cliffs` over a shipped plan's range makes a few thousand.
    public var evaluationLimit = InputProbe.defaultEvaluationLimit
    /// The default `evaluationLimit`.
    public static let defaultEvaluationLimit = 200_000
    /// Evaluations made so far (cache misses).
    public private(set) var evaluations = 0

    /// Throws `Interrupted` when `shouldStop` says so, and `WhatIfError` (`tooMuchWork`) past `evaluationLimit`.
    func checkStop() throws {
        if shouldStop() { throw Interrupted() }
        if evaluations > evaluationLimit { throw WhatIfError(.tooMuchWork(evaluations: evaluationLimit)) }
    }

    /// One fen in raw `Fixed` units.
    public static let fenRaw: Int128 = Fixed.scale / 100

    /// A probe of `input` for agent index `agent` at month-or-other `period`,
    /// watching `figures` (rule names) at the period that contains `period`.
    /// - Throws: `WhatIfError` naming an unknown or unusable name.
    public convenience init(workspace: Workspace, input: String, agent: Int, period: Period, figures: [String]) throws {
        try self.init(engine: Engine(workspace: workspace), input: input, agent: agent, period: period, figures: figures)
    }

    /// A probe that edits `engine`: each point is an input edit on it, never a new engine. On an engine that
    /// is not private (the session's own, so that the first edit copies none of its value array), call
    /// `restore` when done with the probe: the engine's values are then as before, cell for cell.
    /// - Throws: `WhatIfError` naming an unknown or unusable name.
    public init(engine e: Engine, input: String, agent: Int, period: Period, figures: [String]) throws {
        engine = e
        guard let r = e.plan.ruleIndex[input], e.plan.rules[r].visible else {
            throw WhatIfError(.unknownInput(input, inputs: InputProbe.inputNames(e)))
        }
        guard case .input = e.plan.rules[r].kind else {
            throw WhatIfError(.computedNotEntered(input, inputs: InputProbe.inputNames(e)))
        }
        let d = e.plan.rules[r].dimension
        let ip = d.grain == .none ? Period(grain: .none, start: e.startMonth) : Period.containing(period.start, grain: d.grain)
        guard let ic = e.cell(rule: r, agent: agent, period: ip) else {
            throw WhatIfError(.outsideYears(period, from: e.years.lowerBound, to: e.years.upperBound))
        }
        inputCell = ic
        originalInput = e.storedInput(cell: ic)
        var ts: [Int] = []
        for f in figures {
            guard let fr = e.plan.ruleIndex[f], e.plan.rules[fr].visible else {
                throw WhatIfError(.unknownFigure(f, suggestion: closestName(to: f, among: e.plan.rules.filter(\.visible).map(\.name))))
            }
            let g = e.plan.rules[fr].dimension.grain
            let fp = g == .none ? Period(grain: .none, start: e.startMonth) : Period.containing(period.start, grain: g)
            guard let c = e.cell(rule: fr, agent: agent, period: fp) else {
                throw WhatIfError(.noFigureAt(f, period))
            }
            ts.append(c)
        }
        targets = ts
        // Downstream of the input ∩ upstream of the targets.
        var down = Set<Int>([ic]), stack = [ic]
        while let c = stack.popLast() { for d in e.dependents(ofCell: c) where down.insert(d).inserted { stack.append(d) } }
        var up = Set<Int>(), order: [Int] = []
        stack = ts
        for t in ts { up.insert(t) }
        while let c = stack.popLast() {
            if down.contains(c) { order.append(c) }
            for d in e.dependencies(ofCell: c) where up.insert(d).inserted { stack.append(d) }
        }
        watched = order.sorted()
        var labels: [String] = [], isTable: [Bool] = []
        _ = signature(labels: &labels, isTable: &isTable)
        signatureLabels = labels
        signatureIsTable = isTable
        var cells: [Int] = []
        for c in watched {
            var l: [String] = [], t: [Bool] = []
            let (r, k) = e.coordinates(ofCell: c)
            switch e.plan.rules[r].kind {
            case .formula(let x), .parameter(let x), .input(defaultValue: .some(let x)):
                var o: [Int] = []; walk(x, k, "", &o, &l, &t)
            case .agentAggregate(_, _, let f?):
                for a in e.agents.indices { var o: [Int] = []; walk(f, Coordinates(agent: a, grain: k.grain, period: k.period), "", &o, &l, &t) }
            case .ranking: l = [""]
            default: break
            }
            cells += Array(repeating: c, count: l.count)
        }
        signatureCells = cells
    }

    static func inputNames(_ e: Engine) -> [String] {
        e.plan.rules.filter { if case .input = $0.kind { return $0.visible } else { return false } }.map(\.name)
    }

    /// The name of the input cell, e.g. `李雷.sales[2026-03]`.
    public var inputName: String { engine.name(ofCell: inputCell) }

    /// Puts the input back as it was stored before the probe and recomputes what depends on it, so that the
    /// engine's every value is as before the probe (the same formulas on the same inputs); the probe's points
    /// are forgotten, so a later point is worked out again.
    /// - Complexity: one input edit (`Engine.setInput`).
    public func restore() {
        _ = engine.setInput(cell: inputCell, value: originalInput)
        cache.removeAll()
    }
    /// The names of the target cells.
    public var targetNames: [String] { targets.map { engine.name(ofCell: $0) } }

    /// The targets' values with the input at `fen` fen.
    public func values(atFen fen: Int128) -> [Value] { evaluate(fen).values }

    /// The first target as a number (yes = 1, no = 0), or `nil` for an error value.
    public func figure(atFen fen: Int128) -> Fixed? { InputProbe.number(evaluate(fen).values[0]) }

    public static func number(_ v: Value) -> Fixed? {
        switch v {
        case .number(let n): return n
        case .bool(let b): return b ? .one : .zero
        default: return nil
        }
    }

    func evaluate(_ fen: Int128) -> (values: [Value], signature: [Int]) {
        if let c = cache[fen] { return c }
        evaluations += 1
        _ = engine.setInput(cell: inputCell, value: Fixed(raw: fen * InputProbe.fenRaw))
        var l: [String] = [], t: [Bool] = []
        let r = (targets.map { engine.value(ofCell: $0) }, signature(labels: &l, isTable: &t))
        if cache.count > 200_000 { cache.removeAll() }
        cache[fen] = r
        return r
    }

    /// The watched cells that the targets do not read at `fen` (the input set there): reached from the
    /// targets only through a `min`/`max` argument not chosen or an `if` branch not taken. A cell read
    /// some other way (through orders, ranks) is never among them.
    ///
    /// - Complexity: O(size of the watched cells' formulas).
    func deadCells(atFen fen: Int128) -> Set<Int> {
        _ = engine.setInput(cell: inputCell, value: Fixed(raw: fen * InputProbe.fenRaw))
        let watchedSet = Set(watched)
        var reached = Set<Int>(), live = Set<Int>()
        func visit(_ c: Int, _ isLive: Bool) {
            guard watchedSet.contains(c) else { return }
            if isLive { guard live.insert(c).inserted else { return }; reached.insert(c) } else { guard reached.insert(c).inserted else { return } }
            let (r, k) = engine.coordinates(ofCell: c)
            if case .formula(let x) = engine.plan.rules[r].kind { reads(x, k, isLive) }
        }
        func reads(_ e: CExpr, _ k: Coordinates, _ isLive: Bool) {
            switch e {
            case .ref(let r, let shift): if let c = engine.mapRef(r, shift, k) { visit(c, isLive) }
            case .paid(let r): if let c = engine.paidCell(r, k) { visit(c, isLive) }
            case .negate(let a), .not(let a): reads(a, k, isLive)
            case .arithmetic(_, let a, let b), .and(let a, let b), .or(let a, let b), .compare(_, let a, let b):
                reads(a, k, isLive); reads(b, k, isLive)
            case .ifThen(let c, let a, let b):
                reads(c, k, isLive)
                let v = engine.eval(c, k)
                reads(a, k, isLive && v != .bool(false)); reads(b, k, isLive && v != .bool(true))
            case .function(let f, let args) where f == .min || f == .max:
                let nums = args.map { engine.eval($0, k).number }
                // The argument chosen (the first of equals, as the signature counts it); all when one is not a number.
                let best = nums.allSatisfy { $0 != nil } ? (f == .min ? nums.map { $0! }.min() : nums.map { $0! }.max()) : nil
                let chosen = best.flatMap { b in nums.firstIndex { $0 == b } }
                for (i, a) in args.enumerated() { reads(a, k, isLive && (chosen == nil || i == chosen)) }
            case .function(_, let args): args.forEach { reads($0, k, isLive) }
            case .table(_, _, _, let arg, _): reads(arg, k, isLive)
            case .periodAggregate(_, let scope, let iteration, let v, let f):
                for sub in engine.subPeriods(scope, iteration, k) { if let v { reads(v, sub, isLive) }; if let f { reads(f, sub, isLive) } }
            default: break
            }
        }
        for t in targets { visit(t, true) }
        return reached.subtracting(live)
    }

    /// The discrete state of every watched formula: tiers hit, comparisons, min/max choices.
    private func signature(labels: inout [String], isTable: inout [Bool]) -> [Int] {
        var out: [Int] = []
        for c in watched {
            let (r, k) = engine.coordinates(ofCell: c)
            let rule = engine.plan.rules[r]
            switch rule.kind {
            case .formula(let e), .parameter(let e), .input(defaultValue: .some(let e)):
                walk(e, k, rule.name, &out, &labels, &isTable)
            case .agentAggregate(_, _, let f?):
                for a in engine.agents.indices { walk(f, Coordinates(agent: a, grain: k.grain, period: k.period), rule.name, &out, &labels, &isTable) }
            case .ranking(let v, _):
                _ = v
                out.append(engine.value(ofCell: c).hashValue); labels.append(rule.name); isTable.append(false)
            default: break
            }
        }
        return out
    }

    private func walk(_ e: CExpr, _ k: Coordinates, _ owner: String, _ out: inout [Int], _ labels: inout [String], _ isTable: inout [Bool]) {
        func rec(_ x: CExpr, _ kk: Coordinates = k) { walk(x, kk, owner, &out, &labels, &isTable) }
        switch e {
        case .constant, .builtin, .ref, .at, .paid, .teamAggregate, .attribute, .orderField, .orderAggregate, .share: break
        case .negate(let a), .not(let a): rec(a)
        case .arithmetic(_, let a, let b), .and(let a, let b), .or(let a, let b): rec(a); rec(b)
        case .compare(_, let a, let b):
            rec(a); rec(b)
            let v = engine.eval(e, k)
            out.append(v == .bool(true) ? 1 : (v == .bool(false) ? 0 : -1)); labels.append(owner); isTable.append(false)
        case .ifThen(let c, let a, let b): rec(c); rec(a); rec(b)
        case .function(let f, let args):
            args.forEach { rec($0) }
            // A rounding to the yuan or coarser (floor(x), ceil(x), round(x, 0), floor(x, -3)) is a staircase:
            // each step is a change point, as a table's tier is (每满 1,000 奖 200 = floor(sales / 1000) * 200).
            // Roundings finer than the yuan (round(x) to the fen) are left out: their steps are a fen or a
            // jiao, never a cliff, and there would be one every few fen of the input.
            if f == .floor || f == .ceil || f == .round, !args.isEmpty {
                let digits: Int? = args.count > 1 ? engine.eval(args[1], k).number.map { Int(clamping: $0.raw / Fixed.scale) } : (f == .round ? 2 : 0)
                if let d = digits, d <= 0 {
                    let v = engine.eval(e, k)
                    out.append(v.number.map { Int(truncatingIfNeeded: $0.raw / Fixed.scale) } ?? -1)
                    labels.append(owner); isTable.append(false)
                }
            }
            if f == .min || f == .max {
                let nums = args.map { engine.eval($0, k).number }
                var best = -1
                if nums.allSatisfy({ $0 != nil }), let m = (f == .min ? nums.map { $0! }.min() : nums.map { $0! }.max()) {
                    best = nums.firstIndex { $0 == m } ?? -1
                }
                out.append(best); labels.append(owner); isTable.append(false)
            }
        case .table(let op, let name, let sides, let arg, let rows):
            rec(arg)
            let hit = engine.table(op, name, sides, arg, rows, k)
            var tier = -1
            if let t = hit.tier { tier = t } else if let a = hit.amount {
                tier = hit.thresholds.filter { $0 < a }.count
            }
            out.append(tier); labels.append(name); isTable.append(true)
        case .periodAggregate(_, let scope, let iteration, let v, let f):
            for sub in engine.subPeriods(scope, iteration, k) {
                if let v { rec(v, sub) }
                if let f { rec(f, sub) }
            }
        case .rank:
            out.append(engine.eval(e, k).hashValue); labels.append(owner); isTable.append(false)
        }
    }

    /// A place where the discrete state changes: the input at `fen` is the
    /// first value of the new state; `labels` name what changed there.
    public struct ChangePoint: Equatable, Sendable {
        public var fen: Int128
        /// Tables whose tier changed, then rules whose condition flipped.
        public var tables: [String]
        public var conditions: [String]
    }

    /// Every change point in (`from`, `to`], found to the fen: a scan at
    /// `scanPoints` even steps plus a logarithmic grid, then bisection of every
    /// interval whose ends differ.
    /// - Throws: `Interrupted` when `shouldStop` asks to stop.
    /// - Complexity: O(scanPoints + changes × log(range)) evaluations of the probe.
    public func changePoints(fromFen a: Int128, toFen b: Int128, scanPoints: Int = 2000) throws -> [ChangePoint] {
        guard b > a else { return [] }
        var grid = Set<Int128>([a, b])
        let n = Int128(max(1, scanPoints))
        for i in 0...n { grid.insert(a + (b - a) * i / n) }
        // 1, 2, 5 × 10^k fen above a, for changes near the start.
        var p: Int128 = 1
        while a + p < b { for m: Int128 in [1, 2, 5] where a + p * m < b { grid.insert(a + p * m) }; p *= 10 }
        let points = grid.sorted()
        var found: [Int128] = []
        func refine(_ lo: Int128, _ slo: [Int], _ hi: Int128, _ shi: [Int]) throws {
            if hi - lo <= 1 { found.append(hi); return }
            try checkStop()
            let mid = lo + (hi - lo) / 2
            let sm = evaluate(mid).signature
            if sm != slo { try refine(lo, slo, mid, sm) }
            if sm != shi { try refine(mid, sm, hi, shi) }
        }
        var prev = evaluate(points[0]).signature
        for i in 1..<points.count {
            try checkStop()
            progress(.scan, i, points.count - 1)
            let s = evaluate(points[i]).signature
            if s != prev { try refine(points[i - 1], prev, points[i], s) }
            prev = s
        }
        return found.map { f in
            let before = evaluate(f - 1).signature, after = evaluate(f).signature
            var tables: [String] = [], conds: [String] = []
            // A condition in a cell that no longer reaches the targets on either side (the limit in
            // min(damage_due, damage_limit) when nothing is due) changed nothing there: not named.
            let dead = deadCells(atFen: f - 1).intersection(deadCells(atFen: f))
            for i in before.indices where i < after.count && before[i] != after[i] {
                if i < signatureCells.count, dead.contains(signatureCells[i]) { continue }
                let l = signatureLabels[i]
                if signatureIsTable[i] { if !tables.contains(l) { tables.append(l) } } else if !conds.contains(l) { conds.append(l) }
            }
            return ChangePoint(fen: f, tables: tables, conditions: conds)
        }
    }
}

/// What a what-if search is doing when it reports progress: working out the
/// sweep's rows, or scanning for change points (the bisections after it are short).
public enum WhatIfPhase: Sendable { case rows, scan }

/// A what-if request that cannot be answered; nothing was changed.
public struct WhatIfError: Error, CustomStringConvertible, Equatable {
    /// The English text (for logs and callers that show one language).
    public let message: String
    /// What went wrong, as data, for a front end that words it in the user's language (every
    /// what-if error has one: there is no error of English text alone).
    public let reason: Reason
    public init(_ reason: Reason) { self.reason = reason; message = reason.english }
    public var description: String { message }
    /// Whether the search stopped at its evaluation limit (`Reason.tooMuchWork`).
    public var isTooMuchWork: Bool { if case .tooMuchWork = reason { return true } else { return false } }

    /// Why a probe (`sweep`, `solve`, `cliffs`) was refused.
    public enum Reason: Sendable, Equatable {
        /// No input by that name; `inputs` are the plan's inputs (empty: the plan has none to vary).
        case unknownInput(String, inputs: [String])
        /// The name is a rule's, computed, not entered.
        case computedNotEntered(String, inputs: [String])
        /// The period is outside the scenario's years `from`–`to`.
        case outsideYears(Period, from: Int, to: Int)
        /// No figure by that name.
        /// A figure the plan does not have (or keeps hidden), with the nearest visible figure's name.
        case unknownFigure(String, suggestion: String? = nil)
        /// The figure has no cell at the period.
        case noFigureAt(String, Period)
        /// A sweep step below one fen.
        case stepTooSmall
        /// `to` is below `from` (amounts in CNY).
        case toBelowFrom(to: Fixed, from: Fixed)
        /// `to` must be above `from` (cliffs).
        case toNotAboveFrom
        /// More points than a sweep takes.
        case tooManySteps(Int128, max: Int)
        /// `forecast --runs 0`.
        case noRuns
        /// A plan (of `forecast`, or of either side of a `review`) with no pay figure (`report total …`).
        case noPayFigure(review: Bool)
        /// `forecast` with no monthly input entered (`employed`: none in a month its agent was employed).
        case nothingToResample(employed: Bool)
        /// A watched figure is not an amount at an input value (CNY).
        case notAnAmount(figure: String, value: String, at: Fixed)
        /// A search stopped after `evaluations` input values (`InputProbe.evaluationLimit`): the figure
        /// changes at too many points in the range.
        case tooMuchWork(evaluations: Int)

        /// The reason in English.
        public var english: String {
            func list(_ inputs: [String]) -> String {
                inputs.isEmpty ? "this plan has no inputs to vary (its figures come from orders and parameters)" : "inputs are: " + inputs.joined(separator: ", ")
            }
            switch self {
            case .unknownInput(let n, let i): return "unknown input '\(n)'; \(list(i))"
            case .computedNotEntered(let n, let i): return "'\(n)' is computed by a rule, not entered; \(list(i))"
            case .outsideYears(let p, let a, let b): return "\(p) is outside this scenario's years (\(a == b ? "\(a)" : "\(a)–\(b)"))"
            case .noRuns: return "give at least one run: --runs 1000"
            case .noPayFigure(let review): return review ? "these plans have no pay figure (report total …) to review" : "this plan has no pay figure (report total …) to forecast"
            case .nothingToResample(let employed):
                return employed ? "nothing to resample: no one has entered monthly inputs in months they were employed"
                    : "nothing to resample: forecast draws each person's monthly inputs (such as sales) from their history, and no monthly input has entered values here"
            case .unknownFigure(let f, let s): return "unknown figure '\(f)'" + (s.map { " (did you mean '\($0)'?)" } ?? "")
            case .noFigureAt(let f, let p): return "'\(f)' has no figure at \(p)"
            case .stepTooSmall: return "the step must be at least 0.01"
            case .toBelowFrom(let t, let f): return "'to' (\(t.moneyText)) must not be below 'from' (\(f.moneyText))"
            case .toNotAboveFrom: return "'to' must be above 'from'"
            case .tooManySteps(let n, let m): return "that is \(n) steps; at most \(m) (use a larger step)"
            case .notAnAmount(let f, let v, let x): return "\(f) is \(v) at \(x.moneyText): it is not an amount"
            case .tooMuchWork(let n): return "the search stopped after working out \(n) input values: the figure changes at too many points in this range; give a narrower range (from … to …)"
            }
        }
    }
}

extension Fixed {
    /// The amount in whole fen, rounded half away from zero.
    public var roundedFen: Int128 { rounded(toDigits: 2).raw / InputProbe.fenRaw }
    /// `fen` fen as an amount in CNY.
    public init(fen: Int128) { self.init(raw: fen * InputProbe.fenRaw) }
}

// MARK: - Sweep

/// A table of figures against an input.
public struct SweepResult: Sendable {
    public var inputName: String
    public var figureNames: [String]
    /// Input values (CNY) and the figures there, one row per step.
    public var rows: [(input: Fixed, values: [Value])]
    /// Where a tier of a table the figures read begins (or a condition flips), inside the range.
    public var boundaries: [InputProbe.ChangePoint]
}

extension InputProbe {
    /// Sets the input to `from`, `from + step`, … up to `to` (inclusive) and
    /// reads the figures; also finds the tier boundaries crossed.
    /// - Throws: `WhatIfError` when the step is not positive or there are more than `maxPoints` steps;
    ///   `Interrupted` when `shouldStop` asks to stop.
    public func sweep(from: Fixed, to: Fixed, step: Fixed, maxPoints: Int = 10_000) throws -> SweepResult {
        let a = from.roundedFen, b = to.roundedFen, s = step.roundedFen
        guard s > 0 else { throw WhatIfError(.stepTooSmall) }
        guard b >= a else { throw WhatIfError(.toBelowFrom(to: to, from: from)) }
        guard (b - a) / s + 1 <= Int128(maxPoints) else {
            throw WhatIfError(.tooManySteps((b - a) / s + 1, max: maxPoints))
        }
        var rows: [(input: Fixed, values: [Value])] = []
        var x = a
        let count = Int((b - a) / s + 1)
        while x <= b {
            try checkStop()
            progress(.rows, rows.count, count)
            rows.append((Fixed(fen: x), values(atFen: x)))
            x += s
        }
        return SweepResult(inputName: inputName, figureNames: targetNames, rows: rows, boundaries: try changePoints(fromFen: a, toFen: b))
    }
}

// MARK: - Goal seek

/// The answer of `solve`.
public enum SolveResult: Equatable, Sendable {
    /// The least input (CNY) at which the figure reaches the target; `before`
    /// is the figure one fen lower (nil at the start of the range).
    case reached(input: Fixed, value: Fixed, before: Fixed?)
    /// No input in the range reaches it; the most the figure gets to and where.
    case unreachable(best: Fixed, at: Fixed)
}

extension InputProbe {
    /// The least input in [`from`, `to`], to the fen, at which the first figure is ≥ `target`.
    ///
    /// Figures are not monotone (cliffs where pay falls), so "least" is exact:
    /// the range is cut into pieces at every change point, and the first piece
    /// that reaches the target is bisected to the fen (inside a piece the figure
    /// is monotone). A piece that starts at or above the target was reached by a jump.
    /// - Throws: `WhatIfError` when the range is empty or the figure is not an amount;
    ///   `Interrupted` when `shouldStop` asks to stop.
    public func solve(target: Fixed, from: Fixed = .zero, to: Fixed = Fixed(1_000_000_000)) throws -> SolveResult {
        let a = from.roundedFen, b = to.roundedFen
        guard b >= a else { throw WhatIfError(.toBelowFrom(to: to, from: from)) }
        return try solve(target: target, fromFen: a, toFen: b, starts: [a] + (try changePoints(fromFen: a, toFen: b).map(\.fen)))
    }

    /// `solve` over [`a`, `b`] fen with the pieces already known: `starts` begins with `a`, then
    /// the change points inside the range in order (so `cliffs` does not scan again per drop).
    func solve(target: Fixed, fromFen a: Int128, toFen b: Int128, starts: [Int128]) throws -> SolveResult {
        var best: (Fixed, Int128)? = nil
        func f(_ x: Int128) throws -> Fixed {
            try checkStop()
            guard let v = figure(atFen: x) else {
                throw WhatIfError(.notAnAmount(figure: targetNames[0], value: values(atFen: x)[0].displayText, at: Fixed(fen: x)))
            }
            if best == nil || v > best!.0 { best = (v, x) }
            return v
        }
        for (i, s) in starts.enumerated() {
            let e = i + 1 < starts.count ? starts[i + 1] - 1 : b
            let fs = try f(s)
            if fs >= target { return .reached(input: Fixed(fen: s), value: fs, before: s > a ? try f(s - 1) : nil) }
            guard e > s else { continue }
            let fe = try f(e)
            if fe >= target {
                var lo = s, hi = e
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2
                    if try f(mid) >= target { hi = mid } else { lo = mid }
                }
                return .reached(input: Fixed(fen: hi), value: try f(hi), before: try f(hi - 1))
            }
        }
        return .unreachable(best: best!.0, at: Fixed(fen: best!.1))
    }
}

// MARK: - Cliffs

/// A place where one more fen of input changes the figure by more than the threshold.
public struct Cliff: Equatable, Sendable {
    /// The input one fen below the cliff and at it (CNY).
    public var from: Fixed, to: Fixed
    /// The figure at `from` and at `to`.
    public var before: Fixed, after: Fixed
    /// Tables whose tier changes here, and rules whose condition flips.
    public var tables: [String], conditions: [String]
    /// `after − before`, or `nil` when the difference is beyond ±10²⁶ (two figures near the ends of the range).
    public var change: Fixed? { Fixed.checkedSubtract(after, before) }
    /// `change` as money text, or `#OVERFLOW` when it is beyond ±10²⁶.
    public var changeText: String { change?.moneyText ?? EvalError.Kind.overflow.rawValue }
}

/// A range of input over which more input pays less than at its start.
public struct FallingRange: Equatable, Sendable {
    /// First and last input of the range (CNY).
    public var from: Fixed, to: Fixed
    /// The figure just before the range; inside the range it is lower.
    public var reference: Fixed
    /// The input where the figure stands just before the range.
    public var referenceInput: Fixed
    /// True when the figure never gets back to `reference` inside the scanned range.
    public var openEnded: Bool
}

extension InputProbe {
    /// Every cliff larger than `threshold` (CNY, in absolute value) of the first
    /// figure between `from` and `to`, and every range where more input pays less.
    /// - Throws: `WhatIfError` when the range is empty or the figure is not an amount;
    ///   `Interrupted` when `shouldStop` asks to stop.
    public func cliffs(from: Fixed, to: Fixed, threshold: Fixed, scanPoints: Int = 2000) throws -> (cliffs: [Cliff], falling: [FallingRange]) {
        let a = from.roundedFen, b = to.roundedFen
        guard b > a else { throw WhatIfError(.toNotAboveFrom) }
        var cliffs: [Cliff] = []
        var falling: [FallingRange] = []
        func f(_ x: Int128) throws -> Fixed {
            try checkStop()
            guard let v = figure(atFen: x) else {
                throw WhatIfError(.notAnAmount(figure: targetNames[0], value: values(atFen: x)[0].displayText, at: Fixed(fen: x)))
            }
            return v
        }
        let points = try changePoints(fromFen: a, toFen: b, scanPoints: scanPoints)
        for p in points {
            let before = try f(p.fen - 1), after = try f(p.fen)
            // A difference beyond ±10²⁶ is certainly a cliff.
            if Fixed.checkedSubtract(after, before).map({ $0.magnitude > threshold }) ?? true {
                cliffs.append(Cliff(from: Fixed(fen: p.fen - 1), to: Fixed(fen: p.fen), before: before, after: after, tables: p.tables, conditions: p.conditions))
            }
        }
        // Ranges that pay less than the point before them: after every drop
        // (a cliff of any size, or a piece that slopes down), until the figure
        // is back at the level it fell from.
        let pointFens = points.map(\.fen)
        let starts = [a] + pointFens
        var i = 0
        var covered: Int128 = a - 1
        while i < starts.count {
            let s = starts[i]
            let e = i + 1 < starts.count ? starts[i + 1] - 1 : b
            i += 1
            if s <= covered { continue }
            var dropAt: Int128? = nil
            if s > a, try f(s) < f(s - 1) { dropAt = s } else if e > s, try f(e) < f(s) {
                // Falls inside the piece: find where it first goes below f(s).
                let fs = try f(s)
                var lo = s, hi = e
                while hi - lo > 1 { let mid = lo + (hi - lo) / 2; if try f(mid) < fs { hi = mid } else { lo = mid } }
                dropAt = hi
            }
            guard let d = dropAt else { continue }
            let ref = try f(d - 1)
            // The least input after d that gets back to ref.
            var back: Int128? = nil
            // The pieces after d are those of the scan above: no second scan per drop (which made
            // a plan with many drops quadratic in the scan).
            if d < b {
                var lo = 0, hi = pointFens.count
                while lo < hi { let mid = (lo + hi) / 2; if pointFens[mid] <= d { lo = mid + 1 } else { hi = mid } }
                if case .reached(let x, _, _) = try solve(target: ref, fromFen: d, toFen: b, starts: [d] + pointFens[lo...]) { back = x.roundedFen }
            }
            let end = (back ?? (b + 1)) - 1
            falling.append(FallingRange(from: Fixed(fen: d), to: Fixed(fen: end), reference: ref, referenceInput: Fixed(fen: d - 1), openEnded: back == nil))
            covered = end
        }
        return (cliffs, falling)
    }
}
