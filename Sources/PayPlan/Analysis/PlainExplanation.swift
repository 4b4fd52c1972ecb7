/// How a figure was reached, in the shape of a sentence a shop employee can
/// follow — "3月提成 3,473.00 元：营业总额 149,100.00（销售额 150,000.00 − 报销费用 900.00）
/// 落在 10万（含）–20万（不含）档，按 2% × 10万 + 3% × 超出 10万 的部分 49,100.00 计算" — as data:
/// figures by name, label and value, constants, tiers with their boundary sides, order
/// summaries. It carries no words of any language; `PayPlanREPL` renders it in Chinese or
/// English. Built by `Engine.plainExplanation(cell:plan:depth:)`.
public struct PlainExplanation: Equatable, Sendable {
    /// The figure explained, with its period (nil for parameters) and whose it is.
    public var figure: FigureName
    public var period: Period?
    public var agent: String?
    public var order: String?
    public var how: How
    /// The rounding applied to the result, said once: (before, after, digits).
    public var rounding: Rounding?
    /// The shared plan part the rule comes from (`takehome`), if any.
    public var part: String? = nil
    /// The dated version of the rule used (`from 2026-07 …`), when it has versions.
    public var version: VersionUsed? = nil
    /// When a condition set the figure to a fixed 0 (`if expenses > 1% × revenue then 0 else lookup(…)`,
    /// C3.1), what the other branch would have given (CNY): the amount the condition withheld (982.00);
    /// else nil.
    public var withheld: Value? = nil
    /// The same sentences for the figures this one reads, to the depth asked (zero figures left out,
    /// except one a condition withheld, which is kept at every depth, even 0, so the reason is said).
    public var parts: [PlainExplanation]

    /// Rounding to `digits` decimals (2: to the fen), or to a multiple of `unit` (CNY, e.g. 0.01 or
    /// 1: `round(x / unit, 0) * unit`), from `before` to `after`.
    public struct Rounding: Equatable, Sendable {
        public var function: Function, digits: Int, before: Fixed, after: Fixed
        public var unit: Fixed? = nil
    }

    /// What the figure is.
    public indirect enum How: Equatable, Sendable {
        /// An input typed or imported for this period.
        case entered
        /// An input not entered: the plan's default (or nothing: `#MISSING`).
        case defaulted(entered: Bool)
        /// A formula, shown with the numbers filled in (zero terms of a sum left out).
        case formula(Phrase)
        /// A condition decided the result: `holds` tells whether it held; `then` is the branch taken.
        case because(Phrase, holds: Bool, then: How)
        /// A yes/no figure that is no: the parts of its condition that failed (the false terms of
        /// an `and`, every term of an `or`), so the reader sees why it is no.
        case fails([Phrase])
        /// An error value and where it started, with that figure's label (`origin`; nil when it carries none).
        case error(EvalError, origin: ErrorOrigin?)
        /// An aggregate over all agents, or a share of one (an allocation).
        case team
    }
}

/// A figure as a reader sees it: its rule name, the plan's label (`提成`) and value.
public struct FigureName: Equatable, Sendable {
    public var name: String
    public var label: String?
    public var value: Value
    /// For a parameter with dated versions (`from 2026-04 param …`), the version read; else `nil`.
    public var version: VersionUsed? = nil
    /// The period the figure is read at when it is not the period explained (`prev(damage_carried)` in
    /// 2027-01 reads 2026-12's), else nil.
    public var period: Period?
    /// Whether the figure is an agent's place in a ranking (`rank(…)`: 1 = highest, 0 = not ranked),
    /// so it reads as 排名第 3 rather than as an amount in a tier.
    public var isPlace: Bool = false
    /// Whether the figure is a rate the plan writes as a percent (`Plan.writesAsRate`: 最低毛利 15%),
    /// so it reads as a percent (0 as 0%) whatever its label, never as yuan.
    public var isRate: Bool = false
    /// Whether the figure counts things (`count(orders where …)`, `count(agents where …)`): a whole
    /// number (无法识别订单 0), never an amount in yuan (0.00 元).
    public var isCount: Bool = false
    public init(name: String, label: String?, value: Value, period: Period? = nil) {
        self.name = name; self.label = label; self.value = value; self.period = period
    }
}

