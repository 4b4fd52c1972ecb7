import Foundation
import Testing
import TestSupport
@testable import PayPlanREPL

/// Order-built figures summarise — "由 70 笔订单计算" — and list the orders only on request
/// (`explain … --orders`), in statement and explain, for the three shipped plans (issue 13 item 2).
/// The counts come from the scenario files themselves, read here independently of the engine.
@Suite struct OrderSummaryWordingTests {
    let planA = repositoryRoot + "/scenarios/online-shop-cs.json"
    let planB = repositoryRoot + "/scenarios/web-agency.json"

    /// The IDs of the orders of `agent` dated in `month` (`2026-03`), read straight from the JSON file.
    func orderIDs(_ path: String, agent: String, month: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let orders = try #require(root["orders"] as? [[String: Any]])
        return orders.filter { ($0["agent"] as? String) == agent && (($0["date"] as? String) ?? "").hasPrefix(month) }.compactMap { $0["id"] as? String }
    }

    /// How many of those orders are refunds: their `refund` field (退款金额) is above 0, read from the JSON.
    func refundCount(_ path: String, agent: String, month: String) throws -> Int {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let orders = try #require(root["orders"] as? [[String: Any]])
        return orders.filter { o in
            guard (o["agent"] as? String) == agent, ((o["date"] as? String) ?? "").hasPrefix(month),
                  let f = o["fields"] as? [String: Any], let r = f["refund"] as? String, let v = Double(r) else { return false }
            return v > 0
        }.count
    }

    /// Checks one order-built figure: the default explain and the statement carry the summary and no order
    /// ID; `--orders` lists the orders (each one of the agent's month) after the summary.
    func check(_ path: String, agent: String, month: String, rule: String, item: String, summary: String) throws {
        let ids = try orderIDs(path, agent: agent, month: month)
        #expect(!ids.isEmpty)
        let s = try Session(path: path)
        s.language = .zh
        let plain = run(s, "explain \(agent).\(rule)[\(month)]")
        #expect(plain[0].contains(summary), "\(plain[0])")
        #expect(!plain.contains { l in ids.contains { l.contains($0) } }, "\(plain)")
        let slip = run(s, "statement \(agent) \(month)")
        #expect(slip.contains { $0.hasPrefix("  \(item) ") && $0.contains(summary) }, "\(slip)")
        #expect(!slip.contains { l in ids.contains { l.contains($0) } }, "\(slip)")
        let listed = run(s, "explain \(agent).\(rule)[\(month)] --orders").filter { $0.hasPrefix("    ") }
        #expect(!listed.isEmpty && listed.count <= ids.count, "\(listed)")
        #expect(listed.allSatisfy { l in ids.contains { l.hasPrefix("    \($0)  ") } }, "\(listed)")
        s.language = .en
        #expect(!run(s, "explain \(agent).\(rule)[\(month)]").contains { l in ids.contains { l.contains($0) } })
    }

    /// Plan A (A2): 阿杰 (CS02) has 70 orders dated March 2026 in the shipped file, 11 of them with a
    /// refund; own_sales sums their credit and says the refunds with the count (issue 13 point 2).
    @Test func planAOwnSales() throws {
        let ids = try orderIDs(planA, agent: "阿杰", month: "2026-03")
        #expect(ids.count == 70)
        let refunds = try refundCount(planA, agent: "阿杰", month: "2026-03")
        #expect(refunds == 11)
        try check(planA, agent: "阿杰", month: "2026-03", rule: "own_sales", item: "个人业绩", summary: "（由 \(ids.count) 笔订单计算，其中 \(refunds) 笔退款）")
    }

    /// Plan B (B2): 甲 has W01–W04 in April 2026: standard 3,500 → 25% = 875.00; bilingual D 5,000 →
    /// 4,000 × 25% + 1,000 × 15% = 1,150.00; non-standard D 3,500 → 2,700 × 20% + 800 × 10% = 620.00;
    /// design on profit 1,800 → 20% = 360.00. Commission 3,005.00 from 4 orders, each listed on request.
    @Test func planBCommission() throws {
        try check(planB, agent: "甲", month: "2026-04", rule: "commission", item: "提成", summary: "单笔提成合计 3,005.00（由 4 笔订单计算）")
        let s = try Session(path: planB)
        let listed = run(s, "explain 甲.commission[2026-04] --orders").filter { $0.hasPrefix("    ") }
        #expect(listed == ["    W01  2026-04-03  875.00", "    W02  2026-04-09  1,150.00", "    W03  2026-04-15  620.00", "    W04  2026-04-22  360.00"], "\(listed)")
    }

    /// Plan C (C2, C6): 李雷 has 9 orders dated April 2026; order_sales sums those counted in revenue.
    @Test func planCOrderSales() throws {
        let ids = try orderIDs(electronics, agent: "李雷", month: "2026-04")
        #expect(ids.count == 9)
        try check(electronics, agent: "李雷", month: "2026-04", rule: "order_sales", item: "订单销售额", summary: "（\(ids.count) 笔订单中")
    }
}
