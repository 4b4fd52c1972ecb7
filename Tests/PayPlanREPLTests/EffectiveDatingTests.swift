import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Issue 12, item 3: effective-dated plan changes (`from 2026-07 table commission_tiers …`).
/// Months before a version's month use the definition as first written, months from it the version.
@Suite struct EffectiveDatingTests {
    /// Plan C's commission table (C3) with the 2% tier (4万–10万) at 1.8% from July.
    static let julyTiers = """
        from 2026-07 table commission_tiers "提成阶梯" [lo, hi):
          0 -> 0,
          1万 -> 1% * x,
          3万 -> 1.5% * x,
          4万 -> 1.8% * x,
          10万 -> 2% * 10万 + 3% * (x - 10万),
          20万 -> 3% * x
        """

    /// Every agent's figure `rule` for the 12 months of 2026, in agent order.
    func figures(_ s: Session, _ rule: String) throws -> [[Fixed]] {
        let e = s.engine
        let r = try #require(e.plan.ruleIndex[rule])
        return try (0..<e.agents.count).map { a in
            try (1...12).map { m in
                guard case .number(let v) = try #require(s.valueOf(rule: r, agent: a, period: .month(Month(year: 2026, month: m)))) else {
                    Issue.record("\(rule) of agent \(a) in month \(m) is not a number"); return .zero
                }
                return v
            }
        }
    }

    /// The done-when test. Plan C, forked; C3's 2% tier (R in [4万, 10万)) becomes 1.8% from 2026-07.
    /// C3.1 (expenses over 1% of R from 4万 up → no commission) still applies, so a month moves only when
    /// R is in [4万, 10万) and expenses ≤ 1% of R, by (1.8% − 2%) × R = −0.2% × R (exact to the fen, so
    /// round() changes nothing). Worked from the scenario's inputs (R = sales + counted order sales −
    /// expenses, C2), July–December:
    ///
    ///   李雷 07: R = 27,560 + 44,440 − 400 = 71,600, 400 ≤ 716        → −143.20
    ///   李雷 09: R = 32,310 + 66,690 − 700 = 98,300, 700 ≤ 983        → −196.60
    ///   王芳 09: R = 18,920 + 25,080 − 300 = 43,700, 300 ≤ 437        → −87.40
    ///   王芳 10: R = 15,780 + 41,220 − 450 = 56,550, 450 ≤ 565.50     → −113.10
    ///   王芳 12: R = 30,680 + 35,320 − 500 = 65,500, 500 ≤ 655        → −131.00
    ///   赵强 08: R = 18,420 + 26,580 − 300 = 44,700, 300 ≤ 447        → −89.40
    ///   赵强 11: R = 8,810 + 32,190 − 300 = 40,700, 300 ≤ 407         → −81.40
    ///   赵强 12: R = 28,750 + 29,250 − 400 = 57,600, 400 ≤ 576        → −115.20
    /// and no other month: 王芳 08 (60,300, 700 > 603), 王芳 11 (47,400, 600 > 474) and 赵强 10
    /// (51,400, 600 > 514) have no commission by C3.1; 韩梅梅's R is above 10万 all half-year, 李雷's
    /// in 08, 10–12; 王芳 07 and 赵强 07/09 are below 4万. The cash-late shares and clawbacks of these
    /// months are 0, and no damage is capped (C7.1), so pay moves by the commission's change.
    /// Q3 = −143.20 − 196.60 − 87.40 − 89.40 = −516.60; Q4 = −113.10 − 131.00 − 81.40 − 115.20 = −440.70.
    @Test func planCTierChangeFromJulyLeavesTheFirstHalfAndCostsQ3() throws {
        let s = try Session(path: electronics)
        let mainPay = try figures(s, "pay")
        run(s, "fork cut")
        let out = s.execute(Self.julyTiers)
        #expect(!out.failed, "\(out.text)")
        #expect(out.lines.first == "defined commission_tiers from 2026-07")
        let cutPay = try figures(s, "pay")
        let agents = s.engine.agents.map(\.name)
        #expect(agents == ["李雷", "韩梅梅", "王芳", "赵强"])
        let byHand: [String: [Int: String]] = [
            "李雷": [7: "-143.20", 9: "-196.60"],
            "韩梅梅": [:],
            "王芳": [9: "-87.40", 10: "-113.10", 12: "-131.00"],
            "赵强": [8: "-89.40", 11: "-81.40", 12: "-115.20"],
        ]
        for (a, name) in agents.enumerated() {
            for m in 1...12 {
                let change = try #require(Fixed.checkedSubtract(cutPay[a][m - 1], mainPay[a][m - 1]))
                let expected = byHand[name]?[m].flatMap { Fixed(decimalText: $0) } ?? .zero
                #expect(change == expected, "\(name) 2026-\(m): \(change) vs \(expected)")
                if m <= 6 { #expect(change == .zero, "\(name) 2026-\(m) must not change") }
            }
        }
        // The same from a reference of C3/C3.1 over every month: −0.2% × R where R ∈ [4万, 10万) and expenses ≤ 1% × R.
        let revenue = try figures(s, "revenue"), expenses = try figures(s, "expenses")
        for a in agents.indices {
            for m in 7...12 {
                let r = revenue[a][m - 1]
                let moves = r >= Fixed(40000) && r < Fixed(100000) && expenses[a][m - 1] <= r * Fixed(decimalText: "0.01")!
                #expect(cutPay[a][m - 1] - mainPay[a][m - 1] == (moves ? -(r * Fixed(decimalText: "0.002")!) : .zero))
            }
        }
        // compare shows Q3's cost of the change: the hand sum, −516.60 (Q4: −440.70; Q2: nothing).
        let q3 = s.execute("compare main cut 2026-Q3")
        #expect(row(q3.lines, "total").prefix(4) == ["pay (gross pay)", "64,993.15", "64,476.55", "-516.60"])
        #expect(row(s.execute("compare main cut 2026-Q4").lines, "total")[3] == "-440.70")
        #expect(row(s.execute("compare main cut 2026-Q2").lines, "total")[3] == "0.00")
        // explain … in main vs cut names the changed definition with its new version.
        let versus = run(s, "explain 李雷.pay[2026-07] in main vs cut")
        #expect(versus.first == "李雷.pay[2026-07] = 4,432.00 in main, 4,288.80 in cut (-143.20, -3.2%)")
        #expect(versus.contains("  commission_tiers (read by this figure)"))
        #expect(versus.contains { $0.hasPrefix("    cut: table commission_tiers ") && $0.contains("from 2026-07 table commission_tiers") && $0.contains("4万 -> 1.8% * x") })
        #expect(s._checkInvariants().isEmpty)
    }

    /// `explain` names the version a figure used, in plain sentences and with --rules, in English and Chinese.
    @Test func explainNamesTheVersionUsed() throws {
        let s = try Session(path: electronics)
        run(s, Self.julyTiers)
        // C3: 李雷's July R 71,600 in [4万, 10万) at 1.8% = 1,288.80; June's R 87,500 at 2% = 1,750.00.
        let july = run(s, "explain 李雷.tier_commission[2026-07]")
        #expect(july.first == "李雷's tier commission for 2026-07 is 1,288.80: revenue 71,600.00 (sales 27,560.00 + order sales 44,440.00 − expenses 400.00) falls in the tier from 4万 (inclusive) to 10万 (exclusive) (commission tiers, version from 2026-07), computed as 1.8% × 71,600.00.")
        let june = run(s, "explain 李雷.tier_commission[2026-06]")
        #expect(june.first?.contains("(commission tiers, version before 2026-07), computed as 2% × 87,500.00") == true)
        let rules = run(s, "explain 李雷.tier_commission[2026-07] --rules")
        #expect(rules.contains("  · commission_tiers: version from 2026-07"))
        #expect(rules.contains("  · commission_tiers: 71,600.00 falls in the tier [40,000.00, 100,000.00) → 1,288.80 (1.8% * x, x = 71,600.00)"))
        #expect(!rules.contains { $0.contains("period_start") })
        let juneRules = run(s, "explain 李雷.tier_commission[2026-06] --rules")
        #expect(juneRules.contains("  · commission_tiers: version before 2026-07"))
        #expect(juneRules.contains { $0.contains("(2% * x, x = 87,500.00)") })
        run(s, "set lang zh")
        let zh = run(s, "explain 李雷.tier_commission[2026-07]")
        #expect(zh.first?.contains("落在 4万（含）–10万（不含）档（提成阶梯 2026-07 起的版本），按 1.8% × 71,600.00 计算") == true)
        #expect(run(s, "explain 李雷.tier_commission[2026-07] --rules").contains("  · commission_tiers：自 2026-07 起的版本"))
    }

    /// A rule's and a parameter's versions: figures by month, explain, show, drop of a version, undo and redo.
    @Test func ruleAndParameterVersions() throws {
        let s = try Session()
        run(s, "input month sales default 0", "param base_pay \"底薪\" = 3000", "month commission \"提成\" = round(sales * 2%)",
            "month pay = base_pay + commission", "agent add 甲 hired=2025-01-01")
        for m in 1...12 { run(s, "甲.sales[2026-\(String(format: "%02d", m))] = 5万") }
        run(s, "from 2026-04 param base_pay = 3500", "from 2026-07 month commission = round(sales * 1.8%)")
        // Jan–Mar: 3,000 + 2% × 50,000 = 4,000.00; Apr–Jun: 3,500 + 1,000 = 4,500.00; Jul–Dec: 3,500 + 900 = 4,400.00.
        #expect(query(s, "甲.pay[2026-03]") == "4,000.00")
        #expect(query(s, "甲.pay[2026-04]") == "4,500.00")
        #expect(query(s, "甲.pay[2026-06]") == "4,500.00")
        #expect(query(s, "甲.pay[2026-07]") == "4,400.00")
        #expect(query(s, "甲.pay[2026-12]") == "4,400.00")
        // explain --rules: the version's own text, and its name.
        let ex = run(s, "explain 甲.pay[2026-08] --rules --depth 1")
        #expect(ex.contains("    rule: from 2026-07 month commission = round(sales * 1.8%)"))
        #expect(ex.contains("    · version from 2026-07"))
        #expect(ex.contains("    rule: from 2026-04 param base_pay = 3500"))
        #expect(ex.contains("    · version from 2026-04"))
        #expect(run(s, "explain 甲.commission[2026-06]").first == "甲's commission for 2026-06 is 1,000.00 (version before 2026-07): sales 50,000.00 × 2%.")
        // The plain sentence names the parameter's version it read, in English and Chinese:
        // August = 3,500 (April's base) + 1.8% × 50,000 = 900 → 4,400.00.
        #expect(run(s, "explain 甲.pay[2026-08]").first == "甲's pay for 2026-08 is 4,400.00: base pay 3,500.00 (version from 2026-04) + commission 900.00.")
        #expect(run(s, "explain 甲.pay[2026-02]").first == "甲's pay for 2026-02 is 4,000.00: base pay 3,000.00 (version before 2026-04) + commission 1,000.00.")
        run(s, "set lang zh")
        #expect(run(s, "explain 甲.pay[2026-08]").first == "甲 2026年8月 pay 4,400.00 元：底薪 3,500.00（2026-04 起的版本）+ 提成 900.00。")
        run(s, "set lang en")
        // show lists every version with the months it holds for.
        #expect(run(s, "show base_pay") == ["# 2 versions; until 2026-03:", "param base_pay \"底薪\" = 3000", "# from 2026-04:", "from 2026-04 param base_pay = 3500"])
        // A second version of the same month replaces it; a later one adds a third.
        #expect(run(s, "from 2026-04 param base_pay = 3600").first == "redefined base_pay from 2026-04")
        run(s, "from 2026-10 param base_pay = 3800")
        #expect(query(s, "甲.pay[2026-05]") == "4,600.00")   // 3,600 + 1,000
        #expect(query(s, "甲.pay[2026-10]") == "4,700.00")   // 3,800 + 900
        #expect(run(s, "show base_pay") == ["# 3 versions; until 2026-03:", "param base_pay \"底薪\" = 3000",
                                            "# 2026-04–2026-09:", "from 2026-04 param base_pay = 3600",
                                            "# from 2026-10:", "from 2026-10 param base_pay = 3800"])
        // Redefining the definition as first written keeps the versions.
        run(s, "param base_pay = 2800")
        #expect(query(s, "甲.pay[2026-01]") == "3,800.00")
        #expect(query(s, "甲.pay[2026-05]") == "4,600.00")
        // drop one version; undo brings it back, redo drops it again.
        #expect(run(s, "drop from 2026-10 base_pay") == ["dropped base_pay from 2026-10", "甲.pay[2026-10]: 4,700.00 → 4,500.00",
                                                        "甲.pay[2026-11]: 4,700.00 → 4,500.00", "甲.pay[2026-12]: 4,700.00 → 4,500.00"])
        run(s, "undo")
        #expect(query(s, "甲.pay[2026-10]") == "4,700.00")
        run(s, "redo")
        #expect(query(s, "甲.pay[2026-10]") == "4,500.00")
        expectRefused(s, "drop from 2026-05 base_pay", "'base_pay' has no version from 2026-05; its versions start 2026-04")
        expectRefused(s, "drop from July base_pay", "write drop from MONTH NAME")
        // drop NAME removes the definition with all its versions.
        run(s, "month pay = commission")
        #expect(run(s, "drop base_pay").first == "dropped base_pay and its 1 dated version")
        #expect(s.workspace.plan.definition(named: "base_pay") == nil)
        #expect(s._checkInvariants().isEmpty)
    }

    /// A version edit is made in place: the engine is not built again, and only the readers of the
    /// table change (checked against a fresh engine by the invariants).
    @Test func aVersionEditIsMadeInPlace() throws {
        let s = try Session(path: electronics)
        let engine = s.engine
        run(s, Self.julyTiers)
        #expect(s.engine === engine)
        run(s, Self.julyTiers.replacingOccurrences(of: "1.8% * x", with: "1.9% * x"))
        #expect(s.engine === engine)
        // 李雷 July: 1.9% × 71,600 = 1,360.40.
        #expect(query(s, "李雷.tier_commission[2026-07]") == "1,360.40")
        run(s, "drop from 2026-07 commission_tiers")
        #expect(s.engine === engine)
        #expect(query(s, "李雷.tier_commission[2026-07]") == "1,432.00")  // 2% × 71,600
        run(s, "undo")
        #expect(query(s, "李雷.tier_commission[2026-07]") == "1,360.40")
        #expect(s._checkInvariants().isEmpty)
    }

    /// Saving writes every version into the plan's lines; reopening gives the versions and figures back.
    /// A file without versions is written byte for byte as before.
    @Test func savingAndReopeningKeepsTheVersions() throws {
        let dir = tempDir("dated")
        let plain = dir + "/plain.json", dated = dir + "/dated.json"
        let s = try Session(path: electronics)
        run(s, "save \(plain)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: plain)) == Data(contentsOf: URL(fileURLWithPath: electronics)))
        run(s, Self.julyTiers, "from 2026-04 param damage_cap_rate = 10%", "save \(dated)")
        let shown = run(s, "show commission_tiers")
        let pay = try figures(s, "pay")
        let text = try String(contentsOfFile: dated, encoding: .utf8)
        #expect(text.contains(#""from 2026-07 table commission_tiers \"提成阶梯\" [lo, hi):","#))
        #expect(text.contains(#""from 2026-04 param damage_cap_rate = 10%","#))
        let back = try Session(path: dated)
        #expect(back.workspace.plan == s.workspace.plan)
        #expect(run(back, "show commission_tiers") == shown)
        #expect(try figures(back, "pay") == pay)
        // 李雷 July at 1.8%: 1,288.80 (C3), so pay 4,432.00 − 143.20 = 4,288.80.
        #expect(query(back, "李雷.pay[2026-07]") == "4,288.80")
        // Saved again unchanged, the file is the same bytes.
        run(back, "save! \(dir)/again.json")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/again.json")) == Data(contentsOf: URL(fileURLWithPath: dated)))
    }

    /// Bad versions are refused with the reason and a caret, and nothing changes.
    @Test func badVersionsAreRefused() throws {
        let s = try Session(path: electronics)
        func caret(_ command: String, _ message: String, under text: String) {
            let before = s.workspace
            let out = s.execute(command)
            #expect(out.failed, "\(command)")
            let d = out.errors.first
            #expect(d?.message == message, "\(command): \(out.text)")
            if let src = d?.source, let r = d?.range { #expect(String(Array(src)[r]) == text) } else { Issue.record("\(command): no caret") }
            #expect(s.workspace == before)
        }
        caret("from 2027-01 param damage_cap_rate = 10%",
              "2027-01 is outside the scenario's years (2026): a version takes effect in a month of them", under: "2027-01")
        caret("from 2025-12 param damage_cap_rate = 10%",
              "2025-12 is outside the scenario's years (2026): a version takes effect in a month of them", under: "2025-12")
        caret("from 2026-07 param no_such_rate = 1%",
              "no definition named 'no_such_rate' to change from 2026-07: define it first (without 'from'), then add versions", under: "2026-07")
        caret("from 2026-07 quarter tier_commission = 0",
              "'tier_commission' is a month rule; a version of it must be one too: from 2026-07 month tier_commission = …", under: "quarter")
        caret("from 2026-07 param commission_tiers = 0",
              "'commission_tiers' is a rate table; a version of it must be one too: from 2026-07 table commission_tiers …", under: "param")
        caret("from 2026-07 input month sales default 0",
              "only parameters, rate tables and rules change from a date; 'sales' is an input", under: "2026-07")
        caret("from 2026-08 half half_bonus = 0",
              "'half_bonus' is a half rule: a version of it starts with a half (2026-01, 2026-07)", under: "2026-08")
        caret("from July param damage_cap_rate = 10%",
              "after 'from' write the month the change takes effect, e.g. from 2026-07 table commission_tiers …; found 'July'", under: "July")
        caret("from 2026-Q3 param damage_cap_rate = 10%",
              "after 'from' write the month the change takes effect, e.g. from 2026-07 table commission_tiers …; found period 2026-Q3", under: "2026-Q3")
        // A parameter that reads a dated parameter has no month to choose by.
        run(s, "from 2026-04 param damage_cap_rate = 10%")
        caret("param double_cap = damage_cap_rate * 2",
              "in 'double_cap': 'damage_cap_rate' changes from 2026-04: a parameter or attribute has no month to choose a version by; use it in a month rule", under: "damage_cap_rate")
        // Redefining the first definition as another kind while its versions stay.
        caret("table damage_cap_rate: 0 -> 1",
              "'damage_cap_rate' has dated versions (from 2026-04) of its old kind: drop them first (drop from 2026-04 damage_cap_rate)", under: "table")
        // Years that leave a version outside.
        expectRefused(s, "years 2027", "in 'damage_cap_rate': 2026-04 is outside the scenario's years (2027)")
        // In Chinese.
        run(s, "set lang zh")
        let zh = s.execute("from 2027-01 param damage_cap_rate = 10%")
        #expect(zh.errors.first?.message == "2027-01 不在方案的年份（2026）之内：版本只能从其中某个月起生效")
    }

    /// A file whose version lies outside its years, or names nothing, is refused with its place; the
    /// session keeps what it had.
    @Test func badVersionsInAFileAreRefused() throws {
        let dir = tempDir("dated-bad")
        let original = try String(contentsOfFile: electronics, encoding: .utf8)
        let line = #"    "report columns sales, order_sales, expenses, revenue, base_pay, deduction, commission, monthly_bonus, bonuses_paid, penalties, pay","#
        #expect(original.contains(line))
        for (version, message) in [
            (#"from 2027-03 param damage_cap_rate = 10%"#, "plan: in 'damage_cap_rate': 2027-03 is outside the scenario's years (2026)"),
            (#"from 2026-03 param no_rate = 10%"#, "no definition named 'no_rate' to change from 2026-03"),
        ] {
            let path = dir + "/bad.json"
            try original.replacingOccurrences(of: line, with: "    \"\(version)\",\n" + line).write(toFile: path, atomically: true, encoding: .utf8)
            let s = try Session(path: electronics)
            expectRefused(s, "load! \(path)", message)
        }
    }

    /// What-if across versions: a sweep of July's sales reads the July table.
    @Test func sweepAndWarningsAcrossVersions() throws {
        let s = try Session()
        run(s, "input month sales default 0", "table t [lo, hi): 0 -> 1% * x, 5万 -> 2% * x", "month commission = round(lookup(t, sales))",
            "agent add 甲 hired=2025-01-01", "from 2026-07 table t [lo, hi): 0 -> 1% * x, 5万 -> 1.5% * x")
        // 6万 in the 5万 tier: June 2% × 60,000 = 1,200.00, July 1.5% × 60,000 = 900.00.
        let june = run(s, "sweep sales from 6万 to 6万 step 1万 show commission for 甲 in 2026-06")
        let july = run(s, "sweep sales from 6万 to 6万 step 1万 show commission for 甲 in 2026-07")
        #expect(june.contains { $0.contains("60,000.00") && $0.contains("1,200.00") }, "\(june)")
        #expect(july.contains { $0.contains("60,000.00") && $0.contains("900.00") }, "\(july)")
        // A version's own mistake is warned about at its own text: a quarter figure added into a month rule.
        run(s, "quarter qbonus = if sum(sales over quarter) >= 20万 then 1000 else 0", "month pay = commission")
        let out = s.execute("from 2026-07 month pay = commission + qbonus")
        #expect(!out.failed)
        let w = try #require(out.warnings.first)
        #expect(w.warningKind == .periodFigureInShorterRule)
        #expect(w.source == "from 2026-07 month pay = commission + qbonus")
        if let src = w.source, let r = w.range { #expect(String(Array(src)[r]) == "qbonus") }
        // A version of a table that starts above 0 leaves a gap below its first tier: warned at the version.
        let gap = s.execute("from 2026-10 table t [lo, hi): 1万 -> 1% * x, 5万 -> 1.5% * x")
        #expect(!gap.failed)
        let g = try #require(gap.warnings.first { $0.warningKind == .tierGap }, "\(gap.text)")
        #expect(g.source == "from 2026-10 table t [lo, hi): 1万 -> 1% * x, 5万 -> 1.5% * x")
        if let src = g.source, let r = g.range { #expect(String(Array(src)[r]) == "1万") }
    }
}
