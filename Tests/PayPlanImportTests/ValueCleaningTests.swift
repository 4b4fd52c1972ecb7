import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanImport

/// Cleaning of the values spreadsheet exports write.
@Suite struct ValueCleaningTests {
    @Test func amounts() {
        #expect(OrderImport.amount("12,345.60") == Fixed(decimalText: "12345.6"))
        #expect(OrderImport.amount("¥12,345") == Fixed(12345))
        #expect(OrderImport.amount("￥ 8,000.00") == Fixed(8000))
        #expect(OrderImport.amount("12,345元") == Fixed(12345))
        #expect(OrderImport.amount("(1,200.00)") == Fixed(-1200))
        #expect(OrderImport.amount("-1,200") == Fixed(-1200))
        #expect(OrderImport.amount("1.5万") == Fixed(15000))
        #expect(OrderImport.amount("１２３") == Fixed(123))
        // Exact, never through Double: 0.1 + 0.2 style digits survive.
        #expect(OrderImport.amount("12345678901234.56") == Fixed(decimalText: "12345678901234.56"))
        #expect(OrderImport.amount("12,5") == nil)
        #expect(OrderImport.amount("1,2345") == nil)
        #expect(OrderImport.amount("abc") == nil)
        #expect(OrderImport.amount("") == nil)
    }

    @Test func dates() {
        #expect(OrderImport.day("2026-03-02") == Day(year: 2026, month: 3, day: 2))
        #expect(OrderImport.day("2026/3/2 9:05") == Day(year: 2026, month: 3, day: 2))
        #expect(OrderImport.day("2026/03/02") == Day(year: 2026, month: 3, day: 2))
        #expect(OrderImport.day("2026-03-02T09:05:00") == Day(year: 2026, month: 3, day: 2))
        #expect(OrderImport.day("2026年3月2日") == Day(year: 2026, month: 3, day: 2))
        #expect(OrderImport.day("2026.3.2") == Day(year: 2026, month: 3, day: 2))
        #expect(OrderImport.day("2026/2/30") == nil)
        #expect(OrderImport.day("3/2/2026") == nil)
    }

    @Test func cellsAndHeaders() throws {
        #expect(OrderImport.cleanCell("=\"2026030212345\"") == "2026030212345")
        #expect(OrderImport.cleanCell("  S01 ") == "S01")
        #expect(OrderImport.cleanHeader("\u{FEFF}订单编号 ") == "订单编号")
        #expect(OrderImport.cleanHeader(" 金额\u{3000}") == "金额")
        #expect(OrderImport.flag("是") == true && OrderImport.flag("否") == false && OrderImport.flag("maybe") == nil)
        #expect(try OrderImport.parseMapping("订单编号=id， 业务员＝agent") == ["订单编号": "id", "业务员": "agent"])
    }
}
