import PayPlan

/// Renders a `PlainExplanation` as sentences in Chinese or English, with the numbers filled in:
/// each figure by its label (Chinese) or name (English), each tier in words with its boundary
/// side (含/不含, inclusive/exclusive), each rounding said once.
public struct PlainRenderer {
    public var language: DisplayLanguage
    /// Whether the figure being explained is a rate (`FigureName.isRate`): its fixed results read as
    /// percents too (毛利加减点 0%：…，所以为 0%).
    var explainingRate = false
    /// The plan's value labels (`Plan.valueLabelsByValue`: `cash` → 现金), by which a text value reads
    /// under zh; a value without one reads as written.
    public var valueLabels: [String: String]
    public init(language: DisplayLanguage, valueLabels: [String: String] = [:]) { self.language = language; self.valueLabels = valueLabels }
    var zh: Bool { language == .zh }

    /// A rule name as words, for staff reading English: `monthly_bonus` → "monthly bonus", `hf_base` → "housing fund base".
    public static func readable(_ name: String) -> String {
        let words = ["hf": "housing fund", "pct": "%", "avg": "average", "ok": "met", "si": "social insurance", "ytd": "year-to-date"]
        return name.split(separator: "_").map { words[String($0)] ?? String($0) }.joined(separator: " ")
    }

    /// A figure's name in English sentences: the plan's label when it is written in English (no Chinese
    /// in it), else words made from the name (`tier_commission` → "tier commission"), never the identifier.
    public static func englishName(_ name: String, label: String?) -> String {
        if let l = label, !l.isEmpty, !l.unicodeScalars.contains(where: { $0.properties.isIdeographic }) { return l }
        return readable(name)
    }

    /// The explanation as lines: the figure's sentence, then (indented) the sentences of the
    /// figures it reads; with `orders`, the orders behind each order-built figure.
    public func lines(_ ex: PlainExplanation, orders: Bool = false, indent: String = "") -> [String] {
        var out = [indent + sentence(ex)]
        if orders {
            for s in ex.orderSummaries() {
                let what = s.value.map(name) ?? (zh ? "订单" : "orders")
                // Orders that add nothing are counted, not listed.
                let shown = s.lines.filter { !($0.value.number?.isZero ?? false) || s.op == .count }
                let rest = s.lines.count - shown.count
                out.append(indent + "  " + tidy(zh ? "\(s.filter.map { filterWords(s, $0) } ?? "")订单 \(s.matching) 笔（\(what)）" + (rest > 0 ? "，其中 \(rest) 笔为 0 未列出：" : "：")
                                                : "\(s.matching) orders (\(what))" + (rest > 0 ? ", \(rest) of them 0 and not listed:" : ":")))
                for l in shown { out.append(indent + "    \(l.id)  \(l.date)  \(value(l.value))") }
            }
        }
        for p in ex.parts { out += lines(p, orders: orders, indent: indent + "  ") }
        return out
    }

    /// One sentence: "李雷 2026年3月提成 3,473.00 元：…。"
    public func sentence(_ ex: PlainExplanation) -> String {
        tidy(headline(ex)) + (ex.version.map { zh ? "（\(versionWords($0))）" : " (\(versionWords($0)))" } ?? "") + (zh ? "：" : ": ") + body(ex)
            + silentOrderNote(ex)
            + (ex.part.map { zh ? "（规则来自共用部件 \($0)，use \($0)）" : " (from the \($0) part (use \($0)))" } ?? "") + (zh ? "。" : ".")
    }

    /// An order credited to nobody (闷拍, A4) has no agent's figure to read: said when that is why it is `#MISSING`.
    func silentOrderNote(_ ex: PlainExplanation) -> String {
        guard ex.order != nil, ex.agent == nil, case .error(let e) = ex.figure.value, e.kind == .missing else { return "" }
        return zh ? "；这笔订单没有归属任何员工（闷拍），没有员工的数字可读" : "; this order is credited to no agent (a silent order), so there is no agent's figure to read"
    }

    /// Chinese text needs no space after a full-width bracket or before 档; an unlabelled name is set off
    /// from the Chinese around it (`unlabelled`).
    func tidy(_ s: String) -> String {
        zh ? Self.spaceUnlabelled(s.replacingOccurrences(of: "） ", with: "）").replacingOccurrences(of: " 档", with: "档").replacingOccurrences(of: " （", with: "（")) : s
    }

    /// Marks both ends of a name the plan gives no label (`z`, `bonus2`): `tidy` turns each mark into a
    /// space where it meets other text (2026年3月 z 240,000.00 元, not 2026年3月z), and drops it at the
    /// text's ends, beside spaces and beside full-width punctuation (（z）).
    static func unlabelled(_ name: String) -> String { "\(nameMark)\(name)\(nameMark)" }
    static let nameMark: Character = "\u{E000}"
    static let noSpaceBeside: Set<Character> = [" ", "（", "）", "，", "。", "：", "；", "、", "「", "」", "\u{E000}"]

    /// Resolves the marks of `unlabelled`.
    static func spaceUnlabelled(_ s: String) -> String {
        guard s.contains(nameMark) else { return s }
        let cs = Array(s)
        var out = "", opened = false
        for (i, c) in cs.enumerated() {
            guard c == nameMark else { out.append(c); continue }
            // An opening mark looks at the text before the name, a closing one at the text after it.
            let neighbour = opened ? (i + 1 < cs.count ? cs[i + 1] : nil) : (i > 0 ? cs[i - 1] : nil)
            opened.toggle()
            if let n = neighbour, !noSpaceBeside.contains(n) { out.append(" ") }
        }
        return out
    }

    /// "李雷 2026年3月提成 3,473.00 元" / "李雷's commission for 2026-03 is 3,473.00".
    public func headline(_ ex: PlainExplanation) -> String {
        var v = figureValue(ex.figure)
        var money = isMoney(ex.figure)
        // A place is a whole number: 名次 第 3 名 (0: 未排名), not 3.00 元.
        if ex.figure.isPlace, case .number(let n) = ex.figure.value {
            let place = n.format(minimumFractionDigits: 0, grouping: false)
            v = n.isZero ? (zh ? "未排名" : "0 (not ranked)") : (zh ? "第 \(place) 名" : place)
            money = false
        }
        // A plain number with no label (param zz = 5) is not money: zz 5, as the plan writes it, not 5.00 元.
        if ex.figure.label == nil, case .formula(.constant(let c)) = ex.how, case .number = c, !ex.figure.isRate {
            v = constant(c)
            money = false
        }
        if zh {
            // An order's figure names the order (and whose it is): 订单 O1（李雷）.
            let who = ex.order.map { o in "订单 \(o)" + (ex.agent.map { "（\($0)）" } ?? "") + " " } ?? ex.agent.map { $0 + " " } ?? ""
            return who + (ex.period.map(period) ?? "") + name(ex.figure) + " " + v + (money ? " 元" : "")
        }
        let who = ex.order.map { o in "order \(o)" + (ex.agent.map { " (\($0))" } ?? "") + "'s " } ?? ex.agent.map { $0 + "'s " } ?? ""
        return who + name(ex.figure) + (ex.period.map { " for " + period($0) } ?? "") + " is " + v
    }

