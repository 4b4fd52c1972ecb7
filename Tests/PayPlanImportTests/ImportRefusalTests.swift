import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanImport
@testable import PayPlanREPL

/// Fresh-user findings on imports (issue 14): a negative amount, an unclosed quote, a bad-row count that
/// disagreed with the reasons listed, and a performance file with more buyers than inquiries. Each is refused
/// with its row (in English and Chinese), and the workspace and the file are left as they were.
/// Plan A (scenarios/online-shop-cs.json): own_sales is the sum of the credited orders (amount − refund of
/// paid orders, rule A2/A3); conversion = buyers ÷ inquiries (A6).
@Suite struct ImportRefusalTests {
    static let taobaoHeader = "订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,退款金额,卖家备注,宝贝标题\n"

    /// Refuses `command` in both languages: the error has `en` (English) and `zh` (Chinese), and neither the
    /// workspace nor the file at `path` changed.
    func expectRefusedInBoth(_ command: String, path: String, en: [String], zh: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for language in [DisplayLanguage.en, .zh] {
            let s = try Session(path: onlineShop)
            s.language = language
            let before = s.workspace
            let out = s.execute(command)
            #expect(out.failed, "\(command) should fail", sourceLocation: sourceLocation)
            for part in language == .en ? en : zh {
                #expect(out.text.contains(part), "\(language): missing '\(part)' in: \(out.text)", sourceLocation: sourceLocation)
            }
            #expect(s.workspace == before, sourceLocation: sourceLocation)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, sourceLocation: sourceLocation)
        }
    }

    /// File-level import errors are typed (ImportError.Kind) and read in Chinese; the workspace and
    /// the file stay as they were.
    @Test func fileLevelErrorsReadInBothLanguages() throws {
        let empty = try tempFile(Data())
        try expectRefusedInBoth("orders import \(empty)", path: empty,
                                en: ["the file is empty: expected a header row such as 订单编号,业务员,签收日期,金额; nothing was imported"],
                                zh: ["文件是空的：应有一行表头，例如 订单编号,业务员,签收日期,金额；未导入任何内容"])
        let noAgent = try tempFile(Data("月份,询单人数\n2026-03,5\n".utf8))
        try expectRefusedInBoth("performance import \(noAgent)", path: noAgent,
                                en: ["no column names the agent (客服, or 客服昵称, 旺旺, 姓名, 工号); the file's columns are: 月份, 询单人数"],
                                zh: ["没有哪一列写着员工（「客服」、「客服昵称」、「旺旺」、「姓名」或「工号」）；文件的列为：「月份」、「询单人数」；未导入任何内容"])
        let badMap = try tempFile(Data("订单编号,金额\nT1,5\n".utf8))
        try expectRefusedInBoth("orders import \(badMap) --map 订单编号", path: badMap,
                                en: ["--map 订单编号: write COLUMN=FIELD pairs separated by commas"],
                                zh: ["--map 订单编号：请写用逗号分隔的 列名=字段 对，例如 --map 订单编号=id,业务员=agent,签收日期=date"])
    }

    // MARK: Negative amounts

