import PayPlan

/// Warnings about the plan or the data (the command still took effect), and their counts.
public enum WarningMessage: MessageCatalogue {
    /// A warning the plan check (`PlanCheck`) gave about a definition, in both languages as it wrote it.
    case inDefinition(String, Wording)
    /// After `load`: how many warnings the plan has (`check` lists them).
    case countAfterLoad(Int)
    /// `check`: how many warnings there are.
    case count(Int)
    /// `check` found nothing.
    case none
    case checkTakesNothing

    public var wording: Wording {
        switch self {
        case .inDefinition(let d, let w): Wording(en: "in '\(d)': \(w.en)", zh: "在 '\(d)' 中：\(w.zh)")
        case .countAfterLoad(let n): Wording(en: "\(n) warning\(n == 1 ? "" : "s"): type check to list them", zh: "\(n) 条警告：输入 check 查看")
        case .count(let n): Wording(en: "\(n) warning\(n == 1 ? "" : "s")", zh: "\(n) 条警告")
        case .none: Wording(en: "no warnings", zh: "没有警告")
        case .checkTakesNothing: Wording(en: "check takes nothing after it: it lists every warning of the plan", zh: "check 后面不接任何内容：它列出方案的全部警告")
        }
    }

    public var tone: Tone {
        switch self {
        case .none, .checkTakesNothing: .plain
        default: .warning
        }
    }

    public static var samples: [WarningMessage] {
        [.inDefinition("pay", Wording(en: "'bonus' is never read", zh: "'bonus' 没有被任何规则读取")),
         .countAfterLoad(1), .countAfterLoad(3), .count(2), .none, .checkTakesNothing]
    }
}
