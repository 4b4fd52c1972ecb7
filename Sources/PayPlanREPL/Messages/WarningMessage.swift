import PayPlan

/// Warnings about the plan or the data (the command still took effect), and their counts.
public enum WarningMessage: MessageCatalogue {
    /// A warning the plan check (`PlanCheck`) gave about a definition, in both languages as it wrote it.
    case inDefinition(String, Wording)
    /// After `load`: how many warnings the plan has (`check` lists them).
    case countAfterLoad(Int)
    /// In definition `pay`: a pay cell is an error value (`PlanWarning.PayError`), with the cell it started in.
    case payError(String, PlanWarning.PayError)
    /// `check`: how many warnings there are.
    case count(Int)
    /// `check` found nothing.
    case none
    case checkTakesNothing
    /// A new parameter, input, attribute, order field or table that nothing reads, named like an
    /// existing definition (`near`, of kind `nearKind`: parameter, input, attribute, order field, table,
    /// rule, order rule): most likely a typo (fresh-user finding: `param expense_limit_all_tier = no`).
    case unreadNearName(String, near: String, nearKind: String)

    public var wording: Wording {
        switch self {
        case .inDefinition(let d, let w): Wording(en: "in '\(d)': \(w.en)", zh: "在 '\(d)' 中：\(w.zh)")
        case .payError(let d, let p):
            // The pay figure and where the error started, by their labels (李雷 2026年3月的应发工资), and the error in words.
            { (cell: Wording, from: Wording?) in Wording(en: "in '\(d)': \(cell.en) cannot be computed (\(p.error.code) \(p.error.message))" + (from.map { ", from \($0.en)" } ?? "")
                        + (p.more > 0 ? " (\(p.more) more pay figure\(p.more == 1 ? " is an error" : "s are errors") too)" : "")
                        + "; nothing can be paid from an error: correct the value that caused it, or undo",
                    zh: "在 '\(d)' 中：\(cell.zh)无法计算（\(p.error.code) \(EvalErrorMessage.chinese(p.error.kind))：\(EvalErrorMessage.chinese(p.error.detail))）" + (from.map { "，源自\($0.zh)" } ?? "")
                        + (p.more > 0 ? "（另有 \(p.more) 个工资数字也是错误值）" : "")
                        + "；错误值无法发放：请改正造成它的数值，或 undo") }(PlainRenderer.originWording(ErrorOrigin(cell: p.cell, label: p.label)), p.origin.map(PlainRenderer.originWording))
        case .countAfterLoad(let n): Wording(en: "\(n) warning\(n == 1 ? "" : "s"): type check to list them", zh: "\(n) 条警告：输入 check 查看")
        case .count(let n): Wording(en: "\(n) warning\(n == 1 ? "" : "s")", zh: "\(n) 条警告")
        case .none: Wording(en: "no warnings", zh: "没有警告")
        case .unreadNearName(let n, let near, let kind):
            Wording(en: "note: nothing reads '\(n)'; did you mean \(near) (\(["input", "attribute", "order field", "order rule"].contains(kind) ? "an" : "a") \(kind))? If '\(n)' is a typo, drop \(n) and set \(near) instead",
                    zh: "注意：没有任何规则读取 '\(n)'；是不是想写 \(near)（\(WarningMessage.kindZh[kind] ?? kind)）？如果 '\(n)' 是笔误，请 drop \(n)，再设置 \(near)")
        case .checkTakesNothing: Wording(en: "check takes nothing after it: it lists every warning of the plan", zh: "check 后面不接任何内容：它列出方案的全部警告")
        }
    }

    /// The kinds of definition in Chinese.
    static let kindZh = ["parameter": "参数", "input": "录入项", "attribute": "属性", "order field": "订单字段", "table": "阶梯表", "rule": "规则", "order rule": "订单规则"]

    public var tone: Tone {
        switch self {
        case .none, .checkTakesNothing: .plain
        default: .warning
        }
    }

    public static var samples: [WarningMessage] {
        [.inDefinition("pay", Wording(en: "'bonus' is never read", zh: "'bonus' 没有被任何规则读取")),
         .countAfterLoad(1), .countAfterLoad(3), .count(2), .none, .checkTakesNothing,
         .unreadNearName("报销全部档", near: "报销适用全部档", nearKind: "parameter"),
         .unreadNearName("提成率", near: "提成比率", nearKind: "rule"),
         .payError("pay", PlanWarning.PayError(cell: CellReference(figure: "pay", agent: "李雷", period: Period(grain: .month, start: Month(year: 2026, month: 3))),
                                               error: EvalError(.resultTooLarge(Fixed(1_000_000_000_000_000), operator: "*", Fixed(1_000_000_000_000_000)),
                                                                origin: CellReference(figure: "rate", agent: nil, period: nil)), more: 2,
                                               label: "应发工资", origin: ErrorOrigin(cell: CellReference(figure: "rate"), label: "提成比例")))]
    }
}
