import Foundation
import Testing
import TestSupport
@testable import PayPlan
@testable import PayPlanREPL

/// Messages as data (issue 13, point 1): every kind of message has a Chinese text with no
/// English words but names, IDs, files and REPL syntax; every case of every message enum has a
/// sample; colour comes from a message's meaning, in either language.
@Suite struct MessageCatalogueTests {
    /// English words a Chinese message may hold: REPL syntax (command and pay-language words,
    /// option names), file kinds, and the names the samples use (rules, parts, units).
    static let allowedWords: Set<String> = {
        // Command words, help topics, sub-commands and option values: REPL syntax.
        var s = Set(CommandTable.firstWords + CommandTable.definitionWords + Help.topics.flatMap { $0.name.split(separator: "-").map(String.init) })
        s.formUnion(["add", "set", "rm", "holiday", "workday", "clear", "all", "of", "text", "out", "use", "N", "payplan", "lang", "zh", "en"])
        // File kinds, error codes, the program's own name for the file layer.
        s.formUnion(["json", "csv", "md", "html", "htm", "xlsx", "txt", "UTF", "MISSING", "OVERFLOW", "DIV", "REF", "ERROR", "chmod", "u", "w"])
        // Names the samples use (rules, parts, forks).
        s.formUnion(["pay", "sales", "commission", "bonus", "base", "rate", "pool", "tax", "takehome", "main", "edits", "lower"])
        // The parameters review names (plan A's chat accounts, the minimum wage of the takehome part).
        s.formUnion(["minimum_wage", "account_plan"])
        s.formUnion(Parser.reserved)
        s.formUnion(["tier_commission", "margin", "damage_cap_rate", "half_bonus", "level", "probation", "months_employed", "tax_table", "refund",
                     "individual", "prev", "paid"])
        // The pay language's functions and their arguments as the compiler's errors quote them.
        s.formUnion(["avg", "lookup", "marginal", "retroactive", "prorate", "calendar_days", "paid_days", "rank", "weight", "error", "missing",
                     "period_start", "workdays_after", "sqrt", "max", "workdays_between"])
        s.formUnion(["B", "T", "commission_tiers", "attribution_match", "attribution_pattern", "attribution_mode"])
        // The pay language's syntax the parser's errors quote: built-ins (`round(`, `allocate(`), tier sides
        // `[lo, hi)`, `range LO..HI`, `report columns a, b, c`, `in ("a", "b")`, payslip sections, `use takehome on pay`.
        s.formUnion(["round", "sum", "allocate", "lo", "hi", "LO", "HI", "range", "columns", "a", "b", "on", "earnings", "deductions",
                     "info", "base_pay", "revenue", "Excel", "WPS", "Markdown", "HTML", "xls", "libxlsxwriter", "iconv", "GBK", "CSV", "visitors", "inquiries", "buyers"])
        // The what-if syntax (sweep/solve/cliffs clauses and their placeholders), `agent add`, a quarter's `Q`.
        s.formUnion(["from", "to", "step", "show", "over", "threshold", "vs", "X", "Y", "S", "add", "Q", "H", "tiers", "for", "svg", "MISSING"])
        // The answers and keys of the shell's questions (y 是/n 否/c 取消, Tab, Ctrl-D, Ctrl-C).
        s.formUnion(["y", "n", "c", "Tab", "Ctrl", "D", "C", "OTHER"])
        // A scenario file's keys, as a loading error names the place (`agents[0].hired`, `team_inputs.pool`), and its format's name.
        s.formUnion(["format", "version", "years", "inputs", "team_inputs", "agents", "orders", "calendar", "holidays", "weekend", "fields",
                     "attributes", "hired", "left", "scenario", "salez", "JSON"])
        // The command line's own options (`-f FILE`, `-e LINE`).
        s.formUnion(["f", "e"])
        // Imports: the field names a column maps to, the platform formats, encodings, attribution switch values;
        // the names of a field and an attribute whose labelled values explain --rules notes show (terms, role).
        s.formUnion(["import", "id", "amount", "date", "note", "total", "value", "none", "name", "pattern", "first", "last", "split",
                     "match", "mode", "attribution", "terms", "role", "UTF", "BOM", "GB", "taobao", "tmall", "pdd", "jd", "douyin", "ExportOrderList", "CS", "A"])
        return s
    }()

