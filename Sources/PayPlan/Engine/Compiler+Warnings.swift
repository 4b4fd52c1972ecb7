/// Warnings the compiler can give from the plan alone (issue 12): names that hide
/// attributes, fields or built-ins, rules that read nothing that changes. Period
/// figures read into shorter rules are found while compiling references
/// (`ExprCompiler.warnPeriodFigure`).
extension CompiledPlan {
    /// Names a definition can hide: attributes (standard, declared and the agents'), order fields, built-ins.
    ///
    /// - Complexity: O(d) for d definitions.
    static func shadowWarnings(plan: Plan, attributes: Set<String>, declaredAttributes: Set<String>, fields: Set<String>) -> [PlanWarning] {
        var out: [PlanWarning] = []
        for d in plan.definitions {
            let what: String
            switch d.statement {
            case .param: what = "parameter"
            case .input: what = "input"
            case .rule(let dim, _, _, _): what = dim.perOrder ? "order rule" : "rule"
            default: continue
            }
            let n = d.name
            let hidden: String, hiddenZh: String
            if let b = ExprCompiler.builtinNames[n] {
                hidden = "the built-in '\(n)' (\(b.meaning)); every rule that writes \(n) now reads this \(what)"
                hiddenZh = "内置名称 '\(n)'（\(b.meaningZh)）；所有写 \(n) 的规则都改读这条定义"
            } else if attributes.contains(n) && !declaredAttributes.contains(n) {
                hidden = "the agents' attribute '\(n)'; every rule that writes \(n) now reads this \(what), not the agent's \(n)"
                hiddenZh = "员工属性 '\(n)'；所有写 \(n) 的规则都改读这条定义，不再读员工自己的 \(n)"
            } else if fields.contains(n), case .rule(let dim, _, _, _) = d.statement, dim.perOrder {
                hidden = "the order field '\(n)'; order rules that write \(n) now read this rule"
                hiddenZh = "订单字段 '\(n)'；订单规则中的 \(n) 都改读这条规则"
            } else { continue }
            let range = (try? Parser.statementWithNameRange(d.source))?.1 ?? nil
            out.append(PlanWarning(.shadowsName, definition: n,
                                   message: "'\(n)' hides \(hidden); choose another name, e.g. \(n)_pay",
                                   zh: "'\(n)' 遮住了\(hiddenZh)；请换一个名字，例如 \(n)_pay",
                                   range: range, source: d.source))
        }
        return out
    }

    /// Rules (not parameters or inputs) whose formula reads nothing that can change.
    ///
    /// - Complexity: O(size of the compiled formulas).
    static func neverChangesWarnings(plan: Plan, rules: [CompiledRule]) -> [PlanWarning] {
        var out: [PlanWarning] = []
        for r in rules where r.visible {
            guard case .formula(let e) = r.kind, e.readsNothing, let d = plan.definition(named: r.name),
                  let w = neverChangesWarning(r, definition: d) else { continue }
            out.append(w)
        }
        return out
    }

    /// The "never changes" warning of one visible rule (`neverChangesWarnings`), written as `d`.
    static func neverChangesWarning(_ r: CompiledRule, definition d: Definition) -> PlanWarning? {
        guard r.visible, case .formula(let e) = r.kind, e.readsNothing, case .rule(_, _, _, let formula) = d.statement else { return nil }
        if case .call("error", _) = formula.kind { return nil }
        // `month year_end_bonus = 0`: a placeholder a plan part leaves for the owner to redefine.
        if case .number(let n) = formula.kind, n == .zero { return nil }
        return PlanWarning(.neverChanges, definition: r.name,
                           message: "'\(r.name)' reads nothing that changes (no input, attribute, order, period or other figure): it is the same in every cell; if it is a setting, write it as param \(r.name) = …",
                           zh: "'\(r.name)' 不读取任何会变的东西（录入、属性、订单、期间或其他数字）：每个格子都一样；如果它是一个设定，请写成 param \(r.name) = …",
                           range: formula.range, source: d.source)
    }
}

extension Builtin {
    /// What the built-in means, for messages.
    var meaning: String {
        switch self {
        case .x: "the amount looked up"
        case .tenure: "months of employment"
        case .active: "employed in the period"
        case .periodStart: "the period's first day"
        case .periodEnd: "the period's last day"
        case .asOf: "the as-of date"
        case .daysEmployed: "calendar days employed in the period"
        case .paidDaysEmployed: "Monday–Friday days employed in the period"
        }
    }
    /// What the built-in means, in Chinese.
    var meaningZh: String {
        switch self {
        case .x: "查表的金额"
        case .tenure: "在职月数"
        case .active: "本期是否在职"
        case .periodStart: "期间第一天"
        case .periodEnd: "期间最后一天"
        case .asOf: "截至日期"
        case .daysEmployed: "本期在职天数（日历日）"
        case .paidDaysEmployed: "本期在职的周一至周五天数（计薪日）"
        }
    }
}

extension CExpr {
    /// True when the expression reads only constants: no rule, input, parameter,
    /// attribute, field, built-in, order or aggregate.
    var readsNothing: Bool {
        switch self {
        case .constant: return true
        case .negate(let a), .not(let a): return a.readsNothing
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
            return a.readsNothing && b.readsNothing
        case .ifThen(let a, let b, let c): return a.readsNothing && b.readsNothing && c.readsNothing
        case .function(_, let args): return args.allSatisfy(\.readsNothing)
        case .table(_, _, _, let arg, let rows): return arg.readsNothing && rows.allSatisfy { $0.threshold.readsNothing && $0.value.readsNothing }
        default: return false
        }
    }

    /// True when the expression reads the cell's period (`period_start`, `period_end`): a test of the month.
    var readsPeriod: Bool {
        switch self {
        case .builtin(let b): return b == .periodStart || b == .periodEnd
        case .negate(let a), .not(let a): return a.readsPeriod
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
            return a.readsPeriod || b.readsPeriod
        case .ifThen(let a, let b, let c): return a.readsPeriod || b.readsPeriod || c.readsPeriod
        case .function(_, let args): return args.contains(where: \.readsPeriod)
        default: return false
        }
    }
}
