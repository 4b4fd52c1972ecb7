import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Forks, compare, sweep, solve and cliffs on plan C, with figures worked by hand.
@Suite struct WhatIfTests {
    /// The shipped scenario plus 测试: hired long ago (not on probation), base 3000, no expenses.
    func session() throws -> Session {
        let s = try Session(path: electronics)
        run(s, "agent add 测试 id=T01 base=3000 hired=2020-01-01")
        return s
    }

    // MARK: solve

    /// Pay 9,000 needs sales of 200,000.00: at 199,999.99 commission is 2% × 10万 + 3% × 99,999.99 = 4,999.9997 → 5,000.00,
    /// pay = 3,000 + 5,000.00 + 500 (R ≥ 15万) = 8,500.00; at 200,000.00 it is 3% × 20万 = 6,000, pay 9,500.00.
    @Test func solveAcrossAJump() throws {
        let s = try session()
        let out = run(s, "solve sales for pay = 9000 for 测试 in 2026-03")
        #expect(out[0] == "测试.sales[2026-03] = 200,000.00 is the least that gives 测试.pay[2026-03] ≥ 9,000.00")
        #expect(out[1].contains("pay goes from 8,500.00 at 199,999.99 to 9,500.00 at 200,000.00"))
        #expect(out[1].contains("never paid"))
    }

    /// Pay 5,000 needs 99,999.75: 2% × 99,999.75 = 1,999.995 → 2,000.00 (half away from zero); 99,999.74 gives 1,999.9948 → 1,999.99.
    @Test func solveToTheFen() throws {
        let s = try session()
        let out = run(s, "solve sales for pay = 5000 for 测试 in 2026-03")
        #expect(out[0] == "测试.sales[2026-03] = 99,999.75 is the least that gives 测试.pay[2026-03] ≥ 5,000.00 (pay = 5,000.00; at 99,999.74 it is 4,999.99)")
    }

    /// Sales up to 10⁹ pay at most 3,000 + 3% × 10⁹ + 1,000 = 30,004,000.00, so 10⁸ is unreachable.
    @Test func solveUnreachable() throws {
        let s = try session()
        let out = run(s, "solve sales for pay = 100000000 for 测试 in 2026-03")
        #expect(out[0] == "unreachable: 测试.pay[2026-03] ≥ 100,000,000.00 is not reached for sales from 0.00 to 1,000,000,000.00; the most is 30,004,000.00 at 1,000,000,000.00")
    }

    /// The library answer, and the workspace is never touched.
    @Test func probeSolveLeavesWorkspaceAlone() throws {
        let s = try session()
        let before = s.workspace
        let i = s.workspace.agentIndex(named: "测试")!
        let p = try InputProbe(workspace: s.workspace, input: "sales", agent: i, period: Period(text: "2026-03")!, figures: ["pay"])
        #expect(try p.solve(target: Fixed(9000)) == .reached(input: Fixed(200_000), value: Fixed(9500), before: Fixed(8500)))
        #expect(try p.solve(target: Fixed(2100)) == .reached(input: .zero, value: Fixed(2100), before: nil))
        run(s, "sweep sales from 0 to 30万 step 1万 show pay for 测试 in 2026-03", "solve sales for pay = 9000 for 测试 in 2026-03")
        #expect(s.workspace == before)
        #expect(query(s, "测试.pay[2026-03]") == "2,100.00")
    }

