import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// A new definition at the end of the plan added to the engine without building it again
/// (`Engine+RuleAppend`, fresh-user finding M-E). Figures by hand below; every engine made so is held
/// to a new engine of the same workspace: compiled rules, static rules, warnings and every cell.
@Suite struct RuleAppendTests {
    static let lines = [
        "input month sales default 0",
        "param rate = 1%",
        "month commission = sales * rate",
        "table bands [lo, hi): 0 -> 0, 1万 -> 100",
        "month carried = prev(carried) + commission",
    ]
    func workspace(_ lines: [String]) throws -> Workspace {
        var w = Workspace(name: "t", plan: try Plan.parse(lines: lines),
                          agents: [Agent(name: "甲", hired: Day(year: 2020, month: 1, day: 1)!), Agent(name: "乙")])
        w.setInput("sales", agent: "甲", period: Period(text: "2026-01")!, value: Fixed(10_000))
        w.setInput("sales", agent: "甲", period: Period(text: "2026-02")!, value: Fixed(2_000))
        return w
    }
    func value(_ e: Engine, _ rule: String, _ period: String, agent: Int = 0) -> Value {
        e.value(ofCell: e.cell(rule: e.plan.ruleIndex[rule]!, agent: agent, period: Period(text: period)!)!)
    }
    func n(_ s: String) -> Value { .number(Fixed(decimalText: s)!) }

    /// `w` with `source` defined at its end, the engine `e` extended by it (which must be possible),
    /// and the extended engine held to a new one.
    func append(_ e: Engine, _ w: inout Workspace, _ source: String) throws -> Engine {
        w.plan.define(try Definition(source: source))
        let d = w.plan.definitions.last!
        let x = try #require(e.appending(d, in: w.plan, workspace: w), "\(source) is added in place")
        let fresh = try Engine(workspace: w)
        #expect(x.plan.rules == fresh.plan.rules, "\(source)")
        #expect(x.plan.ruleIndex == fresh.plan.ruleIndex, "\(source)")
        #expect(x.plan.staticRules == fresh.plan.staticRules, "\(source)")
        #expect(x.plan.warnings == fresh.plan.warnings, "\(source)")
        #expect(x.values == fresh.values, "\(source)")
        return x
    }

    /// 甲 sells 10,000 in January and 2,000 in February. New definitions, each read by the next:
    /// bonus_rate 2%; bonus = sales × bonus_rate: 200 and 40; band = bands(sales): 100 in January
    /// (10,000 ≥ 1万), 0 in February; total = commission + bonus + band: 100 + 200 + 100 = 400 and
    /// 20 + 40 + 0 = 60; a team figure of months (team month) = bonus_rate × 100 = 2; half h =
    /// sum(total over half) = 400 + 60 = 460; a rule reading nothing that changes (month flat = 5)
    /// keeps its warning; the other agent 乙 sells nothing: 0 everywhere.
    @Test func newDefinitionsAreAddedAsANewEngineComputesThem() throws {
        var w = try workspace(Self.lines)
        var e = try Engine(workspace: w)
        e = try append(e, &w, "param bonus_rate = 2%")
        e = try append(e, &w, "month bonus = sales * bonus_rate")
        e = try append(e, &w, "month band = lookup(bands, sales)")
        e = try append(e, &w, "month total = commission + bonus + band")
        e = try append(e, &w, "team month scaled = bonus_rate * 100")
        e = try append(e, &w, "half h = sum(total over half)")
        e = try append(e, &w, "month flat = 5")
        #expect(value(e, "bonus", "2026-01") == n("200") && value(e, "bonus", "2026-02") == n("40"))
        #expect(value(e, "band", "2026-01") == n("100") && value(e, "band", "2026-02") == n("0"))
        #expect(value(e, "total", "2026-01") == n("400") && value(e, "total", "2026-02") == n("60"))
        #expect(value(e, "total", "2026-01", agent: 1) == n("0"))
        #expect(value(e, "scaled", "2026-05") == n("2"))
        #expect(value(e, "h", "2026-H1") == n("460"))
        #expect(e.plan.warnings.contains { $0.kind == .neverChanges && $0.definition == "flat" })
    }

    /// What cannot be added in place gives `nil`, and a new engine is built (which gives any error):
    /// a name already defined, `pay` (the default report total), a built-in or attribute name, a
    /// rule reading itself at the same period (a circle) or at the period before, an aggregation over
    /// agents (a hidden team cell), an input, a table, a dated version, an unknown name (`x` is refused as a name before).
    @Test func whatCannotBeAddedInPlaceIsBuiltAnew() throws {
        let w = try workspace(Self.lines)
        let e = try Engine(workspace: w)
        for source in ["param rate = 2%", "month pay = sales", "month tenure = 1", "month base = 1", "month loop = loop + 1",
                       "month running = prev(running) + sales", "month team_sales = sum(sales over agents)",
                       "input month returns default 0", "table t2 [lo, hi): 0 -> 1", "month odd = nothing_here + 1"] {
            var v = w
            v.plan.define(try Definition(source: source))
            #expect(e.appending(v.plan.definitions.last!, in: v.plan, workspace: v) == nil, "\(source)")
        }
        var v = w
        v.plan.define(try Definition(source: "from 2026-07 param rate = 2%"))
        #expect(e.appending(v.plan.definition(named: "rate")!, in: v.plan, workspace: v) == nil)
    }

    /// A plan that has a hidden team cell (an aggregation over agents) takes no rule in place (the
    /// cells' numbers would move), nor an engine with an agent appended in place.
    @Test func hiddenTeamCellsOrAppendedAgentsBuildAnew() throws {
        var w = try workspace(Self.lines + ["month share = sales / sum(sales over agents)"])
        let e = try Engine(workspace: w)
        w.plan.define(try Definition(source: "param extra = 1"))
        #expect(e.appending(w.plan.definitions.last!, in: w.plan, workspace: w) == nil)
        var u = try workspace(Self.lines)
        let f = try Engine(workspace: u)
        let 丙 = Agent(name: "丙")
        #expect(f.appendAgent(丙) != nil)
        u.agents.append(丙)
        u.plan.define(try Definition(source: "param extra = 1"))
        #expect(f.appending(u.plan.definitions.last!, in: u.plan, workspace: u) == nil)
    }
}
