import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// The cells of a statement's text row whose item (after its indent) is `item`.
func statementRow(_ lines: [String], _ item: String) -> [String] {
    guard let line = lines.dropFirst().first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(item + " ") }) else { return [] }
    let rest = line.trimmingCharacters(in: .whitespaces).dropFirst(item.count)
    return rest.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// An amount as printed (`5,573.00`) as an exact decimal.
func printedAmount(_ text: String) -> Decimal? { Decimal(string: text.replacingOccurrences(of: ",", with: "")) }

/// Pay statements (工资条): sections from the plan, lines that add up, the plain 说明, four formats.
@Suite struct StatementTests {
    /// 李雷, March (plan C): sales 120,000 − expenses 900 = R 119,100 (C2); deduction 0 (R ≥ 3万, C3);
    /// commission 2% × 10万 + 3% × 19,100 = 2,573.00 (C3); no monthly bonus (R < 15万, C3.2);
    /// 应发合计 3,000 + 2,573.00 = 5,573.00; pay 5,573.00 − 0 = 5,573.00 (C9).
    @Test func chineseTextStatement() throws {
        let s = try Session(path: electronics)
        run(s, "set lang zh")
        let out = run(s, "statement 李雷 2026-03")
        #expect(out[0] == "工资条 — 李雷（工号 S01）· 2026年3月 · electronics-sales")
        #expect(statementRow(out, "底薪") == ["3,000.00", "取员工资料中的底薪 3,000.00"])
        #expect(statementRow(out, "提成") == ["2,573.00", "营业总额 119,100.00（销售额 120,000.00 − 报销费用 900.00）落在 10万（含）–20万（不含）档，按 2% × 10万 + 3% × 超出 10万 的部分 19,100.00 计算"])
        #expect(statementRow(out, "月奖金").first == "0.00")
        #expect(statementRow(out, "应发合计") == ["5,573.00"])
        #expect(statementRow(out, "扣款").first == "0.00")
        #expect(statementRow(out, "扣款合计") == ["0.00"])
        #expect(statementRow(out, "应发工资") == ["5,573.00", "应发合计 5,573.00 − 扣款合计 0.00"])
        // KPIs and flags are shown apart, after the pay figure, with yes/no as 是/否.
        let info = out.firstIndex(of: out.first { $0.hasPrefix("参考信息") }!)!
        #expect(info > out.firstIndex { $0.hasPrefix("应发工资") }!)
        #expect(statementRow(out, "可解雇").first == "否")
        #expect(!out.joined().contains("round(") && !out.joined().contains("lookup") && !out.joined().contains(" yes"))
    }

    /// The same statement in English names the figures by a readable form of their rule names (base pay).
    @Test func englishStatementAndQuarter() throws {
        let s = try Session(path: electronics)
        let out = run(s, "statement 李雷 2026-03")
        #expect(out[0] == "pay statement — 李雷 (ID S01) · 2026-03 · electronics-sales")
        #expect(statementRow(out, "commission").first == "2,573.00")
        #expect(statementRow(out, "pay") == ["5,573.00", "total earnings 5,573.00 − total deductions 0.00"])
        // A quarter sums the months: pay in Q1 = 4,234.00 + 3,951.00 + 5,573.00 = 13,758.00; base 3 × 3,000.
        let q = run(s, "statement 李雷 2026-Q1")
        #expect(statementRow(q, "base pay") == ["9,000.00", "the sum of the months"])
        #expect(statementRow(q, "pay").first == "13,758.00")
    }

    /// Every agent and month of the three shipped scenarios: the earnings add up to 应发合计, 应发合计 −
    /// 扣款合计 is the pay figure the engine computes, no line is the unlisted difference, the take-home
    /// lines take 应发工资 to 实发工资, and the printed rows add up the same way.
    @Test(arguments: [electronics, webAgency, onlineShop])
    func everyStatementAddsUp(_ file: String) throws {
        let s = try Session(path: file)
        // Every agent in every month of 2026 employed: plan C 3 × 12 + 赵强 April–December 9 = 45; plan A
        // 4 × 12 + 大伟 March–December 10 = 58; plan B 4 × 12 = 48.
        let expected = [electronics: 45, onlineShop: 58, webAgency: 48]
        #expect(expectEveryStatementAddsUp(s, takeHome: true) == expected[file])
    }

