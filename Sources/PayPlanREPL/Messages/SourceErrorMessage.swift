import PayPlan

/// A `SourceError` of the lexer, parser, constant amounts or `Agent.set`, rendered from its
/// typed `kind` in English and Chinese, with the definition it is in when the compiler names one
/// (`in 'pay': …`).
public struct SourceErrorMessage: MessageCatalogue {
    public var kind: SourceError.Kind
    /// The definition the error is in (a compile error), or `nil`.
    public var definition: String?

    public init(_ kind: SourceError.Kind, in definition: String? = nil) { self.kind = kind; self.definition = definition }

    public var wording: Wording {
        let w = Wording(en: kind.english, zh: SourceErrorMessage.chinese(kind))
        guard let d = definition else { return w }
        return Wording(en: "in '\(d)': \(w.en)", zh: "在 '\(d)' 中：\(w.zh)")
    }

    /// How a Chinese error names a token: `'x'`, `数字 3`, `行尾`.
    static func chinese(_ t: Token.Kind) -> String {
        switch t {
        case .end: "行尾"
        case .identifier(let s): "'\(s)'"
        case .symbol(let s): "'\(s)'"
        case .number(let n): "数字 \(n)"
        case .string(let s): "文字 \"\(s)\""
        case .date(let d): "日期 \(d)"
        case .period(let p): "期间 \(p)"
        }
    }

    static func chinese(_ r: SourceError.NameRole) -> String {
        switch r {
        case .parameter: "参数名"
        case .field: "字段名"
        case .attribute: "属性名"
        case .input: "录入项名"
        case .table: "阶梯表名"
        case .grossPay: "方案的应发工资数字（use takehome on pay）"
        case .figure: "数字名"
        case .rule: "规则名"
        }
    }

    static func chinese(_ p: SourceError.SymbolPlace) -> String {
        switch p {
        case .afterTableName: "阶梯表名之后"
        case .betweenThresholdAndValue: "档位门槛与它的值之间"
        case .afterRuleName: "规则名之后"
        case .betweenTotalAndWeight: "总额与权重之间（allocate(commission, amount)）"
        }
    }

