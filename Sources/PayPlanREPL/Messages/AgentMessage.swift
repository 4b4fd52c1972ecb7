import PayPlan

/// What `agent add/set/rm` and `agents` say, and the agent-name problems.
public enum AgentMessage: MessageCatalogue {
    case added(String)
    case updated(String)
    case removed(String)
    case removedMany([String])
    /// After `agent add`: the first error value among the new agent's pay figures.
    case cannotComputeYet(name: String, reason: OutputLine)
    /// The line under the `agents` table.
    case count(Int)
    /// The `agents` table's column titles.
    case tableHeader
    /// An attribute the agent does not have, shown as the plan's default: `3,000.00（默认）`.
    case defaultValue(String)
    /// Under the agents table when a cell shows a default.
    case defaultsNote
    case usage
    case needsName(sub: String)
    case alreadyExists(String)
    case setNeedsPairs(String)
    case cannotRename(from: String, to: String)
    /// `agent rm` of names not among the agents (`known` are the agents there are).
    case noneNamed(unknown: [String], known: [String])
    case namedTwice
    case hasOrders(name: String, count: Int, example: String)
    case unknownSubcommand(String)
    /// No agent has this name; `known` are the agents there are (empty: none yet).
    case unknown(String, known: [String])
    case agentsTakesNothing
    case nameEmpty
    case nameTooLong(prefix: String, length: Int, maximum: Int)
    case nameBadStart(String)
    case nameBadCharacter(String, Character)
    case nameReserved(String)
    /// A word the commands give a meaning to (`agents`, `orders`, `all`, `total`).
    case nameIsCommandWord(String)
    case attributeSyntax(String)
    /// `key=value` outside the range the plan declares for the attribute.
    case outsideRange(key: String, value: String, range: String)
    case leftBeforeHired(left: Day, hired: Day)
    /// An agent hired after the scenario's `years` end (`hired`) or gone before they start (`left`):
    /// never employed in it; `command` is the `years …` command that would cause it, if one did.
    case neverEmployed(name: String, hired: Day?, left: Day?, years: ClosedRange<Int>, command: String?)
    case duplicateID(id: String, other: String)
    /// A name that is another agent's employee ID (or an ID that is another agent's name): a note
    /// `CS01` or an import's 业务员 column would credit the wrong one.
    case nameIsAnotherAgentsID(name: String, other: String)
    case idIsAnotherAgentsName(id: String, other: String)
    /// `key=value` for an attribute no rule reads, one slip from `near` (`bsae=3500`, near base): refused.
    case attributeNobodyReadsLikelyTypo(key: String, value: String, near: String)
    /// An attribute no rule reads and nothing is named like: kept with the agent (and saved), no pay changes.
    case attributeNobodyReads(String)
    /// `role=sale`, where the plan (and attribution, for role) reads the attribute only as one of `known`: refused.
    /// (`valueLabels`: the plan's labels of the known values, named beside them under zh.)
    case unknownAttributeValue(key: String, label: String?, value: String, known: [String], near: String?, valueLabels: [String: String] = [:])

    public var tone: Tone {
        switch self {
        case .attributeNobodyReads: .warning
        default: .plain
        }
    }

