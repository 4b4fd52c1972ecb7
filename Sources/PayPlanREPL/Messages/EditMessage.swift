import PayPlan

/// What edits of the plan and the workspace say: definitions, drops, undo and redo, years, language.
public enum EditMessage: MessageCatalogue {
    /// A definition (or, `from` a month, a dated version of it) defined for the first time.
    case defined(String, from: Month? = nil)
    case redefined(String, from: Month? = nil)
    /// A definition dropped, with how many dated versions went with it.
    case dropped(String, versions: Int = 0)
    /// `drop from MONTH NAME`: one dated version dropped.
    case droppedVersion(String, from: Month)
    /// `show` of a definition with dated versions: how many, and the month the first one holds until.
    case versionsUntil(count: Int, until: Month)
    /// `show`: the months one dated version holds for (`until` nil: from then on).
    case versionSpan(from: Month, until: Month?)
    /// `use PART` brought in the part's definitions.
    case broughtInPart(part: String, definitions: Int)
    /// `use PART` as the edit that undo and redo name (`undid use takehome`, `已撤销：加入共用部件 takehome`).
    case usedPart(String)
    /// `undo` took back the step `label` (REPL syntax or another message).
    case undid(OutputLine)
    case redid(OutputLine)
    /// An undo or redo step whose workspace could not be built again.
    case cannotRestore(undo: Bool, OutputLine)
    case nothingToUndo
    case nothingToRedo
    /// `years`: the years the scenario now covers.
    case yearsNow(ClosedRange<Int>)
    /// `years` written wrongly; the years now.
    case yearsUsage(now: ClosedRange<Int>)
    /// `years 2027-2026`: the later year written first.
    case yearsBackwards(from: Int, to: Int)
    /// `drop sales` while other definitions read it: what `name` is and who reads it.
    case stillRead(String, kind: String, readers: [String])
    /// After an edit of the attribution settings: orders credited again by their notes.
    case creditedAgain(orders: Int, changed: Int)
    /// An edit of the plan refused: `agent`'s `attribute` = `value` is outside the `range` the new plan would declare.
    case attributeOutsideNewRange(agent: String, attribute: String, value: String, range: String)
    /// An edit of the plan or years removed entered values no input holds now: each input with its count.
    case removedStrayInputs([(input: String, count: Int)])
    /// A `years` edit removed entered values dated outside the new `years`: each input with its count, the
    /// years they were dated in, and the range that would keep them (fresh-user finding M8: the message said
    /// "no input holds them", which read as if the inputs were gone).
    case removedOutsideYears([(input: String, count: Int)], years: ClosedRange<Int>, datedIn: ClosedRange<Int>)
    /// `years …`: the orders dated outside the new years (in `datedIn`) were removed; undo brings them back.
    case removedOrdersOutsideYears(Int, years: ClosedRange<Int>, datedIn: ClosedRange<Int>)
    /// A cycle among rules, written `pay → bonus → pay`.
    case circular([String])
    /// `drop NAME` / `show NAME` of a name the plan does not define, with the nearest name it does.
    case nothingToDrop(String, hint: String? = nil)
    case notInPlan(String, hint: String? = nil)
    /// `drop from` written wrongly.
    case dropFromUsage
    /// `drop from MONTH NAME` where `NAME` has no version from that month; the months its versions start.
    case noVersionFrom(String, from: Month, starts: [Month])
    /// `drop` of a part's definition.
    case fromPart(name: String, part: String)
    /// `show` of a part's definition: the comment line above it.
    case partOrigin(String)
    case languageChosen(DisplayLanguage)
    case languageUsage(now: DisplayLanguage)
    /// An edit that would leave the workspace exactly as it is (a value set to what it already is, a
    /// definition written again as it stands): said so, and no undo step is recorded (fresh-user finding 5,
    /// session 13: such edits were counted as undo steps).
    case unchanged(Unchanged)

