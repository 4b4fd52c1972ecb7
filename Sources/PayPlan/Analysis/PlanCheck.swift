import Synchronization

/// Checks a plan against the scenario's data (issue 12): the compiler's warnings, plus
/// what only the figures show — pay outside employment, entered values outside a
/// declared range, tier tables whose thresholds leave a gap or overlap.
public enum PlanCheck {
    /// How many warnings of one kind about one definition are listed before a summary.
    public static let listLimit = 5

    /// Every warning of the plan in `engine`, given the data of `workspace` (the engine's workspace).
    ///
    /// `outsideEmployment`: the agents paid outside employment, when the caller keeps them
    /// per agent (`OutsideEmployment`); `nil` works them out here.
    ///
    /// - Complexity: O(a × p) for a agents and p periods of the pay figure (O(flagged) when given), plus O(entered inputs).
    public static func warnings(engine: Engine, workspace: Workspace, outsideEmployment: [(agent: Int, OutsideEmployment)]? = nil) -> [PlanWarning] {
        var out = standingWarnings(engine: engine, workspace: workspace)
        if let flagged = outsideEmployment {
            out += payOutsideEmployment(flagged, engine: engine, plan: workspace.plan)
        } else {
            out += payOutsideEmployment(engine: engine, plan: workspace.plan)
        }
        return out
    }

    /// The warnings `warnings` starts with, which read the plan and the entered values but no
    /// agent's figures: the compiler's, the tier tables', the entered values outside a declared
    /// range. An agent appended without entered values changes none of them.
    ///
    /// - Complexity: O(definitions + entered inputs).
    public static func standingWarnings(engine: Engine, workspace: Workspace) -> [PlanWarning] {
        engine.plan.warnings + tierWarnings(engine: engine, plan: workspace.plan) + inputRangeWarnings(workspace: workspace)
    }

    /// Where the defined name stands in a definition's source (for carets), or `nil`.
    ///
    /// Remembered per source text: the warnings after every command ask for the same few
    /// definitions' names (a script of `agent add` lines parsed the pay definition on each line).
    /// - Complexity: O(1) for a source seen before (a hash of its text), else a parse of it.
    public static func nameRange(of d: Definition) -> SourceRange? {
        if let known = nameRanges.withLock({ $0[d.source] }) { return known }
        let r = (try? Parser.statementWithNameRange(d.source))?.1 ?? nil
        nameRanges.withLock { memo in
            if memo.count >= 256 { memo.removeAll(keepingCapacity: true) }
            memo[d.source] = r
        }
        return r
    }

    /// Source text → the defined name's range (`nameRange(of:)`), at most 256 texts.
    private static let nameRanges = Mutex<[String: SourceRange?]>([:])

    /// The pay figure (`report total`) nonzero in a period where an agent is not employed:
    /// one warning per agent, at the pay rule's name.
    ///
    /// - Complexity: O(a × p) for a agents and p periods outside their employment.
    public static func payOutsideEmployment(engine: Engine, plan: Plan) -> [PlanWarning] {
        guard let rule = OutsideEmployment.payRule(engine) else { return [] }
        var flagged: [(agent: Int, OutsideEmployment)] = []
        for a in engine.agents.indices {
            if let o = OutsideEmployment(engine: engine, rule: rule, agent: a) { flagged.append((a, o)) }
        }
        return payOutsideEmployment(flagged, engine: engine, plan: plan)
    }

