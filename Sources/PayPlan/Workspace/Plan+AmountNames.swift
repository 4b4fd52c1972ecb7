/// Which attributes and order fields hold amounts: the plan says so by a number default
/// (`field amount "金额" default 0`, `attribute rotation default 0`, `default 3%`) or a range
/// (`field price "成交价" default 0 range 0..`). Values of the others (text, dates, yes/no, no
/// default) may be anything.
extension Plan {
    /// What the plan declares about one attribute or order field that holds amounts.
    public struct AmountDeclaration: Sendable, Equatable {
        /// The default's amount (`0`, `0.03` for `3%`), or `nil` with only a range.
        public var defaultText: String?
        /// The range, when the plan declares one.
        public var range: AmountRange?
        /// True when it holds a fraction: its definition writes a percent, its range ends at 1 or less,
        /// or its default is finer than a fen (`default 0.015`), so `1.5%` and `0.015` are both fine.
        public var fraction: Bool
    }

    /// The order fields (`fields` true) or the agents' extra attributes (false; `base` is typed on
    /// its own) that hold amounts, by name.
    /// - Complexity: O(definitions).
    public func amountDeclarations(fields: Bool) -> [String: AmountDeclaration] {
        var out: [String: AmountDeclaration] = [:]
        for d in definitions {
            let name: String, def: Expr?, range: AmountRange?
            switch d.statement {
            case .field(let n, _, let v, let r) where fields: (name, def, range) = (n, v, r)
            case .attribute(let n, _, let v, let r) where !fields: (name, def, range) = (n, v, r)
            default: continue
            }
            let amount = def.flatMap { try? $0.constantAmount() }
            guard amount != nil || range != nil else { continue }
            let defaultText = amount?.description
            let fraction = d.source.contains("%") || (range?.upper.map { $0 <= .one } ?? false)
                || (amount.map { $0.rounded(toDigits: 2) != $0 } ?? false)
            out[name] = AmountDeclaration(defaultText: defaultText, range: range, fraction: fraction)
        }
        return out
    }
}
