import PayPlan

/// An amount typed for an input that it cannot mean (fresh-user finding 5): two signs in a row,
/// a percent where money or a count is meant, finer than a fen, a negative amount to offer, outside the input's range.
public enum AmountMessage: MessageCatalogue {
    case doubleSign(String)
    case percentForAmount(String, input: String)
    case finerThanFen(String, input: String)
    case negativeOffer(String, input: String)
    /// An order field or attribute the plan holds to amounts (a number default or a range) given text.
    case notANumber(String, name: String, defaultText: String?)
    /// `李雷.sales[2026-03] = -5` for an input declared `range 0..`: refused, as `agent set base=-5` and
    /// `order add … price=-5` are for their declared ranges.
    case outsideInputRange(cell: String, value: Fixed, input: String, range: String)
    /// `base=1e30`: an exponent given for an attribute or field held to amounts, said as an input's `1e30` is.
    case exponent(String, name: String)

    public var wording: Wording {
        switch self {
        case .doubleSign(let t):
            Wording(en: "'\(t)' has two signs in a row: write -5 or 5, not --5", zh: "'\(t)' 连写了两个符号：请写 -5 或 5，不要写 --5")
        case .percentForAmount(let t, let n):
            Wording(en: "'\(t)' is a percent, but \(n) takes an amount (CNY or a count): write 5000 or 5千; a percent is for an input whose default is one (default 5%)",
                    zh: "'\(t)' 是百分比，但 \(n) 要填金额（元或个数）：请写 5000 或 5千；百分比只用于默认值是百分比的录入项（default 5%）")
        case .finerThanFen(let t, let n):
            Wording(en: "'\(t)' is finer than a fen (0.01): \(n) is money or a count, entered to the fen at most",
                    zh: "'\(t)' 比 1 分（0.01）还细：\(n) 是金额或个数，最多精确到分")
        case .notANumber(let t, let n, let d):
            Wording(en: "'\(t)' is not a number: the plan holds \(n) to amounts\(d.map { " (its default is \($0))" } ?? ""); write e.g. 3000, 1.5万 or 40,000",
                    zh: "'\(t)' 不是数字：方案规定 \(n) 填金额\(d.map { "（默认值是 \($0)）" } ?? "")；请写 3000、1.5万 或 40,000 这样的数")
        case .outsideInputRange(let c, let v, let n, let r):
            Wording(en: "\(c) = \(v.moneyText) is outside the range the plan declares for \(n) (\(r)); nothing was changed",
                    zh: "\(c) = \(v.moneyText) 超出方案为 \(n) 规定的范围（\(r)）；未做任何更改")
        case .exponent(let t, let n):
            Wording(en: "\(n)=\(t): '\(t)' is not a number: payplan does not read exponents; write the amount out, e.g. 100000 or 10万 (amounts go up to 10²⁶)",
                    zh: "\(n)=\(t)：'\(t)' 不是数字：payplan 不读科学计数法；请把金额写全，例如 100000 或 10万（金额最大到 10²⁶）")
        case .negativeOffer(let t, let n):
            Wording(en: "'\(t)' is negative: an offer tries \(n) a new hire could bring, 0 or more", zh: "'\(t)' 是负数：offer 试算新人可能带来的 \(n)，应为 0 或更多")
        }
    }

    public static var samples: [AmountMessage] {
        [.doubleSign("--5"), .percentForAmount("50%", input: "销售额"), .finerThanFen("1.005", input: "销售额"), .negativeOffer("-5万", input: "销售额"),
         .notANumber("abc", name: "金额", defaultText: "0"), .notANumber("abc", name: "成交价", defaultText: nil), .exponent("1e30", name: "base"),
         .outsideInputRange(cell: "李雷.sales[2026-03]", value: Fixed(-5), input: "sales", range: "0..")]
    }
}
