import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanImport
@testable import PayPlanREPL

/// Fresh-user finding H3 (issue 11): `orders import scenarios/shop-orders-2026-03.csv --format tmall-report`
/// on a Taobao seller export was accepted and credited 总金额 (before discounts) as the amount: 小美
/// 18,396.40 → 18,676.40, without a word. A `--format` whose export the file is not is refused, in both
/// languages, naming the columns that show which export it is and the format that reads it; the Tmall
/// report (whose header is a subset of the Taobao export's) is told apart by its amounts: its 买家实际支付金额
/// is 总金额 − 退款金额 on every row. The workspace and the file are unchanged by each refusal.
@Suite struct FormatFitTests {
    static let fixtures = repositoryRoot + "/Tests/PayPlanImportTests/Fixtures/"
    static let shopOrders = repositoryRoot + "/scenarios/shop-orders-2026-03.csv"

    /// `command` is refused with `en` in English and `zh` in Chinese (each the whole first line after the
    /// file name), the workspace and `file`'s bytes unchanged.
    func expectMisfit(_ command: String, file: String, en: String, zh: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let s = try Session(path: onlineShop)
        expectRefused(s, command, "\(file): " + en, sourceLocation: sourceLocation)
        #expect(s.execute(command).errors.first?.message == "\(file): " + en, sourceLocation: sourceLocation)
        s.language = .zh
        let before = s.workspace
        let out = s.execute(command)
        #expect(out.errors.first?.render().first == "错误：\(file)：" + zh, "\(out.text)", sourceLocation: sourceLocation)
        #expect(s.workspace == before, sourceLocation: sourceLocation)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes, sourceLocation: sourceLocation)
    }

    /// The shipped Taobao export (header read from the file: 订单编号, 买家会员名, 买家应付货款, 买家应付邮费,
    /// 总金额, 买家实际支付金额, 订单状态, 买家留言, 收货人姓名, 订单创建时间, 订单付款时间, 宝贝标题, 宝贝总数量,
    /// 订单备注, 退款金额, 订单关闭原因) under every other format: six of its columns are the Taobao export's own.
    @Test(arguments: ["tmall-report", "pdd", "jd", "douyin"])
    func aTaobaoExportUnderAnotherFormatIsRefused(_ format: String) throws {
        let columns = "买家应付货款, 买家应付邮费, 收货人姓名, 宝贝标题, 宝贝总数量, 订单关闭原因"
        try expectMisfit("orders import \(Self.shopOrders) --format \(format) --dry-run", file: Self.shopOrders,
                         en: "the file is not a --format \(format) export: its columns \(columns) are those of the Taobao/Tmall seller order export (ExportOrderList); read it with --format taobao; nothing was imported",
                         zh: "这个文件不是 --format \(format) 的导出：其中的列「\(columns.replacingOccurrences(of: ", ", with: "」、「"))」属于淘宝/天猫卖家订单导出（ExportOrderList）；请用 --format taobao 导入；未导入任何订单")
    }

    /// Each platform fixture under a format that is not its own names its own platform (the columns as the
    /// file writes them, in its order: Pinduoduo's with (元)).
    @Test func eachPlatformsExportUnderAnotherFormatNamesItsOwn() throws {
        try expectMisfit("orders import \(Self.fixtures)pdd-orders.csv --format jd", file: Self.fixtures + "pdd-orders.csv",
                         en: "the file is not a --format jd export: its columns 店铺优惠折扣(元), 平台优惠折扣(元), 用户实付金额(元), 商家实收金额(元), 拼单成功时间 are those of the Pinduoduo order export (订单查询); read it with --format pdd; nothing was imported",
                         zh: "这个文件不是 --format jd 的导出：其中的列「店铺优惠折扣(元)」、「平台优惠折扣(元)」、「用户实付金额(元)」、「商家实收金额(元)」、「拼单成功时间」属于拼多多订单导出（订单查询）；请用 --format pdd 导入；未导入任何订单")
        try expectMisfit("orders import \(Self.fixtures)jd-orders.csv --format taobao", file: Self.fixtures + "jd-orders.csv",
                         en: "the file is not a --format taobao export: its columns 京东价, 结算金额, 下单帐号, 商家备注等级, 付款确认时间 are those of the JD seller order export (订单管理); read it with --format jd; nothing was imported",
                         zh: "这个文件不是 --format taobao 的导出：其中的列「京东价」、「结算金额」、「下单帐号」、「商家备注等级」、「付款确认时间」属于京东商家订单导出（订单管理）；请用 --format jd 导入；未导入任何订单")
        try expectMisfit("orders import \(Self.fixtures)douyin-orders.csv --format tmall-report", file: Self.fixtures + "douyin-orders.csv",
                         en: "the file is not a --format tmall-report export: its columns 主订单编号, 子订单编号, 选购商品, 订单提交时间, 支付完成时间 are those of the Douyin shop (抖店) order export; read it with --format douyin; nothing was imported",
                         zh: "这个文件不是 --format tmall-report 的导出：其中的列「主订单编号」、「子订单编号」、「选购商品」、「订单提交时间」、「支付完成时间」属于抖店订单导出；请用 --format douyin 导入；未导入任何订单")
    }