/// A formula with its numbers filled in.
public indirect enum Phrase: Equatable, Sendable {
    /// A figure, input, parameter or attribute, by label and value; `detail` breaks it down inline
    /// when it is a short sum of other figures (营业总额 149,100.00（销售额 150,000.00 − 报销费用 900.00）).
    case figure(FigureName, kind: FigureKind, detail: Phrase?)
    /// A number as written in the plan (`2%`, `10万`), a date, text or yes/no.
    case constant(Value)
    /// The amount a tier row is applied to (`x`).
    case amount(Fixed)
    /// The part of the amount above a threshold: `x - 10万` read as "超出 10万 的部分 49,100.00".
    case above(threshold: Fixed, part: Fixed)
    case arithmetic(ArithmeticOp, Phrase, Phrase)
    case negate(Phrase)
    case compare(CompareOp, Phrase, Phrase)
    case and(Phrase, Phrase), or(Phrase, Phrase), not(Phrase)
    case function(Function, [Phrase], result: Value)
    /// `min(a, b)` or `max(a, b)` read as a limit, with each operand's value: `max(0, cost − floor)` is
    /// the part of the cost above the floor, `min(due, cap)` the amount due up to the cap.
    case bound(Function, Phrase, Phrase, values: [Value], result: Value)
    /// An agent's place in a ranking by `own` (1 = highest, competition ranking) among the agents that
    /// pass `filter` (nil: all); with `ties`, how many share the agent's value. 0: not ranked.
    case rank(own: Phrase, filter: Phrase?, ties: Bool, result: Value)
    /// `prorate(amount, how)` at a period the agent was employed only part of: the amount, the basis,
    /// the days employed and the result.
    case prorated(Phrase, basis: Proration, employment: Employment, result: Value)
    /// A tier hit: which table, the amount looked up, the tier's bounds and sides, how it pays.
    case tier(Tier)
    /// An aggregation over the orders booked in the period.
    case orders(OrderSummary)
    /// An aggregation over the agents (a team figure such as `count(agents where on_staff)`).
    case agents(AgentSummary)
    /// An aggregation over the months (quarters) of a longer period: `avg(revenue over half)`.
    case overPeriod(AggregateOp, of: Phrase?, period: Period, result: Value)
    /// A longer-period figure paid in this month (`paid(half_bonus)`), or nothing this month.
    case paid(FigureName, paidNow: Bool)
    /// This agent's (or order's) share of an amount shared out to the fen: the pool, this one's part,
    /// the parts of all, and the division.
    case share(ShareSummary)
    /// A built-in (`tenure`, `active`, `as_of`) with its value.
    case builtin(String, Value)
    /// Anything else, by its value.
    case value(Value)

    /// What kind of figure a `.figure` phrase names.
    public enum FigureKind: Equatable, Sendable { case rule, input, parameter, attribute, orderField, team }
}

/// A share of an amount shared out to the fen (`allocate(pool, weight over agents)`, `allocate(total,
/// amount)` over an agent's orders of the month): the pool, this one's weight, the weights of all, and
/// pool × weight ÷ all weights before the largest-remainder rounding to the fen — so it reads
/// 提成池 1,000.00 由在岗销售的 6 人平分：1,000.00 ÷ 6 = 约 166.67, not as "平均分摊所得".
public struct ShareSummary: Equatable, Sendable {
    /// Over the agent's orders of the month (true) or over the agents (false).
    public var overOrders: Bool
    /// The amount shared out (CNY), as a phrase (提成池 1,000.00); nil when said for what it is, with no values.
    public var pool: Phrase?
    /// This agent's (order's) weight, and the sum of all members' weights.
    public var weight: Fixed, totalWeight: Fixed
    /// This one's weight as a phrase (订单金额 12,000.00), for weights that are not equal parts.
    public var weightPhrase: Phrase?
    /// Every weight is 0 or 1: equal parts among the members whose weight is 1.
    public var equal: Bool
    /// For equal parts written `if X then 1 else 0`: X (在岗销售), negated when `filterNegated`.
    public var filter: FigureName?
    public var filterNegated: Bool = false
    /// Members whose weight is above 0, and all members (agents, or the agent's orders of the month).
    public var members: Int, all: Int
    /// pool × weight ÷ total weight before rounding to the fen (CNY); nil when not a number.
    public var exact: Fixed?
    /// The share (CNY), or an error value.
    public var result: Value
}

/// A tier table read at one amount.
public struct Tier: Equatable, Sendable {
    public var table: String, label: String?
    public var op: TableOp
    public var sides: TierSides
    /// The amount looked up, as a phrase (a figure with its breakdown).
    public var argument: Phrase
    public var amount: Fixed
    /// The bounds of the tier hit (`upper` nil: no upper bound); nil for marginal tables.
    public var lower: Fixed?, upper: Fixed?
    /// The tier's row with the amount filled in (`2% × 10万 + 3% × 超出 10万 的部分`).
    public var row: Phrase?
    public var result: Value
    /// The dated version of the table used (`from 2026-07 table …`), when it has versions.
    public var version: VersionUsed? = nil
    /// Whether the table's tiers are rates written as percents (`Plan.writesAsRate`), so 0 reads 0%.
    public var isRate: Bool = false
}

/// Agents behind a team figure (`count(agents where on_staff)`, `sum(sales over agents)`): how many
/// there are, which passed the filter, and what was aggregated, so it reads 在岗销售的员工 4 人, not as code.
public struct AgentSummary: Equatable, Sendable {
    public var op: AggregateOp
    /// What is aggregated (`销售额`), nil for a count or a value that is no single figure.
    public var value: FigureName?
    /// The filter's figure (`在岗销售`), negated when `filterNegated`; nil for no filter or one that is no single figure.
    public var filter: FigureName?
    public var filterNegated: Bool
    /// Whether the aggregation has a filter at all (one that is no single figure reads 符合条件的).
    public var filtered: Bool
    /// All agents, and the names of those that passed the filter, in scenario order.
    public var all: Int
    public var matching: [String]
    public var result: Value
}

