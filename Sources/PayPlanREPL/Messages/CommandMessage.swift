import PayPlan

/// What the session says about a command as typed: unknown words, figures written wrongly,
/// periods, help topics, and the refusals of `explain`, `report` and queries.
public enum CommandMessage: MessageCatalogue {
    case unknownCommand(String, hint: String?)
    case unknownCommandOrName(String, hint: String?)
    case unknownName(String, hint: String?)
    /// `quit`/`exit`/`check` … with words after them.
    case takesNothing(String)
    case noHelp(String, hint: String?, topics: [String])
    /// `explain 李雷`: an agent's name, not a figure; `example` is one of their figures (`李雷.pay[2026-01]`).
    case explainAgentNotFigure(String, example: String)
    /// An `--option` the command does not take (`statement 李雷 2026-03 --htlm x.html`), then how the
    /// command is written (its `CommandTable` usage, English and Chinese).
    case unknownOption(ArgumentMessage, usage: String, usageZh: String)
    /// `'TEXT' is not a period: write a month …`.
    case notAPeriod(String)
    /// A period outside the scenario's years; `widen` gives the `years` command that would hold it.
    case outsideYears(Period, years: ClosedRange<Int>, widen: ClosedRange<Int>?)
    case expectedClosingBracket
    /// `李雷.pay[2026-03] --x`: text after the period's `]` (the `]` is there; what follows is not part of the figure).
    case textAfterPeriod(String, figure: String)
    /// `小美.pay（2026-03）`: a period in round brackets (a Chinese input method's （）); `meant` is it in [ ].
    case periodInParentheses(String, meant: String)
    case nameTooLong(length: Int, maximum: Int)
    /// A per-order figure written without its order: `ORDER.rule`.
    case perOrderFigure(rule: String, example: String)
    /// A per-agent figure written without its agent.
    case perAgentFigure(rule: String, example: String)
    /// A team figure written with an agent.
    case teamFigure(rule: String, periodic: Bool)
    /// A periodic figure written without a period: the line with `[2026-03]`.
    case whichPeriod(String)
    /// A figure per quarter (…) asked for a month.
    case perGrain(rule: String, grain: Grain, example: Period)
    /// `rate = 2%` on a parameter written with a period, or on a computed rule.
    case isParameter(String)
    case isComputed(String, inputs: [String])
    /// An input entered per month written with a quarter (…).
    case enteredPer(rule: String, grain: Grain, period: Period)
    /// The message of an error value in a query, and the figure it started in.
    case errorValue(EvalError.Detail, origin: CellReference?)
    /// A query of a yes/no figure over a longer period (`大伟.dismiss[2026-Q1]`): how many of its `of` periods
    /// of `grain` are yes, a whole number.
    case yesCount(cell: String, count: Int, of: Int, grain: Grain)
    /// `explain` written wrongly: the problem, then how to write it.
    case explainUsage(OutputLine)
    case depthNeedsNumber
    case explainWhich
    case explainPeriodForm(String)
    case explainGrain(ref: String, rule: String, grain: Grain)
    /// `report` written wrongly: the problem (if any), then how to write it.
    case reportUsage(OutputLine?)
    case reportWhich
    case reportOneWordTooMany(String)
    /// An order figure asked of an order there is not.
    case noOrder(String)

