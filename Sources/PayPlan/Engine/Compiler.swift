/// An expression with every name resolved: what the engine evaluates.
///
/// The compiler checks, once, that each name exists and that each reference
/// makes sense for the rule's dimension (a half-year rule cannot read a
/// monthly figure directly, only through `sum(… over half)`), so evaluation
/// never meets an unknown name.
public indirect enum CExpr: Equatable, Sendable {
    case constant(Value)
    /// A figure at the same coordinates (its containing period when it is
    /// coarser), moved `shift` periods of its own grain (`prev`: −1).
    case ref(rule: Int, shift: Int)
    /// A figure at a fixed period.
    case at(rule: Int, period: Period)
    /// A quarter/half/year figure in the last month of its period, else 0.
    case paid(rule: Int)
    /// An agent attribute, with the plan's default when the agent has none.
    case attribute(String, defaultValue: CExpr?)
    case builtin(Builtin)
    case negate(CExpr)
    case not(CExpr)
    case arithmetic(ArithmeticOp, CExpr, CExpr)
    case compare(CompareOp, CExpr, CExpr)
    case and(CExpr, CExpr)
    case or(CExpr, CExpr)
    case ifThen(CExpr, CExpr, CExpr)
    case function(Function, [CExpr])
    /// A tier lookup; `rows` are the table's rows compiled for this place.
    case table(TableOp, table: String, sides: TierSides, arg: CExpr, rows: [CRow])
    /// An aggregation over the months (or quarters, halves) of the containing `scope` period.
    case periodAggregate(AggregateOp, scope: Grain, iteration: Grain, value: CExpr?, filter: CExpr?)
    /// Reads a team cell that aggregates over agents.
    case teamAggregate(rule: Int)
    /// This agent's competition rank (1 = highest, ties share, next skipped) in a ranking cell;
    /// with `ties`, how many agents share this agent's value. 0 when filtered out.
    case rank(rule: Int, own: CExpr, filter: CExpr?, ties: Bool)
    /// An order's field, with the plan's default when the order has none. `column` is the
    /// field's column in the engine's typed order columns (`OrderColumns.column(of:in:)` over
    /// `CompiledPlan.orderColumns`), resolved here so that evaluating it looks nothing up by name.
    case orderField(String, column: Int, defaultValue: CExpr?)
    /// An aggregation over the orders booked in the period (grouping 0: by their
    /// date; others: by the month of `CompiledPlan.groupings[i]`), the agent's
    /// own or, when `perAgent` is false, everyone's.
    case orderAggregate(AggregateOp, value: CExpr?, filter: CExpr?, grouping: Int, perAgent: Bool)
    /// This order's (or agent's) share in an allocation cell.
    case share(rule: Int, overOrders: Bool)
}

public struct CRow: Equatable, Sendable {
    public let threshold: CExpr
    public let value: CExpr
}

public enum Builtin: String, Sendable {
    /// The amount being looked up, inside a table row.
    case x
    /// Months of employment: 1 in the hire month, 0 before it (C1, C4).
    case tenure
    /// Employed on any day of the period.
    case active
    case periodStart = "period_start"
    case periodEnd = "period_end"
    /// What is known on this day: the scenario's as-of date.
    case asOf = "as_of"
    /// Calendar days of the period the agent was employed, hire and leave days included (16 in
    /// 2026-03 for a 2026-03-16 start; the period's days when employed throughout).
    case daysEmployed = "days_employed"
    /// Monday-to-Friday days of the period the agent was employed (the days the 21.75 pay days
    /// count; 12 in 2026-03 for a 2026-03-16 start). See `Employment`.
    case paidDaysEmployed = "paid_days_employed"
}

public enum ArithmeticOp: String, Sendable { case add = "+", subtract = "-", multiply = "*", divide = "/" }
public enum CompareOp: String, Sendable { case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=" }
public enum Function: String, Sendable {
    case round, floor, ceil, abs, min, max, iferror, ifmissing
    /// `missing(paid)`: yes when the value is `#MISSING` (an order not paid yet).
    case missing
    /// `workdays_after(date, 2)`: the second working day after `date` (the scenario's calendar).
    case workdaysAfter = "workdays_after"
    /// `workdays_between(a, b)`: working days after `a` up to and including `b`.
    case workdaysBetween = "workdays_between"
    /// `days_between(a, b)`: calendar days from `a` to `b` (`b − a`).
    case daysBetween = "days_between"
    /// `month_of(date)`, `year_of(date)`, `day_of(date)`: parts of a date (`month_of(period_start)` is 1 in January).
    case monthOf = "month_of", yearOf = "year_of", dayOf = "day_of"
    /// `error("commission_mode must be individual or pool")`: an error value (`#ERROR`) with that message,
    /// for a plan to reject a setting it does not know instead of quietly computing something.
    case error
    /// `prorate(base, "calendar_days")`, `prorate(base, "paid_days")`: an amount (CNY) for the part of the
    /// period the agent was employed (document 4, partial months). See `Proration`.
    case prorate
}
public enum TableOp: String, Sendable {
    /// The value of the tier the amount falls in (its row, with `x` = the amount).
    case lookup
    /// Σ row value × the slice of the amount inside each tier (超额累进).
    case marginal
    /// The tier's rate applied to the whole amount (全额累进): `lookup × amount`.
    case retroactive
}
public enum AggregateOp: String, Sendable { case sum, avg, min, max, count }

/// What a compiled rule computes for each of its cells.
public enum RuleKind: Equatable, Sendable {
    /// An input: the stored value, else the default, else `#MISSING`.
    case input(defaultValue: CExpr?)
    case parameter(CExpr)
    case formula(CExpr)
    /// A team cell aggregating `value` over the agents that pass `filter`.
    case agentAggregate(AggregateOp, value: CExpr?, filter: CExpr?)
    /// A team cell holding the sorted values that `rank` reads.
    case ranking(value: CExpr, filter: CExpr?)
    /// Shares of `total` (evaluated at the cell) in proportion to `weight`
    /// (evaluated for each order of the agent's month, or each agent), to the fen.
    case allocation(total: CExpr, weight: CExpr, overOrders: Bool)
}

/// A rule, input or parameter after compiling: one row of cells per agent (or one for the team).
public struct CompiledRule: Equatable, Sendable {
    public let name: String
    public let label: String?
    public let dimension: Dimension
    public let kind: RuleKind
    /// False for the hidden team cells the compiler makes for aggregations over agents.
    public let visible: Bool
}

/// A plan with every name resolved.
public struct CompiledPlan: Sendable {
    public private(set) var rules: [CompiledRule] = []
    public private(set) var ruleIndex: [String: Int] = [:]
    /// Attribute name → compiled default (nil when none is declared).
    public fileprivate(set) var attributes: [String: CExpr?] = [:]
    /// Order field name → compiled default (nil when none is declared).
    public fileprivate(set) var fields: [String: CExpr?] = [:]
    /// The field names the orders hold (the `orderFields` compiled with, standard names left out),
    /// sorted: the engine's typed order columns (`OrderColumns`), which `CExpr.orderField` reads by number.
    public fileprivate(set) var orderColumns: [String] = []
    /// The dates orders are grouped by in `over orders by …`; entry 0 (`nil`) is the order's own date.
    public fileprivate(set) var groupings: [CExpr?] = [nil]
    /// Rules whose values depend only on data that change by rebuilding
    /// (parameters, order fields, attributes): computed before the cell graph
    /// is built, so orders can be grouped by them.
    public fileprivate(set) var staticRules: Set<Int> = []
    public private(set) var reportColumns: [String] = []
    /// The rules of shared plan parts that are the part's working, not its headline figures
    /// (`PlanPart.headline`): left out of the default report columns (`defaultReportFigures`).
    public private(set) var partWorkings: Set<String> = []
    public private(set) var total: String? = nil
    /// The pay statement's sections as the plan declares them (`payslip earnings …`); empty when it declares none.
    public private(set) var payslip: [PayslipSection: [String]] = [:]
    /// What the plan alone shows to be probably wrong, in plan order (the definitions still compile).
    public private(set) var warnings: [PlanWarning] = []
    /// The months the dated versions of a definition take effect (`from 2026-07 …`), by name,
    /// earliest first; names without versions are absent. A rule's formula, a table's lookups and
    /// a parameter's readings choose the version by the first day of the period computed.
    public fileprivate(set) var versionStarts: [String: [Month]] = [:]
    /// For each dated version of a parameter, its hidden rule (one cell, like the parameter)
    /// and the month it takes effect.
    public fileprivate(set) var parameterVersions: [Int: (name: String, from: Month)] = [:]
    /// The rules that are balances (an amount standing at a month's end, such as damage still to deduct),
    /// whose longer periods show their last month's value, not a sum (`CompiledPlan+Balances`).
    public private(set) var balances: Set<Int> = []

