/// The derivation of a figure, for `explain`: the rule as written, each
/// figure it read with its value, the tier a lookup hit and which side of
/// it is inclusive, and the same for each figure read, to a depth.
public struct Explanation: Equatable, Sendable {
    /// `李雷.pay[2026-03] = 5,573.00`, with the label when the rule has one.
    public var headline: String
    /// The definition as written, when the figure is computed by a rule.
    public var rule: String?
    /// Facts that are not figures: attributes, built-ins, tiers hit, aggregations.
    public var notes: [Note]
    /// The figures the rule read, explained in turn (empty past the depth).
    public var parts: [Explanation]
    /// The headline's parts: the cell's name, its value and the rule's label (`headline` joins them).
    public var figure: String = ""
    public var value: Value? = nil
    public var label: String? = nil

    /// The explanation as an indented tree of English lines (the REPL renders it in either
    /// language from the same parts, `Session.explainTree`).
    /// - Complexity: O(lines).
    public func lines(indent: String = "") -> [String] {
        var out = [indent + headline]
        let inner = indent + "  "
        if let rule {
            for (i, line) in rule.split(separator: "\n").enumerated() {
                out.append(inner + (i == 0 ? "rule: " : "      ") + line.trimmingCharacters(in: .whitespaces))
            }
        }
        out += notes.map { inner + "· " + $0.english }
        for p in parts { out += p.lines(indent: inner) }
        return out
    }
}

extension Engine {
    /// Explains cell `c` to `depth` levels of figures read (1 = only the figures the rule reads directly).
    ///
    /// Inputs say whether they were entered or defaulted; an error value's
    /// explanation follows the figures read to where it started.
    public func explain(cell c: Int, plan: Plan, depth: Int = 3) -> Explanation {
        var seen = Set<Int>()
        return explain(c, plan, depth, &seen)
    }

    private func explain(_ c: Int, _ source: Plan, _ depth: Int, _ seen: inout Set<Int>) -> Explanation {
        let (r, k) = coordinates(ofCell: c)
        let rule = plan.rules[r]
        let value = values[c]
        var headline = "\(name(ofCell: c)) = \(value.displayText)"
        if let l = rule.label { headline += "  \(l)" }
        var ex = Explanation(headline: headline, rule: nil, notes: [], parts: [], figure: name(ofCell: c), value: value, label: rule.label)
        if case .error(let e) = value { ex.notes.append(.errorValue(e, origin: e.origin == reference(ofCell: c) ? nil : e.origin)) }
        switch rule.kind {
        case .input(let d):
            ex.notes.append(stored[c] != nil ? .entered : .notEntered(defaulted: d != nil))
            return ex
        case .parameter(let e0), .formula(let e0):
            // A definition with dated versions: the version in force in the cell's period.
            let (e, definition, used) = ruleVersion(r, e0, k, source)
            ex.rule = definition?.source
            if let used { ex.notes.append(.version(used, table: nil)) }
            if let part = definition?.part { ex.notes.append(.fromPart(part)) }
            var reads: [Int] = []
            var notes: [Explanation.Note] = []
            describe(e, k, source, &notes, &reads)
            for n in notes where !ex.notes.contains(n) { ex.notes.append(n) }
            seen.insert(c)
            if depth > 0 {
                for d in reads where !seen.contains(d) {
                    seen.insert(d)
                    ex.parts.append(explain(d, source, depth - 1, &seen))
                }
            } else if !reads.isEmpty {
                ex.notes.append(.readsMore(reads.count))
            }
        case .agentAggregate, .ranking:
            ex.notes.append(.overAgents)
        case .allocation(_, _, let overOrders):
            ex.notes.append(.shares(orders: overOrders))
        }
        return ex
    }

