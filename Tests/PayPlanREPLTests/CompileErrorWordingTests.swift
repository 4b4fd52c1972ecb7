import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// The compiler's errors (`SourceError.CompileProblem`), the never-employed refusal
/// (`AgentMessage.neverEmployed`) and forecast/review refusals (`WhatIfError.Reason`) are typed and
/// read in Chinese from their kinds; nothing is translated by matching text any more (issue 13,
/// point 1: `ChineseText` is gone). Texts are written out by hand from the wording; every refusal
/// leaves the workspace as it was.
@Suite struct CompileErrorWordingTests {
    func refusal(_ s: Session, _ command: String, sourceLocation: SourceLocation = #_sourceLocation) -> (en: String, zh: String, kind: SourceError.Kind?, caret: String?) {
        let before = s.workspace
        let r = said(s, command)
        #expect(r.failed, "\(command)", sourceLocation: sourceLocation)
        #expect(s.workspace == before, "\(command) changed the workspace", sourceLocation: sourceLocation)
        guard let d = r.error else { return ("", "", nil, nil) }
        let caret = d.source.flatMap { src in d.range.map { String(Array(src)[$0]) } }
        return (r.en, r.zh, (d.said.message as? SourceErrorMessage)?.kind, caret)
    }

    /// On plan C (electronics-sales): an order rule read in a month rule, a table used as a value,
    /// round with three arguments, a function that does not exist, `x` outside a table, a report
    /// column that names nothing.
    @Test func compileErrorsReadInBothLanguages() throws {
        let s = try Session(path: electronics)
        var r = refusal(s, "month m2 = margin * 2")
        #expect(r.kind == .compile(.perOrder("margin")))
        #expect(r.caret == "margin")
        #expect(r.en == "in 'm2': 'margin' is per order; add it up over the orders, e.g. sum(margin over orders)")
        #expect(r.zh == "在 'm2' 中：'margin' 是逐笔订单的数字；请按订单汇总，例如 sum(margin over orders)")
        r = refusal(s, "month m2 = commission_tiers + 1")
        #expect(r.zh == "在 'm2' 中：'commission_tiers' 是阶梯表：请写 lookup(commission_tiers, amount)、marginal(commission_tiers, amount) 或 retroactive(commission_tiers, amount)")
        r = refusal(s, "month m2 = round(sales, 2, 3)")
        #expect(r.kind == .compile(.arguments(function: "round", usage: .roundDecimals)))
        #expect(r.en == "in 'm2': round takes an amount and optionally the decimals to keep: round(x) keeps 2 (to the fen), round(x, 0) whole yuan")
        #expect(r.zh == "在 'm2' 中：round 需要一个金额，可再写保留的小数位数：round(x) 保留 2 位（到分），round(x, 0) 到元")
        r = refusal(s, "month m2 = sqrt(sales)")
        #expect(r.en.hasPrefix("in 'm2': unknown function 'sqrt'; functions are round, floor, ceil, abs"))
        #expect(r.zh.hasPrefix("在 'm2' 中：未知函数 'sqrt'；可用函数：round、floor、ceil、abs"))
        r = refusal(s, "month m2 = x + 1")
        #expect(r.zh == "在 'm2' 中：'x' 代表查表的金额，只能写在阶梯表的档位里")
        // A quarter rule reading the monthly sales without adding it up.
        r = refusal(s, "quarter q2 = sales * 2")
        #expect(r.kind == .compile(.finerInCoarser("sales", grain: .month, rule: .quarter)))
        #expect(r.en == "in 'q2': 'sales' is monthly; in a quarter rule use sum(sales over quarter) or avg(sales over quarter)")
        #expect(r.zh == "在 'q2' 中：'sales' 是月度数字；在季度规则中请写 sum(sales over quarter) 或 avg(sales over quarter)")
        r = refusal(s, "report columns sales, nosuch")
        #expect(r.kind == .compile(.noFigure("nosuch")))
        #expect(r.zh.hasSuffix("没有名为 'nosuch' 的数字"), "\(r.zh)")
    }

    /// Agents hired after the years or gone before them (PartialMonthTests holds the English).
    @Test func neverEmployedReadsInChinese() throws {
        let s = try Session()
        s.language = .zh
        #expect(!s.execute("month pay = prorate(base, \"calendar_days\")").failed)
        var out = s.execute("agent add 乙 base=3000 hired=2020-01-01 left=2025-12-31")
        #expect(out.errors.first?.said.text(.zh) == "离职日 left=2025-12-31 早于本方案的年份（2026）：乙 在方案中从未在职；请更正日期或扩大年份（years 2025-2026）；未做任何更改")
        #expect(s.workspace.agents.isEmpty)
        #expect(!s.execute("agent add 丁 base=3000 hired=2020-01-01 left=2026-01-01").failed)
        out = s.execute("years 2027")
        #expect(out.errors.first?.said.text(.zh) == "years 2027：离职日 left=2026-01-01 早于本方案的年份（2027）：丁 在方案中从未在职；请更正日期或扩大年份（years 2026-2027）；未做任何更改")
        #expect(out.errors.first?.said.text(.en) == "years 2027: left=2026-01-01 is before this scenario's years (2027): 丁 would never be employed in it; correct the date or widen the years (years 2026-2027); nothing was changed")
        #expect(s.workspace.years == 2026...2026)
    }

    /// Forecast and review refusals are typed reasons.
    @Test func forecastAndReviewRefusalsAreTyped() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        // The REPL refuses --runs 0 itself; the engine's own refusal is typed too.
        #expect(throws: WhatIfError(.noRuns)) { try Forecast(workspace: s.workspace, period: Period(text: "2026")!, runs: 0, seed: 1) }
        #expect(WhatIfMessage.probe(.noRuns).text(.zh) == "请至少模拟一次：--runs 1000")
        var out = s.execute("review main main 2026-13")
        #expect(out.errors.first?.said.text(.zh) == "'2026-13' 不是期间：请写月份 2026-03、季度 2026-Q1、半年 2026-H1 或年份 2026", "\(out.text)")
        out = s.execute("review main main 2030")
        #expect(out.errors.first?.said.text(.zh) == "2030 不在本方案的年份内（2026）", "\(out.text)")
        #expect(out.errors.first?.said.text(.en) == "2030 is outside this scenario's years (2026)")
    }

    /// A review page that cannot be written says why in the session's language (it was the raw
    /// English error); nothing is created.
    @Test func aReviewPageThatCannotBeWrittenSaysWhy() throws {
        let path = "/nonexistent-\(UUID().uuidString)/r.html"
        for lang in DisplayLanguage.allCases {
            let s = try Session(path: electronics)
            s.language = lang
            #expect(!s.execute("fork lower").failed)
            let out = s.execute("review main lower 2026 --html \(path)")
            #expect(out.errors.first?.said.text(lang) == (lang == .zh ? "无法写入 \(path)：没有这个文件或文件夹；未写入评审页"
                                                                     : "cannot write \(path): No such file or directory; no page was written"), "\(out.text)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    /// No pattern translation is left: a fixed line (a table row, a value) reads as written in both
    /// languages, and the table of patterns is gone.
    @Test func nothingIsTranslatedByMatchingText() throws {
        #expect(OutputLine(fixed: "T001  2026-03-05").text(.zh) == "T001  2026-03-05")
        let folder = repositoryRoot + "/Sources"
        let files = FileManager.default.enumerator(atPath: folder)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        for f in files {
            let text = try String(contentsOfFile: folder + "/" + f, encoding: .utf8)
            #expect(!text.contains("ChineseText"), "\(f) still refers to ChineseText")
        }
    }
}
