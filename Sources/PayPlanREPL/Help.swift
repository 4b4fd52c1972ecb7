/// The help text: a list of topics, and a short lesson with a runnable example per topic.
public enum Help {
    public static let topics: [(name: String, summary: String, body: [String])] = [
        ("commands", "every command in one list", [
            "agent add NAME key=value…   add a person: agent add 李雷 id=S01 base=3000 hired=2025-06-01",
            "agent set NAME key=value…   change attributes: agent set 李雷 base=3500",
            "agent rm NAME               remove a person and their inputs",
            "agents                      list the people",
            "NAME.INPUT[PERIOD] = AMOUNT set an input: 李雷.sales[2026-03] = 12万",
            "NAME.FIGURE[PERIOD]         print a figure: 李雷.pay[2026-03]",
            "report PERIOD               a table per agent: report 2026-03, report 2026-Q1, report 2026",
            "explain FIGURE [--depth N]  how a figure was reached: explain 李雷.pay[2026-03]",
            "param / input / table / month / quarter / half / year …   define or redefine (help language)",
            "plan                        print the whole plan;  show NAME  one definition;  drop NAME  remove it",
            "undo, redo                  step back and forth through every change",
            "load FILE, save [FILE]      open or write a scenario (help scenarios)",
            "help TOPIC                  topics: " + ["language", "tables", "report", "explain", "inputs", "agents", "scenarios", "errors"].joined(separator: ", "),
        ]),
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
            "#OVERFLOW too large, #RANGE a period outside the scenario. Printing the cell says where it started.",
            "A rule that would make a circle (pay → bonus → pay) is refused and nothing changes.",
        ]),
    ]

    /// The overview (no topic) or one topic's lesson.
    public static func text(topic: String?) -> [String] {
        guard let topic else {
            return ["payplan — pay plans as a spreadsheet you can read. Topics (help TOPIC):"] +
                topics.map { "  " + DisplayWidth.padded($0.name, to: 10) + $0.summary }
        }
        if let t = topics.first(where: { $0.name == topic }) { return t.body }
        return ["no help on '\(topic)'; topics: " + topics.map(\.name).joined(separator: ", ")]
    }
}
