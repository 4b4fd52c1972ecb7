/// A parsed expression of the pay language, with its place in the source.
public struct Expr: Equatable, Sendable {
    public indirect enum Kind: Equatable, Sendable {
        case number(Fixed)
        case text(String)
        case bool(Bool)
        case date(Day)
        /// A name: a rule, input, parameter, attribute, table, or a built-in such as `tenure`.
        case name(String)
        /// `revenue[2026-03]`: a figure at a fixed period.
        case at(name: String, period: Period)
        case unary(op: String, Expr)
        case binary(op: String, Expr, Expr)
        case ifThen(Expr, Expr, Expr)
        /// `round(x)`, `lookup(T, x)`, `prev(x)`, `paid(x)`, `min(a, b)` …
        case call(name: String, args: [Expr])
        /// `sum(revenue over half where …)`, `count(agents where active)`, `rank(x over agents where …)`,
        /// `sum(amount over orders by paid where counted)`.
        case aggregate(function: String, value: Expr?, scope: Scope, filter: Expr?)
        /// `allocate(total, weight)` among the orders of the agent's month, or
        /// `allocate(total, weight over agents)` among the agents: shares to the fen
        /// that add up exactly to the total (largest remainder, ties to the lower ID).
        case allocate(total: Expr, weight: Expr, scope: Scope)
    }
    public let kind: Kind
    public let range: SourceRange
    public init(_ kind: Kind, _ range: SourceRange) { self.kind = kind; self.range = range }
}

extension Expr {
    /// The amount a constant expression stands for: `12万`, `-5000`, `1.5万 + 800`.
    ///
    /// - Throws: `SourceError` at the part that is not an amount (a name, text) or
    ///   cannot be computed (division by zero, too large).
    public func constantAmount() throws -> Fixed {
        try constantAmount(in: "")
    }

    /// `constantAmount()`, with errors placed in `source` (the statement the expression came from).
    public func constantAmount(in source: String) throws -> Fixed {
        switch kind {
        case .number(let n): return n
        case .unary("-", let a): return -(try a.constantAmount(in: source))
        case .binary(let op, let a, let b) where ["+", "-", "*", "/"].contains(op):
            let x = try a.constantAmount(in: source), y = try b.constantAmount(in: source)
            if case .number(let r) = Engine.arithmetic(ArithmeticOp(rawValue: op)!, .number(x), .number(y)) { return r }
            throw SourceError(.notComputable, at: range, in: source)
        default:
            throw SourceError(.inputNotAmount, at: range, in: source)
        }
    }
}

/// What an aggregation runs over.
public enum Scope: Equatable, Sendable {
    /// The months (or other sub-periods) of the quarter, half or year that
    /// contains the cell being computed.
    case period(Grain)
    /// Every agent, in the same period.
    case agents
    /// The orders credited to the agent (or, in a team rule, all orders) booked in
    /// the period: by their date, or by the month of the date `by` gives.
    case orders(by: Expr?)
}

/// The dimensions a rule is written for: a grain of period, and whether it
/// is per agent (`month pay`) or for the whole team (`team month pool`).
public struct Dimension: Hashable, Sendable, CustomStringConvertible {
    public var grain: Grain
    public var perAgent: Bool
    /// One cell per order (`order margin = …`); such a rule reads its agent's
    /// figures of the order's month, so `grain` is `.month` and `perAgent` true.
    public var perOrder: Bool
    public init(grain: Grain, perAgent: Bool, perOrder: Bool = false) {
        self.grain = grain; self.perAgent = perAgent; self.perOrder = perOrder
    }
    public static let parameter = Dimension(grain: .none, perAgent: false)
    public static let order = Dimension(grain: .month, perAgent: true, perOrder: true)
    public var description: String {
        perOrder ? "order" : (perAgent ? "" : "team ") + (grain == .none ? "" : grain.keyword)
    }
}

/// Which side of a tier's boundaries is inclusive.
public enum TierSides: String, Equatable, Sendable, Codable {
    /// `[lo, hi)`: a tier starts at its threshold (inclusive) and runs up to the next (exclusive). The default.
    case lowerInclusive = "[lo, hi)"
    /// `(lo, hi]`: a tier runs from above its threshold up to and including the next (Chinese 以内).
    case upperInclusive = "(lo, hi]"
}

