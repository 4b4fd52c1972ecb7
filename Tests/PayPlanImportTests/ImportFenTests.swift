import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanImport
@testable import PayPlanREPL

/// An imported amount is held to the fen as `order set` holds it (fresh user, session 13: `1000.005` was
/// imported as 1,000.005 where `order set ID amount=1.005` refuses it): a field the plan holds to money or
/// counts (a number default, no percent) refuses a value finer than 0.01 with its row and column, in the
/// generic import (plan C's 金额, 利润, 业务及运输费用) and in a platform preset (plan A's 买家实际支付金额);
/// nothing is imported; whole fen still import by the fast path and the long way alike.
@Suite struct ImportFenTests {
    /// Plan C's own export layout, one row: `amount` written `amountText`, profit 3,127.00, costs 94.00.
    func electronicsFile(amount amountText: String, profit: String = "3127.00") throws -> String {
        let header = "订单编号,业务员,签收日期,付款方式,金额,利润,业务及运输费用,回款日期,低毛利审批,核销日期,抵债货物价值,备注"
        let row = #""=""2026040110006""",S02,2026/4/1,cash,"# + "\(amountText),\(profit),94.00,2026/4/1 9:22,,,,"
        return try tempFile(Data((header + "\n" + row + "\n").utf8))
    }

    @Test func genericImportRefusesFinerThanAFen() throws {
        for (amount, profit, column, text) in [("1000.005", "3127.00", "金额", "1000.005"), ("\"1,000.005\"", "3127.00", "金额", "1,000.005"),
                                               ("1000.00", "3127.001", "利润", "3127.001")] {
            let s = try Session(path: electronics)
            let before = s.workspace
            let out = s.execute("orders import \(try electronicsFile(amount: amount, profit: profit)) --map-name electronics")
            #expect(out.failed, "\(amount) \(profit)")
            #expect(out.text.contains("row 2, column \(column): '\(text)' is finer than a fen (0.01)"), "\(out.text)")
            #expect(s.workspace == before)
            // As `order set` says it for the same field.
            #expect(s.workspace.orders.first.map { s.execute("order set \($0.id) amount=1.005").failed } ?? true)
        }
    }

    /// Whole fen pass, both as plain decimals (the fast path) and as grouped text (the long way): 1,000.50 is 1000.50.
    @Test func wholeFenImport() throws {
        for amount in ["1000.50", "\"1,000.50\"", "1000.5"] {
            let s = try Session(path: electronics)
            let out = s.execute("orders import \(try electronicsFile(amount: amount)) --map-name electronics")
            #expect(!out.failed, "\(out.text)")
            let order = s.workspace.orders.first { $0.id == "2026040110006" }
            #expect(order?.fields["amount"] == .number(Fixed(decimalText: "1000.50")!), "\(amount)")
        }
    }

    /// The Taobao preset: 买家实际支付金额 of 88.005 is refused by row and column; in Chinese too.
    @Test func platformImportRefusesFinerThanAFen() throws {
        let path = try tempFile(Data("""
            订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,退款金额,卖家备注
            ="H001",茶友1,88.005,交易成功,2026/2/2 9:00,2026/2/2 9:05,0.00,CS01

            """.utf8))
        let s = try Session(path: onlineShop)
        let before = s.workspace
        let out = s.execute("orders import \(path) --format taobao")
        #expect(out.failed)
        #expect(out.text.contains("row 2, column 买家实际支付金额: '88.005' is finer than a fen (0.01)"), "\(out.text)")
        #expect(s.workspace == before)
        _ = s.execute("set lang zh")
        let zh = s.execute("orders import \(path) --format taobao")
        #expect(zh.failed && zh.text.contains("'88.005' 比 1 分（0.01）还细"), "\(zh.text)")
    }

    /// `isWholeFen` against its definition (rounding to two digits changes nothing), on values by hand.
    @Test func wholeFenByHand() {
        for (text, whole) in [("0", true), ("0.01", true), ("-0.01", true), ("0.005", false), ("-1000.005", false),
                              ("12345678901234567890.12", true), ("0.000000000001", false), ("99999999999999999999999999", true)] {
            let n = Fixed(decimalText: text)!
            #expect(n.isWholeFen == whole, "\(text)")
            #expect(n.isWholeFen == (n.rounded(toDigits: 2) == n), "\(text)")
        }
    }
}
