import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// The pay change lines after an edit (`Session.payChangeLines`) pick out only the lines shown: the
/// first `changeLimit` pay cells in cell order, whatever order the changes come in, equal cells in the
/// order given, and a count of the rest; cells of other rules are neither shown nor counted.
@Suite struct PayChangeLinesTests {
    /// pay = sales, sales 0 by default; agents A, B, C (cells agent-major: A's twelve months, then B's, then C's).
    func session() throws -> Session {
        let s = try Session()
        run(s, "input month sales default 0", "month pay = sales", "report total pay", "agent add A", "agent add B", "agent add C")
        return s
    }

    func payCell(_ s: Session, _ agent: String, _ month: Int) -> Int {
        let e = s.engine
        return e.cell(rule: e.plan.ruleIndex["pay"]!, agent: e.agentIndex(named: agent)!, period: .month(Month(year: 2026, month: month)))!
    }

    func texts(_ lines: [OutputLine]) -> [String] { lines.map { $0.text(.en) } }

    @Test func theFirstCellsInCellOrderAreShownWhateverTheOrderGiven() throws {
        let s = try session()
        s.changeLimit = 3
        let e = s.engine
        let sales = e.cell(rule: e.plan.ruleIndex["sales"]!, agent: 0, period: .month(Month(year: 2026, month: 1)))!
        // Five pay cells out of order, and a sales cell (not a pay figure: neither shown nor counted).
        let changed: [Engine.Change] = [
            (payCell(s, "C", 5), .number(Fixed(5))), (payCell(s, "A", 3), .number(Fixed(3))), (sales, .number(Fixed(9))),
            (payCell(s, "B", 1), .number(Fixed(2))), (payCell(s, "A", 12), .number(Fixed(12))), (payCell(s, "A", 1), .number(Fixed(1))),
        ]
        // Every pay figure is 0 now (no sales entered).
        #expect(texts(s.payChangeLines(changed)) == [
            "A.pay[2026-01]: 1.00 → 0.00", "A.pay[2026-03]: 3.00 → 0.00", "A.pay[2026-12]: 12.00 → 0.00",
            "… and 2 more pay figures changed",
        ])
        // Under the cap: all five, in cell order, and no count.
        s.changeLimit = 5
        #expect(texts(s.payChangeLines(changed)) == [
            "A.pay[2026-01]: 1.00 → 0.00", "A.pay[2026-03]: 3.00 → 0.00", "A.pay[2026-12]: 12.00 → 0.00",
            "B.pay[2026-01]: 2.00 → 0.00", "C.pay[2026-05]: 5.00 → 0.00",
        ])
    }

    @Test func equalCellsKeepTheOrderGivenAndNoLimitShowsOnlyTheCount() throws {
        let s = try session()
        s.changeLimit = 2
        let a1 = payCell(s, "A", 1), b2 = payCell(s, "B", 2)
        let changed: [Engine.Change] = [(b2, .number(Fixed(7))), (a1, .number(Fixed(1))), (a1, .number(Fixed(2))), (a1, .number(Fixed(3)))]
        #expect(texts(s.payChangeLines(changed)) == ["A.pay[2026-01]: 1.00 → 0.00", "A.pay[2026-01]: 2.00 → 0.00", "… and 2 more pay figures changed"])
        s.changeLimit = 0
        #expect(texts(s.payChangeLines(changed)) == ["… and 4 more pay figures changed"])
        #expect(texts(s.payChangeLines([])).isEmpty)
    }
}
