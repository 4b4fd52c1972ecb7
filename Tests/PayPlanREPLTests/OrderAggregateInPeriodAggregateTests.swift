import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// An aggregation over orders inside one over periods (`count(min(renewal_rate over orders) over
/// half)`) would read the order buckets of other months than the cell's own, which the engine's order
/// templates do not follow: the long fuzz run (seed 8002 episode 740, plan B) found 甲.r[2026-01]
/// stale after an edit (15,000.00 where the orders give 21,499.00). Such a rule is refused with the
/// spelling that works: the sum over orders in a month rule of its own, aggregated over the half.
@Suite struct OrderAggregateInPeriodAggregateTests {
    @Test(arguments: [
        ("month r = max(max(--1, 281836), count(min(renewal_rate over orders) over half))", "count"),
        ("month r = sum(sum(price over orders) over half)", "sum"),
        ("quarter r = max(count(price over orders where price > 100) over quarter)", "max"),
    ])
    func ordersInsideAnAggregationOverPeriodsAreRefused(_ row: (String, String)) throws {
        let s = try Session(path: webAgency)
        expectRefused(s, row.0, "\(row.1)(… over ")
        expectRefused(s, row.0, "cannot gather orders month by month inside it; put the sum over orders in a month rule of its own")
        s.language = .zh
        #expect(s.execute(row.0).errors.first?.message.contains("里不能逐月汇总订单") == true)
    }

    /// The spelling that works, by hand on plan B: the half's sum of a month rule of order prices is
    /// the sum of the prices of 甲's orders dated January–June, before and after one is raised.
    @Test func theMonthRuleSpellingWorksAndFollowsEdits() throws {
        let s = try Session(path: webAgency)
        run(s, "month order_sales = sum(price over orders)", "month r = sum(order_sales over half)")
        func handSum() -> Fixed {
            s.workspace.orders.filter { $0.agent == "甲" && $0.date.year == 2026 && $0.date.month <= 6 }
                .reduce(Fixed(0)) { acc, o in if case .number(let n)? = o.fields["price"] { return acc + n } else { return acc } }
        }
        #expect(query(s, "甲.r[2026-01]") == handSum().moneyText)
        let id = try #require(s.workspace.orders.first { $0.agent == "甲" && $0.date.month <= 6 }?.id)
        run(s, "order set \(id) price=9999")
        #expect(query(s, "甲.r[2026-01]") == handSum().moneyText)
        #expect(s._checkInvariants().isEmpty)
    }
}