    /// The sentence without its headline: what the statement's 说明 column shows.
    public func body(_ ex: PlainExplanation) -> String {
        if ex.figure.isRate != explainingRate { var r = self; r.explainingRate = ex.figure.isRate; return r.body(ex) }
        // A prorated amount rounded to the fen says the rounded figure once, where the sum ends:
        // 底薪 3,000.00 × 在职 30/31 天（按日历日折算）= 2,903.23（四舍五入到分）, not = 2,903.225806 and then the rounding.
        if case .formula(.prorated(let amount, let basis, let e, _)) = ex.how, let r = ex.rounding, r.unit == nil, r.digits == 2, r.function == .round {
            return tidy(prorated(amount, basis, e) + " = " + r.after.moneyText + (zh ? "（四舍五入到分）" : " (rounded to the fen)"))
        }
        var s = how(ex.how)
        if let r = ex.rounding { s += rounding(r) }
        if let w = ex.withheld { s += withheld(w, ex.period) }
        return tidy(s)
    }

    /// What a condition withheld (`PlainExplanation.withheld`, M1): "；没有这个条件时为 982.00，本月不发".
    func withheld(_ w: Value, _ p: Period?) -> String {
        let this: (String, String)
        switch p?.grain {
        case .month?: this = ("本月", "this month")
        case .quarter?: this = ("本季度", "this quarter")
        case .half?: this = ("本半年", "this half-year")
        case .year?: this = ("本年", "this year")
        default: this = ("", "")
        }
        return zh ? "；没有这个条件时为 \(value(w))，\(this.0)不发"
            : "; without this condition it would be \(value(w)), which is not paid" + (this.1.isEmpty ? "" : " " + this.1)
    }

    /// `prorate(amount, basis)` without its result: "底薪 3,000.00 × 在职 30/31 天（按日历日折算）".
    func prorated(_ amount: Phrase, _ basis: Proration, _ e: Employment) -> String {
        let a = phrase(amount)
        switch (basis, zh) {
        case (.calendarDays, false): return "\(a) × \(e.daysEmployed) of \(e.periodDays) calendar days employed"
        case (.calendarDays, true): return "\(a) × 在职 \(e.daysEmployed)/\(e.periodDays) 天（按日历日折算）"
        case (.paidDays, false): return "\(a) × \(e.paidDaysEmployed) paid days employed (Monday–Friday) ÷ \(paidDivisor(e))"
        case (.paidDays, true): return "\(a) × 在职计薪日 \(e.paidDaysEmployed) 天（周一至周五）÷ \(paidDivisor(e))（按计薪日折算）"
        }
    }

    func rounding(_ r: PlainExplanation.Rounding) -> String {
        if let u = r.unit {
            // As a payroll clerk writes it: 按 0.01 元四舍五入（149.996 → 150.00）.
            let change = "\(r.before.format(minimumFractionDigits: 2)) → \(r.after.format(minimumFractionDigits: 2))", unit = u.format(minimumFractionDigits: 0)
            switch (r.function, zh) {
            case (.round, true): return "，按 \(unit) 元四舍五入（\(change)）"
            case (.floor, true): return "，按 \(unit) 元向下取整（\(change)）"
            case (_, true): return "，按 \(unit) 元向上取整（\(change)）"
            case (.round, false): return ", rounded to the nearest \(unit) yuan (\(change))"
            case (.floor, false): return ", rounded down to \(unit) yuan (\(change))"
            default: return ", rounded up to \(unit) yuan (\(change))"
            }
        }
        let change = "\(shortBefore(r.before, digits: r.digits)) → \(r.after.format(minimumFractionDigits: r.digits))"
        switch (r.function, r.digits, zh) {
        case (.round, 2, true): return "，四舍五入到分（\(change)）"
        case (.round, _, true): return "，四舍五入保留 \(r.digits) 位小数（\(change)）"
        case (.floor, _, true): return "，向下取到 \(r.digits) 位小数（\(change)）"
        case (_, _, true): return "，向上取到 \(r.digits) 位小数（\(change)）"
        case (.round, 2, false): return ", rounded to the fen (\(change))"
        case (.round, _, false): return ", rounded to \(r.digits) decimal\(r.digits == 1 ? "" : "s") (\(change))"
        case (.floor, _, false): return ", rounded down to \(r.digits) decimal\(r.digits == 1 ? "" : "s") (\(change))"
        default: return ", rounded up to \(r.digits) decimal\(r.digits == 1 ? "" : "s") (\(change))"
        }
    }

    /// The amount before rounding, to at most 4 decimals (2 more than kept when more are kept), with
    /// 约/about when it has more: 55.9322033898 reads 约 55.9322.
    func shortBefore(_ x: Fixed, digits: Int) -> String {
        var keep = min(Fixed.fractionDigits, max(4, digits + 2)), cut = x.rounded(toDigits: keep)
        // More decimals while the shortened figure would read as already rounded (4.99995 is not 5.0000).
        while keep < Fixed.fractionDigits, cut.rounded(toDigits: digits) == cut { keep += 1; cut = x.rounded(toDigits: keep) }
        return (cut == x ? "" : (zh ? "约 " : "about ")) + cut.format(minimumFractionDigits: 2)
    }

    func how(_ h: PlainExplanation.How) -> String {
        switch h {
        case .entered: return zh ? "已录入" : "entered"
        case .defaulted(let d): return d ? (zh ? "未录入，用方案的默认值" : "not entered, so the plan's default") : (zh ? "未录入" : "not entered")
        case .formula(.tier(let t)): return tierSentence(t)
        case .formula(.constant(let v)):
            // A rate's fixed 0 is 0% (所以为 0%), as its headline says; other rates already read as percents.
            let c = explainingRate && v.number?.isZero == true ? "0%" : constant(v)
            return zh ? "为 \(c)" : "it is \(c)"
        case .formula(.figure(let f, .attribute, _)): return zh ? "取员工资料中的\(name(f)) \(value(f.value))" : "the agent's \(name(f)) attribute, \(value(f.value))"
        case .formula(.figure(let f, .parameter, _)): return zh ? "取方案参数\(name(f)) \(parameterValue(f))" : "the plan's parameter \(name(f)), \(parameterValue(f))"
        // A yes/no figure that is yes: its condition said as what is the case.
        case .formula(let p) where Self.isCondition(p): return statement(p, holds: true)
        case .formula(let p): return phrase(p)
        case .because(let c, let holds, let then):
            // "在岗销售：否，所以为 0"; a formula taken reads after a comma.
            let reason = statement(c, holds: holds)
            if case .formula(.constant) = then { return reason + (zh ? "，所以" : ", so ") + how(then) }
            return reason + (zh ? "，" : ", so ") + how(then)
        case .fails(let parts):
            // Each failing part said as what is the case: 入职月数 37 超过 试用期月数 3.
            return parts.map { statement($0, holds: false) }.joined(separator: zh ? "；" : "; ")
        case .error(let e, let o):
            return zh ? "无法计算（\(e.code)）：\(EvalErrorMessage.chinese(e.detail))" + (o.map { "，源自\(origin($0))" } ?? "") : "cannot be computed (\(e.code)): \(e.message)" + (o.map { ", from \(origin($0))" } ?? "")
        case .team: return zh ? "由全体员工的数字汇总或分摊" : "an aggregate or share over all agents"
        }
    }

    static func isCondition(_ p: Phrase) -> Bool {
        switch p {
        case .compare, .and, .or, .not: true
        case .function(.missing, _, _): true
        default: false
        }
    }

