import Foundation
import PayPlan

/// Tab completion for the interactive shell: a pure function of the line,
/// the cursor and the session, so it is tested without a terminal.
///
/// Offsets count `Character`s of the line (李 is one).
public enum Completion {
    /// What a Tab press may put in place of `line[replaceFrom..<cursor]`.
    public struct Result: Equatable, Sendable {
        /// Where the replaced text starts (a Character offset, at most the cursor).
        public var replaceFrom: Int
        /// The texts that may replace it, in the order to list them.
        public var candidates: [String]
        /// What to type after a unique candidate: a space after a command word,
        /// `[` after a figure with periods, `]` after a period, else nothing.
        public var append: Character?

        public init(replaceFrom: Int, candidates: [String], append: Character? = nil) {
            self.replaceFrom = replaceFrom; self.candidates = candidates; self.append = append
        }
    }

    /// Words that start a command or a definition (from `CommandTable`).
    public static var commands: [String] { CommandTable.firstWords }

    /// Functions of the pay language, offered inside formulas.
    public static let functions = [
        "round", "floor", "ceil", "abs", "min", "max", "iferror", "ifmissing", "lookup", "marginal",
        "retroactive", "prev", "paid", "sum", "avg", "count", "rank",
    ]

    /// The candidates for a Tab press with the cursor at `cursor` in `line`:
    /// commands and names at the start; figure and input names after
    /// `NAME.`; periods inside `[`; files after `load`/`save`; topics after
    /// `help`; rule, parameter, table and function names inside a formula;
    /// agent and team names as arguments (`explain 李` → `explain 李雷`).
    public static func candidates(line: String, cursor: Int, session: Session) -> Result {
        let head = Array(line.prefix(max(0, cursor)))
        let end = head.count
        let words = String(head).split(whereSeparator: \.isWhitespace).map(String.init)
        let atFirstWord = !(head.contains { $0.isWhitespace })
        let first = words.first ?? ""
        let engine = session.engine

        // Inside an unclosed `[`: the periods of the figure before it.
        if let open = head.lastIndex(of: "["), !head[open...].contains("]") {
            var nameStart = open
            while nameStart > 0, isNameCharacter(head[nameStart - 1]) { nameStart -= 1 }
            let rule = engine.plan.ruleIndex[String(head[nameStart..<open])].map { engine.plan.rules[$0] }
            if rule != nil || first != "table" {
                let grains = rule.map { [$0.dimension.grain] } ?? [.month, .quarter, .half, .year]
                let periods = grains.filter { $0 != .none }.flatMap { g in
                    (0..<engine.periodCount(g)).map { engine.period(g, $0).description }
                }
                return matching(periods, head, from: open + 1, append: "]")
            }
        }

        // An option of the command (`report 2026 --c` → --csv).
        if !atFirstWord, let last = words.last, last.hasPrefix("--"), head.last?.isWhitespace != true {
            return matching(CommandTable.options(for: words), head, from: end - last.count, append: " ")
        }

        // The second word of a command that takes an argument.
        if words.count == (head.last?.isWhitespace == true ? 1 : 2) && !atFirstWord {
            let from = end - (head.last?.isWhitespace == true ? 0 : words[1].count)
            switch first {
            case "load", "save": return files(String(head[from...]), from: from)
            case "source": return files(String(head[from...]), from: from, extensions: [".txt", ".payplan", ".sh"])
            case "help", "?": return matching(Help.topics.map(\.name), head, from: from)
            case "show", "drop": return matching(session.workspace.plan.definitions.map(\.name), head, from: from)
            case "team": return matching(["month", "quarter", "half", "year"], head, from: from, append: " ")
            case "report", "attribution": return matching(allPeriods(engine), head, from: from)
            case "orders":
                return matching(CommandTable.secondWords(after: first) + session.workspace.agents.map(\.name) + allPeriods(engine), head, from: from)
            default:
                let second = CommandTable.secondWords(after: first)
                if !second.isEmpty { return matching(second, head, from: from, append: " ") }
            }
        }
        if first == "agent", ["set", "rm"].contains(words.dropFirst().first), words.count == (head.last?.isWhitespace == true ? 2 : 3) {
            var from = end
            while from > 0, !head[from - 1].isWhitespace { from -= 1 }
            return matching(session.workspace.agents.map(\.name), head, from: from, append: " ")
        }

        // The name being typed, and what comes before it.
        var from = end
        while from > 0, isNameCharacter(head[from - 1]) { from -= 1 }

        // After `NAME.`: the agent's figures and inputs.
        if from > 0, head[from - 1] == "." {
            var nameStart = from - 1
            while nameStart > 0, isNameCharacter(head[nameStart - 1]) { nameStart -= 1 }
            guard session.workspace.agentIndex(named: String(head[nameStart..<(from - 1)])) != nil else {
                return Result(replaceFrom: end, candidates: [])
            }
            let rules = engine.plan.rules.filter { $0.visible && $0.dimension.perAgent }
            let result = matching(rules.map(\.name), head, from: from)
            let unique = result.candidates.count == 1 ? engine.plan.ruleIndex[result.candidates[0]] : nil
            let periodic = unique.map { engine.plan.rules[$0].dimension.grain != .none } ?? false
            return Result(replaceFrom: result.replaceFrom, candidates: result.candidates, append: periodic ? "[" : nil)
        }

        // In a definition's formula (after `=` or a table's `:`): names it may use.
        if Parser.startsDefinition(String(head)) {
            guard head.contains("=") || head.contains(":") else { return Result(replaceFrom: end, candidates: []) }
            let rules = engine.plan.rules.filter(\.visible).map(\.name)
            let tables = session.workspace.plan.definitions.compactMap { d -> String? in
                if case .table = d.statement { return d.name } else { return nil }
            }
            return matching(rules + tables + functions, head, from: from)
        }

        // A word of its own: agents and team figures (`explain 李雷.pay[…]`), and commands at the start.
        guard from == 0 || head[from - 1].isWhitespace, !head.contains("=") else { return Result(replaceFrom: end, candidates: []) }
        let team = engine.plan.rules.filter { $0.visible && !$0.dimension.perAgent }.map(\.name)
        let result = matching((atFirstWord ? commands : []) + session.workspace.agents.map(\.name) + team, head, from: from)
        let isCommand = atFirstWord && result.candidates.count == 1 && commands.contains(result.candidates[0])
        return Result(replaceFrom: result.replaceFrom, candidates: result.candidates, append: isCommand ? " " : nil)
    }

