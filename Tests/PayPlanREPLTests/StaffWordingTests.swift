import Foundation
import Testing
import TestSupport
@testable import PayPlanREPL

/// What staff read, third round (issue 13 points 2–3, the fresh-user findings of 2026-12-01 on
/// statements): a count reads as a count, never as money; an English statement names every figure
/// in words; plan B's "not ranked" says no 0 code; an unlabelled figure is set off from the Chinese
/// around it; a rate's fixed 0 is 0%; a comment kept above a redefined table says it was written for
/// the old one.
@Suite struct StaffWordingTests {
    /// A statement row's amount and 说明 for the item `item` (columns are separated by two spaces or more).
    func row(_ lines: [String], _ item: String) -> (amount: String, note: String)? {
        guard let l = lines.first(where: { $0.hasPrefix("  \(item) ") }) else { return nil }
        let cols = l.dropFirst(2 + item.count).components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return (cols.first ?? "", cols.dropFirst().joined(separator: "  "))
    }

    /// The orders of a scenario file, read straight from its JSON (independently of the engine).
    func orders(_ path: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(root["orders"] as? [[String: Any]])
    }

    static let months = (1...12).map { String(format: "2026-%02d", $0) }

    /// Plan B's 无法识别订单 (`count(orders where unrecognised)`) is a number of orders: every agent and month,
    /// in both languages, shows it as a whole number (0), never 0.00, and its 说明 counts the same
    /// orders the file dates in that month (丙 2026-04: 6 orders in web-agency.json, none unrecognised —
    /// every April deal is a website or a brochure/design/SEO deal).
    @Test func aCountOnAStatementIsAWholeNumber() throws {
        let all = try orders(webAgency)
        let s = try Session(path: webAgency)
        var checked = 0
        for month in Self.months {
            for agent in ["甲", "乙", "丙", "丁"] {
                let n = all.filter { ($0["agent"] as? String) == agent && (($0["date"] as? String) ?? "").hasPrefix(month) }.count
                s.language = .zh
                let zh = try #require(row(run(s, "statement \(agent) \(month)"), "无法识别订单"), "\(agent) \(month)")
                #expect(zh.amount == "0" && zh.note == "无法识别订单 0 笔（共 \(n) 笔）", "\(agent) \(month): \(zh)")
                s.language = .en
                let en = try #require(row(run(s, "statement \(agent) \(month)"), "unrecognised deals"), "\(agent) \(month)")
                #expect(en.amount == "0" && en.note == "0 unrecognised orders (of \(n))", "\(agent) \(month): \(en)")
                checked += 1
            }
        }
        #expect(checked == 48)
        #expect(all.filter { ($0["agent"] as? String) == "丙" && (($0["date"] as? String) ?? "").hasPrefix("2026-04") }.count == 6)
        // The payroll CSV holds the count as a whole number too: its 无法识别订单 column reads 0 for everyone.
        s.language = .zh
        let dir = NSTemporaryDirectory() + "staff-wording-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(s.execute("statement all 2026-04 --csv \(dir)/all.csv").errors.isEmpty)
        let rows = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/all.csv")).dropFirst(3), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = try #require(rows.first?.firstIndex { $0.hasPrefix("无法识别订单") }, "\(rows.first ?? [])")
        #expect(rows.count == 5 && rows.dropFirst().allSatisfy { $0[column] == "0" }, "\(rows)")
    }

    /// Plain explain of a count says no 元 and no .00, whatever its label: a rule counting 韩梅梅's December
    /// orders of 2万 or more (in the file: 23,140, 24,330, 25,510 and 25,720 of her 18) is 4, in both
    /// languages, labelled or not.
    @Test func aCountInPlainExplainIsAWholeNumber() throws {
        let mine = try orders(electronics).filter { ($0["agent"] as? String) == "韩梅梅" && (($0["date"] as? String) ?? "").hasPrefix("2026-12") }
        let big = mine.filter { ((($0["fields"] as? [String: Any])?["amount"] as? String).flatMap(Double.init) ?? 0) >= 20_000 }.count
        #expect(mine.count == 18 && big == 4)
        let s = try Session(path: electronics)
        s.language = .zh
        run(s, "month big \"大单\" = count(orders where amount >= 2万)")
        #expect(run(s, "explain 韩梅梅.big[2026-12]")[0] == "韩梅梅 2026年12月大单 \(big)：符合条件的订单 \(big) 笔（共 \(mine.count) 笔）。")
        s.language = .en
        #expect(run(s, "explain 韩梅梅.big[2026-12]")[0] == "韩梅梅's big for 2026-12 is \(big): \(big) matching orders (of \(mine.count)).")
        // A team count (plan A's 在岗销售人数 = count(agents where on_staff)) is whole too: 4 staff in March
        // (小美, 阿杰, 小林 and 大伟 sell; 老周 is after-sales), never 4.00.
        let a = try Session(path: onlineShop)
        a.language = .zh
        let staff = run(a, "explain sales_staff[2026-03]")[0]
        #expect(staff.hasPrefix("2026年3月在岗销售人数 4："), "\(staff)")
    }