/// Orders behind a figure: how many were booked, how many passed the filter, and which.
public struct OrderSummary: Equatable, Sendable {
    public var op: AggregateOp
    /// What is summed (`提成份额`), nil for a count.
    public var value: FigureName?
    /// The filter's figure (`现金逾期`), negated when `filterNegated`; nil for no filter.
    public var filter: FigureName?
    public var filterNegated: Bool
    /// Orders booked in the period, and those that passed the filter.
    public var booked: Int, matching: Int
    /// The date figure that books the orders in the period (`by base_penalty_day`), nil for the order's own date.
    public var by: FigureName? = nil
    /// How many of the matching orders are refunds: their `refund` field (退款金额, which every order
    /// import fills) is above 0. Said with the count: 由 37 笔订单计算，其中 2 笔退款.
    public var refunds: Int = 0
    public var result: Value
    /// The matching orders: ID, date and the value summed (for `explain … --orders`).
    public var lines: [(id: String, date: Day, value: Value)]

    public static func == (a: OrderSummary, b: OrderSummary) -> Bool {
        a.op == b.op && a.value == b.value && a.filter == b.filter && a.filterNegated == b.filterNegated
            && a.booked == b.booked && a.matching == b.matching && a.result == b.result && a.by == b.by && a.refunds == b.refunds
            && a.lines.map(\.id) == b.lines.map(\.id) && a.lines.map(\.value) == b.lines.map(\.value)
    }
}

extension Engine {
    /// The plain explanation of cell `c`: its sentence and, to `depth` levels, the sentences of the
    /// non-zero computed figures it reads (a figure equal to a single other figure is explained as that figure).
    ///
    /// - Complexity: O(size of the formulas read × orders booked) per level; re-evaluates, keeps no traces.
    public func plainExplanation(cell c: Int, plan source: Plan, depth: Int = 1) -> PlainExplanation {
        var seen = Set<Int>()
        return plain(c, source, depth, &seen)
    }

    private func figureName(_ r: Int, _ v: Value, _ source: Plan) -> FigureName {
        var f = FigureName(name: plan.rules[r].name, label: plan.rules[r].label, value: v)
        if case .formula(.rank(_, _, _, false)) = plan.rules[r].kind { f.isPlace = true }
        f.isRate = source.writesAsRate(f.name)
        f.isCount = plan.countsThings(rule: r)
        return f
    }

    private func plain(_ c: Int, _ source: Plan, _ depth: Int, _ seen: inout Set<Int>) -> PlainExplanation {
        seen.insert(c)
        let (r, k) = coordinates(ofCell: c)
        let rule = plan.rules[r]
        let v = values[c]
        var ex = PlainExplanation(figure: figureName(r, v, source), period: k.grain == .none ? nil : period(k.grain, k.period),
                                  agent: k.agent >= 0 && rule.dimension.perAgent ? agents[k.agent].name : nil,
                                  order: k.order >= 0 ? orders[k.order].id : nil, how: .team, rounding: nil, parts: [])
        var reads: [Int] = []
        switch rule.kind {
        case .input(let d):
            ex.how = stored[c] != nil ? .entered : .defaulted(entered: d != nil)
            return ex
        case .parameter(let e0), .formula(let e0):
            let (e, _, used) = ruleVersion(r, e0, k, source)
            ex.version = used
            var b = PhraseBuilder(engine: self, plan: source)
            var how = b.how(e, k, top: true)
            // A figure that is a single other figure (commission = tier_commission − 0 + 0) is explained as that figure.
            while case .formula(.figure(let f, .rule, _)) = how, let d = b.singleCell, f.value == v, b.rounding == nil,
                  case .formula(let de) = plan.rules[coordinates(ofCell: d).rule].kind {
                let dk = coordinates(ofCell: d).coordinates
                seen.insert(d)
                b = PhraseBuilder(engine: self, plan: source)
                how = b.how(de, dk, top: true)
            }
            ex.how = how
            ex.rounding = b.rounding
            ex.withheld = b.withheld
            ex.part = source.definition(named: rule.name)?.part
            reads = b.reads + b.zeroReads.filter { !b.reads.contains($0) }
        default:
            ex.how = .team
        }
        if case .error(let err) = v, err.origin != reference(ofCell: c) { ex.how = .error(err, origin: plan.origin(of: err)) }
        for d in reads where !seen.contains(d) {
            let (dr, _) = coordinates(ofCell: d)
            guard plan.rules[dr].visible, case .formula = plan.rules[dr].kind else { continue }
            if case .number(let n) = values[d], n.isZero {
                // A zero figure is said only when a condition withheld it (M1), at any depth.
                var probe = seen
                let p = plain(d, source, 0, &probe)
                if p.withheld != nil { seen = probe; ex.parts.append(p) }
                continue
            }
            if depth > 0 { ex.parts.append(plain(d, source, depth - 1, &seen)) }
        }
        return ex
    }
}

/// Turns a compiled formula at coordinates into a `Phrase`, noting the cells read and the rounding.
struct PhraseBuilder {
    let engine: Engine
    let plan: Plan
    var reads: [Int] = []
    var rounding: PlainExplanation.Rounding? = nil
    /// The cell of a formula that is one figure alone (set by `how` at the top).
    var singleCell: Int? = nil
    /// The cells of figures that are terms of a sum but 0 here (left out of the phrase); `plain`
    /// still says those a condition withheld.
    var zeroReads: [Int] = []
    /// What the branch not taken would have given, when a condition gave a fixed 0 (`PlainExplanation.withheld`).
    var withheld: Value? = nil

