import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// A rule edit recomputed rule by rule (`Engine+RuleRecompute`): the edited rules are
/// computed again whole with the block evaluator, without the cell graph, and downstream
/// only the cells that read a changed one. Figures by hand below; generated plans and edits are held to a fresh engine
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
        #expect(try checkGeneratedEdits(seed: seed).checked >= 15)
    }

    /// An edit that changes one agent's figure: only the cells downstream of it are computed
    /// again, not every agent's cells of every rule downstream. The C3-like tiers pay 1% from
    /// 1万 (2% from 3万); 甲 sells 20,000 in March (1% = 200), 乙 50,000 in May (2% = 1,000),
    /// 丙 nothing. The row 1万 → 1.5% makes 甲's March commission 300. Changed, by hand:
    /// commission[2026-03] 200 → 300 (1); pay[2026-03] 3,200 → 3,300 (1); ytd, the year's pay so
    /// far, from March to December each 100 more (9,200 → 9,300 … 36,200 → 36,300: 10); the H1
    /// bonus, H1 commission 200 → 300 reaching 250: 0 → 100 (1). 13 cells, all 甲's; 乙's 1,000
    /// stays (the 3万 row did not change), `other` reads no commission. Computed: the edited
    /// rule whole (3 agents × 12 months = 36), pay only where commission changed (1), ytd from
    /// March on, each month named by the one before (10), the bonus for 甲's two halves (2):
    /// 49 cells, not the 36 × 3 + 6 = 114 of every agent's cells of every rule downstream.
    @Test func anEditChangingOneAgentsFigureComputesOnlyTheCellsDownstreamOfIt() throws {
        let lines = [
            "input month sales default 0",
            "table tiers [lo, hi): 0 -> 0, 1万 -> 1% * x, 3万 -> 2% * x",
            "month commission = lookup(tiers, sales)",
            "month pay = 3000 + commission",
            "month ytd = prev(ytd) + pay",
            "half bonus = if sum(commission over half) >= 250 then 100 else 0",
            "month other = sales + 1",
        ]
        var w = Workspace(name: "t", plan: try Plan.parse(lines: lines), agents: [Agent(name: "甲"), Agent(name: "乙"), Agent(name: "丙")])
        w.setInput("sales", agent: "甲", period: Period(text: "2026-03")!, value: Fixed(20_000))
        w.setInput("sales", agent: "乙", period: Period(text: "2026-05")!, value: Fixed(50_000))
        let e = try Engine(workspace: w)
        #expect(value(e, "commission", "2026-03") == n("200"))
        #expect(value(e, "commission", "2026-05", agent: 1) == n("1000"))
        #expect(value(e, "ytd", "2026-12") == n("36200"))
        #expect(value(e, "bonus", "2026-H1") == n("0"))
        let before = e.values
        var edited = w
        edited.plan.define(try Definition(source: "table tiers [lo, hi): 0 -> 0, 1万 -> 1.5% * x, 3万 -> 2% * x"))
        e._blockLanes = (0, 0)
        let changes = try #require(e.redefine(edited.plan))
        #expect(e._blockLanes.fast + e._blockLanes.bailed == 49)
        #expect(changes.count == 13)
        #expect(changes.allSatisfy { e.coordinates(ofCell: $0.cell).coordinates.agent == 0 && before[$0.cell] == $0.old })
        #expect(value(e, "commission", "2026-03") == n("300"))
        #expect(value(e, "pay", "2026-03") == n("3300"))
        #expect(value(e, "ytd", "2026-02") == n("6000"))
        #expect(value(e, "ytd", "2026-03") == n("9300"))
        #expect(value(e, "ytd", "2026-12") == n("36300"))
        #expect(value(e, "bonus", "2026-H1") == n("100"))
        #expect(value(e, "bonus", "2026-H2") == n("0"))
        #expect(value(e, "commission", "2026-05", agent: 1) == n("1000"))
        // In the order computed: rule by rule down the schedule, each rule's cells in cell order.
        let names = changes.map { e.name(ofCell: $0.cell) }
        #expect(names == ["甲.commission[2026-03]", "甲.pay[2026-03]"] + (3...12).map { "甲.ytd[2026-\($0 < 10 ? "0" : "")\($0)]" } + ["甲.bonus[2026-H1]"])
        #expect(e.values == (try Engine(workspace: edited)).values)
        #expect(e._checkInvariants(against: edited).isEmpty)
    }

    /// Generated plans as above with rules downstream that read in every other way a rule edit
    /// must follow: an aggregation over the half (`sum(x over half)`), `paid` of it, a fixed
    /// period (`x[2026-06]`), a team figure over the agents and a rank among them, a share of
    /// the team figure by a figure of each agent (`allocate`), and a circle through `prev`
    /// reading them. Every cell equals a fresh engine's of the edited plan, the changes are
    /// exactly the cells that differ, and the edits go rule by rule.
    @Test(arguments: [UInt64(21), 22, 23])
    func generatedEditsReadInEveryWayEqualAFreshEngine(seed: UInt64) throws {
        let (checked, ruleByRule) = try checkGeneratedEdits(seed: seed) { g in
            let numbers = g.numbers.filter { $0.hasPrefix("x") || $0 == "r0" }
            func some() -> String { g.pick(numbers) }
            return [
                "half h0 = sum(\(some()) over half)",
                "month y0 = paid(h0) + \(some())[2026-06]",
                "team month tm = sum(\(some()) over agents)",
                "month y1 = tm + \(some()) + rank(\(some()) over agents)",
                // The total is the inputs' alone: the weights, other agents' figures, must name every agent's share.
                "team month tr = sum(r0 over agents)",
                "month y2 = allocate(tr, abs(\(some())) over agents)",
                "month y3 = prev(y3) + y0 + y1 + y2",
            ]
        }
        #expect(checked >= 15 && ruleByRule >= 15)
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

    /// Generated plans and edits as described at the tests calling this, with `extra(g)` lines after
    /// the generated ones, each edit held to a fresh engine; returns (edits checked, of those rule by rule).
    func checkGeneratedEdits(seed: UInt64, extra: (inout FormulaGenerator) -> [String] = { _ in [] }) throws -> (checked: Int, ruleByRule: Int) {
        var g = FormulaGenerator(rng: SplitMix64(seed: seed))
        var checked = 0, changedCells = 0, ruleByRule = 0
        for _ in 0..<30 {
            var (lines, inputs) = g.plan()
            lines += extra(&g)
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
            // Rule by rule (`recomputeRules`), which builds no cell graph.
            if e.cellGraph == nil { ruleByRule += 1 }
            let wrong = (0..<e.cellCount).filter { e.values[$0] != fresh.values[$0] }
            #expect(wrong.isEmpty, "seed \(seed): \(wrong.prefix(3).map { "\(e.name(ofCell: $0)): \(e.values[$0]) in place, \(fresh.values[$0]) fresh" })\n\(newLines.joined(separator: "\n"))")
            let differ = Set((0..<e.cellCount).filter { before[$0] != fresh.values[$0] })
            #expect(Set(changes.map(\.cell)) == differ && changes.count == differ.count, "seed \(seed): \(changes.count) changes, \(differ.count) cells differ")
            #expect(changes.allSatisfy { before[$0.cell] == $0.old })
            changedCells += changes.count
            if !wrong.isEmpty { break }
        }
        #expect(changedCells > 0)
        return (checked, ruleByRule)
    }
}
