import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// The engine: tier tables, aggregation, error values, cycles and incremental recompute.
@Suite struct EngineTests {
    func workspace(_ plan: [String], agents: [Agent] = [Agent(name: "甲", hired: Day(year: 2020, month: 1, day: 1)!)]) throws -> Workspace {
        Workspace(name: "t", plan: try Plan.parse(lines: plan), agents: agents)
    }
    func n(_ s: String) -> Value { .number(Fixed(decimalText: s)!) }
    func value(_ e: Engine, _ rule: String, agent: Int = 0, _ period: String) -> Value {
        e.value(ofCell: e.cell(rule: e.plan.ruleIndex[rule]!, agent: agent, period: Period(text: period)!)!)
    }
    func set(_ w: inout Workspace, _ input: String, agent: String = "甲", _ period: String, _ v: String) {
        w.setInput(input, agent: agent, period: Period(text: period)!, value: Fixed(decimalText: v)!)
    }

    @Test func tierSidesDecideTheBoundary() throws {
        var w = try workspace([
            "input month r default 0",
            "table lower [lo, hi): 0 -> 1, 100 -> 2",
            "table upper (lo, hi]: 0 -> 1, 100 -> 2",
            "month a = lookup(lower, r)",
            "month b = lookup(upper, r)",
        ])
        set(&w, "r", "2026-01", "100"); set(&w, "r", "2026-02", "100.01"); set(&w, "r", "2026-03", "-5")
        let e = try Engine(workspace: w)
        #expect(value(e, "a", "2026-01") == n("2"))   // 100 is in [100, ∞)
        #expect(value(e, "b", "2026-01") == n("1"))   // 100 is in (0, 100]
        #expect(value(e, "b", "2026-02") == n("2"))
        #expect(value(e, "a", "2026-03") == n("1"))   // below the first threshold: first tier
    }

    @Test func marginalAndRetroactive() throws {
        // Marginal 1% on [0, 1万), 2% on [1万, 3万), 3% above: 15,000 → 100 + 100 = 200; 40,000 → 100 + 400 + 300 = 800.
        var w = try workspace([
            "input month r default 0",
            "table t [lo, hi): 0 -> 1%, 1万 -> 2%, 3万 -> 3%",
            "month m = marginal(t, r)",
            "month f = retroactive(t, r)",
        ])
        set(&w, "r", "2026-01", "15000"); set(&w, "r", "2026-02", "40000")
        let e = try Engine(workspace: w)
        #expect(value(e, "m", "2026-01") == n("200"))
        #expect(value(e, "m", "2026-02") == n("800"))
        #expect(value(e, "f", "2026-01") == n("300"))
        #expect(value(e, "f", "2026-02") == n("1200"))
    }

    @Test func aggregationOverPeriodsAndPrevious() throws {
        var w = try workspace([
            "input month r default 0",
            "quarter q = sum(r over quarter)",
            "half h = avg(r over half)",
            "year y = max(r over year)",
            "month last = prev(r)",
            "month qtd = sum(r over quarter)",
            "month counted = count(quarter where r > 0)",
        ])
        for (m, v) in [("01", "10"), ("02", "20"), ("03", "30"), ("04", "40"), ("12", "5")] { set(&w, "r", "2026-\(m)", v) }
        let e = try Engine(workspace: w)
        #expect(value(e, "q", "2026-Q1") == n("60"))
        #expect(value(e, "h", "2026-H1") == n("16.666666666667")) // 100 / 6
        #expect(value(e, "y", "2026") == n("40"))
        #expect(value(e, "last", "2026-01") == n("0")) // before the scenario: 0
        #expect(value(e, "last", "2026-04") == n("30"))
        #expect(value(e, "qtd", "2026-02") == n("60"))
        #expect(value(e, "counted", "2026-02") == n("3"))
        #expect(value(e, "counted", "2026-05") == n("1"))
    }

