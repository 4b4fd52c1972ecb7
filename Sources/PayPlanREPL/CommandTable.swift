/// Every command of the REPL in one table: `help commands` (English and Chinese) and tab completion
/// (command words, second words, `--options`) are generated from it, so a command cannot be missing
/// from one of them. A test checks that every entry is understood by `Session` and that every word
/// `Session` dispatches on is here.
public enum CommandTable {
    /// One command (or one form of a command).
    public struct Entry: Sendable {
        /// The words that start it: `["orders", "import"]`; empty for forms without a command word
        /// (`NAME.INPUT[PERIOD] = AMOUNT`).
        public let words: [String]
        /// Other words that start it the same way (`?` for `help`, `exit` for `quit`).
        public let aliases: [String]
        /// How it is written, in English and in Chinese.
        public let usage: String, usageZh: String
        /// What it does, in English and in Chinese.
        public let summary: String, summaryZh: String
        /// The `--options` it takes (offered by Tab after the command words).
        public let options: [String]

        init(_ words: [String], aliases: [String] = [], _ usage: String, _ summary: String,
             zh usageZh: String? = nil, _ summaryZh: String, options: [String] = []) {
            self.words = words; self.aliases = aliases; self.usage = usage; self.usageZh = usageZh ?? usage
            self.summary = summary; self.summaryZh = summaryZh; self.options = options
        }
    }

    /// The keywords that start a definition (`help language`).
    public static let definitionWords = ["param", "input", "attribute", "field", "table", "month", "quarter", "half", "year", "team"]

    /// The figure formats of `report`, `compare`, `attribution` and `orders` (`ReportFormat`).
    static let figureOptions = ["--csv", "--json", "--md", "--xlsx", "--out"]

