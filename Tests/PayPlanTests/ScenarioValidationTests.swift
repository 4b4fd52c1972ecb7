import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// Loads refuse what they cannot represent (issue 11, problem 4): each mutant
/// of a small valid scenario is refused with the field named.
@Suite struct ScenarioValidationTests {
    /// A valid two-agent scenario, as text, with `change` applied to its JSON object.
    func scenario(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var o: [String: Any] = [
            "format": "payplan-scenario", "version": 1, "name": "t", "years": "2026",
            "plan": ["input month sales default 0", "month pay = 3000 + 2% * sales"],
            "agents": [["name": "甲", "id": "S01", "hired": "2025-06-01"], ["name": "乙", "id": "S02"]],
            "inputs": [String: Any](),
        ]
        change(&o)
        return try JSONSerialization.data(withJSONObject: o)
    }

    func refusal(_ change: (inout [String: Any]) -> Void) throws -> String? {
        do { _ = try ScenarioFile.decode(try scenario(change)); return nil } catch let e as ScenarioError { return e.message }
    }

    @Test func theUnchangedScenarioLoads() throws {
        #expect(try refusal { _ in } == nil)
    }

    @Test func formatVersionZeroOrNegativeIsRefused() throws {
        #expect(try refusal { $0["version"] = 0 } == "version: 0 is not a format version (this payplan reads versions 1 to \(ScenarioFile.version))")
        #expect(try refusal { $0["version"] = -1 } == "version: -1 is not a format version (this payplan reads versions 1 to \(ScenarioFile.version))")
    }

    /// `years 1900-2999` is refused by the command (at most 50 years), so by the file too.
    @Test func aYearsRangeTheYearsCommandRefusesIsRefused() throws {
        #expect(try refusal { $0["years"] = "1900-2999" } == "years: \"1900-2999\" covers 1100 years; a scenario covers at most 50 (as the years command allows)")
        #expect(try refusal { $0["years"] = "2026-2075" } == nil, "50 years is allowed")
    }

    @Test func duplicateEmployeeIDsAreRefused() throws {
        let message = try refusal { $0["agents"] = [["name": "甲", "id": "S01"], ["name": "乙", "id": "S01"]] }
        #expect(message == "agents[1].id: \"S01\" is also the ID of agents[0] (甲); employee IDs are unique")
    }

    /// An empty name or order ID is said once, as empty (it was "the ID \"\" is empty or used twice"); one used
    /// twice names the earlier place that has it, as a duplicate employee ID does.
    @Test func emptyAndRepeatedNamesAndOrderIDsAreEachSaidOnce() throws {
        #expect(try refusal { $0["agents"] = [["name": "甲"], ["name": ""]] } == "agents[1].name: the agent's name is empty")
        #expect(try refusal { $0["agents"] = [["name": "甲"], ["name": "乙"], ["name": "甲"]] } == "agents[2].name: \"甲\" is also the name of agents[0]; agent names are unique")
        let order: (String) -> [String: Any] = { ["id": $0, "agent": "甲", "date": "2026-03-02", "fields": ["amount": "100"]] }
        #expect(try refusal { $0["orders"] = [order("T1"), order("")] } == "orders[1].id: the order's ID is empty")
        #expect(try refusal { $0["orders"] = [order("T1"), order("T2"), order("T1")] } == "orders[2].id: \"T1\" is also the ID of orders[0]; order IDs are unique")
        #expect(try refusal { $0["orders"] = [order("T1"), order("T2")] } == nil)
    }

    @Test func leavingBeforeBeingHiredIsRefused() throws {
        let message = try refusal { $0["agents"] = [["name": "甲", "hired": "2025-06-01", "left": "2025-01-31"]] }
        #expect(message == "agents[0].left: 2025-01-31 is before hired 2025-06-01; an agent cannot leave before being hired")
    }

    /// An agent never employed in the scenario's years (a mistyped year) is refused, as agent add refuses it
    /// (issue 12); hired on the last day or gone on the first day of the years is still employed.
    @Test func employmentOutsideTheYearsIsRefused() throws {
        #expect(try refusal { $0["agents"] = [["name": "甲", "hired": "2027-01-01"]] }
            == "agents[0].hired: 2027-01-01 is after the scenario's years (2026); 甲 would never be employed in it")
        #expect(try refusal { $0["agents"] = [["name": "甲", "hired": "2020-01-01", "left": "2025-12-31"]] }
            == "agents[0].left: 2025-12-31 is before the scenario's years (2026); 甲 would never be employed in it")
        #expect(try refusal { $0["years"] = "2026-2027"; $0["agents"] = [["name": "甲", "hired": "2028-03-16"]] }
            == "agents[0].hired: 2028-03-16 is after the scenario's years (2026–2027); 甲 would never be employed in it")
        #expect(try refusal { $0["agents"] = [["name": "甲", "hired": "2026-12-31"], ["name": "乙", "left": "2026-01-01"]] } == nil)
    }

    @Test func anOverlongAgentNameIsRefused() throws {
        let message = try refusal { $0["agents"] = [["name": String(repeating: "李", count: 65)]] }
        #expect(message == "agents[0].name: the name is 65 characters long; names are at most 64")
    }
}
