/// A pay statement (工资条) for one agent and period: every component of the
/// report with a one-line explanation (its label and the tier hit), the
/// total, and how much more of each tiered measure would have reached the
/// next tier. Amounts are CNY as `Fixed`. Rendered as text, Markdown,
/// self-contained HTML or CSV.
public struct PayStatement: Sendable {
    public struct Line: Sendable {
        /// The figure's name (`commission`) and label (`提成`), if the plan gives one.
        public var name: String, label: String?
        public var value: Value
        /// One line: the tier hit, or the rule as written.
        public var note: String
    }
    public var scenario: String
    public var agent: String
    public var period: Period
    public var lines: [Line]
    public var total: Line?
    /// "to reach the next tier" hints, one per table read.
    public var nextTiers: [String]
    /// After the total (应发): the take-home part's deductions and 实发 (`net_pay`), when the plan has them
    /// (`PayStatement+TakeHome.swift`).
    public var takeHome: [Line] = []

    /// Builds the statement of agent index `agent` at `period` from `engine`
    /// (`plan` gives the rules as written and the tables' labels).
    public init(engine e: Engine, plan: Plan, scenario: String, agent: Int, period p: Period) {
        self.scenario = scenario
        self.agent = e.agents[agent].name
        self.period = p
        lines = []; nextTiers = []
        let totalName = e.plan.total
        var seenTables = Set<String>()
        for name in e.reportFigures {
            guard let r = e.plan.ruleIndex[name] else { continue }
            let rule = e.plan.rules[r]
            let v = e.figure(rule: name, agent: self.agent, period: p) ?? .text("")
            var note = ""
            let cell = rule.dimension.grain == p.grain ? e.cell(rule: r, agent: agent, period: p) : nil
            switch rule.kind {
            case .input:
                note = cell.map { e.storedInput(cell: $0) != nil ? "entered" : "not entered: the plan's default" } ?? "entered (sum of the months)"
            case .formula(let x), .parameter(let x):
                if let c = cell {
                    let k = e.coordinates(ofCell: c).coordinates
                    var hits: [(String, Engine.TierHit, String, TierSides)] = []
                    PayStatement.tableHits(x, k, e, &hits)
                    // A component built on another figure (commission = tier_commission − …) shows that figure's tier.
                    if hits.isEmpty { PayStatement.tableHitsOfFirstTerm(x, k, e, &hits) }
                    var parts: [String] = []
                    for (t, hit, argName, sides) in hits {
                        guard let amount = hit.amount else { continue }
                        let tl = plan.definition(named: t)?.statement.label ?? t
                        if let tier = hit.tier {
                            let lo = hit.thresholds[tier].moneyText
                            let hi = tier + 1 < hit.thresholds.count ? hit.thresholds[tier + 1].moneyText : "∞"
                            parts.append("\(tl): \(amount.moneyText) in \(sides == .lowerInclusive ? "[\(lo), \(hi))" : "(\(lo), \(hi)]")")
                        } else {
                            parts.append("\(tl): marginal on \(amount.moneyText)")
                        }
                        if seenTables.insert(t).inserted, let next = hit.thresholds.first(where: { sides == .lowerInclusive ? $0 > amount : $0 >= amount }) {
                            let need = next - amount + (sides == .upperInclusive ? Fixed(fen: 1) : .zero)
                            nextTiers.append("\(tl) (\(t)): \(need.moneyText) more \(argName) would reach the tier from \(next.moneyText)")
                        }
                    }
                    if parts.isEmpty, let src = plan.definition(named: name)?.source, let eq = src.firstIndex(of: "=") {
                        var f = src[src.index(after: eq)...].split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                        if f.count > 80 { f = String(f.prefix(79)) + "…" }
                        parts.append(f)
                    }
                    note = parts.joined(separator: "; ")
                } else {
                    note = "sum over \(p)"
                }
            default: note = ""
            }
            let line = Line(name: name, label: rule.label, value: v, note: note)
            if name == totalName { total = line } else { lines.append(line) }
        }
        takeHome = PayStatement.takeHomeLines(e, agent: agent, period: p, shown: Set(lines.map(\.name) + (total.map { [$0.name] } ?? [])))
    }

    /// The tier hits of the first figure `x` reads, when that figure looks a
    /// table up itself (commission = tier_commission − … shows tier_commission's tier).
    static func tableHitsOfFirstTerm(_ x: CExpr, _ k: Coordinates, _ e: Engine, _ out: inout [(String, Engine.TierHit, String, TierSides)]) {
        var refs: [Int] = []
        CExpr.sameTimeRefs(x, into: &refs)
        guard let r = refs.first, e.plan.rules[r].visible, e.plan.rules[r].dimension == Dimension(grain: k.grain, perAgent: true),
              case .formula(let f) = e.plan.rules[r].kind else { return }
        tableHits(f, k, e, &out)
    }

