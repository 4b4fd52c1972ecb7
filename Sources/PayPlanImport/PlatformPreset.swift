import Foundation
import PayPlan

/// A shop platform's order export, as data: which of its columns are the order number, amounts, status,
/// seller note and dates (with their known variants), what its statuses mean, whether its paid amount is
/// already net of refunds, and how its sub-order rows are read. `orders import FILE --format NAME`.
///
/// Every preset credits orders by the seller's note (`Attribution`, plan A2); statuses are stored in
/// Taobao's words, which the shipped plan reads (`交易成功`, `等待买家付款`, `交易关闭`), and an order
/// refunded in full gets its whole amount as `refund`.
public struct PlatformPreset: Sendable {
    /// What a status means for pay.
    public enum Outcome: String, Sendable, CaseIterable {
        /// Paid (shipped, received, finished): counts, less any refund.
        case paid
        /// Not paid yet: counts nothing.
        case unpaid
        /// Closed or cancelled before payment: counts nothing.
        case closed
        /// Refunded in full after payment: counts nothing (its amount is the refund).
        case refunded

        /// The status as the shipped plan reads it (Taobao's words).
        public var storedStatus: String {
            switch self { case .paid: "交易成功"; case .unpaid: "等待买家付款"; case .closed, .refunded: "交易关闭" }
        }
    }

    /// How rows relate to orders.
    public enum Rows: Sendable, Equatable {
        /// One row per order; a repeated order number is a bad row.
        case onePerOrder
        /// One row per sub-order (`sub` maps to the sub-order number, `parent` to the order's): rows of
        /// one order are merged, amounts and refunds summed, the order refunded in full only when every
        /// sub-order is.
        case subOrders
    }

    /// The name after `--format`, and other names it answers to.
    public let name: String, aliases: [String]
    /// What the preset reads, for `help import`.
    public let title: String
    /// Target → the export's column names for it, in preference order. Targets: `id`, `amount`, `refund`,
    /// `status`, `after_sale` (a separate after-sales status), `note`, `date`, `refund_date`, `buyer`,
    /// `total` (the order's total before refunds, to check refund semantics), `parent` (sub-orders),
    /// `net_paid` (a paid amount already net of refunds: with no status, 0 means unpaid or refunded in full).
    public let columns: [(target: String, headers: [String])]
    /// The columns whose date counts when the payment time is empty.
    public let createdColumns: [String]
    /// Status text → outcome; a status is matched exactly, else by the first entry it contains.
    public let statuses: [(text: String, outcome: Outcome)]
    /// After-sales status text → outcome (only `refunded` overrides the order status).
    public let afterSale: [(text: String, outcome: Outcome)]
    public let rows: Rows
    /// True when the amount column is the gross paid amount and refunds are subtracted from it; false
    /// when the export's paid amount is already net of refunds (the preset then reads the total as amount).
    public let grossAmount: Bool
    /// Notes on the layout for `help import` (sub-order rows, encodings, quirks).
    public let notes: String

    /// The presets: Taobao, the Tmall order report, Pinduoduo, JD, Douyin.
    public static let all: [PlatformPreset] = [taobao, tmallReport, pinduoduo, jd, douyin]

    /// The preset called `name` (or one of its aliases), ignoring case.
    public static func named(_ name: String) -> PlatformPreset? {
        let n = name.lowercased()
        return all.first { $0.name == n || $0.aliases.contains(n) }
    }

    /// The names `--format` takes, for messages.
    public static var names: String { all.map(\.name).joined(separator: ", ") }

    // MARK: The platforms

    static let taobaoStatuses: [(text: String, outcome: Outcome)] = [
        ("等待买家付款", .unpaid), ("交易关闭", .closed), ("交易成功", .paid), ("卖家已发货", .paid), ("买家已付款", .paid),
        ("等待卖家发货", .paid), ("等待买家确认收货", .paid), ("部分发货", .paid),
    ]