    /// What an edit that changes nothing names.
    public enum Unchanged: Sendable {
        /// An input cell set to the value it already holds (money text, or a count).
        case input(cell: String, value: String)
        /// A definition (or dated version) written again as the plan has it.
        case definition(String)
        /// `agent set NAME …` giving the values the agent already has.
        case agent(String)
        /// `order set ID …` giving the values the order already has.
        case order(String)
        /// `years …` naming the years the scenario already covers.
        case years(ClosedRange<Int>)
        /// `as of DATE` naming the as-of date already set.
        case asOf(Day)
        /// `calendar clear DAYS` where no day has a mark to clear.
        case calendarClear(days: String)
    }

    public var wording: Wording {
        switch self {
        case .defined(let n, let m):
            m.map { Wording(en: "defined \(n) from \($0)", zh: "已定义 \(n) 自 \($0) 起的版本") } ?? Wording(en: "defined \(n)", zh: "已定义 \(n)")
        case .redefined(let n, let m):
            m.map { Wording(en: "redefined \(n) from \($0)", zh: "已重新定义 \(n) 自 \($0) 起的版本") } ?? Wording(en: "redefined \(n)", zh: "已重新定义 \(n)")
        case .dropped(let n, let v):
            v == 0 ? Wording(en: "dropped \(n)", zh: "已删除 \(n)")
                : Wording(en: "dropped \(n) and its \(v) dated version\(v == 1 ? "" : "s")", zh: "已删除 \(n) 及其 \(v) 个日期版本")
        case .droppedVersion(let n, let m): Wording(en: "dropped \(n) from \(m)", zh: "已删除 \(n) 自 \(m) 起的版本")
        case .versionsUntil(let c, let m): Wording(en: "# \(c) versions; until \(m):", zh: "# 共 \(c) 个版本；至 \(m)：")
        case .versionSpan(let a, let b):
            b.map { Wording(en: "# \(a)–\($0):", zh: "# \(a) 至 \($0)：") } ?? Wording(en: "# from \(a):", zh: "# 自 \(a) 起：")
        case .broughtInPart(let p, let n):
            Wording(en: "brought in the \(p) part: \(n) definitions (help \(p); show NAME shows one)", zh: "已加入共用部件 \(p)：\(n) 条定义（help \(p)；show 名称 查看其中一条）")
        case .usedPart(let p): Wording(en: "use \(p)", zh: "加入共用部件 \(p)")
        // The edit undone as a deed (重新定义 list_price), not as its report (已重新定义 …): one 已.
        case .undid(let l): Wording(en: "undid \(l.text(.en))", zh: "已撤销：\(Self.deedZh(l))")
        case .redid(let l): Wording(en: "redid \(l.text(.en))", zh: "已重做：\(Self.deedZh(l))")
        case .cannotRestore(let undo, let l):
            Wording(en: "cannot \(undo ? "undo" : "redo") \(l.text(.en))", zh: "无法\(undo ? "撤销" : "重做")：\(l.text(.zh))")
        case .nothingToUndo: Wording(en: "nothing to undo", zh: "没有可撤销的操作")
        case .nothingToRedo: Wording(en: "nothing to redo", zh: "没有可重做的操作")
        case .yearsNow(let y): Wording(en: "this scenario now covers \(MessageWords.years(y))", zh: "方案年份现为 \(MessageWords.years(y))")
        case .yearsUsage(let y):
            Wording(en: "years takes a year or a range of at most 50 years, e.g. years 2026 or years 2026-2027 (now \(MessageWords.years(y)))",
                    zh: "years 后写一个年份或最多 50 年的范围，例如 years 2026 或 years 2026-2027（现为 \(MessageWords.years(y))）")
        case .attributeOutsideNewRange(let agent, let name, let value, let range):
            Wording(en: "\(agent) has \(name)=\(value), outside the range \(range) the plan would declare for \(name); change it first (agent set \(agent) \(name)=…); nothing was changed",
                    zh: "\(agent) 的 \(name)=\(value) 不在方案要声明的范围 \(range) 内；请先修改（agent set \(agent) \(name)=…）；未做任何更改")
        case .removedStrayInputs(let counts):
            Self.removedStray(counts)
        case .removedOutsideYears(let counts, let years, let dated):
            Self.removedOutsideYears(counts, years: years, datedIn: dated)
        case .removedOrdersOutsideYears(let n, let years, let dated):
            Self.removedOrdersOutsideYears(n, years: years, datedIn: dated)
        case .creditedAgain(let n, let moved):
            Wording(en: "orders credited again by their notes: \(n) orders, \(moved) changed (attribution shows them)",
                    zh: "已按备注重新归属订单：共 \(n) 笔，\(moved) 笔有变化（attribution 查看）")
        case .circular(let path):
            Wording(en: "circular reference: \(path.joined(separator: " → ")); nothing was changed", zh: "循环引用：\(path.joined(separator: " → "))；未做任何更改")
        case .yearsBackwards(let a, let b):
            Wording(en: "years \(a)-\(b) runs backwards: write the earlier year first, years \(b)-\(a)", zh: "years \(a)-\(b) 的年份写反了：请先写较早的年份，years \(b)-\(a)")
        case .stillRead(let n, let k, let r):
            Wording(en: "cannot drop \(n): it is \(k == "input" || k == "attribute" ? "an" : "a") \(k) that \(r.prefix(3).joined(separator: ", "))\(r.count > 3 ? " and \(r.count - 3) more" : "") \(r.count == 1 ? "reads" : "read"); drop or redefine \(r.count == 1 ? "it" : "them") first; nothing was changed",
                    zh: "不能删除 \(n)：它是\(EditMessage.kindZh[k] ?? k)，\(r.prefix(3).joined(separator: "、"))\(r.count > 3 ? " 等 \(r.count) 条定义" : "") 读取了它；请先删除或改写它们；未做任何更改")
        case .dropFromUsage:
            Wording(en: "write drop from MONTH NAME, e.g. drop from 2026-07 commission_tiers", zh: "请写 drop from 月份 名称，例如 drop from 2026-07 commission_tiers")
        case .noVersionFrom(let n, let m, let starts):
            Wording(en: "'\(n)' has no version from \(m)" + (starts.isEmpty ? "" : "; its versions start \(starts.map(\.description).joined(separator: ", "))"),
                    zh: "'\(n)' 没有自 \(m) 起的版本" + (starts.isEmpty ? "" : "；它的版本起始于 \(starts.map(\.description).joined(separator: "、"))"))
        case .nothingToDrop(let n, let h): Wording(en: "nothing named '\(n)' to drop", zh: "没有名为 '\(n)' 的定义可删除").followed(by: MessageWords.hint(h))
        case .notInPlan(let n, let h):
            h == nil ? Wording(en: "nothing named '\(n)' in the plan (type 'plan' to list it)", zh: "方案中没有名为 '\(n)' 的定义（输入 plan 查看全部）")
                : Wording(en: "nothing named '\(n)' in the plan", zh: "方案中没有名为 '\(n)' 的定义").followed(by: MessageWords.hint(h))
        case .fromPart(let n, let p):
            Wording(en: "'\(n)' comes from the \(p) part: redefine it to change it, or drop 'use \(p)'", zh: "'\(n)' 来自共用部件 \(p)：重新定义即可修改，或 drop 'use \(p)' 去掉整个部件")
        case .partOrigin(let p):
            Wording(en: "# from the \(p) part (use \(p)); redefine it here to change it for this plan", zh: "# 来自共用部件 \(p)（use \(p)）；在本方案中重新定义即可修改")
        case .languageChosen(let l): l == .zh ? Wording(en: "已切换为中文", zh: "已切换为中文") : Wording(en: "language: English", zh: "语言：英文")
        case .languageUsage(let l):
            Wording(en: "write set lang zh or set lang en (now \(l.rawValue))", zh: "请写 set lang zh 或 set lang en（现为 \(l.rawValue)）")
        case .unchanged(let what): Self.unchanged(what)
        }
    }