    /// Every way of writing a negative amount or refund is a bad row with its row number, under a platform
    /// preset (the refund belongs in 退款金额) and in a file of one's own (a refund column to map).
    @Test func negativeAmountsAndRefundsAreBadRows() throws {
        let path = try tempFile(Data((Self.taobaoHeader
            + "N1,茶友1,-35.00,交易成功,2026/2/2 9:00,2026/2/2 9:05,0.00,CS01,茶\n"      // row 2: minus sign
            + "N2,茶友2,(12.00),交易成功,2026/2/3 9:00,2026/2/3 9:05,0.00,CS01,茶\n"     // row 3: accounting brackets
            + "N3,茶友3,100.00,交易成功,2026/2/4 9:00,2026/2/4 9:05,-5.00,CS01,茶\n"     // row 4: a negative refund
            + "N4,茶友4,\"¥-1,200\",交易成功,2026/2/5 9:00,2026/2/5 9:05,0.00,CS01,茶\n" // row 5: currency and grouping
            + "N5,茶友5,1200.00,交易成功,2026/2/6 9:00,2026/2/6 9:05,0.00,CS01,茶\n").utf8))
        try expectRefusedInBoth("orders import \(path) --format taobao", path: path, en: [
            "4 bad rows of 5; nothing was imported",
            "  row 2, column 买家实际支付金额: '-35.00' is negative: a refund is not an order with a negative amount; give it in 退款金额 as a positive amount on the paid order's own row",
            "  row 3, column 买家实际支付金额: '(12.00)' is negative",
            "  row 4, column 退款金额: '-5.00' is negative: a refund is written as a positive amount",
            "  row 5, column 买家实际支付金额: '¥-1,200' is negative",
        ], zh: [
            "5 行中有 4 行有误；未导入任何内容",
            "  第 2 行，列「买家实际支付金额」：'-35.00' 是负数：退款不是一笔负金额的订单；请把它以正数写在原付款订单那一行的「退款金额」列中",
            "  第 4 行，列「退款金额」：'-5.00' 是负数：退款金额应写成正数",
        ])
        // --skip-bad takes only N5: 小美's February sales are its 1,200.00 (commission 1% = 12.00).
        let s = try Session(path: onlineShop)
        let out = run(s, "orders import \(path) --format taobao --skip-bad")
        #expect(out[0].hasSuffix("5 rows read, 1 order added, 0 replaced, 0 unchanged, 4 skipped"))
        #expect(query(s, "小美.own_sales[2026-02]") == "1,200.00")
        #expect(s.workspace.order("N1") == nil && s.workspace.order("N3") == nil)

        // A file of one's own (plan C, 金额 → amount) has no refund column: the message says to map one.
        let own = try tempFile(Data("订单编号,业务员,签收日期,金额,利润\nG1,李雷,2026/3/2,-500,100\n".utf8))
        let c = try Session(path: electronics)
        let before = c.workspace
        let refused = c.execute("orders import \(own) --map 订单编号=id,业务员=agent,签收日期=date")
        #expect(refused.text.contains("1 bad row of 1; nothing was imported"))
        #expect(refused.text.contains("row 2, column 金额: '-500' is negative: a refund is not an order with a negative amount; give it in a refund column (e.g. --map 退款金额=refund) as a positive amount"))
        #expect(c.workspace == before)
        // Zero and positive amounts are not refused (a free gift order is 0.00).
        #expect(OrderImport.negativeReason("-1", field: "amount", refundColumn: nil).contains("negative"))
        let zero = try tempFile(Data("订单编号,业务员,签收日期,金额,利润\nG2,李雷,2026/3/2,0.00,0\n".utf8))
        #expect(run(c, "orders import \(zero) --map 订单编号=id,业务员=agent,签收日期=date")[0].hasSuffix("1 row read, 1 order added, 0 replaced, 0 unchanged, 0 skipped"))
    }

    /// `help import` says what a refund row means on each platform.
    @Test func helpImportSaysWhereRefundsGo() {
        let en = Help.text(topic: "import", language: .en).joined(separator: "\n")
        let zh = Help.text(topic: "import", language: .zh).joined(separator: "\n")
        #expect(en.contains("An amount or refund is never negative"), "\(en)")
        #expect(zh.contains("金额和退款都不能是负数"), "\(zh)")
    }

    // MARK: Unclosed quotes

