/// What the interactive shell says around the commands (Sources/payplan/Shell.swift, main.swift):
/// the banner, the leave and load dialogs (`LeaveDialog`), a dropped unfinished command.
public enum ShellMessage: MessageCatalogue, Equatable {
    /// What `LeaveDialog` goes on to after a save answer: leaving or loading.
    public enum Then: Sendable, Equatable { case leave, load }

    /// The first line: the scenario, its agents and years, and how to get help.
    case banner(name: String, agents: Int, years: String)
    /// Ctrl-D in the middle of a command that continues on the next line.
    case unfinishedDropped
    /// The first time a command continues on the next line: how to finish or abandon it.
    case continuing
    /// An empty line after an unfinished command: the command was abandoned.
    case unfinishedAbandoned
    /// A scenario file that does not exist yet: an empty scenario that `save` writes there.
    case newScenario(file: String)
    /// A run from `-e`, `-f` or a pipe ended with changes no `save` wrote: they are not kept.
    case unsavedAtEnd
    /// `save changes to FILE? [y/n/c]` (a new file when `nil`).
    case saveChanges(file: String?)
    /// `save changes to FILE before loading OTHER? [y/n/c]`.
    case saveBeforeLoading(file: String?, loading: String)
    /// Which file to save to.
    case saveAs
    /// `overwrite FILE with this workspace? [y/n]`.
    case overwrite(file: String)
    /// Cancelled: nothing was lost.
    case notLeft
    case notLoaded(String)
    case notOverwritten(String)
    /// The scenario could not be opened at start (`payplan FILE`): why.
    case cannotStart(OutputLine)
    /// `--lang` given something other than zh or en.
    case langChoices(String)
    /// A command line ArgumentParser refused (`CommandLineCheck.problem`): what is wrong, if known, then the usage.
    case commandLine(ArgumentMessage?)
    /// A second scenario file on the command line (`payplan a.json b.json`): one opens at a time.
    case secondScenario(String, first: String)
    /// A `-f` script that cannot be run: why (`ScriptFile`).
    case scriptFile(OutputLine)
    /// Where in a script (`FILE line N`, or `line N` of piped input) an error is.
    case scriptLine(file: String?, line: Int)
    /// `--bail`: the script stopped at a failing command.
    case bailStopped(file: String?, line: Int)
    /// An answer that is not one of the choices.
    case answerSave(Then)
    case answerOverwrite

