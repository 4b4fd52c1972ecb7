import PayPlan

/// What `order`, `orders`, `calendar` and `as of` say.
public enum OrderMessage: MessageCatalogue {
    case usage
    case alreadyExists(String)
    case fieldSyntax(String)
    case idCannotChange
    /// `date=TEXT` that is not a date.
    case badDate(String)
    /// A field's value written as a date (`paid=2026-04-31`) that is not a day of the calendar.
    case badFieldDate(field: String, value: String)
    case needsDate(String)
    /// `order add agent=李雷 …`: the order number is missing, so the first field would become it.
    case needsID(String)
    /// `order add ""`: a quoted order number with nothing in it.
    case idEmpty(sub: String)
    /// An order dated outside the scenario's years; `widen` is the `years` command that holds it.
    case dateOutsideYears(Day, years: ClosedRange<Int>, widen: ClosedRange<Int>)
    case added(String)
    case updated(String)
    case removed(String)
    case unknownSubcommand(String)
    /// `orders` written wrongly: the problem, then how to write it.
    case listUsage(OutputLine)
    case listNeitherAgentNorPeriod(String)
    /// The line under the `orders` table.
    case count(Int)
    /// `orders [AGENT] [PERIOD]` chose no order: said in a sentence instead of an empty table. `outside`:
    /// the scenario's years, when the period lies wholly outside them.
    case noneListed(agent: String?, period: String?, outside: ClosedRange<Int>?)
    /// The `orders` table's first column titles.
    case tableHeader
    /// `calendar`: the weekend days (1 = Monday … 7 = Sunday).
    case weekend([Int])
    case holidays([Day])
    case workedWeekendDays([Day])
    case calendarUsage
    case reversedRange(String, earlier: Day, later: Day)
    case badDayRange(String)
    case unknownCalendarCommand(String)
    /// `calendar holiday|workday|clear DAYS` done.
    case calendarChanged(sub: String, days: String)
    /// `calendar holiday|workday DAYS` with `day` (the first such) before the scenario's years or after the year
    /// that follows them: no working-day count reaches it. `widen`: the years that would hold it.
    case calendarOutsideYears(sub: String, days: String, day: Day, years: ClosedRange<Int>, widen: ClosedRange<Int>)
    /// `calendar holiday|workday DAYS` in the year after the scenario's years: taken, with when it counts.
    case calendarAfterYears(days: String, years: ClosedRange<Int>)
    /// `calendar workday|holiday DAYS` where every day already is one: nothing to change.
    case calendarAlready(sub: String, days: String, count: Int)
    /// `as of DAY` outside the scenario's years: taken, with what it means.
    case asOfOutsideYears(Day, years: ClosedRange<Int>, before: Bool)
    /// `as of`: the day figures are known on; `defaulted` when none was set (the end of the years).
    /// `as of`: the date, and when no `as of` is set, where the default comes from.
    case asOf(Day, defaulted: Bool, fromOrders: Bool = false)
    case notADate(String)
    /// `order add D9 … price=-5000` with `field price … range 0..`: refused, naming the order and field.
    case fieldOutOfRange(order: String, field: String, value: Fixed, range: String)
    /// `order add T1 … amout=30000`: a key that is no order field of the plan, one slip from `near`: refused.
    case fieldNobodyReadsLikelyTypo(key: String, value: String, near: String)
    /// A key that is no order field of the plan and like none (`fields`: the plan's): refused.
    case fieldNobodyReads(key: String, fields: [String])
    /// `product=standrad`, where the plan reads product only by comparing it with `known`: refused.
    /// (`valueLabels`: the plan's labels of the known values, value → label, named beside them under zh.)
    case unknownFieldValue(key: String, label: String?, value: String, known: [String], near: String?, valueLabels: [String: String] = [:])

    static let dayNames = (en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], zh: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"])

