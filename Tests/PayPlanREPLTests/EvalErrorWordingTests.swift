import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// Error values carry a typed detail (`EvalError.Detail`) and the cell they started in as a
/// `CellReference`; the session renders them late, in English or Chinese (issue 13, point 1: the
/// engine's ~50 error messages were English under zh). Sentences are written out by hand from the
/// wording; figures from rules.md and the shipped scenario (plan C, electronics-sales).
@Suite struct EvalErrorWordingTests {
    /// The case names `EvalError+Detail.swift` declares.
    static func declaredDetails() throws -> Set<String> {
        let text = try String(contentsOfFile: repositoryRoot + "/Sources/PayPlan/Values/EvalError+Detail.swift", encoding: .utf8)
        return Set(text.split(separator: "\n").compactMap { line in
            line.firstMatch(of: /^        case (\w+)/).map { String($0.1) }
        })
    }

    /// Every detail has a sample in `EvalErrorMessage` (so `MessageCatalogueTests` renders it in
    /// Chinese and rejects English words); a new detail without one fails here.
    @Test func everyDetailHasASampleWithChinese() throws {
        let declared = try Self.declaredDetails()
        #expect(declared.count >= 45, "found \(declared.sorted())")
        var sampled = Set<String>()
        for m in EvalErrorMessage.samples {
            if case .detail(let d) = m { sampled.insert(MessageCatalogueTests.caseName(d)) }
        }
        #expect(declared.subtracting(sampled).isEmpty, "no sample of \(declared.subtracting(sampled).sorted())")
        for m in EvalErrorMessage.samples {
            let zh = m.text(.zh)
            #expect(MessageCatalogueTests.englishWords(zh).isEmpty, "'\(zh)' has English words")
            if case .detail(let d) = m, case .raised = d {} else { #expect(zh != m.text(.en), "'\(zh)' is the English text") }
        }
    }

    /// A query of an error value says its detail in the session's language, with the cell it started
    /// in when that is another. Plan C, 李雷, 2026-03: sales 120,000.00 (the scenario's input).
    @Test func aQueriedErrorValueReadsInBothLanguages() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        _ = s.execute("month z = sales / 0")
        var out = s.execute("李雷.z[2026-03]")
        #expect(out.lines == ["李雷.z[2026-03] = #DIV/0!", "  除数为零：120,000.00 / 0"])
        // 120,000 > 1 is yes: a flag added to an amount.
        _ = s.execute("month w = sales + (sales > 1)")
        out = s.execute("李雷.w[2026-03]")
        #expect(out.lines == ["李雷.w[2026-03] = #TYPE", "  '+' 两边都需要金额，而不是 120,000.00 和 是"])
        // An input with no default and nothing entered.
        _ = s.execute("input month visits")
        out = s.execute("李雷.visits[2026-03]")
        #expect(out.lines == ["李雷.visits[2026-03] = #MISSING", "  李雷 2026-03 没有录入 visits，也没有默认值"])
        // A figure reading it names where the error started, as a cell reference.
        _ = s.execute("month v2 = visits + 1")
        out = s.execute("李雷.v2[2026-03]")
        #expect(out.lines == ["李雷.v2[2026-03] = #MISSING", "  李雷 2026-03 没有录入 visits，也没有默认值（来自 李雷.visits[2026-03]）"])
        if case .error(let e) = s.engine.value(ofCell: s.engine.cell(rule: s.engine.plan.ruleIndex["v2"]!, agent: 0,
                                                                       period: Period(grain: .month, start: Month(year: 2026, month: 3)))!) {
            #expect(e.origin == CellReference(figure: "visits", agent: "李雷", period: Period(grain: .month, start: Month(year: 2026, month: 3))))
            #expect(e.detail == .noInput(figure: "visits", agent: "李雷", period: Period(grain: .month, start: Month(year: 2026, month: 3))))
        } else { Issue.record("李雷.v2[2026-03] is no error value") }
        s.language = .en
        out = s.execute("李雷.v2[2026-03]")
        #expect(out.lines == ["李雷.v2[2026-03] = #MISSING", "  no visits for 李雷 in 2026-03 (from 李雷.visits[2026-03])"])
        out = s.execute("李雷.z[2026-03]")
        #expect(out.lines == ["李雷.z[2026-03] = #DIV/0!", "  division by zero: 120,000.00 / 0"])
    }

    /// An error in the pay figure: the warning, the query and the rules tree say it in Chinese. Plan C
    /// has 4 agents over the 12 months of 2026: 48 pay cells, all errors once the cap rate divides by
    /// zero; the first (李雷, 2026-01) is named and 47 more counted.
    @Test func aPayErrorWarnsInChinese() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        let out = s.execute("param damage_cap_rate = 1/0")
        let warning = out.warnings.flatMap { $0.render(language: .zh) }.first { $0.hasPrefix("警告：在 'pay' 中") }
        #expect(warning == "警告：在 'pay' 中：李雷 2026年1月的应发工资无法计算（#DIV/0! 除以零：除数为零：1.00 / 0），源自参数 赔偿扣款上限（另有 47 个工资数字也是错误值）；错误值无法发放：请改正造成它的数值，或 undo")
        let en = out.warnings.flatMap { $0.render(language: .en) }.first { $0.hasPrefix("warning: in 'pay'") }
        #expect(en == "warning: in 'pay': 李雷's pay (应发工资) for 2026-01 cannot be computed (#DIV/0! division by zero: 1.00 / 0), from the parameter damage cap rate (赔偿扣款上限) (47 more pay figures are errors too); nothing can be paid from an error: correct the value that caused it, or undo")
        #expect(s.execute("李雷.pay[2026-03]").lines == ["李雷.pay[2026-03] = #DIV/0!", "  除数为零：1.00 / 0（来自 damage_cap_rate）"])
        #expect(s.execute("explain 李雷.pay[2026-03] --rules --depth 0").lines.contains("  · #DIV/0! 除以零：除数为零：1.00 / 0（来自 damage_cap_rate）"))
    }
}
