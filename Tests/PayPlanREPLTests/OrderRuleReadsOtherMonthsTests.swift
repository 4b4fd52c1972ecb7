import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// An order rule that aggregates a figure over the order's quarter, half or year reads that figure
/// in other months than the order's own. The order templates (Engine+OrderTemplates) took every
/// plain reference inside it for a read at the order's month, so an edit of May left a March
/// order's figure stale (found by the long fuzz run, seed 7001 episode 180 and seed 7002 episode 40:
/// `order q = max(if sub2_inquiries = left then sub2_inquiries else left over year)` on plan A).
@Suite struct OrderRuleReadsOtherMonthsTests {
    /// Each kind of read of another month inside an order rule, of a team input (sub2_inquiries) and
    /// of an agent's monthly input (buyers, 最终付款人数), with and without a filter.
    @Test(arguments: [
        ("order q = sum(sub2_inquiries over year)", "sub2_inquiries[2026-05] = 777"),
        ("order q = max(if sub2_inquiries = left then sub2_inquiries else left over year)", "sub2_inquiries[2026-05] = 777"),
        ("order q = max(buyers over quarter)", "小美.buyers[2026-02] = 900"),
        ("order q = sum(buyers over half where buyers > 10)", "小美.buyers[2026-06] = 55"),
        ("order q = avg(sub2_inquiries over quarter) + sum(buyers over year)", "小美.buyers[2026-12] = 3"),
    ])
    func anEditInAnotherMonthReachesTheOrderFigure(_ row: (String, String)) throws {
        let s = try Session(path: onlineShop)
        run(s, row.0)
        #expect(s._checkInvariants().isEmpty, "\(s._checkInvariants().prefix(2))")
        run(s, row.1)
        // Every order figure equals a fresh engine's (a new session on the saved file).
        #expect(s._checkInvariants().isEmpty, "\(s._checkInvariants().prefix(2))")
        let d = tempDir("reads-other-months")
        defer { try? FileManager.default.removeItem(atPath: d) }
        run(s, "save \(d)/a.json")
        let fresh = try Session(path: d + "/a.json")
        for o in s.workspace.orders.prefix(40) { #expect(query(s, "\(o.id).q") == query(fresh, "\(o.id).q"), "\(o.id)") }
    }

    func amount(_ text: String) -> Fixed? { Fixed(decimalText: text.replacingOccurrences(of: ",", with: "")) }

    /// By hand: a March order's sum of the team input over 2026 moves by exactly what May moved.
    @Test func theYearSumMovesByTheEdit() throws {
        let s = try Session(path: onlineShop)
        run(s, "order q = sum(sub2_inquiries over year)")
        let id = "2026031001984191010"  // 小美, 2026-03-26
        let before = try #require(amount(query(s, "\(id).q")))
        let may = try #require(amount(query(s, "sub2_inquiries[2026-05]")))
        run(s, "sub2_inquiries[2026-05] = 777")
        let after = try #require(amount(query(s, "\(id).q")))
        #expect(after == before + Fixed(777) - may)
    }
}
