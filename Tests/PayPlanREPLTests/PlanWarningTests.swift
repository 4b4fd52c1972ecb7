import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Issue 12, part 1: every trap an owner fell into while writing a plan gives a warning of
/// a stated kind, at a stated place (the text under the caret), and the definition still lands.
@Suite struct PlanWarningTests {
    func session() throws -> Session {
        let s = try Session()
        run(s, "input month sales default 0 range 0..", "month commission = sales * 2%",
            "agent add 甲 base=3000 hired=2025-01-01")
        return s
    }

    /// The text a diagnostic's caret stands under.
    func place(_ d: Diagnostic) -> String {
        guard let src = d.source, let r = d.range else { return "" }
        return String(Array(src)[r])
    }

    /// Runs a command that must succeed with exactly one warning; returns it.
    func warned(_ s: Session, _ command: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let out = s.execute(command)
        #expect(!out.failed, "\(command): \(out.text)", sourceLocation: sourceLocation)
        #expect(out.warnings.count == 1, "\(command): \(out.warnings.map(\.message))", sourceLocation: sourceLocation)
        return out.warnings.first
    }

    @Test func quarterFigureReadIntoAMonthRule() throws {
        let s = try session()
        run(s, "quarter qbonus = if sum(sales over quarter) >= 20万 then 1000 else 0")
        let w = try #require(warned(s, "month pay = base + commission + qbonus"))
        #expect(w.severity == .warning && w.warningKind == .periodFigureInShorterRule)
        #expect(place(w) == "qbonus")
        #expect(w.message.hasPrefix("in 'pay': 'qbonus' is quarterly: read in a month rule it counts in every month of the quarter; write paid(qbonus)"))
        // The rule landed: the trap pays 1,000 in each month of a quarter with 20万 of sales (3 × 1,000).
        run(s, "甲.sales[2026-01] = 20万")
        #expect(query(s, "甲.pay[2026-01]") == "8,000.00")  // 3,000 + 2% × 200,000 + 1,000
        #expect(query(s, "甲.pay[2026-03]") == "4,000.00")  // 3,000 + 0 + 1,000
        // paid() or an explicit month test: no warning.
        #expect(s.execute("month pay = base + commission + paid(qbonus)").warnings.isEmpty)
        #expect(s.execute("month pay = base + commission + (if month_of(period_end) = 3 then qbonus else 0)").warnings.isEmpty)
        // A yearly figure used as a factor every month is meant (a social-insurance base × a rate).
        run(s, "year contribution_base = avg(sales over year)")
        #expect(s.execute("month pension = round(contribution_base * 8%)").warnings.isEmpty)
        #expect(s.execute("month share = sales / sum(sales over quarter)").warnings.isEmpty)
    }

    @Test func quarterAggregateInAMonthRule() throws {
        let s = try session()
        let w = try #require(warned(s, "month qb = if sum(sales over quarter) >= 20万 then 1000 else 0"))
        #expect(w.warningKind == .periodFigureInShorterRule)
        #expect(place(w) == "sum(sales over quarter)")
        #expect(w.message.contains("is the same in every month of the quarter"))
    }

    @Test func namesThatHideAttributesBuiltInsOrReplaceInputs() throws {
        let s = try session()
        // `month base = 1` hides the agent's base (and reads nothing: two warnings).
        let out = s.execute("month base = 1")
        #expect(!out.failed)
        #expect(out.warnings.map(\.warningKind) == [.shadowsName, .neverChanges])
        #expect(out.warnings.map(place) == ["base", "1"])
        #expect(out.warnings[0].message == "in 'base': 'base' hides the agents' attribute 'base'; every rule that writes base now reads this rule, not the agent's base; choose another name, e.g. base_pay")
        run(s, "drop base")
        // `param sales = 3` replaces the sales input: the entered values are no longer read.
        run(s, "甲.sales[2026-03] = 1万")
        let p = try #require(warned(s, "param sales = 3"))
        #expect(p.warningKind == .shadowsName && place(p) == "sales")
        #expect(p.message.hasPrefix("in 'sales': 'sales' was an input; this parameter replaces it; the 1 value entered for sales is no longer read"))
        // A built-in.
        let out2 = s.execute("month tenure = sales")
        #expect(out2.warnings.map(\.warningKind) == [.shadowsName])
        #expect(out2.warnings.first?.message.contains("hides the built-in 'tenure' (months of employment)") == true)
    }

    @Test func payOutsideEmployment() throws {
        let s = try session()
        run(s, "month pay = base + commission")
        // 乙 joins on 2026-03-01: January and February pay 3,000 each although 乙 is not employed.
        let w = try #require(warned(s, "agent add 乙 base=3000 hired=2026-03-01"))
        #expect(w.warningKind == .payOutsideEmployment)
        #expect(place(w) == "pay")
        #expect(w.message == "in 'pay': pay pays 乙 3,000.00 in 2026-01, before the hire date 2026-03-01 (and 1 more month outside employment); test active: if not active then 0 else …")
        // Leaving: 丙 leaves 2026-10-31, so November and December are paid wrongly too.
        let l = try #require(warned(s, "agent add 丙 base=3000 hired=2025-01-01 left=2026-10-31"))
        #expect(l.message.contains("pay pays 丙 3,000.00 in 2026-11, after leaving on 2026-10-31 (and 1 more month outside employment)"))
        // Testing active clears both.
        #expect(s.execute("month pay = if not active then 0 else base + commission").warnings.isEmpty)
        #expect(s.execute("check").lines == ["no warnings"])
    }

