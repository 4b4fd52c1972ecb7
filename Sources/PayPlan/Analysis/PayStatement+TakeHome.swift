/// Take-home lines of a pay statement (工资条): after 应发 (the total), each deduction of the
/// `takehome` part — 社保个人, 公积金个人, 个税 — and 实发 (`net_pay`), when the plan has them.
extension PayStatement {
    /// The figures shown below the total, in order, when the plan has them per agent (`use takehome`).
    public static let takeHomeFigures = ["social_insurance", "housing_fund", "tax", "net_pay"]

    /// The take-home lines of agent index `agent` at `p` (CNY): one per figure of `takeHomeFigures`
    /// the plan has and the report does not already show, each with a one-line note of how it is made.
    /// Empty when the plan does not use the take-home part.
    ///
    /// - Complexity: O(1) figures read (a quarter or year sums its months).
    static func takeHomeLines(_ e: Engine, agent: Int, period p: Period, shown: Set<String>) -> [Line] {
        let name = e.agents[agent].name
        func value(_ figure: String) -> Value? { e.figure(rule: figure, agent: name, period: p) }
        func money(_ figure: String) -> String { value(figure)?.displayText ?? "—" }
        let monthly = p.grain == .month
        var out: [Line] = []
        for figure in takeHomeFigures where !shown.contains(figure) {
            guard let r = e.plan.ruleIndex[figure], e.plan.rules[r].dimension.perAgent, let v = value(figure) else { continue }
            var note: String
            switch figure {
            case "social_insurance":
                note = "pension \(money("pension")) + medical \(money("medical")) + unemployment \(money("unemployment"))"
                if let base = e.figure(rule: "contribution_base", agent: name, period: Period(grain: .year, start: Month(year: p.start.year, month: 1))) {
                    note += " on base \(base.displayText)"
                }
            case "housing_fund":
                note = "hf_rate × base " + (e.figure(rule: "hf_base", agent: name, period: Period(grain: .year, start: Month(year: p.start.year, month: 1)))?.displayText ?? "—")
            case "tax":
                note = "withheld in the period"
                if monthly, case .number(let withheld)? = value("ytd_withheld"), case .number(let wage)? = value("wage_tax") {
                    let earlier = (withheld - wage) ?? .zero
                    note = "cumulative: taxable \(money("ytd_taxable")) → \(money("ytd_tax")) − \(earlier.moneyText) already withheld"
                }
                if let b = value("bonus_tax"), case .number(let n) = b, n != .zero { note += "; annual bonus alone \(b.displayText)" }
            default:
                note = "gross − social insurance − housing fund − tax"
            }
            out.append(Line(name: figure, label: e.plan.rules[r].label, value: v, note: note))
        }
        return out
    }
}