    public var wording: Wording {
        switch self {
        case .unknownCommand(let w, let h):
            Wording(en: "unknown command '\(w)'\(MessageWords.hint(h).en); type 'help' for the list of commands", zh: "未知命令 '\(w)'\(MessageWords.hint(h).zh)；输入 help 查看命令列表")
        case .unknownCommandOrName(let w, let h):
            Wording(en: "unknown command or name '\(w)'\(MessageWords.hint(h).en); type 'help' for the list of commands", zh: "未知命令或名称 '\(w)'\(MessageWords.hint(h).zh)；输入 help 查看命令列表")
        case .unknownName(let n, let h): Wording(en: "unknown name '\(n)'\(MessageWords.hint(h).en)", zh: "未知名称 '\(n)'\(MessageWords.hint(h).zh)")
        case .takesNothing(let w): Wording(en: "\(w) takes nothing after it", zh: "\(w) 后面不接任何内容")
        case .explainAgentNotFigure(let n, let e):
            Wording(en: "'\(n)' is an agent, not a figure: explain one of their figures, e.g. explain \(e)",
                    zh: "'\(n)' 是员工，不是数字：请说明其某个数字，例如 explain \(e)")
        case .unknownOption(let a, let u, let uz):
            Wording(en: "\(a.wording.en); write \(u)", zh: "\(a.wording.zh)；请写 \(uz)")
        case .noHelp(let t, let h, let topics):
            Wording(en: "no help on '\(t)'\(MessageWords.hint(h).en); topics: \(topics.joined(separator: ", "))", zh: "没有关于 '\(t)' 的帮助\(MessageWords.hint(h).zh)；主题：\(topics.joined(separator: "、"))")
        case .notAPeriod(let t): Wording(en: "'\(t)' is not a period: \(MessageWords.periodForms.en)", zh: "'\(t)' 不是期间：\(MessageWords.periodForms.zh)")
        case .outsideYears(let p, let y, let w):
            Wording(en: "\(p) is outside this scenario's years (\(MessageWords.years(y)))" + (w.map { "; to plan further, first widen them: years \($0.lowerBound)-\($0.upperBound)" } ?? ""),
                    zh: "\(p) 不在本方案的年份内（\(MessageWords.years(y))）" + (w.map { "；要计划更远，请先扩大年份：years \($0.lowerBound)-\($0.upperBound)" } ?? ""))
        case .expectedClosingBracket: Wording(en: "expected ']' after the period", zh: "期间后面缺少 ']'")
        case .textAfterPeriod(let t, let f):
            Wording(en: "'\(t)' after \(f) is not part of it: write the figure alone (\(f)), or explain \(f) for why it is what it is",
                    zh: "\(f) 后面的 '\(t)' 不属于它：只写数字本身（\(f)），或用 explain \(f) 查看来历")
        case .periodInParentheses(let w, let m):
            Wording(en: "'\(w)': a period is written in [ ], not ( ): \(m)", zh: "'\(w)'：期间请用 [ ]，不用 ( )：请写 \(m)")
        case .nameTooLong(let n, let m): Wording(en: "this name is \(n) characters long; names are at most \(m)", zh: "这个名字长 \(n) 个字符；名字最多 \(m) 个字符")
        case .perOrderFigure(let r, let ex):
            Wording(en: "'\(r)' is per order: write ORDER.\(r), e.g. \(ex).\(r) (change an order with order set)", zh: "'\(r)' 按订单计算：请写 订单号.\(r)，例如 \(ex).\(r)（修改订单用 order set）")
        case .perAgentFigure(let r, let ex):
            Wording(en: "'\(r)' is per agent: write AGENT.\(r)[PERIOD], e.g. \(ex)", zh: "'\(r)' 按员工计算：请写 员工.\(r)[期间]，例如 \(ex)")
        case .teamFigure(let r, let periodic):
            Wording(en: "'\(r)' is a team figure, not per agent: write \(r)\(periodic ? "[PERIOD]" : "")", zh: "'\(r)' 是团队数字，不按员工：请写 \(r)\(periodic ? "[期间]" : "")")
        case .whichPeriod(let l):
            Wording(en: "which period? write \(l)[2026-03] (or a quarter 2026-Q1, half 2026-H1, year 2026)", zh: "哪个期间？请写 \(l)[2026-03]（或季度 2026-Q1、半年 2026-H1、年份 2026）")
        case .perGrain(let r, let g, let ex):
            Wording(en: "'\(r)' is per \(MessageWords.grain(g).en): give a \(MessageWords.grain(g).en) such as \(ex)", zh: "'\(r)' 按\(MessageWords.grain(g).zh)计算：请给出一个\(MessageWords.grain(g).zh)，例如 \(ex)")
        case .isParameter(let r): Wording(en: "'\(r)' is a parameter: change it with param \(r) = VALUE", zh: "'\(r)' 是参数：请用 param \(r) = 值 修改")
        case .isComputed(let r, let inputs):
            Wording(en: "'\(r)' is computed by a rule, so it cannot be set; " + (inputs.isEmpty ? "this plan has no inputs" : "inputs are: \(inputs.joined(separator: ", "))"),
                    zh: "'\(r)' 由规则计算，不能直接设置；" + (inputs.isEmpty ? "本方案没有录入项" : "录入项有：\(inputs.joined(separator: "、"))"))
        case .enteredPer(let r, let g, let p):
            Wording(en: "'\(r)' is entered per \(MessageWords.grain(g).en); \(p) is a \(MessageWords.grain(p.grain).en)", zh: "'\(r)' 按\(MessageWords.grain(g).zh)录入；\(p) 是\(MessageWords.grain(p.grain).zh)")
        case .yesCount(let c, let n, let of, let g): CommandMessage.yesCount(c, n, of, g)
        case .errorValue(let d, let o):
            Wording(en: "  \(d.english)\(o.map { " (from \($0))" } ?? "")", zh: "  \(EvalErrorMessage.chinese(d))\(o.map { "（来自 \($0)）" } ?? "")")
        case .explainUsage(let e):
            Wording(en: "\(e.text(.en)); write explain FIGURE [--depth N] [--orders] [--rules], e.g. explain 李雷.pay[2026-03] --depth 3",
                    zh: "\(e.text(.zh))；请写 explain 数字 [--depth N] [--orders] [--rules]，例如 explain 李雷.pay[2026-03] --depth 3")
        case .depthNeedsNumber: Wording(en: "--depth needs a number, e.g. --depth 3", zh: "--depth 后面需要一个数字，例如 --depth 3")
        case .explainWhich: Wording(en: "explain which figure? e.g. explain 李雷.pay[2026-03]", zh: "要解释哪个数字？例如 explain 李雷.pay[2026-03]")
        case .explainPeriodForm(let r): Wording(en: "'\(r)': the period must be like 2026-03, 2026-Q1, 2026-H1 or 2026", zh: "'\(r)'：期间应写作 2026-03、2026-Q1、2026-H1 或 2026")
        case .explainGrain(let ref, let r, let g):
            Wording(en: "'\(ref)': \(r) is per \(MessageWords.grain(g).en); give a period of that kind inside the scenario's years",
                    zh: "'\(ref)'：\(r) 按\(MessageWords.grain(g).zh)计算；请给出方案年份内的一个\(MessageWords.grain(g).zh)")
        case .reportUsage(let e):
            Wording(en: (e.map { $0.text(.en) + "; " } ?? "") + "write report PERIOD [--csv|--json|--md|--xlsx FILE] [--out FILE], e.g. report 2026-03 or report 2026 --xlsx 2026.xlsx",
                    zh: (e.map { $0.text(.zh) + "；" } ?? "") + "请写 report 期间 [--csv|--json|--md|--xlsx 文件] [--out 文件]，例如 report 2026-03 或 report 2026 --xlsx 2026.xlsx")
        case .reportWhich:
            Wording(en: "report which period? e.g. report 2026-03, report 2026-Q1, report 2026-H1, report 2026", zh: "报表要哪个期间？例如 report 2026-03、report 2026-Q1、report 2026-H1、report 2026")
        case .reportOneWordTooMany(let w): Wording(en: "report takes one period ('\(w)' is one word too many)", zh: "report 只接一个期间（'\(w)' 是多余的）")
        case .noOrder(let id): Wording(en: "no order \(id)", zh: "没有订单 \(id)")
        }
    }

