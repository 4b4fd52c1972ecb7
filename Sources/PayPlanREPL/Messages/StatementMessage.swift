import PayPlan

/// What `statement` says around the pay statement itself (which `StatementRenderer` words).
public enum StatementMessage: MessageCatalogue {
    /// `statement` written wrongly: the problem (if any), then how to write it.
    case usage(OutputLine?)
    case givenTwice(String)
    case oneFormat
    case takesOneFile(String)
    case formatChoices
    case notEmployed(name: String, period: Period, hired: Day?, left: Day?)
    /// The statement could not be written: why (as the file layer says it).
    case writeFailed(OutputLine)
    /// `statement all`: nothing could be written to the folder `target`.
    case noneWritten(OutputLine, target: String)
    /// `statement all`: moving the finished files into `target` stopped after `moved` of `of` files.
    case filesMovedPartly(OutputLine, moved: Int, of: Int, target: String)
    case wrote(file: String, format: String)
    /// `statement all … --csv FILE`: how many statements, how many people were not employed then.
    case wroteCSV(file: String, statements: Int, skipped: Int, period: Period)
    case targetIsAFile(target: String, format: String)
    /// `statement all`: writing stopped part-way.
    case writtenPartly(OutputLine, written: Int, of: Int, target: String)
    /// `index`: the index files written (the period's, then the folder's).
    case wroteAll(statements: Int, index: [String], target: String, format: String, skipped: Int, period: Period)
    /// A warning on the statement itself: a period of its pay below zero or under the minimum wage (`PayConcern`).
    /// For a month employed in part, `prorated` says how its minimum wage was prorated.
    case concern(PayConcern.Kind, period: Period, value: Fixed, minimum: Fixed?, prorated: MinimumWage.Part? = nil)
    /// A line of `agent`'s statement for `period` is an error value (`PayStatement.Problem`): the line as the
    /// statement names it, the error, and where it started (`origin`, nil when at the line itself); `added`
    /// when the line counts in the statement's totals (they cannot be added up), false for a reference line.
    case lineError(agent: String, period: Period, item: String, error: EvalError, origin: ErrorOrigin?, added: Bool)
    /// `agent`'s pay figure (`item`, the statement's total) for `period` is an error value of its own while no
    /// earning or deduction is one (`PayStatement.Problem.isTotal`): the error, where it started (nil: in the pay
    /// figure's own formula), and that the lines above are not its parts.
    case payFigureError(agent: String, period: Period, item: String, error: EvalError, origin: ErrorOrigin?, earnings: Value, deductions: Value)
    /// `statement all`, on screen: more statement lines are error values than were listed.
    case moreLineErrors(Int)

    static let how = Wording(en: "write statement AGENT PERIOD [--format text|md|html|csv] [--out FILE], e.g. statement 李雷 2026-03 --html 李雷.html, or statement all 2026-03 --html DIR",
                             zh: "请写 statement 员工 期间 [--format text|md|html|csv] [--out 文件]，例如 statement 李雷 2026-03 --html 李雷.html，或 statement all 2026-03 --html 目录")

