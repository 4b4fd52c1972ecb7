import Foundation
import PayPlan
import PayPlanREPL

/// Random REPL command lines from the real grammar (docs/language.md, `help commands`), then mutated:
/// tokens deleted, duplicated or swapped, CJK, full-width, combining and right-to-left marks, control
/// bytes, huge numbers (10²⁶, −10²⁶, 9 × 10²⁵, `Int128.max`), periods outside the years, unknown
/// names, unclosed quotes and brackets, deep nesting and long lines (docs/fuzzing.md).
///
/// Every path a line can name is confined to `sandbox`: `save`, `load`, `source`, the imports and the
/// `--out`/`--xlsx`/`--html`/`--svg`/`--md`/`--csv`/`--text`/`--json` values are rewritten to files
/// in it after mutation, so a fuzz run never writes outside its own temporary folder.
public struct CommandLineGenerator {
    /// The names of a scenario that lines use, read from a session.
    public struct Vocabulary {
        public var agents: [String] = []
        public var ids: [String] = []
        public var inputs: [String] = []
        public var rules: [String] = []
        public var tables: [String] = []
        public var params: [String] = []
        public var orders: [String] = []
        public var forks: [String] = []
        public var years: ClosedRange<Int> = 2026...2026

        /// The names of `session`'s workspace and forks.
        public init(_ session: Session) {
            let w = session.workspace
            agents = w.agents.map(\.name)
            ids = w.agents.compactMap(\.id)
            for d in w.plan.definitions {
                switch d.statement {
                case .input: inputs.append(d.name)
                case .table: tables.append(d.name)
                case .param: params.append(d.name)
                default: rules.append(d.name)
                }
            }
            orders = w.orders.prefix(50).map(\.id)
            forks = session.forkNames
            years = w.years
        }
    }

    public var rng: SplitMix64
    public var vocabulary: Vocabulary
    /// The folder every file a line names lies in.
    public let sandbox: String
    /// Files in the sandbox a line may load, source or import (copies of the shipped scenarios, scripts, CSVs).
    public var readable: [String]
    /// The probability that a generated line is mutated.
    public var mutationRate = 0.35
    /// Names made up by earlier lines (new rules, forks, agents), so later lines use them too.
    var invented: [String] = []

    public init(seed: UInt64, vocabulary: Vocabulary, sandbox: String, readable: [String]) {
        rng = SplitMix64(seed: seed)
        self.vocabulary = vocabulary
        self.sandbox = sandbox
        self.readable = readable
    }

    // MARK: Random choices

    mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(rng.next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(rng.next() % 1_000_000) / 1_000_000 < p }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
    mutating func pick(_ xs: [String], or fallback: String) -> String { xs.isEmpty ? fallback : pick(xs) }

    /// 10²⁶, the largest amount (`Fixed.largest`), as digits.
    public static let max = "100000000000000000000000000"

    /// An amount: mostly ordinary, often at or beyond the edges of `Fixed`'s range, sometimes not a number.
    public mutating func number() -> String {
        switch int(20) {
        case 0...5: return pick(["0", "1", "3000", "9万", "1.5万", "40k", "40,000", "¥40000", "2%", "12万", "0.01", "350000", "-1", "99999.75"])
        case 6: return pick([Self.max, "-" + Self.max, "90000000000000000000000000", "-90000000000000000000000000", "9e25", "1e26", "-1e26"])
        case 7: return pick(["100000000000000000000000001", "170141183460469231731687303715884105727", "-170141183460469231731687303715884105728",
                             "340282366920938463463374607431768211456", "9223372036854775807", "9223372036854775808", "18446744073709551616"])
        case 8: return pick(["0.000000000001", "0.0000000000001", "99999999999999.999999999999", "-0", "00000", "+5", "1_000", ".5", "5.", "1..2", "--1"])
        case 9: return pick(["１２３", "١٢٣", "NaN", "inf", "-inf", "万", "1万万", "1e", "e5", "0x10", "1/0", "١", "五"])
        case 10: return String((0..<(1 + int(45))).map { _ in Character(String(int(10))) })
        case 11: return "\(int(2) == 0 ? "-" : "")\(int(1_000_000_000)).\(int(1_000_000_000_000))"
        case 12: return pick(["1e400", "1e-400", "1E26", "9.9e25", "100000000000000000000000000.000000000001"])
        default: return "\(int(500_000))"
        }
    }

