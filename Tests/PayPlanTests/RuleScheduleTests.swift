import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// The rule-level schedule of a full compute (`Engine+RuleSchedule`) and the
/// cell graph built on first use (`Engine+CellGraph`).
@Suite struct RuleScheduleTests {
    func engine(_ lines: [String], inputs: [(String, String, String)] = []) throws -> Engine {
        var w = Workspace(name: "t", plan: try Plan.parse(lines: lines), agents: [Agent(name: "甲", hired: Day(year: 2020, month: 1, day: 1)!), Agent(name: "乙")])
        for (input, period, v) in inputs { w.setInput(input, agent: "甲", period: Period(text: period)!, value: Fixed(decimalText: v)!) }
        return try Engine(workspace: w)
    }
    func value(_ e: Engine, _ rule: String, _ period: String, agent: Int = 0) -> Value {
        e.value(ofCell: e.cell(rule: e.plan.ruleIndex[rule]!, agent: agent, period: Period(text: period)!)!)
    }
    func n(_ s: String) -> Value { .number(Fixed(decimalText: s)!) }

    /// The shipped scenarios open rule by rule, without building the cell graph, and every
    /// cell is what its formula gives from the others (so, the graph being acyclic, the one
    /// right value); the graph built afterwards orders every cell after what it reads.
    @Test(arguments: [electronics, onlineShop, webAgency])
    func shippedScenariosOpenRuleByRule(path: String) throws {
        let w = try ScenarioFile.load(path: path).workspace
        let e = try Engine(workspace: w)
        #expect(Engine.ruleSchedule(e.plan) != nil)
        #expect(e.cellGraph == nil)
        #expect(e._checkInvariants(against: w).isEmpty)
        #expect(e.cellGraph != nil)
    }

    /// A circle closing through prev (C7.1's damage carried forward): due = damage + prev(carried),
    /// deducted = min(due, 100), carried = due − deducted. Damage 250 in January, none after:
    /// January 250 due, 100 deducted, 150 carried; February 150, 100, 50; March 50, 50, 0.
    @Test func aCircleThroughPrevIsComputedPeriodByPeriod() throws {
        let e = try engine([
            "input month damage default 0",
            "month carried = due - deducted",
            "month deducted = min(due, 100)",
            "month due = damage + prev(carried)",
        ], inputs: [("damage", "2026-01", "250")])
        let steps = Engine.ruleSchedule(e.plan)!
        let r = e.plan.ruleIndex
        #expect(steps.contains(.periodByPeriod([r["due"]!, r["deducted"]!, r["carried"]!])))
        #expect(value(e, "due", "2026-01") == n("250"))
        #expect(value(e, "deducted", "2026-01") == n("100"))
        #expect(value(e, "carried", "2026-01") == n("150"))
        #expect(value(e, "due", "2026-02") == n("150"))
        #expect(value(e, "carried", "2026-02") == n("50"))
        #expect(value(e, "deducted", "2026-03") == n("50"))
        #expect(value(e, "carried", "2026-03") == n("0"))
        #expect(value(e, "due", "2026-04") == n("0"))
        #expect(value(e, "carried", "2026-01", agent: 1) == n("0"))
        #expect(e._checkInvariants().isEmpty)
    }

    /// A rule reading itself a period back (a running total): 10, 30, 60 for inputs 10, 20, 30.
    @Test func aRuleReadingItsOwnPreviousPeriod() throws {
        let e = try engine(["input month sold default 0", "month total = sold + prev(total)"],
                           inputs: [("sold", "2026-01", "10"), ("sold", "2026-02", "20"), ("sold", "2026-03", "30")])
        #expect(Engine.ruleSchedule(e.plan)!.contains(.periodByPeriod([e.plan.ruleIndex["total"]!])))
        #expect(value(e, "total", "2026-03") == n("60"))
        #expect(value(e, "total", "2026-12") == n("60"))
    }

    /// A circle through a fixed period has no rule-level schedule: a = c[2026-01] + 1 and
    /// c = prev(a). c in January reads December 2025 (outside the years: 0), so a is 1 in every
    /// month and c is 0 in January, 1 after; computed cell by cell, with the graph built at once.
    @Test func aCircleThroughAFixedPeriodGoesCellByCell() throws {
        let e = try engine(["month a = c[2026-01] + 1", "month c = prev(a)"])
        #expect(Engine.ruleSchedule(e.plan) == nil)
        #expect(e.cellGraph != nil)
        #expect(value(e, "a", "2026-01") == n("1"))
        #expect(value(e, "a", "2026-07") == n("1"))
        #expect(value(e, "c", "2026-01") == n("0"))
        #expect(value(e, "c", "2026-02") == n("1"))
        #expect(e._checkInvariants().isEmpty)
    }

    /// A cycle of cells through a fixed period is still refused, naming the rules around it:
    /// a[2026-12] reads b[2026-12], which reads a[2026-12].
    @Test func aCycleOfCellsIsStillRefused() throws {
        #expect(throws: CycleError.self) { try engine(["month a = b[2026-12]", "month b = a + 1"]) }
        do { _ = try engine(["month a = b[2026-12]", "month b = a + 1"]) } catch let error as CycleError {
            #expect(Set(error.path) == ["a", "b"])
        }
    }

    /// An input edit on an engine opened rule by rule builds the graph then and recomputes
    /// downstream: the running total above with February 20 → 25 is 10, 35, 65.
    @Test func theFirstEditBuildsTheGraph() throws {
        let e = try engine(["input month sold default 0", "month total = sold + prev(total)"],
                           inputs: [("sold", "2026-01", "10"), ("sold", "2026-02", "20"), ("sold", "2026-03", "30")])
        #expect(e.cellGraph == nil)
        let c = e.cell(rule: e.plan.ruleIndex["sold"]!, agent: 0, period: Period(text: "2026-02")!)!
        _ = e.setInput(cell: c, value: Fixed(25))
        #expect(e.cellGraph != nil)
        #expect(value(e, "total", "2026-02") == n("35"))
        #expect(value(e, "total", "2026-12") == n("65"))
        #expect(e._checkInvariants().isEmpty)
    }

    /// Tarjan's components come dependencies first: 0 → 1 → 2 → 1, 3 alone.
    @Test func componentsComeDependenciesFirst() {
        let c = Engine.stronglyConnectedComponents(4, [[1], [2], [1], []])
        #expect(c.map { Set($0) } == [[1, 2], [0], [3]])
    }
}
