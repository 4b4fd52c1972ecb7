import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanImport
@testable import PayPlanREPL

/// `orders import --format taobao` and `performance import` on plan A (scenarios/online-shop-cs.json:
/// 小美 CS01, 阿杰 CS02, 小雨 CS03, 大伟 CS04 from 2026-03-02, 老周 AS01 after-sales; rate 1%,
/// attribution by 工号, first sales agent named). February 2026 has no shipped orders, so the
/// fixtures below are dated February and every figure is worked out by hand.
@Suite struct TaobaoImportTests {
    /// A Taobao seller order report as Excel on Chinese Windows saves it: GBK, stray spaces in the
    /// headers, ="…" order numbers, ¥ and 元 with thousands separators, a full-width comma in a status,
    /// 2026/2/2 9:05 dates, an unpaid order with no payment time, and the seller note as 卖家备注.
    static let february = """
         订单编号 ,买家会员名,买家实际支付金额,订单状态 ,订单创建时间,订单付款时间,退款金额,卖家备注 ,宝贝标题\r
        ="T001",茶友1,"¥1,200.00",交易成功,2026/2/2 9:00,2026/2/2 9:05,0.00,CS01;CS01,龙井\r
        ="T002",茶友2,"2,000.01元",买家已付款，等待卖家发货,2026/2/3 10:00,2026/2/3 10:01,0,改地址—CS02—2/4 14:20;CS01,紫砂壶\r
        ="T003",茶友3,300.00,交易成功,2026/2/5 11:00,2026/2/5 11:02,,CS09 成交,茶盘\r
        ="T004",茶友4,0.00,等待买家付款,2026/2/27 23:50,,0,CS03,白茶\r
        ="T005",茶友5,500.00,交易关闭,2026/2/6 9:00,2026/2/6 9:01,500.00,CS03,普洱\r
        ="T006",茶友6,327.70,交易成功,2026/2/7 9:00,2026/2/7 9:01,178.80,已核对地址—CS03—2/7,红茶\r
        ="T007",茶友7,"1,000.00",交易成功,2026/2/10 9:00,2026/2/10 9:01,0.00,CS02,金骏眉\r

        """

    func imported() throws -> (Session, String) {
        let s = try Session(path: onlineShop)
        let path = try tempFile(gb18030(Self.february))
        let out = run(s, "orders import \(path) --format taobao")
        #expect(out[0] == "imported \(path) (GB18030): 7 rows read, 7 orders added, 0 replaced, 0 unchanged, 0 skipped")
        #expect(out.contains("credited by the note (match id, mode first): 6 to agents, 1 silent (闷拍), 2 naming an unknown ID or conflicting agents (see attribution)"))
        return (s, path)
    }

    /// Re-importing the shipped export into the shipped scenario changes nothing; into the scenario
    /// without its orders it gives back exactly the orders the scenario holds.
    @Test func shippedExportReproducesTheScenario() throws {
        let s = try Session(path: onlineShop)
        let csv = repositoryRoot + "/scenarios/shop-orders-2026-03.csv"
        let out = run(s, "orders import \(csv) --format taobao")
        #expect(out[0] == "imported \(csv) (GB18030): 300 rows read, 0 orders added, 0 replaced, 300 unchanged, 0 skipped; nothing changed")
        #expect(s.workspace.orders.count == 300)
        #expect(query(s, "小美.own_sales[2026-03]") == "18,396.40")
        #expect(query(s, "silent_sales[2026-03]") == "10,720.10")

        let shipped = s.workspace.orders
        var empty = s.workspace
        empty.setOrders([])
        _ = s.commit(empty, label: "drop the orders")
        #expect(query(s, "小美.own_sales[2026-03]") == "0.00")
        #expect(run(s, "orders import \(csv) --format taobao")[0].hasSuffix("300 orders added, 0 replaced, 0 unchanged, 0 skipped"))
        #expect(s.workspace.orders == shipped)
        #expect(query(s, "小美.pay[2026-03]") == "3,210.76")
    }

