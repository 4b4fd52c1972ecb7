/// Comparing two workspaces (what-if forks): figures side by side, and what
/// differs between them. Amounts are CNY as `Fixed`.
extension Engine {
    /// A figure at a period: the cell itself, or for a finer rule the sum over
    /// the period (yes/no figures count the yes); `nil` when the rule, agent or
    /// period does not exist here. A sum beyond ±10²⁶ is the error value `#OVERFLOW`. A balance
    /// (`CompiledPlan.isBalance(rule:)`, e.g. damage still to deduct) is its value at the period's last month.
    public func figure(rule name: String, agent: String?, period p: Period) -> Value? {
        guard let r = plan.ruleIndex[name] else { return nil }
        var a = 0
        if plan.rules[r].dimension.perAgent {
            guard let an = agent, let i = agentIndex(named: an) else { return nil }
            a = i
        }
        return figure(ruleIndex: r, agentIndex: a, period: p)
    }

    /// `figure(rule:agent:period:)` by rule and agent index (the agent is ignored for a team rule).
    /// - Complexity: O(months in `p`): a rule's cells of one agent lie one period after another, so the
    ///   first is looked up and the others follow it (a year's report of 10,000 agents sums 1.3 M cells).
    public func figure(ruleIndex r: Int, agentIndex a: Int, period p: Period) -> Value? {
        let g = plan.rules[r].dimension.grain
        if g == .none || g == p.grain {
            guard let c = cell(rule: r, agent: a, period: p) else { return nil }
            return value(ofCell: c)
        }
        if g > p.grain { return nil }
        // A balance (damage still to deduct) stands at the period's end: its last month, not a sum.
        if plan.isBalance(rule: r) {
            let last = Period(grain: g, start: Month(index: p.start.index + p.grain.months - g.months))
            return cell(rule: r, agent: a, period: last).map { value(ofCell: $0) }
        }
        var sum = Fixed.zero
        // The sub-periods in order, as cells `first`, `first + 1`, …; those past the scenario's years have none.
        let first = Period(grain: g, start: p.start)
        guard let c0 = cell(rule: r, agent: a, period: first), let i0 = index(of: first) else { return nil }
        let inYears = periodCount(g) - i0
        for k in 0..<(p.grain.months / g.months) {
            guard k < inYears else { return nil }
            switch value(ofCell: c0 + k) {
            case .number(let n):
                guard let s = Fixed.checkedAdd(sum, n) else {
                    let name = plan.rules[r].name
                    let who = plan.rules[r].dimension.perAgent && a < agents.count ? agents[a].name : nil
                    return .error(EvalError(.periodSumTooLarge(figure: name, period: p), origin: CellReference(figure: name, agent: who, period: p)))
                }
                sum = s
            case .bool(let b):
                if b { guard let s = Fixed.checkedAdd(sum, .one) else { return nil }; sum = s }
            case let other: return other
            }
        }
        return .number(sum)
    }

    /// The report's columns (the plan's `report columns`, else `CompiledPlan.defaultReportFigures`).
    public var reportFigures: [String] {
        plan.reportColumns.isEmpty ? plan.defaultReportFigures : plan.reportColumns
    }
}

extension CompiledPlan {
    /// The report's columns when the plan names none: every visible per-agent rule, but of a shared
    /// part (`use takehome`) only its headline figures (社保, 公积金, 个税, 实发, 雇主成本), not its
    /// working (累计应纳税所得额 …), which a shop owner or employee does not read line by line.
    /// - Complexity: O(n) in the rules.
    public var defaultReportFigures: [String] {
        rules.filter { r in
            if !r.visible || !r.dimension.perAgent || partWorkings.contains(r.name) { return false }
            if case .formula = r.kind { return true } else { return false }
        }.map(\.name)
    }
}

