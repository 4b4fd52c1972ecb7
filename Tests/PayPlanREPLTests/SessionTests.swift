import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// The session's commands, and one test per kind of error: each asserts the
/// message and that the workspace did not change.
@Suite struct SessionTests {
    @Test func editsPrintTheChangedPayLines() throws {
        let s = try Session()
        run(s, "input month sales default 0", "month pay = 3000 + 2% * sales",
            "agent add 李雷 id=S01 base=3000 hired=2025-06-01")
        let lines = run(s, "李雷.sales[2026-03] = 12万")
        #expect(lines == ["李雷.pay[2026-03]: 3,000.00 → 5,400.00"])
        #expect(query(s, "李雷.pay[2026-03]") == "5,400.00")
        #expect(s.execute("李雷.pay[2026-03]").lines == ["李雷.pay[2026-03] = 5,400.00"])
        // A rule edit lists every pay figure it moves.
        let changed = run(s, "month pay = 3000 + 3% * sales")
        #expect(changed == ["redefined pay", "李雷.pay[2026-03]: 5,400.00 → 6,600.00"])
        // The value it already holds (12万 is 120,000): no change, and no undo step (fresh-user finding 5, session 13).
        #expect(run(s, "李雷.sales[2026-03] = 120000") == ["no change: 李雷.sales[2026-03] is already 120,000.00"])
    }

    @Test func parametersChangeByNameAndKeepTheirLabels() throws {
        let s = try Session()
        run(s, "param rate \"提成比例\" = 1%", "input month sales default 100", "month pay = rate * sales", "agent add 甲")
        run(s, "rate = 2%")
        #expect(query(s, "甲.pay[2026-01]") == "2.00")
        run(s, "param rate = 3%")
        #expect(s.workspace.plan.definition(named: "rate")?.source == "param rate \"提成比例\" = 3%")
        #expect(query(s, "甲.pay[2026-01]") == "3.00")
        // Membership: the same as a chain of '='.
        run(s, "agent add 乙 role=after-sales", "month is_sales = role in (\"sales\", \"presales\")", "agent set 甲 role=sales")
        #expect(query(s, "甲.is_sales[2026-01]") == "yes")
        #expect(query(s, "乙.is_sales[2026-01]") == "no")
    }

    /// Ratios show six decimals; the value keeps twelve: 1/3 × 3 is 0.999999999999, shown as 1.00.
    @Test func displayRoundsButValuesStayExact() throws {
        let s = try Session()
        run(s, "param third = 1 / 3", "param back = third * 3")
        #expect(query(s, "third") == "0.333333")
        #expect(query(s, "back") == "1.00")
        let r = s.engine.plan.ruleIndex["back"]!
        #expect(s.engine.value(ofCell: s.engine.cell(rule: r, agent: 0, period: Period(text: "2026")!)!) == .number(Fixed(decimalText: "0.999999999999")!))
    }

    @Test func reportTotalsCountYesFlags() throws {
        let s = try Session()
        run(s, "input month sales default 0", "month big = sales > 100", "report columns sales, big",
            "agent add 甲", "agent add 乙", "甲.sales[2026-01] = 500", "乙.sales[2026-01] = 50")
        let lines = run(s, "report 2026-01")
        #expect(row(lines, "total") == ["550.00", "1"])
        #expect(row(lines, "甲") == ["500.00", "yes"])
    }

    /// pay = rate × sales, rate 1%, sales 100 in every month, for `agents` agents A0 …, change lists capped at 5.
    func rateSession(agents: Int) throws -> Session {
        let s = try Session()
        run(s, "param rate = 1%", "input month sales default 100", "month pay = rate * sales")
        for i in 0..<agents { run(s, "agent add A\(i)") }
        s.changeLimit = 5
        return s
    }

    @Test func manyChangesAreCapped() throws {
        let s = try rateSession(agents: 3)
        let lines = run(s, "param rate = 2%")
        #expect(lines.count == 1 + 5 + 1)
        #expect(lines.last == "… and 31 more pay figures changed") // 3 agents × 12 months = 36
    }

