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
        // The plan labels both settings (param attribution_match "归属匹配" … labels "id" "按工号", …; attribution_mode "归属方式" … "first" "第一个客服").
        #expect(lines.first == "订单归属 — 2026-03：归属匹配为按工号（id），归属方式为第一个客服（first）", "\(lines)")
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

    /// The settings line reads each setting by the plan's words (issue 13, point 5): the parameter's label
    /// and its value's label, for every value the shipped plan A labels (its lines: attribution_match "归属匹配"
    /// id 按工号, name 按姓名, "id or name" 按工号或姓名; attribution_mode "归属方式" first 第一个客服, last
    /// 最后一个客服, split 平分); the labels carry over a redefinition that gives none. English keeps the values.
    @Test(arguments: [("id", "按工号", "first", "第一个客服"), ("name", "按姓名", "last", "最后一个客服"), ("id or name", "按工号或姓名", "split", "平分")])
    func theSettingsLineUsesThePlansLabels(_ setting: (match: String, matchLabel: String, mode: String, modeLabel: String)) throws {
        let s = try Session(path: repositoryRoot + "/scenarios/online-shop-cs.json")
        run(s, "param attribution_match = \"\(setting.match)\"", "param attribution_mode = \"\(setting.mode)\"")
        s.language = .zh
        #expect(s.execute("attribution 2026-03").lines.first
                == "订单归属 — 2026-03：归属匹配为\(setting.matchLabel)（\(setting.match)），归属方式为\(setting.modeLabel)（\(setting.mode)）")
        s.language = .en
        #expect(s.execute("attribution 2026-03").lines.first == "attribution — 2026-03 (match \(setting.match), mode \(setting.mode))")
    }

    /// A setting the plan does not label reads by the fixed words; a label without the parameter's own label
    /// names the setting by the fixed word.
    @Test func unlabelledSettingsReadByFixedWords() {
        #expect(AttributionMessage.settings(match: "id", mode: "first").text(.zh) == "按工号匹配（id），多名时归第一名（first）")
        #expect(AttributionMessage.settings(match: "id", mode: "first", modeWords: .init(parameter: nil, value: "头一个")).text(.zh)
                == "按工号匹配（id），归属方式为头一个（first）")
    }
}