    /// A GBK file: cleaning, the date falling back to the creation time, attribution by note with a
    /// duplicate ID, a conflict and an unknown ID (all in `attribution`), refunds and closed orders.
    @Test func gbkExportCreditedByNote() throws {
        let (s, _) = try imported()
        let t1 = try #require(s.workspace.order("T001"))
        #expect(t1.agent == "小美" && t1.date == Day(year: 2026, month: 2, day: 2))
        #expect(t1.fields["amount"] == .number(Fixed(1200)) && t1.fields["refund"] == nil)
        #expect(s.workspace.order("T002")?.fields["status"] == .text("买家已付款，等待卖家发货"))
        #expect(s.workspace.order("T003")?.agent == nil)
        // Never paid: dated by its creation time, credits nothing.
        #expect(s.workspace.order("T004")?.date == Day(year: 2026, month: 2, day: 27))
        #expect(query(s, "T004.credited") == "0.00")
        // 500 paid, 500 refunded (closed): 0. 327.70 paid, 178.80 refunded: 148.90.
        #expect(query(s, "T005.credited") == "0.00")
        #expect(query(s, "T006.credited") == "148.90")
        // 小美 1,200; 阿杰 2,000.01 + 1,000 (T002 names CS02 first); 小雨 148.90; silent 300.
        #expect(query(s, "小美.own_sales[2026-02]") == "1,200.00")
        #expect(query(s, "阿杰.own_sales[2026-02]") == "3,000.01")
        #expect(query(s, "小雨.own_sales[2026-02]") == "148.90")
        #expect(query(s, "silent_sales[2026-02]") == "300.00")
        let report = run(s, "attribution 2026-02")
        #expect(report.contains("orders to check (2):"))
        #expect(report.contains { $0.hasPrefix("T002") && $0.hasSuffix("conflicting sales agents: 阿杰, 小美") })
        #expect(report.contains { $0.hasPrefix("T003") && $0.hasSuffix("unknown ID CS09") })
        #expect(report.last == "1 note name the same agent twice (credited once); 0 name an after-sales agent (no credit)")
        // One undoable change.
        run(s, "undo")
        #expect(s.workspace.order("T001") == nil && query(s, "小美.own_sales[2026-02]") == "0.00")
    }

    /// An overlapping later export: orders are keyed by 订单编号, an order whose note changed is credited anew.
    @Test func overlappingReimportDoesNotDoubleCount() throws {
        let (s, first) = try imported()
        let second = try tempFile(gb18030("""
            订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,退款金额,卖家备注
            ="T002",茶友2,"2,000.01元",买家已付款，等待卖家发货,2026/2/3 10:00,2026/2/3 10:01,0,改地址—CS02—2/4 14:20;CS01
            ="T003",茶友3,300.00,交易成功,2026/2/5 11:00,2026/2/5 11:02,,CS09 成交;补记 CS02
            ="T008",茶友8,88.00,交易成功,2026/2/20 9:00,2026/2/20 9:01,,CS01

            """))
        #expect(run(s, "orders import \(second) --format taobao")[0].hasSuffix("3 rows read, 1 order added, 1 replaced, 1 unchanged, 0 skipped"))
        #expect(s.workspace.orders.filter { $0.date.month == 2 }.count == 8)
        // T003 now names CS02 (after the unknown CS09): 阿杰 3,000.01 + 300; 小美 1,200 + 88; no silent order.
        #expect(query(s, "阿杰.own_sales[2026-02]") == "3,300.01")
        #expect(query(s, "小美.own_sales[2026-02]") == "1,288.00")
        #expect(query(s, "silent_sales[2026-02]") == "0.00")
        // Both files again: nothing changes.
        #expect(run(s, "orders import \(first) --format taobao")[0].hasSuffix("0 orders added, 1 replaced, 6 unchanged, 0 skipped"))
        #expect(run(s, "orders import \(second) --format taobao")[0].hasSuffix("0 orders added, 1 replaced, 2 unchanged, 0 skipped"))
        #expect(run(s, "orders import \(second) --format taobao")[0].hasSuffix("0 orders added, 0 replaced, 3 unchanged, 0 skipped; nothing changed"))
        #expect(query(s, "阿杰.own_sales[2026-02]") == "3,300.01")
    }

