import Foundation
import Testing
import TestSupport

/// Fresh-user finding 3: in the shell, an unfinished line (an open bracket, a trailing operator,
/// a trailing full-width comma) waits for the rest with a prompt that says so, and no longer
/// swallows what comes after it: an empty line or Ctrl-C abandons it, and a line that starts
/// a command ends it there (its error shown) and runs. Typed in tmux, as a person would.
@Suite(.enabled(if: TmuxSession.tmux != nil, "tmux is not installed: the interactive end-to-end test is skipped"))
struct UnfinishedLineEndToEndTests {
    @Test func anUnfinishedLineWaitsSaysSoAndCanBeAbandoned() throws {
        let binary = try #require(TmuxSession.payplanBinary(), "payplan binary not found next to the test bundle; run swift build first")
        let dir = NSTemporaryDirectory() + "payplan-unfinished-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = dir + "/electronics-sales.json"
        try FileManager.default.copyItem(atPath: electronics, toPath: scenario)

        let tmux = TmuxSession(directory: dir)
        defer { tmux.stop() }
        try tmux.start("\(binary) \(scenario)")
        try tmux.waitFor("electronics-sales>")

        // An open bracket: the shell says it waits, with its own prompt; an empty line abandons it.
        tmux.keys("month x = (1 + 2", "Enter")
        try tmux.waitFor("(the command is unfinished: type the rest on the next line; an empty line or Ctrl-C abandons it)")
        try tmux.waitFor { $0.last == "...(unfinished)>" }
        tmux.keys("Enter")
        try tmux.waitFor("(the unfinished command was abandoned; nothing was run)")
        try tmux.waitFor { $0.last == "electronics-sales>" }  // no unsaved mark: nothing changed
        tmux.keys("show x", "Enter")
        try tmux.waitFor("error: ")  // x was never defined

        // Finishing it on the next line still works: (1 + 2) * 10 = 30.
        tmux.keys("param y = (1 + 2", "Enter")
        try tmux.waitFor { $0.last == "...(unfinished)>" }
        tmux.keys(") * 10", "Enter")
        try tmux.waitFor("defined y")
        tmux.keys("y", "Enter")
        try tmux.waitFor("y = 30.00")

        // A trailing operator, then a command: the unfinished line fails at its own line and the report runs.
        tmux.keys("param z = 1 +", "Enter")
        try tmux.waitFor { $0.last == "...(unfinished)>" }
        tmux.keys("report 2026-03", "Enter")
        try tmux.waitFor("this definition is not finished: it ends with '+', so something is missing after it")
        try tmux.waitFor("5,573.00")  // the report ran: 李雷's shipped March pay (README)
        tmux.keys("show z", "Enter")
        try tmux.waitFor("nothing named 'z'")

        // A trailing full-width comma waits too; Ctrl-C abandons it and the edit is not made.
        tmux.keys("李雷.sales[2026-03] = 1万，", "Enter")
        try tmux.waitFor { $0.last == "...(unfinished)>" }
        try tmux.interrupt(showing: "^C")
        try tmux.waitFor { $0.last?.hasPrefix("electronics-sales") == true }
        tmux.keys("李雷.sales[2026-03]", "Enter")
        try tmux.waitFor("李雷.sales[2026-03] = 120,000.00")  // as shipped, not 10,000
        #expect(!tmux.screen().contains("10,000.00"))
    }
}
