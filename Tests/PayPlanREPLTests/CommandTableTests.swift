import Foundation
import Testing
import PayPlan
@testable import PayPlanREPL

/// `help commands`, tab completion and the session's dispatch agree: one table feeds the first two,
/// and these tests hold the table to the session.
@Suite struct CommandTableTests {
    static let sessionSource = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/Sources/PayPlanREPL/Session.swift"

    /// The words `Session.perform` dispatches on, read from its `switch word` (the `case "…"` labels).
    func dispatchedWords() throws -> Set<String> {
        let text = try String(contentsOfFile: CommandTableTests.sessionSource, encoding: .utf8)
        let start = try #require(text.range(of: "func perform(")), end = try #require(text.range(of: "default: return cellCommand(text)"))
        let body = text[start.upperBound..<end.lowerBound]
        var words = Set<String>()
        for line in body.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("case \"") {
            // case "set" where …, "lang":   case "help", "?":
            let labels = line.split(separator: ",").compactMap { part -> String? in
                let p = part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "case ", with: "")
                guard p.hasPrefix("\""), let close = p.dropFirst().firstIndex(of: "\"") else { return nil }
                return String(p[p.index(after: p.startIndex)..<close])
            }
            words.formUnion(labels)
        }
        return words
    }

    @Test func everyDispatchedWordIsInTheTable() throws {
        let words = try dispatchedWords()
        #expect(words.count > 30, "read \(words.count) words from Session.perform: the parsing of its switch broke")
        let table = Set(CommandTable.entries.flatMap { $0.words.prefix(1) + $0.aliases })
        #expect(words.subtracting(table).isEmpty, "dispatched but not in CommandTable: \(words.subtracting(table).sorted())")
    }

    @Test func everyEntryIsUnderstoodBySession() throws {
        let s = try Session()
        for e in CommandTable.entries where !e.words.isEmpty && e.words != CommandTable.definitionWords {
            let out = s.execute(e.words.joined(separator: " "))
            #expect(!out.text.contains("unknown command"), "\(e.words.joined(separator: " ")): \(out.text)")
        }
    }

    /// The commands the issue found missing from help or completion (offer, field, attribute, years,
    /// set lang, quit/exit) are in both, as is every other.
    @Test func helpAndCompletionListEveryCommand() throws {
        let s = try Session()
        let help = Help.text(topic: "commands", language: .en).joined(separator: "\n")
        let helpZh = Help.text(topic: "commands", language: .zh).joined(separator: "\n")
        let firstWords = Completion.candidates(line: "", cursor: 0, session: s).candidates
        for w in ["offer", "field", "attribute", "years", "quit", "exit", "source", "performance", "attribution", "calendar", "as"] {
            #expect(firstWords.contains(w), "\(w) is not completed")
        }
        for e in CommandTable.entries {
            #expect(help.contains(e.usage), "help commands lacks \(e.usage)")
            #expect(helpZh.contains(e.usageZh), "help commands (zh) lacks \(e.usageZh)")
            for w in e.words.prefix(1) + e.aliases where w != "?" { #expect(firstWords.contains(w), "\(w) is not completed") }
        }
        #expect(help.contains("set lang zh|en") && help.contains("quit, exit"))
        #expect(Completion.candidates(line: "set ", cursor: 4, session: s) == .init(replaceFrom: 4, candidates: ["lang"], append: " "))
        #expect(Completion.candidates(line: "sou", cursor: 3, session: s) == .init(replaceFrom: 0, candidates: ["source"], append: " "))
        #expect(Completion.candidates(line: "ex", cursor: 2, session: s).candidates == ["explain", "exit"])
        #expect(Completion.candidates(line: "performance i", cursor: 13, session: s).candidates == ["import"])
        // Options come from the same table.
        #expect(Completion.candidates(line: "explain 李雷.pay[2026-03] --d", cursor: 27, session: s).candidates == ["--depth"])
        #expect(Completion.candidates(line: "orders import x.csv --d", cursor: 23, session: s).candidates == ["--dry-run"])
        #expect(Completion.candidates(line: "source x.txt --", cursor: 15, session: s).candidates == ["--bail", "--through"])
    }
}

/// The one tokenizer behind every command's `--options`.
@Suite struct CommandArgumentsTests {
    @Test func optionsFlagsAndQuotedWords() throws {
        let a = try CommandArguments.parse("\"my orders.csv\" --map 订单编号=id --dry-run --month=2026-03 -500",
                                           options: ["--map", "--month"], flags: ["--dry-run"])
        #expect(a.positional == ["my orders.csv", "-500"])
        #expect(a["--map"] == "订单编号=id" && a["--month"] == "2026-03" && a.has("--dry-run"))
        // A quoted value that starts with -- is a value.
        #expect(try CommandArguments.parse("--out \"--x.csv\"", options: ["--out"])["--out"] == "--x.csv")
    }