    public var wording: Wording {
        switch self {
        case .usage(let e): Wording(en: e.map { $0.text(.en) + "; " } ?? "", zh: e.map { $0.text(.zh) + "；" } ?? "").followed(by: StatementMessage.how)
        case .givenTwice(let o): Wording(en: "'\(o)' is given twice; ", zh: "'\(o)' 写了两次；").followed(by: StatementMessage.how)
        case .oneFormat: Wording(en: "give one of --html, --md, --csv, --text or --format with --out; ", zh: "请只给出 --html、--md、--csv、--text 之一，或 --format 加 --out；").followed(by: StatementMessage.how)
        case .takesOneFile(let o): Wording(en: "\(o) takes one file name", zh: "\(o) 后面只接一个文件名")
        case .formatChoices: Wording(en: "--format takes one of text, md, html, csv", zh: "--format 只能是 text、md、html、csv 之一")
        case .notEmployed(let n, let p, let h, let l):
            if let h { Wording(en: "\(n) was not employed in \(p) (hired \(h))", zh: "\(n) 在 \(p) 尚未入职（入职日 \(h)）") }
            else { Wording(en: "\(n) was not employed in \(p) (left \(l.map(\.description) ?? ""))", zh: "\(n) 在 \(p) 已离职（离职日 \(l.map(\.description) ?? "")）") }
        case .writeFailed(let why): Wording(en: "\(why.text(.en)); no statement was written", zh: "\(why.text(.zh))；没有写入任何工资条")
        case .noneWritten(let why, let t): Wording(en: "\(why.text(.en)); no statement was written to \(t)", zh: "\(why.text(.zh))；没有工资条写入 \(t)")
        case .filesMovedPartly(let why, let m, let n, let t):
            Wording(en: "\(why.text(.en)); \(m) of \(n) files were written to \(t)", zh: "\(why.text(.zh))；\(n) 个文件中只有 \(m) 个写入了 \(t)")
        case .wrote(let f, let fmt): Wording(en: "wrote \(f) (\(fmt))", zh: "已写入 \(f)（\(fmt)）")
        case .wroteCSV(let f, let n, let k, let p):
            Wording(en: "wrote \(f) (csv): \(n) statements" + (k > 0 ? ", \(k) not employed in \(p)" : ""), zh: "已写入 \(f)（csv）：\(n) 份工资条" + (k > 0 ? "，\(k) 人在 \(p) 不在职" : ""))
        case .targetIsAFile(let t, let fmt):
            Wording(en: "\(t) is a file; statement all … --\(fmt) needs a directory (it is created if missing)", zh: "\(t) 是文件；statement all … --\(fmt) 需要一个目录（不存在时会自动创建）")
        case .writtenPartly(let why, let w, let n, let t):
            Wording(en: "\(why.text(.en)); \(w) of \(n) statements were written to \(t)", zh: "\(why.text(.zh))；\(n) 份工资条中只有 \(w) 份写入了 \(t)")
        case .wroteAll(let n, let i, let t, let fmt, let k, let p):
            Wording(en: "wrote \(n) statements, \(i.joined(separator: " and ")) to \(t) (\(fmt))" + (k > 0 ? "; \(k) not employed in \(p)" : ""),
                    zh: "已把 \(n) 份工资条和 \(i.joined(separator: "、")) 写入 \(t)（\(fmt)）" + (k > 0 ? "；\(k) 人在 \(p) 不在职" : ""))
        case .concern(.negativePay, let p, let v, _, _):
            Wording(en: "warning: pay for \(p) is below zero (\(v.moneyText)); check its deductions and clawbacks before paying",
                    zh: "注意：\(p) 的应发工资为负数（\(v.moneyText)），发放前请核对扣款和追回")
        case .concern(.negativeNetPay, let p, let v, _, _):
            Wording(en: "warning: take-home pay for \(p) is below zero (\(v.moneyText)): more is withheld than is paid",
                    zh: "注意：\(p) 的实发工资为负数（\(v.moneyText)）：代扣超过了应发")
        case .concern(.payError, let p, _, _, _):
            Wording(en: "warning: pay for \(p) is an error value: it cannot be paid until the figure that caused it is corrected",
                    zh: "注意：\(p) 的应发工资是错误值：改正造成它的数字之前无法发放")
        case .lineError(let a, let p, let item, let e, let o, let added):
            Wording(en: "warning: \(a)'s \(item) for \(p) cannot be computed (\(e.code) \(e.message)" + (o.map { ", from " + PlainRenderer.originWording($0).en } ?? "") + ")"
                        + (added ? "; the statement's totals cannot be added up and it cannot be paid until this is corrected" : "; a reference line, not added to pay"),
                    zh: "注意：\(a) \(p) 的\(item)无法计算（\(e.code) \(EvalErrorMessage.chinese(e.kind))：\(EvalErrorMessage.chinese(e.detail))" + (o.map { "，源自" + PlainRenderer.originWording($0).zh } ?? "") + "）"
                        + (added ? "；改正之前工资条的合计无法得出，不能发放" : "；这是参考信息，不计入工资"))
        case .payFigureError(let a, let p, let item, let e, let o, let ea, let de):
            Wording(en: "warning: \(a)'s \(item) for \(p) cannot be computed (\(e.code) \(e.message), "
                        + (o.map { "from " + PlainRenderer.originWording($0).en } ?? "in the formula of \(item)")
                        + "): it is not total earnings \(ea.displayText) − total deductions \(de.displayText), and it cannot be paid until this is corrected",
                    zh: "注意：\(a) \(p) 的\(item)无法计算（\(e.code) \(EvalErrorMessage.chinese(e.kind))：\(EvalErrorMessage.chinese(e.detail))，"
                        + (o.map { "源自" + PlainRenderer.originWording($0).zh } ?? "出在\(item)的公式里")
                        + "）：它不等于应发合计 \(ea.displayText) − 扣款合计 \(de.displayText)，改正之前不能发放")
        case .moreLineErrors(let n):
            Wording(en: "… and \(n) more statement lines that cannot be computed", zh: "……另有 \(n) 处工资条项目无法计算")
        case .concern(.belowMinimumWage, let p, let v, let m, let part):
            // A part month: the minimum for the part employed, and how it was prorated.
            { (w: (en: String, zh: String)?) in Wording(en: "warning: pay for \(p) (\(v.moneyText)) is under the minimum wage (\(w?.en ?? m?.moneyText ?? ""))",
                    zh: "注意：\(p) 的应发工资（\(v.moneyText)）低于最低工资（\(w?.zh ?? m?.moneyText ?? "")）") }(part.map { PlanCheck.minimumWords(m ?? .zero, $0) })
        }
    }

