import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanImport
@testable import PayPlanREPL

/// `orders import --format taobao|tmall-report|pdd|jd|douyin` on plan A (scenarios/online-shop-cs.json:
/// 小美 CS01, 阿杰 CS02, 小雨 CS03 sales, attribution by 工号, first sales agent named). Each fixture in
/// Fixtures/ is in its platform's layout and encoding, dated February 2026 (no shipped orders), and every
/// figure below is worked out from the file by hand with plan A's order rules (A2, A4):
///   refunded = amount if closed (交易关闭) else min(refund, amount); credited = 0 if unpaid else amount − refunded.
@Suite struct PlatformPresetTests {
    static let fixtures = repositoryRoot + "/Tests/PayPlanImportTests/Fixtures/"

    /// One order as the test expects it: amount and refund (CNY), the agent credited, what `credited` gives.
    struct Expected { let id: String; let amount: String; let refund: String; let agent: String?; let credited: String }

    func importFixture(_ file: String, _ options: String) throws -> (Session, [String]) {
        let s = try Session(path: onlineShop)
        let out = s.execute("orders import \(Self.fixtures)\(file) \(options)")
        #expect(!out.failed, "\(out.text)")
        return (s, out.lines)
    }

    func check(_ s: Session, _ rows: [Expected], sourceLocation: SourceLocation = #_sourceLocation) {
        for e in rows {
            let o = s.workspace.order(e.id)
            #expect(o != nil, "order \(e.id) was not imported", sourceLocation: sourceLocation)
            guard let o else { continue }
            func money(_ key: String) -> String { if case .number(let n)? = o.fields[key] { n.moneyText } else { "0.00" } }
            #expect(money("amount") == e.amount, "\(e.id) amount", sourceLocation: sourceLocation)
            #expect(money("refund") == e.refund, "\(e.id) refund", sourceLocation: sourceLocation)
            #expect(o.agent == e.agent, "\(e.id) agent", sourceLocation: sourceLocation)
            #expect(query(s, "\(e.id).credited") == e.credited, "\(e.id) credited", sourceLocation: sourceLocation)
        }
    }

    /// Taobao ExportOrderList (GBK, ="…", 元, 卖家已发货，等待买家确认 with a full-width comma, header spaces).
    /// 订单备注 is the seller's memo; the buyer's 买家留言 "CS02 帮我包好" on order 1 must not credit 阿杰.
    @Test func taobaoExportOrderList() throws {
        let (s, lines) = try importFixture("taobao-ExportOrderList.csv", "--format taobao")
        check(s, [
            Expected(id: "2026021100000001", amount: "1,200.00", refund: "0.00", agent: "小美", credited: "1,200.00"),
            Expected(id: "2026021200000002", amount: "500.00", refund: "120.00", agent: "阿杰", credited: "380.00"),  // 500 − 120
            Expected(id: "2026021300000003", amount: "300.00", refund: "300.00", agent: "小雨", credited: "0.00"),    // 交易关闭
            Expected(id: "2026021400000004", amount: "0.00", refund: "0.00", agent: "小美", credited: "0.00"),       // 等待买家付款
            Expected(id: "2026021500000005", amount: "2,000.00", refund: "0.00", agent: nil, credited: "2,000.00"),  // note 无: silent
        ])
        // Paid orders 1 200 + 500 + 2 000 = 3 700, refunded 120; counted 3 580, of which the silent 2 000 is 55.9%.
        #expect(lines.contains("understood: 5 rows, 5 orders; paid 3,700.00, refunded 120.00, counted 3,580.00"))
        #expect(lines.contains("statuses: paid 3, unpaid 1, closed 1, refunded 0 (交易成功 2, 卖家已发货，等待买家确认 1, 交易关闭 1, 等待买家付款 1)"))
        #expect(lines.contains("credited: 小美 2 (1,200.00), 阿杰 1 (380.00), 小雨 1 (0.00), silent (闷拍) 1 (2,000.00); silent share 55.9% of 3,580.00 counted"))
        #expect(query(s, "小美.own_sales[2026-02]") == "1,200.00")
    }

