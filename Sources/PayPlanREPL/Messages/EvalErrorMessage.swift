import PayPlan

/// An error value as the session says it: its code, what went wrong (`EvalError.Detail`, rendered
/// here in both languages) and the cell it started in. Names, order IDs, periods, the pay language's
/// operators and functions and REPL syntax stay as written.
public enum EvalErrorMessage: MessageCatalogue {
    /// What went wrong, alone: `no sales for 李雷 in 2026-03` / `李雷 在 2026-03 没有录入 sales`.
    case detail(EvalError.Detail)
    /// `#MISSING 缺少数据：…（来自 李雷.sales[2026-03]）`: the code, its meaning under zh, the detail, and the cell it
    /// started in when that is not the cell shown (`origin`).
    case coded(EvalError, origin: CellReference?)

    public var wording: Wording {
        switch self {
        case .detail(let d): Wording(en: d.english, zh: EvalErrorMessage.chinese(d))
        case .coded(let e, let o):
            Wording(en: "\(e.message)\(o.map { " (from \($0))" } ?? "")",
                    zh: "\(e.code) \(EvalErrorMessage.chinese(e.kind))：\(EvalErrorMessage.chinese(e.detail))" + (o.map { "（来自 \($0)）" } ?? ""))
        }
    }

    /// What an error value's code means, in Chinese.
    static func chinese(_ k: EvalError.Kind) -> String {
        switch k {
        case .divisionByZero: "除以零"
        case .missing: "缺少数据"
        case .overflow: "数值过大"
        case .type: "类型不符"
        case .outOfRange: "超出范围"
        case .raised: "方案报错"
        }
    }

    /// A value quoted in a Chinese error: yes/no as 是/否, text in quotes, a ranking counted.
    static func zh(_ v: Value) -> String {
        switch v {
        case .bool(let b): b ? "是" : "否"
        case .text(let t): "\"\(t)\""
        case .ranking(let r): "（\(r.count) 个数：" + r.prefix(6).map(\.moneyText).joined(separator: "、") + (r.count > 6 ? "……）" : "）")
        default: v.displayText
        }
    }

    /// The scenario's years, `2026–2027 年`.
    static func years(_ y: ClosedRange<Int>) -> String { "本方案的年份 \(MessageWords.years(y))" }