    /// A condition said as a sentence that is true: itself when `holds`, its opposite when not —
    /// "入职月数 37 超过 试用期月数 3" for `tenure <= probation_months` that does not hold, "在岗销售：否"
    /// for `not on_staff` that holds, "提成方式为 个人（不是 团队池）" for a text that differs.
    func statement(_ p: Phrase, holds: Bool) -> String {
        switch p {
        case .not(let a): return statement(a, holds: !holds)
        case .and(let a, let b):
            // An `and` that holds: both parts; one that does not: the parts that failed (the builder kept only those).
            return holds ? statement(a, holds: true) + (zh ? " 且 " : " and ") + statement(b, holds: true)
                : statement(a, holds: false) + (zh ? "；" : "; ") + statement(b, holds: false)
        case .or(let a, let b):
            return holds ? statement(a, holds: true) + (zh ? " 或 " : " or ") + statement(b, holds: true)
                : statement(a, holds: false) + (zh ? "；" : "; ") + statement(b, holds: false)
        case .figure(let f, _, _):
            guard case .bool(let b) = f.value else { break }
            return zh ? "\(name(f))：\(b ? "是" : "否")" : "\(name(f)): \(b ? "yes" : "no")"
        case .builtin(let n, .bool(let b)):
            return phrase(.builtin(n, .bool(b)))
        case .function(.missing, let args, _):
            let what = args.first.map(bareName) ?? ""
            return zh ? (holds ? "\(what) 未录入" : "\(what) 已录入") : (holds ? "\(what) is not entered" : "\(what) is entered")
        case .compare(let op0, let a, let b):
            let op = holds ? op0 : op0.opposite
            // A place compared with 0: ranked or not.
            if case .figure(let f, _, _) = a, f.isPlace, case .constant(.number(let z)) = b, z.isZero, op == .eq || op == .ne {
                // Not ranked is said as such, never as the code 0 (未进入排名, not 名次为 0).
                return op == .eq ? (zh ? "未进入排名" : "not ranked") : (zh ? "排名第 \(value(f.value))" : "in place \(value(f.value))")
            }
            // A text compared with a word of the plan: 提成方式为 个人（不是 团队池）.
            if op == .eq || op == .ne, case .constant(.text(let w)) = b, case .figure(let f, _, _) = a {
                let word = value(.text(w))
                if op == .eq { return zh ? "\(name(f))为 \(word)" : "\(name(f)) is \(word)" }
                return zh ? "\(name(f))为 \(value(f.value))（不是 \(word)）" : "\(name(f)) is \(value(f.value)) (not \(word))"
            }
            let words: [CompareOp: (String, String)] = [.lt: ("低于", "is below"), .le: ("不超过", "is at most"), .gt: ("超过", "is above"),
                                                        .ge: ("达到", "is at least"), .eq: ("等于", "equals"), .ne: ("不等于", "does not equal")]
            return "\(phrase(a)) \(zh ? words[op]!.0 : words[op]!.1) \(phrase(b))"
        default: break
        }
        return holds ? phrase(p) : (zh ? "\(phrase(p)) 不成立" : "not \(phrase(p))")
    }

    /// A figure's name without its value (for `missing(…)`), else the phrase.
    func bareName(_ p: Phrase) -> String {
        if case .figure(let f, _, _) = p { return name(f) }
        return phrase(p)
    }

    /// An operand of a limit with its value when the phrase does not already end in it (a product).
    func withValue(_ p: Phrase, _ v: Value) -> String {
        switch p {
        case .figure, .constant, .amount, .bound, .value, .builtin, .above: return phrase(p)
        default: return phrase(p) + " = " + amountText(v)
        }
    }

    /// `min`/`max` of two amounts as a limit: "售后成本 260.00 超出售后成本底线 约 141.51 的部分 约 118.49",
    /// "应扣赔偿 500.00（不超过 上限 …）", "… 为负，按 0 计".
    func bound(_ f: Function, _ a: Phrase, _ b: Phrase, _ values: [Value], _ result: Value) -> String {
        let zeroFirst = { if case .constant(.number(let z)) = a, z.isZero { true } else { false } }()
        let zeroSecond = { if case .constant(.number(let z)) = b, z.isZero { true } else { false } }()
        if f == .max, zeroFirst != zeroSecond {
            let (o, v) = zeroFirst ? (b, values[1]) : (a, values[0])
            let negative = v.number.map { $0 < .zero } ?? false
            if case .arithmetic(.subtract, let x, let y) = o {
                if negative || v.number?.isZero == true {
                    return zh ? "\(phrase(x)) 未超出 \(phrase(y))，按 0 计" : "\(phrase(x)) is not above \(phrase(y)), so 0"
                }
                // Nothing to take off (January's tax: nothing withheld before): the amount itself.
                if Self.isZero(y) { return phrase(x) }
                return zh ? "\(phrase(x)) 超出 \(phrase(y)) 的部分 \(amountText(result))" : "the part of \(phrase(x)) above \(phrase(y)), \(amountText(result))"
            }
            if negative { return zh ? "\(withValue(o, v)) 为负，按 0 计" : "\(withValue(o, v)) is below 0, so 0" }
            return withValue(o, v)
        }
        guard values.count == 2, case .number(let va) = values[0], case .number(let vb) = values[1] else {
            let word = zh ? (f == .min ? "取较小者" : "取较大者") : f.rawValue
            return zh ? "\(word)（\(phrase(a))，\(phrase(b))）= \(value(result))" : "\(word)(\(phrase(a)), \(phrase(b))) = \(value(result))"
        }
        let first = withValue(a, values[0]), second = withValue(b, values[1])
        if f == .min {
            if va <= vb { return zh ? "\(first)（不超过 \(second)）" : "\(first) (at most \(second))" }
            return zh ? "\(first) 超过 \(second)，按 \(amountText(values[1])) 计" : "\(first) is above \(second), so \(amountText(values[1]))"
        }
        if va >= vb { return zh ? "\(first)（不低于 \(second)）" : "\(first) (at least \(second))" }
        return zh ? "\(first) 低于 \(second)，按 \(amountText(values[1])) 计" : "\(first) is below \(second), so \(amountText(values[1]))"
    }

    /// A phrase that is 0: the constant or a figure whose value is 0.
    static func isZero(_ p: Phrase) -> Bool {
        switch p {
        case .constant(.number(let n)): n.isZero
        case .figure(let f, _, _): f.value.number?.isZero ?? false
        default: false
        }
    }

    /// A computed amount as a reader takes it: to the fen, with 约/about when the exact figure has more
    /// decimals (141.509 reads 约 141.51; a fraction 0.559322 reads 约 55.93%). Exact amounts read as they are.
    func amountText(_ v: Value) -> String {
        guard case .number(let n) = v, n.rounded(toDigits: 2) != n else { return value(v) }
        let about = zh ? "约 " : "about "
        if n.magnitude < Fixed.one, let pct = Fixed.checkedMultiply(n, Fixed(raw: 100 * Fixed.scale)) {
            return about + pct.rounded(toDigits: 2).format(minimumFractionDigits: 2, grouping: false) + "%"
        }
        return about + n.rounded(toDigits: 2).moneyText
    }

