import Testing
import TestSupport
@testable import PayPlanREPL

/// An order credited to nobody (a silent order, 闷拍, A6) that reads an agent's figure through an
/// order rule: every such read is `#MISSING` naming the order, never another agent's cell and never
/// a trap. (The long fuzz run of 2026-12-01 crashed on the share of an allocation over agents:
/// the share was looked up at agent −1.) The fixed-period and `paid(…)` reads are in `OrdersTests`.
@Suite struct SilentOrderReadsTests {
    let planA = repositoryRoot + "/scenarios/online-shop-cs.json"
    /// A March order of 小美 (CS01) and a silent March order of the shipped plan A scenario.
    let own = "2026031001984191010", silent = "2026031256842740893"

    @Test func theShareOfAnAllocationOverAgentsReadByASilentOrderIsMissing() throws {
        let s = try Session(path: planA)
        // The line the fuzzer found, then the same kind with a figure worked out by hand.
        run(s, "order r14 = min(allocate(99999.75, tenure over agents) over half)")
        #expect(run(s, "\(silent).r14") == ["\(silent).r14 = #MISSING", "  no agent here"])
        // Tenure in months (hire month counted) in June 2026: 小美 (2024-05) 26, 阿杰 (2024-09) 22,
        // 小雨 (2025-03) 16, 大伟 (2026-03) 4, 老周 (2023-11) 32: 100 in all, so 小美's share of 1,000
        // is 260.00; from January (21 of 76 = 276.32) her share falls every month, so the half's
        // minimum is June's.
        run(s, "order s2 = min(allocate(1000, tenure over agents) over half)")
        #expect(run(s, "\(own).s2") == ["\(own).s2 = 260.00"])
        #expect(run(s, "\(silent).s2") == ["\(silent).s2 = #MISSING", "  no agent here"])
    }
}
