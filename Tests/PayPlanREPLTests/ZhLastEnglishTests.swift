import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// The last English lines under --lang zh (issue 13, "Done when": a zh transcript has no English words
/// but names, IDs and file names), each said in both languages from a typed message.
@Suite struct ZhLastEnglishTests {
    /// True when no line of `out` is an untyped English line.
    static func typed(_ out: Output) -> Bool {
        (out.body + out.errors.map(\.said)).allSatisfy { if case .english = $0.content { false } else { true } }
    }

    /// `solve … = abc` (fresh-user M-A: "the target 'abc'：…" under zh) names solve's target in the
    /// session's language, and every amount slot of sweep/solve/cliffs and review's --threshold likewise.
    @Test func aBadAmountNamesItsPlaceInBothLanguages() throws {
        let s = try Session(path: electronics)
        s.language = .en
        expectRefused(s, "solve sales for pay = abc", "the target 'abc': an input must be an amount such as 12万, 40k, 40,000 or ¥40000")
        expectRefused(s, "sweep sales from 0 to abc step 1万 show pay", "to 'abc': an input must be an amount")
        s.language = .zh
        // 目标, as solve's usage names it (写法：solve 录入项 for 数字 = 目标 …).
        expectRefused(s, "solve sales for pay = abc", "目标 'abc'：录入值必须是金额，例如 12万、40k、40,000 或 ¥40000")
        expectRefused(s, "sweep sales from 0 to 10万 step show pay", "step 后面需要金额，例如 30万 或 300000")
        expectRefused(s, "sweep sales from 0 to abc step 1万 show pay", "to 'abc'：录入值必须是金额")
        #expect(Self.typed(s.execute("solve sales for pay = abc")))
        _ = run(s, "fork lower")
        expectRefused(s, "review main lower 2026-03 --threshold abc", "--threshold 'abc'：录入值必须是金额")
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
}
