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
    /// A word of the what-if tables (a column, a total row's name) in the session's language.
    func word(_ m: WhatIfMessage) -> String { m.text(language) }

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
        guard let w = forks[name] else { throw WhatIfRefusal(unknownFork(name)) }
        if let kept = forkEngines[name], kept.workspace == w { return kept.engine }
        let e = try Engine(workspace: w)
        forkEngines[name] = (w, e)
        return e
    }

    func unknownFork(_ name: String) -> WhatIfMessage { .unknownFork(name, forks: forkNames) }

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
        guard !name.isEmpty else { return .error(WhatIfMessage.forkNeedsName) }
        switch Session.agentNameProblem(name) {
        case nil: break
        case .nameReserved?, .nameIsCommandWord?: return .error(WhatIfMessage.forkNameReserved(name))
        default: return .error(WhatIfMessage.badForkName(name))
        }
        guard workspace(named: name) == nil else { return .error(WhatIfMessage.forkExists(name)) }
        pushUndo(Snapshot(workspace: workspace, label: OutputLine(fixed: "fork \(name)"), forkState: currentForkState))
        forks[forkName] = workspace
        // The fork left behind keeps a copy of the engine; the current one goes on being edited.
        forkEngines[forkName] = (workspace, Engine(copying: engine))
        let from = forkName
        forkName = name
        // The file will hold the new fork beside main: unsaved until saved (undo takes it back off).
        isDirty = true
        return Output(message: WhatIfMessage.forked(from: from, to: name))
    }

    /// `switch NAME`: make another fork current.
    func switchFork(_ rest: String) -> Output {
        let name = rest.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return .error(WhatIfMessage.switchToWhich(forks: forkNames)) }
        if name == forkName { return .error(WhatIfMessage.alreadyOn(name)) }
        guard let target = forks[name] else { return .error(unknownFork(name)) }
        let before = currentForkState, old = workspace, oldEngine = engine
        let kept = forkEngines[name].flatMap { $0.workspace == target ? $0.engine : nil }
        // The scenario file holds every fork, whichever is current: switching changes nothing a save would
        // write, so the unsaved mark stays as it was (issue 13). The step keeps the generation it
        // left, so undo and redo of the switch alone leave the mark as it was too.
        let (generationBefore, dirtyBefore) = (generation, isDirty)
        let out = commit(target, label: "switch \(name)", built: kept, reportChanges: false)
        if out.failed {
            return Output(errors: out.errors.map { d in
                var e = Diagnostic(WhatIfMessage.cannotSwitch(name, because: Wording(en: d.said.text(.en), zh: d.said.text(.zh))), source: d.source, range: d.range)
                e.severity = d.severity
                return e
            })
        }
        undoStack[undoStack.count - 1].forkState = before
        forks[before.current] = old
        forks[name] = nil
        forkName = name
        forkEngines[name] = nil
        forkEngines[before.current] = (old, oldEngine)
        (generation, isDirty) = (generationBefore, dirtyBefore)
        return Output(message: WhatIfMessage.nowOn(name))
    }

    /// `scenarios`: the forks held, the current one marked, with what differs from main.
    func listForks(_ rest: String) -> Output {
        guard rest.isEmpty else { return .error(WhatIfMessage.scenariosTakesNothing) }
        let main = workspace(named: "main")
        var t = TextTable(header: ["", word(.column(.scenario)), word(.column(.differsFromMain))], rightAligned: [false, false, false])
        for n in forkNames {
            var what = ""
            if n != "main", let m = main, let w = workspace(named: n) {
                let d = WorkspaceDiff(m, w)
                what = WhatIfMessage.forkDiffers(definitions: d.changed.count + d.onlyInA.count + d.onlyInB.count, inputs: d.inputs.count,
                                                 agents: d.agents.count).text(language)
            }
            t.add([n == forkName ? "*" : "", n, what])
        }
        return Output(fixedLines: t.render())
    }

    // MARK: compare

    /// `compare A B [PERIOD]`: each report figure per agent in A and B, the
    /// difference and percentage, and the plan's total cost to the owner.
    ///
    /// On the terminal only the agents with a figure that differs are listed, with a
    /// count of the others (`--all` lists everyone); exports (`--csv`, `--json`, `--md`,
    /// `--xlsx`, `--out`) always hold every agent.
    /// - Complexity: O(agents × figures × months in the period).
    func compare(_ rest: String) -> Output {
        let words: [String], format: FigureFormat, everyone: Bool
        do {
            let args = try CommandArguments.parse(rest, options: FigureFormat.options, flags: FigureFormat.flags.union(["--all"]))
            (words, format, everyone) = (args.positional, try FigureFormat(args), args.has("--all"))
        } catch { return .error(WhatIfMessage.compareUsageAfter(problem: OutputLine(error))) }
        // The terminal shows the agents whose figures differ; a file or machine format holds everyone.
        let listEveryone = everyone || format.kind != .text || format.file != nil
        guard words.count == 2 || words.count == 3 else { return .error(WhatIfMessage.compareUsage) }
        let (a, b) = (words[0], words[1])
        guard let wa = workspace(named: a) else { return .error(unknownFork(a)) }
        guard let wb = workspace(named: b) else { return .error(unknownFork(b)) }
        let p: Period
        if words.count == 3 {
            guard let q = Period(text: words[2]) else { return .error(WhatIfMessage.notAPeriod(words[2])) }
            p = q
        } else { p = Period(grain: .year, start: Month(year: wa.years.lowerBound, month: 1)) }
        let ea: Engine, eb: Engine
        do { ea = try engine(named: a); eb = try engine(named: b) } catch { return refusal(error) }
        guard ea.index(of: p) != nil || eb.index(of: p) != nil else {
            return .error(WhatIfMessage.outsideYears(p, from: wa.years.lowerBound, to: wa.years.upperBound))
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
        let inA = Set(agents)
        for n in wb.agents.map(\.name) where !inA.contains(n) { agents.append(n) }
        let zh = language == .zh
        let labels = labelsOf(ea).merging(labelsOf(eb)) { x, _ in x }
        func shown(_ f: String) -> String { zh ? labels[f] ?? f : f }
        var t = FigureTable(name: "\(a) vs \(b)", title: WhatIfMessage.compareTitle(a, b, p).text(language),
                            header: [word(.column(.agent)), word(.column(.figure)), a, b, word(.column(.difference)), "%"], rightAligned: [false, false, true, true, true, true])
        // Each side's cost is the sum of its own agents' pay: an agent only in
        // one scenario costs nothing in the other. An error value (or an
        // overflow) makes that side's total the error, named below the table.
        var sumA = Value.number(.zero), sumB = Value.number(.zero)
        var costA = Value.number(.zero), costB = Value.number(.zero)
        var notes: [any Message] = []
        func add(_ v: Value?, to sum: inout Value, agent: String, side: String, figure: String? = nil) {
            guard let v, case .number(let s) = sum else { return }
            switch v {
            case .number(let x):
                sum = Fixed.checkedAdd(s, x).map(Value.number) ?? .error(EvalError(.totalTooLarge))
                if case .error = sum { notes.append(WhatIfMessage.totalTooLarge(side: side)) }
            case .error(let e):
                sum = v
                notes.append(WhatIfMessage.totalNotKnown(side: side, agent: agent, figure: figure ?? totalName ?? "pay", code: e.code, why: e.message))
            default: break
            }
        }
        // Ctrl-C stops it at any agent; nothing is written until the tables are complete.
        let throttle = progressThrottle()
        defer { throttle.clear() }
        var unchanged = 0
        // Text figures by the plan's value labels under zh, worked out once per figure.
        let figureLabels = figures.map { zh ? workspace.plan.valueLabels(for: $0) : [:] }
        for (k, agent) in agents.enumerated() {
            if interruptCheck() { return stopped("compare") }
            throttle.update(ProgressMessage.compared(k: k, count: agents.count).text(language))
            let pairs = figures.map { f in (ea.figure(rule: f, agent: agent, period: p), eb.figure(rule: f, agent: agent, period: p)) }
            let differs = pairs.contains { $0.0 != $0.1 }
            if !differs { unchanged += 1 }
            for (i, (f, (va, vb))) in zip(figures, pairs).enumerated() {
                if differs || listEveryone {
                    // A flag reads 是/否 under zh, as in report.
                    func cell(_ v: Value?) -> FigureTable.Cell { v.map { .value(zh ? Session.inChinese($0, labels: figureLabels[i]) : $0) } ?? .text("—") }
                    t.add([.text(i == 0 ? agent : ""), .text(shown(f)), cell(va), cell(vb)] + Session.differenceCells(va, vb))
                }
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
            let what = word(.totalOf(figure: tn, label: shown(tn), cost: costName == nil))
            t.add([.text(word(.column(.total))), .text(what), .value(sumA), .value(sumB)] + Session.differenceCells(sumA, sumB))
        }
        if let cn = costName {
            t.add([.text(totalName == nil ? word(.column(.total)) : ""), .text(word(.totalOf(figure: cn, label: shown(cn), cost: true))), .value(costA), .value(costB)] + Session.differenceCells(costA, costB))
        }
        var tables = [t]
        do {
            // A workbook also holds each fork's report of the period, one sheet per fork.
            if format.kind == .xlsx {
                for (name, e) in [(a, ea), (b, eb)] where e.index(of: p) != nil {
                    var sheet = try reportTable(p, engine: e, workspace: name == a ? wa : wb, throttle: throttle)
                    sheet.name = name
                    sheet.title = "\(name) — \(p)"  // a name and a period: the same in both languages
                    tables.append(sheet)
                }
            }
            let hidden = listEveryone || unchanged == 0 ? [] : [WhatIfMessage.compareUnchanged(unchanged, of: agents.count, a, b, p).text(language)]
            return try emit(tables, as: format) { [t.title] + t.textLines() + hidden + notes.map { $0.text(language) } }
        } catch { return stopped("compare") }
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
        let usage = WhatIfMessage.explainVersusUsage
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
        do { ea = try engine(named: a); eb = try engine(named: b) } catch { return refusal(error) }
        guard let ca = ea.cell(named: ref) else { return .error(WhatIfMessage.notAFigureOf(ref, fork: a)) }
        let cb = eb.cell(named: ref)
        let va = ea.value(ofCell: ca), vb = cb.map { eb.value(ofCell: $0) }
        let zh = language == .zh
        let labels = zh ? workspace.plan.valueLabelsByValue : [:]
        func shown(_ v: Value) -> String { (zh ? Session.inChinese(v, labels: labels) : v).displayText }
        let (d, pct) = Session.difference(va, vb)
        var out = Output(message: WhatIfMessage.versusValues(cell: ref, a: a, valueA: shown(va), b: b, valueB: vb.map(shown),
                                                            difference: d.isEmpty || d == "0.00" ? nil : "\(d), \(pct)"))
        let diff = WorkspaceDiff(wa, wb)
        let up = ea.upstream(ofCell: ca)
        let usedRules = Set(up.map { ea.plan.rules[ea.coordinates(ofCell: $0).rule].name })
        let usedSources = usedRules.compactMap { wa.plan.definition(named: $0)?.source }
        func used(_ name: String) -> Bool {
            usedRules.contains(name) || usedSources.contains { Session.containsWord($0, name) }
        }
        if diff.isEmpty { out.add(WhatIfMessage.scenariosAreTheSame) }
        if !diff.changed.isEmpty || !diff.onlyInA.isEmpty || !diff.onlyInB.isEmpty {
            out.add(WhatIfMessage.definitionsDiffer)
            for c in diff.changed {
                out.add(WhatIfMessage.changedDefinition(c.name, read: used(c.name)))
                let oneLine = { (t: String) in t.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
                out.add(fixed: "    \(a): " + oneLine(c.a))
                out.add(fixed: "    \(b): " + oneLine(c.b))
            }
            for n in diff.onlyInA { out.add(WhatIfMessage.onlyIn(n, fork: a, read: used(n))) }
            for n in diff.onlyInB { out.add(WhatIfMessage.onlyIn(n, fork: b, read: false)) }
        }
        if !diff.agents.isEmpty {
            out.add(WhatIfMessage.agentsDiffer)
            for c in diff.agentChanges { out.add(WhatIfMessage.agentDiffers(c.name, c.change)) }
            if let y = diff.years { out.add(WhatIfMessage.yearsDiffer(y.a, y.b)) }
        }
        if !diff.inputs.isEmpty {
            let upNames = Set(up.map { ea.name(ofCell: $0) })
            out.add(WhatIfMessage.inputsDiffer)
            for i in diff.inputs.prefix(20) {
                out.add(WhatIfMessage.inputDiffers(cell: i.name, a: a, valueA: i.a, b: b, valueB: i.b, read: upNames.contains(i.name)))
            }
            if diff.inputs.count > 20 { out.add(WhatIfMessage.andMore(diff.inputs.count - 20)) }
        }
        var differing: [WhatIfMessage] = []
        for c in up.dropFirst() {
            let n = ea.name(ofCell: c)
            guard ea.plan.rules[ea.coordinates(ofCell: c).rule].visible else { continue }
            let x = ea.value(ofCell: c), y = eb.cell(named: n).map { eb.value(ofCell: $0) }
            if x != y { differing.append(.figureDiffers(cell: n, a: a, valueA: shown(x), b: b, valueB: y.map(shown))) }
        }
        if !differing.isEmpty {
            out.add(WhatIfMessage.figuresItReadsDiffer)
            for m in differing.prefix(15) { out.add(m) }
            if differing.count > 15 { out.add(WhatIfMessage.andMore(differing.count - 15)) }
        } else if va == vb {
            out.add(WhatIfMessage.noFigureItReadsDiffers)
        }
        return out
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
    func amount(_ words: [String]?, _ what: AmountSlot) throws -> Fixed {
        guard let words, !words.isEmpty else { throw WhatIfRefusal(WhatIfMessage.needsAmount(what)) }
        let text = words.joined(separator: " ")
        do {
            return try Session.constantAmount(try Parser.expression(text))
        } catch let e as SourceError {
            throw WhatIfRefusal(WhatIfMessage.badAmount(what, text: text, problem: SourceErrorMessage(e.kind)))
        }
    }

    /// The agent (index) and month from `for AGENT` / `in PERIOD`, defaulting to
    /// the first agent and the first month they are employed in; the note says which were chosen.
    /// - Throws: `WhatIfRefusal` for a month the agent is not employed in (hired after it, or left
    ///   before it): every figure of theirs there is 0, so a sweep would show rows of 0.00 (fresh user, session 10).
    func agentAndPeriod(_ c: [String: [String]]) throws -> (agent: Int, period: Period, note: WhatIfMessage?) {
        var firstAgent: String?, firstMonth: Period?
        var agent = 0
        if let f = c["for"] {
            guard f.count == 1 else { throw WhatIfRefusal(WhatIfMessage.forTakesOneAgent) }
            let name = CommandArguments.unquoted(f[0])
            guard let i = workspace.agentIndex(named: name) else { throw WhatIfRefusal(unknownAgent(name)) }
            agent = i
        } else {
            guard let first = workspace.agents.first else { throw WhatIfRefusal(WhatIfMessage.noAgentsYet) }
            firstAgent = first.name
        }
        var period = engine.period(.month, 0)
        if let p = c["in"] {
            guard p.count == 1, let q = Period(text: p[0]), q.grain == .month else {
                throw WhatIfRefusal(WhatIfMessage.inTakesAMonth)
            }
            guard engine.index(of: q) != nil else {
                throw WhatIfError(.outsideYears(q, from: workspace.years.lowerBound, to: workspace.years.upperBound))
            }
            if let why = notEmployed(agent, q) {
                throw WhatIfRefusal(WhatIfMessage.notEmployed(why, employed: employedMonths(agent)))
            }
            period = q
        } else if let months = employedMonths(agent), months.first > period {
            return (agent, months.first, WhatIfMessage.chosen(firstAgent: firstAgent, firstMonth: months.first, firstEmployed: workspace.agents[agent].name))
        } else { firstMonth = period }
        return (agent, period, firstAgent == nil && firstMonth == nil ? nil : WhatIfMessage.chosen(firstAgent: firstAgent, firstMonth: firstMonth))
    }

    /// The first and last month of the scenario's years in which agent `a` is employed at least one day
    /// (from the hire month to the leaving month), or nil when none is.
    /// - Complexity: O(1).
    func employedMonths(_ a: Int) -> (first: Period, last: Period)? {
        let person = workspace.agents[a], y = workspace.years
        var first = Month(year: y.lowerBound, month: 1), last = Month(year: y.upperBound, month: 12)
        if let h = person.hired { first = max(first, h.monthValue) }
        if let l = person.left { last = min(last, l.monthValue) }
        guard first <= last else { return nil }
        return (Period(grain: .month, start: first), Period(grain: .month, start: last))
    }

    static func inputLabel(_ probe: InputProbe) -> String { probe.inputName }

    /// What puts the session's engine back after a what-if probe on it (sweep, solve, cliffs), stopped or not.
    /// The probes edit the session's own engine and restore it (`InputProbe.restore`), instead of a copy whose
    /// first edit duplicated the whole value array (187 MB at 10,000 agents). The restored values are those
    /// before the probe, so the kept check of pay outside employment, if current before, stays current.
    func probeRestorer() -> (InputProbe) -> Void {
        let current = outsideEmployment.map { $0.engine === engine && $0.revision == engine.revision } ?? false
        return { [unowned self] probe in
            probe.restore()
            if current, outsideEmployment?.engine === engine { outsideEmployment?.revision = engine.revision }
        }
    }

    /// A refused what-if command: its message (`WhatIfRefusal`, a `WhatIfError`'s reason), or any other
    /// error said from its type (`Session.diagnostic`).
    func refusal(_ error: Error) -> Output {
        switch error {
        case let e as WhatIfRefusal: return .error(e.said)
        case let e as WhatIfError: return .error(WhatIfMessage.probe(e.reason))
        default: return .error(Session.diagnostic(error))
        }
    }

    // MARK: sweep

    /// `sweep INPUT from X to Y step S show CELL[, CELL…] [for AGENT] [in MONTH] [--svg FILE]`.
    func sweep(_ rest: String) -> Output {
        let (head, c, repeated) = Session.clauses(rest.split(whereSeparator: \.isWhitespace).map(String.init),
                                                  keywords: ["from", "to", "step", "show", "for", "in", "--svg"])
        if let r = repeated { return .error(WhatIfMessage.givenTwice(r, usage: .sweepUsage)) }
        guard head.count == 1 else { return .error(head.isEmpty ? WhatIfMessage.sweepWhichInput : WhatIfMessage.oneInputName(head.joined(separator: " "))) }
        guard let show = c["show"], !show.isEmpty else { return .error(WhatIfMessage.sweepNeedsShow) }
        let figures = show.joined(separator: " ").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            let from = try amount(c["from"], .from), to = try amount(c["to"], .to), step = try amount(c["step"], .step)
            let (agent, period, note) = try agentAndPeriod(c)
            let svgPath = c["--svg"]
            if let s = svgPath, s.count != 1 { throw WhatIfRefusal(WhatIfMessage.svgTakesOneFile) }
            let probe = try InputProbe(engine: engine, input: head[0], agent: agent, period: period, figures: figures)
            let restoring = probeRestorer()
            defer { restoring(probe) }
            let throttle = progressThrottle()
            defer { throttle.clear() }
            watch(probe, "sweep", throttle)
            let result = try probe.sweep(from: from, to: to, step: step)
            var out = Output(message: WhatIfMessage.sweepHeader(input: probe.inputName, from: from, to: to, step: step))
            if let note { out.add(note) }
            let zh = language == .zh
            let labels = planLabels()
            func shown(_ n: String) -> String { zh ? labels[n] ?? n : n }
            var t = TextTable(header: [shown(head[0])] + figures.map(shown), rightAligned: Array(repeating: true, count: figures.count + 1))
            let every = max(1, (result.rows.count + 59) / 60)
            for (i, r) in result.rows.enumerated() where i % every == 0 || i == result.rows.count - 1 {
                t.add([r.input.moneyText] + r.values.map { (zh ? Session.inChinese($0) : $0).displayText })
            }
            for line in t.render() { out.add(fixed: line) }
            if every > 1 { out.add(WhatIfMessage.everyNthRow(every, of: result.rows.count)) }
            let series = Session.seriesWithCliffs(result, probe: probe, index: 0)
            if !series.isEmpty {
                out.add(fixed: "")
                out.add(WhatIfMessage.chartTitle(figure: probe.targetNames[0], input: shown(head[0])))
                for line in Chart.braille(series) { out.add(fixed: line) }
            }
            let marks = Session.boundaryMarks(result, probe: probe, naming: shown)
            if !marks.isEmpty { out.add(WhatIfMessage.changesAt(marks)) }
            if let s = svgPath?.first {
                var allSeries: [(name: String, points: Chart.Series)] = []
                for i in figures.indices {
                    let pts = Session.seriesWithCliffs(result, probe: probe, index: i)
                    if !pts.isEmpty { allSeries.append((probe.targetNames[i], pts)) }
                }
                let svg = Chart.svg(title: "\(probe.targetNames.joined(separator: ", ")) against \(probe.inputName)",
                                    xLabel: Chart.axisTitle([ruleNameAndLabel(head[0])]), yLabel: Chart.axisTitle(figures.map(ruleNameAndLabel)), series: allSeries,
                                    markers: marks.map { Chart.Marker(x: $0.x, label: "\($0.x.format(minimumFractionDigits: 0)) \($0.label)") })
                if let problem = figureTargetProblem(s) { throw WhatIfRefusal(problem) }
                do { try AtomicFile.write(Data(svg.utf8), to: s) } catch { throw WhatIfRefusal(WhatIfMessage.noChartWritten(Session.describeBoth(error)[language])) }
                out.add(WhatIfMessage.wrote(s))
            }
            return out
        } catch is Interrupted {
            return stopped("sweep")
        } catch { return refusal(error) }
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
    /// The labels of the current plan's rules, inputs, parameters and rate tables, by name: what
    /// sweep, solve and cliffs name a figure or table by under zh.
    func planLabels() -> [String: String] {
        var out = labelsOf(engine)
        for d in workspace.plan.definitions { if let l = d.statement.label, out[d.name] == nil { out[d.name] = l } }
        return out
    }

    /// The inputs where a tier or condition changes, each named by `naming` (a label under zh).
    static func boundaryMarks(_ r: SweepResult, probe: InputProbe, naming: (String) -> String = { $0 }) -> [(x: Fixed, label: String)] {
        r.boundaries.compactMap { b in
            if b.tables.isEmpty {
                guard let x = probe.figure(atFen: b.fen - 1), let y = probe.figure(atFen: b.fen),
                      Fixed.checkedSubtract(y, x).map({ $0.magnitude > Fixed(1) }) ?? true else { return nil }
            }
            return (Fixed(fen: b.fen), (b.tables.isEmpty ? b.conditions : b.tables).map(naming).joined(separator: ", "))
        }
    }

    // MARK: solve

    /// `solve INPUT for FIGURE = TARGET [for AGENT] [in MONTH] [from X] [to Y]`.
    func solve(_ rest: String) -> Output {
        var words = rest.replacingOccurrences(of: "=", with: " = ").split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 5, words[1] == "for", words[3] == "=" else { return .error(WhatIfMessage.solveUsage) }
        let input = words[0], figure = words[2]
        words.removeFirst(4)
        let (head, c, repeated) = Session.clauses(words, keywords: ["for", "in", "from", "to"])
        if let r = repeated { return .error(WhatIfMessage.givenTwice(r, usage: .solveUsage)) }
        do {
            let target = try amount(head, .target)
            let from = c["from"] == nil ? Fixed.zero : try amount(c["from"], .from)
            let to = c["to"] == nil ? Fixed(1_000_000_000) : try amount(c["to"], .to)
            let (agent, period, note) = try agentAndPeriod(c)
            let probe = try InputProbe(engine: engine, input: input, agent: agent, period: period, figures: [figure])
            let restoring = probeRestorer()
            defer { restoring(probe) }
            let throttle = progressThrottle()
            defer { throttle.clear() }
            watch(probe, "solve", throttle)
            let goal = "\(probe.targetNames[0]) ≥ \(target.moneyText)"
            let labels = planLabels()
            func shown(_ n: String) -> String { language == .zh ? labels[n] ?? n : n }
            var out = Output()
            switch try probe.solve(target: target, from: from, to: to) {
            case .reached(let x, let v, let before):
                let below = Fixed(fen: x.roundedFen - 1)
                if before == nil {
                    out.add(WhatIfMessage.alreadyReached(goal: goal, input: probe.inputName, at: x, figure: shown(figure), value: v))
                } else if let b = before, Fixed.checkedSubtract(v, b).map({ $0 > Fixed(1) }) ?? true {
                    out.add(WhatIfMessage.leastThatGives(input: probe.inputName, at: x, goal: goal))
                    out.add(WhatIfMessage.crossedByJump(figure: shown(figure), before: b, below: below, after: v, at: x, neverPaid: v > target ? target : nil))
                } else {
                    out.add(WhatIfMessage.leastThatGivesWithValues(input: probe.inputName, at: x, goal: goal, figure: shown(figure), value: v, below: below, before: before!))
                }
            case .unreachable(let best, let at):
                out.add(WhatIfMessage.unreachable(goal: goal, input: shown(input), from: from, to: to, best: best, at: at))
            }
            if let n = note { out.add(n) }
            return out
        } catch is Interrupted {
            return stopped("solve")
        } catch { return refusal(error) }
    }

    // MARK: cliffs

    /// `cliffs FIGURE over INPUT from X to Y [threshold T] [for AGENT] [in MONTH]`.
    func cliffs(_ rest: String) -> Output {
        let (head, c, repeated) = Session.clauses(rest.split(whereSeparator: \.isWhitespace).map(String.init),
                                                  keywords: ["over", "from", "to", "threshold", "for", "in"])
        if let r = repeated { return .error(WhatIfMessage.givenTwice(r, usage: .cliffsUsage)) }
        guard head.count == 1, let over = c["over"], over.count == 1 else { return .error(WhatIfMessage.cliffsUsage) }
        do {
            let from = try amount(c["from"], .from), to = try amount(c["to"], .to)
            let threshold = c["threshold"] == nil ? Fixed(100) : try amount(c["threshold"], .threshold)
            guard !threshold.isNegative else { throw WhatIfRefusal(WhatIfMessage.thresholdNegative) }
            let (agent, period, note) = try agentAndPeriod(c)
            let probe = try InputProbe(engine: engine, input: over[0], agent: agent, period: period, figures: [head[0]])
            let restoring = probeRestorer()
            defer { restoring(probe) }
            let throttle = progressThrottle()
            defer { throttle.clear() }
            watch(probe, "cliffs", throttle)
            let (found, falling) = try probe.cliffs(from: from, to: to, threshold: threshold)
            let labels = planLabels()
            func shown(_ n: String) -> String { language == .zh ? labels[n] ?? n : n }
            var out = Output(message: WhatIfMessage.cliffsHeader(figure: probe.targetNames[0], input: probe.inputName, from: from, to: to, threshold: threshold))
            if found.isEmpty { out.add(WhatIfMessage.noCliffs) }
            for cl in found {
                // A jump beyond ±10²⁶ cannot be written as an amount (`change` is nil).
                out.add(WhatIfMessage.cliff(input: shown(over[0]), from: cl.from, to: cl.to, figure: shown(head[0]), before: cl.before, after: cl.after,
                                            change: cl.change, why: (cl.tables + cl.conditions).map(shown)))
            }
            if !falling.isEmpty {
                out.add(WhatIfMessage.morePaysLess(shown(over[0])))
                for f in falling {
                    out.add(WhatIfMessage.fallingRange(input: shown(over[0]), from: f.from, to: f.to, openEnded: f.openEnded, figure: shown(head[0]),
                                                       below: f.reference, reference: f.referenceInput))
                }
            }
            if let n = note { out.add(n) }
            return out
        } catch is Interrupted {
            return stopped("cliffs")
        } catch { return refusal(error) }
    }
}
