import Foundation
import PayPlan

/// Orders, the working-day calendar and the as-of date (issue 4).
extension Session {
    /// `order add ID agent=NAME date=2026-03-02 amount=30000 …`, `order set ID key=value …`, `order rm ID`.
    func orderCommand(_ rest: String) -> Output {
        // A value may be typed as its label in the plan (terms=月结30天 is terms=net30).
        // Quoted words are taken whole and without their quotes (order add "T 1" …, note="rush order"), as
        // every `--option` command reads them; `order add ""` names no order and is refused.
        let parts = withRawValues(CommandArguments.words(rest).map(\.text))
        guard parts.count >= 2 else {
            return .error(OrderMessage.usage)
        }
        let (sub, id) = (parts[0], parts[1])
        if id.isEmpty { return .error(OrderMessage.idEmpty(sub: sub)) }
        // An order number never holds `=`: `order add agent=李雷 …` left the number out.
        if id.contains("=") { return .error(OrderMessage.needsID(id)) }
        var new = workspace
        switch sub {
        case "add", "set":
            let existing = workspace.order(id)
            if sub == "add" && existing != nil { return .error(OrderMessage.alreadyExists(id)) }
            if sub == "set" && existing == nil { return .error(CommandMessage.noOrder(id)) }
            var o = existing ?? Order(id: id, agent: nil, date: Day(year: workspace.years.lowerBound, month: 1, day: 1)!)
            var dated = existing != nil
            // A key no order field has (amout=30000), or a value the plan cannot match (product=standrad): refused first.
            if let problem = orderFieldProblem(parts.dropFirst(2)) { return .error(problem) }
            for pair in parts.dropFirst(2) {
                guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                    return .error(OrderMessage.fieldSyntax(pair))
                }
                let key = String(pair[..<eq]), value = String(pair[pair.index(after: eq)...])
                switch key {
                case "id": return .error(OrderMessage.idCannotChange)
                case "agent":
                    if value.isEmpty { o.agent = nil; continue }
                    guard workspace.agentIndex(named: value) != nil else { return .error(unknownAgent(value)) }
                    o.agent = value
                case "date":
                    guard let d = Day(text: value) else { return .error(OrderMessage.badDate(value)) }
                    o.date = d; dated = true
                default:
                    if !value.isEmpty, let problem = declaredAmountProblem(value, name: key, field: true) { return .error(problem) }
                    // Written as a date but no day of the calendar (paid=2026-04-31): it would be kept as text and
                    // every figure reading it an error value (fresh-user 7, N2). date= is checked above.
                    if Session.looksLikeADate(value), Day(text: value) == nil { return .error(OrderMessage.badFieldDate(field: key, value: value)) }
                    if value.isEmpty { o.fields[key] = nil } else { o.fields[key] = AttributeValue(text: value) }
                }
            }
            guard dated else { return .error(OrderMessage.needsDate(id)) }
            if let (field, value, range) = PlanCheck.outsideFieldRange(o, plan: workspace.plan) {
                return .error(OrderMessage.fieldOutOfRange(order: id, field: field, value: value, range: range.description))
            }
            guard workspace.years.contains(o.date.year) else {
                let y = workspace.years
                return .error(OrderMessage.dateOutsideYears(o.date, years: y, widen: min(y.lowerBound, o.date.year)...max(y.upperBound, o.date.year)))
            }
            if sub == "set", o == existing { return Output(message: EditMessage.unchanged(.order(id))) }
            new.upsert(o)
            // A change of an order's field values is made in place (Engine.replaceOrder).
            var edits: EngineEdits? = nil
            if let was = existing {
                let now = o
                // With no `as of` set, the as-of date follows the latest date the orders record: moved with the order.
                let (knownBefore, knownAfter) = (workspace.knownOn, new.knownOn)
                edits = EngineEdits(forward: { e in e.orderIndex(id: id).flatMap { e.replaceOrder(at: $0, with: now) }.flatMap { c in e.setAsOf(knownAfter).map { Session.merged(c, $0) } } },
                                    back: { e in e.orderIndex(id: id).flatMap { e.replaceOrder(at: $0, with: was) }.flatMap { c in e.setAsOf(knownBefore).map { Session.merged(c, $0) } } })
            }
            return commit(new, label: "order \(sub) \(id)", said: [sub == "add" ? OrderMessage.added(id) : OrderMessage.updated(id)], edits: edits)
        case "rm", "remove":
            guard new.removeOrder(id) != nil else { return .error(CommandMessage.noOrder(id)) }
            return commit(new, label: "order rm \(id)", said: [OrderMessage.removed(id)])
        default:
            return .error(OrderMessage.unknownSubcommand(sub))
        }
    }

    /// `orders [AGENT] [PERIOD]`: the orders with their fields and order figures.
    func listOrders(_ rest: String) -> Output {
        let words: [String], format: FigureFormat
        do { (words, format) = try FigureFormat.parse(rest) } catch { return .error(OrderMessage.listUsage(OutputLine(error))) }
        var agent: String? = nil, period: Period? = nil
        for w in words {
            if let p = Period(text: w) { period = p } else if workspace.agentIndex(named: w) != nil { agent = w } else {
                return .error(OrderMessage.listNeitherAgentNorPeriod(w))
            }
        }
        let chosen = workspace.orders.enumerated().filter { (_, o) in
            (agent == nil || o.agent == agent) && (period == nil || (o.date >= period!.firstDay && o.date <= period!.lastDay))
        }
        // None chosen: a sentence on the terminal rather than an empty table (issue 13); a file or machine
        // format still gets the table, its header alone.
        if chosen.isEmpty, format.kind == .text, format.file == nil {
            let y = workspace.years
            let outside = period.map { $0.lastDay.year < y.lowerBound || $0.firstDay.year > y.upperBound } ?? false
            return Output(message: OrderMessage.noneListed(agent: agent, period: period?.description, outside: outside ? y : nil))
        }
        let fieldNames = Array(Set(chosen.flatMap { $0.element.fields.keys })).sorted()
        let figures = engine.plan.rules.indices.filter { engine.plan.rules[$0].visible && engine.plan.rules[$0].dimension.perOrder }
        // Under zh, columns by the plan's labels (amount → 金额, margin → 毛利率), as report's are; its IDs otherwise.
        let zhHeaders = language == .zh
        let fieldHeaders = fieldNames.map { n in zhHeaders ? (workspace.plan.definition(named: n)?.statement.label ?? n) : n }
        let figureHeaders = figures.map { r in zhHeaders ? (engine.plan.rules[r].label ?? engine.plan.rules[r].name) : engine.plan.rules[r].name }
        var t = FigureTable(name: [agent, period?.description].compactMap { $0 }.joined(separator: " ").isEmpty ? "orders" : [agent, period?.description].compactMap { $0 }.joined(separator: " "),
                            title: "orders", header: OrderMessage.tableHeader.text(language).components(separatedBy: "\t") + fieldHeaders + figureHeaders,
                            rightAligned: [false, false, false] + fieldNames.map { _ in true } + figures.map { _ in true })
        // Text fields and figures by the plan's value labels under zh (terms net30 → 月结30天), worked out once per column.
        let zh = language == .zh
        let fieldLabels = fieldNames.map { zh ? workspace.plan.valueLabels(for: $0) : [:] }
        let figureLabels = figures.map { zh ? workspace.plan.valueLabels(for: engine.plan.rules[$0].name) : [:] }
        for (i, o) in chosen {
            // Yes/no figures and fields read 是/否 under zh.
            let figureCells = figures.indices.map { k in engine.cell(rule: figures[k], order: i).map { c in FigureTable.Cell.value(zh ? Session.inChinese(engine.value(ofCell: c), labels: figureLabels[k]) : engine.value(ofCell: c)) } ?? .text("") }
            let fieldCells = fieldNames.indices.map { k -> FigureTable.Cell in
                guard let v = o.fields[fieldNames[k]] else { return .text("") }
                // An amount as money (9,420.00), as the figures beside it show theirs.
                if case .number(let n) = v { return .money(n) }
                if zh, let l = fieldLabels[k][v.text] { return .text(l) }
                return .text(zh && v.text == "yes" ? "是" : zh && v.text == "no" ? "否" : v.text)
            }
            t.add([.text(o.id), .text(o.agent ?? "—"), .text(o.date.description)] + fieldCells + figureCells)
        }
        do { return try emit([t], as: format) { t.textLines() + [OrderMessage.count(chosen.count).text(language)] } } catch { return stopped("orders") }
    }

    /// `calendar`, `calendar holiday 2026-10-01..2026-10-07`, `calendar workday 2026-10-10`, `calendar clear DATE`.
    func calendarCommand(_ rest: String) -> Output {
        let parts = rest.split(separator: " ").map(String.init)
        guard let sub = parts.first else {
            let c = workspace.calendar
            return Output(messages: [OrderMessage.weekend(c.weekend.sorted()), OrderMessage.holidays(c.holidays.sorted()),
                                     OrderMessage.workedWeekendDays(c.workdays.sorted())])
        }
        guard parts.count == 2 else { return .error(OrderMessage.calendarUsage) }
        let ends = parts[1].components(separatedBy: "..")
        if ends.count == 2, let a = Day(text: ends[0]), let b = Day(text: ends[1]), b < a {
            return .error(OrderMessage.reversedRange(parts[1], earlier: b, later: a))
        }
        guard (1...2).contains(ends.count), let a = Day(text: ends[0]), let b = Day(text: ends.last!), a <= b, b.ordinal - a.ordinal < 366 else {
            return .error(OrderMessage.badDayRange(parts[1]))
        }
        let days = (0...(b.ordinal - a.ordinal)).compactMap { a.adding(days: $0) } // every one lies between a and b
        // A holiday or worked day is read only by working-day counts from the orders' dates (in the years) forward, so it
        // counts in the years or, for a deadline past their end, the year after; one beyond is a slip (2030-01-01 for
        // 2026-01-01) and is refused, as an order dated outside the years is. `clear` may always remove a day.
        let y = workspace.years, reach = y.lowerBound...(y.upperBound + 1)
        if sub == "holiday" || sub == "workday", let out = [a, b].first(where: { !reach.contains($0.year) }) {
            return .error(OrderMessage.calendarOutsideYears(sub: sub, days: parts[1], day: out,
                                                            years: y, widen: min(y.lowerBound, out.year)...max(y.upperBound, out.year)))
        }
        let afterYears = (sub == "holiday" || sub == "workday") && b.year > y.upperBound
        // Days that already are what the command makes them change nothing: say so (a weekday is a
        // workday already; calendar workday is for a worked weekend day, 调休).
        if sub == "workday" || sub == "holiday",
           days.allSatisfy({ workspace.calendar.isWorkday($0) == (sub == "workday") }) {
            return .error(OrderMessage.calendarAlready(sub: sub, days: parts[1], count: days.count))
        }
        var new = workspace
        switch sub {
        case "holiday": for d in days { new.calendar.holidays.insert(d); new.calendar.workdays.remove(d) }
        case "workday": for d in days { new.calendar.workdays.insert(d); new.calendar.holidays.remove(d) }
        case "clear": for d in days { new.calendar.holidays.remove(d); new.calendar.workdays.remove(d) }
        default: return .error(OrderMessage.unknownCalendarCommand(sub))
        }
        let (before, after) = (workspace.calendar, new.calendar)
        if before == after { return Output(message: EditMessage.unchanged(.calendarClear(days: parts[1]))) }
        return commit(new, label: "calendar \(rest)", said: [OrderMessage.calendarChanged(sub: sub, days: parts[1])]
                        + (afterYears ? [OrderMessage.calendarAfterYears(days: parts[1], years: y)] : []),
                      edits: EngineEdits(forward: { $0.setCalendar(after) }, back: { $0.setCalendar(before) }))
    }

    /// Whether `text` is written as a date, year-month-day in ASCII digits (`2026-04-31`, `2026-4-1`), day or not.
    static func looksLikeADate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && (1...2).contains(parts[1].count) && (1...2).contains(parts[2].count)
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// `as of 2026-06-30`: what is known on that day (collections, clawbacks).
    func setAsOf(_ rest: String) -> Output {
        // `as of` alone (and `as`, `asof`) shows the setting.
        let text = rest == "of" ? "" : rest.hasPrefix("of ") ? String(rest.dropFirst(3)).trimmingCharacters(in: .whitespaces) : rest
        if text.isEmpty { return Output(message: OrderMessage.asOf(workspace.knownOn, defaulted: workspace.asOf == nil, fromOrders: workspace.recordedThrough != nil)) }
        guard let d = Day(text: text) else { return .error(OrderMessage.notADate(text)) }
        if workspace.asOf == d { return Output(message: EditMessage.unchanged(.asOf(d))) }
        var new = workspace
        new.asOf = d
        let (before, after) = (workspace.knownOn, new.knownOn)
        var said: [any Message] = [OrderMessage.asOf(d, defaulted: false)]
        if d.year < workspace.years.lowerBound || d.year > workspace.years.upperBound {
            said.append(OrderMessage.asOfOutsideYears(d, years: workspace.years, before: d.year < workspace.years.lowerBound))
        }
        return commit(new, label: "as of \(d)", said: said,
                      edits: EngineEdits(forward: { $0.setAsOf(after) }, back: { $0.setAsOf(before) }))
    }

    /// Two edits' changed cells as one: a cell both changed keeps its value from before the first.
    /// - Complexity: O(first + second).
    static func merged(_ first: [Engine.Change], _ second: [Engine.Change]) -> [Engine.Change] {
        guard !second.isEmpty else { return first }
        let seen = Set(first.map(\.cell))
        return first + second.filter { !seen.contains($0.cell) }
    }

    /// `O1.c3_share` or `explain O1.c3_share`: an order figure's cell.
    func orderCell(orderID: String, rule r: Int) -> (cell: Int?, error: CommandMessage?) {
        guard let i = engine.orderIndex(id: orderID) else { return (nil, .noOrder(orderID)) }
        return (engine.cell(rule: r, order: i), nil)
    }
}
