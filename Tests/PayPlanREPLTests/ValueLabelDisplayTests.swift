import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Text values by the plan's labels under `--lang zh` (issue 13, point 5): the agents table's 岗位, the
/// orders listing's 付款方式 and 产品, a switch's value in explain and in a query, from each shipped plan's
/// `labels` clauses; English shows the values as written; input takes a value or its label; a redefinition
/// keeps the labels and a save writes them; a bad clause is refused at its place in both languages.
@Suite struct ValueLabelDisplayTests {
    /// The scenario file's JSON: its plan lines and orders, read here without payplan.
    func scenario(_ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    /// The plan line of `path` that starts with `prefix`.
    func planLine(_ path: String, _ prefix: String) throws -> String {
        let plan = try #require(try scenario(path)["plan"] as? [String])
        return try #require(plan.first { $0.hasPrefix(prefix) })
    }

    /// scenarios/online-shop-cs.json: agents CS01–CS04 have role sales and AS01 (老周) after-sales; the plan
    /// labels them `"sales" "销售客服", "after-sales" "售后客服"`. So under zh 老周's 岗位 is 售后客服 and
    /// 小美's 销售客服; under English the values as written.
    @Test func theAgentsTableShowsRolesByTheirLabels() throws {
        #expect(try planLine(onlineShop, "attribute role ").hasSuffix(#"labels "sales" "销售客服", "after-sales" "售后客服""#))
        let s = try Session(path: onlineShop)
        s.language = .zh
        let zh = run(s, "agents")
        #expect(row(zh, "老周").prefix(2) == ["AS01", "售后客服"], "\(zh)")
        #expect(row(zh, "小美").prefix(2) == ["CS01", "销售客服"], "\(zh)")
        #expect(!zh.joined().contains("after-sales") && !zh.joined().contains("sales "))
        s.language = .en
        let en = run(s, "agents")
        #expect(row(en, "老周").prefix(2) == ["AS01", "after-sales"], "\(en)")
        #expect(row(en, "小美").prefix(2) == ["CS01", "sales"], "\(en)")
    }

    /// Plan C labels terms `"cash" "现金", "net30" "月结30天", …`. The first net30 order of
    /// scenarios/electronics-sales.json lists its terms as 月结30天 under zh, net30 in English; a cash order as 现金.
    @Test func theOrdersListingShowsTermsByTheirLabels() throws {
        #expect(try planLine(electronics, "field terms ").contains(#""cash" "现金", "net30" "月结30天""#))
        let orders = try #require(try scenario(electronics)["orders"] as? [[String: Any]])
        func first(_ terms: String) throws -> (id: String, agent: String, month: String) {
            let o = try #require(orders.first { ($0["fields"] as? [String: Any])?["terms"] as? String == terms })
            return (o["id"] as! String, o["agent"] as! String, String((o["date"] as! String).prefix(7)))
        }
        let net30 = try first("net30"), cash = try first("cash")
        let s = try Session(path: electronics)
        s.language = .zh
        let zh = run(s, "orders \(net30.agent) \(net30.month)")
        #expect(row(zh, net30.id).contains("月结30天") && !row(zh, net30.id).contains("net30"), "\(zh)")
        #expect(row(run(s, "orders \(cash.agent) \(cash.month)"), cash.id).contains("现金"))
        s.language = .en
        let en = run(s, "orders \(net30.agent) \(net30.month)")
        #expect(row(en, net30.id).contains("net30") && !en.joined().contains("月结30天"), "\(en)")
    }

    /// Plan B labels its products (`"seo" "关键词优化"` …): every order's product shows by its label under zh.
    @Test func plansBProductsShowByTheirLabels() throws {
        let line = try planLine(webAgency, "field product ")
        let orders = try #require(try scenario(webAgency)["orders"] as? [[String: Any]])
        let o = try #require(orders.first { ($0["fields"] as? [String: Any])?["product"] as? String == "seo" })
        let plan = try #require(try scenario(webAgency)["plan"] as? [String])
        #expect(line.hasSuffix(",") && plan.contains { $0.contains(#""seo" "关键词优化""#) })
        let s = try Session(path: webAgency)
        s.language = .zh
        let month = String((o["date"] as! String).prefix(7))
        #expect(row(run(s, "orders \(o["agent"] as! String) \(month)"), o["id"] as! String).contains("关键词优化"))
    }

    /// A switch's value by its label in a query and in explain: plan A's commission_mode is "individual",
    /// labelled 个人; set to "pool" (团队池) the labels stay, since the redefinition gives none.
    @Test func aSwitchReadsByItsLabelAndKeepsItAfterARedefinition() throws {
        let s = try Session(path: onlineShop)
        s.language = .zh
        #expect(query(s, "commission_mode") == "个人")
        run(s, #"param commission_mode = "pool""#)
        #expect(query(s, "commission_mode") == "团队池")
        #expect(s.workspace.plan.definition(named: "commission_mode")?.source.hasSuffix(#"labels "individual" "个人", "pool" "团队池""#) == true)
        // The tree of `explain --rules` heads the figure by its label too.
        s.language = .zh
        #expect(run(s, "explain commission_mode --rules").first?.contains("= 团队池") == true, "\(run(s, "explain commission_mode --rules"))")
        s.language = .en
        #expect(query(s, "commission_mode") == "pool")
        #expect(run(s, "explain commission_mode --rules").first?.contains("= pool") == true)
    }

    /// A plan written from scratch: its own labels, not any built-in word list, name the values in explain.
    /// `mode` is "a" (labelled 甲方案), so `m` = 1 and explain says 方式为 甲方案; a value the plan does not
    /// label (`other` = "pool") is shown as written, under zh too.
    @Test func explainUsesThePlansOwnLabels() throws {
        let s = try Session(path: electronics)
        run(s, #"param mode "方式" = "a" labels "a" "甲方案", "b" "乙方案""#, #"month m "月数" = if mode = "a" then 1 else 2"#,
            #"param other "另一个" = "pool""#, #"month n "另数" = if other = "pool" then 1 else 2"#)
        s.language = .zh
        let zh = run(s, "explain 李雷.m[2026-03]")[0]
        #expect(zh.contains("甲方案") && !zh.contains("\"a\""), "\(zh)")
        let unlabelled = run(s, "explain 李雷.n[2026-03]")[0]
        #expect(unlabelled.contains("pool") && !unlabelled.contains("团队池"), "\(unlabelled)")
        s.language = .en
        #expect(!run(s, "explain 李雷.m[2026-03]")[0].contains("甲方案"))
    }

    /// Input takes the label for the value: `terms=月结60天` stores net60, `role=售后客服` after-sales.
    @Test func aLabelMayBeTypedForItsValue() throws {
        let c = try Session(path: electronics)
        let id = try #require(c.workspace.orders.first { $0.fields["terms"]?.text == "cash" }?.id)
        run(c, "order set \(id) terms=月结60天")
        #expect(c.workspace.order(id)?.fields["terms"] == .text("net60"))
        let a = try Session(path: onlineShop)
        run(a, "agent set 小美 role=售后客服")
        #expect(a.workspace.agents.first { $0.name == "小美" }?.role == "after-sales")
        // offer takes the label as well (plan A's offer input: inquiries).
        #expect(a.execute("offer inquiries 100 role=售后客服").errors.isEmpty)
        // A value that is neither a value nor a label is still refused, naming the roles.
        expectRefused(a, "agent set 小美 role=经理", "sales")
        // Under zh the refusal names each role with its label, as the agents table shows them.
        a.language = .zh
        expectRefused(a, "agent set 小美 role=经理", "'sales'（销售客服）、'after-sales'（售后客服）")
    }

    /// A save writes the clause (the redefinition's too), and the file reads back with the labels.
    @Test func aSavedScenarioKeepsItsLabels() throws {
        let dir = tempDir("labels")
        let path = dir + "/shop.json"
        let s = try Session(path: onlineShop)
        run(s, #"param silent_mode = "rotate""#, "save \(path)")
        let saved = try planLine(path, "param silent_mode ")
        #expect(saved == #"param silent_mode "闷拍分配" = "rotate" labels "split" "在岗销售客服平分", "exclude" "不计", "rotate" "轮值""#)
        let again = try Session(path: path)
        #expect(again.workspace.plan.valueLabel(of: "silent_mode", value: "rotate") == "轮值")
        again.language = .zh
        #expect(query(again, "silent_mode") == "轮值")
    }

    /// A value labelled twice, or an empty label, is refused at its place, in both languages; nothing changes.
    @Test func aBadClauseIsRefusedAtItsPlace() throws {
        let s = try Session(path: electronics)
        try expectRefusedInBoth(s, #"field zz labels "a" "甲", "a" "乙""#,
                                en: #"the value "a" is labelled twice: give each value one label"#,
                                zh: "取值 'a' 的名称写了两次：每个取值只能有一个名称", file: nil)
        let twice = s.execute(#"field zz labels "a" "甲", "a" "乙""#).errors.first?.render() ?? []
        // The caret stands under the second "a": the line is indented 2, the value starts at character 25,
        // and 甲 before it is two columns wide, so 2 + 25 + 1 = 28 columns in, under its three characters.
        #expect(twice.dropFirst(2).first == String(repeating: " ", count: 28) + "^~~", "\(twice)")
        try expectRefusedInBoth(s, #"param mode = "a" labels "a" """#,
                                en: #"the label of "a" is empty: write what staff should read for it"#,
                                zh: "取值 'a' 的名称是空的：请写员工看到的名称", file: nil)
    }
}
