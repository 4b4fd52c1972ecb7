import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// Findings of the fresh user of session 12 and the polish follow-ups of session 11, on the shipped
/// scenarios; each test says what was wrong before.
@Suite struct FreshUserSessionTwelveTests {
    /// explain of a quarter or a year of a monthly figure was refused ("pay is per month; give a period of that
    /// kind"), though the query and `report 2026-Q1` show it. 李雷's pay under plan C in January–March 2026: 4,234.00, 3,951.00 and 5,573.00 (base 3,000 + commission
    /// 1,234 / 951 / 2,573, as README's compare lists), so the quarter is 13,758.00 (README's compare, main).
    @Test func explainOfAQuarterIsTheSumOfItsMonths() throws {
        let s = try Session(path: electronics)
        let en = run(s, "explain 李雷.pay[2026-Q1]")
        #expect(en == ["李雷's pay for 2026-Q1 is 13,758.00, the sum of its months: 2026-01 4,234.00 + 2026-02 3,951.00 + 2026-03 5,573.00.",
                       "  李雷's pay for 2026-01 is 4,234.00: base pay 3,000.00 + commission 1,234.00.",
                       "  李雷's pay for 2026-02 is 3,951.00: base pay 3,000.00 + commission 951.00.",
                       "  李雷's pay for 2026-03 is 5,573.00: base pay 3,000.00 + commission 2,573.00."])
        s.language = .zh
        let zh = run(s, "explain 李雷.pay[2026-Q1] --depth 0")
        #expect(zh == ["李雷 2026年第1季度应发工资 13,758.00 元，为各月之和：2026年1月 4,234.00 + 2026年2月 3,951.00 + 2026年3月 5,573.00。"])
        s.language = .en
        // The year: twelve months, the sum README's report 2026 gives 李雷 (68,387.00).
        let year = run(s, "explain 李雷.pay[2026] --depth 0")
        #expect(year.count == 1 && year[0].hasPrefix("李雷's pay for 2026 is 68,387.00, the sum of its months: 2026-01 4,234.00 + "))
        #expect(year[0].components(separatedBy: " + ").count == 12)
        // --rules: the sum's line, then each month's tree.
        let tree = run(s, "explain 李雷.pay[2026-Q1] --rules --depth 1")
        #expect(Array(tree.prefix(3)) == ["李雷.pay[2026-Q1] = 13,758.00  应发工资", "  · sum of its 3 months = 13,758.00", "  李雷.pay[2026-01] = 4,234.00  应发工资"])
    }

    /// A balance (damage still to deduct) stands at the end of the period, as the query reads it; yes/no
    /// months do not add up, so explain names a month to explain; outside the years says so.
    @Test func explainOfABalanceOrAFlagOverAQuarter() throws {
        let s = try Session(path: electronics)
        #expect(run(s, "explain 李雷.damage_carried[2026-Q1] --depth 0") == ["李雷's damage carried for 2026-Q1 is 0.00, as it stands at the end, in 2026-03."])
        s.language = .zh
        #expect(run(s, "explain 李雷.damage_carried[2026-Q1] --depth 0")[0].hasSuffix("，为期末（2026年3月）的数字。"))
        s.language = .en
        // With a 1% cap on deductions 王芳's September write-off (600.00) is carried for months: December ends
        // with 489.95 due − 43.10 deducted (1% of 4,310) = 446.85, the quarter's figure — not the sum of
        // October–December (519.95 + 489.95 + 446.85).
        run(s, "param damage_cap_rate = 1%")
        #expect(run(s, "explain 王芳.damage_carried[2026-Q4]") == ["王芳's damage carried for 2026-Q4 is 446.85, as it stands at the end, in 2026-12.",
                                                               "  王芳's damage carried for 2026-12 is 446.85: damage due 489.95 − damage deducted 43.10."])
        try expectRefusedInBoth(s, "explain 李雷.probation[2026-Q1]",
                                en: "'李雷.probation[2026-Q1]': probation is per month and its months do not add up to one figure; explain one month of it, e.g. explain 李雷.probation[2026-01]",
                                zh: "'李雷.probation[2026-Q1]'：probation 按月计算，各月不能相加成一个数字；请说明其中一个月，例如 explain 李雷.probation[2026-01]", file: nil)
        expectRefused(s, "explain 李雷.pay[2027-Q1]", "outside")
    }

    /// `agent add X base=3000` with no hire date: X's pay is #MISSING in each of the 12 months of 2026; said
    /// in one line before the note, and its undo in one line too (was 12 lines each).
    @Test func anAgentWithNoAmountInAnyMonthIsOneLine() throws {
        let s = try Session(path: electronics)
        let added = run(s, "agent add X base=3000")
        #expect(added == ["added X", "X.pay[2026-01 … 2026-12]: — → #MISSING (all 12 months)",
                          "note: X's pay cannot be computed yet: X has no hire date (set it with: agent set X hired=2025-06-01)"])
        #expect(run(s, "undo") == ["undid agent add X", "X.pay[2026-01 … 2026-12]: #MISSING → — (all 12 months)"])
        s.language = .zh
        let zh = run(s, "agent add X base=3000")
        #expect(zh.count == 3 && zh[1] == "X.pay[2026-01 … 2026-12]：— → #MISSING（全部 12 个月）")
        // With a hire date each month has an amount: listed month by month, as before (3,000 base, no sales).
        let hired = run(s, "agent add Y base=3000 hired=2026-01-01")
        #expect(hired.filter { $0.hasPrefix("Y.pay[") }.count == 12)
    }

    /// Quoted words in `order` and `agent` commands are taken whole and without their quotes: `order add ""`
    /// names no order (it made an order named `""`), `order add "T 1"` is the order T 1 (it said `'1"'` is not
    /// key=value), `agent add ""` is an empty name (it said `'""'` does not start with a letter).
    @Test func quotedOrderNumbersAndAgentNames() throws {
        let s = try Session(path: electronics)
        try expectRefusedInBoth(s, "order add \"\" date=2026-03-01 agent=李雷 amount=100",
                                en: "order add \"\" names no order: an order number is not empty, e.g. order add T001 agent=李雷 date=2026-03-02 amount=30000",
                                zh: "order add \"\" 没有写订单号：订单号不能为空，例如 order add T001 agent=李雷 date=2026-03-02 amount=30000", file: nil)
        expectRefused(s, "order rm \"\"", "order rm \"\" names no order")
        #expect(run(s, "order add \"T 1\" date=2026-03-01 agent=李雷 amount=100 terms=\"cash\"").first == "added order T 1")
        #expect(s.workspace.order("T 1")?.fields["terms"]?.text == "cash")
        #expect(run(s, "order rm \"T 1\"").first == "removed order T 1")
        try expectRefusedInBoth(s, "agent add \"\" base=1", en: "an agent needs a name", zh: "员工需要一个名字", file: nil)
        #expect(run(s, "agent add \"小明\" base=3000 hired=2026-01-01").first == "added 小明")
        #expect(s.workspace.agentIndex(named: "小明") != nil)
    }

    /// A scenario file given to `orders import` or `performance import` is named for what it is, with the
    /// command that opens it (it said "no column maps to id … the file's columns are: {").
    @Test func aScenarioFileGivenToImportIsNamedOne() throws {
        let s = try Session(path: electronics)
        try expectRefusedInBoth(s, "orders import \(electronics)",
                                en: "\(electronics) is a scenario file (JSON), not a spreadsheet export: open it with load \(electronics); orders import reads CSV; nothing was imported",
                                zh: "\(electronics) 是方案文件（JSON），不是表格导出：请用 load \(electronics) 打开；orders import 读取 CSV 文件；未导入任何内容", file: electronics)
        expectRefused(s, "performance import \(electronics) --month 2026-03", "is a scenario file (JSON)")
        let dir = tempDir("f12-json")
        try Data("\u{FEFF}  [1, 2]".utf8).write(to: URL(fileURLWithPath: dir + "/list.json"))
        expectRefused(s, "orders import \(dir)/list.json", "\(dir)/list.json is a JSON file, not a spreadsheet export: orders import reads CSV (save the sheet as CSV)")
    }

    /// The zh Markdown statement's header takes full-width colons (工号：S01), as its HTML does; English keeps ": ".
    @Test func zhMarkdownStatementHeaderHasFullWidthColons() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        let zh = s.execute("statement 李雷 2026-03 --format md").lines
        #expect(zh.contains("工号：S01 · 期间：2026年3月 · 方案：electronics-sales"))
        #expect(!zh.contains { $0.contains("工号:") || $0.contains("期间:") })
        s.language = .en
        #expect(s.execute("statement 李雷 2026-03 --format md").lines.contains("ID: S01 · period: 2026-03 · scenario: electronics-sales"))
    }

    /// web-agency's plan labels no role: under zh its agents table says 销售 for sales (it said sales); plan A's
    /// own labels (销售客服, 售后客服) win; English keeps the values.
    @Test func zhAgentsTableSaysTheStandardRolesInChinese() throws {
        let b = try Session(path: webAgency)
        b.language = .zh
        let rows = run(b, "agents")
        #expect(row(rows, "甲") == ["B01", "销售", "2024-03-01"])
        b.language = .en
        #expect(row(run(b, "agents"), "甲") == ["B01", "sales", "2024-03-01"])
        let a = try Session(path: onlineShop)
        a.language = .zh
        let shop = run(a, "agents")
        #expect(row(shop, "老周").prefix(2) == ["AS01", "售后客服"])
        #expect(row(shop, "小美").prefix(2) == ["CS01", "销售客服"])
    }

    /// A line wider than 100 columns is shown around the caret with … at its cut ends, the caret under the
    /// same character; a short line is shown whole, as before.
    @Test func aLongLineIsShortenedAroundTheCaret() throws {
        let s = try Session(path: electronics)
        let long = "李雷.sales[2026-03] = " + String(repeating: "1 + ", count: 60) + "abc"
        let out = s.execute(long)
        #expect(out.failed)
        let lines = out.errors[0].render()
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("  …") && lines[1].hasSuffix("abc"))
        #expect(DisplayWidth.of(lines[1]) <= 2 + 100)
        // The caret sits under the "a" of abc.
        let caretColumn = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }!
        #expect(Array(lines[1])[caretColumn] == "a")
        // Cut on both sides: the error at the start of a long line keeps its start and ends in …
        let d = Diagnostic(OutputLine(fixed: "x"), source: "zz " + String(repeating: "中文", count: 80), range: 3..<5)
        let r = d.render()
        #expect(r[1].hasPrefix("  zz 中文") && r[1].hasSuffix("…") && DisplayWidth.of(r[1]) <= 102)
        #expect(r[2] == "     ^~~~")
        // A cut never splits a word written in ASCII: every word shown is whole (grades, not gra…).
        let words = Diagnostic(OutputLine(fixed: "x"), source: "month z = " + String(repeating: "grades + ", count: 30) + "bad", range: 280..<283).render()
        #expect(words[1].hasSuffix("bad"))
        let shownWords = words[1].split { !($0.isASCII && $0.isLetter) }.map(String.init)
        #expect(Set(shownWords).isSubset(of: ["grades", "bad"]), "\(words[1])")
        let short = Diagnostic(OutputLine(fixed: "x"), source: "report 2026-13", range: 7..<14).render()
        #expect(short[1] == "  report 2026-13" && short[2] == "         ^~~~~~~")
    }

    /// An imported terms (付款方式) plan C does not know was taken silently and the order counted as no kind of
    /// terms: the import still takes the orders and warns, naming the first row (row 2: the header is row 1)
    /// and column and how many rows have such a value (credit and 赊账: 2); a label (月结30天) is net30, known.
    @Test func anImportedValueThePlanDoesNotKnowIsWarnedOf() throws {
        let dir = tempDir("f12-terms")
        let file = dir + "/terms.csv"
        try Data("订单编号,业务员,签收日期,付款方式,金额\nZ1,S01,2026/3/2,credit,1000\nZ2,S01,2026/3/3,net30,1000\nZ3,S02,2026/3/4,赊账,500\nZ4,S02,2026/3/4,月结30天,500\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        let s = try Session(path: electronics)
        let out = s.execute("orders import \(file) --map-name electronics")
        #expect(out.errors.isEmpty)
        #expect(out.lines[0].hasSuffix("4 rows read, 4 orders added, 0 replaced, 0 unchanged, 0 skipped"))
        #expect(out.lines.contains("warning: row 2, column 付款方式 (terms): 'credit' is not a value the plan knows (cash, net30, net60, net90), so the order counts as none of them; 2 rows have such a value; correct the file and import it again, or order set ID terms=…"))
        #expect(out.rendered.contains { $0.text.hasPrefix("warning: row 2") && $0.tone == .warning })
        #expect(s.workspace.order("Z4")?.fields["terms"]?.text == "net30")
        run(s, "undo")
        s.language = .zh
        let zh = s.execute("orders import \(file) --map-name electronics --dry-run").lines
        #expect(zh.contains("注意：第 2 行，列「付款方式」（terms）：'credit' 不是方案认识的值（现金、月结30天、月结60天、月结90天），这笔订单不按其中任何一种计算；共 2 行是这样的值；请改正文件后重新导入，或用 order set 订单号 terms=… 修改"))
        // Only known values: no warning.
        try Data("订单编号,业务员,签收日期,付款方式,金额\nZ5,S01,2026/3/2,cash,1000\n".utf8).write(to: URL(fileURLWithPath: dir + "/ok.csv"))
        #expect(!s.execute("orders import \(dir)/ok.csv --map-name electronics --dry-run").lines.contains { $0.hasPrefix("注意") })
    }
}
