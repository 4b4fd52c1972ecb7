import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport
import PayPlan
@testable import PayPlanImport
@testable import PayPlanREPL

/// `text` encoded as GB18030 (what Excel on Chinese Windows saves), through iconv.
func gb18030(_ text: String) -> Data {
    let cd = iconv_open("GB18030", "UTF-8")
    precondition(cd != iconv_t(bitPattern: -1))
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    var inLeft = input.count, outLeft = output.count
    let r = input.withUnsafeMutableBufferPointer { i in
        output.withUnsafeMutableBufferPointer { o in
            var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(i.baseAddress!).assumingMemoryBound(to: CChar.self)
            var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(o.baseAddress!).assumingMemoryBound(to: CChar.self)
            return iconv(cd, &ip, &inLeft, &op, &outLeft)
        }
    }
    precondition(r != -1)
    return Data(output[0..<(output.count - outLeft)])
}

/// `orders import`: encodings, cleaning, mappings, bad rows, re-imports and undo, on plan C
/// (the shipped scenario) with an extra salesperson 甲 (ID E01, base 3000, long employed).
/// Every figure is worked out by hand from rules.md.
@Suite struct OrderImportTests {
    func session() throws -> Session {
        let s = try Session(path: electronics)
        run(s, "agent add 甲 id=E01 base=3000 hired=2020-01-01")
        return s
    }

    let map = "--map 订单编号=id,业务员=agent,签收日期=date"

    @Test func gbkFileFromChineseWindows() throws {
        let text = "订单编号,业务员,签收日期,付款方式,金额,利润,回款日期,备注\r\n"
            + "G1,甲,2026/3/2,cash,\"¥30,000.00\",\"4,500\",2026/3/3 9:05,现金，当天送货\r\n"
            + "G2,E01,2026/3/10,net30,40000元,\"14,000.00\",2026/4/1 16:40,\"月结客户\n分两批发货\"\r\n"
        let data = gb18030(text)
        #expect(String(validating: [UInt8](data), as: UTF8.self) == nil) // really not UTF-8
        let s = try session()
        let path = try tempFile(data)
        let out = run(s, "orders import \(path) \(map),备注=note")
        #expect(out[0] == "imported \(path) (GB18030): 2 rows read, 2 orders added, 0 replaced, 0 unchanged, 0 skipped")
        #expect(s.workspace.order("G2")?.agent == "甲") // by employee ID
        #expect(s.workspace.order("G2")?.fields["note"] == .text("月结客户\n分两批发货"))
        #expect(s.workspace.order("G1")?.fields["note"] == .text("现金，当天送货"))
        // R = 30,000 + 40,000 = 70,000 → 2% = 1,400.00; G2's margin 35% ≥ 2 × 15% adds 1 point of 40,000 = 400.00;
        // G2 paid 04-01, 8 days before its due date 04-09: no early bonus. Pay 3,000 + 1,800.00.
        #expect(query(s, "甲.order_sales[2026-03]") == "70,000.00")
        #expect(query(s, "甲.commission[2026-03]") == "1,800.00")
        #expect(query(s, "甲.pay[2026-03]") == "4,800.00")
        // One undoable change.
        #expect(run(s, "undo").first == "undid orders import \(path)")
        #expect(s.workspace.order("G1") == nil && s.workspace.order("G2") == nil)
    }

    @Test func utf8WithBOMSpreadsheetCleaning() throws {
        // A BOM, headers with stray spaces, ="…" order numbers, money with ¥, 元 and commas, dates with times.
        let text = "\u{FEFF} 订单编号 ,业务员 , 签收日期,金额 ,利润\r\n"
            + "=\"2026030212345\",甲,2026/03/02,\"¥1,234.50\",200\r\n"
            + "\"=\"\"2026030500001\"\"\", 甲 ,2026-03-05 14:30,\"12,000元\",\"￥1,800\"\r\n"
            + "\r\n"
        let s = try session()
        let path = try tempFile(Data(text.utf8))
        let out = run(s, "orders import \(path) \(map)")
        #expect(out[0] == "imported \(path) (UTF-8 with BOM): 2 rows read, 2 orders added, 0 replaced, 0 unchanged, 0 skipped")
        let a = try #require(s.workspace.order("2026030212345"))
        #expect(a.date == Day(year: 2026, month: 3, day: 2))
        #expect(a.fields["amount"] == .number(Fixed(decimalText: "1234.5")!))
        let b = try #require(s.workspace.order("2026030500001"))
        #expect(b.date == Day(year: 2026, month: 3, day: 5))
        #expect(b.fields["amount"] == .number(12000) && b.fields["profit"] == .number(1800))
        // Both cash, margins 16.2% and 15%: counted. 1,234.50 + 12,000 = 13,234.50.
        #expect(query(s, "甲.order_sales[2026-03]") == "13,234.50")
    }

