import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// An order rule cannot aggregate over agents ("write this in a month rule"), and that holds when the
/// aggregation over agents sits inside one over periods: the long fuzz run (seed 9102 episode 4775,
/// plan B after `years 2027`, so every order is dated outside the years) trapped on
/// `order 提成212 = min(rank(40k over agents) over half)` — the nested form slipped past the check, and
/// the rank read a team cell of a month outside the years with a force-unwrap. Now the nested form is
/// refused as the plain one is, and a rank whose team cell does not exist is an error value.
@Suite struct OrderRuleOverAgentsTests {
    static let message = "an order rule cannot aggregate over agents; write this in a month rule"

    /// Every aggregation over agents (sum, avg, min, max, rank, ties), nested in every aggregation over
    /// periods (sum, min, max, avg over quarter, half, year), in an order rule: refused with the
    /// caret on the aggregation over agents, the workspace unchanged — as shipped and with every order
    /// outside the years.
    @Test(arguments: ["", "years 2027"])
    func nestedInAnAggregationOverPeriodsItIsRefused(_ before: String) throws {
        let s = try Session(path: webAgency)
        if !before.isEmpty { run(s, before) }
        for inner in ["sum", "avg", "min", "max", "rank", "ties"] {
            for outer in ["sum", "min", "max", "avg"] {
                for period in ["quarter", "half", "year"] {
                    let agents = "\(inner)(40k over agents)"
                    let line = "order z = \(outer)(\(agents) over \(period))"
                    // The caret sits under the aggregation over agents: `order z = ` is 10 characters,
                    // then `outer(` before it.
                    let caret = String(repeating: " ", count: 2 + 10 + outer.count + 1) + "^" + String(repeating: "~", count: agents.count - 1)
                    expectRefused(s, line, Self.message, sourceLine: nil)
                    #expect(s.execute(line).errors.first?.render().dropFirst(2).first == caret, "\(line)")
                }
            }
        }
        #expect(s.workspace.plan.definition(named: "z") == nil)
        // The plain form, as before.
        expectRefused(s, "order z = rank(40k over agents)", Self.message)
        s.language = .zh
        #expect(s.execute("order z = min(rank(40k over agents) over half)").errors.first?.message == "在 'z' 中：订单规则不能按员工汇总；请写在月度规则中")
    }

    /// A month rule may still rank over the half: each agent's `min(…)` and `max(rank(website_sales over
    /// agents) over half)` in 2026-03 are worked out here from each agent's website sales of January–June
    /// (competition rank: 1 + how many agents sold strictly more that month), not by the engine's rank.
    /// Plan B's only website sales of the half are April's (丙 25,500, 丁 15,000, 乙 14,950, 甲 12,000), so
    /// the best rank is 1 for everyone (the empty months tie) and the worst is April's: 1, 2, 3, 4.
    @Test func aMonthRuleStillRanksOverTheHalf() throws {
        let s = try Session(path: webAgency)
        run(s, "month best = min(rank(website_sales over agents) over half)", "month worst = max(rank(website_sales over agents) over half)")
        let agents = s.workspace.agents.map(\.name)
        var sales: [String: [Decimal]] = [:]
        for a in agents {
            sales[a] = try (1...6).map { m in try #require(Decimal(string: query(s, "\(a).website_sales[2026-0\(m)]").replacingOccurrences(of: ",", with: ""))) }
        }
        for a in agents {
            let ranks = (0..<6).map { m in 1 + agents.filter { sales[$0]![m] > sales[a]![m] }.count }
            #expect(query(s, "\(a).best[2026-03]") == "\(ranks.min()!).00", "\(a)")
            #expect(query(s, "\(a).worst[2026-03]") == "\(ranks.max()!).00", "\(a)")
        }
        #expect(["甲", "乙", "丙", "丁"].map { query(s, "\($0).worst[2026-03]") } == ["4.00", "3.00", "1.00", "2.00"])
    }
}
