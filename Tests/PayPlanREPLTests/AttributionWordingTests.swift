import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// Under zh, attribution says its settings and the agents' roles in Chinese (issue 13, fresh-user
/// finding: "匹配 id，方式 first" and "sales"/"after-sales" were English), keeping the settings' own
/// words (`id`, `first`) that the plan's parameters take.
@Suite struct AttributionWordingTests {
    @Test func settingsAndRolesReadInChinese() throws {
        let s = try Session(path: repositoryRoot + "/scenarios/online-shop-cs.json")
        s.language = .zh
        let lines = s.execute("attribution 2026-03").lines
        #expect(lines.first == "订单归属 — 2026-03：按工号匹配（id），多名时归第一名（first）", "\(lines)")
        // 老周 (AS01) is after-sales: no credit; 小美 (CS01) sells.
        #expect(lines.contains { $0.hasPrefix("老周  AS01  售后客服") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("小美  CS01  销售客服") }, "\(lines)")
        s.language = .en
        let en = s.execute("attribution 2026-03").lines
        #expect(en.first == "attribution — 2026-03 (match id, mode first)")
        #expect(en.contains { $0.hasPrefix("老周") && $0.contains("AS01  after-sales") }, "\(en)")
        #expect(AttributionMessage.settings(match: "id or name", mode: "split").text(.zh) == "按工号或姓名匹配（id or name），多名时平分（split）")
        #expect(AttributionMessage.roleZh("店长") == "店长")
    }
}