    /// The Chinese text of a typed kind.
    static func chinese(_ kind: SourceError.Kind) -> String {
        let found = { (t: Token.Kind) in "，实际是 " + chinese(t) }
        switch kind {
        case .unclosedText(let c): return "这段文字缺少结尾的 \(c)"
        case .nameTooLong(let n, let m): return "这个名称有 \(n) 个字符；名称最多 \(m) 个字符"
        case .unexpectedCharacter(let c): return "无法识别的字符 '\(c)'"
        case .percentWithoutNumber(let n):
            return "百分号前面要紧跟一个数字，例如 2% 或 0.5%" + (n.map { "；'\($0)%' 不是这样：\($0) 是百分数的数值时请写 \($0) / 100" } ?? "")
        case .notDateOrPeriod(let t): return "'\(t)' 既不是日期（2026-03-15），也不是期间（2026-03、2026-Q1、2026-H1）"
        case .commaGroup(let t): return "'\(t)'：千位分隔的逗号后须正好三位数字（1,000）；参数之间请在逗号后加空格"
        case .tooManyDecimals(let t, let d): return "'\(t)' 的小数超过 \(d) 位"
        case .tooLarge(let t): return "'\(t)' 太大（金额最大到 10²⁶）"
        case .exponent(let t): return "'\(t)' 不是数字：payplan 不读科学计数法；请把金额写全，例如 100000 或 10万（金额最大到 10²⁶）"
        case .notANumber(let t): return "'\(t)' 不是数字：金额可写作 12万、1.5万、40k、40,000、¥40000 或 2%"
        case .notComputable: return "这个金额无法计算（除以零或数值过大）"
        case .inputNotAmount: return "录入值必须是金额，例如 12万、40k、40,000 或 ¥40000"
        case .nestedTooDeep(let m): return "公式嵌套超过 \(m) 层；请拆成几条规则"
        case .chainTooLong(let m): return "公式里一串相连的项超过约 \(m) 项（用 + - * / and or 连接）；请拆成几条规则，每条算其中一部分，再把它们相加"
        case .fromNeedsMonth(let f): return "from 后面请写变更生效的月份，例如 from 2026-07 table commission_tiers …；这里是 \(chinese(f))"
        case .oneFrom: return "每个定义只能有一个 from 日期"
        case .expectedSymbol(let s, let place, let f): return (place.map(chinese) ?? "") + "应为 '\(s)'" + found(f)
        case .expectedKeyword(let w, let hint, let f):
            switch hint {
            case .afterIfCondition?: return "if 的条件之后应为 '\(w)'" + found(f)
            case .reportColumns?: return "应为 '\(w)'" + found(f) + "（请写 report columns a, b, c 或 report total pay）"
            case nil: return "应为 '\(w)'" + found(f)
            }
        case .trailing(let f): return "完整的语句之后多出 \(chinese(f))（是否缺少运算符或逗号？）"
        case .expectedName(let r, let f): return "应为\(chinese(r))" + found(f)
        case .reservedName(let n, let r): return "'\(n)' 是保留字，不能用作\(chinese(r))"
        case .expectedDefinition(let f): return "应为定义（param、input、table、month、quarter、half、year、team …）" + found(f)
        case .expectedInputPeriod: return "input 后面应写录入的期间：month、quarter、half、year 或 team（订单的数据是字段：field 名称）"
        case .tierSides: return "档位的边界请写作 [lo, hi) 或 (lo, hi]"
        case .expectedTierSeparator(let f): return "阶梯表的档位之间应为 ','，或者表到此结束" + found(f)
        case .thresholdsRise(let t, let p): return "档位门槛必须逐档上升：\(t.moneyText) 排在 \(p.moneyText) 之后"
        case .expectedPlanPart: return "use 后面应写共用部件的名称，例如 use takehome"
        case .payslipSection(let s): return "payslip 后面请写 \(s.joined(separator: "、")) 之一，例如 payslip earnings base_pay, commission"
        case .payslipTotalOne: return "payslip total 只写一个数字，例如 payslip total pay"
        case .rangeSyntax: return "范围请写作 LO..HI、LO.. 或 ..HI，例如 range 0..（不允许负数）"
        case .rangeNeedsEnd: return "范围至少要有一端，例如 range 0.."
        case .rangeEmpty(let l, let u): return "这个范围是空的：\(l.moneyText) 大于 \(u.moneyText)"
        case .rangeEnds: return "范围的两端须是写出来的金额，例如 0、5万 或 -100"
        case .labelsSyntax(let f): return "'labels' 后面请把每个取值和它的中文名写成两段文字，例如 'labels \"cash\" \"现金\", \"net30\" \"月结30天\"'" + found(f)
        case .labelledTwice(let v): return "取值 '\(v)' 的名称写了两次：每个取值只能有一个名称"
        case .labelEmpty(let v?): return "取值 '\(v)' 的名称是空的：请写员工看到的名称"
        case .labelEmpty(nil): return "空的取值不能加名称：请按公式和文件里的写法写取值"
        case .expectedElse(let f): return "应为 'else'" + found(f) + "：每个 if 都要有 else（不发就写 else 0）"
        case .choicesInBrackets(let negated): return "请把选项写在括号里：\(negated ? "not in" : "in") (\"a\", \"b\")"
        case .closeChoices: return "选项之后应为 ')'"
        case .periodOutsideBrackets(let p): return "\(p) 这样的期间只能写在数字名后面的 [ ] 里，例如 revenue[\(p)]"
        case .closeParen: return "这里的 '(' 缺少与之配对的 ')'"
        case .valueNotWord(let n): return "应为一个值，实际是关键字 '\(n)'"
        case .periodInBrackets: return "[ ] 里应写期间，例如 2026-03、2026-Q1、2026-H1 或 2026"
        case .closeBracket: return "期间之后应为 ']'"
        case .endsEarly: return "公式提前结束：这里缺少一个值"
        case .expectedValue(let f): return "应为一个值" + found(f)
        case .closeCall(let n, let f): return "\(n)( 缺少与之配对的 ')'" + found(f)
        case .expectedScope: return "over 后面应写范围：agents、orders、quarter、half 或 year"
        case .needsOver(let n): return "\(n)(…) 需要 over：例如 \(n)(revenue over half) 或 \(n)(sales over agents)"
        case .allocateAmong: return "allocate 只能在订单或员工之间分配：allocate(pool, 1 over agents)"
        case .allocateOrdersOfMonth: return "allocate 只能在当月的订单之间分配"
        case .expectedDate(let k, let t): return "\(k)=\(t)：应为日期，例如 2025-06-01"
        case .expectedBase(let t): return "base=\(t)：应为金额，例如 3000、3k 或 0.3万"
        case .version(let p): return chinese(p)
        case .compile(let p): return chinese(p)
        case .unknownName(let n, let s): return "未知名称 '\(n)'" + MessageWords.hint(s).zh
        }
    }