    /// A period: mostly months of the scenario's years, often outside them or malformed.
    public mutating func period() -> String {
        let y = vocabulary.years.lowerBound + int(vocabulary.years.count)
        switch int(12) {
        case 0...4: return String(format: "%d-%02d", y, 1 + int(12))
        case 5: return "\(y)-Q\(1 + int(4))"
        case 6: return "\(y)-H\(1 + int(2))"
        case 7: return "\(y)"
        case 8: return pick(["\(y - 1)-12", "\(y + 1)-01", "1899-01", "9999-12", "0000-01", "2026-00", "2026-13", "2026-Q0", "2026-Q5", "2026-H3"])
        case 9: return pick(["2026-3", "2026-03-15", "-2026-03", "2026/03", "2026-03-", "２０２６-０３", "26-03", "20260", "2026-03-99"])
        case 10: return String(format: "%d-%02d", Int.random(in: -99999...99999, using: &rng), int(100))
        default: return "\(y)-\(String(format: "%02d", 1 + int(12)))"
        }
    }

    /// A day: mostly real, sometimes impossible or huge.
    public mutating func date() -> String {
        let y = vocabulary.years.lowerBound + int(vocabulary.years.count + 2) - 1
        switch int(8) {
        case 0...4: return String(format: "%d-%02d-%02d", y, 1 + int(12), 1 + int(28))
        case 5: return pick(["2026-02-30", "2026-02-29", "2024-02-29", "2026-13-01", "0000-00-00", "9999-12-31", "0001-01-01", "2026-04-31"])
        case 6: return pick(["2026-03-01 + 9223372036854775000", "2026-03-01 - 9223372036854775000", "99999-01-01", "2026-3-1", "today"])
        default: return "\(y)-\(1 + int(12))-\(int(40))"
        }
    }

    /// A name: a known one of the right kind usually, else unknown, odd, long or empty.
    public mutating func name(_ known: [String]) -> String {
        switch int(14) {
        case 0...8: return pick(known + invented, or: "李雷")
        case 9: return pick(["nobody", "李 雷", "pay", "sales", "main", "all", "x", "_", "1abc", "a.b", "a[b]"])
        case 10: return pick(known, or: "a") + pick(["\u{0301}", "\u{200B}", "\u{202E}", "\u{FEFF}", "\u{0000}", "\u{7}", " ", "\u{3000}"])
        case 11: return String(repeating: pick(["名", "a", "é"]), count: 60 + int(20))
        case 12: return pick(["", "\"", "\"unclosed", "'", "名字\"", "\u{1F600}", "עברית", "مرحبا", "ｆｕｌｌ"])
        default: return "n\(int(1000))"
        }
    }

    mutating func agent() -> String { name(vocabulary.agents) }
    mutating func input() -> String { name(vocabulary.inputs) }
    mutating func rule() -> String { name(vocabulary.rules + vocabulary.inputs) }
    mutating func fork() -> String { name(vocabulary.forks + ["main", "f", "lower"]) }
    mutating func newName() -> String {
        let n = pick(["x", "bonus2", "q", "t", "r", "提成2", "demo", "p"]) + (chance(0.5) ? "\(int(20))" : "")
        if chance(0.3) { invented.append(n); if invented.count > 30 { invented.removeFirst() } }
        return n
    }

    /// An expression of the pay language, `depth` levels at most.
    public mutating func expression(_ depth: Int = 3) -> String {
        if depth <= 0 || chance(0.3) {
            switch int(6) {
            case 0, 1: return number()
            case 2: return rule()
            case 3: return pick(["base", "tenure", "active", "hired", "left", "role", "id", "name", "x"])
            case 4: return pick(vocabulary.params, or: "rate")
            default: return date()
            }
        }
        let a = expression(depth - 1), b = expression(depth - 1)
        switch int(16) {
        case 0: return "\(a) \(pick(["+", "-", "*", "/", "×", "÷"])) \(b)"
        case 1: return "(\(a) \(pick(["+", "-", "*", "/"])) \(b))"
        case 2: return "\(pick(["round", "floor", "ceil", "abs"]))(\(a))"
        case 3: return "round(\(a), \(pick(["0", "1", "2", "-1", "13", "99999999999"])))"
        case 4: return "\(pick(["min", "max"]))(\(a), \(b))"
        case 5: return "if \(a) \(pick([">=", "<", "=", "!=", "≤", "≥"])) \(b) then \(a) else \(b)"
        case 6: return "\(pick(["lookup", "retroactive", "marginal"]))(\(pick(vocabulary.tables, or: "t")), \(a))"
        case 7: return "prev(\(rule()))"
        case 8: return "paid(\(rule()))"
        case 9: return "\(pick(["sum", "avg", "min", "max", "count"]))(\(a) over \(pick(["quarter", "half", "year", "agents", "orders"])))"
        case 10: return "\(pick(["sum", "count"]))(\(a) over agents where \(b) > 0)"
        case 11: return "rank(\(a) over agents)"
        case 12: return "allocate(\(a), \(b) over agents)"
        case 13: return "\(a) \(pick(["and", "or"])) not \(b)"
        case 14: return "workdays_after(\(date()), \(pick(["1", "99999", "-5", Self.max])))"
        default: return "error(\"\(pick(["boom", "坏", ""]))\")"
        }
    }

