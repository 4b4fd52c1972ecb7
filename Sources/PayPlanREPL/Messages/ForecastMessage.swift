import PayPlan

/// What `forecast A [B] [PERIOD]` prints (`Session+Review.swift`), in English and Chinese: its usage and
/// refusals, the headings and the sentences around its tables. A figure is given by its ID (`figure`,
/// English) and its label under the plan (`label`, Chinese; the ID when it has none); amounts arrive
/// formatted (`3,456.00`, `+12.00`), the same in both languages.
public enum ForecastMessage: MessageCatalogue {
    case usage
    /// A problem with the command's `--options`, then the usage.
    case usageAfter(ArgumentMessage)
    case runsRange
    case seedRange
    /// The heading: `runs` runs of `period` from `seed`, each person's own `inputs` resampled; under zh
    /// the inputs by the plan's `labels` (询单人数, not inquiries), in the same order.
    case heading(period: Period, runs: Int, seed: UInt64, inputs: [String], labels: [String])
    /// Ctrl-C after `runs` of `requested`.
    case interrupted(runs: Int, requested: Int)
    /// `count` runs gave an error value and are left out.
    case failedRuns(Int)
    case noRunCompleted(fork: String)
    /// A fork's table heading: `figure` over `period`.
    case forkHeading(fork: String, figure: String, label: String, period: Period)
    case column(Column)
    /// A bonus's column: in how many runs it is paid.
    case bonusPaid(figure: String, label: String)
    /// A person with no history to resample (kept at their own months).
    case noHistory(name: String)
    /// The owner's cost `figure`: P10, median, P90 (formatted).
    case ownerCost(figure: String, label: String, p10: String, median: String, p90: String)
    /// B − A of the total `figure` over the same draws (signed, formatted).
    case difference(a: String, b: String, figure: String, label: String, p10: String, median: String, p90: String)

    /// The columns of forecast's table.
    public enum Column: Sendable, CaseIterable { case agent, median, runsUnderMinimum, total }

    public var wording: Wording {
        switch self {
        case .usageAfter(let p): p.wording.followed(by: Wording(en: "; ", zh: "；")).followed(by: Self.usage.wording)
        case .usage: Wording(en: "write forecast FORK [FORK2] [PERIOD] [--runs N] [--seed S], e.g. forecast main 2026 --runs 1000 --seed 1",
                             zh: "写法：forecast 方案 [方案2] [期间] [--runs 次数] [--seed 种子]，例如 forecast main 2026 --runs 1000 --seed 1")
        case .runsRange: Wording(en: "--runs takes a whole number from 1 to 1,000,000", zh: "--runs 取 1 到 1,000,000 的整数")
        case .seedRange: Wording(en: "--seed takes a whole number from 0 to 18446744073709551615", zh: "--seed 取 0 到 18446744073709551615 的整数")
        case .heading(let p, let n, let s, let i, let l):
            Wording(en: "forecast of \(p): \(n) runs, seed \(s); each month resampled from the scenario's months (one shop-wide draw, each person's own \(i.joined(separator: ", ")))",
                    zh: "\(p) 预测：\(n) 次模拟，种子 \(s)；每月从方案已有月份中重抽（全店同抽一月，每人取自己的 \(l.joined(separator: "、"))）")
        case .interrupted(let n, let r): Wording(en: "interrupted after \(n) of \(r) runs: the figures cover those", zh: "已中断：完成 \(n)/\(r) 次，以下为已完成部分")
        case .failedRuns(let n): Wording(en: "\(n) runs gave an error value and are left out", zh: "\(n) 次模拟出现错误值，已剔除")
        case .noRunCompleted(let f): Wording(en: "\(f): no run completed", zh: "\(f)：没有完成的模拟")
        case .forkHeading(let f, let fig, let l, let p): Wording(en: "\(f) — \(fig) over \(p) (P10 / median / P90):", zh: "\(f) — \(p) \(l)（P10 / 中位 / P90）：")
        case .column(.agent): MessageWords.agentColumn
        case .column(.median): Wording(en: "median", zh: "中位")
        case .column(.runsUnderMinimum): Wording(en: "runs under minimum", zh: "低于最低工资的概率")
        case .column(.total): MessageWords.totalRow
        case .bonusPaid(let f, let l): Wording(en: "\(f) paid", zh: "\(l)发放概率")
        case .noHistory(let n): Wording(en: n + " (no history)", zh: n + "（无历史）")
        case .ownerCost(let f, let l, let a, let m, let b):
            Wording(en: "  owner's cost (\(f)): P10 \(a), median \(m), P90 \(b)", zh: "  老板成本（\(l)）：P10 \(a)，中位 \(m)，P90 \(b)")
        case .difference(let a, let b, let f, let l, let p10, let m, let p90):
            Wording(en: "\(b) − \(a), total \(f) (same draws): P10 \(p10), median \(m), P90 \(p90)",
                    zh: "\(b) − \(a) \(l)合计差额（相同抽样）：P10 \(p10)，中位 \(m)，P90 \(p90)")
        }
    }

    public var tone: Tone {
        switch self {
        case .usage, .usageAfter, .runsRange, .seedRange: .error
        case .interrupted, .failedRuns: .warning
        default: .plain
        }
    }

    public static var samples: [ForecastMessage] {
        let y = Period(grain: .year, start: Month(year: 2026, month: 1))
        return [.usage, .usageAfter(.needsValue("--html")), .runsRange, .seedRange, .heading(period: y, runs: 1000, seed: 1, inputs: ["sales", "inquiries"], labels: ["销售额", "询单人数"]),
                .interrupted(runs: 200, requested: 1000), .failedRuns(3), .noRunCompleted(fork: "main"),
                .forkHeading(fork: "main", figure: "pay", label: "应发工资", period: y)]
            + ForecastMessage.Column.allCases.map { .column($0) }
            + [.bonusPaid(figure: "half_bonus", label: "半年奖"), .noHistory(name: "新人"),
               .ownerCost(figure: "employer_cost", label: "雇主成本", p10: "1.00", median: "2.00", p90: "3.00"),
               .difference(a: "main", b: "低提成", figure: "pay", label: "应发工资", p10: "−1.00", median: "+2.00", p90: "+3.00")]
    }
}
