import Foundation
import Testing
import TestSupport
@testable import PayPlan

/// A load refuses entered values that payplan would not read (issue 11, problem 4: 433 of 5,200
/// mutated files loaded with such values silently dropped) and attributes outside their declared
/// range (agent set refuses them), each with its place: the file's key path and the period.
@Suite struct StoredInputValidationTests {
    /// A valid scenario: sales per agent by month, a team quarter input, base with a range.
    func scenario(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var o: [String: Any] = [
            "format": "payplan-scenario", "version": 1, "name": "t", "years": "2026",
            "plan": ["input month sales default 0", "input team quarter target default 0", "attribute base default 3000 range 0..",
                     "month pay = base + 2% * sales"],
            "agents": [["name": "甲", "id": "S01", "base": "3500"], ["name": "乙", "id": "S02"]],
            "inputs": ["甲": ["sales": ["2026-03": "1000"]]],
            "team_inputs": ["target": ["2026-Q1": "50000"]],
        ]
        change(&o)
        return try JSONSerialization.data(withJSONObject: o)
    }

    func refusal(_ change: (inout [String: Any]) -> Void) throws -> String? {
        do { _ = try ScenarioFile.decode(try scenario(change)); return nil } catch let e as ScenarioError { return e.message }
    }

    @Test func theUnchangedScenarioLoadsWithItsValues() throws {
        #expect(try refusal { _ in } == nil)
        let w = try ScenarioFile.decode(try scenario { _ in }).workspace
        #expect(w.input("sales", agent: "甲", period: Period(text: "2026-03")!) == Fixed(1000))
        #expect(w.input("target", agent: nil, period: Period(text: "2026-Q1")!) == Fixed(50000))
        #expect(w.strayInputs().isEmpty)
    }

    /// The list is in file order (agents as listed, then holders that are no agent, sorted),
    /// names and periods sorted within a holder; an agent whose values are all readable adds
    /// nothing. (The holders are now told apart by a set of names, not a search per holder.)
    @Test func strayValuesAreListedAgentsInFileOrderThenOtherHoldersNamesAndPeriodsSorted() throws {
        var w = try ScenarioFile.decode(try scenario { _ in }).workspace
        func p(_ t: String) -> Period { Period(text: t)! }
        // 甲 keeps only its readable 2026-03 sales; 乙 has a value for no input and two outside 2026;
        // 丙 and 丁 are no agents, sorted by code point (丁 U+4E01 before 丙 U+4E19): 丙's sales
        // would be readable, 丁's bonus is no input, 丙's bonus neither.
        w.inputs["乙"] = ["sales": [p("2027-02"): 1, p("2027-01"): 2, p("2026-05"): 9], "bonus": [p("2026-01"): 3]]
        w.inputs["丁"] = ["bonus": [p("2026-02"): 4]]
        w.inputs["丙"] = ["sales": [p("2026-01"): 5], "bonus": [p("2026-04"): 6]]
        #expect(w.strayInputs().map(\.place) == [
            "inputs.乙.bonus.\"2026-01\"", "inputs.乙.sales.\"2027-01\"", "inputs.乙.sales.\"2027-02\"",
            "inputs.丁.bonus.\"2026-02\"", "inputs.丙.bonus.\"2026-04\"",
        ])
        #expect(w.strayInputs().map(\.reason) == [.notAnInput, .outsideYears, .outsideYears, .notAnInput, .notAnInput])
    }

    @Test func aValueForANameThePlanDoesNotDeclareIsRefused() throws {
        #expect(try refusal { $0["inputs"] = ["甲": ["sales": ["2026-03": "1000"], "bonus": ["2026-03": "5"]]] }
                == "inputs.甲.bonus.\"2026-03\": the plan has no input named bonus; payplan would not read this value")
        // pay is a rule, not an input: a value entered for it has no place either.
        #expect(try refusal { $0["inputs"] = ["乙": ["pay": ["2026-03": "5"]]] }
                == "inputs.乙.pay.\"2026-03\": the plan has no input named pay; payplan would not read this value")
    }

    @Test func aPeriodOutsideTheYearsIsRefused() throws {
        #expect(try refusal { $0["inputs"] = ["甲": ["sales": ["2026-03": "1000", "2027-01": "9", "2025-12": "8"]]] }
                == "inputs.甲.sales.\"2025-12\": 2025-12 is outside the scenario's years (2026); payplan would not read this value (and 1 more value like it)")
        #expect(try refusal { $0["team_inputs"] = ["target": ["2027-Q1": "1"]] }
                == "team_inputs.target.\"2027-Q1\": 2027-Q1 is outside the scenario's years (2026); payplan would not read this value")
    }

    @Test func aValueOfTheWrongGrainIsRefused() throws {
        #expect(try refusal { $0["inputs"] = ["甲": ["sales": ["2026-Q1": "1000"]]] }
                == "inputs.甲.sales.\"2026-Q1\": sales is a month input, so a quarter value has no place; payplan would not read this value")
        // A month value for the quarter input target.
        #expect(try refusal { $0["team_inputs"] = ["target": ["2026-03": "1"]] }
                == "team_inputs.target.\"2026-03\": target is a quarter input, so a month value has no place; payplan would not read this value")
    }

    @Test func aValueHeldByTheWrongOneIsRefused() throws {
        #expect(try refusal { $0["inputs"] = ["甲": ["target": ["2026-Q1": "1"]]] }
                == "inputs.甲.target.\"2026-Q1\": target is a team input (team_inputs), not one per agent; payplan would not read this value")
        #expect(try refusal { $0["team_inputs"] = ["sales": ["2026-03": "1"]] }
                == "team_inputs.sales.\"2026-03\": sales is an input per agent (inputs), not a team one; payplan would not read this value")
    }

    @Test func anAttributeOutsideItsDeclaredRangeIsRefused() throws {
        #expect(try refusal { $0["agents"] = [["name": "甲", "id": "S01", "base": "3500"], ["name": "乙", "id": "S02", "base": "-5"]] }
                == "agents[1].base: -5.00 is outside the range the plan declares for base (0..), as agent set would refuse it")
        #expect(try refusal { $0["agents"] = [["name": "甲", "id": "S01", "base": "0"]]; $0["inputs"] = [String: Any]() } == nil, "0 is inside 0..")
    }
}
