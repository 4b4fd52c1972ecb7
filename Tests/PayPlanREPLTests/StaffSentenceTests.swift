import Foundation
import Testing
import TestSupport
@testable import PayPlanREPL

/// The 工资条 and plain explain read as sentences a shop employee follows, not as code (issue 13,
/// the fresh-user findings of 2026-12-01): a limit (`max(0, cost − floor)`) as "超出…的部分", a
/// negated flag as what is the case, a text switch by its words, a place as 排名第 N, an
/// unrounded intermediate to the fen with 约, and an order credited to nobody said as such.
@Suite struct StaffSentenceTests {
    let planA = repositoryRoot + "/scenarios/online-shop-cs.json"
    let planB = repositoryRoot + "/scenarios/web-agency.json"

    func note(_ lines: [String], _ item: String) -> String {
        lines.first { $0.hasPrefix("  \(item) ") }.map { $0.components(separatedBy: "  ").filter { !$0.isEmpty }.last ?? "" } ?? ""
    }

    /// A5, 阿杰 (CS02) in March 2026: credited sales 14,150.90 (70 orders), after-sales cost 260.00.
    /// Floor = 1% × 14,150.90 = 141.509 (约 141.51); the excess 260.00 − 141.509 = 118.491 (约 118.49);
    /// penalty = 50% × 118.491 = 59.2455 → 59.25 to the fen, the figure the fresh user checked.
    @Test func theAfterSalesPenaltyReadsAsThePartAboveTheFloor() throws {
        let s = try Session(path: planA)
        s.language = .zh
        let zh = note(run(s, "statement 阿杰 2026-03"), "售后扣款")
        #expect(zh == "售后责任比例 50% ×（售后成本 260.00 超出 售后成本底线 约 141.51 的部分 约 118.49），四舍五入到分（59.2455 → 59.25）", "\(zh)")
        for code in ["取较大者", "141.509", "118.491", "= "] { #expect(!zh.contains(code), "\(code) in \(zh)") }
        s.language = .en
        let en = run(s, "explain 阿杰.after_sales_penalty[2026-03]")[0]
        #expect(en == "阿杰's after sales penalty for 2026-03 is 59.25: responsibility rate 50% × (the part of after sales cost 260.00 above after sales floor about 141.51, about 118.49), rounded to the fen (59.2455 → 59.25).", "\(en)")
        // Under the floor nothing is borne: 小美's cost 150.00 in March is below 1% of her 18,396.40 (183.964).
        s.language = .zh
        let under = run(s, "explain 小美.after_sales_penalty[2026-03]")[0]
        #expect(under.hasSuffix("售后责任比例 50% ×（售后成本 150.00 未超出 售后成本底线 约 183.96，按 0 计）。"), "\(under)")
    }

    /// A3/A4: only sales agents on staff earn commission. 老周 (AS01) is after-sales, so `not on_staff`
    /// holds and the commission and the silent share are 0, said as what is the case — not "否的反面 成立".
    /// With commission_mode = "pool" the silent share is 0 for 小美 because of the switch, said by its words.
    @Test func aNegatedFlagAndATextSwitchReadAsWhatIsTheCase() throws {
        let s = try Session(path: planA)
        s.language = .zh
        #expect(run(s, "explain 老周.commission[2026-03]")[0] == "老周 2026年3月提成 0.00 元：在岗销售：否，所以为 0。")
        // `commission_mode = "pool" or not on_staff`: only the part that holds is said.
        #expect(run(s, "explain 老周.silent_share[2026-03]")[0] == "老周 2026年3月闷拍分成 0.00 元：在岗销售：否，所以为 0。")
        // A text compared with a plan word, under zh by its words (individual 个人, pool 团队池).
        run(s, "month pooled \"团队池月\" = commission_mode = \"pool\"")
        #expect(run(s, "explain 小美.pooled[2026-03]")[0] == "小美 2026年3月团队池月 否：提成方式为 个人（不是 团队池）。")
        s.language = .en
        #expect(run(s, "explain 老周.commission[2026-03]")[0] == "老周's commission for 2026-03 is 0.00: on staff: no, so it is 0.")
        #expect(run(s, "explain 小美.pooled[2026-03]")[0] == "小美's pooled for 2026-03 is no: commission mode is individual (not pool).")
        run(s, "param commission_mode = \"pool\"")
        #expect(run(s, "explain 小美.silent_share[2026-03]")[0] == "小美's silent share for 2026-03 is 0.00: commission mode is pool, so it is 0.")
        s.language = .zh
        #expect(run(s, "explain 小美.silent_share[2026-03]")[0] == "小美 2026年3月闷拍分成 0.00 元：提成方式为 团队池，所以为 0。")
        for line in run(s, "statement 老周 2026-03") + run(s, "statement 小美 2026-03") {
            for code in ["的反面", "成立", "individual", " = pool", "因为"] { #expect(!line.contains(code), "\(code) in \(line)") }
        }
    }

    /// B3, April 2026 (orders W01–W23 of the shipped scenario): performance = website sales + 50% × the rest.
    /// 甲 3,500 + 5,000 + 3,500 = 12,000 + 50% × design 3,000 = 13,500 (under 15,000: not ranked);
    /// 乙 4 × 3,300 + 1,750 = 14,950 + 50% × SEO 2,000 = 15,950; 丙 5 × 3,500 + 8,000 = 25,500;
    /// 丁 6 × 2,500 = 15,000 + 50% × VI 4,000 = 17,000. Places: 丙 1 (300), 丁 2 (200), 乙 3 (100).
    @Test func aPlaceReadsAsAWholePlace() throws {
        let s = try Session(path: planB)
        s.language = .zh
        let slip = run(s, "statement 乙 2026-04")
        #expect(note(slip, "排名奖") == "排名第 3，名次奖金为 100", "\(slip)")
        #expect(slip.contains { $0.hasPrefix("  名次 ") && $0.contains("第 3 名") && $0.contains("按排名业绩 15,950.00 排第 3（参加排名：排名业绩 15,950.00 达到 排名业绩门槛 15,000.00）") }, "\(slip)")
        #expect(!slip.contains { $0.contains("（含）–4") || $0.contains("3.00") }, "\(slip)")
        #expect(run(s, "explain 丙.ranking_bonus[2026-04]")[0] == "丙 2026年4月排名奖 300.00 元：排名第 1，名次奖金为 300。")
        #expect(run(s, "explain 丁.place[2026-04]")[0].hasPrefix("丁 2026年4月名次 第 2 名：按排名业绩 17,000.00 排第 2"))
        #expect(run(s, "explain 甲.ranking_bonus[2026-04]")[0] == "甲 2026年4月排名奖 0.00 元：未进入排名，所以为 0。")
        #expect(run(s, "explain 甲.place[2026-04]")[0] == "甲 2026年4月名次 未排名：排名业绩 13,500.00 低于 排名业绩门槛 15,000.00，不参加排名。")
        s.language = .en
        #expect(run(s, "explain 乙.ranking_bonus[2026-04]")[0] == "乙's ranking bonus for 2026-04 is 100.00: in place 3, so prize is 100.")
        #expect(run(s, "explain 甲.place[2026-04]")[0] == "甲's place for 2026-04 is 0 (not ranked): performance 13,500.00 is below ranking threshold 15,000.00, so not ranked.")
        let csv = run(s, "statement 乙 2026-04 --format csv").joined(separator: "\n")
        #expect(csv.contains(",place,3,"), "\(csv)")
    }

    /// A4 / the fuzz finding of 2026-12-01: a silent order (credited to nobody) reading an agent's share
    /// of an allocation over the half is #MISSING; explain says what was read and why, in both languages
    /// (it read "the min of  over 2026-H1", an empty name). 小美's own order reads her share: 260.00 (June's,
    /// by tenure 26 of 100; see SilentOrderReadsTests).
    @Test func aSilentOrderReadingAnAllocationSaysWhy() throws {
        let s = try Session(path: planA)
        let own = "2026031001984191010", silent = "2026031256842740893"
        run(s, "order s2 = min(allocate(1000, tenure over agents) over half)")
        let en = run(s, "explain \(silent).s2")[0]
        #expect(en == "order \(silent)'s s2 for 2026-03 is #MISSING: the min of the agent's share of the allocation over 2026-H1, #MISSING; this order is credited to no agent (a silent order), so there is no agent's figure to read.", "\(en)")
        #expect(!en.contains("of  over"))
        #expect(run(s, "explain \(own).s2")[0].hasSuffix("the min of the agent's share of the allocation over 2026-H1, 260.00."))
        s.language = .zh
        let zh = run(s, "explain \(silent).s2")[0]
        #expect(zh == "订单 \(silent) 2026年3月 s2 #MISSING：2026年上半年每月分摊给本人的份额最低 #MISSING；这笔订单没有归属任何员工（闷拍），没有员工的数字可读。", "\(zh)")
    }

    /// C7.1's cap and the take-home part's tax read as limits, not as 取较小者（…）/取较大者（…）:
    /// 李雷 in March 2026 has no damage due (0.00), under this month's limit (本月可扣上限): the least of
    /// the cap 20% × 5,573.00 = 1,114.60 and what keeps the minimum wage, 5,573.00 − 2,740 = 2,833.00.
    @Test func minAndMaxReadAsLimits() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        let slip = run(s, "statement 李雷 2026-03")
        #expect(note(slip, "本月扣赔偿") == "应扣赔偿 0.00（不超过 本月可扣上限 1,114.60）", "\(slip)")
        #expect(!slip.contains { $0.contains("取较小者") || $0.contains("取较大者") }, "\(slip)")
        #expect(run(s, "explain 李雷.damage_limit[2026-03]")[0]
            == "李雷 2026年3月本月可扣上限 1,114.60 元：赔偿扣款上限 20% × 扣赔偿前工资 5,573.00 = 1,114.60（不超过 扣赔偿前工资 5,573.00 − 当地最低工资 2,740.00 = 2,833.00）。")
        s.language = .en
        #expect(note(run(s, "statement 李雷 2026-03"), "damage deducted") == "damage due 0.00 (at most damage limit 1,114.60)")
    }

