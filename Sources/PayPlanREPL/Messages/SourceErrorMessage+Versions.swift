import PayPlan

extension SourceErrorMessage {
    /// The Chinese text of a problem with a dated version, a `use` line or a plan file's definitions.
    static func chinese(_ p: SourceError.VersionProblem) -> String {
        switch p {
        case .noPlanPart(let n, let parts): "没有名为 '\(n)' 的共用部件；可用部件：\(parts.joined(separator: "、"))"
        case .noBase(let n, let m): "没有名为 '\(n)' 的定义可以自 \(m) 起修改：请先定义它（不写 from），再添加版本"
        case .fromPart(let n, let part): "'\(n)' 来自共用部件 \(part)：请先在方案中定义它（不写 from），再添加版本"
        case .notVersionable(let n, let k): "只有参数、阶梯表和规则可以按日期变更；'\(n)' 是\(chinese(k))"
        case .otherKind(let n, let k, let m, let example): "'\(n)' 是\(chinese(k))，它的版本也必须是\(chinese(k))：from \(m) \(example)"
        case .periodStart(let n, let g, let starts):
            "'\(n)' 是\(MessageWords.grain(g).zh)度规则：它的版本必须从某个\(MessageWords.grain(g).zh)度的第一个月开始（\(starts.map(\.description).joined(separator: "、"))）"
        case .outsideYears(let m, let y): "\(m) 不在方案的年份（\(MessageWords.years(y))）之内：版本只能从其中某个月起生效"
        case .noMonthToChoose(let n, let m, let attr):
            "'\(n)' 自 \(m) 起有变更：\(attr ? "参数或属性" : "参数")没有月份，无法选择版本；请在月度规则中使用它"
        case .twoVersions(let n, let m): "方案中 '\(n)' 有两个自 \(m) 起的版本"
        case .definedTwice(let n): "方案中 '\(n)' 定义了两次"
        case .endsMidDefinition: "方案在这条定义的中间结束了"
        case .oldKindVersions(let n, let starts, let d):
            "'\(n)' 有旧类型的日期版本（自 \(starts.map(\.description).joined(separator: "、"))）：请先删除它们（drop from \(d) \(n)）"
        }
    }

    /// A kind of definition in Chinese: 参数, 阶梯表, 月度规则, 团队季度规则, 订单规则 …
    static func chinese(_ k: SourceError.DefinitionKind) -> String {
        switch k {
        case .parameter: "参数"
        case .rateTable: "阶梯表"
        case .input: "录入项"
        case .attribute: "属性"
        case .orderField: "订单字段"
        case .other: "其他类型的定义"
        case .rule(let dim):
            dim.perOrder ? "订单规则" : (dim.perAgent ? "" : "团队") + (dim.grain == .none ? "" : MessageWords.grain(dim.grain).zh + "度") + "规则"
        }
    }

    /// One sample of every version problem.
    static var versionSamples: [SourceError.VersionProblem] {
        let jul = Month(year: 2026, month: 7), apr = Month(year: 2026, month: 4)
        return [
            .noPlanPart("payroll", parts: ["takehome"]), .noBase("no_such_rate", from: jul), .fromPart("tax", part: "takehome"),
            .notVersionable("sales", kind: .input), .notVersionable("level", kind: .attribute), .notVersionable("amount", kind: .orderField),
            .notVersionable("report", kind: .other),
            .otherKind("tier_commission", kind: .rule(Dimension(grain: .month, perAgent: true)), from: jul, example: "month tier_commission = …"),
            .otherKind("pool", kind: .rule(Dimension(grain: .quarter, perAgent: false)), from: jul, example: "team quarter pool = …"),
            .otherKind("margin", kind: .rule(.order), from: jul, example: "order margin = …"),
            .otherKind("commission_tiers", kind: .rateTable, from: jul, example: "table commission_tiers …"),
            .otherKind("rate", kind: .parameter, from: jul, example: "param rate = …"),
            .periodStart("half_bonus", grain: .half, starts: [Month(year: 2026, month: 1), jul]),
            .outsideYears(Month(year: 2027, month: 1), years: 2026...2026), .outsideYears(apr, years: 2027...2028),
            .noMonthToChoose("damage_cap_rate", from: apr, orAttribute: true), .noMonthToChoose("commission_tiers", from: jul, orAttribute: false),
            .twoVersions("rate", from: jul), .definedTwice("rate"), .endsMidDefinition,
            .oldKindVersions("damage_cap_rate", starts: [apr], drop: apr),
        ]
    }
}