    @Test func aggregationOverAgentsAndRank() throws {
        let agents = ["甲", "乙", "丙", "丁"].map { Agent(name: $0) }
        var w = try workspace([
            "input month p default 0",
            "team month total = sum(p over agents)",
            "team month ranked = count(agents where p >= 15000)",
            "month place = rank(p over agents where p >= 15000)",
            "month share = p / total",
        ], agents: agents)
        // Issue 6's tie check: 25,500 / 17,000 / 17,000 / 16,000 → ranks 1, 2, 2, 4.
        for (a, v) in zip(["甲", "乙", "丙", "丁"], ["25500", "17000", "17000", "16000"]) { set(&w, "p", agent: a, "2026-04", v) }
        set(&w, "p", agent: "丁", "2026-05", "9000")
        let e = try Engine(workspace: w)
        #expect(value(e, "total", "2026-04") == n("75500"))
        #expect(value(e, "ranked", "2026-04") == n("4"))
        #expect((0..<4).map { value(e, "place", agent: $0, "2026-04") } == [n("1"), n("2"), n("2"), n("4")])
        #expect(value(e, "place", agent: 3, "2026-05") == n("0")) // below 15,000: not ranked
        // Division by a zero total is an error value, not a crash.
        guard case .error(let err) = value(e, "share", "2026-01") else { Issue.record("expected #DIV/0!"); return }
        #expect(err.kind == .divisionByZero)
        #expect(err.origin?.description == "甲.share[2026-01]")
    }

    @Test func errorValuesFlowToDependents() throws {
        var w = try workspace([
            "input month sales",
            "month doubled = sales * 2",
            "month pay = doubled + 1",
        ])
        set(&w, "sales", "2026-02", "5")
        let e = try Engine(workspace: w)
        guard case .error(let err) = value(e, "pay", "2026-01") else { Issue.record("expected #MISSING"); return }
        #expect(err.kind == .missing)
        #expect(err.message == "no sales for 甲 in 2026-01")
        #expect(err.origin?.description == "甲.sales[2026-01]")
        #expect(value(e, "pay", "2026-02") == n("11"))
    }

    @Test func cyclesAreRefusedWithTheirPath() throws {
        let w = try workspace(["month pay = bonus + 1", "month bonus = pay * 10%"])
        let cycle = try #require(throws: CycleError.self) { try Engine(workspace: w) }
        #expect(cycle.path == ["pay", "bonus", "pay"])
        // prev() does not close a cycle…
        let ok = try workspace(["input month r default 1", "month carried = prev(carried) + r"])
        let e = try Engine(workspace: ok)
        #expect(value(e, "carried", "2026-12") == n("12"))
        // …but reading a later month through a quarter does.
        let bad = try workspace(["month a = sum(b over quarter)", "month b = prev(a)"])
        let through = try #require(throws: CycleError.self) { try Engine(workspace: bad) }
        #expect(through.path == ["a", "b", "a"])
    }

    @Test func unknownNamesAndWrongDimensionsAreCompileErrors() throws {
        let unknown = try workspace(["input month revenue default 0", "month pay = revnue + 1"])
        let typo = try #require(throws: CompileError.self) { try Engine(workspace: unknown) }
        #expect(typo.error.message == "unknown name 'revnue' (did you mean 'revenue'?)")
        #expect(typo.error.range == 12..<18) // "month pay = " is 12 characters, "revnue" the next 6
        let grain = try workspace(["input month r default 0", "half h = r"])
        let wrongGrain = try #require(throws: CompileError.self) { try Engine(workspace: grain) }
        #expect(wrongGrain.error.message.contains("'r' is monthly"), "\(wrongGrain.error.message)")
        let team = try workspace(["input month r default 0", "team month t = r"])
        let perAgent = try #require(throws: CompileError.self) { try Engine(workspace: team) }
        #expect(perAgent.error.message == "'r' is per agent; a team rule or parameter must aggregate it, e.g. sum(r over agents)")
    }

    @Test func dateParts() throws {
        let e = try Engine(workspace: try workspace(["month m = month_of(period_start)", "month y = year_of(period_end) + day_of(period_end)"]))
        #expect(value(e, "m", "2026-01") == n("1"))
        #expect(value(e, "m", "2026-12") == n("12"))
        #expect(value(e, "y", "2026-02") == n("2054")) // 2026 + 28
    }

