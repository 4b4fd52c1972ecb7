import PayPlan

/// What the what-if commands say: `fork`, `switch`, `scenarios`, `compare`, `explain … in A vs B`,
/// `sweep`, `solve` and `cliffs` (Session+WhatIf.swift). Amounts are CNY (`Fixed`), shown to the fen.
public indirect enum WhatIfMessage: MessageCatalogue {
    // fork, switch, scenarios
    case forkNeedsName
    case badForkName(String)
    /// `fork NAME` where NAME is a word of the pay language or of the commands (`month`, `all`, `total`).
    case forkNameReserved(String)
    case forkExists(String)
    case forked(from: String, to: String)
    case switchToWhich(forks: [String])
    case alreadyOn(String)
    case cannotSwitch(String, because: Wording)
    case nowOn(String)
    case unknownFork(String, forks: [String])
    case scenariosTakesNothing
    /// `scenarios`: what a fork changes against main (counts), or nothing.
    case forkDiffers(definitions: Int, inputs: Int, agents: Int)
    // compare
    case compareUsage
    case compareUsageAfter(problem: OutputLine)
    case notAPeriod(String)
    case outsideYears(Period, from: Int, to: Int)
    case compareTitle(String, String, Period)
    /// `compare` on the terminal: how many agents have the same figures in both (not listed), of how many.
    case compareUnchanged(Int, of: Int, String, String, Period)
    case totalNotKnown(side: String, agent: String, figure: String, code: String, why: String)
    case totalTooLarge(side: String)
    // explain … in A vs B
    case explainVersusUsage
    case notAFigureOf(String, fork: String)
    case versusValues(cell: String, a: String, valueA: String, b: String, valueB: String?, difference: String?)
    case scenariosAreTheSame
    case definitionsDiffer
    case changedDefinition(String, read: Bool)
    case onlyIn(String, fork: String, read: Bool)
    case agentsDiffer
    case agentDiffers(String, WorkspaceDiff.AgentChange)
    case yearsDiffer(ClosedRange<Int>, ClosedRange<Int>)
    case inputsDiffer
    case inputDiffers(cell: String, a: String, valueA: Fixed?, b: String, valueB: Fixed?, read: Bool)
    case andMore(Int)
    case figuresItReadsDiffer
    case figureDiffers(cell: String, a: String, valueA: String, b: String, valueB: String?)
    case noFigureItReadsDiffers
    // sweep, solve, cliffs
    case givenTwice(String, usage: WhatIfMessage)
    case sweepUsage, solveUsage, cliffsUsage
    case sweepWhichInput
    case oneInputName(String)
    case sweepNeedsShow
    /// `slot` (`from`, `to`, `step`, `threshold` or solve's target) has no amount after it.
    /// A column of the what-if tables (`scenarios`, `compare`).
    case column(Column)
    /// The columns of the what-if tables.
    public enum Column: Sendable, CaseIterable { case scenario, differsFromMain, agent, figure, difference, total }
    /// compare's total row for `figure` (`label` under the plan): the owner's cost (`cost`) or the gross pay.
    case totalOf(figure: String, label: String, cost: Bool)
    case needsAmount(AmountSlot)
    /// `slot`'s `text` is not an amount: `problem` says why.
    case badAmount(AmountSlot, text: String, problem: SourceErrorMessage)
    case forTakesOneAgent
    case noAgentsYet
    case inTakesAMonth
    /// The agent and month a what-if probe took when not given: the first agent, the scenario's first month, or
    /// (`firstEmployed`, the agent's name) the first month that agent is employed in.
    case chosen(firstAgent: String?, firstMonth: Period?, firstEmployed: String? = nil)
    /// `… for AGENT in MONTH` for a month the agent is not employed in (`why`, as `statement` says it), with the
    /// first and last month of the scenario's years they are employed in, if any.
    case notEmployed(StatementMessage, employed: (first: Period, last: Period)?)
    case svgTakesOneFile
    case noChartWritten(String)
    case probe(WhatIfError.Reason)
    case sweepHeader(input: String, from: Fixed, to: Fixed, step: Fixed)
    case everyNthRow(Int, of: Int)
    case chartTitle(figure: String, input: String)
    case changesAt([(x: Fixed, label: String)])
    case wrote(String)
    case alreadyReached(goal: String, input: String, at: Fixed, figure: String, value: Fixed)
    case leastThatGives(input: String, at: Fixed, goal: String)
    case crossedByJump(figure: String, before: Fixed, below: Fixed, after: Fixed, at: Fixed, neverPaid: Fixed?)
    case leastThatGivesWithValues(input: String, at: Fixed, goal: String, figure: String, value: Fixed, below: Fixed, before: Fixed)
    case unreachable(goal: String, input: String, from: Fixed, to: Fixed, best: Fixed, at: Fixed)
    case thresholdNegative
    case cliffsHeader(figure: String, input: String, from: Fixed, to: Fixed, threshold: Fixed)
    case noCliffs
    case cliff(input: String, from: Fixed, to: Fixed, figure: String, before: Fixed, after: Fixed, change: Fixed?, why: [String])
    case morePaysLess(String)
    case fallingRange(input: String, from: Fixed, to: Fixed, openEnded: Bool, figure: String, below: Fixed, reference: Fixed)

    static func list(_ names: [String], zh: Bool) -> String { names.joined(separator: zh ? "、" : ", ") }

    public var wording: Wording {
        switch self {
        case .forkNeedsName: Wording(en: "fork needs a name: fork lower_tier", zh: "fork 需要一个名称：fork 方案二")
        case .badForkName(let n):
            Wording(en: "'\(n)' cannot name a scenario: a name starts with a letter or '_' (then letters, digits, '_' or '-'; no spaces or dots), e.g. lower_tier",
                    zh: "'\(n)' 不能作副本名：名称以字母、汉字或 '_' 开头（后面可用字母、汉字、数字、'_' 或 '-'；不能有空格或点），例如 方案二")
        case .forkNameReserved(let n):
            Wording(en: "'\(n)' cannot name a scenario: it is a word of the pay language or of the commands; choose another name, e.g. \(n)_1",
                    zh: "'\(n)' 不能作副本名：它是规则语言或命令的关键字；请换一个名字，例如 \(n)_1")
        case .forkExists(let n): Wording(en: "there is already a scenario named '\(n)' (switch \(n) goes to it)", zh: "已有名为 '\(n)' 的副本（switch \(n) 切换过去）")
        case .forked(let a, let b):
            Wording(en: "forked \(a) as \(b); now on \(b) (switch \(a) goes back, compare \(a) \(b) shows the difference)",
                    zh: "已把 \(a) 复制为 \(b)，当前为 \(b)（switch \(a) 返回，compare \(a) \(b) 查看差异）")
        case .switchToWhich(let f): Wording(en: "switch to which scenario? \(f.joined(separator: ", "))", zh: "切换到哪个副本？\(Self.list(f, zh: true))")
        case .alreadyOn(let n): Wording(en: "already on '\(n)'", zh: "当前已是 '\(n)'")
        case .cannotSwitch(let n, let w): Wording(en: "cannot switch to '\(n)': \(w.en)", zh: "无法切换到 '\(n)'：\(w.zh)")
        case .nowOn(let n): Wording(en: "now on \(n)", zh: "当前为 \(n)")
        case .unknownFork(let n, let f):
            Wording(en: "no scenario named '\(n)' (scenarios: \(f.joined(separator: ", ")); make one with fork NAME)",
                    zh: "没有名为 '\(n)' 的副本（副本：\(Self.list(f, zh: true))；用 fork 名称 新建）")
        case .scenariosTakesNothing: Wording(en: "scenarios takes nothing after it", zh: "scenarios 后面不带参数")
        case .forkDiffers(let d, let i, let a):
            if d == 0 && i == 0 && a == 0 { Wording(en: "nothing", zh: "无") } else {
                Wording(en: [d > 0 ? "\(d) definition\(d == 1 ? "" : "s")" : nil, i > 0 ? "\(i) input\(i == 1 ? "" : "s")" : nil,
                             a > 0 ? "\(a) agent change\(a == 1 ? "" : "s")" : nil].compactMap { $0 }.joined(separator: ", "),
                        zh: [d > 0 ? "\(d) 条定义" : nil, i > 0 ? "\(i) 项录入" : nil, a > 0 ? "\(a) 名员工有变化" : nil].compactMap { $0 }.joined(separator: "、"))
            }
        case .compareUsage:
            Wording(en: "compare needs two scenarios and optionally a period: compare main lower_tier 2026 [--all] [--csv|--json|--md|--xlsx FILE] [--out FILE]",
                    zh: "compare 需要两个副本，可再加一个期间：compare main 方案二 2026 [--all] [--csv|--json|--md|--xlsx 文件] [--out 文件]")
        case .compareUsageAfter(let p): WhatIfMessage.compareUsage.wording.prefixed(Wording(en: p.text(.en) + "; ", zh: p.text(.zh) + "；"))
        case .notAPeriod(let w):
            Wording(en: "'\(w)' is not a period: write a month 2026-03, a quarter 2026-Q1, a half 2026-H1 or a year 2026",
                    zh: "'\(w)' 不是期间：请写月份 2026-03、季度 2026-Q1、半年 2026-H1 或年份 2026")
        case .outsideYears(let p, let a, let b): Wording(en: "\(p) is outside these scenarios' years (\(MessageWords.years(a...b)))", zh: "\(p) 不在这些副本的年份内（\(MessageWords.years(a...b))）")
        case .compareTitle(let a, let b, let p): Wording(en: "\(a) vs \(b) — \(p)", zh: "\(a) 对比 \(b) — \(p)")
        case .compareUnchanged(let n, let total, let a, let b, let p):
            // One agent is said in the singular (fresh user, session 11: "all 1 agents have …").
            n == total && n == 1 ? Wording(en: "the one agent has the same figures in \(a) and \(b) (compare \(a) \(b) \(p) --all lists them)",
                                           zh: "唯一的 1 名员工在 \(a) 和 \(b) 中的数字相同（compare \(a) \(b) \(p) --all 全部列出）")
            : n == total ? Wording(en: "all \(n) agents have the same figures in \(a) and \(b) (compare \(a) \(b) \(p) --all lists them)",
                                 zh: "全部 \(n) 名员工在 \(a) 和 \(b) 中的数字相同（compare \(a) \(b) \(p) --all 全部列出）")
                : n == 1 ? Wording(en: "1 of \(total) agents has the same figures in \(a) and \(b) and is not listed (compare \(a) \(b) \(p) --all lists it)",
                                   zh: "\(total) 名员工中有 \(n) 名在 \(a) 和 \(b) 中的数字相同，未列出（compare \(a) \(b) \(p) --all 全部列出）")
                : Wording(en: "\(n) of \(total) agents have the same figures in \(a) and \(b) and are not listed (compare \(a) \(b) \(p) --all lists them)",
                          zh: "\(total) 名员工中有 \(n) 名在 \(a) 和 \(b) 中的数字相同，未列出（compare \(a) \(b) \(p) --all 全部列出）")
        case .totalNotKnown(let s, let a, let f, let c, let why):
            Wording(en: "the total of \(s) is not known: \(a)'s \(f) is \(c) (\(why))", zh: "\(s) 的合计无法得出：\(a) 的 \(f) 为 \(c)（\(why)）")
        case .totalTooLarge(let s): Wording(en: "the total of \(s) is too large to add up", zh: "\(s) 的合计过大，无法相加")
        case .explainVersusUsage:
            Wording(en: "write explain CELL in A vs B, e.g. explain 李雷.pay[2026-03] in main vs lower_tier",
                    zh: "写法：explain 数字 in 副本A vs 副本B，例如 explain 李雷.pay[2026-03] in main vs 方案二")
        case .notAFigureOf(let r, let f):
            Wording(en: "'\(r)' is not a figure of \(f): write AGENT.FIGURE[PERIOD], e.g. 李雷.pay[2026-03]", zh: "'\(r)' 不是 \(f) 中的数字：请写 员工.数字[期间]，例如 李雷.pay[2026-03]")
        case .versusValues(let c, let a, let va, let b, let vb, let d):
            Wording(en: "\(c) = \(va) in \(a), \(vb ?? "— (not there)") in \(b)" + (d.map { " (\($0))" } ?? ""),
                    zh: "\(c)：\(a) 中为 \(va)，\(b) 中为 \(vb ?? "—（没有此数字）")" + (d.map { "（\($0)）" } ?? ""))
        case .scenariosAreTheSame: Wording(en: "the two scenarios are the same", zh: "两个副本完全相同")
        case .definitionsDiffer: Wording(en: "definitions that differ:", zh: "不同的定义：")
        case .changedDefinition(let n, let r): Wording(en: "  \(n)\(r ? " (read by this figure)" : "")", zh: "  \(n)\(r ? "（此数字用到）" : "")")
        case .onlyIn(let n, let f, let r): Wording(en: "  \(n): only in \(f)\(r ? " (read by this figure)" : "")", zh: "  \(n)：只在 \(f) 中\(r ? "（此数字用到）" : "")")
        case .agentsDiffer: Wording(en: "agents that differ:", zh: "不同的员工：")
        case .agentDiffers(let n, let c):
            switch c {
            case .attributesDiffer: Wording(en: "  \(n): attributes differ", zh: "  \(n)：属性不同")
            case .onlyInFirst: Wording(en: "  \(n): only in the first", zh: "  \(n)：只在第一个副本中")
            case .onlyInSecond: Wording(en: "  \(n): only in the second", zh: "  \(n)：只在第二个副本中")
            }
        case .yearsDiffer(let a, let b):
            Wording(en: "  years: \(a.lowerBound)–\(a.upperBound) vs \(b.lowerBound)–\(b.upperBound)", zh: "  年份：\(a.lowerBound)–\(a.upperBound) 对比 \(b.lowerBound)–\(b.upperBound)")
        case .inputsDiffer: Wording(en: "inputs that differ:", zh: "不同的录入：")
        case .inputDiffers(let c, let a, let va, let b, let vb, let r):
            Wording(en: "  \(c): \(va?.moneyText ?? "not entered") in \(a), \(vb?.moneyText ?? "not entered") in \(b)\(r ? " (read by this figure)" : "")",
                    zh: "  \(c)：\(a) 中为 \(va?.moneyText ?? "未录入")，\(b) 中为 \(vb?.moneyText ?? "未录入")\(r ? "（此数字用到）" : "")")
        case .andMore(let n): Wording(en: "  … and \(n) more", zh: "  ……另有 \(n) 项")
        case .figuresItReadsDiffer: Wording(en: "figures it reads that differ:", zh: "它用到的数字中不同的有：")
        case .figureDiffers(let c, let a, let va, let b, let vb):
            Wording(en: "  \(c): \(va) in \(a), \(vb ?? "—") in \(b)", zh: "  \(c)：\(a) 中为 \(va)，\(b) 中为 \(vb ?? "—")")
        case .noFigureItReadsDiffers: Wording(en: "no figure it reads differs", zh: "它用到的数字都相同")
        case .givenTwice(let w, let u): u.wording.prefixed(Wording(en: "'\(w)' is given twice; ", zh: "'\(w)' 写了两次；"))
        case .sweepUsage:
            Wording(en: "write sweep INPUT from X to Y step S show FIGURE[, FIGURE…] [for AGENT] [in MONTH] [--svg FILE], e.g. sweep sales from 0 to 30万 step 1万 show pay",
                    zh: "写法：sweep 录入项 from X to Y step S show 数字[, 数字…] [for 员工] [in 月份] [--svg 文件]，例如 sweep sales from 0 to 30万 step 1万 show pay")
        case .solveUsage:
            Wording(en: "write solve INPUT for FIGURE = TARGET [for AGENT] [in MONTH] [from X] [to Y], e.g. solve sales for pay = 9000",
                    zh: "写法：solve 录入项 for 数字 = 目标 [for 员工] [in 月份] [from X] [to Y]，例如 solve sales for pay = 9000")
        case .cliffsUsage:
            Wording(en: "write cliffs FIGURE over INPUT from X to Y [threshold T] [for AGENT] [in MONTH], e.g. cliffs pay over sales from 0 to 40万",
                    zh: "写法：cliffs 数字 over 录入项 from X to Y [threshold T] [for 员工] [in 月份]，例如 cliffs pay over sales from 0 to 40万")
        case .sweepWhichInput: WhatIfMessage.sweepUsage.wording.prefixed(Wording(en: "sweep which input? ", zh: "sweep 哪个录入项？"))
        case .oneInputName(let h): WhatIfMessage.sweepUsage.wording.prefixed(Wording(en: "'\(h)': one input name, then from; ", zh: "'\(h)'：只写一个录入项，然后是 from；"))
        case .sweepNeedsShow: WhatIfMessage.sweepUsage.wording.prefixed(Wording(en: "sweep needs show FIGURE; ", zh: "sweep 需要 show 数字；"))
        case .column(.scenario): Wording(en: "scenario", zh: "副本")
        case .column(.differsFromMain): Wording(en: "differs from main", zh: "与 main 的不同")
        case .column(.agent): MessageWords.agentColumn
        case .column(.figure): Wording(en: "figure", zh: "项目")
        case .column(.difference): Wording(en: "difference", zh: "差额")
        case .column(.total): MessageWords.totalRow
        case .totalOf(let f, let l, let cost):
            cost ? Wording(en: "\(f) (cost to the owner)", zh: "\(l)（老板总成本）") : Wording(en: "\(f) (gross pay)", zh: "\(l)（应发合计）")
        case .needsAmount(let w): Wording(en: "\(w.wording.en) needs an amount, e.g. 30万 or 300000", zh: "\(w.wording.zh) 后面需要金额，例如 30万 或 300000")
        case .badAmount(let w, let t, let p):
            // Not an amount at all: said of the slot (the target, --threshold), not as "an input must be an amount".
            p.kind == .inputNotAmount
                ? Wording(en: "\(w.wording.en) '\(t)' is not an amount: write one such as 12万, 40k, 40,000 or ¥40000",
                          zh: "\(w.wording.zh) '\(t)' 不是金额：请写 12万、40k、40,000 或 ¥40000 这样的金额")
                : Wording(en: "\(w.wording.en) '\(t)': \(p.text(.en))", zh: "\(w.wording.zh) '\(t)'：\(p.text(.zh))")
        case .forTakesOneAgent: Wording(en: "'for' takes one agent's name", zh: "'for' 后面写一名员工的名字")
        case .noAgentsYet: Wording(en: "there are no agents yet: agent add NAME", zh: "还没有员工：agent add 姓名")
        case .inTakesAMonth: Wording(en: "'in' takes a month such as 2026-03", zh: "'in' 后面写月份，例如 2026-03")
        case .chosen(let a, let m, let employed):
            Wording(en: "(" + [a.map { "for \($0), the first agent" }, m.map { employed.map { e in "in \(m!), the first month \(e) is employed" } ?? "in \($0), the first month" }]
                        .compactMap { $0 }.joined(separator: ", ") + "; add for AGENT in MONTH to choose)",
                    zh: "（" + [a.map { "员工取第一位 \($0)" }, m.map { employed.map { e in "月份取 \(e) 在职的第一个月 \(m!)" } ?? "月份取第一个月 \($0)" }]
                        .compactMap { $0 }.joined(separator: "，") + "；加 for 员工 in 月份 可指定）")
        case .notEmployed(let why, let months):
            Wording(en: why.wording.en + (months.map { m in m.first == m.last ? "; they are employed only in \(m.first): in \(m.first)"
                        : "; they are employed \(m.first) to \(m.last): choose one of those months, e.g. in \(m.first)" } ?? ""),
                    zh: why.wording.zh + (months.map { m in m.first == m.last ? "；其只在 \(m.first) 在职：in \(m.first)"
                        : "；其在职月份为 \(m.first) 到 \(m.last)：请选其中一个月，例如 in \(m.first)" } ?? ""))
        case .svgTakesOneFile: Wording(en: "--svg takes one file name", zh: "--svg 后面写一个文件名")
        case .noChartWritten(let e): Wording(en: "\(e); no chart was written", zh: "\(e)；未写入图表")
        case .probe(let r): Self.probeWording(r)
        case .sweepHeader(let i, let f, let t, let s):
            Wording(en: "sweep of \(i) from \(f.moneyText) to \(t.moneyText) step \(s.moneyText); the workspace is not changed",
                    zh: "\(i) 从 \(f.moneyText) 到 \(t.moneyText)，步长 \(s.moneyText)；工作区未改变")
        case .everyNthRow(let n, let c): Wording(en: "(every \(n)th of \(c) rows shown; the chart uses all)", zh: "（\(c) 行中每 \(n) 行显示一行；图表用全部）")
        case .chartTitle(let f, let i): Wording(en: "\(f) against \(i):", zh: "\(f) 随 \(i) 变化：")
        case .changesAt(let marks):
            Wording(en: "tiers and conditions change at: " + marks.map { "\($0.x.moneyText) (\($0.label))" }.joined(separator: ", "),
                    zh: "档位与条件在这些点变化：" + marks.map { "\($0.x.moneyText)（\($0.label)）" }.joined(separator: "、"))
        case .wrote(let f): Wording(en: "wrote \(f)", zh: "已写入 \(f)")
        case .alreadyReached(let g, let i, let x, let f, let v):
            Wording(en: "\(g) already at \(i) = \(x.moneyText), the start of the range (\(f) = \(v.moneyText))",
                    zh: "在范围起点 \(i) = \(x.moneyText) 时已达到 \(g)（\(f) = \(v.moneyText)）")
        case .leastThatGives(let i, let x, let g): Wording(en: "\(i) = \(x.moneyText) is the least that gives \(g)", zh: "\(i) = \(x.moneyText) 是使 \(g) 的最小值")
        case .crossedByJump(let f, let b, let below, let v, let x, let never):
            Wording(en: "it is crossed by a jump: \(f) goes from \(b.moneyText) at \(below.moneyText) to \(v.moneyText) at \(x.moneyText)" + (never.map { ", so exactly \($0.moneyText) is never paid" } ?? ""),
                    zh: "目标被跳变越过：\(f) 在 \(below.moneyText) 时为 \(b.moneyText)，在 \(x.moneyText) 时为 \(v.moneyText)" + (never.map { "，恰好 \($0.moneyText) 不会出现" } ?? ""))
        case .leastThatGivesWithValues(let i, let x, let g, let f, let v, let below, let b):
            Wording(en: "\(i) = \(x.moneyText) is the least that gives \(g) (\(f) = \(v.moneyText); at \(below.moneyText) it is \(b.moneyText))",
                    zh: "\(i) = \(x.moneyText) 是使 \(g) 的最小值（\(f) = \(v.moneyText)；在 \(below.moneyText) 时为 \(b.moneyText)）")
        case .unreachable(let g, let i, let f, let t, let best, let at):
            Wording(en: "unreachable: \(g) is not reached for \(i) from \(f.moneyText) to \(t.moneyText); the most is \(best.moneyText) at \(at.moneyText)",
                    zh: "达不到：\(i) 在 \(f.moneyText) 到 \(t.moneyText) 之间都达不到 \(g)；最多为 \(best.moneyText)（在 \(at.moneyText) 时）")
        case .thresholdNegative: Wording(en: "the threshold must not be negative", zh: "阈值不能为负")
        case .cliffsHeader(let f, let i, let a, let b, let t):
            Wording(en: "\(f) over \(i) from \(a.moneyText) to \(b.moneyText): where one fen more changes it by more than \(t.moneyText)",
                    zh: "\(f) 随 \(i) 从 \(a.moneyText) 到 \(b.moneyText)：多 1 分钱就变化超过 \(t.moneyText) 的地方")
        case .noCliffs: Wording(en: "  no cliffs", zh: "  没有断崖")
        case .cliff(let i, let a, let b, let f, let before, let after, let change, let why):
            Wording(en: "  \(i) \(a.moneyText) → \(b.moneyText): \(f) \(before.moneyText) → \(after.moneyText) ("
                        + (change.map { $0.isNegative ? "falls by " + $0.magnitude.moneyText : "+" + $0.moneyText } ?? "a change beyond ±10²⁶") + ")"
                        + (why.isEmpty ? "" : "  " + why.joined(separator: ", ")),
                    zh: "  \(i) \(a.moneyText) → \(b.moneyText)：\(f) \(before.moneyText) → \(after.moneyText)（"
                        + (change.map { $0.isNegative ? "下降 " + $0.magnitude.moneyText : "+" + $0.moneyText } ?? "变化超过 ±10²⁶") + "）"
                        + (why.isEmpty ? "" : "  " + why.joined(separator: "、")))
        case .morePaysLess(let i): Wording(en: "where more \(i) pays less:", zh: "\(i) 越多反而越少的区间：")
        case .fallingRange(let i, let a, let b, let open, let f, let below, let ref):
            Wording(en: "  \(i) from \(a.moneyText) to \(b.moneyText)\(open ? " (the end of the range)" : ""): \(f) is below \(below.moneyText), what \(ref.moneyText) pays",
                    zh: "  \(i) 从 \(a.moneyText) 到 \(b.moneyText)\(open ? "（到范围终点）" : "")：\(f) 低于 \(i) 为 \(ref.moneyText) 时的 \(below.moneyText)")
        }
    }

    /// A refused probe (`WhatIfError.Reason`) in both languages.
    static func probeWording(_ r: WhatIfError.Reason) -> Wording {
        func inputs(_ i: [String]) -> Wording {
            i.isEmpty ? Wording(en: "this plan has no inputs to vary (its figures come from orders and parameters)", zh: "本方案没有可变化的录入项（数字来自订单和参数）")
                : Wording(en: "inputs are: " + i.joined(separator: ", "), zh: "录入项有：" + list(i, zh: true))
        }
        switch r {
        case .unknownInput(let n, let i): return inputs(i).prefixed(Wording(en: "unknown input '\(n)'; ", zh: "未知录入项 '\(n)'；"))
        case .computedNotEntered(let n, let i): return inputs(i).prefixed(Wording(en: "'\(n)' is computed by a rule, not entered; ", zh: "'\(n)' 由规则计算，不是录入项；"))
        case .outsideYears(let p, let a, let b): return Wording(en: r.english, zh: "\(p) 不在本方案的年份内（\(MessageWords.years(a...b))）")
        case .noRuns: return Wording(en: r.english, zh: "请至少模拟一次：--runs 1000")
        case .noPayFigure(let review):
            return Wording(en: r.english, zh: review ? "这两个方案都没有工资数字（report total …），无法评审" : "本方案没有工资数字（report total …），无法预测")
        case .nothingToResample(let employed):
            return Wording(en: r.english, zh: employed ? "没有可抽样的数据：没有人在职的月份录入过月度数据"
                : "没有可抽样的数据：forecast 从每人以往的月度录入（例如销售额）中抽样，而这里没有任何月度录入")
        case .unknownFigure(let f, let s): return Wording(en: r.english, zh: "未知数字 '\(f)'" + MessageWords.hint(s).zh)
        case .noFigureAt(let f, let p): return Wording(en: r.english, zh: "'\(f)' 在 \(p) 没有数字")
        case .stepTooSmall: return Wording(en: r.english, zh: "步长至少为 0.01")
        case .toBelowFrom(let t, let f): return Wording(en: r.english, zh: "to（\(t.moneyText)）不能小于 from（\(f.moneyText)）")
        case .toNotAboveFrom: return Wording(en: r.english, zh: "to 必须大于 from")
        case .tooManySteps(let n, let m): return Wording(en: r.english, zh: "共 \(n) 步；最多 \(m) 步（请加大步长）")
        case .notAnAmount(let f, let v, let x): return Wording(en: r.english, zh: "\(f) 在 \(x.moneyText) 时为 \(v)：不是金额")
        case .tooMuchWork(let n): return Wording(en: r.english, zh: "查找在试算 \(n) 个录入值后停止：此范围内数字变化的点太多；请缩小范围（from … to …）")
        }
    }

    public static var samples: [WhatIfMessage] {
        let p = Period(grain: .month, start: Month(year: 2026, month: 3)), x = Fixed(100_000), y = Fixed(3_000)
        return [.forkNeedsName, .badForkName("a b"), .forkNameReserved("x"), .forkExists("方案二"), .forked(from: "main", to: "方案二"), .switchToWhich(forks: ["main", "方案二"]),
                .alreadyOn("main"), .cannotSwitch("方案二", because: Wording(en: "no", zh: "不行")), .nowOn("main"), .unknownFork("x", forks: ["main"]),
                .scenariosTakesNothing, .forkDiffers(definitions: 1, inputs: 2, agents: 1), .forkDiffers(definitions: 0, inputs: 0, agents: 0),
                .compareUsage, .compareUsageAfter(problem: OutputLine(ArgumentMessage.needsValue("--out"))), .notAPeriod("2026-13"), .outsideYears(p, from: 2026, to: 2026),
                .compareTitle("main", "方案二", p), .compareUnchanged(3, of: 4, "main", "方案二", p), .compareUnchanged(4, of: 4, "main", "方案二", p), .totalNotKnown(side: "main", agent: "李雷", figure: "pay", code: "#MISSING", why: "缺少录入"),
                .totalTooLarge(side: "main"), .explainVersusUsage, .notAFigureOf("李雷.pay", fork: "main"),
                .versusValues(cell: "李雷.pay[2026-03]", a: "main", valueA: "5,573.00", b: "方案二", valueB: nil, difference: "+1.00, +0.1%"),
                .scenariosAreTheSame, .definitionsDiffer, .changedDefinition("commission", read: true), .onlyIn("bonus", fork: "main", read: false),
                .agentsDiffer, .agentDiffers("李雷", .attributesDiffer), .agentDiffers("李雷", .onlyInFirst), .agentDiffers("李雷", .onlyInSecond), .yearsDiffer(2026...2026, 2026...2027),
                .inputsDiffer, .inputDiffers(cell: "李雷.sales[2026-03]", a: "main", valueA: x, b: "方案二", valueB: nil, read: true), .andMore(3),
                .figuresItReadsDiffer, .figureDiffers(cell: "李雷.commission[2026-03]", a: "main", valueA: "1.00", b: "方案二", valueB: "2.00"),
                .noFigureItReadsDiffers, .givenTwice("for", usage: .solveUsage), .sweepUsage, .solveUsage, .cliffsUsage, .sweepWhichInput,
                .oneInputName("sales x"), .sweepNeedsShow, .needsAmount(.from), .needsAmount(.target),
                .totalOf(figure: "pay", label: "应发工资", cost: true), .totalOf(figure: "pay", label: "应发工资", cost: false),
                .column(.scenario), .column(.differsFromMain), .column(.agent), .column(.figure), .column(.difference), .column(.total), .badAmount(.from, text: "abc", problem: SourceErrorMessage(.inputNotAmount)),
                .badAmount(.target, text: "abc", problem: SourceErrorMessage(.inputNotAmount)), .badAmount(.step, text: "x", problem: SourceErrorMessage(.inputNotAmount)),
                .badAmount(.to, text: "x", problem: SourceErrorMessage(.inputNotAmount)), .badAmount(.threshold, text: "x", problem: SourceErrorMessage(.inputNotAmount)),
                .forTakesOneAgent, .noAgentsYet, .inTakesAMonth, .chosen(firstAgent: "李雷", firstMonth: p), .chosen(firstAgent: nil, firstMonth: p, firstEmployed: "赵强"),
                .notEmployed(.notEmployed(name: "赵强", period: p, hired: Day(year: 2026, month: 4, day: 1), left: nil), employed: (p, p)),
                .notEmployed(.notEmployed(name: "赵强", period: p, hired: nil, left: Day(year: 2026, month: 2, day: 1)), employed: nil), .svgTakesOneFile,
                .noChartWritten("无法写入 曲线.svg"),
                .probe(.unknownInput("x", inputs: ["sales"])), .probe(.unknownInput("x", inputs: [])), .probe(.computedNotEntered("pay", inputs: ["sales"])),
                .probe(.outsideYears(p, from: 2026, to: 2026)), .probe(.noRuns), .probe(.noPayFigure(review: true)), .probe(.noPayFigure(review: false)),
                .probe(.nothingToResample(employed: true)), .probe(.nothingToResample(employed: false)), .probe(.unknownFigure("x")), .probe(.unknownFigure("comission", suggestion: "commission")), .probe(.noFigureAt("pay", p)), .probe(.stepTooSmall),
                .probe(.toBelowFrom(to: y, from: x)), .probe(.toNotAboveFrom), .probe(.tooManySteps(20_000, max: 10_000)),
                .probe(.notAnAmount(figure: "pay", value: "合格", at: x)), .probe(.tooMuchWork(evaluations: 200_000)),
                .sweepHeader(input: "李雷.sales[2026-03]", from: .zero, to: x, step: y), .everyNthRow(2, of: 120), .chartTitle(figure: "pay", input: "sales"),
                .changesAt([(x, "commission_tiers")]), .wrote("曲线.svg"),
                .alreadyReached(goal: "李雷.pay[2026-03] ≥ 3,000.00", input: "李雷.sales[2026-03]", at: .zero, figure: "pay", value: y),
                .leastThatGives(input: "李雷.sales[2026-03]", at: x, goal: "李雷.pay[2026-03] ≥ 9,000.00"),
                .crossedByJump(figure: "pay", before: y, below: x, after: x, at: x, neverPaid: y),
                .leastThatGivesWithValues(input: "李雷.sales[2026-03]", at: x, goal: "李雷.pay[2026-03] ≥ 9,000.00", figure: "pay", value: y, below: x, before: y),
                .unreachable(goal: "李雷.pay[2026-03] ≥ 9,000.00", input: "sales", from: .zero, to: x, best: y, at: x), .thresholdNegative,
                .cliffsHeader(figure: "李雷.pay[2026-03]", input: "李雷.sales[2026-03]", from: .zero, to: x, threshold: Fixed(100)), .noCliffs,
                .cliff(input: "sales", from: x, to: x, figure: "pay", before: y, after: x, change: Fixed(-600), why: ["commission_tiers"]),
                .cliff(input: "sales", from: x, to: x, figure: "pay", before: y, after: x, change: nil, why: []),
                .morePaysLess("sales"), .fallingRange(input: "sales", from: x, to: x, openEnded: true, figure: "pay", below: y, reference: x)]
    }
}

extension Wording {
    /// `prefix`'s texts before these.
    public func prefixed(_ prefix: Wording) -> Wording { Wording(en: prefix.en + en, zh: prefix.zh + zh) }
}

/// Where `sweep`, `solve` and `cliffs` read an amount: after one of their keywords (`from`, `to`,
/// `step`, `threshold`, review's `--threshold`, said as written in both languages), or solve's target after `=` (目标, as its usage names it).
public enum AmountSlot: String, Sendable, CaseIterable {
    case target, from, to, step, threshold
    case thresholdOption = "--threshold"
    /// The place as the messages name it: the keyword itself, or the target (目标).
    public var wording: Wording {
        self == .target ? Wording(en: "the target", zh: "目标") : Wording(en: rawValue, zh: rawValue)
    }
}
