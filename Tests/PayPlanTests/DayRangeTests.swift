import Foundation
import Testing
@testable import PayPlan

/// Days built from a workspace's years or a month never trap (issue 11): `Workspace.knownOn`
/// and `Month.firstDay/lastDay` force-unwrapped `Day(...)`, which is nil outside years 1–9999.
/// The loaders and `years` allow 1900–2999; a workspace made in code can hold any years, and
/// `Engine` refuses those outside 1–9999 with a message instead of trapping later.
@Suite struct DayRangeTests {
    @Test func daysOutsideYearsOneToNineThousandNineHundredNinetyNineAreClamped() throws {
        // Year 10000's last day does not exist; the last day there is is 9999-12-31.
        #expect(Workspace(name: "w", years: 10000...10000).knownOn == Day(year: 9999, month: 12, day: 31))
        // Year 0: the first year with days is 1.
        #expect(Workspace(name: "w", years: 0...0).knownOn == Day(year: 1, month: 12, day: 31))
        // Month index −5 is year 0, month −4 (index = year × 12 + month − 1): clamped to 0001-01.
        #expect(Month(index: -5).firstDay == Day(year: 1, month: 1, day: 1))
        #expect(Month(year: 10000, month: 2).lastDay == Day(year: 9999, month: 2, day: 28))
        // In range nothing moves: February of the leap year 2028 ends on the 29th.
        #expect(Month(year: 2028, month: 2).lastDay == Day(year: 2028, month: 2, day: 29))
        #expect(Month(year: 2026, month: 3).firstDay == Day(year: 2026, month: 3, day: 1))
    }

    @Test func anEngineRefusesYearsWithoutDays() throws {
        for years in [10000...10001, 0...0, -3...2026] {
            let w = Workspace(name: "w", years: years)
            let e = try #require(throws: ScenarioError.self) { try Engine(workspace: w) }
            #expect(e.message == "years \(years.lowerBound)–\(years.upperBound): a scenario's years must lie within 1–9999")
        }
        #expect(throws: Never.self) { try Engine(workspace: Workspace(name: "w", years: 9999...9999)) }
    }
}