    /// A plan written from scratch, as a new owner types it (its pay rule is added by each test).
    static let scratchPlan = [
        "attribute base \"底薪\" default 3000", "input month sales \"销售额\" default 0", "input month late \"迟到次数\" default 0",
        "param rate \"提成比例\" = 2%", "month commission \"提成\" = round(rate * sales)",
        "quarter q_bonus \"季度奖\" = if sum(sales over quarter) >= 30万 then 1000 else 0", "month penalty \"罚款\" = 50 * late",
    ]

    /// The same for a plan written from scratch with no `payslip` lines and no take-home: three agents,
    /// one hired mid-year and one leaving, every month of the year.
    @Test func everyStatementOfAPlanWrittenFromScratchAddsUp() throws {
        let s = try Session()
        for line in Self.scratchPlan { run(s, line) }
        run(s, "month base_pay \"底薪\" = round(prorate(base, \"calendar_days\"))", "month pay \"应发工资\" = base_pay + commission + paid(q_bonus) - penalty",
            "agent add 甲", "agent add 乙 hired=2026-05-11 base=4000", "agent add 丙 left=2026-08-20")
        for (i, name) in ["甲", "乙", "丙"].enumerated() {
            for m in 1...12 { run(s, "\(name).sales[\(String(format: "2026-%02d", m))] = \(30_000 + 7_333 * m + 1_111 * i)") }
        }
        run(s, "甲.late[2026-03] = 2", "乙.late[2026-06] = 3")
        // 甲 12 months, 乙 May–December 8, 丙 January–August 8.
        #expect(expectEveryStatementAddsUp(s, takeHome: false) == 28)
    }

    /// Checks every agent's statement of every month employed; returns how many were checked.
    func expectEveryStatementAddsUp(_ s: Session, takeHome: Bool, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let e = s.engine
        let r = StatementRenderer(language: .zh)
        var checked = 0
        for (a, agent) in s.workspace.agents.enumerated() {
            for m in 0..<e.periodCount(.month) {
                let p = e.period(.month, m)
                if s.notEmployed(a, p) != nil { continue }
                let where_ = "\(agent.name) \(p)"
                let st = PayStatement(engine: e, plan: s.workspace.plan, scenario: "x", agent: a, period: p)
                #expect(!(st.earnings + st.deductions + st.takeHome).contains { $0.kind == .unlisted }, "\(where_)", sourceLocation: sourceLocation)
                #expect(!st.earnings.isEmpty, sourceLocation: sourceLocation)
                guard case .number(let pay)? = e.figure(rule: "pay", agent: agent.name, period: p) else { Issue.record("no pay"); continue }
                var ea = Fixed.zero, de = Fixed.zero
                for l in st.earnings { ea = ea + (l.value.number ?? Fixed(raw: 1)) }
                for l in st.deductions { de = de + (l.value.number ?? Fixed(raw: 1)) }
                #expect(ea - de == pay, "\(where_)", sourceLocation: sourceLocation)
                #expect(st.earningsTotal == .number(ea) && st.deductionsTotal == .number(de), sourceLocation: sourceLocation)
                if takeHome {
                    // 应发工资 − 社保 − 公积金 − 个税 = 实发工资 (net_pay as the engine computes it).
                    guard case .number(let net)? = e.figure(rule: "net_pay", agent: agent.name, period: p) else { Issue.record("no net pay"); continue }
                    var withheld = Fixed.zero
                    for l in st.takeHome { withheld = withheld + (l.value.number ?? Fixed(raw: 1)) }
                    #expect(st.takeHome.count == 3 && pay - withheld == net && st.net?.value == .number(net), "\(where_)", sourceLocation: sourceLocation)
                } else {
                    #expect(st.takeHome.isEmpty && st.net == nil, sourceLocation: sourceLocation)
                }
                // The printed rows: items under 应发项目 add up to 应发合计, and so on.
                var section = "", sums: [String: Decimal] = [:], printed: [String: Decimal] = [:]
                for row in r.rows(st) {
                    switch row.kind {
                    case .heading: section = row.item
                    case .item: sums[section, default: 0] += printedAmount(row.amount) ?? 0.001
                    case .subtotal, .total: printed[row.item] = printedAmount(row.amount)
                    }
                }
                #expect(sums["应发项目"] == printed["应发合计"], "\(where_)", sourceLocation: sourceLocation)
                #expect((sums["扣款项目"] ?? 0) == (printed["扣款合计"] ?? 0), "\(where_)", sourceLocation: sourceLocation)
                #expect(printed["应发合计"]! - (printed["扣款合计"] ?? 0) == printed["应发工资"], "\(where_)", sourceLocation: sourceLocation)
                if takeHome {
                    #expect(printed["应发工资"]! - (sums["代扣项目"] ?? 0) == printed["实发工资"], "\(where_)", sourceLocation: sourceLocation)
                }
                checked += 1
            }
        }
        return checked
    }