    init(engine: Engine, plan: Plan) { self.engine = engine; self.plan = plan }

    /// The top of a formula: rounding, conditions and zero terms peeled off.
    mutating func how(_ e: CExpr, _ k: Coordinates, top: Bool) -> PlainExplanation.How {
        // `round(x / unit, 0) * unit`: x rounded to a multiple of the unit (a contribution to the fen or the yuan).
        if let (f, inner, unit) = Self.roundedToUnit(e), case .number(let u) = engine.eval(unit, k), !u.isZero {
            if case .number(let before) = engine.eval(inner, k), case .number(let after) = engine.eval(e, k), before != after, rounding == nil {
                rounding = .init(function: f, digits: 0, before: before, after: after, unit: u)
            }
            return how(inner, k, top: top)
        }
        // A condition that is no: the parts that failed.
        if Self.isCondition(e), case .bool(false) = engine.eval(e, k) {
            let failed = failing(e, k)
            if !failed.isEmpty { return .fails(failed) }
        }
        switch e {
        case .function(let f, let args) where (f == .round || f == .floor || f == .ceil) && !args.isEmpty:
            let digits = args.count > 1 ? (engine.eval(args[1], k).number?.wholeNumber ?? 2) : 2
            if case .number(let before) = engine.eval(args[0], k), case .number(let after) = engine.eval(e, k), before != after, rounding == nil {
                rounding = .init(function: f, digits: digits, before: before, after: after)
            }
            return how(args[0], k, top: top)
        case .ifThen where engine.versionTaken(e, k) != nil:
            return how(engine.versionTaken(e, k)!, k, top: top)
        case .ifThen(let cond, let a, let b):
            guard case .bool(let holds) = engine.eval(cond, k) else { return .formula(phrase(e, k)) }
            let taken = holds ? a : b
            let inner = how(taken, k, top: top)
            // The condition is said when it gave a fixed amount (`then 0`) or picked the special
            // case over a fixed default (`if probation … then … else 0`); the ordinary branch needs no reason.
            if Self.isConstant(taken) || (holds && Self.isConstant(b)) {
                // Withheld: a condition that holds sets a fixed 0 (`if expenses > … then 0 else …`), where
                // the amount would otherwise be paid. Not being employed (`if not active then 0`) withholds
                // nothing, a threshold not reached (`if revenue >= 15万 then 500 else 0`) is no withholding, and
                // neither is a switch between ways of paying (`if commission_mode = "pool" then 0 else …`).
                if withheld == nil, holds, Self.isConstant(a), engine.eval(a, k).number?.isZero == true,
                   !cond.contains(where: { $0 == .builtin(.active) || Self.isTextSwitch($0) }),
                   case .number(let other) = engine.eval(b, k), !other.isZero {
                    withheld = .number(other)
                }
                return .because(deciding(cond, k), holds: holds, then: inner)
            }
            return inner
        default:
            let p = phrase(e, k)
            // A sum with one non-zero term is explained as that term, unless it is an earlier period's (prev).
            if top, case .figure(_, .rule, _) = p, case .ref(let r, let s) = Self.single(e, engine, k), s == 0 {
                singleCell = engine.mapRef(r, s, k)
            }
            return .formula(p)
        }
    }

    static func isConstant(_ e: CExpr) -> Bool { if case .constant = e { true } else { false } }

    /// A comparison with a word of the plan (`commission_mode = "pool"`): a switch between ways of paying.
    static func isTextSwitch(_ e: CExpr) -> Bool {
        switch e {
        case .compare(_, .constant(.text), _), .compare(_, _, .constant(.text)): true
        default: false
        }
    }

    /// A reference to a figure whose value here is exactly 1 (not a constant written in the plan).
    static func isOneFigure(_ e: CExpr, _ engine: Engine, _ k: Coordinates) -> Bool {
        guard case .ref = e, case .number(let n) = engine.eval(e, k) else { return false }
        return n == .one
    }

    /// `round(x / u, 0) * u` (or floor, ceil): the function, x and u.
    static func roundedToUnit(_ e: CExpr) -> (Function, CExpr, CExpr)? {
        guard case .arithmetic(.multiply, .function(let f, let args), let unit) = e, f == .round || f == .floor || f == .ceil,
              args.count == 2, case .arithmetic(.divide, let inner, let unit2) = args[0], unit == unit2,
              case .constant(.number(let d)) = args[1], d.isZero else { return nil }
        return (f, inner, unit)
    }

    static func isCondition(_ e: CExpr) -> Bool {
        switch e {
        case .compare, .and, .or, .not: true
        default: false
        }
    }

    /// The parts of a condition that is false that made it false: each false term of an `and`
    /// (followed into nested ones), every term of an `or`, a false comparison itself.
    mutating func failing(_ e: CExpr, _ k: Coordinates) -> [Phrase] {
        guard case .bool(false) = engine.eval(e, k) else { return [] }
        switch e {
        case .and(let a, let b): return failing(a, k) + failing(b, k)
        case .or(let a, let b): return [phrase(a, k), phrase(b, k)]
        default: return [phrase(e, k)]
        }
    }