    /// An agent's place: "按排名业绩 16,000.00 排第 2（参加排名：排名业绩 16,000.00 达到 排名业绩门槛 15,000）".
    func rank(_ own: Phrase, _ filter: Phrase?, _ ties: Bool, _ result: Value) -> String {
        let n = result.number.map { $0.format(minimumFractionDigits: 0) } ?? value(result)
        if case .number(let r) = result, r.isZero, let filter {
            return zh ? "\(statement(filter, holds: false))，不参加排名" : "\(statement(filter, holds: false)), so not ranked"
        }
        let among = filter.map { zh ? "（参加排名：\(statement($0, holds: true))）" : " (taking part: \(statement($0, holds: true)))" } ?? ""
        if ties { return zh ? "按\(phrase(own)) 有 \(n) 人并列\(among)" : "\(n) agents tie on \(phrase(own))\(among)" }
        return zh ? "按\(phrase(own)) 排第 \(n)\(among)" : "in place \(n) by \(phrase(own))\(among)"
    }

    /// Plan B's tie split, `(marginal(prize, place + tied) − marginal(prize, place)) / tied`, in words: the
    /// prizes of the places the tied agents take, and how many share them: "并列的 2 人平分第 2–3 名的名次奖金
    /// 300.00（第 1–3 名合计 600.00 − 第 1 名 300.00）" (marginal(prize, n) adds the prizes of places 1 to n − 1).
    /// `nil` when the places are not whole numbers.
    func tiedPlaces(_ upTo: Tier, _ placeAmount: Fixed, _ beforeResult: Value, _ tied: Phrase) -> String? {
        guard let end = upTo.amount.wholeNumber, let place = placeAmount.wholeNumber, end > place, place >= 1,
              case .number(let all) = upTo.result, case .number(let earlier) = beforeResult,
              let share = Fixed.checkedSubtract(all, earlier) else { return nil }
        let n = end - place, last = end - 1, table = tableName(upTo)
        func places(_ a: Int, _ b: Int) -> String { a == b ? (zh ? "第 \(a) 名" : "place \(a)") : (zh ? "第 \(a)–\(b) 名" : "places \(a)–\(b)") }
        let from = place == 1 ? "" : (zh ? "（\(places(1, last))合计 \(value(.number(all))) − \(places(1, place - 1)) \(value(.number(earlier)))）"
                                           : " (\(places(1, last)) together \(value(.number(all))) − \(places(1, place - 1)) \(value(.number(earlier))))")
        if n == 1 {
            return zh ? "\(places(place, last))的\(table) \(value(.number(share)))\(from)，无人并列" : "the \(table) of \(places(place, last)), \(value(.number(share)))\(from), no tie"
        }
        return zh ? "并列的 \(n) 人平分\(places(place, last))的\(table) \(value(.number(share)))\(from)"
            : "the \(n) tied share the \(table) of \(places(place, last)), \(value(.number(share)))\(from)"
    }

    /// "营业总额 149,100.00（…）落在 10万（含）–20万（不含）档，按 … 计算".
    func tierSentence(_ t: Tier) -> String {
        let arg = phrase(t.argument)
        // A place is a whole number: 排名第 3, not a tier from 3 to 4.
        if case .figure(let f, _, _) = t.argument, f.isPlace, let row = t.row {
            return zh ? "排名第 \(t.amount.format(minimumFractionDigits: 0))，\(tableName(t))为 \(phrase(row))"
                : "in place \(t.amount.format(minimumFractionDigits: 0)), so \(tableName(t)) is \(phrase(row))"
        }
        guard let lo = t.lower else {
            return zh ? "\(arg) 按\(tableName(t))超额累进计算" : "\(arg) through \(tableName(t)), each rate on its slice"
        }
        var where_ = zh ? "\(arg) 落在 \(bounds(lo, t.upper, t.sides)) 档" : "\(arg) falls in the tier \(bounds(lo, t.upper, t.sides))"
        if let v = t.version { where_ += zh ? "（\(tableName(t)) \(versionWords(v))）" : " (\(tableName(t)), \(versionWords(v)))" }
        guard let row = t.row else { return where_ }
        let rowText = phrase(row)
        switch (t.op, row) {
        case (.retroactive, _): return where_ + (zh ? "，全额按 \(rowText) 计算" : ", the whole amount at \(rowText)")
        case (_, .constant): return where_ + (zh ? "，\(tableName(t))为 \(rowText)" : ", so \(tableName(t)) is \(rowText)")
        default: return where_ + (zh ? "，按 \(rowText) 计算" : ", computed as \(rowText)")
        }
    }

    /// "10万（含）–20万（不含）", "20万（含）以上"; English "from 10万 (inclusive) to 20万 (exclusive)".
    func bounds(_ lo: Fixed, _ hi: Fixed?, _ sides: TierSides) -> String {
        let l = constant(.number(lo)), lowerIn = sides == .lowerInclusive
        if zh {
            guard let hi else { return lowerIn ? "\(l)（含）以上" : "超过 \(l)" }
            return "\(l)（\(lowerIn ? "含" : "不含")）–\(constant(.number(hi)))（\(lowerIn ? "不含" : "含")）"
        }
        guard let hi else { return lowerIn ? "from \(l) (inclusive) up" : "above \(l)" }
        return "from \(l) (\(lowerIn ? "inclusive" : "exclusive")) to \(constant(.number(hi))) (\(lowerIn ? "exclusive" : "inclusive"))"
    }

    func tableName(_ t: Tier) -> String { zh ? (t.label ?? Self.unlabelled(t.table)) : Self.englishName(t.table, label: t.label) }

    /// "version from 2026-07" / "2026-07 起的版本"; the definition as first written is
    /// "version before 2026-07" / "2026-07 之前的版本".
    func versionWords(_ v: VersionUsed) -> String {
        if let from = v.from { return zh ? "\(from) 起的版本" : "version from \(from)" }
        let next = v.next.map { "\($0)" } ?? ""
        return zh ? "\(next) 之前的版本" : "version before \(next)"
    }

    /// Where an error value started, by its figure's label: "李雷 2026年3月的提成", "订单 T1 的提成份额",
    /// "2026年3月的提成池", "参数 底薪"; English "李雷's commission (提成) for 2026-03" — words made from
    /// the name, with a Chinese label beside them so the owner finds the figure in the plan.
    public func origin(_ o: ErrorOrigin) -> String {
        let c = o.cell
        if zh {
            let what = o.label ?? Self.unlabelled(c.figure)
            let whose = c.order.map { "订单 \($0) 的" } ?? c.agent.map { "\($0) " } ?? ""
            if c.order == nil, c.agent == nil, c.period == nil { return tidy("参数 " + what) }
            return tidy(whose + (c.period.map { period($0) + "的" } ?? "") + what)
        }
        let words = Self.englishName(c.figure, label: o.label)
        let what = words + (o.label.map { $0 == words ? "" : " (\($0))" } ?? "")
        let whose = c.order.map { "order \($0)'s " } ?? c.agent.map { "\($0)'s " } ?? (c.period == nil ? "the parameter " : "the team's ")
        return whose + what + (c.period.map { " for \($0)" } ?? "")
    }

    /// Where an error value started (`origin(_:)`), in both languages.
    public static func originWording(_ o: ErrorOrigin) -> Wording {
        Wording(en: PlainRenderer(language: .en).origin(o), zh: PlainRenderer(language: .zh).origin(o))
    }

