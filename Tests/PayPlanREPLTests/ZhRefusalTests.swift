import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL

/// Every refusal in Chinese (issue 13, points 1 and 5): a large set of refused inputs run under
/// `--lang zh` — the bounded command-line fuzzer's generated lines, every command of `help commands`
/// with bad arguments, and files `load` and the imports cannot read — and each output checked with the
/// golden transcript's English detector (`ZhTranscriptTests.englishWords`: no English word but names,
/// IDs, file names, REPL syntax and the words the user typed). Every error is also a typed message, never
/// a fixed text.
@Suite(.serialized) struct ZhRefusalTests {
    /// What one session run found: each English word with the command and line it was seen on, and
    /// the commands whose errors were untyped English text.
    struct Findings {
        var english: [String: String] = [:]
        var untyped: [String] = []
        var refused = 0
        var report: String {
            (english.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" } + untyped.map { "  untyped: \($0)" }).joined(separator: "\n")
        }
    }

    /// Runs `line` on `s` under zh and adds what its output shows in English to `found` (the body only
    /// when `body`, for lines that succeed with tables of the user's own data).
    static func check(_ s: Session, _ line: String, into found: inout Findings, body: Bool = true) {
        s.language = .zh
        // The names of the session before the line and after it (`undo` of a fork names the fork it removed).
        var plan = Set<String>(), names = Set<String>()
        func learn() {
            ZhTranscriptTests.learn(s.workspace, plan: &plan, names: &names)
            for (n, w) in s.forks { names.insert(n); ZhTranscriptTests.learn(w, plan: &plan, names: &names) }
            names.insert(s.forkName)
        }
        learn()
        let out = s.execute(line)
        if out.failed { found.refused += 1 }
        learn()
        // `set lang en` answers in English, as asked.
        guard !CommandLineGenerator.asASCII(line).hasPrefix("set lang") else { return }
        // An error's message, without the quoted source line and caret under it (the user's own text, from the
        // line or from a script or file it read); what a message quotes ('…') and `key=` examples are the
        // user's words and syntax too.
        // Machine-read output (`--json`, `--csv`) is printed exactly, in no language.
        let shown = ((body || out.failed) && !out.verbatim ? out.lines : []) + (out.errors + out.warnings).map { $0.said.text(.zh) }
        // Also syntax: a duration's unit (`12s`), bytes in hex (`FF FE 01 80`), a scenario file's keys as a place
        // (`version：`), and the fork of a usage example (`review main lower 2026`).
        // A file's own column names, listed after 文件的列为： up to the next ；, are the file's words (a scenario
        // file read as a table has `"format": "payplan-scenario"` among them).
        let unquoted = shown.map { $0.replacingOccurrences(of: #"'[^']*'"#, with: " ", options: .regularExpression)
                                     .replacingOccurrences(of: #"文件的列为：[^；]*"#, with: " ", options: .regularExpression)
                                     .replacingOccurrences(of: #"[A-Za-z_]+="#, with: " ", options: .regularExpression)
                                     .replacingOccurrences(of: #"\b[0-9]+s\b|\b[0-9A-F]{2}\b"#, with: " ", options: .regularExpression)
                                     .replacingOccurrences(of: #"\b(format|version|years|agents|inputs|plan|orders|forks|lower)\b"#, with: " ", options: .regularExpression) }
        // The line as typed and as read (full-width letters folded, as the REPL reads them).
        // A generated line may hold a line break (a definition cut in two): all of it is what the user typed.
        let typed = line.replacingOccurrences(of: "\n", with: " ")
        let text = "› " + typed + " " + CommandLineGenerator.asASCII(typed) + "\n" + unquoted.joined(separator: "\n")
        for (w, seen) in ZhTranscriptTests.englishWords(in: text, plan: plan, names: names) where found.english[w] == nil {
            found.english[w] = "\(line.prefix(120)) ⇒ \(seen.prefix(200))"
        }
        for e in out.errors where e.said.message == nil { found.untyped.append("\(line.prefix(120)) ⇒ \(e.said.text(.zh).prefix(200))") }
    }

    /// The fuzzer's generated lines (`CommandLineGenerator`, 600 lines from seed 13 over the three shipped
    /// scenarios in turn, 100 a session), every output under zh.
    @Test func generatedLinesSayEverythingInChinese() throws {
        let (folder, scenarios, readable) = try CommandLineFuzzTests.sandbox()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var found = Findings()
        for episode in 0..<6 {
            let s = try Session(path: scenarios[episode % scenarios.count])
            var g = CommandLineGenerator(seed: 13 &+ UInt64(episode) &* 7919, vocabulary: .init(s), sandbox: folder, readable: readable)
            for _ in 0..<100 {
                let line = g.next()
                Self.check(s, line, into: &found)
                if found.refused % 10 == 0 { g.vocabulary = .init(s) }
            }
        }
        #expect(found.refused > 100, "only \(found.refused) of 600 generated lines were refused")
        #expect(found.english.isEmpty && found.untyped.isEmpty, "English under --lang zh:\n\(found.report)")
    }

    /// Bad arguments for every command of `help commands`: nothing after the words, an unknown name, an
    /// unknown option, a bad period and amount, an unclosed quote, each option with no value and each
    /// writing option to a folder that cannot exist.
    @Test func everyCommandWithBadArgumentsIsRefusedInChinese() throws {
        let tmp = tempDir("zh-refusals")
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let aFile = tmp + "/plain.txt"
        try "x\n".write(toFile: aFile, atomically: true, encoding: .utf8)
        var found = Findings()
        var lines: [[String]] = []
        for e in CommandTable.entries where !e.words.isEmpty {
            let heads = e.words.count > 2 ? e.words.map { [$0] } : [e.words] + e.aliases.map { [$0] }
            // `save NAME` writes NAME where the tests run: the save lines below name files in the test's folder.
            for head in heads.map({ $0.joined(separator: " ") }) where !head.hasPrefix("save") {
                lines.append([head, head + " nosuch", head + " --bogus", head + " abc abc abc", head + " 2026-13", head + " \"unclosed",
                          head + " 李雷 nosuch 2026-03", head + " main nosuch 2026-03", head + " = 1", head + " x = (1"])
                for o in e.options {
                    lines[lines.count - 1] += [head + " " + o, head + " 2026-03 " + o, head + " 2026-03 " + o + " " + aFile + "/sub/x.csv",
                              head + " 李雷 2026-03 " + o + " " + aFile + "/sub"]
                }
            }
        }
        // The forms without a command word, and the figure commands' writing options beside their real arguments.
        lines.append(["李雷.sales[2026-13] = 1", "李雷.sales[2026-03] = abc", "李雷.salez[2026-03] = 1", "无名氏.pay[2026-03]", "李雷.pay[2026",
                  "李雷.", ".pay[2026-03]", "李雷.sales[2026-03] = 1e400", "李雷.sales[2026-03] = 170141183460469231731687303715884105727",
                  "statement all 2026-03 --html \(aFile)/工资条", "statement all 2026-03 --md \(aFile)/工资条", "statement all 2026-03 --csv \(aFile)/all.csv",
                  "statement 李雷 2026-03 --out \(aFile)/s.txt", "report 2026-03 --csv \(aFile)/r.csv", "report 2026-03 --xlsx \(aFile)/r.xlsx",
                  "compare main main 2026-03 --json \(aFile)/c.json", "save \(aFile)/x.json", "save! \(aFile)/x.json", "save \(tmp)",
                  "orders 李雷 2026-03 --md \(aFile)/o.md", "sweep sales from 0 to 10万 step 1万 show pay for 李雷 in 2026-03 --svg \(aFile)/s.svg",
                  "review main main 2026-03 --html \(aFile)/r.html", "source \(aFile)/x.txt", "source \(tmp)", "load \(tmp)", "load \(aFile)/x.json"])
        for scenario in [electronics, onlineShop] {
            // A copy, so that a `save` that works writes into the folder of the test.
            let copy = tmp + "/" + (scenario as NSString).lastPathComponent
            try FileManager.default.copyItem(atPath: scenario, toPath: copy)
            // A fresh session for each command's lines: `fork nosuch` would make `forecast nosuch` a real forecast.
            for group in lines {
                let s = try Session(path: copy)
                for line in group { Self.check(s, line, into: &found, body: false) }
            }
        }
        #expect(found.refused > lines.joined().count * 3 / 2, "\(found.refused) refused")
        #expect(found.english.isEmpty && found.untyped.isEmpty, "English under --lang zh:\n\(found.report)")
    }

    /// Files `load` and the imports cannot read: empty, binary, GBK, not JSON, JSON of the wrong shape, a plan
    /// with a cycle or an unknown name, a folder, a path through a file; CSVs with no rows, bad cells, bad
    /// `--map` values and formats.
    @Test func badFilesAreRefusedInChinese() throws {
        let tmp = tempDir("zh-bad-files")
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        func write(_ name: String, _ bytes: Data) throws -> String {
            let p = tmp + "/" + name
            try bytes.write(to: URL(fileURLWithPath: p))
            return p
        }
        func scenario(_ plan: [String], agents: String = "[]") -> Data {
            let lines = plan.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ", ")
            return Data("{\"format\": \"payplan-scenario\", \"version\": 1, \"name\": \"x\", \"years\": \"2026\", \"plan\": [\(lines)], \"agents\": \(agents), \"inputs\": {}}\n".utf8)
        }
        var files: [String] = []
        files.append(try write("empty.json", Data()))
        files.append(try write("binary.json", Data([0x00, 0xFF, 0xFE, 0x01, 0x80, 0x7F])))
        files.append(try write("gbk.json", Data([0x7B, 0x22, 0xC0, 0xEE, 0xC0, 0xD7, 0x22, 0x7D])))
        files.append(try write("list.json", Data("[1, 2, 3]".utf8)))
        files.append(try write("number.json", Data("1e400".utf8)))
        files.append(try write("noformat.json", Data("{\"version\": 1}".utf8)))
        files.append(try write("wrongtypes.json", Data("{\"format\": \"payplan-scenario\", \"version\": \"1\", \"name\": 5, \"years\": 2026, \"plan\": {}, \"agents\": 1}".utf8)))
        files.append(try write("cycle.json", scenario(["month a = b + 1", "month b = a + 1", "report total a"])))
        files.append(try write("cycle3.json", scenario(["input month sales default 0", "month a = c", "month b = a", "month c = b + sales"])))
        files.append(try write("unknown.json", scenario(["month pay = nosuch * 2"])))
        files.append(try write("badrule.json", scenario(["month pay = (1"])))
        files.append(try write("twice.json", scenario(["month pay = 1", "month pay = 2"])))
        files.append(try write("badagent.json", scenario(["attribute base default 0", "month pay = base"],
                                                          agents: "[{\"name\": \"甲\", \"base\": \"x\"}, {\"name\": \"甲\"}]")))
        files.append(try write("agentkeys.json", scenario(["month pay = 1"], agents: "[{\"nmae\": \"甲\"}]")))
        try FileManager.default.createDirectory(atPath: tmp + "/folder.json", withIntermediateDirectories: true)
        files += [tmp + "/folder.json", tmp + "/empty.json/x.json", tmp + "/nosuch.json"]

        var csvs: [String] = []
        csvs.append(try write("empty.csv", Data()))
        csvs.append(try write("header.csv", Data("订单编号,金额\n".utf8)))
        csvs.append(try write("binary.csv", Data([0x00, 0xFF, 0xFE, 0x01, 0x80, 0x0A])))
        csvs.append(try write("gbk.csv", Data([0xB6, 0xA9, 0xB5, 0xA5, 0x2C, 0xBD, 0xF0, 0xB6, 0xEE, 0x0A, 0x31, 0x2C, 0x32, 0x0A])))
        csvs.append(try write("quote.csv", Data("订单编号,金额\n\"T1,100\n".utf8)))
        csvs.append(try write("cells.csv", Data("订单编号,员工,日期,金额\nT1,无名氏,2026-13-01,abc\nT2,李雷,2026-03-01,1e400\n".utf8)))
        csvs.append(try write("perf.csv", Data("客服,询单人数,最终付款人数\n小美,abc,1e30\n无名氏,1,2\n".utf8)))
        csvs += [tmp + "/folder.json", tmp + "/empty.csv/x.csv", tmp + "/nosuch.csv"]

        var lines: [String] = []
        for f in files { lines += ["load \(f)", "load! \(f)"] }
        for f in csvs {
            lines += ["orders import \(f)", "orders import \(f) --format taobao", "orders import \(f) --dry-run", "performance import \(f)",
                      "performance import \(f) --month 2026-03"]
        }
        let orders = repositoryRoot + "/scenarios/electronics-orders.csv"
        for map in ["金额", "=amount", "金额=", "金额=nosuch", "nosuch=amount", "金额=amount,金额=profit", ",,", "金额＝amount，", "\"金额=amount"] {
            lines += ["orders import \(orders) --map \(map)", "orders import \(orders) --map \(map) --dry-run", "performance import \(csvs[6]) --map \(map)"]
        }
        lines += ["orders import \(orders) --format ebay", "orders import \(orders) --note nosuch", "orders import \(orders) --map-name",
                  "orders import \(orders) --map-name nosuch --dry-run", "orders import \(orders) --save-map", "orders import \(orders) --refunds-known x"]
        var found = Findings()
        for scenario in [electronics, onlineShop] {
            let s = try Session(path: scenario)
            _ = s.execute("李雷.sales[2026-03] = 1")
            for line in lines { Self.check(s, line, into: &found, body: false) }
        }
        #expect(found.refused > lines.count, "\(found.refused) refused")
        #expect(found.english.isEmpty && found.untyped.isEmpty, "English under --lang zh:\n\(found.report)")
    }
}