    /// A refund that grows on a later import without 退款时间 is dated by --refunds-known and clawed
    /// back in that month; the paid month keeps what it had.
    @Test func laterRefundIsAClawbackInTheMonthItBecameKnown() throws {
        let (s, _) = try imported()
        let april = try tempFile(gb18030("""
            订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,退款金额,卖家备注
            ="T006",茶友6,327.70,交易关闭,2026/2/7 9:00,2026/2/7 9:01,327.70,已核对地址—CS03—2/7
            ="T007",茶友7,"1,000.00",交易成功,2026/2/10 9:00,2026/2/10 9:01,400.00,CS02

            """))
        // Without the day it became known, the rows are refused and nothing changes.
        let refused = s.execute("orders import \(april) --format taobao")
        #expect(refused.text.contains("2 bad rows of 2; nothing was imported"))
        #expect(refused.text.contains("row 3, column 退款金额: the refund of order T007 grew from 0.00 to 400.00 since the last import and the file has no 退款时间; give --refunds-known DATE"))
        #expect(s.workspace.order("T007")?.fields["refund"] == nil)

        #expect(run(s, "orders import \(april) --format taobao --refunds-known 2026-04-03")[0].hasSuffix("0 orders added, 2 replaced, 0 unchanged, 0 skipped"))
        // T007: February keeps 1,000; April claws back 400.
        #expect(query(s, "T007.credited") == "1,000.00")
        #expect(query(s, "T007.clawback") == "-400.00")
        #expect(query(s, "阿杰.own_sales[2026-02]") == "3,000.01")
        #expect(query(s, "阿杰.own_sales[2026-04]") == "-400.00")
        #expect(query(s, "阿杰.commission[2026-04]") == "-4.00")
        // T006: 178.80 was deducted in February; the other 148.90 comes back in April: −1.49 commission.
        #expect(query(s, "T006.credited") == "148.90")
        #expect(query(s, "T006.clawback") == "-148.90")
        #expect(query(s, "小雨.own_sales[2026-02]") == "148.90")
        #expect(query(s, "小雨.own_sales[2026-04]") == "-148.90")
        #expect(query(s, "小雨.commission[2026-04]") == "-1.49")
        // The same export again, with or without the option: nothing changes.
        #expect(run(s, "orders import \(april) --format taobao")[0].hasSuffix("2 unchanged, 0 skipped; nothing changed"))
        #expect(run(s, "orders import \(april) --format taobao --refunds-known 2026-04-20")[0].hasSuffix("2 unchanged, 0 skipped; nothing changed"))
        // A refund dated before the order is refused.
        let early = try tempFile(Data("订单编号,买家实际支付金额,订单付款时间,退款金额,卖家备注\nT001,1200,2026/2/2 9:05,100,CS01\n".utf8))
        #expect(s.execute("orders import \(early) --format taobao --refunds-known 2026-01-31").text.contains("the refund of order T001 is dated 2026-01-31, before the order (2026-02-02)"))
    }

    /// Under attribution_mode = "split" an order naming two agents is two orders, 订单编号#工号, split to
    /// the fen (the leftover fen to the lower ID); switching back and re-importing drops the parts.
    @Test func splitModeWritesOneOrderPerAgent() throws {
        let s = try Session(path: onlineShop)
        run(s, "param attribution_mode = \"split\"")
        let path = try tempFile(gb18030(Self.february))
        #expect(run(s, "orders import \(path) --format taobao").contains("credited by the note (match id, mode split): 6 to agents (1 split), 1 silent (闷拍), 1 naming an unknown ID or conflicting agents (see attribution)"))
        #expect(s.workspace.order("T002") == nil)
        // 2,000.01 in two: CS01 1,000.01, CS02 1,000.00.
        #expect(s.workspace.order("T002#CS01")?.agent == "小美")
        #expect(query(s, "\"T002#CS01\".credited") == "1,000.01")
        #expect(query(s, "\"T002#CS02\".credited") == "1,000.00")
        #expect(query(s, "小美.own_sales[2026-02]") == "2,200.01")
        #expect(query(s, "阿杰.own_sales[2026-02]") == "2,000.00")
        // attribution reads the parts as one order: nothing to check but the unknown ID.
        let report = run(s, "attribution 2026-02")
        #expect(report.contains("orders to check (1):"))
        // Back to first: the parts give way to one order at once (reactive attribution), so importing the
        // file again finds every order as it is.
        run(s, "param attribution_mode = \"first\"")
        #expect(s.workspace.order("T002")?.agent == "阿杰")
        #expect(run(s, "orders import \(path) --format taobao")[0].hasSuffix("0 orders added, 0 replaced, 7 unchanged, 0 skipped; nothing changed"))
        #expect(s.workspace.order("T002#CS01") == nil && s.workspace.order("T002#CS02") == nil)
        #expect(s.workspace.order("T002")?.agent == "阿杰")
        #expect(query(s, "阿杰.own_sales[2026-02]") == "3,000.01")
    }

    @Test func formatOptionErrors() throws {
        let s = try Session(path: onlineShop)
        let path = try tempFile(gb18030(Self.february))
        #expect(s.execute("orders import \(path) --format amazon").text.contains("the formats are taobao"))
        #expect(s.execute("orders import \(path) --format taobao --refunds-known soon").text.contains("--refunds-known soon: give the day"))
        #expect(s.execute("orders import \(path) --format taobao --map 买家会员名=agent").text.contains("map no column to agent"))
        #expect(s.workspace.order("T001") == nil)
    }
}

