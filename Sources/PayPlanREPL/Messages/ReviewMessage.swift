import PayPlan

/// What `review A B [PERIOD]` prints (`Session+Review.swift`), in English and Chinese: its usage and
/// refusals, the page's headings and the sentences between its tables. A figure is given by its ID
/// (`figure`, English) and its label under the plan (`label`, Chinese; the ID when it has none).
/// Amounts arrive as text already formatted (`3,456.00`, `−3,456.00 (−2.8%)`), the same in both languages.
public enum ReviewMessage: MessageCatalogue {
    case usage
    /// A problem with the command's `--options`, then the usage.
    case usageAfter(ArgumentMessage)
    case thresholdNegative
    /// The page was written to `file`.
    case wrotePage(file: String)
    case interrupted
    /// `review: B against A — PERIOD`.
    case title(a: String, b: String, period: Period)
    /// The owner's total cost: `figures` is `A 1.00 → B 2.00  +1.00 (+100.0%)`.
    case ownerCost(figure: String, label: String, figures: String)
    /// The employer's cost (another figure than pay), `figures` as for `ownerCost`.
    case employerCost(figure: String, label: String, figures: String)
    case eachPerson(figure: String, label: String)
    case nobodyEarnsLess(b: String)
    /// Under the per-person table: the people employed on no day of the period, left out of it and the spread.
    case notEmployed(period: Period, names: [String])
    /// `count` people earn less under `b`: `losses` pairs each name with its loss (`1,234.00`).
    case someEarnLess(b: String, losses: [(name: String, loss: String)])
    case noMinimumWage
    /// The months under the minimum wage `amount` (formatted).
    case monthsUnderMinimum(amount: String)
    case noneUnderEither
    /// One person's months under the minimum wage under each plan (empty: none).
    case underMinimum(name: String, a: String, monthsA: [Month], b: String, monthsB: [Month])
    /// The cliffs heading: pay `figure` over `input`, a jump of more than `threshold` (formatted).
    case cliffsHeading(figure: String, figureLabel: String, input: String, inputLabel: String, threshold: String)
    /// Above one person's cliffs: the month scanned and the range of `input` (`top`, formatted) scanned in it.
    case cliffPerson(name: String, month: Month, input: String, inputLabel: String, top: String)
    /// A cliff `b` adds (`added`) or removes at `input` = `at`: pay `before` → `after`.
    case cliff(added: Bool, input: String, inputLabel: String, at: String, before: String, after: String)
    /// A cliff both plans have, whose jump changes from `jumpA` to `jumpB`.
    case cliffChanged(input: String, inputLabel: String, at: String, jumpA: String, jumpB: String)
    /// A stretch where more `input` pays less, from `from` to `to`, that `b` adds or removes.
    case falling(added: Bool, input: String, inputLabel: String, from: String, to: String)
    /// A person whose cliff search stopped after `evaluations` input values (`PlanReview.evaluationLimit`),
    /// scanned in `month` from 0 to `top` (formatted): their cliffs are not listed.
    case cliffSearchStopped(name: String, month: Month, inputLabel: String, top: String, evaluations: Int)
    case noCliffChange(b: String)
    case cliffsFromOrders
    case payAndPerformance(period: Period)
    case spreadHeading
    /// The A8 chat-account table's heading under plan `plan`.
    case accountsHeading(plan: String)
    /// A policy's estimated sales, min / median / max (formatted).
    case accountSpread(policy: String, minimum: String, median: String, maximum: String)
    /// A column of review's tables.
    case column(Column)

    /// The columns of review's tables.
    public enum Column: Sendable, CaseIterable {
        case agent, difference
    }
    /// A column named after a plan (`lower pay/sales`, `lower 工资/业绩`) or an account policy.
    case payPer(plan: String, input: String)
    case policyColumn(policy: String, PolicyColumn)
    public enum PolicyColumn: Sendable, CaseIterable { case inquiries, sales, pay }