    /// A pay-language definition.
    mutating func definition() -> String {
        switch int(9) {
        case 0, 1: return "month \(chance(0.2) ? rule() : newName()) = \(expression())"
        case 2: return "param \(chance(0.5) ? pick(vocabulary.params, or: "p") : newName()) = \(expression(2))"
        case 3: return "\(pick(["quarter", "half", "year"])) \(newName()) = \(expression())"
        case 4:
            let t = chance(0.4) ? pick(vocabulary.tables, or: "t") : newName()
            let rows = (0..<(1 + int(4))).map { i in "\(i == 0 ? "0" : number()) -> \(chance(0.3) ? "lookup(\(t), 1)" : expression(1))" }
            return "table \(t) \(pick(["[lo, hi)", "(lo, hi]", "[lo, hi]", ""])): " + rows.joined(separator: ", ")
        case 5: return "input month \(newName()) default \(number()) range \(number())..\(chance(0.5) ? number() : "")"
        case 6: return "order \(newName()) = \(expression(2))"
        case 7: return "month \(newName()) \"\(pick(["标签", "label", "\u{202E}rtl"]))\" = \(expression())"
        default: return "month pay = \(expression())"
        }
    }

    /// A file in the sandbox: one to read (a scenario copy, a script, a CSV), or a new name.
    mutating func file(_ ext: String = "json") -> String {
        // Scripts for source mostly (sourcing a 3,000-line scenario file as a script is slow and rarely new).
        let scripts = readable.filter { $0.hasSuffix("." + ext) }
        if ext == "txt", !scripts.isEmpty, chance(0.9) { return pick(scripts) }
        // Scenario files are loaded or saved over; scripts and CSVs are only read (a scenario saved over the
        // script would make every later `source` run 3,000 lines of JSON as commands).
        let others = readable.filter { ext == "json" ? $0.hasSuffix(".json") : true }
        if chance(0.6), !others.isEmpty { return pick(others) }
        return sandbox + "/" + pick(["new", "x", "名字", "a_b", ".hidden", "deep/missing/dir/f"]) + "\(int(5))." + ext
    }

