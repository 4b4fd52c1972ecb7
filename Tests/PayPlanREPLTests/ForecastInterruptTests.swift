import Foundation
import Testing
import TestSupport

/// Ctrl-C during a long forecast, typed in tmux as a person would: the progress
/// line shows, Ctrl-C stops it, the runs so far are reported, the prompt comes back
/// and the workspace is unchanged (no unsaved mark).
@Suite(.enabled(if: TmuxSession.tmux != nil, "tmux is not installed: the interactive end-to-end test is skipped"))
struct ForecastInterruptTests {
    @Test func ctrlCStopsAForecastWithTheRunsSoFar() throws {
        let binary = try #require(TmuxSession.payplanBinary(), "payplan binary not found next to the test bundle; run swift build first")
        let dir = NSTemporaryDirectory() + "payplan-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: electronics, toPath: dir + "/c.json")
        let tmux = TmuxSession(directory: dir)
        defer { tmux.stop() }
        try tmux.start("\(binary) \(dir)/c.json")
        try tmux.waitFor("electronics-sales>")
        tmux.keys("forecast main 2026 --runs 1000000 --seed 1", "Enter")
        try tmux.waitFor("forecast main: ")  // the progress line
        tmux.keys("C-c")
        try tmux.waitFor("interrupted after")
        let screen = tmux.screen()
        let line = try #require(screen.split(separator: "\n").first { $0.contains("interrupted after") })
        #expect(line.contains("of 1000000 runs: the figures cover those"))
        try tmux.waitFor { $0.last == "electronics-sales>" }  // back at the prompt, nothing unsaved
        tmux.keys("C-d")
        #expect(try tmux.waitForExit() == 0)
    }
}