    public var wording: Wording {
        switch self {
        case .added(let n): Wording(en: "added \(n)", zh: "已添加 \(n)")
        case .updated(let n): Wording(en: "updated \(n)", zh: "已修改 \(n)")
        case .removed(let n): Wording(en: "removed \(n) and their inputs (undo brings them back)", zh: "已删除 \(n) 及其录入数据（undo 可恢复）")
        case .removedMany(let ns):
            Wording(en: "removed \(ns.count) agents (\(ns.joined(separator: ", "))) and their inputs (undo brings them back)",
                    zh: "已删除 \(ns.count) 名员工（\(ns.joined(separator: "、"))）及其录入数据（undo 可恢复）")
        case .cannotComputeYet(let n, let r):
            Wording(en: "note: \(n)'s pay cannot be computed yet: \(r.text(.en))", zh: "注意：\(n) 的工资暂时无法计算：\(r.text(.zh))")
        case .count(let n): Wording(en: "\(n) agent\(n == 1 ? "" : "s")", zh: "共 \(n) 名员工")
        case .neverEmployed(let n, let h, let l, let y, let c):
            AgentMessage.neverEmployedWording(name: n, hired: h, left: l, years: y, command: c)
        case .tableHeader: Wording(en: "name\tid\trole\thired\tleft\tbase", zh: "姓名\t工号\t岗位\t入职\t离职\t底薪")
        case .defaultValue(let v): Wording(en: "\(v) (default)", zh: "\(v)（默认）")
        case .defaultsNote:
            Wording(en: "(default): not set for this agent, the plan's default applies (agent set NAME key=value sets it)",
                    zh: "（默认）：此员工未设置，按方案的默认值（agent set 姓名 key=value 可单独设置）")
        case .usage:
            Wording(en: "agent what? write agent add NAME key=value…, agent set NAME key=value…, or agent rm NAME",
                    zh: "agent 后面要写什么？请写 agent add 姓名 key=value…、agent set 姓名 key=value… 或 agent rm 姓名")
        case .needsName(let s): Wording(en: "agent \(s) needs an agent's name", zh: "agent \(s) 后面需要员工姓名")
        case .alreadyExists(let n): Wording(en: "there is already an agent named \(n)", zh: "已有名为 \(n) 的员工")
        case .setNeedsPairs(let n): Wording(en: "agent set \(n) needs key=value, e.g. base=3500", zh: "agent set \(n) 后面需要 key=value，例如 base=3500")
        case .cannotRename(let a, let b):
            Wording(en: "cannot rename \(a) to '\(b)': there is already an agent named \(b)", zh: "无法把 \(a) 改名为 '\(b)'：已有名为 \(b) 的员工")
        case .noneNamed(let unknown, let known):
            Wording(en: "no agent named \(MessageWords.quoted(unknown).en); nothing was removed" + (known.isEmpty ? "" : " (agents: \(MessageWords.names(known).en))"),
                    zh: "没有名为 \(MessageWords.quoted(unknown).zh) 的员工；未删除任何员工" + (known.isEmpty ? "" : "（员工：\(MessageWords.names(known).zh)）"))
        case .namedTwice: Wording(en: "an agent is named twice in agent rm; nothing was removed", zh: "agent rm 中同一名员工写了两次；未删除任何员工")
        case .hasOrders(let n, let c, let o):
            Wording(en: "\(n) has \(c) order\(c == 1 ? "" : "s"); reassign them (order set \(o) agent=NAME, or agent= for no agent) or remove them (order rm \(o)) first; nothing was removed",
                    zh: "\(n) 名下有 \(c) 笔订单；请先改派（order set \(o) agent=姓名，或 agent= 不归属任何员工）或删除（order rm \(o)）；未删除任何员工")
        case .unknownSubcommand(let s): Wording(en: "unknown agent command '\(s)': use add, set or rm", zh: "未知的 agent 命令 '\(s)'：请用 add、set 或 rm")
        case .unknown(let n, let known):
            Wording(en: "no agent named '\(n)'" + (known.isEmpty ? " (there are no agents yet: agent add NAME)" : " (agents: \(MessageWords.names(known).en))"),
                    zh: "没有名为 '\(n)' 的员工" + (known.isEmpty ? "（还没有员工：agent add 姓名）" : "（员工：\(MessageWords.names(known).zh)）"))
        case .agentsTakesNothing:
            Wording(en: "agents takes nothing after it (agent add/set/rm change agents)", zh: "agents 后面不接任何内容（修改员工用 agent add/set/rm）")
        case .nameEmpty: Wording(en: "an agent needs a name", zh: "员工需要一个名字")
        case .nameTooLong(let p, let n, let m):
            Wording(en: "'\(p)…' cannot name an agent: it is \(n) characters long; names are at most \(m)", zh: "'\(p)…' 不能作员工名：长 \(n) 个字符；名字最多 \(m) 个字符")
        case .nameBadStart(let s):
            Wording(en: "'\(s)' cannot name an agent: a name starts with a letter or '_' (then letters, digits, '_' or '-'), e.g. 张三, S01_李雷",
                    zh: "'\(s)' 不能作员工名：名字须以字母、汉字或 '_' 开头（之后可用字母、数字、'_' 或 '-'），例如 张三、S01_李雷")
        case .nameBadCharacter(let s, let c):
            Wording(en: "'\(s)' cannot name an agent: '\(c)' is not allowed in a name (only letters, digits, '_' and '-'; no dots, brackets or spaces)",
                    zh: "'\(s)' 不能作员工名：名字中不能有 '\(c)'（只能用字母、汉字、数字、'_' 和 '-'，不能有点、括号或空格）")
        case .nameIsCommandWord(let s):
            Wording(en: "'\(s)' cannot name an agent: the commands use it (\(s == "total" ? "the total row of report and compare" : s == "all" ? "statement all" : "the \(s) list")), so it would read as that; choose another name, e.g. \(s)_1",
                    zh: "'\(s)' 不能作员工名：命令已用它表示\(s == "total" ? "报表和对比的合计行" : s == "all" ? "全体员工（statement all）" : "\(s) 列表")，会被当作那个意思；请换一个名字，例如 \(s)_1")
        case .nameReserved(let s):
            Wording(en: "'\(s)' cannot name an agent: it is a word of the pay language, so \(s).sales[2026-03] could not be read; choose another name, e.g. \(s)_1",
                    zh: "'\(s)' 不能作员工名：它是规则语言的关键字，\(s).sales[2026-03] 无法识别；请换一个名字，例如 \(s)_1")
        case .attributeSyntax(let p):
            Wording(en: "'\(p)': attributes are written key=value, e.g. base=3000 hired=2025-06-01", zh: "'\(p)'：属性写作 key=value，例如 base=3000 hired=2025-06-01")
        case .outsideRange(let k, let v, let r):
            Wording(en: "\(k)=\(v) is outside the range the plan declares for \(k) (\(r)); nothing was changed", zh: "\(k)=\(v) 超出方案为 \(k) 规定的范围（\(r)）；未做任何更改")
        case .leftBeforeHired(let l, let h):
            Wording(en: "left=\(l) is before hired=\(h): an agent cannot leave before being hired; nothing was changed",
                    zh: "离职日 left=\(l) 早于入职日 hired=\(h)：不能在入职前离职；未做任何更改")
        case .duplicateID(let id, let o):
            Wording(en: "id=\(id) is already \(o)'s employee ID; IDs are unique; nothing was changed", zh: "工号 id=\(id) 已是 \(o) 的工号；工号不能重复；未做任何更改")
        case .nameIsAnotherAgentsID(let n, let o):
            Wording(en: "'\(n)' is \(o)'s employee ID: an agent of that name could not be told apart from \(o) in notes and imports; choose another name; nothing was changed",
                    zh: "'\(n)' 是 \(o) 的工号：用它作员工名，备注和导入里就分不清是谁；请换一个名字；未做任何更改")
        case .attributeNobodyReadsLikelyTypo(let k, let v, let n):
            Wording(en: "no rule reads '\(k)'; did you mean \(n)? (write \(n)=\(v)); nothing was changed",
                    zh: "没有任何规则读取 '\(k)'；是不是想写 \(n)？（请写 \(n)=\(v)）；未做任何更改")
        case .attributeNobodyReads(let k):
            Wording(en: "note: no rule reads '\(k)': it is kept with the agent and saved, but no pay changes",
                    zh: "注意：没有任何规则读取 '\(k)'：它随员工保存，但不影响任何工资")
        case .unknownAttributeValue(let k, let l, let v, let known, let near, let labels):
            OrderMessage.unknownValueWording(key: k, label: l, value: v, known: known, near: near, valueLabels: labels)
        case .idIsAnotherAgentsName(let id, let o):
            Wording(en: "id=\(id) is the name of the agent \(o): notes and imports could not tell them apart; choose another ID; nothing was changed",
                    zh: "工号 id=\(id) 与员工 \(o) 的名字相同：备注和导入里就分不清是谁；请换一个工号；未做任何更改")
        }
    }