    /// "no change: 李雷.sales[2026-03] is already 120,000.00" and the like (no undo step is recorded).
    static func unchanged(_ what: Unchanged) -> Wording {
        let (en, zh): (String, String) = switch what {
        case .input(let c, let v): ("\(c) is already \(v)", "\(c) 已是 \(v)")
        case .definition(let n): ("\(n) is already defined so", "\(n) 的定义本来就是这样")
        case .agent(let n): ("\(n) already has these values", "\(n) 的资料本来就是这些值")
        case .order(let id): ("order \(id) already has these values", "订单 \(id) 本来就是这些值")
        case .years(let y): ("this scenario already covers \(MessageWords.years(y))", "方案年份本来就是 \(MessageWords.years(y))")
        case .asOf(let d): ("the as-of date is already \(d)", "截至日期本来就是 \(d)")
        case .calendarClear(let days): ("\(days) has no holiday or workday mark to clear", "\(days) 没有节假日或调休标记可清除")
        }
        return Wording(en: "no change: \(en)", zh: "未更改：\(zh)")
    }

    /// "removed 3 entered values that no input holds now: sales (2), bonus (1); undo brings them back".
    static func removedStray(_ counts: [(input: String, count: Int)]) -> Wording {
        let total = counts.reduce(0) { $0 + $1.count }
        let list = counts.map { "\($0.input) (\($0.count))" }
        return Wording(en: "removed \(total) entered value\(total == 1 ? "" : "s") that no input holds now: \(list.joined(separator: ", ")); undo brings \(total == 1 ? "it" : "them") back",
                       zh: "已删除 \(total) 个不再对应任何录入项的已录入值：\(counts.map { "\($0.input)（\($0.count)）" }.joined(separator: "、"))；undo 可恢复")
    }