    /// Compiles `plan` for agents carrying `agentAttributes` (extra attribute keys).
    ///
    /// - Throws: `CompileError` naming the definition and the place of the first
    ///   unknown name, wrong dimension or misuse of a table, or a cycle between
    ///   rules (`pay → bonus → pay`).
    public init(plan: Plan, agentAttributes: Set<String>, orderFields: Set<String> = []) throws {
        var columns: [String] = []
        var total: String? = nil
        // Declare every name first so rules may refer to ones defined later.
        var tables: [String: (TierSides, [TableRow], Definition)] = [:]
        var attributeDefaults: [String: Expr?] = [:]
        for a in Agent.standardAttributes { attributeDefaults[a] = .some(nil) }
        for a in agentAttributes { attributeDefaults[a] = .some(nil) }
        var fieldDefaults: [String: Expr?] = [:]
        for f in Order.standardFields { fieldDefaults[f] = .some(nil) }
        for f in orderFields { fieldDefaults[f] = .some(nil) }
        orderColumns = orderFields.subtracting(Order.standardFields).sorted()
        var bodies: [(Int, Definition)] = []
        for d in plan.definitions {
            if !d.versions.isEmpty {
                for v in d.versions {
                    if let problem = Plan.versionMismatch(base: d, version: v) { throw CompileError(definition: d.name, error: problem) }
                }
                versionStarts[d.name] = d.versions.map { $0.effective! }
            }
            switch d.statement {
            case .param(let n, let l, _):
                bodies.append((declare(n, l, .parameter, .parameter(.constant(.number(0)))), d))
                // Each dated version of a parameter is a hidden parameter of its own; readers choose by period.
                for v in d.versions {
                    rules.append(CompiledRule(name: n, label: l, dimension: .parameter, kind: .parameter(.constant(.number(0))), visible: false))
                    parameterVersions[rules.count - 1] = (n, v.effective!)
                    bodies.append((rules.count - 1, v))
                }
            case .input(let dim, let n, let l, _, _):
                bodies.append((declare(n, l, dim, .input(defaultValue: nil)), d))
            case .rule(let dim, let n, let l, _):
                bodies.append((declare(n, l, dim, .formula(.constant(.number(0)))), d))
                if let part = d.part.flatMap(PlanPart.named), !part.headline.contains(n) { partWorkings.insert(n) }
            case .table(let n, _, let sides, let rows):
                tables[n] = (sides, rows, d)
            case .attribute(let n, _, let def, _):
                attributeDefaults[n] = .some(def)
            case .field(let n, _, let def, _):
                fieldDefaults[n] = .some(def)
            case .reportColumns(let c): columns = c
            case .reportTotal(let t): total = t
            case .use: break  // the part's definitions follow it in the plan
            case .payslip(let section, let names): payslip[section] = names
            }
        }
        self.reportColumns = columns
        self.total = total ?? (ruleIndex["pay"] != nil ? "pay" : columns.last)
        try CompiledPlan.checkTableCycles(tables.mapValues { t in
            t.2.versions.reduce(t.1) { rows, v in if case .table(_, _, _, let r) = v.statement { rows + r } else { rows } }
        })

        var compiler = ExprCompiler(plan: self, tables: tables, attributeNames: Set(attributeDefaults.keys), fieldNames: Set(fieldDefaults.keys))
        for (name, def) in attributeDefaults {
            guard let e = def ?? nil else { attributes[name] = .some(nil); continue }
            let d = plan.definition(named: name)!
            attributes[name] = try compiler.compile(e, in: Dimension(grain: .none, perAgent: true), definition: d)
        }
        compiler.plan.attributes = attributes
        for (name, def) in fieldDefaults {
            guard let e = def ?? nil else { fields[name] = .some(nil); continue }
            let d = plan.definition(named: name)!
            fields[name] = try compiler.compile(e, in: .order, definition: d)
        }
        compiler.plan.fields = fields
        for (index, d) in bodies {
            let r = rules[index]
            let kind: RuleKind
            switch d.statement {
            case .param(_, _, let e): kind = .parameter(try compiler.compile(e, in: .parameter, definition: d))
            case .input(let dim, _, _, let def, _): kind = .input(defaultValue: try def.map { try compiler.compile($0, in: dim, definition: d) })
            case .rule(let dim, _, _, let e):
                var f = try compiler.compile(e, in: dim, definition: d)
                for v in d.versions {
                    guard case .rule(_, _, _, let ve) = v.statement else { continue }
                    f = CExpr.versionSelect(from: v.effective!, then: try compiler.compile(ve, in: dim, definition: v), else: f)
                }
                kind = .formula(f)
            default: continue
            }
            rules[index] = CompiledRule(name: r.name, label: r.label, dimension: r.dimension, kind: kind, visible: r.visible)
        }
        // Hidden team cells made while compiling.
        rules.append(contentsOf: compiler.synthetic)
        groupings = compiler.plan.groupings
        staticRules = CompiledPlan.findStatic(rules)
        for (i, g) in groupings.enumerated() {
            guard let g, !CompiledPlan.isStatic(g, staticRules) else { continue }
            let (d, range) = compiler.groupingSources[i]
            throw CompileError(definition: d.name, error: SourceError(.compile(.groupingNotStatic), at: range, in: d.source))
        }
        // A name the report or payslip gives that is no figure: the nearest visible figure's, for "did you mean".
        func nearestFigure(_ n: String) -> String? { closestName(to: n, among: rules.filter(\.visible).map(\.name)) }
        for c in columns where ruleIndex[c] == nil {
            let d = plan.definition(named: "report columns")!
            throw CompileError(definition: d.name, error: SourceError(.compile(.noFigure(c, suggestion: nearestFigure(c))), at: nil, in: d.source))
        }
        for (section, names) in payslip {
            for n in names {
                let d = plan.definition(named: "payslip \(section.rawValue)")!
                guard let r = ruleIndex[n] else { throw CompileError(definition: d.name, error: SourceError(.compile(.noFigure(n, suggestion: nearestFigure(n))), at: nil, in: d.source)) }
                if !rules[r].dimension.perAgent {
                    throw CompileError(definition: d.name, error: SourceError(.compile(.teamFigureOnPayslip(n)), at: nil, in: d.source))
                }
            }
        }
        if let t = total ?? nil, ruleIndex[t] == nil {
            let d = plan.definition(named: "report total")!
            throw CompileError(definition: d.name, error: SourceError(.compile(.noFigure(t, suggestion: nearestFigure(t))), at: nil, in: d.source))
        }
        try checkRuleCycles()
        balances = CompiledPlan.balanceRules(rules)
        var seen = Set<String>()
        let found = CompiledPlan.shadowWarnings(plan: plan, attributes: compiler.attributeNames,
                                                declaredAttributes: Set(plan.definitions.compactMap { if case .attribute(let n, _, _, _) = $0.statement { n } else { nil } }),
                                                fields: compiler.fieldNames)
            + compiler.warnings + CompiledPlan.neverChangesWarnings(plan: plan, rules: rules)
        // Most plans have no warning: the definitions' order is worked out only to sort some.
        guard !found.isEmpty else { warnings = []; return }
        let order = Dictionary(plan.definitions.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        warnings = found.filter { seen.insert("\($0.kind)|\($0.definition)|\($0.range.map { "\($0)" } ?? "")").inserted }
            .enumerated().sorted { (order[$0.element.definition] ?? 0, $0.offset) < (order[$1.element.definition] ?? 0, $1.offset) }.map(\.element)
    }

    /// This plan with `definition` added as its last rule: what `init(plan:agentAttributes:orderFields:)`
    /// makes of `plan`, which is the plan compiled here with `definition` defined at its end (a script
    /// that writes a plan top down, one definition a line: fresh-user finding M-E), without compiling
    /// the other definitions again. A new name cannot change how they compile: they compiled without
    /// it, and it is no built-in, attribute, field or table they could have read instead. Nothing reads
    /// the new rule, so it closes no circle (unless it reads itself) and makes no other rule static.
    ///
    /// `nil` when that cannot be told so cheaply, and the whole plan is to be compiled (which also gives
    /// any error): the definition is not a new parameter or rule of agents or the team (an order rule,
    /// an input, a table, a dated version…), is named `pay` or `x`, reads itself, makes a hidden team
    /// cell or an order grouping, or this plan has hidden team cells (their numbers would move).
    /// - Complexity: O(definitions) to gather the tables, then O(the definition's size).
    func appending(_ d: Definition, in plan: Plan) -> CompiledPlan? {
        guard d.versions.isEmpty, d.effective == nil, d.part == nil, plan.definitions.last?.name == d.name else { return nil }
        let n = d.name
        let dim: Dimension, e: Expr, label: String?, isParameter: Bool
        switch d.statement {
        case .param(_, let l, let x): (dim, e, label, isParameter) = (.parameter, x, l, true)
        case .rule(let rd, _, let l, let x) where !rd.perOrder: (dim, e, label, isParameter) = (rd, x, l, false)
        default: return nil
        }
        guard ruleIndex[n] == nil, n != "x", n != "pay", ExprCompiler.builtinNames[n] == nil, attributes[n] == nil, fields[n] == nil,
              rules.count == ruleIndex.count + parameterVersions.count,
              !warnings.contains(where: { $0.definition == n }) else { return nil }
        var tables: [String: (TierSides, [TableRow], Definition)] = [:]
        for t in plan.definitions {
            if case .table(let tn, _, let sides, let rows) = t.statement { tables[tn] = (sides, rows, t) }
        }
        guard tables[n] == nil else { return nil }
        let k = rules.count
        var next = self
        next.rules.append(CompiledRule(name: n, label: label, dimension: dim, kind: isParameter ? .parameter(.constant(.number(0))) : .formula(.constant(.number(0))), visible: true))
        next.ruleIndex[n] = k
        var compiler = ExprCompiler(plan: next, tables: tables, attributeNames: Set(attributes.keys), fieldNames: Set(fields.keys))
        guard let c = try? compiler.compile(e, in: dim, definition: d), compiler.synthetic.isEmpty,
              compiler.plan.groupings.count == groupings.count else { return nil }
        var plain: [(rule: Int, shift: Int)] = [], other: [Int] = []
        Engine.references(c, plain: true, into: &plain, other: &other)
        guard !plain.contains(where: { $0.rule == k }), !other.contains(k) else { return nil }
        let rule = CompiledRule(name: n, label: label, dimension: dim, kind: isParameter ? .parameter(c) : .formula(c), visible: true)
        next.rules[k] = rule
        if isParameter, CompiledPlan.isStatic(c, staticRules) { next.staticRules.insert(k) }
        // Its warnings come last, as the plan's order puts them: the compiler's, then "never changes".
        let found = compiler.warnings + [CompiledPlan.neverChangesWarning(rule, definition: d)].compactMap { $0 }
        guard found.allSatisfy({ $0.definition == n }) else { return nil }
        var seen = Set<String>()
        next.warnings += found.filter { seen.insert("\($0.kind)|\($0.definition)|\($0.range.map { "\($0)" } ?? "")").inserted }
        return next
    }

    private mutating func declare(_ name: String, _ label: String?, _ dim: Dimension, _ kind: RuleKind) -> Int {
        rules.append(CompiledRule(name: name, label: label, dimension: dim, kind: kind, visible: true))
        ruleIndex[name] = rules.count - 1
        return rules.count - 1
    }

    /// Refuses cycles among rules that read each other at the same period
    /// (a `prev` or fixed-period reference does not close a cycle here; the
    /// engine checks those cell by cell).
    /// - Throws: `CycleError` with the path of a table whose rows look the table itself up, directly or
    ///   through other tables (`table prize …: 0 -> lookup(prize, 1)`): the rows of a table are compiled
    ///   into every lookup, so such a table could never be compiled.
    /// - Complexity: O(size of the tables' rows).
    static func checkTableCycles(_ tables: [String: [TableRow]]) throws {
        let names = tables.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        func called(_ e: Expr, _ out: inout [Int]) {
            switch e.kind {
            case .number, .text, .bool, .date, .name, .at: break
            case .unary(_, let a): called(a, &out)
            case .binary(_, let a, let b): called(a, &out); called(b, &out)
            case .ifThen(let c, let a, let b): called(c, &out); called(a, &out); called(b, &out)
            case .call(let f, let args):
                if ["lookup", "marginal", "retroactive"].contains(f), case .name(let t)? = args.first?.kind, let i = index[t] { out.append(i) }
                for a in args { called(a, &out) }
            case .aggregate(_, let v, let scope, let f):
                v.map { called($0, &out) }; f.map { called($0, &out) }
                if case .orders(let by?) = scope { called(by, &out) }
            case .allocate(let t, let w, _): called(t, &out); called(w, &out)
            }
        }
        let edges: [[Int]] = names.map { n in
            var out: [Int] = []
            for row in tables[n] ?? [] { called(row.threshold, &out); called(row.value, &out) }
            return out
        }
        if let cycle = Graph.findCycle(nodeCount: names.count, edges: { edges[$0] }) {
            throw CycleError(path: cycle.map { names[$0] }, definition: names[cycle[0]])
        }
    }

    func checkRuleCycles() throws {
        var edges: [[Int]] = Array(repeating: [], count: rules.count)
        for (i, r) in rules.enumerated() {
            var refs: [Int] = []
            for e in r.kind.expressions { CExpr.sameTimeRefs(e, into: &refs) }
            edges[i] = refs
        }
        if let cycle = Graph.findCycle(nodeCount: rules.count, edges: { edges[$0] }) {
            let names = cycle.map { rules[$0].visible ? rules[$0].name : "(\(rules[$0].name))" }
            let first = rules[cycle[0]].name
            throw CycleError(path: names, definition: first)
        }
    }
}

extension CompiledPlan {
    /// The rules computable from data alone (see `staticRules`): a fixpoint over the rules.
    static func findStatic(_ rules: [CompiledRule]) -> Set<Int> {
        var result = Set<Int>()
        var changed = true
        while changed {
            changed = false
            for (i, r) in rules.enumerated() where !result.contains(i) {
                let ok: Bool
                switch r.kind {
                case .parameter(let e): ok = isStatic(e, result)
                case .formula(let e) where r.dimension.perOrder: ok = isStatic(e, result)
                default: ok = false
                }
                if ok { result.insert(i); changed = true }
            }
        }
        return result
    }

