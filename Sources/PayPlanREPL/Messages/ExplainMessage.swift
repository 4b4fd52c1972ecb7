import PayPlan

/// The lines of `explain … --rules` (the tree with the rule as written), rendered late from the
/// engine's `Explanation` and its typed `Explanation.Note`s: names, REPL syntax and the rule's
/// source stay as written; every other word is in the session's language.
public enum ExplainMessage: MessageCatalogue {
    /// `李雷.pay[2026-03] = 5,573.00  应发工资`: the figure, its value (yes/no as 是/否 under zh), its label;
    /// `valueLabel`: the plan's label of a text value, shown for it under zh (`= 团队池`).
    case headline(indent: String, figure: String, value: Value?, label: String?, fallback: String, valueLabel: String? = nil)
    /// A line of the rule as written: the first says `rule:`, the next are indented under it.
    case ruleLine(indent: String, String, first: Bool)
    /// One note of the tree, after `· `; `valueLabels`: the plan's labels of the note's text values
    /// (value → label: the named attribute's or field's own, `Plan.valueLabels(for:)`), shown for them under zh
    /// (`terms = 现金（订单 T001）`).
    case note(indent: String, Explanation.Note, valueLabels: [String: String] = [:])

    public var wording: Wording {
        switch self {
        case .headline(let i, let f, let v, let l, let fallback, let valueLabel):
            guard let v else { return Wording(en: i + fallback, zh: i + fallback) }
            let tail = l.map { "  \($0)" } ?? ""
            return Wording(en: "\(i)\(f) = \(v.displayText)\(tail)", zh: "\(i)\(f) = \(valueLabel ?? Session.inChinese(v).displayText)\(tail)")
        case .ruleLine(let i, let text, let first):
            return Wording(en: i + (first ? "rule: " : "      ") + text, zh: i + (first ? "规则：" : "      ") + text)
        case .note(let i, let n, let labels):
            return Wording(en: i + "· " + n.english, zh: i + "· " + ExplainMessage.chinese(n, valueLabels: labels))
        }
    }

    /// A value in a Chinese note: yes/no as 是/否, a text by its label in `labels` (value → label) when it has one.
    static func zh(_ v: Value, _ labels: [String: String] = [:]) -> String {
        if case .text(let w) = v, let l = labels[w] { return l }
        return Session.inChinese(v).displayText
    }

    /// The name whose value labels a note's value reads by (an attribute's, an order field's, a built-in's),
    /// or `nil` for a note whose value is no named input's (a tier's, a sum's).
    static func labelledName(_ n: Explanation.Note) -> String? {
        switch n {
        case .teamAttribute(let a, _), .attribute(let a, _, _, _): a
        case .builtin(let b, _): b
        case .orderField(let f, _, _, _): f
        default: nil
        }
    }

    /// The Chinese text of a note, its text values by `valueLabels` (value → label).
    static func chinese(_ n: Explanation.Note, valueLabels: [String: String] = [:]) -> String {
        func zh(_ v: Value) -> String { ExplainMessage.zh(v, valueLabels) }
        return switch n {
        case .errorValue(let e, let o): EvalErrorMessage.coded(e, origin: o).text(.zh)
        case .entered: "已录入"
        case .notEntered(let d): d ? "未录入：使用方案默认值" : "未录入"
        case .version(let v, let t):
            (t.map { "\($0)：" } ?? "") + (v.from.map { "自 \($0) 起的版本" } ?? "\(v.next.map(\.description) ?? "") 之前的版本")
        case .fromPart(let p): "来自共用部件 \(p)（use \(p)）"
        case .readsMore(let k): "还读取 \(k) 个数字（用 --depth 查看）"
        case .overAgents: "对全体员工汇总"
        case .shares(let o): o ? "在当月的订单之间分配，精确到分" : "在员工之间分配，精确到分"
        case .prevBeforeStart(let r): "prev(\(r)) 早于方案的第一个期间，取 0"
        case .paidZero(let r, let g, let of):
            "paid(\(r)) = 0：本\(MessageWords.grain(g).zh)不是该\(MessageWords.grain(of).zh)度的最后一个\(MessageWords.grain(g).zh)"
        case .teamAttribute(let a, let v): "\(a)：\(zh(v))"
        case .attribute(let a, let v, let agent, let d): d ? "\(a) = \(zh(v))（方案默认值；\(agent) 未设置）" : "\(a) = \(zh(v))（\(agent) 的属性）"
        case .builtin(let b, let v): "\(b) = \(zh(v))"
        case .rounded(let f, let b, let a): "舍入 \(f)：\(b.format(minimumFractionDigits: 2)) → \(a.moneyText)"
        case .tier(let t, let amount, _, _, _, let v, let row):
            "\(t)：\(amount.moneyText) 落在档位 \(n.tierInterval) → \(zh(v))" + (row.map { " (\($0), x = \(amount.moneyText))" } ?? "")
        case .marginal(let t, let amount, let v): "\(t)：\(amount.moneyText) 按超额累进 = \(zh(v))"
        case .overPeriod(let op, let p, let v): "对 \(p) 求 \(op) = \(zh(v))"
        case .orderField(let f, let v, let o, let d): d ? "\(f) = \(zh(v))（方案默认值；订单 \(o) 未设置）" : "\(f) = \(zh(v))（订单 \(o)）"
        case .overOrders(let op, let k, let v): "对 \(k) 笔订单求 \(op) = \(zh(v))"
        case .share(let o): o ? "本订单在当月数字中的份额，精确到分" : "该员工的份额，精确到分"
        }
    }

