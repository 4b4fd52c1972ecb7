/// Balances: figures that hold an amount standing at a moment (what is still owed, a year-to-date
/// total, months employed so far), not an amount earned or paid over the period. Plan C's
/// `damage_carried` (结转赔偿, C7.1) is one: the damage still to deduct at a month's end. Adding such a
/// figure's months is meaningless (a quarter's statement showed 0 + 7,193.60 + 6,521.84 = 13,715.44
/// "各月合计" where 6,521.84 was still owed), so a longer period shows a balance's value at its last
/// month (`Engine.figure(ruleIndex:agentIndex:period:)`, the statement's lines, `report`).
///
/// A balance is found from the formulas alone, as the greatest set of rules such that each one's
/// formula, read with the others of the set as balances, is a balance:
/// - `prev(b)` and `b` for a balance `b`, and the built-in `tenure`, are balances;
/// - a sum or difference is a balance when one of its terms is, unless it is a change over the
///   period: a balance this period less one of the period before (`ytd_tax − prev(ytd_withheld)`,
///   `ytd_taxable_raw − prev(ytd_taxable_raw)` are what the month adds, not balances);
/// - a product with a balance factor (`basic_deduction × months_employed`), a quotient of a balance,
///   `round`/`floor`/`ceil`/`abs`/`iferror`/`ifmissing` of one, and an `if` with a balance branch are
///   balances; `min`/`max` are when every argument not a constant is (`max(0, ytd_taxable_raw)` is,
///   `min(damage_due, 20% × pay)` — what is deducted this month — is not);
/// - a sum, average, least or greatest over agents of a balance is one (a team's balance);
/// - anything else (inputs, parameters, attributes, tiers, aggregations over orders or periods,
///   comparisons) is not.
/// Only formulas that read a balance through `prev` (or read such a rule) can be balances, so plans
/// without `prev` have none.
extension CompiledPlan {
    /// The indices of the rules that are balances (see the type's notes), from `rules`.
    ///
    /// - Complexity: O(r × n) per round, r rules of total formula size n; at most 2(r + 1) rounds,
    ///   in practice a few.
    static func balanceRules(_ rules: [CompiledRule]) -> Set<Int> {
        func formula(_ r: Int) -> CExpr? {
            switch rules[r].kind {
            case .formula(let f): return f
            case .agentAggregate(.sum, let v?, _), .agentAggregate(.avg, let v?, _), .agentAggregate(.min, let v?, _), .agentAggregate(.max, let v?, _): return v
            default: return nil
            }
        }
        let candidates = rules.indices.filter { formula($0) != nil && rules[$0].dimension.grain != .none && rules[$0].dimension.grain != .year }
        // First every rule that reads a balance at all (the greatest such set: a `prev` circle stays in it),
        // without the test for a change, which would drop a rule read before its inputs are decided.
        var reading = Set(candidates)
        while true {
            let next = reading.filter { BalanceReading(balances: reading, changes: false).isBalance(formula($0)!) }
            if next == reading { break }
            reading = next
        }
        // Then those of them that are no change over the period, until the set stands (a few rounds).
        var set = reading
        for _ in 0...rules.count {
            let next = reading.filter { BalanceReading(balances: set, changes: true).isBalance(formula($0)!) }
            if next == set { break }
            set = next
        }
        return set
    }

    /// True when rule `r` is a balance: a longer period shows its value at the period's last month,
    /// not the sum of its months.
    public func isBalance(rule r: Int) -> Bool { balances.contains(r) }
}

/// Reads a formula for whether it is a balance, given the rules taken to be balances.
struct BalanceReading {
    let balances: Set<Int>
    /// Whether a balance now less one of the period before is read as a change (a flow).
    let changes: Bool

    /// How a term of a sum relates to time: no balance, a balance now, or a balance of an earlier period.
    enum Term { case flow, current, previous }

    func isBalance(_ e: CExpr) -> Bool {
        switch e {
        case .ref(let r, _): return balances.contains(r)
        case .teamAggregate(let r): return balances.contains(r)
        case .builtin(.tenure): return true
        case .negate(let x): return isBalance(x)
        case .arithmetic(.add, _, _), .arithmetic(.subtract, _, _):
            var terms: [(CExpr, Bool)] = []
            PayStatement.flatten(e, true, &terms)
            let kinds = terms.map { (term($0.0), $0.1) }
            // A balance now less (or plus the negative of) one before: what the period adds, a flow.
            let change = changes && ((kinds.contains { $0 == (.current, true) } && kinds.contains { $0 == (.previous, false) })
                || (kinds.contains { $0 == (.current, false) } && kinds.contains { $0 == (.previous, true) }))
            return !change && kinds.contains { $0.0 != .flow }
        case .arithmetic(.multiply, let a, let b): return isBalance(a) || isBalance(b)
        case .arithmetic(.divide, let a, let b): return isBalance(a) && !isBalance(b)
        case .ifThen(_, let a, let b): return isBalance(a) || isBalance(b)
        case .function(.round, let args), .function(.floor, let args), .function(.ceil, let args), .function(.abs, let args),
             .function(.iferror, let args), .function(.ifmissing, let args):
            return args.first.map(isBalance) ?? false
        case .function(.min, let args), .function(.max, let args):
            let varying = args.filter { if case .constant = $0 { false } else { true } }
            return !varying.isEmpty && varying.allSatisfy(isBalance)
        default: return false
        }
    }

    /// A sum's term: `prev(b)` of a balance (or an `if` whose branches are such or constants) is of the
    /// period before; another balance is of this period.
    func term(_ e: CExpr) -> Term {
        if isPrevious(e) { return .previous }
        return isBalance(e) ? .current : .flow
    }

    func isPrevious(_ e: CExpr) -> Bool {
        switch e {
        case .ref(let r, let shift): return shift < 0 && balances.contains(r)
        case .ifThen(_, let a, let b):
            let branches = [a, b].filter { if case .constant = $0 { false } else { true } }
            return !branches.isEmpty && branches.allSatisfy(isPrevious)
        case .function(.round, let args), .function(.max, let args), .function(.min, let args):
            let varying = args.filter { if case .constant = $0 { false } else { true } }
            return !varying.isEmpty && varying.allSatisfy(isPrevious)
        default: return false
        }
    }
}