    public var wording: Wording {
        switch self {
        case .cannotStart(let why): Wording(en: why.text(.en), zh: why.text(.zh))
        case .commandLine(let p):
            (p.map { $0.wording.followed(by: Wording(en: "; ", zh: "；")) } ?? Wording(en: "", zh: "")).followed(by: Self.commandLineUsage)
        case .secondScenario(let a, let f):
            Wording(en: "one scenario file at a time: \(f) and \(a) are both given", zh: "一次只能打开一个方案文件：给了 \(f) 和 \(a) 两个")
                .followed(by: Wording(en: "; ", zh: "；")).followed(by: Self.commandLineUsage)
        case .langChoices(let l): Wording(en: "--lang takes zh or en, not '\(l)'", zh: "--lang 只能是 zh 或 en，不能是 '\(l)'")
        case .scriptFile(let why): Wording(en: "-f: \(why.text(.en))", zh: "-f：\(why.text(.zh))")
        case .scriptLine(let f, let n): Wording(en: (f.map { "\($0) " } ?? "") + "line \(n)", zh: (f.map { "\($0) " } ?? "") + "第 \(n) 行")
        case .bailStopped(let f, let n):
            Wording(en: "stopped at \(f.map { "\($0) " } ?? "")line \(n) (--bail): the commands after it were not run",
                           zh: "在 \(f.map { "\($0) " } ?? "")第 \(n) 行停止（--bail）：之后的命令没有执行")
        case .banner(let n, let a, let y):
            // The scenario's name comes from its file: shown, never obeyed (`TerminalText`).
            Wording(en: "\(TerminalText.safe(n)): \(a) agents, \(y). Tab completes; 'help' lists topics; Ctrl-D leaves.",
                    zh: "\(TerminalText.safe(n))：\(a) 名员工，\(y) 年。Tab 补全；help 列出帮助主题；Ctrl-D 退出。")
        case .continuing: Wording(en: "(the command is unfinished: type the rest on the next line; an empty line or Ctrl-C abandons it)",
                                  zh: "（命令没写完：请在下一行接着写；空行或 Ctrl-C 放弃这条命令）")
        case .unfinishedAbandoned: Wording(en: "(the unfinished command was abandoned; nothing was run)", zh: "（没写完的命令已放弃，未执行）")
        case .unfinishedDropped: Wording(en: "(the unfinished command was dropped)", zh: "（没写完的命令已丢弃）")
        case .newScenario(let f):
            Wording(en: "\(f): a new, empty scenario (the file does not exist yet); save writes it there",
                    zh: "\(f)：新的空方案（文件还不存在）；save 会写到这里")
        case .unsavedAtEnd:
            Wording(en: "note: the changes of this run were not saved (end the commands with save to keep them)",
                    zh: "注意：本次运行的修改没有保存（命令最后加上 save 即可保留）")
        case .saveChanges(let f?): Wording(en: "save changes to \(f)? [y/n/c] ", zh: "把修改保存到 \(f) 吗？[y 是/n 否/c 取消] ")
        case .saveChanges(nil): Wording(en: "save changes to a new file? [y/n/c] ", zh: "把修改保存到新文件吗？[y 是/n 否/c 取消] ")
        case .saveBeforeLoading(let f?, let l):
            Wording(en: "save changes to \(f) before loading \(l)? [y/n/c] ", zh: "载入 \(l) 之前，把修改保存到 \(f) 吗？[y 是/n 否/c 取消] ")
        case .saveBeforeLoading(nil, let l):
            Wording(en: "save changes to a new file before loading \(l)? [y/n/c] ", zh: "载入 \(l) 之前，把修改保存到新文件吗？[y 是/n 否/c 取消] ")
        case .saveAs: Wording(en: "save as (a .json file; empty line cancels): ", zh: "另存为（.json 文件；空行取消）：")
        case .overwrite(let f): Wording(en: "overwrite \(f) with this workspace? [y/n] ", zh: "用当前工作区覆盖 \(f) 吗？[y 是/n 否] ")
        case .notLeft: Wording(en: "not left; the changes are still here (save, or quit to be asked again)", zh: "没有退出；修改都还在（save 保存，或 quit 再问一次）")
        case .notLoaded(let l): Wording(en: "\(l) was not loaded; the changes are still here", zh: "没有载入 \(l)；修改都还在")
        case .notOverwritten(let f):
            Wording(en: "\(f) was not overwritten; the changes are still here (save OTHER.json keeps both)", zh: "没有覆盖 \(f)；修改都还在（save 其他文件.json 两者都保留）")
        case .answerSave(.leave): Wording(en: "answer y to save and leave, n to leave without saving, c to stay", zh: "回答 y 保存后退出，n 不保存直接退出，c 留下")
        case .answerSave(.load): Wording(en: "answer y to save and load, n to load without saving, c to stay", zh: "回答 y 保存后载入，n 不保存直接载入，c 留下")
        case .answerOverwrite: Wording(en: "answer y to overwrite it, n to keep it", zh: "回答 y 覆盖，n 保留原文件")
        }
    }

    /// `payplan`'s command line in short, after a refusal of it.
    static let commandLineUsage = Wording(
        en: "usage: payplan [SCENARIO.json] [-e COMMAND]… [-f SCRIPT]… [--bail] [--no-color] [--force] [--recover] [--lang zh|en] (payplan --help says more)",
        zh: "写法：payplan [方案.json] [-e 命令]… [-f 脚本]… [--bail] [--no-color] [--force] [--recover] [--lang zh|en]（payplan --help 列出各选项）")

    public static var samples: [ShellMessage] {
        [.banner(name: "电子销售", agents: 4, years: "2026"), .unfinishedDropped, .continuing, .unfinishedAbandoned, .newScenario(file: "新方案.json"), .unsavedAtEnd,
         .saveChanges(file: "方案.json"), .saveChanges(file: nil), .saveBeforeLoading(file: "方案.json", loading: "乙.json"),
         .saveBeforeLoading(file: nil, loading: "乙.json"), .saveAs, .overwrite(file: "方案.json"), .notLeft, .notLoaded("乙.json"),
         .notOverwritten("方案.json"), .answerSave(.leave), .answerSave(.load), .answerOverwrite,
         .cannotStart(OutputLine(ScenarioErrorMessage(.cannotRead(path: "方案.json", exists: true)))), .langChoices("fr"), .commandLine(nil), .commandLine(.needsValue("-e")),
         .commandLine(.unknownOption("--htlm", known: CommandLineCheck.valueOptions + ["--bail", "--help"])), .secondScenario("乙.json", first: "甲.json"), .scriptFile(OutputLine(SourceMessage.cannotRead(file: "改动.txt", exists: false))),
         .scriptLine(file: "改动.txt", line: 3), .scriptLine(file: nil, line: 3), .bailStopped(file: "改动.txt", line: 3), .bailStopped(file: nil, line: 3)]
    }
}
