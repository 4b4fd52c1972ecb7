import Foundation
import PayPlan

/// A pay statement (工资条) in words, in Chinese or English: as terminal text, Markdown,
/// self-contained HTML (one A4 page, Chinese fonts named with fallbacks) or CSV.
public struct StatementRenderer {
    public var language: DisplayLanguage
    /// The plan's value labels (`Plan.valueLabelsByValue`), by which text values read under zh.
    public var valueLabels: [String: String]
    public init(language: DisplayLanguage, valueLabels: [String: String] = [:]) { self.language = language; self.valueLabels = valueLabels }
    var zh: Bool { language == .zh }
    /// The sentences of the 说明 column (in English with figures by words, base pay, not base_pay).
    var plain: PlainRenderer { PlainRenderer(language: language, valueLabels: valueLabels) }

    /// One printed row: a section heading, an item, a total, or the pay figures.
    public struct Row: Equatable {
        public enum Kind: Equatable { case heading, item, subtotal, total }
        public var kind: Kind
        public var item: String
        public var amount: String
        public var note: String
        /// The amount as a plain decimal (`5573.00`), for CSV.
        public var plainAmount: String
        /// The figure's rule name (`commission`), empty for headings and sums.
        public var name: String = ""
    }

    // MARK: Words

    func word(_ key: String) -> String {
        let words: [String: (String, String)] = [
            "title": ("工资条", "pay statement"), "id": ("工号", "ID"), "name": ("姓名", "name"), "period": ("期间", "period"),
            "item": ("项目", "item"), "amount": ("金额（元）", "amount (CNY)"), "note": ("说明", "how"),
            "earnings": ("应发项目", "earnings"), "earningsTotal": ("应发合计", "total earnings"),
            "deductions": ("扣款项目", "deductions"), "deductionsTotal": ("扣款合计", "total deductions"),
            "withheld": ("代扣项目", "withheld"), "info": ("参考信息（不计入工资）", "for reference (not added)"),
            "social_insurance": ("社保", "social insurance"), "housing_fund": ("公积金", "housing fund"), "tax": ("个税", "income tax"),
            "net_pay": ("实发工资", "take-home pay"), "unlisted": ("其他（工资条未列明）", "other (not listed)"),
            "summed": ("各月合计", "the sum of the months"), "eachMonth": ("逐月列出（不相加）", "each month (not added up)"), "scenario": ("方案", "scenario"),
            "unlistedNote": ("工资数字中方案未列入工资条的部分", "part of the pay figure the plan does not list"),
        ]
        let w = words[key] ?? (key, key)
        return zh ? w.0 : w.1
    }

    /// A line's name: the plan's label in Chinese (社保 etc. by their usual names); in English the usual
    /// names of the take-home lines and a readable form of the rule name (`monthly_bonus` → monthly bonus),
    /// since plans carry Chinese labels only. The CSV keeps the rule name in its own column.
    func itemName(_ l: PayStatement.Line) -> String {
        if l.kind == .unlisted { return word("unlisted") }
        let usual = (PayStatement.takeHomeFigures + ["net_pay"]).first { $0 == l.name }.map(word)
        if zh { return l.label ?? usual ?? l.name }
        return usual ?? PlainRenderer.englishName(l.name, label: l.label)
    }

