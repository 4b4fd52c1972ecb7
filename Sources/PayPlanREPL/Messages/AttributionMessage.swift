import PayPlan

/// What `attribution` says (Session+Attribution.swift): its refusals, titles and findings per order.
public enum AttributionMessage: MessageCatalogue {
    case usageAfter(problem: OutputLine)
    case notAPeriod(String)
    case noNotes
    case badSettings
    /// How orders are credited: `attribution_match` (`id`, `pattern …`) and `attribution_mode`; under zh each
    /// setting read by the plan's words where it gives them (`Labelled`: the parameter's label and its value's
    /// label, `param attribution_mode "归属方式" = "first" labels "first" "第一个客服"`), else by fixed words.
    case settings(match: String, mode: String, matchWords: Labelled? = nil, modeWords: Labelled? = nil)
    /// A setting's words from the plan: the parameter's label (归属方式) and its value's label (第一个客服).
    public struct Labelled: Sendable, Equatable {
        public var parameter: String?
        public var value: String
        public init(parameter: String?, value: String) { self.parameter = parameter; self.value = value }
        /// `归属方式为第一个客服（first）`; without the parameter's label, `fallback` names it.
        func zh(_ raw: String, fallback: String) -> String { "\(parameter ?? fallback)为\(value)（\(raw)）" }
    }
    case title(period: Period?, settings: Wording)
    case silentRow
    /// A column of attribution's tables (the people, the orders to check).
    case column(Column)
    /// The columns of attribution's tables.
    public enum Column: Sendable, CaseIterable { case agent, id, role, orders, credited, order, note, finding }
    case ordersToCheck(Int)
    case noneToCheck
    case duplicatesAndAfterSales(duplicates: Int, afterSales: Int)
    /// One finding on an order's note (`Attribution.Finding`).
    case finding(Attribution.Finding)
    /// The order is credited otherwise than its note says.
    case creditedOtherwise(stored: [String], note: [String])
    /// Several findings on one order, joined.
    case findings([AttributionMessage])

    public var wording: Wording {
        switch self {
        case .usageAfter(let p):
            Wording(en: "\(p.text(.en)); write attribution [PERIOD] [--csv|--json|--md|--xlsx FILE] [--out FILE]", zh: "\(p.text(.zh))；写法：attribution [期间] [--csv|--json|--md|--xlsx 文件] [--out 文件]")
        case .notAPeriod(let w):
            Wording(en: "attribution takes a period, e.g. attribution 2026-03; '\(w)' is not one", zh: "attribution 后面写期间，例如 attribution 2026-03；'\(w)' 不是期间")
        case .noNotes:
            Wording(en: "no order here has a seller note (note): attribution credits orders by the employee ID in their notes, as plan A does; this plan's orders are credited as entered",
                    zh: "这里没有订单带卖家备注（note）：attribution 按备注中的工号归属订单（如方案 A）；本方案的订单按录入时的员工归属")
        case .badSettings:
            Wording(en: "the scenario's attribution settings are not valid: attribution_match must be \"id\", \"name\", \"id or name\" or \"pattern\" (with attribution_pattern a regular expression), attribution_mode \"first\", \"last\" or \"split\"",
                    zh: "方案的归属设置无效：attribution_match 须为 \"id\"、\"name\"、\"id or name\" 或 \"pattern\"（attribution_pattern 为正则表达式），attribution_mode 须为 \"first\"、\"last\" 或 \"split\"")
        case .settings(let m, let mode, let mw, let dw):
            Wording(en: "match \(m), mode \(mode)",
                    zh: "\(mw?.zh(m, fallback: "匹配方式") ?? AttributionMessage.matchZh(m))，\(dw?.zh(mode, fallback: "归属方式") ?? AttributionMessage.modeZh(mode))")
        case .title(let p, let s): Wording(en: "attribution\(p.map { " — \($0)" } ?? "") (\(s.en))", zh: "订单归属\(p.map { " — \($0)" } ?? "")：\(s.zh)")
        case .column(.agent): MessageWords.agentColumn
        case .column(.id): Wording(en: "ID", zh: "工号")
        case .column(.role): Wording(en: "role", zh: "角色")
        case .column(.orders): Wording(en: "orders", zh: "订单数")
        case .column(.credited): Wording(en: "credited", zh: "归属金额")
        case .column(.order): Wording(en: "order", zh: "订单")
        case .column(.note): Wording(en: "note", zh: "备注")
        case .column(.finding): Wording(en: "finding", zh: "问题")
        case .silentRow: Wording(en: "silent (闷拍)", zh: "闷拍")
        case .ordersToCheck(let n): Wording(en: "orders to check (\(n))", zh: "待核对订单（\(n)）")
        case .noneToCheck: Wording(en: "no order names an unknown ID or conflicting sales agents", zh: "没有订单的备注含未知工号或互相矛盾的销售客服")
        case .duplicatesAndAfterSales(let d, let a):
            Wording(en: "\(d) note\(d == 1 ? "" : "s") name the same agent twice (credited once); \(a) name an after-sales agent (no credit)",
                    zh: "\(d) 条备注重复写了同一名员工（只计一次）；\(a) 条写了售后客服（不计业绩）")
        case .finding(let f):
            switch f {
            case .silent: Wording(en: f.description, zh: "闷拍（没有写销售客服）")
            case .unknownID(let s): Wording(en: f.description, zh: "未知工号 \(s)")
            case .conflict(let n): Wording(en: f.description, zh: "销售客服互相矛盾：" + n.joined(separator: "、"))
            case .afterSales(let n): Wording(en: f.description, zh: "写了售后客服 \(n)（不计业绩）")
            case .duplicate(let n): Wording(en: f.description, zh: "\(n) 写了不止一次（只计一次）")
            }
        case .creditedOtherwise(let s, let n):
            Wording(en: "credited to \(s.isEmpty ? "nobody" : s.joined(separator: ", ")), the note says \(n.isEmpty ? "nobody" : n.joined(separator: ", "))",
                    zh: "归属于 \(s.isEmpty ? "无人" : s.joined(separator: "、"))，备注写的是 \(n.isEmpty ? "无人" : n.joined(separator: "、"))")
        case .findings(let all):
            Wording(en: all.map { $0.wording.en }.joined(separator: "; "), zh: all.map { $0.wording.zh }.joined(separator: "；"))
        }
    }