    /// A condition cut to the terms that decided it: of an `and` that is no, its false terms; of an
    /// `or` that is yes, its true terms (followed into nested ones of the same kind); else all of it.
    mutating func deciding(_ e: CExpr, _ k: Coordinates) -> Phrase {
        guard case .bool(let holds) = engine.eval(e, k) else { return phrase(e, k) }
        func flatten(_ e: CExpr, and: Bool) -> [CExpr] {
            switch (e, and) {
            case (.and(let a, let b), true), (.or(let a, let b), false): flatten(a, and: and) + flatten(b, and: and)
            default: [e]
            }
        }
        switch e {
        case .and where !holds, .or where holds:
            let isAnd = !holds
            let kept = flatten(e, and: isAnd).filter { engine.eval($0, k) == .bool(holds) }
            guard !kept.isEmpty else { return phrase(e, k) }
            var out = deciding(kept[0], k)
            for t in kept.dropFirst() { let p = deciding(t, k); out = isAnd ? .and(out, p) : .or(out, p) }
            return out
        case .not(let a): return .not(deciding(a, k))
        default: return phrase(e, k)
        }
    }

    /// The one non-zero term of a sum, if it has exactly one.
    static func single(_ e: CExpr, _ engine: Engine, _ k: Coordinates) -> CExpr? {
        let terms = PhraseBuilder.terms(e, positive: true).filter { !(engine.eval($0.0, k).number?.isZero ?? false) }
        return terms.count == 1 && terms[0].1 ? terms[0].0 : nil
    }

    /// The terms of a sum or difference, each with its sign.
    static func terms(_ e: CExpr, positive: Bool) -> [(CExpr, Bool)] {
        switch e {
        case .arithmetic(.add, let a, let b): terms(a, positive: positive) + terms(b, positive: positive)
        case .arithmetic(.subtract, let a, let b): terms(a, positive: positive) + terms(b, positive: !positive)
        default: [(e, positive)]
        }
    }

    /// The terms of a phrase that is a sum, difference or negation, each with its sign (`positive` for
    /// the whole); any other phrase is one term.
    static func signedTerms(_ p: Phrase, positive: Bool) -> [(Phrase, Bool)] {
        switch p {
        case .arithmetic(.add, let a, let b): signedTerms(a, positive: positive) + signedTerms(b, positive: positive)
        case .arithmetic(.subtract, let a, let b): signedTerms(a, positive: positive) + signedTerms(b, positive: !positive)
        case .negate(let a): signedTerms(a, positive: !positive)
        default: [(p, positive)]
        }
    }