    /// The warnings of `flagged` (agent index and what they are paid outside employment, in agent order).
    ///
    /// - Complexity: O(flagged).
    public static func payOutsideEmployment(_ flagged: [(agent: Int, OutsideEmployment)], engine: Engine, plan: Plan) -> [PlanWarning] {
        guard !flagged.isEmpty, let t = engine.plan.total, let d = plan.definition(named: t), let r = OutsideEmployment.payRule(engine) else { return [] }
        let grain = engine.plan.rules[r].dimension.grain
        let nameRange = nameRange(of: d)
        var out: [PlanWarning] = []
        for (a, o) in flagged.prefix(listLimit) {
            let agent = engine.agents[a]
            let (p, v, count) = (o.period, o.value, o.count)
            let before = agent.hired.map { p.lastDay < $0 } == true
            let when = before ? "before the hire date \(agent.hired!)" : "after leaving on \(agent.left!)"
            let whenZh = before ? "在入职日 \(agent.hired!) 之前" : "在离职日 \(agent.left!) 之后"
            out.append(PlanWarning(.payOutsideEmployment, definition: t,
                message: "\(t) pays \(agent.name) \(v.displayText) in \(p), \(when)\(count > 1 ? " (and \(count - 1) more \(grain.keyword)\(count > 2 ? "s" : "") outside employment)" : ""); test active: if not active then 0 else …",
                zh: "\(t) 在 \(p) 给 \(agent.name) 发 \(v.displayText)，\(whenZh)\(count > 1 ? "（另有 \(count - 1) 个不在职的\(PlanWarning.zh(grain))也发了钱）" : "")；请判断 active：if not active then 0 else …",
                range: nameRange, source: d.source))
        }
        let more = flagged.count - min(flagged.count, listLimit)
        if more > 0 {
            out.append(PlanWarning(.payOutsideEmployment, definition: t,
                message: "\(t) also pays \(more) more agent\(more == 1 ? "" : "s") outside employment",
                zh: "\(t) 还给另外 \(more) 名员工在不在职的期间发了钱", range: nameRange, source: d.source))
        }
        return out
    }

    /// What one agent is paid outside their employment: the first such period with its
    /// pay, and how many periods there are (the warning `payOutsideEmployment` gives).
    /// The session keeps one per agent and works out again only the agents an edit
    /// touched (`Session+Warnings`), so a script of agent adds does not visit every agent per line.
    public struct OutsideEmployment: Equatable, Sendable {
        /// The first period outside employment with a nonzero pay figure, and that figure.
        public var period: Period
        public var value: Value
        /// How many periods outside employment pay something.
        public var count: Int

        /// The pay rule (`report total`) when it is a per-agent rule with periods, else `nil` (no warning).
        public static func payRule(_ engine: Engine) -> Int? {
            guard let t = engine.plan.total, let r = engine.plan.ruleIndex[t] else { return nil }
            let dim = engine.plan.rules[r].dimension
            return dim.perAgent && !dim.perOrder && dim.grain != .none ? r : nil
        }

        /// Agent `a`'s pay outside employment in pay rule `rule`, or `nil` when there is none.
        ///
        /// - Complexity: O(periods outside the agent's employment): they are a run at the start
        ///   (ending before the hire date) and one at the end (after the leave date).
        public init?(engine: Engine, rule r: Int, agent a: Int) {
            let agent = engine.agents[a]
            guard agent.hired != nil || agent.left != nil else { return nil }
            let grain = engine.plan.rules[r].dimension.grain
            let periods = engine.periodCount(grain)
            var first: (Period, Value)? = nil
            var count = 0
            var early = 0, late = periods
            if let h = agent.hired { while early < periods && engine.period(grain, early).lastDay < h { early += 1 } }
            if let l = agent.left { while late > early && engine.period(grain, late - 1).firstDay > l { late -= 1 } }
            func look(_ i: Int) {
                let p = engine.period(grain, i)
                guard let c = engine.cell(rule: r, agent: a, period: p) else { return }
                let v = engine.value(ofCell: c)
                guard case .number(let n) = v, n != .zero else { return }
                count += 1
                if first == nil { first = (p, v) }
            }
            for i in 0..<early { look(i) }
            for i in late..<periods { look(i) }
            guard let (p, v) = first else { return nil }
            (period, value, self.count) = (p, v, count)
        }
    }

