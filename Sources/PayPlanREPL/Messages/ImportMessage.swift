import PayPlan
import PayPlanImport

/// What `orders import` and `performance import` say (Session+Import.swift, Session+ImportChecks.swift):
/// the summary of a file read, how its columns were read, how orders were credited by their note,
/// what a platform export was understood to hold, and the refusals. Amounts are CNY (`Value`).
public indirect enum ImportMessage: MessageCatalogue {
    /// How an import ended: a dry run, nothing new, or the workspace changed.
    public enum Ending: Sendable { case dryRun, nothingChanged, changed }

    case ordersSummary(file: String, encoding: String, rows: Int, added: Int, replaced: Int, unchanged: Int, skipped: Int, ending: Ending)
    case performanceSummary(file: String, encoding: String, rows: Int, agents: Int, months: [String], set: Int, unchanged: Int, skipped: Int, ending: Ending)
    case columns(mapped: [(header: String, target: String)], ignored: [String])
    case creditedByNote(settings: String, toAgents: Int, split: Int, silent: Int, toCheck: Int)
    /// Every imported order came in silent (闷拍): no note names an agent's ID (`ids`: the scenario's IDs,
    /// empty when no agent has one) — a file of another shop, or a plan that credits orders otherwise.
    case allSilent(orders: Int, ids: [String])
    case understood(rows: Int, orders: Int, merged: Int, paid: Value, refunded: Value, counted: Value)
    case statuses(outcomes: [(String, Int)], byStatus: [(String, Int)])
    /// `count` paid orders whose refund (退款金额) is more than their payment, the first named: counted as the payment.
    case refundAbovePayment(count: Int, order: String, refund: Fixed, amount: Fixed)
    case credited(agents: [(name: String, orders: Int, amount: Value)], silentOrders: Int, silentAmount: Value, share: String, total: Value)
    case skippedHeader
    case problem(String)
    /// One bad row: every problem found in it, on one line (so the bad-row count is the number of lines).
    case rowProblems(row: Int, problems: [ImportProblem])
    /// The bad rows beyond the first 20.
    case andMore(Int)
    case savedMapping(String)
    case cannotRead(String, exists: Bool)
    case unknownFormat(String, formats: [(name: String, title: String)])
    case badRows(file: String, bad: Int, of: Int, lines: [ImportMessage])
    /// A quote that opens a cell on `row` and is never closed: the reader took the rest of the file into that cell.
    case unclosedQuote(file: String, row: Int, column: String?, linesAfter: Int)
    case usageAfter(problem: OutputLine, usage: ImportMessage)
    case ordersUsage(formats: String)
    case performanceUsage
    case monthGoesWithPerformance
    case optionGoesWithOrders(String)
    case oneFileAtATime(String, String, usage: ImportMessage)
    /// A JSON file given to `command` (`orders import`), which reads CSV; `scenario`: a JSON object, as a
    /// scenario file is, opened with `load`.
    case jsonNotCSV(file: String, command: String, scenario: Bool)
    /// An imported text the plan never compares `field` with: the first `row` with one, in `column`, its
    /// `value`, the values the plan knows, and how many `rows` have such a value. The orders are imported.
    /// Under zh the known values read by the plan's `labels` of them (cash → 现金).
    case unknownFieldValue(row: Int, column: String, field: String, value: String, known: [String], rows: Int, labels: [String: String] = [:])
    case refundsKnownDay(String)
    case refundsKnownGoesWithTaobao
    case noSavedMapping(String, saved: [String])
    case monthNeeded
    /// `--month` outside the scenario's years.
    case monthOutsideYears(Period, years: ClosedRange<Int>)
    /// `--month` for a file with a month column (月份, 日期 …): one of them would be ignored.
    case monthAndMonthColumn(file: String, column: String, month: Period)
    case failed(file: String, why: OutputLine)
    /// `--format` names a platform whose export the file is not: `columns` (its header's) are the
    /// signature of `fits`'s export (`PlatformPreset.betterFit`).
    case formatFitsAnother(file: String, format: String, columns: [String], fits: String)
    /// `--format NAME` on a file that lacks columns every such export has: for each target missing (`id`,
    /// `amount`, `date`), the export's names for it; the file's own columns (fresh-user finding 7, session 13:
    /// it said only "no column maps to date").
    case notThisExport(file: String, format: String, missing: [(target: String, headers: [String])], columns: [String])
    /// `--format tmall-report` on a file whose paid amount is not its total less its refund on `rows` rows
    /// (`PlatformPreset.notNetOfRefunds`): reading the total would credit what was not paid.
    case notNetOfRefunds(file: String, format: String, rows: Int, first: PlatformPreset.NetMismatch,
                         totalColumn: String, refundColumn: String, paidColumn: String, fits: String)

    /// A value the plan does not know is a warning (the import took effect); the rest plain.
    public var tone: Tone { if case .unknownFieldValue = self { .warning } else { .plain } }

    public var wording: Wording {
        switch self {
        case .ordersSummary(let f, let e, let r, let a, let rep, let u, let s, let end):
            let en = "\(end == .dryRun ? "would import" : "imported") \(f) (\(e)): \(r) row\(r == 1 ? "" : "s") read, \(a) order\(a == 1 ? "" : "s") added, \(rep) replaced, \(u) unchanged, \(s) skipped"
            let zh = "\(end == .dryRun ? "试导入" : "已导入") \(f)（\(Self.encoding(e))）：读取 \(r) 行，新增 \(a) 笔订单，替换 \(rep) 笔，未变 \(u) 笔，跳过 \(s) 行"
            return Wording(en: en, zh: zh).followed(by: Self.ending(end))
        case .performanceSummary(let f, let e, let r, let a, let m, let set, let u, let s, let end):
            let en = "\(end == .dryRun ? "would import" : "imported") \(f) (\(e)): \(r) row\(r == 1 ? "" : "s") read, \(a) agent\(a == 1 ? "" : "s") in \(m.isEmpty ? "no month" : m.joined(separator: ", ")), \(set) figure\(set == 1 ? "" : "s") set, \(u) unchanged, \(s) skipped"
            let zh = "\(end == .dryRun ? "试导入" : "已导入") \(f)（\(Self.encoding(e))）：读取 \(r) 行，\(m.isEmpty ? "没有月份" : m.joined(separator: "、")) 共 \(a) 名员工，录入 \(set) 项，未变 \(u) 项，跳过 \(s) 行"
            return Wording(en: en, zh: zh).followed(by: Self.ending(end))
        case .columns(let m, let ig):
            let mapped = m.map { "\($0.header)→\($0.target)" }
            return Wording(en: "columns: " + mapped.joined(separator: ", ") + (ig.isEmpty ? "" : "; ignored: " + ig.joined(separator: ", ")),
                           zh: "列：" + mapped.joined(separator: "、") + (ig.isEmpty ? "" : "；未用：" + ig.joined(separator: "、")))
        case .creditedByNote(let st, let n, let sp, let si, let ch):
            return Wording(en: "credited by the note (\(st)): \(n) to agents\(sp > 0 ? " (\(sp) split)" : ""), \(si) silent (闷拍)" + (ch > 0 ? ", \(ch) naming an unknown ID or conflicting agents (see attribution)" : ""),
                           zh: "按卖家备注归属，\(st)：\(n) 笔归员工\(sp > 0 ? "（其中 \(sp) 笔分摊）" : "")，\(si) 笔闷拍" + (ch > 0 ? "，\(ch) 笔备注中的工号未知或互相矛盾（见 attribution）" : ""))
        case .allSilent(let n, let ids):
            let shown = ids.prefix(8)
            return Wording(en: "all \(n) orders came in silent (闷拍): no seller note names an agent's ID"
                               + (ids.isEmpty ? " (no agent here has an ID: agent set NAME id=…)" : " (the IDs here: \(shown.joined(separator: ", "))\(ids.count > 8 ? ", …" : ""))")
                               + "; a silent order is credited to nobody: check --match and the agents' IDs, or whether this file belongs to this scenario",
                           zh: "全部 \(n) 笔订单都是闷拍：没有一条卖家备注写了员工的工号"
                               + (ids.isEmpty ? "（这里的员工都没有工号：agent set 姓名 id=…）" : "（这里的工号为 \(shown.joined(separator: "、"))\(ids.count > 8 ? " 等" : "")）")
                               + "；闷拍订单不归属任何员工：请检查 --match 和员工的工号，或这个文件是否属于这个方案")
        case .understood(let r, let o, let m, let p, let rf, let c):
            return Wording(en: "understood: \(r) rows, \(o) orders\(m > 0 ? " (\(m) sub-order rows merged)" : ""); paid \(p.displayText), refunded \(rf.displayText), counted \(c.displayText)",
                           zh: "读懂：\(r) 行，\(o) 笔订单\(m > 0 ? "（合并了 \(m) 行子订单）" : "")；实付 \(p.displayText)，退款 \(rf.displayText)，计入 \(c.displayText)")
        case .refundAbovePayment(let n, let o, let r, let a):
            return Wording(en: "note: \(n == 1 ? "1 order's refund is" : "\(n) orders' refunds are") more than the payment (order \(o): refund \(r.moneyText), paid \(a.moneyText)); payplan counts at most the payment, so check the export",
                           zh: "注意：\(n) 笔订单的退款金额大于实付金额（订单 \(o)：退款 \(r.moneyText)，实付 \(a.moneyText)）；payplan 最多按实付金额计，请核对导出文件")
        case .statuses(let out, let by):
            let zhOutcome = ["paid": "已付款", "unpaid": "未付款", "closed": "已关闭", "refunded": "已退款"]
            return Wording(en: "statuses: " + out.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + " (" + by.map { "\($0.0.isEmpty ? "none" : $0.0) \($0.1)" }.joined(separator: ", ") + ")",
                           zh: "订单状态：" + out.map { "\(zhOutcome[$0.0] ?? $0.0) \($0.1)" }.joined(separator: "，") + "（" + by.map { "\($0.0.isEmpty ? "无状态" : $0.0) \($0.1)" }.joined(separator: "，") + "）")
        case .credited(let a, let so, let sa, let share, let t):
            return Wording(en: "credited: " + (a.map { "\($0.name) \($0.orders) (\($0.amount.displayText))" } + ["silent (闷拍) \(so) (\(sa.displayText))"]).joined(separator: ", ") + "; silent share \(share) of \(t.displayText) counted",
                           zh: "归属：" + (a.map { "\($0.name) \($0.orders) 笔（\($0.amount.displayText)）" } + ["闷拍 \(so) 笔（\(sa.displayText)）"]).joined(separator: "，") + "；闷拍占计入金额 \(t.displayText) 的 \(share)")
        case .skippedHeader: return Wording(en: "skipped:", zh: "跳过的行：")
        case .problem(let p): return Wording(en: "  " + p, zh: "  " + p)
        case .rowProblems(let row, let problems):
            let cells = problems.map(Self.cellWording)
            return Wording(en: "  row \(row)" + (problems.first?.column == nil ? ": " : ", ") + cells.map(\.en).joined(separator: "; "),
                           zh: "  第 \(row) 行" + (problems.first?.column == nil ? "：" : "，") + cells.map(\.zh).joined(separator: "；"))
        case .andMore(let n): return Wording(en: "  … and \(n) more row\(n == 1 ? "" : "s")", zh: "  ……另有 \(n) 行")
        case .unclosedQuote(let f, let row, let column, let after):
            let en = "\(f): row \(row)\(column.map { ", column \($0)" } ?? ""): a quote (\") opens the cell and is never closed, so "
                + (after == 0 ? "the cell runs to the end of the file" : "the \(after) line\(after == 1 ? "" : "s") after it \(after == 1 ? "was" : "were") read into that one cell")
                + "; close the quote, or write a quote inside a cell as two (\"\"); nothing was imported"
            let zh = "\(f)：第 \(row) 行\(column.map { "，列\(MessageWords.zhColumn($0))" } ?? "")：单元格以引号（\"）开头却没有结束引号，"
                + (after == 0 ? "该单元格一直延续到文件末尾" : "其后的 \(after) 行都被读进了这一个单元格")
                + "；请补上结束引号，单元格中的引号请写成两个（\"\"）；未导入任何内容"
            return Wording(en: en, zh: zh)
        case .savedMapping(let s): return Wording(en: "saved the mapping as '\(s)' (orders import FILE --map-name \(s))", zh: "已把列对应保存为 '\(s)'（orders import 文件 --map-name \(s)）")
        case .cannotRead(let f, let exists):
            return Wording(en: "cannot read \(f): \(exists ? "permission denied or not a file" : "no such file"); nothing was imported",
                           zh: "无法读取 \(f)：\(exists ? "没有权限或不是文件" : "没有这个文件")；未导入任何内容")
        case .formatFitsAnother(let f, let format, let cols, let fits):
            let title = PlatformPreset.named(fits)?.title ?? fits
            return Wording(en: "\(f): the file is not a --format \(format) export: its columns \(cols.joined(separator: ", ")) are those of the \(title); read it with --format \(fits); nothing was imported",
                           zh: "\(f)：这个文件不是 --format \(format) 的导出：其中的列\(MessageWords.zhColumns(cols))属于\(Self.platformZh[fits] ?? title)；请用 --format \(fits) 导入；未导入任何订单")
        case .notThisExport(let f, let format, let missing, let cols):
            let title = PlatformPreset.named(format)?.title ?? format
            let what = ["id": ("the order number", "订单号"), "amount": ("the amount", "金额"), "date": ("the date", "日期")]
            let en = missing.map { "\(what[$0.target]?.0 ?? $0.target) (\($0.headers.joined(separator: " or ")))" }.joined(separator: ", nor for ")
            let zh = missing.map { "\(what[$0.target]?.1 ?? $0.target)（\($0.headers.map(MessageWords.zhColumn).joined(separator: "或"))）" }.joined(separator: "、")
            return Wording(en: "\(f) does not look like a \(title) (--format \(format)): it has no column for \(en); the file's columns are: \(cols.joined(separator: ", ")); "
                               + "map them with --map COLUMN=field (without --format for a file of your own); nothing was imported",
                           zh: "\(f) 看起来不是\(Self.platformZh[format] ?? title)（--format \(format)）：没有\(zh)这些列；文件的列为：\(MessageWords.zhColumns(cols))；"
                               + "请用 --map 列名=字段 指定对应关系（自己的表格可不写 --format）；未导入任何订单")
        case .notNetOfRefunds(let f, let format, let n, let m, let total, let refund, let paid, let fits):
            let (t, r, p) = (m.total.moneyText, m.refund.moneyText, m.paid.moneyText)
            let net = (Fixed.checkedSubtract(m.total, m.refund) ?? m.total).moneyText
            return Wording(en: "\(f): --format \(format) reads \(total) as the amount, since a Tmall report's \(paid) is \(total) − \(refund); in this file it is not, on \(n) row\(n == 1 ? "" : "s") "
                               + "(row \(m.row): \(total) \(t) − \(refund) \(r) = \(net), but \(paid) \(p)), so \(total) would credit more than was paid; read it with --format \(fits); nothing was imported",
                           zh: "\(f)：--format \(format) 把 \(total) 当作金额，因为天猫报表的 \(paid) 等于 \(total) − \(refund)；本文件有 \(n) 行不是这样"
                               + "（第 \(m.row) 行：\(total) \(t) − \(refund) \(r) = \(net)，而 \(paid) 为 \(p)），按 \(total) 计入会多于实付金额；请用 --format \(fits) 导入；未导入任何订单")
        case .unknownFormat(let v, let fs):
            return Wording(en: "--format \(v): the formats are " + fs.map { "\($0.name) (\($0.title))" }.joined(separator: ", ") + " and performance (a customer-service performance file)",
                           zh: "--format \(v)：可用格式为 " + fs.map { "\($0.name)（\(Self.platformZh[$0.name] ?? $0.title)）" }.joined(separator: "、") + " 和 performance（客服绩效表）")
        case .badRows(let f, let n, let of, let lines):
            return Wording(en: "\(f): \(n) bad row\(n == 1 ? "" : "s") of \(of); nothing was imported (--skip-bad imports the other rows):\n" + lines.map(\.wording.en).joined(separator: "\n"),
                           zh: "\(f)：\(of) 行中有 \(n) 行有误；未导入任何内容（--skip-bad 导入其余各行）：\n" + lines.map(\.wording.zh).joined(separator: "\n"))
        case .usageAfter(let p, let u): return u.wording.prefixed(Wording(en: p.text(.en) + "; ", zh: p.text(.zh) + "；"))
        case .ordersUsage(let f):
            return Wording(en: "write orders import FILE.csv [--format \(f)] [--note COLUMN|none] [--map 订单编号=id,业务员=agent,签收日期=date,…] [--map-name NAME] [--save-map NAME] [--refunds-known DATE] [--skip-bad] [--dry-run]",
                           zh: "写法：orders import 文件.csv [--format \(f)] [--note 列|none] [--map 订单编号=id,业务员=agent,签收日期=date,…] [--map-name 名称] [--save-map 名称] [--refunds-known 日期] [--skip-bad] [--dry-run]")
        case .performanceUsage:
            return Wording(en: "write performance import FILE.csv [--month 2026-03] [--map COLUMN=input,…] [--skip-bad] [--dry-run]",
                           zh: "写法：performance import 文件.csv [--month 2026-03] [--map 列=录入项,…] [--skip-bad] [--dry-run]")
        case .monthGoesWithPerformance:
            return Wording(en: "--month goes with performance import (or --format performance)", zh: "--month 用于 performance import（或 --format performance）")
        case .optionGoesWithOrders(let o): return Wording(en: "\(o) goes with orders import", zh: "\(o) 用于 orders import")
        case .unknownFieldValue(let row, let column, let field, let value, let known, let rows, let labels):
            let k = MessageWords.names(known), kz = MessageWords.names(known.map { labels[$0] ?? $0 })
            return Wording(en: "warning: row \(row), column \(column) (\(field)): '\(value)' is not a value the plan knows (\(k.en)), so the order counts as none of them"
                               + (rows > 1 ? "; \(rows) rows have such a value" : "") + "; correct the file and import it again, or order set ID \(field)=…",
                           zh: "注意：第 \(row) 行，列\(MessageWords.zhColumn(column))（\(field)）：'\(value)' 不是方案认识的值（\(kz.zh)），这笔订单不按其中任何一种计算"
                               + (rows > 1 ? "；共 \(rows) 行是这样的值" : "") + "；请改正文件后重新导入，或用 order set 订单号 \(field)=… 修改")
        case .jsonNotCSV(let f, let c, let scenario):
            return scenario
                ? Wording(en: "\(f) is a scenario file (JSON), not a spreadsheet export: open it with load \(f); \(c) reads CSV; nothing was imported",
                          zh: "\(f) 是方案文件（JSON），不是表格导出：请用 load \(f) 打开；\(c) 读取 CSV 文件；未导入任何内容")
                : Wording(en: "\(f) is a JSON file, not a spreadsheet export: \(c) reads CSV (save the sheet as CSV); nothing was imported",
                          zh: "\(f) 是 JSON 文件，不是表格导出：\(c) 读取 CSV 文件（请把表格另存为 CSV）；未导入任何内容")
        case .oneFileAtATime(let a, let b, let u):
            return u.wording.prefixed(Wording(en: "one file at a time ('\(a)' and '\(b)'); ", zh: "一次只导入一个文件（'\(a)' 和 '\(b)'）；"))
        case .refundsKnownDay(let v):
            return Wording(en: "--refunds-known \(v): give the day the refunds became known, e.g. --refunds-known 2026-04-03", zh: "--refunds-known \(v)：请写得知退款的日期，例如 --refunds-known 2026-04-03")
        case .refundsKnownGoesWithTaobao:
            return Wording(en: "--refunds-known goes with --format taobao (a refund that grew since the last import)", zh: "--refunds-known 用于 --format taobao（上次导入后退款又增加的情况）")
        case .noSavedMapping(let n, let saved):
            return Wording(en: "no saved mapping named '\(n)'" + (saved.isEmpty ? " (this scenario has none; --save-map NAME saves one)" : " (saved: \(saved.joined(separator: ", ")))"),
                           zh: "没有名为 '\(n)' 的已保存列对应" + (saved.isEmpty ? "（本方案还没有；--save-map 名称 可保存）" : "（已保存：\(saved.joined(separator: "、"))）"))
        case .monthOutsideYears(let p, let y):
            let span = y.lowerBound == y.upperBound ? "\(y.lowerBound)" : "\(y.lowerBound)–\(y.upperBound)"
            return Wording(en: "--month \(p) is outside the scenario's years (\(span)); nothing was imported (years \(min(y.lowerBound, p.firstDay.year))-\(max(y.upperBound, p.firstDay.year)) widens them)",
                           zh: "--month \(p) 不在方案的年份（\(span)）之内；未导入任何内容（years \(min(y.lowerBound, p.firstDay.year))-\(max(y.upperBound, p.firstDay.year)) 可扩大年份）")
        case .monthAndMonthColumn(let f, let c, let m):
            return Wording(en: "\(f): its column \(c) gives each row's month, so --month \(m) would be ignored; nothing was imported (leave out --month to use \(c), or add --map \(c)=- to use --month \(m) for every row)",
                           zh: "\(f)：其中的\(MessageWords.zhColumn(c))列已给出每行的月份，--month \(m) 会被忽略；未导入任何内容（去掉 --month 则按\(MessageWords.zhColumn(c))列导入，或加 --map \(c)=- 让每行都按 --month \(m) 导入）")
        case .monthNeeded: return Wording(en: "--month needs a month such as 2026-03", zh: "--month 后面写月份，例如 2026-03")
        case .failed(let f, let why): return Wording(en: "\(f): \(why.text(.en)); nothing was imported", zh: "\(f)：\(why.text(.zh))；未导入任何内容")
        }
    }

    /// One problem of a bad row, after the row number: `column 金额: 'abc' is not an amount …`. Problems without a
    /// typed kind keep the importer's English reason in both languages.
    static func cellWording(_ p: ImportProblem) -> Wording {
        let at = Wording(en: p.column.map { "column \($0): " } ?? "", zh: p.column.map { "列\(MessageWords.zhColumn($0))：" } ?? "")
        switch p.kind {
        case .negative(let text, let field, let refundColumn)?:
            if field == "refund" {
                return at.followed(by: Wording(en: "'\(text)' is negative: a refund is written as a positive amount", zh: "'\(text)' 是负数：退款金额应写成正数"))
            }
            return at.followed(by: Wording(
                en: "'\(text)' is negative: a refund is not an order with a negative amount; give it \(refundColumn.map { "in \($0)" } ?? "in a refund column (e.g. --map 退款金额=refund)") as a positive amount on the paid order's own row",
                zh: "'\(text)' 是负数：退款不是一笔负金额的订单；请把它以正数写在原付款订单那一行的\(refundColumn.map { "\(MessageWords.zhColumn($0))列中" } ?? "退款列中（用 --map 把该列对应到方案的退款字段）")"))
        case .outsideRange(let text, let field, let range)?:
            return at.followed(by: Wording(en: "'\(text)' is outside the range the plan declares for \(field) (\(range)), as order add would refuse it",
                                           zh: "'\(text)' 超出方案为 \(field) 规定的范围（\(range)），order add 也会拒绝它"))
        case .buyersAboveInquiries(let b, let q, let column)?:
            let bt = b.format(minimumFractionDigits: 0, grouping: false), qt = q.format(minimumFractionDigits: 0, grouping: false)
            return at.followed(by: Wording(en: "\(bt) paying buyers is more than the \(qt) inquiring buyers (\(column)): a conversion above 100%",
                                           zh: "最终付款 \(bt) 人多于询单 \(qt) 人（\(column)）：转化率超过 100%"))
        case let k?:
            return at.followed(by: Wording(en: k.english, zh: rowProblemChinese(k)))
        case nil:
            return at.followed(by: Wording(en: p.reason, zh: p.reason))
        }
    }

    /// The Chinese names of the platforms (`PlatformPreset.name`).
    static let platformZh = ["taobao": "淘宝/天猫卖家订单导出（ExportOrderList）", "tmall-report": "天猫订单报表（总金额、买家实际支付金额已扣退款金额）",
                             "pdd": "拼多多订单导出（订单查询）", "jd": "京东商家订单导出（订单管理）", "douyin": "抖店订单导出"]

    /// A file's encoding as Chinese users say it.
    static func encoding(_ e: String) -> String { e.replacingOccurrences(of: " with BOM", with: "，带 BOM") }

    static func ending(_ e: Ending) -> Wording {
        switch e {
        case .dryRun: Wording(en: "; nothing was changed (--dry-run)", zh: "；未做任何更改（--dry-run）")
        case .nothingChanged: Wording(en: "; nothing changed", zh: "；没有变化")
        case .changed: Wording(en: "", zh: "")
        }
    }

    public static var samples: [ImportMessage] {
        let v = Value.number(Fixed(61_812)), u = ImportMessage.performanceUsage
        return [.unknownFieldValue(row: 5, column: "付款方式", field: "terms", value: "赊账", known: ["cash", "net30"], rows: 3, labels: ["cash": "现金", "net30": "月结30天"]),
                .unknownFieldValue(row: 2, column: "付款方式", field: "terms", value: "赊账", known: ["现金"], rows: 1),
                .jsonNotCSV(file: "方案.json", command: "orders import", scenario: true), .jsonNotCSV(file: "导出.json", command: "performance import", scenario: false),
                .ordersSummary(file: "订单.csv", encoding: "UTF-8 with BOM", rows: 285, added: 285, replaced: 0, unchanged: 0, skipped: 0, ending: .changed),
                .refundAbovePayment(count: 1, order: "2026031001984191010", refund: Fixed(99_999), amount: Fixed(268)),
                .refundAbovePayment(count: 3, order: "2026031001984191010", refund: Fixed(99_999), amount: Fixed(268)),
                .ordersSummary(file: "订单.csv", encoding: "GB18030", rows: 1, added: 0, replaced: 0, unchanged: 1, skipped: 0, ending: .dryRun),
                .ordersSummary(file: "订单.csv", encoding: "GB18030", rows: 1, added: 0, replaced: 0, unchanged: 1, skipped: 0, ending: .nothingChanged),
                .performanceSummary(file: "绩效.csv", encoding: "GB18030", rows: 3, agents: 3, months: ["2026-02"], set: 12, unchanged: 0, skipped: 0, ending: .changed),
                .performanceSummary(file: "绩效.csv", encoding: "GB18030", rows: 0, agents: 0, months: [], set: 0, unchanged: 0, skipped: 0, ending: .dryRun),
                .columns(mapped: [("订单编号", "id"), ("金额", "amount")], ignored: ["备注"]), .columns(mapped: [("订单编号", "id")], ignored: []),
                .creditedByNote(settings: "match id, mode first", toAgents: 255, split: 2, silent: 45, toCheck: 14),
                .allSilent(orders: 300, ids: ["S01", "S02"]), .allSilent(orders: 3, ids: []),
                .understood(rows: 300, orders: 300, merged: 2, paid: v, refunded: v, counted: v),
                .statuses(outcomes: [("paid", 259), ("unpaid", 18)], byStatus: [("交易成功", 204), ("", 1)]),
                .credited(agents: [("小美", 3, v)], silentOrders: 2, silentAmount: v, share: "3.0%", total: v),
                .skippedHeader, .problem("第 3 行"), .andMore(5), .savedMapping("电子"), .cannotRead("订单.csv", exists: false), .cannotRead("订单.csv", exists: true),
                .unknownFormat("某平台", formats: [("taobao", "Taobao"), ("pdd", "Pinduoduo")]),
                .formatFitsAnother(file: "订单.csv", format: "tmall-report", columns: ["买家应付货款", "宝贝标题"], fits: "taobao"),
                .notThisExport(file: "订单.csv", format: "taobao", missing: [(target: "amount", headers: ["买家实际支付金额"]), (target: "date", headers: ["订单付款时间", "订单创建时间"])],
                               columns: ["订单编号", "业务员", "签收日期"]),
                .notNetOfRefunds(file: "订单.csv", format: "tmall-report", rows: 2, first: PlatformPreset.NetMismatch(row: 3, total: Fixed(398), refund: .zero, paid: Fixed(388)),
                                 totalColumn: "总金额", refundColumn: "退款金额", paidColumn: "买家实际支付金额", fits: "taobao"),
                .badRows(file: "订单.csv", bad: 2, of: 3, lines: [.problem("第 3 行")]),
                .rowProblems(row: 3, problems: [ImportProblem(row: 3, column: "实付金额", reason: "", kind: .negative(text: "-35.00", field: "amount", refundColumn: "退款金额")),
                                                ImportProblem(row: 3, column: "退款金额", reason: "", kind: .negative(text: "-5", field: "refund", refundColumn: "退款金额"))]),
                .rowProblems(row: 4, problems: [ImportProblem(row: 4, column: "实付金额", reason: "", kind: .negative(text: "-1", field: "amount", refundColumn: nil))]),
                .rowProblems(row: 5, problems: [ImportProblem(row: 5, column: "成交价", reason: "", kind: .outsideRange(text: "-500", field: "amount", range: "0.."))]),
                .rowProblems(row: 5, problems: [ImportProblem(row: 5, column: "最终付款人数", reason: "", kind: .buyersAboveInquiries(buyers: 50, inquiries: 10, inquiriesColumn: "询单人数"))]),
                .unclosedQuote(file: "订单.csv", row: 5, column: "卖家备注", linesAfter: 12), .unclosedQuote(file: "订单.csv", row: 5, column: nil, linesAfter: 0),
                .usageAfter(problem: OutputLine(ArgumentMessage.needsValue("--month")), usage: u),
                .ordersUsage(formats: "taobao|pdd"), .performanceUsage, .monthGoesWithPerformance, .optionGoesWithOrders("--save-map"),
                .oneFileAtATime("甲.csv", "乙.csv", usage: u), .refundsKnownDay("明天"), .refundsKnownGoesWithTaobao,
                .noSavedMapping("电子", saved: []), .noSavedMapping("电子", saved: ["甲"]), .monthNeeded, .failed(file: "订单.csv", why: OutputLine(SystemErrorMessage.code(path: nil, code: 256))),
                .monthOutsideYears(.month(Month(year: 1999, month: 3)), years: 2026...2027),
                .monthAndMonthColumn(file: "绩效.csv", column: "日期", month: .month(Month(year: 2026, month: 3)))]
            + rowProblemSamples.map { .rowProblems(row: 6, problems: [ImportProblem(row: 6, column: "订单编号", $0)]) }
    }
}