    /// `error("…")` is an error value (#ERROR) with the plan's own message; it flows on like any error
    /// and only where its branch is taken.
    @Test func errorFunctionRaisesAnErrorValue() throws {
        func plan(_ mode: String) throws -> Workspace {
            var w = try workspace([
                "param mode = \"\(mode)\"",
                "input month r default 0",
                "month checked = if mode in (\"individual\", \"pool\") then r * 2 else error(\"mode must be individual or pool\")",
                "month pay = checked + 1",
                "month safe = iferror(pay, 0)",
            ])
            set(&w, "r", "2026-01", "10")
            return w
        }
        #expect(value(try Engine(workspace: plan("pool")), "pay", "2026-01") == n("21"))
        let e = try Engine(workspace: plan("pol"))
        for rule in ["checked", "pay"] {
            guard case .error(let x) = value(e, rule, "2026-01") else { Issue.record("\(rule) is not an error value"); continue }
            #expect(x.code == "#ERROR" && x.message == "mode must be individual or pool")
        }
        #expect(value(e, "safe", "2026-01") == n("0"))
        let noMessage = try self.workspace(["month bad = error()"])
        let bare = try #require(throws: CompileError.self) { try Engine(workspace: noMessage) }
        #expect(bare.error.message == "error takes a message: error(\"commission_mode must be individual or pool\")")
    }

    @Test func tenureAndActive() throws {
        let agents = [Agent(name: "新", hired: Day(year: 2026, month: 3, day: 20)!, left: Day(year: 2026, month: 10, day: 31)!)]
        let e = try Engine(workspace: try workspace(["month t = tenure", "month on = active"], agents: agents))
        #expect(value(e, "t", "2026-02") == n("0"))
        #expect(value(e, "t", "2026-03") == n("1"))
        #expect(value(e, "t", "2026-05") == n("3"))
        #expect(value(e, "on", "2026-02") == .bool(false))
        #expect(value(e, "on", "2026-03") == .bool(true))
        #expect(value(e, "on", "2026-10") == .bool(true))
        #expect(value(e, "on", "2026-11") == .bool(false))
    }

    /// Incremental recompute must agree with computing from scratch, whatever is edited.
    @Test func incrementalEqualsFullRecompute() throws {
        let plan = try String(contentsOfFile: repositoryRoot + "/scenarios/src/electronics-sales.plan", encoding: .utf8)
        var rng = SplitMix(seed: 7)
        let agents = (0..<5).map { Agent(name: "A\($0)", hired: Day(year: 2025 + $0 % 2, month: 1 + $0 * 2, day: 1)!) }
        var w = Workspace(name: "t", plan: try Plan.parse(lines: plan.components(separatedBy: "\n")), agents: agents)
        let engine = try Engine(workspace: w)
        let sales = engine.plan.ruleIndex["sales"]!, expenses = engine.plan.ruleIndex["expenses"]!
        for _ in 0..<200 {
            let a = Int(rng.next() % 5), m = Int(rng.next() % 12) + 1
            let rule = rng.next() % 3 == 0 ? expenses : sales
            let v = Fixed(raw: Int128(rng.next() % 35_000_000) * Fixed.scale / 100)
            let p = Period(text: String(format: "2026-%02d", m))!
            w.setInput(engine.plan.rules[rule].name, agent: agents[a].name, period: p, value: v)
            _ = engine.setInput(cell: engine.cell(rule: rule, agent: a, period: p)!, value: v)
        }
        let fresh = try Engine(workspace: w)
        #expect(fresh.cellCount == engine.cellCount)
        for c in 0..<fresh.cellCount where fresh.value(ofCell: c) != engine.value(ofCell: c) {
            Issue.record("\(fresh.name(ofCell: c)): full \(fresh.value(ofCell: c)) vs incremental \(engine.value(ofCell: c))")
        }
    }

    @Test func editRecomputesOnlyDownstreamAndStopsWhenUnchanged() throws {
        var w = try workspace([
            "input month sales default 0",
            "month capped = min(sales, 100)",
            "month pay = capped * 2",
        ])
        set(&w, "sales", "2026-01", "150")
        let e = try Engine(workspace: w)
        let c = e.cell(rule: e.plan.ruleIndex["sales"]!, agent: 0, period: Period(text: "2026-01")!)!
        // 150 → 200: capped stays 100, so pay is not recomputed as changed.
        let changed = e.setInput(cell: c, value: Fixed(200))
        #expect(changed.map { e.name(ofCell: $0.cell) } == ["甲.sales[2026-01]"])
        let changed2 = e.setInput(cell: c, value: Fixed(50))
        #expect(changed2.map { e.name(ofCell: $0.cell) } == ["甲.sales[2026-01]", "甲.capped[2026-01]", "甲.pay[2026-01]"])
        #expect(changed2[2].old == n("200"))
    }
}
