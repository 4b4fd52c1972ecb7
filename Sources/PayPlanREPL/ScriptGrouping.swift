import Foundation
import PayPlan

/// How a script (a pipe, `-e`, `-f`, `source`) is cut into commands, so that
/// one typo cannot swallow the commands after it.
public enum ScriptGrouping {
    /// The command words (`report`, `agents`, `save`, `order` …) that start a
    /// new command; definition words are left to `Parser.startsDefinition`.
    static let commandWords: Set<String> = {
        let definitions = Set(CommandTable.definitionWords + ["use", "order"])
        var words = Set(CommandTable.entries.flatMap { $0.words.prefix(1) + $0.aliases })
        words.subtract(definitions)
        words.formUnion(["quit", "exit"])
        return words
    }()

    /// True when `line` starts a command, so a definition above it ends there:
    /// its first word is a command word followed by nothing, a space and no
    /// operator (`report 2026-03`, `agents`, not `report_total + 1`), or, at
    /// the start of the line, a cell edit or query (`李雷.sales[2026-03] = 9万`).
    /// - Complexity: O(length of the line's first word and cell reference).
    public static func startsCommand(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let word = trimmed.prefix { !$0.isWhitespace }
        if word == "order" {
            let second = trimmed.dropFirst(word.count).drop { $0.isWhitespace }.prefix { !$0.isWhitespace }
            return ["add", "set", "rm", "remove", "import"].contains(second) || second.isEmpty
        }
        if commandWords.contains(String(word)) {
            let after = trimmed.dropFirst(word.count).drop { $0.isWhitespace }
            guard let c = after.first else { return true }
            return !"=+-*/<>,)]}.[".contains(c) || after.hasPrefix("--") || after.hasPrefix("-e")
        }
        // A cell edit at the start of the line: NAME.NAME[PERIOD] = … or NAME[PERIOD] = …
        guard line.first?.isWhitespace != true, let eq = trimmed.firstIndex(of: "=") else { return false }
        let next = trimmed.index(after: eq)
        if next < trimmed.endIndex, trimmed[next] == "=" { return false }
        let lhs = trimmed[..<eq].trimmingCharacters(in: .whitespaces)
        guard lhs.hasSuffix("]"), let open = lhs.firstIndex(of: "["), open > lhs.startIndex else { return false }
        return lhs[..<open].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
    }

    /// `StatementText.group` with the session's command words.
    public static func group<S: Sequence>(_ lines: S, _ body: (StatementText.Chunk) -> Bool) where S.Element == String {
        StatementText.group(lines, startsCommand: startsCommand, body)
    }
}