    static func tableHits(_ x: CExpr, _ k: Coordinates, _ e: Engine, _ out: inout [(String, Engine.TierHit, String, TierSides)]) {
        switch x {
        case .table(let op, let name, let sides, let arg, let rows):
            tableHits(arg, k, e, &out)
            var argName = "of the amount"
            if case .ref(let r, 0) = arg { argName = e.plan.rules[r].label.map { "\($0) (\(e.plan.rules[r].name))" } ?? e.plan.rules[r].name }
            out.append((name, e.table(op, name, sides, arg, rows, k), argName, sides))
        case .negate(let a), .not(let a): tableHits(a, k, e, &out)
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
            tableHits(a, k, e, &out); tableHits(b, k, e, &out)
        case .ifThen(let c, let a, let b):
            tableHits(c, k, e, &out)
            switch e.eval(c, k) {
            case .bool(true): tableHits(a, k, e, &out)
            case .bool(false): tableHits(b, k, e, &out)
            default: break
            }
        case .function(_, let args): args.forEach { tableHits($0, k, e, &out) }
        default: break
        }
    }

    func display(_ l: Line) -> String { l.label.map { "\($0) \(l.name)" } ?? l.name }

    /// Plain text, columns aligned for a terminal (Chinese counted as two columns by the caller's table).
    public var rows: [[String]] { lines.map { [display($0), $0.value.displayText, $0.note] } }

    public var title: String { "pay statement 工资条 — \(agent), \(period) (\(scenario))" }

    /// Markdown: a title, a table, the total in bold, the next-tier hints as a list.
    public func markdown() -> String {
        var s = "# \(title)\n\n| component | amount | how |\n|---|---:|---|\n"
        func esc(_ t: String) -> String { t.replacingOccurrences(of: "|", with: "\\|") }
        for l in lines { s += "| \(esc(display(l))) | \(l.value.displayText) | \(esc(l.note)) |\n" }
        if let t = total { s += "| **\(esc(display(t)))** | **\(t.value.displayText)** | \(esc(t.note)) |\n" }
        for l in takeHome { s += "| \(esc(display(l))) | \(l.value.displayText) | \(esc(l.note)) |\n" }
        if !nextTiers.isEmpty { s += "\n## Next tier\n\n" + nextTiers.map { "- \(esc($0))\n" }.joined() }
        return s
    }

    /// CSV (RFC 4180): component, label, amount (plain decimal), note.
    public func csv() -> String {
        func q(_ t: String) -> String { t.contains(where: { ",\"\n".contains($0) }) ? "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : t }
        func amount(_ v: Value) -> String { if case .number(let n) = v { return n.rounded(toDigits: 2).format(minimumFractionDigits: 2, grouping: false) }; return v.displayText }
        var s = "component,label,amount,note\r\n"
        for l in lines + (total.map { [$0] } ?? []) + takeHome { s += [l.name, l.label ?? "", amount(l.value), l.note].map(q).joined(separator: ",") + "\r\n" }
        for n in nextTiers { s += ["next_tier", "", "", n].map(q).joined(separator: ",") + "\r\n" }
        return s
    }

    /// A self-contained HTML page (inline CSS, no scripts, no external files).
    public func html() -> String {
        let h = Chart.xmlEscape
        var s = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>\(h(title))</title>
        <style>
        body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:2em;color:#222;background:#fff}
        .slip{max-width:760px;border:1px solid #ccc;border-radius:6px;padding:1.2em 1.6em;box-shadow:0 1px 4px rgba(0,0,0,.08)}
        h1{font-size:1.3em;margin:0 0 .2em} .sub{color:#666;margin:0 0 1em}
        table{border-collapse:collapse;width:100%} th,td{padding:.45em .6em;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
        th{background:#f5f7fa;font-weight:600} td.amt{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.note{color:#555;font-size:.9em} tr.total td{border-top:2px solid #333;font-weight:700;font-size:1.05em} tr.total td.note{font-weight:400;font-size:.9em}
        .next{margin-top:1em;padding:.6em 1em;background:#fff8e6;border-left:4px solid #f0a000} .next li{margin:.2em 0}
        </style></head><body><div class="slip">
        <h1>工资条 Pay statement</h1>
        <p class="sub">\(h(agent)) · \(h(period.description)) · \(h(scenario))</p>
        <table><thead><tr><th>component 项目</th><th>amount 金额 (CNY)</th><th>how 说明</th></tr></thead><tbody>

        """
        for l in lines {
            s += "<tr><td>\(h(display(l)))</td><td class=\"amt\">\(h(l.value.displayText))</td><td class=\"note\">\(h(l.note))</td></tr>\n"
        }
        if let t = total {
            s += "<tr class=\"total\"><td>\(h(display(t)))</td><td class=\"amt\">\(h(t.value.displayText))</td><td class=\"note\">\(h(t.note))</td></tr>\n"
        }
        for l in takeHome {
            s += "<tr class=\"\(l.name == "net_pay" ? "total" : "takehome")\"><td>\(h(display(l)))</td><td class=\"amt\">\(h(l.value.displayText))</td><td class=\"note\">\(h(l.note))</td></tr>\n"
        }
        s += "</tbody></table>\n"
        if !nextTiers.isEmpty {
            s += "<div class=\"next\"><strong>Next tier 下一档</strong><ul>\n" + nextTiers.map { "<li>\(h($0))</li>\n" }.joined() + "</ul></div>\n"
        }
        s += "</div></body></html>\n"
        return s
    }
}