    /// sweep, solve and cliffs probe the session's own engine (no copy whose first edit duplicated the whole value
    /// array, issue 10) and put it back: the same engine object, every cell as before and as a fresh engine has it,
    /// whether the search ran to the end or was stopped (Ctrl-C) half-way; 测试's March pay is still 2,100.00
    /// (3,000 base − 30% deduction of 900 at no sales, plan C C3).
    @Test func probesRestoreTheSessionEngine() throws {
        let s = try session()
        run(s, "测试.sales[2026-03] = 12345")
        let engine = s.engine, before = s.engine.values
        let commands = ["sweep sales from 0 to 30万 step 1万 show pay for 测试 in 2026-03", "solve sales for pay = 9000 for 测试 in 2026-03",
                        "cliffs pay over sales from 0 to 400000 for 测试 in 2026-03", "sweep sales from 0 to 30万 step 1万 show pay for 测试 in 2026-04"]
        for c in commands {
            run(s, c)
            #expect(s.engine === engine, "\(c)")
            #expect(s.engine.values == before, "\(c)")
            var polls = 0
            s.interruptCheck = { polls += 1; return polls >= 3 }
            #expect(s.execute(c).failed, "\(c) stopped")
            s.interruptCheck = { false }
            #expect(s.engine.values == before, "\(c) stopped")
        }
        // A fresh engine numbers an added agent's cells otherwise: compared by cell name.
        func named(_ e: Engine) -> [String: Value] {
            Dictionary((0..<e.cellCount).map { (e.name(ofCell: $0), e.value(ofCell: $0)) }, uniquingKeysWith: { a, _ in a })
        }
        #expect(named(try Engine(workspace: s.workspace)) == named(s.engine))
        // During the sweep the session's own engine is the one edited (no private copy): 测试's March pay, read at
        // each Ctrl-C poll, takes the sweep's values (at least 3,000 + 2% × 10万 = 5,000.00 at 10万, 9,500.00 at 20万).
        let pay = s.engine.plan.ruleIndex["pay"]!, march = Period(text: "2026-03")!, agent = s.workspace.agentIndex(named: "测试")!
        var seen = Set<Value>()
        s.interruptCheck = { seen.insert(s.valueOf(rule: pay, agent: agent, period: march)!); return false }
        run(s, commands[0])
        s.interruptCheck = { false }
        #expect(seen.contains(.number(Fixed(5000))) && seen.contains(.number(Fixed(9500))), "\(seen)")
        #expect(s.engine.values == before)
        // The probe does edit the engine it is given: 10万 of sales in March pays 3,000 + 2% × 10万 = 5,000.00 there.
        let i = s.workspace.agentIndex(named: "测试")!
        let p = try InputProbe(engine: s.engine, input: "sales", agent: i, period: Period(text: "2026-03")!, figures: ["pay"])
        #expect(p.figure(atFen: 10_000_000) == Fixed(5000))
        #expect(s.engine.values != before)
        p.restore()
        #expect(s.engine.values == before)
        #expect(query(s, "测试.sales[2026-03]") == "12,345.00")
        run(s, "测试.sales[2026-03] = 0")
        #expect(query(s, "测试.pay[2026-03]") == "2,100.00")
    }

    // MARK: cliffs