    public var wording: Wording {
        switch self {
        case .usageAfter(let p): p.wording.followed(by: Wording(en: "; ", zh: "；")).followed(by: Self.usage.wording)
        case .usage: Wording(en: "write review A B [PERIOD] [--html FILE] [--threshold T], e.g. review main lower 2026",
                             zh: "写法：review 方案A 方案B [期间] [--html 文件] [--threshold T]，例如 review main lower 2026")
        case .thresholdNegative: Wording(en: "the threshold must not be negative", zh: "阈值不能为负")
        case .wrotePage(let f): Wording(en: "wrote \(f) (the review as a page with charts)", zh: "已写入 \(f)（含图表的评审页）")
        case .interrupted: Wording(en: "review interrupted; nothing changed", zh: "评审已中断；没有任何改动")
        case .title(let a, let b, let p): Wording(en: "review: \(b) against \(a) — \(p)", zh: "方案评审：\(b) 对比 \(a) — \(p)")
        case .ownerCost(let f, let l, let figures): Wording(en: "cost to the owner (\(f)): " + figures, zh: "老板的工资总成本（\(l)）：" + figures)
        case .employerCost(let f, let l, let figures):
            Wording(en: "employer cost (\(f)): " + figures, zh: (l == "雇主成本" ? "雇主成本：" : "雇主成本（\(l)）：") + figures)
        case .eachPerson(let f, let l): Wording(en: "each person's \(f), the largest loss first:", zh: "每个人的\(l)，损失最大的在前：")
        case .nobodyEarnsLess(let b): Wording(en: "  nobody earns less under \(b)", zh: "  在 \(b) 下没有人收入减少")
        case .notEmployed(let p, let names):
            Wording(en: "  (\(names.count) not employed in \(p), not listed: \(names.joined(separator: ", ")))",
                    zh: "  （\(names.count) 人在 \(p) 不在职，未列出：\(names.joined(separator: "、"))）")
        case .someEarnLess(let b, let losses):
            Wording(en: "  \(losses.count) earn less under \(b): " + losses.map { "\($0.name) −\($0.loss)" }.joined(separator: ", "),
                    zh: "  \(losses.count) 人在 \(b) 下收入减少：" + losses.map { "\($0.name) −\($0.loss)" }.joined(separator: "，"))
        case .noMinimumWage: Wording(en: "minimum wage: the plans have no minimum_wage parameter to check against",
                                     zh: "最低工资：方案没有 minimum_wage 参数，无法检查")
        case .monthsUnderMinimum(let m): Wording(en: "months under the minimum wage (\(m)):", zh: "低于最低工资（\(m)）的月份：")
        case .noneUnderEither: Wording(en: "  none, under either plan", zh: "  两个方案下都没有")
        case .underMinimum(let n, let a, let ma, let b, let mb):
            Wording(en: "  \(n): \(a) \(Self.months(ma, none: "none")); \(b) \(Self.months(mb, none: "none"))",
                    zh: "  \(n)：\(a) \(Self.months(ma, none: "无"))；\(b) \(Self.months(mb, none: "无"))")
        case .cliffsHeading(let f, let fl, let i, let il, let t):
            Wording(en: "cliffs of \(f) over \(i) (one fen more changes pay by more than \(t)), over each person's own range:",
                    zh: "\(fl)随\(il)的断崖（多 1 分钱，工资变化超过 \(t)），按每人自己的业绩范围：")
        case .cliffPerson(let n, let m, let i, let il, let top):
            Wording(en: "  \(n) (\(m), \(i) 0 – \(top)):", zh: "  \(n)（\(m)，\(il) 0 – \(top)）：")
        case .cliff(let added, let i, let il, let at, let before, let after):
            Wording(en: "    \(added ? "added" : "removed"): \(i) \(at): pay \(before) → \(after)",
                    zh: "    \(added ? "新增" : "消除")：\(il) \(at)：工资 \(before) → \(after)")
        case .cliffChanged(let i, let il, let at, let ja, let jb):
            Wording(en: "    changed: \(i) \(at): the jump \(ja) → \(jb)", zh: "    变化：\(il) \(at)：跳变 \(ja) → \(jb)")
        case .falling(let added, let i, let il, let from, let to):
            Wording(en: added ? "    added: more \(i) pays less from \(from) to \(to)" : "    removed: more \(i) paid less from \(from) to \(to)",
                    zh: "    \(added ? "新增" : "消除")：\(il) 从 \(from) 到 \(to) 多卖反而少拿")
        case .cliffSearchStopped(let n, let m, let il, let top, let e):
            Wording(en: "  \(n) (\(m), \(il) 0 – \(top)): not searched to the end: pay changes at too many points (the search stopped after \(e) input values); try cliffs over a narrower range",
                    zh: "  \(n)（\(m)，\(il) 0 – \(top)）：未查完：工资变化的点太多（试算 \(e) 个录入值后停止）；可用 cliffs 在更小的范围内查")
        case .noCliffChange(let b): Wording(en: "  \(b) adds and removes no cliff", zh: "  \(b) 没有新增或消除断崖")
        case .cliffsFromOrders: Wording(en: "cliffs: pay here comes from orders, not a monthly input, so there is no input to scan",
                                        zh: "断崖：本方案的工资来自订单而不是月度录入，无法扫描")
        case .payAndPerformance(let p): Wording(en: "pay and performance over \(p):", zh: "\(p) 工资与业绩：")
        case .spreadHeading: Wording(en: "spread of pay (min / median / max, top ÷ median):", zh: "工资分布（最低 / 中位 / 最高，最高 ÷ 中位）：")
        case .accountsHeading(let n):
            Wording(en: "chat accounts (A8) under \(n), by account_plan: inquiries of the accounts staffed, the sales they bring at the shop's sales per inquiry, pay",
                    zh: "\(n) 的旺旺分流（A8），按 account_plan：值守账号的询单、按每询单业绩估算的业绩、工资")
        case .accountSpread(let p, let lo, let mid, let hi):
            Wording(en: "  \(p): estimated sales min / median / max \(lo) / \(mid) / \(hi)", zh: "  \(p)：估算业绩 最低 / 中位 / 最高 \(lo) / \(mid) / \(hi)")
        case .column(.agent): MessageWords.agentColumn
        case .column(.difference): Wording(en: "difference", zh: "差额")
        case .payPer(let plan, let input): Wording(en: "\(plan) pay/\(input)", zh: "\(plan) 工资/业绩")
        case .policyColumn(let p, .inquiries): Wording(en: "\(p) inquiries", zh: "\(p) 询单")
        case .policyColumn(let p, .sales): Wording(en: "\(p) sales", zh: "\(p) 估算业绩")
        case .policyColumn(let p, .pay): Wording(en: "\(p) pay", zh: "\(p) 工资")
        }
    }

