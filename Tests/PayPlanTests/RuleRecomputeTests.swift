import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// A rule edit recomputed rule by rule (`Engine+RuleRecompute`): the edited rules and
/// everything downstream are computed again whole with the block evaluator, without the
/// cell graph. Figures by hand below; generated plans and edits are held to a fresh engine
/// of the edited plan cell for cell (error values, their messages and origins included),
/// and the change list to the cells whose value differs from before, with their old values.
@Suite struct RuleRecomputeTests {
    static let lines = [
        "input month sales default 0",
        "param rate = 1%",
        "month commission = sales * rate",
        "month ratio = commission / sales",
        "month carried = prev(carried) + commission",
        "half bonus = if sum(commission over half) >= 100 then 50 else 0",
        "month other = sales + 1",
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

    /// 甲 sells 10,000 in January and 2,000 in February, 乙 nothing. At 1%: commission 100 and 20,
    /// carried 100 then 120 to December, H1's commission 120 ≥ 100 earns the bonus 50. At 0.5%:
    /// commission 50 and 10, ratio 0.005, carried 50 then 60, H1's 60 < 100: no bonus. March's
    /// ratio divides by no sales: #DIV/0! before and after, from 甲.ratio[2026-03], and 乙's cells
    /// are all unchanged. Changed: the rate, 甲's commission and ratio in January and February,
    /// carried in all 12 months and the H1 bonus: 1 + 2 + 2 + 12 + 1 = 18 cells.
    @Test func aParameterEditRecomputesDownstreamRuleByRule() throws {
        let w = try workspace(Self.lines)
        let e = try Engine(workspace: w)
        #expect(value(e, "commission", "2026-01") == n("100"))
        #expect(value(e, "carried", "2026-12") == n("120"))
        #expect(value(e, "bonus", "2026-H1") == n("50"))
        let before = e.values
        var edited = w
        edited.plan.define(try Definition(source: "param rate = 0.5%"))
        let changes = try #require(e.redefine(edited.plan))
        #expect(e.cellGraph == nil, "a rule edit computes rule by rule and builds no cell graph")
        #expect(value(e, "commission", "2026-01") == n("50"))
        #expect(value(e, "commission", "2026-02") == n("10"))
        #expect(value(e, "ratio", "2026-01") == n("0.005"))
        #expect(value(e, "carried", "2026-01") == n("50"))
        #expect(value(e, "carried", "2026-07") == n("60"))
        #expect(value(e, "bonus", "2026-H1") == n("0"))
        #expect(value(e, "other", "2026-01") == n("10001"))
        guard case .error(let err) = value(e, "ratio", "2026-03") else { Issue.record("March's ratio is not an error"); return }
        #expect(err.kind == .divisionByZero && err.origin?.description == "甲.ratio[2026-03]")
        #expect(value(e, "ratio", "2026-03") == before[e.cell(rule: e.plan.ruleIndex["ratio"]!, agent: 0, period: Period(text: "2026-03")!)!])
        #expect(changes.count == 18)
        #expect(Set(changes.map(\.cell)).count == 18)
        for ch in changes { #expect(before[ch.cell] == ch.old && e.values[ch.cell] != ch.old) }
        #expect(!changes.contains { e.coordinates(ofCell: $0.cell).coordinates.agent == 1 && e.plan.rules[e.coordinates(ofCell: $0.cell).rule].dimension.perAgent })
        // The same figures as a fresh engine of the edited plan, cell for cell.
        #expect(e.values == (try Engine(workspace: edited)).values)
        #expect(e._checkInvariants(against: edited).isEmpty)
    }

    /// A rule that now reads another rule: commission = sales × 1% + other. 甲's January:
    /// 100 + 10,001 = 10,101; 乙's: 0 + 1 = 1. The cell graph built by an earlier edit is
    /// dropped (its dependencies and cell order were the old plan's) and built again from the
    /// new plan by the next edit: 甲's January sales at 20,000 give 200 + 20,001 = 20,201.
    @Test func aRuleReadingOtherCellsDropsTheCellGraph() throws {
        let w = try workspace(Self.lines)
        let e = try Engine(workspace: w)
        let sales = e.cell(rule: e.plan.ruleIndex["sales"]!, agent: 0, period: Period(text: "2026-01")!)!
        _ = e.setInput(cell: sales, value: Fixed(10_000))
        #expect(e.cellGraph != nil)
        var edited = w
        edited.plan.define(try Definition(source: "month commission = sales * rate + other"))
        _ = try #require(e.redefine(edited.plan))
        #expect(e.cellGraph == nil)
        #expect(value(e, "commission", "2026-01") == n("10101"))
        #expect(value(e, "commission", "2026-01", agent: 1) == n("1"))
        #expect(e.values == (try Engine(workspace: edited)).values)
        _ = e.setInput(cell: sales, value: Fixed(20_000))
        edited.setInput("sales", agent: "甲", period: Period(text: "2026-01")!, value: Fixed(20_000))
        #expect(value(e, "commission", "2026-01") == n("20201"))
        #expect(e._checkInvariants(against: edited).isEmpty)
    }

    /// Generated plans (`FormulaGenerator`: inputs, a parameter, a quarter figure, tables and six
    /// month rules, some circles through prev), each edited in one of three ways: the parameter's
    /// figure, the table's rows (constants only), or one month rule given a new formula over what
    /// comes before it (another shape). After each edit in place every cell equals a fresh engine's
    /// of the edited plan, and the changes are exactly the cells that differ from before.
    @Test(arguments: [UInt64(11), 12, 13, 14])
    func generatedRuleEditsEqualAFreshEngine(seed: UInt64) throws {
        var g = FormulaGenerator(rng: SplitMix64(seed: seed))
        var checked = 0, changedCells = 0
        for _ in 0..<30 {
            let (lines, inputs) = g.plan()
            var w = Workspace(name: "t", plan: try Plan.parse(lines: lines), agents: BlockEvaluatorTests.agents)
            for (input, agent, period, v) in inputs { w.setInput(input, agent: agent, period: Period(text: period)!, value: Fixed(decimalText: v)!) }
            guard let e = try? Engine(workspace: w) else { continue }
            // The edit: a new line for one definition, the rest as they were.
            var newLines = lines
            switch g.int(3) {
            case 0:
                newLines[newLines.firstIndex { $0.hasPrefix("param p0") }!] = "param p0 = \(g.pick(["0", "4", "0.25", "-7", "2万"]))"
            case 1:
                newLines[newLines.firstIndex { $0.hasPrefix("table t") }!] = "table t [lo, hi): 0 -> \(g.pick(["2%", "0.5%", "0"])) * x, 100 -> \(g.pick(["5", "9", "-1"])), 1000 -> 3% * x"
            default:
                let i = g.int(6), name = "x\(i)"
                let before = (0..<i).map { "x\($0)" }
                let isFlag = g.flags.contains(name)
                g.numbers = ["r0", "r1", "p0", "q0", "base", "tenure"] + g.numbers.filter(before.contains)
                g.flags = ["active", "yes", "no"] + g.flags.filter(before.contains)
                let body = isFlag ? g.flag(3) : g.number(3)
                newLines[newLines.firstIndex { $0.hasPrefix("month \(name) ") }!] = "month \(name) = \(body)"
            }
            var edited = w
            guard let plan = try? Plan.parse(lines: newLines) else { continue }
            edited.plan = plan
            guard let fresh = try? Engine(workspace: edited) else { continue }
            let before = e.values
            guard let changes = e.redefine(plan) else { continue }
            checked += 1
            let wrong = (0..<e.cellCount).filter { e.values[$0] != fresh.values[$0] }
            #expect(wrong.isEmpty, "seed \(seed): \(wrong.prefix(3).map { "\(e.name(ofCell: $0)): \(e.values[$0]) in place, \(fresh.values[$0]) fresh" })\n\(newLines.joined(separator: "\n"))")
            let differ = Set((0..<e.cellCount).filter { before[$0] != fresh.values[$0] })
            #expect(Set(changes.map(\.cell)) == differ && changes.count == differ.count, "seed \(seed): \(changes.count) changes, \(differ.count) cells differ")
            #expect(changes.allSatisfy { before[$0.cell] == $0.old })
            changedCells += changes.count
            if !wrong.isEmpty { return }
        }
        #expect(checked >= 15)
        #expect(changedCells > 0)
    }

    /// With orders and a rule downstream that visits them (`Engine.visitsOrders`), a rule edit
    /// goes cell by cell through the cell graph (built for it). part = amount × rate on
    /// O1 (甲, January, 1,000) and O2 (乙, February, 3,000): at 1% 10 and 30, at 0.5% 5 and 15;
    /// order_total, their sum per agent and month: 甲's January 10 → 5, 乙's February 30 → 15.
    @Test func withOrdersDownstreamTheEditGoesCellByCell() throws {
        var w = try workspace(Self.lines + ["field amount default 0", "order part = amount * rate",
                                            "month order_total = sum(part over orders)"])
        w.setOrders([
            Order(id: "O1", agent: "甲", date: Day(year: 2026, month: 1, day: 5)!, fields: ["amount": .number(Fixed(1_000))]),
            Order(id: "O2", agent: "乙", date: Day(year: 2026, month: 2, day: 10)!, fields: ["amount": .number(Fixed(3_000))]),
        ])
        let e = try Engine(workspace: w)
        #expect(value(e, "order_total", "2026-01") == n("10"))
        #expect(value(e, "order_total", "2026-02", agent: 1) == n("30"))
        #expect(e.cellGraph == nil)
        var edited = w
        edited.plan.define(try Definition(source: "param rate = 0.5%"))
        _ = try #require(e.redefine(edited.plan))
        #expect(e.cellGraph != nil, "cell by cell, through the cell graph")
        #expect(value(e, "order_total", "2026-01") == n("5"))
        #expect(value(e, "order_total", "2026-02", agent: 1) == n("15"))
        #expect(e.values == (try Engine(workspace: edited)).values)
        #expect(e._checkInvariants(against: edited).isEmpty)
    }
}
