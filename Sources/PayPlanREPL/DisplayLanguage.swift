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
        (#"^defined (\S+)$"#, "已定义 $1"),
        (#"^redefined (\S+)$"#, "已重新定义 $1"),
        (#"^dropped (\S+)$"#, "已删除 $1"),
        // Dated versions (from 2026-07 …).
        (#"^defined (\S+) from (\S+)$"#, "已定义 $1 自 $2 起的版本"),
        (#"^redefined (\S+) from (\S+)$"#, "已重新定义 $1 自 $2 起的版本"),
        (#"^dropped (\S+) from (\S+)$"#, "已删除 $1 自 $2 起的版本"),
        (#"^dropped (\S+) and its (\d+) dated versions?$"#, "已删除 $1 及其 $2 个日期版本"),
        (#"^'([^']+)' has no version from (\S+); its versions start (.+)$"#, "'$1' 没有自 $2 起的版本；它的版本起始于 $3"),
        (#"^'([^']+)' has no version from (\S+)$"#, "'$1' 没有自 $2 起的版本"),
        (#"^write drop from MONTH NAME, e\.g\. drop from 2026-07 commission_tiers$"#, "请写 drop from 月份 名称，例如 drop from 2026-07 commission_tiers"),
        (#"^# (\d+) versions; until (\S+):$"#, "# 共 $1 个版本；至 $2："),
        (#"^# (\S+)–(\S+):$"#, "# $1 至 $2："),
        (#"^# from (\S+):$"#, "# 自 $1 起："),
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
        (#"^after 'from' write the month the change takes effect, e\.g\. from 2026-07 table commission_tiers …; found (.+)$"#, "from 后面请写变更生效的月份，例如 from 2026-07 table commission_tiers …；这里是 $1"),
        (#"^'([^']+)' changes from (\S+): a parameter or attribute has no month to choose a version by; use it in a month rule$"#, "'$1' 自 $2 起有变更：参数或属性没有月份，无法选择版本；请在月度规则中使用它"),
        (#"^'([^']+)' changes from (\S+): a parameter has no month to choose a version by; use it in a month rule$"#, "'$1' 自 $2 起有变更：参数没有月份，无法选择版本；请在月度规则中使用它"),
        (#"^added order (\S+)$"#, "已添加订单 $1"),
        (#"^updated order (\S+)$"#, "已修改订单 $1"),
        (#"^removed order (\S+)$"#, "已删除订单 $1"),
        (#"^added (\S+)$"#, "已添加 $1"),
        (#"^updated (\S+)$"#, "已修改 $1"),
        (#"^removed (\S+) and their inputs \(undo brings them back\)$"#, "已删除 $1 及其录入数据（undo 可恢复）"),
        (#"^\(no pay figure changed\)$"#, "（没有工资数字变化）"),
        (#"^… and (\d+) more pay figures changed$"#, "……另有 $1 个工资数字变化"),
        (#"^undid (.+)$"#, "已撤销：$1"),
        (#"^redid (.+)$"#, "已重做：$1"),
        (#"^saved (.+)$"#, "已保存 $1"),
        (#"^loaded (.+): (\d+) agents, (\d+) definitions$"#, "已载入 $1：$2 名员工，$3 条定义"),
        (#"^this scenario now covers (.+)$"#, "方案年份现为 $1"),
        (#"^(\d+) agents$"#, "共 $1 名员工"),
        (#"^(\d+) orders?$"#, "共 $1 笔订单"),
        (#"^note: (\S+)'s pay cannot be computed yet: (.+)$"#, "注意：$1 的工资暂时无法计算：$2"),
        // Shared plan parts (use takehome).
        (#"^# from the (\S+) part \(use (\S+)\); redefine it here to change it for this plan$"#, "# 来自共用部件 $1（use $2）；在本方案中重新定义即可修改"),
        (#"^'([^']+)' comes from the (\S+) part: redefine it to change it, or drop 'use (\S+)'$"#, "'$1' 来自共用部件 $2：重新定义即可修改，或 drop 'use $3' 去掉整个部件"),
        (#"^brought in the (\S+) part: (\d+) definitions \(help (\S+); show NAME shows one\)$"#, "已加入共用部件 $1：$2 条定义（help $3；show 名称 查看其中一条）"),
        (#"^no plan part named '([^']+)'; parts: (.+)$"#, "没有名为 '$1' 的共用部件；可用部件：$2"),
        (#"^expected the name of a plan part after 'use', as in use takehome$"#, "use 后面应写共用部件的名称，例如 use takehome"),
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
        (#"^pay statement 工资条 — (\S+), (\S+) \((.+)\)$"#, "工资条 — $1，$2（$3）"),
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
        (#"^'([^']+)' is not a number: (.+)$"#, "'$1' 不是数字：金额可写作 12万、1.5万、40k、40,000、¥40000 或 2%"),
        (#"^(\S+) is outside this scenario's years \((.+)\)(.*)$"#, "$1 不在本方案的年份内（$2）$3"),
        (#"^unknown command '([^']+)' \(did you mean '([^']+)'\?\); type 'help' for the list of commands$"#, "未知命令 '$1'（是否想写 '$2'？）；输入 help 查看命令列表"),
        (#"^unknown command or name '([^']+)' \(did you mean '([^']+)'\?\); type 'help' for the list of commands$"#, "未知命令或名称 '$1'（是否想写 '$2'？）；输入 help 查看命令列表"),
        (#"^unknown command '([^']+)'; type 'help' for the list of commands$"#, "未知命令 '$1'；输入 help 查看命令列表"),
        (#"^unknown command or name '([^']+)'; type 'help' for the list of commands$"#, "未知命令或名称 '$1'；输入 help 查看命令列表"),
        (#"^nothing to undo$"#, "没有可撤销的操作"),
        (#"^nothing to redo$"#, "没有可重做的操作"),
        (#"^no order (\S+)$"#, "没有订单 $1"),
        (#"^no help on '([^']+)' \(did you mean '([^']+)'\?\); topics: (.+)$"#, "没有关于 '$1' 的帮助（是否想写 '$2'？）；主题：$3"),
        (#"^no help on '([^']+)'; topics: (.+)$"#, "没有关于 '$1' 的帮助；主题：$2"),
        (#"^the formula ends too early: a value is missing here$"#, "公式提前结束：这里缺少一个值"),
        // Warnings and bad agent data (issue 12).
        (#"^(\d+) warnings?: type check to list them$"#, "$1 条警告：输入 check 查看"),
        (#"^(\d+) warnings?$"#, "$1 条警告"),
        (#"^no warnings$"#, "没有警告"),
        (#"^removed (\d+) agents \((.+)\) and their inputs \(undo brings them back\)$"#, "已删除 $1 名员工（$2）及其录入数据（undo 可恢复）"),
        (#"^(\S+) has (\d+) orders?; reassign them \(order set (\S+) agent=NAME, or agent= for no agent\) or remove them \(order rm (\S+)\) first; nothing was removed$"#, "$1 名下有 $2 笔订单；请先改派（order set $3 agent=姓名，或 agent= 不归属任何员工）或删除（order rm $4）；未删除任何员工"),
        (#"^no agent named (.+); nothing was removed(.*)$"#, "没有名为 $1 的员工；未删除任何员工$2"),
        (#"^'([^']+)' cannot name an agent: a name starts with a letter or '_' .*$"#, "'$1' 不能作员工名：名字须以字母、汉字或 '_' 开头（之后可用字母、数字、'_' 或 '-'），例如 张三、S01_李雷"),
        (#"^'([^']+)' cannot name an agent: '(.)' is not allowed in a name .*$"#, "'$1' 不能作员工名：名字中不能有 '$2'（只能用字母、汉字、数字、'_' 和 '-'，不能有点、括号或空格）"),
        (#"^'([^']+)' cannot name an agent: it is a word of the pay language, .*; choose another name, e\.g\. (\S+)$"#, "'$1' 不能作员工名：它是规则语言的关键字，$1.sales[2026-03] 无法识别；请换一个名字，例如 $2"),
        (#"^(years \S+: )?hired=(\S+) is after this scenario's years \((\S+)\): (\S+) would never be employed in it; correct the date or widen the years \((years \S+)\); nothing was changed$"#, "$1入职日 hired=$2 晚于本方案的年份（$3）：$4 在方案中从未在职；请更正日期或扩大年份（$5）；未做任何更改"),
        (#"^(years \S+: )?left=(\S+) is before this scenario's years \((\S+)\): (\S+) would never be employed in it; correct the date or widen the years \((years \S+)\); nothing was changed$"#, "$1离职日 left=$2 早于本方案的年份（$3）：$4 在方案中从未在职；请更正日期或扩大年份（$5）；未做任何更改"),
        (#"^left=(\S+) is before hired=(\S+): an agent cannot leave before being hired; nothing was changed$"#, "离职日 left=$1 早于入职日 hired=$2：不能在入职前离职；未做任何更改"),
        (#"^(\S+)=(\S+) is outside the range the plan declares for (\S+) \((\S*)\); nothing was changed$"#, "$1=$2 超出方案为 $3 规定的范围（$4）；未做任何更改"),
        (#"^id=(\S+) is already (\S+)'s employee ID; IDs are unique; nothing was changed$"#, "工号 id=$1 已是 $2 的工号；工号不能重复；未做任何更改"),
        // Scripts.
        (#"^this definition is not finished: a bracket it opens is never closed; it was not run, and the next line runs as its own command$"#, "这条定义没有写完：其中的括号没有闭合；它没有执行，下一行作为单独的命令执行"),
        (#"^this definition is not finished: it ends with '(.+)', so something is missing after it; it was not run, and the next line runs as its own command$"#, "这条定义没有写完：它以 '$1' 结尾，后面缺少内容；它没有执行，下一行作为单独的命令执行"),
        (#"^the input ended in the middle of this definition; nothing was changed$"#, "输入在这条定义中间结束；未做任何更改"),
        // Files (load, save).
        (#"^there are unsaved changes(?: to (.+))?: save them first, or write load! (.+) to load without them \(undo brings them back\)$"#, "有未保存的更改（$1）：请先保存，或写 load! $2 放弃这些更改并载入（undo 可恢复）"),
        (#"^(.+) changed on disk since payplan last read or wrote it \(another program wrote it\); save! overwrites it, or save OTHER.json keeps both; nothing was written$"#, "$1 在 payplan 上次读写之后被其他程序修改过；save! 覆盖它，或 save 其他文件.json 两者都保留；未写入任何文件"),
        (#"^cannot write (.+): the file is read-only \(chmod u\+w makes it writable, or save to another file\); the workspace is unchanged and no file was replaced$"#, "无法写入 $1：文件是只读的（chmod u+w 可使其可写，或另存为其他文件）；工作区未改变，没有替换任何文件"),
        (#"^cannot write (.+): permission denied \(the file belongs to user (\d+)\); save to another file; the workspace is unchanged and no file was replaced$"#, "无法写入 $1：没有权限（文件属于用户 $2）；请另存为其他文件；工作区未改变，没有替换任何文件"),
        (#"^cannot write (.+): it is a loop of symbolic links \(or a chain of more than 32\); nothing was written; the workspace is unchanged and no file was replaced$"#, "无法写入 $1：符号链接形成循环（或链接超过 32 层）；未写入任何文件"),
        (#"^(.+); the workspace is unchanged and no file was replaced$"#, "$1；工作区未改变，没有替换任何文件"),
        (#"^save needs a file name, not an empty one: save FILE.json$"#, "save 需要文件名，不能为空：save 文件名.json"),
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