    @Test func mistakesNameTheOption() {
        func problem(_ text: String) -> String? {
            do { _ = try CommandArguments.parse(text, options: ["--out"], flags: ["--csv"]); return nil } catch { return error.message }
        }
        #expect(problem("--out") == "--out needs a value")
        #expect(problem("--out --csv") == "--out needs a value")
        #expect(problem("--csv --csv") == "--csv is given twice")
        #expect(problem("--out a --out b") == "--out is given twice")
        #expect(problem("--csv=1") == "--csv takes no value")
        #expect(problem("--xlsx a") == "unknown option --xlsx (options: --csv, --out)")
    }

    @Test func importRefusesAnUnknownOptionAndChangesNothing() throws {
        let s = try Session(path: "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/scenarios/electronics-sales.json")
        let before = s.workspace
        let out = s.execute("orders import x.csv --mapp a=id")
        #expect(out.errors.first?.message.hasPrefix("unknown option --mapp (options: ") == true)
        #expect(s.workspace == before && !s.isDirty)
    }
}

/// `source FILE`: a script run from inside the session.
@Suite struct SourceTests {
    func script(_ text: String) throws -> String {
        let f = NSTemporaryDirectory() + "payplan-source-\(UUID().uuidString).txt"
        try text.write(toFile: f, atomically: true, encoding: .utf8)
        return f
    }

    @Test func runsEachCommandAndPlacesErrorsByLine() throws {
        let s = try Session()
        // pay = 3000 + 2% × sales: 12万 → 3000 + 2400 = 5,400.00.
        let f = try script("input month sales default 0\nmonth pay = 3000 +\n  2% * sales\nagent add 李雷\nnonsense\n李雷.sales[2026-03] = 12万\n")
        let out = s.execute("source \(f)")
        #expect(out.lines.contains("李雷.pay[2026-03]: 3,000.00 → 5,400.00"))
        #expect(out.errors.map(\.message) == ["\(f) line 5: unknown command or name 'nonsense'; type 'help' for the list of commands"])
        // Each command is its own undo step.
        #expect(s.execute("undo").lines.first == "undid 李雷.sales[2026-03] = 120,000.00")
    }

    @Test func bailStopsAtTheFirstFailure() throws {
        let s = try Session()
        let f = try script("agent add 甲\nagent add 甲\nagent add 乙\n")
        let out = s.execute("source \(f) --bail")
        #expect(out.errors.map(\.message) == ["\(f) line 2: there is already an agent named 甲"])
        // Line 1 took effect (甲 was added), and the script says so after the stop.
        #expect(out.lines.suffix(2) == ["stopped at \(f) line 2 (--bail): the commands after it were not run",
                                       "\(f): 1 command failed; the 1 that changed the workspace took effect, each its own undo step"])
        #expect(out.tookEffect)
        #expect(s.workspace.agents.map(\.name) == ["甲"])
    }

    @Test func aScriptThatSourcesItselfStops() throws {
        let s = try Session()
        let f = NSTemporaryDirectory() + "payplan-source-self-\(UUID().uuidString).txt"
        try "source \(f)\n".write(toFile: f, atomically: true, encoding: .utf8)
        let out = s.execute("source \(f)")
        // Refused at the first repeat, said once (not 16 nested "line 1:" prefixes).
        #expect(out.errors.map(\.message) == ["\(f) line 1: source \(f): it is already running (\(f) → \(f)): a script that sources itself would never end; nothing was run"])
        #expect(s.execute("source /no/such/file.txt").errors.map(\.message) == ["cannot read /no/such/file.txt: no such file; nothing was run"])
        #expect(!s.isDirty)
    }

    /// Scripts that source each other in a loop (a → b → a) are refused where the loop closes, with
    /// the loop named; the commands before it still run. Nesting without a loop works at any depth up
    /// to the limit, and the same script may run twice one after the other.
    @Test func scriptsThatSourceEachOtherInALoopStop() throws {
        let s = try Session()
        let dir = NSTemporaryDirectory() + "payplan-source-loop-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = dir + "/a.txt", b = dir + "/b.txt", c = dir + "/c.txt"
        try "agent add 甲\nsource \(b)\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "agent add 乙\nsource \(a)\n".write(toFile: b, atomically: true, encoding: .utf8)
        let out = s.execute("source \(a)")
        #expect(out.errors.map(\.message) == ["\(a) line 2: \(b) line 2: source \(a): it is already running (\(a) → \(b) → \(a)): a script that sources itself would never end; nothing was run"])
        #expect(s.workspace.agents.map(\.name) == ["甲", "乙"])
        // c sources b-free scripts twice in a row: not a loop.
        try "agent add 丙\n".write(toFile: b, atomically: true, encoding: .utf8)
        try "source \(b)\nagent rm 丙\nsource \(b)\n".write(toFile: c, atomically: true, encoding: .utf8)
        let twice = s.execute("source \(c)")
        #expect(twice.errors.isEmpty, "\(twice.text)")
        #expect(s.workspace.agents.map(\.name) == ["甲", "乙", "丙"])
    }
}