    /// Letters (Chinese included), digits, `_` and `-`: what names are made of.
    static func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" }

    /// `words` that start with the text from `from` to the end of `head`
    /// (ignoring case), without repeats, in their order.
    static func matching(_ words: [String], _ head: [Character], from: Int, append: Character? = nil) -> Result {
        let typed = String(head[from...]).lowercased()
        var seen = Set<String>()
        let found = words.filter { $0.lowercased().hasPrefix(typed) && seen.insert($0).inserted }
        return Result(replaceFrom: from, candidates: found, append: found.count == 1 ? append : nil)
    }

    /// Every period of the scenario: months, then quarters, halves and years.
    static func allPeriods(_ engine: Engine) -> [String] {
        [Grain.month, .quarter, .half, .year].flatMap { g in
            (0..<engine.periodCount(g)).map { engine.period(g, $0).description }
        }
    }

    /// Directories and files ending in one of `extensions` (scenario files, `.json`, by default) whose
    /// path starts with `typed`; directories end in `/`. Hidden entries only when asked for.
    static func files(_ typed: String, from: Int, extensions: [String] = [".json"]) -> Result {
        let slash = typed.lastIndex(of: "/")
        let directory = slash.map { String(typed[...$0]) } ?? ""
        let base = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let expanded = directory.hasPrefix("~/") ? NSHomeDirectory() + directory.dropFirst() : directory
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: expanded.isEmpty ? "." : expanded)) ?? []
        var candidates: [String] = []
        for entry in entries.sorted() where entry.hasPrefix(base) && (base.hasPrefix(".") || !entry.hasPrefix(".")) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (expanded.isEmpty ? "" : expanded) + entry, isDirectory: &isDirectory)
            if isDirectory.boolValue { candidates.append(directory + entry + "/") }
            else if extensions.contains(where: { entry.hasSuffix($0) }) { candidates.append(directory + entry) }
        }
        return Result(replaceFrom: from, candidates: candidates)
    }
}
