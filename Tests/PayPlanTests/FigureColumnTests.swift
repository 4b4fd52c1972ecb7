import Foundation
import Testing
@testable import PayPlan
import TestSupport

/// `Engine.figures(ruleIndex:period:)`, a report's column of every agent at once, against
/// `figure(ruleIndex:agentIndex:period:)` one agent at a time: every rule of the three shipped scenarios
/// at every month, quarter, half and year of their years (sums over months, yes/no figures counted,
/// balances at the period's end, texts and error values as the cell holds them), with agents appended
/// in place, and sums beyond ±10²⁶ (`#OVERFLOW`, as `figure` words it).
@Suite struct FigureColumnTests {
    static func periods(_ e: Engine) -> [Period] {
        var all: [Period] = []
        for y in e.years {
            for grain in [Grain.month, .quarter, .half, .year] {
                for k in 0..<(12 / grain.months) { all.append(Period(grain: grain, start: Month(year: y, month: 1 + k * grain.months))) }
            }
        }
        return all
    }

    static func expectColumnsEqualFigures(_ e: Engine, _ label: String) {
        for r in e.plan.rules.indices where !e.plan.rules[r].dimension.perOrder {
            for p in periods(e) {
                let column = e.figures(ruleIndex: r, period: p)
                #expect(column.count == e.agents.count)
                for a in e.agents.indices where column[a] != e.figure(ruleIndex: r, agentIndex: a, period: p) {
                    Issue.record("\(label): \(e.plan.rules[r].name) of agent \(a) at \(p): \(String(describing: column[a])) against \(String(describing: e.figure(ruleIndex: r, agentIndex: a, period: p)))")
                }
            }
        }
    }

    @Test(arguments: ["electronics-sales", "online-shop-cs", "web-agency"])
    func everyColumnOfAShippedScenarioIsItsFiguresOneByOne(_ name: String) throws {
        let w = try ScenarioFile.load(path: repositoryRoot + "/scenarios/\(name).json").workspace
        let e = try Engine(workspace: w)
        Self.expectColumnsEqualFigures(e, name)
        // Agents appended in place (their cells lie after the built ones) are read as `figure` reads them.
        var inputs: [String: [Period: Fixed]] = [:]
        if e.plan.ruleIndex["sales"] != nil { inputs["sales"] = [.month(Month(year: e.years.lowerBound, month: 3)): Fixed(61_000)] }
        #expect(e.appendAgent(Agent(name: "新人甲", hired: Day(year: e.years.lowerBound, month: 2, day: 10)!), inputs: inputs) != nil)
        Self.expectColumnsEqualFigures(e, name + " + an appended agent")
    }

    /// By hand: sales of 3,000, 4,000 and 5,000 in January to March are 12,000 over the first quarter, and
    /// 3,000 a month 9,000; `sales >= 5000` is true in March alone (1 in the first quarter) and in April and
    /// May (2 in the second); 9 × 10²⁵ in one month is itself, in each of three months it is beyond ±10²⁶
    /// (`#OVERFLOW`, as `figure` words it); a text figure of a month is its text.
    @Test func sumsCountsOverflowAndTextsByHand() throws {
        let plan = try Plan.parse(lines: [
            "input month sales default 0",
            "month big = sales >= 5000",
            "month huge = if sales = 3000 then 90000000000000 * 1000000000000 else 0",
            "month word = if sales > 0 then \"some\" else \"none\"",
        ])
        var w = Workspace(name: "t", plan: plan, agents: [Agent(name: "a"), Agent(name: "b")], years: 2026...2026)
        for (m, v) in [(1, 3000), (2, 4000), (3, 5000), (4, 6000), (5, 7000)] {
            w.setInput("sales", agent: "a", period: .month(Month(year: 2026, month: m)), value: Fixed(v))
        }
        for m in 1...3 { w.setInput("sales", agent: "b", period: .month(Month(year: 2026, month: m)), value: Fixed(3000)) }
        let e = try Engine(workspace: w)
        let q1 = Period(grain: .quarter, start: Month(year: 2026, month: 1)), q2 = Period(grain: .quarter, start: Month(year: 2026, month: 4))
        let r = { (name: String) in e.plan.ruleIndex[name]! }
        #expect(e.figures(ruleIndex: r("sales"), period: q1) == [.number(Fixed(12_000)), .number(Fixed(9_000))])
        #expect(e.figures(ruleIndex: r("big"), period: q1) == [.number(Fixed(1)), .number(.zero)])
        #expect(e.figures(ruleIndex: r("big"), period: q2) == [.number(Fixed(2)), .number(.zero)])
        let huge = e.figures(ruleIndex: r("huge"), period: q1)
        #expect(huge[0] == .number(Fixed(raw: 90_000_000_000_000_000_000_000_000 * Fixed.scale)))
        guard case .error(let overflow)? = huge[1] else { Issue.record("3 × 9 × 10²⁵ is no error: \(String(describing: huge[1]))"); return }
        #expect(overflow.code == "#OVERFLOW")
        #expect(huge[1] == e.figure(ruleIndex: r("huge"), agentIndex: 1, period: q1))
        let month = Period.month(Month(year: 2026, month: 1))
        #expect(e.figures(ruleIndex: r("word"), period: month) == [.text("some"), .text("some")])
        #expect(e.figures(ruleIndex: r("word"), period: q1) == [e.figure(ruleIndex: r("word"), agentIndex: 0, period: q1), e.figure(ruleIndex: r("word"), agentIndex: 1, period: q1)])
    }
}