    /// True when `e` reads nothing but constants, fields, attributes, built-ins and rules in `known`.
    static func isStatic(_ e: CExpr, _ known: Set<Int>) -> Bool {
        switch e {
        case .constant, .builtin: return true
        case .ref(let r, _), .at(let r, _): return known.contains(r)
        case .paid, .teamAggregate, .rank, .orderAggregate, .share, .periodAggregate: return false
        case .attribute(_, let d), .orderField(_, _, let d): return d.map { isStatic($0, known) } ?? true
        case .negate(let a), .not(let a): return isStatic(a, known)
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
            return isStatic(a, known) && isStatic(b, known)
        case .ifThen(let a, let b, let c): return isStatic(a, known) && isStatic(b, known) && isStatic(c, known)
        case .function(_, let args): return args.allSatisfy { isStatic($0, known) }
        case .table(_, _, _, let arg, let rows):
            return isStatic(arg, known) && rows.allSatisfy { isStatic($0.threshold, known) && isStatic($0.value, known) }
        }
    }
}

extension CExpr {
    /// The choice between versions of a definition (`from 2026-07 …`): `then` in periods that start
    /// on or after `month`'s first day, else `otherwise`. An ordinary `if period_start >= …`, so the
    /// dependency graph holds both versions' reads and an edit of one recomputes only its readers.
    public static func versionSelect(from month: Month, then new: CExpr, else otherwise: CExpr) -> CExpr {
        .ifThen(.compare(.ge, .builtin(.periodStart), .constant(.date(month.firstDay))), new, otherwise)
    }

