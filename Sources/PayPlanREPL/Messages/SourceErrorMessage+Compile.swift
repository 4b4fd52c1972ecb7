import PayPlan

extension SourceErrorMessage {
    /// `月度`, `季度`, `半年度`, `年度` (`参数` for none): a figure's period as the Chinese errors say it.
    static func periodic(_ g: Grain) -> String {
        switch g { case .month: "月度"; case .quarter: "季度"; case .half: "半年度"; case .year: "年度"; case .none: "参数" }
    }

    /// What a function takes, in Chinese (the pay language's examples as written).
    static func chinese(_ u: SourceError.ArgumentUsage, _ f: String) -> String {
        switch u {
        case .roundDecimals: "一个金额，可再写保留的小数位数：\(f)(x) 保留 2 位（到分），\(f)(x, 0) 到元"
        case .oneAmount: "一个金额"
        case .amounts: "两个或更多金额（或用 \(f)(x over half) 按期间汇总）"
        case .fallback: "一个值和出错时改用的值：\(f)(sales, 0)"
        case .message: "一段说明文字：error(\"提成方式必须是 individual 或 pool\")"
        case .prorate: "一个金额和折算方式：prorate(base, \"calendar_days\") 或 prorate(base, \"paid_days\")"
        case .missingValue: "一个值：订单没有付款日期时 missing(paid) 为是"
        case .oneDate: "一个日期：\(f)(period_start)"
        case .workdaysAfter: "一个日期和工作日天数：workdays_after(date, 2)"
        case .twoDates: "两个日期：\(f)(date, paid)"
        case .tableAndAmount: "一个阶梯表和一个金额：\(f)(commission_tiers, revenue)"
        case .prev: "一个数字名，可再写往前几期：prev(revenue)、prev(revenue, 3)"
        case .paid: "一个季度、半年度或年度数字：paid(half_bonus)"
        }
    }

