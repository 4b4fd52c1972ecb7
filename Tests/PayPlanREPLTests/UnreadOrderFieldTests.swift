import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Fresh-user findings H-B and M-C (issue 11).
/// - H-B: `order add T1 agent=李雷 … amout=30000` was accepted, the order had no amount and counted
///   nowhere; `order add W99 … product=standrad` (web-agency) the same, counted only in unrecognised_deals.
/// - M-C: `agent set 小美 role=sale` (online-shop-cs) was accepted and her 95 orders became 闷拍.
///
/// A key of `order add/set` that is no order field of the plan (and that no order carries) is refused,
/// naming the field one slip from it, or else the plan's fields. A value of a field or attribute the plan
/// reads only by comparing it with texts (`product = "standard" or …`, `role = "sales"`) must be one of
/// those texts (or the default, or a value the workspace already carries). Each refusal is asserted in
/// en and zh, with the workspace and the file's bytes unchanged.
@Suite struct UnreadOrderFieldTests {
    @Test func aMisspelledOrderFieldIsRefusedNamingTheOneMeant() throws {
        let (dir, file) = try scenarioCopy(electronics, label: "unread-order-field")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Session(path: file)
        let orders = s.workspace.orders.count
        // amout is amount less one letter: one slip in five characters.
        try expectRefusedInBoth(s, "order add T1 agent=李雷 date=2026-04-02 terms=cash amout=30000 profit=4500 paid=2026-04-03",
                                en: "no rule reads the order field 'amout'; did you mean amount? (write amount=30000); nothing was changed",
                                zh: "没有任何规则读取订单字段 'amout'；是不是想写 'amount'？（请写 amount=30000）；未做任何更改", file: file)
        // The same in order set, and for the order's own keys (agnet → agent, swapped neighbours).
        try expectRefusedInBoth(s, "order set 2026040710045 porfit=1900",
                                en: "no rule reads the order field 'porfit'; did you mean profit? (write profit=1900); nothing was changed",
                                zh: "没有任何规则读取订单字段 'porfit'；是不是想写 'profit'？（请写 profit=1900）；未做任何更改", file: file)
        try expectRefusedInBoth(s, "order add T1 agnet=李雷 date=2026-04-02 amount=30000",
                                en: "no rule reads the order field 'agnet'; did you mean agent? (write agent=李雷); nothing was changed",
                                zh: "没有任何规则读取订单字段 'agnet'；是不是想写 'agent'？（请写 agent=李雷）；未做任何更改", file: file)
        // A key like no field at all: refused too (it would count nowhere), naming plan C's fields in plan order.
        let fields = "amount, profit, terms, costs, approved, resale, paid, written_off"
        let fieldsZh = "'" + fields.replacingOccurrences(of: ", ", with: "'、'") + "'"
        try expectRefusedInBoth(s, "order add T1 agent=李雷 date=2026-04-02 amount=30000 colour=red",
                                en: "no rule reads the order field 'colour' (the plan's order fields: \(fields)), so the order would keep it and count it nowhere; declare it in the plan first (field colour) to keep it on orders; nothing was changed",
                                zh: "没有任何规则读取订单字段 'colour'（方案的订单字段：\(fieldsZh)），订单带上它也不计入任何一项；如要随订单保存，请先在方案中声明（field 'colour'）；未做任何更改", file: file)
        #expect(s.workspace.orders.count == orders && s.workspace.order("T1") == nil)
        // Written right, the order counts (C6): margin 4,500 / 30,000 = 15%, a cash order at 10% or more is counted.
        run(s, "order add T1 agent=李雷 date=2026-04-02 terms=cash amount=30000 profit=4500 paid=2026-04-03")
        #expect(query(s, "T1.margin") == "0.15")
        #expect(query(s, "T1.counted") == "yes")
        // Declared first, a new field is taken.
        run(s, "field colour \"颜色\" default \"\"", "order set T1 colour=red")
        #expect(s.workspace.order("T1")?.fields["colour"] == .text("red"))
    }

