import Foundation
import PayPlan

/// The fork set at one moment, kept in undo snapshots of fork, switch and load.
struct ForkState {
    var forks: [String: Workspace]
    var current: String
}

/// What-if commands: forks (`fork`, `switch`, `scenarios`, `compare`,
/// `explain … in A vs B`), `sweep`, `solve`, `cliffs` and `statement`.
/// The algorithms live in PayPlan/Analysis; this file parses and prints.
extension Session {
    var currentForkState: ForkState { ForkState(forks: forks, current: forkName) }

    /// The names of all workspaces held, "main" first, the rest sorted.
    public var forkNames: [String] {
        let all = Set(forks.keys).union([forkName])
        return all.sorted { ($0 == "main" ? 0 : 1, $0) < ($1 == "main" ? 0 : 1, $1) }
    }

    /// The current fork's name ("main" for the scenario as loaded).
    public var currentFork: String { forkName }

    func workspace(named name: String) -> Workspace? { name == forkName ? workspace : forks[name] }

    /// The engine of fork `name`: the current one, or one kept for that fork
    /// (built the first time it is asked for, then kept while the fork is unchanged).
    func engine(named name: String) throws -> Engine {
        if name == forkName { return engine }
        guard let w = forks[name] else { throw WhatIfError(unknownFork(name)) }
        if let kept = forkEngines[name], kept.workspace == w { return kept.engine }
        let e = try Engine(workspace: w)
        forkEngines[name] = (w, e)
        return e
    }

    func unknownFork(_ name: String) -> String {
        "no scenario named '\(name)' (scenarios: \(forkNames.joined(separator: ", ")); make one with fork NAME)"
    }

    /// Saves the main workspace with every other fork beside it.
    func saveWithForks(path: String) throws {
        var others = forks
        var main = workspace
        if forkName != "main" {
            others[forkName] = workspace
            main = others.removeValue(forKey: "main") ?? workspace
        }
        try ScenarioFile.save(main, forks: others, description: scenarioDescription, path: path)
    }

    // MARK: fork, switch, scenarios

