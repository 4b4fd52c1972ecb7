/// `payplan --help` in the language in effect: ArgumentParser writes its help in English only, so under
/// `--lang zh` or a zh locale (`LANG=zh_CN.UTF-8`) the shell prints this instead. It names every option
/// `CommandLineCheck` knows (a test holds the two together), each with what it does.
public enum CommandLineHelp {
    /// One option of the command line: how it is written, and what it does in both languages.
    public struct Option: Sendable {
        /// `-e 命令`, `--lang zh|en`: the option and, when it takes one, its value (in Chinese words).
        public let usage: Wording
        public let summary: Wording
    }

    /// The options in the order ArgumentParser lists them.
    public static let options: [Option] = [
        Option(usage: Wording(en: "-e <command>", zh: "-e 命令"),
               summary: Wording(en: "Run a command and exit (repeatable).", zh: "执行一条命令后退出（可重复）。")),
        Option(usage: Wording(en: "-f <script>", zh: "-f 脚本文件"),
               summary: Wording(en: "Run the commands of a script file and exit (repeatable; -e and -f run in the order given).", zh: "执行脚本文件中的命令后退出（可重复；与 -e 按书写顺序依次执行）。")),
        Option(usage: Wording(en: "--bail", zh: "--bail"),
               summary: Wording(en: "Stop at the first command that fails (nothing after it runs, so no later save).", zh: "遇到第一条失败的命令就停止（之后的命令都不执行，因此也不会保存）。")),
        Option(usage: Wording(en: "--no-color", zh: "--no-color"),
               summary: Wording(en: "No colour (also NO_COLOR=1).", zh: "不使用颜色（也可设 NO_COLOR=1）。")),
        Option(usage: Wording(en: "--force", zh: "--force"),
               summary: Wording(en: "In a script, let load replace unsaved changes (as load! does).", zh: "在脚本中允许 load 覆盖未保存的修改（与 load! 相同）。")),
        Option(usage: Wording(en: "--recover", zh: "--recover"),
               summary: Wording(en: "Replay the unsaved edits an earlier run left (killed, terminal closed) before anything else, without asking.",
                                zh: "先恢复上次运行（被中止、终端被关闭）留下的未保存修改，不再询问。")),
        Option(usage: Wording(en: "--lang <zh|en>", zh: "--lang zh|en"),
               summary: Wording(en: "Language of messages, help and reports: zh or en (default: from the locale, zh_CN… gives zh).",
                                zh: "消息、帮助和报表的语言：zh（中文）或 en（英文）；默认按系统语言设置（zh_CN… 为中文）。")),
        Option(usage: Wording(en: "--version", zh: "--version"), summary: Wording(en: "Show the version.", zh: "显示版本号。")),
        Option(usage: Wording(en: "-h, --help", zh: "-h, --help"), summary: Wording(en: "Show help information.", zh: "显示本帮助。")),
    ]

    /// The whole help in `language`: what payplan is, examples, how it is written, the scenario argument
    /// and every option, with the options' column aligned by display width (Chinese counts two).
    /// - Complexity: O(n) in the options.
    public static func text(_ language: DisplayLanguage) -> String {
        let zh = language == .zh
        var out = [zh ? "简介：像电子表格一样清楚的工资方案：制定、商谈并讲清楚销售和客服的工资。" : "OVERVIEW: Pay plans as a spreadsheet you can read: plan, negotiate and explain sales pay.", ""]
        out += zh ? ["示例：",
                     "  payplan scenarios/electronics-sales.json -e 'report 2026'",
                     "  payplan scenarios/electronics-sales.json < edits.txt",
                     "  payplan scenarios/electronics-sales.json -f edits.txt --bail",
                     "  payplan new-plan.json          （新的空方案；save 写入 new-plan.json）",
                     "在 payplan 中输入 help 查看命令和工资规则语言。"]
                  : ["Examples:",
                     "  payplan scenarios/electronics-sales.json -e 'report 2026'",
                     "  payplan scenarios/electronics-sales.json < edits.txt",
                     "  payplan scenarios/electronics-sales.json -f edits.txt --bail",
                     "  payplan new-plan.json          (a new, empty scenario; save writes new-plan.json)",
                     "Type 'help' inside payplan for the commands and the pay language."]
        out += ["", zh ? "写法：payplan [方案文件.json] [-e 命令 …] [-f 脚本文件 …] [--bail] [--no-color] [--force] [--recover] [--lang zh|en]"
                       : "USAGE: payplan [<scenario>] [-e <command> ...] [-f <script> ...] [--bail] [--no-color] [--force] [--recover] [--lang <zh|en>]", ""]
        let argument = zh ? ("方案文件.json", "要打开的方案文件（JSON）；以 .json 结尾但尚不存在的文件名会新建一个空方案，保存到那里。")
                          : ("<scenario>", "A scenario file (JSON) to open; a name ending in .json that does not exist yet starts an empty scenario saved there.")
        let rows = [(argument.0, argument.1)] + options.map { ($0.usage[language], $0.summary[language]) }
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        func row(_ r: (String, String)) -> String { "  " + r.0 + String(repeating: " ", count: width - DisplayWidth.of(r.0) + 2) + r.1 }
        out += [zh ? "参数：" : "ARGUMENTS:", row(rows[0]), "", zh ? "选项：" : "OPTIONS:"] + rows.dropFirst().map(row)
        return out.joined(separator: "\n")
    }

    /// True when `arguments` ask for help (`--help` or `-h` before any `--`, not as the value of `-e`/`-f`/`--lang`).
    /// - Complexity: O(n) in the arguments.
    public static func asked(_ arguments: [String]) -> Bool {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { return false }
            if a == "--help" || a == "-h" { return true }
            i += CommandLineCheck.valueOptions.contains(a) ? 2 : 1
        }
        return false
    }
}
