import Foundation
import Testing
import TestSupport
@testable import PayPlanREPL

/// What staff read on a 工资条 and in plain explain, second round of findings (issue 13 points 2–4,
/// the fresh-user test of 2026-12-01): a prorated base says its rounding once; a rate reads as a
/// percent whatever its label; order-built figures count their refunds and say which date books the
/// orders; a statement with an error value says which line and why; English statements name lines in
/// words; the payroll CSV holds only numbers in its columns of amounts.
@Suite struct StaffStatementFindingsTests {
    /// A statement row's last column (说明) for the item `item`.
    func note(_ lines: [String], _ item: String) -> String {
        lines.first { $0.hasPrefix("  \(item) ") }.map { $0.components(separatedBy: "  ").filter { !$0.isEmpty }.last ?? "" } ?? ""
    }

    /// The orders of the scenario file at `path`, read straight from its JSON (independently of the engine).
    func orders(_ path: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(root["orders"] as? [[String: Any]])
    }

    /// (orders of `agent` dated in `month`, those of them whose `refund` field is above 0), from the JSON.
    func counts(_ path: String, agent: String, month: String) throws -> (orders: Int, refunds: Int) {
        let mine = try orders(path).filter { ($0["agent"] as? String) == agent && (($0["date"] as? String) ?? "").hasPrefix(month) }
        let refunds = mine.filter { o in ((o["fields"] as? [String: Any])?["refund"] as? String).flatMap(Double.init).map { $0 > 0 } ?? false }
        return (mine.count, refunds.count)
    }

