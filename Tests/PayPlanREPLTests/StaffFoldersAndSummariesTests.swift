import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// What staff and owners read, fourth round (issue 13 point 4 and the fresh-user findings of 2026-12-01):
/// a statement folder indexes every period in it; a load (and its undo) summarises its pay changes;
/// the review leaves out people not employed in the period; the agents table shows the plan's defaults.
@Suite struct StaffFoldersAndSummariesTests {
    func tempDir() throws -> String {
        let dir = NSTemporaryDirectory() + "staff-folders-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func hrefs(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { $0.components(separatedBy: "\"")[0] }
    }

    /// `statement all 2026-02` then `2026-03` into one folder: each month keeps its own index (its table of
    /// totals; 李雷's February pay is 3,951.00 and March's 5,573.00, README's tour), and the folder's
    /// index.html links both months and all six statements (plan C: 李雷, 韩梅梅, 王芳; 赵强 is hired in April).
    /// A statement left by an older run with no index of its own is listed too; a file of the user's is not.
    @Test func aFolderIndexListsEveryPeriodInIt() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("<p>mine</p>".utf8).write(to: URL(fileURLWithPath: dir + "/notes.html"))
        try Data("<p>old</p>".utf8).write(to: URL(fileURLWithPath: dir + "/2026-01-S01-李雷.html"))
        let s = try Session(path: electronics)
        #expect(run(s, "statement all 2026-02 --html \(dir)") == ["wrote 3 statements, index-2026-02.html and index.html to \(dir) (html); 1 not employed in 2026-02"])
        s.language = .zh
        #expect(run(s, "statement all 2026-03 --html \(dir)") == ["已把 3 份工资条和 index-2026-03.html、index.html 写入 \(dir)（html）；1 人在 2026-03 不在职"])
        let people = ["S01-李雷", "S02-韩梅梅", "S03-王芳"]
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == (["notes.html", "2026-01-S01-李雷.html", "index.html", "index-2026-02.html", "index-2026-03.html"]
                          + people.flatMap { ["2026-02-\($0).html", "2026-03-\($0).html"] }).sorted(), "\(files)")
        let top = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
        #expect(hrefs(top) == ["2026-01-S01-李雷.html", "index-2026-02.html"] + people.map { "2026-02-\($0).html" } + ["index-2026-03.html"] + people.map { "2026-03-\($0).html" }, "\(top)")
        #expect(top.contains(">2026年2月</a>（3 份工资条）") && top.contains(">李雷（S01）</a>") && top.contains("2026年1月（1 份工资条）"), "\(top)")
        #expect(!top.contains("notes.html"))
        let feb = try String(contentsOfFile: dir + "/index-2026-02.html", encoding: .utf8)
        let mar = try String(contentsOfFile: dir + "/index-2026-03.html", encoding: .utf8)
        #expect(feb.contains("3,951.00") && !feb.contains("5,573.00") && mar.contains("5,573.00") && hrefs(mar).first == "index.html")
        // Markdown and text folders alike.
        s.language = .en
        run(s, "statement all 2026-02 --md \(dir)/md", "statement all 2026-Q1 --md \(dir)/md")
        let md = try String(contentsOfFile: dir + "/md/index.md", encoding: .utf8)
        #expect(md.contains("## [2026-02](index-2026-02.md) (3 statements)\n\n- [李雷 (S01)](2026-02-S01-李雷.md)") && md.contains("## [2026-Q1](index-2026-Q1.md) (3 statements)"), "\(md)")
        #expect(md.components(separatedBy: "## ").count == 3)
    }

    /// `load` of another scenario changes every pay figure: web-agency (甲乙丙丁, 4 × 12 months) to
    /// electronics-sales (李雷, 韩梅梅, 王芳, 赵强: 4 × 12), no name in common, so 48 new and 48 gone — 96
    /// lines of "— → x" before. Now: how many, three examples (李雷's January–March, 4,234.00 / 3,951.00 /
    /// 5,573.00, README), and the report that lists them; its undo likewise. A reload that changes one
    /// figure still says that figure (李雷's March 6,473.00 → 5,573.00, README's tour).
    /// (150 definitions: plan C's 148, C7.1's damage_limit (the minimum-wage floor of the damage deduction) and
    /// `attribute role`, declared to label the role sales 销售.)
    @Test func aLoadSummarisesItsPayChanges() throws {
        let s = try Session(path: webAgency)
        #expect(run(s, "load \(electronics)") == [
            "loaded \(electronics): 4 agents, 150 definitions",
            "96 pay figures changed: 48 new, 48 gone, 0 with a new amount; for example:",
            "李雷.pay[2026-01]: — → 4,234.00", "李雷.pay[2026-02]: — → 3,951.00", "李雷.pay[2026-03]: — → 5,573.00",
            "(report 2026 lists every pay figure now)"])
        s.language = .zh
        let undone = run(s, "undo")
        #expect(undone.count == 6 && undone[0] == "已撤销：load \(electronics)" && undone[1] == "96 个工资数字有变化：新增 48 个，不再有 48 个，金额变化 0 个；例如：", "\(undone)")
        #expect(undone[2] == "甲.pay[2026-01]: — → \(query(s, "甲.pay[2026-01]"))" && undone[5] == "（report 2026 列出现在的全部工资数字）", "\(undone)")
        let c = try Session(path: electronics)
        run(c, "李雷.sales[2026-03] = 15万")
        #expect(run(c, "load! \(electronics)") == ["loaded \(electronics): 4 agents, 150 definitions", "李雷.pay[2026-03]: 6,473.00 → 5,573.00"])
    }

    /// Review of 2026-03, plan C against a copy: 赵强 (hired 2026-04-01) was employed on no day of March, so he is
    /// not in the per-person table, which says so, and the spread is over the three employed: pay sorted
    /// 3,813.00 / 5,573.00 / 10,640.00 — the median the middle one, top ÷ median 10,640 ÷ 5,573 = 1.909… → 1.91×
    /// (with 赵强's 0.00 it read 0.00 / 4,693.00 / 10,640.00, 2.27×). Over 2026 he was employed April–December: listed.
    @Test func theReviewLeavesOutPeopleNotEmployed() throws {
        let s = try Session(path: electronics)
        run(s, "fork lower")
        let pays = ["李雷", "韩梅梅", "王芳"].map { Fixed(decimalText: query(s, "\($0).pay[2026-03]").replacingOccurrences(of: ",", with: ""))! }.sorted()
        #expect(pays.map(\.moneyText) == ["3,813.00", "5,573.00", "10,640.00"])
        s.language = .zh
        let r = run(s, "review main lower 2026-03")
        #expect(r.contains("  （1 人在 2026-03 不在职，未列出：赵强）"), "\(r)")
        #expect(!r.contains { $0.hasPrefix("  赵强 ") }, "\(r)")
        #expect(r.contains("  main：3,813.00 / 5,573.00 / 10,640.00，1.91×"), "\(r)")
        s.language = .en
        #expect(run(s, "review main lower 2026-03").contains("  (1 not employed in 2026-03, not listed: 赵强)"))
        let year = run(s, "review main lower 2026")
        #expect(year.contains { $0.hasPrefix("  赵强 ") } && !year.contains { $0.contains("not employed") }, "\(year)")
    }

    /// The agents table shows the plan's default for an attribute an agent does not have, marked as one:
    /// plan A's agents carry no base in the file, and `attribute base "底薪" default 3000` pays them 3,000.00
    /// (A1); 老周 has no home_account or rotation, both default 0. Plan C's agents have base 3000 written:
    /// no mark. A new agent without base= gets the default (3,000.00, C1) until one is set.
    @Test func theAgentsTableShowsThePlansDefaults() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: onlineShop))
        let agents = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["agents"] as? [[String: Any]])
        #expect(agents.allSatisfy { $0["base"] == nil })
        let a = try Session(path: onlineShop)
        a.language = .zh
        let table = run(a, "agents")
        for name in ["小美", "阿杰", "小雨", "大伟", "老周"] {
            #expect(table.first { $0.hasPrefix(name) }?.contains("3,000.00（默认）") == true, "\(name): \(table)")
        }
        // home_account is headed 常驻旺旺 under zh (8 columns wide), narrower than 0（默认） (9), so the cell sets the width: two spaces between the columns.
        #expect(table.first { $0.hasPrefix("老周") }?.contains("0（默认）  0（默认）") == true, "\(table)")
        #expect(table.last == "（默认）：此员工未设置，按方案的默认值（agent set 姓名 key=value 可单独设置）")
        let c = try Session(path: electronics)
        #expect(!run(c, "agents").contains { $0.contains("default") })
        run(c, "agent add 新人 hired=2026-06-01")
        #expect(run(c, "agents").first { $0.hasPrefix("新人") }?.hasSuffix("3,000.00 (default)") == true)
        run(c, "agent set 新人 base=3500")
        let after = run(c, "agents")
        #expect(after.first { $0.hasPrefix("新人") }?.hasSuffix("3,500.00") == true && !after.contains { $0.contains("default") }, "\(after)")
    }
}