    /// Every English statement of the three shipped plans, every agent in four months, names its figures in
    /// words: no rule name (`hf_base`, `wage_tax`, `social_insurance`) in any row (丙 2026-04's housing fund
    /// reads "housing fund base 2,740.00 × housing fund rate 5%").
    @Test func englishStatementsShowNoIdentifiers() throws {
        let identifier = try Regex("[A-Za-z]+_[A-Za-z_]+")
        for path in [electronics, onlineShop, webAgency] {
            let s = try Session(path: path)
            s.language = .en
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let agents = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["agents"] as? [[String: Any]])
            #expect(agents.count >= 4)
            for agent in agents {
                let name = try #require(agent["name"] as? String), hired = agent["hired"] as? String ?? ""
                for month in ["2026-01", "2026-04", "2026-06", "2026-12"] where hired.prefix(7) <= month {
                    let agent = name
                    for line in run(s, "statement \(agent) \(month)").dropFirst() {
                        #expect(line.firstMatch(of: identifier) == nil, "\(path) \(agent) \(month): \(line)")
                    }
                }
            }
        }
    }

    /// B3: 甲's April ranking performance 12,000 + 50% × 3,000 = 13,500 is under the 15,000 threshold, so he is
    /// not ranked and his ranking bonus is 0 — said as "not ranked", never as the code 0 (名次为 0).
    @Test func notRankedSaysNoZeroCode() throws {
        let s = try Session(path: webAgency)
        s.language = .zh
        let zh = run(s, "statement 甲 2026-04")
        #expect(row(zh, "排名奖")?.note == "未进入排名，所以为 0", "\(zh)")
        #expect(row(zh, "名次")?.amount == "未排名")
        #expect(run(s, "explain 甲.ranking_bonus[2026-04]")[0] == "甲 2026年4月排名奖 0.00 元：未进入排名，所以为 0。")
        s.language = .en
        #expect(row(run(s, "statement 甲 2026-04"), "ranking bonus")?.note == "not ranked, so it is 0")
        s.language = .en
        let c = run(s, "statement 丙 2026-04")
        #expect(row(c, "housing fund")?.note == "housing fund base 2,740.00 × housing fund rate 5%", "\(c)")
        #expect(row(c, "income tax")?.note == "wage tax 0.00", "\(c)")
        for month in Self.months {
            for agent in ["甲", "乙", "丙", "丁"] {
                s.language = .zh
                for l in run(s, "statement \(agent) \(month)") { #expect(!l.contains("为 0）") && !l.contains("名次为"), "\(agent) \(month): \(l)") }
                s.language = .en
                for l in run(s, "statement \(agent) \(month)") { #expect(!l.contains("place 0"), "\(agent) \(month): \(l)") }
            }
        }
    }

    /// A figure the plan gives no label is named as written, set off by spaces from the Chinese around it:
    /// 李雷's March sales are 120,000 (C2), so `z = sales * 2` is 240,000 and `zz = z + q` with `q = 5` is
    /// 240,005 — "2026年3月 z", never "2026年3月z"; beside full-width punctuation or a space, no extra space.
    @Test func anUnlabelledFigureIsSetOffFromChinese() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        run(s, "month z = sales * 2", "param q = 5", "month zz = z + q", "month w = q", "table tt: 0 -> 1, 10万 -> 2", "month v \"查表\" = lookup(tt, sales)")
        #expect(run(s, "explain 李雷.z[2026-03]") == ["李雷 2026年3月 z 240,000.00 元：销售额 120,000.00 × 2。"])
        #expect(run(s, "explain 李雷.zz[2026-03]") == ["李雷 2026年3月 zz 240,005.00 元：z 240,000.00 + q 5。", "  李雷 2026年3月 z 240,000.00 元：销售额 120,000.00 × 2。"])
        #expect(run(s, "explain 李雷.w[2026-03]")[0] == "李雷 2026年3月 w 5.00 元：取方案参数 q 5。")
        #expect(run(s, "explain 李雷.v[2026-03]")[0] == "李雷 2026年3月查表 2.00 元：销售额 120,000.00 落在 10万（含）以上档，tt 为 2。")
        // The kind: no Chinese character touches an unlabelled name, and no private mark is left in the text.
        for f in ["z", "zz", "w", "v"] {
            for l in run(s, "explain 李雷.\(f)[2026-03]") {
                #expect(l.firstMatch(of: try Regex("\\p{Han}[a-z]|[a-z]\\p{Han}")) == nil && !l.contains("\u{E000}"), "\(l)")
            }
        }
        s.language = .en
        #expect(run(s, "explain 李雷.z[2026-03]") == ["李雷's z for 2026-03 is 240,000.00: sales 120,000.00 × 2."])
    }

    /// C6 margin points: order 2026041310137 (李雷, net60) has margin 4,159 ÷ 11,940 = 34.83%, under twice the
    /// 20% net60 minimum (40%) and above it, so it earns no margin points: a rate's fixed 0 is 0%, as the
    /// headline says, in both languages.
    @Test func aRatesFixedZeroReadsAsAPercent() throws {
        let c = try Session(path: electronics)
        c.language = .zh
        let zh = run(c, "explain 2026041310137.margin_points")[0]
        #expect(zh == "订单 2026041310137（李雷）2026年4月毛利加减点 0%：毛利率 约 34.83% 低于 2 × 最低毛利 20%，所以为 0%。", "\(zh)")
        c.language = .en
        let en = run(c, "explain 2026041310137.margin_points")[0]
        #expect(en.hasSuffix(": margin about 34.83% is below 2 × minimum margin 20%, so it is 0%."), "\(en)")
        // A figure that is no rate keeps its plain 0 (plan B's ranking bonus above: 所以为 0).
    }

    /// The README's tour redefines plan C's commission tiers (4万–10万 at 1.8%, not 2%): the comment kept above
    /// them was written for the 2% table, and `show` now says so — once, however often the table is redefined;
    /// undo takes it away with the edits. A parameter's new value keeps its comment as is (it says what the
    /// parameter means), and so does a table given again as it was.
    @Test func aKeptCommentSaysItWasWrittenForTheOldDefinition() throws {
        let s = try Session(path: electronics)
        let before = run(s, "show commission_tiers")
        // The plan's own comment above the table (C3), in whatever language the plan is written in.
        #expect(before.first?.hasPrefix("# C3 ") == true && before.count > 1, "\(before)")
        let t = "table commission_tiers [lo, hi): 0 -> 0, 1万 -> 1% * x, 3万 -> 1.5% * x, 4万 -> 1.8% * x, 10万 -> 1.8% * 10万 + 3% * (x - 10万), 20万 -> 3% * x"
        run(s, t)
        let note = "# （以上注释写于重新定义之前 · the comment above was written before this redefinition）"
        let after = run(s, "show commission_tiers")
        #expect(Array(after.prefix(2)) == [before[0], note], "\(after)")
        run(s, t.replacingOccurrences(of: "1.8%", with: "1.9%"))
        #expect(run(s, "show commission_tiers").filter { $0 == note }.count == 1)
        run(s, "undo", "undo")
        #expect(run(s, "show commission_tiers") == before)
        // The same table again (as one line): nothing said differently, the comment stays as written.
        run(s, "table commission_tiers [lo, hi): 0 -> 0, 1万 -> 1% * x, 3万 -> 1.5% * x, 4万 -> 2% * x, 10万 -> 2% * 10万 + 3% * (x - 10万), 20万 -> 3% * x")
        #expect(!run(s, "show commission_tiers").contains(note))
        let param = run(s, "show expense_limit_rate")
        #expect(param.first?.hasPrefix("#") == true, "\(param)")
        run(s, "param expense_limit_rate = 2%")
        #expect(!run(s, "show expense_limit_rate").contains(note))
        #expect(run(s, "show expense_limit_rate").first == param.first)
    }
}