    mutating func phrase(_ e: CExpr, _ k: Coordinates) -> Phrase {
        switch e {
        case .arithmetic(.subtract, .builtin(.x), let b) where k.x != nil:
            if case .number(let t) = engine.eval(b, k), let part = Fixed.checkedSubtract(k.x!, t) { return .above(threshold: t, part: part) }
            return .arithmetic(.subtract, .amount(k.x!), phrase(b, k))
        case .arithmetic(let op, _, _) where op == .add || op == .subtract:
            var ts = PhraseBuilder.terms(e, positive: true)
            let kept = ts.filter { !(engine.eval($0.0, k).number?.isZero ?? false) }
            for (t, _) in ts where !kept.contains(where: { $0.0 == t }) {
                if case .ref(let r, 0) = t, let c = engine.mapRef(r, 0, k), !zeroReads.contains(c) { zeroReads.append(c) }
            }
            ts = kept.isEmpty ? [ts[0]] : kept
            var out: Phrase? = nil
            // A term that reads as a sum or a negation itself (the branch taken by an `if`, `+ (if active
            // then -special_deduction else 0)`) is spliced in with its signs: "… − 专项附加扣除 1,000.00",
            // not "… + −专项附加扣除 1,000.00".
            for (t, positive) in ts {
                for (p, sign) in Self.signedTerms(phrase(t, k), positive: positive) {
                    if let o = out { out = .arithmetic(sign ? .add : .subtract, o, p) } else { out = sign ? p : .negate(p) }
                }
            }
            return out!
        case .constant(let v): return .constant(v)
        case .ref(let r, let s):
            guard let c = engine.mapRef(r, s, k) else { return .constant(.number(.zero)) }
            // prev(…): the figure of an earlier period, named with its period.
            guard s != 0, case .figure(var f, let kind, let detail) = figure(c) else { return figure(c) }
            let at = engine.coordinates(ofCell: c).coordinates
            f.period = engine.period(at.grain, at.period)
            return .figure(f, kind: kind, detail: detail)
        case .at(let r, let p):
            guard let i = engine.index(of: p), let c = engine.atCell(r, i, k) else { return .value(engine.eval(e, k)) }
            return figure(c)
        case .paid(let r):
            let v = engine.eval(e, k)
            if let c = engine.paidCell(r, k) { if !reads.contains(c) { reads.append(c) }; return .paid(FigureName(name: engine.plan.rules[r].name, label: engine.plan.rules[r].label, value: v), paidNow: true) }
            return .paid(FigureName(name: engine.plan.rules[r].name, label: engine.plan.rules[r].label, value: v), paidNow: false)
        case .teamAggregate(let r):
            guard let c = engine.mapRef(r, 0, k) else { return .value(engine.eval(e, k)) }
            // The compiler's hidden cell for an aggregation over agents is said as the agents it counts.
            if !engine.plan.rules[r].visible, case .agentAggregate(let op, let v, let f) = engine.plan.rules[r].kind {
                if !reads.contains(c) { reads.append(c) }
                let at = engine.coordinates(ofCell: c).coordinates
                func single(_ x: CExpr, _ ka: Coordinates) -> FigureName? {
                    guard case .ref(let fr, 0) = x else { return nil }
                    return FigureName(name: engine.plan.rules[fr].name, label: engine.plan.rules[fr].label, value: engine.eval(x, ka))
                }
                var s = AgentSummary(op: op, value: nil, filter: nil, filterNegated: false, filtered: f != nil, all: engine.agents.count, matching: [], result: engine.values[c])
                let k0 = Coordinates(agent: 0, grain: at.grain, period: at.period)
                if let v { s.value = single(v, k0).map { FigureName(name: $0.name, label: $0.label, value: .number(.zero)) } }
                if let f {
                    if case .not(let inner) = f { s.filter = single(inner, k0); s.filterNegated = true } else { s.filter = single(f, k0) }
                }
                for a in engine.agents.indices {
                    let ka = Coordinates(agent: a, grain: at.grain, period: at.period)
                    if let f, engine.eval(f, ka) != .bool(true) { continue }
                    s.matching.append(engine.agents[a].name)
                }
                return .agents(s)
            }
            return figure(c)
        case .attribute(let n, _):
            return .figure(FigureName(name: n, label: plan.definition(named: n)?.statement.label, value: engine.eval(e, k)), kind: .attribute, detail: nil)
        case .orderField(let n, _, _):
            return .figure(FigureName(name: n, label: plan.definition(named: n)?.statement.label, value: engine.eval(e, k)), kind: .orderField, detail: nil)
        case .builtin(let b):
            if b == .x, let x = k.x { return .amount(x) }
            return .builtin(b.rawValue, engine.eval(e, k))
        case .negate(let a): return .negate(phrase(a, k))
        case .not(let a): return .not(phrase(a, k))
        case .arithmetic(.multiply, let a, let b) where Self.isOneFigure(a, engine, k) != Self.isOneFigure(b, engine, k):
            // A factor that is a figure equal to exactly 1 (提成系数 1 while grades do not touch pay) changes
            // nothing: the other factor is said alone.
            return phrase(Self.isOneFigure(a, engine, k) ? b : a, k)
        case .arithmetic(let op, let a, let b):
            return .arithmetic(op, phrase(a, k), phrase(b, k))
        case .compare(let op, let a, let b): return .compare(op, phrase(a, k), phrase(b, k))
        case .and(let a, let b): return .and(phrase(a, k), phrase(b, k))
        case .or(let a, let b): return .or(phrase(a, k), phrase(b, k))
        case .ifThen(let c, let a, let b):
            if case .bool(let t) = engine.eval(c, k) { return phrase(t ? a : b, k) }
            return .value(engine.eval(e, k))
        case .function(let f, let args):
            if (f == .round || f == .floor || f == .ceil), !args.isEmpty {
                let digits = args.count > 1 ? (engine.eval(args[1], k).number?.wholeNumber ?? 2) : 2
                if rounding == nil, case .number(let before) = engine.eval(args[0], k), case .number(let after) = engine.eval(e, k), before != after {
                    rounding = .init(function: f, digits: digits, before: before, after: after)
                }
                return phrase(args[0], k)
            }
            if f == .min || f == .max, args.count == 2 {
                // A difference keeps both sides even when one is 0 (售后成本 0.00 未超出 售后成本底线 0.00).
                func side(_ x: CExpr) -> Phrase {
                    if case .arithmetic(.subtract, let l, let r) = x { return .arithmetic(.subtract, phrase(l, k), phrase(r, k)) }
                    return phrase(x, k)
                }
                return .bound(f, side(args[0]), side(args[1]), values: args.map { engine.eval($0, k) }, result: engine.eval(e, k))
            }
            if f == .prorate, args.count == 2, k.agent >= 0, k.grain != .none,
               case .text(let word) = engine.eval(args[1], k), let basis = Proration(rawValue: word) {
                let employment = engine.agents[k.agent].employment(in: engine.period(k.grain, k.period))
                // Employed throughout: nothing is prorated, the amount reads as itself.
                if employment.isWhole { return phrase(args[0], k) }
                return .prorated(phrase(args[0], k), basis: basis, employment: employment, result: engine.eval(e, k))
            }
            return .function(f, args.map { phrase($0, k) }, result: engine.eval(e, k))
        case .table(let op, let name, let sides, let arg, let rows):
            let hit = engine.table(op, name, sides, arg, rows, k)
            let argument = phrase(arg, k)
            guard let amount = hit.amount else { return .value(hit.value) }
            var t = Tier(table: name, label: plan.definition(named: name)?.statement.label, op: op, sides: sides,
                         argument: argument, amount: amount, lower: nil, upper: nil, row: nil, result: hit.value,
                         version: VersionUsed.of(plan.definition(named: name), at: engine.versionMonth(k)))
            t.isRate = plan.writesAsRate(name)
            if let i = hit.tier {
                t.lower = hit.thresholds[i]
                t.upper = i + 1 < hit.thresholds.count ? hit.thresholds[i + 1] : nil
                if i < rows.count {
                    var kx = k; kx.x = amount
                    var inner = PhraseBuilder(engine: engine, plan: plan)
                    t.row = inner.phrase(rows[i].value, kx)
                }
            }
            return .tier(t)
        case .periodAggregate(let op, let scope, let iteration, let v, _):
            let scopeIndex = k.period * k.grain.months / scope.months
            var of: Phrase? = nil
            if let v, case .ref(let r, _) = v {
                var f = FigureName(name: engine.plan.rules[r].name, label: engine.plan.rules[r].label, value: .text(""))
                f.isCount = engine.plan.countsThings(rule: r)
                of = .figure(f, kind: .rule, detail: nil)
                for sub in engine.subPeriods(scope, iteration, k) { if let c = engine.mapRef(r, 0, sub), !reads.contains(c) { reads.append(c) } }
            } else if let v {
                // Not a named figure (an allocation's share, a formula): said by what it is, with no value.
                var inner = PhraseBuilder(engine: engine, plan: plan)
                of = Self.unvalued(inner.phrase(v, k))
            }
            return .overPeriod(op, of: of, period: engine.period(scope, scopeIndex), result: engine.eval(e, k))
        case .orderAggregate(let op, let v, let f, let g, let perAgent):
            let booked = engine.ordersBooked(g, k, perAgent: perAgent)
            var s = OrderSummary(op: op, value: nil, filter: nil, filterNegated: false, booked: booked.count, matching: 0, result: engine.eval(e, k), lines: [])
            if let v { s.value = orderFigure(v) }
            if let f {
                if case .not(let inner) = f { s.filter = orderFigure(inner); s.filterNegated = true } else { s.filter = orderFigure(f) }
            }
            if g > 0, g < engine.plan.groupings.count, let by = engine.plan.groupings[g] { s.by = orderFigure(by) }
            for o in booked {
                let ko = engine.orderCoordinates(Int(o))
                if let f, engine.eval(f, ko) != .bool(true) { continue }
                s.matching += 1
                let order = engine.orders[Int(o)]
                if case .number(let refund)? = order.field("refund"), refund > .zero { s.refunds += 1 }
                s.lines.append((order.id, order.date, v.map { engine.eval($0, ko) } ?? .number(.one)))
            }
            return .orders(s)
        case .share(let r, let overOrders):
            return .share(share(r, overOrders, engine.eval(e, k), k))
        case .rank(_, let own, let filter, let ties):
            return .rank(own: phrase(own, k), filter: filter.map { deciding($0, k) }, ties: ties, result: engine.eval(e, k))
        }
    }

