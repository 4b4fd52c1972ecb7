import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// An amount typed with its sign after the currency sign (`¥-5`, as exports and accountants write it) or with
/// a plus sign (`+5`, `¥+5`, `+¥5`) reads as `-¥5` and `5` at every place an amount is typed: a cell's input,
/// order add/set, agent set, offer, sweep — as the order and performance imports already read them. Each is
/// checked against the spelling payplan read before (`-¥5`, `5`) and by hand.
@Suite struct SignedAmountTests {
    /// The spellings and the spelling each means.
    static let forms: [(typed: String, means: String)] = [("¥-5", "-¥5"), ("￥-5", "-¥5"), ("¥ -5", "-¥5"), ("+5", "5"), ("¥+5", "5"), ("+¥5", "5"), ("+1.5万", "15000"), ("¥-1,200", "-1200")]

    @Test(arguments: forms)
    func theLanguageReadsEachForm(_ form: (typed: String, means: String)) throws {
        let typed = try Parser.expression(form.typed), meant = try Parser.expression(form.means)
        #expect(try Session.constantAmount(typed) == Session.constantAmount(meant))
    }

    @Test func byHand() throws {
        #expect(try Session.constantAmount(Parser.expression("¥-5")) == Fixed(-5))
        #expect(try Session.constantAmount(Parser.expression("+5")) == Fixed(5))
        #expect(try Session.constantAmount(Parser.expression("10 - ¥-5")) == Fixed(15))
        #expect(try Session.constantAmount(Parser.expression("10 + +5")) == Fixed(15))
        // A sign with no amount after it is still no amount.
        #expect(throws: SourceError.self) { try Parser.expression("¥-") }
        #expect(throws: SourceError.self) { try Parser.expression("+") }
    }

    /// Every place an amount is typed takes each form as the spelling it means (the workspace after it, or the
    /// refusal, is the same).
    @Test(arguments: forms)
    func everyEntryPointAgrees(_ form: (typed: String, means: String)) throws {
        let commands: [(String) -> String] = [
            { "李雷.sales[2026-03] = \($0)" },
            { "李雷.expenses[2026-03] = \($0)" },
            { "order add Z9 agent=李雷 date=2026-03-05 amount=\($0)" },
            { "order set 2026040710045 costs=\($0)" },
            { "agent set 李雷 base=\($0)" },
        ]
        // A key=value word ends at a space, so `¥ -5` is tried only where a whole line is the amount.
        for command in commands where !form.typed.contains(" ") || command("").hasPrefix("李雷.") {
            let a = try Session(path: electronics), b = try Session(path: electronics)
            let outA = a.execute(command(form.typed)), outB = b.execute(command(form.means))
            #expect(outA.failed == outB.failed, "\(command(form.typed)): \(outA.text) / \(outB.text)")
            #expect(a.workspace == b.workspace, "\(command(form.typed))")
        }
        // offer and sweep print the same table for either spelling of a positive amount; a negative one is refused by both.
        for command in [{ "offer sales \($0)" }, { "sweep sales from 0 to 1万 step \($0) show pay for 李雷 in 2026-03" }] as [(String) -> String] {
            let s = try Session(path: electronics)
            let typed = s.execute(command(form.typed)), meant = s.execute(command(form.means))
            #expect(typed.failed == meant.failed, "\(command(form.typed)): \(typed.text)")
            if !meant.failed { #expect(typed.lines.dropFirst() == meant.lines.dropFirst(), "\(command(form.typed))") }
        }
    }

    /// By hand: sales typed +5 is 5.00; an order's amount ¥+1,200 is 1,200; costs ¥-5 is −5.
    @Test func theValuesByHand() throws {
        let s = try Session(path: electronics)
        run(s, "李雷.sales[2026-03] = +5", "order add Z9 agent=李雷 date=2026-03-05 amount=¥+1,200", "order set Z9 costs=¥-5")
        #expect(query(s, "李雷.sales[2026-03]") == "5.00")
        #expect(s.workspace.order("Z9")?.fields["amount"] == .number(Fixed(1200)))
        #expect(s.workspace.order("Z9")?.fields["costs"] == .number(Fixed(-5)))
    }
}
