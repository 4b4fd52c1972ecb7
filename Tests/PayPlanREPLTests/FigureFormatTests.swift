import Foundation
import Testing
import PayPlan
import TestSupport
@testable import PayPlanREPL

/// Figures out to spreadsheets: `report`, `compare`, `attribution`, `orders` as CSV (UTF-8 with BOM,
/// plain numbers), JSON, Markdown and real .xlsx workbooks read back by openpyxl.
///
/// Plan C figures for 李雷 (rules.md C2, C3, C3.1, C9; B = 3000, not on probation, no orders before April):
///   Jan: sales 62,000, expenses 300 → R 61,700, 2% → commission 1,234.00, pay 4,234.00
///   Feb: 48,000 − 450 → R 47,550, 2% → 951.00, pay 3,951.00
///   Mar: 120,000 − 900 → R 119,100, 2% × 10万 + 3% × 19,100 = 2,573.00, pay 5,573.00
///   (C3.1 never bites: expenses stay below 1% of R.) Q1: sales 230,000, expenses 1,650, R 228,350,
///   base 9,000, commission 4,758.00, pay 13,758.00. The year's sales, summed from the scenario's inputs:
///   62,000 + 48,000 + 120,000 + 18,290 + 26,400 + 44,820 + 27,560 + 50,900 + 32,310 + 32,380 + 66,830 + 74,060 = 603,550.
@Suite struct FigureFormatTests {
    @Test func reportCSVStartsWithABOMAndWritesPlainNumbers() throws {
        let s = try Session(path: electronics)
        let out = s.execute("report 2026-Q1 --csv")
        #expect(!out.failed, "\(out.text)")
        #expect(out.lines.first == "\u{FEFF}agent,sales,order_sales,expenses,revenue,base_pay,deduction,commission,monthly_bonus,bonuses_paid,penalties,pay")
        #expect(out.lines.contains("李雷,230000.00,0.00,1650.00,228350.00,9000.00,0.00,4758.00,0.00,0.00,0.00,13758.00"))
        #expect(out.lines.last?.hasPrefix("total,") == true)
        #expect(!out.lines.dropFirst().contains { $0.contains("\"") }, "no number is quoted or grouped")
        // A month, to a file: the bytes start with the BOM and lines end in CRLF.
        let dir = tempDir("figures")
        #expect(s.execute("report 2026-03 --csv --out \(dir)/m.csv").lines == ["wrote \(dir)/m.csv (csv)"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/m.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\r\n李雷,120000.00,0.00,900.00,119100.00,3000.00,0.00,2573.00,0.00,0.00,0.00,5573.00\r\n"))
        // --out x.csv alone picks CSV from the extension.
        _ = s.execute("report 2026-03 --out \(dir)/n.csv")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/n.csv")) == bytes)
    }

    /// A table for the terminal is rendered once (it was rendered twice: joined, then again as lines), and
    /// the same lines go to a `--out` file of another extension. By hand: 李雷's Q1 pay 13,758.00 (above).
    @Test func textIsRenderedOnce() throws {
        let s = try Session(path: electronics)
        var renders = 0
        let lines = ["agent  pay", "李雷   13,758.00"]
        let out = try s.emit([], as: FigureFormat(), text: { renders += 1; return lines })
        #expect(renders == 1 && out.lines == lines)
        var file = FigureFormat()
        let dir = tempDir("figures-text")
        file.file = dir + "/q1.txt"
        renders = 0
        #expect(try s.emit([], as: file, text: { renders += 1; return lines }).lines == ["wrote \(dir)/q1.txt (text)"])
        #expect(renders == 1)
        #expect(try String(contentsOfFile: dir + "/q1.txt", encoding: .utf8) == "agent  pay\n李雷   13,758.00\n")
        // The real report's lines are those of one rendering: 李雷's Q1 pay appears once.
        #expect(s.execute("report 2026-Q1").lines.filter { $0.hasPrefix("李雷") && $0.hasSuffix("13,758.00") }.count == 1)
    }