    /// A figure's name as the reader sees it: the label in Chinese; in English the label when it is
    /// English, else words made from the name (`englishName`).
    public func name(_ f: FigureName) -> String {
        let n = zh ? (f.label ?? Self.orderColumnWords[f.name] ?? Self.unlabelled(f.name)) : Self.englishName(f.name, label: f.label)
        guard let p = f.period else { return n }
        return zh ? "\(period(p))的\(n)" : "\(n) of \(p)"
    }

    func phrase(_ p: Phrase) -> String {
        switch p {
        case .figure(let f, let kind, let detail):
            if case .bool(let b) = f.value { return zh ? "\(name(f))：\(b ? "是" : "否")" : "\(name(f)) \(b ? "yes" : "no")" }
            if kind == .parameter {
                // A dated parameter says which version it read: 底薪 3,500.00（2026-04 起的版本）.
                return "\(name(f)) \(parameterValue(f))" + (f.version.map { zh ? "（\(versionWords($0))）" : " (\(versionWords($0)))" } ?? "")
            }
            // An attribute below 1 is a rate the plan writes as a percent (公积金比例 5%), as a clerk reads it.
            if kind == .attribute, case .number(let n) = f.value, !n.isZero, n.magnitude < Fixed.one { return "\(name(f)) \(constant(f.value))" }
            let shown = Self.countOrRate(f) ? figureValue(f) : kind == .rule || kind == .team ? amountText(f.value) : value(f.value)
            return "\(name(f)) \(shown)" + (detail.map { zh ? "（\(phrase($0))）" : " (\(phrase($0)))" } ?? "")
        case .constant(let v): return constant(v)
        case .amount(let x): return x.moneyText
        case .above(let t, let part): return zh ? "超出 \(constant(.number(t))) 的部分 \(part.moneyText)" : "the part above \(constant(.number(t))), \(part.moneyText)"
        case .arithmetic(.divide, .arithmetic(.subtract, .tier(let upTo), .tier(let before)), let tied)
            where upTo.op == .marginal && before.op == .marginal && upTo.table == before.table:
            if let said = tiedPlaces(upTo, before.amount, before.result, tied) { return said }
            return "（" + phrase(.tier(upTo)) + " − " + phrase(.tier(before)) + "）÷ " + phrase(tied)
        // The same at first place, where marginal(prize, 1) is 0 and was dropped: places 1 to the number tied.
        case .arithmetic(.divide, .tier(let upTo), .figure(let tied, let kind, let detail))
            where upTo.op == .marginal && tied.value.number.map { Fixed.checkedSubtract(upTo.amount, $0) == .one } == true:
            if let said = tiedPlaces(upTo, .one, .number(.zero), .figure(tied, kind: kind, detail: detail)) { return said }
            return phrase(.tier(upTo)) + " ÷ " + phrase(.figure(tied, kind: kind, detail: detail))
        case .arithmetic(let op, let a, let b):
            let symbol = [ArithmeticOp.add: "+", .subtract: "−", .multiply: "×", .divide: "÷"][op]!
            func operand(_ x: Phrase, right: Bool = false) -> String {
                if op == .multiply || op == .divide, case .arithmetic(let o, _, _) = x, o == .add || o == .subtract { return zh ? "（" + phrase(x) + "）" : "(" + phrase(x) + ")" }
                if op == .multiply || op == .divide, case .bound = x { return zh ? "（" + phrase(x) + "）" : "(" + phrase(x) + ")" }
                // a − (b + c) is not a − b + c: a sum or difference after a minus keeps its brackets.
                if op == .subtract, right, case .arithmetic(let o, _, _) = x, o == .add || o == .subtract { return zh ? "（" + phrase(x) + "）" : "(" + phrase(x) + ")" }
                // a ÷ (b × c) is not a ÷ b × c.
                if op == .divide, right, case .arithmetic(let o, _, _) = x, o == .multiply || o == .divide { return zh ? "（" + phrase(x) + "）" : "(" + phrase(x) + ")" }
                return phrase(x)
            }
            return "\(operand(a)) \(symbol) \(operand(b, right: true))"
        case .negate(let a):
            // −(b + c), not −b + c.
            if case .arithmetic(let o, _, _) = a, o == .add || o == .subtract { return zh ? "−（" + phrase(a) + "）" : "−(" + phrase(a) + ")" }
            return "−" + phrase(a)
        case .compare(let op, let a, let b):
            let symbol = [CompareOp.eq: "=", .ne: "≠", .lt: "<", .le: "≤", .gt: ">", .ge: "≥"][op]!
            return "\(phrase(a)) \(symbol) \(phrase(b))"
        case .and(let a, let b): return "\(phrase(a))\(zh ? " 且 " : " and ")\(phrase(b))"
        case .or(let a, let b): return "\(phrase(a))\(zh ? " 或 " : " or ")\(phrase(b))"
        case .not(let a):
            // Said as the sentence that is the case: 在岗销售：否 (not "在岗销售：否的反面").
            if case .figure(let f, _, _) = a, case .bool = f.value { return statement(a, holds: true) }
            return zh ? "并非 \(phrase(a))" : "not \(phrase(a))"
        case .function(let f, let args, let result):
            let a = args.map(phrase).joined(separator: zh ? "，" : ", ")
            let word: String
            switch (f, zh) {
            case (.min, true): word = "取较小者"
            case (.max, true): word = "取较大者"
            case (.abs, true): word = "绝对值"
            case (.min, false): word = "the lesser of"
            case (.max, false): word = "the greater of"
            case (.abs, false): word = "the absolute value of"
            // `error("…")`: the plan refuses a setting it does not know, in its own words.
            case (.error, _): return zh ? "方案报错：\(a)" : "the plan raises an error: \(a)"
            case (.missing, true): return "\(a) 未填写：\(truth(result))"
            case (.missing, false): return "\(a) missing: \(truth(result))"
            // Dates and working days said in words (C5.1: 2 working days after signing).
            case (.workdaysAfter, _) where args.count == 2:
                // The count first, then what it is: 订单日期 2026-04-01 之后 2 个工作日（现金回款工作日），即 2026-04-03.
                let d = phrase(args[0])
                var n = phrase(args[1]), what = ""
                if case .figure(let f, _, _) = args[1] { n = constant(f.value); what = zh ? "（\(name(f))）" : " (\(name(f)))" }
                return zh ? "\(d) 之后 \(n) 个工作日\(what)，即 \(value(result))" : "\(n) working days\(what) after \(d), \(value(result))"
            case (.workdaysBetween, _) where args.count == 2:
                return zh ? "\(phrase(args[0])) 到 \(phrase(args[1])) 之间的工作日 \(whole(result)) 天" : "working days from \(phrase(args[0])) to \(phrase(args[1])), \(whole(result))"
            case (.daysBetween, _) where args.count == 2:
                return zh ? "\(phrase(args[0])) 到 \(phrase(args[1])) 相隔 \(whole(result)) 天" : "days from \(phrase(args[0])) to \(phrase(args[1])), \(whole(result))"
            case (.yearOf, _), (.monthOf, _), (.dayOf, _):
                let part = zh ? [Function.yearOf: "年份", .monthOf: "月份", .dayOf: "日"][f]! : [Function.yearOf: "year", .monthOf: "month", .dayOf: "day"][f]!
                return zh ? "\(a) 的\(part) \(whole(result))" : "the \(part) of \(a), \(whole(result))"
            // A fallback said as what happened: the figure when it is there, else that it is not and what
            // is taken instead (申报基数：社保缴费基数 未录入，取 底薪 12,000.00), not the formula with its #MISSING.
            case (.ifmissing, _) where args.count == 2:
                if case .figure(let f, _, _) = args[0] {
                    if case .error(let err) = f.value, err.kind == .missing {
                        return zh ? "\(name(f)) 未录入，取 \(phrase(args[1]))" : "no \(name(f)) is entered, so \(phrase(args[1]))"
                    }
                    if case .error = f.value {} else { return phrase(args[0]) }
                }
                return zh ? "\(phrase(args[0]))（未录入时取 \(phrase(args[1]))）= \(value(result))" : "\(phrase(args[0])) (\(phrase(args[1])) when missing) = \(value(result))"
            case (.iferror, _) where args.count == 2:
                return zh ? "\(phrase(args[0]))（出错时取 \(phrase(args[1]))）= \(value(result))" : "\(phrase(args[0])) (\(phrase(args[1])) on an error) = \(value(result))"
            default:
                let words: [Function: (String, String)] = [.round: ("四舍五入", "rounded"), .floor: ("向下取整", "rounded down"), .ceil: ("向上取整", "rounded up"), .prorate: ("按在职天数折算", "prorated")]
                word = words[f].map { zh ? $0.0 : $0.1 } ?? (zh ? f.rawValue : Self.readable(f.rawValue))
            }
            return zh ? "\(word)（\(a)）= \(value(result))" : "\(word) (\(a)) = \(value(result))"
        case .bound(let f, let a, let b, let values, let result): return bound(f, a, b, values, result)
        case .rank(let own, let filter, let ties, let result): return rank(own, filter, ties, result)
        case .prorated(let amount, let basis, let e, let result):
            // Unrounded here (a prorate inside a larger formula): the figure to the fen, with 约 when it has more.
            return prorated(amount, basis, e) + " = " + amountText(result)
        case .tier(let t):
            let result = t.result.number.map { $0.magnitude < Fixed.one ? ($0.isZero && t.isRate ? "0%" : constant(t.result)) : value(t.result) } ?? value(t.result)
            guard let lo = t.lower else { return zh ? "\(tableName(t)) \(result)（\(phrase(t.argument)) 超额累进）" : "\(tableName(t)) \(result) (\(phrase(t.argument)), each rate on its slice)" }
            let version = t.version.map { zh ? "，\(versionWords($0))" : ", \(versionWords($0))" } ?? ""
            return zh ? "\(tableName(t)) \(result)（\(phrase(t.argument)) 落在 \(bounds(lo, t.upper, t.sides)) 档\(version)）"
                : "\(tableName(t)) \(result) (\(phrase(t.argument)) in the tier \(bounds(lo, t.upper, t.sides))\(version))"
        case .orders(let s): return orders(s)
        case .agents(let s): return agents(s)
        case .overPeriod(let op, let of, let p, let result):
            let what: String
            switch of {
            case .figure(let f, _, _)?: what = name(f)
            // An allocation's share (a hidden figure with no name): said by what it is.
            case .share(let sh)?: what = zh ? (sh.overOrders ? "按订单分摊的份额" : "每月分摊给本人的份额") : (sh.overOrders ? "this order's share" : "the agent's share of the allocation")
            case nil: what = ""
            default: what = zh ? "每月的数" : "the monthly figure"
            }
            // A count's sum, lowest or highest is a whole number (本年任职月数最高 12); an amount with more
            // decimals than the fen (an average) is said to the fen, with 约/about (L7).
            let counted: Bool = { if case .figure(let f, _, _)? = of { return f.isCount && op != .avg }; return op == .count }()
            let shown: String
            if case .number(let n) = result, counted, n.wholeNumber != nil { shown = n.format(minimumFractionDigits: 0, grouping: false) }
            else if case .number(let n) = result, n.rounded(toDigits: 2) != n { shown = (zh ? "约 " : "about ") + n.rounded(toDigits: 2).moneyText }
            else { shown = value(result) }
            if zh {
                let word = [AggregateOp.sum: "合计", .avg: "月平均", .min: "最低", .max: "最高", .count: "计数"][op]!
                return "\(period(p))\(what)\(word) \(shown)"
            }
            return "the \(op == .avg ? "monthly average" : op.rawValue) of \(what) over \(p), \(shown)"
        case .paid(let f, let now):
            if zh { return now ? "本月发放的\(name(f)) \(value(f.value))" : "\(name(f)) 本月不发放" }
            return now ? "\(name(f)) paid this month, \(value(f.value))" : "no \(name(f)) this month"
        case .builtin(let b, let v):
            let shown = v.number != nil ? constant(v) : value(v)
            let word = (zh ? Self.builtinWords[b]?.zh : Self.builtinWords[b]?.en) ?? (zh ? b : Self.readable(b))
            if case .bool(let t) = v { return zh ? "\(word)：\(t ? "是" : "否")" : "\(word): \(t ? "yes" : "no")" }
            return "\(word) \(shown)"
        case .share(let sh): return share(sh)
        case .value(let v): return value(v)
        }
    }

