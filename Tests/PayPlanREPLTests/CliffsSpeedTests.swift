import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// The cliff finder over a large rate table (issue 11, item 6): 3,000 tiers must
/// not take minutes, and every boundary is found with the jump worked by hand.
@Suite struct CliffsSpeedTests {
    /// `t` has 3,000 rows: threshold 100·i → rate (i + 1)/10,000 for i = 0…2,999; pay = retroactive(t, sales).
    static func session() throws -> Session {
        let s = try Session()
        let rows = (0..<3000).map { i in "\(i * 100) -> 0.\(String(repeating: "0", count: 4 - String(i + 1).count))\(i + 1)" }
        run(s, "input month sales default 0", "table t [lo, hi): " + rows.joined(separator: ", "),
            "month pay = retroactive(t, sales)", "agent add 甲")
        return s
    }

    /// At 100·k (k = 1…2,999) the tier moves from rate k/10⁴ to (k + 1)/10⁴:
    /// before = (100k − 0.01) × k/10⁴ = k²/100 − k/10⁶, after = 100k × (k + 1)/10⁴ = (k² + k)/100.
    /// k = 1,500: before = 149,999.99 × 15% = 22,499.9985, after = 150,000 × 15.01% = 22,515.00, +15.0015.
    /// k = 1: before = 99.99 × 0.01% = 0.009999, after = 0.02, +0.010001. Every jump k/100 + k/10⁶ is above 0,
    /// so there are 2,999 cliffs over threshold 0, one at each threshold and none elsewhere.
    @Test func cliffsOverAThreeThousandRowTable() throws {
        let s = try Self.session()
        let out = run(s, "cliffs pay over sales from 0 to 300000 threshold 0 for 甲 in 2026-03")
        let jumps = out.filter { $0.hasPrefix("  sales ") }
        #expect(jumps.count == 2999)
        #expect(jumps.first == "  sales 99.99 → 100.00: pay 0.009999 → 0.02 (+0.010001)  t")
        // Each cliff sits at a multiple of 100 with the jump worked above.
        for (i, line) in jumps.enumerated() {
            let k = i + 1
            #expect(line.hasPrefix("  sales \(Fixed(fen: Int128(k * 10_000 - 1)).moneyText) → \(Fixed(k * 100).moneyText): pay "), "k = \(k)")
            #expect(line.contains(" → \(Fixed(raw: Fixed.scale * Int128(k * k + k) / 100).moneyText) (+"), "k = \(k)")
        }
        #expect(jumps.contains("  sales 149,999.99 → 150,000.00: pay 22,499.9985 → 22,515.00 (+15.0015)  t"))
    }

    /// A sawtooth of 3,000 drops (issue 11, item 6: the falling-range search ran a new scan per
    /// drop, quadratic in the drops; 300 rows took 5.3 s of CPU in a debug build, now 0.12 s).
    /// t maps 100·i → 100·i (i = 0…2,999) and pay = sales − lookup(t, sales), so pay climbs from 0
    /// to 99.99 inside each tier and falls to 0 at 100·k: a cliff of −99.99 at each k = 1…2,999,
    /// and a range 100k … 100k + 99.98 where pay is below the 99.99 that 100k − 0.01 pays
    /// (it is back to 99.99 at 100k + 99.99).
    @Test func fallingRangesOfThreeThousandDrops() throws {
        let s = try Session()
        run(s, "input month sales default 0", "table t [lo, hi): " + (0..<3000).map { "\($0 * 100) -> \($0 * 100)" }.joined(separator: ", "),
            "month pay = sales - lookup(t, sales)", "agent add 甲")
        let out = run(s, "cliffs pay over sales from 0 to 300000 threshold 50 for 甲 in 2026-03")
        let cliffs = out.filter { $0.hasPrefix("  sales ") && $0.contains("→") }
        let falling = out.filter { $0.hasPrefix("  sales from ") }
        #expect(cliffs.count == 2999 && falling.count == 2999)
        for k in [1, 1500, 2999] {
            let at = Fixed(k * 100)
            #expect(cliffs.contains("  sales \(Fixed(fen: Int128(k * 10_000 - 1)).moneyText) → \(at.moneyText): pay 99.99 → 0.00 (falls by 99.99)  t"), "k = \(k)")
            #expect(falling.contains("  sales from \(at.moneyText) to \(Fixed(fen: Int128(k * 10_000 + 9_998)).moneyText): pay is below 99.99, what \(Fixed(fen: Int128(k * 10_000 - 1)).moneyText) pays"), "k = \(k)")
        }
    }
}