    /// `fork NAME`: a what-if copy of the current workspace, which becomes current.
    func fork(_ rest: String) -> Output {
        let name = rest.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return .error("fork needs a name: fork lower_tier") }
        guard Session.isValidAgentName(name) else {
            return .error("'\(name)' cannot name a scenario: use letters, digits, '_' or '-' (no spaces or dots)")
        }
        guard workspace(named: name) == nil else { return .error("there is already a scenario named '\(name)' (switch \(name) goes to it)") }
        pushUndo(Snapshot(workspace: workspace, label: "fork \(name)", forkState: currentForkState))
        forks[forkName] = workspace
        // The fork left behind keeps a copy of the engine; the current one goes on being edited.
        forkEngines[forkName] = (workspace, Engine(copying: engine))
        let from = forkName
        forkName = name
        return Output(lines: ["forked \(from) as \(name); now on \(name) (switch \(from) goes back, compare \(from) \(name) shows the difference)"])
    }

    /// `switch NAME`: make another fork current.
    func switchFork(_ rest: String) -> Output {
        let name = rest.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return .error("switch to which scenario? \(forkNames.joined(separator: ", "))") }
        if name == forkName { return .error("already on '\(name)'") }
        guard let target = forks[name] else { return .error(unknownFork(name)) }
        let before = currentForkState, old = workspace, oldEngine = engine
        let kept = forkEngines[name].flatMap { $0.workspace == target ? $0.engine : nil }
        let out = commit(target, label: "switch \(name)", built: kept, reportChanges: false)
        if out.failed { return Output(errors: out.errors.map { var d = $0; d.message = "cannot switch to '\(name)': \(d.message)"; return d }) }
        undoStack[undoStack.count - 1].forkState = before
        forks[before.current] = old
        forks[name] = nil
        forkName = name
        forkEngines[name] = nil
        forkEngines[before.current] = (old, oldEngine)
        return Output(lines: ["now on \(name)"])
    }

    /// `scenarios`: the forks held, the current one marked, with what differs from main.
    func listForks(_ rest: String) -> Output {
        guard rest.isEmpty else { return .error("scenarios takes nothing after it") }
        let main = workspace(named: "main")
        var t = TextTable(header: ["", "scenario", "differs from main"], rightAligned: [false, false, false])
        for n in forkNames {
            var what = ""
            if n != "main", let m = main, let w = workspace(named: n) {
                let d = WorkspaceDiff(m, w)
                var parts: [String] = []
                let defs = d.changed.count + d.onlyInA.count + d.onlyInB.count
                if defs > 0 { parts.append("\(defs) definition\(defs == 1 ? "" : "s")") }
                if !d.inputs.isEmpty { parts.append("\(d.inputs.count) input\(d.inputs.count == 1 ? "" : "s")") }
                if !d.agents.isEmpty { parts.append("\(d.agents.count) agent change\(d.agents.count == 1 ? "" : "s")") }
                what = parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
            }
            t.add([n == forkName ? "*" : "", n, what])
        }
        return Output(lines: t.render())
    }

    // MARK: compare

    /// `compare A B [PERIOD]`: each report figure per agent in A and B, the
    /// difference and percentage, and the plan's total cost to the owner.
    func compare(_ rest: String) -> Output {
        let usage = "compare needs two scenarios and optionally a period: compare main lower_tier 2026 [--csv|--json|--md|--xlsx FILE] [--out FILE]"
        let words: [String], format: FigureFormat
        do { (words, format) = try FigureFormat.parse(rest) } catch { return .error("\(error.message); \(usage)") }
        guard words.count == 2 || words.count == 3 else { return .error(usage) }
        let (a, b) = (words[0], words[1])
        guard let wa = workspace(named: a) else { return .error(unknownFork(a)) }
        guard let wb = workspace(named: b) else { return .error(unknownFork(b)) }
        let p: Period
        if words.count == 3 {
            guard let q = Period(text: words[2]) else {
                return .error("'\(words[2])' is not a period: write a month 2026-03, a quarter 2026-Q1, a half 2026-H1 or a year 2026")
            }
            p = q
        } else { p = Period(grain: .year, start: Month(year: wa.years.lowerBound, month: 1)) }
        let ea: Engine, eb: Engine
        do { ea = try engine(named: a); eb = try engine(named: b) } catch { return .error(Session.describe(error)) }
        guard ea.index(of: p) != nil || eb.index(of: p) != nil else {
            return .error("\(p) is outside these scenarios' years (\(wa.years.lowerBound)–\(wa.years.upperBound))")
        }
        var figures = ea.reportFigures
        for f in eb.reportFigures where !figures.contains(f) { figures.append(f) }
        let totalName = ea.plan.total ?? eb.plan.total
        // The owner's cost beside gross pay when the plans have it (use takehome): employer_cost per agent and in total.
        let costName: String? = ["employer_cost"].first { n in
            [ea, eb].contains { e in e.plan.ruleIndex[n].map { e.plan.rules[$0].dimension.perAgent } ?? false } && n != totalName
        }
        if let c = costName, !figures.contains(c) { figures.append(c) }
        var agents = wa.agents.map(\.name)
        for n in wb.agents.map(\.name) where !agents.contains(n) { agents.append(n) }
        var t = FigureTable(name: "\(a) vs \(b)", title: "\(a) vs \(b) — \(p)", header: ["agent", "figure", a, b, "difference", "%"], rightAligned: [false, false, true, true, true, true])
        // Each side's cost is the sum of its own agents' pay: an agent only in
        // one scenario costs nothing in the other. An error value (or an
        // overflow) makes that side's total the error, named below the table.
        var sumA = Value.number(.zero), sumB = Value.number(.zero)
        var costA = Value.number(.zero), costB = Value.number(.zero)
        var notes: [String] = []
        func add(_ v: Value?, to sum: inout Value, agent: String, side: String, figure: String? = nil) {
            guard let v, case .number(let s) = sum else { return }
            switch v {
            case .number(let x):
                sum = Fixed.checkedAdd(s, x).map(Value.number) ?? .error(EvalError(.overflow, "the total is too large"))
                if case .error = sum { notes.append("the total of \(side) is too large to add up") }
            case .error(let e):
                sum = v
                notes.append("the total of \(side) is not known: \(agent)'s \(figure ?? totalName ?? "pay") is \(e.code) (\(e.message))")
            default: break
            }
        }
        for agent in agents {
            for (i, f) in figures.enumerated() {
                let va = ea.figure(rule: f, agent: agent, period: p), vb = eb.figure(rule: f, agent: agent, period: p)
                t.add([.text(i == 0 ? agent : ""), .text(f), va.map { .value($0) } ?? .text("—"), vb.map { .value($0) } ?? .text("—")] + Session.differenceCells(va, vb))
                if f == totalName {
                    add(va, to: &sumA, agent: agent, side: a)
                    add(vb, to: &sumB, agent: agent, side: b)
                }
                if f == costName {
                    add(va, to: &costA, agent: agent, side: a, figure: f)
                    add(vb, to: &costB, agent: agent, side: b, figure: f)
                }
            }
        }
        t.separatorBefore = [t.rows.count]
        if let tn = totalName {
            let what = costName == nil ? "\(tn) (cost to the owner)" : "\(tn) (gross pay)"
            t.add([.text("total"), .text(what), .value(sumA), .value(sumB)] + Session.differenceCells(sumA, sumB))
        }
        if let cn = costName {
            t.add([.text(totalName == nil ? "total" : ""), .text("\(cn) (cost to the owner)"), .value(costA), .value(costB)] + Session.differenceCells(costA, costB))
        }
        var tables = [t]
        // A workbook also holds each fork's report of the period, one sheet per fork.
        if format.kind == .xlsx {
            for (name, e) in [(a, ea), (b, eb)] where e.index(of: p) != nil {
                var sheet = reportTable(p, engine: e, workspace: name == a ? wa : wb)
                sheet.name = name
                sheet.title = "\(name) — \(p)"
                tables.append(sheet)
            }
        }
        return emit(tables, as: format) { [t.title] + t.textLines() + notes }
    }

    /// A rule's name and the plan's label for it (`sales`, `销售额`), for axis titles.
    func ruleNameAndLabel(_ name: String) -> (name: String, label: String?) {
        (name, engine.plan.ruleIndex[name].flatMap { engine.plan.rules[$0].label })
    }

    /// The difference B − A and its percentage of A as cells: numbers for machine formats (the
    /// percentage as a plain number of percent), the signed text the terminal shows.
    static func differenceCells(_ a: Value?, _ b: Value?) -> [FigureTable.Cell] {
        let (diff, pct) = difference(a, b)
        guard case .number(let x)? = a, case .number(let y)? = b, let d = Fixed.checkedSubtract(y, x) else { return [.text(diff), .text(pct)] }
        var cells: [FigureTable.Cell] = [.money(d, shown: diff), .text(pct)]
        if !x.isZero, let q = Session.percentage(d, of: x) {
            cells[1] = FigureTable.Cell(text: pct, number: q.rounded(toDigits: 1), kind: .count)
        }
        return cells
    }

    /// `d` as a percentage of `x` (`d × 100 ÷ |x|`), worked out the other way round when `d × 100` would leave
    /// the range; `nil` when `x` is zero or the percentage itself is beyond ±10²⁶.
    static func percentage(_ d: Fixed, of x: Fixed) -> Fixed? {
        Fixed.checkedMultiply(d, Fixed(100)).flatMap { Fixed.checkedDivide($0, x.magnitude) }
            ?? Fixed.checkedDivide(d, x.magnitude).flatMap { Fixed.checkedMultiply($0, Fixed(100)) }
    }

    static func difference(_ a: Value?, _ b: Value?) -> (String, String) {
        guard case .number(let x)? = a, case .number(let y)? = b else {
            return (a == b ? "" : "≠", "")
        }
        // A difference beyond ±10²⁶ (two figures near the ends of the range) is #OVERFLOW.
        guard let d = Fixed.checkedSubtract(y, x) else { return (EvalError.Kind.overflow.rawValue, "") }
        let diff = d.isZero ? "0.00" : (d.isNegative ? "" : "+") + d.moneyText
        guard !x.isZero, let q = Session.percentage(d, of: x) else { return (diff, d.isZero ? "0.0%" : "—") }
        let r = q.rounded(toDigits: 1)
        return (diff, (r.isNegative || r.isZero ? "" : "+") + r.format(minimumFractionDigits: 1, grouping: true) + "%")
    }

    // MARK: explain … in A vs B

    /// `explain CELL in A vs B`: the figure in both, the definitions and
    /// inputs that differ, and the figures it reads that differ.
    func explainVersus(_ rest: String) -> Output {
        let usage = "write explain CELL in A vs B, e.g. explain 李雷.pay[2026-03] in main vs lower_tier"
        guard let inRange = rest.range(of: " in "), let vsRange = rest.range(of: " vs ", range: inRange.upperBound..<rest.endIndex) else {
            return .error(usage)
        }
        let ref = rest[..<inRange.lowerBound].trimmingCharacters(in: .whitespaces)
        let a = rest[inRange.upperBound..<vsRange.lowerBound].trimmingCharacters(in: .whitespaces)
        let b = rest[vsRange.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !ref.isEmpty, !a.isEmpty, !b.isEmpty else { return .error(usage) }
        guard let wa = workspace(named: a) else { return .error(unknownFork(a)) }
        guard let wb = workspace(named: b) else { return .error(unknownFork(b)) }
        let ea: Engine, eb: Engine
        do { ea = try engine(named: a); eb = try engine(named: b) } catch { return .error(Session.describe(error)) }
        guard let ca = ea.cell(named: ref) else { return .error("'\(ref)' is not a figure of \(a): write AGENT.FIGURE[PERIOD], e.g. 李雷.pay[2026-03]") }
        let cb = eb.cell(named: ref)
        let va = ea.value(ofCell: ca), vb = cb.map { eb.value(ofCell: $0) }
        var lines = ["\(ref) = \(va.displayText) in \(a), \(vb?.displayText ?? "— (not there)") in \(b)"
            + ({ let (d, p) = Session.difference(va, vb); return d.isEmpty || d == "0.00" ? "" : " (\(d), \(p))" })()]
        let diff = WorkspaceDiff(wa, wb)
        let up = ea.upstream(ofCell: ca)
        let usedRules = Set(up.map { ea.plan.rules[ea.coordinates(ofCell: $0).rule].name })
        let usedSources = usedRules.compactMap { wa.plan.definition(named: $0)?.source }
        func used(_ name: String) -> Bool {
            usedRules.contains(name) || usedSources.contains { Session.containsWord($0, name) }
        }
        if diff.isEmpty { lines.append("the two scenarios are the same") }
        if !diff.changed.isEmpty || !diff.onlyInA.isEmpty || !diff.onlyInB.isEmpty {
            lines.append("definitions that differ:")
            for c in diff.changed {
                lines.append("  \(c.name)\(used(c.name) ? " (read by this figure)" : "")")
                let oneLine = { (t: String) in t.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
                lines.append("    \(a): " + oneLine(c.a))
                lines.append("    \(b): " + oneLine(c.b))
            }
            for n in diff.onlyInA { lines.append("  \(n): only in \(a)\(used(n) ? " (read by this figure)" : "")") }
            for n in diff.onlyInB { lines.append("  \(n): only in \(b)") }
        }
        if !diff.agents.isEmpty { lines.append("agents that differ:"); lines += diff.agents.map { "  " + $0 } }
        if !diff.inputs.isEmpty {
            let upNames = Set(up.map { ea.name(ofCell: $0) })
            lines.append("inputs that differ:")
            for i in diff.inputs.prefix(20) {
                lines.append("  \(i.name): \(i.a?.moneyText ?? "not entered") in \(a), \(i.b?.moneyText ?? "not entered") in \(b)\(upNames.contains(i.name) ? " (read by this figure)" : "")")
            }
            if diff.inputs.count > 20 { lines.append("  … and \(diff.inputs.count - 20) more") }
        }
        var differing: [String] = []
        for c in up.dropFirst() {
            let n = ea.name(ofCell: c)
            guard ea.plan.rules[ea.coordinates(ofCell: c).rule].visible else { continue }
            let x = ea.value(ofCell: c), y = eb.cell(named: n).map { eb.value(ofCell: $0) }
            if x != y { differing.append("  \(n): \(x.displayText) in \(a), \(y?.displayText ?? "—") in \(b)") }
        }
        if !differing.isEmpty {
            lines.append("figures it reads that differ:")
            lines += differing.prefix(15)
            if differing.count > 15 { lines.append("  … and \(differing.count - 15) more") }
        } else if va == vb {
            lines.append("no figure it reads differs")
        }
        return Output(lines: lines)
    }

    static func containsWord(_ text: String, _ word: String) -> Bool {
        var search = text.startIndex..<text.endIndex
        while let r = text.range(of: word, range: search) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            let isWordChar: (Character?) -> Bool = { c in c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
            if !isWordChar(before) && !isWordChar(after) { return true }
            search = r.upperBound..<text.endIndex
        }
        return false
    }

    // MARK: Argument parsing for sweep, solve, cliffs

    /// Splits `words` at the keywords: keyword → the words after it up to the next keyword.
    static func clauses(_ words: [String], keywords: Set<String>) -> (head: [String], clauses: [String: [String]], repeated: String?) {
        var head: [String] = [], out: [String: [String]] = [:], current: String? = nil, repeated: String? = nil
        for w in words {
            if keywords.contains(w) {
                if out[w] != nil { repeated = w }
                current = w; out[w] = []
            } else if let c = current { out[c]!.append(w) } else { head.append(w) }
        }
        return (head, out, repeated)
    }

    /// An amount written after a keyword (`30万`, `40,000`, `¥500`).
    func amount(_ words: [String]?, _ what: String) throws -> Fixed {
        guard let words, !words.isEmpty else { throw WhatIfError("\(what) needs an amount, e.g. 30万 or 300000") }
        let text = words.joined(separator: " ")
        do {
            return try Session.constantAmount(try Parser.expression(text))
        } catch let e as SourceError {
            throw WhatIfError("\(what) '\(text)': \(e.message)")
        }
    }

    /// The agent (index) and month from `for AGENT` / `in PERIOD`, defaulting to
    /// the first agent and the first month; the note says which were chosen.
    func agentAndPeriod(_ c: [String: [String]]) throws -> (agent: Int, period: Period, note: String?) {
        var notes: [String] = []
        var agent = 0
        if let f = c["for"] {
            guard f.count == 1 else { throw WhatIfError("'for' takes one agent's name") }
            guard let i = workspace.agentIndex(named: f[0]) else { throw WhatIfError(unknownAgent(f[0])) }
            agent = i
        } else {
            guard let first = workspace.agents.first else { throw WhatIfError("there are no agents yet: agent add NAME") }
            notes.append("for \(first.name), the first agent")
        }
        var period = engine.period(.month, 0)
        if let p = c["in"] {
            guard p.count == 1, let q = Period(text: p[0]), q.grain == .month else {
                throw WhatIfError("'in' takes a month such as 2026-03")
            }
            guard engine.index(of: q) != nil else {
                throw WhatIfError("\(q) is outside this scenario's years (\(workspace.years.lowerBound)–\(workspace.years.upperBound))")
            }
            period = q
        } else { notes.append("in \(period), the first month") }
        return (agent, period, notes.isEmpty ? nil : "(" + notes.joined(separator: ", ") + "; add for AGENT in MONTH to choose)")
    }

    static func inputLabel(_ probe: InputProbe) -> String { probe.inputName }

    // MARK: sweep

    /// `sweep INPUT from X to Y step S show CELL[, CELL…] [for AGENT] [in MONTH] [--svg FILE]`.
    func sweep(_ rest: String) -> Output {
        let (head, c, repeated) = Session.clauses(rest.split(whereSeparator: \.isWhitespace).map(String.init),
                                                  keywords: ["from", "to", "step", "show", "for", "in", "--svg"])
        let usage = "write sweep INPUT from X to Y step S show FIGURE[, FIGURE…] [for AGENT] [in MONTH] [--svg FILE], e.g. sweep sales from 0 to 30万 step 1万 show pay"
        if let r = repeated { return .error("'\(r)' is given twice; \(usage)") }
        guard head.count == 1 else { return .error(head.isEmpty ? "sweep which input? \(usage)" : "'\(head.joined(separator: " "))': one input name, then from; \(usage)") }
        guard let show = c["show"], !show.isEmpty else { return .error("sweep needs show FIGURE; \(usage)") }
        let figures = show.joined(separator: " ").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            let from = try amount(c["from"], "from"), to = try amount(c["to"], "to"), step = try amount(c["step"], "step")
            let (agent, period, note) = try agentAndPeriod(c)
            let svgPath = c["--svg"]
            if let s = svgPath, s.count != 1 { throw WhatIfError("--svg takes one file name") }
            let probe = try InputProbe(engine: Engine(copying: engine), input: head[0], agent: agent, period: period, figures: figures)
            let result = try probe.sweep(from: from, to: to, step: step)
            var lines = ["sweep of \(probe.inputName) from \(from.moneyText) to \(to.moneyText) step \(step.moneyText); the workspace is not changed" + (note.map { " " + $0 } ?? "")]
            var t = TextTable(header: [head[0]] + figures, rightAligned: Array(repeating: true, count: figures.count + 1))
            let every = max(1, (result.rows.count + 59) / 60)
            for (i, r) in result.rows.enumerated() where i % every == 0 || i == result.rows.count - 1 {
                t.add([r.input.moneyText] + r.values.map(\.displayText))
            }
            lines += t.render()
            if every > 1 { lines.append("(every \(every)th of \(result.rows.count) rows shown; the chart uses all)") }
            let series = Session.seriesWithCliffs(result, probe: probe, index: 0)
            if !series.isEmpty {
                lines.append("")
                lines.append("\(probe.targetNames[0]) against \(head[0]):")
                lines += Chart.braille(series)
            }
            let marks = Session.boundaryMarks(result, probe: probe)
            if !marks.isEmpty {
                lines.append("tiers and conditions change at: " + marks.map { "\($0.x.moneyText) (\($0.label))" }.joined(separator: ", "))
            }
            if let s = svgPath?.first {
                var allSeries: [(name: String, points: Chart.Series)] = []
                for i in figures.indices {
                    let pts = Session.seriesWithCliffs(result, probe: probe, index: i)
                    if !pts.isEmpty { allSeries.append((probe.targetNames[i], pts)) }
                }
                let svg = Chart.svg(title: "\(probe.targetNames.joined(separator: ", ")) against \(probe.inputName)",
                                    xLabel: Chart.axisTitle([ruleNameAndLabel(head[0])]), yLabel: Chart.axisTitle(figures.map(ruleNameAndLabel)), series: allSeries,
                                    markers: marks.map { Chart.Marker(x: $0.x, label: "\($0.x.format(minimumFractionDigits: 0)) \($0.label)") })
                do { try AtomicFile.write(Data(svg.utf8), to: s) } catch { throw WhatIfError("\(error); no chart was written") }
                lines.append("wrote \(s)")
            }
            return Output(lines: lines)
        } catch let e as WhatIfError {
            return .error(e.message)
        } catch { return .error(Session.describe(error)) }
    }

    /// The sweep's points for figure `index`, with the two points on either side of every change point added.
    static func seriesWithCliffs(_ r: SweepResult, probe: InputProbe, index: Int) -> Chart.Series {
        var pts: [Int128: Fixed] = [:]
        for row in r.rows { if let v = InputProbe.number(row.values[index]) { pts[row.input.roundedFen] = v } }
        for b in r.boundaries {
            for f in [b.fen - 1, b.fen] where f >= (r.rows.first?.input.roundedFen ?? 0) {
                if let v = InputProbe.number(probe.values(atFen: f)[index]) { pts[f] = v }
            }
        }
        return pts.keys.sorted().map { (Fixed(fen: $0), pts[$0]!) }
    }

    /// Tier boundaries as (input, label): the tables whose tier changes, else the rules whose condition flips.
    /// A condition flip is marked only where the first figure jumps there.
    static func boundaryMarks(_ r: SweepResult, probe: InputProbe) -> [(x: Fixed, label: String)] {
        r.boundaries.compactMap { b in
            if b.tables.isEmpty {
                guard let x = probe.figure(atFen: b.fen - 1), let y = probe.figure(atFen: b.fen),
                      Fixed.checkedSubtract(y, x).map({ $0.magnitude > Fixed(1) }) ?? true else { return nil }
            }
            return (Fixed(fen: b.fen), (b.tables.isEmpty ? b.conditions : b.tables).joined(separator: ", "))
        }
    }

    // MARK: solve

    /// `solve INPUT for FIGURE = TARGET [for AGENT] [in MONTH] [from X] [to Y]`.
    func solve(_ rest: String) -> Output {
        let usage = "write solve INPUT for FIGURE = TARGET [for AGENT] [in MONTH] [from X] [to Y], e.g. solve sales for pay = 9000"
        var words = rest.replacingOccurrences(of: "=", with: " = ").split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 5, words[1] == "for", words[3] == "=" else { return .error(usage) }
        let input = words[0], figure = words[2]
        words.removeFirst(4)
        let (head, c, repeated) = Session.clauses(words, keywords: ["for", "in", "from", "to"])
        if let r = repeated { return .error("'\(r)' is given twice; \(usage)") }
        do {
            let target = try amount(head, "the target")
            let from = c["from"] == nil ? Fixed.zero : try amount(c["from"], "from")
            let to = c["to"] == nil ? Fixed(1_000_000_000) : try amount(c["to"], "to")
            let (agent, period, note) = try agentAndPeriod(c)
            let probe = try InputProbe(engine: Engine(copying: engine), input: input, agent: agent, period: period, figures: [figure])
            let goal = "\(probe.targetNames[0]) ≥ \(target.moneyText)"
            var lines: [String] = []
            switch try probe.solve(target: target, from: from, to: to) {
            case .reached(let x, let v, let before):
                if before == nil {
                    lines.append("\(goal) already at \(probe.inputName) = \(x.moneyText), the start of the range (\(figure) = \(v.moneyText))")
                } else if let b = before, Fixed.checkedSubtract(v, b).map({ $0 > Fixed(1) }) ?? true {
                    lines.append("\(probe.inputName) = \(x.moneyText) is the least that gives \(goal)")
                    lines.append("it is crossed by a jump: \(figure) goes from \(b.moneyText) at \(Fixed(fen: x.roundedFen - 1).moneyText) to \(v.moneyText) at \(x.moneyText)"
                                 + (v > target ? ", so exactly \(target.moneyText) is never paid" : ""))
                } else {
                    lines.append("\(probe.inputName) = \(x.moneyText) is the least that gives \(goal) (\(figure) = \(v.moneyText); at \(Fixed(fen: x.roundedFen - 1).moneyText) it is \(before!.moneyText))")
                }
            case .unreachable(let best, let at):
                lines.append("unreachable: \(goal) is not reached for \(input) from \(from.moneyText) to \(to.moneyText); the most is \(best.moneyText) at \(at.moneyText)")
            }
            if let n = note { lines.append(n) }
            return Output(lines: lines)
        } catch let e as WhatIfError {
            return .error(e.message)
        } catch { return .error(Session.describe(error)) }
    }

    // MARK: cliffs

    /// `cliffs FIGURE over INPUT from X to Y [threshold T] [for AGENT] [in MONTH]`.
    func cliffs(_ rest: String) -> Output {
        let usage = "write cliffs FIGURE over INPUT from X to Y [threshold T] [for AGENT] [in MONTH], e.g. cliffs pay over sales from 0 to 40万"
        let (head, c, repeated) = Session.clauses(rest.split(whereSeparator: \.isWhitespace).map(String.init),
                                                  keywords: ["over", "from", "to", "threshold", "for", "in"])
        if let r = repeated { return .error("'\(r)' is given twice; \(usage)") }
        guard head.count == 1, let over = c["over"], over.count == 1 else { return .error(usage) }
        do {
            let from = try amount(c["from"], "from"), to = try amount(c["to"], "to")
            let threshold = c["threshold"] == nil ? Fixed(100) : try amount(c["threshold"], "threshold")
            guard !threshold.isNegative else { throw WhatIfError("the threshold must not be negative") }
            let (agent, period, note) = try agentAndPeriod(c)
            let probe = try InputProbe(engine: Engine(copying: engine), input: over[0], agent: agent, period: period, figures: [head[0]])
            let (found, falling) = try probe.cliffs(from: from, to: to, threshold: threshold)
            var lines = ["\(probe.targetNames[0]) over \(probe.inputName) from \(from.moneyText) to \(to.moneyText): where one fen more changes it by more than \(threshold.moneyText)"]
            if found.isEmpty { lines.append("  no cliffs") }
            for cl in found {
                let why = (cl.tables + cl.conditions).joined(separator: ", ")
                // A jump beyond ±10²⁶ cannot be written as an amount.
                let jump = cl.change.map { d in d.isNegative ? "falls by " + d.magnitude.moneyText : "+" + d.moneyText } ?? "a change beyond ±10²⁶"
                lines.append("  \(over[0]) \(cl.from.moneyText) → \(cl.to.moneyText): \(head[0]) \(cl.before.moneyText) → \(cl.after.moneyText) (\(jump))\(why.isEmpty ? "" : "  " + why)")
            }
            if !falling.isEmpty {
                lines.append("where more \(over[0]) pays less:")
                for f in falling {
                    lines.append("  \(over[0]) from \(f.from.moneyText) to \(f.to.moneyText)\(f.openEnded ? " (the end of the range)" : ""): \(head[0]) is below \(f.reference.moneyText), what \(f.referenceInput.moneyText) pays")
                }
            }
            if let n = note { lines.append(n) }
            return Output(lines: lines)
        } catch let e as WhatIfError {
            return .error(e.message)
        } catch { return .error(Session.describe(error)) }
    }
}
