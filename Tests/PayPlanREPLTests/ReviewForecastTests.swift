import Foundation
import Testing
import PayPlan
@testable import PayPlanREPL
import TestSupport

/// The words of a rendered table row, split at spaces.
func cells(_ line: String) -> [String] {
    line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
}

/// `review` and `forecast` (issue 15) on small plans written from scratch, every
/// figure worked out by hand in the comments.
@Suite struct ReviewForecastTests {
    /// One salesperson 甲 (base 3,000, hired long ago) paid base + a marginal commission:
    /// 2% up to 5万, 4% of what is above (no cliff). March sales 6万, other months none.
    func marginalPlan() throws -> Session {
        let s = try Session()
        run(s, "agent add 甲 id=A1 base=3000 hired=2020-01-01",
            "input month sales \"销售额\" default 0",
            "table tiers [lo, hi): 0 -> 2% * x, 5万 -> 2% * 5万 + 4% * (x - 5万)",
            "month pay = if not active then 0 else round(base + lookup(tiers, sales))",
            "report total pay",
            "甲.sales[2026-03] = 6万")
        return s
    }

    /// The retroactive proposal: 4% of the whole amount from 5万. Below 5万 pay is
    /// 3,000 + 2% × 49,999.99 = 3,999.9998 → 4,000.00; at 5万 it is 3,000 + 4% × 5万 = 5,000.00:
    /// a cliff of 1,000.00 at 50,000.00, inside 甲's range (0 to 1.5 × 6万 = 9万).
    static let retroactive = "table tiers [lo, hi): 0 -> 2% * x, 5万 -> 4% * x"

    /// Q1 under main: 3,000 + 3,000 + (3,000 + 2% × 5万 + 4% × 1万 = 4,400) = 10,400.00;
    /// under retro: 3,000 + 3,000 + (3,000 + 4% × 6万 = 5,400) = 11,400.00; +1,000.00 (+9.6% of 10,400).
    @Test func reviewAddsTheRetroactiveCliff() throws {
        let s = try marginalPlan()
        run(s, "fork retro", Self.retroactive)
        let out = run(s, "review main retro 2026-Q1")
        #expect(out[0] == "review: retro against main — 2026-Q1")
        #expect(out[1] == "cost to the owner (pay): main 10,400.00 → retro 11,400.00  +1,000.00 (+9.6%)")
        #expect(out.contains("  甲 (2026-03, sales 0 – 90,000.00):"))
        #expect(out.contains("    added: sales 50,000.00: pay 4,000.00 → 5,000.00"))
        #expect(!out.contains { $0.contains("removed:") })
        #expect(out.contains("  nobody earns less under retro"))
    }

    /// The other way round: making the tier marginal again removes that cliff, and 甲 loses 1,000.00.
    @Test func reviewRemovesTheCliffWhenMarginal() throws {
        let s = try marginalPlan()
        run(s, "fork retro", Self.retroactive)
        let out = run(s, "review retro main 2026-Q1")
        #expect(out.contains("    removed: sales 50,000.00: pay 4,000.00 → 5,000.00"))
        #expect(!out.contains { $0.contains("added:") })
        #expect(out.contains("  1 earn less under main: 甲 −1,000.00"))
    }

    /// Minimum wage 2,500. 乙 (base 2,000, hired 2026-03-01) with 1万 sales a month from March:
    /// 2,000 + 2% × 1万 = 2,200.00 < 2,500 in March–May; June sales 5万: 2,000 + 1,000 = 3,000.00.
    /// January and February are before the hire (pay 0, not employed): not flagged. Under "higher"
    /// (base 2,400): 2,400 + 200 = 2,600.00, never under. 甲 (base 3,000) is unchanged, so comes first
    /// (difference 0), then 乙, who gains 400 in each of March–June: +1,600.00.
    @Test func reviewMinimumWageMonthsAndOrder() throws {
        let s = try marginalPlan()
        run(s, "param minimum_wage = 2500",
            "agent add 乙 id=A2 base=2000 hired=2026-03-01",
            "乙.sales[2026-03] = 1万", "乙.sales[2026-04] = 1万", "乙.sales[2026-05] = 1万", "乙.sales[2026-06] = 5万",
            "fork higher", "agent set 乙 base=2400")
        let out = run(s, "review main higher 2026-H1")
        #expect(out.contains("months under the minimum wage (2,500.00):"))
        #expect(out.contains("  乙: main 2026-03, 2026-04, 2026-05; higher none"))
        // 甲 H1: 3,000 × 5 + 4,400 = 19,400.00 both; 乙: main 2,200 × 3 + 3,000 = 9,600.00, higher 2,600 × 3 + 3,400 = 11,200.00.
        let header = try #require(out.firstIndex { $0.hasPrefix("each person's pay") })
        #expect(cells(out[header + 3]) == ["甲", "19,400.00", "19,400.00", "0.00"])
        #expect(cells(out[header + 4]) == ["乙", "9,600.00", "11,200.00", "+1,600.00", "(+16.7%)"])
    }

