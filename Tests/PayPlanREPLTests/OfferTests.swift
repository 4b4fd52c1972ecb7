import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// `offer`: a candidate's pay month by month at a few sales levels (plan C, base 3000).
@Suite struct OfferTests {
    /// 3万 a month: 1.5% = 450 → 3,450.00; 6万: 2% = 1,200 → 4,200.00; 10万: 2,000 → 5,000.00, plus the
    /// half-year bonus of 1,500 in June and December (average 10万): 6,500.00; the year 12 × 5,000 + 3,000 = 63,000.00.
    @Test func threePathsThroughTheYear() throws {
        let s = try Session(path: electronics)
        let before = s.workspace
        let lines = run(s, "offer sales 3万 6万 10万")
        #expect(s.workspace == before)
        #expect(row(lines, "2026-01") == ["probation", "3,450.00", "4,200.00", "5,000.00"])
        #expect(row(lines, "2026-04") == ["3,450.00", "4,200.00", "5,000.00"])
        #expect(row(lines, "2026-06") == ["3,450.00", "4,200.00", "6,500.00"])
        #expect(row(lines, "total") == ["41,400.00", "50,400.00", "63,000.00"])
    }

    /// Joining in October at base 3,500 with 6万 a month: 3,500 + 1,200 = 4,700.00 a month, 14,100.00 to December.
    @Test func laterStartAndOwnBase() throws {
        let s = try Session(path: electronics)
        let lines = run(s, "offer sales 6万 base=3500 from 2026-10")
        #expect(row(lines, "2026-10") == ["probation", "4,700.00"])
        #expect(row(lines, "total") == ["14,100.00"])
        // A probation month with no sales: 40% of base deducted (C1): 3,500 − 1,400 = 2,100.00.
        #expect(row(run(s, "offer sales 0 base=3500 from 2026-10"), "2026-10") == ["probation", "2,100.00"])
    }

    @Test func badOffers() throws {
        let s = try Session(path: electronics)
        for (command, message) in [
            ("offer", "write offer INPUT AMOUNT"),
            ("offer pay 3万", "'pay' is not a monthly input"),
            ("offer sales lots", "'lots' is not an amount"),
            ("offer sales 3万 from 2030-01", "from needs a month inside the scenario's years"),
        ] {
            #expect(s.execute(command).errors.first?.message.contains(message) == true, "\(command)")
        }
    }
}
