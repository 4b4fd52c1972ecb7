import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanImport
@testable import PayPlanREPL

/// Imports of huge amounts, counts and durations (issue 11, the crash list): a clear error naming the row
/// and column, or a value the range holds and totals that say #OVERFLOW — never a trap, never a wrong value.
@Suite struct ImportOverflowTests {
    /// Two Taobao orders of 9 × 10²⁵ for 小美 (CS01) in February: each fits, together 1.8 × 10²⁶ is beyond
    /// the range, so her credited total in `attribution` is #OVERFLOW while the silent line stays 0.00.
    @Test func attributionOfTwoHugeOrders() throws {
        let s = try Session(path: onlineShop)
        let path = try tempFile(Data("""
            订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,退款金额,卖家备注
            ="H001",茶友1,90000000000000000000000000.00,交易成功,2026/2/2 9:00,2026/2/2 9:05,0.00,CS01
            ="H002",茶友2,90000000000000000000000000.00,交易成功,2026/2/3 9:00,2026/2/3 9:05,0.00,CS01

            """.utf8))
        run(s, "orders import \(path) --format taobao")
        let report = run(s, "attribution 2026-02")
        #expect(row(report, "小美") == ["CS01", "sales", "2", "#OVERFLOW"])
        #expect(row(report, "silent (闷拍)") == ["0", "0.00"])
        #expect(query(s, "小美.own_sales[2026-02]") == "#OVERFLOW")
    }

    /// An amount cell beyond 10²⁶ is refused with its row and column, and nothing is imported.
    @Test func hugeAmountCellIsRefusedByRow() throws {
        let s = try Session(path: onlineShop)
        let before = s.workspace
        let path = try tempFile(Data("""
            订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,退款金额,卖家备注
            ="H001",茶友1,1000000000000000000000000000.00,交易成功,2026/2/2 9:00,2026/2/2 9:05,0.00,CS01

            """.utf8))
        let out = s.execute("orders import \(path) --format taobao")
        #expect(out.failed)
        #expect(out.text.contains("row 2, column 买家实际支付金额: '1000000000000000000000000000.00' is too large: amounts go up to 10²⁶"), "\(out.text)")
        #expect(s.workspace == before)
        #expect(OrderImport.amountTooLarge("1000000000000000000000000000") && !OrderImport.amountTooLarge("12x"))
        // 10²² 万 is 10²⁶: the largest; 10²³ 万 is beyond.
        #expect(OrderImport.amount("10000000000000000000000万") == Fixed.largest)
        #expect(OrderImport.amount("100000000000000000000000万") == nil && OrderImport.amountTooLarge("100000000000000000000000万"))
    }

    /// Durations in a performance file (首次响应时间): a huge minutes part is read exactly, a huge number of
    /// minutes beyond 10²⁶ seconds is refused by row, and 99999999999999999999:30 is not silently 30 seconds.
    @Test func hugeDurations() throws {
        // 999999999999999999 min = 999,999,999,999,999,999 × 60 = 59,999,999,999,999,999,940 s.
        #expect(PerformanceImport.seconds("999999999999999999:00") == Fixed(decimalText: "59999999999999999940"))
        // 99999999999999999999 × 60 + 30 = 5,999,999,999,999,999,999,970 s.
        #expect(PerformanceImport.seconds("99999999999999999999:30") == Fixed(decimalText: "5999999999999999999970"))
        // 9,999,999,999,999,999,999,999,999 min × 60 ≈ 6 × 10²⁶ s: beyond the range.
        #expect(PerformanceImport.seconds("9999999999999999999999999分") == nil)
        #expect(PerformanceImport.durationTooLarge("9999999999999999999999999分"))
        // After a colon, minutes and seconds go up to 59.
        #expect(PerformanceImport.seconds("1:75") == nil && !PerformanceImport.durationTooLarge("1:75"))
        #expect(PerformanceImport.seconds("1:59") == Fixed(119))

        let s = try Session(path: onlineShop)
        let before = s.workspace
        let path = try tempFile(Data("""
            客服,月份,询单人数,最终付款人数,首次响应时间
            小美,2026-02,200,110,9999999999999999999999999分
            阿杰,2026-02,200,99,1:75
            小雨,2026-02,200,140,999999999999999999:00

            """.utf8), "客服绩效.csv")
        let out = s.execute("performance import \(path)")
        #expect(out.text.contains("2 bad rows of 3; nothing was imported"), "\(out.text)")
        #expect(out.text.contains("row 2, column 首次响应时间: '9999999999999999999999999分' is too large: amounts and times go up to 10²⁶"))
        #expect(out.text.contains("row 3, column 首次响应时间: '1:75' is not a number or a time such as 12, 12s, 1分30秒 or 1:30"))
        #expect(s.workspace == before)
        run(s, "performance import \(path) --skip-bad")
        #expect(query(s, "小雨.first_response[2026-02]") == "59,999,999,999,999,999,940.00")
    }

    /// A count cell (询单人数) beyond 10²⁶ is refused by row and column.
    @Test func hugeCountIsRefusedByRow() throws {
        let s = try Session(path: onlineShop)
        let path = try tempFile(Data("客服,月份,询单人数\n小美,2026-02,1000000000000000000000000000\n".utf8), "客服绩效.csv")
        let out = s.execute("performance import \(path)")
        #expect(out.text.contains("row 2, column 询单人数: '1000000000000000000000000000' is too large: amounts and times go up to 10²⁶"), "\(out.text)")
    }
}