    /// The Chinese text of a compiler problem.
    static func chinese(_ p: SourceError.CompileProblem) -> String {
        switch p {
        case .perOrder(let n): "'\(n)' 是逐笔订单的数字；请按订单汇总，例如 sum(\(n) over orders)"
        case .perAgentUnaggregated(let n): "'\(n)' 是每名员工的数字；团队规则或参数必须汇总它，例如 sum(\(n) over agents)"
        case .periodInParameter(let n, let g): "'\(n)' 是\(periodic(g))数字；参数或属性不能依赖它"
        case .finerInCoarser(let n, let g, let r):
            "'\(n)' 是\(periodic(g))数字；在\(periodic(r))规则中请写 sum(\(n) over \(r.keyword)) 或 avg(\(n) over \(r.keyword))"
        case .xOutsideTable: "'x' 代表查表的金额，只能写在阶梯表的档位里"
        case .agentPeriodInTeam(let n, let param): "'\(n)' 是某名员工某期间的数字，不能用在\(param ? "参数" : "团队规则")中"
        case .attributeWithoutAgent(let n): "'\(n)' 是员工属性；团队规则或参数中没有具体员工"
        case .tableAsValue(let n): "'\(n)' 是阶梯表：请写 lookup(\(n), amount)、marginal(\(n), amount) 或 retroactive(\(n), amount)"
        case .fieldOutsideOrder(let n): "'\(n)' 是订单字段；请在订单规则中使用（order x = \(n) …），或汇总它：sum(\(n) over orders)"
        case .perAgentInTeamRule(let n): "'\(n)' 是每名员工的数字；团队规则必须按员工汇总它"
        case .wrongPeriod(let n, let g, let p): "'\(n)' 是\(periodic(g))数字；\(p) 是\(MessageWords.grain(p.grain).zh)"
        case .arguments(let f, let u): "\(f) 需要\(chinese(u, f))"
        case .decimals: "保留的小数位数必须是 0 到 12 的整数"
        case .prorateOutsideAgentPeriod: "prorate 按员工在职的天数折算一个期间的金额；请在每名员工的月度（或季度、半年度、年度）规则中使用"
        case .prorateWay(let how, let ways): "prorate：\"\(how)\" 不是折算方式；请写 \(ways.map { "\"\($0)\"" }.joined(separator: " 或 "))"
        case .tableArgument(let f, let t):
            "\(f) 的第一个参数必须是阶梯表名" + (t.isEmpty ? "；本方案还没有阶梯表" : "；阶梯表有：" + t.joined(separator: "、"))
        case .prevNeedsFigure: "prev 需要一个数字名，例如 prev(revenue)"
        case .periodsBack: "往前几期必须是从 1 起的整数"
        case .paidNeedsFigure: "paid 需要一个季度、半年度或年度数字名，例如 paid(half_bonus)"
        case .paidLonger(let n, let r, let g):
            "paid(\(n)) 在较长期间的最后一个\(MessageWords.grain(r).zh)发放该期间的数字；'\(n)' 是\(periodic(g))数字"
        case .unknownFunction(let n, let fs): "未知函数 '\(n)'；可用函数：\(fs.joined(separator: "、"))"
        case .parameterAggregate: "参数没有期间，无法按期间汇总"
        case .overShorter(let g, let r):
            "\(periodic(r))规则中的 over \(g.keyword)：\(MessageWords.grain(r).zh)比\(MessageWords.grain(g).zh)长；请写 over \(r.keyword) 或更长的期间"
        case .comparesAgents(let f): "\(f) 在员工之间比较：请写 \(f)(x over agents)"
        case .ordersAggregate(let o): o ? "订单规则不能汇总其他订单；请写在月度规则中" : "参数没有期间，无法汇总订单"
        case .ordersInsidePeriods(let fn, let g): "\(fn)(… over \(g.keyword)) 里不能逐月汇总订单；请先把订单汇总写成单独的月度规则（例如 month sales = sum(… over orders)），再汇总它：\(fn)(sales over \(g.keyword))"
        case .orderRuleOverAgents: "订单规则不能按员工汇总；请写在月度规则中"
        case .rankPerAgent(let f): "\(f) 给出一名员工的名次；请在每名员工的规则中使用"
        case .allocateInOrderRule: "allocate(total, weight) 把当月的数字分到各笔订单：请在订单规则中使用，或写 allocate(total, weight over agents)"
        case .allocatePerAgent: "allocate(total, weight over agents) 给每名员工分一份；请在每名员工的规则中使用"
        case .allocateScope: "allocate 只能在订单或员工之间分配"
        case .groupingNotStatic: "订单的归属月份（by 之后）只能用订单字段、参数、属性以及只由它们构成的订单规则，不能用随录入变化的数字"
        case .noFigure(let n, let s): "没有名为 '\(n)' 的数字" + MessageWords.hint(s).zh
        case .teamFigureOnPayslip(let n): "'\(n)' 是团队数字；工资条只列每个人自己的数字"
        }
    }

    /// One sample of every compiler problem and every argument usage.
    static var compileSamples: [SourceError.CompileProblem] {
        let usages: [SourceError.ArgumentUsage] = [.roundDecimals, .oneAmount, .amounts, .fallback, .message, .prorate, .missingValue, .oneDate,
                                                   .workdaysAfter, .twoDates, .tableAndAmount, .prev, .paid]
        return [
            .perOrder("margin"), .perAgentUnaggregated("sales"), .periodInParameter("sales", grain: .month),
            .finerInCoarser("sales", grain: .month, rule: .quarter), .xOutsideTable, .agentPeriodInTeam("sales", parameter: true),
            .agentPeriodInTeam("sales", parameter: false), .attributeWithoutAgent("level"), .tableAsValue("commission_tiers"),
            .fieldOutsideOrder("amount"), .perAgentInTeamRule("sales"), .wrongPeriod("sales", grain: .month, period: Period(text: "2026-Q1")!),
            .decimals, .prorateOutsideAgentPeriod, .prorateWay("按天", ways: ["calendar_days", "paid_days"]),
            .tableArgument(function: "lookup", tables: []), .tableArgument(function: "lookup", tables: ["commission_tiers"]),
            .prevNeedsFigure, .periodsBack, .paidNeedsFigure, .paidLonger("sales", rule: .month, grain: .month),
            .unknownFunction("sqrt", functions: ["round", "sum"]), .parameterAggregate, .overShorter(scope: .month, rule: .quarter),
            .comparesAgents("rank"), .ordersAggregate(orderRule: true), .ordersAggregate(orderRule: false), .ordersInsidePeriods("sum", scope: .half), .orderRuleOverAgents,
            .rankPerAgent("rank"), .allocateInOrderRule, .allocatePerAgent, .allocateScope, .groupingNotStatic,
            .noFigure("bonus"), .noFigure("comission", suggestion: "commission"), .teamFigureOnPayslip("pool"),
        ] + usages.map { .arguments(function: "round", usage: $0) }
    }
}