    /// When this is a version choice made by `versionSelect`, its month and the two branches.
    public var versionChoice: (from: Month, then: CExpr, else: CExpr)? {
        if case .ifThen(.compare(.ge, .builtin(.periodStart), .constant(.date(let d))), let a, let b) = self, d.day == 1 {
            switch a {
            case .table, .ref: return (d.monthValue, a, b)
            default: return nil
            }
        }
        return nil
    }

    /// Rules this expression reads at the same time coordinate (for the rule-level cycle check).
    public static func sameTimeRefs(_ e: CExpr, into out: inout [Int]) {
        switch e {
        case .ref(let r, let shift): if shift == 0 { out.append(r) }
        case .paid(let r), .teamAggregate(let r), .rank(let r, _, _, _), .share(let r, _): out.append(r)
        default: break
        }
        e.forEachSubexpression { sameTimeRefs($0, into: &out) }
    }
}

/// A compile error inside one definition.
public struct CompileError: Error, CustomStringConvertible {
    public let definition: String
    public let error: SourceError
    public var description: String { "in '\(definition)': \(error.message)" }
}

/// Rules that depend on each other in a circle; nothing was changed.
public struct CycleError: Error, CustomStringConvertible {
    /// The rule names around the cycle, first repeated at the end: `["pay", "bonus", "pay"]`.
    public let path: [String]
    public let definition: String
    public var description: String { "circular reference: \(path.joined(separator: " → "))" }
}

/// Resolves names and checks dimensions for one plan.
struct ExprCompiler {
    var plan: CompiledPlan
    let tables: [String: (TierSides, [TableRow], Definition)]
    let attributeNames: Set<String>
    let fieldNames: Set<String>
    var synthetic: [CompiledRule] = []
    /// Where each grouping (`by …`) was written, for errors.
    var groupingSources: [(Definition, SourceRange)] = []
    var definition: Definition!
    var inTable = false
    /// True while compiling inside an aggregation over periods in an order rule.
    var inOrderRule = false
    /// Inside a branch of an `if` that tests the period (`if month_of(period_end) = 12 then …`).
    var timed = false
    var warnings: [PlanWarning] = []
    /// How the value being compiled reaches the rule's figure: added to it (`pay = base + qbonus`),
    /// deciding a branch (`if sum(sales over quarter) >= 20万 then …`), or only as a factor or
    /// argument (`contribution_base * rate`: a yearly base used every month is meant).
    enum Context { case additive, condition, other }
    var context = Context.additive