    func note(_ l: PayStatement.Line) -> String {
        switch l.kind {
        case .unlisted: return l.explanation.map(plain.body) ?? word("unlistedNote")
        case .attribute: return zh ? "员工资料中的\(itemName(l))" : "the agent's \(itemName(l)) attribute"
        case .figure:
            if let at = l.balanceAt {
                return zh ? "\(plain.period(at))末的余额（余额不按月相加）" : "the balance at the end of \(plain.period(at)) (a balance is not added up over the months)"
            }
            if let whole = l.shownFor {
                let how = l.explanation.map(plain.body) ?? ""
                return (zh ? "\(plain.period(whole))的数字，不是本期的" : "the figure for \(plain.period(whole)), not this period's") + (how.isEmpty ? "" : (zh ? "：" : ": ") + how)
            }
            if l.summedOverMonths { return word("summed") }
            if l.byPeriod != nil { return word("eachMonth") }
            // A part a condition withheld is said with the line, as staff ask why it is 0 (M1):
            // 阶梯提成 0.00 → "阶梯提成 0.00；阶梯提成：报销费用 900.00 超过 …，本月不发".
            return l.explanation.map { ex in
                ([plain.body(ex)] + ex.withheldParts().map { "\(plain.name($0.figure))\(zh ? "：" : ": ")\(plain.body($0))" })
                    .joined(separator: zh ? "；" : "; ")
            } ?? ""
        }
    }

    func amount(_ v: Value) -> String { plain.value(v) }
    /// A flag's or grade's value in each month of a longer statement: `04 yes · 05 no · 06 no` (`4月 是 · 5月 否 · 6月 否`);
    /// months in a row with the same value are one run (`1–3月 否 · 4月 是 · 5–12月 否`, `01–12 no`), so a year's
    /// flags stay short (they were 12 entries, some 110 characters wide).
    func monthByMonth(_ values: [PeriodValue]) -> String {
        var runs: [(first: Period, last: Period, value: Value)] = []
        for v in values {
            if let r = runs.last, r.value == v.value, r.last.grain == v.period.grain { runs[runs.count - 1].last = v.period } else { runs.append((v.period, v.period, v.value)) }
        }
        func when(_ p: Period) -> String { p.grain == .month ? (zh ? "\(p.start.month)" : String(p.description.suffix(2))) : p.description }
        return runs.map { r in
            let span = r.first == r.last ? when(r.first) : "\(when(r.first))–\(when(r.last))"
            return "\(span)\(zh && r.first.grain == .month ? "月" : "") \(amount(r.value))"
        }.joined(separator: " · ")
    }
    func plainAmount(_ v: Value) -> String {
        if case .number(let n) = v { return n.rounded(toDigits: 2).format(minimumFractionDigits: 2, grouping: false) }
        return plain.value(v)
    }

    /// "李雷（工号 E01）· 2026年3月 · electronics-sales".
    public func subtitle(_ s: PayStatement) -> String {
        let who = s.agent + (s.agentID.map { zh ? "（\(word("id")) \($0)）" : " (\(word("id")) \($0))" } ?? "")
        return (zh && s.agentID != nil ? "\(who)· " : "\(who) · ") + "\(plain.period(s.period)) · \(s.scenario)"
    }

    public func title(_ s: PayStatement) -> String { "\(word("title")) — \(subtitle(s))" }

