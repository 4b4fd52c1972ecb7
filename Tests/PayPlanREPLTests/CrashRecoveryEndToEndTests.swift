import Foundation
import Testing

/// Kills payplan with SIGKILL in the middle of a session with two unsaved edits, as a
/// power cut or `kill -9` would, then starts it again on the same file in tmux: it offers the
/// edits back (y replays them, n drops them and the journal).
@Suite(.serialized, .enabled(if: TmuxSession.tmux != nil, "tmux is not installed: the crash recovery test is skipped"))
struct CrashRecoveryEndToEndTests {
    /// A private directory with a copy of electronics-sales.json, and the payplan binary.
    func setUp(_ label: String) throws -> (dir: String, scenario: String, binary: String) {
        let binary = try #require(TmuxSession.payplanBinary(), "payplan binary not found next to the test bundle; run swift build first")
        let dir = NSTemporaryDirectory() + "payplan-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let scenario = dir + "/electronics-sales.json"
        let repoScenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scenarios/electronics-sales.json").standardizedFileURL.path
        try FileManager.default.copyItem(atPath: repoScenario, toPath: scenario)
        return (dir, scenario, binary)
    }

    /// The pid of the payplan process whose arguments name `scenario` (unique per test).
    func payplanPid(_ scenario: String) throws -> pid_t {
        for entry in try FileManager.default.contentsOfDirectory(atPath: "/proc") {
            guard let pid = Int32(entry),
                  let raw = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let arguments = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if arguments.first?.hasSuffix("/payplan") == true, arguments.contains(scenario) { return pid }
        }
        throw POSIXError(.ESRCH)
    }

    /// Two edits, then SIGKILL: nothing had a chance to run at exit.
    func editAndKill(_ tmux: TmuxSession, scenario: String, binary: String) throws {
        try tmux.start("\(binary) \(scenario)")
        try tmux.waitFor("electronics-sales>")
        tmux.keys("李雷.sales[2026-03] = 15万", "Enter")  // was 120000 in the file
        try tmux.waitFor("李雷.pay[2026-03]: ")
        tmux.keys("王芳.expenses[2026-04] = 650", "Enter")  // was 500 in the file
        try tmux.waitFor { $0.filter { $0.hasPrefix("electronics-sales*>") }.count == 2 }
        #expect(kill(try payplanPid(scenario), SIGKILL) == 0)
        tmux.stop()  // waits until the server is gone, so the next start gets a new one
    }

    @Test func killedSessionOffersItsEditsBack() throws {
        let (dir, scenario, binary) = try setUp("recover")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let original = try Data(contentsOf: URL(fileURLWithPath: scenario))
        let tmux = TmuxSession(directory: dir)
        defer { tmux.stop() }
        try editAndKill(tmux, scenario: scenario, binary: binary)
        #expect(try Data(contentsOf: URL(fileURLWithPath: scenario)) == original, "the kill wrote nothing to the scenario")

        try tmux.start("\(binary) \(scenario)")
        try tmux.waitFor("payplan was stopped with unsaved changes to electronics-sales.json (2 edits, last at ")
        try tmux.waitFor("Recover them? [y/n]")
        tmux.keys("y", "Enter")
        try tmux.waitFor("recovered 2 edits (not saved yet)")
        try tmux.waitFor("electronics-sales*>")  // unsaved again, as before the kill
        tmux.keys("李雷.sales[2026-03]", "Enter")
        try tmux.waitFor("李雷.sales[2026-03] = 150,000.00")  // 15万 = 150,000
        tmux.keys("王芳.expenses[2026-04]", "Enter")
        try tmux.waitFor("王芳.expenses[2026-04] = 650.00")
        tmux.keys("save", "Enter")
        try tmux.waitFor("saved \(scenario)")
        tmux.keys("C-d")
        #expect(try tmux.waitForExit() == 0)

        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scenario))) as? [String: Any]
        let inputs = saved?["inputs"] as? [String: Any]
        #expect(((inputs?["李雷"] as? [String: Any])?["sales"] as? [String: String])?["2026-03"] == "150000")
        #expect(((inputs?["王芳"] as? [String: Any])?["expenses"] as? [String: String])?["2026-04"] == "650")
        let journals = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/state/payplan/journal")) ?? []
        #expect(journals.isEmpty, "the save removed the journal: \(journals)")

        // Started again after the save: nothing is offered.
        try expectNothingOffered(tmux, binary: binary, scenario: scenario)
    }

    /// Starts payplan again on `scenario` (after the server is gone, so on a new one): no journal is
    /// offered, and Ctrl-D leaves at once.
    func expectNothingOffered(_ tmux: TmuxSession, binary: String, scenario: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        tmux.stop()
        try tmux.start("\(binary) \(scenario)")
        try tmux.waitFor("electronics-sales>", sourceLocation: sourceLocation)
        #expect(!tmux.screen().contains("Recover"), sourceLocation: sourceLocation)
        tmux.keys("C-d")
        #expect(try tmux.waitForExit() == 0, sourceLocation: sourceLocation)
    }

    @Test func answeringNoDropsTheEdits() throws {
        let (dir, scenario, binary) = try setUp("recover-no")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let original = try Data(contentsOf: URL(fileURLWithPath: scenario))
        let tmux = TmuxSession(directory: dir)
        defer { tmux.stop() }
        try editAndKill(tmux, scenario: scenario, binary: binary)

        try tmux.start("\(binary) \(scenario)")
        try tmux.waitFor("Recover them? [y/n]")
        tmux.keys("n", "Enter")
        try tmux.waitFor("the unsaved edits were dropped")
        tmux.keys("李雷.sales[2026-03]", "Enter")
        try tmux.waitFor("李雷.sales[2026-03] = 120,000.00")  // the file's figure
        #expect(tmux.screen().contains("electronics-sales>") && !tmux.screen().contains("electronics-sales*>"))
        tmux.keys("C-d")
        #expect(try tmux.waitForExit() == 0, "a clean workspace leaves without asking")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scenario)) == original)

        // Dropped for good: the next start offers nothing.
        try expectNothingOffered(tmux, binary: binary, scenario: scenario)
    }

    /// Closing the terminal (tmux kill-server hangs up the pane: SIGHUP) with an unsaved edit,
    /// in Chinese: the next start asks in Chinese and y brings the edit back.
    @Test func closedTerminalOffersTheEditBackInChinese() throws {
        let (dir, scenario, binary) = try setUp("recover-hup")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tmux = TmuxSession(directory: dir)
        defer { tmux.stop() }
        try tmux.start("\(binary) --lang zh \(scenario)")
        try tmux.waitFor("electronics-sales>")
        tmux.keys("李雷.sales[2026-03] = 15万", "Enter")  // was 120000 in the file
        try tmux.waitFor("electronics-sales*>")
        tmux.stop()  // the terminal is closed: SIGHUP

        try tmux.start("\(binary) --lang zh \(scenario)")
        try tmux.waitFor("payplan 上次停止时 electronics-sales.json 有未保存的修改（1 处，最后一处在 ")
        try tmux.waitFor("恢复吗？[y/n]")
        tmux.keys("y", "Enter")
        try tmux.waitFor("已恢复 1 处修改（尚未保存）")
        tmux.keys("李雷.sales[2026-03]", "Enter")
        try tmux.waitFor("李雷.sales[2026-03] = 150,000.00")  // 15万 = 150,000
    }
}
