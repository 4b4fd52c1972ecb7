import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Fresh-user report 6 (issue 11), M-D and the LOW findings on typed input: each said what is wrong,
/// in en and zh, with the workspace (and the file) unchanged on a refusal.
/// - M-D: `李雷.pay[2026-03] --x` said "expected ']' after the period" with the caret at the end, though `]` is there.
/// - `statement 小美，2026-03` (a full-width comma) got only the usage line; `小美.pay（2026-03）` said unknown command.
/// - `offer sales 6万 base=1e30` said "expected an amount", where an input's 1e30 says payplan does not read exponents.
/// - `save adir` / `--out adir` said "it is not a regular file", where an import says the name is a folder.
/// - A Taobao refund larger than the payment was counted as the payment without a word.
@Suite struct FreshUserRoundSixTests {
    @Test func textAfterAPeriodIsNamedNotAMissingBracket() throws {
        let s = try Session(path: electronics)
        try expectRefusedInBoth(s, "李雷.pay[2026-03] --x",
                                en: "'--x' after 李雷.pay[2026-03] is not part of it: write the figure alone (李雷.pay[2026-03]), or explain 李雷.pay[2026-03] for why it is what it is",
                                zh: "李雷.pay[2026-03] 后面的 '--x' 不属于它：只写数字本身（李雷.pay[2026-03]），或用 explain 李雷.pay[2026-03] 查看来历", file: nil)
        // The caret is under --x: characters 16–18 of the line (李雷.pay[2026-03] is 15 characters, then a space).
        #expect(s.execute("李雷.pay[2026-03] --x").errors.first?.range == 16..<19)
        // Before an = too: the input is not set.
        try expectRefusedInBoth(s, "李雷.sales[2026-03] x = 5万",
                                en: "'x' after 李雷.sales[2026-03] is not part of it: write the figure alone (李雷.sales[2026-03]), or explain 李雷.sales[2026-03] for why it is what it is",
                                zh: "李雷.sales[2026-03] 后面的 'x' 不属于它：只写数字本身（李雷.sales[2026-03]），或用 explain 李雷.sales[2026-03] 查看来历", file: nil)
        // A missing ] is still said as one, and a ] too many names the period.
        expectRefused(s, "李雷.pay[2026-03", "expected ']' after the period")
        expectRefused(s, "李雷.pay[2026-03]]", "'2026-03]' is not a period")
        // C3: 李雷 March 5,573.00 (R 119,100: 2% × 100,000 + 3% × 19,100 = 2,573, plus base 3,000).
        #expect(query(s, "李雷.pay[2026-03]") == "5,573.00")
    }

    @Test func aPeriodInRoundBracketsSaysToUseSquareOnes() throws {
        let s = try Session(path: onlineShop)
        // The input method's （） are read as ( ) before the command is read.
        try expectRefusedInBoth(s, "小美.pay（2026-03）",
                                en: "'小美.pay(2026-03)': a period is written in [ ], not ( ): 小美.pay[2026-03]",
                                zh: "'小美.pay(2026-03)'：期间请用 [ ]，不用 ( )：请写 小美.pay[2026-03]", file: nil)
        try expectRefusedInBoth(s, "小美.inquiries(2026-03) = 500",
                                en: "'小美.inquiries(2026-03)': a period is written in [ ], not ( ): 小美.inquiries[2026-03]",
                                zh: "'小美.inquiries(2026-03)'：期间请用 [ ]，不用 ( )：请写 小美.inquiries[2026-03]", file: nil)
        // Something in brackets that is no period is still an unknown command.
        expectRefused(s, "小美.pay(三月)", "unknown command")
    }

    @Test func aStatementWithAChineseCommaIsTheStatement() throws {
        let s = try Session(path: onlineShop)
        let plain = s.execute("statement 小美 2026-03")
        #expect(!plain.failed)
        for typed in ["statement 小美，2026-03", "statement 小美, 2026-03", "statement 小美 ，2026-03"] {
            let out = s.execute(typed)
            #expect(!out.failed && out.lines == plain.lines, "\(typed): \(out.text)")
        }
        // Three words are still refused with the usage.
        expectRefused(s, "statement 小美，2026-03，2026-04", "write statement AGENT PERIOD")
    }

