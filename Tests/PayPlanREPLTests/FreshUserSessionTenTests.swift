import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// Small findings of the fresh user of session 10: `agents` with one agent said "1 agents"; `offer … from
/// 2026-13` said the month must lie inside the years, when 13 is no month at all.
@Suite struct FreshUserSessionTenTests {
    @Test func oneAgentIsCountedInTheSingular() throws {
        let s = try Session()
        run(s, "agent add 甲 base=3000")
        #expect(run(s, "agents").last == "1 agent")
        run(s, "agent add 乙 base=3000")
        #expect(run(s, "agents").last == "2 agents")
        s.language = .zh
        #expect(run(s, "agents").last == "共 2 名员工")
    }

    @Test func offerFromANumberThatIsNoMonthSaysSo() throws {
        let s = try Session(path: electronics)
        for month in ["2026-13", "2026-00"] {
            try expectRefusedInBoth(s, "offer sales 3万 from \(month)",
                                    en: "from \(month): \(month) is not a month: the month after the year is 01 to 12, e.g. from 2026-01",
                                    zh: "from \(month)：\(month) 不是月份：年份后的月份应为 01 到 12，例如 from 2026-01", file: nil)
        }
        // A real month outside the years keeps its own words.
        expectRefused(s, "offer sales 3万 from 2030-01", "from needs a month inside the scenario's years, e.g. from 2026-01")
    }
}
