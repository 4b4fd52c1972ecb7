import PayPlan

/// What `explain` says of a figure over a period longer than its own (`explain 李雷.pay[2026-Q1]` of a
/// monthly pay): the sum of its periods with each one's amount, or for a balance its value at the end.
public enum ExplainOverPeriodMessage: MessageCatalogue {
    /// `headline` (the renderer's, already in the session's language: "李雷's pay for 2026-Q1 is
    /// 14,658.00"), then the sum of its periods of `grain`, each as (period as said, amount).
    case sum(headline: String, grain: Grain, terms: [(period: String, amount: String)])
    /// A balance (damage still to deduct) over a longer period: its value in `last`, the period's last.
    case balance(headline: String, last: String)
    /// `--rules`: the line under the headline, the sum of `count` periods of `grain`.
    case ruleSum(count: Int, grain: Grain, total: Value)
    /// `--rules` of a balance: its value at the end of `period`, in `last`.
    case ruleBalance(last: Period, period: Period)
    /// Periods that do not add up (yes/no, text, error values, rates): explain one, e.g. `example`.
    case explainOnePeriod(ref: String, rule: String, grain: Grain, example: String)

    public var wording: Wording {
        switch self {
        case .sum(let h, let g, let terms):
            let list = terms.map { "\($0.period) \($0.amount)" }.joined(separator: " + ")
            return Wording(en: "\(h), the sum of its \(Self.plural(g)): \(list).", zh: "\(h)，为\(Self.each(g))之和：\(list)。")
        case .balance(let h, let last):
            return Wording(en: "\(h), as it stands at the end, in \(last).", zh: "\(h)，为期末（\(last)）的数字。")
        case .ruleSum(let n, let g, let v):
            return Wording(en: "  · sum of its \(n) \(n == 1 ? MessageWords.grain(g).en : Self.plural(g)) = \(v.displayText)",
                           zh: "  · \(n) 个\(MessageWords.grain(g).zh)之和 = \(v.displayText)")
        case .ruleBalance(let last, let p):
            return Wording(en: "  · as it stands at the end of \(p), in \(last)", zh: "  · \(p) 期末（\(last)）的数字")
        case .explainOnePeriod(let ref, let r, let g, let example):
            return Wording(en: "'\(ref)': \(r) is per \(MessageWords.grain(g).en) and its \(Self.plural(g)) do not add up to one figure; explain one \(MessageWords.grain(g).en) of it, e.g. explain \(example)",
                           zh: "'\(ref)'：\(r) 按\(MessageWords.grain(g).zh)计算，各\(MessageWords.grain(g).zh)不能相加成一个数字；请说明其中一个\(MessageWords.grain(g).zh)，例如 explain \(example)")
        }
    }

    /// "months", "quarters", "halves", "years".
    static func plural(_ g: Grain) -> String { g == .half ? "halves" : MessageWords.grain(g).en + "s" }
    /// "各月", "各季度", "各半年".
    static func each(_ g: Grain) -> String { "各" + MessageWords.grain(g).zh }

    public static var samples: [ExplainOverPeriodMessage] {
        let q = Period(text: "2026-Q1")!, m = Period(text: "2026-03")!
        return [.sum(headline: "李雷 2026年第1季度应发工资 14,658.00 元", grain: .month, terms: [("2026年1月", "4,234.00"), ("2026年2月", "3,951.00"), ("2026年3月", "5,573.00")]),
                .balance(headline: "李雷 2026年第1季度待扣损失 0.00 元", last: "2026年3月"),
                .ruleSum(count: 3, grain: .month, total: .number(Fixed(14658))), .ruleBalance(last: m, period: q),
                .explainOnePeriod(ref: "李雷.probation[2026-Q1]", rule: "probation", grain: .month, example: "李雷.probation[2026-01]")]
    }
}
