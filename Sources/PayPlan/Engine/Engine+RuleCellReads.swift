/// Which cells of a rule read which cells of another, at the level a rule edit needs
/// (`Engine+RuleRecompute`): from a rule's formula alone, for each rule it reads, how a
/// changed cell of that rule maps to the cells of the reader that must be computed again.
///
/// The mapping is conservative (it may name cells whose value comes out the same, never
/// miss one that reads a changed cell): a plain reference `x` or `prev(x)` between two rules
/// of the same shape (both per agent, or both the team's, of one grain) reads the same agent
/// `shift` periods away; any other reference between two per-agent rules (a fixed period
/// `x[2026-12]`, `paid(x)`, an aggregation over the periods, a figure of another grain)
/// reads only the same agent's cells, so the agent's whole row is named; everything else
/// (a team figure read by agents, an aggregation over agents, a rank or share, order rules,
/// a reader that is not a plain formula, parameter or input) names every cell of the reader.
extension Engine {
    /// How the changed cells of a rule read map to cells of the reader.
    enum CellReadMap: Hashable {
        /// The reader's cell (agent, p) reads the source's (agent, p + shift).
        case shift(Int)
        /// The reader's cells of an agent read (some of) the source's cells of that agent.
        case row
        /// Any cell of the reader may read any changed cell.
        case all
    }

    /// One rule read by a rule, and how (`CellReadMap`).
    struct CellRead: Hashable {
        let rule: Int
        let map: CellReadMap
    }

    /// Per rule: the rules its cells read, each with how a changed cell maps to the reader's
    /// cells (`CellReadMap`), each pair once. A rule reading another in two ways lists both.
    ///
    /// - Complexity: O(plan size).
    static func cellReads(_ plan: CompiledPlan) -> [[CellRead]] {
        plan.rules.map { rule in
            var out = Set<CellRead>()
            let d = rule.dimension
            let plainKind: Bool
            switch rule.kind {
            case .formula, .parameter, .input: plainKind = true
            default: plainKind = false
            }
            // Where a reference stands: read at the cell's own coordinates (`x`, `prev(x)`),
            // at other periods of the same agent, or anywhere (inside an aggregation over orders,
            // which may be everyone's).
            enum Place { case plain, sameAgent, anywhere }
            func read(_ s: Int, shift: Int, _ place: Place) {
                let ds = plan.rules[s].dimension
                let map: CellReadMap
                if !plainKind || place == .anywhere || d.perOrder || ds.perOrder {
                    map = .all
                } else if d.perAgent && ds.perAgent {
                    map = place == .plain && ds.grain == d.grain ? .shift(shift) : .row
                } else if !d.perAgent && !ds.perAgent && place == .plain && ds.grain == d.grain {
                    map = .shift(shift)
                } else {
                    map = .all
                }
                out.insert(CellRead(rule: s, map: map))
            }
            func visit(_ e: CExpr, _ place: Place) {
                let inner: Place = place == .anywhere ? .anywhere : .sameAgent
                switch e {
                case .constant, .builtin: break
                case .ref(let r, let shift): read(r, shift: shift, place)
                case .at(let r, _), .paid(let r): read(r, shift: 0, inner)
                case .teamAggregate(let r), .share(let r, _): read(r, shift: 0, .anywhere)
                case .attribute(_, let dv): if let dv { visit(dv, place) }
                case .orderField(_, _, let dv): if let dv { visit(dv, .anywhere) }
                case .negate(let a), .not(let a): visit(a, place)
                case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
                    visit(a, place); visit(b, place)
                case .ifThen(let a, let b, let c): visit(a, place); visit(b, place); visit(c, place)
                case .function(_, let args): for a in args { visit(a, place) }
                case .table(_, _, _, let arg, let rows):
                    visit(arg, place)
                    for row in rows { visit(row.threshold, place); visit(row.value, place) }
                case .periodAggregate(_, _, _, let v, let f):
                    if let v { visit(v, inner) }
                    if let f { visit(f, inner) }
                case .rank(let r, let own, let f, _):
                    read(r, shift: 0, .anywhere); visit(own, inner)
                    if let f { visit(f, inner) }
                case .orderAggregate(_, let v, let f, _, _):
                    if let v { visit(v, .anywhere) }
                    if let f { visit(f, .anywhere) }
                }
            }
            for e in rule.kind.expressions { visit(e, .plain) }
            return Array(out)
        }
    }
}
