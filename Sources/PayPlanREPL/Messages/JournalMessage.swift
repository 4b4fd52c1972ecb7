/// What the crash-recovery journal (`EditJournal`) says: the offer of edits an earlier run left
/// unsaved, what a recovery did, a scenario open in another payplan window, and a replay refused
/// because a file the command read has changed since.
public enum JournalMessage: MessageCatalogue, Equatable {
    /// What the file a journal is for did since the journal began.
    public enum Then: Sendable, Equatable {
        /// The scenario file is as it was: the edits can be replayed on it.
        case unchanged
        /// It changed since (saved in another window, or by another program).
        case changed
    }

    /// `payplan was stopped with unsaved changes to FILE (N edits, last at HH:MM).` and what follows:
    /// the shell's question, or a script's notice. `pid` is the process that left them, when known.
    case offer(file: String, edits: Int, lastAt: String, pid: Int?, then: Then, interactive: Bool)
    /// Before each offer when several stopped windows left edits: which one this is (`index` of
    /// `count`, oldest first), its pid, when its edits were made and the last of them, so the offers differ.
    case stoppedWindow(index: Int, count: Int, pid: Int?, firstAt: String, lastAt: String, last: String)
    /// The shell's question after the offer of edits on an unchanged file.
    case recoverThem
    /// After the listed edits of a changed file: apply them to it as it is now?
    case applyToChangedFile(file: String)
    /// After a replay: how many edits are back (not saved yet).
    case recovered(Int)
    /// One journalled command that failed to replay, and why (already in the session's language).
    case couldNotReplay(command: String, why: String)
    /// A journalled import/source not replayed: the file it read changed since
    /// (sizes in bytes, modification times as HH:MM).
    case readFileChanged(file: String, sizeBefore: Int64, sizeNow: Int64, modifiedBefore: String, modifiedNow: String)
    /// A journalled import/source not replayed: the file it read is gone or cannot be read.
    case readFileGone(file: String)
    /// The scenario is open in other payplan processes too (their pids).
    case openElsewhere(file: String, pids: [Int])
    /// n at the recovery question.
    case dropped
    /// An answer other than y or n at the recovery question.
    case answerRecover
    /// Ctrl-C or Ctrl-D at the recovery question: payplan leaves, the journal stays.
    case leftKept
    /// Printed when a SIGTERM/SIGHUP ends the shell with unsaved edits in the journal.
    case stoppedKept
    /// At the start (or after `load`/`save AS`) when this window's journal cannot be made in
    /// `directory` (no state directory, not writable, a file in its place): edits would be lost on a kill.
    case cannotJournal(directory: String?)