    /// A phrase said for what it is, not for its value at one period (the values are a period's each).
    static func unvalued(_ p: Phrase) -> Phrase {
        switch p {
        case .share(let s): .share(ShareSummary(overOrders: s.overOrders, pool: nil, weight: .zero, totalWeight: .zero, weightPhrase: nil,
                                                 equal: s.equal, filter: s.filter, filterNegated: s.filterNegated, members: 0, all: 0, exact: nil, result: .text("")))
        case .figure(var f, let kind, _): { f.value = .text(""); return .figure(f, kind: kind, detail: nil) }()
        default: p
        }
    }

    /// The share read at `k` of allocation rule `r`: the pool, the weights, the division.
    ///
    /// - Complexity: O(members): every member's weight is evaluated again.
    mutating func share(_ r: Int, _ overOrders: Bool, _ result: Value, _ k: Coordinates) -> ShareSummary {
        var s = ShareSummary(overOrders: overOrders, pool: nil, weight: .zero, totalWeight: .zero, weightPhrase: nil, equal: true,
                             filter: nil, members: 0, all: 0, exact: nil, result: result)
        guard case .allocation(let total, let weight, _) = engine.plan.rules[r].kind, let c = engine.mapRef(r, 0, k) else { return s }
        let at = engine.coordinates(ofCell: c).coordinates
        let members: [Coordinates] = overOrders
            ? engine.bucket(0, agent: at.agent, month: at.period).map { engine.orderCoordinates(Int($0)) }
            : engine.agents.indices.map { Coordinates(agent: $0, grain: at.grain, period: at.period) }
        var weights: [Fixed] = []
        for m in members { guard case .number(let w) = engine.eval(weight, m) else { return s }; weights.append(w) }
        guard case .number(let own) = engine.eval(weight, k), let sum = Fixed.checkedSum(weights) else { return s }
        s.pool = phrase(total, at)
        s.weight = own
        s.totalWeight = sum
        s.all = members.count
        s.members = weights.filter { $0 > .zero }.count
        s.equal = weights.allSatisfy { $0.isZero || $0 == .one }
        if s.equal {
            // `if on_staff then 1 else 0`: equal parts among those on staff.
            if case .ifThen(let cond, .constant(.number(let a)), .constant(.number(let b))) = weight, (a == .one && b.isZero) || (a.isZero && b == .one) {
                var negated = a.isZero
                var inner = cond
                if case .not(let x) = cond { inner = x; negated.toggle() }
                switch inner {
                case .ref(let fr, 0):
                    s.filter = FigureName(name: engine.plan.rules[fr].name, label: engine.plan.rules[fr].label, value: engine.eval(inner, k))
                case .attribute(let n, _):
                    s.filter = FigureName(name: n, label: plan.definition(named: n)?.statement.label, value: engine.eval(inner, k))
                default: break
                }
                s.filterNegated = negated
            }
        } else {
            s.weightPhrase = phrase(weight, k)
        }
        if case .number(let t) = engine.eval(total, at), !sum.isZero {
            s.exact = Fixed.checkedMultiply(t, own).flatMap { Fixed.checkedDivide($0, sum) }
        }
        return s
    }

