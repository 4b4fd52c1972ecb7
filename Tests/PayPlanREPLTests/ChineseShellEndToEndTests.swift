import Foundation
import Testing
import TestSupport

/// The shell's own words in Chinese (`--lang zh`), driven in tmux as a person would: the banner, the
/// save question on Ctrl-D, an answer it does not know, c to stay, and 否 to leave without saving
/// (the scenario file is byte for byte what it was).
@Suite(.enabled(if: TmuxSession.tmux != nil, "tmux is not installed: the interactive end-to-end test is skipped"))
struct ChineseShellEndToEndTests {
    @Test func bannerAndSaveQuestionInChinese() throws {
        let binary = try #require(TmuxSession.payplanBinary(), "payplan binary not found next to the test bundle; run swift build first")
        let dir = NSTemporaryDirectory() + "payplan-e2e-zh-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = dir + "/electronics-sales.json"
        try FileManager.default.copyItem(atPath: electronics, toPath: scenario)
        let before = try Data(contentsOf: URL(fileURLWithPath: scenario))

        let tmux = TmuxSession(directory: dir)
        defer { tmux.stop() }
        try tmux.start("\(binary) --lang zh \(scenario)")
        try tmux.waitFor("electronics-sales：4 名员工，2026 年。Tab 补全；help 列出帮助主题；Ctrl-D 退出。")
        try tmux.waitFor("electronics-sales>")
        tmux.keys("李雷.sales[2026-03] = 15万", "Enter")
        // C2/C3: R = 150,000 − 900 = 149,100: 2,000 + 3% × 49,100 = 3,473; pay 3,000 + 3,473 = 6,473.
        try tmux.waitFor("李雷.pay[2026-03]: 5,573.00 → 6,473.00")
        tmux.keys("C-d")
        try tmux.waitFor("把修改保存到 \(scenario) 吗？[y 是/n 否/c 取消]")
        tmux.keys("也许", "Enter")
        try tmux.waitFor("回答 y 保存后退出，n 不保存直接退出，c 留下")
        tmux.keys("c", "Enter")
        try tmux.waitFor("没有退出；修改都还在（save 保存，或 quit 再问一次）")
        tmux.keys("C-d")
        try tmux.waitFor { $0.filter { $0.contains("把修改保存到") }.count >= 3 }
        tmux.keys("否", "Enter")
        #expect(try tmux.waitForExit() == 0)
        #expect(!tmux.screen().contains("save changes"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: scenario)) == before)
    }
}
