import PayPlan

/// Amounts typed for an input held to what the input means (fresh-user finding 5). An input is a
/// *fraction* when its definition writes a percent (`default 5%`) or its range ends at 1 or less;
/// every other input is money (CNY) or a count: a percent is refused there, and so is anything
/// finer than a fen (0.01). Two signs in a row (`--5`) are refused everywhere.
extension Session {
    /// What is wrong with `text` (the typed amount, worth `value`) for input `name`, or `nil`.
    ///
    /// - Complexity: O(length of `text` + the plan's definitions).
    func amountProblem(_ text: String, value: Fixed, input name: String) -> AmountMessage? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let signs = t.prefix { "+-－＋ ".contains($0) }.filter { $0 != " " }
        if signs.count > 1 { return .doubleSign(t) }
        let fraction = Session.isFractionInput(name, plan: workspace.plan)
        if fraction { return nil }
        if t.contains("%") || t.contains("％") { return .percentForAmount(t, input: name) }
        if value.rounded(toDigits: 2) != value { return .finerThanFen(t, input: name) }
        return nil
    }

    /// True when input `name` holds a fraction: its definition writes a percent, or its range ends at 1 or less.
    static func isFractionInput(_ name: String, plan: Plan) -> Bool {
        guard let d = plan.definition(named: name) else { return false }
        if d.source.contains("%") { return true }
        if case .input(_, _, _, _, let range?) = d.statement, let upper = range.upper, upper <= .one { return true }
        return false
    }

    /// What is wrong with `text` given for order field (`field` true) or attribute `name` that the
    /// plan holds to amounts (`Plan.amountDeclarations`: a number default or a range), or `nil`:
    /// not a number; two signs; outside a fraction, a percent or anything finer than a fen — the
    /// rules of `amountProblem` for inputs. Names the plan does not hold to amounts take anything.
    /// - Complexity: O(length of `text` + the plan's definitions).
    func declaredAmountProblem(_ text: String, name: String, field: Bool) -> AmountMessage? {
        guard let d = amountDeclarations(fields: field)[name] else { return nil }
        let t = text.trimmingCharacters(in: .whitespaces)
        let signs = t.prefix { "+-－＋ ".contains($0) }.filter { $0 != " " }
        if signs.count > 1 { return .doubleSign(t) }
        if Session.isExponent(t) { return .exponent(t, name: name) }
        guard case .number(let n) = AttributeValue(text: t) else { return .notANumber(t, name: name, defaultText: d.defaultText) }
        if d.fraction { return nil }
        if t.contains("%") || t.contains("％") { return .percentForAmount(t, input: name) }
        if n.rounded(toDigits: 2) != n { return .finerThanFen(t, input: name) }
        return nil
    }

    /// What is wrong with `text` given for an agent's `base` (money, CNY), or `nil`: two signs, a percent
    /// or anything finer than a fen (unless the plan declares base as a fraction). Text that is not an
    /// amount at all is left to `Agent.set`, which says what base expects.
    /// - Complexity: O(length of `text` + the plan's definitions).
    func baseAmountProblem(_ text: String) -> AmountMessage? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let signs = t.prefix { "+-－＋ ".contains($0) }.filter { $0 != " " }
        if signs.count > 1 { return .doubleSign(t) }
        if Session.isExponent(t) { return .exponent(t, name: "base") }
        guard let n = try? Parser.expression(t).constantAmount() else { return nil }
        if amountDeclarations(fields: false)["base"]?.fraction == true { return nil }
        if t.contains("%") || t.contains("％") { return .percentForAmount(t, input: "base") }
        if n.rounded(toDigits: 2) != n { return .finerThanFen(t, input: "base") }
        return nil
    }

    /// `workspace.plan.amountDeclarations(fields:)`, worked out again only when the plan changed
    /// (`amountDeclarationsMemo`; a plan compared with the one kept shares its storage until it changes).
    /// - Complexity: O(1) for the plan kept (its definitions' storage is the same), else O(definitions).
    func amountDeclarations(fields: Bool) -> [String: Plan.AmountDeclaration] {
        if let kept = amountDeclarationsMemo[fields], kept.plan == workspace.plan { return kept.declarations }
        let d = workspace.plan.amountDeclarations(fields: fields)
        amountDeclarationsMemo[fields] = (workspace.plan, d)
        return d
    }

    /// True when `text` is a number written with an exponent (`1e30`, `2.5E6`), which the pay
    /// language refuses (`SourceError.Kind.exponent`): base and amounts held fields say so as inputs do.
    /// - Complexity: O(length of `text`).
    static func isExponent(_ text: String) -> Bool {
        do { _ = try Lexer.tokenize(text) } catch let e as SourceError { if case .exponent = e.kind { return true } } catch {}
        return false
    }
}