/// What differs between two workspaces: definitions, agents and inputs.
public struct WorkspaceDiff: Sendable {
    /// Definitions present in both with different text: name, source in A, source in B (with its
    /// dated versions, `from 2026-07 …`, one a line after it).
    public var changed: [(name: String, a: String, b: String)] = []
    public var onlyInA: [String] = [], onlyInB: [String] = []
    /// How an agent differs between the two workspaces.
    public enum AgentChange: Sendable, Equatable { case attributesDiffer, onlyInFirst, onlyInSecond }
    /// Agents in only one of them, or with different attributes.
    public var agentChanges: [(name: String, change: AgentChange)] = []
    /// `agentChanges` in English words (`李雷: attributes differ`).
    /// The years each covers, when they differ.
    public var years: (a: ClosedRange<Int>, b: ClosedRange<Int>)?
    /// `agentChanges` and `years` in English words (`李雷: attributes differ`).
    public var agents: [String] {
        agentChanges.map { "\($0.name): " + ($0.change == .attributesDiffer ? "attributes differ" : $0.change == .onlyInFirst ? "only in the first" : "only in the second") }
            + (years.map { ["years: \($0.a.lowerBound)–\($0.a.upperBound) vs \($0.b.lowerBound)–\($0.b.upperBound)"] } ?? [])
    }
    /// Inputs that differ: `李雷.sales[2026-03]`, value in A, value in B (nil: not entered).
    public var inputs: [(name: String, a: Fixed?, b: Fixed?)] = []

    public var isEmpty: Bool { changed.isEmpty && onlyInA.isEmpty && onlyInB.isEmpty && agents.isEmpty && inputs.isEmpty }

    public init(_ a: Workspace, _ b: Workspace) {
        for d in a.plan.definitions {
            if let e = b.plan.definition(named: d.name) {
                let ta = d.allVersions.map(\.source).joined(separator: "\n"), tb = e.allVersions.map(\.source).joined(separator: "\n")
                if ta != tb { changed.append((d.name, ta, tb)) }
            } else { onlyInA.append(d.name) }
        }
        onlyInB = b.plan.definitions.map(\.name).filter { a.plan.definition(named: $0) == nil }
        for x in a.agents {
            if let y = b.agents.first(where: { $0.name == x.name }) {
                if x != y { agentChanges.append((x.name, .attributesDiffer)) }
            } else { agentChanges.append((x.name, .onlyInFirst)) }
        }
        for y in b.agents where !a.agents.contains(where: { $0.name == y.name }) { agentChanges.append((y.name, .onlyInSecond)) }
        var keys = Set<String>()
        var found: [(String, Fixed?, Fixed?)] = []
        for (agent, byName) in a.inputs.merging(b.inputs, uniquingKeysWith: { x, _ in x }) {
            let names = Set((a.inputs[agent] ?? [:]).keys).union((b.inputs[agent] ?? [:]).keys)
            for n in names {
                let pa = a.inputs[agent]?[n] ?? [:], pb = b.inputs[agent]?[n] ?? [:]
                for p in Set(pa.keys).union(pb.keys) where pa[p] != pb[p] {
                    let k = "\(agent).\(n)[\(p)]"
                    if keys.insert(k).inserted { found.append((k, pa[p], pb[p])) }
                }
            }
            _ = byName
        }
        for n in Set(a.teamInputs.keys).union(b.teamInputs.keys) {
            let pa = a.teamInputs[n] ?? [:], pb = b.teamInputs[n] ?? [:]
            for p in Set(pa.keys).union(pb.keys) where pa[p] != pb[p] { found.append(("\(n)[\(p)]", pa[p], pb[p])) }
        }
        inputs = found.sorted { $0.0 < $1.0 }
        if a.years != b.years { years = (a.years, b.years) }
    }
}

extension Engine {
    /// The figures cell `c` reads, directly or not (itself first), in the order
    /// met walking back from `c`, with their names.
    public func upstream(ofCell c: Int, limit: Int = 5000) -> [Int] {
        var seen: Set<Int> = [c], out = [c], i = 0
        while i < out.count && out.count < limit {
            for d in dependencies(ofCell: out[i]) where seen.insert(d).inserted { out.append(d) }
            i += 1
        }
        return out
    }

    /// The cell named like `李雷.pay[2026-03]` (as `name(ofCell:)` writes it), if it exists here.
    public func cell(named text: String) -> Int? {
        var agent: String? = nil
        var rest = Substring(text)
        if let dot = text.firstIndex(of: "."), !text[..<dot].contains("[") { agent = String(text[..<dot]); rest = text[text.index(after: dot)...] }
        var ruleName = String(rest), p = Period(grain: .none, start: startMonth)
        if let open = rest.firstIndex(of: "["), rest.hasSuffix("]") {
            ruleName = String(rest[..<open])
            guard let q = Period(text: String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])) else { return nil }
            p = q
        }
        guard let r = plan.ruleIndex[ruleName] else { return nil }
        var a = 0
        if plan.rules[r].dimension.perAgent {
            guard let an = agent, let i = agentIndex(named: an) else { return nil }
            a = i
        } else if agent != nil { return nil }
        return cell(rule: r, agent: a, period: p)
    }
}
