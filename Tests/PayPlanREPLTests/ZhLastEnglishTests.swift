import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// The last English lines under --lang zh (issue 13, "Done when": a zh transcript has no English words
/// but names, IDs and file names), each said in both languages from a typed message.
@Suite struct ZhLastEnglishTests {
    /// True when no line of `out` is an untyped English line.
    /// (A line of English text alone no longer exists: `OutputLine` has no such case. A body line is a message or
    /// a table row; an error must be a message, never a fixed text.)
    static func typed(_ out: Output) -> Bool { out.errors.allSatisfy { $0.said.message != nil } }

    /// `solve … = abc` (fresh-user M-A: "the target 'abc'：…" under zh) names solve's target in the
    /// session's language, and every amount slot of sweep/solve/cliffs and review's --threshold likewise.
    @Test func aBadAmountNamesItsPlaceInBothLanguages() throws {
        let s = try Session(path: electronics)
        s.language = .en
        expectRefused(s, "solve sales for pay = abc", "the target 'abc' is not an amount: write one such as 12万, 40k, 40,000 or ¥40000")
        expectRefused(s, "sweep sales from 0 to abc step 1万 show pay", "to 'abc' is not an amount: write one such as 12万")
        s.language = .zh
        // 目标, as solve's usage names it (写法：solve 录入项 for 数字 = 目标 …).
        expectRefused(s, "solve sales for pay = abc", "目标 'abc' 不是金额：请写 12万、40k、40,000 或 ¥40000 这样的金额")
        expectRefused(s, "sweep sales from 0 to 10万 step show pay", "step 后面需要金额，例如 30万 或 300000")
        expectRefused(s, "sweep sales from 0 to abc step 1万 show pay", "to 'abc' 不是金额：请写 12万")
        #expect(Self.typed(s.execute("solve sales for pay = abc")))
        _ = run(s, "fork lower")
        expectRefused(s, "review main lower 2026-03 --threshold abc", "--threshold 'abc' 不是金额：请写 12万")
    }

    /// The review's usage names --threshold, which it takes (note6: "review's usage line does not mention
    /// --threshold"), in both languages.
    @Test func reviewUsageNamesThreshold() throws {
        let s = try Session(path: electronics)
        s.language = .en
        expectRefused(s, "review main", "write review A B [PERIOD] [--html FILE] [--threshold T], e.g. review main lower 2026")
        s.language = .zh
        expectRefused(s, "review main", "写法：review 方案A 方案B [期间] [--html 文件] [--threshold T]，例如 review main lower 2026")
    }

    /// The line above a person's cliffs in review is a typed message (it was a fixed line built per language).
    /// Plan C (electronics-sales), the 2% tier from 4万 made retroactive to 0 in fork flat: 李雷's range is scanned
    /// in his best month of the period (March 2026 alone: sales 120,000), from 0 to 1.5 × 120,000 = 180,000.00.
    @Test func theCliffPersonLineIsTyped() throws {
        let s = try Session(path: electronics)
        _ = run(s, "fork flat", "table commission_tiers \"提成阶梯\" [lo, hi): 0 -> 2% * x, 10万 -> 2% * 10万 + 3% * (x - 10万), 20万 -> 3% * x")
        for language in [DisplayLanguage.en, .zh] {
            s.language = language
            let out = s.execute("review main flat 2026-03")
            #expect(!out.failed && Self.typed(out), "\(out.text)")
            let person = out.body.first { ($0.message as? ReviewMessage).map { if case .cliffPerson(name: "李雷", _, _, _, _) = $0 { true } else { false } } ?? false }
            #expect(person?.text(language) == (language == .en ? "  李雷 (2026-03, sales 0 – 180,000.00):" : "  李雷（2026-03，销售额 0 – 180,000.00）："), "\(out.text)")
        }
    }