    /// The public Tmall report: 买家实际支付金额 is already net of 退款金额. Read as Taobao, the refunds would be
    /// subtracted twice (order 2: 200 − 100 = 100 instead of 200): refused. tmall-report reads 总金额 − 退款金额.
    @Test func tmallReportRefundsAreNotSubtractedTwice() throws {
        let s = try Session(path: onlineShop)
        expectRefused(s, "orders import \(Self.fixtures)tmall-report.csv --format taobao --note none",
                      "the refunds look already netted: 买家实际支付金额 + 退款金额 = 总金额 on all 2 refunded rows, so subtracting 退款金额 again would count each refund twice; read it with --format tmall-report")
        let (t, lines) = try importFixture("tmall-report.csv", "--format tmall-report --note none")
        check(t, [
            Expected(id: "1", amount: "178.80", refund: "0.00", agent: nil, credited: "178.80"),
            Expected(id: "2", amount: "300.00", refund: "100.00", agent: nil, credited: "200.00"),  // = its 买家实际支付金额
            Expected(id: "3", amount: "150.00", refund: "150.00", agent: nil, credited: "0.00"),    // 实付 0, refunded in full
            Expected(id: "4", amount: "99.00", refund: "0.00", agent: nil, credited: "0.00"),       // 实付 0, no refund, no payment time: unpaid
        ])
        // 178.80 + 200.00 = 378.80, all silent (the report has no note column: --note none says so).
        #expect(query(t, "silent_sales[2026-02]") == "378.80")
        #expect(lines.contains("statuses: paid 2, unpaid 1, closed 0, refunded 1 (none 4)"))
    }

    /// Pinduoduo: UTF-8 with BOM, (元) headers; a 退款成功 order (in 订单状态 or in 售后状态) is not credited.
    @Test func pinduoduoRefundsInFullAreNotCredited() throws {
        let (s, lines) = try importFixture("pdd-orders.csv", "--format pdd")
        check(s, [
            Expected(id: "260210-111111111111111", amount: "90.00", refund: "0.00", agent: "小美", credited: "90.00"),
            Expected(id: "260211-222222222222222", amount: "200.00", refund: "0.00", agent: "阿杰", credited: "200.00"),
            Expected(id: "260212-333333333333333", amount: "300.00", refund: "300.00", agent: "小美", credited: "0.00"),  // 未发货，退款成功
            Expected(id: "260213-444444444444444", amount: "150.00", refund: "150.00", agent: "小雨", credited: "0.00"),  // 售后状态 退款成功
            Expected(id: "260214-555555555555555", amount: "50.00", refund: "0.00", agent: "阿杰", credited: "0.00"),    // 已取消
        ])
        #expect(lines.contains("understood: 5 rows, 5 orders; paid 740.00, refunded 450.00, counted 290.00"))  // 90+200+300+150; 300+150
        #expect(s.workspace.order("260212-333333333333333")?.fields["status"] == .text("交易关闭"))
    }

    /// JD: GBK; 商家备注 is the seller's note. The buyer's 订单备注 "请送到门卫 CS02" on order 01 and "CS01" on the
    /// cancelled order 03 credit nobody. Read as Taobao the file is refused (its columns are JD's), not imported as zeros.
    @Test func jdCreditsBySellerNoteNotBuyerRemark() throws {
        let (s, _) = try importFixture("jd-orders.csv", "--format jd")
        check(s, [
            Expected(id: "301122334401", amount: "268.00", refund: "0.00", agent: "小美", credited: "268.00"),
            Expected(id: "301122334402", amount: "150.00", refund: "0.00", agent: "小雨", credited: "150.00"),
            Expected(id: "301122334403", amount: "99.00", refund: "0.00", agent: nil, credited: "0.00"),      // 已取消, 商家备注 empty
            Expected(id: "301122334404", amount: "500.00", refund: "0.00", agent: "阿杰", credited: "500.00"),  // CS02;CS03, mode first
        ])
        #expect(s.workspace.order("301122334403")?.date == Day(year: 2026, month: 2, day: 17), "no payment time: the order date (下单时间)")
        let t = try Session(path: onlineShop)
        // The JD columns name the format that reads it (FormatFitTests); the amount check speaks for a file of no platform.
        expectRefused(t, "orders import \(Self.fixtures)jd-orders.csv --format taobao",
                      "the file is not a --format taobao export: its columns 京东价, 结算金额, 下单帐号, 商家备注等级, 付款确认时间 are those of the JD seller order export (订单管理); read it with --format jd")
    }

    /// Douyin: UTF-8 with BOM, "\t6917…" numbers, - for empty, one row per sub-order. Order …01 has two
    /// sub-orders, 58.00 kept and 80.00 refunded (售后 退款成功): amount 138.00, refund 80.00, credited 58.00.
    @Test func douyinSubOrdersMerge() throws {
        let (s, lines) = try importFixture("douyin-orders.csv", "--format douyin")
        check(s, [
            Expected(id: "6917000000000001", amount: "138.00", refund: "80.00", agent: "小美", credited: "58.00"),
            Expected(id: "6917000000000002", amount: "120.00", refund: "0.00", agent: "阿杰", credited: "120.00"),
            Expected(id: "6917000000000003", amount: "300.00", refund: "300.00", agent: "小雨", credited: "0.00"),  // 已关闭 after 退款成功
            Expected(id: "6917000000000004", amount: "25.00", refund: "0.00", agent: "小雨", credited: "0.00"),     // 待支付
        ])
        #expect(s.workspace.orders.filter { $0.id.hasPrefix("69170000000000") }.count == 4, "sub-orders are not orders of their own")
        #expect(s.workspace.order("6917000000000004")?.date == Day(year: 2026, month: 2, day: 23), "支付完成时间 '-': the submit time")
        // Paid: 138 + 120 + 300 (…03 was paid, then refunded in full) = 558; refunded 80 + 300 = 380; counted 178.
        #expect(lines.contains("understood: 5 rows, 4 orders (1 sub-order rows merged); paid 558.00, refunded 380.00, counted 178.00"))
        #expect(lines.contains("statuses: paid 2, unpaid 1, closed 0, refunded 1 (已完成 2, 已发货 1, 已关闭 1, 待支付 1)"))
    }

