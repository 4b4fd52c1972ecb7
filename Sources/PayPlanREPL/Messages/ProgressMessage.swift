import PayPlan

/// What a long command shows on its progress line while it runs (`ProgressThrottle`, cleared when it
/// ends), and what it answers when Ctrl-C stops it. Counts are of rows, orders, people or statements.
public enum ProgressMessage: MessageCatalogue {
    /// `orders import` / `performance import` (`performance: true`) has read `rows` rows.
    case rowsRead(performance: Bool, rows: Int)
    /// `orders import` merges `orders` orders into the scenario.
    case merging(orders: Int)
    /// `command` (as typed: `orders import`, `load`) works out the figures; `zh`, its name in Chinese when it has one.
    case workingOut(command: String, zh: String?)
    /// `sweep`/`solve`/`cliffs` (`command`) has worked out `done` of `all` points, or (`scanning`) scanned them for tier changes.
    case probe(command: String, scanning: Bool, done: Int, all: Int)
    /// `offer` builds the candidate's plan.
    case offerBuilding
    /// `offer` works on amount `k` of `count`.
    case offerAmount(k: Int, count: Int)
    /// `statement all` has built `k` of `count` statements.
    case statementsBuilt(k: Int, count: Int)
    /// `statement all` writes file `k` of `count`.
    case statementsWritten(k: Int, count: Int)
    /// `compare` has compared `k` of `count` agents.
    case compared(k: Int, count: Int)
    /// `report PERIOD` has worked out `k` of `count` agents.
    case reported(period: String, k: Int, count: Int)
    /// `forecast` has drawn `done` of its `all` runs of fork `fork`.
    case forecastRuns(fork: String, done: Int, all: Int)
    /// The answer of `command` (as typed: `sweep`, `statement all`) stopped by Ctrl-C; `zh`, the command's
    /// name in Chinese when it has one (`修改`), written without a space before 已停止.
    case stopped(command: String, zh: String?)

    public var wording: Wording {
        switch self {
        case .rowsRead(let perf, let n):
            perf ? Wording(en: "performance import: \(n) rows read (Ctrl-C stops)", zh: "performance import：已读 \(n) 行（Ctrl-C 停止）")
                 : Wording(en: "orders import: \(n) rows read (Ctrl-C stops)", zh: "orders import：已读 \(n) 行（Ctrl-C 停止）")
        case .merging(let n): Wording(en: "orders import: merging \(n) orders", zh: "orders import：合并 \(n) 条订单")
        case .workingOut(let c, let zh): Wording(en: "\(c): working out the figures (Ctrl-C stops)", zh: "\(zh ?? c)：正在计算（Ctrl-C 停止）")
        case .probe(let c, let scanning, let d, let a):
            Wording(en: "\(c): \(scanning ? "scanning for tier changes" : "points") \(d)/\(a) (Ctrl-C stops)", zh: "\(c)：\(scanning ? "寻找分界" : "计算各点") \(d)/\(a)（Ctrl-C 停止）")
        case .offerBuilding: Wording(en: "offer: building the candidate's plan (Ctrl-C stops)", zh: "offer：正在建立候选人的测算（Ctrl-C 停止）")
        case .offerAmount(let k, let n): Wording(en: "offer: amount \(k)/\(n) (Ctrl-C stops)", zh: "offer：第 \(k)/\(n) 档（Ctrl-C 停止）")
        case .statementsBuilt(let k, let n): Wording(en: "statement all: \(k)/\(n) statements (Ctrl-C stops)", zh: "statement all：\(k)/\(n) 份工资条（Ctrl-C 停止）")
        case .statementsWritten(let k, let n): Wording(en: "statement all: writing \(k)/\(n) (Ctrl-C stops)", zh: "statement all：写入 \(k)/\(n)（Ctrl-C 停止）")
        case .compared(let k, let n): Wording(en: "compare: \(k)/\(n) agents (Ctrl-C stops)", zh: "compare：\(k)/\(n) 人（Ctrl-C 停止）")
        case .reported(let p, let k, let n): Wording(en: "report \(p): \(k)/\(n) agents (Ctrl-C stops)", zh: "report \(p)：\(k)/\(n) 人（Ctrl-C 停止）")
        case .forecastRuns(let f, let d, let a): Wording(en: "forecast \(f): \(d)/\(a) runs (Ctrl-C stops)", zh: "forecast \(f)：已模拟 \(d)/\(a) 次（Ctrl-C 停止）")
        case .stopped(let c, let zh):
            Wording(en: "\(c) stopped (Ctrl-C): nothing was changed", zh: "\(zh ?? c + " ")已停止（Ctrl-C）：未做任何更改")
        }
    }

    public var tone: Tone {
        if case .stopped = self { return .error }
        return .plain
    }

    public static var samples: [ProgressMessage] {
        [.rowsRead(performance: false, rows: 1024), .rowsRead(performance: true, rows: 1024), .merging(orders: 300), .workingOut(command: "orders import", zh: nil), .workingOut(command: "load", zh: "载入"),
         .probe(command: "sweep", scanning: false, done: 3, all: 10), .probe(command: "cliffs", scanning: true, done: 3, all: 10),
         .offerBuilding, .offerAmount(k: 2, count: 3), .statementsBuilt(k: 2, count: 5), .statementsWritten(k: 2, count: 5), .compared(k: 2, count: 4),
         .reported(period: "2026", k: 2, count: 4), .forecastRuns(fork: "lower", done: 50, all: 1000), .stopped(command: "sweep", zh: nil), .stopped(command: "edit", zh: "修改")]
    }
}
