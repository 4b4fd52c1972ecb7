import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// A query whose value is an error value says, on the line under it, what went wrong and the cell it began in
/// as a cell reference (李雷.xx[2026-03], 2026040710045.oo, a parameter by its name) — for every kind of figure
/// a query reads: an agent's month, a period figure over months, a team figure, a parameter, an order figure
/// (which said nothing under its value before). The cell the error began in is not named again.
@Suite struct QueryErrorLineTests {
    /// On scenarios/electronics-sales.json, `xx = 1 / (sales - sales)` divides by zero in every month (1.00 / 0);
    /// the order 2026040710045 (李雷, April) gets `oo = 1 / (amount - amount)` likewise.
    static let rules = ["month xx = 1 / (sales - sales)", "month yy = xx + 1", "quarter qq = sum(yy over quarter)",
                        "team month tt = sum(yy over agents)", "param pz = 1 / 0", "month uses_pz = pz",
                        "order oo = 1 / (amount - amount)", "order pp = oo + 1"]

    @Test(arguments: [
        ("李雷.yy[2026-03]", "  division by zero: 1.00 / 0 (from 李雷.xx[2026-03])", "  除数为零：1.00 / 0（来自 李雷.xx[2026-03]）"),
        ("李雷.xx[2026-03]", "  division by zero: 1.00 / 0", "  除数为零：1.00 / 0"),
        // The quarter's sum meets January's error first.
        ("李雷.qq[2026-Q1]", "  division by zero: 1.00 / 0 (from 李雷.xx[2026-01])", "  除数为零：1.00 / 0（来自 李雷.xx[2026-01]）"),
        ("tt[2026-03]", "  division by zero: 1.00 / 0 (from 李雷.xx[2026-03])", "  除数为零：1.00 / 0（来自 李雷.xx[2026-03]）"),
        ("李雷.uses_pz[2026-03]", "  division by zero: 1.00 / 0 (from pz)", "  除数为零：1.00 / 0（来自 pz）"),
        ("2026040710045.pp", "  division by zero: 1.00 / 0 (from 2026040710045.oo)", "  除数为零：1.00 / 0（来自 2026040710045.oo）"),
        ("2026040710045.oo", "  division by zero: 1.00 / 0", "  除数为零：1.00 / 0"),
    ])
    func theErrorLineNamesTheCellItBeganIn(_ c: (query: String, en: String, zh: String)) throws {
        let s = try Session(path: electronics)
        for r in Self.rules { _ = s.execute(r) }
        let en = s.execute(c.query)
        #expect(!en.failed)
        #expect(en.lines == ["\(c.query) = #DIV/0!", c.en], "\(en.lines)")
        s.language = .zh
        #expect(s.execute(c.query).lines == ["\(c.query) = #DIV/0!", c.zh])
    }
}