    public static var samples: [CommandMessage] {
        let m = Period(text: "2026-03")!
        return [.yesCount(cell: "大伟.dismiss[2026-Q1]", count: 1, of: 3, grain: .month), .yesCount(cell: "大伟.dismiss[2026]", count: 2, of: 4, grain: .quarter),
                .explainAgentNotFigure("李雷", example: "李雷.pay[2026-03]"), .unknownOption(.unknownOption("--htlm", known: ["--csv", "--html"]), usage: "statement AGENT PERIOD", usageZh: "statement 员工 期间"),
                .unknownOption(.unknownOption("--force", known: []), usage: "save [FILE]", usageZh: "save [文件]"),
                .unknownCommand("sav", hint: "save"), .unknownCommand("xyz", hint: nil), .unknownCommandOrName("pya", hint: "pay"),
                .unknownName("pya", hint: "pay"), .unknownName("xyz", hint: nil), .takesNothing("quit"),
                .noHelp("comands", hint: "commands", topics: ["commands", "language"]), .notAPeriod("2026-13"),
                .outsideYears(Period(text: "2028-03")!, years: 2026...2026, widen: 2026...2028), .outsideYears(m, years: 2027...2027, widen: nil),
                .expectedClosingBracket, .textAfterPeriod("--x", figure: "李雷.pay[2026-03]"),
                .periodInParentheses("小美.pay(2026-03)", meant: "小美.pay[2026-03]"), .nameTooLong(length: 300, maximum: 64), .perOrderFigure(rule: "commission", example: "T001"),
                .perAgentFigure(rule: "pay", example: "李雷.pay[2026-01]"), .teamFigure(rule: "pool", periodic: true), .whichPeriod("李雷.pay"),
                .perGrain(rule: "bonus", grain: .quarter, example: Period(text: "2026-Q1")!), .isParameter("rate"), .isComputed("pay", inputs: ["sales"]),
                .isComputed("pay", inputs: []), .enteredPer(rule: "sales", grain: .month, period: Period(text: "2026-Q1")!),
                .errorValue(.divisionByZero(Fixed(1500)), origin: CellReference(figure: "rate", agent: "李雷", period: Period(grain: .month, start: Month(year: 2026, month: 3)))), .explainUsage(OutputLine(fixed: "--depth")),
                .depthNeedsNumber, .explainWhich, .explainPeriodForm("李雷.pay[3月]"), .explainGrain(ref: "李雷.bonus[2026-03]", rule: "bonus", grain: .quarter),
                .reportUsage(nil), .reportWhich, .reportOneWordTooMany("2027"), .noOrder("T001")]
    }

    /// "大伟.dismiss[2026-Q1] = 1 (1 of its 3 months is yes)" / "…= 1（3 个月中有 1 个月为是）".
    static func yesCount(_ c: String, _ n: Int, _ of: Int, _ g: Grain) -> Wording {
        let unit: (String, String) = switch g { case .month: ("month", "个月"); case .quarter: ("quarter", "个季度"); case .half: ("half", "个半年"); default: ("period", "个期间") }
        return Wording(en: "\(c) = \(n) (\(n) of its \(of) \(unit.0)\(of == 1 ? "" : "s") \(n == 1 ? "is" : "are") yes)",
                       zh: "\(c) = \(n)（\(of) \(unit.1)中有 \(n) \(unit.1)为是）")
    }
}