    /// One command line from the grammar, before mutation.
    public mutating func command() -> String {
        let a = agent(), p = period()
        switch int(60) {
        case 0...9, 52...59: return "\(a).\(input())[\(p)] = \(number())"
        case 10...13: return "\(a).\(rule())[\(p)]"
        case 14: return "\(input())[\(p)] = \(number())"
        case 15...19: return definition()
        case 20: return "agent add \(newName()) id=\(name(vocabulary.ids)) role=\(pick(["sales", "after-sales", "x"])) base=\(number()) hired=\(date())"
        case 21: return "agent set \(a) \(pick(["base", "hired", "left", "role", "id", "name", "team"]))=\(pick([number(), date(), name(vocabulary.ids)]))"
        case 22: return "agent \(pick(["rm", "rename"])) \(a)\(chance(0.5) ? " " + newName() : "")"
        case 23: return "order add \(newName()) agent=\(a) date=\(date()) terms=\(pick(["cash", "net30", "net60"])) amount=\(number()) profit=\(number()) paid=\(date())"
        case 24: return "order \(pick(["set", "rm"])) \(name(vocabulary.orders)) \(pick(["amount", "profit", "paid", "date", "agent"]))=\(pick([number(), date(), a]))"
        case 25: return "report \(p)\(pick(["", "", " --csv", " --json", " --md", " --out \(file("csv"))", " --xlsx \(file("xlsx"))", " --bogus"]))"
        case 26: return "compare \(fork()) \(fork()) \(p)"
        case 27: return "fork \(newName())"
        case 28: return "switch \(fork())"
        case 29: return "sweep \(input()) from \(number()) to \(number()) step \(number()) show \(rule())\(chance(0.5) ? ", " + rule() : "") for \(a) in \(p)\(chance(0.1) ? " --svg \(file("svg"))" : "")"
        case 30: return "solve \(input()) for \(rule()) = \(number()) for \(a) in \(p)\(chance(0.5) ? " from \(number())" : "")\(chance(0.5) ? " to \(number())" : "")"
        case 31: return "cliffs \(rule()) over \(input()) from \(number()) to \(number())\(chance(0.5) ? " threshold \(number())" : "") for \(a) in \(p)"
        case 32: return "offer sales \(number()) \(number())\(chance(0.5) ? " base=\(number())" : "")\(chance(0.5) ? " from \(p)" : "")"
        case 33: return "explain \(a).\(rule())[\(p)]\(pick(["", " --depth \(number())", " --rules", " --orders", " in main vs \(fork())"]))"
        case 34: return pick(["undo", "undo", "redo", "undo", "redo"])
        case 35: return "save\(chance(0.3) ? "!" : "")\(chance(0.5) ? " " + file() : "")"
        case 36: return "load\(chance(0.7) ? "!" : "") \(file())"
        case 37: return "source \(file("txt"))"
        case 38: return "years \(pick(["2026", "2026-2027", "2025-2026", "2027", "1800", "2026-2100", "3000", "2027-2026", "x"]))"
        case 39: return "as of \(date())"
        case 40: return "calendar \(pick(["workday", "holiday"])) \(date())\(chance(0.5) ? ".." + date() : "")"
        case 41: return "statement \(chance(0.3) ? "all" : a) \(p)\(pick(["", " --format md", " --format html", " --csv \(file("csv"))", " --html \(file("html"))", " --format x"]))"
        case 42: return "forecast \(fork())\(chance(0.5) ? " " + fork() : "") \(p) --runs \(pick(["1", "5", "20", "0", "-1", "x"])) --seed \(number())"
        case 43: return "review \(fork()) \(fork()) \(p)\(chance(0.3) ? " --threshold \(number())" : "")"
        case 44: return pick(["agents", "plan", "scenarios", "check", "attribution", "orders", "help", "help commands", "help sweep", "help nothing", "?"])
        case 45: return "\(pick(["show", "drop"])) \(rule())"
        case 46: return "orders \(a) \(p)"
        case 47: return "set lang \(pick(["zh", "en", "en", "fr"]))"
        case 48: return "orders import \(file("csv"))\(pick(["", " --format taobao", " --dry-run", " --map 金额=amount", " --skip-bad"]))"
        case 49: return "performance import \(file("csv")) --month \(p)"
        case 50: return "use takehome"
        default: return pick(["", "#", "   ", "\"", "(", "[", "month", "=", "李雷.", ".pay[2026-03]", "1 +", "quit extra"])
        }
    }

    // MARK: Mutation

    /// Characters a mutation inserts: CJK, full-width, combining and bidi marks, control bytes, brackets and quotes.
    static let oddCharacters: [String] = ["名", "万", "（", "）", "［", "］", "＝", "，", "１", "\u{3000}", "\u{0301}", "\u{200B}", "\u{202E}",
                                          "\u{202B}", "\u{FEFF}", "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{1B}", "\u{7F}", "\t", "\r", "\n", "\"", "'",
                                          "(", ")", "[", "]", "{", "}", "#", "\\", ",", ":", "=", ".", "-", "→", "≥", "😀", "\u{FFFD}", "e\u{301}"]

    /// `line` with one to three random mutations.
    public mutating func mutate(_ line: String) -> String {
        var out = line
        for _ in 0..<(1 + int(3)) {
            var tokens = out.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            switch int(12) {
            case 0 where tokens.count > 1: tokens.remove(at: int(tokens.count)); out = tokens.joined(separator: " ")
            case 1 where !tokens.isEmpty: let i = int(tokens.count); tokens.insert(tokens[i], at: i); out = tokens.joined(separator: " ")
            case 2 where tokens.count > 1: tokens.swapAt(int(tokens.count), int(tokens.count)); out = tokens.joined(separator: " ")
            case 3:
                var chars = Array(out)
                chars.insert(contentsOf: Self.oddCharacters[int(Self.oddCharacters.count)], at: int(chars.count + 1))
                out = String(chars)
            case 4 where !out.isEmpty: out = String(out.prefix(int(out.count)))
            case 5: out = String(out.map { c -> Character in
                guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1, s.value > 0x20, s.value < 0x7F, chance(0.5) else { return c }
                return Character(Unicode.Scalar(s.value + 0xFEE0)!)
            })
            case 6: out = out.replacingOccurrences(of: pick(["9万", "3000", "0", "1", "2026"]), with: pick([Self.max, "-" + Self.max, "9e25", "170141183460469231731687303715884105727"]))
            case 7:
                let depth = pick([10, 100, 1000, 5000])
                out = out + " + " + String(repeating: pick(["(", "round(", "-", "[", "abs("]), count: depth) + "1" + (chance(0.5) ? String(repeating: ")", count: depth) : "")
            case 8: out = out + " " + String(repeating: pick(["1 + ", "名", "x", "a ", "\""]), count: pick([100, 1000, 20000]))
            case 9: out = out + pick([" # comment", " #", " \"", " (", " [", " \\", " then", " else", " ,"])
            case 10 where !tokens.isEmpty: tokens[int(tokens.count)] = pick([number(), period(), date(), name([]), "", "\"\""]); out = tokens.joined(separator: " ")
            default: out = pick(["\u{202E}", "\u{FEFF}", "  ", "\t", "\u{0}"]) + out
            }
        }
        return out
    }

