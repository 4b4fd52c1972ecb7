import PayPlan

/// What `source FILE` and scripts (`-f`, piped input) say: files that cannot be run,
/// definitions cut short, where in a script an error is.
public enum SourceMessage: MessageCatalogue {
    case usage(OutputLine?)
    /// The script is already running: the chain of files that closes the loop.
    case alreadyRunning(file: String, loop: [String])
    case nestedTooDeep(file: String, maximum: Int)
    case cannotRead(file: String, exists: Bool)
    /// A folder given where a script file goes.
    case isFolder(String)
    /// The file exists but this user may not read it: its owner and mode (octal), and the user payplan runs as.
    case permissionDenied(file: String, owner: String, mode: String, user: String)
    /// The file is not UTF-8: its first such line (1-based), and that line as GBK reads it when the file is GBK (GB18030).
    case notUTF8(file: String, line: Int, asGBK: String?)
    /// The file ended inside a definition.
    case fileEnded(file: String, line: Int)
    /// Piped input ended inside a definition.
    case inputEnded
    /// A definition cut short by the next command.
    case unfinished(StatementText.Chunk.Unfinished)
    /// An error of a script's command: its place, then what the command said.
    case atLine(file: String, line: Int, OutputLine)
    /// `--bail`: the script stopped at its first failing command.
    case stoppedAt(file: String, line: Int)
    /// Some of a script's commands failed and others took effect: each line is its own command.
    case partlyApplied(file: String, failed: Int, tookEffect: Int)
    /// Ctrl-C stopped the script before `line`: `ran` commands ran (lines 1 to `line` − 1), `tookEffect` of them changed the workspace and stay.
    case interrupted(file: String, line: Int, ran: Int, tookEffect: Int)