    public var wording: Wording {
        switch self {
        case .offer(let f, let n, let time, let pid, let then, let interactive):
            let by = pid.map { ", pid \($0)" } ?? "", byZh = pid.map { "，进程号 \($0)" } ?? ""
            let head = Wording(en: "payplan was stopped with unsaved changes to \(f) (\(n) edit\(n == 1 ? "" : "s"), last at \(time)\(by)).",
                               zh: "payplan 上次停止时 \(f) 有未保存的修改（\(n) 处，最后一处在 \(time)\(byZh)）。")
            switch (then, interactive) {
            case (.unchanged, true): return head  // the question (`recoverThem`) is the prompt of the next line
            case (.unchanged, false):
                return head.followed(by: Wording(en: " Pass --recover to apply them first; they were not applied.", zh: "加 --recover 可先恢复再运行；这次没有恢复。"))
            case (.changed, true):
                return head.followed(by: Wording(en: " The file changed since (saved in another window or by another program); the edits were:",
                                                 zh: "此后文件已被改动（在另一个窗口保存过，或被别的程序改过）；这些修改是："))
            case (.changed, false):
                return head.followed(by: Wording(en: " The file changed since, so they were not applied (start payplan on the file in a terminal to choose); they were:",
                                                 zh: "此后文件已被改动，这次没有恢复（在终端里用 payplan 打开这个文件可选择是否恢复）；它们是："))
            }
        case .stoppedWindow(let i, let n, let pid, let first, let last, let command):
            let span = first == last ? Wording(en: "made at \(first)", zh: "在 \(first)") : Wording(en: "made from \(first) to \(last)", zh: "在 \(first) 至 \(last)")
            return Wording(en: "stopped window \(i) of \(n)\(pid.map { " (pid \($0))" } ?? ""): its edits \(span.en), the last one: \(command)",
                           zh: "已停止的窗口 \(i)/\(n)\(pid.map { "（进程号 \($0)）" } ?? "")：修改\(span.zh)，最后一处：\(command)")
        case .recoverThem: return Wording(en: "Recover them? [y/n] ", zh: "恢复吗？[y 是/n 否] ")
        case .applyToChangedFile(let f):
            return Wording(en: "Apply them to \(f) as it is now? [y/n] ", zh: "把它们用在现在的 \(f) 上吗？[y 是/n 否] ")
        case .recovered(let n):
            return Wording(en: "recovered \(n) edit\(n == 1 ? "" : "s") (not saved yet)", zh: "已恢复 \(n) 处修改（尚未保存）")
        case .couldNotReplay(let c, let why): return Wording(en: "could not be replayed: \(c): \(why)", zh: "未能重做：\(c)：\(why)")
        case .readFileChanged(let f, let b, let n, let mb, let mn):
            let size = b == n ? Wording(en: "the same size, \(b) bytes", zh: "大小相同，\(b) 字节")
                              : Wording(en: "size \(b) → \(n) bytes", zh: "大小 \(b) → \(n) 字节")
            return Wording(en: "\(f) changed since it was read (\(size.en); modified \(mb) → \(mn)), so it was not read again: that would bring in other data",
                           zh: "\(f) 在读入之后被改动过（\(size.zh)；修改时间 \(mb) → \(mn)），所以没有重读：重读会读入别的数据")
        case .readFileGone(let f):
            return Wording(en: "\(f) can no longer be read (moved or removed since it was read), so it was not read again",
                           zh: "\(f) 已无法读取（读入之后被移走或删除），所以没有重读")
        case .openElsewhere(let f, let pids):
            let list = pids.map(String.init).joined(separator: ", ")
            return Wording(en: "note: \(f) is also open in another payplan window (pid \(list)): a save in one window replaces what the other saved; each window's unsaved edits are kept apart for recovery",
                           zh: "注意：\(f) 也在另一个 payplan 窗口中打开（进程号 \(list)）：一个窗口保存会覆盖另一个窗口保存的内容；各窗口未保存的修改分开记着，可分别恢复")
        case .dropped: return Wording(en: "the unsaved edits were dropped", zh: "已丢弃未保存的修改")
        case .answerRecover: return Wording(en: "answer y to recover the edits, n to drop them", zh: "回答 y（是）恢复这些修改，n（否）丢弃它们")
        case .leftKept: return Wording(en: "left; the unsaved edits are kept for the next start", zh: "已退出；未保存的修改仍记着，下次启动时再问")
        case .stoppedKept:
            return Wording(en: "\npayplan was stopped; the unsaved edits are kept and offered back at the next start on this file\n",
                           zh: "\npayplan 已停止；未保存的修改已记下，下次打开这个文件时可以恢复\n")
        case .cannotJournal(let d):
            let whereEn = d.map { "\($0) cannot be written" } ?? "no state directory: neither XDG_STATE_HOME nor HOME is set"
            let whereZh = d.map { "无法写入 \($0)" } ?? "没有可用的状态目录"
            return Wording(en: "warning: unsaved edits cannot be kept in a journal (\(whereEn)): if payplan is killed or the terminal closes they are lost; save often",
                           zh: "注意：未保存的修改无法记入日志（\(whereZh)）：payplan 被强制关闭或终端关闭时会丢失；请及时 save")
        }
    }

    public var tone: Tone {
        switch self {
        case .openElsewhere, .readFileChanged, .readFileGone, .couldNotReplay, .cannotJournal: .warning
        default: .plain
        }
    }

    public static var samples: [JournalMessage] {
        [.stoppedWindow(index: 1, count: 2, pid: 4242, firstAt: "10:41", lastAt: "10:54", last: "李雷.sales[2026-03] = 15万"),
         .stoppedWindow(index: 2, count: 2, pid: nil, firstAt: "10:58", lastAt: "10:58", last: "王芳.expenses[2026-04] = 650"), .offer(file: "方案.json", edits: 2, lastAt: "17:02", pid: 4242, then: .unchanged, interactive: true),
         .offer(file: "方案.json", edits: 1, lastAt: "17:02", pid: nil, then: .unchanged, interactive: false),
         .offer(file: "方案.json", edits: 2, lastAt: "17:02", pid: 4242, then: .changed, interactive: true),
         .offer(file: "方案.json", edits: 2, lastAt: "17:02", pid: nil, then: .changed, interactive: false),
         .recoverThem, .applyToChangedFile(file: "方案.json"), .recovered(2),
         .couldNotReplay(command: "李雷.sales[2026-03] = 1", why: "没有这个员工"),
         .readFileChanged(file: "订单.csv", sizeBefore: 1204, sizeNow: 1380, modifiedBefore: "17:02", modifiedNow: "17:20"),
         .readFileChanged(file: "订单.csv", sizeBefore: 1204, sizeNow: 1204, modifiedBefore: "17:02", modifiedNow: "17:20"),
         .readFileGone(file: "订单.csv"), .openElsewhere(file: "方案.json", pids: [4242]), .dropped, .answerRecover, .leftKept, .stoppedKept,
         .cannotJournal(directory: "/数据/状态/payplan/日志"), .cannotJournal(directory: nil)]
    }
}