    /// The Chinese text of a detail.
    static func chinese(_ d: EvalError.Detail) -> String {
        switch d {
        case .noInput(let f, let a, let p): "\(a.map { "\($0) " } ?? "")\(p.map { "\($0) " } ?? "")没有录入 \(f)，也没有默认值"
        case .orderHasNoField(let o, let f): "订单 \(o) 没有 \(f)"
        case .agentHasNoAttribute(let a, let n): "\(a) 没有设置 \(n)（请用 agent set \(a) \(n)=… 设置）"
        case .noHireDate(let a): "\(a) 没有入职日期（请用 agent set \(a) hired=2025-06-01 设置）"
        case .orderCreditedToNoAgent(let o): "订单 \(o) 没有归属任何员工"
        case .noAgentHere: "这里没有具体员工"
        case .extremeOfNothing(let op): "\(op) 的范围内一个数也没有"
        case .periodOutsideYears(let p, let y): "\(p) 超出\(years(y))"
        case .orderOutsideYears(let o, let dt, let y): "订单 \(o) 的日期 \(dt) 超出\(years(y))"
        case .outsideYears(let y): "超出\(years(y))"
        case .dateOutsideCalendar(let dt, let n): "\(dt) \(n.isNegative ? "−" : "+") \(n.magnitude) 天超出 0001–9999 年"
        case .workdaysBeyondCalendar(let dt, let n): "workdays_after(\(dt), \(n)) 晚于 9999-12-31"
        case .divisionByZero(let x): "除数为零：\(x.moneyText) / 0"
        case .averageOfNothing: "求平均的范围内一个数也没有"
        case .allocateAllWeightsZero(let t): "allocate：要分配 \(t.moneyText)，但每个权重都是 0"
        case .resultTooLarge(let x, let op, let y): "\(x) \(op) \(y) 的结果太大"
        case .sumTooLarge: "合计超出 ±10²⁶"
        case .allocateWeightsTooLarge: "allocate：权重合计超过 10²⁶"
        case .prorateTooLarge(let a, let n): "prorate：\(a.moneyText) × \(n) 天的结果太大"
        case .tierTooWide(let t, let a, let b): "marginal(\(t), …)：从 \(a.moneyText) 到 \(b.moneyText) 的档位宽于 10²⁶"
        case .totalTooLarge: "合计超出 ±10²⁶"
        case .statementTotalTooLarge: "工资条的合计太大"
        case .periodSumTooLarge(let f, let p): "\(f) 在 \(p) 的合计超出 ±10²⁶"
        case .needsFlag(let op): "'\(op)' 需要是或否"
        case .needsFlags(let op): "'\(op)' 两边都需要是或否"
        case .needsAmount(let op): "'\(op)' 需要一个金额"
        case .needsAmounts(let op, let a, let b): "'\(op)' 两边都需要金额，而不是 \(zh(a)) 和 \(zh(b))"
        case .cannotCompare(let a, let b, let op): "无法用 \(op) 比较 \(zh(a)) 和 \(zh(b))"
        case .whereNotFlag: "where 条件必须是是或否"
        case .ifNotFlag: "if 后面的条件必须是是或否"
        case .rankNeedsAmount(let plural): plural ? "rank 需要金额" : "rank 需要一个金额"
        case .allocateNeedsAmount: "allocate 需要一个要分配的金额"
        case .allocateNeedsWeights: "allocate 的权重必须是 0 或更大的数"
        case .aggregateNeedsAmounts(let op): "\(op) 需要金额"
        case .xOutsideTable: "x 只能写在阶梯表的档位里"
        case .noPeriodHere: "这里没有期间"
        case .prorateNeedsAmount(let v): "prorate 需要一个金额，而不是 \(zh(v))"
        case .prorateWay(let v, let ways):
            "prorate：\(zh(v)) 不是折算方式；请写 \(ways.map { "\"\($0)\"" }.joined(separator: " 或 "))"
        case .needsDate(let f): "\(f) 需要一个日期"
        case .needsDates(let f): "\(f) 需要\(f == "workdays_after" ? "一个日期和整数天数" : "两个日期")"
        case .needsAmountsNot(let f, let v): "\(f) 需要金额，而不是 \(zh(v))"
        case .calendarTooShort(let n, let dt): "workdays_after：日历在 \(dt) 之后不足 \(n) 个工作日"
        case .tableNeedsAmount(let f, let t): "\(f)(\(t), …) 需要一个金额"
        case .thresholdsNotRising(let t): "阶梯表 \(t) 的门槛必须逐行上升"
        case .thresholdNotAmount(let t): "阶梯表 \(t) 有一个门槛不是金额"
        case .notAnAmount(let f): "\(f) 不是金额"
        case .raised(let m): m
        }
    }

    public static var samples: [EvalErrorMessage] {
        let mar = Period(grain: .month, start: Month(year: 2026, month: 3)), y: ClosedRange<Int> = 2026...2026
        let day = Day(year: 2026, month: 4, day: 1)!
        let details: [EvalError.Detail] = [
            .noInput(figure: "sales", agent: "李雷", period: mar), .noInput(figure: "base", agent: nil, period: nil),
            .orderHasNoField(order: "T1001", field: "paid"), .agentHasNoAttribute(agent: "李雷", attribute: "level"),
            .noHireDate(agent: "李雷"), .orderCreditedToNoAgent(order: "T1001"), .noAgentHere, .extremeOfNothing(aggregate: "max"),
            .periodOutsideYears(Period(grain: .month, start: Month(year: 2030, month: 3)), years: y),
            .orderOutsideYears(order: "T1001", date: Day(year: 2025, month: 12, day: 31)!, years: y), .outsideYears(years: y),
            .dateOutsideCalendar(day, days: Fixed(-9_000_000)), .workdaysBeyondCalendar(day, days: 99_999),
            .divisionByZero(Fixed(1500)), .averageOfNothing, .allocateAllWeightsZero(Fixed(3000)),
            .resultTooLarge(Fixed(1_000_000_000_000_000), operator: "*", Fixed(10)), .sumTooLarge, .allocateWeightsTooLarge,
            .prorateTooLarge(Fixed(3000), days: 31), .tierTooWide(table: "commission_tiers", from: .zero, to: Fixed(1000)),
            .totalTooLarge, .statementTotalTooLarge, .periodSumTooLarge(figure: "pay", period: Period(grain: .quarter, start: Month(year: 2026, month: 1))),
            .needsFlag(operator: "not"), .needsFlags(operator: "and"), .needsAmount(operator: "-"),
            .needsAmounts(operator: "+", .bool(true), .number(Fixed(3))), .cannotCompare(.text("pool"), .number(Fixed(1)), operator: "<"),
            .whereNotFlag, .ifNotFlag, .rankNeedsAmount(plural: true), .rankNeedsAmount(plural: false), .allocateNeedsAmount,
            .allocateNeedsWeights, .aggregateNeedsAmounts(aggregate: "sum"), .xOutsideTable, .noPeriodHere,
            .prorateNeedsAmount(.bool(false)), .prorateWay(.text("按天"), ways: ["calendar_days", "paid_days"]),
            .needsDate(function: "workdays_after"), .needsDates(function: "workdays_after"), .needsDates(function: "workdays_between"),
            .needsAmountsNot(function: "round", .date(day)), .calendarTooShort(days: 2, after: day),
            .tableNeedsAmount(function: "lookup", table: "commission_tiers"), .thresholdsNotRising(table: "commission_tiers"),
            .thresholdNotAmount(table: "commission_tiers"), .notAnAmount(figure: "level"), .raised("提成方式必须是 individual 或 pool"),
        ]
        return details.map(EvalErrorMessage.detail)
            + [.coded(EvalError(.noInput(figure: "sales", agent: "李雷", period: mar), origin: CellReference(figure: "sales", agent: "李雷", period: mar)),
                      origin: CellReference(figure: "sales", agent: "李雷", period: mar)),
               .coded(EvalError(.divisionByZero(Fixed(1500))), origin: nil)]
    }
}
