import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// The errors about dated versions, `use` lines, unknown names and `drop from` are typed
/// (`SourceError.VersionProblem`, `SourceError.Kind.unknownName`, `EditMessage`), so they read in
/// Chinese without pattern matching (issue 13, point 1). Each is driven through the session under
/// zh and en on plan C (electronics-sales), with the text written out by hand from the wording;
/// the workspace is unchanged after each refusal.
@Suite struct VersionErrorWordingTests {
    /// Runs `command`, expects a refusal with a caret under `under`, the same workspace after, and
    /// returns the error's text in English and Chinese.
    func refusal(_ s: Session, _ command: String, under: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> (en: String, zh: String, kind: SourceError.Kind?) {
        let before = s.workspace
        let out = s.execute(command)
        #expect(out.failed, "\(command)", sourceLocation: sourceLocation)
        #expect(s.workspace == before, "\(command) changed the workspace", sourceLocation: sourceLocation)
        guard let d = out.errors.first else { return ("", "", nil) }
        if let under {
            if let src = d.source, let r = d.range { #expect(String(Array(src)[r]) == under, sourceLocation: sourceLocation) } else { Issue.record("\(command): no caret", sourceLocation: sourceLocation) }
        }
        let kind = (d.said.message as? SourceErrorMessage)?.kind
        return (d.said.text(.en), d.said.text(.zh), kind)
    }

    @Test func datedVersionErrorsReadInBothLanguages() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        // Plan C covers 2026 only: 2027-01 lies after it.
        var r = refusal(s, "from 2027-01 param damage_cap_rate = 10%", under: "2027-01")
        #expect(r.kind == .version(.outsideYears(Month(year: 2027, month: 1), years: 2026...2026)))
        #expect(r.en == "2027-01 is outside the scenario's years (2026): a version takes effect in a month of them")
        #expect(r.zh == "2027-01 不在方案的年份（2026）之内：版本只能从其中某个月起生效")
        r = refusal(s, "from 2026-07 param no_such_rate = 1%", under: "2026-07")
        #expect(r.zh == "没有名为 'no_such_rate' 的定义可以自 2026-07 起修改：请先定义它（不写 from），再添加版本")
        // tier_commission is a per-agent month rule; a quarter version is another kind.
        r = refusal(s, "from 2026-07 quarter tier_commission = 0", under: "quarter")
        #expect(r.en == "'tier_commission' is a month rule; a version of it must be one too: from 2026-07 month tier_commission = …")
        #expect(r.zh == "'tier_commission' 是月度规则，它的版本也必须是月度规则：from 2026-07 month tier_commission = …")
        r = refusal(s, "from 2026-07 param commission_tiers = 0", under: "param")
        #expect(r.zh == "'commission_tiers' 是阶梯表，它的版本也必须是阶梯表：from 2026-07 table commission_tiers …")
        r = refusal(s, "from 2026-07 input month sales default 0", under: "2026-07")
        #expect(r.kind == .version(.notVersionable("sales", kind: .input)))
        #expect(r.zh == "只有参数、阶梯表和规则可以按日期变更；'sales' 是录入项")
        // A half rule's versions start in January or July.
        r = refusal(s, "from 2026-08 half half_bonus = 0", under: "2026-08")
        #expect(r.en == "'half_bonus' is a half rule: a version of it starts with a half (2026-01, 2026-07)")
        #expect(r.zh == "'half_bonus' 是半年度规则：它的版本必须从某个半年度的第一个月开始（2026-01、2026-07）")
        // A parameter reading a dated parameter: no month to choose by (a compile error, named by its definition).
        #expect(!s.execute("from 2026-04 param damage_cap_rate = 10%").failed)
        r = refusal(s, "param double_cap = damage_cap_rate * 2", under: "damage_cap_rate")
        #expect(r.en == "in 'double_cap': 'damage_cap_rate' changes from 2026-04: a parameter or attribute has no month to choose a version by; use it in a month rule")
        #expect(r.zh == "在 'double_cap' 中：'damage_cap_rate' 自 2026-04 起有变更：参数或属性没有月份，无法选择版本；请在月度规则中使用它")
        r = refusal(s, "table damage_cap_rate: 0 -> 1", under: "table")
        #expect(r.zh == "'damage_cap_rate' 有旧类型的日期版本（自 2026-04）：请先删除它们（drop from 2026-04 damage_cap_rate）")
        // drop from: written wrongly, and a month with no version.
        r = refusal(s, "drop from July damage_cap_rate")
        #expect(r.en == "write drop from MONTH NAME, e.g. drop from 2026-07 commission_tiers")
        #expect(r.zh == "请写 drop from 月份 名称，例如 drop from 2026-07 commission_tiers")
        r = refusal(s, "drop from 2026-08 damage_cap_rate")
        #expect(r.en == "'damage_cap_rate' has no version from 2026-08; its versions start 2026-04")
        #expect(r.zh == "'damage_cap_rate' 没有自 2026-08 起的版本；它的版本起始于 2026-04")
        // years 2027 would leave the 2026-04 version outside.
        r = refusal(s, "years 2027")
        #expect(r.zh.contains("在 'damage_cap_rate' 中：2026-04 不在方案的年份（2027）之内"), "\(r.zh)")
    }

    @Test func unknownNamesAndPartsReadInBothLanguages() throws {
        let s = try Session(path: electronics)
        s.language = .zh
        var r = refusal(s, "month bonus2 = revnue * 2", under: "revnue")
        #expect(r.kind == .unknownName("revnue", suggestion: "revenue"))
        #expect(r.en == "in 'bonus2': unknown name 'revnue' (did you mean 'revenue'?)")
        #expect(r.zh == "在 'bonus2' 中：未知名称 'revnue'（是否想写 'revenue'？）")
        // Nothing within a third of its length: no hint.
        r = refusal(s, "month bonus2 = zzzzzzzzzz * 2", under: "zzzzzzzzzz")
        #expect(r.zh == "在 'bonus2' 中：未知名称 'zzzzzzzzzz'")
        r = refusal(s, "use payroll", under: "payroll")
        #expect(r.en == "no plan part named 'payroll'; parts: takehome")
        #expect(r.zh == "没有名为 'payroll' 的共用部件；可用部件：takehome")
    }

    /// A plan file's own mistakes: a name defined twice, two versions from one month, a plan that
    /// ends inside a definition.
    @Test func planFileMistakesAreTyped() {
        func kind(_ lines: [String]) -> SourceError.Kind? {
            do { _ = try Plan.parse(lines: lines); return nil } catch let e as PlanSourceError { return e.error.kind } catch { return nil }
        }
        #expect(kind(["param r = 1%", "param r = 2%"]) == .version(.definedTwice("r")))
        #expect(kind(["param r = 1%", "from 2026-07 param r = 2%", "from 2026-07 param r = 3%"]) == .version(.twoVersions("r", from: Month(year: 2026, month: 7))))
        #expect(SourceErrorMessage(.version(.definedTwice("r"))).text(.zh) == "方案中 'r' 定义了两次")
        #expect(SourceErrorMessage(.version(.twoVersions("r", from: Month(year: 2026, month: 7)))).text(.zh) == "方案中 'r' 有两个自 2026-07 起的版本")
        #expect(SourceErrorMessage(.version(.endsMidDefinition)).text(.en) == "the plan ends in the middle of this definition")
    }

    /// `explain --rules` notes are typed (`Explanation.Note`) and rendered per language. 李雷 in
    /// 2026-03 (C2, C3): revenue 119,100.00 = sales 120,000.00 − expenses 900.00, in the tier
    /// [10万, 20万): 2% × 100,000 + 3% × 19,100 = 2,000 + 573 = 2,573.00.
    @Test func theRulesTreeNotesReadInBothLanguages() throws {
        for lang in DisplayLanguage.allCases {
            let s = try Session(path: electronics)
            s.language = lang
            let out = s.execute("explain 李雷.tier_commission[2026-03] --rules --depth 1")
            #expect(!out.failed)
            let lines = out.lines
            let tier = lang == .zh
                ? "  · commission_tiers：119,100.00 落在档位 [100,000.00, 200,000.00) → 2,573.00 (2% * 10万 + 3% * (x - 10万), x = 119,100.00)"
                : "  · commission_tiers: 119,100.00 falls in the tier [100,000.00, 200,000.00) → 2,573.00 (2% * 10万 + 3% * (x - 10万), x = 119,100.00)"
            #expect(lines.contains(tier), "\(lines)")
            #expect(lines.contains(lang == .zh ? "    · 已录入" : "    · entered"), "\(lines)")
            #expect(lines.contains(lang == .zh ? "    · 还读取 3 个数字（用 --depth 查看）" : "    · reads 3 more figures (explain with --depth to see them)"), "\(lines)")
            #expect(lines.first == "李雷.tier_commission[2026-03] = 2,573.00  阶梯提成")
            #expect(lines[1].hasPrefix(lang == .zh ? "  规则：month tier_commission" : "  rule: month tier_commission"))
            // Every note line is a typed message, never an old English line.
            #expect(out.body.allSatisfy { $0.message is ExplainMessage })
        }
    }
}
