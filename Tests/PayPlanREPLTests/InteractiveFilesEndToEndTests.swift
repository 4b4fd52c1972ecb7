import Foundation
import Testing

/// The interactive questions that keep work from being lost, typed as a
/// person would in tmux: `load` over unsaved changes asks as leaving does,
/// and `save` over a file another program changed asks before overwriting.
@Suite(.enabled(if: TmuxSession.tmux != nil, "tmux is not installed: the interactive end-to-end test is skipped"))
struct InteractiveFilesEndToEndTests {
    /// A private folder with copies of the shop (plan A) and agency (plan B) scenarios.
    static func folder() throws -> (dir: String, shop: String, agency: String) {
        let dir = NSTemporaryDirectory() + "payplan-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL.path
        try FileManager.default.copyItem(atPath: root + "/scenarios/online-shop-cs.json", toPath: dir + "/t.json")
        try FileManager.default.copyItem(atPath: root + "/scenarios/web-agency.json", toPath: dir + "/w.json")
        return (dir, dir + "/t.json", dir + "/w.json")
    }

    @Test func loadOverUnsavedChangesAsksAndSaveAsksOverAnotherProgramsChange() throws {
        let binary = try #require(TmuxSession.payplanBinary(), "payplan binary not found next to the test bundle; run swift build first")
        let (dir, shop, agency) = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let agencyBytes = FileManager.default.contents(atPath: agency)
        let tmux = TmuxSession(directory: dir)
        defer { tmux.stop() }
        try tmux.start("sh -c 'cd \(dir) && exec \(binary) t.json'")
        try tmux.waitFor("online-shop-cs>")
        tmux.keys("小美.inquiries[2026-04] = 900", "Enter")
        try tmux.waitFor("online-shop-cs*>")

        // c stays; the edit is kept.
        tmux.keys("load w.json", "Enter")
        try tmux.waitFor("save changes to t.json before loading w.json? [y/n/c]")
        tmux.keys("c", "Enter")
        try tmux.waitFor("w.json was not loaded; the changes are still here")
        // n loads without saving; undo goes back to t.json with the edit.
        tmux.keys("load w.json", "Enter")
        try tmux.waitFor { $0.filter { $0.contains("before loading w.json?") }.count == 2 }
        tmux.keys("n", "Enter")
        try tmux.waitFor("loaded w.json: 4 agents, ")
        try tmux.waitFor("web-agency>")
        tmux.keys("undo", "Enter")
        try tmux.waitFor("undid load w.json")
        try tmux.waitFor("online-shop-cs*>")

        // Another program changes t.json: save asks; n keeps their file.
        let changed = (FileManager.default.contents(atPath: shop) ?? Data()) + Data(" \n".utf8)
        try changed.write(to: URL(fileURLWithPath: shop))
        tmux.keys("save", "Enter")
        try tmux.waitForWrapped("t.json changed on disk since this window opened or last saved it (another program wrote it, or a payplan window since closed)")
        try tmux.waitFor("overwrite t.json with this workspace? [y/n]")
        tmux.keys("n", "Enter")
        try tmux.waitFor("t.json was not overwritten; the changes are still here (save OTHER.json keeps both)")
        #expect(FileManager.default.contents(atPath: shop) == changed)
        // y overwrites; then quit leaves without asking.
        tmux.keys("save", "Enter")
        try tmux.waitFor { $0.filter { $0.contains("overwrite t.json with this workspace?") }.count == 2 }
        tmux.keys("y", "Enter")
        try tmux.waitFor("saved t.json")
        tmux.keys("quit", "Enter")
        #expect(try tmux.waitForExit() == 0)
        #expect(FileManager.default.contents(atPath: agency) == agencyBytes, "plan B's file was never written")
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: shop))) as? [String: Any]
        let inquiries = ((saved?["inputs"] as? [String: Any])?["小美"] as? [String: Any])?["inquiries"] as? [String: String]
        #expect(inquiries?["2026-04"] == "900")
    }
}