    @Test func anExponentForBaseOrAnAmountFieldSaysPayplanDoesNotReadThem() throws {
        let (dir, file) = try scenarioCopy(electronics, label: "fresh-user-6")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Session(path: file)
        let exponent = "'1e30' is not a number: payplan does not read exponents; write the amount out, e.g. 100000 or 10万 (amounts go up to 10²⁶)"
        let exponentZh = "'1e30' 不是数字：payplan 不读科学计数法；请把金额写全，例如 100000 或 10万（金额最大到 10²⁶）"
        for command in ["offer sales 6万 base=1e30", "agent set 李雷 base=1e30", "agent add 新 hired=2026-01-01 base=1e30"] {
            try expectRefusedInBoth(s, command, en: "base=1e30: " + exponent, zh: "base=1e30：" + exponentZh, file: file)
        }
        try expectRefusedInBoth(s, "order add T1 agent=李雷 date=2026-04-02 amount=1e30",
                                en: "amount=1e30: " + exponent, zh: "amount=1e30：" + exponentZh, file: file)
        // As an input's: the same words.
        expectRefused(s, "李雷.sales[2026-03] = 1e30", exponent)
        #expect(!s.isDirty)
    }

    @Test func savingOrWritingToAFolderSaysItIsOne() throws {
        let (dir, file) = try scenarioCopy(electronics, label: "fresh-user-6")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = dir + "/adir"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let s = try Session(path: file)
        run(s, "李雷.sales[2026-03] = 15万")
        try expectRefusedInBoth(s, "save \(folder)",
                                en: "cannot write \(folder): it is a folder, not a file: write the name of a file in it; the workspace is unchanged and no file was replaced",
                                zh: "无法写入 \(folder)：它是文件夹，不是文件：请写其中的一个文件名；工作区未改变，没有替换任何文件", file: file)
        #expect(s.path == file && s.isDirty)
        let r = said(s, "statement 李雷 2026-03 --out \(folder)")
        #expect(r.failed && r.en == "cannot write \(folder): it is a folder, not a file: write the name of a file in it; no statement was written", "\(r.en)")
        #expect(r.zh.hasPrefix("无法写入 \(folder)：它是文件夹，不是文件：请写其中的一个文件名"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    /// A Taobao export where a paid 268.00 order's 退款金额 is 99,999: the import says so. Plan A (A2) credits
    /// amount − min(refund, amount) = 268 − 268 = 0 for it, and the other order's 78.00 in full: 78.00 in all.
    @Test func aRefundAboveThePaymentIsSaid() throws {
        let dir = tempDir("fresh-user-6")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: onlineShop))) as? [String: Any])
        json["orders"] = []
        let file = dir + "/s.json"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
        let header = "订单编号,买家会员名,买家应付货款,买家应付邮费,总金额,买家实际支付金额,订单状态,订单创建时间,订单付款时间,订单备注,退款金额"
        let csv = [header,
                   "T1,tb1,70.00,8.00,78.00,78.00,交易成功,2026-03-10 10:00:00,2026-03-10 10:01:00,CS01,0.00",
                   "T2,tb2,268.00,0.00,268.00,268.00,交易成功,2026-03-11 10:00:00,2026-03-11 10:01:00,CS01,99999.00"].joined(separator: "\n") + "\n"
        try csv.write(toFile: dir + "/t.csv", atomically: true, encoding: .utf8)
        for lang in DisplayLanguage.allCases {
            let s = try Session(path: file)
            s.language = lang
            let out = s.execute("orders import \(dir)/t.csv --format taobao")
            #expect(!out.failed, "\(out.text)")
            let said = lang == .en
                ? "note: 1 order's refund is more than the payment (order T2: refund 99,999.00, paid 268.00); payplan counts at most the payment, so check the export"
                : "注意：1 笔订单的退款金额大于实付金额（订单 T2：退款 99,999.00，实付 268.00）；payplan 最多按实付金额计，请核对导出文件"
            #expect(out.lines.contains(said), "\(out.lines)")
            #expect(query(s, "T2.credited") == "0.00")
            #expect(query(s, "T1.credited") == "78.00")
        }
    }
}