    /// 卖家中心 → 已卖出的宝贝 → 批量导出 (ExportOrderList): GBK, `="…"` numbers, 元, trailing spaces.
    public static let taobao = PlatformPreset(
        name: "taobao", aliases: ["tmall", "淘宝", "天猫"],
        title: "Taobao/Tmall seller order export (ExportOrderList)",
        columns: TaobaoImport.columns + [("total", ["总金额"])],
        createdColumns: TaobaoImport.createdColumns, statuses: taobaoStatuses, afterSale: [], rows: .onePerOrder, grossAmount: true,
        notes: "one row per order; 买家实际支付金额 is what was paid, 退款金额 is subtracted; 订单备注 there is the seller's memo (买家留言 is the buyer's)")

    /// The Tmall order report (订单编号, 总金额, 买家实际支付金额, 收货地址, 订单创建时间, 订单付款时间, 退款金额):
    /// its 买家实际支付金额 is already net of 退款金额, so the amount is 总金额 and the refund 退款金额.
    public static let tmallReport = PlatformPreset(
        name: "tmall-report", aliases: ["tmall_report", "天猫报表"],
        title: "Tmall order report (总金额, 买家实际支付金额 net of 退款金额)",
        columns: [("id", ["订单编号", "订单号"]), ("amount", ["总金额", "订单金额"]), ("refund", ["退款金额"]), ("status", ["订单状态"]),
                  ("note", ["卖家备注", "商家备注", "订单备注"]), ("date", ["订单付款时间", "付款时间"]), ("buyer", ["买家会员名", "买家昵称"]),
                  ("refund_date", ["退款时间"]), ("net_paid", ["买家实际支付金额"])],
        createdColumns: ["订单创建时间", "创建时间"], statuses: taobaoStatuses, afterSale: [], rows: .onePerOrder, grossAmount: false,
        notes: "one row per order; 总金额 is the amount and 退款金额 the refund (买家实际支付金额 = 总金额 − 退款金额); without 订单状态, 买家实际支付金额 0 means unpaid (no refund) or refunded in full")

    /// 拼多多商家后台 → 订单查询 → 导出: UTF-8 with BOM, `(元)` in the money headers, 售后状态 beside 订单状态.
    public static let pinduoduo = PlatformPreset(
        name: "pdd", aliases: ["pinduoduo", "拼多多"],
        title: "Pinduoduo order export (订单查询)",
        columns: [("id", ["订单号", "订单编号"]), ("amount", ["用户实付金额", "实付金额", "用户实付"]), ("status", ["订单状态"]),
                  ("after_sale", ["售后状态"]), ("note", ["商家备注", "卖家备注"]), ("date", ["支付时间", "付款时间", "拼单成功时间"]),
                  ("buyer", ["收货人"]), ("total", ["商品总价"])],
        createdColumns: ["订单成交时间", "下单时间"],
        statuses: [("待支付", .unpaid), ("未支付", .unpaid), ("已取消", .closed), ("退款成功", .refunded), ("已发货", .paid), ("待发货", .paid),
                   ("待收货", .paid), ("已收货", .paid), ("已签收", .paid), ("已完成", .paid)],
        afterSale: [("退款成功", .refunded), ("退货退款成功", .refunded), ("无售后", .paid), ("售后取消", .paid), ("退款中", .paid), ("售后处理中", .paid)],
        rows: .onePerOrder, grossAmount: true,
        notes: "one row per order; 售后状态 退款成功 refunds the order in full (the export has no refund amount); money headers may end in (元)")

    /// 京东商家后台 → 订单管理 → 导出: GBK; 商家备注 is the seller's note (订单备注 is the buyer's remark).
    public static let jd = PlatformPreset(
        name: "jd", aliases: ["jingdong", "京东"],
        title: "JD seller order export (订单管理)",
        columns: [("id", ["订单号", "订单编号"]), ("amount", ["应付金额", "订单应付金额", "实付金额"]), ("status", ["订单状态"]),
                  ("note", ["商家备注"]), ("date", ["付款确认时间", "支付时间", "付款时间"]), ("buyer", ["下单帐号", "下单账号", "客户姓名"]),
                  ("refund", ["退款金额"]), ("total", ["订单金额"])],
        createdColumns: ["下单时间"],
        statuses: [("等待付款", .unpaid), ("已取消", .closed), ("取消", .closed), ("锁定", .paid), ("等待出库", .paid), ("等待确认收货", .paid),
                   ("已完成", .paid), ("完成", .paid), ("配送退货", .refunded)],
        afterSale: [], rows: .onePerOrder, grossAmount: true,
        notes: "one row per order (a repeated 订单号 is refused); the note is 商家备注 — 订单备注 is the buyer's remark and is ignored")