    /// The progress line and the Ctrl-C answer of a long command are typed (`ProgressMessage`; they were
    /// say(en, zh) pairs). Plan A has 5 agents, so compare's first progress line is 0/5 (the first update always shows).
    @Test func progressAndStoppedLinesInBothLanguages() throws {
        final class Lines { var all: [String] = [] }
        for language in [DisplayLanguage.en, .zh] {
            let s = try Session(path: onlineShop)
            _ = run(s, "fork lower", "param commission_rate = 0.8%")
            s.language = language
            let seen = Lines()
            s.progressLine = { seen.all.append($0) }
            #expect(!s.execute("compare main lower 2026-03").failed)
            #expect(seen.all.first == (language == .en ? "compare: 0/5 agents (Ctrl-C stops)" : "compare：0/5 人（Ctrl-C 停止）"), "\(seen.all)")
            s.interruptCheck = { true }
            let before = s.workspace
            let out = s.execute("compare main lower 2026-03")
            #expect(out.failed && Self.typed(out))
            #expect(out.errors.first?.message == (language == .en ? "compare stopped (Ctrl-C): nothing was changed" : "compare 已停止（Ctrl-C）：未做任何更改"))
            #expect(s.workspace == before)
        }
    }

    /// forecast's progress line was a string built in English ("forecast lower: 50/1000"); it is a typed
    /// message. Plan A, 50 runs a fork: each fork reports its 50th run (every 50th and the last are shown).
    @Test func forecastProgressIsTyped() throws {
        final class Lines { var all: [String] = [] }
        for language in [DisplayLanguage.en, .zh] {
            let s = try Session(path: onlineShop)
            _ = run(s, "fork lower", "param commission_rate = 0.8%")
            s.language = language
            let seen = Lines()
            s.progressLine = { seen.all.append($0) }
            #expect(!s.execute("forecast main lower 2026 --runs 50 --seed 1").failed)
            for fork in ["main", "lower"] {
                let line = language == .en ? "forecast \(fork): 50/50 runs (Ctrl-C stops)" : "forecast \(fork)：已模拟 50/50 次（Ctrl-C 停止）"
                #expect(seen.all.contains(line), "\(seen.all)")
            }
        }
    }

    /// compare's headers and total rows, and `scenarios`' headers, are typed; a flag reads 是/否 under zh
    /// as in report (it showed yes/no). Plan A, commission 1% → 0.8%: 小美 3,210.76 → 3,168.61 (−42.15, −1.3%:
    /// 42.15 ÷ 3,210.76 = 1.31%); the pay total 15,418.50 → 15,298.04, −120.46, −0.8% (120.46 ÷ 15,418.50 = 0.78%).
    @Test func compareAndScenariosTablesInBothLanguages() throws {
        let s = try Session(path: onlineShop)
        _ = run(s, "fork lower", "param commission_rate = 0.8%")
        s.language = .en
        var out = run(s, "compare main lower 2026-03")
        #expect(row(out, "agent") == ["figure", "main", "lower", "difference", "%"])
        // 小美's rows: own_sales first, then pay.
        #expect(out.contains { $0.split(separator: " ").map(String.init) == ["pay", "3,210.76", "3,168.61", "-42.15", "-1.3%"] }, "\(out)")
        #expect(row(out, "total") == ["pay (gross pay)", "15,418.50", "15,298.04", "-120.46", "-0.8%"])
        // Flags as the plan computes them: yes/no in English.
        #expect(out.contains { $0.range(of: #"\b(yes|no)\b"#, options: .regularExpression) != nil }, "\(out)")
        s.language = .zh
        out = run(s, "compare main lower 2026-03")
        #expect(row(out, "员工") == ["项目", "main", "lower", "差额", "%"])
        #expect(row(out, "合计") == ["应发工资（应发合计）", "15,418.50", "15,298.04", "-120.46", "-0.8%"])
        #expect(!out.contains { $0.range(of: #"\b(yes|no)\b"#, options: .regularExpression) != nil }, "\(out)")
        #expect(out.contains { $0.contains("首响达标") && ($0.contains("是") || $0.contains("否")) })
        #expect(Self.typed(s.execute("compare main lower 2026-03")))
        let forks = run(s, "scenarios")
        #expect(forks.first?.split(separator: " ", omittingEmptySubsequences: true) == ["副本", "与", "main", "的不同"])
        s.language = .en
        #expect(run(s, "scenarios").first?.split(separator: " ", omittingEmptySubsequences: true) == ["scenario", "differs", "from", "main"])
    }

