import Foundation
import PayPlan

/// Attribution of orders by seller note (plan A, rule A2): the `attribution` report.
extension Session {
    /// A parameter's text value (`param attribution_mode = "first"`), or `nil` when the plan has none.
    func parameterText(_ name: String) -> String? {
        guard let r = engine.plan.ruleIndex[name], let c = engine.cell(rule: r, agent: 0, period: engine.period(.month, 0)) else { return nil }
        switch engine.value(ofCell: c) {
        case .text(let s): return s
        case let v: return v.displayText
        }
    }

    /// The scenario's attribution settings, from the parameters `attribution_match` (`id`, `name`,
    /// `id or name`, `pattern`), `attribution_pattern` and `attribution_mode` (`first`, `last`, `split`);
    /// ID matching and `first` when the plan sets none.
    func attributionSettings() -> (match: Attribution.Match, mode: Attribution.Mode, description: String)? {
        let m = parameterText("attribution_match") ?? "id", p = parameterText("attribution_pattern")
        let modeText = parameterText("attribution_mode") ?? "first"
        guard let match = Attribution.Match(setting: m, pattern: p), let mode = Attribution.Mode(rawValue: modeText) else { return nil }
        let how = if case .pattern(let p) = match { "pattern \(p)" } else { m }
        return (match, mode, AttributionMessage.settings(match: how, mode: mode.rawValue, matchWords: settingWords("attribution_match", value: m),
                                                         modeWords: settingWords("attribution_mode", value: modeText)).text(language))
    }

    /// The plan's words for the setting `name` = `value`: its label and the value's (`Plan.valueLabel(of:value:)`),
    /// or `nil` when the plan labels not the value.
    func settingWords(_ name: String, value: String) -> AttributionMessage.Labelled? {
        guard let l = workspace.plan.valueLabel(of: name, value: value) else { return nil }
        return AttributionMessage.Labelled(parameter: engine.plan.ruleIndex[name].flatMap { engine.plan.rules[$0].label }, value: l)
    }

    /// The people attribution knows: the workspace's agents, by ID (so leftover fen of a split go to the lowest ID).
    var attributionPeople: [Attribution.Person] {
        Attribution.Person.of(workspace.agents).sorted { ($0.id ?? "\u{10FFFF}") < ($1.id ?? "\u{10FFFF}") }
    }

    /// `attribution [PERIOD]`: orders credited per agent, silent orders, and every order whose seller
    /// note names an unknown ID or conflicting sales agents, or is credited otherwise than its note says.
    func attributionReport(_ rest: String) -> Output {
        let words: [String], format: FigureFormat
        do { (words, format) = try FigureFormat.parse(rest) } catch { return .error(AttributionMessage.usageAfter(problem: OutputLine(error))) }
        var period: Period? = nil
        if let text = words.first {
            guard words.count == 1, let p = Period(text: text) else { return .error(AttributionMessage.notAPeriod(words.joined(separator: " "))) }
            period = p
        }
        guard workspace.orders.contains(where: { $0.fields["note"] != nil }) else {
            return .error(AttributionMessage.noNotes)
        }
        guard let settings = attributionSettings() else {
            return .error(AttributionMessage.badSettings)
        }
        let people = attributionPeople
        let creditedRule = engine.plan.ruleIndex["credited"].flatMap { engine.plan.rules[$0].dimension.perOrder ? $0 : nil }
        var count: [String: Int] = [:], sum: [String: Value] = [:]
        var silent = 0, silentSum = Value.number(.zero), duplicates = 0, afterSales = 0
        var problems: [(String, String, String, String)] = []
        var seen = Set<String>()
        let attributor = Attribution.Attributor(agents: people, match: settings.match, mode: settings.mode)
        // The agents credited with each order number's parts (`ID`, `ID#CS01`, …), gathered in one pass.
        var creditedByBase: [String: [String]] = [:]
        for o in workspace.orders {
            let base = o.id.split(separator: "#").first.map(String.init) ?? o.id
            if let a = o.agent { creditedByBase[base, default: []].append(a) } else if creditedByBase[base] == nil { creditedByBase[base] = [] }
        }
        for (i, o) in workspace.orders.enumerated() {
            if let p = period, o.date < p.firstDay || o.date > p.lastDay { continue }
            let amount: Fixed = creditedRule.flatMap { r in engine.cell(rule: r, order: i) }.flatMap {
                if case .number(let n) = engine.value(ofCell: $0) { n } else { nil }
            } ?? { if case .number(let n)? = o.field("amount") { n } else { .zero } }()
            // Totals beyond ±10²⁶ show as #OVERFLOW.
            if let a = o.agent { count[a, default: 0] += 1; sum[a] = .total(sum[a] ?? .number(.zero), .number(amount)) } else { silent += 1; silentSum = .total(silentSum, .number(amount)) }
            // Split parts (ID#CS01) share one note: read it once.
            let base = o.id.split(separator: "#").first.map(String.init) ?? o.id
            guard seen.insert(base).inserted else { continue }
            let note = o.fields["note"]?.text ?? ""
            let r = attributor.attribute(note: note)
            var found: [AttributionMessage] = []
            for f in r.findings {
                switch f {
                case .unknownID, .conflict: found.append(.finding(f))
                case .duplicate: duplicates += 1
                case .afterSales: afterSales += 1
                case .silent: break
                }
            }
            let stored = creditedByBase[base] ?? []
            if Set(stored) != Set(r.credited) {
                found.append(.creditedOtherwise(stored: stored, note: r.credited))
            }
            if !found.isEmpty { problems.append((base, o.agent ?? "—", note, AttributionMessage.findings(found).text(language))) }
        }
        let title = AttributionMessage.title(period: period, settings: Wording(en: settings.description, zh: settings.description)).text(language)
        var t = FigureTable(name: period?.description ?? "attribution", title: title,
                            header: [AttributionMessage.Column.agent, .id, .role, .orders, .credited].map { AttributionMessage.column($0).text(language) },
                            rightAligned: [false, false, false, true, true])
        for a in workspace.agents {
            t.add([.text(a.name), .text(a.id ?? ""), .text(language == .zh ? (workspace.plan.valueLabel(of: "role", value: a.role ?? "") ?? AttributionMessage.roleZh(a.role)) : a.role ?? ""), .count(count[a.name] ?? 0), .value(sum[a.name] ?? .number(.zero))])
        }
        t.add([.text(AttributionMessage.silentRow.text(language)), .text(""), .text(""), .count(silent), .value(silentSum)])
        let checkTitle = AttributionMessage.ordersToCheck(problems.count).text(language)
        var check = FigureTable(name: "orders to check", title: checkTitle,
                                header: [AttributionMessage.Column.order, .agent, .note, .finding].map { AttributionMessage.column($0).text(language) },
                                rightAligned: [false, false, false, false])
        for row in problems { check.add([.text(row.0), .text(row.1), .text(row.2), .text(row.3)]) }
        do { return try emit(problems.isEmpty ? [t] : [t, check], as: format) {
            var lines = [title] + t.textLines()
            if problems.isEmpty {
                lines.append(AttributionMessage.noneToCheck.text(language))
            } else {
                lines.append(checkTitle + (language == .zh ? "：" : ":"))
                lines += check.textLines()
            }
            if duplicates > 0 || afterSales > 0 {
                lines.append(AttributionMessage.duplicatesAndAfterSales(duplicates: duplicates, afterSales: afterSales).text(language))
            }
            return lines
        } } catch { return stopped("attribution") }
    }
}
