import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// `switch` changes nothing a save writes (the scenario file holds every fork, main as the scenario,
/// whichever is current), so it leaves the unsaved mark — the prompt's `*`, the note at the end of a
/// script — as it was (issue 13); a real edit still sets it, on any fork.
@Suite struct SwitchUnsavedMarkTests {
    /// A saved copy of the shipped scenario with a fork `high` (李雷's March sales 20万) beside main.
    static func savedWithFork() throws -> (file: String, session: Session) {
        let (_, file) = try scenarioCopy(electronics, label: "switch-mark")
        let s = try Session(path: file)
        run(s, "fork high", "李雷.sales[2026-03] = 20万", "switch main", "save")
        #expect(!s.isDirty)
        return (file, try Session(path: file))
    }

    static func prompt(_ s: Session) -> String { Prompt.main(name: s.workspace.name, isDirty: s.isDirty) }

    @Test func switchingForksOfASavedScenarioLeavesItSaved() throws {
        let (file, s) = try Self.savedWithFork()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(!s.isDirty && Self.prompt(s) == s.workspace.name + "> ")
        // Every way of moving between the forks without an edit: switch, switch back, undo and redo of a switch.
        for command in ["switch high", "switch main", "switch high", "undo", "redo", "undo", "undo", "redo", "switch high"] {
            run(s, command)
            #expect(!s.isDirty, "after \(command)")
            #expect(Self.prompt(s) == s.workspace.name + "> ", "after \(command)")
        }
        // Nothing to save indeed: saving on the fork writes the very bytes the file holds.
        #expect(s.currentFork == "high")
        run(s, "save")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
    }

    @Test func anEditStillMarksItUnsavedAcrossSwitches() throws {
        let (_, s) = try Self.savedWithFork()
        run(s, "switch high", "李雷.sales[2026-03] = 25万")
        #expect(s.isDirty && Self.prompt(s) == s.workspace.name + "*> ")
        // The edit is unsaved whichever fork is current.
        run(s, "switch main")
        #expect(s.isDirty && Self.prompt(s) == s.workspace.name + "*> ")
        run(s, "switch high")
        #expect(s.isDirty)
        // Undoing the switches keeps it; undoing the edit itself goes back to the saved state.
        run(s, "undo", "undo")
        #expect(s.currentFork == "high" && s.isDirty)
        run(s, "undo")
        #expect(query(s, "李雷.sales[2026-03]") == "200,000.00" && !s.isDirty)
        // An edit on main after a switch, too.
        run(s, "switch main", "李雷.sales[2026-03] = 13万")
        #expect(s.isDirty)
    }

    /// A session that had unsaved edits keeps the mark through a switch (the switch does not clear it).
    @Test func switchingKeepsUnsavedEditsUnsaved() throws {
        let s = try Session(path: electronics)
        run(s, "fork high")
        #expect(s.isDirty)
        run(s, "switch main")
        #expect(s.isDirty)
        run(s, "undo")
        #expect(s.currentFork == "high" && s.isDirty)
        run(s, "undo")
        #expect(s.forkNames == ["main"] && !s.isDirty)
    }
}
