import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// The `labels` clause of parameters, attributes and fields (issue 13, point 5: figures and tables use
/// the plan's Chinese labels under zh): parsed in any place among `default` and `range`, kept in the
/// definition's source so a saved plan keeps it, looked up by name and value, carried over to a
/// redefinition that gives none, and refused — with its place — when a value is labelled twice or a
/// label is empty. A plan without the clause parses exactly as before.
@Suite struct ValueLabelTests {
    /// The character range of the `n`-th (from 0) occurrence of `piece` in `source`, worked out by scanning.
    func place(of piece: String, in source: String, occurrence n: Int = 0) -> SourceRange? {
        let s = Array(source), p = Array(piece)
        var found = 0
        for i in 0...(s.count - p.count) where Array(s[i..<(i + p.count)]) == p {
            if found == n { return i..<(i + p.count) }
            found += 1
        }
        return nil
    }

    @Test func aFieldsLabelsAreParsedAfterItsDefault() throws {
        let d = try Definition(source: #"field terms "付款方式" default "cash" labels "cash" "现金", "net30" "月结30天""#)
        #expect(d.valueLabels == [ValueLabel(value: "cash", label: "现金"), ValueLabel(value: "net30", label: "月结30天")])
        guard case .field("terms", "付款方式", let def?, nil) = d.statement, case .text("cash") = def.kind else {
            Issue.record("\(d.statement)"); return
        }
        #expect(d.valueLabelsClause == #"labels "cash" "现金", "net30" "月结30天""#)
    }

    /// The clause may stand before `default` or after `range` (whose open upper end it does not swallow).
    @Test func theClauseStandsAnywhereAmongDefaultAndRange() throws {
        let a = try Definition(source: #"attribute role labels "sales" "销售" default "sales""#)
        #expect(a.valueLabels == [ValueLabel(value: "sales", label: "销售")])
        guard case .attribute("role", nil, let def?, nil) = a.statement, case .text("sales") = def.kind else { Issue.record("\(a.statement)"); return }
        let b = try Definition(source: #"attribute grade "等级" default "A" range 0.. labels "A" "甲等""#)
        guard case .attribute(_, _, _, let r?) = b.statement else { Issue.record("\(b.statement)"); return }
        #expect(r == AmountRange(lower: Fixed(0), upper: nil))
        #expect(b.valueLabels == [ValueLabel(value: "A", label: "甲等")])
    }

    /// A parameter's labels follow its value; the value is still the text "individual".
    @Test func aParametersLabelsFollowItsValue() throws {
        let d = try Definition(source: #"param commission_mode "提成方式" = "individual" labels "individual" "个人", "pool" "团队池""#)
        guard case .param("commission_mode", "提成方式", let v) = d.statement, case .text("individual") = v.kind else { Issue.record("\(d.statement)"); return }
        #expect(d.valueLabels.map(\.label) == ["个人", "团队池"])
        // Across lines, as a long clause is written in the plan (plan B's products).
        let long = try Definition(source: "field product \"产品\" labels \"standard\" \"标准套餐\",\n    \"seo\" \"关键词优化\"")
        #expect(long.valueLabels.map(\.value) == ["standard", "seo"])
    }

    /// Without the clause a definition parses to the same statement as before and has no labels.
    @Test func withoutTheClauseNothingChanges() throws {
        for source in [#"field terms "付款方式" default "cash""#, #"param proration "底薪折算" = "paid_days""#,
                       #"attribute base "底薪" default 3000 range 0.."#, "input month sales default 0 range 0.."] {
            let d = try Definition(source: source)
            #expect(d.valueLabels.isEmpty && d.valueLabelsRange == nil && d.valueLabelsClause == nil, "\(source)")
            #expect(d.statement == (try Parser.statement(source)))
        }
        // `labels` is no reserved word: a rule may still be called so and be read.
        #expect(throws: Never.self) { try Definition(source: "month labels = 1") }
        #expect(throws: Never.self) { try Definition(source: "param k = labels") }
    }

    @Test func aValueLabelledTwiceIsRefusedAtItsSecondLabel() throws {
        let source = #"field terms labels "cash" "现金", "cash" "现款""#
        #expect(throws: SourceError(.labelledTwice("cash"), at: place(of: #""cash""#, in: source, occurrence: 1), in: source)) {
            try Definition(source: source)
        }
    }

    @Test func anEmptyLabelIsRefusedAtIt() throws {
        let source = #"param mode = "a" labels "a" "甲", "b" " ""#
        // The label `" "` is the last three characters.
        #expect(throws: SourceError(.labelEmpty(value: "b"), at: (source.count - 3)..<source.count, in: source)) {
            try Definition(source: source)
        }
        let empty = #"field terms labels "" "无""#
        #expect(throws: SourceError(.labelEmpty(value: nil), at: place(of: #""""#, in: empty), in: empty)) { try Definition(source: empty) }
    }

    /// A value without its label, or a name where a text belongs, says what a labels clause looks like.
    @Test func aClauseMissingALabelSaysHowToWriteIt() throws {
        let source = #"field terms labels "cash" "现金", "net30""#
        #expect(throws: SourceError(.labelsSyntax(found: .end), at: source.count..<(source.count + 1), in: source)) { try Definition(source: source) }
        let bare = #"field terms labels cash "现金""#
        #expect(throws: SourceError(.labelsSyntax(found: .identifier("cash")), at: place(of: "cash", in: bare), in: bare)) { try Definition(source: bare) }
        // Only parameters, attributes and fields label values: an input or a rule does not take the clause.
        #expect(throws: SourceError.self) { try Definition(source: #"input month sales default 0 labels "a" "甲""#) }
    }

    /// `Plan.valueLabel(of:value:)` answers by name and value; `valueLabels(for:)` gives a name's own labels,
    /// or every label of the plan for a name without any (a rule whose values are texts).
    @Test func thePlanLooksLabelsUpByNameAndValue() throws {
        let plan = Plan(definitions: [
            try Definition(source: #"field terms default "cash" labels "cash" "现金", "net30" "月结30天""#),
            try Definition(source: #"param account_plan = "fixed" labels "fixed" "固定", "rotate" "轮换""#),
            try Definition(source: #"param silent_mode = "split" labels "split" "平分", "rotate" "轮值""#),
            try Definition(source: #"order late = terms = "net30""#),
        ])
        #expect(plan.valueLabel(of: "terms", value: "net30") == "月结30天")
        #expect(plan.valueLabel(of: "terms", value: "net60") == nil)
        #expect(plan.valueLabel(of: "late", value: "net30") == nil)
        #expect(plan.valueLabels(for: "silent_mode") == ["split": "平分", "rotate": "轮值"])
        // Two names label "rotate": the first written wins where no name is known.
        #expect(plan.valueLabels(for: "late") == ["cash": "现金", "net30": "月结30天", "fixed": "固定", "rotate": "轮换", "split": "平分"])
        #expect(plan.valueLabels(for: nil) == plan.valueLabelsByValue)
    }

    /// A redefinition that gives no labels keeps the old ones (as it keeps the label), written into its
    /// source so the saved plan has them; one that gives its own replaces them.
    @Test func aRedefinitionKeepsTheLabelsItDoesNotGive() throws {
        var plan = Plan(definitions: [try Definition(source: #"param commission_mode "提成方式" = "individual" labels "individual" "个人", "pool" "团队池""#)])
        plan.define(try Definition(source: #"param commission_mode = "pool""#))
        let d = try #require(plan.definition(named: "commission_mode"))
        #expect(d.source == #"param commission_mode "提成方式" = "pool" labels "individual" "个人", "pool" "团队池""#)
        #expect(plan.valueLabel(of: "commission_mode", value: "pool") == "团队池")
        plan.define(try Definition(source: #"param commission_mode = "pool" labels "pool" "大锅饭""#))
        #expect(plan.definition(named: "commission_mode")?.valueLabels == [ValueLabel(value: "pool", label: "大锅饭")])
        // Read from a file (relabel: false) the text is kept exactly.
        var read = Plan()
        read.define(try Definition(source: #"param m = "a" labels "a" "甲""#), relabel: false)
        read.define(try Definition(source: #"param m = "b""#), relabel: false)
        #expect(read.definition(named: "m")?.valueLabels == [])
    }

    /// The plan's source text (what a scenario file stores) keeps the clause as written, and reads back the same.
    @Test func theClauseRoundTripsThroughThePlansSource() throws {
        let lines = [#"field terms "付款方式" default "cash" labels "cash" "现金", "net30" "月结30天""#,
                     #"param mode = "a" labels "a" "甲", "b" "乙""#, "order credit = if terms = \"cash\" then 1 else 0"]
        let plan = Plan(definitions: try lines.map { try Definition(source: $0) })
        let text = plan.sourceText
        for l in lines { #expect(text.contains(l), "\(text)") }
        let again = try Plan.parse(lines: text.components(separatedBy: "\n"))
        #expect(again.definitions.map(\.source) == lines)
        #expect(again.definitions.map(\.valueLabels) == plan.definitions.map(\.valueLabels))
        #expect(again.valueLabel(of: "mode", value: "b") == "乙")
    }
}
