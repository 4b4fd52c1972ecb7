import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// A CSV row whose cells do not line up with the header (fresh-user finding H1, 2026-12-02): a row cut
/// short was read as a good row, its missing cells blank, so re-importing an order already imported
/// (2026040710045, 9,420.00 in the shipped electronics scenario) replaced its amount, profit, costs and
/// paid date with nothing and 李雷's April pay fell without a word. Every CSV import (orders under a map,
/// a platform format, performance sheets) now refuses such a row, naming it; trailing blank cells past
/// the header (a delimiter some exports write at the end of each row) are taken.
@Suite struct ImportRowCellCountTests {
    let header = "订单编号,业务员,签收日期,付款方式,金额,利润\n"

    func csv(_ rows: String...) throws -> String {
        try tempFile(Data((header + rows.joined(separator: "\n") + "\n").utf8), "rows.csv")
    }

    @Test func aRowCutShortIsRefusedAndTheOrderKeepsItsFigures() throws {
        let s = try Session(path: electronics)
        let order = try #require(s.workspace.order("2026040710045"))
        #expect(order.fields["amount"] == .number(Fixed(9420)), "the shipped order, as the scenario file writes it")
        let pay = query(s, "李雷.pay[2026-04]")
        let short = try csv("2026040710045,李雷,2026/4/7")
        expectRefused(s, "orders import \(short) --map-name electronics", "row 2: the row has 3 cells where the header has 6 columns")
        #expect(s.workspace.order("2026040710045") == order)
        #expect(query(s, "李雷.pay[2026-04]") == pay)
        // A dry run says the same, and --skip-bad leaves the row out (nothing to import, the order as it was).
        expectRefused(s, "orders import \(short) --map-name electronics --dry-run", "the row has 3 cells where the header has 6 columns")
        s.language = .zh
        expectRefused(s, "orders import \(short) --map-name electronics", "这一行只有 3 格，表头有 6 列")
        s.language = .en
        _ = s.execute("orders import \(short) --map-name electronics --skip-bad")
        #expect(s.workspace.order("2026040710045") == order)
    }

    @Test func cellsPastTheHeaderAreRefusedUnlessBlank() throws {
        let s = try Session(path: electronics)
        let extra = try csv("R1,李雷,2026/5/6,cash,100,10,surplus")
        expectRefused(s, "orders import \(extra) --map-name electronics", "the row has 7 cells, more than the header's 6 columns")
        #expect(s.workspace.order("R1") == nil)
        // Blank cells past the header (a trailing delimiter) are no problem: the row is read.
        let trailing = try csv("R2,李雷,2026/5/6,cash,100,10,,", "R3,李雷,2026/5/7,cash,200,20")
        run(s, "orders import \(trailing) --map-name electronics")
        #expect(s.workspace.order("R2")?.fields["amount"] == .number(Fixed(100)))
        #expect(s.workspace.order("R3")?.fields["amount"] == .number(Fixed(200)))
    }

    /// Each bad row is named, the good rows with --skip-bad are imported: rows 2 and 4 are short,
    /// row 3 lines up.
    @Test func everyRowOutOfLineIsNamed() throws {
        let s = try Session(path: electronics)
        let file = try csv("R4,李雷", "R5,李雷,2026/5/6,cash,300,30", "R6,李雷,2026/5/6,cash")
        let out = s.execute("orders import \(file) --map-name electronics")
        #expect(out.failed)
        #expect(out.text.contains("row 2: the row has 2 cells where the header has 6 columns"), "\(out.text)")
        #expect(out.text.contains("row 4: the row has 4 cells where the header has 6 columns"), "\(out.text)")
        run(s, "orders import \(file) --map-name electronics --skip-bad")
        #expect(s.workspace.order("R5")?.fields["amount"] == .number(Fixed(300)))
        #expect(s.workspace.order("R4") == nil && s.workspace.order("R6") == nil)
    }

    /// The same for a performance sheet: 小美's row cut after her inquiries would enter no buyers.
    @Test func aPerformanceRowCutShortIsRefused() throws {
        let s = try Session(path: onlineShop)
        let file = try tempFile(Data("日期,客服,询单人数,询单->最终付款人数\n2026-02,茶语轩:小美,100\n".utf8), "perf.csv")
        let before = query(s, "小美.inquiries[2026-02]")
        expectRefused(s, "performance import \(file)", "the row has 3 cells where the header has 4 columns")
        #expect(query(s, "小美.inquiries[2026-02]") == before)
    }
}
