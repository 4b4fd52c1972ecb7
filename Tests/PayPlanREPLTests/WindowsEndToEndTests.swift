import Foundation
import Testing

/// Two payplan windows on one file, as a person works (issue 11, fresh-user findings): the save
/// question says what happened to the file — the other window (by pid) has it open and may have saved
/// it, or, once that window has closed, another program or a closed window wrote it; and when two
/// stopped windows left edits, the two recovery offers say which window, when and what each holds.
@Suite(.serialized, .enabled(if: TmuxSession.tmux != nil, "tmux is not installed: the two-window tests are skipped"))
struct WindowsEndToEndTests {
    let recovery = CrashRecoveryEndToEndTests()

    /// B saves the file A has open; A's save asks, naming B's pid; n keeps B's file byte for byte.
    @Test func aSaveOverAnotherWindowsSaveNamesThatWindow() throws {
        let (dir, scenario, binary) = try recovery.setUp("two-saves")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = TmuxSession(directory: dir)
        defer { a.stop() }
        try FileManager.default.createDirectory(atPath: dir + "/b", withIntermediateDirectories: true)
        let b = TmuxSession(directory: dir + "/b")
        defer { b.stop() }
        try a.start("\(binary) \(scenario)")
        try a.waitFor("electronics-sales>")
        try b.start("env XDG_STATE_HOME=\(dir)/state \(binary) --lang zh \(scenario)")
        try b.waitForWrapped("注意：electronics-sales.json 也在另一个 payplan 窗口中打开")
        let pidB = try recovery.payplanPid(scenario, withArgument: "--lang", present: true)
        b.keys("王芳.expenses[2026-04] = 650", "Enter")
        try b.waitFor("electronics-sales*>")
        b.keys("save", "Enter")
        try b.waitFor("已保存")
        let bSaved = try Data(contentsOf: URL(fileURLWithPath: scenario))

        a.keys("李雷.sales[2026-03] = 15万", "Enter")
        try a.waitFor("electronics-sales*>")
        a.keys("save", "Enter")
        try a.waitForWrapped("\(scenario) changed on disk since this window opened or last saved it: the payplan window of pid \(pidB) has it open too and may have saved it")
        try a.waitForWrapped("overwrite \(scenario) with this workspace? [y/n]")
        a.keys("n", "Enter")
        try a.waitForWrapped("was not overwritten; the changes are still here")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scenario)) == bSaved)

        // B leaves (saved: no question); A's next save no longer names a window.
        b.keys("C-d")
        #expect(try b.waitForExit() == 0)
        a.keys("save", "Enter")
        try a.waitForWrapped("\(scenario) changed on disk since this window opened or last saved it (another program wrote it, or a payplan window since closed)")
        try a.waitFor { $0.filter { $0.contains("with this workspace? [y/n]") }.count == 2 }
        a.keys("n", "Enter")
        a.keys("C-d")
        try a.waitForWrapped("save changes to \(scenario)? [y/n/c]")
        a.keys("n", "Enter")
        #expect(try a.waitForExit() == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: scenario)) == bSaved, "B's save is the file")
    }


    /// A and B both edit, both are killed: the next window offers each stopped window's edits in turn,
    /// each offer headed by which window it is (1 of 2, 2 of 2), its pid, its edits' times and the last
    /// of them; n drops A's, y recovers B's.
    @Test func twoStoppedWindowsAreOfferedEachByItsOwnEdits() throws {
        let (dir, scenario, binary) = try recovery.setUp("two-stopped")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = TmuxSession(directory: dir)
        defer { a.stop() }
        try FileManager.default.createDirectory(atPath: dir + "/b", withIntermediateDirectories: true)
        let b = TmuxSession(directory: dir + "/b")
        defer { b.stop() }
        try a.start("\(binary) \(scenario)")
        try a.waitFor("electronics-sales>")
        a.keys("李雷.sales[2026-03] = 15万", "Enter")
        try a.waitFor("electronics-sales*>")
        let pidA = try recovery.payplanPid(scenario, withArgument: "--lang", present: false)
        usleep(1_100_000)  // B's journal is the newer one: offered second
        try b.start("env XDG_STATE_HOME=\(dir)/state \(binary) --lang en \(scenario)")
        try b.waitFor("electronics-sales>")
        let pidB = try recovery.payplanPid(scenario, withArgument: "--lang", present: true)
        b.keys("王芳.expenses[2026-04] = 650", "Enter")
        try b.waitFor("electronics-sales*>")
        #expect(kill(pidA, SIGKILL) == 0 && kill(pidB, SIGKILL) == 0)
        a.stop(); b.stop()

        try a.start("\(binary) \(scenario)")
        try a.waitForWrapped("stopped window 1 of 2 (pid \(pidA)): its edits made at ")
        try a.waitForWrapped(", the last one: 李雷.sales[2026-03] = 15万")
        try a.waitFor("Recover them? [y/n]")
        #expect(!a.screen().contains("stopped window 2 of 2"), "one offer at a time")
        a.keys("n", "Enter")
        try a.waitForWrapped("stopped window 2 of 2 (pid \(pidB)): its edits made at ")
        try a.waitForWrapped(", the last one: 王芳.expenses[2026-04] = 650")
        try a.waitFor { $0.filter { $0.contains("Recover them? [y/n]") }.count == 2 }
        a.keys("y", "Enter")
        try a.waitFor("recovered 1 edit (not saved yet)")
        a.keys("王芳.expenses[2026-04]", "Enter")
        try a.waitFor("王芳.expenses[2026-04] = 650.00")
        a.keys("李雷.sales[2026-03]", "Enter")
        try a.waitFor("李雷.sales[2026-03] = 120,000.00")  // A's edit was dropped: the file's figure
        a.keys("C-d")
        try a.waitForWrapped("save changes to \(scenario)? [y/n/c]")
        a.keys("n", "Enter")
        #expect(try a.waitForExit() == 0)
    }
}