    /// C5.1 and C6.1 on order 2026040110006 (韩梅梅, cash, signed Wednesday 2026-04-01, amount 20,710, profit 3,127):
    /// due 2 working days after, Thursday 04-02 then Friday 04-03 (Qingming is 04-04–06); margin
    /// 3,127 ÷ 20,710 = 0.150989… (约 15.10%) ≥ 5%, so not refused. An order's figure names the order and
    /// its agent; a day count reads whole, without 元; date functions read in words, not workdays_after(…).
    @Test func anOrdersFiguresReadInWords() throws {
        let s = try Session(path: electronics)
        let o = "2026040110006"
        s.language = .zh
        #expect(run(s, "explain \(o).due")[0] == "订单 \(o)（韩梅梅）2026年4月应回款日 2026-04-03：订单日期 2026-04-01 之后 2 个工作日（现金回款工作日），即 2026-04-03。")
        #expect(run(s, "explain \(o).term_days")[0] == "订单 \(o)（韩梅梅）2026年4月账期天数 0：付款方式为 现金（不是 月结90天），所以为 0。")
        #expect(run(s, "explain \(o).refused")[0] == "订单 \(o)（韩梅梅）2026年4月拒单 否：毛利率 约 15.10% 达到 现金单拒单毛利 5%。")
        s.language = .en
        #expect(run(s, "explain \(o).due")[0] == "order \(o) (韩梅梅)'s due for 2026-04 is 2026-04-03: 2 working days (cash pay workdays) after date 2026-04-01, 2026-04-03.")
    }
}