    /// The figure an order-level expression names (`share`, `cash_late`, `amount`), or a nameless one.
    func orderFigure(_ e: CExpr) -> FigureName {
        switch e {
        case .ref(let r, _): FigureName(name: engine.plan.rules[r].name, label: engine.plan.rules[r].label, value: .text(""))
        case .orderField(let n, _, _): FigureName(name: n, label: plan.definition(named: n)?.statement.label, value: .text(""))
        default: FigureName(name: "", label: nil, value: .text(""))
        }
    }

    /// A cell as a figure phrase; a computed figure that is a short sum of other figures gets its breakdown.
    mutating func figure(_ c: Int) -> Phrase {
        if !reads.contains(c) { reads.append(c) }
        let (r, k) = engine.coordinates(ofCell: c)
        let rule = engine.plan.rules[r]
        var name = FigureName(name: rule.name, label: rule.label, value: engine.values[c])
        if case .formula(.rank(_, _, _, false)) = rule.kind { name.isPlace = true }
        name.isRate = plan.writesAsRate(rule.name)
        name.isCount = engine.plan.countsThings(rule: r)
        switch rule.kind {
        case .input: return .figure(name, kind: .input, detail: nil)
        case .parameter:
            var named = name
            if let (n, from) = engine.plan.parameterVersions[r] {
                named.version = VersionUsed(from: from, next: engine.plan.versionStarts[n]?.first { $0 > from })
            } else if let starts = engine.plan.versionStarts[rule.name] {
                named.version = VersionUsed(from: nil, next: starts.first)
            }
            return .figure(named, kind: .parameter, detail: nil)
        case .formula(let f):
            var detail: Phrase? = nil
            let ts = PhraseBuilder.terms(f, positive: true).filter { !(engine.eval($0.0, k).number?.isZero ?? false) }
            if ts.count >= 2, ts.count <= 4, ts.allSatisfy({ if case .ref = $0.0 { true } else { false } }) {
                var inner = PhraseBuilder(engine: engine, plan: plan)
                detail = inner.phrase(f, k)
            }
            return .figure(name, kind: rule.dimension.perAgent || rule.dimension.perOrder ? .rule : .team, detail: detail)
        default: return .figure(name, kind: .team, detail: nil)
        }
    }
}

extension CompiledPlan {
    /// Whether rule `r` counts things, so its value is a whole number of things, not CNY: its formula is
    /// a count over orders, over the months of a longer period or over agents (`count(orders where
    /// unrecognised)`, `count(agents where on_staff)`), or a running count — whole constants, earlier
    /// periods of itself and such counts, added up or chosen by conditions (the take-home part's
    /// `months_employed = (if month_of(period_start) = 1 then 0 else prev(months_employed)) + (if active then 1 else 0)`).
    /// - Complexity: O(size of the formula).
    public func countsThings(rule r: Int) -> Bool {
        if directlyCounts(r) { return true }
        guard case .formula(let e) = rules[r].kind else { return false }
        var evidence = false
        func counting(_ e: CExpr) -> Bool {
            switch e {
            case .constant(.number(let n)): return n.wholeNumber != nil
            case .ref(let q, let shift):
                guard (q == r && shift < 0) || directlyCounts(q) else { return false }
                evidence = true
                return true
            case .arithmetic(.add, let a, let b), .arithmetic(.subtract, let a, let b): return counting(a) && counting(b)
            case .ifThen(_, let a, let b): return counting(a) && counting(b)
            default:
                guard isCount(e) else { return false }
                evidence = true
                return true
            }
        }
        return counting(e) && evidence
    }

    /// A count over orders, months or agents (`count(…)`), directly as the rule's formula.
    private func directlyCounts(_ r: Int) -> Bool {
        switch rules[r].kind {
        case .formula(let e): return isCount(e)
        case .agentAggregate(.count, _, _): return true
        default: return false
        }
    }

    private func isCount(_ e: CExpr) -> Bool {
        switch e {
        case .orderAggregate(.count, _, _, _, _), .periodAggregate(.count, _, _, _, _): return true
        case .teamAggregate(let t): if case .agentAggregate(.count, _, _) = rules[t].kind { return true }; return false
        default: return false
        }
    }
}

extension PlainExplanation {
    /// The figures under this one, at any depth, that a condition set to 0 (`withheld` not nil), in
    /// reading order: what a pay statement says beside a line that is 0 for that reason (M1).
    ///
    /// - Complexity: O(parts, to every depth).
    public func withheldParts() -> [PlainExplanation] {
        parts.flatMap { ($0.withheld != nil ? [$0] : []) + $0.withheldParts() }
    }
}
