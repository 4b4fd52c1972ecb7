import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// What-if searches are bounded (issue 11, "no hang over 5 s"; long fuzz run seed 9202 episode 4413: a
/// `review … --threshold` ran for minutes). A probe works out at most `evaluationLimit` input values, then
/// stops with a clear error; a review marks the person whose search ran out and goes on.
@Suite struct ProbeWorkLimitTests {
    /// CliffsSpeedTests' plan: `t` has 3,000 rows at 100·i, so pay = retroactive(t, sales) changes at 2,999 points in 0 … 300,000.
    static func bigTable() throws -> Session { try CliffsSpeedTests.session() }

    /// Each kind of search stops at the limit: the cliff scan (2,001 grid points and the 1-2-5 points
    /// alone are more than 100), a 200-row sweep (201 values), and a solve whose bisection needs more
    /// than 5. `evaluations` never passes the limit by more than the one value being worked out.
    @Test func everySearchStopsAtItsLimit() throws {
        let s = try Self.bigTable()
        let engine = try Engine(workspace: s.workspace)
        let period = Period(grain: .month, start: Month(year: 2026, month: 3))
        func probe(_ limit: Int) throws -> InputProbe {
            let p = try InputProbe(engine: engine, input: "sales", agent: 0, period: period, figures: ["pay"])
            p.evaluationLimit = limit
            return p
        }
        let c = try probe(100)
        #expect(throws: WhatIfError(.tooMuchWork(evaluations: 100))) { _ = try c.cliffs(from: .zero, to: Fixed(300_000), threshold: .zero) }
        #expect(c.evaluations == 101)
        let w = try probe(100)
        #expect(throws: WhatIfError(.tooMuchWork(evaluations: 100))) { _ = try w.sweep(from: .zero, to: Fixed(200_000), step: Fixed(1_000)) }
        let v = try probe(5)
        #expect(throws: WhatIfError(.tooMuchWork(evaluations: 5))) { _ = try v.solve(target: Fixed(10_000), from: .zero, to: Fixed(300_000)) }
        // The default leaves room for this table's 2,999 cliffs (CliffsSpeedTests works them by hand).
        let d = try probe(InputProbe.defaultEvaluationLimit)
        #expect(try d.cliffs(from: .zero, to: Fixed(300_000), threshold: .zero).cliffs.count == 2999)
        #expect(d.evaluations < InputProbe.defaultEvaluationLimit)
    }

    /// At the prompt the error names what happened and what to do, in both languages, and changes nothing;
    /// sweep, solve and cliffs all take the session's limit (lowered here to 100 so the table's 2,999 cliffs pass it).
    @Test func searchesPastTheLimitSaySoAndChangeNothing() throws {
        let s = try Self.bigTable()
        run(s, "甲.sales[2026-03] = 5000")
        let before = s.workspace
        s.probeEvaluationLimit = 100
        for line in ["cliffs pay over sales from 0 to 300000 threshold 0 for 甲 in 2026-03",
                     "sweep sales from 0 to 200000 step 1000 show pay for 甲 in 2026-03"] {
            s.language = .en
            let en = s.execute(line)
            #expect(en.failed && en.errors.first?.message == "the search stopped after working out 100 input values: the figure changes at too many points in this range; give a narrower range (from … to …)", "\(line)")
            s.language = .zh
            let zh = s.execute(line)
            #expect(zh.errors.first?.render().first == "错误：查找在试算 100 个录入值后停止：此范围内数字变化的点太多；请缩小范围（from … to …）", "\(line)")
            #expect(s.workspace == before)
        }
        s.probeEvaluationLimit = 5
        #expect(s.execute("solve sales for pay = 10000 for 甲 in 2026-03").failed)
        #expect(s.workspace == before)
        s.language = .en
        #expect(run(s, "甲.sales[2026-03]").joined().contains("5,000.00"))
    }

    /// A review's cliff searches share one budget: on plan C (electronics-sales, four people, the fork with the
    /// 2% tier at 1.8%) the budget of 1 is spent by the first person's first search, so every person with a
    /// range to scan — 李雷, 王芳, 韩梅梅; 赵强 is hired in April, so not listed — is named as not searched to the end, and the rest of the review (pay, totals) is as without it.
    @Test func aReviewWhoseBudgetRunsOutSaysWhoWasNotSearched() throws {
        let s = try Session(path: electronics)
        run(s, "fork lower", "table commission_tiers [lo, hi): 0 -> 0, 1万 -> 1% * x, 3万 -> 1.5% * x, 4万 -> 1.8% * x, 10万 -> 1.8% * 10万 + 3% * (x - 10万), 20万 -> 3% * x", "switch main")
        let full = run(s, "review main lower 2026-03")
        s.reviewEvaluationLimit = 1
        let cut = run(s, "review main lower 2026-03")
        let stopped = cut.filter { $0.contains("not searched to the end") }
        #expect(stopped.map { $0.split(separator: " ").first.map(String.init) } == ["李雷", "王芳", "韩梅梅"], "\(cut.joined(separator: "\n"))")
        #expect(stopped.first?.hasSuffix("not searched to the end: pay changes at too many points (the search stopped after 1 input values); try cliffs over a narrower range") == true)
        // Everything before the cliffs is the same.
        let head = { (lines: [String]) in Array(lines.prefix { !$0.hasPrefix("cliffs of") }) }
        #expect(head(cut) == head(full) && !head(full).isEmpty)
        s.language = .zh
        #expect(run(s, "review main lower 2026-03").contains { $0.contains("：未查完：工资变化的点太多（试算 1 个录入值后停止）；可用 cliffs 在更小的范围内查") })
    }
}
