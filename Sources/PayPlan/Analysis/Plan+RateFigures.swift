/// Which figures of a plan are rates (fractions the plan writes as percents), so that a plain
/// explanation says them as a percent — 最低毛利 15%, 审批降点 1%, 扣底薪比例 0% — and not as an
/// amount in yuan, whatever their label says.
extension Plan {
    /// Whether the figure `name` is a rate as the plan writes it: a parameter written as a percent
    /// (`param net30_minimum_margin = 15%`), a table whose tiers are percents or 0
    /// (`[30000, …) → 0`), or a rule whose every result is such a rate or 0 — the branches of its
    /// `if`s, a lookup in a rate table, a negated rate (`-approved_cut`). A rule that computes with a
    /// rate (`rate × sales`) is an amount, not a rate. Inputs and attributes are not rates here (they
    /// carry no written percent). False for unknown names and for a definition that is all zeros.
    ///
    /// - Complexity: O(size of the definitions the figure reads, transitively), each read once.
    public func writesAsRate(_ name: String) -> Bool {
        var seen: Set<String> = []
        return rateReading(name, &seen) == .rate
    }

    /// How an expression or definition reads: a rate, a zero (either way), or something else.
    enum RateReading { case rate, zero, other }

    private func rateReading(_ name: String, _ seen: inout Set<String>) -> RateReading {
        guard !seen.contains(name), let d = definition(named: name) else { return .other }
        seen.insert(name)
        let chars = Array(d.source)
        switch d.statement {
        case .param(_, _, let value): return rateReading(value, chars, &seen)
        case .rule(_, _, _, let formula): return rateReading(formula, chars, &seen)
        case .table(_, _, _, let rows): return Self.combine(rows.map { rateReading($0.value, chars, &seen) })
        default: return .other
        }
    }

    private func rateReading(_ e: Expr, _ chars: [Character], _ seen: inout Set<String>) -> RateReading {
        switch e.kind {
        case .number(let n):
            if n.isZero { return .zero }
            // Written as a percent: the number's text ends in % (or a full-width ％).
            guard e.range.upperBound <= chars.count, e.range.upperBound > 0 else { return .other }
            return chars[e.range.upperBound - 1] == "%" || chars[e.range.upperBound - 1] == "％" ? .rate : .other
        case .name(let n): return rateReading(n, &seen)
        case .unary("-", let a): return rateReading(a, chars, &seen)
        case .ifThen(_, let a, let b): return Self.combine([rateReading(a, chars, &seen), rateReading(b, chars, &seen)])
        case .call(let f, let args) where f == "lookup" && !args.isEmpty:
            if case .name(let table) = args[0].kind { return rateReading(table, &seen) }
            return .other
        case .call(let f, let args) where (f == "min" || f == "max") && !args.isEmpty:
            return Self.combine(args.map { rateReading($0, chars, &seen) })
        default: return .other
        }
    }

    /// Rates and zeros read as a rate when at least one is a rate; anything else makes it not one.
    static func combine(_ readings: [RateReading]) -> RateReading {
        if readings.contains(.other) { return .other }
        return readings.contains(.rate) ? .rate : .zero
    }
}