    /// The commands, in the order `help commands` lists them.
    public static let entries: [Entry] = [
        Entry(["agent", "add"], "agent add NAME key=value…", "add a person: agent add 李雷 id=S01 base=3000 hired=2025-06-01",
              zh: "agent add 姓名 key=value…", "添加员工：agent add 李雷 id=S01 base=3000 hired=2025-06-01"),
        Entry(["agent", "set"], "agent set NAME key=value…", "change attributes: agent set 李雷 base=3500",
              zh: "agent set 姓名 key=value…", "修改属性：agent set 李雷 base=3500"),
        Entry(["agent", "rm"], "agent rm NAME", "remove a person and their inputs (refused while they have orders: reassign or remove those first)", zh: "agent rm 姓名", "删除员工及其录入（名下有订单时拒绝：先改派或删除订单）"),
        Entry(["agents"], "agents", "list the people", "员工列表"),
        Entry([], "NAME.INPUT[PERIOD] = AMOUNT", "set an input: 李雷.sales[2026-03] = 12万",
              zh: "姓名.录入项[期间] = 金额", "录入：李雷.sales[2026-03] = 12万"),
        Entry([], "NAME.FIGURE[PERIOD]", "print a figure: 李雷.pay[2026-03]", zh: "姓名.数字[期间]", "查看：李雷.pay[2026-03]"),
        Entry(["report"], "report PERIOD [--csv|--json|--md|--xlsx FILE] [--out FILE]",
              "a table per agent: report 2026-03, report 2026-Q1, report 2026 (help report)",
              zh: "report 期间 [--csv|--json|--md|--xlsx 文件] [--out 文件]", "报表：report 2026-03、report 2026-Q1、report 2026（help report）",
              options: figureOptions),
        Entry(["explain"], "explain FIGURE [--depth N] [--orders] [--rules]", "how a figure was reached, in sentences: explain 李雷.pay[2026-03]; --rules the rules as written; explain FIGURE in A vs B",
              zh: "explain 数字 [--depth N] [--orders] [--rules]", "用句子说明一个数字的来历：explain 李雷.pay[2026-03]；--rules 显示规则原文；explain 数字 in A vs B", options: ["--depth", "--orders", "--rules"]),
        Entry(definitionWords, "param / input / attribute / field / table / month / quarter / half / year / team / order …",
              "define or redefine (help language)", "定义或重新定义规则（help language）"),
        Entry(["use"], "use takehome [on FIGURE]", "bring in the shared take-home part: 社保, 公积金, 个税, 实发, 雇主成本 (help takehome)",
              zh: "use takehome [on 数字]", "加入共用的实发工资部件：社保、公积金、个税、实发、雇主成本（help takehome）"),
        Entry(["plan"], aliases: ["rules"], "plan", "print the whole plan", "显示整个方案"),
        Entry(["check"], aliases: ["lint"], "check", "every warning of the plan against the scenario's data (help warnings)",
              "列出方案的所有警告（help warnings）"),
        Entry(["show"], "show NAME", "print one definition (with its dated versions)", zh: "show 名称", "显示一条定义（及其日期版本）"),
        Entry(["drop"], "drop NAME | drop from MONTH NAME", "remove a definition, or one dated version of it", zh: "drop 名称 | drop from 月份 名称", "删除一条定义，或它的一个日期版本"),
        Entry(["undo"], "undo", "step back through every change", "撤销上一次修改"),
        Entry(["redo"], "redo", "step forth again", "重做"),
        Entry(["load"], aliases: ["load!"], "load FILE", "open a scenario (help scenarios; load! over unsaved changes)", zh: "load 文件", "打开方案（help scenarios；有未保存的更改时用 load!）"),
        Entry(["save"], aliases: ["save!"], "save [FILE]", "write the scenario (to its file, or FILE; save! over another program's change or another existing file)", zh: "save [文件]", "保存方案（原文件或指定文件；文件被其他程序改过或覆盖其他已有文件时用 save!）"),
        Entry(["source"], "source FILE [--bail] [--through LINE]", "run the commands of a script file, one per line, each its own undo step: when one fails, the others stay (--bail: stop at the first that fails; --through LINE: run its lines up to LINE only)",
              zh: "source 文件 [--bail] [--through 行号]", "逐行运行脚本文件中的命令，每条单独撤销：某条失败时，其余各条照常生效（--bail：遇到第一条失败即停止；--through 行号：只运行到该行）", options: ["--bail", "--through"]),
        Entry(["years"], "years 2026[-2027]", "the years the scenario covers", zh: "years 2026[-2027]", "方案覆盖的年份"),
        Entry(["fork"], "fork NAME", "copy the workspace as a what-if fork (help what-if)", zh: "fork 名称", "复制当前方案做假设分析（help what-if）"),
        Entry(["switch"], "switch NAME", "go to another fork", zh: "switch 名称", "切换到另一个副本"),
        Entry(["scenarios"], aliases: ["forks"], "scenarios", "list the forks", "列出副本"),
        Entry(["compare"], "compare A B [PERIOD] [--csv|--json|--md|--xlsx FILE] [--out FILE]", "two forks side by side with the cost to the owner",
              zh: "compare A B [期间] [--csv|--json|--md|--xlsx 文件] [--out 文件]", "两个副本并排对比及老板总成本", options: figureOptions),
        Entry(["sweep"], "sweep INPUT from X to Y step S show FIGURE…", "figures against an input: table, chart, SVG (help sweep)",
              zh: "sweep 录入项 from X to Y step S show 数字…", "随录入变化的表格与曲线（help sweep）", options: ["--svg"]),
        Entry(["solve"], "solve INPUT for FIGURE = TARGET", "goal seek: the least input that reaches a figure (help solve)",
              zh: "solve 录入项 for 数字 = 目标", "反推：达到目标所需的最少录入（help solve）"),
        Entry(["cliffs"], "cliffs FIGURE over INPUT from X to Y", "every jump, and every range where more pays less",
              zh: "cliffs 数字 over 录入项 from X to Y", "找断崖：跳变点与多卖反而少拿的区间"),
        Entry(["statement"], "statement AGENT|all PERIOD [--format text|md|html|csv] [--out FILE]", "pay statements 工资条; statement all PERIOD --html DIR for everyone (help statement)",
              zh: "statement 员工|all 期间 [--format text|md|html|csv] [--out 文件]", "工资条；statement all 期间 --html 目录 为每人生成（help statement）", options: ["--format", "--out", "--html", "--md", "--csv", "--text"]),
        Entry(["review"], "review A B [PERIOD] [--html FILE] [--threshold T]", "a plan change before you announce it: cost, who loses, cliffs (help review)",
              zh: "review A B [期间] [--html 文件] [--threshold T]", "公布新方案前先评审：总成本、谁少拿、断崖（help review）", options: ["--html", "--threshold"]),
        Entry(["forecast"], "forecast A [B] [PERIOD] [--runs N] [--seed S]", "pay and cost simulated from each person's history (help forecast)",
              zh: "forecast A [B] [期间] [--runs 次数] [--seed 种子]", "按每人历史模拟工资与成本（help forecast）", options: ["--runs", "--seed"]),
        Entry(["offer"], "offer sales 3万 6万 10万 [base=3500] [from 2026-03]", "a candidate's pay month by month at each sales level (help offer)",
              "新员工在各销售额下每月到手多少（help offer）"),
        Entry(["order", "add"], "order add ID agent=NAME date=DATE field=value…", "add a transaction (help orders)",
              zh: "order add 编号 agent=姓名 date=日期 字段=值…", "添加订单（help orders）"),
        Entry(["order", "set"], "order set ID field=value…", "change an order", zh: "order set 编号 字段=值…", "修改订单"),
        Entry(["order", "rm"], "order rm ID", "remove an order", zh: "order rm 编号", "删除订单"),
        Entry(["orders"], "orders [AGENT] [PERIOD] [--csv|--json|--md|--xlsx FILE] [--out FILE]", "list orders with every order figure",
              zh: "orders [员工] [期间] [--csv|--json|--md|--xlsx 文件] [--out 文件]", "订单列表及各项订单数字", options: figureOptions),
        Entry(["orders", "import"], "orders import FILE.csv [--format taobao|tmall-report|pdd|jd|douyin] [--note COL|none] [--map COL=field,…] [--dry-run]",
              "read orders from a platform export or spreadsheet (help import)",
              zh: "orders import 文件.csv [--format taobao|tmall-report|pdd|jd|douyin] [--note 列|none] [--map 列=字段,…] [--dry-run]", "从平台导出或表格读入订单（help import）",
              options: ["--format", "--map", "--map-name", "--save-map", "--note", "--refunds-known", "--skip-bad", "--dry-run"]),
        Entry(["performance", "import"], "performance import FILE.csv [--month 2026-03] [--map COL=input,…]",
              "customer-service performance (赤兔/千牛) into the monthly inputs (help import)",
              zh: "performance import 文件.csv [--month 2026-03] [--map 列=录入项,…]", "客服绩效（赤兔/千牛）读入月度录入（help import）",
              options: ["--month", "--map", "--skip-bad", "--dry-run"]),
        Entry(["attribution"], "attribution [PERIOD] [--csv|--json|--md|--xlsx FILE] [--out FILE]",
              "orders credited per agent by the seller note, silent orders, notes to check (help attribution)",
              zh: "attribution [期间] [--csv|--json|--md|--xlsx 文件] [--out 文件]", "按卖家备注归属的订单、闷拍订单、待核对备注（help attribution）",
              options: figureOptions),
        Entry(["calendar"], "calendar [holiday|workday|clear DATE[..DATE]]", "working days (调休)", zh: "calendar [holiday|workday|clear 日期]", "工作日与调休"),
        Entry(["as", "of"], aliases: ["asof"], "as of DATE", "what is known on that day", zh: "as of 日期", "以某日为准的已知信息"),
        Entry(["set", "lang"], aliases: ["lang"], "set lang zh|en", "answer in Chinese or English", "切换中文 / 英文"),
        Entry(["help"], aliases: ["?"], "help [TOPIC]", "the topics, or a short lesson", zh: "help [主题]", "帮助主题或一节短课"),
        Entry(["quit"], aliases: ["exit"], "quit, exit", "leave (asking first when there are unsaved changes)", "退出（有未保存的修改时先询问）"),
    ]

