import PayPlan

/// The texts a plan compares an attribute or order field against (`product = "standard"`,
/// `role = "sales"`): a value typed outside them would count as none of them.
struct ComparedValues: Equatable {
    /// The texts, in the order the plan first writes them, then the default (and for `role` the
    /// roles attribution reads), each once: what a refusal names.
    var known: [String]
    /// The values the workspace already carries (its agents' or orders', from a file or an import,
    /// such as a Taobao status the plan leaves to its `else`): taken as they are, not named.
    var carried: Set<String> = []

    /// Whether the typed `value` is known or carried: as stored, or as the command line reads it
    /// (`Session.normalise` makes the full-width ， of 卖家已发货，等待买家确认 an ASCII comma).
    func takes(_ value: String) -> Bool {
        known.contains { $0 == value || Session.normalise($0) == value }
            || carried.contains(value) || carried.contains { Session.normalise($0) == value }
    }
}

extension Session {
    /// The texts `plan` compares `name` against with `=` or `!=` (in any rule, table, parameter or
    /// default), in the order it writes them, and whether it also reads `name` in any other way
    /// (`open`: as an amount, a flag, passed on, shown or compared with another figure), so that
    /// any value may mean something.
    ///
    /// `missing(name)` reads only whether a value is there and leaves the reading closed.
    ///
    /// - Complexity: O(the plan's expressions).
    static func comparedTexts(of name: String, in plan: Plan) -> (texts: [String], open: Bool) {
        var texts: [String] = [], open = false
        func walk(_ e: Expr?) {
            guard let e, !open else { return }
            switch e.kind {
            case .name(let n): if n == name { open = true }
            case .at(let n, _): if n == name { open = true }
            case .binary(let op, let a, let b) where op == "=" || op == "!=":
                if case .name(name) = a.kind, case .text(let t) = b.kind { if !texts.contains(t) { texts.append(t) }; return }
                if case .name(name) = b.kind, case .text(let t) = a.kind { if !texts.contains(t) { texts.append(t) }; return }
                walk(a); walk(b)
            case .binary(_, let a, let b): walk(a); walk(b)
            case .unary(_, let a): walk(a)
            case .ifThen(let c, let t, let f): walk(c); walk(t); walk(f)
            case .call(let f, let args):
                if f == "missing", args.count == 1, case .name(name) = args[0].kind { return }
                args.forEach(walk)
            case .aggregate(_, let v, let scope, let filter):
                walk(v); walk(filter)
                if case .orders(let by) = scope { walk(by) }
            case .allocate(let total, let weight, let scope):
                walk(total); walk(weight)
                if case .orders(let by) = scope { walk(by) }
            case .number, .text, .bool, .date: break
            }
        }
        for d in plan.definitions.flatMap(\.allVersions) {
            switch d.statement {
            case .param(_, _, let v): walk(v)
            case .input(_, _, _, let v, _), .attribute(_, _, let v, _), .field(_, _, let v, _): walk(v)
            case .table(_, _, _, let rows): for r in rows { walk(r.threshold); walk(r.value) }
            case .rule(_, _, _, let f): walk(f)
            case .reportColumns(let names), .payslip(_, let names): if names.contains(name) { open = true }
            case .reportTotal(let n): if n == name { open = true }
            case .use: break
            }
            if open { return (texts, true) }
        }
        return (texts, false)
    }

    /// The texts `plan` compares `name` against (`comparedTexts(of:in:)`), kept for the plan
    /// the session has (`comparedTextsCache`), so that a script of 50,000 `agent add` lines
    /// does not walk the plan for each attribute of each line.
    ///
    /// - Complexity: O(1) while the plan is the one cached (the definitions' storage is compared
    ///   by identity first), else O(the plan's expressions) for each name asked.
    func cachedComparedTexts(of name: String) -> (texts: [String], open: Bool) {
        if comparedTextsCache?.plan != workspace.plan { comparedTextsCache = (workspace.plan, [:]) }
        if let found = comparedTextsCache!.texts[name] { return found }
        let reading = Session.comparedTexts(of: name, in: workspace.plan)
        comparedTextsCache!.texts[name] = reading
        return reading
    }

    /// The values an agent attribute `key` may take when the plan reads it only by comparing it
    /// with texts, or `nil` when any value may be typed. `role` also holds the roles attribution
    /// reads (`sales` sells, `after-sales` does not; `Attribution.Roster`).
    ///
    /// When `typed` is one of the texts the plan knows, the values the agents carry are not
    /// gathered (`carried` stays empty; the value is taken either way).
    ///
    /// - Complexity: O(1) with the plan's texts cached and `typed` among them, else O(agents).
    func comparedAttributeValues(_ key: String, typed: String? = nil) -> ComparedValues? {
        let reading = cachedComparedTexts(of: key)
        guard !reading.open, key == "role" || !reading.texts.isEmpty else { return nil }
        var known = reading.texts
        func add(_ t: String) { if !t.isEmpty, !known.contains(t) { known.append(t) } }
        if key == "role" { add("sales"); add("after-sales") }
        if case .attribute(_, _, let d?, _)? = workspace.plan.definition(named: key)?.statement, case .text(let t) = d.kind { add(t) }
        let values = ComparedValues(known: known)
        if let typed, values.takes(typed) { return values }
        var carried = Set<String>()
        for a in workspace.agents {
            if key == "role" { if let r = a.role { carried.insert(r) } } else if let v = a.extra[key] { carried.insert(v.text) }
        }
        return ComparedValues(known: known, carried: carried)
    }

    /// The values an order field `key` may take when the plan reads it only by comparing it with
    /// texts (web-agency's product: standard, bilingual …), or `nil` when any value may be typed.
    ///
    /// When `typed` is one of the texts the plan knows, the values the orders carry are not
    /// gathered (`carried` stays empty; the value is taken either way).
    ///
    /// - Complexity: O(1) with the plan's texts cached and `typed` among them, else O(orders).
    func comparedFieldValues(_ key: String, typed: String? = nil) -> ComparedValues? {
        let reading = cachedComparedTexts(of: key)
        guard !reading.open, !reading.texts.isEmpty else { return nil }
        var known = reading.texts
        func add(_ t: String) { if !t.isEmpty, !known.contains(t) { known.append(t) } }
        if case .field(_, _, let d?, _)? = workspace.plan.definition(named: key)?.statement, case .text(let t) = d.kind { add(t) }
        let values = ComparedValues(known: known)
        if let typed, values.takes(typed) { return values }
        var carried = Set<String>()
        for o in workspace.orders { if let v = o.fields[key] { carried.insert(v.text) } }
        return ComparedValues(known: known, carried: carried)
    }

    /// The known value within one slip of `value` per three characters (as `nearestName`), or nil;
    /// nil for a value of one or two characters, which is a slip from any other as short (class=E is not A).
    static func nearestValue(to value: String, among known: [String]) -> String? {
        value.count < 3 ? nil : nearestName(to: value, among: Set(known))
    }
}
