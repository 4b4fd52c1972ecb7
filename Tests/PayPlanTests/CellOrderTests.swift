import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// The cell order a plan with a rule-level schedule implies (`CellOrder`): no array per cell,
/// each cell's position worked out from its rule's place in the schedule. It must be the very
/// order a full compute goes in (`scheduledCellOrder`, the arrays the graph held before), and
/// `position` its inverse, for blocks and for rules computed period by period.
@Suite struct CellOrderTests {
    func expectSameAsArrays(_ e: Engine, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let steps = try #require(Engine.ruleSchedule(e.plan))
        let implied = e.impliedCellOrder(steps)
        let (order, position) = e.scheduledCellOrder(steps)
        #expect(implied.count == order.count && order.count == e.cellCount, sourceLocation: sourceLocation)
        #expect(Array(implied) == order, sourceLocation: sourceLocation)
        #expect((0..<e.cellCount).allSatisfy { implied.position($0) == position[$0] }, sourceLocation: sourceLocation)
    }

    /// The shipped scenarios (plan C with its orders and a circle through prev, C7.1).
    @Test(arguments: [electronics, onlineShop, webAgency])
    func shippedScenarios(path: String) throws {
        try expectSameAsArrays(try Engine(workspace: try ScenarioFile.load(path: path).workspace))
    }

    /// A circle through prev of three rules over three agents, a team rule and a half rule:
    /// due, deducted and carried interleave by month, rule and agent. By hand, with 3 agents and
    /// the rules laid out damage, carried, deducted, due, team_due, h (each month rule 36 cells): the
    /// step order is damage's block (positions 0–35), then January's due of agents 0–2 (36–38),
    /// deducted (39–41), carried (42–44), February's due (45–47) …; so 乙's (agent 1) February
    /// carried is at 36 + (1 × 3 + 2) × 3 + 1 = 52, and its cell is carried's block + 1 × 12 + 1.
    @Test func aCircleThroughPrevInterleavesByPeriodRuleAndAgent() throws {
        let w = Workspace(name: "t", plan: try Plan.parse(lines: [
            "input month damage default 0",
            "month carried = due - deducted",
            "month deducted = min(due, 100)",
            "month due = damage + prev(carried)",
            "team month team_due = sum(due over agents)",
            "half h = sum(carried over half)",
        ]), agents: [Agent(name: "甲"), Agent(name: "乙"), Agent(name: "丙")])
        let e = try Engine(workspace: w)
        try expectSameAsArrays(e)
        let steps = try #require(Engine.ruleSchedule(e.plan))
        let order = e.impliedCellOrder(steps)
        let carried = e.cell(rule: e.plan.ruleIndex["carried"]!, agent: 1, period: Period(text: "2026-02")!)!
        #expect(carried == e.offsets[e.plan.ruleIndex["carried"]!] + 12 + 1)
        #expect(order.position(carried) == 52)
        #expect(order[52] == Int32(carried))
    }
}