    /// Rows 3 and 4 are bad; the header is row 1.
    let withBadRows = "订单编号,业务员,签收日期,金额,利润\n"
        + "B1,甲,2026/3/2,\"10,000\",2000\n"
        + "B2,甲,2026/3/3,\"12,34x\",2000\n"
        + "B3,S99,2026/3/4,5000,1000\n"
        + "B4,甲,2026/3/31 23:59,\"8,000.00\",1600\n"

    @Test func aBadRowStopsTheImport() throws {
        let s = try session()
        let before = s.workspace
        let path = try tempFile(Data(withBadRows.utf8))
        let out = s.execute("orders import \(path) \(map)")
        #expect(out.failed)
        #expect(out.text.contains("2 bad rows of 4; nothing was imported (--skip-bad imports the other rows)"))
        #expect(out.text.contains("row 3, column 金额: '12,34x' is not an amount such as 12345.60, ¥12,345 or 12,345元"))
        #expect(out.text.contains("row 4, column 业务员: no agent named or with the ID 'S99'"))
        #expect(s.workspace == before)
        #expect(query(s, "甲.order_sales[2026-03]") == "0.00")
    }

    /// A row with two bad cells reports both, on its one line, and counts as one bad row.
    @Test func everyBadCellOfARowIsReported() throws {
        let s = try session()
        let path = try tempFile(Data("订单编号,业务员,签收日期,金额,利润\nC1,甲,2026-13-45,abc,100\nC2,甲,2026/3/2,5000,1000\n".utf8))
        let out = s.execute("orders import \(path) \(map)")
        #expect(out.text.contains("1 bad row of 2; nothing was imported"))
        #expect(out.text.contains("row 2, column 签收日期: '2026-13-45' is not a date"))
        #expect(out.text.contains("; column 金额: 'abc' is not an amount"))
    }

    @Test func skipBadImportsTheRestAndListsTheSkipped() throws {
        let s = try session()
        let path = try tempFile(Data(withBadRows.utf8))
        let out = run(s, "orders import \(path) \(map) --skip-bad")
        #expect(out[0] == "imported \(path) (UTF-8): 4 rows read, 2 orders added, 0 replaced, 0 unchanged, 2 skipped")
        #expect(out.contains("skipped:"))
        #expect(out.contains("  row 3, column 金额: '12,34x' is not an amount such as 12345.60, ¥12,345 or 12,345元"))
        #expect(out.contains { $0.hasPrefix("  row 4, column 业务员: no agent named or with the ID 'S99'") })
        // B1 and B4 (a time on the last day still counts in March): 10,000 + 8,000.
        #expect(query(s, "甲.order_sales[2026-03]") == "18,000.00")
        #expect(s.workspace.order("B2") == nil && s.workspace.order("B3") == nil)
    }

    @Test func overlappingReimportDoesNotDoubleCount() throws {
        let s = try session()
        let first = try tempFile(Data("订单编号,业务员,签收日期,金额,利润\nR1,甲,2026/3/2,10000,2000\nR2,甲,2026/3/9,20000,4000\n".utf8))
        let second = try tempFile(Data("订单编号,业务员,签收日期,金额,利润\nR2,甲,2026/3/9,25000,5000\nR3,甲,2026/3/16,15000,3000\n".utf8))
        run(s, "orders import \(first) \(map)")
        #expect(query(s, "甲.order_sales[2026-03]") == "30,000.00")
        let out = run(s, "orders import \(second) \(map)")
        #expect(out[0] == "imported \(second) (UTF-8): 2 rows read, 1 order added, 1 replaced, 0 unchanged, 0 skipped")
        // R1 10,000 + R2 as amended 25,000 + R3 15,000 = 50,000, not 75,000.
        #expect(query(s, "甲.order_sales[2026-03]") == "50,000.00")
        #expect(s.workspace.orders.filter { $0.agent == "甲" }.count == 3)
        // The same file again changes nothing.
        #expect(run(s, "orders import \(second) \(map)")[0].hasSuffix("0 orders added, 0 replaced, 2 unchanged, 0 skipped; nothing changed"))
        // Undo takes back the second import whole.
        run(s, "undo")
        #expect(query(s, "甲.order_sales[2026-03]") == "30,000.00")
    }

    @Test func dryRunChangesNothing() throws {
        let s = try session()
        let before = s.workspace
        let path = try tempFile(Data("订单编号,业务员,签收日期,金额\nD1,甲,2026/3/2,10000\n".utf8))
        #expect(run(s, "orders import \(path) \(map) --dry-run")[0].hasSuffix("1 order added, 0 replaced, 0 unchanged, 0 skipped; nothing was changed (--dry-run)"))
        #expect(s.workspace == before)
    }

