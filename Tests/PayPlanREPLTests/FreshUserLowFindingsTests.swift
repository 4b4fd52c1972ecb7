import Foundation
import Testing
import TestSupport
import PayPlan
@testable import PayPlanREPL
@testable import PayPlanImport

/// The fresh-user findings of report 5 that were polish (LOW), and `help source`: every command names
/// an `--option` it does not take (and the one most likely meant) instead of printing its usage, ignoring
/// it or saving a file named `--force`; `orders import` of a folder says it is one; `explain 李雷` points
/// to one of the agent's figures; `help source` shows `--through`. Each in English and Chinese, each
/// refusal leaving the workspace as it was.
@Suite struct FreshUserLowFindingsTests {
    /// `help source` (no topic of its own) shows the command's line of `help commands`, with `--through`.
    @Test func helpSourceShowsItsOptionsWithThrough() throws {
        let s = try Session(path: electronics)
        #expect(s.execute("help source").lines == ["source FILE [--bail] [--through LINE]   run the commands of a script file, one per line, each its own undo step: when one fails, the others stay (--bail: stop at the first that fails; --through LINE: run its lines up to LINE only)"])
        #expect(s.execute("help commands").lines.contains { $0.hasPrefix("source FILE [--bail] [--through LINE]") })
        // A command of several entries shows each: agent add, set and rm.
        #expect(s.execute("help agent").lines.map { String($0.prefix(9)) } == ["agent add", "agent set", "agent rm "])
        s.language = .zh
        #expect(s.execute("help source").lines == ["source 文件 [--bail] [--through 行号]   逐行运行脚本文件中的命令，每条单独撤销：某条失败时，其余各条照常生效（--bail：遇到第一条失败即停止；--through 行号：只运行到该行）"])
        // Not a command or a topic: refused as before, now with the command named like it.
        s.language = .en
        expectRefused(s, "help sourc", "no help on 'sourc' (did you mean 'source'?)")
    }

    /// `statement 李雷 2026-03 --htlm x.html` gave only the usage line; now the option is named, with the
    /// one meant (--htlm is --html with two neighbours swapped), the options there are and the usage.
    @Test func statementNamesTheUnknownOptionAndTheOneMeant() throws {
        let dir = tempDir("low-findings")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Session(path: electronics)
        let cmd = "statement 李雷 2026-03 --htlm \(dir)/x.html"
        expectRefused(s, cmd, "unknown option --htlm (options: --csv, --format, --html, --md, --out, --text; did you mean --html?); write statement AGENT|all PERIOD [--format text|md|html|csv] [--out FILE]")
        s.language = .zh
        #expect(s.execute(cmd).errors.first?.render().first == "错误：没有选项 --htlm（可用选项：--csv、--format、--html、--md、--out、--text；是不是想写 --html？）；请写 statement 员工|all 期间 [--format text|md|html|csv] [--out 文件]")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "no file was written")
        // The commands that read their own options say the option meant too.
        s.language = .en
        expectRefused(s, "report 2026 --cvs", "unknown option --cvs (options: --csv, --json, --md, --out, --xlsx; did you mean --csv?)")
        expectRefused(s, "forecast main 2026 --rusn 5", "unknown option --rusn (options: --runs, --seed; did you mean --runs?)")
    }

