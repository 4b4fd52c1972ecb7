import Foundation
import Testing
@testable import PayPlanREPL

/// The journal file of unsaved edits: where it lives, its mode, its lines, and when it goes.
@Suite struct EditJournalTests {
    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "payplan-journal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func placeModeAndContent() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = dir + "/c.json"
        try Data("{}".utf8).write(to: URL(fileURLWithPath: scenario))
        let journal = try #require(EditJournal(scenario: scenario, environment: ["XDG_STATE_HOME": dir + "/state"]))
        #expect(journal.file.hasPrefix(dir + "/state/payplan/journal/c-"))
        #expect(journal.file.hasSuffix("-\(getpid()).journal"), "one journal per process: its pid in the name")
        #expect(journal.pending() == nil, "no journal yet")

        journal.append("李雷.sales[2026-03] = 15万", cwd: nil, at: Date(timeIntervalSince1970: 1_780_000_000))
        journal.append("month bonus = sales * 0.01\n  + 5", cwd: nil, at: Date(timeIntervalSince1970: 1_780_000_060))
        let attributes = try FileManager.default.attributesOfItem(atPath: journal.file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        // Header (the file is 2 bytes), then one JSON line per edit, the newline kept escaped.
        let lines = try String(contentsOfFile: journal.file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(#"{"journal":2,"mtime":""#) && lines[0].contains(#""size":2"#) && lines[0].contains(#""pid":\#(getpid())"#))
        #expect(lines[2] == #"{"at":1780000060,"command":"month bonus = sales * 0.01\n  + 5"}"#)

        let p = try #require(journal.pending())
        #expect(p.commands == ["李雷.sales[2026-03] = 15万", "month bonus = sales * 0.01\n  + 5"])
        #expect(p.lastAt == 1_780_000_060 && p.fileUnchanged)

        // A line cut short by a kill is ignored.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal.file))
        handle.seekToEndOfFile(); handle.write(Data(#"{"at":17800"#.utf8)); try handle.close()
        #expect(journal.pending()?.commands.count == 2)

        // Another program changing the file: the edits are not offered for replay.
        try Data("{ }".utf8).write(to: URL(fileURLWithPath: scenario))
        #expect(journal.pending()?.fileUnchanged == false)
        #expect(EditJournal.offer(try #require(journal.pending()), file: scenario, language: .en, interactive: true)
            .contains("The file changed since (saved in another window or by another program); the edits were:"))

        // A save empties the journal but keeps it (and its lock) while the window is open; leaving removes it.
        journal.clear()
        #expect(FileManager.default.fileExists(atPath: journal.file) && journal.pending() == nil)
        journal.remove()
        #expect(!FileManager.default.fileExists(atPath: journal.file))
    }

    @Test func oneJournalPerAbsolutePath() throws {
        let a = EditJournal(scenario: "/x/c.json", directory: "/s")
        let b = EditJournal(scenario: "/y/c.json", directory: "/s")
        let c = EditJournal(scenario: "/x/./sub/../c.json", directory: "/s")
        #expect(a.file != b.file)
        #expect(a.file == c.file)
        #expect(EditJournal(scenario: "c.json", environment: [:]) == nil, "no state directory: no journal")
    }

    /// A replay through Session.execute on the freshly loaded file brings the figures back;
    /// a save then leaves a clean workspace (the shell removes the journal when not dirty).
    @Test func replayRestoresTheEdits() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = dir + "/e.json"
        let repoScenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scenarios/electronics-sales.json").standardizedFileURL.path
        try FileManager.default.copyItem(atPath: repoScenario, toPath: scenario)
        let journal = EditJournal(scenario: scenario, directory: dir + "/j")
        journal.append("李雷.sales[2026-03] = 15万")
        journal.append("王芳.expenses[2026-04] = 650")
        journal.append("no_such_agent.sales[2026-03] = 1")
        let session = try Session(path: scenario)
        let result = EditJournal.replay(try #require(journal.pending()), on: session)
        #expect(result.applied.count == 2 && result.failures.count == 1)
        #expect(result.failures[0].hasPrefix("could not be replayed: no_such_agent.sales[2026-03] = 1: "))
        #expect(session.isDirty)
        // In the file: 李雷 2026-03 sales 120000, 王芳 2026-04 expenses 500.
        #expect(session.execute("李雷.sales[2026-03]").text == "李雷.sales[2026-03] = 150,000.00")
        #expect(session.execute("王芳.expenses[2026-04]").text == "王芳.expenses[2026-04] = 650.00")
        #expect(EditJournal.recovered(result, language: .zh)[0] == "已恢复 2 处修改（尚未保存）")
    }
}
