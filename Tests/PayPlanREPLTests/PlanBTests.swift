import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL


/// Plan B (rules.md B1–B3) through the shipped scenario, on the worked checks of issue 6.
/// Every figure is worked out by hand from rules.md.
@Suite struct PlanBTests {
    /// April 2026 of the shipped scenario: 甲 乙 丙 丁 and their deals.
    @Test func workedChecksPerAgent() throws {
        let s = try Session(path: webAgency)
        // 甲: standard 3500, bilingual D 5000, non-standard D 3500 are website sales: 12,000 → base 1,000 (B1).
        // Commission 875 + 1,150 + 620 + design profit 1,800 × 20% = 360 → 3,005.00.
        // Performance 12,000 + 50% × 3,000 design = 13,500 < 15,000: not ranked.
        #expect(query(s, "甲.website_sales[2026-04]") == "12,000.00")
        #expect(query(s, "甲.base_pay[2026-04]") == "1,000.00")
        #expect(query(s, "甲.commission[2026-04]") == "3,005.00")
        #expect(query(s, "甲.performance[2026-04]") == "13,500.00")
        #expect(query(s, "甲.place[2026-04]") == "0.00")
        #expect(query(s, "甲.ranking_bonus[2026-04]") == "0.00")
        #expect(query(s, "甲.pay[2026-04]") == "4,005.00")
        // 乙: 4 × 3,300 + mobile 1,750 = 14,950 (SEO is not website sales) → 1,000.
        // 4 × 660 + 1,750 × 15% + 2,000 × 15% = 2,640 + 262.50 + 300 = 3,202.50.
        // Performance 14,950 + 50% × 2,000 = 15,950: third → 100; pay 4,302.50.
        #expect(query(s, "乙.website_sales[2026-04]") == "14,950.00")
        #expect(query(s, "乙.base_pay[2026-04]") == "1,000.00")
        #expect(query(s, "乙.commission[2026-04]") == "3,202.50")
        #expect(query(s, "乙.performance[2026-04]") == "15,950.00")
        #expect(query(s, "乙.place[2026-04]") == "3.00")
        #expect(query(s, "乙.ranking_bonus[2026-04]") == "100.00")
        #expect(query(s, "乙.pay[2026-04]") == "4,302.50")
        // 丙: 5 × 3,500 + bilingual A 8,000 = 25,500 → 1,200.
        // 5 × 875 + (8,000 − 3,000) × 25% + 3,000 × 15% = 4,375 + 1,700 = 6,075.00; first → 300; pay 7,575.00.
        #expect(query(s, "丙.website_sales[2026-04]") == "25,500.00")
        #expect(query(s, "丙.base_pay[2026-04]") == "1,200.00")
        #expect(query(s, "丙.commission[2026-04]") == "6,075.00")
        #expect(query(s, "丙.performance[2026-04]") == "25,500.00")
        #expect(query(s, "丙.place[2026-04]") == "1.00")
        #expect(query(s, "丙.ranking_bonus[2026-04]") == "300.00")
        #expect(query(s, "丙.pay[2026-04]") == "7,575.00")
        // 丁: 6 × 2,500 = 15,000 (VI design is not website sales) → 1,000.
        // 6 × 375 + VI profit 3,000 × 20% = 2,250 + 600 = 2,850.00; performance 15,000 + 50% × 4,000 = 17,000:
        // second → 200; pay 4,050.00.
        #expect(query(s, "丁.website_sales[2026-04]") == "15,000.00")
        #expect(query(s, "丁.base_pay[2026-04]") == "1,000.00")
        #expect(query(s, "丁.commission[2026-04]") == "2,850.00")
        #expect(query(s, "丁.performance[2026-04]") == "17,000.00")
        #expect(query(s, "丁.place[2026-04]") == "2.00")
        #expect(query(s, "丁.ranking_bonus[2026-04]") == "200.00")
        #expect(query(s, "丁.pay[2026-04]") == "4,050.00")
        // Each deal of the issue, as shipped.
        for (id, commission) in [("W01", "875.00"), ("W02", "1,150.00"), ("W03", "620.00"), ("W04", "360.00"),
                                 ("W05", "660.00"), ("W09", "262.50"), ("W10", "300.00"),
                                 ("W11", "875.00"), ("W16", "1,700.00"), ("W17", "375.00"), ("W23", "600.00")] {
            #expect(query(s, "\(id).deal_commission") == commission, "\(id)")
        }
    }