    /// Warns when a rule of `dim` reads longer rule `r` as it stands (not through `paid`, a period
    /// test or an aggregation): a quarterly bonus read into a month's pay is paid in every month.
    mutating func warnPeriodFigure(_ r: Int, from dim: Dimension, _ e: Expr) {
        let t = plan.rules[r]
        guard context == .additive, !timed, !inTable, dim.grain != .none, !dim.perOrder, !t.dimension.perOrder, t.dimension.grain != .none,
              t.dimension.grain > dim.grain else { return }
        let n = t.name, g = t.dimension.grain.keyword
        warnings.append(PlanWarning(.periodFigureInShorterRule, definition: definition.name,
            message: "'\(n)' is \(t.dimension.grain.adjective): read in a \(dim.grain.keyword) rule it counts in every \(dim.grain.keyword) of the \(g); write paid(\(n)) to pay it once, in the \(g)'s last \(dim.grain.keyword) (or test the period: if month_of(period_end) = … then \(n) else 0)",
            zh: "'\(n)' 是\(PlanWarning.zh(t.dimension.grain))数字：在\(PlanWarning.zh(dim.grain))规则中直接读取，它会在该\(PlanWarning.zh(t.dimension.grain))的每个\(PlanWarning.zh(dim.grain))都计入一次；请写 paid(\(n))，只在最后一个\(PlanWarning.zh(dim.grain))发放（或判断期间：if month_of(period_end) = … then \(n) else 0）",
            range: e.range, source: definition.source))
    }
    /// The tables whose rows are being compiled, outermost first: a table that reads itself,
    /// directly or through another table, is a cycle (its rows are compiled inline at each lookup).
    var tablesCompiling: [String] = []

    init(plan: CompiledPlan, tables: [String: (TierSides, [TableRow], Definition)], attributeNames: Set<String>, fieldNames: Set<String>) {
        self.plan = plan; self.tables = tables; self.attributeNames = attributeNames; self.fieldNames = fieldNames
        groupingSources = [(try! Definition(source: "param none = 0"), 0..<0)]
    }

    func fail(_ kind: SourceError.Kind, _ e: Expr) -> CompileError {
        CompileError(definition: definition.name, error: SourceError(kind, at: e.range, in: definition.source))
    }

    mutating func compile(_ e: Expr, in dim: Dimension, definition d: Definition) throws -> CExpr {
        definition = d
        context = .additive
        return try compile(e, dim)
    }

    static let builtinNames: [String: Builtin] = [
        "tenure": .tenure, "active": .active, "period_start": .periodStart, "period_end": .periodEnd, "as_of": .asOf,
        "days_employed": .daysEmployed, "paid_days_employed": .paidDaysEmployed,
    ]

    /// Checks that a cell of `dim` may read rule `r` at the same coordinates.
    func checkReference(_ r: Int, from dim: Dimension, _ e: Expr) throws {
        let t = plan.rules[r]
        let n = t.name
        if t.dimension.perOrder && !dim.perOrder {
            throw fail(.compile(.perOrder(n)), e)
        }
        if t.dimension.perOrder { return }
        if t.dimension.perAgent && !dim.perAgent {
            throw fail(.compile(.perAgentUnaggregated(n)), e)
        }
        if t.dimension.grain != .none && dim.grain == .none {
            throw fail(.compile(.periodInParameter(n, grain: t.dimension.grain)), e)
        }
        if t.dimension.grain != .none && t.dimension.grain < dim.grain {
            throw fail(.compile(.finerInCoarser(n, grain: t.dimension.grain, rule: dim.grain)), e)
        }
    }