    public static var samples: [ExplainMessage] {
        let jul = Month(year: 2026, month: 7)
        let notes: [Explanation.Note] = [
            .errorValue(EvalError(.raised("提成方式必须是 individual 或 pool"), origin: CellReference(figure: "rate", agent: "李雷", period: Period(grain: .month, start: Month(year: 2026, month: 3)))), origin: CellReference(figure: "rate", agent: "李雷", period: Period(grain: .month, start: Month(year: 2026, month: 3)))),
            .errorValue(EvalError(.noInput(figure: "sales", agent: "李雷", period: Period(grain: .month, start: Month(year: 2026, month: 3)))), origin: nil),
            .entered, .notEntered(defaulted: true), .notEntered(defaulted: false),
            .version(VersionUsed(from: jul, next: nil), table: nil), .version(VersionUsed(from: nil, next: jul), table: "commission_tiers"),
            .fromPart("takehome"), .readsMore(1), .readsMore(5), .overAgents, .shares(orders: true), .shares(orders: false),
            .prevBeforeStart("sales"), .paidZero("half_bonus", grain: .month, of: .half),
            .teamAttribute("level", .text("A")), .attribute("level", .text("A"), agent: "李雷", defaulted: false),
            .attribute("probation", .bool(true), agent: "李雷", defaulted: true), .builtin("months_employed", .number(Fixed(37))),
            .rounded(function: "round", before: Fixed(decimalText: "166.6665")!, after: Fixed(decimalText: "166.67")!),
            .tier(table: "commission_tiers", amount: Fixed(120_000), lower: Fixed(100_000), upper: Fixed(200_000), sides: .lowerInclusive,
                  value: .number(Fixed(2_600)), row: "2% * 10万 + 3% * (x - 10万)"),
            .tier(table: "commission_tiers", amount: Fixed(250_000), lower: Fixed(200_000), upper: nil, sides: .upperInclusive, value: .number(Fixed(5_000)), row: nil),
            .marginal(table: "tax_table", amount: Fixed(8_000), value: .number(Fixed(90))),
            .overPeriod(op: "sum", period: Period(text: "2026-H1")!, value: .number(Fixed(10))),
            .orderField("amount", .number(Fixed(500)), order: "T001", defaulted: false), .orderField("refund", .number(Fixed(0)), order: "T001", defaulted: true),
            .overOrders(op: "sum", count: 4, value: .number(Fixed(44_440))), .share(order: true), .share(order: false),
        ]
        return [.headline(indent: "", figure: "李雷.probation[2026-03]", value: .bool(false), label: "试用期", fallback: ""),
                .headline(indent: "", figure: "小美.commission_basis[2026-03]", value: .text("pool"), label: "提成方式", fallback: "", valueLabel: "团队池"),
                .ruleLine(indent: "  ", "month pay = base + commission", first: true), .ruleLine(indent: "  ", "+ bonus", first: false)]
            + notes.map { .note(indent: "  ", $0) }
            + [.note(indent: "  ", .orderField("terms", .text("net30"), order: "T001", defaulted: false), valueLabels: ["net30": "月结30天"]),
               .note(indent: "  ", .attribute("role", .text("sales"), agent: "李雷", defaulted: false), valueLabels: ["sales": "销售"])]
    }
}

extension Session {
    /// `explain … --rules`: the explanation's tree, each line a message rendered in the session's language;
    /// under zh a text value reads by its label: a note's by `labels(name)` of the attribute, field or built-in
    /// it names (`Plan.valueLabels(for:)`), a headline's or an unnamed note's by `labels(nil)` (every label of the plan).
    /// - Complexity: O(lines), plus one `labels` call per note.
    static func explainTree(_ ex: Explanation, indent: String = "", labels: (String?) -> [String: String] = { _ in [:] }) -> [OutputLine] {
        var shownLabel: String? = nil
        if case .text(let w)? = ex.value { shownLabel = labels(nil)[w] }
        var out = [OutputLine(ExplainMessage.headline(indent: indent, figure: ex.figure, value: ex.value, label: ex.label, fallback: ex.headline, valueLabel: shownLabel))]
        let inner = indent + "  "
        if let rule = ex.rule {
            for (i, line) in rule.split(separator: "\n").enumerated() {
                out.append(OutputLine(ExplainMessage.ruleLine(indent: inner, line.trimmingCharacters(in: .whitespaces), first: i == 0)))
            }
        }
        out += ex.notes.map { OutputLine(ExplainMessage.note(indent: inner, $0, valueLabels: labels(ExplainMessage.labelledName($0)))) }
        for p in ex.parts { out += explainTree(p, indent: inner, labels: labels) }
        return out
    }
}