    /// The lines shown of a capped change list are the first pay cells in cell order, each named
    /// with its old and new figure (rate 1% → 2% of sales 100: 1.00 → 2.00); under the cap every
    /// line is shown and no count follows; an agent added shows its own figures after them.
    @Test func cappedChangesShowTheFirstPayCellsInOrderAndCountTheRest() throws {
        let s = try rateSession(agents: 2)
        let lines = run(s, "param rate = 2%")
        #expect(Array(lines.dropFirst().prefix(5)) == (1...5).map { "A0.pay[2026-0\($0)]: 1.00 → 2.00" })
        #expect(lines.last == "… and 19 more pay figures changed") // 2 agents × 12 months = 24
        s.changeLimit = 30
        let all = run(s, "param rate = 3%")
        #expect(all.count == 1 + 24)
        #expect(all.last == "A1.pay[2026-12]: 2.00 → 3.00")
        #expect(all[13] == "A1.pay[2026-01]: 2.00 → 3.00")
    }

    @Test func undoAndRedo() throws {
        let s = try Session()
        run(s, "input month sales default 0", "month pay = sales * 10%", "agent add 甲")
        run(s, "甲.sales[2026-01] = 1000")
        #expect(run(s, "undo") == ["undid 甲.sales[2026-01] = 1,000.00", "甲.pay[2026-01]: 100.00 → 0.00"])
        #expect(query(s, "甲.pay[2026-01]") == "0.00")
        #expect(run(s, "redo").last == "甲.pay[2026-01]: 0.00 → 100.00")
        run(s, "agent rm 甲")
        #expect(s.workspace.agents.isEmpty)
        run(s, "undo")
        #expect(query(s, "甲.pay[2026-01]") == "100.00")
    }

    @Test func unknownName() throws {
        let s = try Session(path: electronics)
        expectRefused(s, "month bonus2 = revnue * 2", "in 'bonus2': unknown name 'revnue' (did you mean 'revenue'?)")
        expectRefused(s, "李雷.revnue[2026-03]", "unknown name 'revnue' (did you mean 'revenue'?)")
        expectRefused(s, "李蕾.sales[2026-03] = 5", "no agent named '李蕾'")
    }

    @Test func cycle() throws {
        let s = try Session(path: electronics)
        expectRefused(s, "month monthly_bonus = pay * 1%", "circular reference: monthly_bonus → pay → pay_before_damage → monthly_bonus; nothing was changed")
    }

