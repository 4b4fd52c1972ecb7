import PayPlan
import PayPlanImport

extension ImportMessage {
    /// A bad row's problem in Chinese (`negative` and `buyersAboveInquiries` are worded in `cellWording`).
    static func rowProblemChinese(_ k: ImportProblem.Kind) -> String {
        switch k {
        case .negative, .outsideRange, .buyersAboveInquiries: cellWording(ImportProblem(row: 0, column: nil, reason: "", kind: k)).zh
        case .cellCount(let cells, let columns):
            cells < columns ? "这一行只有 \(cells) 格，表头有 \(columns) 列：被截断的行不导入（缺的格会当作空白）；请检查导出的文件"
                : "这一行有 \(cells) 格，多于表头的 \(columns) 列：表头之外还有内容的行不导入；请检查导出的文件"
        case .emptyOrderNumber: "订单号为空"
        case .shortenedOrderNumber(let v): "'\(v)' 是被表格软件缩写成数字的订单号；请把该列设为文本格式后重新导出"
        case .duplicateOrderNumber(let v, let r): "订单号 \(v) 在第 \(r) 行也出现过"
        case .unknownAgent(let v, let known): "没有姓名或工号为 '\(v)' 的员工（员工：\(known.prefix(8).joined(separator: "、"))\(known.count > 8 ? "、…" : "")）"
        case .emptyDate: "日期为空"
        case .notADate(let v): "'\(v)' 不是日期，日期可写作 2026-03-02 或 2026/3/2"
        case .invalidDate(let v): "'\(v)' 不是有效的日期"
        case .notAFlag(let v): "'\(v)' 不是是/否（可写 是/否、Y/N）"
        case .notAnAmount(let v, let tooLarge): tooLarge ? "'\(v)' 太大：金额最大到 10²⁶" : "'\(v)' 不是金额，金额可写作 12345.60、¥12,345 或 12,345元"
        case .finerThanFen(let v, let f): "'\(v)' 比 1 分（0.01）还细：\(f) 是金额或个数，最多精确到分，与 order set 一致"
        case .outsideYears(let d, let y): "\(d) 不在方案的年份（\(y)）之内"
        case .emptyAgent: "员工为空"
        case .notAMonth(let v): "'\(v)' 不是月份，月份可写作 2026-03、2026/3 或 2026年3月"
        case .emptyMonth: "月份为空（可用 --month 2026-03 指定）"
        case .duplicateAgentMonth(let a, let p, let r): "\(a) 在 \(p) 的数据在第 \(r) 行也出现过"
        case .notANumberOrTime(let v, let tooLarge):
            tooLarge ? "'\(v)' 太大：数值和时长最大到 10²⁶" : "'\(v)' 不是数值或时长，可写作 12、12s、1分30秒 或 1:30"
        case .negativeValue(let v): "'\(v)' 是负数"
        case .unknownStatus(let s, let f, let known): "'\(s)' 不是 --format \(f) 认识的订单状态（\(known.joined(separator: "、"))）；不做猜测"
        case .subOrdersTooLarge(let k): "子订单的 \(k) 合计超过 10²⁶"
        case .storedRefundsTooLarge(let o): "订单 \(o) 已导入的退款合计超过 10²⁶"
        case .refundGrewUndated(let o, let from, let to):
            "订单 \(o) 的退款自上次导入后从 \(from.moneyText) 增加到 \(to.moneyText)，而文件没有退款时间列；"
                + "请加上 --refunds-known 日期（得知退款的那一天），增加的部分在那个月追回"
        case .refundBeforeOrder(let o, let d, let od): "订单 \(o) 的退款日期 \(d) 早于订单本身（\(od)）"
        case .refundGrewAgain(let o, let od):
            "订单 \(o) 的退款在 \(od) 记入的增加之后又增加了：分三次的退款不导入；请手工修改该订单（order set \(o) refund=… refund_date=…）"
        }
    }

    /// One sample of every row problem kind (the catalogue renders them in `rowProblems`).
    static var rowProblemSamples: [ImportProblem.Kind] {
        [.cellCount(cells: 3, columns: 6), .cellCount(cells: 8, columns: 6), .emptyOrderNumber, .shortenedOrderNumber("1.23E+11"), .duplicateOrderNumber("T001", row: 2), .unknownAgent("S09", known: ["李雷 (S01)", "韩梅梅 (S02)"]),
         .emptyDate, .notADate("3月2日"), .invalidDate("2026-02-30"), .notAFlag("也许"), .notAnAmount("十二", tooLarge: false),
         .notAnAmount("1000000000000000000000000000", tooLarge: true), .finerThanFen("1000.005", field: "amount"), .outsideYears("2025-12-31", years: "2026"), .emptyAgent, .notAMonth("三月"),
         .emptyMonth, .duplicateAgentMonth(agent: "小美", period: "2026-03", row: 2), .notANumberOrTime("很多", tooLarge: false),
         .notANumberOrTime("1000000000000000000000000000", tooLarge: true), .negativeValue("-3"),
         .unknownStatus("已取消", format: "taobao", known: ["交易成功", "交易关闭"]), .subOrdersTooLarge("amount"),
         .storedRefundsTooLarge(order: "2026031097825199314"),
         .refundGrewUndated(order: "2026031097825199314", from: .zero, to: Fixed(128)),
         .refundBeforeOrder(order: "2026031097825199314", refund: Day(year: 2026, month: 3, day: 1)!, ordered: Day(year: 2026, month: 3, day: 10)!),
         .refundGrewAgain(order: "2026031097825199314", booked: Day(year: 2026, month: 4, day: 10)!)]
    }
}
