import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanImport
@testable import PayPlanREPL

/// A platform re-import's refund problems are typed (`ImportProblem.Kind`) and said in both languages
/// (fresh-user finding M-A: "the refund of order … grew from 0.00 to 128.00 …" was English under
/// --lang zh). Plan A (scenarios/online-shop-cs.json), orders dated February 2026, where the shipped
/// scenario has none: T007 paid 1,000.00 on 2026-02-10 by 阿杰 (CS02), no refund.
@Suite struct RefundReconcileWordingTests {
    static let february = """
        订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,退款金额,卖家备注
        ="T007",茶友7,"1,000.00",交易成功,2026/2/10 9:00,2026/2/10 9:01,0.00,CS02

        """
    /// The same order with a refund of `refund` and no 退款时间 column.
    static func refunded(_ refund: String) -> String {
        """
        订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,退款金额,卖家备注
        ="T007",茶友7,"1,000.00",交易成功,2026/2/10 9:00,2026/2/10 9:01,\(refund),CS02

        """
    }

    func imported() throws -> Session {
        let s = try Session(path: onlineShop)
        let path = try tempFile(Data(Self.february.utf8), "feb.csv")
        #expect(run(s, "orders import \(path) --format taobao")[0].hasSuffix("1 row read, 1 order added, 0 replaced, 0 unchanged, 0 skipped"))
        return s
    }

    /// A refund that grew (0.00 → 400.00) with nothing to date it: the row is refused in the session's
    /// language, naming the order, both amounts and the option that dates it; nothing is imported.
    @Test func aRefundThatGrewUndatedIsRefusedInBothLanguages() throws {
        let s = try imported()
        let april = try tempFile(Data(Self.refunded("400.00").utf8), "apr.csv")
        s.language = .en
        expectRefused(s, "orders import \(april) --format taobao",
                      "the refund of order T007 grew from 0.00 to 400.00 since the last import and the file has no 退款时间; give --refunds-known DATE")
        s.language = .zh
        expectRefused(s, "orders import \(april) --format taobao",
                      "第 2 行，列「退款金额」：订单 T007 的退款自上次导入后从 0.00 增加到 400.00，而文件没有退款时间列；请加上 --refunds-known 日期（得知退款的那一天），增加的部分在那个月追回")
        #expect(s.workspace.order("T007")?.fields["refund"] == nil)
    }

    /// A refund dated (by --refunds-known) before the order's own day 2026-02-10 is refused.
    @Test func aRefundDatedBeforeTheOrderIsRefusedInBothLanguages() throws {
        let s = try imported()
        let april = try tempFile(Data(Self.refunded("400.00").utf8), "apr.csv")
        s.language = .en
        expectRefused(s, "orders import \(april) --format taobao --refunds-known 2026-02-01",
                      "the refund of order T007 is dated 2026-02-01, before the order (2026-02-10)")
        s.language = .zh
        expectRefused(s, "orders import \(april) --format taobao --refunds-known 2026-02-01",
                      "订单 T007 的退款日期 2026-02-01 早于订单本身（2026-02-10）")
    }

    /// 400.00 booked in April (2026-04-03), then 600.00 learned in May: a refund in three steps, refused.
    @Test func aRefundInThreeStepsIsRefusedInBothLanguages() throws {
        let s = try imported()
        let april = try tempFile(Data(Self.refunded("400.00").utf8), "apr.csv")
        let may = try tempFile(Data(Self.refunded("600.00").utf8), "may.csv")
        run(s, "orders import \(april) --format taobao --refunds-known 2026-04-03")
        s.language = .en
        expectRefused(s, "orders import \(may) --format taobao --refunds-known 2026-05-05",
                      "the refund of order T007 grew again after the increase booked on 2026-04-03: a refund in three steps is not imported")
        s.language = .zh
        expectRefused(s, "orders import \(may) --format taobao --refunds-known 2026-05-05",
                      "订单 T007 的退款在 2026-04-03 记入的增加之后又增加了：分三次的退款不导入；请手工修改该订单（order set T007 refund=… refund_date=…）")
    }
}