    /// The rows in print order: earnings, 应发合计, deductions, 扣款合计, the pay figure, take-home, 实发, info.
    public func rows(_ s: PayStatement) -> [Row] {
        var out: [Row] = []
        func item(_ l: PayStatement.Line) -> Row {
            let shown = l.byPeriod.map(monthByMonth)
            // A place in a ranking is a whole number: 第 2 名 (0: not ranked), not 2.00.
            if shown == nil, l.explanation?.figure.isPlace == true, case .number(let n) = l.value {
                let place = n.format(minimumFractionDigits: 0, grouping: false)
                return Row(kind: .item, item: itemName(l), amount: n.isZero ? (zh ? "未排名" : "not ranked") : (zh ? "第 \(place) 名" : place),
                           note: note(l), plainAmount: place, name: l.name)
            }
            // A count is a whole number of things: 无法识别订单 0, not 0.00 (which reads as yuan).
            if shown == nil, l.isCount, case .number(let n) = l.value, n.wholeNumber != nil {
                let count = n.format(minimumFractionDigits: 0, grouping: false)
                return Row(kind: .item, item: itemName(l), amount: count, note: note(l), plainAmount: count, name: l.name)
            }
            return Row(kind: .item, item: itemName(l), amount: shown ?? amount(l.value), note: note(l), plainAmount: shown ?? plainAmount(l.value), name: l.kind == .unlisted ? "" : l.name)
        }
        func heading(_ k: String) -> Row { Row(kind: .heading, item: word(k), amount: "", note: "", plainAmount: "") }
        out.append(heading("earnings"))
        out += s.earnings.map(item)
        out.append(Row(kind: .subtotal, item: word("earningsTotal"), amount: amount(s.earningsTotal), note: totalNote(s.earnings, s.earningsTotal) ?? "", plainAmount: plainAmount(s.earningsTotal)))
        if !s.deductions.isEmpty {
            out.append(heading("deductions"))
            out += s.deductions.map(item)
            out.append(Row(kind: .subtotal, item: word("deductionsTotal"), amount: amount(s.deductionsTotal), note: totalNote(s.deductions, s.deductionsTotal) ?? "", plainAmount: plainAmount(s.deductionsTotal)))
        }
        if let t = s.total {
            var how = "\(word("earningsTotal")) \(amount(s.earningsTotal)) − \(word("deductionsTotal")) \(amount(s.deductionsTotal))"
            // Not a sum over an error value: said as what cannot be computed.
            if s.earningsTotal.isError || s.deductionsTotal.isError || t.value.isError,
               let why = totalNote(s.earnings + s.deductions, .error(EvalError(.statementTotalTooLarge))) { how = why }
            // An error value of its own (no line above is one): why, and where, not a difference the lines do not make.
            else if case .error(let e) = t.value {
                let formula = t.explanation.map(plain.body) ?? ""
                how = zh ? "无法计算（\(e.code)）：\(EvalErrorMessage.chinese(e.detail))" + (formula.isEmpty ? "" : "，出在 \(formula)") + "；不是上面各项之差"
                    : "cannot be computed (\(e.code)): \(e.message)" + (formula.isEmpty ? "" : ", in \(formula)") + "; not the lines above added up"
            }
            out.append(Row(kind: .total, item: totalName(t), amount: amount(t.value), note: how, plainAmount: plainAmount(t.value), name: t.name))
        }
        if let n = s.net {
            out.append(heading("withheld"))
            out += s.takeHome.map(item)
            var how = ([out.last { $0.kind == .total }?.item ?? ""] + s.takeHome.map(itemName)).joined(separator: " − ")
            if n.value.isError, let why = totalNote(s.earnings + s.deductions + s.takeHome, n.value) { how = why }
            out.append(Row(kind: .total, item: zh ? word("net_pay") : itemName(n), amount: amount(n.value), note: how, plainAmount: plainAmount(n.value), name: n.name))
        }
        if !s.info.isEmpty {
            out.append(heading("info"))
            out += s.info.map(item)
        }
        return out
    }

    /// The pay figure's name on its row: its label, or 应发工资 under zh when it has none.
    func totalName(_ t: PayStatement.Line) -> String { zh && t.label == nil ? "应发工资" : itemName(t) }

    /// The statement's warnings, one line each: every line that is an error value (which line, why,
    /// where it started), then pay below zero or under the minimum wage, in period order.
    public func warnings(_ s: PayStatement) -> [String] {
        problemMessages(s).map { $0.text(language) }
            + s.concerns.map { StatementMessage.concern($0.kind, period: $0.period, value: $0.value, minimum: $0.minimum, prorated: $0.prorated).text(language) }
    }

    /// One message per line of `s` that is an error value (`PayStatement.problems`).
    public func problemMessages(_ s: PayStatement) -> [StatementMessage] {
        s.problems.map { p in
            // Where the error started, unless at the line's own figure.
            let own = p.error.origin.map { $0.agent == s.agent && $0.figure == p.line.name } ?? true
            if p.isTotal {
                return .payFigureError(agent: s.agent, period: s.period, item: totalName(p.line), error: p.error, origin: own ? nil : p.origin,
                                       earnings: s.earningsTotal, deductions: s.deductionsTotal)
            }
            return .lineError(agent: s.agent, period: s.period, item: itemName(p.line), error: p.error, origin: own ? nil : p.origin, added: p.added)
        }
    }

