import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// Files in UTF-16 and Excel workbooks (fresh user, session 10): Notepad's "Unicode" and Excel's "Unicode
/// text" save UTF-16, with a byte-order mark or (other tools) without one. `orders import` read UTF-16
/// with a mark, but one without it came in as GBK garbage (columns `US␖␡鱏, …`), or, ASCII alone, as
/// UTF-8 with zero bytes in every name (`i␀d␀`), or was refused as neither UTF-8 nor GB18030; `load`
/// said only "not UTF-8" (or, wrongly, that it reads as GBK). Now every UTF-16 form is imported and its
/// encoding said; `load` names the UTF-16 form and the iconv that converts it; a workbook (.xlsx, .xls)
/// given to the importer is named as one. Refusals in en and zh, nothing changed.
@Suite struct UTF16FileTests {
    let text = "订单编号,业务员,签收日期,金额,利润\r\nT1,李雷,2026/4/7,30000,3000\r\n"

    /// `text` in UTF-16, little- or big-endian, with or without a byte-order mark (Foundation's encoder).
    func utf16(little: Bool, mark: Bool) -> Data {
        let body = text.data(using: little ? .utf16LittleEndian : .utf16BigEndian)!
        return mark ? Data(little ? [0xFF, 0xFE] : [0xFE, 0xFF]) + body : body
    }

    @Test func everyFormOfUTF16IsImported() throws {
        for (little, mark, said) in [(true, true, "UTF-16"), (false, true, "UTF-16"), (true, false, "UTF-16LE"), (false, false, "UTF-16BE")] {
            let s = try Session(path: electronics), f = try tempFile(utf16(little: little, mark: mark))
            let out = run(s, "orders import \(f) --map-name electronics")
            #expect(out.first == "imported \(f) (\(said)): 1 row read, 1 order added, 0 replaced, 0 unchanged, 0 skipped")
            let order = try #require(s.workspace.order("T1"))
            #expect(order.agent == "李雷" && order.date == Day(year: 2026, month: 4, day: 7))
            #expect(order.fields["amount"] == .number(Fixed(30000)) && order.fields["profit"] == .number(Fixed(3000)))
        }
        // ASCII alone in UTF-16LE without a mark is valid UTF-8 byte for byte (with a zero after each letter): read as UTF-16.
        let s = try Session(path: electronics)
        let ascii = try tempFile("id,agent,date,amount,profit\nT2,李雷,2026-04-08,20000,2000\n".data(using: .utf16LittleEndian)!)
        #expect(run(s, "orders import \(ascii)").first?.hasPrefix("imported \(ascii) (UTF-16LE): 1 row read, 1 order added") == true)
        #expect(s.workspace.order("T2")?.fields["amount"] == .number(Fixed(20000)))
    }

    @Test func aWorkbookIsNamedAsOne() throws {
        let s = try Session(path: electronics)
        // An .xlsx is a zip archive (PK 03 04 …), an .xls an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1 …).
        for (kind, head) in [("xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), ("xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00])] as [(String, [UInt8])] {
            let f = try tempFile(Data(head + Array(repeating: 0x41, count: 64)), "orders.\(kind)")
            try expectRefusedInBoth(s, "orders import \(f)",
                                    en: "\(f): the file is an Excel workbook (.\(kind)), not a CSV export: open it in Excel or WPS and save it as \"CSV UTF-8\" "
                                        + "(or export CSV from the shop), then import that file; nothing was imported",
                                    zh: "\(f)：文件是 Excel 工作簿（.\(kind)），不是 CSV 导出文件：请用 Excel 或 WPS 打开，另存为 \"CSV UTF-8\""
                                        + "（或从店铺后台导出 CSV），再导入那个文件；未导入任何内容", file: f)
        }
    }

    @Test func loadNamesTheUTF16Form() throws {
        let json = try String(contentsOfFile: electronics, encoding: .utf8)
        for (data, said) in [(Data([0xFF, 0xFE]) + json.data(using: .utf16LittleEndian)!, "UTF-16"),
                             (json.data(using: .utf16LittleEndian)!, "UTF-16LE"), (json.data(using: .utf16BigEndian)!, "UTF-16BE")] {
            let s = try Session(path: electronics)
            let f = try tempFile(data, "方案.json"), converted = String(f.dropLast(5)) + ".utf8.json"
            try expectRefusedInBoth(s, "load \(f)",
                                    en: "\(f): this text is \(said), not UTF-8: a scenario file is UTF-8 JSON; convert it: iconv -f \(said) -t UTF-8 \(f) > \(converted) "
                                        + "(or save it as UTF-8); nothing was changed",
                                    zh: "\(f)：这段文本是 \(said) 编码，不是 UTF-8：方案文件应为 UTF-8 的 JSON；请转换：'iconv -f \(said) -t UTF-8 \(f) > \(converted)'"
                                        + "（或另存为 UTF-8）；未做任何更改", file: f)
        }
    }
}
