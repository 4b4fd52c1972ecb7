import PayPlan

/// What `load` and `save` say.
public enum FileMessage: MessageCatalogue {
    case loadWhich
    /// `load` over unsaved changes (of the file `path`, if any).
    case unsavedChanges(path: String?, file: String)
    /// The file could not be loaded: why (as the reader says it).
    case loadFailed(OutputLine)
    /// A loaded file's plan does not compile: the file, then why.
    case loadRefused(file: String, OutputLine)
    case loaded(file: String, agents: Int, definitions: Int)
    /// The file holds `count` keys payplan does not read (`names`: the first few), kept and written back by `save`.
    case keptKeys(count: Int, names: [String])
    case saveWhere
    case saveEmptyName
    /// The file changed on disk since this window opened or last saved it; `windows`: the pids of
    /// other live payplan windows that have it open (empty: another program, or a window since closed).
    case changedOnDisk(String, windows: [Int])
    /// `save` refused because of `changedOnDisk`.
    case changedOnDiskRefused(String, windows: [Int])
    /// `save FILE` where FILE is another existing file than this workspace's.
    case existsElsewhere(String)
    /// `save` refused because of `existsElsewhere`.
    case existsElsewhereRefused(String)
    /// The write failed: why (as the file layer says it).
    case saveFailed(OutputLine)
    case saved(String)

    public var wording: Wording {
        switch self {
        case .loadWhich: Wording(en: "load which file? e.g. load scenarios/electronics-sales.json", zh: "要载入哪个文件？例如 load scenarios/electronics-sales.json")
        case .unsavedChanges(let p, let f):
            Wording(en: "there are unsaved changes\(p.map { " to \($0)" } ?? ""): save them first, or write load! \(f) to load without them (undo brings them back)",
                    zh: "有未保存的更改\(p.map { "（\($0)）" } ?? "")：请先保存，或写 load! \(f) 放弃这些更改并载入（undo 可恢复）")
        case .loadFailed(let why): Wording(en: why.text(.en), zh: why.text(.zh)).followed(by: MessageWords.nothingChanged)
        case .loadRefused(let f, let why): Wording(en: "\(f): \(why.text(.en))", zh: "\(f)：\(why.text(.zh))").followed(by: MessageWords.nothingChanged)
        case .loaded(let f, let a, let d): Wording(en: "loaded \(f): \(a) agents, \(d) definitions", zh: "已载入 \(f)：\(a) 名员工，\(d) 条定义")
        case .keptKeys(let n, let names):
            Wording(en: "\(n) \(n == 1 ? "key" : "keys") in the file payplan does not read (\(names.map { "'\($0)'" }.joined(separator: ", "))\(n > names.count ? ", …" : "")) \(n == 1 ? "is" : "are") kept as \(n == 1 ? "it is" : "they are"); save writes \(n == 1 ? "it" : "them") back unchanged",
                    zh: "文件中有 \(n) 个 payplan 不读取的键（\(names.map { "'\($0)'" }.joined(separator: "、"))\(n > names.count ? "……" : "")），已原样保留；save 时原样写回")
        case .saveWhere: Wording(en: "save where? this workspace has no file yet: save FILE.json", zh: "保存到哪里？这个工作区还没有文件：save 文件名.json")
        case .saveEmptyName: Wording(en: "save needs a file name, not an empty one: save FILE.json", zh: "save 需要文件名，不能为空：save 文件名.json")
        case .changedOnDisk(let f, let w): FileMessage.changed(f, w)
        case .changedOnDiskRefused(let f, let w):
            FileMessage.changed(f, w).followed(by: Wording(en: "; save! overwrites it, or save OTHER.json keeps both; nothing was written",
                                                           zh: "；save! 覆盖它，或 save 其他文件.json 两者都保留；未写入任何文件"))
        case .existsElsewhere(let f):
            Wording(en: "\(f) already exists and is not the file this workspace was opened from or saved to",
                    zh: "\(f) 已存在，且不是本工作区打开或保存过的文件")
        case .existsElsewhereRefused(let f):
            Wording(en: "\(f) already exists and is not the file this workspace was opened from or saved to; save! \(f) replaces it, or save to a new name; nothing was written",
                    zh: "\(f) 已存在，且不是本工作区打开或保存过的文件；save! \(f) 覆盖它，或另存为新文件名；未写入任何文件")
        case .saveFailed(let why):
            Wording(en: "\(why.text(.en)); the workspace is unchanged and no file was replaced", zh: "\(why.text(.zh))；工作区未改变，没有替换任何文件")
        case .saved(let f): Wording(en: "saved \(f)", zh: "已保存 \(f)")
        }
    }

    /// What changed the file: another payplan window that has it open (by pid), else another program or a window since closed.
    static func changed(_ f: String, _ windows: [Int]) -> Wording {
        let pids = windows.map(String.init).joined(separator: ", ")
        if windows.isEmpty {
            return Wording(en: "\(f) changed on disk since this window opened or last saved it (another program wrote it, or a payplan window since closed)",
                           zh: "\(f) 在本窗口打开或上次保存之后被改过（其他程序写过它，或已关闭的 payplan 窗口保存过）")
        }
        return Wording(en: "\(f) changed on disk since this window opened or last saved it: the payplan window\(windows.count == 1 ? "" : "s") of pid \(pids) \(windows.count == 1 ? "has" : "have") it open too and may have saved it",
                       zh: "\(f) 在本窗口打开或上次保存之后被改过：进程号 \(pids) 的 payplan 窗口也打开了它，可能保存过")
    }

    public static var samples: [FileMessage] {
        [.loadWhich, .unsavedChanges(path: "a.json", file: "b.json"), .unsavedChanges(path: nil, file: "b.json"),
         .loadFailed(OutputLine(FileMessage.loadWhich)), .loadRefused(file: "b.json", OutputLine(CommandMessage.unknownName("pya", hint: nil))),
         .loaded(file: "a.json", agents: 3, definitions: 20), .keptKeys(count: 1, names: ["notes"]),
         .keptKeys(count: 5, names: ["notes", "phone", "channel"]), .saveWhere, .saveEmptyName, .changedOnDisk("a.json", windows: []), .changedOnDisk("a.json", windows: [4242]),
         .changedOnDiskRefused("a.json", windows: []), .changedOnDiskRefused("a.json", windows: [4242, 4343]),
         .existsElsewhere("b.json"), .existsElsewhereRefused("b.json"),
         .saveFailed(OutputLine(fixed: "a.json")), .saved("a.json")]
    }
}