    public var wording: Wording {
        switch self {
        case .usage(let e):
            Wording(en: (e.map { $0.text(.en) + "; " } ?? "") + "write source FILE [--bail] [--through LINE], e.g. source edits.txt",
                    zh: (e.map { $0.text(.zh) + "；" } ?? "") + "请写 source 文件 [--bail] [--through 行号]，例如 source edits.txt")
        case .alreadyRunning(let f, let loop):
            Wording(en: "source \(f): it is already running (\(loop.joined(separator: " → "))): a script that sources itself would never end; nothing was run",
                    zh: "source \(f)：它已在运行（\(loop.joined(separator: " → "))）：脚本调用自身将永不结束；未执行任何命令")
        case .nestedTooDeep(let f, let m):
            Wording(en: "source \(f): scripts nest more than \(m) deep; stopped", zh: "source \(f)：脚本嵌套超过 \(m) 层；已停止")
        case .cannotRead(let f, let exists):
            Wording(en: "cannot read \(f): \(exists ? "permission denied or not a file" : "no such file"); nothing was run",
                    zh: "无法读取 \(f)：\(exists ? "没有权限或不是文件" : "文件不存在")；未执行任何命令")
        case .isFolder(let f):
            Wording(en: "\(f) is a folder, not a script file: give a file in it, e.g. \(f)/edits.txt; nothing was run",
                    zh: "\(f) 是文件夹，不是脚本文件：请指定其中的文件，例如 \(f)/edits.txt；未执行任何命令")
        case .permissionDenied(let f, let owner, let mode, let user):
            Wording(en: "cannot read \(f): permission denied (it belongs to \(owner), mode \(mode), and payplan runs as \(user)); make it readable (chmod u+r as its owner) or copy it; nothing was run",
                    zh: "无法读取 \(f)：没有权限（文件属于 \(owner)，权限 \(mode)，payplan 以 \(user) 身份运行）；请由文件所有者用 'chmod u+r' 让它可读，或复制一份；未执行任何命令")
        case .notUTF8(let f, let l, let gbk):
            if let gbk {
                Wording(en: "\(f) is not UTF-8 text: line \(l) reads as GBK (“\(gbk)”), as files saved on Chinese Windows often are; convert it: iconv -f GBK -t UTF-8 \(f) > \(f).utf8.txt (or save it as UTF-8); nothing was run",
                        zh: "\(f) 不是 UTF-8 文本：第 \(l) 行是 GBK 编码（“\(gbk)”），中文系统保存的文件常是这样；请转换：'iconv -f GBK -t UTF-8 \(f) > \(f).utf8.txt'（或另存为 UTF-8）；未执行任何命令")
            } else {
                Wording(en: "\(f) is not UTF-8 text: line \(l) has bytes that are neither UTF-8 nor GBK; save the file as UTF-8 text; nothing was run",
                        zh: "\(f) 不是 UTF-8 文本：第 \(l) 行的字节既不是 UTF-8 也不是 GBK；请把文件另存为 UTF-8 文本；未执行任何命令")
            }
        case .fileEnded(let f, let l):
            Wording(en: "\(f) line \(l): the file ended in the middle of this definition; it was not run", zh: "\(f) 第 \(l) 行：文件在这条定义中间结束；它没有执行")
        case .inputEnded: Wording(en: "the input ended in the middle of this definition; nothing was changed", zh: "输入在这条定义中间结束；未做任何更改")
        case .unfinished(let why):
            switch why {
            case .unclosedBracket:
                Wording(en: "this definition is not finished: a bracket it opens is never closed; it was not run, and the next line runs as its own command",
                        zh: "这条定义没有写完：其中的括号没有闭合；它没有执行，下一行作为单独的命令执行")
            case .openEnding(let w):
                Wording(en: "this definition is not finished: it ends with '\(w)', so something is missing after it; it was not run, and the next line runs as its own command",
                        zh: "这条定义没有写完：它以 '\(w)' 结尾，后面缺少内容；它没有执行，下一行作为单独的命令执行")
            }
        case .atLine(let f, let l, let m): Wording(en: "\(f) line \(l): \(m.text(.en))", zh: "\(f) 第 \(l) 行：\(m.text(.zh))")
        case .stoppedAt(let f, let l):
            Wording(en: "stopped at \(f) line \(l) (--bail): the commands after it were not run", zh: "已停在 \(f) 第 \(l) 行（--bail）：其后的命令没有执行")
        case .interrupted(let f, let l, let ran, let done):
            if ran == 0 {
                Wording(en: "source \(f) stopped (Ctrl-C) before line \(l): no command ran; nothing was changed",
                        zh: "source \(f) 在第 \(l) 行前停止（Ctrl-C）：没有执行任何命令；未做任何更改")
            } else {
                Wording(en: "source \(f) stopped (Ctrl-C) before line \(l): \(ran) command\(ran == 1 ? "" : "s") ran (lines 1–\(l - 1))"
                        + (done == 0 ? ", none changed the workspace" : "; the \(done) that changed the workspace stay, each its own undo step") + "; the rest were not run",
                        zh: "source \(f) 在第 \(l) 行前停止（Ctrl-C）：已执行 \(ran) 条命令（第 1–\(l - 1) 行）"
                        + (done == 0 ? "，都没有更改工作区" : "；更改了工作区的 \(done) 条保留，每条可单独撤销") + "；其余没有执行")
            }
        case .partlyApplied(let f, let failed, let done):
            Wording(en: "\(f): \(failed) command\(failed == 1 ? "" : "s") failed; the \(done) that changed the workspace took effect, each its own undo step",
                    zh: "\(f)：\(failed) 条命令失败；更改了工作区的 \(done) 条已生效，每条可单独撤销")
        }
    }

    public static var samples: [SourceMessage] {
        [.usage(nil), .usage(OutputLine(fixed: "--bail")), .alreadyRunning(file: "a.txt", loop: ["a.txt", "b.txt", "a.txt"]),
         .nestedTooDeep(file: "a.txt", maximum: 16), .cannotRead(file: "a.txt", exists: true), .cannotRead(file: "a.txt", exists: false),
         .notUTF8(file: "a.txt", line: 3, asGBK: "李雷.sales[2026-03] = 15万"), .notUTF8(file: "a.txt", line: 1, asGBK: nil),
         .isFolder("脚本"), .permissionDenied(file: "a.txt", owner: "u1000", mode: "600", user: "u1001"), .fileEnded(file: "a.txt", line: 3), .inputEnded, .unfinished(.unclosedBracket), .unfinished(.openEnding("+")),
         .atLine(file: "a.txt", line: 3, OutputLine(CommandMessage.unknownName("pya", hint: "pay"))), .stoppedAt(file: "a.txt", line: 3),
         .partlyApplied(file: "a.txt", failed: 1, tookEffect: 2), .partlyApplied(file: "a.txt", failed: 2, tookEffect: 1),
         .interrupted(file: "a.txt", line: 1, ran: 0, tookEffect: 0), .interrupted(file: "a.txt", line: 2, ran: 1, tookEffect: 0),
         .interrupted(file: "a.txt", line: 40, ran: 30, tookEffect: 12)]
    }
}