    @Test func ruleThatCanNeverChange() throws {
        let s = try session()
        let w = try #require(warned(s, "month bonus = 500 * 2"))
        #expect(w.warningKind == .neverChanges && place(w) == "500 * 2")
        // A parameter is meant to be constant: no warning.
        #expect(s.execute("param bonus_amount = 500").warnings.isEmpty)
        #expect(s.execute("month bonus2 = bonus_amount").warnings.isEmpty)
    }

    @Test func inputOutsideItsRange() throws {
        let s = try session()
        // Entered outside the range: refused, as an attribute or order field outside its range is (M5).
        expectRefused(s, "甲.sales[2026-03] = -5000", "甲.sales[2026-03] = -5,000.00 is outside the range the plan declares for sales (0..); nothing was changed")
        // A value entered inside it that a narrower range then excludes is kept, with a warning at the range.
        run(s, "甲.sales[2026-03] = 5000")
        let w = try #require(warned(s, "input month sales default 0 range 1万.."))
        #expect(w.warningKind == .inputOutOfRange)
        #expect(place(w) == "range 1万..")
        #expect(w.message == "in 'sales': 甲.sales[2026-03] = 5,000.00 is outside the range the plan declares for sales (10000..)")
        #expect(query(s, "甲.sales[2026-03]") == "5,000.00")
        // check lists it at the input's range.
        let c = s.execute("check")
        #expect(c.lines.first == "1 warning")
        #expect(c.warnings.map(place) == ["range 1万.."])
        #expect(s.execute("甲.sales[2026-04] = 2万").warnings.isEmpty)
    }

    @Test func tierTablesWithAGapOrAnOverlap() throws {
        let s = try session()
        let gap = try #require(warned(s, "table t [lo, hi): 1万 -> 1%, 2万 -> 2%"))
        #expect(gap.warningKind == .tierGap && place(gap) == "1万")
        #expect(gap.message == "in 't': amounts below 10,000.00 have no tier of their own and fall in the first tier; start the table at 0 to say what they get")
        run(s, "param lo = 5万")
        let overlap = try #require(warned(s, "table t2 [lo, hi): 0 -> 0, lo -> 1%, 2万 -> 2%"))
        #expect(overlap.warningKind == .tierOverlap && place(overlap) == "2万")
        #expect(overlap.message.contains("this threshold (20,000.00) is not above the one before it (50,000.00, from lo)"))
        // Lowering the parameter clears it: check now lists the gap of t, and (session 13) t and t2 as tables
        // that nothing reads.
        run(s, "param lo = 1万")
        #expect(s.execute("check").warnings.map(\.warningKind) == [.tierGap, .unused, .unused])
        #expect(s.execute("check").warnings.filter { $0.warningKind == .unused }.map(place) == ["t", "t2"])
    }

    @Test func checkListsEverythingAndChineseSaysJingGao() throws {
        let s = try session()
        run(s, "quarter qbonus = if sum(sales over quarter) >= 20万 then 1000 else 0", "month pay = base + qbonus",
            "agent add 乙 base=3000 hired=2026-03-01")
        let c = s.execute("lint")
        #expect(c.lines.first == "2 warnings")
        #expect(c.warnings.map(\.warningKind) == [.periodFigureInShorterRule, .payOutsideEmployment])
        #expect(c.lines.contains("warning: in 'pay': 'qbonus' is quarterly: read in a month rule it counts in every month of the quarter; write paid(qbonus) to pay it once, in the quarter's last month (or test the period: if month_of(period_end) = … then qbonus else 0)"))
        #expect(c.lines.contains("  month pay = base + qbonus"))
        #expect(c.lines.contains("  " + String(repeating: " ", count: "month pay = base + ".count) + "^~~~~~"))
        s.language = .zh
        let z = s.execute("check")
        #expect(z.lines.first == "2 条警告")
        #expect(z.lines.contains { $0.hasPrefix("警告：在 'pay' 中：'qbonus' 是季度数字") })
        #expect(z.lines.contains { $0.hasPrefix("警告：在 'pay' 中：pay 在 2026-01 给 乙 发 3,000.00，在入职日 2026-03-01 之前") })
    }

    @Test func loadReportsTheCount() throws {
        let dir = tempDir("warnings")
        let s = try session()
        run(s, "quarter qbonus = 1000", "month pay = base + qbonus", "save \(dir)/w.json")
        let t = try Session()
        let out = t.execute("load \(dir)/w.json")
        #expect(out.lines.dropFirst().first == "2 warnings: type check to list them")
        #expect(out.warnings.isEmpty)
    }

    /// The shipped plans are written without any of these traps: `check` lists only what their
    /// figures pay (below zero, under the minimum wage; PayConcernWarningTests checks those).
    @Test(arguments: [electronics, onlineShop, webAgency])
    func shippedScenariosHaveNoWarnings(_ path: String) throws {
        let s = try Session(path: path)
        #expect(s.currentWarnings().isEmpty)
        #expect(s.execute("check").warnings.allSatisfy { $0.warningKind == .negativePay || $0.warningKind == .belowMinimumWage })
    }
}
