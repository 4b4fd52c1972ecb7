import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL


/// Plan A (rules.md A1–A8, issue 5) through the shipped scenario, every figure worked out by hand.
/// February 2026 has no shipped orders and three sales agents on staff (大伟, CS04, joins in March).
@Suite struct PlanATests {
    /// CS01 小美, CS02 阿杰, CS03 小雨 credited 10,000, 6,000 and 4,000 in February; silent orders 3,000.
    func february() throws -> Session {
        let s = try Session(path: onlineShop)
        run(s, "order add F1 agent=小美 date=2026-02-03 amount=10000 note=CS01",
            "order add F2 agent=阿杰 date=2026-02-04 amount=6000 note=CS02",
            "order add F3 agent=小雨 date=2026-02-05 amount=4000 note=CS03",
            "order add F4 date=2026-02-06 amount=3000")
        return s
    }

    @Test func individualCommission() throws {
        let s = try february()
        #expect(query(s, "sales_staff[2026-02]") == "3.00")
        #expect(query(s, "silent_sales[2026-02]") == "3,000.00")
        // Own 1% plus a third of 1% × 3,000: 100 + 10, 60 + 10, 40 + 10.
        #expect(query(s, "小美.commission[2026-02]") == "110.00")
        #expect(query(s, "阿杰.commission[2026-02]") == "70.00")
        #expect(query(s, "小雨.commission[2026-02]") == "50.00")
        #expect(query(s, "大伟.commission[2026-02]") == "0.00")
        #expect(query(s, "老周.commission[2026-02]") == "0.00")
        #expect(query(s, "小美.pay[2026-02]") == "3,110.00")
    }

    @Test func poolCommission() throws {
        let s = try february()
        run(s, "param commission_mode = \"pool\"")
        // 1% × 23,000 = 230.00 three ways; the leftover fen to the agents listed first.
        #expect(query(s, "pool_commission[2026-02]") == "230.00")
        #expect(query(s, "小美.commission[2026-02]") == "76.67")
        #expect(query(s, "阿杰.commission[2026-02]") == "76.67")
        #expect(query(s, "小雨.commission[2026-02]") == "76.66")
    }

    @Test func silentOrderModes() throws {
        let s = try february()
        run(s, "param silent_mode = \"exclude\"")
        #expect(query(s, "小美.commission[2026-02]") == "100.00")
        #expect(query(s, "阿杰.commission[2026-02]") == "60.00")
        #expect(query(s, "小雨.commission[2026-02]") == "40.00")
        // Rotation: February is month 1 counted from January (month 0), three on staff: the second in line.
        run(s, "param silent_mode = \"rotate\"")
        #expect(query(s, "小美.commission[2026-02]") == "100.00")
        #expect(query(s, "阿杰.commission[2026-02]") == "90.00")
        #expect(query(s, "小雨.commission[2026-02]") == "40.00")
        #expect(query(s, "阿杰.rotation_turn[2026-02]") == "yes")
        // Excluded from the pool too: 1% × 20,000 = 200.00 → 66.67, 66.67, 66.66.
        run(s, "param silent_mode = \"exclude\"", "param commission_mode = \"pool\"")
        #expect(query(s, "小雨.commission[2026-02]") == "66.66")
    }

    @Test func afterSalesPenalty() throws {
        let s = try february()
        run(s, "阿杰.after_sales_cost[2026-02] = 200")
        // Floor 1% × 6,000 = 60; 50% of the 140 above it.
        #expect(query(s, "阿杰.after_sales_floor[2026-02]") == "60.00")
        #expect(query(s, "阿杰.after_sales_penalty[2026-02]") == "70.00")
        #expect(query(s, "阿杰.pay[2026-02]") == "3,000.00") // 3,000 + 70 − 70
        run(s, "阿杰.after_sales_cost[2026-02] = 60")
        #expect(query(s, "阿杰.after_sales_penalty[2026-02]") == "0.00")
    }