    /// Entered values outside the range their input declares, at the input's definition.
    ///
    /// - Complexity: O(entered values), plus O(agents) when some are outside their range.
    public static func inputRangeWarnings(workspace: Workspace) -> [PlanWarning] {
        var agentNames: Set<String>? = nil
        var out: [PlanWarning] = []
        for d in workspace.plan.definitions {
            guard case .input(let dim, let n, _, _, let range?) = d.statement else { continue }
            var bad: [(String, Fixed)] = []
            if dim.perAgent {
                // The entered values (of agents still in the workspace) are walked, not every agent.
                for (name, byInput) in workspace.inputs {
                    for (p, v) in byInput[n] ?? [:] where !range.contains(v) {
                        if agentNames == nil { agentNames = Set(workspace.agents.map(\.name)) }
                        if agentNames!.contains(name) { bad.append(("\(name).\(n)[\(p)]", v)) }
                    }
                }
            } else {
                for (p, v) in workspace.teamInputs[n] ?? [:] where !range.contains(v) { bad.append(("\(n)[\(p)]", v)) }
            }
            bad.sort { $0.0 < $1.0 }
            let place = rangeText(in: d.source)
            for (cell, v) in bad.prefix(listLimit) {
                out.append(outOfRange(cell: cell, value: v, input: n, range: range, at: place, source: d.source))
            }
            if bad.count > listLimit {
                out.append(PlanWarning(.inputOutOfRange, definition: n,
                    message: "\(bad.count - listLimit) more values of \(n) are outside the range the plan declares (\(range))",
                    zh: "\(n) 还有 \(bad.count - listLimit) 个录入值超出方案规定的范围（\(range)）", range: place, source: d.source))
            }
        }
        return out
    }

    /// The warning for one entered value outside its input's range.
    public static func outOfRange(cell: String, value: Fixed, input: String, range: AmountRange, at place: SourceRange?, source: String) -> PlanWarning {
        PlanWarning(.inputOutOfRange, definition: input,
                    message: "\(cell) = \(value.moneyText) is outside the range the plan declares for \(input) (\(range))",
                    zh: "\(cell) = \(value.moneyText) 超出方案为 \(input) 规定的范围（\(range)）",
                    range: place, source: source)
    }

    /// Where `range …` stands in an input's source.
    static func rangeText(in source: String) -> SourceRange? {
        guard let r = source.range(of: " range ") else { return nil }
        let lo = source.distance(from: source.startIndex, to: r.lowerBound) + 1
        let rest = source[r.upperBound...].prefix { !$0.isWhitespace }
        return lo..<(lo + 6 + rest.count)
    }

    /// Tier tables whose first threshold leaves amounts below it without a tier (a gap), or
    /// whose thresholds — as the parameters they name now stand — do not rise (an overlap).
    public static func tierWarnings(engine: Engine, plan: Plan) -> [PlanWarning] {
        var out: [PlanWarning] = []
        // Every dated version of a table too (`from 2026-07 table …`), each at its own text.
        for d in plan.definitions.flatMap(\.allVersions) {
            guard case .table(let n, _, _, let rows) = d.statement else { continue }
            var previous: (Fixed, String)? = nil
            for (i, row) in rows.enumerated() {
                guard let (t, how) = thresholdValue(row.threshold, engine: engine) else { previous = nil; continue }
                if i == 0 && t > .zero {
                    out.append(PlanWarning(.tierGap, definition: n,
                        message: "amounts below \(t.moneyText)\(how) have no tier of their own and fall in the first tier; start the table at 0 to say what they get",
                        zh: "低于 \(t.moneyText)\(how) 的金额没有自己的档位，会落入第一档；请从 0 开始写表，写明它们得多少",
                        range: row.threshold.range, source: d.source))
                }
                if let (p, pHow) = previous, t <= p {
                    out.append(PlanWarning(.tierOverlap, definition: n,
                        message: "tiers overlap: this threshold (\(t.moneyText)\(how)) is not above the one before it (\(p.moneyText)\(pHow)), so the tier before it is never reached",
                        zh: "档位重叠：这个门槛（\(t.moneyText)\(how)）不高于前一个（\(p.moneyText)\(pHow)），前一档永远达不到",
                        range: row.threshold.range, source: d.source))
                }
                previous = (t, how)
            }
        }
        return out
    }

    /// A threshold's amount: written out, or a parameter's current value (with ", from NAME").
    static func thresholdValue(_ e: Expr, engine: Engine) -> (Fixed, String)? {
        if let n = try? e.constantAmount() { return (n, "") }
        guard case .name(let p) = e.kind, let r = engine.plan.ruleIndex[p], case .parameter = engine.plan.rules[r].kind,
              let c = engine.cell(rule: r, agent: 0, period: Period(grain: .none, start: engine.startMonth)),
              case .number(let v) = engine.value(ofCell: c) else { return nil }
        return (v, ", from \(p)")
    }
}