    /// The agents table heads an attribute the plan labels with its label under zh (plan A: home_account
    /// "常驻旺旺"), its name in English; one with no declaration in the plan (phone) by its name in both.
    @Test func agentsHeadsExtraAttributesByTheirLabelsUnderZh() throws {
        let s = try Session(path: onlineShop)
        _ = run(s, "agent set 小美 phone=138")
        s.language = .zh
        let zh = run(s, "agents")
        #expect(zh[0].split(separator: " ").map(String.init) == ["姓名", "工号", "岗位", "入职", "离职", "底薪", "常驻旺旺", "phone", "轮值顺序"])
        s.language = .en
        let en = run(s, "agents")
        #expect(en[0].split(separator: " ").map(String.init) == ["name", "id", "role", "hired", "left", "base", "home_account", "phone", "rotation"])
    }

    /// The review's differences use full-width brackets under zh (fresh-user LOW "(−0.8%)"): the same figures
    /// as compare above; the employer cost 25,754.60 → 25,634.14, −120.46, 120.46 ÷ 25,754.60 = 0.47% → −0.5%.
    @Test func reviewDifferencesUseFullWidthBracketsUnderZh() throws {
        let s = try Session(path: onlineShop)
        _ = run(s, "fork lower", "param commission_rate = 0.8%")
        s.language = .zh
        var out = run(s, "review main lower 2026-03")
        #expect(out.contains("老板的工资总成本（应发工资）：main 15,418.50 → lower 15,298.04  −120.46（−0.8%）"))
        #expect(out.contains("雇主成本：main 25,754.60 → lower 25,634.14  −120.46（−0.5%）"))
        #expect(out.contains { $0.hasPrefix("  小美") && $0.hasSuffix("−42.15（−1.3%）") })
        s.language = .en
        out = run(s, "review main lower 2026-03")
        #expect(out.contains("cost to the owner (pay): main 15,418.50 → lower 15,298.04  −120.46 (−0.8%)"))
        #expect(out.contains { $0.hasPrefix("  小美") && $0.hasSuffix("−42.15 (−1.3%)") })
    }

    /// undo and redo name the edit as a deed, with one 已 (fresh-user LOW: "已撤销：已重新定义 list_price"), and
    /// `use takehome` as the part brought in, not "redefined use takehome".
    @Test func undoNamesTheDeedOnce() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        _ = run(s, "use takehome")
        #expect(run(s, "undo").first == "已撤销：加入共用部件 takehome")
        #expect(run(s, "redo").first == "已重做：加入共用部件 takehome")
        _ = run(s, "undo", "param expense_limit_rate = 2%")
        #expect(run(s, "undo").first == "已撤销：重新定义 expense_limit_rate")
        s.language = .en
        _ = run(s, "use takehome")
        #expect(run(s, "undo").first == "undid use takehome")
        _ = run(s, "param expense_limit_rate = 2%")
        #expect(run(s, "undo").first == "undid redefined expense_limit_rate")
    }

    /// A plan edit that would leave an agent's attribute outside its new range is refused by a typed
    /// message (it was a say(en, zh) pair), workspace unchanged: plan C's 李雷 has base 3,000 (C1), below 4000..
    @Test func aRangeAnAgentBreaksIsRefusedInBothLanguages() throws {
        let s = try Session(path: electronics)
        s.language = .en
        expectRefused(s, "attribute base \"底薪\" default 3000 range 4000..",
                      "李雷 has base=3,000.00, outside the range 4000.. the plan would declare for base; change it first (agent set 李雷 base=…); nothing was changed")
        s.language = .zh
        expectRefused(s, "attribute base \"底薪\" default 3000 range 4000..",
                      "李雷 的 base=3,000.00 不在方案要声明的范围 4000.. 内；请先修改（agent set 李雷 base=…）；未做任何更改")
        #expect(Self.typed(s.execute("attribute base \"底薪\" default 3000 range 4000..")))
    }
}