    @Test func reportShowsBaseCommissionBonusAndPayWithATotal() throws {
        let s = try Session(path: webAgency)
        let lines = run(s, "report 2026-04")
        let header = try #require(lines.dropFirst().first)
        for column in ["base_pay", "commission", "ranking_bonus", "pay"] { #expect(header.contains(column)) }
        let total = try #require(lines.last)
        // Base 1,000 + 1,000 + 1,200 + 1,000; commission 3,005 + 3,202.50 + 6,075 + 2,850; prizes 300 + 200 + 100;
        // pay 4,005 + 4,302.50 + 7,575 + 4,050.
        #expect(total.hasPrefix("total"))
        for figure in ["4,200.00", "15,132.50", "600.00", "19,932.50"] { #expect(total.contains(figure), "\(total)") }
    }

    /// Ties: 乙 gains a brochure of 2,100 (50% → +1,050 = 17,000) and 甲 a standard package of 2,500
    /// (website 14,500 + 1,500 = 16,000): performances 丙 25,500, 乙 17,000, 丁 17,000, 甲 16,000.
    func tiedSession() throws -> Session {
        let s = try Session(path: webAgency)
        run(s, "order add T1 agent=乙 date=2026-04-30 product=brochure price=2100 profit=900",
            "order add T2 agent=甲 date=2026-04-30 product=standard price=2500")
        return s
    }

    @Test func tiesShareTheRankAndEachTakesItsPrize() throws {
        let s = try tiedSession()
        #expect(query(s, "乙.performance[2026-04]") == "17,000.00")
        #expect(query(s, "甲.performance[2026-04]") == "16,000.00")
        // 1-2-2-4: 300 / 200 / 200 / 0.
        #expect(query(s, "丙.place[2026-04]") == "1.00")
        #expect(query(s, "乙.place[2026-04]") == "2.00")
        #expect(query(s, "丁.place[2026-04]") == "2.00")
        #expect(query(s, "甲.place[2026-04]") == "4.00")
        #expect(query(s, "乙.tied[2026-04]") == "2.00")
        #expect(query(s, "丙.ranking_bonus[2026-04]") == "300.00")
        #expect(query(s, "乙.ranking_bonus[2026-04]") == "200.00")
        #expect(query(s, "丁.ranking_bonus[2026-04]") == "200.00")
        #expect(query(s, "甲.ranking_bonus[2026-04]") == "0.00")
    }

    @Test func splitTiedPrizesSwitch() throws {
        let s = try tiedSession()
        run(s, "param split_tied_prizes = yes")
        // Ranks 2 and 3 shared by two: (200 + 100) / 2 = 150 each; 丙 alone at 1 keeps 300; 甲 at 4 gets 0.
        #expect(query(s, "丙.ranking_bonus[2026-04]") == "300.00")
        #expect(query(s, "乙.ranking_bonus[2026-04]") == "150.00")
        #expect(query(s, "丁.ranking_bonus[2026-04]") == "150.00")
        #expect(query(s, "甲.ranking_bonus[2026-04]") == "0.00")
        // In words for staff (it read "（名次奖金 600.00（名次 2 + 并列人数 2 超额累进）− …）÷ 并列人数 2"): marginal(prize, n)
        // adds places 1 to n − 1, so places 2–3 are marginal(prize, 4) − marginal(prize, 2) = 600 − 300 = 300, shared by 2.
        s.language = .zh
        #expect(run(s, "explain 乙.ranking_bonus[2026-04]")[0] == "乙 2026年4月排名奖 150.00 元：并列的 2 人平分第 2–3 名的名次奖金 300.00（第 1–3 名合计 600.00 − 第 1 名 300.00）。")
        #expect(run(s, "explain 丙.ranking_bonus[2026-04]")[0] == "丙 2026年4月排名奖 300.00 元：第 1 名的名次奖金 300.00，无人并列。")
        s.language = .en
        #expect(run(s, "explain 乙.ranking_bonus[2026-04]")[0] == "乙's ranking bonus for 2026-04 is 150.00: the 2 tied share the prize of places 2–3, 300.00 (places 1–3 together 600.00 − place 1 300.00).")
        // 乙's pay: 1,000 + 3,202.50 + brochure profit 900 × 15% = 135 → 3,337.50, + 150 = 4,487.50.
        #expect(query(s, "乙.pay[2026-04]") == "4,487.50")
        // Three tied at 2 (甲 + 1,000 of website sales = 17,000): (200 + 100 + 0) / 3 = 100 each.
        run(s, "order add T3 agent=甲 date=2026-04-30 product=standard price=1000")
        #expect(query(s, "甲.tied[2026-04]") == "3.00")
        for a in ["甲", "乙", "丁"] { #expect(query(s, "\(a).ranking_bonus[2026-04]") == "100.00", "\(a)") }
        // Without the split, each of the three takes the second prize.
        run(s, "param split_tied_prizes = no")
        for a in ["甲", "乙", "丁"] { #expect(query(s, "\(a).ranking_bonus[2026-04]") == "200.00", "\(a)") }
        #expect(query(s, "丙.ranking_bonus[2026-04]") == "300.00")
    }

    /// One deal at a time for a test agent in May (April's ranking is not touched), hand-worked from B2.
    @Test(arguments: [
        // B2.1 standard package against P = 3500.
        ("product=standard price=3500", "875.00"),
        ("product=standard price=3300", "660.00"),
        ("product=standard price=2600", "520.00"),
        ("product=standard price=2500", "375.00"),
        ("product=standard price=2000", "300.00"),
        ("product=standard price=1800", "180.00"),
        // B2.2 bilingual: (X − E) × 25% + E × 15%, E = 1000/1500/2000/3000.
        ("product=bilingual class=D price=5000", "1,150.00"),
        ("product=bilingual class=C price=5000", "1,100.00"),
        ("product=bilingual class=B price=6000", "1,300.00"),
        ("product=bilingual class=A price=8000", "1,700.00"),
        // B2.3 mobile against P/2 = 1750.
        ("product=mobile price=1750", "262.50"),
        ("product=mobile price=1500", "150.00"),
        // B2.4 non-standard: (X − N) × 20% + N × 10%, N = 800/800/1200/1200.
        ("product=nonstandard class=D price=3500", "620.00"),
        ("product=nonstandard class=B price=5000", "880.00"),
        // B2.5 SEO: 15%, 10% below the normal quote.
        ("product=seo price=2000", "300.00"),
        ("product=seo price=2000 below_quote=yes", "200.00"),
        // B2.6 design on profit G, the reached tier on the whole profit; below 1000 reads as 15%.
        ("product=design price=3000 profit=1500", "225.00"),
        ("product=design price=3000 profit=1501", "300.20"),
        ("product=design price=3000 profit=1800", "360.00"),
        ("product=design price=4000 profit=2500", "625.00"),
        ("product=design price=2000 profit=800", "120.00"),
        ("product=brochure price=2000 profit=1200", "180.00"),
        ("product=vi price=4000 profit=3000", "600.00"),
    ])
    func singleDeal(fields: String, commission: String) throws {
        let s = try Session(path: webAgency)
        run(s, "agent add 测试 id=T01", "order add D1 agent=测试 date=2026-05-04 \(fields)")
        #expect(query(s, "D1.deal_commission") == commission)
        #expect(query(s, "测试.commission[2026-05]") == commission)
        #expect(query(s, "丙.ranking_bonus[2026-04]") == "300.00")
    }

    @Test func changingTheListPriceFromTheSession() throws {
        let s = try Session(path: webAgency)
        run(s, "param list_price = 4000")
        // Standard: 3500 is now below P: 20% = 700.00; 3300 stays 660.00; 2500 stays 375.00.
        #expect(query(s, "W01.deal_commission") == "700.00")
        #expect(query(s, "W05.deal_commission") == "660.00")
        #expect(query(s, "W17.deal_commission") == "375.00")
        // Mobile's list price is P/2 = 2000: 1750 is below it: 10% = 175.00.
        #expect(query(s, "W09.deal_commission") == "175.00")
        // 甲 700 + 1,150 + 620 + 360 = 2,830.00 → pay 3,830.00; 乙 2,640 + 175 + 300 = 3,115.00 → 4,215.00;
        // 丙 5 × 700 + 1,700 = 5,200.00 → 6,700.00; 丁 unchanged.
        #expect(query(s, "甲.commission[2026-04]") == "2,830.00")
        #expect(query(s, "甲.pay[2026-04]") == "3,830.00")
        #expect(query(s, "乙.commission[2026-04]") == "3,115.00")
        #expect(query(s, "乙.pay[2026-04]") == "4,215.00")
        #expect(query(s, "丙.commission[2026-04]") == "5,200.00")
        #expect(query(s, "丙.pay[2026-04]") == "6,700.00")
        #expect(query(s, "丁.pay[2026-04]") == "4,050.00")
        // A standard package at the new list price earns 25%: 1,000.00; a mobile site at 2,000: 15% = 300.00.
        run(s, "agent add 测试 id=T01",
            "order add D1 agent=测试 date=2026-05-04 product=standard price=4000",
            "order add D2 agent=测试 date=2026-05-04 product=mobile price=2000")
        #expect(query(s, "D1.deal_commission") == "1,000.00")
        #expect(query(s, "D2.deal_commission") == "300.00")
    }

    @Test func dealsNoRulePaysAreFlagged() throws {
        // A product plan B does not know is refused when typed (fresh-user H-B), so the file brings one here:
        // an order of product hosting for a new agent 测试, as an export or an older file could.
        let dir = tempDir("plan-b-unrecognised")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: webAgency))) as? [String: Any])
        var agents = try #require(json["agents"] as? [[String: Any]])
        agents.append(["name": "测试", "id": "T01", "hired": "2020-01-01", "role": "sales"])
        json["agents"] = agents
        var orders = try #require(json["orders"] as? [[String: Any]])
        orders.append(["id": "D1", "agent": "测试", "date": "2026-05-04", "fields": ["product": "hosting", "price": "1000"]])
        json["orders"] = orders
        let file = dir + "/s.json"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
        let s = try Session(path: file)
        // Typed, a product the plan does not know is refused; one an order already carries (hosting) is taken as it is.
        expectRefused(s, "order add D9 agent=测试 date=2026-05-04 product=domain price=1000",
                      "product=domain: the plan reads product only as standard, bilingual, mobile, nonstandard, seo, design, brochure or vi, so 'domain' would count as none of them; nothing was changed")
        // A bilingual site with no class (B2.2 needs one) is typed and flagged too.
        run(s, "order add D2 agent=测试 date=2026-05-04 product=bilingual price=5000")
        #expect(query(s, "D1.unrecognised") == "yes")
        #expect(query(s, "D2.unrecognised") == "yes")
        #expect(query(s, "D1.deal_commission") == "0.00")
        #expect(query(s, "测试.unrecognised_deals[2026-05]") == "2.00")
        // A deal without a product is an error that says so, not a silent 0.
        run(s, "order add D3 agent=测试 date=2026-05-04 price=1000")
        #expect(query(s, "D3.deal_commission") == "#MISSING")
    }

    /// The shipped JSON is byte for byte what save writes (build_web_agency.py follows save's format).
    @Test func shippedFileIsWhatSaveWrites() throws {
        let s = try Session(path: webAgency)
        let path = NSTemporaryDirectory() + "web-agency-\(UUID().uuidString).json"
        run(s, "save \(path)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == String(contentsOfFile: webAgency, encoding: .utf8))
    }
}