/// `performance import`: the customer-service performance file into inquiries, buyers, first_response
/// and avg_response, and the conversion grades they give.
@Suite struct PerformanceImportTests {
    @Test func gradesFromAPerformanceFile() throws {
        let s = try Session(path: onlineShop)
        // By name, by 工号, as 店铺:客服; times as 12s, 1分30秒, 0:25, 19秒; a totals row; a column the plan does not read.
        let path = try tempFile(gb18030("""
            客服,月份,询单人数,最终付款人数,首次响应时间,平均响应时间,询单转化率
            小美,2026-02,200,110,12s,1分30秒,55%
            CS02,2026/2,200,99,0:25,95,49.5%
            茶语轩:小雨,2026年2月,200,140,19秒,1m,70%
            合计,,600,349,,,

            """), "客服绩效.csv")
        let out = run(s, "performance import \(path)")
        #expect(out[0] == "imported \(path) (GB18030): 3 rows read, 3 agents in 2026-02, 12 figures set, 0 unchanged, 0 skipped")
        #expect(out[1] == "columns: 客服→agent, 月份→month, 询单人数→inquiries, 最终付款人数→buyers, 首次响应时间→first_response, 平均响应时间→avg_response; ignored: 询单转化率")
        // 110 of 200 = 55% pass; 99 of 200 = 49.5% fail; 140 of 200 = 70% excellent.
        #expect(query(s, "小美.conversion_pct[2026-02]") == "55.00")
        #expect(query(s, "小美.grade[2026-02]") == "合格")
        #expect(query(s, "阿杰.conversion_pct[2026-02]") == "49.50")
        #expect(query(s, "阿杰.grade[2026-02]") == "不合格")
        #expect(query(s, "小雨.conversion_pct[2026-02]") == "70.00")
        #expect(query(s, "小雨.grade[2026-02]") == "优秀")
        #expect(query(s, "小美.first_response[2026-02]") == "12.00")
        #expect(query(s, "小美.avg_response[2026-02]") == "90.00")
        #expect(query(s, "阿杰.first_response[2026-02]") == "25.00")
        #expect(query(s, "小雨.avg_response[2026-02]") == "60.00")
        #expect(query(s, "阿杰.first_reply_ok[2026-02]") == "yes")
        // Again: nothing changes. Undo takes the import back whole.
        #expect(run(s, "performance import \(path)")[0].hasSuffix("0 figures set, 12 unchanged, 0 skipped; nothing changed"))
        run(s, "undo")
        #expect(query(s, "小美.grade[2026-02]") == "—")
    }

    @Test func monthOptionBadRowsAndTheOrdersAlias() throws {
        let s = try Session(path: onlineShop)
        let path = try tempFile(Data("\u{FEFF}客服,询单人数,最终付款人数\nCS01,200,110\nCS09,50,20\n小雨,200,abc\n".utf8))
        let before = s.workspace
        #expect(s.execute("performance import \(path)").text.contains("the file has no 月份 or 日期 column: give the month with --month 2026-03"))
        let bad = s.execute("performance import \(path) --month 2026-02")
        #expect(bad.text.contains("2 bad rows of 3; nothing was imported"))
        #expect(bad.text.contains("row 3, column 客服: no agent named or with the ID 'CS09'"))
        #expect(bad.text.contains("row 4, column 最终付款人数: 'abc' is not a number or a time"))
        #expect(s.workspace == before)
        #expect(run(s, "orders import \(path) --format performance --month 2026-02 --skip-bad")[0]
            == "imported \(path) (UTF-8 with BOM): 3 rows read, 1 agent in 2026-02, 2 figures set, 0 unchanged, 2 skipped")
        #expect(query(s, "小美.grade[2026-02]") == "合格")
    }

    @Test func durations() {
        #expect(PerformanceImport.seconds("12s") == Fixed(12))
        #expect(PerformanceImport.seconds("1分30秒") == Fixed(90))
        #expect(PerformanceImport.seconds("1m30s") == Fixed(90))
        #expect(PerformanceImport.seconds("2分钟") == Fixed(120))
        #expect(PerformanceImport.seconds("1:05:00") == Fixed(3900))
        #expect(PerformanceImport.seconds("12.5秒") == Fixed(decimalText: "12.5"))
        #expect(PerformanceImport.seconds("soon") == nil)
        #expect(PerformanceImport.seconds("12x") == nil)
    }
}