    public var wording: Wording {
        switch self {
        case .usage:
            Wording(en: "write order add ID agent=NAME date=2026-03-02 amount=30000 …, order set ID key=value …, or order rm ID",
                    zh: "请写 order add 订单号 agent=姓名 date=2026-03-02 amount=30000 …、order set 订单号 key=value … 或 order rm 订单号")
        case .alreadyExists(let id): Wording(en: "there is already an order \(id) (order set \(id) key=value changes it)", zh: "已有订单 \(id)（用 order set \(id) key=value 修改）")
        case .fieldSyntax(let p): Wording(en: "'\(p)': order fields are written key=value, e.g. amount=30000 paid=2026-03-03", zh: "'\(p)'：订单字段写作 key=value，例如 amount=30000 paid=2026-03-03")
        case .idCannotChange: Wording(en: "an order's ID cannot change; remove it and add it again", zh: "订单号不能修改；请删除后重新添加")
        case .badDate(let v): Wording(en: "date=\(v): expected a date such as 2026-03-02", zh: "date=\(v)：应为日期，例如 2026-03-02")
        case .badFieldDate(let f, let v): Wording(en: "\(f)=\(v): there is no such day (a date such as 2026-03-02)", zh: "\(f)=\(v)：没有这一天（日期写作 2026-03-02）")
        case .idEmpty(let sub):
            Wording(en: "order \(sub) \"\" names no order: an order number is not empty, e.g. order \(sub) T001" + (sub == "add" ? " agent=李雷 date=2026-03-02 amount=30000" : ""),
                    zh: "order \(sub) \"\" 没有写订单号：订单号不能为空，例如 order \(sub) T001" + (sub == "add" ? " agent=李雷 date=2026-03-02 amount=30000" : ""))
        case .needsID(let w):
            Wording(en: "'\(w)' is a field, not an order number: write the order's number first, e.g. order add T001 agent=李雷 date=2026-03-02 amount=30000",
                    zh: "'\(w)' 是字段，不是订单号：请先写订单号，例如 order add T001 agent=李雷 date=2026-03-02 amount=30000")
        case .needsDate(let id):
            Wording(en: "order add \(id) needs date=…, the day it counts from (e.g. the day the customer signed)", zh: "order add \(id) 需要 date=…，即订单起算的日期（例如客户签单日）")
        case .dateOutsideYears(let d, let y, let w):
            Wording(en: "date \(d) is outside this scenario's years (\(MessageWords.years(y))); widen them first with years \(w.lowerBound)-\(w.upperBound)",
                    zh: "日期 \(d) 不在本方案的年份内（\(MessageWords.years(y))）；请先用 years \(w.lowerBound)-\(w.upperBound) 扩大年份")
        case .added(let id): Wording(en: "added order \(id)", zh: "已添加订单 \(id)")
        case .updated(let id): Wording(en: "updated order \(id)", zh: "已修改订单 \(id)")
        case .removed(let id): Wording(en: "removed order \(id)", zh: "已删除订单 \(id)")
        case .unknownSubcommand(let s): Wording(en: "unknown order command '\(s)': use add, set or rm", zh: "未知的 order 命令 '\(s)'：请用 add、set 或 rm")
        case .listUsage(let e):
            Wording(en: "\(e.text(.en)); write orders [AGENT] [PERIOD] [--csv|--json|--md|--xlsx FILE] [--out FILE]", zh: "\(e.text(.zh))；请写 orders [员工] [期间] [--csv|--json|--md|--xlsx 文件] [--out 文件]")
        case .listNeitherAgentNorPeriod(let w):
            Wording(en: "orders takes an agent and/or a period, e.g. orders 李雷 2026-03; '\(w)' is neither", zh: "orders 后面可写员工和/或期间，例如 orders 李雷 2026-03；'\(w)' 两者都不是")
        case .count(let n): Wording(en: "\(n) order\(n == 1 ? "" : "s")", zh: "共 \(n) 笔订单")
        case .noneListed(let a, let p, let y): OrderMessage.noneListedWording(agent: a, period: p, outside: y)
        case .tableHeader: Wording(en: "order\tagent\tdate", zh: "订单\t员工\t日期")
        case .weekend(let days):
            Wording(en: "weekend: " + days.map { OrderMessage.dayNames.en[$0 - 1] }.joined(separator: ", "),
                    zh: "周末：" + days.map { OrderMessage.dayNames.zh[$0 - 1] }.joined(separator: "、"))
        case .holidays(let d):
            Wording(en: "holidays: " + (d.isEmpty ? "none" : d.map(\.description).joined(separator: ", ")), zh: "节假日：" + (d.isEmpty ? "无" : d.map(\.description).joined(separator: "、")))
        case .workedWeekendDays(let d):
            Wording(en: "worked weekend days (调休): " + (d.isEmpty ? "none" : d.map(\.description).joined(separator: ", ")), zh: "调休上班日：" + (d.isEmpty ? "无" : d.map(\.description).joined(separator: "、")))
        case .calendarUsage:
            Wording(en: "write calendar holiday DATE[..DATE], calendar workday DATE or calendar clear DATE[..DATE]", zh: "请写 calendar holiday 日期[..日期]、calendar workday 日期 或 calendar clear 日期[..日期]")
        case .reversedRange(let t, let a, let b):
            Wording(en: "'\(t)': the range is reversed; write the earlier day first: \(a)..\(b)", zh: "'\(t)'：范围前后颠倒；请先写较早的日期：\(a)..\(b)")
        case .badDayRange(let t):
            Wording(en: "'\(t)': expected a date such as 2026-10-01 or a range 2026-10-01..2026-10-07 (at most a year)", zh: "'\(t)'：应为日期（如 2026-10-01）或日期范围（如 2026-10-01..2026-10-07，最长一年）")
        case .unknownCalendarCommand(let s): Wording(en: "unknown calendar command '\(s)': use holiday, workday or clear", zh: "未知的 calendar 命令 '\(s)'：请用 holiday、workday 或 clear")
        case .calendarChanged(let sub, let days):
            Wording(en: "calendar: \(sub) \(days)", zh: "日历：" + (sub == "holiday" ? "设为节假日" : sub == "workday" ? "设为调休上班日" : "恢复为平常日") + " \(days)")
        case .calendarOutsideYears(let sub, let days, let d, let y, let w):
            Wording(en: "calendar \(sub) \(days): \(d) is outside this scenario's years (\(MessageWords.years(y))); the calendar counts working days from the orders' dates, "
                        + "so a day counts only in those years or the year after (a deadline past the end of the years); did you mean a day in \(MessageWords.years(y))? "
                        + "(years \(w.lowerBound)-\(w.upperBound) widens them); nothing was changed",
                    zh: "calendar \(sub) \(days)：\(d) 不在本方案的年份内（\(MessageWords.years(y))）；日历按订单日期数工作日，只有这些年份及其后一年"
                        + "（跨过年末的期限）的日子才会用到；是否想写 \(MessageWords.years(y)) 年的日子？（years \(w.lowerBound)-\(w.upperBound) 可扩大年份）；未做任何更改")
        case .calendarAfterYears(let days, let y):
            Wording(en: "note: \(days) is after this scenario's years (\(MessageWords.years(y))): it counts only in working days counted past their end "
                        + "(e.g. a collection deadline of an order late in \(y.upperBound)); undo takes it back",
                    zh: "注意：\(days) 晚于本方案的年份（\(MessageWords.years(y))）：只在跨过年末数工作日时才用到（例如 \(y.upperBound) 年末订单的回款期限）；undo 可撤销")
        case .calendarAlready(let sub, let days, let n):
            sub == "workday"
                ? Wording(en: "\(days) \(n == 1 ? "is" : "are all") already \(n == 1 ? "a workday" : "workdays") (weekdays that are not holidays, or worked weekend days); nothing was changed. calendar workday is for a weekend day that is worked (调休)",
                          zh: "\(days) 本来就是工作日（非节假日的周一至周五，或已设的调休上班日）；未做任何更改。calendar workday 用于调休上班的周末")
                : Wording(en: "\(days) \(n == 1 ? "is" : "are all") already \(n == 1 ? "a day" : "days") off (weekend days or holidays); nothing was changed",
                          zh: "\(days) 本来就是休息日（周末或已设的节假日）；未做任何更改")
        case .asOfOutsideYears(let d, let y, let before):
            before
                ? Wording(en: "note: \(d) is before this scenario's years (\(y.lowerBound)\(y.count > 1 ? "–\(y.upperBound)" : "")): on that day nothing the orders record has happened yet, so no payment or refund counts; did you mean a date in \(y.lowerBound)?",
                          zh: "注意：\(d) 早于本方案的年份（\(y.lowerBound)\(y.count > 1 ? "–\(y.upperBound)" : "")）：那天订单记录的事都还没发生，回款、退款都不计入；是否想写 \(y.lowerBound) 年的日期？")
                : Wording(en: "note: \(d) is after this scenario's years (\(y.lowerBound)\(y.count > 1 ? "–\(y.upperBound)" : "")): everything the orders record up to then counts, payments and refunds after the years included",
                          zh: "注意：\(d) 晚于本方案的年份（\(y.lowerBound)\(y.count > 1 ? "–\(y.upperBound)" : "")）：到那天为止订单记录的事都计入，包括年份之后的回款和退款")
        case .asOf(let d, let defaulted, let fromOrders):
            if !defaulted { Wording(en: "as of \(d)", zh: "截至 \(d)") }
            else if fromOrders {
                Wording(en: "as of \(d) (no as of is set: the latest date the orders record, so nothing after it is booked; as of DATE sets another)",
                        zh: "截至 \(d)（未设置 as of：订单记录的最后日期，之后的不计入；as of 日期 可另设）")
            } else { Wording(en: "as of \(d) (the end of the scenario's years: there are no orders)", zh: "截至 \(d)（方案年份的最后一天：没有订单）") }
        case .fieldOutOfRange(let o, let f, let v, let r):
            Wording(en: "order \(o): \(f) = \(v.moneyText) is outside the range the plan declares for \(f) (\(r)); nothing was changed",
                    zh: "订单 \(o)：\(f) = \(v.moneyText) 超出方案为 \(f) 规定的范围（\(r)）；未做任何更改")
        case .fieldNobodyReadsLikelyTypo(let k, let v, let n):
            Wording(en: "no rule reads the order field '\(k)'; did you mean \(n)? (write \(n)=\(v)); nothing was changed",
                    zh: "没有任何规则读取订单字段 '\(k)'；是不是想写 '\(n)'？（请写 \(n)=\(v)）；未做任何更改")
        case .fieldNobodyReads(let k, let fields):
            Wording(en: "no rule reads the order field '\(k)' (the plan's order fields: \(fields.isEmpty ? "none" : fields.joined(separator: ", "))), so the order would keep it and count it nowhere; declare it in the plan first (field \(k)) to keep it on orders; nothing was changed",
                    zh: "没有任何规则读取订单字段 '\(k)'（方案的订单字段：\(fields.isEmpty ? "无" : fields.map { "'\($0)'" }.joined(separator: "、"))），订单带上它也不计入任何一项；如要随订单保存，请先在方案中声明（field '\(k)'）；未做任何更改")
        case .unknownFieldValue(let k, let l, let v, let known, let near, let labels):
            OrderMessage.unknownValueWording(key: k, label: l, value: v, known: known, near: near, valueLabels: labels)
        case .notADate(let t): Wording(en: "'\(t)' is not a date: as of what day? e.g. as of 2026-06-30", zh: "'\(t)' 不是日期：截至哪一天？例如 as of 2026-06-30")
        }
    }