    /// A quote that opens a cell and never closes is named with its row and column, not reported as the
    /// empty date of the row it swallowed; in every importer and wherever it is in the file.
    @Test func unclosedQuoteIsNamedWithItsRow() throws {
        // Row 3's title opens a quote that never closes: rows 4 and 5 (two lines) went into that cell.
        let middle = try tempFile(Data((Self.taobaoHeader
            + "Q1,茶友1,100.00,交易成功,2026/2/2 9:00,2026/2/2 9:05,0.00,CS01,茶\n"
            + "Q2,茶友2,200.00,交易成功,2026/2/3 9:00,2026/2/3 9:05,0.00,CS01,\"连衣裙, 夏季 新款\n"
            + "Q3,茶友3,300.00,交易成功,2026/2/4 9:00,2026/2/4 9:05,0.00,CS02,茶\n"
            + "Q4,茶友4,400.00,交易成功,2026/2/5 9:00,2026/2/5 9:05,0.00,CS02,茶\n").utf8))
        try expectRefusedInBoth("orders import \(middle) --format taobao", path: middle, en: [
            "\(middle): row 3, column 宝贝标题: a quote (\") opens the cell and is never closed, so the 2 lines after it were read into that one cell; close the quote, or write a quote inside a cell as two (\"\"); nothing was imported",
        ], zh: [
            "\(middle)：第 3 行，列「宝贝标题」：单元格以引号（\"）开头却没有结束引号，其后的 2 行都被读进了这一个单元格",
        ])
        let s = try Session(path: onlineShop)
        #expect(!s.execute("orders import \(middle) --format taobao").text.contains("the date is empty"))
        // --skip-bad does not take a file cut short: still refused.
        #expect(s.execute("orders import \(middle) --format taobao --skip-bad").failed)

        // Two unclosed quotes (an even count of quotes in all): the first is named.
        let two = try tempFile(Data((Self.taobaoHeader
            + "Q1,茶友1,100.00,交易成功,2026/2/2 9:00,2026/2/2 9:05,0.00,\"CS01,茶\n"
            + "Q2,茶友2,200.00,交易成功,2026/2/3 9:00,2026/2/3 9:05,0.00,CS01,\"茶\n"
            + "Q3,茶友3,300.00,交易成功,2026/2/4 9:00,2026/2/4 9:05,0.00,CS02,茶\n").utf8))
        expectRefused(s, "orders import \(two) --format taobao", "row 2, column 卖家备注: a quote (\") opens the cell and is never closed, so the 2 lines after it")

        // On the last line, with no line break after it.
        let last = try tempFile(Data((Self.taobaoHeader + "Q1,茶友1,100.00,交易成功,2026/2/2 9:00,2026/2/2 9:05,0.00,CS01,\"茶").utf8))
        expectRefused(s, "orders import \(last) --format taobao", "row 2, column 宝贝标题: a quote (\") opens the cell and is never closed, so the cell runs to the end of the file")

        // A generic import (plan C) and a performance file are read the same way.
        let c = try Session(path: electronics)
        let own = try tempFile(Data("订单编号,业务员,签收日期,金额,利润\nG1,李雷,2026/3/2,\"500,100\nG2,李雷,2026/3/3,600,100\n".utf8))
        expectRefused(c, "orders import \(own) --map 订单编号=id,业务员=agent,签收日期=date", "row 2, column 金额: a quote (\") opens the cell and is never closed, so the 1 line after it was read")
        let performance = try tempFile(Data("客服,月份,询单人数,最终付款人数\n小美,2026-02,100,\"60\n阿杰,2026-02,80,40\n".utf8), "客服绩效.csv")
        expectRefused(s, "performance import \(performance)", "row 2, column 最终付款人数: a quote (\") opens the cell and is never closed")

        // Quotes that close are fine, and a quote inside an unquoted cell is text (the CSV reader's reading).
        let fine = try tempFile(Data((Self.taobaoHeader
            + "Q1,茶友1,100.00,交易成功,2026/2/2 9:00,2026/2/2 9:05,0.00,CS01 5\",\"连衣裙, 夏季 \"\"新款\"\"\"\n"
            + "\"=\"\"Q2\"\"\",茶友2,200.00,交易成功,2026/2/3 9:00,2026/2/3 9:05,0.00,\"CS02\n改地址\",茶\n").utf8))
        run(s, "orders import \(fine) --format taobao")
        #expect(s.workspace.order("Q1")?.fields["note"] == .text("CS01 5\""))
        #expect(s.workspace.order("Q2")?.fields["note"] == .text("CS02\n改地址"))
        // 小美 100.00 (Q1), 阿杰 200.00 (Q2, credited by CS02 in its two-line note).
        #expect(query(s, "小美.own_sales[2026-02]") == "100.00")
        #expect(query(s, "阿杰.own_sales[2026-02]") == "200.00")
    }

    /// The scan agrees with the CSV reader on where records end: CRLF, CR, blank lines and quoted line breaks.
    @Test func quoteScanCountsRowsAsTheReaderDoes() throws {
        func unclosed(_ text: String) -> UnclosedQuote? {
            do { try OrderImport.checkQuotes(text, delimiter: 0x2C, header: ["a", "b"]); return nil } catch { return error as? UnclosedQuote }
        }
        #expect(unclosed("a,b\r\n1,2\r\n\r\n3,\"x") == UnclosedQuote(row: 4, column: "b", linesAfter: 0))
        #expect(unclosed("a,b\r1,\"x\ny\"\r3,\"z\n\n") == UnclosedQuote(row: 3, column: "b", linesAfter: 1))
        #expect(unclosed("a,b\n\"1\"\"\",2\n") == nil)
        #expect(unclosed("a,b\n1,2,\"x\n") == UnclosedQuote(row: 2, column: nil, linesAfter: 0))
        #expect(OrderImport.quotesAreOdd("a\"b") && !OrderImport.quotesAreOdd("\"a\""))
    }

    // MARK: Bad-row count and reasons

