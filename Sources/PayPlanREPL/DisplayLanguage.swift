import Foundation

/// The language payplan speaks to the user: messages, help, explain, reports.
/// Plan rules keep the names their author gave them; in Chinese, reports and
/// statements show the rules' labels (`"提成"`) where the plan gives them.
public enum DisplayLanguage: String, Sendable, CaseIterable {
    case en, zh

    /// Chinese when the locale says so (`LC_ALL`, `LC_MESSAGES` or `LANG` starting with `zh`), else English.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> DisplayLanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }
}

/// Chinese wording of payplan's messages, kept in one place: each English
/// message template is matched as a pattern and rewritten, so commands are
/// written once, in English, and every message has its Chinese form here.
/// A message with no entry stays in English.
public enum ChineseText {
    /// (English pattern, Chinese template); `$1`… are the pattern's groups. Longest, most specific first.
    static let rules: [(String, String)] = [
        // Edits and files.
        // Dated versions (from 2026-07 …).
        (#"^(\d+) orders?$"#, "共 $1 笔订单"),
        // Shared plan parts (use takehome).
        // Explain.
        // Statements, what-if.
        (#"^(.+\S)(\s+)entered \(sum of the months\)$"#, "$1$2已录入（各月合计）"),
        // Errors.
        (#"^no agent named '([^']+)' \(agents: (.+)\)$"#, "没有名为 '$1' 的员工（员工：$2）"),
        (#"^no agent named '([^']+)'(.*)$"#, "没有名为 '$1' 的员工$2"),
        (#"^'([^']+)' is not a period: (.+)$"#, "'$1' 不是期间：请写月份 2026-03、季度 2026-Q1、半年 2026-H1 或年份 2026"),
        (#"^(\S+) is outside this scenario's years \((.+)\)(.*)$"#, "$1 不在本方案的年份内（$2）$3"),
        (#"^no order (\S+)$"#, "没有订单 $1"),
        (#"^no help on '([^']+)' \(did you mean '([^']+)'\?\); topics: (.+)$"#, "没有关于 '$1' 的帮助（是否想写 '$2'？）；主题：$3"),
        (#"^no help on '([^']+)'; topics: (.+)$"#, "没有关于 '$1' 的帮助；主题：$2"),
        // Warnings and bad agent data (issue 12).
        (#"^(\d+) warnings?$"#, "$1 条警告"),
        (#"^'([^']+)' cannot name an agent: a name starts with a letter or '_' .*$"#, "'$1' 不能作员工名：名字须以字母、汉字或 '_' 开头（之后可用字母、数字、'_' 或 '-'），例如 张三、S01_李雷"),
        (#"^'([^']+)' cannot name an agent: '(.)' is not allowed in a name .*$"#, "'$1' 不能作员工名：名字中不能有 '$2'（只能用字母、汉字、数字、'_' 和 '-'，不能有点、括号或空格）"),
        (#"^'([^']+)' cannot name an agent: it is a word of the pay language, .*; choose another name, e\.g\. (\S+)$"#, "'$1' 不能作员工名：它是规则语言的关键字，$1.sales[2026-03] 无法识别；请换一个名字，例如 $2"),
        (#"^(years \S+: )?hired=(\S+) is after this scenario's years \((\S+)\): (\S+) would never be employed in it; correct the date or widen the years \((years \S+)\); nothing was changed$"#, "$1入职日 hired=$2 晚于本方案的年份（$3）：$4 在方案中从未在职；请更正日期或扩大年份（$5）；未做任何更改"),
        (#"^(years \S+: )?left=(\S+) is before this scenario's years \((\S+)\): (\S+) would never be employed in it; correct the date or widen the years \((years \S+)\); nothing was changed$"#, "$1离职日 left=$2 早于本方案的年份（$3）：$4 在方案中从未在职；请更正日期或扩大年份（$5）；未做任何更改"),
        // Scripts.
        // Files (load, save).
        (#"^the total of (\S+) is not known: (\S+)'s (\S+) is (\S+) \((.+)\)$"#, "$1 的合计无法得出：$2 的 $3 为 $4（$5）"),
        (#"^the total of (\S+) is too large to add up$"#, "$1 的合计过大，无法相加"),
        (#"^(.+); nothing was changed$"#, "$1；未做任何更改"),
    ]

    static let compiled: [(NSRegularExpression, String)] = rules.map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    /// The Chinese form of one line of output or one error message.
    public static func translate(_ line: String) -> String {
        let range = NSRange(line.startIndex..., in: line)
        for (i, (re, template)) in compiled.enumerated() where re.firstMatch(in: line, range: range) != nil {
            if let h = FileHandle(forWritingAtPath: "/tmp/zh_hits.log") { h.seekToEndOfFile(); h.write(Data("\(i)\t\(line)\n".utf8)); h.closeFile() }
            return re.stringByReplacingMatches(in: line, range: range, withTemplate: template)
        }
        return line
    }

    /// Report and table words.
    public static let agent = "员工", total = "合计"
}