    /// "removed 89 entered values dated 2026, outside the years 2027: sales (45), expenses (44); undo brings
    /// them back (years 2026-2027 keeps them)".
    static func removedOutsideYears(_ counts: [(input: String, count: Int)], years: ClosedRange<Int>, datedIn dated: ClosedRange<Int>) -> Wording {
        let total = counts.reduce(0) { $0 + $1.count }
        func span(_ r: ClosedRange<Int>) -> String { r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)" }
        let keep = min(years.lowerBound, dated.lowerBound)...max(years.upperBound, dated.upperBound)
        let keepCommand = "years \(keep.lowerBound)" + (keep.lowerBound == keep.upperBound ? "" : "-\(keep.upperBound)")
        let widenable = keep.count <= 50
        let en = "removed \(total) entered value\(total == 1 ? "" : "s") dated \(span(dated)), outside the years \(span(years)): "
            + counts.map { "\($0.input) (\($0.count))" }.joined(separator: ", ")
            + "; undo brings \(total == 1 ? "it" : "them") back" + (widenable ? " (\(keepCommand) keeps \(total == 1 ? "it" : "them"))" : "")
        let zh = "已删除 \(total) 个日期在 \(span(dated)) 年、不在方案年份 \(span(years)) 内的已录入值："
            + counts.map { "\($0.input)（\($0.count)）" }.joined(separator: "、")
            + "；undo 可恢复" + (widenable ? "（\(keepCommand) 可保留它们）" : "")
        return Wording(en: en, zh: zh)
    }

    /// "removed 285 orders dated 2026, outside the years 2027: no month holds them; undo brings them back
    /// (years 2026-2027 keeps them)".
    static func removedOrdersOutsideYears(_ n: Int, years: ClosedRange<Int>, datedIn dated: ClosedRange<Int>) -> Wording {
        func span(_ r: ClosedRange<Int>) -> String { r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)" }
        let keep = min(years.lowerBound, dated.lowerBound)...max(years.upperBound, dated.upperBound)
        let keepCommand = "years \(keep.lowerBound)" + (keep.lowerBound == keep.upperBound ? "" : "-\(keep.upperBound)")
        let widenable = keep.count <= 50
        let them = n == 1 ? "it" : "them"
        return Wording(en: "removed \(n) order\(n == 1 ? "" : "s") dated \(span(dated)), outside the years \(span(years)): no month holds \(them); "
                           + "undo brings \(them) back" + (widenable ? " (\(keepCommand) keeps \(them))" : ""),
                       zh: "已删除 \(n) 笔日期在 \(span(dated)) 年、不在方案年份 \(span(years)) 内的订单：没有哪个月份能容纳它们；undo 可恢复"
                           + (widenable ? "（\(keepCommand) 可保留它们）" : ""))
    }