    /// A file with only the Tmall report's columns, but whose paid amounts are not 总金额 − 退款金额:
    /// T1 78 − 0 = 78 (adds up), T2 398 − 0 = 398 but 388 paid, T3 200 − 50 = 150 but 200 paid (a Taobao
    /// export's paid amount is before its refund), T4 50 − 0 = 50 but 45 paid: 3 rows, the first T2 on row 3.
    /// Read as a Tmall report it would credit 398 and 50 where 388 and 45 were paid; refused, pointing to taobao.
    @Test func aTmallReportWhosePaidIsNotTotalLessRefundIsRefused() throws {
        let csv = "订单编号,总金额,买家实际支付金额,订单状态,订单付款时间,订单备注,退款金额\n"
            + "T1,78.00,78.00,交易成功,2026-02-02 10:00:00,CS01,0.00\n" + "T2,398.00,388.00,交易成功,2026-02-03 10:00:00,CS01,0.00\n"
            + "T3,200.00,200.00,交易成功,2026-02-04 10:00:00,CS01,50.00\n" + "T4,50.00,45.00,交易成功,2026-02-05 10:00:00,CS02,0.00\n"
        let file = try tempFile(Data(csv.utf8), "tmall-like.csv")
        try expectMisfit("orders import \(file) --format tmall-report", file: file,
                         en: "--format tmall-report reads 总金额 as the amount, since a Tmall report's 买家实际支付金额 is 总金额 − 退款金额; in this file it is not, on 3 rows (row 3: 总金额 398.00 − 退款金额 0.00 = 398.00, but 买家实际支付金额 388.00), so 总金额 would credit more than was paid; read it with --format taobao; nothing was imported",
                         zh: "--format tmall-report 把 总金额 当作金额，因为天猫报表的 买家实际支付金额 等于 总金额 − 退款金额；本文件有 3 行不是这样（第 3 行：总金额 398.00 − 退款金额 0.00 = 398.00，而 买家实际支付金额 为 388.00），按 总金额 计入会多于实付金额；请用 --format taobao 导入；未导入任何订单")
        // Read as Taobao (the paid amount less the refund): T2 388 − 0, T3 200 − 50 = 150, T4 45 − 0.
        let s = try Session(path: onlineShop)
        run(s, "orders import \(file) --format taobao")
        #expect(query(s, "T2.credited") == "388.00")
        #expect(query(s, "T3.credited") == "150.00")
        #expect(query(s, "T4.credited") == "45.00")
    }

    /// The real Tmall report fixture still imports under its format (PlatformPresetTests has its figures),
    /// and a file with no platform's columns is not refused for fit: the amount check still speaks.
    @Test func filesThatFitAreNotRefusedForFit() throws {
        let s = try Session(path: onlineShop)
        run(s, "orders import \(Self.fixtures)tmall-report.csv --format tmall-report --note none")
        let plain = try tempFile(Data("订单编号,订单状态,订单付款时间,订单备注\nX1,交易成功,2026-02-02 10:00:00,CS01\n".utf8), "plain.csv")
        expectRefused(try Session(path: onlineShop), "orders import \(plain) --format taobao",
                      "no column gives the amount paid (--format taobao looks for 买家实际支付金额, 实付金额, 买家实付金额)")
        // Every platform's own fixture fits its own format best.
        for (file, name) in [("taobao-ExportOrderList.csv", "taobao"), ("pdd-orders.csv", "pdd"), ("jd-orders.csv", "jd"), ("douyin-orders.csv", "douyin"), ("tmall-report.csv", "tmall-report")] {
            let data = try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + file))
            let header = try OrderImport.header(of: OrderImport.decode(data))
            #expect(PlatformPreset.named(name)!.betterFit(header: header) == nil, "\(file)")
        }
    }
}