    /// A Taobao export whose seller-note column is missing or renamed: refused, not 2 silent orders.
    @Test func missingNoteColumnIsRefused() throws {
        let s = try Session(path: onlineShop)
        let before = try #require(try? Data(contentsOf: URL(fileURLWithPath: onlineShop)))
        expectRefused(s, "orders import \(Self.fixtures)taobao-missing-note.csv --format taobao",
                      "no seller-note column (--format taobao looks for 订单备注, 卖家备注, 商家备注), so every order would come in silent (闷拍) and credit nobody")
        // Naming the renamed column fixes it.
        let out = s.execute("orders import \(Self.fixtures)taobao-missing-note.csv --format taobao --note 卖家留言")
        #expect(!out.failed, "\(out.text)")
        #expect(s.workspace.order("2026021100000001")?.agent == "小美" && s.workspace.order("2026021200000002")?.agent == "阿杰")
        #expect(try Data(contentsOf: URL(fileURLWithPath: onlineShop)) == before, "the scenario file is not touched")
    }

    /// --note works without a preset: a hand-made sheet, mapped with --map, credited by its note column.
    @Test func noteColumnForAnyFormat() throws {
        let s = try Session(path: onlineShop)
        let path = try tempFile(Data("单号,金额,日期,经手\nH1,100.00,2026-02-03,CS03\nH2,50.00,2026-02-04,\n".utf8))
        run(s, "orders import \(path) --map 单号=id,金额=amount,日期=date --note 经手")
        #expect(s.workspace.order("H1")?.agent == "小雨")
        #expect(s.workspace.order("H2")?.agent == nil)
        #expect(query(s, "H1.credited") == "100.00")
        expectRefused(s, "orders import \(path) --map 单号=id,金额=amount,日期=date --note 备注", "--note 备注: the file has no such column")
    }

    /// A status the preset does not know is a bad row, never guessed.
    @Test func unknownStatusIsABadRow() throws {
        let s = try Session(path: onlineShop)
        let path = try tempFile(Data("\u{FEFF}订单号,订单状态,用户实付金额(元),支付时间,商家备注,售后状态\nP1,拒收中,10.00,2026-02-03 10:00:00,CS01,\n".utf8))
        expectRefused(s, "orders import \(path) --format pdd", "row 2, column 订单状态: '拒收中' is not a status --format pdd knows")
    }
}

/// A 赤兔/千牛 customer-service report with its real column names, and `--map` for the rest.
@Suite struct ChituPerformanceTests {
    @Test func realColumnNamesFillTheInputs() throws {
        let s = try Session(path: onlineShop)
        let file = PlatformPresetTests.fixtures + "chitu-performance.csv"
        let out = run(s, "performance import \(file)")
        #expect(out.contains("columns: 日期→month, 客服→agent, 询单人数→inquiries, 询单->最终付款人数→buyers, 首次响应(秒)→first_response, 平均响应(秒)→avg_response; ignored: 询单->最终付款转化率, 答问比"))
        // 小美: 100 inquiries, 60 paid → conversion 60/100 = 60.0%; 阿杰 (CS02): 40/80 = 50.0%.
        #expect(query(s, "小美.buyers[2026-02]") == "60.00" && query(s, "小美.first_response[2026-02]") == "12.00")
        #expect(query(s, "小美.avg_response[2026-02]") == "25.00")
        #expect(query(s, "小美.conversion_pct[2026-02]") == "60.00")
        #expect(query(s, "阿杰.conversion_pct[2026-02]") == "50.00")
        // --map sends a column the names don't cover to an input, and refuses a target that is not one.
        expectRefused(s, "performance import \(file) --map 答问比=nonsense", "--map 答问比=nonsense: nonsense is not a monthly input of the plan")
        expectRefused(s, "performance import \(file) --map 答问=bonus", "--map 答问=…: the file has no column 答问")
        let mapped = s.execute("performance import \(file) --map 询单->最终付款人数=-,询单人数=- --dry-run")
        #expect(mapped.failed == false)
        #expect(mapped.lines.contains { $0.hasPrefix("columns: 日期→month, 客服→agent, 首次响应(秒)→first_response") })
    }
}