    @Test func conversionGrades() throws {
        let s = try february()
        run(s, "小美.inquiries[2026-02] = 200", "小美.buyers[2026-02] = 110",
            "阿杰.inquiries[2026-02] = 200", "阿杰.buyers[2026-02] = 99",
            "小雨.inquiries[2026-02] = 200", "小雨.buyers[2026-02] = 140")
        #expect(query(s, "小美.conversion_pct[2026-02]") == "55.00")
        #expect(query(s, "小美.grade[2026-02]") == "合格")
        #expect(query(s, "阿杰.conversion_pct[2026-02]") == "49.50")
        #expect(query(s, "阿杰.grade[2026-02]") == "不合格")
        #expect(query(s, "小雨.conversion_pct[2026-02]") == "70.00")
        #expect(query(s, "小雨.grade[2026-02]") == "优秀")
        #expect(query(s, "老周.grade[2026-02]") == "—")
        // Not new: no dismissal flag for a fail.
        #expect(query(s, "阿杰.dismiss[2026-02]") == "no")
        // Grades scale commission only when switched on: fail 80%, excellent 110%.
        run(s, "param grade_affects_pay = yes")
        #expect(query(s, "阿杰.commission[2026-02]") == "56.00")
        #expect(query(s, "小雨.commission[2026-02]") == "55.00")
        #expect(query(s, "小美.commission[2026-02]") == "110.00")
    }

    @Test func newAgentFirstMonthAssessmentAndResponseFlags() throws {
        let s = try Session(path: onlineShop)
        // 大伟 joined 2026-03-02: 33 of 72 = 45.8%, a fail in the first month.
        #expect(query(s, "大伟.new_agent_assessment[2026-03]") == "yes")
        #expect(query(s, "大伟.grade[2026-03]") == "不合格")
        #expect(query(s, "大伟.dismiss[2026-03]") == "yes")
        #expect(query(s, "小美.new_agent_assessment[2026-03]") == "no")
        // A7: 41 s first reply, 210 s average: both missed; 小美 12 s and 45 s: both met.
        #expect(query(s, "大伟.first_reply_ok[2026-03]") == "no")
        #expect(query(s, "大伟.reply_ok[2026-03]") == "no")
        #expect(query(s, "小美.first_reply_ok[2026-03]") == "yes")
        #expect(query(s, "小美.reply_ok[2026-03]") == "yes")
        #expect(query(s, "小美.first_reply_ok[2026-02]") == "—")
    }

    @Test func refunds() throws {
        let s = try Session(path: onlineShop)
        run(s, "order add R1 agent=小美 date=2026-02-10 amount=500 refund=500 refund_date=2026-02-12 note=CS01",
            "order add R2 agent=小美 date=2026-02-11 amount=327.70 refund=178.80 note=CS01",
            "order add R3 agent=阿杰 date=2026-02-12 amount=1000 refund=400 refund_date=2026-04-03 note=CS02",
            "order add R4 agent=阿杰 date=2026-02-13 amount=800 status=交易关闭 note=CS02",
            "order add R5 agent=小雨 date=2026-02-14 amount=300 status=等待买家付款 note=CS03")
        #expect(query(s, "R1.credited") == "0.00")
        #expect(query(s, "R2.credited") == "148.90")
        // A refund known in April of a February order: February keeps it, April claws it back.
        #expect(query(s, "R3.credited") == "1,000.00")
        #expect(query(s, "R3.clawback") == "-400.00")
        #expect(query(s, "阿杰.own_sales[2026-02]") == "1,000.00")
        #expect(query(s, "阿杰.own_sales[2026-03]") == "14,150.90")
        #expect(query(s, "阿杰.own_sales[2026-04]") == "-400.00")
        #expect(query(s, "阿杰.commission[2026-04]") == "-4.00")
        #expect(query(s, "阿杰.pay[2026-04]") == "2,996.00")
        // Closed and unpaid orders count nothing.
        #expect(query(s, "R4.credited") == "0.00")
        #expect(query(s, "R5.credited") == "0.00")
        #expect(query(s, "小美.own_sales[2026-02]") == "148.90")
        #expect(query(s, "小雨.own_sales[2026-02]") == "0.00")
    }