    @Test func chineseHeadersUnderZh() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        let out = s.execute("report 2026-03 --csv")
        let header = try #require(out.lines.first)
        #expect(header.hasPrefix("\u{FEFF}员工,"))
        #expect(out.lines.last?.hasPrefix("合计,") == true)
        // Each column under its plan label (month commission "提成" in the plan source); the figures are not translated.
        #expect(header.split(separator: ",").contains("提成"))
        #expect(out.lines.contains { $0.hasPrefix("李雷,120000.00,") })
    }

    @Test func jsonAndMarkdown() throws {
        let s = try Session(path: electronics)
        let json = s.execute("report 2026-03 --json").lines.joined(separator: "\n")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let table = try #require((object?["tables"] as? [[String: Any]])?.first)
        #expect(table["name"] as? String == "2026-03")
        let rows = try #require(table["rows"] as? [[String: Any]])
        let li = try #require(rows.first { $0["agent"] as? String == "李雷" })
        #expect((li["pay"] as? NSNumber)?.decimalValue == Decimal(5573))
        #expect((li["commission"] as? NSNumber)?.decimalValue == Decimal(2573))
        #expect(json.contains("\"revenue\": 119100.00"), "numbers are written from their exact decimal text")
        let md = s.execute("report 2026-03 --md").lines
        #expect(md.first == "## electronics-sales — 2026-03")
        #expect(md.contains { $0.hasPrefix("| 李雷 | 120,000.00 |") && $0.hasSuffix("| 5,573.00 |") })
    }

    @Test func compareGivesTheDifferenceAsNumbers() throws {
        // lower: 1.8% instead of 2% from 4万, and 1.8% × 10万 + 3% above 10万 (README what-if):
        // Jan 61,700 × 1.8% = 1,110.60; Feb 47,550 × 1.8% = 855.90; Mar 1,800 + 573 = 2,373.00 → Q1 4,339.50,
        // 418.50 less than 4,758.00 (−8.796…% → −8.8).
        let s = try Session(path: electronics)
        run(s, "fork lower", "table commission_tiers [lo, hi): 0 -> 0, 1万 -> 1% * x, 3万 -> 1.5% * x, 4万 -> 1.8% * x, 10万 -> 1.8% * 10万 + 3% * (x - 10万), 20万 -> 3% * x")
        let csv = s.execute("compare main lower 2026-Q1 --csv").lines
        #expect(csv.first == "\u{FEFF}agent,figure,main,lower,difference,%")
        #expect(csv.contains(",commission,4758.00,4339.50,-418.50,-8.8"))
    }

    @Test func attributionAndOrdersAsCSV() throws {
        let s = try Session()
        run(s, "field amount default 0", "field note default \"\"",
            "agent add 小美 id=CS01 role=sales", "agent add 阿杰 id=CS02 role=sales",
            "order add T1 agent=小美 date=2026-03-02 amount=100.50 note=CS01",
            "order add T2 agent=阿杰 date=2026-03-03 amount=1200 note=CS02",
            "order add T3 date=2026-03-04 amount=99.99 note=无")
        let csv = s.execute("attribution 2026-03 --csv").lines
        // 小美: one order of 100.50; 阿杰: one of 1,200.00; T3 names nobody: silent, 99.99.
        #expect(csv.first == "\u{FEFF}agent,ID,role,orders,credited")
        #expect(csv.dropFirst().prefix(3) == ["小美,CS01,sales,1,100.50", "阿杰,CS02,sales,1,1200.00", "silent (闷拍),,,1,99.99"])
        let orders = s.execute("orders 2026-03 --csv").lines
        #expect(orders.first == "\u{FEFF}order,agent,date,amount,note")
        #expect(orders.dropFirst() == ["T1,小美,2026-03-02,100.50,CS01", "T2,阿杰,2026-03-03,1200.00,CS02", "T3,—,2026-03-04,99.99,无"])
    }

    /// `--xlsx` goes through the same safe write as `save`: a read-only workbook is refused and left as it was.
    @Test func xlsxRefusesAReadOnlyFile() throws {
        let s = try Session(path: electronics)
        let dir = tempDir("figures-ro")
        let file = dir + "/ro.xlsx"
        #expect(FileManager.default.createFile(atPath: file, contents: Data("old".utf8), attributes: [.posixPermissions: 0o444]))
        expectRefused(s, "report 2026 --xlsx \(file)", "cannot write \(file): the file is read-only")
        #expect(FileManager.default.contents(atPath: file) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["ro.xlsx"], "no temporary workbook left behind")
    }

    @Test func badFormatOptionsAreRefusedAndNothingIsWritten() throws {
        let s = try Session(path: electronics)
        let dir = tempDir("figures-bad")
        expectRefused(s, "report 2026 --csv --json", "one format at a time (--csv and --json)")
        expectRefused(s, "report 2026 --xlsx", "--xlsx needs a value")
        expectRefused(s, "report 2026 --xlsx \(dir)/a.csv", "--xlsx \(dir)/a.csv: an Excel workbook's name ends in .xlsx")
        expectRefused(s, "report 2026 --xlsx \(dir)/a.xlsx --out \(dir)/b.xlsx", "--out \(dir)/b.xlsx is one file too many")
        expectRefused(s, "report 2026 --xml", "unknown option --xml")
        expectRefused(s, "report 2026 2027", "report takes one period")
        expectRefused(s, "report 2026 --xlsx \(dir)/no-such-folder/a.xlsx", "cannot write \(dir)/no-such-folder/a.xlsx")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    /// The workbook read back by openpyxl (installed by .ci/run): a sheet for the year and one per month,
    /// numbers stored as numbers in the money format, the header row frozen.
    @Test func reportXLSXReadsBackWithTheRightNumbers() throws {
        let s = try Session(path: electronics)
        let dir = tempDir("xlsx")
        let file = dir + "/2026.xlsx"
        let out = s.execute("report 2026 --xlsx \(file)")
        #expect(out.lines.first?.hasPrefix("wrote \(file) (xlsx, 13 sheets: 2026, 2026-01, 2026-02") == true, "\(out.text)")
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = {"sheets": wb.sheetnames}
            for name in ["2026", "2026-03"]:
                ws = wb[name]
                header = [c.value for c in ws[1]]
                rows = {r[0].value: {header[i]: (c.value, c.number_format, c.data_type) for i, c in enumerate(r)} for r in ws.iter_rows(min_row=2)}
                out[name] = {"freeze": ws.freeze_panes, "header": header, "li": rows["李雷"], "bold": ws["A1"].font.b}
            print(json.dumps(out, ensure_ascii=False))
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, file]
        let pipe = Pipe(), err = Pipe()
        p.standardOutput = pipe; p.standardError = err
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "python3 with openpyxl could not read the workbook (pip install openpyxl): \(errText)")
        let r = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(r["sheets"] as? [String] == ["2026"] + (1...12).map { String(format: "2026-%02d", $0) })
        let march = try #require(r["2026-03"] as? [String: Any]), year = try #require(r["2026"] as? [String: Any])
        #expect(march["freeze"] as? String == "A2")
        #expect(march["bold"] as? Bool == true)
        #expect((march["header"] as? [String])?.first == "agent")
        func cell(_ sheet: [String: Any], _ column: String) -> (Double?, String?, String?) {
            let c = (sheet["li"] as? [String: [Any]])?[column]
            return (c?[0] as? Double ?? (c?[0] as? Int).map(Double.init), c?[1] as? String, c?[2] as? String)
        }
        #expect(cell(march, "pay") == (5573, "#,##0.00", "n"))
        #expect(cell(march, "commission") == (2573, "#,##0.00", "n"))
        #expect(cell(march, "revenue") == (119100, "#,##0.00", "n"))
        #expect(cell(year, "sales") == (603550, "#,##0.00", "n"))
        #expect(cell(year, "agent").2 == "s")
    }
}