    /// A plan written from scratch, with no `payslip` lines: the statement is read off the pay rule.
    /// 甲 sells 10万, 10万, 12万 in Q1 and is late twice in March. March: commission 2% × 120,000 =
    /// 2,400.00; Q1 sales 320,000 ≥ 30万 → 季度奖 1,000 paid in March; penalty 50 × 2 = 100;
    /// 应发合计 3,000 + 2,400 + 1,000 = 6,400.00; pay 6,400 − 100 = 6,300.00. February: 3,000 + 2,000 = 5,000, 季度奖 0.
    @Test func planWrittenFromScratch() throws {
        let s = try Session()
        run(s, "set lang zh")
        for line in Self.scratchPlan { run(s, line) }
        run(s, "month pay \"应发工资\" = base + commission + paid(q_bonus) - penalty",
            "agent add 甲 id=E01", "甲.sales[2026-01] = 10万", "甲.sales[2026-02] = 10万", "甲.sales[2026-03] = 12万", "甲.late[2026-03] = 2")
        let march = run(s, "statement 甲 2026-03")
        #expect(statementRow(march, "底薪") == ["3,000.00", "员工资料中的底薪"])
        #expect(statementRow(march, "提成") == ["2,400.00", "提成比例 2% × 销售额 120,000.00"])
        #expect(statementRow(march, "季度奖").first == "1,000.00")
        #expect(statementRow(march, "应发合计") == ["6,400.00"])
        #expect(statementRow(march, "罚款") == ["100.00", "50 × 迟到次数 2"])
        #expect(statementRow(march, "应发工资").first == "6,300.00")
        let feb = run(s, "statement 甲 2026-02")
        #expect(statementRow(feb, "季度奖").first == "0.00")
        #expect(statementRow(feb, "应发工资").first == "5,000.00")
        #expect(!feb.contains { $0.contains("其他") })
    }

    /// Declared lines that leave part of the pay figure out: the difference is its own line, never hidden.
    /// pay = base 3,000 + commission 2,400 (the 120,000 of March at 2%); only commission declared → 其他 3,000.00.
    @Test func undeclaredPartIsShown() throws {
        let s = try Session()
        run(s, "set lang zh", "attribute base default 3000", "input month sales default 0", "month commission \"提成\" = 2% * sales",
            "month pay = base + commission", "payslip earnings commission", "agent add 甲", "甲.sales[2026-03] = 12万")
        let out = run(s, "statement 甲 2026-03")
        #expect(statementRow(out, "提成").first == "2,400.00")
        #expect(statementRow(out, "其他（工资条未列明）") == ["3,000.00", "工资数字中方案未列入工资条的部分"])
        #expect(statementRow(out, "应发合计") == ["5,400.00"])
    }