    mutating func compile(_ e: Expr, _ dim: Dimension) throws -> CExpr {
        switch e.kind {
        case .number(let n): return .constant(.number(n))
        case .text(let s): return .constant(.text(s))
        case .bool(let b): return .constant(.bool(b))
        case .date(let d): return .constant(.date(d))
        case .name(let n):
            if n == "x" {
                guard inTable else { throw fail(.compile(.xOutsideTable), e) }
                return .builtin(.x)
            }
            if let r = plan.ruleIndex[n] {
                try checkReference(r, from: dim, e)
                warnPeriodFigure(r, from: dim, e)
                if let starts = plan.versionStarts[n], case .parameter = plan.rules[r].kind {
                    guard dim.grain != .none else {
                        throw fail(.version(.noMonthToChoose(n, from: starts[0], orAttribute: true)), e)
                    }
                    var c = CExpr.ref(rule: r, shift: 0)
                    for (v, from) in plan.parameterVersions.filter({ $0.value.name == n }).map({ ($0.key, $0.value.from) }).sorted(by: { $0.1 < $1.1 }) {
                        c = .versionSelect(from: from, then: .ref(rule: v, shift: 0), else: c)
                    }
                    return c
                }
                return .ref(rule: r, shift: 0)
            }
            if dim.perOrder, fieldNames.contains(n) {
                return .orderField(n, column: OrderColumns.column(of: n, in: plan.orderColumns), defaultValue: plan.fields[n] ?? nil)
            }
            if let b = ExprCompiler.builtinNames[n] {
                guard b == .asOf || (dim.perAgent && (dim.grain != .none || b == .periodStart || b == .periodEnd)) else {
                    throw fail(.compile(.agentPeriodInTeam(n, parameter: dim.perAgent)), e)
                }
                return .builtin(b)
            }
            if attributeNames.contains(n) {
                guard dim.perAgent else { throw fail(.compile(.attributeWithoutAgent(n)), e) }
                return .attribute(n, defaultValue: plan.attributes[n] ?? nil)
            }
            if tables[n] != nil {
                throw fail(.compile(.tableAsValue(n)), e)
            }
            if fieldNames.contains(n) {
                throw fail(.compile(.fieldOutsideOrder(n)), e)
            }
            throw fail(.unknownName(n, suggestion: closest(n)), e)
        case .at(let n, let period):
            guard let r = plan.ruleIndex[n] else { throw fail(.unknownName(n, suggestion: closest(n)), e) }
            let t = plan.rules[r]
            if t.dimension.perAgent && !dim.perAgent {
                throw fail(.compile(.perAgentInTeamRule(n)), e)
            }
            guard period.grain == t.dimension.grain else {
                throw fail(.compile(.wrongPeriod(n, grain: t.dimension.grain, period: period)), e)
            }
            return .at(rule: r, period: period)
        case .unary(let op, let a):
            let saved = context
            defer { context = saved }
            if op == "not" && context != .condition { context = .other }
            let c = try compile(a, dim)
            return op == "not" ? .not(c) : .negate(c)
        case .binary(let op, let a, let b):
            let saved = context
            defer { context = saved }
            if op == "*" || op == "/" { context = .other } else if op != "+" && op != "-" && context != .condition { context = .other }
            let l = try compile(a, dim), r = try compile(b, dim)
            switch op {
            case "and": return .and(l, r)
            case "or": return .or(l, r)
            default:
                if let a = ArithmeticOp(rawValue: op) { return .arithmetic(a, l, r) }
                return .compare(CompareOp(rawValue: op)!, l, r)
            }
        case .ifThen(let c, let a, let b):
            let savedContext = context
            context = .condition
            let condition = try compile(c, dim)
            context = savedContext
            let saved = timed
            defer { timed = saved }
            if condition.readsPeriod { timed = true }
            return .ifThen(condition, try compile(a, dim), try compile(b, dim))
        case .call(let name, let args):
            let saved = context
            defer { context = saved }
            if !["round", "floor", "ceil", "abs", "min", "max", "iferror", "ifmissing"].contains(name) { context = .other }
            return try compileCall(name, args, e, dim)
        case .aggregate(let fn, let value, let scope, let filter):
            let saved = context
            defer { context = saved }
            return try compileAggregate(fn, value, scope, filter, e, dim)
        case .allocate(let total, let weight, let scope):
            let saved = context
            defer { context = saved }
            context = .other
            return try compileAllocate(total, weight, scope, e, dim)
        }
    }

    mutating func compileCall(_ name: String, _ args: [Expr], _ e: Expr, _ dim: Dimension) throws -> CExpr {
        func arity(_ range: ClosedRange<Int>, _ usage: SourceError.ArgumentUsage) throws {
            guard range.contains(args.count) else { throw fail(.compile(.arguments(function: name, usage: usage)), e) }
        }
        switch name {
        case "round", "floor", "ceil":
            try arity(1...2, .roundDecimals)
            var c = [try compile(args[0], dim)]
            if args.count == 2 {
                guard case .number(let d) = args[1].kind, d >= 0, d <= 12, d.rounded(toDigits: 0) == d else {
                    throw fail(.compile(.decimals), args[1])
                }
                c.append(.constant(.number(d)))
            }
            return .function(Function(rawValue: name)!, c)
        case "abs":
            try arity(1...1, .oneAmount)
            return .function(.abs, [try compile(args[0], dim)])
        case "min", "max":
            try arity(2...64, .amounts)
            return .function(Function(rawValue: name)!, try args.map { try compile($0, dim) })
        case "iferror", "ifmissing":
            try arity(2...2, .fallback)
            return .function(Function(rawValue: name)!, [try compile(args[0], dim), try compile(args[1], dim)])
        case "error":
            try arity(1...1, .message)
            return .function(.error, [try compile(args[0], dim)])
        case "prorate":
            try arity(2...2, .prorate)
            guard dim.perAgent, dim.grain != .none, !dim.perOrder else {
                throw fail(.compile(.prorateOutsideAgentPeriod), e)
            }
            if case .text(let how) = args[1].kind, Proration(rawValue: how) == nil {
                throw fail(.compile(.prorateWay(how, ways: Proration.allCases.map(\.rawValue))), args[1])
            }
            return .function(.prorate, [try compile(args[0], dim), try compile(args[1], dim)])
        case "missing":
            try arity(1...1, .missingValue)
            return .function(.missing, [try compile(args[0], dim)])
        case "month_of", "year_of", "day_of":
            try arity(1...1, .oneDate)
            return .function(Function(rawValue: name)!, [try compile(args[0], dim)])
        case "workdays_after", "workdays_between", "days_between":
            try arity(2...2, name == "workdays_after" ? .workdaysAfter : .twoDates)
            return .function(Function(rawValue: name)!, [try compile(args[0], dim), try compile(args[1], dim)])
        case "lookup", "marginal", "retroactive":
            try arity(2...2, .tableAndAmount)
            guard case .name(let t) = args[0].kind, let table = tables[t] else {
                throw fail(.compile(.tableArgument(function: name, tables: tables.keys.sorted())), args[0])
            }
            let arg = try compile(args[1], dim)
            if let i = tablesCompiling.firstIndex(of: t) {
                throw CycleError(path: Array(tablesCompiling[i...]) + [t], definition: t)
            }
            tablesCompiling.append(t)
            defer { tablesCompiling.removeLast() }
            let saved = definition, savedIn = inTable
            definition = table.2
            var rows: [CRow] = []
            for row in table.1 {
                inTable = false
                let th = try compile(row.threshold, dim)
                inTable = true
                let v = try compile(row.value, dim)
                rows.append(CRow(threshold: th, value: v))
            }
            definition = saved; inTable = savedIn
            var lookup = CExpr.table(TableOp(rawValue: name)!, table: t, sides: table.0, arg: arg, rows: rows)
            if let first = table.2.versions.first {
                guard dim.grain != .none else {
                    throw fail(.version(.noMonthToChoose(t, from: first.effective!, orAttribute: false)), args[0])
                }
                for v in table.2.versions {
                    guard case .table(_, _, let sides, let vrows) = v.statement else { continue }
                    definition = v
                    var rows: [CRow] = []
                    for row in vrows {
                        inTable = false
                        let th = try compile(row.threshold, dim)
                        inTable = true
                        rows.append(CRow(threshold: th, value: try compile(row.value, dim)))
                    }
                    definition = saved; inTable = savedIn
                    lookup = .versionSelect(from: v.effective!, then: .table(TableOp(rawValue: name)!, table: t, sides: sides, arg: arg, rows: rows), else: lookup)
                }
            }
            return lookup
        case "prev":
            try arity(1...2, .prev)
            guard case .name(let n) = args[0].kind, let r = plan.ruleIndex[n] else {
                throw fail(.compile(.prevNeedsFigure), args[0])
            }
            try checkReference(r, from: dim, args[0])
            var k = 1
            if args.count == 2 {
                guard case .number(let d) = args[1].kind, d >= 1, d <= 1200, d.rounded(toDigits: 0) == d else {
                    throw fail(.compile(.periodsBack), args[1])
                }
                k = Int(d.raw / Fixed.scale)
            }
            return .ref(rule: r, shift: -k)
        case "paid":
            try arity(1...1, .paid)
            guard case .name(let n) = args[0].kind, let r = plan.ruleIndex[n] else {
                throw fail(.compile(.paidNeedsFigure), args[0])
            }
            let t = plan.rules[r]
            guard t.dimension.grain != .none, dim.grain != .none, t.dimension.grain > dim.grain else {
                throw fail(.compile(.paidLonger(n, rule: dim.grain, grain: t.dimension.grain)), e)
            }
            try checkReference(r, from: dim, args[0])
            return .paid(rule: r)
        default:
            throw fail(.compile(.unknownFunction(name, functions: ["round", "floor", "ceil", "abs", "min", "max", "lookup", "marginal", "retroactive", "prev", "paid", "iferror", "ifmissing", "missing", "error", "allocate", "prorate", "days_between", "workdays_after", "workdays_between", "month_of", "year_of", "day_of", "sum", "avg", "count", "rank", "ties"])), e)
        }
    }