    /// With every person's history one constant month (March only: sales 6万), every run draws
    /// that month for every month of the year: 甲 earns 4,400.00 × 12 = 52,800.00 in every run,
    /// so P10 = median = P90 = the deterministic plan; under retro 5,400 × 12 = 64,800.00,
    /// and the difference is +12,000.00 in every run.
    @Test func forecastOfAConstantHistoryIsTheDeterministicPlan() throws {
        let s = try marginalPlan()
        run(s, "fork retro", Self.retroactive)
        let out = run(s, "forecast main retro 2026 --runs 200 --seed 5")
        #expect(out[0].hasPrefix("forecast of 2026: 200 runs, seed 5"))
        let rows = out.filter { $0.hasPrefix("  甲 ") }.map(cells)
        #expect(rows == [["甲", "52,800.00", "52,800.00", "52,800.00"], ["甲", "64,800.00", "64,800.00", "64,800.00"]])
        #expect(out.last == "retro − main, total pay (same draws): P10 +12,000.00, median +12,000.00, P90 +12,000.00")
    }

    /// The same seed gives the same numbers; another seed other numbers (the shipped plan C has varied months).
    @Test func forecastIsReproducible() throws {
        let a = try Session(path: electronics), b = try Session(path: electronics)
        let x = run(a, "forecast main 2026 --runs 100 --seed 1"), y = run(b, "forecast main 2026 --runs 100 --seed 1")
        #expect(x == y)
        let z = run(b, "forecast main 2026 --runs 100 --seed 2")
        #expect(x != z)
    }

    /// The shop-wide draw: 甲 and 丙 sell the same in each month (1万 in odd months, 10万 in even ones),
    /// so in every run both draw the same month and earn the same: their pay lists are equal run by run,
    /// although each run mixes months (the spread is wide: P10 < P90).
    @Test func goodMonthsComeTogether() throws {
        var w = Workspace()
        w.plan = try Plan.parse(lines: ["input month sales default 0", "month pay = round(3000 + 2% * sales)", "report total pay"])
        w.agents = [Agent(name: "甲", hired: Day(year: 2020, month: 1, day: 1)), Agent(name: "丙", hired: Day(year: 2020, month: 1, day: 1))]
        for m in 1...12 {
            for n in ["甲", "丙"] { w.setInput("sales", agent: n, period: .month(Month(year: 2026, month: m)), value: Fixed(m % 2 == 1 ? 10_000 : 100_000)) }
        }
        let f = try Forecast(workspace: w, period: Period(grain: .year, start: Month(year: 2026, month: 1)), runs: 300, seed: 9)
        #expect(f.people[0].pay == f.people[1].pay)
        let spread = Forecast.Spread(f.people[0].pay)
        // Every run's year is 12 × 3,000 + 2% × (k × 10万 + (12 − k) × 1万) for k even months drawn: between 38,400 and 60,000.
        #expect(spread.p10 < spread.p90)
        #expect(f.people[0].pay.allSatisfy { $0 >= Fixed(38_400) && $0 <= Fixed(60_000) })
    }