    @Test func anOrderFieldAnOrderAlreadyCarriesIsTaken() throws {
        // A key the scenario's orders carry (here one written into the file, not declared) is kept as it is.
        let dir = tempDir("unread-order-field")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: webAgency))) as? [String: Any])
        var orders = try #require(json["orders"] as? [[String: Any]])
        var fields = try #require(orders[0]["fields"] as? [String: Any])
        fields["invoice"] = "FP-001"
        orders[0]["fields"] = fields
        json["orders"] = orders
        let file = dir + "/s.json"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
        let s = try Session(path: file)
        #expect(run(s, "order set W02 invoice=FP-002") == ["updated order W02"])
        // One slip from it is a typo of it.
        try expectRefusedInBoth(s, "order set W02 invoise=FP-3",
                                en: "no rule reads the order field 'invoise'; did you mean invoice? (write invoice=FP-3); nothing was changed",
                                zh: "没有任何规则读取订单字段 'invoise'；是不是想写 'invoice'？（请写 invoice=FP-3）；未做任何更改", file: file)
    }

    @Test func aProductThePlanDoesNotKnowIsRefusedNamingTheOnesItDoes() throws {
        let (dir, file) = try scenarioCopy(webAgency, label: "unread-order-field")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Session(path: file)
        // Plan B compares product with these eight texts, in the order website, half_credit write them.
        let known = ["standard", "bilingual", "mobile", "nonstandard", "seo", "design", "brochure", "vi"]
        // Under zh each with plan B's label of it (its `field product … labels` clause).
        let labels = ["标准套餐", "中英文网站", "手机网站", "非标套餐", "关键词优化", "设计", "画册", "VI设计"]
        let en = known.dropLast().joined(separator: ", ") + " or vi", zh = zip(known, labels).map { "'\($0)'（\($1)）" }.joined(separator: "、")
        try expectRefusedInBoth(s, "order add W99 agent=甲 date=2026-04-03 product=standrad price=3500",
                                en: "product=standrad: the plan reads product only as \(en), so 'standrad' would count as none of them; did you mean standard? (write product=standard); nothing was changed",
                                zh: "product=standrad：方案只认得 'product'（产品）为 \(zh)，写成 'standrad' 哪一项都不算；是不是想写 'standard'？（请写 product=standard）；未做任何更改", file: file)
        // A value like none of them: no suggestion; order set the same.
        try expectRefusedInBoth(s, "order set W01 product=网站",
                                en: "product=网站: the plan reads product only as \(en), so '网站' would count as none of them; nothing was changed",
                                zh: "product=网站：方案只认得 'product'（产品）为 \(zh)，写成 '网站' 哪一项都不算；未做任何更改", file: file)
        // class is compared with D, C, B, A (B2.2); its default "" is no text to add. E is one letter: no suggestion.
        try expectRefusedInBoth(s, "order set W02 class=E",
                                en: "class=E: the plan reads class only as D, C, B or A, so 'E' would count as none of them; nothing was changed",
                                zh: "class=E：方案只认得 'class'（等级）为 'D'、'C'、'B'、'A'，写成 'E' 哪一项都不算；未做任何更改", file: file)
        // price is read as an amount: any amount is taken. Written right, B2.1: 3,500 at the list price → 25% = 875.00.
        run(s, "order add W99 agent=甲 date=2026-04-03 product=standard price=3500")
        #expect(query(s, "W99.deal_commission") == "875.00")
        // An empty value clears the field, never refused.
        run(s, "order set W99 product=")
        #expect(s.workspace.order("W99")?.fields["product"] == nil)
    }

    @Test func aRoleThePlanDoesNotKnowIsRefusedNamingTheOnesItDoes() throws {
        let (dir, file) = try scenarioCopy(onlineShop, label: "unread-order-field")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Session(path: file)
        // A4: on_staff reads role = "sales"; attribution credits sales and names after-sales (who take no credit).
        // Under zh each by plan A's label (`attribute role … labels "sales" "销售客服", "after-sales" "售后客服"`).
        let pay = query(s, "小美.pay[2026-03]")
        try expectRefusedInBoth(s, "agent set 小美 role=sale",
                                en: "role=sale: the plan reads role only as sales or after-sales, so 'sale' would count as none of them; did you mean sales? (write role=sales); nothing was changed",
                                zh: "role=sale：方案只认得 'role'（岗位）为 'sales'（销售客服）、'after-sales'（售后客服），写成 'sale' 哪一项都不算；是不是想写 'sales'？（请写 role=sales）；未做任何更改", file: file)
        try expectRefusedInBoth(s, "agent add 新 hired=2026-01-01 role=manager",
                                en: "role=manager: the plan reads role only as sales or after-sales, so 'manager' would count as none of them; nothing was changed",
                                zh: "role=manager：方案只认得 'role'（岗位）为 'sales'（销售客服）、'after-sales'（售后客服），写成 'manager' 哪一项都不算；未做任何更改", file: file)
        // offer takes the same attributes (plan A's offer input here: inquiries).
        try expectRefusedInBoth(s, "offer inquiries 100 role=slaes",
                                en: "role=slaes: the plan reads role only as sales or after-sales, so 'slaes' would count as none of them; did you mean sales? (write role=sales); nothing was changed",
                                zh: "role=slaes：方案只认得 'role'（岗位）为 'sales'（销售客服）、'after-sales'（售后客服），写成 'slaes' 哪一项都不算；是不是想写 'sales'？（请写 role=sales）；未做任何更改", file: file)
        #expect(query(s, "小美.pay[2026-03]") == pay)
        #expect(s.workspace.agents.first { $0.name == "小美" }?.role == "sales")
        // A role it knows is taken: 小美 after-sales sells nothing, so her orders are credited again.
        let out = s.execute("agent set 小美 role=after-sales")
        #expect(!out.failed, "\(out.text)")
        #expect(s.workspace.agents.first { $0.name == "小美" }?.role == "after-sales")
    }

    @Test func aRoleOnAPlanThatNeverReadsItHoldsToAttributionsRoles() throws {
        // Plan C never reads role; attribution does (sales sell, after-sales do not).
        let s = try Session(path: electronics)
        expectRefused(s, "agent set 李雷 role=sale", "role=sale: the plan reads role only as sales or after-sales")
        run(s, "agent set 李雷 role=after-sales")
    }

    @Test func aFieldReadAsAnythingButATextComparisonTakesAnyValue() throws {
        // tag is compared with "vip", but also shown as it is (a rule returns it): any value may mean something.
        let s = try Session()
        run(s, "field tag \"标签\" default \"\"", "field amount default 0", "order vip = tag = \"vip\"", "order shown = tag",
            "month sold = sum(amount over orders where vip)", "agent add 甲 hired=2026-01-01")
        run(s, "order add A1 agent=甲 date=2026-03-02 amount=100 tag=new")
        // Only compared (and missing() asked), the same field's values are held to "vip" and what orders carry.
        let t = try Session()
        run(t, "field tag \"标签\" default \"\"", "field amount default 0", "order vip = tag = \"vip\" and not missing(tag)",
            "month sold = sum(amount over orders where vip)", "agent add 甲 hired=2026-01-01")
        expectRefused(t, "order add A1 agent=甲 date=2026-03-02 amount=100 tag=vpi",
                      "tag=vpi: the plan reads tag only as vip, so 'vpi' would count as none of them; did you mean vip? (write tag=vip); nothing was changed")
        // 1 × 100 counted as vip: sold = 100.00.
        run(t, "order add A1 agent=甲 date=2026-03-02 amount=100 tag=vip")
        #expect(query(t, "甲.sold[2026-03]") == "100.00")
    }

    /// Every order of every shipped scenario, typed again field by field with `order set`, is taken:
    /// the checks refuse nothing the scenarios' own data holds, and neither does every agent's role.
    @Test func everyShippedOrderAndRoleIsTakenAsItIs() throws {
        for shipped in [electronics, onlineShop, webAgency] {
            let s = try Session(path: shipped)
            for o in s.workspace.orders {
                // A value holding a space (a seller's note) cannot be typed as one key=value word: left out.
                let pairs = o.fields.sorted { $0.key < $1.key }.filter { !$0.value.text.contains(where: \.isWhitespace) }
                    .map { "\($0.key)=\($0.value.text)" }
                guard !pairs.isEmpty else { continue }
                let out = s.execute("order set \(o.id) " + pairs.joined(separator: " "))
                #expect(!out.failed, "\(shipped) \(o.id): \(out.text)")
            }
            for a in s.workspace.agents {
                let out = s.execute("agent set \(a.name) role=\(a.role ?? "sales")")
                #expect(!out.failed, "\(shipped) \(a.name): \(out.text)")
            }
        }
    }
}