/// One statement of a plan.
public enum Statement: Equatable, Sendable {
    case param(name: String, label: String?, value: Expr)
    /// `input month sales default 0 range 0..`: an entered figure; a value outside `range` is warned about.
    case input(dimension: Dimension, name: String, label: String?, defaultValue: Expr?, range: AmountRange? = nil)
    /// `attribute base default 3000 range 0..`: an agent attribute; a value outside `range` is refused.
    case attribute(name: String, label: String?, defaultValue: Expr?, range: AmountRange? = nil)
    /// `field paid "回款日期"`: an order field, with a default for orders that lack it.
    /// `range` (optional): the amounts an order may carry in this field (`field price default 0 range 0..`).
    case field(name: String, label: String?, defaultValue: Expr?, range: AmountRange? = nil)
    case table(name: String, label: String?, sides: TierSides, rows: [TableRow])
    case rule(dimension: Dimension, name: String, label: String?, formula: Expr)
    /// `report columns revenue, deduction, pay`: the figures a report shows.
    case reportColumns([String])
    /// `report total pay`: the figure whose changes are listed after every edit.
    case reportTotal(String)
    /// `use takehome` or `use takehome on total_pay`: brings a shared plan part (`PlanPart`) into the
    /// plan; `gross` names the plan's gross pay figure the part reads (`nil`: `pay`).
    case use(part: String, gross: String?)
    /// `payslip earnings base_pay, commission`: which figures a pay statement (工资条) shows in a
    /// section — earnings (应发项目, added), deductions (扣款项目, subtracted, written as positive
    /// amounts), info (KPIs and flags, shown apart, never added) — or, for `total`, the one
    /// figure the statement adds up to (by default the report total).
    case payslip(PayslipSection, [String])

    /// The name a statement defines (`report …` statements define `report columns`/`report total`).
    public var name: String {
        switch self {
        case .param(let n, _, _), .input(_, let n, _, _, _), .attribute(let n, _, _, _), .field(let n, _, _, _),
             .table(let n, _, _, _), .rule(_, let n, _, _): n
        case .reportColumns: "report columns"
        case .reportTotal: "report total"
        case .use(let part, _): "use \(part)"
        case .payslip(let section, _): "payslip \(section.rawValue)"
        }
    }
    public var label: String? {
        switch self {
        case .param(_, let l, _), .input(_, _, let l, _, _), .attribute(_, let l, _, _), .field(_, let l, _, _),
             .table(_, let l, _, _), .rule(_, _, let l, _): l
        default: nil
        }
    }
}

/// A tier: its threshold and the value of the tier, which may use `x`, the amount looked up.
public struct TableRow: Equatable, Sendable {
    public let threshold: Expr
    public let value: Expr
}

/// The amounts a plan declares acceptable for an input or attribute: `range 0..` (no negative
/// sales), `range 0..100`, `range ..5万`. Both ends are inclusive; a missing end is unbounded.
public struct AmountRange: Equatable, Sendable, CustomStringConvertible {
    /// The smallest acceptable amount (CNY or count), or `nil` for no lower bound.
    public var lower: Fixed?
    /// The largest acceptable amount, or `nil` for no upper bound.
    public var upper: Fixed?
    public init(lower: Fixed?, upper: Fixed?) { self.lower = lower; self.upper = upper }
    /// True when `value` lies inside both ends.
    public func contains(_ value: Fixed) -> Bool {
        (lower.map { value >= $0 } ?? true) && (upper.map { value <= $0 } ?? true)
    }
    /// As written in a plan: `0..`, `0..100`, `..5万` (amounts in plain digits).
    public var description: String {
        (lower?.description ?? "") + ".." + (upper?.description ?? "")
    }
}

/// A section of a pay statement (工资条), declared by `payslip SECTION a, b, c`.
public enum PayslipSection: String, Sendable, CaseIterable {
    /// 应发项目: added up to 应发合计.
    case earnings
    /// 扣款项目: deductions, penalties, clawbacks — positive amounts subtracted from 应发合计.
    case deductions
    /// 参考信息: KPIs and flags, shown apart and never added.
    case info
    /// The figure the statement adds up to (one name).
    case total
}