    /// Notes what `e` reads at `k`: cells go to `reads`, other facts to `notes`.
    private func describe(_ e: CExpr, _ k: Coordinates, _ source: Plan, _ notes: inout [Explanation.Note], _ reads: inout [Int]) {
        func add(_ c: Int?) { if let c, !reads.contains(c) { reads.append(c) } }
        switch e {
        case .constant: break
        case .ref(let r, let shift):
            if let c = mapRef(r, shift, k) { add(c) } else { notes.append(.prevBeforeStart(plan.rules[r].name)) }
        case .at(let r, let p):
            if let i = index(of: p), let c = atCell(r, i, k) { add(c) }
        case .paid(let r):
            if let c = paidCell(r, k) { add(c) } else {
                notes.append(.paidZero(plan.rules[r].name, grain: k.grain, of: plan.rules[r].dimension.grain))
            }
        case .teamAggregate(let r): add(mapRef(r, 0, k))
        case .attribute(let n, let d):
            guard k.agent >= 0 else { notes.append(.teamAttribute(n, eval(e, k))); break }
            let a = agents[k.agent]
            if let v = a.attribute(n) { notes.append(.attribute(n, v, agent: a.name, defaulted: false)) } else {
                notes.append(.attribute(n, eval(.attribute(n, defaultValue: d), k), agent: a.name, defaulted: true))
            }
        case .builtin(let b):
            if b != .x { notes.append(.builtin(b.rawValue, builtin(b, k))) }
        case .negate(let a), .not(let a): describe(a, k, source, &notes, &reads)
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
            describe(a, k, source, &notes, &reads); describe(b, k, source, &notes, &reads)
        case .ifThen(let c, let a, let b):
            if let taken = versionTaken(e, k) {
                // A table's or parameter's versions: only the one in force, named.
                if case .table(_, let name, _, _, _) = taken, let used = VersionUsed.of(source.definition(named: name), at: versionMonth(k)) {
                    notes.append(.version(used, table: name))
                }
                describe(taken, k, source, &notes, &reads)
                break
            }
            describe(c, k, source, &notes, &reads)
            let taken = eval(c, k)
            if case .bool(let t) = taken { describe(t ? a : b, k, source, &notes, &reads) } else { describe(a, k, source, &notes, &reads); describe(b, k, source, &notes, &reads) }
        case .function(let f, let args):
            args.forEach { describe($0, k, source, &notes, &reads) }
            if f == .round || f == .floor || f == .ceil, case .number(let before) = eval(args[0], k),
               case .number(let after) = eval(e, k), before != after {
                notes.append(.rounded(function: f.rawValue, before: before, after: after))
            }
        case .table(let op, let name, let sides, let arg, let rows):
            describe(arg, k, source, &notes, &reads)
            let hit = table(op, name, sides, arg, rows, k)
            guard let amount = hit.amount else { break }
            if let t = hit.tier {
                var row: String?
                if let d = source.definition(named: name)?.version(at: versionMonth(k) ?? Month(index: 0)), case .table(_, _, _, let rs) = d.statement, t < rs.count {
                    row = String(Array(d.source)[rs[t].value.range])
                }
                notes.append(.tier(table: name, amount: amount, lower: hit.thresholds[t], upper: t + 1 < hit.thresholds.count ? hit.thresholds[t + 1] : nil,
                                   sides: sides, value: hit.value, row: row))
            } else {
                notes.append(.marginal(table: name, amount: amount, value: hit.value))
            }
        case .periodAggregate(let op, let scope, let iteration, let v, let f):
            let scopeIndex = k.period * k.grain.months / scope.months
            notes.append(.overPeriod(op: op.rawValue, period: period(scope, scopeIndex), value: eval(e, k)))
            for sub in subPeriods(scope, iteration, k) {
                if let v { describe(v, sub, source, &notes, &reads) }
                if let f { describe(f, sub, source, &notes, &reads) }
            }
        case .rank(let r, let own, let f, _):
            add(mapRef(r, 0, k))
            describe(own, k, source, &notes, &reads)
            if let f { describe(f, k, source, &notes, &reads) }
        case .orderField(let n, let c, let d):
            let o = orders[k.order]
            if let v = o.field(n) { notes.append(.orderField(n, v, order: o.id, defaulted: false)) } else {
                notes.append(.orderField(n, eval(.orderField(n, column: c, defaultValue: d), k), order: o.id, defaulted: true))
            }
        case .orderAggregate(let op, let v, let f, let g, let perAgent):
            let booked = ordersBooked(g, k, perAgent: perAgent)
            notes.append(.overOrders(op: op.rawValue, count: booked.count, value: eval(e, k)))
            for o in booked {
                let ko = orderCoordinates(Int(o))
                if let f, eval(f, ko) != .bool(true) { continue }
                if let v { describe(v, ko, source, &notes, &reads) }
            }
        case .share(let r, let overOrders):
            add(mapRef(r, 0, k))
            notes.append(.share(order: overOrders))
        }
    }
}
