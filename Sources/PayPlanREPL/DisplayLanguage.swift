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
        (#"^'([^']+)' has no version from (\S+); its versions start (.+)$"#, "'$1' 没有自 $2 起的版本；它的版本起始于 $3"),
        (#"^'([^']+)' has no version from (\S+)$"#, "'$1' 没有自 $2 起的版本"),
        (#"^write drop from MONTH NAME, e\.g\. drop from 2026-07 commission_tiers$"#, "请写 drop from 月份 名称，例如 drop from 2026-07 commission_tiers"),
        (#"^(\s*)· version from (\S+)$"#, "$1· 自 $2 起的版本"),
        (#"^(\s*)· version before (\S+)$"#, "$1· $2 之前的版本"),
        (#"^(\s*)· (\S+): version from (\S+)$"#, "$1· $2：自 $3 起的版本"),
        (#"^(\s*)· (\S+): version before (\S+)$"#, "$1· $2：$3 之前的版本"),
        (#"^'([^']+)' has dated versions \(from (.+)\) of its old kind: drop them first \(drop from (\S+) (\S+)\)$"#, "'$1' 有旧类型的日期版本（自 $2）：请先删除它们（drop from $3 $4）"),
        (#"^in '([^']+)': (\S+) is outside the scenario's years \((.+)\): a version takes effect in a month of them$"#, "在 '$1' 中：$2 不在方案的年份（$3）之内：版本只能从其中某个月起生效"),
        (#"^in '([^']+)': '([^']+)' changes from (\S+): a parameter or attribute has no month to choose a version by; use it in a month rule$"#, "在 '$1' 中：'$2' 自 $3 起有变更：参数或属性没有月份，无法选择版本；请在月度规则中使用它"),
        (#"^in '([^']+)': '([^']+)' changes from (\S+): a parameter has no month to choose a version by; use it in a month rule$"#, "在 '$1' 中：'$2' 自 $3 起有变更：参数没有月份，无法选择版本；请在月度规则中使用它"),
        (#"^(\S+) is outside the scenario's years \((.+)\): a version takes effect in a month of them$"#, "$1 不在方案的年份（$2）之内：版本只能从其中某个月起生效"),
        (#"^no definition named '([^']+)' to change from (\S+): define it first \(without 'from'\), then add versions$"#, "没有名为 '$1' 的定义可以自 $2 起修改：请先定义它（不写 from），再添加版本"),
        (#"^'([^']+)' comes from the (\S+) part: define it in the plan first \(without 'from'\), then add versions$"#, "'$1' 来自共用部件 $2：请先在方案中定义它（不写 from），再添加版本"),
        (#"^only parameters, rate tables and rules change from a date; '([^']+)' is (.+)$"#, "只有参数、阶梯表和规则可以按日期变更；'$1' 是$2"),
        (#"^'([^']+)' is (a|an) (.+?); a version of it must be one too: from (\S+) (.+)$"#, "'$1' 的版本必须与原定义同类（同为参数、阶梯表或同一期间的规则）：from $4 $5"),
        (#"^'([^']+)' is a (\S+) rule: a version of it starts with a (\S+) \((.+)\)$"#, "'$1' 是 $2 规则：它的版本必须从该期间的第一个月开始（$4）"),
        (#"^'([^']+)' changes from (\S+): a parameter or attribute has no month to choose a version by; use it in a month rule$"#, "'$1' 自 $2 起有变更：参数或属性没有月份，无法选择版本；请在月度规则中使用它"),
        (#"^'([^']+)' changes from (\S+): a parameter has no month to choose a version by; use it in a month rule$"#, "'$1' 自 $2 起有变更：参数没有月份，无法选择版本；请在月度规则中使用它"),
        (#"^(\d+) orders?$"#, "共 $1 笔订单"),
        (#"^note: (\S+)'s pay cannot be computed yet: (.+)$"#, "注意：$1 的工资暂时无法计算：$2"),
        // Shared plan parts (use takehome).
        (#"^'([^']+)' comes from the (\S+) part: redefine it to change it, or drop 'use (\S+)'$"#, "'$1' 来自共用部件 $2：重新定义即可修改，或 drop 'use $3' 去掉整个部件"),
        (#"^no plan part named '([^']+)'; parts: (.+)$"#, "没有名为 '$1' 的共用部件；可用部件：$2"),
        (#"^(\s*)· from the (\S+) part \(use (\S+)\)$"#, "$1· 来自共用部件 $2（use $3）"),
        // Explain.
        (#"^(\s*)rule: (.*)$"#, "$1规则：$2"),
        (#"^(\s*)· entered$"#, "$1· 已录入"),
        (#"^(\s*)· not entered: the plan's default$"#, "$1· 未录入：使用方案默认值"),
        (#"^(\s*)· not entered$"#, "$1· 未录入"),
        (#"^(\s*)· (\S+) = (.+) \(attribute of (\S+)\)$"#, "$1· $2 = $3（$4 的属性）"),
        (#"^(\s*)· (\S+) = (.+) \(the plan's default; (\S+) has none\)$"#, "$1· $2 = $3（方案默认值；$4 未设置）"),
        (#"^(\s*)· (\S+): (\S+) falls in the tier (\S+, \S+) → (.+)$"#, "$1· $2：$3 落在档位 $4 → $5"),
        (#"^(\s*)· paid\((\S+)\) = 0: this is not the last month of the (\S+)$"#, "$1· paid($2) = 0：本月不是该期间的最后一个月"),
        (#"^(\s*)· reads (\d+) more figures? \(explain with --depth to see them\)$"#, "$1· 还读取 $2 个数字（用 --depth 查看）"),
        (#"^(\s*)· (round|floor|ceil): (.+)$"#, "$1· 舍入 $2：$3"),
        (#"^(\s*)· (sum|avg|min|max|count) over (\d+) orders? = (.+)$"#, "$1· 对 $3 笔订单求 $2 = $4"),
        // Statements, what-if.
        (#"^to reach the next tier:$"#, "到下一档还需要："),
        (#"^  (.+) \((\S+)\): (\S+) more (.+) would reach the tier from (\S+)$"#, "  $1（$2）：$4 再多 $3 即可达到从 $5 起的档位"),
        (#"^(\S+) = (\S+) is the least that gives (\S+) ≥ (\S+)$"#, "$1 = $2 是使 $3 ≥ $4 的最小值"),
        (#"^it is crossed by a jump: (\S+) goes from (\S+) at (\S+) to (\S+) at (\S+), so exactly (\S+) is never paid$"#, "目标被跳变越过：$1 在 $3 时为 $2，在 $5 时为 $4，恰好 $6 不会出现"),
        (#"^where more (\S+) pays less:$"#, "$1 越多反而越少的区间："),
        (#"^forked (\S+) as (\S+); now on (\S+) \(switch (\S+) goes back, compare (.+) shows the difference\)$"#, "已把 $1 复制为 $2，当前为 $3（switch $4 返回，compare $5 查看差异）"),
        (#"^all (\d+) agents have the same figures in (\S+) and (\S+) \(compare (.+) --all lists them\)$"#, "全部 $1 名员工在 $2 和 $3 中的数字相同（compare $4 --all 全部列出）"),
        (#"^(\d+) of (\d+) agents have the same figures in (\S+) and (\S+) and are not listed \(compare (.+) --all lists them\)$"#, "$2 名员工中有 $1 名在 $3 和 $4 中的数字相同，未列出（compare $5 --all 全部列出）"),
        (#"^switched to (\S+)$"#, "已切换到 $1"),
        (#"^offer: joining (\S+), (\S+) each month of (.+) \(the workspace is unchanged\)$"#, "录用测算：$1 入职，每月 $2 为 $3（工作区未改变）"),
        (#"^wrote (.+)$"#, "已写入 $1"),
        (#"^(.+\S)(\s+)entered$"#, "$1$2已录入"),
        (#"^(.+\S)(\s+)entered \(sum of the months\)$"#, "$1$2已录入（各月合计）"),
        // Errors.
        (#"^unknown name '([^']+)' \(did you mean '([^']+)'\?\)$"#, "未知名称 '$1'（是否想写 '$2'？）"),
        (#"^in '([^']+)': unknown name '([^']+)' \(did you mean '([^']+)'\?\)$"#, "在 '$1' 中：未知名称 '$2'（是否想写 '$3'？）"),
        (#"^in '([^']+)': unknown name '([^']+)'$"#, "在 '$1' 中：未知名称 '$2'"),
        (#"^unknown name '([^']+)'$"#, "未知名称 '$1'"),
        (#"^circular reference: (.+); nothing was changed$"#, "循环引用：$1；未做任何更改"),
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
        for (re, template) in compiled where re.firstMatch(in: line, range: range) != nil {
            return re.stringByReplacingMatches(in: line, range: range, withTemplate: template)
        }
        return line
    }

    /// Report and table words.
    public static let agent = "员工", total = "合计"
}