    /// The built-in figures in words (`tenure` → 入职月数, months employed).
    static let builtinWords: [String: (zh: String, en: String)] = [
        "tenure": ("入职月数", "months employed"), "active": ("在职", "employed"), "as_of": ("截至日期", "the as-of date"),
        "period_start": ("期初", "the period's first day"), "period_end": ("期末", "the period's last day"), "probation": ("试用期", "on probation"),
        "days_employed": ("在职天数", "days employed"), "paid_days_employed": ("在职计薪日", "paid days employed"),
    ]

    /// A share of a pool in words, with the numbers: "提成池 1,000.00 由在岗销售的 6 人平分：1,000.00 ÷ 6 =
    /// 约 166.67，分到分为 166.67"; weighted, "提成 2,573.00 按各笔订单的权重分摊：本笔 订单金额 12,000.00，
    /// 共 119,100.00（7 笔），2,573.00 × 12,000.00 ÷ 119,100.00 = 约 259.24，分到分为 259.24"; a share that
    /// is not the exact part rounded down says where the fen left over went (the largest remainders).
    func share(_ s: ShareSummary) -> String {
        let result = value(s.result)
        guard let pool = s.pool else {
            return zh ? (s.overOrders ? "按订单分摊所得 \(result)" : "分摊所得 \(result)") : (s.overOrders ? "this order's share, \(result)" : "this agent's share, \(result)")
        }
        let poolText = phrase(pool)
        let poolAmount: String = { if case .figure(let f, _, _) = pool { return amountText(f.value) }; return poolText }()
        let who = s.overOrders ? (zh ? "笔订单" : (s.members == 1 ? "order" : "orders")) : (zh ? "人" : (s.members == 1 ? "agent" : "agents"))
        let among: String = {
            guard let f = s.filter else { return zh ? "" : "" }
            return zh ? "\(s.filterNegated ? "非" : "")\(name(f))的" : (s.filterNegated ? " not \(name(f))" : " who are \(name(f))")
        }()
        if s.weight.isZero {
            let why = s.filter.map { zh ? "（\(name($0))：\(truth($0.value))）" : " (\(name($0)): \(truth($0.value)))" } ?? ""
            return zh ? "\(poolText) 由\(among) \(s.members) \(who)分摊，本人不参加分摊\(why)，所以为 \(result)"
                : "\(poolText) is shared among the \(s.members)\(among) \(who); this one takes no part\(why), so \(result)"
        }
        let exact = s.exact.map { amountText(.number($0)) } ?? result
        var division: String
        var split: String
        if s.equal {
            split = zh ? "\(poolText) 由\(among) \(s.members) \(who)平分" : "\(poolText) split equally among the \(s.members) \(who)\(among)"
            division = "\(poolAmount) ÷ \(s.members) = \(exact)"
        } else {
            let part = s.weightPhrase.map(phrase) ?? s.weight.moneyText
            let all = s.totalWeight.moneyText
            split = zh ? "\(poolText) 按权重分摊：本\(s.overOrders ? "笔" : "人") \(part)，共 \(all)（\(s.members) \(who)）"
                : "\(poolText) shared by weight: this \(s.overOrders ? "order's" : "agent's") \(part) of \(all) (\(s.members) \(who))"
            division = "\(poolAmount) × \(s.weight.moneyText) ÷ \(all) = \(exact)"
        }
        // Largest remainder: each share rounded down to the fen, the fen left over one each to the largest remainders.
        let roundedDown = s.exact.map { Fixed(raw: ($0.raw / (Fixed.scale / 100)) * (Fixed.scale / 100)) }
        let gotLeftover: Bool = {
            guard let down = roundedDown, case .number(let n) = s.result else { return false }
            return n > down
        }()
        let toFen = s.exact.map { s.result.number == $0 } == true ? ""
            : zh ? "，分到分为 \(result)" + (gotLeftover ? "（分到分后余下的分逐一分给余数最大的，这里多得 1 分）" : "")
                 : ", to the fen \(result)" + (gotLeftover ? " (the fen left over go one each to the largest remainders; this one gets one)" : "")
        return split + (zh ? "：" : ": ") + division + toFen
    }

