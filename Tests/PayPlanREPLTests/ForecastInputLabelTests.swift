import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Fresh-user finding M7 (issue 13): `forecast` under zh named the resampled inputs by identifier
/// (inquiries、buyers …); it names them by the plan's labels, as written in online-shop-cs.json.
@Suite struct ForecastInputLabelTests {
    @Test func theResampledInputsAreNamedByTheirLabels() throws {
        let s = try Session(path: onlineShop)
        run(s, "set lang zh")
        let zh = run(s, "forecast main 2026-03 --runs 20")[0]
        #expect(zh.hasSuffix("每人取自己的 询单人数、最终付款人数、售后成本、首次响应时间(秒)、平均响应时间(秒)、值守旺旺）"), "\(zh)")
        run(s, "set lang en")
        let en = run(s, "forecast main 2026-03 --runs 20")[0]
        #expect(en.hasSuffix("each person's own inquiries, buyers, after_sales_cost, first_response, avg_response, account)"), "\(en)")
    }
}