    mutating func compileAggregate(_ fn: String, _ value: Expr?, _ scope: Scope, _ filter: Expr?, _ e: Expr, _ dim: Dimension) throws -> CExpr {
        switch scope {
        case .period(let g):
            guard dim.grain != .none else { throw fail(.compile(.parameterAggregate), e) }
            guard g >= dim.grain else {
                throw fail(.compile(.overShorter(scope: g, rule: dim.grain)), e)
            }
            guard fn != "rank" && fn != "ties" else { throw fail(.compile(.comparesAgents(fn)), e) }
            let outer = context
            context = .other
            if g > dim.grain && !timed && !inTable && outer != .other {
                let text = String(Array(definition.source)[e.range])
                warnings.append(PlanWarning(.periodFigureInShorterRule, definition: definition.name,
                    message: "\(text) is the same in every \(dim.grain.keyword) of the \(g.keyword): a \(dim.grain.keyword) rule that pays from it pays it in each \(dim.grain.keyword); make it a \(g.keyword) rule and pay it with paid(…), or test the period (if month_of(period_end) = … then … else 0)",
                    zh: "\(text) 在该\(PlanWarning.zh(g))的每个\(PlanWarning.zh(dim.grain))都一样：据此发钱的\(PlanWarning.zh(dim.grain))规则会每个\(PlanWarning.zh(dim.grain))都发一次；请改成\(PlanWarning.zh(g))规则并用 paid(…) 发放，或判断期间（if month_of(period_end) = … then … else 0）",
                    range: e.range, source: definition.source))
            }
            // Iterate at the finest grain the aggregated expression reads.
            var grains: [Grain] = []
            value.map { finestGrains($0, into: &grains) }; filter.map { finestGrains($0, into: &grains) }
            let iteration = grains.filter { $0 != .none && $0 <= g }.min() ?? .month
            let inner = Dimension(grain: iteration, perAgent: dim.perAgent)
            // The inner dimension is the agent's periods, not an order: an order rule's aggregation
            // over agents nested in one over periods is still an order rule's, refused as such (it
            // read a team cell outside the years for an order dated outside them and trapped).
            let outerOrderRule = inOrderRule
            inOrderRule = inOrderRule || dim.perOrder
            defer { inOrderRule = outerOrderRule }
            let v = try value.map { try compile($0, inner) }
            let f = try filter.map { try compile($0, inner) }
            // Orders gathered month by month inside an aggregation over periods would read other
            // months' order buckets, which the engine's order templates do not follow (a long fuzz
            // run found stale figures): the sum over orders goes in a month rule of its own.
            if [v, f].contains(where: { $0?.contains(where: { if case .orderAggregate = $0 { return true } else { return false } }) ?? false }) {
                throw fail(.compile(.ordersInsidePeriods(fn, scope: g)), e)
            }
            return .periodAggregate(AggregateOp(rawValue: fn)!, scope: g, iteration: iteration, value: v, filter: f)
        case .orders(let by):
            guard dim.grain != .none, !dim.perOrder else {
                throw fail(.compile(.ordersAggregate(orderRule: dim.perOrder)), e)
            }
            guard fn != "rank" && fn != "ties" else { throw fail(.compile(.comparesAgents(fn)), e) }
            let v = try value.map { try compile($0, .order) }
            let f = try filter.map { try compile($0, .order) }
            var grouping = 0
            if let by {
                let g = try compile(by, .order)
                if let i = plan.groupings.firstIndex(of: g) { grouping = i } else {
                    plan.groupings.append(g)
                    groupingSources.append((definition, by.range))
                    grouping = plan.groupings.count - 1
                }
            }
            return .orderAggregate(AggregateOp(rawValue: fn)!, value: v, filter: f, grouping: grouping, perAgent: dim.perAgent)
        case .agents:
            guard !dim.perOrder && !inOrderRule else { throw fail(.compile(.orderRuleOverAgents), e) }
            let inner = Dimension(grain: dim.grain, perAgent: true)
            let v = try value.map { try compile($0, inner) }
            let f = try filter.map { try compile($0, inner) }
            let teamDim = Dimension(grain: dim.grain, perAgent: false)
            let text = String(Array(definition.source)[e.range])
            if fn == "rank" || fn == "ties" {
                let rule = syntheticRule(CompiledRule(name: text, label: nil, dimension: teamDim, kind: .ranking(value: v!, filter: f), visible: false))
                guard dim.perAgent else { throw fail(.compile(.rankPerAgent(fn)), e) }
                return .rank(rule: rule, own: v!, filter: f, ties: fn == "ties")
            }
            let rule = syntheticRule(CompiledRule(name: text, label: nil, dimension: teamDim,
                                                  kind: .agentAggregate(AggregateOp(rawValue: fn)!, value: v, filter: f), visible: false))
            return .teamAggregate(rule: rule)
        }
    }