    func filterWords(_ s: OrderSummary, _ f: FigureName) -> String {
        f.name.isEmpty ? (zh ? "符合条件的" : "matching ") : (s.filterNegated ? (zh ? "非\(name(f))" : "not \(name(f)) ") : (zh ? name(f) : name(f) + " "))
    }

    /// "现金逾期订单的提成份额合计 120.00（37 笔订单中 2 笔）", "由 37 笔订单计算，其中 2 笔退款"; orders booked
    /// by another date than their own (`by base_penalty_day`) are said so: "由 扣底薪日在本期的 3 笔订单计算",
    /// "没有 扣底薪日在本期的订单" (not 本期没有订单 beside a statement that counts the month's orders).
    func orders(_ s: OrderSummary) -> String {
        let filter = s.filter.map { filterWords(s, $0) }
        let what = s.value.map(name) ?? ""
        let by = s.by.map(name)
        if zh {
            let refunds = s.refunds > 0 ? "，其中 \(s.refunds) 笔退款" : ""
            let booked = by.map { "\($0)在本期的 " } ?? ""
            if s.op == .count { return "\(filter ?? "")订单 \(s.matching) 笔（共 \(booked)\(s.booked) 笔\(refunds)）" }
            let word = [AggregateOp.sum: "合计", .avg: "平均", .min: "最低", .max: "最高", .count: "笔数"][s.op]!
            if s.booked == 0 {
                return "\(filter.map { "\($0)订单的" } ?? "")\(what)\(word) \(value(s.result))" + (by.map { "（没有\($0)在本期的订单）" } ?? "（本期没有订单）")
            }
            // A sum of nothing but zeros says so: a 0.00 line "from 8 orders" reads as if they cost something.
            if allZero(s) { return "\(filter.map { "\($0)订单的" } ?? "")\(what)\(word) \(value(s.result))（\(booked)\(s.matching) 笔订单，每笔都是 0）" }
            if let filter { return "\(filter)订单的\(what)\(word) \(value(s.result))（\(booked)\(s.booked) 笔订单中 \(s.matching) 笔\(refunds)）" }
            return "\(what)\(word) \(value(s.result))（由 \(booked)\(s.booked) 笔订单计算\(refunds)）"
        }
        let refunds = s.refunds > 0 ? ", \(s.refunds) of them \(s.refunds == 1 ? "a refund" : "refunds")" : ""
        let booked = by.map { " whose \($0) falls in this period" } ?? ""
        if s.op == .count { return "\(s.matching) \(filter ?? "")orders (of \(s.booked)\(booked)\(refunds))" }
        if s.booked == 0 {
            return "the \(s.op.rawValue) of \(what)\(filter.map { " over \($0)orders" } ?? ""), \(value(s.result))" + (by.map { " (no orders whose \($0) falls in this period)" } ?? " (no orders this period)")
        }
        if allZero(s) { return "the \(s.op.rawValue) of \(what)\(filter.map { " over \($0)orders" } ?? ""), \(value(s.result)) (\(s.matching) orders\(booked), each 0)" }
        if let filter { return "the \(s.op.rawValue) of \(what) over \(filter)orders, \(value(s.result)) (\(s.matching) of \(s.booked) orders\(booked)\(refunds))" }
        return "the \(s.op.rawValue) of \(what) over \(s.booked) orders\(booked)\(refunds.isEmpty ? "" : " (" + refunds.dropFirst(2) + ")"), \(value(s.result))"
    }

    /// A team figure over the agents in words: "在岗销售的员工 4 人（共 5 人：小美、小丽、阿强、老周）",
    /// "在岗销售的员工的销售额合计 120,000.00（4 人）"; English "4 agents who are on staff (of 5: …)".
    /// At most six names are listed.
    func agents(_ s: AgentSummary) -> String {
        let shown = s.matching.prefix(6).joined(separator: zh ? "、" : ", ") + (s.matching.count > 6 ? (zh ? " 等" : ", …") : "")
        let who: String = {
            guard s.filtered else { return zh ? "员工" : "agents" }
            guard let f = s.filter else { return zh ? "符合条件的员工" : "matching agents" }
            return zh ? "\(s.filterNegated ? "非" : "")\(name(f))的员工" : "agents \(s.filterNegated ? "not " : "")\(name(f))"
        }()
        if s.op == .count {
            let list = s.matching.isEmpty ? "" : (zh ? "：\(shown)" : ": \(shown)")
            return zh ? "\(who) \(s.matching.count) 人（共 \(s.all) 人\(list)）" : "\(s.matching.count) \(who) (of \(s.all)\(list))"
        }
        let word = zh ? [AggregateOp.sum: "合计", .avg: "平均", .min: "最低", .max: "最高", .count: "人数"][s.op]! : s.op.rawValue
        let what = s.value.map(name) ?? (zh ? "数字" : "figure")
        return zh ? "\(who)的\(what)\(word) \(value(s.result))（\(s.matching.count) 人）"
            : "the \(word) of \(what) over \(who), \(value(s.result)) (\(s.matching.count) of \(s.all))"
    }

    /// A sum over matching orders that is 0 because every order's value is 0 (none is an error).
    func allZero(_ s: OrderSummary) -> Bool {
        s.op == .sum && s.matching > 0 && s.result.number?.isZero == true && s.lines.count == s.matching
            && s.lines.allSatisfy { $0.value.number?.isZero == true }
    }