    /// A pay rule with terms that name no figure: read off the rule, the 其他 line says them. 甲 sells
    /// 12,345: 2% × 12,345 = 246.90, + 100 = 346.90; pay 3,000 + 346.90 = 3,346.90. Terms of both signs
    /// (+ 246.90 − 50 × 2 late = 146.90) keep the plain note, the difference shown all the same.
    @Test func termsThatNameNoFigureAreSaid() throws {
        let s = try Session()
        run(s, "set lang zh", "attribute base \"底薪\" default 3000", "input month sales \"销售额\" default 0", "input month late \"迟到次数\" default 0",
            "month pay \"应发工资\" = base + round(2% * sales) + 100", "agent add 甲", "甲.sales[2026-03] = 12345", "甲.late[2026-03] = 2")
        var out = run(s, "statement 甲 2026-03")
        #expect(statementRow(out, "其他（工资条未列明）") == ["346.90", "2% × 销售额 12,345.00 + 100"])
        #expect(statementRow(out, "应发工资").first == "3,346.90")
        run(s, "month pay \"应发工资\" = base + 2% * sales - 50 * late")
        out = run(s, "statement 甲 2026-03")
        #expect(statementRow(out, "其他（工资条未列明）") == ["146.90", "工资数字中方案未列入工资条的部分"])
        #expect(statementRow(out, "应发工资").first == "3,146.90")
    }

    @Test func payslipDeclarationsAreChecked() throws {
        let s = try Session(path: electronics)
        expectRefused(s, "payslip bonuses commission", "after payslip write one of earnings, deductions, info, total")
        expectRefused(s, "payslip earnings base_pay, nosuch", "no figure named 'nosuch'")
        expectRefused(s, "payslip total pay, commission", "payslip total names one figure")
    }

