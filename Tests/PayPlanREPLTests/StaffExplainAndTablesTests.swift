import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// What staff and owners read in explain, statements and exported tables, third round of findings
/// (issue 13, the fresh-user test of 2026-12-02: 3 and LOW): a team count in words, a plain number
/// not read as money, a sum of zeros over orders said as such, a year's flags in runs, the attribution
/// CSV starting with its header, and an import whose every order is silent saying so.
@Suite struct StaffExplainAndTablesTests {
    /// Plan A's 在岗销售人数 is `count(agents where on_staff)`, on_staff = active and role = "sales". By hand
    /// from scenarios/online-shop-cs.json: 小美, 阿杰, 小雨 (sales, hired 2024–2025) and 大伟 (sales, hired
    /// 2026-03-02) are on staff in March; 老周 is after-sales: 4 of 5. It printed "count(agents where on_staff) 4".
    @Test func aTeamCountReadsAsTheAgentsItCounts() throws {
        let s = try Session(path: onlineShop)
        s.language = .zh
        let zh = run(s, "explain sales_staff[2026-03]")[0]
        #expect(zh == "2026年3月在岗销售人数 4：在岗销售的员工 4 人（共 5 人：小美、阿杰、小雨、大伟）。", "\(zh)")
        #expect(!zh.contains("count("))
        s.language = .en
        let en = run(s, "explain sales_staff[2026-03]")[0]
        #expect(en == "sales staff for 2026-03 is 4: 4 agents on staff (of 5: 小美, 阿杰, 小雨, 大伟).", "\(en)")
        // February: 大伟 is not hired yet, so 3 of 5.
        s.language = .zh
        #expect(run(s, "explain sales_staff[2026-02]")[0] == "2026年2月在岗销售人数 3：在岗销售的员工 3 人（共 5 人：小美、阿杰、小雨）。")
    }

    /// A parameter with no label is a plain number: `param zz = 5` reads "zz 5", not "zz 5.00 元"; a labelled
    /// amount keeps its 元 (当地最低工资 2,740.00 元).
    @Test func anUnlabelledParameterIsNotMoney() throws {
        let s = try Session(path: electronics)
        run(s, "param zz = 5")
        s.language = .zh
        #expect(run(s, "explain zz")[0] == "zz 5：为 5。")
        #expect(run(s, "explain minimum_wage")[0].hasPrefix("当地最低工资 2,740.00 元："))
        s.language = .en
        #expect(run(s, "explain zz")[0].hasPrefix("zz is 5:"))
    }

    /// A year's statement lists a flag's months as runs: 李雷 (hired before 2026) is never on probation, so
    /// 试用期 is "1–12月 否", not twelve entries "1月 否 · 2月 否 · …" about 110 characters wide. 赵强 joins on
    /// 2026-04-01 with three months' probation (C1): January–March he is not employed (否), April–June yes,
    /// July–December no.
    @Test func aYearsFlagsAreRunsOfMonths() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        let slip = run(s, "statement 李雷 2026")
        #expect(row(slip, "  试用期").first == "1–12月 否", "\(slip)")
        #expect(run(s, "statement 李雷 2026").allSatisfy { $0.count < 100 })
        #expect(row(run(s, "statement 赵强 2026"), "  试用期").first == "1–3月 否 · 4–6月 是 · 7–12月 否")
        s.language = .en
        #expect(row(run(s, "statement 赵强 2026"), "  probation").first == "01–03 no · 04–06 yes · 07–12 no")
    }

    /// A sum over orders whose every order is 0 says so, not "由 8 笔订单计算" beside 0.00. Built by hand on
    /// plan C: 新 has two cash orders, N1 signed Monday 2026-03-02 and N2 Tuesday 03-03. C5.1: cash is due 2
    /// working days after (03-04, 03-05); base_penalty_day = due + 90 + 1 (06-03, 06-04), so both are booked in
    /// June's 逾期扣底薪, but C5.2 docks base only for credit orders: each is 0, the sum 0.00 from 2 orders.
    @Test func aSumOfZerosOverOrdersSaysEachIsZero() throws {
        let s = try Session(path: electronics)
        run(s, "agent add 新 id=S09 base=3000 hired=2025-01-01",
            "order add N1 agent=新 date=2026-03-02 terms=cash amount=10000 profit=2000",
            "order add N2 agent=新 date=2026-03-03 terms=cash amount=5000 profit=1000")
        #expect(query(s, "N1.base_penalty_day") == "2026-06-03")
        #expect(query(s, "N2.base_penalty_day") == "2026-06-04")
        s.language = .zh
        #expect(row(run(s, "statement 新 2026-06"), "  逾期扣底薪") == ["0.00", "逾期扣底薪合计 0.00（扣底薪日在本期的 2 笔订单，每笔都是 0）"])
        s.language = .en
        #expect(row(run(s, "statement 新 2026-06"), "  overdue penalty")
            == ["0.00", "the sum of base penalty, 0.00 (2 orders whose base penalty day falls in this period, each 0)"])
    }

    /// `attribution --csv` starts with its header (Excel/WPS read row 1 as the columns); the orders to check
    /// follow after an empty line and their title. T4's note names CS09, which no agent has: one to check.
    @Test func theAttributionCSVStartsWithItsHeader() throws {
        let s = try Session()
        run(s, "field amount default 0", "field note default \"\"",
            "agent add 小美 id=CS01 role=sales",
            "order add T1 agent=小美 date=2026-03-02 amount=100.50 note=CS01",
            "order add T4 date=2026-03-05 amount=20 note=CS09")
        let csv = s.execute("attribution 2026-03 --csv").lines
        #expect(csv.first == "\u{FEFF}agent,ID,role,orders,credited", "\(csv)")
        let blank = try #require(csv.firstIndex(of: ""), "\(csv)")
        #expect(csv[blank + 1].hasPrefix("orders to check") || csv[blank + 1].contains("1"), "\(csv)")
        #expect(csv[blank + 2] == "order,agent,note,finding")
    }

    /// A Taobao export imported into plan C: its notes name CS01… (plan A's IDs), none of S01–S04, so all 300
    /// orders come in silent; the import says so and names the IDs it looked for (from the scenario's JSON).
    @Test func anImportWhoseEveryOrderIsSilentSaysSo() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: electronics))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let ids = try #require(root["agents"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids == ["S01", "S02", "S03", "S04"])
        let s = try Session(path: electronics)
        s.language = .zh
        let out = run(s, "orders import \(repositoryRoot)/scenarios/shop-orders-2026-03.csv --format taobao")
        #expect(out.contains("全部 300 笔订单都是闷拍：没有一条卖家备注写了员工的工号（这里的工号为 \(ids.joined(separator: "、"))）；闷拍订单不归属任何员工：请检查 --match 和员工的工号，或这个文件是否属于这个方案"), "\(out)")
        // Plan A's own export credits most orders: no such line.
        let a = try Session(path: onlineShop)
        a.language = .zh
        #expect(!run(a, "orders import \(repositoryRoot)/scenarios/shop-orders-2026-03.csv --format taobao").contains { $0.contains("全部") && $0.contains("闷拍") })
    }
}