    /// The English words of `text` that are not names or syntax: quoted text, cell references
    /// (`李雷.pay[2026-03]`), options (`--depth`), `key=` and file names are taken out first.
    static func englishWords(_ text: String) -> [String] {
        var t = text
        for pattern in [#"'[^']*'"#, #"[^\s\[]+\.[^\s\[]+\[[^\]]*\]"#, #"--[A-Za-z-]+"#, #"[A-Za-z_]+=[A-Za-z_]*"#, #"\S+\.(json|csv|md|html|xlsx|txt|plan)\b"#] {
            t = t.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        // Words of ASCII letters; one with a digit is an ID or a period (S01, 2026-Q1, T001).
        let words = t.matches(of: /[A-Za-z0-9_]+/).map { String($0.output) }
            .filter { w in w.contains(where: \.isLetter) && !w.contains(where: \.isNumber) }
        return words.filter { !allowedWords.contains($0) }
    }

    @Test func everyMessageHasChineseWithNoEnglishWords() {
        #expect(MessageCatalogues.all.count >= 3)
        for (name, samples) in MessageCatalogues.all {
            #expect(!samples.isEmpty, "\(name) has no samples")
            for m in samples {
                let zh = m.text(.zh), en = m.text(.en)
                #expect(!zh.isEmpty && !en.isEmpty, "\(name): \(m) renders empty")
                #expect(Self.englishWords(zh).isEmpty, "\(name): '\(zh)' has English words \(Self.englishWords(zh))")
            }
        }
    }

    /// The test's own check catches an English message (so the test above can fail).
    @Test func theEnglishWordCheckFindsEnglish() {
        #expect(Self.englishWords("saved a.json") == ["saved"])
        #expect(Self.englishWords("已保存 a.json") == [])
        #expect(Self.englishWords("已撤销：李雷.sales[2026-03] = 5,000.00，输入 undo 返回") == [])
        #expect(Self.englishWords("没有名为 'Lily' 的员工（员工：李雷, Tom）") == ["Tom"])
    }

    /// The case names declared by each `enum …: MessageCatalogue` in Sources/PayPlanREPL/Messages.
    static func declaredCases() throws -> [String: Set<String>] {
        let folder = URL(fileURLWithPath: repositoryRoot + "/Sources/PayPlanREPL/Messages")
        var out: [String: Set<String>] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            var current: String? = nil
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if let m = line.firstMatch(of: /^public enum (\w+): MessageCatalogue/) { current = String(m.1); out[current!] = []; continue }
                if line.hasPrefix("}") { current = nil; continue }
                guard let c = current, line.hasPrefix("    case "), !line.hasPrefix("    case .") else { continue }
                let decl = line.dropFirst("    case ".count)
                // `case a, b` or `case name(…)`: names before any bracket.
                var names: [String] = []
                var depth = 0, word = ""
                for ch in decl {
                    if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
                    else if depth == 0 && (ch.isLetter || ch.isNumber || ch == "_") { word.append(ch) }
                    else if depth == 0 && ch == "," { names.append(word); word = "" }
                    else if depth == 0 && ch == "/" { break }
                }
                if !word.isEmpty { names.append(word) }
                out[c]!.formUnion(names.filter { !$0.isEmpty })
            }
        }
        return out
    }

    /// The case name of an enum value (`.saved(file: "a.json")` → `saved`).
    static func caseName(_ value: Any) -> String {
        Mirror(reflecting: value).children.first?.label ?? String(describing: value)
    }

    @Test func everyCaseOfEveryMessageEnumHasASample() throws {
        let declared = try Self.declaredCases()
        #expect(declared.count >= 2, "found \(declared.keys)")
        let catalogued = Dictionary(MessageCatalogues.all.map { ($0.name, $0.samples) }, uniquingKeysWith: { a, _ in a })
        for (kind, cases) in declared {
            guard let samples = catalogued[kind] else { Issue.record("\(kind) is not in MessageCatalogues.all"); continue }
            let sampled = Set(samples.map(Self.caseName))
            #expect(cases.subtracting(sampled).isEmpty, "\(kind): no sample of \(cases.subtracting(sampled).sorted())")
        }
    }

    /// Colour from meaning: plan C, 李雷's March sales up by 10,000 raises his pay (green),
    /// down lowers it (red), the same under zh; the text is not read to decide.
    @Test func aChangeLineIsGreenUpAndRedDownInBothLanguages() throws {
        let colour = Colour(enabled: true)
        for lang in DisplayLanguage.allCases {
            let s = try Session(path: electronics)
            s.language = lang
            let agent = s.workspace.agents[0].name
            let was = s.execute("\(agent).sales[2026-03]")
            #expect(!was.failed)
            let up = s.execute("\(agent).sales[2026-03] = 200000")
            let line = try #require(up.rendered.first)
            #expect(line.tone == .better, "\(lang): \(up.rendered)")
            #expect(colour.line(line.text, tone: line.tone) == "\u{1B}[32m\(line.text)\u{1B}[0m")
            let down = s.execute("undo")
            let back = try #require(down.rendered.last)
            #expect(back.tone == .worse, "\(lang): \(down.rendered)")
            #expect(colour.line(back.text, tone: back.tone) == "\u{1B}[31m\(back.text)\u{1B}[0m")
        }
        // A change between equal amounts, or to an error value, has no colour.
        #expect(PayChange(cell: "x", old: .number(Fixed(1)), new: .number(Fixed(1))).tone == .plain)
        #expect(PayChange(cell: "x", old: .number(Fixed(1)), new: nil).tone == .plain)
        // A line that merely looks like a change (plain text) is not coloured.
        #expect(colour.line("李雷.pay[2026-03]: 5,000.00 → 5,500.00", tone: .plain) == "李雷.pay[2026-03]: 5,000.00 → 5,500.00")
        #expect(Colour(enabled: false).line("x", tone: .better) == "x")
    }
}
