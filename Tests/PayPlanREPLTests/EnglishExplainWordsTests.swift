import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// The plain `explain` in English names figures in words, never by identifier; parameters read by
/// their kind; a share of a pool says the pool, this one's part, all the parts and the division.
@Suite struct EnglishExplainWordsTests {
    /// An identifier as plans write them: letters joined by `_` (tier_commission, damage_cap_rate).
    static let identifier = try! NSRegularExpression(pattern: #"[A-Za-z0-9]+_[A-Za-z0-9_]+"#)

    static func identifiers(_ line: String) -> [String] {
        identifier.matches(in: line, range: NSRange(line.startIndex..., in: line)).map { String(line[Range($0.range, in: line)!]) }
    }

    /// Every visible per-agent figure of the three shipped scenarios, for every agent in March and
    /// December, explained in English to depth 2: no identifier anywhere in the sentences.
    @Test(arguments: [electronics, webAgency, onlineShop])
    func noIdentifierInAnyEnglishSentence(_ file: String) throws {
        let s = try Session(path: file)
        var checked = 0
        for rule in s.engine.plan.rules where rule.visible && rule.dimension.perAgent && !rule.dimension.perOrder && rule.dimension.grain == .month {
            for agent in s.workspace.agents {
                for month in ["2026-03", "2026-12"] {
                    let out = s.execute("explain \(agent.name).\(rule.name)[\(month)] --depth 2")
                    #expect(out.errors.isEmpty, "\(rule.name): \(out.text)")
                    for line in out.lines {
                        #expect(Self.identifiers(line).isEmpty, "\(agent.name).\(rule.name)[\(month)]: \(line)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    /// A label written in English is the name a plan author chose: it is used as written. 李雷's March
    /// tier commission is 2,573.00 (PlainExplainTests), so tier_check = 2 × 2,573.00 = 5,146.00.
    @Test func anEnglishLabelIsUsedAsWritten() throws {
        let s = try Session(path: electronics)
        run(s, "month tier_check \"Tier check\" = tier_commission * 2")
        #expect(run(s, "explain 李雷.tier_check[2026-03]")[0].hasPrefix("李雷's Tier check for 2026-03 is 5,146.00: "))
    }

    /// Parameters inside a sentence read by their kind: money to the fen (当地最低工资 2,740.00, not
    /// 2,740), a count or duration whole (账期天数 30), a rate as a percent (提成比例 2%), an unlabelled
    /// number as written (zz 5). 甲: pay 2,000; gap = max(0, 2,740 − 2,000) = 740.00;
    /// late = 30 days × 5 = 150; rate = 2% × 2,000 = 40.00.
    @Test func parametersReadByTheirKind() throws {
        let s = try Session()
        run(s, "set lang zh", "param minimum_wage \"当地最低工资\" = 2740", "param term_days \"账期天数\" = 30",
            "param rate \"提成比例\" = 2%", "param zz = 5", "input month pay \"应发工资\" default 0",
            "month gap \"差额\" = max(0, minimum_wage - pay)", "month late \"逾期\" = term_days * zz", "month cut \"提成\" = rate * pay",
            "agent add 甲", "甲.pay[2026-03] = 2000")
        let gap = run(s, "explain 甲.gap[2026-03]")[0]
        #expect(gap.hasPrefix("甲 2026年3月差额 740.00 元："))
        #expect(gap.contains("当地最低工资 2,740.00") && !gap.contains("2,740 "))
        let late = run(s, "explain 甲.late[2026-03]")[0]
        #expect(late.hasPrefix("甲 2026年3月逾期 150.00 元："))
        #expect(late.contains("账期天数 30") && !late.contains("30.00") && late.contains("zz 5") && !late.contains("5.00"))
        let cut = run(s, "explain 甲.cut[2026-03]")[0]
        #expect(cut == "甲 2026年3月提成 40.00 元：提成比例 2% × 应发工资 2,000.00。")
        s.language = .en
        #expect(run(s, "explain 甲.gap[2026-03]")[0].contains("minimum wage 2,740.00"))
    }

    /// A pool shared equally: 1,000.00 among the 3 agents on staff (戊 is not): 1,000 ÷ 3 = 333.333…;
    /// rounded down 333.33 each, 999.99 in all, and the fen left over goes to the first listed (甲, the
    /// remainders being equal): 甲 333.34, 乙 333.33, 丙 333.33, 戊 0.
    @Test func anEqualShareOfAPool() throws {
        let s = try Session()
        run(s, "set lang zh", "input team month pool_in \"提成池\" default 0", "attribute staffed \"在岗销售\" default yes",
            "month pool_share \"提成池分成\" = allocate(pool_in, if staffed then 1 else 0 over agents)",
            "agent add 甲", "agent add 乙", "agent add 丙", "agent add 戊 staffed=no", "pool_in[2026-03] = 1000")
        #expect(query(s, "甲.pool_share[2026-03]") == "333.34")
        #expect(run(s, "explain 甲.pool_share[2026-03]")[0]
                == "甲 2026年3月提成池分成 333.34 元：提成池 1,000.00 由在岗销售的 3 人平分：1,000.00 ÷ 3 = 约 333.33，分到分为 333.34（分到分后余下的分逐一分给余数最大的，这里多得 1 分）。")
        #expect(run(s, "explain 乙.pool_share[2026-03]")[0]
                == "乙 2026年3月提成池分成 333.33 元：提成池 1,000.00 由在岗销售的 3 人平分：1,000.00 ÷ 3 = 约 333.33，分到分为 333.33。")
        #expect(run(s, "explain 戊.pool_share[2026-03]")[0]
                == "戊 2026年3月提成池分成 0.00 元：提成池 1,000.00 由在岗销售的 3 人分摊，本人不参加分摊（在岗销售：否），所以为 0.00。")
        s.language = .en
        #expect(run(s, "explain 甲.pool_share[2026-03]")[0]
                == "甲's pool share for 2026-03 is 333.34: pool in 1,000.00 split equally among the 3 agents who are staffed: 1,000.00 ÷ 3 = about 333.33, to the fen 333.34 (the fen left over go one each to the largest remainders; this one gets one).")
    }

    /// A total shared over an agent's orders by weight: 10.00 over orders of 100 and 200: 10 × 100 ÷ 300
    /// = 3.333…, 10 × 200 ÷ 300 = 6.666…; rounded down 3.33 + 6.66 = 9.99, the fen left over to the larger
    /// remainder (A2's 0.0066… against A1's 0.0033…): A1 3.33, A2 6.67.
    @Test func aWeightedShareOverOrders() throws {
        let s = try Session()
        run(s, "set lang zh", "field amount \"金额\" default 0", "month c \"提成\" = 10",
            "order share \"提成份额\" = allocate(c, amount)", "agent add 甲",
            "order add A1 agent=甲 date=2026-03-02 amount=100", "order add A2 agent=甲 date=2026-03-05 amount=200")
        #expect(run(s, "explain A1.share")[0]
                == "订单 A1（甲）2026年3月提成份额 3.33 元：提成 10.00 按权重分摊：本笔 金额 100.00，共 300.00（2 笔订单）：10.00 × 100.00 ÷ 300.00 = 约 3.33，分到分为 3.33。")
        #expect(run(s, "explain A2.share")[0]
                == "订单 A2（甲）2026年3月提成份额 6.67 元：提成 10.00 按权重分摊：本笔 金额 200.00，共 300.00（2 笔订单）：10.00 × 200.00 ÷ 300.00 = 约 6.67，分到分为 6.67（分到分后余下的分逐一分给余数最大的，这里多得 1 分）。")
    }
}
