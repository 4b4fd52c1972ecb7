import PayPlan

/// What `offer` says (Session+Offer.swift): its refusals and the title over the table.
/// Amounts are CNY (`Fixed`).
public indirect enum OfferMessage: MessageCatalogue {
    case usage
    /// The first word is not a monthly per-agent input; `inputs` are the plan's (none: figures come from orders).
    case notMonthlyInput(String, inputs: [String])
    case noPayFigure
    case fromNeedsMonth(example: Month)
    /// `from 2026-13`: the number after the year is no month (1–12).
    case notAMonth(String, example: Month)
    case notAnAmount(String)
    case oneToSixAmounts
    /// A column shows `#OVERFLOW`: at `amount` of `input` a month, pay from `month` (nil: the year's total) is past
    /// the largest amount payplan holds (10²⁶), with the error's detail.
    case overflowed(input: String, label: String, amount: Fixed, month: Month?, error: EvalError)
    /// The title: the month the candidate joins, the input (its label under zh) and the amounts tried.
    case title(start: Month, input: String, label: String, amounts: [Fixed])

    public var wording: Wording {
        switch self {
        case .usage:
            Wording(en: "write offer INPUT AMOUNT… [key=value…] [from PERIOD], e.g. offer sales 3万 6万 10万 base=3500 from 2026-03",
                    zh: "写法：offer 录入项 金额… [key=value…] [from 月份]，例如 offer sales 3万 6万 10万 base=3500 from 2026-03")
        case .notMonthlyInput(let n, let inputs):
            inputs.isEmpty
                ? Wording(en: "'\(n)' is not a monthly input; this plan has none (its figures come from orders): offer needs a monthly input such as sales",
                          zh: "'\(n)' 不是月度录入项；本方案没有月度录入项（数字来自订单）：offer 需要 sales 这样的月度录入项")
                : OfferMessage.usage.wording.prefixed(Wording(en: "'\(n)' is not a monthly input; monthly inputs: \(inputs.joined(separator: ", ")). ",
                                                              zh: "'\(n)' 不是月度录入项；月度录入项有：\(inputs.joined(separator: "、"))。"))
        case .noPayFigure: Wording(en: "this plan has no pay figure (report total …) to show", zh: "本方案没有工资数字（report total …）可显示")
        case .notAMonth(let t, let m):
            Wording(en: "from \(t): \(t) is not a month: the month after the year is 01 to 12, e.g. from \(m)", zh: "from \(t)：\(t) 不是月份：年份后的月份应为 01 到 12，例如 from \(m)")
        case .fromNeedsMonth(let m): Wording(en: "from needs a month inside the scenario's years, e.g. from \(m)", zh: "from 后面写方案年份内的月份，例如 from \(m)")
        case .notAnAmount(let w): OfferMessage.usage.wording.prefixed(Wording(en: "'\(w)' is not an amount. ", zh: "'\(w)' 不是金额。"))
        case .oneToSixAmounts: OfferMessage.usage.wording.prefixed(Wording(en: "give one to six amounts. ", zh: "请给出一到六个金额。"))
        case .overflowed(let n, let l, let a, let m, let e):
            Wording(en: "note: #OVERFLOW: at \(n) of \(a.moneyText) a month, pay " + (m.map { "from \($0) on" } ?? "for the year")
                        + " is past the largest amount payplan holds (10²⁶): \(e.message); try a smaller amount",
                    zh: "注意：#OVERFLOW：\(l)每月 \(a.moneyText) 时，" + (m.map { "\($0) 起的工资" } ?? "全年工资合计")
                        + "超出 payplan 能表示的最大金额（10²⁶）：\(EvalErrorMessage.chinese(e.detail))；请试较小的金额")
        case .title(let s, let n, let l, let a):
            Wording(en: "offer: joining \(s), \(n) each month of \(a.map(\.moneyText).joined(separator: " / ")) (the workspace is unchanged)",
                    zh: "录用测算：\(s) 入职，每月\(l)分别为 \(a.map(\.moneyText).joined(separator: " / "))（工作区未改变）")
        }
    }

    public static var samples: [OfferMessage] {
        let m = Month(year: 2026, month: 3)
        return [.usage, .notMonthlyInput("pay", inputs: ["sales"]), .notMonthlyInput("pay", inputs: []), .noPayFigure, .fromNeedsMonth(example: m), .notAMonth("2026-13", example: m),
                .notAnAmount("abc"), .oneToSixAmounts,
                .overflowed(input: "sales", label: "销售额", amount: Fixed(decimalText: "99999999999999999999999999")!, month: Month(year: 2026, month: 6), error: EvalError(.totalTooLarge)),
                .overflowed(input: "sales", label: "销售额", amount: Fixed(decimalText: "30000000000000000000000000")!, month: nil, error: EvalError(.totalTooLarge)), .title(start: m, input: "sales", label: "销售额", amounts: [Fixed(30_000), Fixed(60_000)])]
    }
}
