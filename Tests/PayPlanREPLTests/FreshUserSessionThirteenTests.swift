import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// What a new user of session 13 found (all minor), each fixed for its whole kind and read in both languages:
/// no-op edits, a pay figure that is an error of its own on a statement, offer's amounts, quoted names, a
/// percent after a name, unknown figure names, an empty plan saved, unread parameters, yes/no figures over a
/// quarter, and a platform export that is not one. Expected texts are written out from the wording by hand.
@Suite struct FreshUserSessionThirteenTests {
    // MARK: 9. An empty plan saved

    /// A new scenario with no plan is saved with an empty plan list (`"plan" : [ ]`), not one empty line, and reopens.
    @Test func anEmptyPlanIsSavedAsAnEmptyList() throws {
        let dir = tempDir("fresh-13-empty")
        let s = try Session()
        run(s, "save \(dir)/new.json")
        let text = try String(contentsOfFile: dir + "/new.json", encoding: .utf8)
        #expect(!text.contains("\"\""), "\(text)")
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect((json?["plan"] as? [String]) == [])
        let again = try Session(path: dir + "/new.json")
        #expect(again.workspace.plan.definitions.isEmpty)
        // The hand-written writer still writes what Foundation's encoder writes for it.
        let body = ScenarioFile.body(of: s.workspace)
        #expect(try ScenarioFile.encode(body) == ScenarioFile.encodeWithFoundation(body))
    }
}