    /// The bad-row count is the number of rows listed: a row with several bad cells is one line naming each;
    /// past 20 rows, "… and N more rows" counts rows, not reasons.
    @Test func badRowCountAgreesWithTheRowsListed() throws {
        let c = try Session(path: electronics)
        let map = "--map 订单编号=id,业务员=agent,签收日期=date"
        let two = try tempFile(Data("订单编号,业务员,签收日期,金额,利润\nC1,李雷,2026-13-45,abc,100\nC2,S99,2026/3/2,5000,1000\nC3,李雷,2026/3/3,5000,1000\n".utf8))
        let before = c.workspace
        let out = c.execute("orders import \(two) \(map)")
        #expect(out.text.contains("2 bad rows of 3; nothing was imported"))
        let listed = out.text.split(separator: "\n").filter { $0.hasPrefix("  row ") }
        #expect(listed.count == 2, "\(out.text)")
        #expect(listed.first == "  row 2, column 签收日期: '2026-13-45' is not a date such as 2026-03-02 or 2026/3/2; column 金额: 'abc' is not an amount such as 12345.60, ¥12,345 or 12,345元")
        #expect(c.workspace == before)
        c.language = .zh
        // The row reasons are typed (ImportProblem.Kind) and read in Chinese, the workspace unchanged.
        let zh = c.execute("orders import \(two) \(map)").text
        #expect(zh.contains("  第 2 行，列「签收日期」：'2026-13-45' 不是日期，日期可写作 2026-03-02 或 2026/3/2；列「金额」：'abc' 不是金额，金额可写作 12345.60、¥12,345 或 12,345元"), "\(zh)")
        #expect(zh.contains("  第 3 行，列「业务员」：没有姓名或工号为 'S99' 的员工（员工："), "\(zh)")
        #expect(c.workspace == before)
        c.language = .en

        // 25 bad rows of two bad cells each (and one good row): 20 rows listed, then 5 more rows.
        var text = "订单编号,业务员,签收日期,金额,利润\n"
        for i in 1...25 { text += "D\(i),李雷,2026-13-45,abc,100\n" }
        text += "D26,李雷,2026/3/3,5000,1000\n"
        let many = try tempFile(Data(text.utf8))
        let refused = c.execute("orders import \(many) \(map)")
        #expect(refused.text.contains("25 bad rows of 26; nothing was imported"))
        #expect(refused.text.split(separator: "\n").filter { $0.hasPrefix("  row ") }.count == 20)
        #expect(refused.text.contains("  … and 5 more rows"))
        // --skip-bad says the same: 25 skipped, 20 rows listed and 5 more.
        let skipped = run(c, "orders import \(many) \(map) --skip-bad")
        #expect(skipped[0].hasSuffix("26 rows read, 1 order added, 0 replaced, 0 unchanged, 25 skipped"))
        #expect(skipped.filter { $0.hasPrefix("  row ") }.count == 20 && skipped.contains("  … and 5 more rows"))
    }

    // MARK: Performance: buyers and inquiries

    /// More paying buyers (最终付款人数) than inquiring buyers (询单人数) is a conversion above 100%: the row is
    /// refused with its number, whether both are in the row or one was entered before. Equal is 100%.
    @Test func moreBuyersThanInquiriesIsRefused() throws {
        let path = try tempFile(Data("""
            客服,月份,询单人数,询单->最终付款人数,首次响应(秒)
            小美,2026-02,100,500,12
            阿杰,2026-02,80,80,20
            小雨,2026-02,,50,30
            大伟,2026-02,0,1,40

            """.utf8), "客服绩效.csv")
        // 小雨 has 40 inquiries entered before the import: 50 buyers of 40 is refused too.
        func session(_ language: DisplayLanguage) throws -> Session {
            let s = try Session(path: onlineShop)
            run(s, "小雨.inquiries[2026-02] = 40")
            s.language = language
            return s
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for language in [DisplayLanguage.en, .zh] {
            let s = try session(language)
            let before = s.workspace
            let out = s.execute("performance import \(path)")
            #expect(out.failed)
            let expected = language == .en ? [
                "3 bad rows of 4; nothing was imported",
                "  row 2, column 询单->最终付款人数: 500 paying buyers is more than the 100 inquiring buyers (询单人数): a conversion above 100%",
                "  row 4, column 询单->最终付款人数: 50 paying buyers is more than the 40 inquiring buyers (询单人数)",
                "  row 5, column 询单->最终付款人数: 1 paying buyers is more than the 0 inquiring buyers (询单人数)",
            ] : [
                "4 行中有 3 行有误；未导入任何内容",
                "  第 2 行，列「询单->最终付款人数」：最终付款 500 人多于询单 100 人（询单人数）：转化率超过 100%",
            ]
            for part in expected { #expect(out.text.contains(part), "\(language): \(out.text)") }
            #expect(!out.text.contains("row 3"))
            #expect(s.workspace == before)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        // --skip-bad takes 阿杰's row: 80 of 80 is a conversion of 100.0%; 小美 has no figures for February.
        let s = try session(.en)
        run(s, "performance import \(path) --skip-bad")
        #expect(query(s, "阿杰.conversion_pct[2026-02]") == "100.00")
        #expect(query(s, "阿杰.first_response[2026-02]") == "20.00")
        let february = Period.month(Month(year: 2026, month: 2))
        #expect(s.workspace.input("buyers", agent: "小美", period: february) == nil)
        #expect(s.workspace.input("buyers", agent: "小雨", period: february) == nil)
        #expect(s.workspace.input("inquiries", agent: "小雨", period: february) == Fixed(40))
    }
}
