import Foundation
import PayPlan
import PayPlanImport

/// A file the file layer could not read or write (`ScenarioError`, `AtomicFile`), rendered from
/// its typed `kind` in English and Chinese; the system's error texts in Chinese from
/// its number (`chinese(errno:)`). An untyped error (`Kind.text`) shows its English text in both languages.
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
        default: zh = ScenarioErrorMessage.chineseLoad(kind)
        }
        return Wording(en: kind.english, zh: zh)
    }

    /// A JSON syntax error in Chinese.
    static func chinese(_ p: ScenarioError.JSONProblem) -> String {
        switch p {
        case .expectedString: "此处应为双引号括起的字符串"
        case .controlCharacter: "字符串中有控制字符（例如换行）"
        case .stringNotClosed: "字符串没有结束的双引号"
        case .expectedValue: "此处应为一个值"
        case .nestedTooDeeply: "嵌套层数太多"
        case .endsWhereValueExpected: "文本在应有值的地方结束了"
        case .expectedColon: "键后面应为 ':'"
        case .endsInsideObject: "文本在对象内结束：缺少 '}'"
        case .expectedCommaOrBrace: "此处应为 ',' 或 '}'"
        case .endsInsideList: "文本在列表内结束：缺少 ']'"
        case .expectedCommaOrBracket: "此处应为 ',' 或 ']'"
        case .textAfterEnd: "结尾之后还有多余的文本"
        case .notUTF8: "这段文本不是 UTF-8 编码"
        case .loneSurrogate: "\\u 转义只有代理对的一半（单独的代理码）"
        case .unknownEscape: "字符串中 '\\' 后是未知的转义（可用 '\\\"'、'\\\\'、'\\/'、'\\b'、'\\f'、'\\n'、'\\r'、'\\t' 或 '\\uXXXX'）"
        case .escapeHexDigits: "\\u 转义需要四位十六进制数字"
        }
    }

    /// A kind of JSON value in Chinese.
    static func chinese(_ v: ScenarioError.ValueKind) -> String {
        switch v {
        case .object: "对象 {…}"
        case .list: "列表 […]"
        case .text: "文本"
        case .wholeNumber: "整数"
        }
    }

    /// Whose keys, in Chinese.
    static func chinese(_ r: ScenarioError.KeyedRecord) -> String {
        switch r {
        case .scenario: "方案文件"
        case .agent: "员工"
        case .order: "订单"
        case .calendar: "日历"
        }
    }

    /// A scenario file's loading check in Chinese: places (field paths, files), names, dates and
    /// values stay as written.
    static func chineseLoad(_ kind: ScenarioError.Kind) -> String {
        switch kind {
        case .at(let place, let k): return "\(place)：\(ScenarioErrorMessage(k).wording.zh)"
        case .notJSON(let l, let c, let p): return "不是有效的 JSON：第 \(l) 行第 \(c) 列：\(chinese(p))"
        case .notUTF8(let l, let c, let gbk, let f):
            let head = "不是有效的 JSON：第 \(l) 行第 \(c) 列：这段文本不是 UTF-8 编码"
            guard gbk else { return head + "；请把文件另存为 UTF-8 文本" }
            let file = f ?? "文件名"
            return head + "；它按 GBK（GB18030）编码可以读出，中文系统保存的文件常是这样；请转换：'iconv -f GB18030 -t UTF-8 \(file) > \(ScenarioError.Kind.utf8Name(file))'（或另存为 UTF-8）"
        case .utf16(let e, let f):
            let file = f ?? "文件名"
            return "这段文本是 \(e) 编码，不是 UTF-8：方案文件应为 UTF-8 的 JSON；请转换：'iconv -f \(e) -t UTF-8 \(file) > \(ScenarioError.Kind.utf8Name(file))'（或另存为 UTF-8）"
        case .notAScenario(let f, let e): return "这不是 payplan 方案文件（format 为 \"\(f)\"，应为 \"\(e)\"）"
        case .versionMissing: return "缺少字段 \"version\""
        case .newerVersion(let v, let r): return "此方案以格式版本 \(v) 写成，比本 payplan 能读的版本（\(r)）新；请安装更新的 payplan 再打开"
        case .notAFormatVersion(let v, let r): return "version：\(v) 不是格式版本（本 payplan 读取版本 1 到 \(r)）"
        case .yearsFormat(let y): return "years：应为年份（如 \"2026\"）或年份范围（如 \"2026-2027\"），实际为 \"\(y)\""
        case .tooManyYears(let y, let n): return "years：\"\(y)\" 跨 \(n) 年；一个方案最多 50 年（与 years 命令相同）"
        case .planLine(let n, let k): return "方案第 \(n) 行：\(SourceErrorMessage(k).wording.zh)"
        case .planDefinition(let d, let k): return "方案：\(SourceErrorMessage(k, in: d).wording.zh)"
        case .planCycle(let path): return "方案：循环引用：\(path.joined(separator: " → "))"
        case .agentNameEmpty: return "员工姓名为空"
        case .agentNameTwice(let n, let f): return "\"\(n)\" 也是 \(f) 的姓名；员工姓名不能重复"
        case .orderIDEmpty: return "订单号为空"
        case .orderIDTwice(let id, let f): return "\"\(id)\" 也是 \(f) 的订单号；订单号不能重复"
        case .notADate(let t, let e): return "\"\(t)\" 不是日期" + (e.map { "（应写作 \($0) 这样）" } ?? "")
        case .notAPeriod(let t, let e): return "\"\(t)\" 不是期间" + (e ? "（应写作 2026-03 这样）" : "")
        case .notAnAgent(let a): return "\"\(a)\" 不是本方案的员工"
        case .weekendDays: return "星期几写作 1（星期一）到 7（星期日）"
        case .nameTooLong(let n, let m): return "姓名长 \(n) 个字符；姓名最多 \(m) 个字符"
        case .duplicateEmployeeID(let id, let j, let other): return "\"\(id)\" 也是 agents[\(j)]（\(other)）的工号；工号不能重复"
        case .leftBeforeHired(let l, let h): return "离职日期 \(l) 早于入职日期 \(h)；员工不能在入职前离职"
        case .hiredAfterYears(let h, let span, let a): return "入职日期 \(h) 晚于方案的年份（\(span)）；\(a) 在方案期间从未在职"
        case .leftBeforeYears(let l, let span, let a): return "离职日期 \(l) 早于方案的年份（\(span)）；\(a) 在方案期间从未在职"
        case .attributeOutsideRange(let n, let v, let r): return "\(v) 超出方案为 \(n) 声明的范围（\(r)），agent set 也会拒绝它"
        case .strayInput(let s, let y, let more):
            let why: String
            switch s.reason {
            case .notAnInput: why = "方案没有名为 \(s.name) 的录入项"
            case .outsideYears: why = "\(s.period) 超出方案的年份（\(MessageWords.years(y))）"
            case .wrongGrain(let g): why = "\(s.name) 按\(MessageWords.grain(g).zh)录入，\(MessageWords.grain(s.period.grain).zh)的数值无处可放"
            case .wrongHolder(let team): why = team ? "\(s.name) 是团队录入项（team_inputs），不是每名员工的" : "\(s.name) 是每名员工的录入项（inputs），不是团队的"
            }
            return why + "；payplan 不会读取这个数值" + (more > 0 ? "（另有 \(more) 个同类数值）" : "")
        case .notANumber(let v, let field, let n, let d, let r):
            let held = d.map { "默认值为 \($0)" } ?? "范围为 \(r ?? "")"
            return "\"\(v)\" 不是数字；方案的\(field ? "订单字段" : "属性") \(n) 是金额（\(held)），\(field ? "order set" : "agent set") 也会拒绝它"
        case .fieldMissing(let k): return "缺少字段 \"\(k)\""
        case .expected(let v): return "此处应为\(chinese(v))"
        case .valueMissing: return "缺少值"
        case .notExactDecimal(let t): return "\(t) 写成了数字：金额请写成字符串 \"\(t)\"，以免丢失位数"
        case .amountTooLarge(let t): return "'\(t)' 太大：金额最大到 10²⁶（100,000,000,000,000,000,000,000,000）"
        case .notAnAmount(let t): return "'\(t)' 不是金额：请只写数字和至多一个小数点，例如 \"3000.10\" 或 \"-0.5\""
        case .tooManyDecimals(let t, let d): return "'\(t)' 有 \(d) 位小数；金额最多 12 位小数"
        case .keyTwice(let k): return "键 \"\(k)\" 在这个对象中出现了两次；后一个会覆盖前一个"
        case .misspelledKey(let k, let m, let whose, let keys):
            return "键 '\(k)' 不是 payplan 读取的键：是不是 '\(m)'？（\(chinese(whose))的键：\(keys.map { "'\($0)'" }.joined(separator: "、"))）"
        case .atLine(let l, let c, let k): return "第 \(l) 行第 \(c) 列：\(ScenarioErrorMessage(k).wording.zh)"
        case .yearsOutsideCalendar(let y): return "年份 \(y.lowerBound)–\(y.upperBound)：方案的年份须在 1–9999 之内"
        case .newFileNeedsJSONName(let p): return "\(p)：没有这个文件（新方案的文件名须以 .json 结尾，例如 \(p).json）"
        case .newFileNoFolder(let p, let f): return "\(p)：没有文件夹 \(f)，所以无法在那里保存新方案"
        // Only the reference reader of the tests (`decodeBodyWithFoundation`) makes it: its English stays under en.
        case .text: return "文件有误，payplan 无法说明原因"
        default: return kind.english
        }
    }

    static func chinese(_ why: ScenarioError.WriteProblem) -> String {
        switch why {
        case .notRegularFile: "它不是普通文件"
        case .isFolder: "它是文件夹，不是文件：请写其中的一个文件名"
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
        switch e {
        case ENOENT: return "没有这个文件或文件夹"
        case EACCES, EPERM: return "没有权限"
        case EISDIR: return "这是一个文件夹"
        case ENOTDIR: return "路径中有一项不是文件夹"
        case ENOSPC: return "磁盘空间不足"
        case EROFS: return "文件系统只读"
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
         .init(.cannotWrite(path: "a.json", link: nil, why: .notRegularFile)), .init(.cannotWrite(path: "存档", link: nil, why: .isFolder)), .init(.cannotWrite(path: "a.json", link: "b.json", why: .readOnly)),
         .init(.cannotWrite(path: "a.json", link: nil, why: .permissionDenied(owner: 1001))),
         .init(.cannotWrite(path: "a.json", link: nil, why: .readOnlyFileSystem)),
         .init(.cannotWrite(path: "a.json", link: nil, why: .wouldChangeOwner(user: 1001, group: 1001))),
         .init(.cannotWrite(path: "a.xlsx", link: nil, why: .folderNotWritable)), .init(.cannotWrite(path: "a.json", link: nil, why: .system(errno: ENOENT))),
         .init(.cannotWrite(path: "a.json", link: nil, why: .system(errno: ENOSPC))), .init(.cannotWrite(path: "a.json", link: nil, why: .system(errno: EDQUOT))),
         .init(.cannotWrite(path: "a.xlsx", link: nil, why: .sheetRefused("2026-03"))), .init(.cannotWrite(path: "a.xlsx", link: nil, why: .workbookNotReadBack)),
         .init(.cannotWrite(path: "a.xlsx", link: nil, why: .workbookLibrary("Error creating output xlsx file. Usually a permissions error."))),
         .init(.cannotReplace(path: "a.json", link: nil, errno: EXDEV)), .init(.linkLoop(path: "a.json")), .init(.noFileName),
         ] + loadSamples.map { .init($0) } + loadSamples.compactMap { if case .at(_, let k) = $0 { .init(k) } else { nil } }
    }

    /// One of every loading check (`ScenarioError.Kind` beyond the file layer), with typical arguments.
    static var loadSamples: [ScenarioError.Kind] {
        let mar = Period(grain: .month, start: Month(year: 2026, month: 3))
        let d1 = Day(year: 2026, month: 3, day: 1)!, d2 = Day(year: 2026, month: 6, day: 30)!
        return ScenarioError.JSONProblem.allCases.map { .at("a.json", .notJSON(line: 4, column: 11, $0)) } + [
            .at("g.json", .notUTF8(line: 1, column: 58, readsAsGBK: true, file: "g.json")), .notUTF8(line: 3, column: 9, readsAsGBK: false, file: nil),
            .utf16(encoding: "UTF-16", file: "u.json"), .utf16(encoding: "UTF-16LE", file: nil),
            .at("agents[0]", .fieldMissing("name")), .at("agents[0].name", .valueMissing), .at("agents[0].base", .notExactDecimal("3000.1")), .at("inputs.李雷.sales.2026-03", .amountTooLarge("99999999999999999999999999999")),
            .at("inputs.李雷.sales.2026-03", .notAnAmount("12x")), .at("inputs.李雷.sales.2026-03", .tooManyDecimals("1.0000000000001", digits: 13)),
            .atLine(line: 4, column: 3, .keyTwice("plan")), .atLine(line: 9, column: 7, .at("agents[0]", .misspelledKey("hierd", meant: "hired", of: .agent, keys: ["attributes", "base", "hired", "id", "left", "name", "role"]))),
            .keyTwice("plan"), .misspelledKey("order", meant: "orders", of: .scenario, keys: ["orders"]), .yearsOutsideCalendar(0...0), .newFileNeedsJSONName("新方案"), .newFileNoFolder("无此目录/a.json", folder: "无此目录"),
        ] + ScenarioError.ValueKind.allCases.map { .at("agents", .expected($0)) }
          + ScenarioError.KeyedRecord.allCases.map { .atLine(line: 1, column: 2, .misspelledKey("x", meant: "y", of: $0, keys: ["y"])) } + [
            .notAScenario(format: "工资表", expected: ScenarioFile.formatName), .versionMissing, .newerVersion(9, reads: 3),
            .notAFormatVersion(0, reads: 3), .yearsFormat(found: "今年"), .tooManyYears("1990-2049", count: 60),
            .planLine(4, .expectedDefinition(found: .identifier("foo"))), .planDefinition("pay", .endsEarly), .planCycle(["a", "b", "a"]),
            .at("agents[1].name", .agentNameTwice("李雷", first: "agents[0]")), .at("agents[0].name", .agentNameEmpty),
            .at("orders[2].id", .orderIDTwice("T1001", first: "orders[0]")), .at("orders[0].id", .orderIDEmpty),
            .at("agents[0].hired", .notADate("2025-13-01", example: "2025-06-01")), .at("calendar.holidays", .notADate("五一", example: nil)),
            .at("inputs.李雷.sales", .notAPeriod("2026-13", example: true)), .at("team_inputs.pool", .notAPeriod("Q5", example: false)),
            .at("inputs", .notAnAgent("无名氏")), .at("calendar.weekend", .weekendDays),
            .at("agents[0].name", .nameTooLong(length: 80, maximum: 64)),
            .at("agents[2].id", .duplicateEmployeeID("S01", otherIndex: 0, other: "李雷")),
            .at("agents[0].left", .leftBeforeHired(left: d1, hired: d2)),
            .at("agents[0].hired", .hiredAfterYears(Day(year: 2027, month: 1, day: 4)!, span: "2026", agent: "李雷")),
            .at("agents[0].left", .leftBeforeYears(Day(year: 2025, month: 12, day: 31)!, span: "2026–2027", agent: "李雷")),
            .at("agents[0].base", .attributeOutsideRange(name: "base", value: "-5", range: "0..")),
            .at("inputs.李雷.sales.\"2030-03\"", .strayInput(Workspace.StrayInput(agent: "李雷", name: "sales", period: Period(grain: .month, start: Month(year: 2030, month: 3)), reason: .outsideYears), years: 2026...2026, more: 0)),
            .at("inputs.李雷.salez.\"2026-03\"", .strayInput(Workspace.StrayInput(agent: "李雷", name: "salez", period: mar, reason: .notAnInput), years: 2026...2026, more: 2)),
            .at("inputs.李雷.sales.\"2026-Q1\"", .strayInput(Workspace.StrayInput(agent: "李雷", name: "sales", period: Period(grain: .quarter, start: Month(year: 2026, month: 1)), reason: .wrongGrain(.month)), years: 2026...2026, more: 1)),
            .at("inputs.李雷.pool.\"2026-03\"", .strayInput(Workspace.StrayInput(agent: "李雷", name: "pool", period: mar, reason: .wrongHolder(team: true)), years: 2026...2026, more: 0)),
            .at("team_inputs.sales.\"2026-03\"", .strayInput(Workspace.StrayInput(agent: nil, name: "sales", period: mar, reason: .wrongHolder(team: false)), years: 2026...2026, more: 0)),
            .at("orders[2].fields.amount", .notANumber(value: "一百", field: true, name: "amount", defaultText: "0", range: nil)),
            .at("agents[0].attributes.level", .notANumber(value: "高", field: false, name: "level", defaultText: nil, range: "1..5")),
        ]
    }
}

extension Session {
    /// An error from below the REPL as a line in both languages, from its type: the typed errors (a
    /// pay-language mistake, a cycle of rules, a file that cannot be read or written, a bad option, a
    /// refused probe) from their kinds; a system error (Foundation, POSIX) from its file and error number,
    /// and any other error as `SystemErrorMessage.unexpected` (never its English description under zh).
    public static func said(_ error: Error) -> OutputLine {
        switch error {
        case let e as SourceError: OutputLine(SourceErrorMessage(e.kind))
        case let e as CompileError: OutputLine(SourceErrorMessage(e.error.kind, in: e.definition))
        case let e as CycleError: OutputLine(EditMessage.circular(e.path))
        case let e as ScenarioError: OutputLine(ScenarioErrorMessage(e.kind))
        case let e as ArgumentMessage: OutputLine(e)
        case let e as ImportError: OutputLine(ImportErrorMessage(e.kind))
        case let e as WhatIfRefusal: OutputLine(e.said)
        case let e as WhatIfError: OutputLine(WhatIfMessage.probe(e.reason))
        default: OutputLine(SystemErrorMessage(error))
        }
    }
}