    mutating func compileAllocate(_ total: Expr, _ weight: Expr, _ scope: Scope, _ e: Expr, _ dim: Dimension) throws -> CExpr {
        let text = String(Array(definition.source)[e.range])
        switch scope {
        case .orders:
            guard dim.perOrder else { throw fail(.compile(.allocateInOrderRule), e) }
            let t = try compile(total, Dimension(grain: .month, perAgent: true))
            let w = try compile(weight, .order)
            let r = syntheticRule(CompiledRule(name: text, label: nil, dimension: Dimension(grain: .month, perAgent: true),
                                               kind: .allocation(total: t, weight: w, overOrders: true), visible: false))
            return .share(rule: r, overOrders: true)
        case .agents:
            guard dim.perAgent, !dim.perOrder, dim.grain != .none else { throw fail(.compile(.allocatePerAgent), e) }
            let t = try compile(total, Dimension(grain: dim.grain, perAgent: false))
            let w = try compile(weight, dim)
            let r = syntheticRule(CompiledRule(name: text, label: nil, dimension: Dimension(grain: dim.grain, perAgent: false),
                                               kind: .allocation(total: t, weight: w, overOrders: false), visible: false))
            return .share(rule: r, overOrders: false)
        case .period:
            throw fail(.compile(.allocateScope), e)
        }
    }

    /// Reuses an identical hidden team cell, or adds one.
    mutating func syntheticRule(_ r: CompiledRule) -> Int {
        let base = plan.rules.count
        if let i = synthetic.firstIndex(where: { $0.kind == r.kind && $0.dimension == r.dimension }) { return base + i }
        synthetic.append(r)
        return base + synthetic.count - 1
    }

    func finestGrains(_ e: Expr, into out: inout [Grain]) {
        switch e.kind {
        case .name(let n), .at(let n, _):
            if let r = plan.ruleIndex[n] { out.append(plan.rules[r].dimension.grain) }
        case .unary(_, let a): finestGrains(a, into: &out)
        case .binary(_, let a, let b): finestGrains(a, into: &out); finestGrains(b, into: &out)
        case .ifThen(let a, let b, let c): finestGrains(a, into: &out); finestGrains(b, into: &out); finestGrains(c, into: &out)
        case .call(_, let args): args.forEach { finestGrains($0, into: &out) }
        case .aggregate(_, let v, _, let f): v.map { finestGrains($0, into: &out) }; f.map { finestGrains($0, into: &out) }
        default: break
        }
    }

    /// The defined name closest to `n` (a rule, attribute, table or built-in), for "did you mean".
    func closest(_ n: String) -> String? {
        let names = Array(plan.ruleIndex.keys) + Array(attributeNames) + Array(tables.keys) + Array(ExprCompiler.builtinNames.keys)
        return closestName(to: n, among: names)
    }
}

/// The name among `names` within a third of `n`'s length (at least 1) of
/// edits from `n`, for "did you mean" hints; `nil` when none is that close.
/// Bounded: a name longer than `Parser.maximumNameLength` gets no hint, and
/// names whose length differs by more than the allowed edits are skipped.
/// - Complexity: O(names × maximumNameLength²) at most.
public func closestName(to n: String, among names: [String]) -> String? {
    let length = n.count
    guard length <= Parser.maximumNameLength else { return nil }
    let allowed = max(1, length / 3)
    var best: (name: String, distance: Int)? = nil
    for name in names where abs(name.count - length) <= allowed && name.count <= Parser.maximumNameLength {
        let d = editDistance(name, n)
        if d <= allowed, d < (best?.distance ?? Int.max) || (d == best?.distance && name < best!.name) { best = (name, d) }
    }
    return best?.name
}

/// Levenshtein distance between two names, as `editDistance(_:_:)` counts it (in characters), when it
/// is at most `limit`; otherwise some number above `limit`. Each row stops being worked out once all of
/// its entries exceed `limit`, and names of single-scalar characters (Chinese, ASCII) are compared by
/// their scalars in a buffer on the stack, so a "did you mean" search over many names allocates nothing.
/// - Complexity: O(a × b) at most, O(a × limit) for names that differ early.
public func editDistance(_ a: String, _ b: String, within limit: Int) -> Int {
    let aScalars = a.unicodeScalars, bScalars = b.unicodeScalars
    let m = aScalars.count, n = bScalars.count
    // A character of several scalars (a letter and its accent): the general distance.
    guard m == a.count, n == b.count, m <= 128, n <= 128 else { return editDistance(a, b) }
    if abs(m - n) > limit { return limit + 1 }
    if m == 0 { return n }
    if n == 0 { return m }
    return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: m + 2 * (m + 1)) { buffer in
        // a's scalars, then two rows of distances over them (0...m).
        let x = buffer.baseAddress!, prev = x + m, cur = prev + m + 1
        var i = 0
        for s in aScalars { x[i] = s.value; i += 1 }
        for k in 0...m { prev[k] = UInt32(k) }
        var row: UInt32 = 1
        for s in bScalars {
            // Distances from b's first `row` scalars to each prefix of a.
            cur[0] = row
            var least = row
            for k in 1...m {
                let d = Swift.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (x[k - 1] == s.value ? 0 : 1))
                cur[k] = d
                least = Swift.min(least, d)
            }
            if Int(least) > limit { return limit + 1 }
            for k in 0...m { prev[k] = cur[k] }
            row += 1
        }
        return Int(prev[m])
    }
}

/// Levenshtein distance between two names, for "did you mean" hints.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    for i in 1...a.count {
        var cur = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        prev = cur
    }
    return prev[b.count]
}
