import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// The README shows what the program prints today: every example written as
/// `$ swift run payplan SCENARIO [--lang zh] -e 'COMMAND' …` followed by its output is run, and the
/// output must be the lines shown (a line `…` stands for lines left out). The 工资条 and the plain
/// explain for staff are two of them.
@Suite struct ReadmeExamplesTests {
    struct Example { var scenario: String; var zh: Bool; var commands: [String]; var shown: [String] }

    static func examples() throws -> [Example] {
        let text = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        let command = try NSRegularExpression(pattern: #"-e '([^']*)'"#)
        var out: [Example] = [], block: [String]? = nil
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                if let b = block, let first = b.first, first.hasPrefix("$ swift run payplan "), first.contains(" -e '") {
                    let words = first.split(separator: " ").map(String.init)
                    let cmds = command.matches(in: first, range: NSRange(first.startIndex..., in: first)).map { String(first[Range($0.range(at: 1), in: first)!]) }
                    out.append(Example(scenario: words[4], zh: first.contains("--lang zh"), commands: cmds, shown: Array(b.dropFirst())))
                }
                block = block == nil && line.hasPrefix("```text") ? [] : nil
                continue
            }
            block?.append(line)
        }
        return out
    }

    /// Whether `actual` is `shown`, where a `…` line in `shown` matches any run of lines.
    static func matches(_ shown: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
        guard let first = shown.first else { return actual.isEmpty }
        if first == "…" { return (actual.startIndex...actual.endIndex).contains { matches(shown.dropFirst(), actual[$0...]) } }
        guard actual.first == first else { return false }
        return matches(shown.dropFirst(), actual.dropFirst())
    }

    @Test func everyShownOutputIsWhatTheProgramPrints() throws {
        let examples = try Self.examples()
        #expect(examples.contains { $0.commands == ["explain 李雷.commission[2026-03]"] && $0.zh })
        #expect(examples.contains { $0.commands == ["statement 阿杰 2026-03"] && $0.zh })
        var checked = 0
        for ex in examples {
            // Commands that read another file name it relative to the repository: run from the CLI tests' working folder only.
            if ex.commands.contains(where: { $0.contains("scenarios/") }) { continue }
            let s = try Session(path: repositoryRoot + "/" + ex.scenario)
            if ex.zh { s.language = .zh }
            var lines: [String] = []
            for c in ex.commands { lines += run(s, c) }
            let same = Self.matches(ex.shown[...], lines[...])
            if !same { Issue.record("README example \(ex.commands) prints other lines than it shows: \(lines.joined(separator: " | "))") }
            checked += 1
        }
        #expect(checked >= 5)
    }
}