    static func months(_ m: [Month], none: String) -> String { m.isEmpty ? none : m.map(\.description).joined(separator: ", ") }

    public var tone: Tone {
        switch self {
        case .usage, .usageAfter, .thresholdNegative, .interrupted: .error
        case .title: .heading
        default: .plain
        }
    }

    public static var samples: [ReviewMessage] {
        let y = Period(grain: .year, start: Month(year: 2026, month: 1)), mar = Month(year: 2026, month: 3)
        return [.usage, .usageAfter(.needsValue("--html")), .thresholdNegative, .wrotePage(file: "评审.html"), .interrupted, .title(a: "main", b: "低提成", period: y),
                .ownerCost(figure: "pay", label: "应发工资", figures: "main 1,000.00 → 低提成 900.00  −100.00 (−10.0%)"),
                .employerCost(figure: "employer_cost", label: "雇主成本", figures: "main 1.00 → 低提成 1.00  0.00"),
                .employerCost(figure: "cost", label: "总成本", figures: "main 1.00 → 低提成 1.00  0.00"),
                .eachPerson(figure: "pay", label: "应发工资"), .nobodyEarnsLess(b: "低提成"), .notEmployed(period: y, names: ["赵强"]),
                .someEarnLess(b: "低提成", losses: [("李雷", "120.00"), ("韩梅梅", "3.00")]), .noMinimumWage,
                .monthsUnderMinimum(amount: "2,690.00"), .noneUnderEither,
                .underMinimum(name: "李雷", a: "main", monthsA: [], b: "低提成", monthsB: [mar]),
                .cliffsHeading(figure: "pay", figureLabel: "应发工资", input: "sales", inputLabel: "销售额", threshold: "100.00"),
                .cliffPerson(name: "李雷", month: mar, input: "sales", inputLabel: "销售额", top: "180,000.00"),
                .cliff(added: true, input: "sales", inputLabel: "销售额", at: "100,000.00", before: "3,000.00", after: "5,000.00"),
                .cliff(added: false, input: "sales", inputLabel: "销售额", at: "100,000.00", before: "3,000.00", after: "5,000.00"),
                .cliffChanged(input: "sales", inputLabel: "销售额", at: "100,000.00", jumpA: "+2,000.00", jumpB: "+1,000.00"),
                .falling(added: true, input: "sales", inputLabel: "销售额", from: "1.00", to: "2.00"),
                .falling(added: false, input: "sales", inputLabel: "销售额", from: "1.00", to: "2.00"),
                .cliffSearchStopped(name: "李雷", month: mar, inputLabel: "销售额", top: "180,000.00", evaluations: 20_000),
                .noCliffChange(b: "低提成"), .cliffsFromOrders, .payAndPerformance(period: y), .spreadHeading,
                .accountsHeading(plan: "main"), .accountSpread(policy: "轮流", minimum: "1.00", median: "2.00", maximum: "3.00"),
                .column(.agent), .column(.difference), .payPer(plan: "低提成", input: "sales"),
                .policyColumn(policy: "轮流", .inquiries), .policyColumn(policy: "轮流", .sales), .policyColumn(policy: "轮流", .pay)]
    }
}
