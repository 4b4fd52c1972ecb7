import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// review, forecast, orders and the platform-import refusals say their sentences as typed messages
/// (issue 13, points 1 and 5: Session+Review's `say(en, zh)` pairs and the untyped English lines):
/// every line of their output is a message or a table row, never an English line; English reads as
/// before, and Chinese uses full-width punctuation and the plan's labels.
@Suite struct ReviewForecastWordingTests {
    /// True when no line of `out` is an untyped English line.
    /// (A line of English text alone no longer exists: `OutputLine` has no such case. A body line is a message or
    /// a table row; an error must be a message, never a fixed text.)
    static func typed(_ out: Output) -> Bool { out.errors.allSatisfy { $0.said.message != nil } }

    /// Plan A, commission 1% → 0.8% (fork lower), March 2026: 小美 3,210.76 → 3,168.61 loses 42.15; the four who
    /// lose 42.15 + 33.66 + 26.40 + 18.25 = 120.46, the total's fall 15,418.50 − 15,298.04 = 120.46.
    @Test func reviewIsTypedInBothLanguages() throws {
        let s = try Session(path: onlineShop)
        _ = run(s, "fork lower", "param commission_rate = 0.8%")
        for language in [DisplayLanguage.en, .zh] {
            s.language = language
            let out = s.execute("review main lower 2026-03")
            #expect(!out.failed && Self.typed(out), "\(out.text)")
            let lines = out.lines
            if language == .en {
                #expect(lines.first == "review: lower against main — 2026-03")
                #expect(lines.contains("cost to the owner (pay): main 15,418.50 → lower 15,298.04  −120.46 (−0.8%)"))
                #expect(lines.contains("  4 earn less under lower: 小美 −42.15, 阿杰 −33.66, 小雨 −26.40, 大伟 −18.25"))
            } else {
                #expect(lines.first == "方案评审：lower 对比 main — 2026-03")
                #expect(lines.contains("老板的工资总成本（应发工资）：main 15,418.50 → lower 15,298.04  −120.46（−0.8%）"))
                #expect(lines.contains("  4 人在 lower 下收入减少：小美 −42.15，阿杰 −33.66，小雨 −26.40，大伟 −18.25"))
            }
        }
        // Refusals are typed too.
        s.language = .zh
        var out = s.execute("review main")
        #expect(Self.typed(out) && out.errors.first?.message == "写法：review 方案A 方案B [期间] [--html 文件] [--threshold T]，例如 review main lower 2026")
        out = s.execute("review main lower --threshold -1")
        #expect(Self.typed(out) && out.errors.first?.message == "阈值不能为负")
        out = s.execute("review main lower --html")
        #expect(Self.typed(out) && out.errors.first?.message == "--html 后面要写值；写法：review 方案A 方案B [期间] [--html 文件] [--threshold T]，例如 review main lower 2026")
    }

    /// The review page's title and totals under zh use full-width colons and brackets (fresh-user LOW:
    /// "方案评审: lower 对比 main", "(应发工资):"); English as before.
    @Test func theReviewPageUsesFullWidthPunctuationUnderZh() throws {
        let s = try Session(path: onlineShop)
        _ = run(s, "fork lower", "param commission_rate = 0.8%")
        let dir = NSTemporaryDirectory() + "payplan-review-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.language = .zh
        #expect(!s.execute("review main lower 2026-03 --html \(dir)/zh.html").failed)
        let zh = try String(contentsOfFile: dir + "/zh.html", encoding: .utf8)
        #expect(zh.contains("<h1>方案评审：lower 对比 main — 2026-03</h1>"))
        #expect(zh.contains("老板的工资总成本（应发工资）：main 15,418.50"))
        s.language = .en
        #expect(!s.execute("review main lower 2026-03 --html \(dir)/en.html").failed)
        let en = try String(contentsOfFile: dir + "/en.html", encoding: .utf8)
        #expect(en.contains("<h1>Plan review: lower against main — 2026-03</h1>"))
        #expect(en.contains("Cost to the owner (pay): main 15,418.50"))
    }

    /// forecast: 20 runs, seed 1; its heading, refusals and table words typed, in both languages.
    @Test func forecastIsTypedInBothLanguages() throws {
        let s = try Session(path: onlineShop)
        for language in [DisplayLanguage.en, .zh] {
            s.language = language
            let out = s.execute("forecast main 2026 --runs 20 --seed 1")
            #expect(!out.failed && Self.typed(out), "\(out.text)")
            #expect(out.lines.first?.hasPrefix(language == .en ? "forecast of 2026: 20 runs, seed 1;" : "2026 预测：20 次模拟，种子 1；") == true)
            #expect(out.lines.contains { $0.hasPrefix(language == .en ? "  老周 (no history)" : "  老周（无历史）") })
        }
        var out = s.execute("forecast main --runs 0")
        #expect(Self.typed(out) && out.errors.first?.message == "--runs 取 1 到 1,000,000 的整数")
        s.language = .en
        out = s.execute("forecast main --seed x")
        #expect(Self.typed(out) && out.errors.first?.message == "--seed takes a whole number from 0 to 18446744073709551615")
    }

    /// `orders` under zh: columns by the plan's labels (amount → 金额, costs → 业务及运输费用, terms → 付款方式,
    /// margin → 毛利率); amounts as money in both languages: 李雷's order 2026040710045 has amount 9420,
    /// costs 61, profit 1860 in the file, shown 9,420.00, 61.00, 1,860.00.
    @Test func ordersUseLabelsUnderZhAndShowAmountsAsMoney() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        var lines = s.execute("orders 李雷 2026-04").lines
        let header = lines.first ?? ""
        for label in ["订单", "员工", "日期", "金额", "业务及运输费用", "回款日期", "利润", "付款方式", "毛利率"] { #expect(header.contains(label), "\(header)") }
        for id in ["amount", "costs", "terms", "margin"] { #expect(!header.contains(id), "\(header)") }
        var row = lines.first { $0.hasPrefix("2026040710045") } ?? ""
        #expect(row.contains("9,420.00") && row.contains("61.00") && row.contains("1,860.00"), "\(row)")
        s.language = .en
        lines = s.execute("orders 李雷 2026-04").lines
        #expect(lines.first?.contains("amount") == true && lines.first?.contains("margin") == true)
        row = lines.first { $0.hasPrefix("2026040710045") } ?? ""
        #expect(row.contains("9,420.00") && row.contains("1,860.00"), "\(row)")
    }

    /// A platform import refused for a missing seller-note column says so in Chinese, typed; the English is
    /// PlatformPresetTests'. The fixture's columns are read from the file itself.
    @Test func aRefusedPlatformImportReadsInChinese() throws {
        let s = try Session(path: onlineShop)
        s.language = .zh
        let before = s.workspace
        let file = repositoryRoot + "/Tests/PayPlanImportTests/Fixtures/taobao-missing-note.csv"
        let out = s.execute("orders import \(file) --format taobao")
        #expect(out.failed && Self.typed(out))
        let message = out.errors.first?.message ?? ""
        #expect(message.hasPrefix("\(file)：没有卖家备注列（--format taobao 查找「订单备注」、「卖家备注」、「商家备注」），所有订单都会成为闷拍、不归属任何人；文件的列为："), "\(message)")
        #expect(message.hasSuffix("；请用 --note 列名 指明卖家备注列，或用 --note none 把所有订单按闷拍导入；未导入任何订单"), "\(message)")
        #expect(s.workspace == before)
    }
}