    public var tone: Tone {
        switch self { case .concern, .lineError, .payFigureError, .moreLineErrors: return .warning; default: break }
        return .plain
    }

    public static var samples: [StatementMessage] {
        let p = Period(text: "2026-03")!, d = Day(year: 2026, month: 4, day: 1)!
        return [.usage(nil), .givenTwice("--out"), .oneFormat, .takesOneFile("--html"), .formatChoices,
                .notEmployed(name: "李雷", period: p, hired: d, left: nil), .notEmployed(name: "李雷", period: p, hired: nil, left: d),
                .writeFailed(OutputLine(fixed: "a.html")), .noneWritten(OutputLine(fixed: "a.html"), target: "out"),
                .filesMovedPartly(OutputLine(fixed: "a.html"), moved: 1, of: 4, target: "out"), .wrote(file: "a.html", format: "html"),
                .wroteCSV(file: "a.csv", statements: 3, skipped: 1, period: p), .wroteCSV(file: "a.csv", statements: 3, skipped: 0, period: p),
                .targetIsAFile(target: "a.html", format: "html"), .writtenPartly(OutputLine(fixed: "b.html"), written: 2, of: 3, target: "out"),
                .wroteAll(statements: 3, index: ["index-2026-03.html", "index.html"], target: "out", format: "html", skipped: 1, period: p),
                .concern(.negativePay, period: p, value: Fixed(decimalText: "-149.99")!, minimum: nil),
                .concern(.negativeNetPay, period: p, value: Fixed(-100), minimum: nil),
                .concern(.belowMinimumWage, period: p, value: Fixed(2000), minimum: Fixed(2740)),
                .concern(.belowMinimumWage, period: p, value: Fixed(1000), minimum: Fixed(decimalText: "1511.72")!,
                         prorated: MinimumWage.Part(whole: Fixed(2740), basis: .paidDays, days: 12, divisor: Proration.paidDaysPerMonth)),
                .concern(.payError, period: p, value: .zero, minimum: nil),
                .lineError(agent: "阿杰", period: p, item: "提成", error: EvalError(.raised("提成方式必须是 individual 或 pool"), origin: CellReference(figure: "commission", agent: "阿杰", period: p)), origin: nil, added: true),
                .lineError(agent: "阿杰", period: p, item: "个税", error: EvalError(.divisionByZero(Fixed(1000)), origin: CellReference(figure: "commission", agent: "阿杰", period: Period(text: "2026-01")!)),
                           origin: ErrorOrigin(cell: CellReference(figure: "commission", agent: "阿杰", period: Period(text: "2026-01")!), label: "提成"), added: true),
                .lineError(agent: "阿杰", period: p, item: "转化率%", error: EvalError(.noInput(figure: "inquiries", agent: "阿杰", period: p)), origin: nil, added: false),
                .payFigureError(agent: "小美", period: p, item: "应发工资", error: EvalError(.divisionByZero(Fixed(3000))), origin: nil,
                                earnings: .number(Fixed(3000)), deductions: .number(.zero)),
                .payFigureError(agent: "小美", period: p, item: "应发工资", error: EvalError(.divisionByZero(Fixed(3000))),
                                origin: ErrorOrigin(cell: CellReference(figure: "pay_before_damage", agent: "小美", period: p), label: "扣损前工资"),
                                earnings: .number(Fixed(3000)), deductions: .number(.zero)),
                .moreLineErrors(12)]
    }
}