    /// 抖店 → 订单管理 → 导出: UTF-8 with BOM, `"\t6917…"` numbers, `-` for empty, one row per sub-order.
    public static let douyin = PlatformPreset(
        name: "douyin", aliases: ["doudian", "抖音", "抖店"],
        title: "Douyin shop (抖店) order export",
        columns: [("parent", ["主订单编号"]), ("id", ["子订单编号"]), ("amount", ["订单应付金额", "应付金额", "实付金额"]), ("status", ["订单状态"]),
                  ("after_sale", ["售后状态"]), ("note", ["商家备注"]), ("date", ["支付完成时间", "支付时间"]), ("buyer", ["收件人"])],
        createdColumns: ["订单提交时间"],
        statuses: [("待支付", .unpaid), ("已关闭", .closed), ("已取消", .closed), ("备货中", .paid), ("待发货", .paid), ("已发货", .paid),
                   ("已完成", .paid), ("已签收", .paid)],
        afterSale: [("退款成功", .refunded), ("售后完成", .refunded), ("退货退款成功", .refunded), ("-", .paid), ("售后关闭", .paid), ("无售后", .paid)],
        rows: .subOrders, grossAmount: true,
        notes: "one row per sub-order (子订单编号): the rows of a 主订单编号 are one order, amounts summed; a sub-order refunded (售后状态 退款成功) refunds its amount")

    /// No platform: the columns come from `--map` and the plan's field names, `--note COLUMN` names the
    /// note. Taobao's status words are understood; any other status is kept as written and counts as paid.
    public static let generic = PlatformPreset(
        name: "generic", aliases: [], title: "a spreadsheet mapped with --map and --note",
        columns: [], createdColumns: [], statuses: [], afterSale: [], rows: .onePerOrder, grossAmount: true, notes: "")

    // MARK: Reading a header

    /// A header as compared with the preset's names: without `(元)`/`（元）` and spaces.
    static func bare(_ h: String) -> String {
        var s = h.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        for unit in ["(元)", "(¥)", "(件)"] { s = s.replacingOccurrences(of: unit, with: "") }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// The mapping for a file with `header`: every column this preset knows that the file has (the first of
    /// each target's names), the rest ignored (`-`).
    /// - Returns: the mapping (file header → target) and the fallback date column (the creation time).
    public func mapping(header: [String]) -> (mapping: [String: String], dateFallback: String?) {
        var m: [String: String] = [:]
        for h in header where !h.isEmpty { m[h] = "-" }
        func column(_ names: [String]) -> String? {
            for n in names { if let h = header.first(where: { PlatformPreset.bare($0) == n }) { return h } }
            return nil
        }
        var fallback = column(createdColumns)
        for (target, names) in columns {
            if let h = column(names) { m[h] = target }
        }
        if !m.values.contains("date"), let f = fallback { m[f] = "date"; fallback = nil }
        return (m, fallback)
    }

    /// The outcome of a status text; `nil` for a status the preset does not know.
    public func outcome(status: String) -> Outcome? {
        if statuses.isEmpty { return PlatformPreset.taobao.outcome(status: status) ?? .paid }
        if let exact = statuses.first(where: { $0.text == status }) { return exact.outcome }
        return statuses.first { status.contains($0.text) }?.outcome
    }

    /// The outcome of an after-sales status, when it refunds the order.
    func refunds(afterSale text: String) -> Bool {
        let hit = afterSale.first { $0.text == text } ?? afterSale.first { text.contains($0.text) && $0.text != "-" }
        return hit?.outcome == .refunded
    }
}
