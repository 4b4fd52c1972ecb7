import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// `cliffs` (and review, through the same probe) sees the steps of a rounding to the yuan or coarser
/// (fresh-user 7, N1: `floor(sales / 1000) * 200` — 每满 1,000 奖 200 — answered "no cliffs", while solve
/// found the jump). Each case's jumps are worked out by hand from the function's definition (docs/language.md:
/// round half away from zero; floor and ceil to the yuan).
@Suite struct CliffsOfRoundingTests {
    func cliffLines(_ rule: String, to: Int) throws -> [String] {
        let s = try Session()
        run(s, "input month sales default 0", rule, "agent add 甲")
        return run(s, "cliffs pay over sales from 0 to \(to) for 甲 in 2026-03").filter { $0.hasPrefix("  sales ") && $0.contains("→") }
    }

    /// floor: the step is at each multiple of 1,000 (999.99 → 0 thousands, 1,000.00 → 1): +200 at 1,000 … 5,000.
    @Test func floorStepsAreCliffs() throws {
        #expect(try cliffLines("month pay = floor(sales / 1000) * 200", to: 5000) == (1...5).map { k in
            "  sales \(k - 1),999.99 → \(k),000.00: pay \(Fixed((k - 1) * 200).moneyText) → \(Fixed(k * 200).moneyText) (+200.00)  pay"
        }.map { $0.replacingOccurrences(of: "  sales 0,999.99", with: "  sales 999.99") })
    }

    /// ceil: ceil(0) = 0 but ceil(0.00001) = 1, and ceil(1) = 1 but ceil(1.00001) = 2: the steps are one fen
    /// above each multiple: 0.00 → 0.01, 1,000.00 → 1,000.01, 2,000.00 → 2,000.01 in 0 … 3,000.
    @Test func ceilStepsAreCliffs() throws {
        #expect(try cliffLines("month pay = ceil(sales / 1000) * 200", to: 3000) == [
            "  sales 0.00 → 0.01: pay 0.00 → 200.00 (+200.00)  pay",
            "  sales 1,000.00 → 1,000.01: pay 200.00 → 400.00 (+200.00)  pay",
            "  sales 2,000.00 → 2,000.01: pay 400.00 → 600.00 (+200.00)  pay",
        ])
    }

    /// round(x, 0), half away from zero: 0.49999 → 0, 0.5 → 1, so the steps are at 500, 1,500, 2,500.
    @Test func roundingToTheYuanStepsAreCliffs() throws {
        #expect(try cliffLines("month pay = round(sales / 1000, 0) * 200", to: 3000) == [
            "  sales 499.99 → 500.00: pay 0.00 → 200.00 (+200.00)  pay",
            "  sales 1,499.99 → 1,500.00: pay 200.00 → 400.00 (+200.00)  pay",
            "  sales 2,499.99 → 2,500.00: pay 400.00 → 600.00 (+200.00)  pay",
        ])
    }

    /// Rounding to the fen is not a staircase to scan: round(sales × 2%) over 0 … 1,000,000 has a step every
    /// 0.50 of sales (2,000,000 of them), none a cliff; the search stays small and finds none.
    @Test func roundingToTheFenIsNotScanned() throws {
        let s = try Session()
        run(s, "input month sales default 0", "month pay = round(sales * 2%)", "agent add 甲")
        let engine = try Engine(workspace: s.workspace)
        let probe = try InputProbe(engine: engine, input: "sales", agent: 0, period: Period(grain: .month, start: Month(year: 2026, month: 3)), figures: ["pay"])
        #expect(try probe.cliffs(from: .zero, to: Fixed(1_000_000), threshold: Fixed(100)).cliffs.isEmpty)
        #expect(probe.evaluations < 5_000)
    }
}

/// An order field written as a date that is no day of the calendar is refused (fresh-user 7, N2: `paid=2026-04-31`
/// was kept as text and turned 李雷's June–December pay into #TYPE without a word); the workspace is unchanged.
@Suite struct OrderFieldImpossibleDateTests {
    @Test(arguments: ["2026-04-31", "2026-02-29", "2026-13-01", "2026-00-10"])
    func refused(_ day: String) throws {
        let s = try Session(path: electronics)
        let before = s.workspace
        for (lang, expected) in [(DisplayLanguage.en, "error: paid=\(day): there is no such day (a date such as 2026-03-02)"),
                                 (.zh, "错误：paid=\(day)：没有这一天（日期写作 2026-03-02）")] {
            s.language = lang
            let out = s.execute("order add T6 agent=李雷 date=2026-04-02 terms=net30 amount=20000 profit=5000 paid=\(day)")
            #expect(out.failed && out.errors.first?.render().first == expected)
            #expect(s.execute("order set 2026040110006 paid=\(day)").errors.first?.render().first == expected)
            #expect(s.workspace == before)
        }
        // A real day is taken.
        s.language = .en
        #expect(!s.execute("order add T7 agent=李雷 date=2026-04-02 terms=net30 amount=20000 profit=5000 paid=2026-04-30").failed)
    }
}
