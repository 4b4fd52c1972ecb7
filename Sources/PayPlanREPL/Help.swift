/// The help text: a list of topics, and a short lesson with a runnable example per topic.
public enum Help {
    public static let topics: [(name: String, summary: String, body: [String])] = [
        // Generated from `CommandTable` (`text(topic:)`), so no command is missing.
        ("commands", "every command in one list", []),
        ("language", "how rules are written", [
            "A rule is written once for its period and applies to every agent:",
            "  month revenue = sales - expenses",
            "  month commission \"提成\" = round(lookup(commission_tiers, revenue))",
            "  half half_bonus = if avg(revenue over half) >= 20万 then 3500",
            "                    else if avg(revenue over half) >= 10万 then 1500 else 0",
            "  month pay = base - deduction + commission + paid(half_bonus)",
            "Amounts: 12万  1.5万  40k  40,000  ¥40000  2%.   Dates 2026-03-15.  Periods 2026-03, 2026-Q1, 2026-H1, 2026.",
            "Operators: + - * / (also × ÷), = != < <= > >= (also ≤ ≥), and, or, not, if … then … else …",
            "Functions: round(x) to the fen, round(x, 0) to the yuan; floor, ceil, abs, min, max;",
            "  prev(revenue) last period's figure; paid(half_bonus) a longer period's figure in its last month;",
            "  sum/avg/min/max/count(x over quarter|half|year|agents [where …]); rank(x over agents where …).",
            "Agent facts: base, hired, left, role, id, name, tenure (1 in the hire month), active.",
            "Full reference with an example per construct: docs/language.md",
        ]),
        ("tables", "tier tables (阶梯), marginal and retroactive", [
            "A table lists tiers by their threshold. [lo, hi) (the default) means a tier starts at its threshold",
            "and stops just below the next; (lo, hi] means up to and including the next (以内). Example:",
            "  table deduction_rate [lo, hi):",
            "    0 -> 30%,",
            "    1万 -> 20%,",
            "    3万 -> 0%",
            "lookup(T, amount)       the value of the tier the amount falls in (x in a row is the amount)",
            "retroactive(T, amount)  the tier's rate on the whole amount (全额累进)",
            "marginal(T, amount)     each tier's rate on its own slice (超额累进)",
            "Try: table t [lo, hi): 0 -> 1%, 1万 -> 2%   then   param demo = marginal(t, 15000)   then   demo",
        ]),
        ("report", "tables of figures per agent", [
            "report 2026-03   one month;  report 2026-Q1, report 2026-H1, report 2026   monthly figures summed",
            "Columns come from the plan's 'report columns a, b, c'; the changes listed after each edit",
            "are those of 'report total pay'. Try: load scenarios/electronics-sales.json, then report 2026",
        ]),
        ("offer", "what a new hire takes home, month by month", [
            "offer sales 3万 6万 10万 [base=3500] [from 2026-03]",
            "A candidate joins on the first day of the month (default: the scenario's first month) and sells",
            "the same amount every month; one column per amount (low, expected, high), probation marked,",
            "the year's total last. Nothing in the workspace changes. Try it on scenarios/electronics-sales.json.",
        ]),
        ("attribution", "orders credited by the seller note (业绩归属), silent orders", [
            "An agent who closes an order writes their employee ID (工号) in the seller note (卖家备注):",
            "  已核对地址—CS01—3/5 14:20        credits CS01;  CS01;CS01 credits once;  CS010 is not CS01",
            "Notes are appended, so one note can name several agents. The scenario's parameters decide:",
            "  param attribution_mode = \"first\"   the first sales agent named (or \"last\", or \"split\" in equal shares)",
            "  param attribution_match = \"id\"     or \"name\", \"id or name\", \"pattern\" with attribution_pattern = \"CS[0-9]{2}\"",
            "After-sales agents (role after-sales) named in a note take no credit; an order naming no sales agent",
            "is silent (闷拍, plan A shares its commission by silent_mode).",
            "attribution [PERIOD]   orders and credited sales per agent, silent orders, and every order whose note",
            "                       names an unknown ID or conflicting sales agents, or is credited otherwise than its note says",
            "orders import FILE.csv --format taobao credits each order of a Taobao/Tmall export by its note with",
            "these settings (under split: one order per agent, 订单编号#工号, amounts split to the fen; query one as",
            "\"ID#CS01\".credited); performance import FILE.csv --month 2026-03 reads 客服, 询单人数, 最终付款人数,",
            "首次响应时间, 平均响应时间 into the monthly inputs (help import).",
            "Try: load scenarios/online-shop-cs.json, then attribution, then report 2026-03",
        ]),
        ("orders", "transactions (订单), per-order rules, the calendar", [
            "order add O1 agent=李雷 date=2026-03-02 terms=cash amount=30000 profit=4500 paid=2026-03-03",
            "An order counts in its date's month. Fields are read by order rules: order margin = profit / amount.",
            "A month rule adds orders up: sum(amount over orders where counted); 'by paid' books by another date.",
            "allocate(commission, amount) in an order rule shares a month figure among its orders, to the fen.",
            "orders 李雷 2026-03 lists them with every order figure; O1.share prints one; explain O1.share shows why.",
            "calendar workday 2026-10-10 marks a worked Saturday (调休); calendar holiday 2026-10-01..2026-10-07.",
            "as of 2026-06-30: payments recorded after that day are not known yet (clawbacks wait for it).",
            "Try: load scenarios/electronics-sales.json, then the order add line above, then orders 李雷 2026-03",
        ]),
        ("import", "orders from a spreadsheet export (CSV, UTF-8 or GBK)", [
            "orders import FILE.csv --map 订单编号=id,业务员=agent,签收日期=date,金额=amount,…",
            "Each column goes to id (the order number), agent (a name or an employee ID such as S01), date (the",
            "day the order counts from) or an order field; columns named like a field or its label (金额 for",
            "field amount \"金额\") need no mapping, COL=- ignores one. UTF-8 (with or without BOM) and GB18030/GBK",
            "files are read; ¥12,345.00, 12,345元, =\"2026030212345\", 2026/3/2 9:05 and 是/否 are understood.",
            "--map-name NAME uses a mapping saved in the scenario; --save-map NAME saves this one (save keeps it).",
            "A bad row stops the import with its row, column and reason, and nothing is imported; --skip-bad",
            "imports the rest and lists what it skipped; --dry-run only checks. Orders are keyed by their number:",
            "importing an overlapping file again replaces them, never counts them twice. undo takes the import back.",
            "--format taobao reads a Taobao/Tmall seller order report with no mapping: 订单编号, 买家会员名,",
            "买家实际支付金额, 订单状态, 订单备注/卖家备注/商家备注, 订单付款时间 (else 订单创建时间), 退款金额, 退款时间;",
            "the agent comes from the note (help attribution). A refund that grew since the last import, in a file",
            "without 退款时间, needs --refunds-known 2026-04-03: the increase is clawed back in that month.",
            "performance import FILE.csv [--month 2026-03] (or orders import … --format performance): per agent",
            "(客服: name or 工号) and month (月份/日期 column or --month), columns named like a monthly input or its",
            "label (询单人数, 最终付款人数, 首次响应时间, 平均响应时间; times as 12, 12s, 1分30秒, 1:30) set those inputs.",
            "Try: load scenarios/electronics-sales.json, then",
            "  orders import scenarios/electronics-orders.csv --map-name electronics --dry-run",
        ]),
        ("explain", "how a figure was reached", [
            "explain 李雷.pay[2026-03] prints the rule as written, each figure it read with its value,",
            "the tier a lookup hit (with which side is inclusive), roundings, and where an error value began.",
            "--depth N follows the figures read N levels down (default 2).",
            "Try: load scenarios/electronics-sales.json, then explain 李雷.commission[2026-03]",
        ]),
        ("inputs", "entering figures", [
            "Inputs are declared in the plan (input month sales default 0) and set per agent and period:",
            "  李雷.sales[2026-03] = 12万",
            "After each edit the pay figures that changed are listed: 李雷.pay[2026-03]: 5,000.00 → 5,600.00",
        ]),
        ("agents", "the people paid by the plan", [
            "agent add 李雷 id=S01 role=sales base=3000 hired=2025-06-01",
            "Any other key=value is kept too and can be used in rules by its name (agent add 王芳 team=north).",
        ]),
        ("scenarios", "files (方案)", [
            "load FILE.json reads a scenario; save writes it back (save OTHER.json writes elsewhere).",
            "Saving writes a temporary file and renames it, so the old file survives any failure.",
            "A file that fails to load changes nothing and the message says where it is wrong.",
        ]),
        ("errors", "error values and messages", [
            "A formula that cannot be computed gives an error value that flows on, like a spreadsheet:",
            "#DIV/0! division by zero, #MISSING an input or attribute not given, #TYPE wrong kind of value,",
            "#OVERFLOW too large, #RANGE a period outside the scenario, #ERROR raised by the plan with",
            "error(\"commission_mode must be individual or pool\"). Printing the cell says where it started.",
            "A rule that would make a circle (pay → bonus → pay) is refused and nothing changes.",
        ]),
        ("what-if", "forks of the workspace, compared side by side", [
            "fork NAME         copy the current workspace as NAME and work on the copy (main stays as it was)",
            "switch NAME       go to another fork;  scenarios  lists them, * marks the current one",
            "compare A B [PERIOD]   each report figure per agent in A and B, the difference and %, and the",
            "                  total pay (the plan's cost to the owner); PERIOD defaults to the first year",
            "explain FIGURE in A vs B   the definitions and inputs that differ and the figures read that differ",
            "Forks are saved in the scenario file and undo steps back over fork and switch. Try, on the shipped scenario:",
            "  fork lower",
            "  table commission_tiers [lo, hi): 0 -> 0, 1万 -> 1% * x, 3万 -> 1.5% * x, 4万 -> 1.8% * x, 10万 -> 1.8% * 10万 + 3% * (x - 10万), 20万 -> 3% * x",
            "  compare main lower 2026",
            "  explain 李雷.pay[2026-02] in main vs lower",
        ]),
        ("sweep", "a figure against an input: table, chart, SVG", [
            "sweep INPUT from X to Y step S show FIGURE[, FIGURE…] [for AGENT] [in MONTH] [--svg FILE]",
            "sets the input to each value on a private copy (the workspace is not changed), prints a table,",
            "a braille chart of the first figure, and where tiers change; --svg writes a chart with the tier",
            "boundaries as dashed lines. Without for/in: the first agent and the first month. Try:",
            "  sweep sales from 0 to 35万 step 1万 show pay, commission for 李雷 in 2026-03 --svg pay.svg",
            "cliffs FIGURE over INPUT from X to Y [threshold T] [for AGENT] [in MONTH]   every point where one",
            "fen more input changes the figure by more than T (default 100.00), and every range where more pays less:",
            "  cliffs pay over sales from 0 to 40万 for 李雷 in 2026-03",
        ]),
        ("solve", "goal seek: the least input that reaches a figure", [
            "solve INPUT for FIGURE = TARGET [for AGENT] [in MONTH] [from X] [to Y]",
            "the least input, to the fen, at which the figure is at least TARGET (searching 0 to 1,000,000,000",
            "unless from/to say otherwise). Pay has cliffs, so the answer says when the target is crossed by a",
            "jump, and says unreachable when no input in the range pays it. Try:",
            "  solve sales for pay = 9000 for 李雷 in 2026-03",
        ]),
        ("statement", "a pay statement (工资条) for one person", [
            "statement AGENT PERIOD [--format text|md|html|csv] [--out FILE]",
            "every component of the report with the tier it hit, the total, and how much more would reach",
            "the next tier. --out writes a file (the format follows the extension: .html, .md, .csv). Try:",
            "  statement 李雷 2026-03",
            "  statement 李雷 2026-03 --out 李雷-2026-03.html",
        ]),
    ]

    /// The overview (no topic) or one topic's lesson.
    public static func text(topic: String?) -> [String] {
        guard let topic else {
            return ["payplan — pay plans as a spreadsheet you can read. Topics (help TOPIC):"] +
                topics.map { "  " + DisplayWidth.padded($0.name, to: 13) + $0.summary }
        }
        if topic == "commands" { return CommandTable.helpLines(language: .en) }
        if let t = topics.first(where: { $0.name == topic }) { return t.body }
        return ["no help on '\(topic)'; topics: " + topics.map(\.name).joined(separator: ", ")]
    }
}
