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
}