    /// A table whose rows read the table itself, directly or through another table, is a cycle refused with its
    /// path when it is defined (its rows are compiled into each lookup, so it used to recurse until the stack overflowed).
    @Test func tableThatReadsItself() throws {
        let s = try Session()
        expectRefused(s, "table prize [lo, hi): 0 -> lookup(prize, 1)", "circular reference: prize → prize; nothing was changed")
        // Through another table: a reads b (not yet defined, as rules may), then b reading a closes the circle.
        run(s, "table a [lo, hi): 0 -> 1, 10 -> marginal(b, x)")
        expectRefused(s, "table b [lo, hi): 0 -> lookup(a, x)", "circular reference: b → a → b; nothing was changed")
        // A table read twice in one formula, or by another table, is not a cycle: lookup(t, 5) + lookup(t, 15) = 1 + 2.
        run(s, "table t [lo, hi): 0 -> 1, 10 -> 2", "table u [lo, hi): 0 -> lookup(t, x) + lookup(t, x)", "param twice = lookup(t, 5) + lookup(t, 15)",
            "param u15 = lookup(u, 15)")
        #expect(query(s, "twice") == "3.00")
        #expect(query(s, "u15") == "4.00") // x = 15 falls in t's second tier twice: 2 + 2
        // In a scenario file the same plan is refused on load with the path.
        let f = tempDir() + "/cycle.json"
        try Data(#"{"format": "payplan-scenario", "version": 1, "name": "x", "years": "2026", "plan": ["table prize [lo, hi): 0 -> lookup(prize, 1)"], "agents": [], "inputs": {}}"#.utf8).write(to: URL(fileURLWithPath: f))
        expectRefused(s, "load! \(f)", "circular reference: prize → prize")
        #expect(query(s, "twice") == "3.00")
    }

    @Test func divisionByZeroIsAValueNotAFailure() throws {
        let s = try Session(path: electronics)
        run(s, "month expense_ratio = expenses / sales")
        #expect(query(s, "李雷.expense_ratio[2026-01]") == "0.004839") // 300 / 62,000 = 0.00483870…, shown to 6 decimals
        run(s, "agent add 空 hired=2020-01-01")
        let out = s.execute("空.expense_ratio[2026-01]")
        #expect(out.lines.first == "空.expense_ratio[2026-01] = #DIV/0!")
        #expect(out.lines.dropFirst().first?.contains("division by zero") == true)
    }

    @Test func badPeriod() throws {
        let s = try Session(path: electronics)
        expectRefused(s, "李雷.sales[2026-13] = 5", "'2026-13' is not a period")
        expectRefused(s, "report 2026-Q5", "'2026-Q5' is not a period")
        expectRefused(s, "李雷.sales[2026-Q1] = 5", "'sales' is entered per month; 2026-Q1 is a quarter")
    }

    @Test func badMoneyLiteral() throws {
        let s = try Session(path: electronics)
        expectRefused(s, "李雷.sales[2026-03] = 12x万", "'12x万' is not a number", sourceLine: "  李雷.sales[2026-03] = 12x万")
        // The caret sits under the bad literal, counting Chinese characters as two columns:
        // "李雷" is 4 columns and ".sales[2026-03] = " 18 more; "12x万" is 5 columns wide.
        let out = s.execute("李雷.sales[2026-03] = 12x万")
        #expect(out.errors[0].render()[2] == "  " + String(repeating: " ", count: 22) + "^~~~~")
        expectRefused(s, "李雷.sales[2026-03] = sales", "an input must be an amount")
    }

    @Test func malformedJSON() throws {
        let s = try Session(path: electronics)
        let dir = tempDir()
        let bad = dir + "/bad.json"
        try Data("{\n  \"format\": \"payplan-scenario\",\n  \"version\": 1,\n  \"name\": \n}".utf8).write(to: URL(fileURLWithPath: bad))
        expectRefused(s, "load \(bad)", "bad.json: not valid JSON")
        #expect(s.path == electronics)
    }

    @Test func newerFormat() throws {
        let s = try Session(path: electronics)
        let dir = tempDir()
        let newer = dir + "/newer.json"
        try Data(#"{"format": "payplan-scenario", "version": 99, "name": "x"}"#.utf8).write(to: URL(fileURLWithPath: newer))
        expectRefused(s, "load \(newer)", "format version 99, newer than this payplan reads (1)")
    }

    @Test func badPlanInAFileSaysWhere() throws {
        let s = try Session(path: electronics)
        let dir = tempDir()
        var text = try String(contentsOfFile: electronics, encoding: .utf8)
        text = text.replacingOccurrences(of: "month revenue \\\"营业总额\\\" = sales + order_sales - expenses", with: "month revenue = sales + order_sales - expensez")
        let broken = dir + "/broken.json"
        try text.write(toFile: broken, atomically: true, encoding: .utf8)
        expectRefused(s, "load \(broken)", "unknown name 'expensez' (did you mean 'expenses'?)")
        // A wrong type in a field names its path.
        let typed = dir + "/typed.json"
        try Data(#"{"format": "payplan-scenario", "version": 1, "name": "x", "years": "2026", "plan": [], "agents": [{"name": 5}], "inputs": {}}"#.utf8).write(to: URL(fileURLWithPath: typed))
        expectRefused(s, "load \(typed)", "agents[0].name: expected text here")
    }

    @Test func moneyRoundTripsThroughAScenarioFile() throws {
        let s = try Session()
        run(s, "input month sales", "input month share default 0%", "agent add 甲 base=3000.10")
        // Money to the fen (sales); a finer decimal only where a fraction is meant (share, default 0%).
        let amounts = ["0.1", "0.69", "5.02", "3000.10", "12345678901234.56"]
        run(s, "甲.share[2026-01] = 0.691")
        for (i, a) in amounts.enumerated() { run(s, "甲.sales[2026-0\(i + 1)] = \(a)") }
        let path = tempDir() + "/money.json"
        run(s, "save \(path)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for a in ["\"0.1\"", "\"0.69\"", "\"0.691\"", "\"5.02\"", "\"3000.1\"", "\"12345678901234.56\""] { #expect(text.contains(a)) }
        let back = try Session(path: path)
        #expect(back.workspace == s.workspace)
        #expect(query(back, "甲.sales[2026-05]") == "12,345,678,901,234.56")
        // Saving twice gives the same bytes (stable key order).
        run(back, "save")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func failedSaveKeepsTheOldFile() throws {
        let s = try Session(path: electronics)
        let dir = tempDir()
        let out = s.execute("save \(dir)/no-such-folder/x.json")
        #expect(out.failed)
        #expect(out.errors[0].message.contains("cannot write"))
        #expect(s.path == electronics)
        // Saving over an existing file (another one than the workspace's: `save!`) replaces it whole;
        // no temporary file is left behind.
        let target = dir + "/copy.json"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        run(s, "save! \(target)")
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["copy.json"])
    }

    @Test func undoingBackToTheSavedStateClearsTheUnsavedMark() throws {
        let s = try Session(path: electronics)
        #expect(!s.isDirty)
        run(s, "李雷.sales[2026-03] = 15万")
        #expect(s.isDirty)
        run(s, "undo")
        #expect(!s.isDirty)
        run(s, "redo")
        #expect(s.isDirty)
    }

    @Test func loadReplacesTheWorkspaceAndUndoBringsItBack() throws {
        let s = try Session()
        run(s, "input month sales default 0", "agent add 甲")
        // Unsaved changes: a script loads only with load! (the shell asks first).
        run(s, "load! \(electronics)")
        #expect(s.workspace.agents.count == 4)
        #expect(!s.isDirty && s.path == electronics)
        run(s, "undo")
        #expect(s.workspace.agents.map(\.name) == ["甲"])
        #expect(s.isDirty && s.path == nil, "undo goes back to the workspace with no file")
    }

    @Test func agentsTableAlignsChineseNames() throws {
        let s = try Session(path: electronics)
        let lines = run(s, "agents")
        // Every row is padded to the same display width up to the base column.
        let widths = lines.dropLast().filter { !$0.hasPrefix("─") }.map { DisplayWidth.of($0) }
        #expect(Set(widths).count == 1, "\(lines)")
        #expect(DisplayWidth.of("12三四56") == 8)
        #expect("12三四56".count == 6)
    }

    @Test func helpTeaches() throws {
        let s = try Session()
        // One title line, then one indented line per topic, each naming a topic that `help TOPIC` opens.
        let index = run(s, "help")
        #expect(index.first?.hasPrefix("payplan — ") == true)
        for line in index.dropFirst() {
            #expect(line.hasPrefix("  "), "\(line)")
            let topic = String(line.split(separator: " ").first ?? "")
            #expect(!s.execute("help \(topic)").failed, "help \(topic)")
        }
        #expect(run(s, "help tables").contains { $0.contains("marginal(T, amount)") })
        // The example in 'help tables' runs as written: marginal 1% on 10,000 + 2% on 5,000 = 200.
        run(s, "table t [lo, hi): 0 -> 1%, 1万 -> 2%", "param demo = marginal(t, 15000)")
        #expect(query(s, "demo") == "200.00")
    }
}
