import PayPlan

/// Offers to a candidate (issue 7): what a new hire takes home month by month,
/// through probation and after, at a few levels of monthly sales.
extension Session {
    /// `offer sales 3万 6万 10万 [base=3500] [from 2026-03]`: a one-agent what-if on a
    /// copy of the workspace (nothing changes). The candidate joins on the first
    /// day of the `from` month (default: the first month of the scenario) and
    /// sells the same amount every month; one column per amount, with the year's total.
    func offer(_ rest: String) -> Output {
        let pieces = rest.split(separator: " ")
        let words = pieces.map(String.init)
        // Where each word starts in the command as written (`offer ` + rest), for a caret under a bad amount.
        let line = "offer " + rest
        let starts = pieces.map { 6 + rest.distance(from: rest.startIndex, to: $0.startIndex) }
        guard let inputName = words.first else { return .error(OfferMessage.usage) }
        guard let r = engine.plan.ruleIndex[inputName], case .input = engine.plan.rules[r].kind,
              engine.plan.rules[r].dimension == Dimension(grain: .month, perAgent: true) else {
            let inputs = engine.plan.rules.filter { if case .input = $0.kind { $0.dimension == Dimension(grain: .month, perAgent: true) } else { false } }.map(\.name)
            return .error(OfferMessage.notMonthlyInput(inputName, inputs: inputs))
        }
        guard let total = engine.plan.total, let totalRule = engine.plan.ruleIndex[total] else {
            return .error(OfferMessage.noPayFigure)
        }
        var amounts: [Fixed] = [], attributes: [String] = []
        var negative: String? = nil  // the first negative amount: refused after the attributes are checked
        var start = engine.startMonth
        var i = 1
        while i < words.count {
            let w = words[i]
            if w == "from" {
                // 2026-13: a year and a number that is no month (1–12), said as such rather than as outside the years.
                if i + 1 < words.count, case let parts = words[i + 1].split(separator: "-", omittingEmptySubsequences: false),
                   parts.count == 2, parts[0].count == 4, Int(parts[0]) != nil, let m = Int(parts[1]), !(1...12).contains(m) {
                    return .error(OfferMessage.notAMonth(words[i + 1], example: engine.startMonth))
                }
                guard i + 1 < words.count, let p = Period(text: words[i + 1]), p.grain == .month, engine.index(of: p) != nil else {
                    return .error(OfferMessage.fromNeedsMonth(example: engine.startMonth))
                }
                start = p.start; i += 2; continue
            }
            if w.contains("=") { attributes.append(w); i += 1; continue }
            let v: Fixed
            do { v = try Session.constantAmount(try Parser.expression(w)) } catch let e as SourceError where Session.isNumberProblem(e.kind) {
                // A number written wrongly is said as a cell input says it (too large, and the limit; an exponent; …),
                // under the word (fresh-user finding 2, session 13); anything else is no amount, with offer's usage.
                return .error(Diagnostic(e, offset: starts[i], commandLine: line))
            } catch { return .error(OfferMessage.notAnAmount(w)) }
            if let problem = amountProblem(w, value: v, input: words[0]) { return .error(problem) }
            if v.isNegative && negative == nil { negative = w }
            amounts.append(v); i += 1
        }
        guard (1...6).contains(amounts.count) else { return .error(OfferMessage.oneToSixAmounts) }
        // The candidate, on a copy.
        var name = "候选人"
        while workspace.agentIndex(named: name) != nil { name += "_" }
        var candidate = Agent(name: name, role: "sales", hired: start.firstDay)
        if let e = applyAttributes(ArraySlice(attributes), to: &candidate) { return e }
        if let w = negative { return .error(AmountMessage.negativeOffer(w, input: inputName)) }
        let last = Month(year: workspace.years.upperBound, month: 12)
        let months = (start.index...last.index).map(Month.init(index:))
        var columns: [[Value]] = []
        var probation: [Bool] = []
        // One private engine with the candidate; each further amount is an input edit on it.
        var w = workspace
        w.agents.append(candidate)
        let a = w.agents.count - 1
        for m in months { w.setInput(inputName, agent: name, period: .month(m), value: amounts[0]) }
        // Ctrl-C is polled after the engine is built and between amounts: the engine is private, so nothing changes.
        let throttle = progressThrottle()
        defer { throttle.clear() }
        throttle.update(ProgressMessage.offerBuilding.text(language))
        let e: Engine
        do { e = try Engine(workspace: w) } catch { return .error(Session.diagnostic(error)) }
        // `net_pay` (实发) of the take-home part, per agent and month, shown beside each gross column.
        let netRule = e.plan.ruleIndex["net_pay"].flatMap { i in
            e.plan.rules[i].dimension == Dimension(grain: .month, perAgent: true) && i != totalRule ? i : nil
        }
        var netColumns: [[Value]] = []
        for (k, amount) in amounts.enumerated() {
            if interruptCheck() { return stopped("offer") }
            throttle.update(ProgressMessage.offerAmount(k: k + 1, count: amounts.count).text(language))
            if k > 0, let ir = e.plan.ruleIndex[inputName] {
                _ = e.setInputs(months.compactMap { m in e.cell(rule: ir, agent: a, period: .month(m)).map { ($0, amount) } })
            }
            columns.append(months.map { m in e.cell(rule: totalRule, agent: a, period: .month(m)).map { e.value(ofCell: $0) } ?? .text("") })
            // Take-home pay beside it when the plan has it (use takehome).
            if let nr = netRule {
                netColumns.append(months.map { m in e.cell(rule: nr, agent: a, period: .month(m)).map { e.value(ofCell: $0) } ?? .text("") })
            }
            if k == 0, let pr = e.plan.ruleIndex["probation"] {
                probation = months.map { m in e.cell(rule: pr, agent: a, period: .month(m)).map { e.value(ofCell: $0) == .bool(true) } ?? false }
            }
        }
        if interruptCheck() { return stopped("offer") }
        let names = amounts.count == 3 ? ["low", "expected", "high"] : amounts.map { _ in "" }
        let zh = language == .zh
        var headers = zip(names, amounts).map { n, a in (n.isEmpty ? "" : (zh ? ["low": "偏低", "expected": "预期", "high": "偏高"][n]! : n) + " ") + a.moneyText }
        // With take-home pay: each amount's gross (应发) column, then its take-home (实发) column.
        var shown = columns
        if !netColumns.isEmpty {
            headers = headers.flatMap { [$0 + (zh ? " 应发" : " gross"), zh ? "实发" : "take-home"] }
            shown = zip(columns, netColumns).flatMap { [$0, $1] }
        }
        var t = TextTable(header: [zh ? "月份" : "month", ""] + headers, rightAligned: [false, false] + shown.map { _ in true })
        for (j, m) in months.enumerated() {
            let mark = j < probation.count && probation[j] ? (zh ? "试用期" : "probation") : ""
            t.add([m.description, mark] + shown.map { $0[j].displayText })
        }
        t.separatorBefore = [months.count]
        // A column with an error value (#OVERFLOW included) totals to that error, not to the sum of the rest.
        let sums = shown.map { Value.total(of: $0) }
        t.add([zh ? "合计" : "total", ""] + sums.map(\.displayText))
        var out = Output(message: OfferMessage.title(start: start, input: inputName, label: engine.plan.rules[r].label ?? inputName, amounts: amounts))
        for line in t.render() { out.add(fixed: line) }
        // An amount whose pay is past what an amount holds shows #OVERFLOW: said why, for the first such column.
        for (k, amount) in amounts.enumerated() {
            let gross = columns[k], net = netColumns.isEmpty ? [] : netColumns[k]
            let first = zip(months, gross).first { Session.overflowError($0.1) != nil }
                ?? zip(months, net).first { Session.overflowError($0.1) != nil }
            if let (m, v) = first, let e = Session.overflowError(v) {
                out.add(OfferMessage.overflowed(input: inputName, label: engine.plan.rules[r].label ?? inputName, amount: amount, month: m, error: e)); break
            }
            if let e = Session.overflowError(Value.total(of: gross)) ?? (net.isEmpty ? nil : Session.overflowError(Value.total(of: net))) {
                out.add(OfferMessage.overflowed(input: inputName, label: engine.plan.rules[r].label ?? inputName, amount: amount, month: nil, error: e)); break
            }
        }
        return out
    }

    /// True for what the lexer says of a number written wrongly: too large, an exponent, too many decimals, a
    /// comma that groups no thousands, letters after the digits, an amount that cannot be computed.
    static func isNumberProblem(_ k: SourceError.Kind) -> Bool {
        switch k {
        case .tooLarge, .exponent, .tooManyDecimals, .commaGroup, .notANumber, .notComputable: true
        default: false
        }
    }

    /// The error of `v` when it is `#OVERFLOW`.
    static func overflowError(_ v: Value) -> EvalError? {
        if case .error(let e) = v, e.kind == .overflow { return e }
        return nil
    }
}