    /// An undo step's label in Chinese as the deed undone: an edit message's words without its 已
    /// (定义 / 重新定义 / 删除 …), any other label (a cell edit, a command) as it reads.
    static func deedZh(_ l: OutputLine) -> String {
        guard let m = l.message as? EditMessage else { return l.text(.zh) }
        switch m {
        case .defined(let n, let f): return f.map { "定义 \(n) 自 \($0) 起的版本" } ?? "定义 \(n)"
        case .redefined(let n, let f): return f.map { "重新定义 \(n) 自 \($0) 起的版本" } ?? "重新定义 \(n)"
        case .dropped(let n, let v): return v == 0 ? "删除 \(n)" : "删除 \(n) 及其 \(v) 个日期版本"
        case .droppedVersion(let n, let f): return "删除 \(n) 自 \(f) 起的版本"
        default: return l.text(.zh)
        }
    }

    public static var samples: [EditMessage] {
        let jul = Month(year: 2026, month: 7), sep = Month(year: 2026, month: 9)
        return [.attributeOutsideNewRange(agent: "李雷", attribute: "base", value: "-5", range: "0.."),
                .removedStrayInputs([(input: "sales", count: 2), (input: "bonus", count: 1)]), .removedStrayInputs([(input: "sales", count: 1)]),
                .removedOutsideYears([(input: "sales", count: 45), (input: "bonus", count: 44)], years: 2027...2027, datedIn: 2026...2026),
                .removedOrdersOutsideYears(285, years: 2027...2027, datedIn: 2026...2026), .removedOrdersOutsideYears(1, years: 2027...2027, datedIn: 2026...2026),
                .usedPart("takehome"), .defined("pay"), .redefined("pay"), .dropped("bonus"), .defined("rate", from: jul), .redefined("rate", from: jul),
         .dropped("rate", versions: 2), .droppedVersion("rate", from: jul), .versionsUntil(count: 3, until: Month(year: 2026, month: 6)),
         .versionSpan(from: jul, until: sep), .versionSpan(from: sep, until: nil), .broughtInPart(part: "takehome", definitions: 12),
         .undid(OutputLine(fixed: "李雷.sales[2026-03] = 5,000.00")), .redid(OutputLine(EditMessage.defined("pay"))),
         .cannotRestore(undo: true, OutputLine(fixed: "load a.json")), .nothingToUndo, .nothingToRedo,
         .yearsNow(2026...2027), .yearsUsage(now: 2026...2026), .yearsBackwards(from: 2027, to: 2026),
         .stillRead("销售额", kind: "input", readers: ["营业额"]), .stillRead("销售额", kind: "input", readers: ["营业额", "提成", "奖金", "底薪"]), .creditedAgain(orders: 40, changed: 3),
         .circular(["pay", "bonus", "pay"]), .dropFromUsage, .noVersionFrom("rate", from: sep, starts: [jul]), .noVersionFrom("rate", from: sep, starts: []),
         .nothingToDrop("bonus"), .notInPlan("bonus"), .nothingToDrop("comission", hint: "commission"), .notInPlan("comission", hint: "commission"), .fromPart(name: "tax", part: "takehome"),
         .partOrigin("takehome"), .languageChosen(.zh), .languageChosen(.en), .languageUsage(now: .en),
         .unchanged(.input(cell: "李雷.sales[2026-03]", value: "120,000.00")), .unchanged(.definition("commission")),
         .unchanged(.agent("李雷")), .unchanged(.order("T001")), .unchanged(.years(2026...2026)),
         .unchanged(.asOf(Day(year: 2026, month: 6, day: 30)!)), .unchanged(.calendarClear(days: "2026-05-01..2026-05-03"))]
    }

    /// The kinds of definition in Chinese (录入项, 参数 …).
    static let kindZh = ["parameter": "参数", "input": "录入项", "attribute": "属性", "order field": "订单字段", "table": "阶梯表", "rule": "规则", "order rule": "订单规则", "definition": "定义"]
}