    /// CSV (UTF-8 with a BOM in files), Markdown and self-contained HTML for one A4 page.
    @Test func csvMarkdownAndHTML() throws {
        let s = try Session(path: electronics)
        run(s, "set lang zh")
        let csv = run(s, "statement 李雷 2026-03 --format csv")
        #expect(csv[0] == "栏目,项目,名称,金额,说明")
        #expect(csv.contains("应发项目,底薪,base_pay,3000.00,\"取员工资料中的底薪 3,000.00\""))
        #expect(csv.contains(",应发工资,pay,5573.00,\"应发合计 5,573.00 − 扣款合计 0.00\""))
        let md = run(s, "statement 李雷 2026-03 --format md")
        #expect(md.contains("| **应发工资** | **5,573.00** | 应发合计 5,573.00 − 扣款合计 0.00 |"))
        let dir = NSTemporaryDirectory() + "payplan-statement-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(run(s, "statement 李雷 2026-03 --html \(dir)/李雷.html") == ["已写入 \(dir)/李雷.html（html）"])
        let html = try String(contentsOfFile: dir + "/李雷.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("@page{size:A4") && html.contains("\"Noto Sans CJK SC\",") && html.contains("\"Microsoft YaHei\",") && html.hasSuffix("</html>\n"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href=") && !html.contains("url("))
        #expect(html.contains("<tr class=\"total\"><td class=\"item\">应发工资</td><td class=\"amt\">5,573.00</td>"))
        run(s, "statement 李雷 2026-03 --csv \(dir)/李雷.csv")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/李雷.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    /// `--md`, `--csv`, `--text`, `--html` with no file print the statement on screen in their format, as
    /// `help statement` says ("or --html FILE, --md, --csv, --text") and as `--format FORMAT` does (issue 13, M6:
    /// `statement 李雷 2026-03 --md` was refused). Each is checked against `--format` of the same name and against
    /// the figure worked out by hand: 李雷's March pay 3,000 + 2,573.00 − 0 = 5,573.00 (C3, C9). Nothing is written.
    @Test func aFormatOptionWithNoFilePrintsOnScreen() throws {
        let s = try Session(path: electronics)
        let before = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath)
        for f in ["md", "csv", "text", "html"] {
            let shown = run(s, "statement 李雷 2026-03 --\(f)")
            #expect(shown == run(s, "statement 李雷 2026-03 --format \(f)"), "--\(f)")
            #expect(!shown.isEmpty && !shown.contains { $0.contains("takes one file name") }, "--\(f)")
        }
        #expect(run(s, "statement 李雷 2026-03 --md").first == "# pay statement — 李雷")
        #expect(run(s, "statement 李雷 2026-03 --md").contains { $0.hasPrefix("| **pay** | **5,573.00** |") })
        #expect(run(s, "statement 李雷 2026-03 --csv").contains { $0.contains(",pay,5573.00,") })
        #expect(statementRow(run(s, "statement 李雷 2026-03 --text"), "pay").first == "5,573.00")
        // statement all with no folder: each person's statement in the format asked for (csv: one table).
        let all = run(s, "statement all 2026-03 --md")
        #expect(all.filter { $0.hasPrefix("# pay statement — ") }.count == 3)
        let table = run(s, "statement all 2026-03 --csv")
        #expect(table.count == 4 && table[0].hasPrefix("ID,name,period,") && table[1].hasPrefix("S01,李雷,2026-03,3000.00,2573.00,"))
        // Still refused: two files, and --out with none.
        expectRefused(s, "statement 李雷 2026-03 --md a.md b.md", "--md takes one file name")
        expectRefused(s, "statement 李雷 2026-03 --out", "--out takes one file name")
        #expect(try FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath) == before)
    }

    /// The index of `statement all --html` reads as the statements do: 应发合计 − 扣款合计 = 应发工资,
    /// and 实发工资 in its own column once take-home pay exists (fresh-user finding: plan A's index put
    /// the net figure under "工资"). Each row is checked against the person's own figures.
    @Test func theIndexShowsPayAndTakeHomeInTheirOwnColumns() throws {
        let s = try Session(path: onlineShop)
        s.language = .zh
        let dir = NSTemporaryDirectory() + "payplan-index-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = s.execute("statement all 2026-03 --html \(dir)")
        let index = try String(contentsOfFile: dir + "/index-2026-03.html", encoding: .utf8)
        #expect(index.contains("<th>应发合计</th><th>扣款合计</th><th>应发工资</th><th>实发工资</th>"), "\(index.prefix(1200))")
        s.language = .en
        for a in s.workspace.agents where query(s, "\(a.name).net_pay[2026-03]").first?.isNumber == true {
            let cells = index.components(separatedBy: ">\(a.name)</a></td>")[1].components(separatedBy: "</tr>")[0]
                .components(separatedBy: "<td class=\"amt\">").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
            #expect(cells.count == 4, "\(a.name): \(cells)")
            func n(_ t: String) -> Fixed? { Fixed(decimalText: t.replacingOccurrences(of: ",", with: "")) }
            let (earned, deducted, pay, net) = (n(cells[0]), n(cells[1]), n(cells[2]), n(cells[3]))
            #expect(earned.flatMap { e in deducted.map { e - $0 } } == pay, "\(a.name): \(cells)")
            #expect(cells[2] == query(s, "\(a.name).pay[2026-03]"), "\(a.name)")
            #expect(cells[3] == query(s, "\(a.name).net_pay[2026-03]"), "\(a.name)")
            #expect(net != pay)
        }
    }

    /// `statement all`: one file per person employed in the month plus an index; one CSV row per person.
    /// Plan C in March: 赵强 is hired in April, so three statements. 李雷's pay 5,573.00 (above).
    @Test func statementsForEveryone() throws {
        let s = try Session(path: electronics)
        let dir = NSTemporaryDirectory() + "payplan-all-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(run(s, "statement all 2026-03 --html \(dir)/slips") == ["wrote 3 statements, index-2026-03.html and index.html to \(dir)/slips (html); 1 not employed in 2026-03"])
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/slips").sorted()
        #expect(files == ["2026-03-S01-李雷.html", "2026-03-S02-韩梅梅.html", "2026-03-S03-王芳.html", "index-2026-03.html", "index.html"].sorted())
        let index = try String(contentsOfFile: dir + "/slips/index-2026-03.html", encoding: .utf8)
        #expect(index.contains("<a href=\"2026-03-S01-李雷.html\">李雷</a>") && index.contains("5,573.00"))
        #expect(run(s, "statement all 2026-03 --csv \(dir)/all.csv") == ["wrote \(dir)/all.csv (csv): 3 statements, 1 not employed in 2026-03"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/all.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 4)
        #expect(rows[0].hasPrefix("ID,name,period,base pay,commission,"))
        #expect(rows[1].hasPrefix("S01,李雷,2026-03,3000.00,2573.00,"))
        #expect(rows[1].contains(",5573.00"))
        // A file where a directory is wanted is refused, and nothing is written.
        expectRefused(s, "statement all 2026-03 --html \(dir)/all.csv", "is a file")
        #expect(run(s, "statement all 2026-03").filter { $0.hasPrefix("pay statement — ") }.count == 3)
    }

    @Test func refusals() throws {
        let s = try Session(path: electronics)
        // A directory that cannot be made: its parent is a file.
        let blocker = NSTemporaryDirectory() + "payplan-blocker-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: blocker, contents: Data())
        defer { try? FileManager.default.removeItem(atPath: blocker) }
        // A folder that does not exist, inside a fresh temporary one (nothing else on the machine can create it).
        let missing = tempDir("statement") + "/no-such-folder"
        let cases: [(String, String)] = [
            ("statement", "write statement AGENT PERIOD [--format text|md|html|csv] [--out FILE]"),
            ("statement 无名 2026-03", "no agent named '无名' (agents: 李雷, 韩梅梅, 王芳, 赵强)"),
            ("statement 李雷 2026-13", "'2026-13' is not a period"),
            ("statement 李雷 2030-01", "2030-01 is outside this scenario's years (2026)"),
            ("statement 李雷 2026-03 --format pdf", "--format takes one of text, md, html, csv"),
            ("statement 李雷 2026-03 --out \(missing)/x.html", "cannot write \(missing)/x.html: No such file or directory; no statement was written"),
            ("statement 李雷 2026-03 --html a.html --csv b.csv", "give one of --html, --md, --csv, --text or --format with --out"),
            ("statement all 2026-03 --html \(blocker)/slips", "; no statement was written to \(blocker)/slips"),
        ]
        for (bad, message) in cases { expectRefused(s, bad, message) }
    }
}

/// The HTML statement in a real browser: headless Chromium (Debian `chromium-headless-shell`, with
/// `fonts-noto-cjk`) prints the longest statement of plan C — 韩梅梅's December, with both bonuses paid,
/// take-home lines and every info line — on one A4 page. Skipped where the browser is not installed
/// (docs/architecture.md describes the screenshot check).
@Suite struct StatementBrowserTests {
    static let browser = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: browser != nil)) func htmlPrintsOnOneA4Page() throws {
        let s = try Session(path: electronics)
        run(s, "set lang zh")
        let dir = NSTemporaryDirectory() + "payplan-browser-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        run(s, "statement 韩梅梅 2026-12 --html \(dir)/slip.html")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: StatementBrowserTests.browser!)
        p.arguments = ["--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(dir)/slip.pdf", "file://\(dir)/slip.html"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let pdf = try Data(contentsOf: URL(fileURLWithPath: dir + "/slip.pdf"))
        let text = String(decoding: pdf, as: UTF8.self)
        let pages = try NSRegularExpression(pattern: #"/Type\s*/Page[^s]"#).numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(pages == 1)
    }
}
