import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// An imported CSV cell holding a value's label is that value, as a label typed for it is (issue 13, point 5):
/// Plan C labels terms `"cash" "现金", "net30" "月结30天", "net60" "月结60天", "net90" "月结90天"`, so a
/// 付款方式 cell 月结30天 comes in as net30 and the order's term_days (30 for net30 by rule C5, 0 for a value the
/// rule does not know) is 30, the same as for a cell net30.
@Suite struct ImportedLabelTests {
    @Test func aLabelInACellComesInAsItsValue() throws {
        let csv = "订单编号,业务员,签收日期,金额,利润,付款方式\n"
            + "L1,李雷,2026-03-05,1000,300,月结30天\n"
            + "L2,李雷,2026-03-06,1000,300,net30\n"
            + "L3,李雷,2026-03-07,1000,300,月结90天\n"
            + "L4,李雷,2026-03-08,1000,300,现金\n"
        let f = try tempFile(Data(csv.utf8))
        let s = try Session(path: electronics)
        run(s, "orders import \(f) --map-name electronics")
        let terms = ["L1", "L2", "L3", "L4"].map { s.workspace.order($0)?.fields["terms"]?.text }
        #expect(terms == ["net30", "net30", "net90", "cash"])
        #expect(["L1", "L2", "L3", "L4"].map { query(s, "\($0).term_days") } == ["30.00", "30.00", "90.00", "0.00"])
        // Shown by its label under zh, as written in English.
        s.language = .zh
        #expect(row(run(s, "orders 李雷 2026-03"), "L1").contains("月结30天"))
        s.language = .en
        #expect(row(run(s, "orders 李雷 2026-03"), "L1").contains("net30"))
    }

    /// A text that is no label stays as written; a field without labels takes its cells as written.
    @Test func otherTextsStayAsWritten() throws {
        let csv = "订单编号,业务员,签收日期,金额,付款方式\nL9,李雷,2026-03-05,1000,月结45天\n"
        let f = try tempFile(Data(csv.utf8))
        let s = try Session(path: electronics)
        run(s, "orders import \(f) --map-name electronics")
        #expect(s.workspace.order("L9")?.fields["terms"]?.text == "月结45天")
    }
}