    /// A CSV text (RFC 4180: quotes, doubled quotes, CRLF) as rows of fields.
    func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Document 4, partial months. Plan A prorates by calendar days: 大伟 (CS04) joined 2026-03-02, so he
    /// was employed 30 of March's 31 days: 3,000 × 30 / 31 = 2,903.2258… → 2,903.23. Plan C prorates by
    /// paid days: someone hired Monday 2026-03-16 is employed the 12 weekdays 16–20, 23–27, 30–31:
    /// 3,000 × 12 / 21.75 = 1,655.1724… → 1,655.17. The rounded figure is said once, where the sum ends.
    @Test func aProratedBaseSaysItsRoundingOnce() throws {
        let a = try Session(path: onlineShop)
        a.language = .zh
        let zhSlip = run(a, "statement 大伟 2026-03")
        #expect(note(zhSlip, "底薪") == "底薪 3,000.00 × 在职 30/31 天（按日历日折算）= 2,903.23（四舍五入到分）", "\(zhSlip)")
        #expect(run(a, "explain 大伟.base_pay[2026-03]")[0] == "大伟 2026年3月底薪 2,903.23 元：底薪 3,000.00 × 在职 30/31 天（按日历日折算）= 2,903.23（四舍五入到分）。")
        a.language = .en
        let enSlip = run(a, "statement 大伟 2026-03")
        #expect(note(enSlip, "base pay") == "base 3,000.00 × 30 of 31 calendar days employed = 2,903.23 (rounded to the fen)", "\(enSlip)")
        let c = try Session(path: electronics)
        run(c, "agent add 新人 id=S09 base=3000 hired=2026-03-16")
        let en = run(c, "explain 新人.base_pay[2026-03]")[0]
        #expect(en.hasSuffix(": base 3,000.00 × 12 paid days employed (Monday–Friday) ÷ 21.75 = 1,655.17 (rounded to the fen)."), "\(en)")
        c.language = .zh
        let zh = run(c, "statement 新人 2026-03")
        #expect(note(zh, "底薪") == "底薪 3,000.00 × 在职计薪日 12 天（周一至周五）÷ 21.75（按计薪日折算）= 1,655.17（四舍五入到分）", "\(zh)")
        // The unrounded figure and a second rounding clause appear nowhere.
        for line in zhSlip + enSlip + zh + [en] {
            for raw in ["2,903.2258", "1,655.1724", "约 2,903", "约 1,655", "about 2,903"] { #expect(!line.contains(raw), "\(raw) in \(line)") }
        }
    }

    /// C6.4: a credit order's minimum margin is the plan's rate for its terms, written as percents
    /// (net30 15%, net60 20%; cash orders 10%), though its label 最低毛利 has no 率. Order 2026041310145 (李雷,
    /// net30, profit 1,698 on 6,850: 24.79%) passes 15%. C3: 李雷's April revenue 18,290 + 76,710 (his nine
    /// April orders, all counted) − 600 = 94,400 is in the 3万-up tier, whose deduction rate is 0: 0%, not "0".
    /// A plan written from scratch: a rate labelled 加点 (0.5%), 0 in a month without sales (0%); the amount it
    /// gives is money: 1万 × 0.5% = 50.00.
    @Test func aRateReadsAsAPercentWhateverItsLabel() throws {
        let c = try Session(path: electronics)
        c.language = .zh
        #expect(run(c, "explain 2026041310145.minimum_margin")[0] == "订单 2026041310145（李雷）2026年4月最低毛利 15%：取方案参数月结30天最低毛利 15%。")
        #expect(run(c, "explain 2026041310145.refused")[0] == "订单 2026041310145（李雷）2026年4月拒单 否：毛利率 约 24.79% 达到 最低毛利 15%。")
        #expect(run(c, "explain 2026041310137.minimum_margin")[0].contains("最低毛利 20%："))
        #expect(run(c, "explain 2026040710045.minimum_margin")[0].contains("最低毛利 10%："))
        let deduction = note(run(c, "statement 李雷 2026-04"), "扣款")
        #expect(deduction.hasPrefix("底薪 3,000.00 × 扣底薪比例 0%（营业总额 94,400.00"), "\(deduction)")
        c.language = .en
        #expect(run(c, "explain 2026041310145.minimum_margin")[0] == "order 2026041310145 (李雷)'s minimum margin for 2026-04 is 15%: the plan's parameter net30 minimum margin, 15%.")
        #expect(run(c, "explain 李雷.deduction[2026-04]")[0].hasPrefix("李雷's deduction for 2026-04 is 0.00: base pay 3,000.00 × deduction rate 0% ("))

        let s = try Session()
        run(s, "input month sales \"销售额\" default 0", "param cut \"降点\" = 0.5%", "month adjust \"加点\" = if sales > 0 then cut else 0",
            "month pay \"工资\" = sales * adjust", "agent add 甲", "甲.sales[2026-03] = 1万")
        s.language = .zh
        let march = run(s, "explain 甲.adjust[2026-03]")[0], april = run(s, "explain 甲.adjust[2026-04]")[0]
        #expect(march.hasPrefix("甲 2026年3月加点 0.5%：") && march.contains("降点 0.5%"), "\(march)")
        #expect(april.hasPrefix("甲 2026年4月加点 0%："), "\(april)")
        #expect(run(s, "explain 甲.pay[2026-03]")[0] == "甲 2026年3月工资 50.00 元：销售额 10,000.00 × 加点 0.5%。")
        for line in [march, april] { for money in ["元", "0.01", "0.005"] { #expect(!line.contains(money), "\(money) in \(line)") } }
        s.language = .en
        #expect(run(s, "explain 甲.adjust[2026-04]")[0].hasPrefix("甲's adjust for 2026-04 is 0%: "))
    }

    /// Issue 13 point 2: order-built figures summarise with their refunds ("由 37 笔订单计算，其中 2 笔退款").
    /// For every sales agent of plan A in March 2026, own_sales (个人业绩) counts the agent's March orders and
    /// those with a refund (退款金额 above 0), both read here from the scenario file: 小美 95/7, 阿杰 70/11,
    /// 小雨 55/5, 大伟 35/3; 老周 (after-sales) has none. A month or plan with no refund says no refund.
    @Test func orderSummariesCountTheirRefunds() throws {
        let expected = ["小美": (95, 7), "阿杰": (70, 11), "小雨": (55, 5), "大伟": (35, 3)]
        let s = try Session(path: onlineShop)
        for (agent, (n, r)) in expected {
            let read = try counts(onlineShop, agent: agent, month: "2026-03")
            #expect(read.orders == n && read.refunds == r, "\(agent): \(read)")
            s.language = .zh
            let zh = note(run(s, "statement \(agent) 2026-03"), "个人业绩")
            #expect(zh.hasSuffix("（由 \(n) 笔订单计算，其中 \(r) 笔退款）"), "\(agent): \(zh)")
            s.language = .en
            let en = run(s, "explain \(agent).own_sales[2026-03]")[0]
            #expect(en.contains("over \(n) orders (\(r) of them refunds), "), "\(agent): \(en)")
        }
        // Plan B's April deals have no refund field: no refund is said.
        let b = try Session(path: repositoryRoot + "/scenarios/web-agency.json")
        b.language = .zh
        #expect(note(run(b, "statement 甲 2026-04"), "提成") == "单笔提成合计 3,005.00（由 4 笔订单计算）")
    }

    /// The fresh user's `statement 王芳 2026-06` said 逾期扣底薪 "本期没有订单" beside a statement counting her 7
    /// June orders: the overdue deduction (C5.2) books orders by the day their 90 days pass
    /// (`by base_penalty_day`), not by their own date. Such a summary now names that date. For every agent and
    /// month of plan C, "本期没有订单" is said only in a month with no order of the agent's dated in it (read from
    /// the file); 王芳 has 7 June orders and none whose 扣底薪日 (due + 91 days) falls in June.
    @Test func ordersBookedByAnotherDateSaySo() throws {
        let all = try orders(electronics)
        let s = try Session(path: electronics)
        s.language = .zh
        let slip = run(s, "statement 王芳 2026-06")
        #expect(try counts(electronics, agent: "王芳", month: "2026-06").orders == 7)
        #expect(note(slip, "逾期扣底薪") == "逾期扣底薪合计 0.00（没有扣底薪日在本期的订单）", "\(slip)")
        #expect(note(slip, "订单销售额") == "计入营业额订单的金额合计 27,620.00（7 笔订单中 7 笔）", "\(slip)")
        for agent in ["李雷", "韩梅梅", "王芳", "赵强"] {
            for m in 1...12 {
                let month = String(format: "2026-%02d", m)
                let out = s.execute("statement \(agent) \(month)")
                guard !out.failed else { continue }  // not yet hired
                let dated = all.contains { ($0["agent"] as? String) == agent && (($0["date"] as? String) ?? "").hasPrefix(month) }
                if dated { #expect(!out.lines.contains { $0.contains("本期没有订单") }, "\(agent) \(month): \(out.lines)") }
            }
        }
        s.language = .en
        #expect(note(run(s, "statement 王芳 2026-06"), "overdue penalty") == "the sum of base penalty, 0.00 (no orders whose base penalty day falls in this period)")
    }

    /// A 工资条 with an error value (the fresh user's `param commission_mode = "poool"`, plan A's A3 switch):
    /// the line says the plan's own reason, 应发合计 says which line it cannot add, and a warning names the
    /// person, the line and why — on screen, in every file format, in the payroll CSV and after `statement all`.
    /// 个税 is an error too: the year's tax reads January's commission, so it started at 阿杰.commission[2026-01].
    @Test func aStatementWithAnErrorValueSaysWhichLineAndWhy() throws {
        let s = try Session(path: onlineShop)
        run(s, "param commission_mode = \"poool\"")
        s.language = .zh
        let slip = run(s, "statement 阿杰 2026-03")
        #expect(note(slip, "提成") == "方案报错：commission_mode 只能是 individual 或 pool", "\(slip)")
        let total = try #require(slip.first { $0.hasPrefix("应发合计 ") })
        #expect(total.contains("#ERROR") && total.hasSuffix("提成 无法计算，合计无法得出"), "\(total)")
        let warning = "注意：阿杰 2026-03 的提成无法计算（#ERROR 方案报错：commission_mode 只能是 individual 或 pool）；改正之前工资条的合计无法得出，不能发放"
        #expect(slip.contains(warning), "\(slip)")
        #expect(slip.contains { $0.hasPrefix("注意：阿杰 2026-03 的个税无法计算（#ERROR") && $0.contains("，源自阿杰 2026年1月的提成）") }, "\(slip)")
        // The reference lines (KPIs) are numbers: no warning for them.
        #expect(!slip.contains { $0.hasPrefix("注意：阿杰 2026-03 的个人业绩") })

        let dir = tempDir("statement-errors")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for format in ["html", "md", "csv", "text"] {
            let file = dir + "/阿杰.\(format)"
            let out = s.execute("statement 阿杰 2026-03 --\(format) \(file)")
            #expect(!out.failed && out.lines.contains(warning), "\(format): \(out.lines)")
            let body = try String(contentsOfFile: file, encoding: .utf8)
            #expect(body.contains(warning.replacingOccurrences(of: "\"", with: "\"\"")), "\(format)")
        }
        let csvOut = s.execute("statement all 2026-03 --csv \(dir)/all.csv")
        // Five people, each with 提成 and 个税 errors: ten lines said on screen, in order.
        #expect(csvOut.lines.count == 11 && csvOut.lines[1] == "注意：小美 2026-03 的提成无法计算（#ERROR 方案报错：commission_mode 只能是 individual 或 pool）；改正之前工资条的合计无法得出，不能发放", "\(csvOut.lines)")
        let rows = csvRows(String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/all.csv")).dropFirst(3), as: UTF8.self))
        let header = rows[0], ajie = try #require(rows.first { $0.count > 1 && $0[1] == "阿杰" })
        #expect(header.last == "注意" && ajie.last?.contains(warning) == true, "\(ajie)")
        // An error is never summed as if it were a number: 应发合计 and 提成 are empty cells.
        for column in ["提成", "应发合计", "应发工资", "实发工资"] {
            let i = try #require(header.firstIndex(of: column))
            #expect(ajie[i] == "", "\(column): \(ajie[i])")
        }
        let html = s.execute("statement all 2026-03 --html \(dir)/slips")
        #expect(html.lines.count == 11 && html.lines.contains(warning), "\(html.lines)")
        s.language = .en
        #expect(run(s, "statement 阿杰 2026-03").contains("warning: 阿杰's commission for 2026-03 cannot be computed (#ERROR commission_mode 只能是 individual 或 pool); the statement's totals cannot be added up and it cannot be paid until this is corrected"))
        // Put right, nothing is said.
        run(s, "param commission_mode = \"individual\"")
        #expect(!run(s, "statement 阿杰 2026-03").contains { $0.hasPrefix("warning") })
    }

    /// English statements show the lines in words, not rule names: for every person of the three shipped
    /// plans in a month they are employed, no item and no 说明 has a rule name with an underscore in it.
    @Test func englishStatementsNameLinesInWords() throws {
        for (path, month) in [(electronics, "2026-06"), (onlineShop, "2026-03"), (repositoryRoot + "/scenarios/web-agency.json", "2026-04")] {
            let s = try Session(path: path)
            let lines = run(s, "statement all \(month)")
            #expect(lines.filter { $0.hasPrefix("pay statement — ") }.count >= 4)
            for line in lines where !line.hasPrefix("pay statement — ") {
                #expect(!line.contains("_"), "\(line)")
            }
        }
        let s = try Session(path: electronics)
        let slip = run(s, "statement 李雷 2026-03")
        for item in ["base pay", "commission", "monthly bonus", "bonuses paid", "overdue penalty", "damage deducted", "social insurance", "housing fund", "income tax", "take-home pay"] {
            #expect(slip.contains { $0.hasPrefix("  \(item) ") || $0.hasPrefix("\(item) ") }, "\(item): \(slip)")
        }
        // The CSV keeps the rule name in its own column, for a program.
        #expect(run(s, "statement 李雷 2026-03 --format csv").contains { $0.hasPrefix("earnings,base pay,base_pay,3000.00,") })
    }

    /// The review page's chart of pay against revenue draws one point per person and month employed, under
    /// each plan: plan C's 赵强 was hired 2026-04-01, so 2026 has 12 + 12 + 12 + 9 = 45 such months, 45 grey
    /// and 45 blue points (and the two of the legend) — not 48 each with three of 赵强's at (0, 0).
    @Test func theReviewChartDrawsOnlyMonthsEmployed() throws {
        let s = try Session(path: electronics)
        run(s, "fork b")
        let dir = tempDir("review-chart")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        run(s, "review main b 2026 --html \(dir)/r.html")
        let page = try String(contentsOfFile: dir + "/r.html", encoding: .utf8)
        let scatter = try #require(page.components(separatedBy: "<svg").first { $0.contains("<circle") })
        #expect(scatter.components(separatedBy: "<circle").count - 1 == 2 * 45 + 2)
    }

    /// Forecast and review tables fold to an 80-column terminal: plan C's forecast has six bonus and
    /// benefit columns (monthly, half-year and annual bonus, C8.3's three benefits), over 150 columns in one
    /// table; folded, every table line fits, each block repeats the names. Under zh the columns use the plan's labels.
    @Test func wideForecastTablesFoldToEightyColumns() throws {
        let s = try Session(path: electronics)
        for language in [DisplayLanguage.en, .zh] {
            s.language = language
            let out = run(s, "forecast main 2026 --runs 20 --seed 3")
            let table = out.dropFirst().filter { !$0.contains(":") && !$0.contains("：") }
            #expect(table.count > 20 && table.allSatisfy { DisplayWidth.of($0) <= 80 }, "\(out)")
            #expect(out.filter { $0.hasPrefix("  李雷 ") }.count >= 3, "\(out)")
            #expect(!out.contains { $0.hasSuffix(" ") }, "\(out)")
            if language == .zh { #expect(out.contains { $0.contains("半年奖发放概率") } && !out.contains { $0.contains("half_bonus") }, "\(out)") }
        }
    }

    /// The payroll CSV (`statement all … --csv`) is pasted into Excel: a column of amounts holds numbers or
    /// nothing. Plan A's after-sales agent 老周 has no conversion data, so the plan's 转化率% is "—" for him:
    /// his cell is empty and the last column says why. For each shipped plan and every month, every column
    /// that holds a number for anyone holds only numbers or empty cells.
    @Test func thePayrollCSVHoldsOnlyNumbersInAmountColumns() throws {
        let dir = tempDir("payroll-csv")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for path in [electronics, onlineShop, repositoryRoot + "/scenarios/web-agency.json"] {
            let s = try Session(path: path)
            s.language = .zh
            for m in 1...12 {
                let file = dir + "/\(m).csv"
                run(s, "statement all 2026-\(String(format: "%02d", m)) --csv \(file)")
                let rows = csvRows(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)).dropFirst(3), as: UTF8.self))
                let header = rows[0]
                for c in 3..<header.count where header[c] != "注意" {
                    let cells = rows.dropFirst().map { $0[c] }
                    guard cells.contains(where: { Double($0) != nil }) else { continue }
                    #expect(cells.allSatisfy { $0.isEmpty || Double($0) != nil }, "\(path) \(m) \(header[c]): \(cells)")
                }
            }
        }
        let s = try Session(path: onlineShop)
        s.language = .zh
        run(s, "statement all 2026-03 --csv \(dir)/a.csv")
        let rows = csvRows(String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/a.csv")).dropFirst(3), as: UTF8.self))
        let header = rows[0], zhou = try #require(rows.first { $0.count > 1 && $0[1] == "老周" })
        let pct = try #require(header.firstIndex(of: "转化率%"))
        #expect(zhou[pct] == "" && header.last == "注意", "\(zhou)")
        #expect(zhou.last?.contains("转化率%：有转化数据：否，所以为 —") == true, "\(zhou)")
        // Words stay words: his grade column keeps the plan's — (a column of text), his flags 是/否.
        #expect(zhou[try #require(header.firstIndex(of: "不合格淘汰"))] == "否")
        // 小美 has conversion data: a number there, and nothing to say.
        let mei = try #require(rows.first { $0.count > 1 && $0[1] == "小美" })
        #expect(Double(mei[pct]) != nil && mei.last == "", "\(mei)")
    }
}