    /// Every command of `help commands` refuses an option it does not take, by name, before it runs:
    /// `save --force` saved a file named --force, `years 2026 --x`, `as of … --x` and `plan --all` ignored
    /// the option, `offer … --htlm` called it an amount, `sweep … --svgg` and `solve … --xx` misread it as the month.
    @Test func everyCommandNamesAnOptionItDoesNotTake() throws {
        let dir = tempDir("low-findings")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/s.json"
        try FileManager.default.copyItem(atPath: electronics, toPath: file)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let s = try Session(path: file)
        // Each command of the table, by its words (a plan statement such as use takehome is a definition, not a command).
        let commands = CommandTable.entries.filter { !$0.words.isEmpty && $0.words != CommandTable.definitionWords && $0.words != ["use"] }
        #expect(commands.count > 30)
        for e in commands {
            let line = e.words.joined(separator: " ") + " --zzq"
            let out = s.execute(line)
            #expect(out.failed && out.errors.first?.message.hasPrefix("unknown option --zzq (") == true, "\(line): \(out.text)")
        }
        // With their arguments written right, the option is still named (not taken for an argument).
        for line in ["save --force", "load \(file) --force", "years 2026 --x", "as of 2026-03-01 --x", "plan --all", "show pay --rules",
                     "offer sales 6万 --htlm", "sweep sales from 0 to 10万 step 5万 show pay for 李雷 in 2026-03 --svgg x.svg",
                     "solve sales for pay = 6000 for 李雷 in 2026-03 --xx", "cliffs pay over sales from 0 to 40万 --xx", "fork f --from main",
                     "agent set 李雷 --base=3500", "switch main --x"] {
            let option = line.split(separator: " ").first { $0.hasPrefix("--") }!.split(separator: "=")[0]
            expectRefused(s, line, "unknown option \(option) (")
        }
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/--force"))
        #expect(s.execute("sweep sales from 0 to 10万 step 5万 show pay for 李雷 in 2026-03 --svgg x.svg").errors.first?.message
                == "unknown option --svgg (options: --svg; did you mean --svg?); write sweep INPUT from X to Y step S show FIGURE…")
        #expect(s.execute("save --force").errors.first?.message == "unknown option --force (this command takes none); write save [FILE]")
        s.language = .zh
        #expect(s.execute("save --force").errors.first?.render().first == "错误：没有选项 --force（这个命令不带选项）；请写 save [文件]")
        #expect(!s.isDirty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
        // Quoted text is not an option: an order note may hold --.
        s.language = .en
        run(s, #"order add N1 agent=李雷 date=2026-03-02 amount=100 note="--加急""#)
    }

    /// `orders import /tmp` said "permission denied or not a file": a folder is said to be one, with the
    /// .csv files in it to choose from (first five, sorted), for orders and performance imports.
    @Test func importingAFolderSaysItIsAFolder() throws {
        let dir = tempDir("low-findings")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/四月.csv"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/三月.csv"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/readme.txt"))
        let s = try Session(path: onlineShop)
        // Sorted by code point: 三 (U+4E09) before 四 (U+56DB).
        expectRefused(s, "orders import \(dir)", "\(dir) is a folder, not a file: name one file in it, e.g. \(dir)/三月.csv (its .csv files: 三月.csv, 四月.csv); nothing was imported")
        expectRefused(s, "performance import \(dir)/ --month 2026-03", "\(dir)/ is a folder, not a file: name one file in it, e.g. \(dir)/三月.csv (its .csv files: 三月.csv, 四月.csv); nothing was imported")
        let empty = tempDir("low-findings-empty")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        expectRefused(s, "orders import \(empty)", "\(empty) is a folder, not a file: name one file in it (it holds no .csv file); nothing was imported")
        s.language = .zh
        let before = s.workspace
        #expect(s.execute("orders import \(dir)").errors.first?.render().first == "错误：\(dir) 是文件夹，不是文件：请写其中的一个文件，例如 \(dir)/三月.csv（其中的 .csv 文件：三月.csv、四月.csv）；未导入任何内容")
        #expect(s.workspace == before)
    }

    /// `explain 李雷` said "unknown name '李雷'": an agent's name alone points to one of their figures, in the
    /// first month of the years they are employed in (李雷 hired 2023: 2026-01; 赵强 hired 2026-04-01: 2026-04).
    @Test func explainOfAnAgentPointsToTheirFigures() throws {
        let s = try Session(path: electronics)
        expectRefused(s, "explain 李雷", "'李雷' is an agent, not a figure: explain one of their figures, e.g. explain 李雷.pay[2026-01]")
        expectRefused(s, "explain 赵强 --rules", "'赵强' is an agent, not a figure: explain one of their figures, e.g. explain 赵强.pay[2026-04]")
        s.language = .zh
        #expect(s.execute("explain 李雷").errors.first?.render().first == "错误：'李雷' 是员工，不是数字：请说明其某个数字，例如 explain 李雷.pay[2026-01]")
        // The example it gives works: C3 January, R = 1,234 / 2% = 61,700 → 2% × 61,700 = 1,234; pay 3,000 + 1,234 = 4,234.00.
        s.language = .en
        let e = s.execute("explain 李雷.pay[2026-01]")
        #expect(e.errors.isEmpty && e.text.contains("4,234.00"), "\(e.text)")
        // A name that is neither still says unknown name.
        expectRefused(s, "explain 李四", "unknown name '李四'")
    }
}