    @Test func shippedMarch() throws {
        let s = try Session(path: onlineShop)
        #expect(query(s, "小美.own_sales[2026-03]") == "18,396.40")
        #expect(query(s, "silent_sales[2026-03]") == "10,720.10")
        // 1% × 10,720.10 = 107.20 four ways: 26.80 each.
        #expect(query(s, "silent_commission[2026-03]") == "107.20")
        #expect(query(s, "小美.silent_share[2026-03]") == "26.80")
        // 183.96 + 26.80; pay 3,000 + 210.76.
        #expect(query(s, "小美.commission[2026-03]") == "210.76")
        #expect(query(s, "小美.pay[2026-03]") == "3,210.76")
        // 阿杰: floor 1% × 14,150.90 = 141.509; (260 − 141.509) × 50% = 59.2455 → 59.25.
        #expect(query(s, "阿杰.after_sales_penalty[2026-03]") == "59.25")
        #expect(query(s, "阿杰.pay[2026-03]") == "3,109.06")
        // A8: the main account takes 140 of 404 inquiries.
        #expect(query(s, "main_account_share[2026-03]") == "0.3465")
    }

    @Test func attributionReport() throws {
        let s = try Session(path: onlineShop)
        let lines = run(s, "attribution 2026-03")
        #expect(lines.first == "attribution — 2026-03 (match id, mode first)")
        #expect(lines.contains { $0.hasPrefix("小美") && $0.hasSuffix("95  18,396.40") })
        #expect(lines.contains { $0.hasPrefix("silent (闷拍)") && $0.hasSuffix("45  10,720.10") })
        #expect(lines.contains("orders to check (14):"))
        #expect(lines.filter { $0.hasSuffix("unknown ID CS07") }.count == 5)
        #expect(lines.filter { $0.hasSuffix("conflicting sales agents: 阿杰, 大伟") }.count == 3)
        // Hand-made cases: a duplicate ID, a conflict, an unknown ID, and an order credited against its note.
        run(s, "order add N1 agent=小美 date=2026-02-01 amount=10 note=CS01;CS01",
            "order add N2 agent=阿杰 date=2026-02-01 amount=10 note=改地址—CS02—2/5;CS01",
            "order add N3 date=2026-02-01 amount=10 note=CS09",
            "order add N4 agent=小雨 date=2026-02-01 amount=10 note=CS01")
        let feb = run(s, "attribution 2026-02")
        #expect(feb.contains("orders to check (3):"))
        #expect(feb.contains { $0.hasPrefix("N2") && $0.hasSuffix("conflicting sales agents: 阿杰, 小美") })
        #expect(feb.contains { $0.hasPrefix("N3") && $0.hasSuffix("unknown ID CS09") })
        #expect(feb.contains { $0.hasPrefix("N4") && $0.hasSuffix("credited to 小雨, the note says 小美") })
        #expect(feb.last == "1 note name the same agent twice (credited once); 0 name an after-sales agent (no credit)")
        // The settings are the scenario's, and credit follows them at once: under last, N2 goes to 小美 and is
        // still a conflict; N4, entered for 小雨 against its note, is credited as its note says.
        run(s, "param attribution_mode = \"last\"")
        #expect(s.workspace.order("N2")?.agent == "小美" && s.workspace.order("N4")?.agent == "小美")
        let last = run(s, "attribution 2026-02")
        #expect(last.contains { $0.hasPrefix("N2") && $0.hasSuffix("conflicting sales agents: 阿杰, 小美") })
        #expect(!last.contains { $0.contains("the note says") })
        run(s, "param attribution_mode = \"sideways\"")
        #expect(!s.execute("attribution").errors.isEmpty)
    }

    /// A mistyped switch is an error value naming the allowed words, not a silent fallback; the shipped
    /// plan's own text is Chinese (fresh-user M3: it reached the 工资条 in English).
    @Test func mistypedSwitchesAreErrorValues() throws {
        let s = try february()
        run(s, "param commission_mode = \"poool\"")
        #expect(query(s, "小美.commission[2026-02]") == "#ERROR")
        #expect(s.execute("小美.pay[2026-02]").lines.contains { $0.contains("commission_mode 只能是 individual 或 pool") })
        run(s, "param commission_mode = \"pool\"", "param silent_mode = \"splitt\"")
        #expect(s.execute("阿杰.pay[2026-02]").lines.contains { $0.contains("silent_mode 只能是 split、exclude 或 rotate") })
        run(s, "param silent_mode = \"split\"")
        #expect(query(s, "小美.commission[2026-02]") == "76.67")
    }

    @Test func shippedScenarioSavesBackByteForByte() throws {
        let s = try Session(path: onlineShop)
        let path = NSTemporaryDirectory() + "payplan-resave-\(UUID().uuidString).json"
        run(s, "save \(path)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: onlineShop)))
    }
}
