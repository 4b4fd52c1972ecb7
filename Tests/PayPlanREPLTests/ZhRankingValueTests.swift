import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Fresh-user finding M7 (issue 13): `explain … --rules` under zh printed a ranking's values as
/// "(3 values: …)", English words in a Chinese session. They read（3 个数：…、…）now.
@Suite struct ZhRankingValueTests {
    /// The values ranked are the agents' 排名业绩 at 2026-04 that reach the threshold, highest first,
    /// worked out here from each agent's figure (web-agency: threshold 15,000).
    @Test func aRankingsValuesAreCountedInChinese() throws {
        let s = try Session(path: webAgency)
        #expect(query(s, "ranking_threshold[2026-04]") == "15,000.00")
        let values = ["甲", "乙", "丙", "丁"].compactMap { printedAmount(query(s, "\($0).performance[2026-04]")) }
            .filter { $0 >= 15_000 }.sorted(by: >)
        #expect(values.count == 3)
        let money = values.map { Fixed(decimalText: "\($0)")!.moneyText }
        run(s, "set lang zh")
        let out = run(s, "explain 乙.ranking_bonus[2026-04] --rules")
        #expect(out.contains { $0.hasSuffix("= （\(values.count) 个数：\(money.joined(separator: "、"))）") }, "\(out)")
        #expect(!out.joined().contains("values"))
        run(s, "set lang en")
        #expect(run(s, "explain 乙.ranking_bonus[2026-04] --rules").contains { $0.hasSuffix("= (3 values: \(money.joined(separator: ", ")))") })
    }
}
