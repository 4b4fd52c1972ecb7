import Foundation
import Testing
import TestSupport

/// The README and docs link only to files inside the repository (a clone has nothing beside it),
/// and docs/plans.md explains every rule number the tests cite.
@Suite struct DocumentationTests {
    /// Every `[text](target)` in the README and docs/*.md: no `..`, no absolute path, no URL scheme,
    /// and the file exists in the repository.
    @Test func linksStayInsideTheRepository() throws {
        let docs = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/docs").filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        let link = try NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        var checked = 0
        for file in ["README.md"] + docs {
            let text = try String(contentsOfFile: repositoryRoot + "/" + file, encoding: .utf8)
            let dir = (file as NSString).deletingLastPathComponent
            for m in link.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let target = String(text[Range(m.range(at: 1), in: text)!]).components(separatedBy: "#")[0]
                if target.isEmpty { continue }
                #expect(!target.contains("..") && !target.hasPrefix("/") && !target.contains("://"), "\(file) links outside: \(target)")
                let path = repositoryRoot + "/" + (dir.isEmpty ? target : dir + "/" + target)
                #expect(FileManager.default.fileExists(atPath: path), "\(file) links to a missing file: \(target)")
                checked += 1
            }
        }
        #expect(checked >= 4)
    }

    /// Each rule number cited in rules.md's plans (A1–A8, B1–B3 with B2.1–B2.6, C1–C9 with their sub-rules)
    /// has its own entry in docs/plans.md.
    @Test func plansExplainEveryRule() throws {
        let text = try String(contentsOfFile: repositoryRoot + "/docs/plans.md", encoding: .utf8)
        let rules = (1...8).map { "A\($0)" } + ["B1", "B2", "B3"] + (1...6).map { "B2.\($0)" } + (1...9).map { "C\($0)" }
            + ["C3.1", "C3.2", "C5.1", "C5.2", "C5.3", "C6.1", "C6.2", "C6.3", "C6.4", "C7.1", "C8.1", "C8.2", "C8.3"]
        for r in rules { #expect(text.contains("**\(r) ") || text.contains("**\(r)**"), "docs/plans.md has no entry for \(r)") }
    }
}
