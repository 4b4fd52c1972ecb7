import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// A scenario's years are said as a person writes them: one year alone ("2026", not "2026–2026", a
/// new user's finding of session 12), two or more as a range ("2026–2027"), in every message that
/// says them: a cell outside the years, a report, a review, a statement and `years` with nothing after it.
@Suite struct ScenarioYearsWordingTests {
    @Test func oneYearIsSaidAloneAndASpanAsARange() throws {
        let s = try Session(path: electronics)   // electronics-sales covers 2026 alone
        var r = said(s, "report 2030")
        #expect(r.en == "2030 is outside this scenario's years (2026)")
        #expect(r.zh == "2030 不在本方案的年份内（2026）")
        r = said(s, "李雷.sales[2030-03] = 1")
        #expect(r.en.hasPrefix("2030-03 is outside this scenario's years (2026);"))
        #expect(r.zh.hasPrefix("2030-03 不在本方案的年份内（2026）；"))
        r = said(s, "statement 李雷 2030-01")
        #expect(r.en == "2030-01 is outside this scenario's years (2026)")
        r = said(s, "years")
        #expect(r.en.hasSuffix("(now 2026)"))
        #expect(r.zh.hasSuffix("（现为 2026）"))
        for line in [r.en, r.zh] { #expect(!line.contains("2026–2026")) }

        _ = s.execute("years 2026-2027")
        r = said(s, "report 2030")
        #expect(r.en == "2030 is outside this scenario's years (2026–2027)")
        #expect(r.zh == "2030 不在本方案的年份内（2026–2027）")
        r = said(s, "years")
        #expect(r.en.hasSuffix("(now 2026–2027)"))
    }
}