    /// `hired=2062-03-16 is after this scenario's years (2026–2027): 甲 would never be employed in it; …`.
    static func neverEmployedWording(name n: String, hired: Day?, left: Day?, years y: ClosedRange<Int>, command: String?) -> Wording {
        let span = MessageWords.years(y)
        let lead = Wording(en: command.map { "\($0): " } ?? "", zh: command.map { "\($0)：" } ?? "")
        let body: Wording
        if let h = hired {
            body = Wording(en: "hired=\(h) is after this scenario's years (\(span)): \(n) would never be employed in it; correct the date or widen the years (years \(y.lowerBound)-\(h.year))",
                           zh: "入职日 hired=\(h) 晚于本方案的年份（\(span)）：\(n) 在方案中从未在职；请更正日期或扩大年份（years \(y.lowerBound)-\(h.year)）")
        } else {
            let l = left.map(\.description) ?? "", ly = left?.year ?? y.lowerBound
            body = Wording(en: "left=\(l) is before this scenario's years (\(span)): \(n) would never be employed in it; correct the date or widen the years (years \(ly)-\(y.upperBound))",
                           zh: "离职日 left=\(l) 早于本方案的年份（\(span)）：\(n) 在方案中从未在职；请更正日期或扩大年份（years \(ly)-\(y.upperBound)）")
        }
        return lead.followed(by: body).followed(by: MessageWords.nothingChanged)
    }