    /// One sample of every kind (a test holds this list to the cases of `SourceError.Kind`).
    public static var samples: [SourceErrorMessage] {
        let kinds: [SourceError.Kind] = [
            .unclosedText(close: "\""), .nameTooLong(length: 70, maximum: 64), .unexpectedCharacter("@"), .percentWithoutNumber(after: "rate"), .percentWithoutNumber(after: nil), .notDateOrPeriod("2026-13"),
            .commaGroup("1,00"), .tooManyDecimals("0.1234567890123", digits: 12), .tooLarge("1000000000000000000000000000"),
            .exponent("1e6"), .notANumber("12abc"), .notComputable, .inputNotAmount, .nestedTooDeep(maximum: 200), .chainTooLong(maximum: 200),
            .fromNeedsMonth(found: .end), .oneFrom, .expectedSymbol("=", place: .afterRuleName, found: .end),
            .expectedSymbol(":", place: .afterTableName, found: .number(Fixed(3))), .expectedSymbol("->", place: .betweenThresholdAndValue, found: .string("a")),
            .expectedSymbol(",", place: .betweenTotalAndWeight, found: .date(Day(text: "2026-03-01")!)), .expectedSymbol("=", place: nil, found: .period(Period(text: "2026-03")!)),
            .expectedKeyword("then", hint: .afterIfCondition, found: .end), .expectedKeyword("columns", hint: .reportColumns, found: .identifier("pay")),
            .expectedKeyword("hi", hint: nil, found: .symbol(")")),
            .trailing(found: .identifier("sales")), .expectedName(.parameter, found: .end), .expectedName(.field, found: .end),
            .expectedName(.attribute, found: .end), .expectedName(.input, found: .end), .expectedName(.table, found: .end),
            .expectedName(.grossPay, found: .end), .expectedName(.figure, found: .end), .reservedName("month", .rule),
            .expectedDefinition(found: .identifier("foo")), .expectedInputPeriod, .tierSides, .expectedTierSeparator(found: .identifier("x")),
            .thresholdsRise(Fixed(10_000), after: Fixed(20_000)), .expectedPlanPart, .payslipSection(["earnings", "deductions", "info", "total"]),
            .payslipTotalOne, .rangeSyntax, .rangeNeedsEnd, .rangeEmpty(Fixed(5), above: Fixed(1)), .rangeEnds,
            .labelsSyntax(found: .identifier("cash")), .labelledTwice("cash"), .labelEmpty(value: "cash"), .labelEmpty(value: nil), .expectedElse(found: .end),
            .choicesInBrackets(negated: true), .choicesInBrackets(negated: false), .closeChoices, .periodOutsideBrackets(Period(text: "2026-03")!),
            .closeParen, .valueNotWord("then"), .periodInBrackets, .closeBracket, .endsEarly, .expectedValue(found: .symbol("*")),
            .closeCall("round", found: .end), .expectedScope, .needsOver("sum"), .allocateAmong, .allocateOrdersOfMonth,
            .expectedDate(key: "hired", text: "2026-13-01"), .expectedBase("abc"), .unknownName("revnue", suggestion: "revenue"), .unknownName("pay", suggestion: nil),
        ] + versionSamples.map { .version($0) } + compileSamples.map { .compile($0) }
        return kinds.map { SourceErrorMessage($0) } + [SourceErrorMessage(.endsEarly, in: "pay")]
    }
}