    /// How notes are matched, in Chinese, with the setting's own word (`attribution_match id`): 按工号匹配（id）.
    static func matchZh(_ m: String) -> String {
        switch m {
        case "id", "工号": "按工号匹配（\(m)）"
        case "name", "姓名": "按姓名匹配（\(m)）"
        case "id or name", "both", "id+name", "id/name": "按工号或姓名匹配（\(m)）"
        default: m.hasPrefix("pattern ") ? "按正则表达式匹配（\(m)）" : "匹配方式 \(m)"
        }
    }

    /// Who takes the credit when a note names several sales agents, in Chinese (`attribution_mode first`).
    static func modeZh(_ mode: String) -> String {
        switch mode {
        case "first": "多名时归第一名（first）"
        case "last": "多名时归最后一名（last）"
        case "split": "多名时平分（split）"
        default: "归属方式 \(mode)"
        }
    }

    /// An agent's role as attribution reads it, in Chinese: `sales` (or none) 销售客服, `after-sales` 售后客服;
    /// any other role as written.
    static func roleZh(_ role: String?) -> String {
        switch (role ?? "").lowercased() {
        case "sales", "销售", "售前", "pre-sales": "销售客服"
        case "after-sales", "aftersales", "售后": "售后客服"
        default: role ?? ""
        }
    }

    public static var samples: [AttributionMessage] {
        [.usageAfter(problem: OutputLine(ArgumentMessage.needsValue("--out"))), .notAPeriod("2026-13"), .noNotes, .badSettings, .settings(match: "id", mode: "first"),
         .title(period: Period(grain: .month, start: Month(year: 2026, month: 3)), settings: AttributionMessage.settings(match: "id", mode: "first").wording),
         .settings(match: "name", mode: "last"), .settings(match: "id or name", mode: "split"), .settings(match: "pattern CS[0-9]+", mode: "first"),
         .settings(match: "id", mode: "first", matchWords: Labelled(parameter: "归属匹配", value: "按工号"), modeWords: Labelled(parameter: nil, value: "第一个客服")),
         .title(period: nil, settings: Wording(en: "match id, mode first", zh: "匹配 id，方式 first")), .silentRow, .column(.agent), .column(.id), .column(.role), .column(.orders), .column(.credited), .column(.order), .column(.note), .column(.finding), .ordersToCheck(3), .noneToCheck,
         .duplicatesAndAfterSales(duplicates: 2, afterSales: 1), .finding(.silent), .finding(.unknownID("CS09")), .finding(.conflict(["小美", "阿杰"])),
         .finding(.afterSales("老周")), .finding(.duplicate("小美")), .creditedOtherwise(stored: [], note: ["小美"]),
         .findings([.finding(.unknownID("CS09")), .creditedOtherwise(stored: ["小美"], note: [])])]
    }
}
