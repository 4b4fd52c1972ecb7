import Foundation
import PayPlan
import PayPlanImport

/// A file the file layer could not read or write (`ScenarioError`, `AtomicFile`), rendered from
/// its typed `kind` in English and Chinese; the system's error texts in Chinese from
/// `Session.systemErrors`. An untyped error (`Kind.text`) shows its English text in both languages.
public struct ScenarioErrorMessage: MessageCatalogue {
    public var kind: ScenarioError.Kind

    public init(_ kind: ScenarioError.Kind) { self.kind = kind }

    public var wording: Wording {
        func shown(_ p: String, _ link: String?) -> String { link.map { "\(p)（指向 \($0) 的链接）" } ?? p }
        let zh: String
        switch kind {
        case .cannotRead(let p, let exists): zh = "无法读取 \(p)：\(exists ? "没有读取权限，或它不是文件" : "没有这个文件")"
        case .cannotReadPermission(let p): zh = "无法读取 \(p)：没有读取权限"
        case .directoryNotScenario(let path, let inside):
            let dir = path.hasSuffix("/") ? path : path + "/"
            zh = "\(path) 是文件夹，不是方案文件：" + (inside.isEmpty ? "请给出一个方案文件（.json）"
                : "请给出其中的一个方案文件，例如 \(dir)\(inside[0])" + (inside.count > 1 ? "（共 \(inside.count) 个：\(inside.prefix(4).joined(separator: "、"))\(inside.count > 4 ? "、…" : "")）" : ""))
        case .cannotWrite(let p, let l, let why): zh = "无法写入 \(shown(p, l))：\(ScenarioErrorMessage.chinese(why))"
        case .cannotReplace(let p, let l, let e): zh = "无法替换 \(shown(p, l))：\(ScenarioErrorMessage.chinese(errno: e))"
        case .linkLoop(let p): zh = "无法写入 \(p)：符号链接形成循环（或链接超过 32 层）；未写入任何文件"
        case .noFileName: zh = "没有给出文件名"
        case .text(let s): zh = s
        }
        return Wording(en: kind.english, zh: zh)
    }

    static func chinese(_ why: ScenarioError.WriteProblem) -> String {
        switch why {
        case .notRegularFile: "它不是普通文件"
        case .readOnly: "文件是只读的（chmod u+w 可使其可写，或另存为其他文件）"
        case .permissionDenied(let u): "没有权限（文件属于用户 \(u)）；请另存为其他文件"
        case .wouldChangeOwner(let u, let g): "它属于用户 \(u)、用户组 \(g)，保存会改变它的所有者；请另存为其他文件"
        case .readOnlyFileSystem: "文件系统是只读的（以只读方式挂载）；请保存到另一个磁盘上的文件夹"
        case .folderNotWritable: "文件夹不存在或不可写"
        case .system(let e): chinese(errno: e)
        case .sheetRefused(let s): "Excel 工作簿库不接受工作表名 '\(s)'"
        case .workbookLibrary(let text): "生成 Excel 工作簿时出错（libxlsxwriter 的原文：'\(text)'）"
        case .workbookNotReadBack: "写好的工作簿无法读回"
        }
    }

    /// A system error number in Chinese: the common ones by name, any other by its number.
    static func chinese(errno e: Int32) -> String {
        let en = String(cString: strerror(e))
        if let zh = Session.systemErrors.first(where: { $0.0 == en })?.1 { return zh }
        switch e {
        case EDQUOT: return "超出磁盘配额"
        case ENAMETOOLONG: return "文件名太长"
        case EIO: return "读写出错"
        case EEXIST: return "文件已存在"
        default: return "系统错误 \(e)"
        }
    }

    public static var samples: [ScenarioErrorMessage] {
        [.init(.cannotRead(path: "a.json", exists: false)), .init(.cannotRead(path: "a.json", exists: true)), .init(.cannotReadPermission(path: "a.json")),
         .init(.directoryNotScenario(path: "方案", scenarios: [])), .init(.directoryNotScenario(path: "方案/", scenarios: ["a.json", "b.json"])),
         .init(.cannotWrite(path: "a.json", link: nil, why: .notRegularFile)), .init(.cannotWrite(path: "a.json", link: "b.json", why: .readOnly)),
         .init(.cannotWrite(path: "a.json", link: nil, why: .permissionDenied(owner: 1001))),
         .init(.cannotWrite(path: "a.json", link: nil, why: .readOnlyFileSystem)),
         .init(.cannotWrite(path: "a.json", link: nil, why: .wouldChangeOwner(user: 1001, group: 1001))),
         .init(.cannotWrite(path: "a.xlsx", link: nil, why: .folderNotWritable)), .init(.cannotWrite(path: "a.json", link: nil, why: .system(errno: ENOENT))),
         .init(.cannotWrite(path: "a.json", link: nil, why: .system(errno: ENOSPC))), .init(.cannotWrite(path: "a.json", link: nil, why: .system(errno: EDQUOT))),
         .init(.cannotWrite(path: "a.xlsx", link: nil, why: .sheetRefused("2026-03"))), .init(.cannotWrite(path: "a.xlsx", link: nil, why: .workbookNotReadBack)),
         .init(.cannotWrite(path: "a.xlsx", link: nil, why: .workbookLibrary("Error creating output xlsx file. Usually a permissions error."))),
         .init(.cannotReplace(path: "a.json", link: nil, errno: EXDEV)), .init(.linkLoop(path: "a.json")), .init(.noFileName),
         ]
    }
}

extension Session {
    /// An error from below the REPL as a line in both languages: the typed errors (a pay-language
    /// mistake, a file that cannot be read or written, a bad option) from their kinds; anything
    /// else as its English text, pattern-translated under zh.
    public static func said(_ error: Error) -> OutputLine {
        switch error {
        case let e as SourceError: OutputLine(SourceErrorMessage(e.kind))
        case let e as CompileError: OutputLine(SourceErrorMessage(e.error.kind, in: e.definition))
        case let e as ScenarioError: OutputLine(ScenarioErrorMessage(e.kind))
        case let e as ArgumentMessage: OutputLine(e)
        case let e as ImportError: OutputLine(ImportErrorMessage(e.kind))
        default: OutputLine(english: describe(error))
        }
    }
}
