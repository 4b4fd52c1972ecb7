import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Ctrl-C inside an engine rebuild (issue 11, item 6): an edit that builds a new engine (the years,
/// a part added) and `load` poll Ctrl-C between the rules of the full compute (`Engine.init`'s
/// `shouldStop`). Stopped at its first, middle or last poll, each says "… stopped (Ctrl-C):
/// nothing was changed" and leaves the workspace, its forks, its file, the unsaved mark and the
/// undo history exactly as they were; not stopped, the same command takes effect.
@Suite struct RebuildInterruptTests {
    /// Plan C with an unsaved edit (so the unsaved mark and the undo history have something to keep).
    static func edited() throws -> Session {
        let s = try Session(path: electronics)
        run(s, "李雷.sales[2026-03] = 9万")
        return s
    }

    @Test func anEditStopsInItsRebuild() throws {
        // Edits the engine does not make in place (rule and table edits are): the years, a part of the plan added.
        for edit in ["years 2026-2027", "use takehome"] {
            try InterruptTests.expectStoppable(Self.edited, edit, "edit stopped (Ctrl-C): nothing was changed")
        }
    }

    @Test func aLoadStopsInItsRebuildAndKeepsTheFile() throws {
        try InterruptTests.expectStoppable(Self.edited, "load! \(onlineShop)", "load stopped (Ctrl-C): nothing was changed")
        // The undo history and the file are the edited session's, not the loaded one's.
        let s = try Self.edited()
        let undo = s.undoStack.count
        _ = InterruptTests.stopAt(1, s)
        #expect(s.execute("load! \(onlineShop)").failed)
        s.interruptCheck = { false }
        #expect(s.undoStack.count == undo && s.path == electronics && s.isDirty)
        // 李雷's sales of March are still the edit's 90,000 (entered above, not the file's).
        #expect(s.execute("李雷.sales[2026-03]").text == "李雷.sales[2026-03] = 90,000.00")
    }

    @Test func theStopSaysSoInChinese() throws {
        let s = try Self.edited()
        run(s, "set lang zh")
        _ = InterruptTests.stopAt(1, s)
        let out = s.execute("load! \(onlineShop)")
        #expect(out.errors.map { $0.render().joined() } == ["错误：load 已停止（Ctrl-C）：未做任何更改"])
        let edit = s.execute("years 2026-2027")
        #expect(edit.errors.map { $0.render().joined() } == ["错误：修改已停止（Ctrl-C）：未做任何更改"])
    }
}