    // MARK: Confinement

    /// Full-width ASCII and the ideographic space as ASCII (outside quotes), as `Session` reads a line.
    public static func asASCII(_ text: String) -> String {
        var out = "", quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if !quoted, c.unicodeScalars.count == 1, let s = c.unicodeScalars.first, s.value >= 0xFF01, s.value <= 0xFF5E {
                out.append(Character(Unicode.Scalar(s.value - 0xFEE0)!))
            } else if !quoted && c == "\u{3000}" { out.append(" ") } else { out.append(c) }
        }
        return out
    }

    static let writingOptions: Set<String> = ["--out", "--xlsx", "--html", "--svg", "--md", "--csv", "--text", "--json"]
    static let fileCommands: Set<String> = ["save", "save!", "load", "load!", "source"]

    /// `line` with every file it could name inside the sandbox; lines that name none are returned as they are.
    public mutating func confined(_ line: String) -> String {
        let ascii = Self.asASCII(line)
        let lower = ascii.lowercased()
        let risky = ["save", "load", "source", "import", "--"].contains { lower.contains($0) }
        guard risky else { return line }
        // Words as the commands split them (at white space outside quotes), quotes kept so the line reads back the same.
        var words: [String] = [], current = "", quoted = false
        for c in ascii.trimmingCharacters(in: .whitespacesAndNewlines) {
            if c == "\"" { quoted.toggle() }
            if c.isWhitespace && !quoted { if !current.isEmpty { words.append(current) }; current = "" } else { current.append(c) }
        }
        if !current.isEmpty { words.append(current) }
        guard let first = words.first else { return line }
        func inside(_ w: String) -> Bool {
            let bare = w.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            return (bare.hasPrefix(sandbox + "/") && !bare.contains("..")) || readable.contains(bare)
        }
        if Self.fileCommands.contains(where: { first.hasPrefix($0) }) || first.contains("save") || first.contains("load") || first.contains("source") {
            // save/load/source and anything like them take the rest of the line as one file name.
            let rest = words.dropFirst().joined(separator: " ")
            if rest.isEmpty || inside(rest) { return words.joined(separator: " ") }
            return first + " " + file()
        }
        for i in words.indices {
            let w = words[i].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if let eq = w.firstIndex(of: "="), w.hasPrefix("--") {
                if !inside(String(w[w.index(after: eq)...])) { words[i] = String(w[..<eq]) + "=" + file("csv") }
            } else if Self.writingOptions.contains(w) || (w.hasPrefix("--") && !["--runs", "--seed", "--threshold", "--depth", "--month", "--format", "--map", "--dry-run", "--skip-bad", "--rules", "--orders", "--bogus", "--note", "--map-name", "--refunds-known"].contains(w)) {
                if i + 1 < words.count, !inside(words[i + 1]) { words[i + 1] = file("csv") }
            } else if w == "import" || w.hasSuffix("import") {
                if i + 1 < words.count, !inside(words[i + 1]) { words[i + 1] = file("csv") }
            }
        }
        // A file name nobody rewrote (a quoted word holding "--out x", say) is harmless only if it is not an option's value;
        // to be sure, any word that still looks like a path outside the sandbox is replaced.
        for i in words.indices where (words[i].contains("/") || words[i].hasSuffix(".json") || words[i].hasSuffix(".csv")) && !inside(words[i]) {
            words[i] = file("csv")
        }
        return words.joined(separator: " ")
    }

    /// The next line: a command, mutated at `mutationRate`, confined to the sandbox.
    public mutating func next() -> String {
        var line = command()
        if chance(mutationRate) { line = mutate(line) }
        return confined(line)
    }
}