    @Test func fileLevelErrors() throws {
        let s = try session()
        let before = s.workspace
        // Neither UTF-8 nor GB18030: 0xFF never starts a GB18030 character.
        let junk = try tempFile(Data("订单编号,签收日期\n".utf8) + Data([0x41, 0xFF, 0xFF, 0x0A]))
        #expect(s.execute("orders import \(junk) \(map)").text.contains("is neither UTF-8 nor GB18030/GBK text"))
        // No column for the order number.
        let noID = try tempFile(Data("单号,日期\nX1,2026/3/2\n".utf8))
        #expect(s.execute("orders import \(noID)").text.contains("no column maps to id, the order number (e.g. --map 订单编号=id); the file's columns are: 单号, 日期"))
        #expect(s.execute("orders import /nonexistent/x.csv").text.contains("cannot read /nonexistent/x.csv: no such file; nothing was imported"))
        #expect(s.execute("orders import \(noID) --map-name nope").text.contains("no saved mapping named 'nope' (saved: electronics)"))
        #expect(s.execute("orders import \(noID) --map 单号").text.contains("write COLUMN=FIELD pairs"))
        #expect(s.workspace == before)
    }

    @Test func savedMappingIsKeptInTheScenario() throws {
        let s = try session()
        let path = try tempFile(Data("单号,销售员,日期,金额\nM1,甲,2026/3/2,10000\n".utf8))
        run(s, "orders import \(path) --map 单号=id,销售员=agent,日期=date --save-map shop")
        let file = NSTemporaryDirectory() + "payplan-import-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: file) }
        run(s, "save \(file)")
        let t = try Session(path: file)
        #expect(t.workspace.importMaps["shop"] == ["单号": "id", "销售员": "agent", "日期": "date"])
        #expect(t.workspace.importMaps["electronics"]?["订单编号"] == "id")
        let again = try tempFile(Data("单号,销售员,日期,金额\nM2,甲,2026/3/3,5000\n".utf8))
        #expect(run(t, "orders import \(again) --map-name shop")[0].contains("1 order added"))
    }

    /// The shipped sample is what the shipped scenario holds, and its hand-worked orders.
    @Test func shippedSampleMatchesTheScenario() throws {
        let s = try Session(path: electronics)
        let out = run(s, "orders import \(repositoryRoot)/scenarios/electronics-orders.csv --map-name electronics")
        #expect(out[0].hasSuffix("(UTF-8 with BOM): 285 rows read, 0 orders added, 0 replaced, 285 unchanged, 0 skipped; nothing changed"))
        // 王芳's only April order, net30, 8,000.00, never paid: R = 38,500 − 500 = 38,000 → 1.5% = 570.00;
        // share = 570.00 × 8,000 / 38,500 = 118.44; clawed back on 06-16, 10% of base on 08-15;
        // written off 09-10 with goods worth 6,500 back: 40% × 1,500 = 600.00, under 20% of 3,874.00.
        let wf = try #require(s.workspace.orders.first { $0.agent == "王芳" && $0.date == Day(year: 2026, month: 4, day: 16) })
        #expect(query(s, "\(wf.id).share") == "118.44")
        #expect(query(s, "王芳.commission[2026-04]") == "570.00")
        #expect(query(s, "\(wf.id).clawback_day") == "2026-06-16")
        #expect(query(s, "王芳.overdue_penalty[2026-08]") == "300.00")
        #expect(query(s, "王芳.damage_deducted[2026-09]") == "600.00")
        // 赵强's only July order, cash 6,800 paid two days late: R = 34,000 − 300 = 33,700 → 1.5% = 505.50;
        // its share 505.50 × 6,800 / 34,000 = 101.10 is cancelled: 404.40.
        #expect(query(s, "赵强.commission[2026-07]") == "404.40")
    }
}

@Suite struct ImportHelpTests {
    /// The example in `help import` runs as written on the shipped scenario.
    @Test func helpExampleRuns() throws {
        let s = try Session(path: electronics)
        let help = run(s, "help import")
        #expect(help.last == "  orders import scenarios/electronics-orders.csv --map-name electronics --dry-run")
        let out = run(s, help.last!.trimmingCharacters(in: .whitespaces))
        #expect(out[0].hasSuffix("285 rows read, 0 orders added, 0 replaced, 285 unchanged, 0 skipped; nothing was changed (--dry-run)"))
        #expect(out[1].hasSuffix("; ignored: 备注"))
    }
}