    /// The words Tab offers at the start of a line: each entry's first word and aliases, in table order, once.
    public static var firstWords: [String] {
        var seen = Set<String>(), out: [String] = []
        for e in entries { for w in e.words.prefix(e.words == definitionWords ? definitionWords.count : 1) + e.aliases.filter({ $0 != "?" }) where seen.insert(w).inserted { out.append(w) } }
        return out
    }

    /// The two-word command a line's first two words make when swapped (`import orders` →
    /// `orders import`, `add agent` → `agent add`), or nil.
    public static func swappedCommand(_ first: String, _ second: String) -> String? {
        entries.contains { $0.words == [second, first] && $0.words != definitionWords } ? second + " " + first : nil
    }

    /// The second words after `first` (`agent` → add, set, rm; `set` → lang).
    public static func secondWords(after first: String) -> [String] {
        entries.filter { $0.words.count > 1 && $0.words[0] == first && $0.words != definitionWords }.map { $0.words[1] }
    }

    /// The `--options` of the command that `words` (the words typed so far) starts.
    public static func options(for words: [String]) -> [String] { entry(for: words)?.options ?? [] }

    /// The command that `words` starts: the longest entry whose words the line starts with (`orders
    /// import` before `orders`), or whose alias is its first word; nil for a line that starts no command.
    /// - Complexity: O(entries).
    public static func entry(for words: [String]) -> Entry? {
        let candidates = entries.filter { !$0.words.isEmpty && $0.words != definitionWords }
        return candidates.filter { e in
            words.count >= e.words.count && Array(words.prefix(e.words.count)) == e.words
                || (e.aliases.contains(words.first ?? "") && e.words.count == 1)
        }.max { $0.words.count < $1.words.count }
    }

    /// `help commands`: one line per entry, usage padded to a column, in `language`.
    public static func helpLines(language: DisplayLanguage) -> [String] {
        var lines = entries.map { line($0, language: language) }
        lines.append((language == .zh ? "help 主题                    主题：" : "help TOPIC                   topics: ")
            + Help.topics.map(\.name).filter { $0 != "commands" }.joined(separator: ", "))
        return lines
    }

    /// `help source` (a command word that is not a help topic): the lines of `help commands` for the
    /// entries it starts (or is an alias of), in `language`; `nil` when no command starts with `word`.
    /// - Complexity: O(entries).
    public static func helpLines(command word: String, language: DisplayLanguage) -> [String]? {
        let hits = entries.filter { $0.words.first == word || $0.aliases.contains(word) }
        return hits.isEmpty ? nil : hits.map { line($0, language: language) }
    }

    /// One entry as `help commands` shows it: the usage padded to a column, then what it does.
    static func line(_ e: Entry, language: DisplayLanguage) -> String {
        let zh = language == .zh
        let usage = zh ? e.usageZh : e.usage
        let summary = zh ? e.summaryZh : e.summary
        return DisplayWidth.of(usage) < 29 ? DisplayWidth.padded(usage, to: 29) + summary : usage + "   " + summary
    }
}
