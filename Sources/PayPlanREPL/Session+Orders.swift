import Foundation
import PayPlan

/// Orders, the working-day calendar and the as-of date (issue 4).
extension Session {
    /// `order add ID agent=NAME date=2026-03-02 amount=30000 …`, `order set ID key=value …`, `order rm ID`.
    func orderCommand(_ rest: String) -> Output {
        let parts = rest.split(whereSeparator: \.isWhitespace).map(String.init)
        guard parts.count >= 2 else {
            return .error("write order add ID agent=NAME date=2026-03-02 amount=30000 …, order set ID key=value …, or order rm ID")
        }
        let (sub, id) = (parts[0], parts[1])
        var new = workspace
        switch sub {
        case "add", "set":
            let existing = workspace.order(id)
            if sub == "add" && existing != nil { return .error("there is already an order \(id) (order set \(id) key=value changes it)") }
            if sub == "set" && existing == nil { return .error("no order \(id)") }
            var o = existing ?? Order(id: id, agent: nil, date: Day(year: workspace.years.lowerBound, month: 1, day: 1)!)
            var dated = existing != nil
            for pair in parts.dropFirst(2) {
                guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                    return .error("'\(pair)': order fields are written key=value, e.g. amount=30000 paid=2026-03-03")
                }
                let key = String(pair[..<eq]), value = String(pair[pair.index(after: eq)...])
                switch key {
                case "id": return .error("an order's ID cannot change; remove it and add it again")
                case "agent":
                    if value.isEmpty { o.agent = nil; continue }
                    guard workspace.agentIndex(named: value) != nil else { return .error(unknownAgent(value)) }
                    o.agent = value
                case "date":
                    guard let d = Day(text: value) else { return .error("date=\(value): expected a date such as 2026-03-02") }
                    o.date = d; dated = true
                default:
                    if value.isEmpty { o.fields[key] = nil } else { o.fields[key] = AttributeValue(text: value) }
                }
            }
            guard dated else { return .error("order add \(id) needs date=…, the day it counts from (e.g. the day the customer signed)") }
            guard workspace.years.contains(o.date.year) else {
                let y = workspace.years
                return .error("date \(o.date) is outside this scenario's years (\(y.lowerBound == y.upperBound ? "\(y.lowerBound)" : "\(y.lowerBound)–\(y.upperBound)")); widen them first with years \(min(y.lowerBound, o.date.year))-\(max(y.upperBound, o.date.year))")
            }
            new.upsert(o)
            // A change of an order's field values is made in place (Engine.replaceOrder).
            var edits: EngineEdits? = nil
            if let was = existing {
                let now = o
                edits = EngineEdits(forward: { e in e.orderIndex(id: id).flatMap { e.replaceOrder(at: $0, with: now) } },
                                    back: { e in e.orderIndex(id: id).flatMap { e.replaceOrder(at: $0, with: was) } })
            }
            return commit(new, label: "order \(sub) \(id)", message: ["\(sub == "add" ? "added" : "updated") order \(id)"], edits: edits)
        case "rm", "remove":
            guard new.removeOrder(id) != nil else { return .error("no order \(id)") }
            return commit(new, label: "order rm \(id)", message: ["removed order \(id)"])
        default:
            return .error("unknown order command '\(sub)': use add, set or rm")
        }
    }

    /// `orders [AGENT] [PERIOD]`: the orders with their fields and order figures.
    func listOrders(_ rest: String) -> Output {
        let words: [String], format: FigureFormat
        do { (words, format) = try FigureFormat.parse(rest) } catch { return .error("\(error.message); write orders [AGENT] [PERIOD] [--csv|--json|--md|--xlsx FILE] [--out FILE]") }
        var agent: String? = nil, period: Period? = nil
        for w in words {
            if let p = Period(text: w) { period = p } else if workspace.agentIndex(named: w) != nil { agent = w } else {
                return .error("orders takes an agent and/or a period, e.g. orders 李雷 2026-03; '\(w)' is neither")
            }
        }
        let chosen = workspace.orders.enumerated().filter { (_, o) in
            (agent == nil || o.agent == agent) && (period == nil || (o.date >= period!.firstDay && o.date <= period!.lastDay))
        }
        let fieldNames = Array(Set(chosen.flatMap { $0.element.fields.keys })).sorted()
        let figures = engine.plan.rules.indices.filter { engine.plan.rules[$0].visible && engine.plan.rules[$0].dimension.perOrder }
        var t = FigureTable(name: [agent, period?.description].compactMap { $0 }.joined(separator: " ").isEmpty ? "orders" : [agent, period?.description].compactMap { $0 }.joined(separator: " "),
                            title: "orders", header: ["order", "agent", "date"] + fieldNames + figures.map { engine.plan.rules[$0].name },
                            rightAligned: [false, false, false] + fieldNames.map { _ in true } + figures.map { _ in true })
        for (i, o) in chosen {
            let figureCells = figures.map { r in engine.cell(rule: r, order: i).map { FigureTable.Cell.value(engine.value(ofCell: $0)) } ?? .text("") }
            let fieldCells = fieldNames.map { name -> FigureTable.Cell in
                guard let v = o.fields[name] else { return .text("") }
                if case .number(let n) = v { return .money(n, shown: v.text) }
                return .text(v.text)
            }
            t.add([.text(o.id), .text(o.agent ?? "—"), .text(o.date.description)] + fieldCells + figureCells)
        }
        return emit([t], as: format) { t.textLines() + ["\(chosen.count) order\(chosen.count == 1 ? "" : "s")"] }
    }

    /// `calendar`, `calendar holiday 2026-10-01..2026-10-07`, `calendar workday 2026-10-10`, `calendar clear DATE`.
    func calendarCommand(_ rest: String) -> Output {
        let parts = rest.split(separator: " ").map(String.init)
        guard let sub = parts.first else {
            let c = workspace.calendar
            let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            return Output(lines: [
                "weekend: " + c.weekend.sorted().map { names[$0 - 1] }.joined(separator: ", "),
                "holidays: " + (c.holidays.isEmpty ? "none" : c.holidays.sorted().map(\.description).joined(separator: ", ")),
                "worked weekend days (调休): " + (c.workdays.isEmpty ? "none" : c.workdays.sorted().map(\.description).joined(separator: ", ")),
            ])
        }
        guard parts.count == 2 else { return .error("write calendar holiday DATE[..DATE], calendar workday DATE or calendar clear DATE[..DATE]") }
        let ends = parts[1].components(separatedBy: "..")
        if ends.count == 2, let a = Day(text: ends[0]), let b = Day(text: ends[1]), b < a {
            return .error("'\(parts[1])': the range is reversed; write the earlier day first: \(b)..\(a)")
        }
        guard (1...2).contains(ends.count), let a = Day(text: ends[0]), let b = Day(text: ends.last!), a <= b, b.ordinal - a.ordinal < 366 else {
            return .error("'\(parts[1])': expected a date such as 2026-10-01 or a range 2026-10-01..2026-10-07 (at most a year)")
        }
        let days = (0...(b.ordinal - a.ordinal)).compactMap { a.adding(days: $0) } // every one lies between a and b
        var new = workspace
        switch sub {
        case "holiday": for d in days { new.calendar.holidays.insert(d); new.calendar.workdays.remove(d) }
        case "workday": for d in days { new.calendar.workdays.insert(d); new.calendar.holidays.remove(d) }
        case "clear": for d in days { new.calendar.holidays.remove(d); new.calendar.workdays.remove(d) }
        default: return .error("unknown calendar command '\(sub)': use holiday, workday or clear")
        }
        let (before, after) = (workspace.calendar, new.calendar)
        return commit(new, label: "calendar \(rest)", message: ["calendar: \(sub) \(parts[1])"],
                      edits: EngineEdits(forward: { $0.setCalendar(after) }, back: { $0.setCalendar(before) }))
    }

    /// `as of 2026-06-30`: what is known on that day (collections, clawbacks).
    func setAsOf(_ rest: String) -> Output {
        let text = rest.hasPrefix("of ") ? String(rest.dropFirst(3)).trimmingCharacters(in: .whitespaces) : rest
        if text.isEmpty { return Output(lines: ["as of \(workspace.knownOn)\(workspace.asOf == nil ? " (the end of the scenario's years)" : "")"]) }
        guard let d = Day(text: text) else { return .error("'\(text)' is not a date: as of what day? e.g. as of 2026-06-30") }
        var new = workspace
        new.asOf = d
        let (before, after) = (workspace.knownOn, new.knownOn)
        return commit(new, label: "as of \(d)", message: ["as of \(d)"],
                      edits: EngineEdits(forward: { $0.setAsOf(after) }, back: { $0.setAsOf(before) }))
    }

    /// `O1.c3_share` or `explain O1.c3_share`: an order figure's cell.
    func orderCell(orderID: String, rule r: Int) -> (cell: Int?, error: String?) {
        guard let i = engine.orderIndex(id: orderID) else { return (nil, "no order \(orderID)") }
        return (engine.cell(rule: r, order: i), nil)
    }
}