    /// Jumps by hand (no expenses): at 1万 deduction 900 → 600 and commission 0 → 100 (+400); at 2万 deduction 600 → 300 (+300);
    /// at 3万 deduction 300 → 0 and commission 300 → 450 (+450); at 4万 600 → 800 (+200); at 15万 the bonus 500;
    /// at 20万 commission 5,000 → 6,000 (+1,000); at 30万 the bonus 500 → 1,000. At 10万 the tiers meet (2,000 both sides): no jump.
    /// At 2万 and 3万 pay before damage crosses the minimum wage 2,740 and 3,425 (where 20% of it equals what
    /// is above 2,740), so C7.1's damage_limit changes which limit holds; but nothing is due, so
    /// min(damage_due, damage_limit) takes damage_due 0.00 on both sides and damage_limit is not named.
    @Test func cliffsOfPlanC() throws {
        let s = try session()
        let out = run(s, "cliffs pay over sales from 0 to 40万 for 测试 in 2026-03")
        let jumps = out.filter { $0.hasPrefix("  sales ") }
        #expect(jumps == [
            "  sales 9,999.99 → 10,000.00: pay 2,100.00 → 2,500.00 (+400.00)  deduction_rate, commission_tiers",
            "  sales 19,999.99 → 20,000.00: pay 2,600.00 → 2,900.00 (+300.00)  deduction_rate",
            "  sales 29,999.99 → 30,000.00: pay 3,000.00 → 3,450.00 (+450.00)  deduction_rate, commission_tiers",
            "  sales 39,999.99 → 40,000.00: pay 3,600.00 → 3,800.00 (+200.00)  commission_tiers, tier_commission",
            "  sales 149,999.99 → 150,000.00: pay 6,500.00 → 7,000.00 (+500.00)  monthly_bonus",
            "  sales 199,999.99 → 200,000.00: pay 8,500.00 → 9,500.00 (+1,000.00)  commission_tiers",
            "  sales 299,999.99 → 300,000.00: pay 12,500.00 → 13,000.00 (+500.00)  monthly_bonus",
        ])
        #expect(!out.contains { $0.contains("pays less") })
    }

    /// With 500 of expenses, sales 40,500.00 make R = 40,000 and 500 > 1% × 40,000 = 400: no commission (C3.1).
    /// At 40,499.99, R = 39,999.99 and commission = 1.5% × 39,999.99 = 599.99985 → 600.00: pay falls by 600.00,
    /// and stays below 3,600.00 until R = 50,000 (sales 50,500.00), where 500 ≤ 1% × R again.
    @Test func cliffWherePayFalls() throws {
        let s = try session()
        run(s, "测试.expenses[2026-03] = 500")
        let out = run(s, "cliffs pay over sales from 0 to 40万 for 测试 in 2026-03")
        #expect(out.contains("  sales 40,499.99 → 40,500.00: pay 3,600.00 → 3,000.00 (falls by 600.00)  commission_tiers, tier_commission"))
        #expect(out.contains("  sales 50,499.99 → 50,500.00: pay 3,000.00 → 4,000.00 (+1,000.00)  tier_commission"))
        #expect(out.contains("where more sales pays less:"))
        #expect(out.contains("  sales from 40,500.00 to 50,499.99: pay is below 3,600.00, what 40,499.99 pays"))
    }

    // MARK: sweep

    @Test func sweepTableChartAndSVG() throws {
        let s = try session()
        let file = NSTemporaryDirectory() + "payplan-sweep-\(UUID().uuidString).svg"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let out = run(s, "sweep sales from 0 to 35万 step 5万 show pay, commission for 测试 in 2026-03 --svg \(file)")
        // Rows by hand: 0 → 2,100 / 0; 5万 → 3,000 + 2% × 5万 = 4,000 / 1,000; 15万 → 3,000 + 3,500 + 500 = 7,000 / 3,500;
        // 35万 → 3,000 + 10,500 + 1,000 = 14,500 / 10,500.
        #expect(out.contains("      0.00   2,100.00        0.00"))
        #expect(out.contains(" 50,000.00   4,000.00    1,000.00"))
        #expect(out.contains("150,000.00   7,000.00    3,500.00"))
        #expect(out.contains("350,000.00  14,500.00   10,500.00"))
        #expect(out.contains { $0.contains("⠀") && $0.contains("┤") })
        #expect(out.contains { $0.hasPrefix("tiers and conditions change at: 10,000.00 (deduction_rate, commission_tiers), 20,000.00 (deduction_rate)") })
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "the SVG is well-formed XML")
        // Tier boundaries: 1万, 2万, 3万, 4万, 10万 and 20万 from the tables, 15万 and 30万 where the bonus condition jumps.
        #expect(svg.components(separatedBy: "stroke-dasharray").count - 1 == 8)
        #expect(svg.contains(">200,000 commission_tiers</text>"))
        // The axis titles are the plan's labels with their unit (input sales "销售额").
        #expect(svg.contains(">销售额 (CNY)</text>"))
    }

    /// Each bad what-if command is refused with a message naming the problem, and changes nothing.
    /// 0 to 10万 in steps of 1 is 100,000 / 1 + 1 = 100,001 steps, over the limit of 10,000.
    @Test func badInputChangesNothing() throws {
        let s = try session()
        // A folder that does not exist, inside a fresh temporary one (nothing else on the machine can create it).
        let missing = tempDir("whatif") + "/no-such-folder"
        let cases: [(String, String)] = [
            ("sweep sales from 0 to 10万 step 0 show pay", "the step must be at least 0.01"),
            ("sweep nothing from 0 to 10 step 1 show pay", "unknown input 'nothing'; inputs are: sales, expenses"),
            ("sweep pay from 0 to 10 step 1 show pay", "'pay' is computed by a rule, not entered; inputs are: sales, expenses"),
            ("sweep sales from 0 to 10万 step 1万 show nope", "unknown figure 'nope'"),
            ("sweep sales from 0 to 10万 step 1万", "sweep needs show FIGURE; write sweep INPUT from X to Y step S show FIGURE"),
            ("sweep sales from 10万 to 0 step 1 show pay", "'to' (0.00) must not be below 'from' (100,000.00)"),
            ("sweep sales from 0 to 10万 step 1 show pay", "that is 100001 steps; at most 10000 (use a larger step)"),
            ("sweep sales from 0 to 1万 step 1000 show pay for 无名", "no agent named '无名' (agents: 李雷, 韩梅梅, 王芳, 赵强, 测试)"),
            ("sweep sales from 0 to 1万 step 1000 show pay in 2030-01", "2030-01 is outside this scenario's years (2026)"),
            ("solve sales for pay 9000", "write solve INPUT for FIGURE = TARGET [for AGENT] [in MONTH] [from X] [to Y]"),
            ("solve sales for pay = abc", "the target 'abc' is not an amount: write one such as 12万, 40k, 40,000 or ¥40000"),
            ("cliffs pay over sales from 0", "to needs an amount, e.g. 30万 or 300000"),
            ("cliffs pay over sales from 0 to 1万 threshold -5", "the threshold must not be negative"),
            ("compare main", "compare needs two scenarios and optionally a period: compare main lower_tier 2026"),
            ("compare main nope", "no scenario named 'nope' (scenarios: main; make one with fork NAME)"),
            ("switch nope", "no scenario named 'nope' (scenarios: main; make one with fork NAME)"),
            ("fork", "fork needs a name: fork lower_tier"),
            ("fork a.b", "'a.b' cannot name a scenario: a name starts with a letter or '_' (then letters, digits, '_' or '-'; no spaces or dots), e.g. lower_tier"),
            // A name of letters and digits that starts with a digit (fresh user, session 13: the message said only which characters).
            ("fork 1bad", "'1bad' cannot name a scenario: a name starts with a letter or '_' (then letters, digits, '_' or '-'; no spaces or dots), e.g. lower_tier"),
            ("explain 李雷.pay[2026-03] in main vs nope", "no scenario named 'nope' (scenarios: main; make one with fork NAME)"),
            ("sweep sales from 0 to 1万 step 1000 show pay --svg \(missing)/x.svg",
             "cannot write \(missing)/x.svg: No such file or directory; no chart was written"),
        ]
        for (bad, message) in cases { expectRefused(s, bad, message) }
        #expect(s.forkNames == ["main"])
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    // MARK: forks

    /// The what-if session of issue 7: fork, change the 2% tier to 1.8%, compare 2026, undo.
    /// By hand, 李雷 in February: R = 48,000 − 450 = 47,550, in the 4万 tier: 2% → 951.00, 1.8% → 855.90 (−95.10, −10.0%).
    @Test func forkChangeCompareUndo() throws {
        let s = try Session(path: electronics)
        run(s, "fork lower")
        #expect(s.currentFork == "lower")
        run(s, "table commission_tiers \"提成阶梯\" [lo, hi): 0 -> 0, 1万 -> 1% * x, 3万 -> 1.5% * x, 4万 -> 1.8% * x, 10万 -> 1.8% * 10万 + 3% * (x - 10万), 20万 -> 3% * x")
        let feb = run(s, "compare main lower 2026-02")
        // Rows compared word by word: the columns' widths follow the longest label.
        let febWords = feb.map { $0.split(separator: " ").joined(separator: " ") }
        func words(_ line: String) -> String { line.split(separator: " ").joined(separator: " ") }
        #expect(febWords.contains(words("李雷    sales                     48,000.00   48,000.00        0.00    0.0%")))
        #expect(febWords.contains(words("        commission                   951.00      855.90      -95.10  -10.0%")))
        // 韩梅梅: R = 158,800 pays 2% (now 1.8%) of the first 10万: −200.00; 王芳's R = 34,700 is in the 1.5% tier: unchanged.
        #expect(febWords.contains(words("        commission                 3,764.00    3,564.00     -200.00   -5.3%")))
        #expect(feb[feb.count - 3].split(separator: " ").map(String.init) == ["total", "pay", "(gross", "pay)", "14,735.50", "14,440.40", "-295.10", "-2.0%"])
        // The owner's cost beside it (use takehome): every employed agent's employer contributions are the same in both
        // (base 3,000 → social insurance on the floor 7,460: 1,193.60 + 671.40 + 37.30 + 14.92 = 1,917.22, housing fund
        // 150.00: 2,067.22), 3 employed in February (赵强 joins in April): 14,735.50 + 6,201.66 = 20,937.16 and
        // 14,440.40 + 6,201.66 = 20,642.06, the same −295.10, −1.4% of the larger total.
        #expect(feb[feb.count - 2].split(separator: " ").map(String.init) == ["employer_cost", "(cost", "to", "the", "owner)", "20,937.16", "20,642.06", "-295.10", "-1.4%"])
        // The terminal lists only the agents whose figures differ: 王芳 (1.5% tier in both) and 赵强 (not yet
        // employed in February) have the same figures, so 2 of the 4 are counted, not listed; --all lists them.
        #expect(feb.last == "2 of 4 agents have the same figures in main and lower and are not listed (compare main lower 2026-02 --all lists them)")
        #expect(!feb.contains { $0.hasPrefix("王芳") || $0.hasPrefix("赵强") })
        let every = run(s, "compare main lower 2026-02 --all")
        #expect(every.contains { $0.hasPrefix("王芳") } && every.contains { $0.hasPrefix("赵强") })
        #expect(!every.contains { $0.contains("--all lists them") })
        #expect(Array(every.suffix(2)) == Array(feb.suffix(3).prefix(2)))
        // An export always holds every agent: the CSV names all four.
        let csv = run(s, "compare main lower 2026-02 --csv").joined(separator: "\n")
        for name in ["李雷", "韩梅梅", "王芳", "赵强"] { #expect(csv.contains(name)) }
        #expect(!csv.contains("--all lists them"))
        let year = run(s, "compare main lower 2026")
        #expect(year[0] == "main vs lower — 2026")
        // The orders itemised from April (scenarios/src/electronics_orders.py) keep every month's R, so the
        // difference is unchanged; the order rules move both totals by the same −1,349.54, worked by hand:
        // +180.00 (low-margin cash) −360.00 (paid 20 days late) +250.00 (paid early) −500.00 (approved low margin)
        // +200.00 (high margin) −118.44 (clawback of 王芳's April share, R < 4万 in both) −300.00 (90 days overdue)
        // −600.00 (write-off) −101.10 (赵强's late cash order, R < 4万 in both): 267,346.75 → 265,997.21 and 263,731.25 → 262,381.71.
        #expect(year[year.count - 2].split(separator: " ").map(String.init) == ["total", "pay", "(gross", "pay)", "265,997.21", "262,381.71", "-3,615.50", "-1.4%"])
        // 45 agent-months employed (3 × 12 + 赵强's 9) × 2,067.22 = 93,024.90 more in both: 359,022.11 and 355,406.61, −1.0%.
        #expect(year.last!.split(separator: " ").map(String.init) == ["employer_cost", "(cost", "to", "the", "owner)", "359,022.11", "355,406.61", "-3,615.50", "-1.0%"])
        #expect(run(s, "scenarios").contains("*  lower     1 definition"))
        let why = run(s, "explain 李雷.pay[2026-02] in main vs lower")
        #expect(why[0] == "李雷.pay[2026-02] = 3,951.00 in main, 3,855.90 in lower (-95.10, -2.4%)")
        #expect(why.contains("  commission_tiers (read by this figure)"))
        #expect(why.contains("  李雷.commission[2026-02]: 951.00 in main, 855.90 in lower"))
        // Undo the rule change, then the fork.
        run(s, "undo")
        #expect(query(s, "李雷.commission[2026-02]") == "951.00")
        run(s, "undo")
        #expect(s.currentFork == "main" && s.forkNames == ["main"])
        run(s, "redo")
        #expect(s.currentFork == "lower" && s.forkNames == ["main", "lower"])
    }

    @Test func switchAndUndoSwitch() throws {
        let s = try Session(path: electronics)
        run(s, "fork high", "李雷.sales[2026-03] = 20万")
        #expect(query(s, "李雷.sales[2026-03]") == "200,000.00")
        run(s, "switch main")
        #expect(query(s, "李雷.sales[2026-03]") == "120,000.00")
        run(s, "undo")
        #expect(s.currentFork == "high")
        #expect(query(s, "李雷.sales[2026-03]") == "200,000.00")
        run(s, "switch main")
        expectRefused(s, "switch main", "already on 'main'")
    }

    @Test func forksAreSavedAndLoaded() throws {
        let s = try Session(path: electronics)
        run(s, "fork high", "李雷.sales[2026-03] = 20万", "switch main")
        let file = NSTemporaryDirectory() + "payplan-forks-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: file) }
        run(s, "save \(file)")
        let json = try String(contentsOfFile: file, encoding: .utf8)
        #expect(json.contains("\"forks\""))
        let t = try Session(path: file)
        #expect(t.forkNames == ["main", "high"])
        #expect(query(t, "李雷.sales[2026-03]") == "120,000.00")
        run(t, "switch high")
        #expect(query(t, "李雷.sales[2026-03]") == "200,000.00")
        // Saving while on a fork keeps main as the scenario.
        run(t, "save")
        let u = try Session(path: file)
        #expect(query(u, "李雷.sales[2026-03]") == "120,000.00")
        // load replaces the forks, and undo brings the old ones back.
        let v = try Session(path: electronics)
        // A new fork is unsaved (the file would hold it): load! replaces it without asking.
        run(v, "fork other", "load! \(file)")
        #expect(v.forkNames == ["main", "high"])
        run(v, "undo")
        #expect(v.forkNames == ["main", "other"] && v.currentFork == "other")
    }
}