    /// `orders` chose nothing: whose orders and which period were asked for, and why none when the
    /// period lies outside the scenario's years (`years`).
    static func noneListedWording(agent a: String?, period p: String?, outside y: ClosedRange<Int>?) -> Wording {
        var whyEn = "", whyZh = ""
        if let p, let y {
            let years = "\(y.lowerBound)\(y.count > 1 ? "–\(y.upperBound)" : "")"
            (whyEn, whyZh) = (" (\(p) is outside this scenario's years, \(years))", "（\(p) 不在本方案的年份 \(years) 内）")
        }
        switch (a, p) {
        case (nil, nil): return Wording(en: "there are no orders yet (order add or orders import adds them)", zh: "还没有订单（用 order add 或 orders import 添加）")
        case (let a?, nil): return Wording(en: "\(a) has no orders", zh: "\(a) 没有订单")
        case (nil, let p?): return Wording(en: "there are no orders in \(p)\(whyEn)", zh: "\(p) 没有订单\(whyZh)")
        case (let a?, let p?): return Wording(en: "\(a) has no orders in \(p)\(whyEn)", zh: "\(a) 在 \(p) 没有订单\(whyZh)")
        }
    }

    /// `key=value` where the plan reads `key` only as one of `known` (`product = "standard" or …`,
    /// `role = "sales"`): what it knows, and the value one slip from the typed one.
    static func unknownValueWording(key k: String, label: String?, value v: String, known: [String], near: String?, valueLabels: [String: String] = [:]) -> Wording {
        let en = known.count == 1 ? known[0] : known.dropLast().joined(separator: ", ") + " or " + known.last!
        // Each value with the plan's label of it under zh: 'sales'（销售客服）.
        let zh = known.map { "'\($0)'" + (valueLabels[$0].map { "（\($0)）" } ?? "") }.joined(separator: "、")
        let nearEn = near.map { "; did you mean \($0)? (write \(k)=\($0))" } ?? ""
        let nearZh = near.map { "；是不是想写 '\($0)'？（请写 \(k)=\($0)）" } ?? ""
        return Wording(en: "\(k)=\(v): the plan reads \(k) only as \(en), so '\(v)' would count as none of them\(nearEn); nothing was changed",
                       zh: "\(k)=\(v)：方案只认得 '\(k)'\(label.map { "（\($0)）" } ?? " ")为 \(zh)，写成 '\(v)' 哪一项都不算\(nearZh)；未做任何更改")
    }