    /// The paid-days divisor of a period: 21.75 a month (21.75 × 3 = 65.25 for a quarter).
    func paidDivisor(_ e: Employment) -> String {
        (Fixed.checkedMultiply(Proration.paidDaysPerMonth, Fixed(e.months)) ?? Proration.paidDaysPerMonth)
            .format(minimumFractionDigits: 0, grouping: false)
    }

    /// A count (days, a month number) as a whole number: 3, not 3.00.
    func whole(_ v: Value) -> String {
        if case .number(let n) = v, n.wholeNumber != nil { return n.format(minimumFractionDigits: 0, grouping: false) }
        return value(v)
    }

    func truth(_ v: Value) -> String { if case .bool(let b) = v { return zh ? (b ? "是" : "否") : (b ? "yes" : "no") }; return value(v) }

    /// A figure's value: money with two decimals, yes/no as 是/否 under zh.
    public func value(_ v: Value) -> String {
        switch v {
        case .bool(let b): zh ? (b ? "是" : "否") : (b ? "yes" : "no")
        // Plans that write their flags as text ("yes"/"no") read the same way.
        case .text("yes") where zh: "是"
        case .text("no") where zh: "否"
        // A text by the plan's label of it (`labels "pool" "团队平分"`), as written without one.
        case .text(let w) where zh: valueLabels[w] ?? w
        default: v.displayText
        }
    }

    /// An order's own columns, which no plan labels (`date`: the day it was booked).
    static let orderColumnWords = ["date": "订单日期"]

    /// A number as a plan writes it: `2%`, `10万`, `1.5万`, `3000`.
    public func constant(_ v: Value) -> String {
        guard case .number(let n) = v else { return value(v) }
        if !n.isZero && n.magnitude < Fixed.one, let pct = Fixed.checkedMultiply(n, Fixed(raw: 100 * Fixed.scale)) {
            return pct.format(minimumFractionDigits: 0, grouping: false) + "%"
        }
        if n.magnitude >= Fixed(raw: 10_000 * Fixed.scale), let wan = Fixed.checkedDivide(n, Fixed(raw: 10_000 * Fixed.scale)), wan.rounded(toDigits: 2) == wan {
            return wan.format(minimumFractionDigits: 0, grouping: false) + "万"
        }
        return n.format(minimumFractionDigits: 0, grouping: true)
    }

    /// Labels that name a count, a duration or a rate, not an amount in yuan (账期天数 30, not 30 元).
    static let notMoneyWords = ["天数", "人数", "笔数", "月数", "次数", "(秒)", "率", "比例", "系数", "名次", "月序", "序号", "账号", "%"]

    /// Whether a figure's label names a count, duration or rate (see `notMoneyWords`).
    static func countOrRate(_ f: FigureName) -> Bool {
        guard case .number = f.value else { return false }
        if f.isRate || f.isCount { return true }
        guard let l = f.label else { return false }
        return notMoneyWords.contains { l.contains($0) }
    }

    /// Whether a figure reads as a percent: a rate the plan writes as one (`FigureName.isRate`), or a
    /// fraction up to 1 whose label says rate (率, 比例) — not one already in percent units (转化率%).
    static func readsAsPercent(_ f: FigureName) -> Bool {
        guard case .number(let n) = f.value, !f.isCount else { return false }
        if f.isRate { return true }
        guard let l = f.label, !l.contains("%"), !l.contains("％") else { return false }
        return (l.contains("率") || l.contains("比例")) && n.magnitude <= Fixed.one
    }

    /// A figure's value as its label reads: a count or duration whole (询单人数 118, 账期天数 30), a rate
    /// as a percent (询单转化率 约 55.93%), anything else as `value`.
    func figureValue(_ f: FigureName) -> String {
        guard Self.countOrRate(f), case .number(let n) = f.value else { return value(f.value) }
        // A rate as a percent, 0 as 0% (扣底薪比例 0%, 最低毛利 15%), finer than 0.01% with 约.
        if Self.readsAsPercent(f), let pct = Fixed.checkedMultiply(n, Fixed(raw: 100 * Fixed.scale)) {
            return pct.rounded(toDigits: 2) == pct ? pct.format(minimumFractionDigits: 0, grouping: false) + "%"
                : (zh ? "约 " : "about ") + pct.rounded(toDigits: 2).format(minimumFractionDigits: 2, grouping: false) + "%"
        }
        if n.wholeNumber != nil { return n.format(minimumFractionDigits: 0) }
        return value(f.value)
    }

    /// A parameter's value by the kind of figure it is: a rate as a percent (提成比例 2%), a count or
    /// duration whole (试用期月数 3, 首次响应标准(秒) 30), an amount of money to the fen (当地最低工资
    /// 2,740.00, not 2,740 as written); yes/no, text and dates as they read. A parameter the plan gives no
    /// label is of no known kind and reads as written (zz 5).
    func parameterValue(_ f: FigureName) -> String {
        guard case .number(let n) = f.value, f.label != nil else { return constant(f.value) }
        if f.isRate || (!n.isZero && n.magnitude < Fixed.one) { return constant(f.value) }
        if Self.countOrRate(f) { return figureValue(f) }
        return n.moneyText
    }

    func isMoney(_ f: FigureName) -> Bool {
        if f.isRate || f.isCount { return false }
        if let l = f.label, Self.notMoneyWords.contains(where: { l.contains($0) }) { return false }
        return isMoney(f.value)
    }

    func isMoney(_ v: Value) -> Bool {
        guard case .number(let n) = v else { return false }
        return n.rounded(toDigits: 2) == n
    }

    /// "2026年3月", "2026年第1季度", "2026年上半年", "2026年"; English keeps `2026-03`.
    public func period(_ p: Period) -> String {
        guard zh else { return p.description }
        switch p.grain {
        case .month: return "\(p.start.year)年\(p.start.month)月"
        case .quarter: return "\(p.start.year)年第\((p.start.month - 1) / 3 + 1)季度"
        case .half: return "\(p.start.year)年\(p.start.month <= 6 ? "上" : "下")半年"
        case .year: return "\(p.start.year)年"
        default: return p.description
        }
    }
}

extension PlainExplanation {
    /// Every order summary in this explanation's own sentence (not its parts), in order.
    public func orderSummaries() -> [OrderSummary] {
        var out: [OrderSummary] = []
        func walk(_ p: Phrase) {
            switch p {
            case .orders(let s): out.append(s)
            case .figure(_, _, let d): if let d { walk(d) }
            case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b): walk(a); walk(b)
            case .negate(let a), .not(let a): walk(a)
            case .function(_, let args, _): args.forEach(walk)
            case .prorated(let a, _, _, _): walk(a)
            case .tier(let t): walk(t.argument); if let r = t.row { walk(r) }
            default: break
            }
        }
        func walk(_ h: How) {
            switch h {
            case .formula(let p): walk(p)
            case .because(let c, _, let t): walk(c); walk(t)
            case .fails(let ps): ps.forEach(walk)
            default: break
            }
        }
        walk(how)
        return out
    }
}

extension CompareOp {
    /// The comparison that holds when this one does not (`<=` → `>`).
    var opposite: CompareOp {
        switch self {
        case .eq: .ne
        case .ne: .eq
        case .lt: .ge
        case .le: .gt
        case .gt: .le
        case .ge: .lt
        }
    }
}
