import Foundation
import Testing
@testable import PayPlan
import TestSupport

/// `InputStore.load`: every input cell of the engine holds what the workspace has entered for it, read
/// here from the workspace's own dictionaries cell by cell (`Workspace.input`), and nothing else: inputs of
/// months, quarters and the team, of agents the workspace does not have, of another grain than the
/// input's, of an input the plan does not declare, and outside the scenario's years are left out.
@Suite struct InputStoreLoadTests {
    static func expectCellsHoldWhatWasEntered(_ w: Workspace, _ label: String) throws {
        let e = try Engine(workspace: w)
        var checked = 0
        for (r, rule) in e.plan.rules.enumerated() {
            guard case .input = rule.kind else { continue }
            let d = rule.dimension
            let agents: [String?] = d.perAgent ? w.agents.map(\.name) : [nil]
            for (a, name) in agents.enumerated() {
                for k in 0..<e.periodCount(d.grain) {
                    let p = e.period(d.grain, k)
                    let c = e.cell(rule: r, agent: a, period: p)!
                    #expect(e.stored[c] == w.input(rule.name, agent: name, period: p), "\(label): \(e.name(ofCell: c))")
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }

    @Test(arguments: ["electronics-sales", "online-shop-cs", "web-agency"])
    func theShippedScenariosInputsAreInTheirCells(_ name: String) throws {
        try Self.expectCellsHoldWhatWasEntered(try ScenarioFile.load(path: repositoryRoot + "/scenarios/\(name).json").workspace, name)
    }

    @Test func monthsQuartersTeamAndWhatIsLeftOut() throws {
        let plan = try Plan.parse(lines: [
            "input month sales default 0", "input month expenses default 0",
            "input quarter points default 0", "input team month target default 0",
        ])
        var w = Workspace(name: "t", plan: plan, agents: [Agent(name: "甲"), Agent(name: "乙"), Agent(name: "丙")], years: 2026...2027)
        let m = { (y: Int, k: Int) in Period.month(Month(year: y, month: k)) }
        let q = { (y: Int, k: Int) in Period(grain: .quarter, start: Month(year: y, month: 1 + 3 * (k - 1))) }
        w.setInput("sales", agent: "甲", period: m(2026, 1), value: Fixed(62_000))
        w.setInput("sales", agent: "甲", period: m(2027, 12), value: Fixed(1))
        w.setInput("expenses", agent: "甲", period: m(2026, 3), value: Fixed(900))
        w.setInput("sales", agent: "丙", period: m(2026, 7), value: Fixed(raw: 1))
        w.setInput("points", agent: "乙", period: q(2027, 4), value: Fixed(12))
        w.setInput("target", agent: nil, period: m(2026, 2), value: Fixed(500_000))
        // Left out: an agent the workspace lacks, another grain, an undeclared input, a year outside.
        w.inputs["丁", default: [:]]["sales", default: [:]][m(2026, 1)] = Fixed(7)
        w.inputs["甲", default: [:]]["points", default: [:]][m(2026, 2)] = Fixed(8)
        w.inputs["乙", default: [:]]["visits", default: [:]][m(2026, 2)] = Fixed(9)
        w.inputs["乙", default: [:]]["sales", default: [:]][m(2031, 5)] = Fixed(10)
        w.teamInputs["target", default: [:]][q(2026, 1)] = Fixed(11)
        try Self.expectCellsHoldWhatWasEntered(w, "hand-made")
        // By hand: 甲's January sales 62,000, 乙's fourth quarter of 2027 12 points, the team's February target.
        let e = try Engine(workspace: w)
        let cell = { (name: String, a: Int, p: Period) in e.cell(rule: e.plan.ruleIndex[name]!, agent: a, period: p)! }
        #expect(e.stored[cell("sales", 0, m(2026, 1))] == Fixed(62_000))
        #expect(e.stored[cell("points", 1, q(2027, 4))] == Fixed(12))
        #expect(e.stored[cell("target", 0, m(2026, 2))] == Fixed(500_000))
        #expect(e.stored[cell("points", 0, q(2026, 1))] == nil)
    }
}