    public static var samples: [AgentMessage] {
        let d = Day(year: 2026, month: 3, day: 1)!, e = Day(year: 2026, month: 2, day: 1)!
        return [.added("李雷"), .updated("李雷"), .removed("李雷"), .removedMany(["李雷", "韩梅梅"]),
                .cannotComputeYet(name: "李雷", reason: OutputLine(fixed: "#MISSING")), .count(3), .count(1), .tableHeader, .defaultValue("3,000.00"), .defaultsNote, .usage,
                .needsName(sub: "add"), .alreadyExists("李雷"), .setNeedsPairs("李雷"), .cannotRename(from: "李雷", to: "韩梅梅"),
                .noneNamed(unknown: ["王五"], known: ["李雷", "韩梅梅"]), .noneNamed(unknown: ["王五"], known: []), .namedTwice,
                .hasOrders(name: "李雷", count: 2, example: "T001"), .unknownSubcommand("move"), .unknown("王五", known: ["李雷"]),
                .unknown("王五", known: []), .agentsTakesNothing, .nameEmpty, .nameTooLong(prefix: "李雷李雷", length: 300, maximum: 64),
                .nameBadStart("1李雷"), .nameBadCharacter("李.雷", "."), .nameReserved("month"), .nameIsCommandWord("total"), .nameIsCommandWord("all"), .attributeSyntax("base"),
                .outsideRange(key: "base", value: "-1", range: "0.."), .neverEmployed(name: "甲", hired: Day(text: "2062-03-16"), left: nil, years: 2026...2027, command: nil),
                .neverEmployed(name: "甲", hired: nil, left: Day(text: "2020-01-31"), years: 2026...2026, command: "years 2026"), .leftBeforeHired(left: e, hired: d), .duplicateID(id: "S01", other: "李雷"),
                .nameIsAnotherAgentsID(name: "S01", other: "李雷"), .idIsAnotherAgentsName(id: "王芳", other: "王芳"),
                .attributeNobodyReadsLikelyTypo(key: "bsae", value: "3500", near: "base"), .attributeNobodyReads("phone"),
                .unknownAttributeValue(key: "role", label: "岗位", value: "sale", known: ["sales", "after-sales"], near: "sales"),
                .unknownAttributeValue(key: "role", label: "岗位", value: "经理", known: ["sales", "after-sales"], near: nil, valueLabels: ["sales": "销售客服", "after-sales": "售后客服"])]
    }
}
