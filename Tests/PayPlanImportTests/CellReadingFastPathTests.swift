import Foundation
import Testing
import PayPlan
@testable import PayPlanImport

/// The byte-level fast paths of cell cleaning, amounts and dates (issue 10) give what the
/// long way gives (Foundation trimming, regular expressions, full clean-up) on every shape
/// exports write, and the right values by hand.
@Suite struct CellReadingFastPathTests {
    static let cells = [
        "", " ", "\t", "\r\n", "\u{3000}", "\u{FEFF}", "\u{FEFF}订单编号", "T001", " T001 ", "T001\u{3000}", "\u{3000}T001",
        "=\"2026030212345\"", " =\"2026030212345\" ", "=\"\"", "=\"x", "'0123", "'abc", "'", "小美", "CS01 成交", "成交\u{00A0}",
        "\u{2003}x", "x\u{2028}", "\u{85}x", "a\u{0301}", "é ", "12,345.60", "¥12,345", "￥ 8,000.00", "(1,200.00)", "-5", "+5",
        "1.", ".5", "1.5万", "１２３", "12345678901234.56", "0.0000000000001", "1,2345", "12,5", "abc",
        "2026-03-02", "2026/3/2 9:05", "2026/03/02", "2026-03-02T09:05:00", "2026.3.2", "2026年3月2日", "2026年3月2日 9:05",
        "2026年03月02日", "2026-3月2", "2026年3-2", "2026月3年2", "2026-02-30", "2026-13-01", "0000-01-01", "20261-3-2",
        "2026-3-233", "2026-03-02\t", " 2026-03-02", "2026-03-02日", "2026-03", "2026", "２０２６-03-02", "2026-03-02x",
        "1.2E+13", "1e+5", "yes", "是", "否", "-", "--", "- ", "-x", "\u{1}x", "x\u{7F}", "x\u{B}", "\u{C}x", "\u{1C}x", "x\u{1F}", "!", "~",
        "a小", "小a", "5\u{85}", "'5", "\u{0301}", "x\u{1}",
        "=\"T001\"", "=\"1\"", "=\"T 1\"", "=\" T1\"", "=\"T1 \"", "=\"ab\"c\"", "=\"é\"", "=\"\"\"\"", "=\"x\u{0301}\"", "=\"小美\"", "= \"T1\"", "=\"T1\" ",
    ]

    @Test func cleaningMatchesFoundationTrimming() {
        for c in Self.cells { #expect(OrderImport.cleanCell(c) == OrderImport.cleanCellInFull(c), "\(c.unicodeScalars.map { $0.value })") }
        // By hand.
        #expect(OrderImport.cleanCell(" =\"2026030212345\" ") == "2026030212345")
        #expect(OrderImport.cleanCell("\u{FEFF}订单编号") == "订单编号")
        #expect(OrderImport.cleanCell("T001\u{3000}") == "T001")
        #expect(OrderImport.cleanCell("'0123") == "0123")
        #expect(OrderImport.cleanCell("=\"2026030212345\"") == "2026030212345")
        #expect(OrderImport.cleanCell("=\" T1\"") == "T1")
    }

    @Test func amountsMatchTheLongWay() {
        for c in Self.cells { #expect(OrderImport.amount(c) == OrderImport.amountInFull(c), "\(c)") }
        // By hand: raw = value × 10¹².
        #expect(OrderImport.amount("12345.60")?.raw == 12_345_600_000_000_000)
        #expect(OrderImport.amount("-0.1")?.raw == -100_000_000_000)
        #expect(OrderImport.amount("0.0000000000001") == nil) // 13 decimals
    }

    @Test func datesMatchTheLongWay() {
        for c in Self.cells { #expect(OrderImport.day(c) == OrderImport.dayInFull(c), "\(c)") }
        #expect(OrderImport.day("2026年3月2日 9:05") == Day(year: 2026, month: 3, day: 2))
        #expect(OrderImport.day("2026.12.31") == Day(year: 2026, month: 12, day: 31))
        #expect(OrderImport.day("2024-02-29") == Day(year: 2024, month: 2, day: 29))
        #expect(OrderImport.day("2026-02-29") == nil)
    }

    @Test func blankRows() {
        #expect(OrderImport.isBlank(["", " ", "\t", "\u{3000}", "\r\n"]))
        #expect(!OrderImport.isBlank(["", "\u{FEFF}"])) // a byte-order mark is not white space
        #expect(!OrderImport.isBlank([" ", "x"]))
    }
}