    public static var samples: [OrderMessage] {
        let d = Day(year: 2026, month: 10, day: 1)!, e = Day(year: 2026, month: 10, day: 7)!
        return [.usage, .alreadyExists("T001"), .fieldSyntax("amount"), .idCannotChange, .badDate("3月2日"), .badFieldDate(field: "paid", value: "2026-04-31"), .needsDate("T001"), .needsID("agent=李雷"), .idEmpty(sub: "add"), .idEmpty(sub: "rm"),
                .dateOutsideYears(Day(year: 2027, month: 1, day: 5)!, years: 2026...2026, widen: 2026...2027), .added("T001"), .updated("T001"),
                .removed("T001"), .unknownSubcommand("move"), .listUsage(OutputLine(fixed: "--csv")), .listNeitherAgentNorPeriod("王五"),
                .count(1), .count(37), .noneListed(agent: nil, period: nil, outside: nil), .noneListed(agent: "李雷", period: nil, outside: nil),
                .noneListed(agent: nil, period: "2026-03", outside: nil), .noneListed(agent: "李雷", period: "2027", outside: 2026...2026),
                .noneListed(agent: nil, period: "2025-Q4", outside: 2026...2027), .tableHeader, .weekend([6, 7]), .holidays([d, e]), .holidays([]), .workedWeekendDays([e]), .workedWeekendDays([]),
                .calendarUsage, .reversedRange("2026-10-07..2026-10-01", earlier: d, later: e), .badDayRange("10月1日"),
                .unknownCalendarCommand("add"), .calendarChanged(sub: "holiday", days: "2026-10-01..2026-10-07"),
                .calendarChanged(sub: "workday", days: "2026-10-10"), .calendarChanged(sub: "clear", days: "2026-10-10"),
                .calendarAlready(sub: "workday", days: "2026-10-12", count: 1),
                .calendarOutsideYears(sub: "holiday", days: "2030-01-01", day: Day(year: 2030, month: 1, day: 1)!, years: 2026...2026, widen: 2026...2030),
                .calendarAfterYears(days: "2027-01-01", years: 2026...2026), .calendarAlready(sub: "holiday", days: "2026-10-03..2026-10-04", count: 2),
                .asOfOutsideYears(Day(year: 1999, month: 1, day: 1)!, years: 2026...2026, before: true), .asOfOutsideYears(Day(year: 2030, month: 1, day: 1)!, years: 2026...2027, before: false),
                .asOf(e, defaulted: false), .asOf(e, defaulted: true), .asOf(e, defaulted: true, fromOrders: true), .notADate("6月30日"), .fieldOutOfRange(order: "D9", field: "成交价", value: Fixed(-5000), range: "0.."),
                .fieldNobodyReadsLikelyTypo(key: "amout", value: "30000", near: "amount"), .fieldNobodyReads(key: "memo", fields: ["amount", "profit"]),
                .fieldNobodyReads(key: "memo", fields: []),
                .unknownFieldValue(key: "product", label: "产品", value: "standrad", known: ["standard", "mobile"], near: "standard"),
                .unknownFieldValue(key: "product", label: nil, value: "x", known: ["standard"], near: nil),
                .unknownFieldValue(key: "terms", label: "付款方式", value: "net45", known: ["cash", "net30"], near: "net30", valueLabels: ["cash": "现金", "net30": "月结30天"])]
    }
}