    /// The note of a total that is an error value: which lines made it so (提成 无法计算，合计无法得出).
    func totalNote(_ lines: [PayStatement.Line], _ total: Value) -> String? {
        guard total.isError else { return nil }
        let bad = lines.filter { $0.value.isError }.map(itemName)
        guard !bad.isEmpty else { return nil }
        return zh ? "\(bad.joined(separator: "、")) 无法计算，合计无法得出" : "\(bad.joined(separator: ", ")) cannot be computed, so there is no total"
    }

    // MARK: Formats

    /// Terminal text: a title and an aligned table.
    public func text(_ s: PayStatement) -> [String] {
        var t = TextTable(header: [word("item"), word("amount"), word("note")], rightAligned: [false, true, false])
        var separators: [Int] = []
        for r in rows(s) {
            if r.kind == .total { separators.append(t.rows.count) }
            t.add([r.kind == .item ? "  " + r.item : r.item, r.amount, r.note])
        }
        t.separatorBefore = Set(separators)
        return [title(s)] + t.render() + warnings(s)
    }

    /// Markdown: a title, who and when, one table (headings and totals in bold).
    public func markdown(_ s: PayStatement) -> String {
        func esc(_ t: String) -> String { t.replacingOccurrences(of: "|", with: "\\|") }
        var out = "# \(word("title")) — \(esc(s.agent))\n\n"
        // Chinese text takes the full-width colon (工号：S01), as the HTML statement's header does.
        let colon = zh ? "：" : ": "
        out += "\(word("id"))\(colon)\(s.agentID ?? "—") · \(word("period"))\(colon)\(plain.period(s.period)) · \(word("scenario"))\(colon)\(esc(s.scenario))\n\n"
        out += "| \(word("item")) | \(word("amount")) | \(word("note")) |\n|---|---:|---|\n"
        for r in rows(s) {
            switch r.kind {
            case .heading: out += "| **\(esc(r.item))** | | |\n"
            case .item: out += "| \(esc(r.item)) | \(r.amount) | \(esc(r.note)) |\n"
            case .subtotal, .total: out += "| **\(esc(r.item))** | **\(r.amount)** | \(esc(r.note)) |\n"
            }
        }
        let w = warnings(s)
        if !w.isEmpty { out += "\n" + w.map { "> **\($0)**\n" }.joined(separator: ">\n") }
        return out
    }

    /// CSV for one statement (RFC 4180, CRLF): section, item, name, amount (plain decimal), note.
    public func csv(_ s: PayStatement) -> String {
        var out = csvLine(zh ? ["栏目", "项目", "名称", "金额", "说明"] : ["section", "item", "name", "amount", "note"])
        var section = ""
        for r in rows(s) {
            if r.kind == .heading { section = r.item; continue }
            out += csvLine([r.kind == .item ? section : "", r.item, r.name, r.plainAmount, r.note])
        }
        for (p, m) in zip(s.problems, problemMessages(s)) { out += csvLine([zh ? "注意" : "warning", itemName(p.line), p.line.name, "", m.text(language)]) }
        for c in s.concerns {
            out += csvLine([zh ? "注意" : "warning", "", c.kind == .negativeNetPay ? "net_pay" : s.total?.name ?? "", plainAmount(.number(c.value)),
                            StatementMessage.concern(c.kind, period: c.period, value: c.value, minimum: c.minimum, prorated: c.prorated).text(language)])
        }
        return out
    }

    func csvLine(_ fields: [String]) -> String {
        fields.map { f in f.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f }.joined(separator: ",") + "\r\n"
    }