    /// Chance of a bonus and of a month under the minimum wage, on constant histories:
    /// 甲 sells 6万 every month → pay 3,000 + 1,400 = 4,400 ≥ 2,500, quarter bonus (quarter sales ≥ 15万) always paid;
    /// 丁 (base 1,000) sells 1万 → pay 1,000 + 200 = 1,200 < 2,500 in every run, the bonus never.
    @Test func bonusAndMinimumWageChances() throws {
        let s = try marginalPlan()
        run(s, "param minimum_wage = 2500", "quarter qbonus = if sum(sales over quarter) >= 15万 then 500 else 0",
            "agent add 丁 id=A4 base=1000 hired=2020-01-01", "丁.sales[2026-03] = 1万")
        let out = run(s, "forecast main 2026 --runs 50 --seed 3")
        let row甲 = try #require(out.first { $0.hasPrefix("  甲 ") }), row丁 = try #require(out.first { $0.hasPrefix("  丁 ") })
        #expect(cells(row甲) == ["甲", "52,800.00", "52,800.00", "52,800.00", "0%", "100%"])
        // 丁: 1,200 × 12 = 14,400.00 a year.
        #expect(cells(row丁) == ["丁", "14,400.00", "14,400.00", "14,400.00", "100%", "0%"])
        #expect(out.contains { $0.contains("runs under minimum") && $0.contains("qbonus paid") })
    }

    @Test func badInputIsRefused() throws {
        let s = try marginalPlan()
        expectRefused(s, "review main nothere 2026", "no scenario named 'nothere'")
        expectRefused(s, "review main", "write review A B")
        expectRefused(s, "forecast main 2026 --runs 0", "--runs takes a whole number from 1 to 1,000,000")
        expectRefused(s, "forecast main 2026 --seed -1", "--seed takes a whole number")
        expectRefused(s, "forecast main 2026 --runs", "--runs needs a value")
        expectRefused(s, "forecast main 2026 --bogus 1", "unknown option --bogus")
        expectRefused(s, "forecast main 2031", "2031 is outside this scenario's years")
        let empty = try Session()
        run(empty, "agent add 甲", "input month sales default 0", "month pay = sales", "report total pay")
        expectRefused(empty, "forecast main 2026", "nothing to resample")
    }

    /// The page: self-contained HTML with two charts, the names of both plans, and the cliff.
    @Test func reviewPage() throws {
        let s = try marginalPlan()
        run(s, "fork retro", Self.retroactive)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let out = run(s, "set lang zh", "review main retro 2026-Q1 --html \(file)")
        #expect(out.last == "已写入 \(file)（含图表的评审页）")
        let page = try String(contentsOfFile: file, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.components(separatedBy: "<svg").count - 1 == 2)
        #expect(page.contains("方案评审") && page.contains("新增") && page.contains("50,000.00"))
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("<link"), "self-contained")
    }

    /// Plan A's A8 on the shipped scenario, March 2026: the accounts' inquiries are main 140, sub1 118,
    /// sub2 74, sub3 72 (team inputs). Under account_plan "fixed" each agent staffs their home account
    /// (小美 0, 阿杰 1, 小雨 2, 大伟 3); under "rotate" the account moves by rotation_index = 2 months
    /// after rotation_start 2026-01: (home + 2) mod 4, so 小美 → 2 (74), 阿杰 → 3 (72), 小雨 → 0 (140),
    /// 大伟 → 1 (118). 老周 (after-sales) staffs none. Pay does not change with the account here (credit is by note).
    @Test func chatAccountPoliciesOfPlanA() throws {
        let s = try Session(path: repositoryRoot + "/scenarios/online-shop-cs.json")
        run(s, "fork b")
        let out = run(s, "review main b 2026-03")
        let start = try #require(out.firstIndex { $0.hasPrefix("chat accounts (A8) under main") })
        // The table is folded to 80 columns: rotate pay stands in a second block, under the same names.
        let rows = out[(start + 3)...].prefix(5).map(cells)
        #expect(rows.map { [$0[0], $0[1], $0[4]] } == [["小美", "140.00", "74.00"], ["阿杰", "118.00", "72.00"],
                                                        ["小雨", "74.00", "140.00"], ["大伟", "72.00", "118.00"], ["老周", "0.00", "0.00"]])
        let rotatePay = try #require(out[start...].firstIndex { $0.hasPrefix("  agent  rotate pay") })
        let second = out[(rotatePay + 2)...].prefix(5).map(cells)
        #expect(second.map { $0[0] } == rows.map { $0[0] })
        #expect(zip(rows, second).allSatisfy { $0[3] == $1[1] }, "pay is the same under both policies")
        #expect(out.contains("cliffs: pay here comes from orders, not a monthly input, so there is no input to scan"))
    }
}
