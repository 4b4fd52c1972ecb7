import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// `explain` for staff: sentences with the numbers filled in, no rule source text.
@Suite struct PlainExplainTests {
    /// Plan C, 李雷 in March (C2, C3): sales 120,000 − expenses 900 = R 119,100, in the tier
    /// [10万, 20万): 2% × 10万 + 3% × (119,100 − 10万 = 19,100) = 2,000 + 573 = 2,573.00.
    /// commission = tier_commission − 0 + 0 … (no orders in March), so it is explained as the tier commission.
    @Test func commissionInChinese() throws {
        let s = try Session(path: electronics)
        run(s, "set lang zh")
        let lines = run(s, "explain 李雷.commission[2026-03]")
        #expect(lines[0] == "李雷 2026年3月提成 2,573.00 元：营业总额 119,100.00（销售额 120,000.00 − 报销费用 900.00）落在 10万（含）–20万（不含）档，按 2% × 10万 + 3% × 超出 10万 的部分 19,100.00 计算。")
        #expect(lines[1] == "  李雷 2026年3月营业总额 119,100.00 元：销售额 120,000.00 − 报销费用 900.00。")
        for l in lines { #expect(!l.contains("rule") && !l.contains("规则") && !l.contains("lookup") && !l.contains("round") && !l.contains("_")) }
        // --rules keeps the tree with each rule as written.
        let tree = run(s, "explain 李雷.commission[2026-03] --rules")
        #expect(tree[1].hasPrefix("  规则：month commission \"提成\" = tier_commission"))
    }

    @Test func commissionInEnglish() throws {
        let s = try Session(path: electronics)
        #expect(run(s, "explain 李雷.commission[2026-03]")[0] == "李雷's commission for 2026-03 is 2,573.00: revenue 119,100.00 (sales 120,000.00 − expenses 900.00) falls in the tier from 10万 (inclusive) to 20万 (exclusive), computed as 2% × 10万 + 3% × the part above 10万, 19,100.00.")
    }

    /// An upper-inclusive table (以内): 3,000 falls in (0, 3,000], so the lower side is 不含 and the upper 含.
    /// tax = round(3,000 × 3%) = 90.00; the rounding changes nothing, so none is mentioned.
    @Test func upperInclusiveTierAndCondition() throws {
        let s = try Session()
        run(s, "set lang zh", "input month r \"收入\" default 0", "table t \"税率\" (lo, hi]: 0 -> 3%, 3000 -> 10%",
            "month tax \"税\" = round(r * lookup(t, r))", "agent add 甲", "甲.r[2026-01] = 3000")
        #expect(run(s, "explain 甲.tax[2026-01]")[0] == "甲 2026年1月税 90.00 元：收入 3,000.00 × 税率 3%（收入 3,000.00 落在 0（不含）–3,000（含）档）。")
        // A condition that gave a fixed amount is said, as what is the case: 1,000 is below 2,000, so the bonus is 0.
        run(s, "month bonus \"奖金\" = if r >= 2000 then 100 else 0", "甲.r[2026-02] = 1000")
        #expect(run(s, "explain 甲.bonus[2026-02]")[0] == "甲 2026年2月奖金 0.00 元：收入 1,000.00 低于 2,000，所以为 0。")
    }

    /// Each rounding said once: 1.5% × 333.33 = 4.99995 → 5.00 to the fen.
    @Test func roundingSaidOnce() throws {
        let s = try Session()
        run(s, "set lang zh", "input month sales \"销售额\" default 0", "month commission \"提成\" = round(1.5% * sales)", "agent add 甲", "甲.sales[2026-01] = 333.33")
        let line = run(s, "explain 甲.commission[2026-01]")[0]
        #expect(line == "甲 2026年1月提成 5.00 元：1.5% × 销售额 333.33，四舍五入到分（4.99995 → 5.00）。")
        #expect(line.components(separatedBy: "四舍五入").count == 2)
    }

    /// Order-built figures summarise; `--orders` lists the orders. Three orders of 甲 in March
    /// (100, 200, 300), the 200 one refunded: refunds = sum(amount over orders where refunded) = 200.00, 1 of 3.
    @Test func ordersSummarisedAndListedOnRequest() throws {
        let s = try Session()
        run(s, "set lang zh", "field amount \"金额\" default 0", "field refund_flag \"退款标记\" default no",
            "order refunded \"退款\" = refund_flag", "month refunds \"退款额\" = sum(amount over orders where refunded)",
            "month sold \"销售额\" = sum(amount over orders)", "agent add 甲",
            "order add A1 agent=甲 date=2026-03-02 amount=100", "order add A2 agent=甲 date=2026-03-05 amount=200 refund_flag=yes",
            "order add A3 agent=甲 date=2026-03-09 amount=300")
        let lines = run(s, "explain 甲.refunds[2026-03]")
        #expect(lines == ["甲 2026年3月退款额 200.00 元：退款订单的金额合计 200.00（3 笔订单中 1 笔）。"])
        #expect(run(s, "explain 甲.sold[2026-03]") == ["甲 2026年3月销售额 600.00 元：金额合计 600.00（由 3 笔订单计算）。"])
        let listed = run(s, "explain 甲.refunds[2026-03] --orders")
        #expect(listed == ["甲 2026年3月退款额 200.00 元：退款订单的金额合计 200.00（3 笔订单中 1 笔）。", "  退款订单 1 笔（金额）：", "    A2  2026-03-05  200.00"])
    }
}

/// Yes/no flags read 是/否 under zh: in a report, a query and a statement (plan A's March: 大伟 is a new
/// agent — hired 2026-03-02, tenure 1 — with 33 buyers of 72 inquiries = 45.8% < 50%: fail (A6), so dismiss
/// is yes; his first reply of 41 s misses the 30 s standard (A7), so first_reply_ok is no).
@Suite struct ChineseFlagsTests {
    @Test func flagsAsShiAndFou() throws {
        let s = try Session(path: onlineShop)
        run(s, "set lang zh")
        let report = run(s, "report 2026-03")
        let dawei = try #require(report.first { $0.hasPrefix("大伟") })
        #expect(dawei.contains(" 是 ") && dawei.hasSuffix("否") && !dawei.contains("yes") && !dawei.contains(" no"))
        #expect(query(s, "大伟.dismiss[2026-03]") == "是")
        #expect(statementRow(run(s, "statement 大伟 2026-03"), "不合格淘汰").first == "是")
        run(s, "set lang en")
        #expect(query(s, "大伟.dismiss[2026-03]") == "yes")
    }
}