    /// One CSV for many statements, one row per person: 工号, 姓名, 期间, each line's amount, the totals.
    /// Columns are the union of everyone's lines, in the order first seen.
    ///
    /// A column of amounts holds only numbers, so Excel and WPS sum it: where a person's line is not a
    /// number (a plan's "—" for no data, an error value) the cell is empty and the last column, 注意/warnings,
    /// says which line and why (转化率%：有转化数据：否). Columns of flags and grades (是/否, 合格) keep their words.
    /// That column also carries the statement's warnings (an error value, pay below zero, under the minimum wage).
    public func csv(all statements: [PayStatement]) -> String {
        var columns: [String] = []
        var numeric: Set<String> = []
        var table: [[String: (row: Row, value: Value?)]] = []
        for s in statements {
            var row: [String: (row: Row, value: Value?)] = [:]
            let values = Dictionary(s.allLines.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            let money = Set((s.earnings + s.deductions + s.takeHome).map(\.name))
            for r in rows(s) where r.kind != .heading {
                if !columns.contains(r.item) { columns.append(r.item) }
                let v: Value? = r.kind == .subtotal ? (r.item == word("earningsTotal") ? s.earningsTotal : s.deductionsTotal) : values[r.name]
                // Sums, money lines and any line that is a number for someone hold amounts.
                if r.kind != .item || money.contains(r.name) || v?.number != nil { numeric.insert(r.item) }
                row[r.item] = (r, v)
            }
            table.append(row)
        }
        var notesFor: [[String]] = []
        var cells: [[String]] = []
        for (s, row) in zip(statements, table) {
            var notes: [String] = []
            cells.append(columns.map { c in
                guard let (r, v) = row[c] else { return "" }
                guard numeric.contains(c), v?.number == nil, !r.plainAmount.isEmpty else { return r.plainAmount }
                // Not a number in a column of amounts: an empty cell, and why in the notes (an error value is in the warnings).
                if !(v?.isError ?? false) { notes.append(zh ? "\(c)：\(r.note.isEmpty ? r.plainAmount : r.note)" : "\(c): \(r.note.isEmpty ? r.plainAmount : r.note)") }
                return ""
            })
            notesFor.append(warnings(s) + notes)
        }
        let noted = notesFor.contains { !$0.isEmpty }
        var out = csvLine([word("id"), word("name"), word("period")] + columns + (noted ? [zh ? "注意" : "warnings"] : []))
        for (i, s) in statements.enumerated() {
            out += csvLine([s.agentID ?? "", s.agent, s.period.description] + cells[i] + (noted ? [notesFor[i].joined(separator: zh ? "；" : "; ")] : []))
        }
        return out
    }

    static let fonts = "\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"WenQuanYi Micro Hei\",\"SimHei\",sans-serif"

    /// A self-contained HTML page (inline CSS, no scripts, no external files) laid out for one A4 page.
    public func html(_ s: PayStatement) -> String {
        let h = Chart.xmlEscape
        var out = """
        <!DOCTYPE html>
        <html lang="\(zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(h(title(s)))</title>
        <style>
        @page{size:A4;margin:10mm}
        body{font-family:\(StatementRenderer.fonts);margin:0;color:#222;background:#fff;font-size:9.5pt;line-height:1.3}
        .slip{max-width:190mm;margin:6mm auto;border:1px solid #bbb;padding:5mm 7mm}
        h1{font-size:15pt;margin:0 0 1mm;letter-spacing:.1em} .who{margin:0 0 3mm;color:#444}
        .who span{margin-right:6mm}
        table{border-collapse:collapse;width:100%} th,td{padding:.9mm 2mm;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top}
        th{background:#f2f4f7;font-weight:600} td.amt{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;width:26mm}
        td.note{color:#555;font-size:8pt} td.item{white-space:nowrap;width:34mm}
        tr.heading td{background:#fafafa;font-weight:600;color:#333;border-bottom:1px solid #ccc}
        tr.item td.item{padding-left:6mm}
        tr.subtotal td{font-weight:600} tr.total td{border-top:2px solid #333;font-weight:700;font-size:10.5pt} tr.total td.note{font-weight:400;font-size:8pt}
        p.warn{margin:2mm 0 0;padding:1.5mm 2mm;border-left:3px solid #c0392b;background:#fdf0ee;color:#922;font-weight:600}
        @media print{.slip{border:none;margin:0;padding:0;max-width:none}}
        </style></head><body><div class="slip">
        <h1>\(h(word("title")))</h1>
        <p class="who"><span>\(h(word("name")))：\(h(s.agent))</span><span>\(h(word("id")))：\(h(s.agentID ?? "—"))</span><span>\(h(word("period")))：\(h(plain.period(s.period)))</span><span>\(h(s.scenario))</span></p>
        <table><thead><tr><th>\(h(word("item")))</th><th>\(h(word("amount")))</th><th>\(h(word("note")))</th></tr></thead><tbody>

        """
        for r in rows(s) {
            let cls = ["heading", "item", "subtotal", "total"][[Row.Kind.heading, .item, .subtotal, .total].firstIndex(of: r.kind)!]
            out += "<tr class=\"\(cls)\"><td class=\"item\">\(h(r.item))</td><td class=\"amt\">\(h(r.amount))</td><td class=\"note\">\(h(r.note))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        for w in warnings(s) { out += "<p class=\"warn\">\(h(w))</p>\n" }
        out += "</div></body></html>\n"
        return out
    }

    /// The index page of `statement all … --html DIR`: one link per person with their pay figures.
    public func htmlIndex(_ statements: [(PayStatement, file: String)], period: Period, scenario: String) -> String {
        let h = Chart.xmlEscape
        let withNet = statements.contains { $0.0.net != nil }
        let first = statements.first?.0.total
        // The pay figure's name as the statement's total row gives it.
        let payHeading = first.map { zh && $0.label == nil ? "应发工资" : itemName($0) } ?? (zh ? "应发工资" : "pay")
        var out = """
        <!DOCTYPE html>
        <html lang="\(zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(h(word("title"))) — \(h(plain.period(period)))</title>
        <style>body{font-family:\(StatementRenderer.fonts);margin:2em;color:#222} table{border-collapse:collapse} th,td{padding:.4em .8em;border-bottom:1px solid #ddd;text-align:left} td.amt{text-align:right;font-variant-numeric:tabular-nums}</style>
        </head><body><h1>\(h(word("title"))) — \(h(plain.period(period))) · \(h(scenario))</h1>
        <p><a href="index.html">\(h(zh ? "← 全部期间" : "← every period"))</a></p>
        <table><thead><tr><th>\(h(word("id")))</th><th>\(h(word("name")))</th><th>\(h(word("earningsTotal")))</th><th>\(h(word("deductionsTotal")))</th><th>\(h(payHeading))</th>\(withNet ? "<th>\(h(word("net_pay")))</th>" : "")</tr></thead><tbody>

        """
        // The columns read as the statements do: 应发合计 − 扣款合计 = the pay figure (应发工资), and
        // 实发工资 beside it once take-home pay exists (fresh-user finding: the net figure stood under "pay").
        for (s, file) in statements {
            let pay = s.total?.value ?? .text("")
            let net = withNet ? "<td class=\"amt\">\(h(s.net.map { amount($0.value) } ?? "—"))</td>" : ""
            out += "<tr><td>\(h(s.agentID ?? "—"))</td><td><a href=\"\(h(file))\">\(h(s.agent))</a></td><td class=\"amt\">\(h(amount(s.earningsTotal)))</td><td class=\"amt\">\(h(amount(s.deductionsTotal)))</td><td class=\"amt\">\(h(amount(pay)))</td>\(net)</tr>\n"
        }
        return out + "</tbody></table></body></html>\n"
    }
}
